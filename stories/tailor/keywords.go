package tailor

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/starpack/starpack/stories"
)

// Synonyms maps a canonical term to the variants that mean the same
// ("kubernetes": ["k8s"]). Variants may be several words; a canonical
// term is best kept to one or two words, as only those make keywords.
// Variants are rewritten to their canonical term before matching, in job
// descriptions, stories and focus words alike.
type Synonyms map[string][]string

// BuiltinSynonyms are the synonyms every workspace has; starpack.yaml
// `synonyms:` adds to them (a variant it names again takes the user's
// canonical term).
var BuiltinSynonyms = Synonyms{
	"kubernetes":              {"k8s", "kube"},
	"data warehouse":          {"dw", "dwh", "edw", "data warehousing"},
	"machine learning":        {"ml"},
	"artificial intelligence": {"ai"},
	"high availability":       {"ha", "highly available"},
	"disaster recovery":       {"dr"},
	"real time":               {"realtime", "real-time"},
	"poc":                     {"proof of concept", "proofs of concept"},
	"mvp":                     {"minimum viable product"},
	"rdbms":                   {"relational database", "relational database management system"},
	"udf":                     {"user defined function", "user-defined function"},
	"ci":                      {"continuous integration"},
	"cd":                      {"continuous delivery", "continuous deployment"},
	"sla":                     {"service level agreement"},
	"etl":                     {"extract transform load"},
	"postgresql":              {"postgres", "psql"},
	"javascript":              {"js"},
	"golang":                  {"go lang"},
	"database":                {"db"},
	"aws":                     {"amazon web services"},
	"gcp":                     {"google cloud platform", "google cloud"},
	"pull request":            {"pr"},
	"sre":                     {"site reliability engineering"},
}

// Keyword is one job-description term and how telling it is.
type Keyword struct {
	Term    string  `json:"term"`    // as the job description writes it, lower case; synonyms folded
	Weight  float64 `json:"weight"`  // (1 + ln tf) × idf, × 1.5 for a two-word phrase
	Stories int     `json:"stories"` // stories of the bank that mention it
}

// Keywords turns a job description into weighted terms, most telling
// first. Terms are words and two-word phrases with stop words removed,
// folded with the synonym table (builtin plus syn) and matched on light
// stems (plural, -ing and -ed endings). A term's weight is
//
//	(1 + ln tf) × (ln((N+1)/(df+1)) + 1) × (1.5 for a phrase)
//
// where tf is how often the job description uses it, N the number of
// stories in the bank and df how many of them mention it: a term every
// story has says little. A phrase is kept only when some story mentions
// it, the synonym table names it, or the job description uses it twice;
// other word pairs are accidents of wording. Ties sort by term.
func keywords(jd string, bank *stories.Bank, syn Synonyms) []Keyword {
	a := newAnalyzer(syn)
	kws := a.jobKeywords(jd)
	a.scanBank(bank)
	var out []Keyword
	for _, k := range a.weigh(kws, len(a.stories)) {
		out = append(out, k.Keyword)
	}
	return out
}

// ---- text analysis ----

// token is one word of a text.
type token struct {
	word string // lower case, as written
	stem string // the matching key
	stop bool   // a stop word: never a term, and it breaks phrases
	brk  bool   // punctuation between this word and the one before
}

// tokenize splits text into lower-case words. Letters and digits make
// words ("k8s"); "c++" and "c#" keep their marks; an apostrophe inside a
// word is dropped and a possessive 's is cut. Hyphens, slashes and
// spaces join words into phrases; other punctuation and line ends break
// them.
func tokenize(text string, out []token) []token {
	text = strings.ToLower(text)
	brk := true
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			switch r {
			case ' ', '\t', '-', '/', '&', '*', '"', '\'', '‘', '’', '“', '”', '(', ')', '_', '+', '%', '<', '>', '~', '$', '\u00a0':
			default:
				brk = true
			}
			i += n
			continue
		}
		j := i + n
		apos := false
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r2) {
				j += n2
				continue
			}
			if r2 == '\'' || r2 == '’' {
				if r3, _ := utf8.DecodeRuneInString(text[j+n2:]); unicode.IsLetter(r3) {
					apos = true
					j += n2
					continue
				}
			}
			break
		}
		switch {
		case strings.HasPrefix(text[j:], "++"):
			j += 2
		case strings.HasPrefix(text[j:], "#") && (j+1 == len(text) || !isWordRune(rune(text[j+1]))):
			j++
		}
		w := text[i:j]
		if apos {
			w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
			w = apostrophes.Replace(w)
		}
		out = append(out, newToken(w, brk))
		brk = false
		i = j
	}
	return out
}

var apostrophes = strings.NewReplacer("'", "", "’", "")

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func newToken(w string, brk bool) token {
	return token{word: w, stem: stem(w), stop: isStop(w), brk: brk}
}

// isStop reports words that never make a term: stop words, single
// characters and bare numbers.
func isStop(w string) bool {
	if utf8.RuneCountInString(w) < 2 || stopWords[w] {
		return true
	}
	for _, r := range w {
		if !unicode.IsDigit(r) && r != '.' && r != ',' {
			return false
		}
	}
	return true
}

// stem folds a lower-case word to a matching key by cutting plural, -ing
// and -ed endings and a final e, so that "joins" meets "join", "streaming"
// meets "stream" and "warehousing" meets "warehouse". It is deliberately
// light: keys are never shown, only compared.
func stem(w string) string {
	if len(w) <= 3 || !isASCIIWord(w) {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	case strings.HasSuffix(w, "ing") && len(w)-3 >= 3:
		w = undouble(w[:len(w)-3])
	case strings.HasSuffix(w, "ed") && len(w)-2 >= 3:
		w = undouble(w[:len(w)-2])
	}
	if len(w) > 3 && strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") {
		w = w[:len(w)-1]
	}
	return w
}

// undouble cuts a doubled final consonant: "debugg" -> "debug".
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouylsz", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// stopWords are English function words and the boilerplate of job
// descriptions ("strong experience", "we are looking for").
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
a about above after again against all also am an and any are aren as at be because been
before being below between both but by can cannot could did didn do does doesn doing don
down during each either etc even ever every few for from further get gets got had has have
having he her here hers herself him himself his how however i if in into is isn it its itself
just let like may me might more most much must my myself need needs no nor not now of off
often on once one only or other others our ours ourselves out over own per please quite
rather really same shall she should so some such than that the their theirs them themselves
then there these they this those through thus to too under until up upon us use used using
very via was wasn we well were weren what when where whether which while who whom whose why
will with within without would yet you your yours yourself yourselves
able ability across along already always among another anything around ask away
day days eg ie including include includes make makes making many new next part put say
see set take takes thing things tell told way ways want keep keeps bring brings give gives go goes come comes stay stays
looking look seeking join joining hire hiring role roles position positions job jobs candidate candidates
opportunity company team teams work works working responsibilities responsibility requirements
requirement qualifications qualification preferred required plus bonus ideal ideally strong
excellent great good solid proven demonstrated years year experience experienced knowledge
familiarity familiar understanding skills skill level senior junior staff principal engineer
engineers developer developers candidate's environment opportunities benefits salary apply
end ends driven based related various multiple least closely write writes writing care
`) {
		m[w] = true
	}
	return m
}()

// ---- synonyms ----

// synRule rewrites the stems from into the tokens to.
type synRule struct {
	from []string
	to   []token
}

// synIndex finds synonym variants by their first stem.
type synIndex struct {
	byFirst map[string][]synRule
	phrases map[[2]string]bool // two-word canonical terms
}

func newSynIndex(user Synonyms) *synIndex {
	type key = string
	rules := map[key]synRule{}
	phrases := map[[2]string]bool{}
	add := func(syn Synonyms) {
		canon := make([]string, 0, len(syn))
		for c := range syn {
			canon = append(canon, c)
		}
		sort.Strings(canon)
		for _, c := range canon {
			to := tokenize(c, nil)
			if len(to) == 0 {
				continue
			}
			for i := range to {
				to[i].brk = false
			}
			if len(to) == 2 {
				phrases[[2]string{to[0].stem, to[1].stem}] = true
			}
			for _, v := range syn[c] {
				vt := tokenize(v, nil)
				if len(vt) == 0 {
					continue
				}
				from := make([]string, len(vt))
				for i, t := range vt {
					from[i] = t.stem
				}
				rules[strings.Join(from, " ")] = synRule{from: from, to: to}
			}
		}
	}
	add(BuiltinSynonyms)
	add(user)
	idx := &synIndex{byFirst: map[string][]synRule{}, phrases: phrases}
	keys := make([]string, 0, len(rules))
	for k := range rules {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		r := rules[k]
		if len(r.to) == len(r.from) && strings.Join(stemsOf(r.to), " ") == k {
			continue // a variant that is its own canonical form
		}
		idx.byFirst[r.from[0]] = append(idx.byFirst[r.from[0]], r)
	}
	for _, rs := range idx.byFirst {
		sort.SliceStable(rs, func(i, j int) bool { return len(rs[i].from) > len(rs[j].from) })
	}
	return idx
}

func stemsOf(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.stem
	}
	return out
}

// rewrite replaces synonym variants in ts by their canonical tokens,
// longest variant first. It writes into out and reports true, or returns
// ts itself and false when there is nothing to replace.
func (x *synIndex) rewrite(ts, out []token) ([]token, bool) {
	first := -1
	for i, t := range ts {
		if _, ok := x.byFirst[t.stem]; ok {
			first = i
			break
		}
	}
	if first < 0 {
		return ts, false // nothing to rewrite: the common case
	}
	out = append(out, ts[:first]...)
	for i := first; i < len(ts); {
		matched := false
		for _, r := range x.byFirst[ts[i].stem] {
			if i+len(r.from) > len(ts) {
				continue
			}
			ok := true
			for k, s := range r.from {
				if ts[i+k].stem != s || (k > 0 && ts[i+k].brk) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			for k, t := range r.to {
				if k == 0 {
					t.brk = ts[i].brk
				}
				out = append(out, t)
			}
			i += len(r.from)
			matched = true
			break
		}
		if !matched {
			out = append(out, ts[i])
			i++
		}
	}
	return out, true
}

// ---- matching texts against a set of terms ----

// termKey is a term's matching key: one stem, or two stems of a phrase.
type termKey [2]string

func (k termKey) phrase() bool { return k[1] != "" }

// analyzer finds which of a set of terms each text mentions.
type analyzer struct {
	syn *synIndex
	ids map[termKey]int // term -> index in terms
	// stems says, per stem, its term index (-1 for none) and whether it
	// starts or ends a registered phrase: one lookup per word in mark.
	stems map[string]stemInfo
	terms []termKey
	words []string // display form per term

	buf1, buf2 []token

	// Filled by scanBank: the bank's stories, and the terms each mentions.
	stories  []*stories.Story
	projects []*stories.Project // per story: the project that holds it
	mentions []bitset
	df       []int
}

func newAnalyzer(user Synonyms) *analyzer {
	return &analyzer{syn: newSynIndex(user), ids: map[termKey]int{}, stems: map[string]stemInfo{}}
}

// tokens tokenizes text and folds synonyms. The result is reused by the
// next call.
func (a *analyzer) tokens(text string) []token {
	a.buf1 = tokenize(text, a.buf1[:0])
	out, changed := a.syn.rewrite(a.buf1, a.buf2[:0])
	if changed {
		a.buf2 = out // else out is buf1, which buf2 must not share
	}
	return out
}

// term registers a term to look for and returns its index.
func (a *analyzer) term(k termKey, display string) int {
	if id, ok := a.ids[k]; ok {
		return id
	}
	a.ids[k] = len(a.terms)
	if k.phrase() {
		i0, i1 := a.stemInfo(k[0]), a.stemInfo(k[1])
		i0.first, i1.second = true, true
		a.stems[k[0]] = i0
		a.stems[k[1]] = i1
	} else {
		i := a.stemInfo(k[0])
		i.id = len(a.terms)
		a.stems[k[0]] = i
	}
	a.terms = append(a.terms, k)
	a.words = append(a.words, display)
	return len(a.terms) - 1
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

// stemInfo is what mark needs to know about a stem.
type stemInfo struct {
	id            int // the stem's term, or -1
	first, second bool
}

func (a *analyzer) stemInfo(stem string) stemInfo {
	if i, ok := a.stems[stem]; ok {
		return i
	}
	return stemInfo{id: -1}
}

// mark sets in b the registered terms that text mentions.
func (a *analyzer) mark(text string, b bitset) {
	var prev token
	prevFirst := false
	for _, t := range a.tokens(text) {
		if t.stop {
			prevFirst = false
			continue
		}
		info, ok := a.stems[t.stem]
		if !ok {
			prevFirst = false
			continue
		}
		if info.id >= 0 {
			b.set(info.id)
		}
		if prevFirst && info.second && !t.brk {
			if id, ok := a.ids[termKey{prev.stem, t.stem}]; ok {
				b.set(id)
			}
		}
		prev, prevFirst = t, info.first
	}
}

// storyTexts are the texts of a story that count as mentioning a term.
func storyTexts(s *stories.Story) []string {
	return append([]string{s.Title, s.Situation, s.Task, s.Action, s.Result, s.Notes}, s.Tags...)
}

func projectTexts(p *stories.Project) []string {
	return append([]string{p.Project, p.Summary}, p.Tags...)
}

// scanBank records, for every story of the bank, which registered terms
// it mentions, counting its project's name, summary and tags, and how
// many stories mention each term. It is linear in the bank's text.
func (a *analyzer) scanBank(bank *stories.Bank) {
	n := len(a.terms)
	a.df = make([]int, n)
	if bank == nil {
		return
	}
	look := n > 0 // with nothing to look for, reading the text is wasted
	for _, p := range bank.Projects {
		pb := newBitset(n)
		if look {
			for _, t := range projectTexts(p) {
				a.mark(t, pb)
			}
		}
		for _, s := range p.Stories {
			b := newBitset(n)
			copy(b, pb)
			if look {
				for _, t := range storyTexts(s) {
					a.mark(t, b)
				}
			}
			a.stories = append(a.stories, s)
			a.projects = append(a.projects, p)
			a.mentions = append(a.mentions, b)
			b.each(func(id int) { a.df[id]++ })
		}
	}
}

// jdTerm is a candidate keyword of a job description before weighing.
type jdTerm struct {
	id     int
	tf     int
	listed bool // a two-word canonical term of the synonym table
}

// jobKeywords registers the words and phrases of a job description.
func (a *analyzer) jobKeywords(jd string) []jdTerm {
	var out []jdTerm
	at := map[int]int{}
	add := func(k termKey, display string, listed bool) {
		id := a.term(k, display)
		if i, ok := at[id]; ok {
			out[i].tf++
			return
		}
		at[id] = len(out)
		out = append(out, jdTerm{id: id, tf: 1, listed: listed})
	}
	ts := a.tokens(jd)
	// A word inside a listed phrase ("high availability") is not a term of
	// its own there: the phrase says what it means.
	inPhrase := make([]bool, len(ts))
	for i := 1; i < len(ts); i++ {
		if !ts[i].brk && !ts[i-1].stop && !ts[i].stop && a.syn.phrases[termKey{ts[i-1].stem, ts[i].stem}] {
			inPhrase[i-1], inPhrase[i] = true, true
		}
	}
	for i, t := range ts {
		if t.stop {
			continue
		}
		if !inPhrase[i] {
			add(termKey{t.stem}, t.word, false)
		}
		// A pair that cuts through a listed phrase ("build real" of "build
		// real time") is an accident of wording.
		if i > 0 && !ts[i-1].stop && !t.brk && inPhrase[i-1] == inPhrase[i] {
			k := termKey{ts[i-1].stem, t.stem}
			add(k, ts[i-1].word+" "+t.word, a.syn.phrases[k])
		}
	}
	return out
}

// weighed is a keyword and the analyzer's index of its term.
type weighed struct {
	Keyword
	id int
}

// weigh turns job-description terms into keywords, most telling first.
// It needs scanBank to have run.
func (a *analyzer) weigh(jd []jdTerm, n int) []weighed {
	var out []weighed
	for _, t := range jd {
		k := a.terms[t.id]
		df := a.df[t.id]
		if k.phrase() && df == 0 && !t.listed && t.tf < 2 {
			continue
		}
		w := (1 + math.Log(float64(t.tf))) * (math.Log(float64(n+1)/float64(df+1)) + 1)
		if k.phrase() {
			w *= 1.5
		}
		out = append(out, weighed{Keyword{Term: a.words[t.id], Weight: round3(w), Stories: df}, t.id})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		return out[i].Term < out[j].Term
	})
	return out
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
