package stories

import (
	"slices"
	"strings"
)

// asks are the questions worth asking an interviewer, each with the
// competencies that make it fit: a role that probes conflict is worth
// asking how the team settles a disagreement. The first is the default.
var asks = []struct {
	ask  string
	fits []string
}{
	{"What would you want the person in this role to have done by the end of the first year?", nil},
	{"How does the team settle a technical disagreement, and who has the last word?", []string{"conflict resolution", "influence", "collaboration"}},
	{"What happens after an incident or a missed deadline: how does the team learn from it?", []string{"accountability", "learning", "self-awareness"}},
	{"What is the hardest technical problem the team has to solve this year?", []string{"technical depth", "problem solving", "dive deep", "persistence"}},
	{"How is success measured for this team, and how do you see it week to week?", []string{"delivery", "impact", "delivery under pressure"}},
	{"How much of a piece of work does one engineer own, from design to production?", []string{"ownership", "resourcefulness"}},
	{"Who outside the team does this role work with most, and how do priorities get agreed?", []string{"stakeholder management", "communication", "composure"}},
	{"What is the team building next that it is most excited about?", []string{"innovation", "curiosity", "passion", "motivation"}},
}

// QuestionsToAsk returns up to n questions to ask the interviewer: the
// role's own (own, as written) first, then built-in ones that fit the
// competencies the role's questions probe, most probed first, then the
// general one.
func QuestionsToAsk(own []string, questions []*Question, n int) []string {
	var out []string
	for _, a := range own {
		if a = strings.TrimSpace(a); a != "" && len(out) < n && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	probed := map[string]int{}
	for _, q := range questions {
		for _, c := range q.Competencies {
			probed[Normalize(c)]++
		}
	}
	type fit struct {
		ask   string
		score int
		order int
	}
	var fits []fit
	for i, a := range asks[1:] {
		score := 0
		for _, c := range a.fits {
			score += probed[Normalize(c)]
		}
		if score > 0 {
			fits = append(fits, fit{a.ask, score, i})
		}
	}
	slices.SortStableFunc(fits, func(a, b fit) int { return b.score - a.score })
	for _, f := range fits {
		if len(out) < n {
			out = append(out, f.ask)
		}
	}
	if len(out) < n {
		out = append(out, asks[0].ask)
	}
	return out
}
