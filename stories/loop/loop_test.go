package loop

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// testBank is a small bank: two projects, stories for conflict, failure,
// success and one free-form question.
func testBank() *stories.Bank {
	p := &stories.Project{Project: "Payments"}
	q := &stories.Project{Project: "Streams"}
	p.Stories = []*stories.Story{
		{ID: "pay.conflict", Question: "conflict", Situation: "A disagreement.", Action: "I measured.", Result: "We agreed."},
		{ID: "pay.failure", Question: "failure", Situation: "A missed deadline.", Action: "I owned it.", Result: "Shipped late."},
		{ID: "pay.learned", Question: "learned", Notes: "Measure first."},
	}
	q.Stories = []*stories.Story{
		{ID: "stream.success", Question: "success", Situation: "A launch.", Action: "I built it.", Result: "Cut latency 50%."},
		{ID: "stream.why", Question: "Why streaming?", Notes: "I like it."},
	}
	for _, pr := range []*stories.Project{p, q} {
		for _, s := range pr.Stories {
			s.Project = pr
		}
	}
	return &stories.Bank{Projects: []*stories.Project{p, q}}
}

func TestDebriefAppendAndParse(t *testing.T) {
	t.Parallel()
	d1 := Debrief{Round: 1, At: "2026-11-20 10:00", Kind: "phone screen", With: []string{"recruiter"}, Written: "2026-11-20",
		Asked: []Asked{{Question: "conflict", Story: "pay.conflict", Rating: "solid", Note: "They asked for numbers."}}}
	d2 := Debrief{Round: 2, At: "2026-12-01", Written: "2026-12-01", Asked: []Asked{{Question: "Why leave?", Story: Improvised}}}
	first, err := AppendDebrief("debriefs/acme.yaml", nil, d1)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(first), debriefHeader) {
		t.Errorf("a new file starts without the header:\n%s", first)
	}
	// The user's comment survives an append, byte for byte.
	edited := append(append([]byte{}, first...), "# note of mine\n"...)
	second, err := AppendDebrief("debriefs/acme.yaml", edited, d2)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(second), string(edited)) {
		t.Errorf("append changed what was there:\n%s", second)
	}
	got, err := ParseDebriefs("debriefs/acme.yaml", second)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Asked[0].Note != "They asked for numbers." || got[1].Asked[0].Question != "Why leave?" {
		t.Errorf("read back %+v", got)
	}
	if _, err := AppendDebrief("debriefs/acme.yaml", []byte("[{round: 1, at: x, written: y, asked: []}]\n"), d2); err == nil {
		t.Error("appending to a flow list did not fail")
	}
}

func TestParseDebriefsErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, yaml, err string }{
		{"not a list", "round: 1\n", "debriefs/acme.yaml:1:1: a debrief file must be a list of entries"},
		{"no round", "- at: x\n  written: y\n  asked: []\n", "debriefs/acme.yaml:1:3: debrief without a round number"},
		{"empty question", "- round: 1\n  asked:\n    - {story: pay.conflict}\n", "debriefs/acme.yaml:3:7: question 1 of round 1's debrief is empty"},
		{"bad rating", "- round: 1\n  asked:\n    - {question: conflict, rating: great}\n", `debriefs/acme.yaml:3:36: rating "great" is not one of strong, solid, weak`},
		{"unknown field", "- round: 1\n  askd: []\n", `debriefs/acme.yaml:2:3: unknown field "askd" (did you mean "asked"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ParseDebriefs("debriefs/acme.yaml", []byte(tt.yaml))
			var e *source.Error
			if !errors.As(err, &e) || err.Error() != tt.err {
				t.Fatalf("err = %v, want %q", err, tt.err)
			}
			if e.Hint == "" {
				t.Errorf("no hint for %q", err)
			}
		})
	}
}

func TestAnswersCheck(t *testing.T) {
	t.Parallel()
	bank, cat := testBank(), stories.NewCatalog()
	tests := []struct {
		name string
		yaml string
		want []Asked
		err  string
	}{
		{name: "list, normalised",
			yaml: "- {question: Conflict with a teammate, story: pay.conflict, rating: Solid}\n- {question: \"Why do you want to leave?\", note: \" said too much \"}\n",
			want: []Asked{{Question: "conflict", Story: "pay.conflict", Rating: "solid"}, {Question: "Why do you want to leave?", Story: Improvised, Note: "said too much"}}},
		{name: "mapping with asked", yaml: "asked:\n  - {question: failure, story: improvised, rating: weak}\n",
			want: []Asked{{Question: "failure", Story: Improvised, Rating: "weak"}}},
		{name: "unknown story", yaml: "- question: conflict\n  story: pay.conflit\n",
			err: `answers.yaml:2:10: unknown story "pay.conflit" (did you mean "pay.conflict"?)`},
		{name: "bad rating", yaml: "- {question: conflict, rating: 5}\n",
			err: `answers.yaml:1:32: rating "5" is not one of strong, solid, weak`},
		{name: "no question", yaml: "- {story: pay.conflict}\n", err: `answers.yaml:1:3: no question`},
		{name: "empty", yaml: "[]\n", err: `answers.yaml: no questions in the file`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			as, err := ParseAnswers("answers.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			got, err := as.Check(bank, cat)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				if source.HintOf(err) == "" {
					t.Errorf("no hint for %q", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("answer %d = %+v, want %+v", i+1, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestPracticeAppendAndParse(t *testing.T) {
	t.Parallel()
	e := []Practice{{Story: "pay.conflict", Question: "conflict", Role: "acme", At: "2026-11-20T19:00:00", Seconds: 104, Rating: 4},
		{Story: "pay.failure", Question: "failure", At: "2026-11-20T19:05:00", Seconds: 30}}
	data, err := AppendPractice("practice/2026-11.yaml", nil, e)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParsePractice("practice/2026-11.yaml", data)
	if err != nil || len(got) != 2 || got[0] != e[0] || got[1] != e[1] {
		t.Fatalf("read back %+v, %v", got, err)
	}
	if f := PracticeFile(e[0]); f != "2026-11.yaml" {
		t.Errorf("PracticeFile = %q", f)
	}
	for _, bad := range []struct{ yaml, err string }{
		{"- {story: a, at: yesterday}\n", `practice/x.yaml:1:18: practice entry 1: at "yesterday" is not a date and time`},
		{"- {story: a, at: 2026-11-20T19:00:00, rating: 6}\n", `practice/x.yaml:1:47: practice entry 1: rating 6 is out of range`},
		{"- {at: 2026-11-20T19:00:00}\n", `practice/x.yaml:1:3: practice entry 1 has no story`},
	} {
		if _, err := ParsePractice("practice/x.yaml", []byte(bad.yaml)); err == nil || err.Error() != bad.err {
			t.Errorf("ParsePractice(%q) = %v, want %q", bad.yaml, err, bad.err)
		}
	}
}

func TestHistoriesAndGaps(t *testing.T) {
	t.Parallel()
	bank, cat := testBank(), stories.NewCatalog()
	ds := []Debrief{
		{Round: 1, At: "2026-11-20 10:00", Kind: "phone screen", With: []string{"recruiter"}, Asked: []Asked{
			{Question: "conflict", Story: "pay.conflict", Rating: "solid"},
			{Question: "Why do you want to leave?", Story: Improvised},
			{Question: "failure", Story: Improvised}, // the bank has a failure story: not a gap
			{Question: "why do you want to leave", Story: ""},
		}},
		{Round: 2, At: "2026-12-01", Asked: []Asked{{Question: "success", Story: "stream.success", Rating: "weak"}}},
	}
	log := []Practice{
		{Story: "pay.conflict", At: "2026-11-22T19:00:00", Rating: 2},
		{Story: "pay.conflict", At: "2026-11-21T19:00:00", Rating: 4},
		{Story: "pay.conflict", At: "2026-11-23T19:00:00"},
	}
	h := Histories(log, Tellings("", ds))
	c := h["pay.conflict"]
	if c.Practised != 3 || c.LastRating != 2 || c.LastPractised != "2026-11-23" || len(c.Told) != 1 || c.Told[0].With[0] != "recruiter" {
		t.Errorf("pay.conflict history = %+v", c)
	}
	if s := h["stream.success"]; s.Practised != 0 || len(s.Told) != 1 || s.Told[0].Round != 2 || s.Told[0].Rating != "weak" {
		t.Errorf("stream.success history = %+v", s)
	}
	gaps := Gaps(bank, cat, "acme", ds)
	if len(gaps) != 1 || gaps[0].Question.Title != "Why do you want to leave?" || !gaps[0].Question.Custom || gaps[0].Round != 1 {
		t.Errorf("gaps = %+v", gaps)
	}
}

func TestSchedule(t *testing.T) {
	t.Parallel()
	bank, cat := testBank(), stories.NewCatalog()
	var items []Item
	for _, s := range bank.Stories() {
		items = append(items, Item{Story: s, Question: cat.Resolve(s.Question)})
	}
	now := time.Date(2026, 12, 1, 19, 0, 0, 0, time.UTC)
	log := []Practice{
		// pay.conflict: rated 2 three days ago: box 1, due after a day: weak.
		{Story: "pay.conflict", At: "2026-11-28T19:00:00", Rating: 2},
		// pay.failure: 4 then 5: box 3, due 4 days after 2026-11-30: not due.
		{Story: "pay.failure", At: "2026-11-29T19:00:00", Rating: 4},
		{Story: "pay.failure", At: "2026-11-30T19:00:00", Rating: 5},
		// stream.success: rated 4 twenty days ago: box 1, due long since: the stalest.
		{Story: "stream.success", At: "2026-11-11T19:00:00", Rating: 4},
		// stream.why: rated 3 two days ago: box 1, due after a day: stale, less overdue.
		{Story: "stream.why", At: "2026-11-29T19:00:00", Rating: 3},
	}
	got := Schedule(items, log, now)
	var order []string
	for _, d := range got {
		order = append(order, d.Story.ID+" "+d.Reason)
	}
	want := []string{
		"pay.conflict weak last time (2/5), 3 days ago",
		"pay.learned never practised",
		"stream.success stale: last practised 20 days ago, due every 1 day",
		"stream.why stale: last practised 2 days ago, due every 1 day",
		"pay.failure not due yet: last practised 1 day ago, due in 3 days",
	}
	if strings.Join(order, "\n") != strings.Join(want, "\n") {
		t.Errorf("order:\n%s\nwant:\n%s", strings.Join(order, "\n"), strings.Join(want, "\n"))
	}
	// Practising the weak story now, rated 5, puts it last: box 3, due in
	// 4 days, after pay.failure.
	log = append(log, Practice{Story: "pay.conflict", At: "2026-12-01T19:00:00", Rating: 5})
	if got := Schedule(items, log, now); got[0].Story.ID != "pay.learned" || got[len(got)-1].Story.ID != "pay.conflict" {
		t.Errorf("after practising pay.conflict: first %s, last %s", got[0].Story.ID, got[len(got)-1].Story.ID)
	}
}

// Days are calendar days: a story rated weak late last night is due this
// morning.
func TestScheduleCountsDays(t *testing.T) {
	t.Parallel()
	bank, cat := testBank(), stories.NewCatalog()
	items := []Item{{Story: bank.Story("pay.conflict"), Question: cat.Lookup("conflict")}}
	log := []Practice{{Story: "pay.conflict", At: "2026-11-30T23:30:00", Rating: 2}}
	for _, tt := range []struct {
		now   time.Time
		class int
	}{
		{time.Date(2026, 11, 30, 23, 59, 0, 0, time.UTC), 4},
		{time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), 1},
		{time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC), 1},
	} {
		if got := Schedule(items, log, tt.now)[0]; got.Class != tt.class {
			t.Errorf("at %s: class %d (%s), want %d", tt.now.Format(time.DateTime), got.Class, got.Reason, tt.class)
		}
	}
}

func TestNextBox(t *testing.T) {
	t.Parallel()
	tests := []struct{ box, rating, want int }{
		{0, 1, 1}, {4, 2, 1}, {0, 3, 1}, {3, 3, 3}, {0, 4, 1}, {2, 4, 3}, {0, 5, 2}, {5, 5, MaxBox}, {MaxBox, 4, MaxBox},
	}
	for _, tt := range tests {
		if got := nextBox(tt.box, tt.rating); got != tt.want {
			t.Errorf("nextBox(%d, %d) = %d, want %d", tt.box, tt.rating, got, tt.want)
		}
	}
	if Interval(1) != 24*time.Hour || Interval(MaxBox) != 32*24*time.Hour || Interval(0) != 24*time.Hour {
		t.Error("intervals are not 1 to 32 days")
	}
}
