package lint

import (
	"strings"
	"testing"
)

// TestWordPositions places a misspelled word inside every common style of
// YAML scalar and checks the finding points at it in the file.
func TestWordPositions(t *testing.T) {
	tests := []struct {
		name  string
		notes string // YAML of the notes value, after "notes:"
	}{
		{"plain", " we had to satify them"},
		{"plain on two lines", " we had to work\n      hard to satify them"},
		{"double quoted", ` "a \"quoted\" word, a tab\there, then satify"`},
		{"double quoted escapes", ` "caf\u00e9 \x41 \\ then satify"`},
		{"double quoted continued", " \"first line \\\n      and then satify\""},
		{"double quoted folded", " \"first line\n\n      and then satify\""},
		{"single quoted", ` 'it''s what we''d satify'`},
		{"literal", " |\n      first line\n\n        indented line\n      then satify\n"},
		{"literal keep, indent indicator", " |+2\n        first line\n      then satify\n\n"},
		{"literal with comment", " |- # a note\n      first line\n      then satify\n"},
		{"folded", " >\n      first line\n      second line\n\n      then satify\n"},
		{"folded more indented", " >\n      first line\n        more indented\n      then satify\n"},
		{"tagged", " !!str then satify"},
		{"anchored block", " &a |\n      then satify\n"},
		{"unicode before", " “quoted” ünïcode — then satify"},
		{"CRLF", " |\r\n      first line\r\n      then satify\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := "project: P\nstories:\n  - id: p.s\n    question: learned\n    notes:" + tt.notes + "\n"
			got := lintFiles(t, map[string]string{"f.yaml": file}, only(Config{}, Spelling))
			if len(got) != 1 {
				t.Fatalf("findings: %v, want one", lines(got))
			}
			i := strings.Index(file, "satify")
			line := 1 + strings.Count(file[:i], "\n")
			col := 1 + len([]rune(file[strings.LastIndex(file[:i], "\n")+1:i]))
			if p := got[0].Pos; p.Line != line || p.Col != col {
				t.Errorf("at %d:%d, want %d:%d", p.Line, p.Col, line, col)
			}
		})
	}
}

// TestPositionFallback places findings at the field's start when the
// field's text cannot be followed in the file, or the file is not at hand.
func TestPositionFallback(t *testing.T) {
	file := "project: P\nstories:\n  - id: p.a\n    question: learned\n    notes: &n we had to satify them\n" +
		"  - id: p.b\n    question: success\n    notes: *n\n"
	got := lintFiles(t, map[string]string{"f.yaml": file}, only(Config{}, Spelling))
	checkLines(t, got, []string{
		`stories/f.yaml:5:25: warning: unknown word "satify" (did you mean "satisfy"?) [spelling]`,
		`stories/f.yaml:8:12: warning: unknown word "satify" (did you mean "satisfy"?) [spelling]`,
	})

	bank, cfg := seedBank(t)
	cfg.ReadFile = nil
	fs := Run(bank, nil, only(cfg, Spelling))
	if len(fs) == 0 || fs[0].Pos.Line != 5 || fs[0].Pos.Col != 16 {
		t.Errorf("without the file, first finding at %v, want the situation field at 5:16", fs[0].Pos)
	}
}
