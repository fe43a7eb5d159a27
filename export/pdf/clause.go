package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cut is a place where text may be shortened: the end of a sentence or of
// a clause. end is a byte offset; the text shown is text[:end], trimmed.
type cut struct {
	end      int
	sentence bool // a sentence ends there
}

// clauseStarts begin a clause of their own: text may be cut before them.
// "and" and "or" are not among them: they join words as often as clauses
// ("Kafka and Flink"); after a comma they are cut at the comma.
var clauseStarts = map[string]bool{"but": true, "so": true, "which": true, "while": true, "because": true,
	"although": true, "though": true, "whereas": true, "whilst": true, "until": true, "unless": true}

// abbreviations end in a full stop that ends no sentence.
var abbreviations = map[string]bool{"e.g": true, "i.e": true, "etc": true, "vs": true, "approx": true,
	"mr": true, "ms": true, "dr": true, "no": true, "incl": true, "cf": true}

// cuts returns the places where text may be cut, in order, the end of the
// text last: after a full stop, question or exclamation mark, semicolon,
// colon or comma followed by a space; before a spaced dash or an opening
// bracket; before a word that starts a clause (but, so, which, while,
// because, ...).
func cuts(text string) []cut {
	var out []cut
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '.' || c == '!' || c == '?' || c == ';':
			glued := c == '.' && i > 0 && i+1 < len(text) && isUpper(text[i+1]) && text[i-1] >= 'a' && text[i-1] <= 'z'
			if i+1 < len(text) && text[i+1] != ' ' && text[i+1] != '\n' && !glued {
				continue
			}
			if c == '.' && abbreviation(text[:i]) {
				continue
			}
			out = append(out, cut{end: i + 1, sentence: c != ';'})
		case c == ',' || c == ':':
			if i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\n') {
				out = append(out, cut{end: i + 1})
			}
		case c == ' ' && i > 0:
			rest := text[i+1:]
			if strings.HasPrefix(rest, "– ") || strings.HasPrefix(rest, "— ") || strings.HasPrefix(rest, "- ") ||
				strings.HasPrefix(rest, "(") || clauseStarts[strings.ToLower(leadingWord(rest))] {
				out = append(out, cut{end: i})
			}
		}
	}
	if n := len(out); n == 0 || out[n-1].end < len(strings.TrimRight(text, " ")) {
		out = append(out, cut{end: len(text), sentence: true})
	}
	// Two cuts that show the same text ("(both), but": a comma and a
	// conjunction) are one.
	kept := out[:0]
	for _, c := range out {
		if n := len(kept); n > 0 && trimmedEnd(text, kept[n-1].end) == trimmedEnd(text, c.end) {
			kept[n-1] = c
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

// trimmedEnd is where text[:end] ends without its trailing spaces and
// clause punctuation.
func trimmedEnd(text string, end int) int {
	return len(strings.TrimRight(text[:end], " ,:;–—-"))
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// leadingWord is the letters text starts with.
func leadingWord(text string) string {
	i := strings.IndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return text
	}
	return text[:i]
}

// abbreviation reports whether the text before a full stop ends with an
// abbreviation or a single letter (an initial).
func abbreviation(before string) bool {
	i := strings.LastIndexAny(before, " (\n")
	w := strings.ToLower(before[i+1:])
	return abbreviations[w] || utf8.RuneCountInString(w) == 1 && w != "" && unicode.IsLetter([]rune(w)[0])
}

// clauseText is what shows of text cut at c: the text up to the cut, its
// trailing comma, colon or dash dropped, and an ellipsis when a clause (not
// a sentence) was cut off.
func clauseText(text string, c cut) string {
	if c.end >= len(text) {
		return strings.TrimSpace(text)
	}
	s := strings.TrimRight(text[:c.end], " ")
	if c.sentence {
		return s
	}
	return strings.TrimRight(s, ",:;–—- ") + "…"
}

// shortenAt returns the longest start of text, cut at a sentence or a
// clause, for which fits holds; the whole text when it fits. ok is false
// when not even the first clause fits.
func shortenAt(text string, fits func(string) bool) (string, bool) {
	text = strings.TrimSpace(text)
	if text == "" || fits(text) {
		return text, text != ""
	}
	cs := cuts(text)
	// Binary search: a longer start takes at least as many lines.
	lo, hi := 0, len(cs)-1 // the answer is in cs[:hi]; cs[hi] (the whole) does not fit
	best := -1
	for lo < hi {
		mid := (lo + hi) / 2
		if fits(clauseText(text, cs[mid])) {
			best, lo = mid, mid+1
		} else {
			hi = mid
		}
	}
	if best < 0 {
		return "", false
	}
	return clauseText(text, cs[best]), true
}

// firstClause is text cut at its first cut.
func firstClause(text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	return clauseText(text, cuts(text)[0])
}
