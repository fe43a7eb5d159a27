package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/export/packet"
)

// testApp runs starpack in dir with a fixed clock and no environment.
func testApp(t *testing.T) (*app, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var out, errb bytes.Buffer
	return &app{stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
		now: func() time.Time { return time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC) }}, &out, &errb
}

func (a *app) exec(args ...string) error {
	root := newRootCmd(a)
	root.SetArgs(args)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	return root.Execute()
}

// TestBuildFailureKeepsOldPacket injects a renderer that fails after
// notes.md has been rendered: the previous packet must stay as it was, and
// no temporary file may be left behind.
func TestBuildFailureKeepsOldPacket(t *testing.T) {
	t.Chdir(t.TempDir())
	a, _, _ := testApp(t)
	if err := a.exec("init", "--example", "ws"); err != nil {
		t.Fatal(err)
	}
	if err := a.exec("build", "--workspace", "ws", "example"); err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join("ws", "out", "example", "notes.md")
	before, err := os.ReadFile(notes)
	if err != nil {
		t.Fatal(err)
	}
	// Change the role so that a successful build would change notes.md.
	role := filepath.Join("ws", "roles", "example.yaml")
	data, _ := os.ReadFile(role)
	os.WriteFile(role, bytes.Replace(data, []byte("Northwind Analytics"), []byte("Changed Inc"), 1), 0o644)

	a.outputs = append(packet.Outputs(), packet.Output{Name: "boom", File: "boom.bin", Render: func(w io.Writer, p *export.Packet, a *packet.Assets) ([]string, error) {
		io.WriteString(w, "half a file")
		return nil, errors.New("renderer failed half-way")
	}})
	err = a.exec("build", "--workspace", "ws", "example")
	if !errors.Is(err, errSilent) {
		t.Fatalf("build with a failing renderer: %v", err)
	}
	after, _ := os.ReadFile(notes)
	if !bytes.Equal(before, after) {
		t.Error("notes.md changed although the build failed")
	}
	known := map[string]bool{packet.ManifestFile: true}
	for _, o := range packet.Outputs() {
		known[o.File] = true
	}
	entries, _ := os.ReadDir(filepath.Dir(notes))
	for _, e := range entries {
		if !known[e.Name()] {
			t.Errorf("unexpected file left in the packet folder: %s", e.Name())
		}
	}
}

// TestOutputConfined refuses a packet folder that is a link out of the
// output folder.
func TestOutputConfined(t *testing.T) {
	t.Chdir(t.TempDir())
	a, _, errb := testApp(t)
	if err := a.exec("init", "--example", "ws"); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join("ws", "out"), 0o755)
	os.Mkdir("elsewhere", 0o755)
	abs, _ := filepath.Abs("elsewhere")
	if err := os.Symlink(abs, filepath.Join("ws", "out", "example")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	err := a.exec("build", "--workspace", "ws", "example")
	if !errors.Is(err, errSilent) || !strings.Contains(errb.String(), "the output folder is a link to") {
		t.Fatalf("err %v, stderr %s", err, errb.String())
	}
	if entries, _ := os.ReadDir("elsewhere"); len(entries) != 0 {
		t.Errorf("wrote through the link: %v", entries)
	}
}

// TestBatchOfFifty builds 50 roles on the real bank with one role broken:
// 49 packets, one clear error, exit 1.
func TestBatchOfFifty(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 50 packets")
	}
	t.Chdir(t.TempDir())
	a, out, errb := testApp(t)
	if err := a.exec("init", "--example", "ws"); err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile(filepath.Join("ws", "roles", "example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join("ws", "roles", "example.yaml"))
	for i := 1; i <= 50; i++ {
		data := example
		if i == 17 {
			data = bytes.Replace(example, []byte("date: 2026-12-03"), []byte("date: 2026-13-45x"), 1)
		}
		os.WriteFile(filepath.Join("ws", "roles", fmt.Sprintf("role-%02d.yaml", i)), data, 0o644)
	}
	out.Reset()
	err = a.exec("build", "--workspace", "ws")
	if !errors.Is(err, errSilent) {
		t.Fatalf("exit: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Join("ws", "out"))
	if len(entries) != 49 {
		t.Errorf("%d packets, want 49", len(entries))
	}
	if _, err := os.Stat(filepath.Join("ws", "out", "role-17")); err == nil {
		t.Error("the broken role has a packet")
	}
	for _, e := range entries {
		for _, f := range []string{"brief.pdf", "cheatsheet.pdf", "matrix.xlsx", "notes.md"} {
			if _, err := os.Stat(filepath.Join("ws", "out", e.Name(), f)); err != nil {
				t.Errorf("%s: %v", e.Name(), err)
			}
		}
	}
	errs := regexp.MustCompile(`(?m)^starpack: ws/roles/`).FindAllString(errb.String(), -1)
	if len(errs) != 1 || !strings.Contains(errb.String(), `ws/roles/role-17.yaml:6:7: date "2026-13-45x" is not a date`) {
		t.Errorf("want one error for role-17, got:\n%s", errb.String())
	}
	if !strings.Contains(errb.String(), "starpack: built 49 of 50 packets in ws/out; 1 failed") {
		t.Errorf("no summary in:\n%s", errb.String())
	}
	if n := strings.Count(out.String(), "\n"); n != 49 {
		t.Errorf("%d lines on stdout, want 49", n)
	}
}

// TestBuildShowsFewLintErrors: build shows the first lint errors and a
// pointer to the rest, not a flood for a large bank.
func TestBuildShowsFewLintErrors(t *testing.T) {
	t.Chdir(t.TempDir())
	var bank strings.Builder
	bank.WriteString("project: P\nstories:\n")
	for i := range 7 {
		fmt.Fprintf(&bank, "  - {id: s%d, question: success, situation: It broke., action: I fixed it.}\n", i)
	}
	os.MkdirAll("ws/stories", 0o755)
	os.WriteFile("ws/starpack.yaml", nil, 0o644)
	os.WriteFile("ws/stories/p.yaml", []byte(bank.String()), 0o644)
	a, _, errb := testApp(t)
	if err := a.exec("build", "--workspace", "ws", "--all", "--only", "notes"); err != nil {
		t.Fatal(err, errb.String())
	}
	if n := strings.Count(errb.String(), "error: STAR answer without a Result"); n != maxBuildLintErrors {
		t.Errorf("%d lint errors shown, want %d:\n%s", n, maxBuildLintErrors, errb.String())
	}
	if !strings.Contains(errb.String(), "... and more errors (all of them: starpack lint)") || !strings.Contains(errb.String(), "7 stories: 7 errors") {
		t.Errorf("no pointer to the rest:\n%s", errb.String())
	}
}

// TestRendererPanicIsReported: a bug in a renderer gives a short "this is
// a bug" message and exit 1, not a stack trace, and writes nothing.
func TestRendererPanicIsReported(t *testing.T) {
	t.Chdir(t.TempDir())
	a, _, errb := testApp(t)
	a.outputs = []packet.Output{{Name: "boom", File: "boom.txt", Render: func(w io.Writer, p *export.Packet, a *packet.Assets) ([]string, error) {
		var m map[string]int
		//lint:ignore SA5000 a nil map write is the panic this test needs
		m["x"]++
		return nil, nil
	}}}
	var out bytes.Buffer
	a.stdout = &out
	code := 0
	if err := a.exec("build", "--date", "2026-11-20"); errors.Is(err, errSilent) {
		code = 1
	}
	if code != 1 || !strings.Contains(errb.String(), "internal error") || !strings.Contains(errb.String(), "this is a bug") {
		t.Fatalf("code %d, stderr:\n%s", code, errb.String())
	}
	if strings.Contains(errb.String(), "goroutine ") {
		t.Error("stack trace printed")
	}
	if _, err := os.Stat(filepath.Join("out", "example", "boom.txt")); err == nil {
		t.Error("a file was written")
	}
}

// TestRenderConcurrently: the outputs of a packet render at once, and a
// renderer that fails or panics fails the packet with the first error in
// output order and writes nothing; the warnings shown are those of the
// outputs up to the failing one, as when they rendered one by one.
func TestRenderConcurrently(t *testing.T) {
	t.Chdir(t.TempDir())
	started := make(chan struct{})
	together := func(w io.Writer, p *export.Packet, a *packet.Assets) ([]string, error) {
		started <- struct{}{} // blocks until the other renderer runs too
		io.WriteString(w, "a")
		return []string{"first warning"}, nil
	}
	waiting := func(w io.Writer, p *export.Packet, a *packet.Assets) ([]string, error) {
		<-started
		io.WriteString(w, "b")
		return nil, nil
	}
	failing := func(w io.Writer, p *export.Packet, a *packet.Assets) ([]string, error) {
		return []string{"its own warning"}, errors.New("renderer failed")
	}
	after := func(w io.Writer, p *export.Packet, a *packet.Assets) ([]string, error) {
		return []string{"lost warning"}, nil
	}
	panicking := func(w io.Writer, p *export.Packet, a *packet.Assets) ([]string, error) {
		panic("renderer panicked")
	}
	tests := []struct {
		name    string
		outs    []packet.Output
		err     string
		files   []string
		warning string
	}{
		{"together", []packet.Output{{Name: "a", File: "a.txt", Render: together}, {Name: "b", File: "b.txt", Render: waiting}}, "", []string{"a.txt", "b.txt", packet.ManifestFile}, "a.txt: first warning"},
		{"failing", []packet.Output{{Name: "a", File: "a.txt", Render: func(w io.Writer, p *export.Packet, a *packet.Assets) ([]string, error) {
			return []string{"first warning"}, nil
		}},
			{Name: "c", File: "c.txt", Render: failing}, {Name: "e", File: "e.txt", Render: after}}, "c.txt: renderer failed", nil, "c.txt: its own warning"},
		{"panicking", []packet.Output{{Name: "d", File: "d.txt", Render: panicking}, {Name: "c", File: "c.txt", Render: failing}}, "d.txt: internal error: renderer panicked", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, errb := testApp(t)
			a.outputs = tt.outs
			err := a.exec("build", "--out", tt.name)
			if tt.err == "" && err != nil || tt.err != "" && !errors.Is(err, errSilent) {
				t.Fatalf("build: %v\n%s", err, errb.String())
			}
			if !strings.Contains(errb.String(), tt.err) {
				t.Errorf("stderr %q does not say %q", errb.String(), tt.err)
			}
			if !strings.Contains(errb.String(), tt.warning) {
				t.Errorf("stderr %q does not warn %q", errb.String(), tt.warning)
			}
			if strings.Contains(errb.String(), "lost warning") {
				t.Errorf("a warning of the failed output was shown:\n%s", errb.String())
			}
			entries, _ := os.ReadDir(filepath.Join(tt.name, "example"))
			var got []string
			for _, e := range entries {
				got = append(got, e.Name())
			}
			if strings.Join(got, ",") != strings.Join(tt.files, ",") {
				t.Errorf("files %q, want %q", got, tt.files)
			}
		})
	}
}
