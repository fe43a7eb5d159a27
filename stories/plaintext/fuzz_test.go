package plaintext

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// FuzzParse checks that no input panics the importer, that every error is
// a positioned *source.Error, and that whatever it imports survives being
// written and read back with every word kept.
func FuzzParse(f *testing.F) {
	for _, file := range fixtureFiles(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("1. Success\r\nAction:\r\n1. a\r\n2. b\r\n"))
	f.Add([]byte("\uFEFFQ1) Failure\n\tS: x\n#2 Conflict\u2028r : y\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Parse("fuzz.txt", data, nil)
		if err != nil {
			var se *source.Error
			if !errors.As(err, &se) {
				t.Fatalf("error %T is not a *source.Error: %v", err, err)
			}
			if se.File != "fuzz.txt" || se.Hint == "" {
				t.Fatalf("error without file or hint: %#v", se)
			}
			if se.Line <= 0 && !strings.Contains(se.Msg, "MB") {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		if res.Stories() == 0 {
			t.Fatal("a successful import with no story")
		}
		ids := map[string]bool{}
		for _, p := range res.Projects {
			for _, s := range p.Stories {
				if ids[s.ID] {
					t.Fatalf("duplicate id %q", s.ID)
				}
				ids[s.ID] = true
			}
			if err := roundTrip(p); err != nil {
				t.Fatal(err)
			}
			if name := stories.ProjectFileName(p); filepath.Base(name) != name || !strings.HasSuffix(name, ".yaml") {
				t.Fatalf("file name %q is not a plain .yaml name", name)
			}
		}
		if err := wordsKept(data, res); err != nil {
			t.Fatal(err)
		}
		for _, w := range res.Warnings {
			if !strings.HasPrefix(w, "fuzz.txt:") {
				t.Fatalf("warning without a position: %q", w)
			}
		}
	})
}
