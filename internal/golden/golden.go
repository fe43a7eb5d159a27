// Package golden compares what a test made with a golden file, the way
// the gofmt tests do: `go test -update` rewrites the golden files; a
// missing golden file fails the test; on a mismatch what the test made is
// written beside the golden file as <file>.got, for diffing. Inputs are
// never written.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// Updating reports whether the test run rewrites the golden files.
func Updating() bool { return *update }

// Check compares got with the golden file at path (made, with its folder,
// when updating).
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file (run go test -update): %v", err)
	}
	if !bytes.Equal(got, want) {
		_ = os.WriteFile(path+".got", got, 0o644)
		t.Errorf("%s differs from the golden file; see %s.got (go test -update rewrites it)", path, path)
	}
}
