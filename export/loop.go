package export

import (
	"fmt"
	"strings"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/loop"
)

// Loop is what the interview loop brings to a role's packet: the round it
// prepares, the stories already told to the company, the questions asked
// before, and each story's rehearsals.
type Loop struct {
	Round  int            // the round prepared, from 1; 0 when no round is ahead
	Rounds []config.Round // the role's rounds
	// Told are the stories told to this company before this round (in this
	// role's earlier rounds and in other roles at the same company), oldest
	// first. They are not picked again unless the role includes them.
	Told []loop.Telling
	// Asked are the questions asked in those rounds, each once, in the
	// order first asked; they come first in the packet and get a second
	// story when one scores well enough.
	Asked []*stories.Question
	// Gaps are the questions asked that no story answers yet.
	Gaps []loop.Gap
	// History is each story's rehearsals and tellings, by story id.
	History map[string]loop.History
}

// Current is the round the packet prepares, or nil.
func (l *Loop) Current() *config.Round {
	if l == nil || l.Round < 1 || l.Round > len(l.Rounds) {
		return nil
	}
	return &l.Rounds[l.Round-1]
}

// RoundLine says which round the packet is for: "Round 2 of 3: hiring
// manager, 2026-12-01 10:00, with Dana (EM)"; "" when none.
func (l *Loop) RoundLine() string {
	r := l.Current()
	if r == nil {
		return ""
	}
	s := fmt.Sprintf("Round %d of %d", l.Round, len(l.Rounds))
	if k := strings.TrimSpace(r.Kind); k != "" {
		s += ": " + k
	}
	s += ", " + r.When()
	if len(r.With) > 0 {
		s += ", with " + strings.Join(r.With, ", ")
	}
	return s
}

// Story returns a story's history (the zero History when the loop knows
// nothing of it, or for a packet without a loop).
func (l *Loop) Story(id string) loop.History {
	if l == nil {
		return loop.History{}
	}
	return l.History[id]
}

// Line is the line a story of the packet gets about its rehearsals and
// where it was told: "Practised 3 times, last self-rating 4/5 (2026-11-28)
// · told in round 1 (...)"; "" when the loop knows nothing of it.
func (l *Loop) Line(id string) string {
	h := l.Story(id)
	var parts []string
	if h.Practised > 0 {
		parts = append(parts, PracticeLine(h))
	}
	if t := TellingLine(h.Told); t != "" {
		parts = append(parts, t)
	}
	s := strings.Join(parts, " · ")
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// TellingLine says where a story was told: "told in round 1 (phone
// screen, 2026-11-20, to recruiter; solid)"; several tellings are joined
// by "; ".
func TellingLine(ts []loop.Telling) string {
	var parts []string
	for _, t := range ts {
		var in []string
		if t.Kind != "" {
			in = append(in, t.Kind)
		}
		if t.At != "" {
			in = append(in, t.At)
		}
		if len(t.With) > 0 {
			in = append(in, "to "+strings.Join(t.With, ", "))
		}
		s := fmt.Sprintf("round %d", t.Round)
		if t.Role != "" {
			s = t.Role + " " + s
		}
		detail := strings.Join(in, ", ")
		if t.Rating != "" {
			if detail != "" {
				detail += "; "
			}
			detail += t.Rating
		}
		if detail != "" {
			s += " (" + detail + ")"
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return ""
	}
	return "told in " + strings.Join(parts, "; ")
}

// PracticeLine says how a story was rehearsed: "practised 3 times, last
// self-rating 4/5 (2026-11-28)", or "never practised".
func PracticeLine(h loop.History) string {
	if h.Practised == 0 {
		return "never practised"
	}
	s := "practised " + stories.Count(h.Practised, "time", "times")
	if h.Practised == 1 {
		s = "practised once"
	}
	if h.LastRating > 0 {
		s += fmt.Sprintf(", last self-rating %d/5", h.LastRating)
	}
	if h.LastPractised != "" {
		s += " (" + h.LastPractised + ")"
	}
	return s
}

// redact returns a copy of the loop with its names and texts passed
// through r (nil stays nil).
func (l *Loop) redact(r *stories.Redactor) *Loop {
	if l == nil {
		return nil
	}
	q := &Loop{Round: l.Round}
	for _, a := range l.Asked {
		q.Asked = append(q.Asked, RedactQuestion(a, r))
	}
	for _, rd := range l.Rounds {
		rd.Kind, rd.Notes, rd.With = r.Apply(rd.Kind), r.Apply(rd.Notes), r.ApplyAll(rd.With)
		q.Rounds = append(q.Rounds, rd)
	}
	tell := func(t loop.Telling) loop.Telling {
		t.Story, t.Kind, t.Question = r.ApplyID(t.Story), r.Apply(t.Kind), r.Apply(t.Question)
		t.With = r.ApplyAll(t.With)
		if t.Role != "" {
			t.Role = "another role" // a role id may name the company
		}
		return t
	}
	for _, t := range l.Told {
		q.Told = append(q.Told, tell(t))
	}
	for _, g := range l.Gaps {
		g.Role, g.Question = "", RedactQuestion(g.Question, r)
		q.Gaps = append(q.Gaps, g)
	}
	q.History = map[string]loop.History{}
	for id, h := range l.History {
		var told []loop.Telling
		for _, t := range h.Told {
			told = append(told, tell(t))
		}
		h.Told = told
		q.History[r.ApplyID(id)] = h
	}
	return q
}

// RedactQuestion returns a question of the candidate's own (a custom one,
// such as a question asked in a round in their words) with its words passed
// through r; catalog questions are returned as they are.
func RedactQuestion(q *stories.Question, r *stories.Redactor) *stories.Question {
	if q == nil || !q.Custom {
		return q
	}
	c := *q
	c.Title, c.Ask = r.Apply(q.Title), r.Apply(q.Ask)
	return &c
}
