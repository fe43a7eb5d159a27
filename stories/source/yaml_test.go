package source

import (
	"testing"
)

// A tab in the indentation is named as such, at the tab, whichever line
// the decoder blames.
func TestDecodeYAMLTab(t *testing.T) {
	type doc struct {
		Project string
		Stories []struct {
			ID       string
			Question string
		}
	}
	for _, tt := range []struct{ name, text, want string }{
		{"list item", "project: P\nstories:\n\t- id: a\n", "f.yaml:3:1: a tab in the indentation"},
		{"field", "project: P\nstories:\n  - id: a\n\t  question: x\n", "f.yaml:4:1: a tab in the indentation"},
		{"after spaces", "project: P\nstories:\n  - id: a\n  \t  question: x\n", "f.yaml:4:3: a tab in the indentation"},
		{"not a tab", "project: P\nstories:\n  - id: a\n   question: x\n", "f.yaml:2:1: did not find expected '-' indicator"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			_, err := DecodeYAML("f.yaml", []byte(tt.text), &d)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("got %v, want %s", err, tt.want)
			}
			if e := err.(*Error); tt.name != "not a tab" && e.Hint != "YAML indents with spaces only: replace the tab with spaces" {
				t.Errorf("hint %q", e.Hint)
			}
		})
	}
}
