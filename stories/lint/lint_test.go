package lint

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/starpack/starpack/stories/source"
)

func TestSeverityConfig(t *testing.T) {
	file := story("    question: success\n    situation: we had to satify them\n    action: a\n")
	tests := []struct {
		name     string
		severity map[string]Severity
		want     Count
		fail     bool // without --strict
		strict   bool // with --strict
	}{
		{"defaults", nil, Count{Errors: 1, Warnings: 2}, true, true},
		{"star-missing off", map[string]Severity{StarMissing: Off}, Count{Warnings: 2}, false, true},
		{"all quiet but info", map[string]Severity{StarMissing: Off, Length: Off, Spelling: Info}, Count{Infos: 1}, false, false},
		{"spelling error", map[string]Severity{Spelling: Error}, Count{Errors: 2, Warnings: 1}, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := lintFiles(t, map[string]string{"f.yaml": file}, Config{Severity: tt.severity})
			if got := Tally(fs); got != tt.want {
				t.Errorf("tally %+v, want %+v\n%s", got, tt.want, strings.Join(lines(fs), "\n"))
			}
			if Failed(fs, false) != tt.fail || Failed(fs, true) != tt.strict {
				t.Errorf("failed = %v, strict %v; want %v, %v", Failed(fs, false), Failed(fs, true), tt.fail, tt.strict)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		n    int
		fs   []Finding
		want string
	}{
		{18, nil, "18 stories: 0 errors, 0 warnings"},
		{1, []Finding{{Severity: Error}}, "1 story: 1 error, 0 warnings"},
		{2, []Finding{{Severity: Warning}, {Severity: Warning}, {Severity: Info}}, "2 stories: 0 errors, 2 warnings, 1 info"},
	}
	for _, tt := range tests {
		if got := Summary(tt.n, tt.fs); got != tt.want {
			t.Errorf("Summary = %q, want %q", got, tt.want)
		}
	}
}

func TestJSONEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, 3, nil); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"stories\": 3,\n  \"errors\": 0,\n  \"warnings\": 0,\n  \"infos\": 0,\n  \"findings\": []\n}\n"
	if b.String() != want {
		t.Errorf("got %s, want %s", b.String(), want)
	}
}

func TestFSReader(t *testing.T) {
	fsys := fstest.MapFS{"stories/a.yaml": {Data: []byte("x")}}
	tests := []struct {
		prefix, file string
		ok           bool
	}{
		{"", "stories/a.yaml", true},
		{"ws", "ws/stories/a.yaml", true},
		{"./ws/", "ws/stories/a.yaml", true},
		{"../up", "../up/stories/a.yaml", true},
		{"ws", "other/stories/a.yaml", false},
		{"", "stories/b.yaml", false},
	}
	for _, tt := range tests {
		_, err := FSReader(fsys, tt.prefix)(tt.file)
		if (err == nil) != tt.ok {
			t.Errorf("FSReader(%q)(%q): err %v, want ok %v", tt.prefix, tt.file, err, tt.ok)
		}
	}
}

func TestSortOrder(t *testing.T) {
	fs := []Finding{
		{Pos: pos("b.yaml", 1, 1), Rule: Spelling},
		{Pos: pos("a.yaml", 2, 1), Rule: Length},
		{Pos: pos("a.yaml", 1, 9), Rule: Spelling},
		{Pos: pos("a.yaml", 1, 9), Rule: StarMissing},
	}
	Sort(fs)
	var got []string
	for _, f := range fs {
		got = append(got, f.String())
	}
	want := "a.yaml:1:9: off:  [star-missing]|a.yaml:1:9: off:  [spelling]|a.yaml:2:1: off:  [length]|b.yaml:1:1: off:  [spelling]"
	if strings.Join(got, "|") != want {
		t.Errorf("order:\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
}

func pos(file string, line, col int) source.Position {
	return source.Position{File: file, Line: line, Col: col}
}
