package stories

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Headline derives a story's cue from its text: a headline of 3 to 8
// words taken whole from one sentence or clause of the story, never a
// sentence cut off with an ellipsis. A long clause is shortened only where
// a phrase ends (before "with", "to", "when", ...). When the story has a
// figure the headline is the clause that holds it, the Result's first,
// and starts with the figure when the figure begins a phrase ("4-way
// stream join with no existing examples"); otherwise it is the first
// clause that reads as a headline, the Situation's first. It returns ""
// when no clause fits.
func Headline(s *Story) string {
	best := headCand{score: -1e9}
	var short []string // a clause of one or two words: the last resort
	for _, f := range headFields(s) {
		for i, c := range clauses(Plain(f.text)) {
			h, ok := headlineOf(c.words)
			if !ok {
				if w := trimClause(mergeFigures(c.words)); short == nil && len(w) > 0 && len(w) < 3 {
					short = w
				}
				continue
			}
			if sc := f.rank(h, c, i); sc > best.score {
				best = headCand{words: h.words, score: sc}
			}
		}
	}
	if len(best.words) == 0 {
		best.words = short
	}
	if len(best.words) == 0 {
		return ""
	}
	out := strings.Join(best.words, " ")
	r, n := utf8.DecodeRuneInString(out)
	return string(unicode.ToUpper(r)) + out[n:]
}

type headCand struct {
	words []string
	score float64
}

// headField is a field the headline may come from, with its base rank.
type headField struct {
	text   string
	base   float64 // without a figure
	figure float64 // with one
}

// headFields are the fields in the order a headline prefers them: a
// figure in the Result first (the outcome), then a figure elsewhere; without
// figures, the Situation (it names the story), notes, then the rest.
func headFields(s *Story) []headField {
	return []headField{
		{s.Result, 2, 20},
		{s.Situation, 4, 10},
		{s.Notes, 4, 10},
		{s.Task, 1, 9},
		{s.Action, 1, 9},
	}
}

// rank scores a headline from the i-th clause of field f.
func (f headField) rank(h headline, c clause, i int) float64 {
	sc := f.base
	if h.figure {
		sc = f.figure
		if h.impact {
			sc += 2
		}
		if h.lead {
			sc++
		}
	}
	if len(h.words) >= 4 {
		sc++
	}
	if c.whole {
		sc += 0.5
	}
	if h.cut {
		sc--
	}
	return sc - 0.3*float64(i)
}

// clause is a run of words of one sentence.
type clause struct {
	words []string
	whole bool // the whole sentence
}

// clauses splits text into its sentences, each followed by its clauses
// (split at commas, dashes, colons, brackets and before conjunctions).
func clauses(text string) []clause {
	var out []clause
	for _, b := range Blocks(text) {
		for _, sent := range sentences(b.Text) {
			words := strings.Fields(sent)
			if len(words) == 0 {
				continue
			}
			out = append(out, clause{words: words, whole: true})
			parts := splitClauses(words)
			if len(parts) > 1 {
				for _, p := range parts {
					out = append(out, clause{words: p})
				}
			}
		}
	}
	return out
}

// sentences splits a line at sentence ends: . ! ? ; followed by a space
// or the end, or a full stop glued to the next capitalised word
// ("too.As for").
func sentences(line string) []string {
	var out []string
	start := 0
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c != '.' && c != '!' && c != '?' && c != ';' {
			continue
		}
		next := i + 1
		end := next == len(line) || line[next] == ' '
		glued := c == '.' && next < len(line) && line[next] >= 'A' && line[next] <= 'Z' && i > 0 && line[i-1] >= 'a' && line[i-1] <= 'z'
		if end || glued {
			out = append(out, line[start:next])
			start = next
		}
	}
	return append(out, line[start:])
}

// splitWords end a clause after the word they follow; conjunctions start a
// new one.
var clauseStarts = map[string]bool{"but": true, "while": true, "yet": true, "because": true, "although": true,
	"though": true, "whereas": true, "which": true, "who": true, "so": true, "when": true}

func splitClauses(words []string) [][]string {
	var out [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, "()[]\"'"))
		switch {
		case w == "-" || w == "–" || w == "—":
			flush()
			continue
		case clauseStarts[lw] || strings.HasPrefix(w, "("):
			flush()
		}
		cur = append(cur, w)
		if strings.HasSuffix(w, ",") || strings.HasSuffix(w, ":") || strings.HasSuffix(w, ")") {
			flush()
		}
	}
	flush()
	return out
}

// headline is a candidate headline and what it holds.
type headline struct {
	words  []string
	figure bool // holds a figure
	impact bool // the figure is a share, an amount or a factor
	lead   bool // starts with the figure
	cut    bool // shortened at a phrase boundary
}

// headlineOf makes a headline of a clause's words, or reports that none
// fits: after trimming the words that do not carry meaning at either end,
// 3 to 8 words, shortened only at a phrase boundary.
func headlineOf(raw []string) (headline, bool) {
	words := trimClause(mergeFigures(raw))
	if len(words) < 3 || relatives[bare(words[0])] {
		return headline{}, false
	}
	h := headline{}
	if n := figureAt(words); n >= 0 {
		h.figure = true
		h.impact = impactFigure(words[n]) || n+1 < len(words) && impactWords[bare(words[n+1])]
		if lead, cut, ok := figureLead(words[n:]); n > 0 && ok {
			h.words, h.lead, h.cut = lead, true, cut
			return h, true
		}
	}
	fitted, cut, ok := fit(words)
	if !ok {
		return headline{}, false
	}
	h.words, h.cut = fitted, cut
	if h.figure && figureAt(fitted) < 0 {
		h.figure, h.impact = false, false
	}
	return h, true
}

// figureLead is the phrase a figure starts ("4-way stream join with no
// existing examples", "1 million dollar off"): the words from the figure
// to the end of the clause or the first conjunction, cut at the first
// phrase boundary when that is still too long; at least 3 words.
func figureLead(words []string) ([]string, bool, bool) {
	for i, w := range words {
		if i > 0 && (strings.HasSuffix(w, ",") || conjunctions[bare(w)]) {
			if strings.HasSuffix(w, ",") {
				i++
			}
			words = words[:i]
			break
		}
	}
	words = trimTail(words)
	if len(words) < 3 || boundary(words[1]) {
		return nil, false, false
	}
	if len(words) <= 8 {
		return words, false, true
	}
	for k := 2; k <= 8; k++ {
		if boundary(words[k]) {
			if k < 3 || boundary(words[k-1]) || trailWords[bare(words[k-1])] {
				return nil, false, false
			}
			return trimTail(words[:k]), true, true
		}
	}
	return nil, false, false
}

// conjunctions join clauses: a figure's phrase ends before one.
var conjunctions = setOf(`and but so which that who when while because or yet`)

// fit returns words when they are 3 to 8, or else their shortest start of
// 4 to 8 words (3 when there is no longer one) that ends where a phrase
// does, without a comma inside.
func fit(words []string) ([]string, bool, bool) {
	words = trimTail(words)
	if len(words) >= 3 && len(words) <= 8 {
		return words, false, true
	}
	var three []string
	for k := 3; k <= 8 && k < len(words); k++ {
		if !boundary(words[k]) || boundary(words[k-1]) || trailWords[bare(words[k-1])] {
			continue
		}
		if slices.ContainsFunc(words[:k-1], func(w string) bool { return strings.HasSuffix(w, ",") }) {
			break
		}
		if k == 3 {
			three = trimTail(words[:k])
			continue
		}
		return trimTail(words[:k]), true, true
	}
	return three, true, three != nil
}

// mergeFigures joins a lone comparison or currency sign to the number
// after it: "< 1%" becomes "<1%".
func mergeFigures(words []string) []string {
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		w := words[i]
		if i+1 < len(words) && startsWithDigit(words[i+1]) && strings.Trim(w, "<>~≈$€£") == "" {
			out = append(out, w+words[i+1])
			i++
			continue
		}
		out = append(out, w)
	}
	return out
}

// leadWords carry no meaning at the start of a headline: pronouns,
// auxiliaries, articles and linking words.
var leadWords = setOf(`i we it they he she you my our their have had has to need needs able make sure was were is am
	are a an the so then also just and or but as still moreover however turns out basically actually mostly yet while
	because although though whereas when for during with from in on at after before`)

// trailWords cannot end a headline.
var trailWords = setOf(`a an the to of for with and or but in on at by from as that which who is are was were be too
	into than my our their its very so how what why where when`)

// relatives start a clause that hangs on another: never a headline.
var relatives = setOf(`who which whose whom that where`)

// boundaries start a phrase: a long clause may be shortened before one.
var boundaries = setOf(`with for in on at to from by of into so and but which that who when while because compared
	after before during without via using including than since until`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// bare is a word lower-cased without the punctuation around it.
func bare(w string) string {
	return strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
}

func boundary(w string) bool { return boundaries[bare(w)] }

// trimClause drops the words that carry no meaning at either end and the
// punctuation around the clause.
func trimClause(words []string) []string {
	for len(words) > 0 {
		if b := bare(words[0]); b != "" && !leadWords[b] {
			break
		}
		words = words[1:]
	}
	return trimTail(words)
}

func trimTail(words []string) []string {
	// A bracket opened and not closed cuts the words from it.
	open := -1
	for i, w := range words {
		switch {
		case strings.IndexByte(w, '(') >= 0 || strings.IndexByte(w, '[') >= 0:
			open = i
		case strings.IndexByte(w, ')') >= 0 || strings.IndexByte(w, ']') >= 0:
			open = -1
		}
	}
	if open >= 0 {
		words = words[:open]
	}
	for len(words) > 0 {
		if b := bare(words[len(words)-1]); b != "" && !trailWords[b] {
			break
		}
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return nil
	}
	last := len(words) - 1
	first, end := strings.TrimLeft(words[0], "([\"'“‘*"), strings.TrimRight(words[last], ".,;:!?)]\"'”’*")
	if len(first) == len(words[0]) && len(end) == len(words[last]) {
		return words[:len(words):len(words)] // nothing to trim: the caller's words, not to be appended to
	}
	out := append([]string(nil), words...)
	if last == 0 {
		out[0] = strings.TrimRight(first, ".,;:!?)]\"'”’*")
	} else {
		out[0], out[last] = first, end
	}
	return out
}

// figureAt returns the index of the first word that is a figure (a
// number, not a name such as v2 or k8s), or -1.
func figureAt(words []string) int {
	for i, w := range words {
		if startsWithDigit(strings.TrimLeft(w, "<>~≈+$€£(")) {
			return i
		}
	}
	return -1
}

// impactWords after a number make it an amount: "1 million dollar".
var impactWords = setOf(`million millions billion billions thousand dollar dollars percent times`)

func startsWithDigit(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// impactFigure reports a figure that says how much changed: a share, an
// amount of money or a factor.
func impactFigure(w string) bool {
	lw := strings.ToLower(strings.TrimRight(w, ".,;:"))
	return strings.ContainsAny(lw, "%$€£") || strings.HasSuffix(lw, "x") || strings.HasSuffix(lw, "×")
}
