package stories

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FigureKind says what a figure measures.
type FigureKind int

// The kinds of figures, from the most telling to the least. KeyFigure
// prefers them in this order.
const (
	Money    FigureKind = iota // $1.2M/year, 1 million dollars, €40k
	Percent                    // 50%, < 1%, 10-20%
	Multiple                   // 10x, 3× faster
	Duration                   // 150 ms, 4h10m, 3 months, 14-hour, 2-3 weeks
	Quantity                   // 3000+ steps, 100+, 4-way, 12 teams, 2 TB
	Bare                       // a number on its own: 42
	Date                       // a year or a range of years: 2019, 2019-2020
)

// Figure is a number as a reader takes it in: the digits with what makes
// them telling around them (a comparison, a currency, a unit, a percent
// sign, a range, a rate such as /year), as one unit. Start and End are
// byte offsets in the text.
type Figure struct {
	Start, End int
	Kind       FigureKind
}

// Figures finds the figures of text, in order. Numbers that are not
// figures are left out: list and step numbers ("1. Explain", "Step 15"),
// names ("v2", "S3", "x86", "UTF-8", "HTTP/2"), ordinals ("3rd") and
// times of day.
func Figures(text string) []Figure {
	var out []Figure
	for i := 0; i < len(text); {
		d := strings.IndexAny(text[i:], "0123456789")
		if d < 0 {
			break
		}
		start := i + d
		f, ok := figureAt(text, start)
		if !ok {
			i = start + 1
			for i < len(text) && isDigit(text[i]) {
				i++
			}
			continue
		}
		out = append(out, f)
		i = f.End
	}
	return out
}

// KeyFigure returns the most telling figure of the texts, as written with
// its unit: the first of the most telling kind, looking in the texts in
// the order given (a story's Result, say, before its Action), or "" when
// they hold none but dates and lone digits.
func KeyFigure(texts ...string) string {
	best, bestKind := "", Date
	for _, t := range texts {
		for _, f := range Figures(t) {
			s := strings.Join(strings.Fields(t[f.Start:f.End]), " ")
			if f.Kind == Bare && len(strings.Trim(s, "<>~≈≤≥ ")) < 2 {
				continue // a lone digit says little
			}
			if f.Kind < bestKind {
				best, bestKind = s, f.Kind
			}
		}
	}
	return best
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// figureAt reads the figure whose first digit is at text[d].
func figureAt(text string, d int) (Figure, bool) {
	if !numberStarts(text, d) {
		return Figure{}, false
	}
	start, money := figurePrefix(text, d)
	end := scanNumber(text, d)
	if end < len(text) && text[end] == ':' && end+1 < len(text) && isDigit(text[end+1]) {
		return Figure{}, false // a time of day, 10:30
	}
	f := Figure{Start: start, End: end, Kind: Bare}
	if money {
		f.Kind = Money
	}
	if !f.suffix(text) {
		return Figure{}, false
	}
	f.rangeTo(text)
	f.unit(text)
	f.rate(text)
	if f.Kind == Bare && isYear(text[d:scanNumber(text, d)]) {
		f.Kind = Date
	}
	return f, true
}

// numberStarts reports whether the digits at d start a number of their own:
// not part of a word or a name (v2, S3, x86, UTF-8, HTTP/2, 1.2.3), not a
// list or step number.
func numberStarts(text string, d int) bool {
	if d > 0 {
		prev, _ := utf8.DecodeLastRuneInString(text[:d])
		switch {
		case unicode.IsLetter(prev) || unicode.IsDigit(prev) || prev == '_' || prev == '.' || prev == ',' || prev == ':':
			return false
		case prev == '-' || prev == '/':
			if before, _ := utf8.DecodeLastRuneInString(text[:d-1]); unicode.IsLetter(before) || unicode.IsDigit(before) {
				return false
			}
		}
	}
	end := scanNumber(text, d)
	if listMarker(text, d, end) || stepNumber(text, d) {
		return false
	}
	return true
}

// listMarker reports whether the number text[d:end] numbers a list item:
// it starts its line and a "." or ")" follows ("1. Explain", "2)Plan").
func listMarker(text string, d, end int) bool {
	line := text[:d]
	if i := strings.LastIndexByte(line, '\n'); i >= 0 {
		line = line[i+1:]
	}
	if strings.TrimSpace(line) != "" {
		return false
	}
	return end < len(text) && (text[end] == ')' || text[end] == '.' && (end+1 == len(text) || !isDigit(text[end+1])))
}

// stepWords name the thing a number counts off rather than measures.
var stepWords = map[string]bool{"step": true, "phase": true, "stage": true, "version": true, "level": true,
	"round": true, "chapter": true, "section": true, "page": true, "item": true, "point": true, "question": true,
	"no": true, "number": true, "issue": true, "ticket": true, "sprint": true, "day": true, "week": true,
	"q": true, "#": true, "part": true, "figure": true, "table": true, "line": true, "rule": true}

// stepNumber reports whether the number at d follows a word that numbers a
// step: "Step 15", "Phase 2", "#3", "Q3".
func stepNumber(text string, d int) bool {
	before := strings.TrimRight(text[:d], " ")
	if strings.HasSuffix(before, "#") {
		return true
	}
	if len(before) == d {
		// no space: "Q3" is caught as part of a word already
		return false
	}
	i := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })
	return stepWords[strings.ToLower(before[i+1:])]
}

// figurePrefix reads what may come before the digits: a currency sign and
// a comparison, each maybe followed by a space. It returns where the
// figure starts and whether it is money.
func figurePrefix(text string, d int) (start int, money bool) {
	start = d
	skipSpace := func(i int) int {
		if i > 0 && text[i-1] == ' ' {
			return i - 1
		}
		return i
	}
	if r, n := utf8.DecodeLastRuneInString(text[:start]); strings.ContainsRune("$€£¥", r) {
		start -= n
		money = true
	}
	if r, n := utf8.DecodeLastRuneInString(text[:skipSpace(start)]); strings.ContainsRune("<>~≈≤≥", r) {
		start = skipSpace(start) - n
	}
	return start, money
}

// scanNumber returns the end of the digits at d, with thousands and
// decimal separators between digits (1,000 and 1.2, not the full stop of
// "in 2019.").
func scanNumber(text string, d int) int {
	i := d
	for i < len(text) {
		switch {
		case isDigit(text[i]):
			i++
		case (text[i] == ',' || text[i] == '.') && i+1 < len(text) && isDigit(text[i+1]):
			i++
		default:
			return i
		}
	}
	return i
}

// suffix reads what is written against the digits: a compact duration
// (4h10m, 150ms, 9s), a multiplier (1.2M, 40k, 2bn), a multiple (10x, 3×),
// a percent sign, a plus. A letter that makes none of these ("3rd", "4G")
// means the number is part of a name: not ok.
func (f *Figure) suffix(text string) bool {
	if n := compactDuration(text[f.End:]); n > 0 {
		f.End += n
		f.Kind = Duration
		return true
	}
	rest := text[f.End:]
	word := leadingLetters(rest)
	switch {
	case word == "":
	case multipliers[word]:
		f.End += len(word)
		if f.Kind != Money {
			f.Kind = Quantity
		}
	case word == "x":
		f.End++
		f.Kind = Multiple
	default:
		return false
	}
	rest = text[f.End:]
	switch {
	case strings.HasPrefix(rest, "%"):
		f.End++
		f.Kind = Percent
	case strings.HasPrefix(rest, "×"):
		f.End += len("×")
		f.Kind = Multiple
	}
	if strings.HasPrefix(text[f.End:], "+") {
		f.End++
		if f.Kind == Bare {
			f.Kind = Quantity
		}
	}
	return true
}

// multipliers are the letters that scale a number written against it.
var multipliers = map[string]bool{"k": true, "K": true, "M": true, "m": true, "B": true, "bn": true, "mm": true}

// leadingLetters returns the letters text starts with.
func leadingLetters(text string) string {
	i := strings.IndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return text
	}
	return text[:i]
}

// compactDuration returns the length of a duration written against a
// number from its first unit on: "h10m" of "4h10m", "ms" of "150ms", "s"
// of "9s", or 0.
func compactDuration(text string) int {
	n := 0
	for {
		u := leadingLetters(text[n:])
		switch u {
		case "ms", "s", "h", "d", "min", "hr", "hrs", "sec", "secs", "mins":
		case "m":
			if n == 0 {
				return 0 // "5m" alone is five million as often as five minutes
			}
		default:
			return n
		}
		n += len(u)
		digits := scanNumber(text, n)
		if digits == n || digits == len(text) {
			return n
		}
		if next := leadingLetters(text[digits:]); next == "" {
			return n
		}
		n = digits
	}
}

// rangeTo extends a figure over a range: "2-3 weeks", "10–20%", "2019-2020",
// "$1M to $2M".
func (f *Figure) rangeTo(text string) {
	rest := text[f.End:]
	var sep string
	for _, s := range []string{"–", "—", "-", " – ", " - ", " to "} {
		if strings.HasPrefix(rest, s) {
			sep = s
			break
		}
	}
	if sep == "" {
		return
	}
	d := f.End + len(sep)
	if d < len(text) && strings.ContainsRune("$€£¥", rune(text[d])) {
		d++
	}
	if d >= len(text) || !isDigit(text[d]) {
		return
	}
	g := Figure{Start: d, End: scanNumber(text, d), Kind: f.Kind}
	if !g.suffix(text) {
		return
	}
	f.End = g.End
	if g.Kind != Bare && g.Kind != Quantity {
		f.Kind = g.Kind
	}
}

// The words a figure may carry after it, by what they make it.
var (
	durationUnits = words("ms millisecond milliseconds s sec secs second seconds min mins minute minutes h hr hrs hour hours " +
		"day days night nights week weeks month months quarter quarters year years yr yrs")
	moneyUnits = words("dollar dollars usd eur euro euros pound pounds gbp")
	scaleUnits = words("thousand million millions billion billions trillion")
	countUnits = words("kb mb gb tb pb rows records events messages requests queries qps rps tps users customers clients " +
		"people engineers developers teams team members servers nodes partitions tables jobs pipelines services steps " +
		"files stories projects countries languages regions apps times percent way fold person")
)

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// unit reads a unit word after the figure, with a space ("150 ms", "3
// months", "1 million dollars", "12 teams") or a hyphen ("14-hour",
// "4-way", "30-year-old").
func (f *Figure) unit(text string) {
	rest := text[f.End:]
	hyphen := strings.HasPrefix(rest, "-")
	if !hyphen && !strings.HasPrefix(rest, " ") {
		return
	}
	w := leadingLetters(rest[1:])
	lw := strings.ToLower(w)
	switch {
	case w == "":
		return
	case scaleUnits[lw]:
		f.End += 1 + len(w)
		if f.Kind == Bare {
			f.Kind = Quantity
		}
		if next := leadingLetters(strings.TrimPrefix(text[f.End:], " ")); strings.HasPrefix(text[f.End:], " ") && moneyUnits[strings.ToLower(next)] {
			f.End += 1 + len(next)
			f.Kind = Money
		}
		return
	case moneyUnits[lw]:
		f.Kind = Money
	case lw == "percent":
		f.Kind = Percent
	case durationUnits[lw]:
		if f.Kind == Bare || f.Kind == Quantity {
			f.Kind = Duration
		}
	case countUnits[lw] || hyphen && lw == "x":
		if f.Kind == Bare {
			f.Kind = Quantity
		}
	default:
		return
	}
	f.End += 1 + len(w)
	if hyphen {
		// A compound adjective goes on: "30-year-old", "3-day-long".
		if w2 := leadingLetters(strings.TrimPrefix(text[f.End:], "-")); strings.HasPrefix(text[f.End:], "-") && w2 != "" {
			f.End += 1 + len(w2)
		}
	}
}

// rate reads a rate after the figure: "/year", "/s", " per day", " a year".
func (f *Figure) rate(text string) {
	rest := text[f.End:]
	switch {
	case strings.HasPrefix(rest, "/"):
		if w := leadingLetters(rest[1:]); w != "" && durationUnits[strings.ToLower(w)] {
			f.End += 1 + len(w)
		}
	case strings.HasPrefix(rest, " per ") || strings.HasPrefix(rest, " a ") || strings.HasPrefix(rest, " an "):
		sp := strings.IndexByte(rest[1:], ' ') + 1
		if w := leadingLetters(rest[sp+1:]); w != "" && durationUnits[strings.ToLower(w)] && f.Kind != Duration && f.Kind != Bare {
			f.End += sp + 1 + len(w)
		}
	}
}

// isYear reports whether digits are a year of the working life: 1950 to
// 2099.
func isYear(digits string) bool {
	if len(digits) != 4 {
		return false
	}
	return digits >= "1950" && digits <= "2099"
}
