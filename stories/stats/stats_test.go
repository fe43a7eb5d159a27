package stats

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/loop"
	"github.com/starpack/starpack/stories/plaintext"
)

// realBank is the real story bank, imported from its plain text.
func realBank(t *testing.T) *stories.Bank {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "import", "seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := plaintext.Parse("seed.txt", data, stories.NewCatalog())
	if err != nil {
		t.Fatal(err)
	}
	return &stories.Bank{Projects: res.Projects}
}

// bankOf makes a bank of one project whose stories say the given texts
// (as their result), ids s1, s2, ...
func bankOf(texts ...string) *stories.Bank {
	p := &stories.Project{Project: "P"}
	for i, t := range texts {
		p.Stories = append(p.Stories, &stories.Story{ID: "s" + string(rune('1'+i)), Question: "success", Situation: "Context.", Result: t, Project: p})
	}
	return &stories.Bank{Projects: []*stories.Project{p}}
}

func TestConflicts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		texts []string
		want  []string // Conflict.String()
	}{
		{"same text, two figures", []string{"Cut the error rate to 1%.", "Cut the error rate to 2%."},
			[]string{`"1%" in s1 and "2%" in s2`}},
		{"under 1% and 2%", []string{"We cut the error rate to under 1% in a quarter.", "We cut the error rate to 2% in a quarter."},
			[]string{`"under 1%" in s1 and "2%" in s2`}},
		{"under 1% and 0.5% agree", []string{"We cut the error rate to under 1% in a quarter.", "We cut the error rate to 0.5% in a quarter."}, nil},
		{"about agrees", []string{"Latency fell by about 50% after the rewrite.", "Latency fell by 45% after the rewrite."}, nil},
		{"units convert", []string{"The nightly job now takes 90 s instead of an hour.", "The nightly job now takes 1.5 minutes instead of an hour."}, nil},
		{"each figure with its own", []string{"Cut p99 latency from 9 s to 400 ms.", "Cut p99 latency from 9 s to 500 ms."},
			[]string{`"400 ms" in s1 and "500 ms" in s2`}},
		{"at least", []string{"Served 100+ customers from day one.", "Served 80 customers from day one."},
			[]string{`"100+ customers" in s1 and "80 customers" in s2`}},
		{"money with a scale", []string{"It saved $1.2M a year in licences.", "It saved $2M a year in licences."},
			[]string{`"$1.2M" in s1 and "$2M" in s2`}},
		{"other metrics are not compared", []string{"Cut the error rate to 1%.", "Raised test coverage to 80%."}, nil},
		{"one story may quote two figures", []string{"Cut the error rate from 5% to 1%."}, nil},
		{"names are not figures", []string{"We shipped v2 to 3 teams.", "We shipped v3 to 3 teams."}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, c := range Conflicts(bankOf(tt.texts...)) {
				got = append(got, c.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("conflicts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// The real bank quotes many figures, none of them twice differently.
func TestNoFalseConflictsOnTheRealBank(t *testing.T) {
	t.Parallel()
	bank := realBank(t)
	n := 0
	for _, s := range bank.Stories() {
		n += len(Figures(s))
	}
	if n < 8 {
		t.Fatalf("only %d figures found in the real bank: the test does not test much", n)
	}
	if c := Conflicts(bank); len(c) != 0 {
		t.Errorf("conflicts on the real bank: %v", c)
	}
	// The same bank with one figure changed in a copy of a story does conflict.
	src := bank.Story("migrating-our-core.most-interesting")
	cp := *src
	cp.ID, cp.Question = "copy.success", "success"
	cp.Result = strings.Replace(src.Result, "< 1%", "2%", 1)
	src.Project.Stories = append(src.Project.Stories, &cp)
	if c := Conflicts(bank); len(c) != 1 || c[0].A.Text != "< 1%" || c[0].B.Text != "2%" {
		t.Errorf("a copy quoting 2%% for < 1%%: %v", c)
	}
}

func TestFigures(t *testing.T) {
	t.Parallel()
	s := &stories.Story{ID: "x", Result: "1. Cut p99 from 9 s to 400 ms, about 3x faster.\n2. Saved 1 million dollars for 3000+ steps; a 4-way join on k8s v2."}
	var got []string
	for _, f := range Figures(s) {
		got = append(got, f.Text+" ["+f.unit+" "+f.anchor+"]")
	}
	want := []string{"9 s [s p99 from]", "400 ms [s s to]", "about 3x [x 400 ms]", "1 million dollars [dollar saved]", "3000+ steps [step dollar for]", "4-way [way a]"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("figures:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, bad := range []string{"v2", "k8s", "p99", "[ 1."} {
		for _, g := range got {
			if strings.HasPrefix(g, bad) {
				t.Errorf("%q taken as a figure: %q", bad, got)
			}
		}
	}
}

func TestCompute(t *testing.T) {
	t.Parallel()
	bank := realBank(t)
	cat := stories.NewCatalog()
	var qs []*stories.Question
	for _, id := range []string{"most-challenging", "conflict", "lp-frugality"} {
		qs = append(qs, cat.Lookup(id))
	}
	qs = append(qs, cat.Resolve("Why do you want to leave?"))
	now := time.Date(2026, 12, 1, 20, 0, 0, 0, time.UTC)
	rep, err := Compute(Input{Bank: bank, Catalog: cat, Questions: qs, Now: now,
		Picks: map[string][]string{
			"a": {"build-real-time.conflict", "build-real-time.success"},
			"b": {"build-real-time.conflict"},
			"c": {"build-real-time.conflict", "build-real-time.success"},
		},
		Practice: []loop.Practice{
			{Story: "build-real-time.conflict", At: "2026-11-30T19:00:00"},
			{Story: "build-real-time.success", At: "2026-11-01T19:00:00"},
			{Story: "build-real-time.success", At: "2026-11-10T19:00:00"},
		},
		Settings: Settings{Target: 2, StaleDays: 14, ManyRoles: 2}})
	if err != nil {
		t.Fatal(err)
	}
	cov := map[string]QuestionCoverage{}
	for _, q := range rep.Questions {
		cov[q.ID] = q
	}
	if c := cov["conflict"]; c.Written != 2 || len(c.Answers) < 2 || c.Below {
		t.Errorf("conflict coverage %+v", c)
	}
	if c := cov["why-do-you-want-to-leave"]; c.Written != 0 || len(c.Answers) != 0 || !c.Below {
		t.Errorf("custom question coverage %+v", c)
	}
	if c := cov["lp-frugality"]; c.Written != 0 {
		t.Errorf("lp-frugality coverage %+v", c)
	}
	if len(rep.NeverPicked) != 16 || len(rep.ManyRoles) != 2 || rep.ManyRoles[0].Story != "build-real-time.conflict" || len(rep.ManyRoles[0].Roles) != 3 {
		t.Errorf("never picked %d, many roles %+v", len(rep.NeverPicked), rep.ManyRoles)
	}
	last := rep.Stale[len(rep.Stale)-1]
	if len(rep.Stale) != 17 || last.Story != "build-real-time.success" || last.Days != 21 || last.Last != "2026-11-10" {
		t.Errorf("stale: %d, last %+v", len(rep.Stale), last)
	}
	comp := map[string]int{}
	for _, c := range rep.Competencies {
		comp[c.Name] = c.Stories
	}
	if comp["conflict resolution"] != 2 || comp["ownership"] < 2 {
		t.Errorf("competencies %+v", rep.Competencies)
	}
}
