package config

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// FuzzParseRole feeds arbitrary bytes to the role loader: it must never
// panic, and every error must be a positioned *source.Error.
func FuzzParseRole(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("example", "roles", "*.yaml"))
	seeds = append(seeds, filepath.Join("..", "testdata", "notes", "roles", "acme.yaml"))
	for _, name := range seeds {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("company: A\ndate: 2026-01-02\nquestions: [x, \"Why?\"]\njob_description_file: jd.txt\n"))
	cat := stories.NewCatalog()
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseRole("r", "roles/r.yaml", data, func(string) ([]byte, error) { return []byte("jd"), nil })
		if err != nil {
			var e *source.Error
			if !errors.As(err, &e) || e.File == "" {
				t.Fatalf("error %v (%T) is not a positioned *source.Error", err, err)
			}
			return
		}
		_ = r.CheckQuestions(cat)
	})
}

// FuzzParseSettings does the same for starpack.yaml.
func FuzzParseSettings(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("example", FileName)); err == nil {
		f.Add(data)
	}
	f.Add([]byte("paper: letter\nredact: {a: b}\nquestions: [{id: x, title: X}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := ParseSettings("starpack.yaml", data)
		if err != nil {
			var e *source.Error
			if !errors.As(err, &e) || e.File != "starpack.yaml" {
				t.Fatalf("error %v (%T) is not a positioned *source.Error", err, err)
			}
		}
	})
}
