package tailor

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// loadSeed loads the real story bank, copied by hand into testdata.
func loadSeed(t testing.TB) *stories.Bank {
	t.Helper()
	bank, err := stories.LoadBank(os.DirFS("testdata/seed"), "stories", "seed")
	if err != nil {
		t.Fatal(err)
	}
	return bank
}

const (
	streamingJD = `We are looking for a data engineer to own our real-time streaming
platform. You will build ingestion pipelines and stream joins from scratch, run them
with high availability and monitoring, and keep every user of the website served.`
	warehouseJD = `Join our data warehouse team. You will migrate a calculation engine from
an RDBMS to the DW, care about numeric precision and decimal arithmetic, write UDFs in
C++ and tune query performance.`
)

// summary renders a selection as "question: story, story" lines.
func summary(sel *Selection) []string {
	var out []string
	for _, a := range sel.Answers {
		var ids []string
		for _, p := range a.Picks {
			id := p.Story.ID
			if p.Included {
				id += " (included)"
			}
			ids = append(ids, id)
		}
		out = append(out, a.Question.ID+": "+strings.Join(ids, ", "))
	}
	return out
}

func projectOf(id string) string { p, _, _ := strings.Cut(id, "."); return p }

func TestSelectTailors(t *testing.T) {
	bank := loadSeed(t)
	grid := []string{"most-challenging", "learned", "most-interesting", "hardest-bug", "enjoyed-most",
		"conflict", "challenging-interaction", "failure", "success"}
	tests := []struct {
		name string
		req  Request
		// want is the project that gives most of the open (not included)
		// picks; "" skips the check.
		want string
		// picks are exact picks per question id, when given.
		picks map[string][]string
		// perQuestion is how many picks a question gets at most.
		perQuestion int
	}{
		{name: "streaming job description picks the stream joins stories that say it",
			req: Request{JobDescription: streamingJD}, perQuestion: 1,
			picks: map[string][]string{"most-interesting": {"stream-joins.most-interesting"}, "hardest-bug": {"stream-joins.hardest-bug"}}},
		{name: "warehouse and numeric precision picks the warehouse migration",
			req: Request{JobDescription: warehouseJD}, want: "warehouse-migration", perQuestion: 1,
			picks: map[string][]string{"most-interesting": {"warehouse-migration.most-interesting"}}},
		{name: "focus words without a job description",
			req: Request{Focus: []string{"data warehouse"}}, want: "warehouse-migration", perQuestion: 1},
		{name: "user synonyms extend the built-in table",
			req: Request{JobDescription: "Experience with Flink and Beam is a must.",
				Synonyms: Synonyms{"stream join": {"flink", "beam"}}},
			want: "stream-joins", perQuestion: 1,
			picks: map[string][]string{"most-interesting": {"stream-joins.most-interesting"}}},
		{name: "include forces a story in, the open questions stay tailored",
			req:         Request{JobDescription: streamingJD, Include: []string{"warehouse-migration.hardest-bug"}},
			perQuestion: 1,
			picks: map[string][]string{"hardest-bug": {"warehouse-migration.hardest-bug (included)"},
				"most-interesting": {"stream-joins.most-interesting"}}},
		{name: "exclude leaves a story out",
			req:  Request{JobDescription: streamingJD, Exclude: []string{"stream-joins.conflict"}},
			want: "", perQuestion: 1,
			picks: map[string][]string{"conflict": {"warehouse-migration.conflict"}}},
		// The two failure stories cannot both be picked: the stream joins one
		// is the same story as its challenging interaction, picked there.
		{name: "per_question 2 takes both projects, never a story twice",
			req: Request{JobDescription: streamingJD, PerQuestion: 2}, perQuestion: 2,
			picks: map[string][]string{"success": {"warehouse-migration.success", "stream-joins.success"},
				"failure": {"warehouse-migration.failure"}}},
		{name: "narrowed questions",
			req:  Request{JobDescription: warehouseJD, Questions: []string{"hardest-bug", "Conflicts with teammates"}},
			want: "warehouse-migration", perQuestion: 1,
			picks: map[string][]string{"hardest-bug": {"warehouse-migration.hardest-bug"}, "conflict": {"warehouse-migration.conflict"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sel, err := Select(bank, stories.NewCatalog(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if len(tt.req.Questions) == 0 && len(sel.Answers) != len(grid) {
				t.Fatalf("got %d answers, want the %d grid questions", len(sel.Answers), len(grid))
			}
			used := map[string]bool{}
			open, fromWant := 0, 0
			for _, a := range sel.Answers {
				if len(a.Picks) == 0 || len(a.Picks) > tt.perQuestion {
					t.Errorf("%s: %d picks, want 1 to %d", a.Question.ID, len(a.Picks), tt.perQuestion)
				}
				for _, p := range a.Picks {
					if used[p.Story.ID] {
						t.Errorf("%s used twice", p.Story.ID)
					}
					used[p.Story.ID] = true
					if !p.Included {
						open++
						if projectOf(p.Story.ID) == tt.want {
							fromWant++
						}
					}
					if !p.Matched.Question {
						t.Errorf("%s: picked %s, not written for it", a.Question.ID, p.Story.ID)
					}
				}
			}
			if tt.want != "" && 2*fromWant <= open {
				t.Errorf("%d of %d open picks from %s, want most: %v", fromWant, open, tt.want, summary(sel))
			}
			got := map[string]string{}
			for _, line := range summary(sel) {
				q, ids, _ := strings.Cut(line, ": ")
				got[q] = ids
			}
			for q, want := range tt.picks {
				if got[q] != strings.Join(want, ", ") {
					t.Errorf("%s: got %q, want %q", q, got[q], strings.Join(want, ", "))
				}
			}
		})
	}
}

// TestJobDescriptionTilts: a streaming job description picks more of the
// stream joins project's stories than a warehouse one, and the warehouse one
// more of the warehouse migration's.
func TestJobDescriptionTilts(t *testing.T) {
	bank := loadSeed(t)
	count := func(jd string) map[string]int {
		sel, err := Select(bank, stories.NewCatalog(), Request{JobDescription: jd})
		if err != nil {
			t.Fatal(err)
		}
		n := map[string]int{}
		for _, a := range sel.Answers {
			for _, p := range a.Picks {
				n[projectOf(p.Story.ID)]++
			}
		}
		return n
	}
	streaming, warehouse := count(streamingJD), count(warehouseJD)
	if streaming["stream-joins"] <= warehouse["stream-joins"] || warehouse["warehouse-migration"] <= streaming["warehouse-migration"] {
		t.Errorf("streaming JD picks %v, warehouse JD %v: want each to lean to its project", streaming, warehouse)
	}
}

func TestSelectReasons(t *testing.T) {
	bank := loadSeed(t)
	sel, err := Select(bank, stories.NewCatalog(), Request{JobDescription: streamingJD, Focus: []string{"ownership", "streaming"},
		Questions: []string{"learned", "success"}})
	if err != nil {
		t.Fatal(err)
	}
	learned := sel.Answers[0].Picks[0]
	if learned.Story.ID != "stream-joins.learned" {
		t.Fatalf("learned: picked %s", learned.Story.ID)
	}
	m := learned.Matched
	if !m.Question || m.Number {
		t.Errorf("matched = %+v, want written for the question and no number", m)
	}
	// The story says HA and monitoring itself; only its project's name says
	// real time and stream joins.
	if want := []string{"high availability", "monitoring"}; !reflect.DeepEqual(m.Keywords, want) {
		t.Errorf("keywords %q, want %q", m.Keywords, want)
	}
	if want := []string{"real time", "stream joins", "streaming", "ingestion"}; !reflect.DeepEqual(m.Project, want) {
		t.Errorf("project keywords %q, want %q", m.Project, want)
	}
	wantFocus := []FocusHit{{Focus: "ownership", Said: "ownership"}, {Focus: "streaming", Project: true, Said: "stream"}}
	if !reflect.DeepEqual(m.Focus, wantFocus) {
		t.Errorf("focus = %+v, want %+v", m.Focus, wantFocus)
	}
	if got := learned.Parts.Sum(); fmt.Sprintf("%.3f", got) != fmt.Sprintf("%.3f", learned.Score) {
		t.Errorf("parts sum %.3f, score %.3f", got, learned.Score)
	}
	want := []string{"written for this question", "focus: ownership", "focus via its project: stream",
		"job description: HA, monitoring", "job description via its project: real time, stream joins, ingestion"}
	if !reflect.DeepEqual(learned.Reasons, want) {
		t.Errorf("reasons %q\nwant %q", learned.Reasons, want)
	}
	success := sel.Answers[1].Picks
	for _, p := range append(success, sel.Answers[1].Alternates...) {
		if p.Story.ID == "stream-joins.success" && (!p.Matched.Number || !strings.Contains(strings.Join(p.Reasons, ";"), "a number in the Result")) {
			t.Errorf("%s: %+v, want a number in the Result", p.Story.ID, p.Reasons)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestSelectAmazonLeadershipPrinciples(t *testing.T) {
	bank := loadSeed(t)
	sel, err := Select(bank, stories.NewCatalog(), Request{Set: stories.AmazonSet})
	if err != nil {
		t.Fatal(err)
	}
	if len(sel.Answers) != 16 {
		t.Fatalf("%d answers, want the 16 principles", len(sel.Answers))
	}
	want := map[string]string{
		"lp-dive-deep":           "hardest-bug",
		"lp-have-backbone":       "conflict",
		"lp-invent-and-simplify": "most-interesting",
		"lp-ownership":           "enjoyed-most",
		"lp-earn-trust":          "failure",
		"lp-deliver-results":     "success",
	}
	gapped := map[string]bool{}
	for _, g := range sel.Gaps {
		if g.Question != nil {
			gapped[g.Question.ID] = true
		}
	}
	for _, a := range sel.Answers {
		if !strings.HasPrefix(a.Question.ID, "lp-") || !strings.HasPrefix(a.Question.Ask, "Tell me about a time you") {
			t.Errorf("question %s: %q is not a Leadership Principle as asked", a.Question.ID, a.Question.Ask)
		}
		if len(a.Picks) > 1 {
			t.Errorf("%s: %d picks, want at most 1", a.Question.ID, len(a.Picks))
		}
		if len(a.Picks) == 1 && a.Picks[0].Score < sel.Weights.Threshold && !gapped[a.Question.ID] {
			t.Errorf("%s: weak pick (%.2f) not listed as a gap", a.Question.ID, a.Picks[0].Score)
		}
		if q, ok := want[a.Question.ID]; ok {
			if len(a.Picks) != 1 || !strings.HasSuffix(a.Picks[0].Story.ID, "."+q) {
				t.Errorf("%s: picked %v, want a %s story", a.Question.ID, summary(&Selection{Answers: []Answer{a}}), q)
			} else if len(a.Picks[0].Matched.Competencies) == 0 {
				t.Errorf("%s: matched no competencies", a.Question.ID)
			}
		}
	}
	for _, id := range []string{"lp-hire-and-develop", "lp-best-employer"} {
		if !gapped[id] {
			t.Errorf("gaps %v lack %s (no story is about growing or caring for others)", sel.Gaps, id)
		}
	}
	if len(gapped) > 8 {
		t.Errorf("%d of 16 principles are gaps; the grid stories should cover most", len(gapped))
	}
}

func TestSelectGaps(t *testing.T) {
	bank := loadSeed(t)
	sel, err := Select(bank, stories.NewCatalog(), Request{
		JobDescription: "Kafka and Kubernetes experience. Real-time stream joins.",
		Questions:      []string{"success", "Tell me about a time you mentored an intern"},
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range sel.Gaps {
		if g.Question != nil {
			got = append(got, "question "+g.Question.ID+": "+g.Reason)
		} else {
			got = append(got, "keyword "+g.Keyword+": "+g.Reason)
		}
	}
	want := []string{
		"question tell-me-about-a-time-you-mentored-an-intern: no story answers this question",
		`keyword real time: no story mentions "real time"`,
		`keyword stream joins: no picked story mentions "stream joins"`,
		`keyword kafka: no story mentions "kafka"`,
		`keyword kubernetes: no story mentions "kubernetes"`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("gaps:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A threshold above every score makes every question a gap.
	w := DefaultWeights()
	w.Threshold = 100
	sel, err = Select(bank, stories.NewCatalog(), Request{Weights: w, Questions: []string{"success", "failure"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(sel.Gaps) != 2 || sel.Gaps[0].Score == 0 || !strings.Contains(sel.Gaps[0].Reason, "below the threshold 100.00") {
		t.Errorf("gaps = %+v, want both questions below the threshold", sel.Gaps)
	}
}

func TestSelectDeterministic(t *testing.T) {
	bank := loadSeed(t)
	reqs := []Request{
		{},
		{JobDescription: streamingJD, PerQuestion: 2},
		{Set: stories.AmazonSet, JobDescription: warehouseJD, Focus: []string{"ownership"}},
		{All: true, JobDescription: streamingJD},
	}
	for i, req := range reqs {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			first, err := Select(bank, stories.NewCatalog(), req)
			if err != nil {
				t.Fatal(err)
			}
			for range 20 {
				again, err := Select(bank, stories.NewCatalog(), req)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(first, again) {
					t.Fatalf("selection changed between runs:\n%v\n%v", summary(first), summary(again))
				}
			}
		})
	}
}

func TestSelectSpreadsCloseCalls(t *testing.T) {
	// Two projects with the same answers, word for word but for a name: the
	// scores tie, and the picks are spread over both rather than all taken
	// from the first by id; without spread, ties go by id.
	bank := &stories.Bank{}
	for _, name := range []string{"alpha", "beta"} {
		p := &stories.Project{Project: name}
		for _, q := range []string{"most-challenging", "hardest-bug", "conflict", "failure"} {
			p.Stories = append(p.Stories, &stories.Story{ID: name + "." + q, Question: q, Project: p,
				Situation: "The nightly load missed its deadline twice a week.", Action: "I profiled it and split the join.",
				Result: "It has finished by 6 am for 2 years."})
		}
		bank.Projects = append(bank.Projects, p)
	}
	w := DefaultWeights()
	w.Duplicate = 0 // the stories are the same on purpose
	req := Request{Questions: []string{"most-challenging", "hardest-bug", "conflict", "failure"}, Weights: w}
	sel, err := Select(bank, stories.NewCatalog(), req)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, a := range sel.Answers {
		count[projectOf(a.Picks[0].Story.ID)]++
	}
	if count["alpha"] != 2 || count["beta"] != 2 {
		t.Errorf("picks per project %v, want them spread 2 and 2: %v", count, summary(sel))
	}
	req.Weights.Spread = 0
	sel, err = Select(bank, stories.NewCatalog(), req)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range sel.Answers {
		if p := projectOf(a.Picks[0].Story.ID); p != "alpha" {
			t.Errorf("without spread, %s: %s, want ties broken by id (alpha first)", a.Question.ID, a.Picks[0].Story.ID)
		}
	}
}

func TestSelectAll(t *testing.T) {
	bank := loadSeed(t)
	sel, err := Select(bank, stories.NewCatalog(), Request{All: true, Exclude: []string{"stream-joins.failure"}})
	if err != nil {
		t.Fatal(err)
	}
	got := summary(sel)
	want := []string{
		"most-challenging: warehouse-migration.most-challenging, stream-joins.most-challenging",
		"learned: warehouse-migration.learned, stream-joins.learned",
		"most-interesting: warehouse-migration.most-interesting, stream-joins.most-interesting",
		"hardest-bug: warehouse-migration.hardest-bug, stream-joins.hardest-bug",
		"enjoyed-most: warehouse-migration.enjoyed-most, stream-joins.enjoyed-most",
		"conflict: warehouse-migration.conflict, stream-joins.conflict",
		"challenging-interaction: warehouse-migration.challenging-interaction, stream-joins.challenging-interaction",
		"failure: warehouse-migration.failure",
		"success: warehouse-migration.success, stream-joins.success",
	}
	// The bank loads files sorted by name: stream-joins.yaml first.
	for i := range want {
		q, ids, _ := strings.Cut(want[i], ": ")
		parts := strings.Split(ids, ", ")
		if len(parts) == 2 {
			parts[0], parts[1] = parts[1], parts[0]
		}
		want[i] = q + ": " + strings.Join(parts, ", ")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSelectErrors(t *testing.T) {
	bank := loadSeed(t)
	tests := []struct {
		name  string
		req   Request
		want  string
		hint  string
		field string // the field the error is about
	}{
		{"unknown include", Request{Include: []string{"stream-joins.sucess"}},
			`include names unknown story "stream-joins.sucess" (did you mean "stream-joins.success"?)`, "id:", "include"},
		{"unknown exclude", Request{Exclude: []string{"nope"}}, `exclude names unknown story "nope"`, "id:", "exclude"},
		{"included and excluded", Request{Include: []string{"stream-joins.success"}, Exclude: []string{"stream-joins.success"}},
			`story "stream-joins.success" is both included and excluded`, "remove it", "include"},
		{"unknown set", Request{Set: "amazon"}, `unknown question set "amazon"`, "amazon-lp, grid", "question_set"},
		{"too many includes", Request{Questions: []string{"success"}, Include: []string{"stream-joins.success", "warehouse-migration.success"}},
			`include names more stories than the role has places for (at "warehouse-migration.success")`, "per_question", "include"},
		{"too many per question", Request{PerQuestion: 11}, "per_question 11 is more than the 10 stories starpack puts under one question", "1 to 3", "per_question"},
		{"negative weight", Request{Weights: Weights{Keyword: -1}}, "weights: keyword must be a number from 0 up, not -1", "defaults", "weights"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Select(bank, stories.NewCatalog(), tt.req)
			var e *source.FieldError
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want *FieldError", err)
			}
			if e.Field != tt.field {
				t.Errorf("field = %q, want %q", e.Field, tt.field)
			}
			if e.Msg != tt.want {
				t.Errorf("msg = %q, want %q", e.Msg, tt.want)
			}
			if !strings.Contains(e.Hint, tt.hint) {
				t.Errorf("hint = %q, want it to hold %q", e.Hint, tt.hint)
			}
		})
	}
}
