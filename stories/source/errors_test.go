package source

import (
	"errors"
	"testing"
)

func TestSuggest(t *testing.T) {
	tests := []struct{ word, want string }{
		{"situaton", "situation"},
		{"reslut", "result"},
		{"Action", "action"},
		{"zebra", ""},
		{"tsak", "task"},
	}
	fields := []string{"situation", "task", "action", "result", "notes", "tags"}
	for _, tt := range tests {
		if got := Suggest(tt.word, fields); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestLocate(t *testing.T) {
	pos := map[string]Position{"include": {File: "roles/acme.yaml", Line: 7, Col: 10}}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"field with a position", &FieldError{Field: "include", Msg: `include names unknown story "x"`, Hint: "h"},
			`roles/acme.yaml:7:10: include names unknown story "x"`},
		{"field without one", &FieldError{Field: "per_question", Msg: "per_question 11 is too many"},
			"roles/acme.yaml: per_question 11 is too many"},
		{"not a field error", errors.New("disk full"), "disk full"},
		{"positioned already", &Error{File: "starpack.yaml", Line: 2, Col: 1, Msg: "weights: bad"}, "starpack.yaml:2:1: weights: bad"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Locate(tt.err, "roles/acme.yaml", pos)
			if got.Error() != tt.want {
				t.Errorf("Locate = %q, want %q", got, tt.want)
			}
			var fe *FieldError
			if errors.As(tt.err, &fe) && HintOf(got) != fe.Hint {
				t.Errorf("hint %q, want %q", HintOf(got), fe.Hint)
			}
		})
	}
}
