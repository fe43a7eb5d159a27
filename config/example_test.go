package config

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/starpack/starpack/internal/golden"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/plaintext"
)

// exampleStories is the story folder of the example workspace that
// starpack init writes and starpack build falls back on.
const exampleStories = "example/stories"

// TestExampleIsImportedSeed checks that the example workspace's stories
// are exactly what the importer makes of the real bank
// (testdata/import/seed.txt); -update rewrites them.
func TestExampleIsImportedSeed(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join("..", "testdata", "import", "seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := plaintext.Parse("seed.txt", seed, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	for _, p := range res.Projects {
		data, err := stories.MarshalProject(p)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(stories.ProjectFileName(p))
		if _, dup := want[name]; dup {
			t.Fatalf("two projects would be written to %s", name)
		}
		want[name] = data
	}
	have, err := filepath.Glob(filepath.Join(exampleStories, "*.y*ml"))
	if err != nil {
		t.Fatal(err)
	}
	if golden.Updating() {
		for _, f := range have {
			if _, ok := want[filepath.Base(f)]; !ok {
				if err := os.Remove(f); err != nil {
					t.Fatal(err)
				}
			}
		}
		for name, data := range want {
			if err := os.WriteFile(filepath.Join(exampleStories, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	var got []string
	for _, f := range have {
		got = append(got, filepath.Base(f))
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if w, ok := want[filepath.Base(f)]; !ok {
			t.Errorf("%s is not made by importing the real bank (run go test -update)", f)
		} else if !bytes.Equal(data, w) {
			t.Errorf("%s differs from the import of the real bank (run go test -update)", f)
		}
	}
	sort.Strings(got)
	if len(got) != len(want) {
		t.Errorf("example stories %q, want the %d projects of the real bank", got, len(want))
	}
}
