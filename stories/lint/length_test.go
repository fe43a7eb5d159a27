package lint

import (
	"testing"
	"testing/fstest"

	"github.com/starpack/starpack/stories"
)

func TestCountLengths(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"all fit", map[string]string{"f.yaml": story("    question: learned\n    notes: " + longText(80) + "\n")},
			"1 story fit their speaking windows"},
		{"short STAR stories: expand Action and Result", map[string]string{"f.yaml": story(
			"    question: success\n    situation: s\n    action: a\n    result: r\n" +
				"  - id: p.t\n    question: conflict\n    situation: s\n    action: a\n    result: r\n" +
				"  - id: p.u\n    question: learned\n    notes: " + longText(80) + "\n")},
			"2 of 3 stories are under their window: expand Action and Result"},
		{"one over, one under", map[string]string{"f.yaml": story(
			"    question: learned\n    notes: " + longText(200) + "\n" +
				"  - id: p.t\n    question: learned\n    notes: short\n")},
			"1 of 2 stories is under its window: add context and the impact; 1 story is over: cut the Situation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bank := loadFiles(t, tt.files)
			if got := CountLengths(bank, nil, Config{}).String(); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestSeedLengths is the length rule on the real bank: its short STAR
// stories and notes are under their windows, said in one line, and the
// one "what you learned" note of a paragraph fits its short window.
func TestSeedLengths(t *testing.T) {
	bank, cfg := seedBank(t)
	n := CountLengths(bank, nil, cfg)
	if got, want := n.String(), "17 of 18 stories are under their window: expand Action and Result"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, f := range Run(bank, nil, cfg) {
		if f.Rule == Length && f.Story == "dw-migration.learned" {
			t.Errorf("%s: a 0:35 short answer fits its 0:20–0:45 window", f)
		}
	}
}

func TestPicks(t *testing.T) {
	bank := loadFiles(t, map[string]string{"f.yaml": story(
		"    question: failure\n    situation: s\n    action: a\n    result: r\n" +
			"  - id: p.lesson\n    question: failure\n    situation: s\n    action: a\n    result: r\n    lesson: test first\n" +
			"    followups:\n      - ask: Why?\n        answer: [because]\n")})
	cat := stories.NewCatalog()
	failure, success := cat.Lookup("failure"), cat.Lookup("success")
	s, withLesson := bank.Story("p.s"), bank.Story("p.lesson")
	picks := []Picked{
		{Role: "acme", Story: s, Question: failure},
		{Role: "globex", Story: s, Question: success},
		{Role: "acme", Story: withLesson, Question: failure},
	}
	var got []string
	for _, f := range Picks(picks, Config{}) {
		got = append(got, f.String())
	}
	want := []string{
		"stories/f.yaml:3:5: warning: picked for a failure question (role acme) but has no lesson: what you would do differently [lesson]",
		"stories/f.yaml:3:5: info: picked (roles acme, globex) but has no follow-up questions to prepare [followups]",
	}
	if len(got) != len(want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got  %q\nwant %q", got[i], want[i])
		}
	}
	if s := PicksSummary(Picks(picks, Config{})); s != "1 failure story has no lesson; 1 picked story has no follow-ups" {
		t.Errorf("summary %q", s)
	}
	off := Config{Severity: map[string]Severity{Followups: Off, Lesson: Off}}
	if fs := Picks(picks, off); len(fs) != 0 {
		t.Errorf("rules off, got %v", fs)
	}
}

// loadFiles loads story files (name -> YAML) as a bank.
func loadFiles(t *testing.T, files map[string]string) *stories.Bank {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys["stories/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	bank, err := stories.LoadBank(fsys, "stories", "")
	if err != nil {
		t.Fatal(err)
	}
	return bank
}
