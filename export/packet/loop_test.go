package packet

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/stories/tailor"
)

// loopWorkspace is the example workspace with a role of three rounds and
// files added (path: content).
func loopWorkspace(t *testing.T, files map[string]string) *config.Workspace {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, config.Example()); err != nil {
		t.Fatal(err)
	}
	files["roles/acme.yaml"] = `company: Acme
title: Data Engineer
questions: [most-challenging, hardest-bug, conflict, failure, success]
rounds:
  - {date: 2026-11-20T10:00, kind: phone screen, with: [recruiter]}
  - {date: 2026-12-01T14:00, kind: hiring manager, with: [Dana]}
  - {date: 2026-12-08, kind: panel}
` + files["roles/acme.yaml"]
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	w, err := config.Open(dir, "ws")
	if err != nil {
		t.Fatal(err)
	}
	return w
}

const round1 = `- round: 1
  at: 2026-11-20 10:00
  kind: phone screen
  with: [recruiter]
  written: 2026-11-20
  asked:
    - {question: conflict, story: build-real-time.conflict, rating: solid}
    - {question: success, story: build-real-time.success, rating: weak}
    - {question: "Why do you want to leave your current job?", story: improvised}
`

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func picked(sel *tailor.Selection) map[string]string {
	out := map[string]string{}
	for _, a := range sel.Answers {
		for _, p := range a.Picks {
			out[p.Story.ID] = a.Question.ID
		}
	}
	return out
}

func TestRoundShapesTheChoice(t *testing.T) {
	t.Parallel()
	told := []string{"build-real-time.conflict", "build-real-time.success"}
	tests := []struct {
		name      string
		role      string // added to the role file
		round     int
		date      string
		wantRound int
		excluded  []string // told stories that must not be picked
		forced    []string // told stories that must be picked
		first     []string // the first questions, in order
		gap       bool     // the unanswered question is the first gap
	}{
		{name: "next round by date", date: "2026-11-25", wantRound: 2, excluded: told,
			first: []string{"conflict", "success", "why-do-you-want-to-leave-your-current-job"}, gap: true},
		{name: "a forced include still works", role: "include: [build-real-time.conflict]\n", date: "2026-11-25", wantRound: 2,
			excluded: told[1:], forced: told[:1], gap: true},
		{name: "round 1 again: nothing told before it", round: 1, date: "2026-11-25", wantRound: 1,
			first: []string{"most-challenging", "hardest-bug"}},
		{name: "every round over: everything told counts", date: "2026-12-20", wantRound: 0, excluded: told, gap: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ws := loopWorkspace(t, map[string]string{"roles/acme.yaml": tt.role, "debriefs/acme.yaml": round1})
			role, err := ws.Role("acme")
			if err != nil {
				t.Fatal(err)
			}
			lp, err := LoadLoop(ws, role, tt.round, day(tt.date))
			if err != nil {
				t.Fatal(err)
			}
			if lp.Round != tt.wantRound {
				t.Fatalf("round %d, want %d", lp.Round, tt.wantRound)
			}
			sel, err := SelectRound(ws, role, lp)
			if err != nil {
				t.Fatal(err)
			}
			got := picked(sel)
			for _, id := range tt.excluded {
				if _, ok := got[id]; ok {
					t.Errorf("%s was told before and is picked again", id)
				}
				if h := lp.Story(id); len(h.Told) != 1 || h.Told[0].Round != 1 || h.Told[0].With[0] != "recruiter" {
					t.Errorf("%s: history %+v, want told in round 1 to the recruiter", id, h)
				}
			}
			for _, id := range tt.forced {
				if _, ok := got[id]; !ok {
					t.Errorf("%s is included by the role and not picked", id)
				}
			}
			for i, q := range tt.first {
				if sel.Answers[i].Question.ID != q {
					t.Errorf("question %d is %s, want %s", i+1, sel.Answers[i].Question.ID, q)
				}
			}
			hasGap := len(sel.Gaps) > 0 && sel.Gaps[0].Question != nil && sel.Gaps[0].Question.Title == "Why do you want to leave your current job?" &&
				strings.HasPrefix(sel.Gaps[0].Reason, "asked in round 1")
			if hasGap != tt.gap {
				t.Errorf("first gap %+v; want the unanswered question: %v", sel.Gaps, tt.gap)
			}
		})
	}
}

// A question asked before gets a second story when one scores well enough,
// and it is one not told before.
func TestAskedBeforeGetsASecondStory(t *testing.T) {
	t.Parallel()
	// hardest-bug was asked, and answered with another question's story:
	// both hardest-bug stories are free.
	ws := loopWorkspace(t, map[string]string{"debriefs/acme.yaml": "- round: 1\n  at: 2026-11-20 10:00\n  written: 2026-11-20\n  asked:\n" +
		"    - {question: hardest-bug, story: build-real-time.most-interesting}\n"})
	role, err := ws.Role("acme")
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Select(ws, role)
	if err != nil {
		t.Fatal(err)
	}
	lp, err := LoadLoop(ws, role, 0, day("2026-11-25"))
	if err != nil {
		t.Fatal(err)
	}
	sel, err := SelectRound(ws, role, lp)
	if err != nil {
		t.Fatal(err)
	}
	if sel.Answers[0].Question.ID != "hardest-bug" || len(sel.Answers[0].Picks) != 2 {
		t.Fatalf("first answer %s with %d picks, want hardest-bug with 2", sel.Answers[0].Question.ID, len(sel.Answers[0].Picks))
	}
	for _, a := range sel.Answers[1:] {
		if len(a.Picks) != 1 {
			t.Errorf("%s: %d picks, want 1", a.Question.ID, len(a.Picks))
		}
	}
	if len(plain.Answers[0].Picks) != 1 {
		t.Errorf("without the loop: %d picks for the first question", len(plain.Answers[0].Picks))
	}
	seen := map[string]bool{}
	for _, a := range sel.Answers {
		for i, p := range a.Picks {
			if seen[p.Story.ID] {
				t.Errorf("%s picked twice", p.Story.ID)
			}
			seen[p.Story.ID] = true
			if i == 1 && (!slices.Contains(lp.Asked, a.Question) || p.Reasons[0] != "asked before: a second story ready") {
				t.Errorf("%s: a second story %s for a question not asked before, or without saying why (%q)", a.Question.ID, p.Story.ID, p.Reasons)
			}
		}
	}
}

// Another role at the same company heard a story in a round before this
// one: it is not picked again either.
func TestToldToTheSameCompany(t *testing.T) {
	t.Parallel()
	ws := loopWorkspace(t, map[string]string{
		"roles/acme-staff.yaml": "company: ACME\ntitle: Staff Engineer\nrounds:\n  - {date: 2026-11-10, kind: screen}\n",
		"debriefs/acme-staff.yaml": "- round: 1\n  at: 2026-11-10\n  written: 2026-11-10\n  asked:\n" +
			"    - {question: failure, story: migrating-our-core.failure}\n",
		"roles/other.yaml":      "company: Initech\ntitle: Engineer\n",
		"debriefs/other.yaml":   "- round: 1\n  at: 2026-11-10\n  written: 2026-11-10\n  asked:\n    - {question: hardest-bug, story: build-real-time.hardest-bug}\n",
		"practice/2026-11.yaml": "- {story: build-real-time.hardest-bug, question: hardest-bug, at: 2026-11-18T20:00:00, seconds: 100, rating: 3}\n",
	})
	role, err := ws.Role("acme")
	if err != nil {
		t.Fatal(err)
	}
	lp, err := LoadLoop(ws, role, 1, day("2026-11-15"))
	if err != nil {
		t.Fatal(err)
	}
	if len(lp.Told) != 1 || lp.Told[0].Role != "acme-staff" || lp.Told[0].Story != "migrating-our-core.failure" {
		t.Fatalf("told %+v, want the acme-staff telling only", lp.Told)
	}
	if got := export.TellingLine(lp.Story("migrating-our-core.failure").Told); got != "told in acme-staff round 1 (2026-11-10)" {
		t.Errorf("TellingLine = %q", got)
	}
	if got := export.PracticeLine(lp.Story("build-real-time.hardest-bug")); got != "practised once, last self-rating 3/5 (2026-11-18)" {
		t.Errorf("PracticeLine = %q", got)
	}
	sel, err := SelectRound(ws, role, lp)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := picked(sel)["migrating-our-core.failure"]; ok {
		t.Error("a story told to the same company under another role is picked again")
	}
	if _, err := LoadLoop(ws, role, 4, day("2026-11-15")); err == nil || !strings.Contains(err.Error(), `has no round 4`) {
		t.Errorf("round 4: %v", err)
	}
}

// The calendar is written by default for a role with rounds, never for a
// redacted copy, and, named with --only, fails a packet that has none.
func TestCalendarOutput(t *testing.T) {
	t.Parallel()
	ws := loopWorkspace(t, map[string]string{"roles/beta.yaml": "company: Beta\ntitle: Engineer\n"})
	ics, err := Pick(Outputs(), []string{"interview.ics"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		role   string
		opts   Options
		want   []string
		errMsg string
	}{
		{name: "a role with rounds", role: "acme", want: []string{"brief.pdf", "cheatsheet.pdf", "matrix.xlsx", "notes.md", "interview.ics"}},
		{name: "a role without", role: "beta", want: []string{"brief.pdf", "cheatsheet.pdf", "matrix.xlsx", "notes.md"}},
		{name: "redacted", role: "acme", opts: Options{Redact: true}, want: []string{"brief.pdf", "cheatsheet.pdf", "matrix.xlsx", "notes.md"}},
		{name: "named, with rounds", role: "acme", opts: Options{Outputs: ics, Named: true}, want: []string{"interview.ics"}},
		{name: "named, without", role: "beta", opts: Options{Outputs: ics, Named: true}, errMsg: `role "beta" has no interview rounds: nothing to put in interview.ics`},
		{name: "named, redacted", role: "acme", opts: Options{Outputs: ics, Named: true, Redact: true}, errMsg: "a redacted copy has no interview.ics"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			role, err := ws.Role(tt.role)
			if err != nil {
				t.Fatal(err)
			}
			opts := tt.opts
			opts.Out, opts.Date = t.TempDir(), day("2026-11-25")
			b, err := New(ws, opts)
			if err != nil {
				t.Fatal(err)
			}
			res := b.Build(role)
			if tt.errMsg != "" {
				if res.Err == nil || !strings.Contains(res.Err.Error(), tt.errMsg) {
					t.Fatalf("err = %v, want %q", res.Err, tt.errMsg)
				}
				return
			}
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			if !slices.Equal(res.Files, tt.want) {
				t.Errorf("files %q, want %q", res.Files, tt.want)
			}
		})
	}
}
