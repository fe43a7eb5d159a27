package packet

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestDir refuses ids that would leave the output folder.
func TestDir(t *testing.T) {
	out := t.TempDir()
	for _, id := range []string{"../x", "..", "a/b", `a\b`, "/abs", ""} {
		if _, err := Dir(out, id, ""); err == nil {
			t.Errorf("Dir(%q) accepted", id)
		}
	}
	if _, err := Dir(out, "acme", ""); err != nil {
		t.Errorf("Dir(acme): %v", err)
	}
}

// TestWriteReplacesWhole: a packet folder is replaced by one holding the
// new files, the old files this build does not write, and a manifest
// that matches them; nothing is left beside it.
func TestWriteReplacesWhole(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	dir := filepath.Join(out, "acme")
	if err := write(dir, []File{{"a.txt", []byte("old a")}, {"b.txt", []byte("old b")}}, Manifest{Build: "one"}); err != nil {
		t.Fatal(err)
	}
	if err := write(dir, []File{{"a.txt", []byte("new a")}}, Manifest{Build: "two"}); err != nil {
		t.Fatal(err)
	}
	m, err := ReadManifest(dir)
	if err != nil || m.Build != "two" || len(m.Files) != 2 || len(m.Check(dir)) != 0 {
		t.Fatalf("manifest %+v (%v), differing files %q", m, err, m.Check(dir))
	}
	for name, want := range map[string]string{"a.txt": "new a", "b.txt": "old b"} {
		if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if left := Leftovers(out); len(left) > 0 {
		t.Errorf("left %q", left)
	}
}

// TestSwapRenames swaps the way systems without an exchange do.
func TestSwapRenames(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	dir, stage := filepath.Join(out, "acme"), filepath.Join(out, ".acme.staging-1-2")
	os.MkdirAll(dir, 0o755)
	os.MkdirAll(stage, 0o755)
	os.WriteFile(filepath.Join(dir, "f"), []byte("old"), 0o644)
	os.WriteFile(filepath.Join(stage, "f"), []byte("new"), 0o644)
	if err := swapRenames(stage, dir); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "f")); string(got) != "new" {
		t.Errorf("packet holds %q", got)
	}
	if got, _ := os.ReadFile(filepath.Join(stage, "f")); string(got) != "old" {
		t.Errorf("the old packet is not at the staging folder: %q", got)
	}
}

// TestCleanAfterKill: a kill between the two renames leaves the packet
// parked and no packet folder; the next build puts it back and removes
// what killed runs left, but not what a running build (this one) uses.
func TestCleanAfterKill(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	dir := filepath.Join(out, "acme")
	dead := "999999999"
	parked := filepath.Join(out, ".acme.old-"+dead+"-7")
	os.MkdirAll(parked, 0o755)
	os.WriteFile(filepath.Join(parked, "notes.md"), []byte("old"), 0o644)
	stale := filepath.Join(out, ".acme.staging-"+dead+"-8")
	mine := filepath.Join(out, ".acme.staging-"+strconv.Itoa(os.Getpid())+"-9")
	os.MkdirAll(stale, 0o755)
	os.MkdirAll(mine, 0o755)
	if err := Clean(dir); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "notes.md")); string(got) != "old" {
		t.Errorf("the parked packet was not put back: %q", got)
	}
	for p, want := range map[string]bool{parked: false, stale: false, mine: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s exists: %v, want %v", p, err == nil, want)
		}
	}
}

// File is a file of a packet, in memory, for write.
type File struct {
	Name string // file name in the packet folder
	Data []byte
}

// write replaces the packet folder dir, as a build does, with one holding
// files, the files of the previous packet that are not among them, and
// the manifest m (whose Files it fills in).
func write(dir string, files []File, m Manifest) error {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	st, err := newStaging(dir, names)
	if err != nil {
		return err
	}
	defer st.discard()
	for _, f := range files {
		if err := writeSynced(st.path(f.Name), f.Data); err != nil {
			return folderError(st.parent, err)
		}
	}
	return st.finish(m)
}
