package stories

import (
	"fmt"
	"sort"
	"strings"
)

// Request says what a packet needs: which questions, and what matters.
type Request struct {
	Questions   []string // question ids or custom titles; empty means the whole set
	Set         string   // question set; empty means DefaultSet
	Focus       []string // tags or words that matter for the role
	Include     []string // story ids forced in
	Exclude     []string // story ids left out
	PerQuestion int      // stories per question; 0 means 1
	// All asks for every story of the bank, grouped by question, in
	// catalog order (the "whole bank" packet).
	All bool
}

// Selection is the stories chosen for a request, question by question.
type Selection struct {
	Answers []Answer
	Gaps    []Gap
}

// Answer is one question and the stories picked to answer it.
type Answer struct {
	Question *Question
	Picks    []Pick
}

// Pick is one story chosen for a question, with why.
type Pick struct {
	Story   *Story
	Score   float64
	Reasons []string
}

// Gap is something the role asks for that no picked story covers.
type Gap struct {
	Question *Question // nil for a gap that is not a question
	Reason   string
}

// Picked reports whether the selection uses the story.
func (s *Selection) Picked(id string) bool {
	for _, a := range s.Answers {
		for _, p := range a.Picks {
			if p.Story.ID == id {
				return true
			}
		}
	}
	return false
}

// Select chooses stories for each question of the request. A story
// answers the question its `question` field names; among those, stories
// are ranked by how many focus words they mention. Included stories come
// first, excluded ones never; each story is used once.
func Select(bank *Bank, cat *Catalog, req Request) (*Selection, error) {
	excluded := map[string]bool{}
	for _, id := range req.Exclude {
		if bank.Story(id) == nil {
			return nil, unknownStory(bank, id, "exclude")
		}
		excluded[id] = true
	}
	included := map[string]bool{}
	for _, id := range req.Include {
		if bank.Story(id) == nil {
			return nil, unknownStory(bank, id, "include")
		}
		included[id] = true
	}
	byQuestion := map[string][]*Story{}
	var order []*Question
	for _, s := range bank.Stories() {
		q := cat.Resolve(s.Question)
		if _, ok := byQuestion[q.ID]; !ok {
			order = append(order, q)
		}
		byQuestion[q.ID] = append(byQuestion[q.ID], s)
	}

	var questions []*Question
	switch {
	case req.All:
		rank := map[string]int{}
		for i, id := range cat.IDs() {
			rank[id] = i
		}
		questions = order
		sort.SliceStable(questions, func(i, j int) bool {
			ri, iok := rank[questions[i].ID]
			rj, jok := rank[questions[j].ID]
			if iok != jok {
				return iok
			}
			return iok && ri < rj
		})
	case len(req.Questions) > 0:
		for _, key := range req.Questions {
			questions = append(questions, cat.Resolve(key))
		}
	default:
		set := req.Set
		if set == "" {
			set = DefaultSet
		}
		ids, ok := cat.Set(set)
		if !ok {
			return nil, &Error{Msg: fmt.Sprintf("unknown question set %q", set),
				Hint: "question sets: " + strings.Join(cat.Sets(), ", ")}
		}
		for _, id := range ids {
			questions = append(questions, cat.Resolve(id))
		}
	}

	per := req.PerQuestion
	if per <= 0 {
		per = 1
	}
	sel := &Selection{}
	used := map[string]bool{}
	for _, q := range questions {
		var picks []Pick
		for _, s := range byQuestion[q.ID] {
			if excluded[s.ID] || used[s.ID] {
				continue
			}
			score, reasons := focusScore(s, req.Focus)
			if included[s.ID] {
				score += 100
				reasons = append([]string{"included by the role"}, reasons...)
			}
			picks = append(picks, Pick{Story: s, Score: score, Reasons: reasons})
		}
		sort.SliceStable(picks, func(i, j int) bool { return picks[i].Score > picks[j].Score })
		if !req.All && len(picks) > per {
			picks = picks[:per]
		}
		for _, p := range picks {
			used[p.Story.ID] = true
		}
		if len(picks) == 0 {
			sel.Gaps = append(sel.Gaps, Gap{Question: q, Reason: "no story answers this question"})
		}
		sel.Answers = append(sel.Answers, Answer{Question: q, Picks: picks})
	}
	return sel, nil
}

// focusScore counts the focus words a story mentions in its tags, its
// project's tags or its text.
func focusScore(s *Story, focus []string) (float64, []string) {
	if len(focus) == 0 {
		return 0, nil
	}
	tags := map[string]bool{}
	for _, t := range append(append([]string{}, s.Tags...), s.Project.Tags...) {
		tags[Normalize(t)] = true
	}
	text := " " + Normalize(s.Title+" "+s.Text()+" "+s.Project.Project+" "+s.Project.Summary) + " "
	var score float64
	var reasons []string
	for _, f := range focus {
		nf := Normalize(f)
		switch {
		case nf == "":
		case tags[nf]:
			score += 2
			reasons = append(reasons, fmt.Sprintf("tagged %q", f))
		case strings.Contains(text, " "+nf+" "):
			score++
			reasons = append(reasons, fmt.Sprintf("mentions %q", f))
		}
	}
	return score, reasons
}

func unknownStory(bank *Bank, id, list string) error {
	var ids []string
	for _, s := range bank.Stories() {
		ids = append(ids, s.ID)
	}
	msg := fmt.Sprintf("%s names unknown story %q", list, id)
	if s := Suggest(id, ids); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return &Error{Msg: msg, Hint: "a story id is the `id:` of a story in stories/*.yaml"}
}
