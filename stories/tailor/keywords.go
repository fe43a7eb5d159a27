package tailor

import (
	"math"
	"sort"

	"github.com/starpack/starpack/stories"
)

// Keyword is one job-description term and how telling it is.
type Keyword struct {
	Term    string  `json:"term"`              // as the job description writes it, lower case; synonyms folded
	Weight  float64 `json:"weight"`            // section weight × (1 + ln tf) × idf, × 1.5 for a two-word term
	Stories int     `json:"stories"`           // stories of the bank whose own text mentions it
	Section Section `json:"section,omitempty"` // the section it weighs most in; "" for text under no known heading
}

// keywords turns a job description into weighted terms, most telling
// first (see Request.JobDescription), with default weights and no company
// or title to leave out.
func keywords(jd string, bank *stories.Bank, syn Synonyms) []Keyword {
	a := newAnalyzer(syn)
	kws := a.jobKeywords(readJD(jd, ""), DefaultWeights(), roleWords{})
	a.scanBank(bank)
	var out []Keyword
	for _, k := range a.weigh(kws, len(a.stories)) {
		out = append(out, k.Keyword)
	}
	return out
}

// jdTerm is a candidate keyword of a job description before weighing.
type jdTerm struct {
	id      int
	tf      int     // uses in sections that weigh
	weight  float64 // the highest weight of those sections
	section Section
	listed  bool // a two-word term of the synonym table
	item    bool // written as a list item of its own: "(Kafka, stream joins)"
	// occ holds, for each use of a single word, the terms of the word
	// pairs on its left and right (-1: none): a word used only inside
	// pairs that are terms stays inside them.
	occ [][2]int
}

// roleWords are the stems of the words of a role's company name and
// title, and the title's head: the noun that names the job ("engineer").
type roleWords struct {
	company, title map[string]bool
	head           string
}

// roleWords reads a company's name and a role's title; the head is the
// title's last job noun, else its last word.
func (a *analyzer) roleWords(company, title string) roleWords {
	r := roleWords{company: map[string]bool{}, title: map[string]bool{}}
	for _, t := range a.tokens(company) {
		r.company[t.stem] = true
	}
	last := ""
	for _, t := range a.tokens(title) {
		r.title[t.stem] = true
		last = t.word
		if jobNouns[t.word] {
			r.head = t.word
		}
	}
	if r.head == "" {
		r.head = last
	}
	return r
}

// jobNouns name jobs: the head of a title.
var jobNouns = setOf(`engineer engineers developer developers scientist analyst manager lead architect designer
	administrator consultant specialist programmer researcher owner sre devops director head`)

// skip marks the tokens that name the company or the role: every word of
// the company's name, and the title's words where two or more of them
// stand together with its head ("a senior data engineer"); "data
// warehouse" in "our data warehouse team" stays for a Data Warehouse
// Engineer, and "streaming" in "streaming platform" for a Data Engineer,
// Streaming.
func (r roleWords) skip(ts []token) []bool {
	out := make([]bool, len(ts))
	for i := 0; i < len(ts); {
		j, head := i, false
		for j < len(ts) && r.title[ts[j].stem] && (j == i || !ts[j].brk) {
			head = head || ts[j].word == r.head
			j++
		}
		for k := i; k < j && j-i >= 2 && head; k++ {
			out[k] = true
		}
		i = max(j, i+1)
	}
	for k := range ts {
		out[k] = out[k] || r.company[ts[k].stem]
	}
	return out
}

// jobKeywords registers the words and word pairs of a job description's
// lines, counted by the weight of their sections. The company's name and
// the role's title (role) are not terms; a pair that starts with a verb
// of duty ("design distributed") is not a term, nor one that cuts through
// a listed phrase.
func (a *analyzer) jobKeywords(lines []jdLine, w Weights, role roleWords) []jdTerm {
	var out []jdTerm
	at := map[int]int{}
	add := func(k termKey, display string, weight float64, sec Section) *jdTerm {
		id := a.term(k, display)
		i, ok := at[id]
		if !ok {
			i = len(out)
			at[id] = i
			out = append(out, jdTerm{id: id, section: sec})
		}
		t := &out[i]
		t.tf++
		if weight > t.weight {
			t.weight, t.section = weight, sec
		}
		return t
	}
	for _, l := range lines {
		sw := w.weight(l.section)
		if sw == 0 {
			continue
		}
		ts := a.tokens(l.text)
		skip := role.skip(ts)
		pairs := a.jdPairs(ts, skip)
		for i, p := range pairs {
			if p.ok {
				t := add(termKey{ts[i-1].stem, ts[i].stem}, ts[i-1].word+" "+ts[i].word, sw, l.section)
				t.listed = t.listed || p.listed
				t.item = t.item || p.item
				pairs[i].id = t.id
			}
		}
		for i, t := range ts {
			if t.stop || pairs[i].inListed || skip[i] {
				continue
			}
			occ := [2]int{-1, -1}
			if pairs[i].ok {
				occ[0] = pairs[i].id
			}
			if i+1 < len(ts) && pairs[i+1].ok {
				occ[1] = pairs[i+1].id
			}
			jt := add(termKey{t.stem}, t.word, sw, l.section)
			jt.occ = append(jt.occ, occ)
		}
	}
	return out
}

// jdPair says whether the word pair ending at a token is a candidate term.
type jdPair struct {
	ok, listed, item bool
	inListed         bool // the token is inside a listed phrase: no term of its own there
	id               int
}

func (a *analyzer) jdPairs(ts []token, skip []bool) []jdPair {
	out := make([]jdPair, len(ts))
	// A word inside a listed phrase ("high availability") is not a term of
	// its own there: the phrase says what it means.
	for i := 1; i < len(ts); i++ {
		if !ts[i].brk && !ts[i-1].stop && !ts[i].stop && a.syn.phrases[termKey{ts[i-1].stem, ts[i].stem}] {
			out[i-1].inListed, out[i].inListed = true, true
		}
	}
	for i := 1; i < len(ts); i++ {
		p, t := ts[i-1], ts[i]
		if p.stop || t.stop || t.brk || out[i-1].inListed != out[i].inListed || jdVerbs[p.word] {
			continue
		}
		if skip[i-1] && skip[i] {
			continue
		}
		k := termKey{p.stem, t.stem}
		// A hyphenated word names a kind of thing: with the word after it,
		// it is a term ("data-driven decisions", "low-latency services").
		item := isItem(ts, i) || p.compound() && p.group == 0
		out[i] = jdPair{ok: true, listed: a.syn.phrases[k], inListed: out[i].inListed, item: item}
	}
	return out
}

// isItem reports a pair that is a list item of its own: punctuation, the
// line's end or "and"/"or" on either side ("Kafka, stream joins and SQL").
func isItem(ts []token, i int) bool {
	before := i-1 == 0 || ts[i-1].brk || listJoins[ts[i-2].word]
	after := i+1 == len(ts) || ts[i+1].brk || listJoins[ts[i+1].word]
	return before && after
}

var listJoins = setOf(`and or`)

// weighed is a keyword and the analyzer's index of its term.
type weighed struct {
	Keyword
	id int
}

// weigh turns job-description terms into keywords, most telling first.
// A pair of words is kept when some story mentions it, the synonym table
// lists it, the job description writes it as a list item (or as a
// hyphenated word and its noun) or uses it twice; other pairs are
// accidents of wording. A single word is dropped
// when every use of it is inside a pair that some story mentions, that is
// listed or that is a list item: "stream joins" stays whole. It needs
// scanBank to have run.
func (a *analyzer) weigh(jd []jdTerm, n int) []weighed {
	strong := map[int]bool{}
	kept := map[int]bool{}
	for _, t := range jd {
		if a.terms[t.id].phrase() {
			s := a.df[t.id] > 0 || t.listed || t.item
			strong[t.id] = s
			kept[t.id] = s || t.tf >= 2
		}
	}
	var out []weighed
	for _, t := range jd {
		k := a.terms[t.id]
		if k.phrase() && !kept[t.id] || !k.phrase() && !standsAlone(t, strong) {
			continue
		}
		df := a.df[t.id]
		w := t.weight * (1 + math.Log(float64(t.tf))) * (math.Log(float64(n+1)/float64(df+1)) + 1)
		if k.phrase() {
			w *= 1.5
		}
		out = append(out, weighed{Keyword{Term: a.words[t.id], Weight: round3(w), Stories: df, Section: t.section}, t.id})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		return out[i].Term < out[j].Term
	})
	return out
}

// standsAlone reports a single word used at least once outside a strong
// pair.
func standsAlone(t jdTerm, strong map[int]bool) bool {
	for _, o := range t.occ {
		if !(o[0] >= 0 && strong[o[0]]) && !(o[1] >= 0 && strong[o[1]]) {
			return true
		}
	}
	return false
}
