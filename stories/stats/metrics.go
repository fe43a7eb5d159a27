package stats

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/starpack/starpack/stories"
)

// A metric conflict is one result quoted with two figures that cannot both
// be true, in two stories: "cut the error rate to under 1%" in one and "cut
// the error rate to 2%" in another. Two figures quote the same metric when
// they have the same unit (per cent, a time, a factor, money, or the word
// after the number), the same two words right before them (qualifiers such
// as "under" or "about" aside), and sentences with mostly the same words
// (at least half of their content words shared, two or more; or all, when
// the sentences are that short). They disagree when the ranges they claim
// do not meet: "under 1%" is below 1, "100+" and "over 100" at least 100,
// "about 50%" 40 to 60, a plain "2%" exactly 2. Times are compared in
// seconds, so "90 s" and "1.5 minutes" agree.

// Figure is a number a story quotes, with what it measures.
type Figure struct {
	Story    string  `json:"story"`
	Field    string  `json:"field"`
	Text     string  `json:"text"` // as written: "under 1%"
	At       string  `json:"at"`   // the field's place in its file, file:line:col
	Sentence string  `json:"sentence"`
	lo, hi   float64 // the range it claims, in the unit's base
	unit     string
	anchor   string
	context  []string
}

// Conflict is one metric quoted differently in two stories.
type Conflict struct {
	A Figure `json:"a"`
	B Figure `json:"b"`
}

func (c Conflict) String() string {
	return fmt.Sprintf("%q in %s and %q in %s", c.A.Text, c.A.Story, c.B.Text, c.B.Story)
}

// figureRE finds a figure: an optional qualifier, an optional currency, the
// number, an optional +, and an optional unit.
var figureRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)((?:less than|fewer than|more than|greater than|at least|at most|up to|under|below|over|above|about|around|approximately|roughly|nearly|almost|~|≈|<=|>=|<|>|≤|≥)\s*)?([$€£])?(\d+(?:,\d{3})*(?:\.\d+)?)(\+)?(?:\s*(%|percent\b|×|x\b|ms\b|milliseconds?\b|secs?\b|seconds?\b|s\b|mins?\b|minutes?\b|hrs?\b|hours?\b|h\b|days?\b|weeks?\b|months?\b|years?\b|k\b|m\b|million\b|billion\b|-?\pL[\pL-]*))?`)
})

var timeUnits = map[string]float64{
	"ms": 0.001, "millisecond": 0.001, "milliseconds": 0.001,
	"s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
	"min": 60, "mins": 60, "minute": 60, "minutes": 60,
	"h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
	"day": 86400, "days": 86400, "week": 604800, "weeks": 604800,
	"month": 2592000, "months": 2592000, "year": 31536000, "years": 31536000,
}

var scales = map[string]float64{"k": 1e3, "m": 1e6, "million": 1e6, "billion": 1e9}

// Figures lists the figures of a story's text fields.
func Figures(s *stories.Story) []Figure {
	var out []Figure
	for _, f := range s.Fields() {
		at := ""
		if p, ok := s.Pos[f.Name]; ok && p.File != "" {
			at = fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
		}
		var text []string
		for _, b := range stories.Blocks(f.Text) { // list markers are not figures
			text = append(text, stories.Plain(b.Text))
		}
		for _, sent := range sentences(strings.Join(text, "\n")) {
			for _, m := range figureRE().FindAllStringSubmatchIndex(sent, -1) {
				if fig, ok := figure(sent, m); ok {
					fig.Story, fig.Field, fig.At, fig.Sentence = s.ID, f.Name, at, sent
					out = append(out, fig)
				}
			}
		}
	}
	return out
}

// figure reads one match of figureRE in sentence.
func figure(sent string, m []int) (Figure, bool) {
	num := m[6]
	if num > 0 {
		if r := lastRune(sent[:num]); unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' && m[4] < 0 && m[2] < 0 {
			return Figure{}, false // a name (v2, p99, k8s) or a range's second half
		}
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(sent[m[6]:m[7]], ",", ""), 64)
	if err != nil {
		return Figure{}, false
	}
	group := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return sent[m[2*i]:m[2*i+1]]
	}
	qual, cur, plus := strings.ToLower(strings.TrimSpace(group(1))), group(2), group(4)
	unit := strings.ToLower(strings.TrimPrefix(group(5), "-"))
	end := m[1]
	switch {
	case unit == "%" || unit == "percent":
		unit = "%"
	case unit == "x" || unit == "×":
		unit = "x"
	case timeUnits[unit] > 0:
		v, unit = v*timeUnits[unit], "s"
	case scales[unit] > 0:
		v *= scales[unit]
		unit = cur
		if unit == "" {
			unit, end = nextWord(sent, m[1])
		}
	case cur != "":
		unit, end = cur, m[7]+len(plus)
	default:
		unit = stem(unit)
	}
	f := Figure{Text: strings.TrimSpace(sent[m[0]:end]), unit: unit}
	f.lo, f.hi = claim(qual, plus != "", v)
	f.anchor = anchor(sent[:m[0]])
	f.context = contentWords(sent)
	return f, true
}

// claim is the range a figure claims with its qualifier.
func claim(qual string, plus bool, v float64) (lo, hi float64) {
	switch qual {
	case "less than", "fewer than", "under", "below", "<", "<=", "≤", "at most", "up to":
		return math.Inf(-1), v
	case "more than", "greater than", "over", "above", ">", ">=", "≥", "at least":
		return v, math.Inf(1)
	case "about", "around", "approximately", "roughly", "~", "≈":
		return 0.8 * v, 1.2 * v
	case "nearly", "almost":
		return 0.8 * v, v
	}
	if plus {
		return v, math.Inf(1)
	}
	return v, v
}

// Conflicts finds the metrics quoted differently in two stories of the
// bank, in bank order, each pair of stories and metric once.
func Conflicts(bank *stories.Bank) []Conflict {
	var figs []Figure
	for _, s := range bank.Stories() {
		figs = append(figs, Figures(s)...)
	}
	out := []Conflict{}
	seen := map[string]bool{}
	for i, a := range figs {
		for _, b := range figs[i+1:] {
			if a.Story == b.Story || !sameMetric(a, b) || meet(a, b) {
				continue
			}
			k := a.Story + "\x00" + b.Story + "\x00" + a.unit + "\x00" + a.anchor
			if !seen[k] {
				seen[k] = true
				out = append(out, Conflict{A: a, B: b})
			}
		}
	}
	return out
}

// sameMetric reports whether two figures measure the same thing (see above).
func sameMetric(a, b Figure) bool {
	if a.unit != b.unit || a.anchor == "" || a.anchor != b.anchor {
		return false
	}
	shared := 0
	for _, w := range a.context {
		if slices.Contains(b.context, w) {
			shared++
		}
	}
	union := len(a.context) + len(b.context) - shared
	if union == 0 {
		return false
	}
	if shared == union {
		return true
	}
	return shared >= 2 && float64(shared)/float64(union) >= 0.5
}

// meet reports whether the ranges two figures claim overlap.
func meet(a, b Figure) bool {
	const eps = 1e-9
	return a.lo <= b.hi*(1+eps)+eps && b.lo <= a.hi*(1+eps)+eps
}

// sentences splits text at line breaks and sentence ends (a full stop,
// question or exclamation mark followed by a space), not at decimal points.
func sentences(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		start := 0
		for i := 0; i < len(line); i++ {
			if c := line[i]; (c == '.' || c == '!' || c == '?' || c == ';') && (i+1 == len(line) || line[i+1] == ' ') {
				out = appendTrim(out, line[start:i])
				start = i + 1
			}
		}
		out = appendTrim(out, line[start:])
	}
	return out
}

func appendTrim(out []string, s string) []string {
	if s = strings.TrimSpace(s); s != "" {
		out = append(out, s)
	}
	return out
}

// stopWords carry no metric.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but of in on at for with by from to into onto than then so as is was were be been being are
		it its this that these those we our us i my me you your they their them he she his her which who whom what when where while
		has have had do did does not no very just also only more less under over about around up down out off per each every all any
		some most much many few same other`) {
		stopWords[w] = true
	}
}

// words are the lower-case words of s, stemmed.
func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out = append(out, stem(w))
	}
	return out
}

// contentWords are the sentence's words without stop words and numbers,
// each once, sorted.
func contentWords(s string) []string {
	var out []string
	for _, w := range words(s) {
		if stopWords[w] || strings.IndexFunc(w, unicode.IsDigit) >= 0 || timeUnits[w] > 0 {
			continue
		}
		out = append(out, w)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// anchor is the two words before a figure, its qualifier left out.
func anchor(before string) string {
	ws := words(before)
	for len(ws) > 0 && qualifierWords[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	return strings.Join(ws[max(0, len(ws)-2):], " ")
}

var qualifierWords = map[string]bool{"under": true, "below": true, "over": true, "above": true, "about": true, "around": true,
	"approximately": true, "roughly": true, "nearly": true, "almost": true, "least": true, "most": true, "than": true,
	"less": true, "more": true, "fewer": true, "greater": true, "up": true}

// nextWord is the stemmed word after position i of s, and where it ends.
func nextWord(s string, i int) (string, int) {
	rest := s[i:]
	trimmed := strings.TrimLeft(rest, " ")
	j := strings.IndexFunc(trimmed, func(r rune) bool { return !unicode.IsLetter(r) })
	if j < 0 {
		j = len(trimmed)
	}
	return stem(strings.ToLower(trimmed[:j])), i + len(rest) - len(trimmed) + j
}

// stem folds a plural: "steps" is "step", "queries" "querie".
func stem(w string) string {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}

func lastRune(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return ' '
	}
	return r[len(r)-1]
}
