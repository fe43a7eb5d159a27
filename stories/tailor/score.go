package tailor

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/starpack/starpack/stories"
)

// KeywordLimit is how many of the most telling job-description keywords
// count towards scores and gaps.
const KeywordLimit = 20

// cueCount is how many cue matches make a full question fit.
const cueCount = 3

// phraseRef is a focus item or cue and the terms that make it.
type phraseRef struct {
	text string
	norm string // normalised, for tags
	ids  []int
}

// qinfo is a question as scoring sees it.
type qinfo struct {
	q     *stories.Question
	comps []string // normalised competencies
	cues  []phraseRef
}

// scorer scores stories of one bank for one request.
type scorer struct {
	w      Weights
	cat    *stories.Catalog
	speech stories.Speech
	a      *analyzer
	all    bool      // the whole bank: every story under its own question
	jd     []weighed // every job-description keyword, most telling first
	kws    []weighed // the top KeywordLimit of them
	kwSum  float64   // weight of the top keywords some story or project mentions
	focus  []phraseRef
	lines  []jdLine // the job description's lines, by section

	own   []*stories.Question // per story: the question it was written for
	owncs [][]string          // per story: its question's competencies, normalised
	tags  [][]string          // per story: its own tags, normalised
	ptags [][]string          // per story: its project's tags, normalised
	tell  []telling           // per story: how it is told
	comps map[string][]string
	words map[int][]string // per story, as needed: its content words (see sameStory)
	rank  []int            // per story: its rank by id, for tie-breaks (see storyOrder)
	cands [][]cand         // per question: its best candidates, from assign
}

// newScorer analyses the bank for a request: the job description's
// keywords, the focus items, the cues of the questions asked, how each
// story is told and which stories are the same story twice.
func newScorer(bank *stories.Bank, cat *stories.Catalog, req Request, w Weights, questions []*stories.Question) (*scorer, []*qinfo) {
	sc := &scorer{w: w, cat: cat, speech: req.Speech.OrDefault(), a: newAnalyzer(req.Synonyms), comps: map[string][]string{},
		all: req.All, words: map[int][]string{}}
	sc.lines = readJD(req.JobDescription, req.Company)
	jd := sc.a.jobKeywords(sc.lines, w, sc.a.roleWords(req.Company, req.Title))
	for _, f := range req.Focus {
		if strings.TrimSpace(f) != "" {
			sc.focus = append(sc.focus, phraseRef{text: f, norm: stories.Normalize(f), ids: sc.a.phrase(f)})
		}
	}
	qs := make([]*qinfo, len(questions))
	for i, q := range questions {
		qs[i] = sc.question(q, !req.All)
	}
	sc.a.scanBank(bank)
	sc.jd = sc.a.weigh(jd, len(sc.a.stories))
	sc.kws = sc.jd[:min(len(sc.jd), KeywordLimit)]
	sc.analyseStories()
	for _, k := range sc.kws {
		if sc.anyMentions(k.id) {
			sc.kwSum += k.Weight
		}
	}
	return sc, qs
}

// analyseStories records, per story, its question, competencies, tags and
// how it is told.
func (sc *scorer) analyseStories() {
	n := len(sc.a.stories)
	sc.own = make([]*stories.Question, n)
	sc.owncs = make([][]string, n)
	sc.tags = make([][]string, n)
	sc.ptags = make([][]string, n)
	sc.tell = make([]telling, n)
	resolved := map[string]*stories.Question{}
	for i, s := range sc.a.stories {
		q, ok := resolved[s.Question]
		if !ok {
			q = sc.cat.Resolve(s.Question)
			resolved[s.Question] = q
		}
		sc.own[i] = q
		sc.owncs[i] = sc.normComps(q)
		for _, t := range s.Tags {
			sc.tags[i] = append(sc.tags[i], stories.Normalize(t))
		}
		for _, t := range sc.a.projects[i].Tags {
			sc.ptags[i] = append(sc.ptags[i], stories.Normalize(t))
		}
		if sc.all {
			// The whole bank lists every story under its own question:
			// nothing to choose, so no strength to weigh.
			sc.tell[i] = telling{number: hasNumber(s)}
		} else {
			sc.tell[i] = newTelling(s)
		}
	}
}

// anyMentions reports whether some story or project mentions term id.
func (sc *scorer) anyMentions(id int) bool {
	for i := range sc.a.stories {
		if sc.a.own[i].has(id) || sc.a.proj[i].has(id) {
			return true
		}
	}
	return false
}

// question prepares q for scoring; cues only when stories may be matched
// to questions they were not written for. A question's cues are its
// built-in cue words, or else the words of its title.
func (sc *scorer) question(q *stories.Question, cues bool) *qinfo {
	qi := &qinfo{q: q, comps: sc.normComps(q)}
	if !cues {
		return qi
	}
	seen := map[string]bool{}
	words := questionCues[q.ID]
	if len(words) == 0 {
		for _, w := range strings.Fields(q.Title) {
			if !askWords[strings.ToLower(strings.Trim(w, ",.?!:;"))] {
				words = append(words, w)
			}
		}
	}
	for _, c := range words {
		ids := sc.a.phrase(c)
		key := fmt.Sprint(ids)
		if len(ids) == 0 || seen[key] {
			continue
		}
		seen[key] = true
		qi.cues = append(qi.cues, phraseRef{text: strings.ToLower(c), ids: ids})
	}
	return qi
}

// askWords are how interviewers frame questions; they say nothing about
// which story fits.
var askWords = map[string]bool{"time": true, "times": true, "describe": true, "example": true,
	"situation": true, "story": true, "share": true, "walk": true, "through": true, "instance": true}

func (sc *scorer) normComps(q *stories.Question) []string {
	if c, ok := sc.comps[q.ID]; ok && !q.Custom {
		return c
	}
	var out []string
	for _, c := range q.Competencies {
		if n := stories.Normalize(c); n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	if !q.Custom {
		sc.comps[q.ID] = out
	}
	return out
}

// has reports whether bits b hold every term of p.
func has(b bitset, p phraseRef) bool {
	if len(p.ids) == 0 {
		return false
	}
	for _, id := range p.ids {
		if !b.has(id) {
			return false
		}
	}
	return true
}

// eval scores story i for question q. fit reports whether the story is a
// candidate for q at all. When m is not nil it is filled with what matched.
func (sc *scorer) eval(i int, q *qinfo, m *Matched) (p Parts, fit bool) {
	qf, qfit := sc.questionFit(i, q, m)
	cf, cfit := sc.competencyFit(i, q, m)
	w := sc.w
	p = Parts{
		Question:   round3(w.Question * qf),
		Competency: round3(w.Competency * cf),
		Focus:      round3(w.Focus * sc.focusFit(i, m)),
		Keyword:    round3(w.Keyword * sc.keywordFit(i, m)),
	}
	if !sc.all {
		p.Strength = round3(w.Strength * sc.strengthFit(i, q, m))
	}
	if sc.tell[i].number {
		p.Number = round3(w.Number)
	}
	if m != nil {
		m.Number = sc.tell[i].number
	}
	return p, qfit || cfit
}

// questionFit is 1 for a story written for q, else the share of q's cues
// (up to cueCount) its own text mentions, times 0.6. A story written for a
// question that asks for a STAR answer but told as notes only counts ½:
// it is a draft, and a full STAR answer beats it.
func (sc *scorer) questionFit(i int, q *qinfo, m *Matched) (float64, bool) {
	if sc.own[i].ID == q.q.ID {
		if m != nil {
			m.Question = true
		}
		if s := sc.a.stories[i]; !s.IsSTAR() && stories.KindOf(q.q, s) != stories.Short {
			return 0.5, true
		}
		return 1, true
	}
	hits := 0
	for _, c := range q.cues {
		if has(sc.a.own[i], c) {
			hits++
			if m != nil {
				m.Cues = append(m.Cues, c.text)
			}
		}
	}
	return 0.6 * math.Min(1, float64(hits)/cueCount), hits > 0
}

// competencyFit is the share of q's competencies that story i covers:
// through its own question, its tags or its project's.
func (sc *scorer) competencyFit(i int, q *qinfo, m *Matched) (float64, bool) {
	if len(q.comps) == 0 {
		return 0, false
	}
	n := 0
	for _, c := range q.comps {
		if slices.Contains(sc.owncs[i], c) || slices.Contains(sc.tags[i], c) || slices.Contains(sc.ptags[i], c) {
			n++
			if m != nil {
				m.Competencies = append(m.Competencies, c)
			}
		}
	}
	return float64(n) / float64(len(q.comps)), n > 0
}

// focusFit is the share of the role's focus items story i matches: its own
// tag 1, its own text ½, its project's tag ¼, its project's name or
// summary ⅛. What a project says is context, not the story.
func (sc *scorer) focusFit(i int, m *Matched) float64 {
	if len(sc.focus) == 0 {
		return 0
	}
	var ff float64
	for _, f := range sc.focus {
		var hit FocusHit
		switch {
		case slices.Contains(sc.tags[i], f.norm):
			ff, hit = ff+1, FocusHit{Focus: f.text, Tag: true}
		case has(sc.a.own[i], f):
			ff, hit = ff+0.5, FocusHit{Focus: f.text}
		case slices.Contains(sc.ptags[i], f.norm):
			ff, hit = ff+0.25, FocusHit{Focus: f.text, Tag: true, Project: true}
		case has(sc.a.proj[i], f):
			ff, hit = ff+0.125, FocusHit{Focus: f.text, Project: true}
		default:
			continue
		}
		if m != nil {
			m.Focus = append(m.Focus, hit)
		}
	}
	return ff / float64(len(sc.focus))
}

// keywordFit is the weight of the top keywords story i mentions (a
// quarter for those only its project mentions) over the weight any story
// mentions.
func (sc *scorer) keywordFit(i int, m *Matched) float64 {
	if sc.kwSum == 0 {
		return 0
	}
	var kf float64
	for _, k := range sc.kws {
		switch {
		case sc.a.own[i].has(k.id):
			kf += k.Weight
			if m != nil {
				m.Keywords = append(m.Keywords, k.Term)
			}
		case sc.a.proj[i].has(k.id):
			kf += k.Weight / 4
			if m != nil {
				m.Project = append(m.Project, k.Term)
			}
		}
	}
	return kf / sc.kwSum
}

// strengthFit is how well story i is told as an answer to q (see Weights).
func (sc *scorer) strengthFit(i int, q *qinfo, m *Matched) float64 {
	s := sc.a.stories[i]
	t := sc.tell[i]
	fit := sc.speech.FitWords(t.words, stories.KindOf(q.q, s))
	form := t.form(fit.Kind)
	voice := t.voice()
	v := 0.5*form + 0.1*b2f(t.number) + 0.15*voice + 0.25*fit.Share()
	if m != nil {
		m.Strength = Strength{Kind: fit.Kind, STAR: form == 1 && fit.Kind != stories.Short, Number: t.number,
			I: voice == 1, Time: stories.Clock(fit.Time), Window: fit.Window.String(), Fits: fit.Inside()}
	}
	return v
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// pick scores story i for q with everything that matched and the reasons
// in words.
func (sc *scorer) pick(i int, q *qinfo, forced bool) Pick {
	var m Matched
	parts, _ := sc.eval(i, q, &m)
	p := Pick{Story: sc.a.stories[i], Score: round3(parts.Sum()), Parts: parts, Matched: m, Included: forced}
	p.Matched.Said = sc.said(i, q, &p.Matched)
	p.Reasons = sc.reasons(i, &p, forced)
	return p
}

// storyOrder ranks story indexes by id, for tie-breaks; it is computed
// once.
func (sc *scorer) storyOrder() []int {
	if sc.rank != nil {
		return sc.rank
	}
	idx := make([]int, len(sc.a.stories))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(x, y int) bool { return sc.a.stories[idx[x]].ID < sc.a.stories[idx[y]].ID })
	sc.rank = make([]int, len(idx))
	for r, i := range idx {
		sc.rank[i] = r
	}
	return sc.rank
}
