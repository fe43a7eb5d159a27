package stories

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/starpack/starpack/stories/source"
)

func TestParseProjectErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       string // source.Error() text
		hint       string
	}{
		{"unknown field", "project: P\nstories:\n  - question: success\n    reslut: x\n",
			`p.yaml:4:5: unknown field "reslut" (did you mean "result"?)`, "known fields:"},
		{"unknown top-level field", "projet: P\n", `p.yaml:1:1: unknown field "projet" (did you mean "project"?)`, ""},
		{"far from any field", "project: P\nzebra: 1\n", `p.yaml:2:1: unknown field "zebra"`, "known fields: company"},
		{"empty", "", "p.yaml:1:1: empty story file", "project:"},
		{"only a comment", "# nothing\n", "p.yaml:1:1: empty story file", ""},
		{"not a mapping", "- a\n- b\n", "p.yaml:1:1: expected a mapping of `key: value` lines, found a list", ""},
		{"no project", "stories: []\n", "p.yaml:1:1: missing project name", ""},
		{"no question", "project: P\nstories:\n  - id: a\n", "p.yaml:3:5: story 1 has no question", ""},
		{"empty entry", "project: P\nstories:\n  -\n", "p.yaml:3:3: story 1 is empty", ""},
		{"tags not a list", "project: P\ntags: x\n", "p.yaml:2:7: expected a list, found text (x)", ""},
		{"text not a string", "project: P\nstories:\n  - question: q\n    action: [a]\n", "p.yaml:4:13: expected a string, found a list", ""},
		{"duplicate key", "project: P\nproject: Q\n", `p.yaml:2:1: mapping key "project" already defined at line 1`, ""},
		{"nul byte", "project: P\x00\n", "p.yaml:1:11: binary file", ""},
		{"bad utf8", "project: P\n# caf\xe9\n", "p.yaml:2:6: invalid UTF-8", ""},
		{"alias bomb", "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n",
			`p.yaml:1:1: unknown field "a"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseProject("p.yaml", []byte(tt.yaml))
			var e *source.Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v (%T), want *Error", err, err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got  %q\nwant %q", err.Error(), tt.want)
			}
			if !strings.Contains(e.Hint, tt.hint) {
				t.Errorf("hint %q does not mention %q", e.Hint, tt.hint)
			}
		})
	}
}

func TestParseProject(t *testing.T) {
	src := `project: Real-time ingestion
tags: [streaming]
stories:
  - id: rt.interesting
    question: most-interesting
    situation: |
      A 4-way stream join.
      No examples.
    action: I designed it.
    result: Stable since launch.
  - question: Why we chose Go   # a custom question, id derived
    notes: Because.
`
	p, err := ParseProject("p.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Stories) != 2 {
		t.Fatalf("%d stories", len(p.Stories))
	}
	s := p.Stories[0]
	if s.Situation != "A 4-way stream join.\nNo examples.\n" || s.Project != p {
		t.Errorf("story 0: %+v", s)
	}
	if got := s.Pos["action"]; got.Line != 9 || got.Col != 13 {
		t.Errorf("action at %+v, want 9:13", got)
	}
	if got := p.Stories[1].ID; got != "real-time-ingestion.why-we-chose-go" {
		t.Errorf("derived id %q", got)
	}
	if !s.IsSTAR() || p.Stories[1].IsSTAR() {
		t.Error("IsSTAR wrong")
	}
	if s.Words() != 12 {
		t.Errorf("words %d", s.Words())
	}
}

func TestLoadBank(t *testing.T) {
	good := "project: A\nstories:\n  - id: a.one\n    question: success\n"
	t.Run("files in name order", func(t *testing.T) {
		fsys := fstest.MapFS{
			"stories/b.yaml": {Data: []byte("project: B\nstories:\n  - id: b.one\n    question: failure\n")},
			"stories/a.yml":  {Data: []byte(good)},
			"stories/x.txt":  {Data: []byte("not a story")},
		}
		b, err := LoadBank(fsys, "stories", "ws")
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Projects) != 2 || b.Projects[0].Project != "A" || b.Projects[0].File != "ws/stories/a.yml" {
			t.Errorf("projects %+v", b.Projects)
		}
		if b.Story("b.one") == nil || b.Story("nope") != nil {
			t.Error("Story lookup")
		}
	})
	errs := []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"no files", fstest.MapFS{"roles/x.yaml": {Data: []byte("")}}, "ws/stories: no story files"},
		{"no stories", fstest.MapFS{"stories/a.yaml": {Data: []byte("project: A\nstories: []\n")}}, "ws/stories: the story files hold no stories"},
		{"duplicate ids", fstest.MapFS{"stories/a.yaml": {Data: []byte(good)}, "stories/b.yaml": {Data: []byte(good)}},
			`ws/stories/b.yaml:3:9: duplicate story id "a.one" (first used at ws/stories/a.yaml:3:9)`},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadBank(tt.fsys, "stories", "ws")
			if err == nil || err.Error() != tt.want {
				t.Errorf("got %v, want %s", err, tt.want)
			}
		})
	}
}
