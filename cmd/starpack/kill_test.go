package main

import (
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/stories"
)

// TestKillDuringBuild starts `starpack build --all` on a 2,000-story bank
// and kills it (SIGKILL) at 30 moments spread over a build's run time.
// After each kill the packet folder is the whole previous packet or the
// whole new one: its manifest names one of the two builds and every file
// matches the manifest's hash, with no file more or less. Each build goes
// from the folder's current packet to the other date's, so every kill
// interrupts a real replacement. A build that runs to the end afterwards
// leaves no staging folder or temporary file behind.
func TestKillDuringBuild(t *testing.T) {
	t.Parallel()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	ws := killBank(t)
	out := filepath.Join(ws, "out")
	dir := filepath.Join(out, packet.AllID)
	dates := []string{"2026-11-01", "2026-11-02"}
	start := func(date string) *exec.Cmd {
		cmd := exec.Command(exe, "build", "--all", "--quiet", "--workspace", ws, "--date", date)
		cmd.Env = append(os.Environ(), runMainEnv+"=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	// The two builds, run to the end: their ids, and how long one takes.
	ids := make([]string, 2)
	var took time.Duration
	for i, date := range dates {
		began := time.Now()
		if err := start(date).Wait(); err != nil {
			t.Fatalf("build %s: %v", date, err)
		}
		if d := time.Since(began); took == 0 || d < took {
			took = d // the faster run: the other may have warmed the caches
		}
		m := checkPacket(t, dir, nil)
		ids[i] = m.Build
	}
	if ids[0] == ids[1] {
		t.Fatalf("both dates gave build %s", ids[0])
	}
	t.Logf("a build takes %v", took)
	cur := 1
	const kills = 30
	for k := range kills {
		next := 1 - cur
		cmd := start(dates[next])
		time.Sleep(took * time.Duration(k) / kills)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		m := checkPacket(t, dir, []string{ids[cur], ids[next]})
		if m == nil {
			t.Fatalf("kill %d (after %v): the packet is neither the old nor the new one", k, took*time.Duration(k)/kills)
		}
		cur = slices.Index(ids, m.Build)
	}
	if err := start(dates[1-cur]).Wait(); err != nil {
		t.Fatal(err)
	}
	checkPacket(t, dir, []string{ids[1-cur]})
	if left := packet.Leftovers(out); len(left) > 0 {
		t.Errorf("the build after the kills left %q", left)
	}
}

// checkPacket checks that the packet folder dir holds exactly the files its
// manifest lists, each with the manifest's hash, and that the manifest is
// of one of builds (any, when nil). It returns the manifest, or nil after
// reporting what is wrong.
func checkPacket(t *testing.T, dir string, builds []string) *packet.Manifest {
	t.Helper()
	m, err := packet.ReadManifest(dir)
	if err != nil {
		t.Errorf("%s: %v", dir, err)
		return nil
	}
	if builds != nil && !slices.Contains(builds, m.Build) {
		t.Errorf("%s: build %s, want one of %q", dir, m.Build, builds)
		return nil
	}
	if bad := m.Check(dir); len(bad) > 0 {
		t.Errorf("%s: files differ from the manifest of build %s: %q", dir, m.Build, bad)
		return nil
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if e.Name() != packet.ManifestFile {
			names = append(names, e.Name())
		}
	}
	if want := slices.Sorted(maps.Keys(m.Files)); !slices.Equal(names, want) {
		t.Errorf("%s holds %q, the manifest lists %q", dir, names, want)
		return nil
	}
	return m
}

// killBank writes a workspace of 2,000 short stories (20 projects of 100)
// whose lint rules are off, so that a build spends its time on the
// packet.
func killBank(t *testing.T) string {
	ws := t.TempDir()
	var rules []string
	for _, r := range []string{"spelling", "duplicate", "filler", "length", "we-vs-i", "result-number", "star-missing", "unknown-question", "empty-field"} {
		rules = append(rules, r+": off")
	}
	files := map[string]string{"starpack.yaml": "lint: {rules: {" + strings.Join(rules, ", ") + "}}\n"}
	qs := stories.NewCatalog().IDs()[:9]
	for p := range 20 {
		var b strings.Builder
		fmt.Fprintf(&b, "project: Project %d\nstories:\n", p)
		for i := range 100 {
			fmt.Fprintf(&b, "  - {id: p%d.s%d, question: %s, action: Fixed job %d in %d days., result: Saved %d hours.}\n", p, i, qs[(p*100+i)%len(qs)], i, p+1, i+2)
		}
		files[fmt.Sprintf("stories/p%02d.yaml", p)] = b.String()
	}
	for name, data := range files {
		path := filepath.Join(ws, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return ws
}
