package stories

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/starpack/starpack/stories/source"
)

// FuzzParseProject feeds arbitrary bytes to the story loader: it must never
// panic, and every error must be a positioned *Error naming the file.
func FuzzParseProject(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "notes", "stories", "*.yaml"))
	for _, name := range seeds {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("project: P\nstories:\n  - question: success\n    result: 90%\n"))
	f.Add([]byte("project: P\nstories:\n  - {id: a, question: b, tags: [x, *y]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParseProject("p.yaml", data)
		if err != nil {
			var e *source.Error
			if !errors.As(err, &e) || e.File != "p.yaml" {
				t.Fatalf("error %v (%T) is not a positioned *Error", err, err)
			}
			return
		}
		if p.Project == "" {
			t.Fatal("parsed a project without a name")
		}
		for _, s := range p.Stories {
			if s.ID == "" || s.Question == "" || s.Project != p {
				t.Fatalf("incomplete story %+v", s)
			}
		}
	})
}
