// Package tailor chooses the stories of a packet: it reads a job
// description's keywords, scores every story against every question of a
// role (Weights says how), and picks the assignment of stories to
// questions with the highest total score, with the reasons and the gaps.
// The same bank, catalog and request always give the same selection.
package tailor

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// Request says what a packet needs: which questions, and what matters.
type Request struct {
	Questions   []string // question ids or custom titles; empty means the whole set
	Set         string   // question set; empty means DefaultSet
	Focus       []string // tags or words that matter for the role
	Include     []string // story ids forced in
	Exclude     []string // story ids left out
	PerQuestion int      // stories per question; 0 means 1
	// JobDescription is the role's job description, read as a recruiter
	// reads it: its sections weigh differently (requirements and
	// responsibilities fully, nice-to-haves by Weights.NiceToHave, the
	// company's blurb and the benefits not at all); its terms are words
	// and two-word terms ("stream joins", "on-call" and "low-latency" stay
	// whole), stop words and boilerplate removed, folded with the synonym
	// table (builtin plus Synonyms) and matched across forms ("migrating"
	// meets "migration"; "Go" is not "going"). A term weighs
	//
	//	section weight × (1 + ln tf) × (ln((N+1)/(df+1)) + 1) × (1.5 for a two-word term)
	//
	// where tf is how often the job description uses it, N the number of
	// stories and df how many of them mention it themselves.
	JobDescription string
	// Company and Title are the role's: their words are never keywords.
	Company, Title string
	// Speech is the speaking-time model the strength term times stories
	// with; zero is the default.
	Speech stories.Speech
	// Synonyms extend BuiltinSynonyms for matching words.
	Synonyms Synonyms
	// Weights weigh the parts of the score; all zero means DefaultWeights.
	Weights Weights
	// All asks for every story of the bank, grouped by question, in
	// catalog order (the "whole bank" packet).
	All bool
}

// Selection is the stories chosen for a request, question by question.
type Selection struct {
	Answers []Answer
	Gaps    []Gap
	// Keywords are the job description's most telling terms (at most
	// KeywordLimit), most telling first.
	Keywords []Keyword
	// Weights are the weights the scores were computed with.
	Weights Weights
	// Requirements is the requirement map: each requirement line of the job
	// description and the stories that evidence it, or a gap.
	Requirements []Requirement
}

// Answer is one question and the stories picked to answer it.
type Answer struct {
	Question *stories.Question
	Picks    []Pick
	// Alternates are the next best stories for the question (at most
	// MaxAlternates) that no question picked and that are not the same
	// story as a pick, best first: what to tell instead.
	Alternates []Pick
}

// MaxAlternates is how many alternates an answer lists.
const MaxAlternates = 2

// Pick is one story chosen for a question, with why.
type Pick struct {
	Story    *stories.Story
	Score    float64  // Parts.Sum(), rounded to thousandths
	Reasons  []string // why, in words
	Parts    Parts    // the score by weight
	Matched  Matched  // what matched, for machines
	Included bool     // forced in by the role's include list
}

// Gap is something the role asks for that no picked story covers.
type Gap struct {
	Question *stories.Question // the question; nil for a keyword gap
	Keyword  string            // the job-description keyword no picked story mentions
	Score    float64           // the question's best pick score (0 when none)
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

// MaxPerQuestion is the most stories a request may ask for per question.
const MaxPerQuestion = 10

// maxCandidates caps how many candidates a question keeps for the
// assignment; it only matters for roles with very many slots.
const maxCandidates = 64

// Select chooses stories for the questions of a request: the assignment
// of stories to question slots (PerQuestion each) with the highest total
// score (see Weights), each story used once, never two stories that are
// the same story told twice, close calls spread across projects, ties
// broken by story id. Included stories are placed first, on the question
// they score best for; excluded ones are never used. Each answer lists its
// alternates, and the selection maps the job description's requirements
// to the stories that evidence them. With All, every story is listed under
// its own question instead.
//
// The same bank, catalog and request always give the same selection.
// Errors (unknown story ids, an unknown question set, bad weights) are
// *Error values with a hint.
func Select(bank *stories.Bank, cat *stories.Catalog, req Request) (*Selection, error) {
	w := req.Weights.orDefault()
	if err := w.Check(); err != nil {
		return nil, err
	}
	excluded, err := checkLists(bank, req)
	if err != nil {
		return nil, err
	}
	if req.All {
		return selectAll(bank, cat, req, w), nil
	}
	questions, err := requestQuestions(cat, req)
	if err != nil {
		return nil, err
	}
	per := max(req.PerQuestion, 1)
	if per > MaxPerQuestion {
		return nil, &source.FieldError{Field: "per_question", Msg: fmt.Sprintf("per_question %d is more than the %d stories starpack puts under one question", per, MaxPerQuestion),
			Hint: "a packet is read the night before an interview: 1 to 3 stories per question is plenty"}
	}
	sc, qs := newScorer(bank, cat, req, w, questions)
	sel := &Selection{Weights: w, Keywords: sc.keywords()}
	forced, caps, taken, err := sc.placeIncluded(qs, req.Include, per)
	if err != nil {
		return nil, err
	}
	chosen := sc.assign(qs, caps, taken, excluded)
	for q, qi := range qs {
		sel.Answers = append(sel.Answers, Answer{Question: qi.q, Picks: sc.picks(qi, forced[q], chosen[q])})
	}
	sc.alternates(sel, qs, excluded)
	sel.Gaps = gaps(sel, sc, w)
	sel.Requirements = sc.requirements(sel)
	return sel, nil
}

// keywords are the top job-description keywords.
func (sc *scorer) keywords() []Keyword {
	var out []Keyword
	for _, k := range sc.kws {
		out = append(out, k.Keyword)
	}
	return out
}

// checkLists checks the include and exclude lists and returns the
// excluded ids.
func checkLists(bank *stories.Bank, req Request) (map[string]bool, error) {
	ids := map[string]bool{}
	for _, s := range bank.Stories() {
		ids[s.ID] = true
	}
	excluded := map[string]bool{}
	for _, id := range req.Exclude {
		if !ids[id] {
			return nil, unknownStory(bank, id, "exclude")
		}
		excluded[id] = true
	}
	for _, id := range req.Include {
		if !ids[id] {
			return nil, unknownStory(bank, id, "include")
		}
		if excluded[id] {
			return nil, &source.FieldError{Field: "include", Msg: fmt.Sprintf("story %q is both included and excluded", id),
				Hint: "remove it from one of the two lists"}
		}
	}
	return excluded, nil
}

// placeIncluded puts each included story on the question with a free slot
// it scores best for. It returns, per question, the stories forced there
// and the slots left, and the stories taken.
func (sc *scorer) placeIncluded(qs []*qinfo, include []string, per int) (forced [][]int, caps []int, taken map[int]bool, err error) {
	caps = make([]int, len(qs))
	for i := range caps {
		caps[i] = per
	}
	index := map[string]int{}
	for i, s := range sc.a.stories {
		index[s.ID] = i
	}
	taken = map[int]bool{}
	forced = make([][]int, len(qs))
	for _, id := range include {
		i := index[id]
		if taken[i] {
			continue
		}
		best, bestScore := -1, -1.0
		for q, qi := range qs {
			if caps[q] == 0 {
				continue
			}
			p, _ := sc.eval(i, qi, nil)
			if s := p.Sum(); s > bestScore {
				best, bestScore = q, s
			}
		}
		if best < 0 {
			return nil, nil, nil, &source.FieldError{Field: "include", Msg: fmt.Sprintf("include names more stories than the role has places for (at %q)", id),
				Hint: fmt.Sprintf("%d questions × per_question %d; include fewer stories or raise per_question", len(qs), per)}
		}
		caps[best]--
		taken[i] = true
		forced[best] = append(forced[best], i)
	}
	return forced, caps, taken, nil
}

// picks are the picks of one question: the included stories first, then
// the chosen ones by score.
func (sc *scorer) picks(qi *qinfo, forced, chosen []int) []Pick {
	var picks []Pick
	for _, i := range forced {
		picks = append(picks, sc.pick(i, qi, true))
	}
	var rest []Pick
	for _, i := range chosen {
		rest = append(rest, sc.pick(i, qi, false))
	}
	sortPicks(rest)
	return append(picks, rest...)
}

func sortPicks(ps []Pick) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Score != ps[j].Score {
			return ps[i].Score > ps[j].Score
		}
		return ps[i].Story.ID < ps[j].Story.ID
	})
}

// gaps lists the questions whose best pick scores below the threshold and
// the top job-description keywords no picked story mentions itself.
func gaps(sel *Selection, sc *scorer, w Weights) []Gap {
	var out []Gap
	for _, a := range sel.Answers {
		if len(a.Picks) == 0 {
			out = append(out, Gap{Question: a.Question, Reason: "no story answers this question"})
			continue
		}
		best := a.Picks[0].Score
		for _, p := range a.Picks {
			best = math.Max(best, p.Score)
		}
		if best < w.Threshold {
			out = append(out, Gap{Question: a.Question, Score: best,
				Reason: fmt.Sprintf("best story scores %.2f, below the threshold %.2f", best, w.Threshold)})
		}
	}
	picked := map[int]bool{}
	for i, s := range sc.a.stories {
		picked[i] = sel.Picked(s.ID)
	}
	for _, k := range sc.kws {
		if g, ok := sc.keywordGap(k, picked); ok {
			out = append(out, g)
		}
	}
	return out
}

// keywordGap says a keyword no picked story mentions itself, and whether
// some story or a picked story's project does.
func (sc *scorer) keywordGap(k weighed, picked map[int]bool) (Gap, bool) {
	byProject := false
	for i := range sc.a.stories {
		if picked[i] && sc.a.own[i].has(k.id) {
			return Gap{}, false
		}
		byProject = byProject || picked[i] && sc.a.proj[i].has(k.id)
	}
	reason := fmt.Sprintf("no picked story mentions %q", k.Term)
	switch {
	case k.Stories == 0 && byProject:
		reason = fmt.Sprintf("no story mentions %q; only a project's name or summary does", k.Term)
	case k.Stories == 0:
		reason = fmt.Sprintf("no story mentions %q", k.Term)
	case byProject:
		reason += "; only a picked story's project does"
	}
	return Gap{Keyword: k.Term, Reason: reason}, true
}

// requestQuestions resolves the questions a request asks, without
// repeats.
func requestQuestions(cat *stories.Catalog, req Request) ([]*stories.Question, error) {
	var keys []string
	if len(req.Questions) > 0 {
		keys = req.Questions
	} else {
		set := req.Set
		if set == "" {
			set = stories.DefaultSet
		}
		ids, ok := cat.Set(set)
		if !ok {
			msg := fmt.Sprintf("unknown question set %q", set)
			if s := source.Suggest(set, cat.Sets()); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return nil, &source.FieldError{Field: "question_set", Msg: msg, Hint: "question sets: " + strings.Join(cat.Sets(), ", ")}
		}
		keys = ids
	}
	var out []*stories.Question
	seen := map[string]bool{}
	for _, k := range keys {
		q := cat.Resolve(k)
		if !seen[q.ID] {
			seen[q.ID] = true
			out = append(out, q)
		}
	}
	return out, nil
}

// selectAll lists every story under the question it was written for,
// questions in catalog order then custom ones in bank order, stories in
// bank order. It is linear in the size of the bank.
func selectAll(bank *stories.Bank, cat *stories.Catalog, req Request, w Weights) *Selection {
	byQuestion := map[string][]int{}
	var order []*stories.Question
	sc, _ := newScorer(bank, cat, req, w, nil)
	for i, q := range sc.own {
		if _, ok := byQuestion[q.ID]; !ok {
			order = append(order, q)
		}
		byQuestion[q.ID] = append(byQuestion[q.ID], i)
	}
	rank := map[string]int{}
	for i, id := range cat.IDs() {
		rank[id] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		ri, iok := rank[order[i].ID]
		rj, jok := rank[order[j].ID]
		if iok != jok {
			return iok
		}
		return iok && ri < rj
	})
	excluded := map[string]bool{}
	for _, id := range req.Exclude {
		excluded[id] = true
	}
	included := map[string]bool{}
	for _, id := range req.Include {
		included[id] = true
	}
	sel := &Selection{Weights: w, Keywords: sc.keywords()}
	for _, q := range order {
		qi := sc.question(q, false)
		var picks []Pick
		for _, i := range byQuestion[q.ID] {
			if !excluded[sc.a.stories[i].ID] {
				picks = append(picks, sc.pick(i, qi, included[sc.a.stories[i].ID]))
			}
		}
		sel.Answers = append(sel.Answers, Answer{Question: q, Picks: picks})
	}
	return sel
}

func unknownStory(bank *stories.Bank, id, list string) error {
	var ids []string
	for _, s := range bank.Stories() {
		ids = append(ids, s.ID)
	}
	msg := fmt.Sprintf("%s names unknown story %q", list, id)
	if s := source.Suggest(id, ids); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return &source.FieldError{Field: list, Msg: msg, Hint: "a story id is the `id:` of a story in stories/*.yaml"}
}
