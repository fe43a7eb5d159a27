package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/starpack/starpack/stories"
)

// Picked is a story a role's packet uses and the question it answers
// there.
type Picked struct {
	Role     string // the role id, for messages
	Story    *stories.Story
	Question *stories.Question
}

// Picks checks the stories roles picked, as a coach would the night before:
// a story picked for a failure question needs its lesson (lesson), and every
// picked story is better with the follow-up questions it invites
// (followups). These rules need the picks, so they are not part of Run: the
// pipeline (export/packet) calls Picks for each packet and shows its
// findings in the notes and in build's summary, and `starpack lint` calls it
// with the picks of every role. A story picked by several roles gets one
// finding per rule, naming the roles. Findings are sorted as Run's are.
func Picks(picks []Picked, cfg Config) []Finding {
	cfg = cfg.withDefaults()
	type key struct {
		story *stories.Story
		rule  string
	}
	roles := map[key][]string{}
	var order []key
	note := func(k key, role string) {
		if _, ok := roles[k]; !ok {
			order = append(order, k)
		}
		if !slices.Contains(roles[k], role) {
			roles[k] = append(roles[k], role)
		}
	}
	for _, p := range picks {
		if p.Story == nil {
			continue
		}
		if stories.KindOf(p.Question, p.Story) == stories.Failure && strings.TrimSpace(p.Story.Lesson) == "" {
			note(key{p.Story, Lesson}, p.Role)
		}
		if len(p.Story.Followups) == 0 {
			note(key{p.Story, Followups}, p.Role)
		}
	}
	l := &linter{cfg: cfg}
	for _, k := range order {
		in := ""
		if rs := roles[k]; len(rs) > 0 && rs[0] != "" {
			in = fmt.Sprintf(" (%s %s)", plural(len(rs), "role", "roles"), strings.Join(rs, ", "))
		}
		switch k.rule {
		case Lesson:
			l.add(k.story, Lesson, k.story.FieldPos(""), "picked for a failure question"+in+" but has no lesson: what you would do differently")
		case Followups:
			l.add(k.story, Followups, k.story.FieldPos(""), "picked"+in+" but has no follow-up questions to prepare")
		}
	}
	Sort(l.out)
	return l.out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// PicksSummary says the findings of Picks for one packet in a line:
// "1 failure story has no lesson; 7 picked stories have no follow-ups".
// It is "" when there are none (or all are off).
func PicksSummary(fs []Finding) string {
	n := map[string]int{}
	for _, f := range fs {
		if f.Severity != Off {
			n[f.Rule]++
		}
	}
	var parts []string
	if c := n[Lesson]; c > 0 {
		parts = append(parts, fmt.Sprintf("%d failure %s no lesson", c, plural(c, "story has", "stories have")))
	}
	if c := n[Followups]; c > 0 {
		parts = append(parts, fmt.Sprintf("%d picked %s no follow-ups", c, plural(c, "story has", "stories have")))
	}
	return strings.Join(parts, "; ")
}
