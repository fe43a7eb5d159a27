package tailor

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
	"go.yaml.in/yaml/v3"
)

// Weights weigh the parts of a story's score for a question
// (starpack.yaml `weights:`). A story s scores for a question q of a role:
//
//	score = question   × Q   Q = 1 when s was written for q; else
//	                              0.6 × min(1, cues/3): how many of q's cue
//	                              words and phrases (built in, or else the
//	                              words of its title) s mentions
//	      + competency × C   C = share of q's competencies that s covers
//	                              (its own question's competencies, its tags,
//	                              its project's tags)
//	      + focus      × F   F = share of the role's focus items s matches:
//	                              1 for a tag, ½ for a mention in its text
//	      + keyword    × K   K = weight of the top job-description keywords
//	                              s mentions ÷ weight of those any story mentions
//	      + number     × N   N = 1 when s's result holds a number
//
// Every part lies in [0, 1]. A story is a candidate for q only when it was
// written for q, covers one of its competencies or mentions one of its
// cues. Defaults: question 4, competency 2, focus 2, keyword 3, number
// 0.5, spread 0.15, threshold 2.5.
//
// Spread is not part of a story's score: when choosing, the k-th story taken
// from one project costs spread × (k-1) ÷ slots, so that close calls go to
// projects not yet used. Threshold is the score below which a question's
// best pick is reported as a gap.
type Weights struct {
	Question   float64 `yaml:"question" json:"question"`
	Competency float64 `yaml:"competency" json:"competency"`
	Focus      float64 `yaml:"focus" json:"focus"`
	Keyword    float64 `yaml:"keyword" json:"keyword"`
	Number     float64 `yaml:"number" json:"number"`
	Spread     float64 `yaml:"spread" json:"spread"`
	Threshold  float64 `yaml:"threshold" json:"threshold"`
}

// DefaultWeights returns the weights of an empty `weights:` setting.
func DefaultWeights() Weights {
	return Weights{Question: 4, Competency: 2, Focus: 2, Keyword: 3, Number: 0.5, Spread: 0.15, Threshold: 2.5}
}

// UnmarshalYAML fills the keys a `weights:` mapping leaves out with their
// defaults.
func (w *Weights) UnmarshalYAML(n *yaml.Node) error {
	type plain Weights
	v := plain(DefaultWeights())
	if err := n.Decode(&v); err != nil {
		return err
	}
	*w = Weights(v)
	return nil
}

// Check reports a weight that is negative or not a number. Its message
// starts with "weights:".
func (w Weights) Check() error {
	for _, f := range []struct {
		name string
		v    float64
	}{{"question", w.Question}, {"competency", w.Competency}, {"focus", w.Focus}, {"keyword", w.Keyword},
		{"number", w.Number}, {"spread", w.Spread}, {"threshold", w.Threshold}} {
		if f.v < 0 || math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			return &source.FieldError{Field: "weights", Msg: fmt.Sprintf("weights: %s must be a number from 0 up, not %v", f.name, f.v),
				Hint: "set it to 0 to ignore that part of the score; defaults: question 4, competency 2, focus 2, keyword 3, number 0.5, spread 0.15, threshold 2.5"}
		}
	}
	return nil
}

// orDefault treats unset (all zero) weights as the defaults.
func (w Weights) orDefault() Weights {
	if w == (Weights{}) {
		return DefaultWeights()
	}
	return w
}

// Parts is a pick's score split by weight; Score is their sum.
type Parts struct {
	Question   float64 `json:"question"`
	Competency float64 `json:"competency"`
	Focus      float64 `json:"focus"`
	Keyword    float64 `json:"keyword"`
	Number     float64 `json:"number"`
}

// Sum is the score the parts make.
func (p Parts) Sum() float64 {
	return p.Question + p.Competency + p.Focus + p.Keyword + p.Number
}

// Matched says what in a story matched a question and a role.
type Matched struct {
	Question     bool       `json:"question"`               // written for this question
	Cues         []string   `json:"cues,omitempty"`         // the question's cue words the story mentions
	Competencies []string   `json:"competencies,omitempty"` // the question's competencies it covers
	Focus        []FocusHit `json:"focus,omitempty"`        // the role's focus items it matches
	Keywords     []string   `json:"keywords,omitempty"`     // job-description keywords it mentions, most telling first
	Number       bool       `json:"number"`                 // its result holds a number
}

// Redact returns m with its words passed through r.
func (m Matched) Redact(r *stories.Redactor) Matched {
	m.Cues, m.Competencies, m.Keywords = r.ApplyAll(m.Cues), r.ApplyAll(m.Competencies), r.ApplyAll(m.Keywords)
	if m.Focus != nil {
		focus := make([]FocusHit, len(m.Focus))
		for i, f := range m.Focus {
			focus[i] = FocusHit{Focus: r.Apply(f.Focus), Tag: f.Tag}
		}
		m.Focus = focus
	}
	return m
}

// FocusHit is one focus item a story matches, by tag or in its text.
type FocusHit struct {
	Focus string `json:"focus"`
	Tag   bool   `json:"tag"` // a tag of the story or its project; else a mention in its text
}

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
	w     Weights
	cat   *stories.Catalog
	a     *analyzer
	kws   []weighed // the top KeywordLimit keywords
	kwSum float64   // weight of the top keywords some story mentions
	focus []phraseRef
	all   bool // the whole bank: every story under its own question

	own    []*stories.Question // per story: the question it was written for
	owncs  [][]string          // per story: its question's competencies, normalised
	tags   [][]string          // per story: its and its project's tags, normalised
	number []bool              // per story: its result holds a number
	comps  map[string][]string
}

// newScorer analyses the bank for a request: the job description's
// keywords, the focus items, and the cues of the questions asked.
func newScorer(bank *stories.Bank, cat *stories.Catalog, req Request, w Weights, questions []*stories.Question) (*scorer, []*qinfo) {
	sc := &scorer{w: w, cat: cat, a: newAnalyzer(req.Synonyms), comps: map[string][]string{}, all: req.All}
	jd := sc.a.jobKeywords(req.JobDescription)
	for _, f := range req.Focus {
		if strings.TrimSpace(f) == "" {
			continue
		}
		sc.focus = append(sc.focus, phraseRef{text: f, norm: stories.Normalize(f), ids: sc.a.phrase(f)})
	}
	qs := make([]*qinfo, len(questions))
	for i, q := range questions {
		qs[i] = sc.question(q, !req.All)
	}
	sc.a.scanBank(bank)
	all := sc.a.weigh(jd, len(sc.a.stories))
	sc.kws = all[:min(len(all), KeywordLimit)]
	for _, k := range sc.kws {
		if k.Stories > 0 {
			sc.kwSum += k.Weight
		}
	}
	n := len(sc.a.stories)
	sc.own = make([]*stories.Question, n)
	sc.owncs = make([][]string, n)
	sc.tags = make([][]string, n)
	sc.number = make([]bool, n)
	resolved := map[string]*stories.Question{}
	for i, s := range sc.a.stories {
		q, ok := resolved[s.Question]
		if !ok {
			q = cat.Resolve(s.Question)
			resolved[s.Question] = q
		}
		sc.own[i] = q
		sc.owncs[i] = sc.normComps(q)
		var tags []string
		for _, t := range s.Tags {
			tags = append(tags, stories.Normalize(t))
		}
		for _, t := range sc.a.projects[i].Tags {
			tags = append(tags, stories.Normalize(t))
		}
		sc.tags[i] = tags
		sc.number[i] = hasNumber(s)
	}
	return sc, qs
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
	add := func(text string) {
		ids := sc.a.phrase(text)
		key := fmt.Sprint(ids)
		if len(ids) == 0 || seen[key] {
			return
		}
		seen[key] = true
		qi.cues = append(qi.cues, phraseRef{text: strings.ToLower(text), ids: ids})
	}
	words := questionCues[q.ID]
	if len(words) == 0 {
		for _, w := range strings.Fields(q.Title) {
			if !askWords[strings.ToLower(strings.Trim(w, ",.?!:;"))] {
				words = append(words, w)
			}
		}
	}
	for _, c := range words {
		add(c)
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

// hasNumber reports whether a story's result (or, for a story told as
// notes, its notes) holds a number: a quantified outcome. A digit after a
// letter ("v2", "k8s") is part of a name, not a number.
func hasNumber(s *stories.Story) bool {
	text := s.Result
	if strings.TrimSpace(text) == "" {
		text = s.Notes
	}
	prev := ' '
	for _, r := range text {
		if unicode.IsDigit(r) && !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
			return true
		}
		prev = r
	}
	return false
}

// has reports whether story i mentions every term of p.
func (sc *scorer) has(i int, p phraseRef) bool {
	if len(p.ids) == 0 {
		return false
	}
	for _, id := range p.ids {
		if !sc.a.mentions[i].has(id) {
			return false
		}
	}
	return true
}

// eval scores story i for question q. fit reports whether the story is a
// candidate for q at all. When m is not nil it is filled with what matched.
func (sc *scorer) eval(i int, q *qinfo, m *Matched) (p Parts, fit bool) {
	own := sc.own[i].ID == q.q.ID
	var qf float64
	if own {
		qf = 1
		fit = true
	} else {
		hits := 0
		for _, c := range q.cues {
			if sc.has(i, c) {
				hits++
				if m != nil {
					m.Cues = append(m.Cues, c.text)
				}
			}
		}
		qf = 0.6 * math.Min(1, float64(hits)/cueCount)
		fit = hits > 0
	}
	var cf float64
	if len(q.comps) > 0 {
		ownComps := sc.owncs[i]
		n := 0
		for _, c := range q.comps {
			if slices.Contains(ownComps, c) || slices.Contains(sc.tags[i], c) {
				n++
				if m != nil {
					m.Competencies = append(m.Competencies, c)
				}
			}
		}
		cf = float64(n) / float64(len(q.comps))
		fit = fit || n > 0
	}
	var ff float64
	for _, f := range sc.focus {
		switch {
		case slices.Contains(sc.tags[i], f.norm):
			ff++
			if m != nil {
				m.Focus = append(m.Focus, FocusHit{Focus: f.text, Tag: true})
			}
		case sc.has(i, f):
			ff += 0.5
			if m != nil {
				m.Focus = append(m.Focus, FocusHit{Focus: f.text})
			}
		}
	}
	if len(sc.focus) > 0 {
		ff /= float64(len(sc.focus))
	}
	var kf float64
	for _, k := range sc.kws {
		if sc.a.mentions[i].has(k.id) {
			kf += k.Weight
			if m != nil {
				m.Keywords = append(m.Keywords, k.Term)
			}
		}
	}
	if sc.kwSum > 0 {
		kf /= sc.kwSum
	}
	var nf float64
	if sc.number[i] {
		nf = 1
	}
	if m != nil {
		m.Question, m.Number = own, sc.number[i]
	}
	w := sc.w
	return Parts{
		Question:   round3(w.Question * qf),
		Competency: round3(w.Competency * cf),
		Focus:      round3(w.Focus * ff),
		Keyword:    round3(w.Keyword * kf),
		Number:     round3(w.Number * nf),
	}, fit
}

// pick scores story i for q with everything that matched and the reasons
// in words.
func (sc *scorer) pick(i int, q *qinfo, forced bool) Pick {
	var m Matched
	parts, _ := sc.eval(i, q, &m)
	p := Pick{Story: sc.a.stories[i], Score: round3(parts.Sum()), Parts: parts, Matched: m, Included: forced}
	if forced {
		p.Reasons = append(p.Reasons, "included by the role")
	}
	if m.Question {
		if !sc.all {
			p.Reasons = append(p.Reasons, "written for this question")
		}
	} else if len(m.Cues) > 0 {
		p.Reasons = append(p.Reasons, "mentions "+strings.Join(m.Cues, ", "))
	}
	if len(m.Competencies) > 0 && !m.Question {
		p.Reasons = append(p.Reasons, "competencies: "+strings.Join(m.Competencies, ", "))
	}
	if len(m.Focus) > 0 {
		var fs []string
		for _, f := range m.Focus {
			how := "mentioned"
			if f.Tag {
				how = "tagged"
			}
			fs = append(fs, fmt.Sprintf("%s (%s)", f.Focus, how))
		}
		p.Reasons = append(p.Reasons, "focus: "+strings.Join(fs, ", "))
	}
	if len(m.Keywords) > 0 {
		p.Reasons = append(p.Reasons, "job description: "+strings.Join(m.Keywords, ", "))
	}
	if m.Number {
		p.Reasons = append(p.Reasons, "quantified result")
	}
	return p
}

// storyOrder sorts story indexes by id, for tie-breaks.
func (sc *scorer) storyOrder() []int {
	idx := make([]int, len(sc.a.stories))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(x, y int) bool { return sc.a.stories[idx[x]].ID < sc.a.stories[idx[y]].ID })
	rank := make([]int, len(idx))
	for r, i := range idx {
		rank[i] = r
	}
	return rank
}
