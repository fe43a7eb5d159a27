package loop

import (
	"slices"
	"strings"

	"github.com/starpack/starpack/stories"
)

// Telling is one time a story was told in an interview round.
type Telling struct {
	Story    string   // the story's id
	Role     string   // the role (job application) it was told for
	Round    int      // the round's number in that role
	At       string   // when the round was
	Kind     string   // the round's kind, e.g. phone screen
	With     []string // to whom
	Question string   // what was asked
	Rating   string   // how it went: strong, solid, weak (or "")
}

// Tellings lists the stories told in a role's debriefs, in order.
func Tellings(role string, ds []Debrief) []Telling {
	var out []Telling
	for _, d := range ds {
		for _, a := range d.Asked {
			if !a.Told() {
				continue
			}
			out = append(out, Telling{Role: role, Round: d.Round, At: d.At, Kind: d.Kind, With: slices.Clone(d.With),
				Question: a.Question, Rating: a.Rating, Story: strings.TrimSpace(a.Story)})
		}
	}
	return out
}

// History is what the loop knows of one story for a packet: how often it
// was rehearsed, how the last rehearsal went, and where it was told
// already.
type History struct {
	Practised     int       // rehearsals logged
	LastRating    int       // the last self-rating, 1 to 5; 0 when never rated
	LastPractised string    // the day of the last rehearsal, YYYY-MM-DD; "" when never
	Told          []Telling // earlier rounds it was told in, oldest first
}

// Histories folds the practice log and the tellings into one History per
// story id that has any.
func Histories(log []Practice, told []Telling) map[string]History {
	out := map[string]History{}
	for _, p := range sortedPractice(log) {
		h := out[p.Story]
		h.Practised++
		if p.Rating > 0 {
			h.LastRating = p.Rating
		}
		h.LastPractised = p.At[:min(len(p.At), 10)]
		out[p.Story] = h
	}
	for _, t := range told {
		h := out[t.Story]
		h.Told = append(h.Told, t)
		out[t.Story] = h
	}
	return out
}

// sortedPractice returns the log in time order (stable: entries of the
// same second keep the log's order).
func sortedPractice(log []Practice) []Practice {
	out := slices.Clone(log)
	slices.SortStableFunc(out, func(a, b Practice) int { return strings.Compare(a.At, b.At) })
	return out
}

// Gap is a question asked in a round that no story of the bank answers:
// the candidate improvised, and no story is written for the question.
type Gap struct {
	Role     string
	Round    int
	At       string
	Question *stories.Question // resolved in the catalog; Custom when it is not there
}

// Gaps lists the questions of a role's debriefs that were not answered
// with a story and that no story of the bank is written for, each once (at
// the first round it was asked), in debrief order. A story written for the
// question since closes the gap.
func Gaps(bank *stories.Bank, cat *stories.Catalog, role string, ds []Debrief) []Gap {
	written := map[string]bool{}
	for _, s := range bank.Stories() {
		written[cat.Resolve(s.Question).ID] = true
	}
	var out []Gap
	seen := map[string]bool{}
	for _, d := range ds {
		for _, a := range d.Asked {
			q := cat.Resolve(a.Question)
			if a.Told() || written[q.ID] || seen[q.ID] {
				continue
			}
			seen[q.ID] = true
			out = append(out, Gap{Role: role, Round: d.Round, At: d.At, Question: q})
		}
	}
	return out
}
