package stories

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/starpack/starpack/stories/source"
)

// TestLimits checks that oversized or hostile input gives a clear
// positioned error quickly, never a hang or a crash.
func TestLimits(t *testing.T) {
	bomb := "project: x\nstories:\n  - question: a\n    tags: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	prev := "a"
	for i, c := range "bcdefghi" {
		bomb += fmt.Sprintf("  - question: q%d\n    tags: &%c [%s]\n", i, c, strings.Repeat("*"+prev+", ", 8)+"*"+prev)
		prev = string(c)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"billion laughs", []byte(bomb), "p.yaml:4:11: expected a string, found a list"},
		{"deep nesting", []byte("project: x\ntags: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n"), "p.yaml:2:1: exceeded max depth"},
		{"long field", []byte("project: x\nstories:\n  - question: a\n    action: " + strings.Repeat("word ", 7000) + "\n"),
			`p.yaml:4:13: action of story "x.a" is 34999 characters, more than the 32767 starpack takes`},
		{"long line", []byte("project: x\n# " + strings.Repeat("x", 1<<20+1) + "\n"), "p.yaml:2:1: line is 1,048,579 bytes long; starpack reads lines of up to 1,048,576 bytes (1 MiB)"},
		{"huge file", bytes.Repeat([]byte("# padding line of a very large file\n"), (10<<20)/36+10), "p.yaml: file is 10,486,116 bytes; starpack reads files of up to 10,485,760 bytes (10 MiB)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseProject("p.yaml", tt.data)
			var e *source.Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want *Error", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got  %.200s\nwant %s", err.Error(), tt.want)
			}
		})
	}
}

func TestTooManyStories(t *testing.T) {
	var b strings.Builder
	b.WriteString("project: x\nstories:\n")
	for i := 0; i <= MaxStories/2; i++ {
		fmt.Fprintf(&b, "- {id: s%d, question: q}\n", i)
	}
	half := []byte(b.String())
	fsys := fstest.MapFS{"stories/a.yaml": {Data: half}, "stories/b.yaml": {Data: bytes.ReplaceAll(half, []byte("id: s"), []byte("id: t"))}}
	_, err := LoadBank(fsys, "stories", "")
	if err == nil || !strings.Contains(err.Error(), "stories/b.yaml: the bank holds more than 100000 stories") {
		t.Errorf("got %v", err)
	}
}
