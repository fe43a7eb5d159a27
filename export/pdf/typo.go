package pdf

import (
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// smart returns text with the punctuation a typesetter would use for what
// was typed in plain ASCII: curly quotes and apostrophes for straight ones
// (“…”, ‘…’, don’t), an en dash for a spaced hyphen or a double hyphen
// between spaces, an em dash for a triple hyphen or a double hyphen between
// words, an en dash between the two numbers of a range (2019–2020,
// 10–20%), and an ellipsis for three full stops. Code is left as written:
// `backtick` spans, URLs and paths, ids and names with a dot, underscore
// or slash inside (stream-joins.conflict, snake_case, pkg.Func), and
// command-line flags (--force). Hyphens inside words stay hyphens.
func smart(text string) string {
	if !strings.ContainsAny(text, "\"'-.") {
		return text
	}
	keep := codeRanges(text)
	var b strings.Builder
	b.Grow(len(text) + 8)
	changed := false
	for i := 0; i < len(text); {
		if len(keep) > 0 && i >= keep[0][0] {
			end := keep[0][1]
			b.WriteString(text[i:end])
			i, keep = end, keep[1:]
			continue
		}
		out, n := smartAt(text, i)
		if out == "" {
			b.WriteByte(text[i])
			i++
			continue
		}
		b.WriteString(out)
		i += n
		changed = true
	}
	if !changed {
		return text
	}
	return b.String()
}

// smartAt returns the replacement for the punctuation at text[i] and how
// many bytes it replaces, or "" when it stays.
func smartAt(text string, i int) (string, int) {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if i == 0 {
		prev = ' '
	}
	switch text[i] {
	case '"':
		if opens(prev) {
			return "“", 1
		}
		return "”", 1
	case '\'':
		next, _ := utf8.DecodeRuneInString(text[i+1:])
		if opens(prev) && !unicode.IsDigit(next) {
			return "‘", 1
		}
		return "’", 1
	case '.':
		if strings.HasPrefix(text[i:], "...") {
			return "…", 3
		}
	case '-':
		return dash(text, i, prev)
	}
	return "", 0
}

// opens reports whether a quote after r opens a quotation.
func opens(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("([{“‘–—-/", r)
}

// dash returns the dash for the hyphens at text[i].
func dash(text string, i int, prev rune) (string, int) {
	n := 1
	for i+n < len(text) && text[i+n] == '-' {
		n++
	}
	next, _ := utf8.DecodeRuneInString(text[i+n:])
	if i+n == len(text) {
		next = ' '
	}
	spacedBefore, spacedAfter := unicode.IsSpace(prev) || i == 0, unicode.IsSpace(next)
	switch {
	case n >= 3:
		return "—", n
	case n == 2 && spacedBefore && spacedAfter, n == 1 && spacedBefore && spacedAfter && i > 0:
		return "–", n
	case n == 2 && unicode.IsLetter(prev) && unicode.IsLetter(next):
		return "—", n
	case n == 1 && numberRange(text, i):
		return "–", 1
	}
	// A hyphen (or a flag's "--") stays as written: U+002D is drawn with
	// the face's hyphen glyph.
	return text[i : i+n], n
}

// numberRange reports whether the hyphen at text[i] joins the two numbers
// of a range, as in 2019-2020 or 10-20%: digits on both sides, and no
// other hyphen in the same run of digits (a date such as 2026-12-03 or a
// phone number is not a range).
func numberRange(text string, i int) bool {
	if i == 0 || i+1 >= len(text) || !isASCIIDigit(text[i-1]) || !isASCIIDigit(text[i+1]) {
		return false
	}
	start := i - 1
	for start > 0 && (isASCIIDigit(text[start-1]) || text[start-1] == '.' || text[start-1] == ',') {
		start--
	}
	end := i + 1
	for end < len(text) && (isASCIIDigit(text[end]) || text[end] == '.' && end+1 < len(text) && isASCIIDigit(text[end+1])) {
		end++
	}
	if start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:start]); unicode.IsLetter(r) || r == '-' || r == '_' {
			return false
		}
	}
	if end < len(text) && text[end] == '-' {
		return false
	}
	// A year and a month (2021-04) is a date, not a range.
	if i-start == 4 && end-i-1 == 2 && text[i+1:end] <= "12" {
		return false
	}
	return true
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

// codeRanges returns the byte ranges of text to leave as written, in
// order: `code` spans and words that read as code.
func codeRanges(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		if text[i] == '`' {
			if j := strings.IndexByte(text[i+1:], '`'); j >= 0 {
				out = append(out, [2]int{i, i + j + 2})
				i += j + 2
				continue
			}
		}
		if text[i] == ' ' || text[i] == '\n' || text[i] == '\t' {
			i++
			continue
		}
		end := i
		for end < len(text) && text[end] != ' ' && text[end] != '\n' && text[end] != '\t' && text[end] != '`' {
			end++
		}
		if s, e := codeWord(text, i, end); s < e {
			out = append(out, [2]int{s, e})
		}
		i = max(end, i+1)
	}
	return out
}

// codeWord returns the part of the word text[start:end] that reads as
// code (a URL, a path, an id, a flag), without the quotes and brackets
// around it; start == end when the word is prose.
func codeWord(text string, start, end int) (int, int) {
	s, e := start, end
	for s < e && strings.IndexByte("\"'([{", text[s]) >= 0 {
		s++
	}
	for e > s && strings.IndexByte("\"'.,;:!?)]}", text[e-1]) >= 0 {
		e--
	}
	w := text[s:e]
	switch {
	case w == "":
		return start, start
	case strings.Contains(w, "://"), strings.HasPrefix(w, "--") && len(w) > 2 && isLetterByte(w[2]):
		return s, e
	}
	for k := 1; k+1 < len(w); k++ {
		if strings.IndexByte("._/\\", w[k]) >= 0 && isWordByte(w[k-1]) && isWordByte(w[k+1]) {
			if w[k] == '.' && isASCIIDigit(w[k-1]) && isASCIIDigit(w[k+1]) {
				continue // a decimal number
			}
			return s, e
		}
	}
	return start, start
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isWordByte(c byte) bool { return isLetterByte(c) || isASCIIDigit(c) || c == '_' || c == '-' }

// isoDateRE finds the dates starpack writes (YYYY-MM-DD, maybe with a time
// of day) in the lines it makes: the interview date, the rounds, the
// rehearsals, coach feedback.
var isoDateRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?\b`) })

// dateFormat is the one date format of the documents: "Thu 3 Dec 2026".
const dateFormat = "Mon 2 Jan 2006"

// day formats a date as the documents show it.
func day(t time.Time) string { return t.Format(dateFormat) }

// dates rewrites the ISO dates of a line starpack made into the documents'
// date format: "2026-12-03 10:00" becomes "Thu 3 Dec 2026, 10:00". Text
// that is not a valid date is left as it is.
func dates(s string) string {
	if !strings.Contains(s, "-") {
		return s
	}
	return isoDateRE().ReplaceAllStringFunc(s, func(m string) string {
		sub := isoDateRE().FindStringSubmatch(m)
		t, err := time.Parse("2006-01-02", sub[1])
		if err != nil {
			return m
		}
		if sub[2] != "" {
			return day(t) + ", " + sub[2]
		}
		return day(t)
	})
}
