package tailor

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/starpack/starpack/stories"
)

// termKey is a term's matching key: one stem (a hyphenated word's is its
// parts' stems joined by "-"), or two stems of a phrase.
type termKey [2]string

func (k termKey) phrase() bool { return k[1] != "" }

// analyzer finds which of a set of terms each text mentions.
type analyzer struct {
	syn *synIndex
	ids map[termKey]int // term -> index in terms
	// stems says, per stem, its term index (-1 for none) and how it takes
	// part in registered phrases and hyphenated terms: one lookup per word
	// in mark.
	stems map[string]*stemInfo
	terms []termKey
	words []string // display form per term

	buf1, buf2 []token
	lex        *lexicon

	// Filled by scanBank: the bank's stories, and the terms each mentions
	// in its own text and tags (own) and in its project's name, summary and
	// tags (proj).
	stories  []*stories.Story
	projects []*stories.Project // per story: the project that holds it
	own      []bitset
	proj     []bitset
	df       []int // per term: stories whose own text mentions it
	// ownSaid and projSaid hold, per story, how its own text and tags and
	// its project's name, summary and tags first say each term they
	// mention: the reasons quote them.
	ownSaid, projSaid []said
}

// said is how a text says the terms it mentions: the first words for each.
type said []termSaid

type termSaid struct {
	id   int
	form string
}

func (s said) form(id int) string {
	for _, t := range s {
		if t.id == id {
			return t.form
		}
	}
	return ""
}

// stemInfo is what mark and the synonym rewrite need to know about a
// stem. The analyzer holds one per stem it has seen, which the tokens of
// its lexicon point to, so that a word is looked up once.
type stemInfo struct {
	id            int  // the stem's term, or -1
	first, second bool // starts or ends a registered phrase
	joins         bool // starts a registered hyphenated term
	known         bool // a registered term's stem or part (any of the above)
	syn           bool // starts a synonym variant
}

func newAnalyzer(user Synonyms) *analyzer {
	a := &analyzer{syn: newSynIndex(user), ids: map[termKey]int{}, stems: map[string]*stemInfo{}}
	a.lex = &lexicon{words: map[string]token{}, stem: a.stemRecord}
	return a
}

// tokens tokenizes text and folds synonyms. The result is reused by the
// next call.
func (a *analyzer) tokens(text string) []token {
	a.buf1 = tokenize(text, a.buf1[:0], a.lex)
	out, changed := a.syn.rewrite(a.buf1, a.buf2[:0])
	if changed {
		a.buf2 = out // else out is buf1, which buf2 must not share
	}
	return out
}

func (a *analyzer) stemInfo(stem string) stemInfo {
	if i, ok := a.stems[stem]; ok {
		return *i
	}
	return stemInfo{id: -1}
}

// stemRecord returns the analyzer's record of a stem, made on first use.
func (a *analyzer) stemRecord(stem string) *stemInfo {
	if i, ok := a.stems[stem]; ok {
		return i
	}
	_, syn := a.syn.byFirst[stem]
	i := &stemInfo{id: -1, syn: syn}
	a.stems[stem] = i
	return i
}

// infoOf is what the analyzer knows of a token's stem.
func (a *analyzer) infoOf(t *token) *stemInfo {
	if t.info != nil {
		return t.info
	}
	return a.stemRecord(t.stem) // a token the synonym rewrite made
}

// term registers a term to look for and returns its index.
func (a *analyzer) term(k termKey, display string) int {
	if id, ok := a.ids[k]; ok {
		return id
	}
	id := len(a.terms)
	a.ids[k] = id
	if k.phrase() {
		i0, i1 := a.stemRecord(k[0]), a.stemRecord(k[1]) // k[0] may equal k[1]
		i0.first, i0.known = true, true
		i1.second, i1.known = true, true
	} else {
		i := a.stemRecord(k[0])
		i.id, i.known = id, true
		if first, rest, ok := strings.Cut(k[0], "-"); ok && !strings.Contains(rest, "-") {
			f := a.stemRecord(first)
			f.joins, f.known = true, true
		}
	}
	a.terms = append(a.terms, k)
	a.words = append(a.words, display)
	return id
}

// phrase registers the terms of a short text (a focus word, a question
// cue) and returns them; a text mentions the phrase when it mentions them
// all. Phrases of one word look for the word, longer ones for each pair
// of neighbouring words.
func (a *analyzer) phrase(text string) []int {
	var ts []token
	for _, t := range a.tokens(text) {
		if !t.stop {
			ts = append(ts, t)
		}
	}
	switch len(ts) {
	case 0:
		return nil
	case 1:
		return []int{a.term(termKey{ts[0].stem}, ts[0].word)}
	}
	var ids []int
	for i := 1; i < len(ts); i++ {
		ids = append(ids, a.term(termKey{ts[i-1].stem, ts[i].stem}, ts[i-1].word+" "+ts[i].word))
	}
	return ids
}

// mark sets in b the registered terms that text mentions; when forms is
// not nil it also records, for each term b does not hold yet, the words of
// the text that said it. A hyphenated term and the same words written
// apart meet ("low-latency", "low latency").
func (a *analyzer) mark(text string, b bitset, forms *said) {
	a.markTokens(a.tokens(text), b, forms)
}

// markTokens is mark for a text's tokens.
func (a *analyzer) markTokens(ts []token, b bitset, forms *said) {
	set := func(id int, form string) {
		if forms != nil && !b.has(id) {
			*forms = append(*forms, termSaid{id, form})
		}
		b.set(id)
	}
	prevInfo := stemInfo{id: -1}
	for i, t := range ts {
		info := *a.infoOf(&t)
		known := info.known
		if i > 0 && !t.brk {
			prev := ts[i-1]
			if prevInfo.joins {
				if id, ok := a.ids[termKey{prev.stem + "-" + t.stem}]; ok {
					set(id, prev.form+" "+t.form)
				}
			}
			// A registered pair never holds a stop word, but a story may
			// write one of its words in a form that is one ("join").
			if prevInfo.first && known && info.second && (!prev.stop || !t.stop) {
				if id, ok := a.ids[termKey{prev.stem, t.stem}]; ok {
					set(id, phraseForm(prev, t))
				}
			}
		}
		if first, rest, ok := strings.Cut(t.stem, "-"); ok && a.stemInfo(first).first {
			if id, ok := a.ids[termKey{first, rest}]; ok {
				set(id, t.form)
			}
		}
		if known && info.id >= 0 && !t.stop {
			set(info.id, t.form)
		}
		prevInfo = info
		if !known {
			prevInfo = stemInfo{id: -1}
		}
	}
}

// phraseForm is how a text wrote the phrase of two neighbouring tokens.
func phraseForm(prev, t token) string {
	if prev.group > 0 && prev.group == t.group {
		return t.form // one variant rewritten into two words: "DW"
	}
	return prev.form + " " + t.form
}

// storyTexts are the texts of a story that count as mentioning a term.
func storyTexts(s *stories.Story) []string {
	return append([]string{s.Title, s.Situation, s.Task, s.Action, s.Result, s.Notes, s.Lesson}, s.Tags...)
}

func projectTexts(p *stories.Project) []string {
	return append([]string{p.Project, p.Summary}, p.Tags...)
}

// scanBank records, for every story of the bank, which registered terms
// its own text and tags mention and which its project's name, summary and
// tags mention, and how many stories mention each term themselves. It is
// linear in the bank's text.
func (a *analyzer) scanBank(bank *stories.Bank) {
	n := len(a.terms)
	a.df = make([]int, n)
	if bank == nil {
		return
	}
	look := n > 0 // with nothing to look for, reading the text is wasted
	for _, p := range bank.Projects {
		pb := newBitset(n)
		var ps said
		if look {
			for _, t := range projectTexts(p) {
				a.mark(t, pb, &ps)
			}
		}
		for _, s := range p.Stories {
			b := newBitset(n)
			var ss said
			if look {
				for _, t := range storyTexts(s) {
					a.mark(t, b, &ss)
				}
			}
			a.stories = append(a.stories, s)
			a.projects = append(a.projects, p)
			a.own = append(a.own, b)
			a.proj = append(a.proj, pb)
			a.ownSaid = append(a.ownSaid, ss)
			a.projSaid = append(a.projSaid, ps)
			b.each(func(id int) { a.df[id]++ })
		}
	}
}

// ownForms returns, for story i, how its own text and tags say each
// registered term it mentions.
func (a *analyzer) ownForms(i int) said { return a.ownSaid[i] }

// projectForms is ownForms for story i's project.
func (a *analyzer) projectForms(i int) said { return a.projSaid[i] }

// lower is strings.ToLower without an allocation for words already lower.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// bitset is a set of small non-negative integers.
type bitset []uint64

func newBitset(n int) bitset    { return make(bitset, (n+63)/64) }
func (b bitset) set(i int)      { b[i/64] |= 1 << (i % 64) }
func (b bitset) has(i int) bool { return i/64 < len(b) && b[i/64]&(1<<(i%64)) != 0 }
func (b bitset) each(f func(int)) {
	for w, x := range b {
		for x != 0 {
			i := 0
			for x&(1<<i) == 0 {
				i++
			}
			f(w*64 + i)
			x &^= 1 << i
		}
	}
}
