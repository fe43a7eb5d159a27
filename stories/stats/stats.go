// Package stats reports a story bank's health: how well each question and
// competency is covered, which stories no role picks and which many roles
// lean on, which stories have gone unrehearsed, and the same metric quoted
// differently in two stories. It computes; the command line prints.
package stats

import (
	"cmp"
	"slices"
	"time"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/loop"
	"github.com/starpack/starpack/stories/tailor"
)

// Settings are the thresholds of a report (stats: in starpack.yaml).
type Settings struct {
	Target    int // stories that should answer each question well
	StaleDays int // a story not rehearsed for this many days is stale
	ManyRoles int // a story picked for this many roles or more is leaned on
}

// Input is what a report is made from.
type Input struct {
	Bank      *stories.Bank
	Catalog   *stories.Catalog
	Questions []*stories.Question // the questions to report, in order
	// Picks are, per role id, the ids of the stories its packet picks.
	Picks    map[string][]string
	Practice []loop.Practice
	Now      time.Time
	Request  tailor.Request // the workspace's weights and synonyms
	Settings Settings
}

// Report is a bank's health.
type Report struct {
	Stories      int                `json:"stories"`
	Target       int                `json:"target"`
	Questions    []QuestionCoverage `json:"questions"`
	Competencies []Competency       `json:"competencies"`
	Roles        int                `json:"roles"`
	NeverPicked  []string           `json:"never_picked"`
	ManyRoles    []Use              `json:"many_roles"`
	ManyAt       int                `json:"many_roles_at"`
	Stale        []Stale            `json:"stale"`
	StaleDays    int                `json:"stale_days"`
	Conflicts    []Conflict         `json:"conflicts"`
}

// QuestionCoverage is how well the bank answers one question.
type QuestionCoverage struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Written int      `json:"written"` // stories written for it
	Answers []string `json:"answers"` // stories that answer it well (score at least the threshold), best first, at most tailor.MaxPerQuestion
	Below   bool     `json:"below_target"`
}

// Competency is how many stories show one competency.
type Competency struct {
	Name    string   `json:"name"`
	Stories int      `json:"stories"`
	Asked   []string `json:"questions"` // the questions that probe it
}

// Use is a story and the roles that pick it.
type Use struct {
	Story string   `json:"story"`
	Roles []string `json:"roles"`
}

// Stale is a story not rehearsed for a while.
type Stale struct {
	Story string `json:"story"`
	Last  string `json:"last,omitempty"` // the day of its last rehearsal; "" when never
	Days  int    `json:"days,omitempty"` // days since
}

// Compute makes the report. Errors come from story selection (bad
// weights): the workspace's own settings, checked where they are read.
func Compute(in Input) (*Report, error) {
	all := in.Bank.Stories()
	rep := &Report{Stories: len(all), Target: in.Settings.Target, Roles: len(in.Picks),
		ManyAt: in.Settings.ManyRoles, StaleDays: in.Settings.StaleDays}
	var err error
	if rep.Questions, err = coverage(in); err != nil {
		return nil, err
	}
	rep.Competencies = competencies(in)
	rep.NeverPicked, rep.ManyRoles = usage(in)
	rep.Stale = stale(in)
	rep.Conflicts = Conflicts(in.Bank)
	return rep, nil
}

// coverage counts, per question, the stories written for it and those the
// selection would take for it (scoring at least the threshold).
func coverage(in Input) ([]QuestionCoverage, error) {
	written := map[string]int{}
	for _, s := range in.Bank.Stories() {
		written[in.Catalog.Resolve(s.Question).ID]++
	}
	var out []QuestionCoverage
	for _, q := range in.Questions {
		c := QuestionCoverage{ID: q.ID, Title: q.Title, Written: written[q.ID], Answers: []string{}}
		req := in.Request
		req.Questions, req.PerQuestion, req.All = []string{key(q)}, tailor.MaxPerQuestion, false
		sel, err := tailor.Select(in.Bank, in.Catalog, req)
		if err != nil {
			return nil, err
		}
		for _, a := range sel.Answers {
			for _, p := range a.Picks {
				if p.Score >= sel.Weights.Threshold {
					c.Answers = append(c.Answers, p.Story.ID)
				}
			}
		}
		c.Below = len(c.Answers) < in.Settings.Target
		out = append(out, c)
	}
	return out, nil
}

// key is how a request names q.
func key(q *stories.Question) string {
	if q.Custom {
		return q.Title
	}
	return q.ID
}

// competencies counts the stories that show each competency the reported
// questions probe: through the question a story was written for, or a tag
// of the story or its project.
func competencies(in Input) []Competency {
	byName := map[string]*Competency{}
	var order []string
	for _, q := range in.Questions {
		for _, c := range q.Competencies {
			n := stories.Normalize(c)
			if byName[n] == nil {
				byName[n] = &Competency{Name: n}
				order = append(order, n)
			}
			if !slices.Contains(byName[n].Asked, q.ID) {
				byName[n].Asked = append(byName[n].Asked, q.ID)
			}
		}
	}
	for _, s := range in.Bank.Stories() {
		has := map[string]bool{}
		for _, c := range in.Catalog.Resolve(s.Question).Competencies {
			has[stories.Normalize(c)] = true
		}
		tags := slices.Clone(s.Tags)
		if s.Project != nil {
			tags = append(tags, s.Project.Tags...)
		}
		for _, t := range tags {
			has[stories.Normalize(t)] = true
		}
		for n := range has {
			if c := byName[n]; c != nil {
				c.Stories++
			}
		}
	}
	out := make([]Competency, 0, len(order))
	for _, n := range order {
		out = append(out, *byName[n])
	}
	slices.SortStableFunc(out, func(a, b Competency) int { return cmp.Compare(a.Stories, b.Stories) })
	return out
}

// usage lists the stories no role picks and those many roles pick (most
// roles first).
func usage(in Input) (never []string, many []Use) {
	roles := map[string][]string{}
	ids := make([]string, 0, len(in.Picks))
	for id := range in.Picks {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, role := range ids {
		for _, s := range in.Picks[role] {
			if !slices.Contains(roles[s], role) {
				roles[s] = append(roles[s], role)
			}
		}
	}
	never, many = []string{}, []Use{}
	for _, s := range in.Bank.Stories() {
		switch n := len(roles[s.ID]); {
		case n == 0:
			never = append(never, s.ID)
		case n >= in.Settings.ManyRoles:
			many = append(many, Use{Story: s.ID, Roles: roles[s.ID]})
		}
	}
	slices.SortStableFunc(many, func(a, b Use) int { return cmp.Compare(len(b.Roles), len(a.Roles)) })
	return never, many
}

// stale lists the stories not rehearsed for StaleDays or more: never
// rehearsed first (in bank order), then the longest ago first.
func stale(in Input) []Stale {
	last := map[string]time.Time{}
	for _, p := range in.Practice {
		if t := p.Time(); t.After(last[p.Story]) {
			last[p.Story] = t
		}
	}
	today := day(in.Now)
	var never, old []Stale
	for _, s := range in.Bank.Stories() {
		t, ok := last[s.ID]
		if !ok {
			never = append(never, Stale{Story: s.ID})
			continue
		}
		if d := int(today.Sub(day(t)) / (24 * time.Hour)); d >= in.Settings.StaleDays {
			old = append(old, Stale{Story: s.ID, Last: t.Format(time.DateOnly), Days: d})
		}
	}
	slices.SortStableFunc(old, func(a, b Stale) int { return cmp.Compare(b.Days, a.Days) })
	return append(append([]Stale{}, never...), old...)
}

func day(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
