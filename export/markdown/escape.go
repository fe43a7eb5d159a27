package markdown

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/starpack/starpack/stories"
)

// htmlStart finds a "<" that CommonMark could read as the start of HTML
// or an autolink: before a letter, "/", "!" or "?".
var htmlStart = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<([A-Za-z/!?])`) })

// bareURL finds a web address written out, which Markdown linters want
// in angle brackets; a closing punctuation mark stays outside.
var bareURL = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\bhttps?://[^\s<>]*[^\s<>.,;:!?'")\]]`) })

// bareEmail finds an email address written out.
var bareEmail = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b`) })

// escapeInline keeps text from reading as HTML and puts web and email
// addresses in angle brackets (a link on GitHub and in Obsidian), outside
// code spans, which show their text as it is.
func escapeInline(s string) string {
	if strings.IndexByte(s, '`') < 0 {
		return escapePlain(s)
	}
	parts := strings.Split(s, "`")
	for i := range parts {
		// Even parts are outside code; so is the last part after a
		// backtick that no other closes.
		if i%2 == 0 || i == len(parts)-1 {
			parts[i] = escapePlain(parts[i])
		}
	}
	return strings.Join(parts, "`")
}

// escapePlain is escapeInline for text without code spans.
func escapePlain(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = htmlStart().ReplaceAllString(s, `\<$1`)
	}
	if strings.Contains(s, "://") {
		s = bracketURLs(s)
	}
	if strings.IndexByte(s, '@') >= 0 {
		s = bareEmail().ReplaceAllStringFunc(s, func(m string) string {
			if strings.Contains(s, "://"+m) || strings.Contains(s, "<"+m+">") {
				return m // in a web address, or a link already
			}
			return "<" + m + ">"
		})
	}
	return s
}

// bracketURLs puts the web addresses of s in angle brackets. An address
// keeps a closing parenthesis that closes one of its own
// (https://en.wikipedia.org/wiki/Go_(programming_language)).
func bracketURLs(s string) string {
	var b strings.Builder
	at := 0
	for _, m := range bareURL().FindAllStringIndex(s, -1) {
		end := m[1]
		for end < len(s) && s[end] == ')' && strings.Count(s[m[0]:end], "(") > strings.Count(s[m[0]:end], ")") {
			end++
		}
		if m[0] < at {
			continue
		}
		b.WriteString(s[at:m[0]])
		b.WriteString("<" + s[m[0]:end] + ">")
		at = end
	}
	b.WriteString(s[at:])
	return b.String()
}

// rule matches a line CommonMark reads as a thematic break.
var rule = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})$`)
})

// escapeStart keeps a line of text from starting a block it is not: a
// heading ("# "), a quote (">"), a list item ("+ ", "* ", "- ", "-",
// "2019. "), a rule ("---"), a code fence ("```", "~~~"), a link
// reference definition ("[1]: ...").
func escapeStart(s string) string {
	switch {
	case s == "":
		return s
	case rule().MatchString(s):
		return `\` + s
	case strings.HasPrefix(s, "#"), strings.HasPrefix(s, ">"), strings.HasPrefix(s, "+ "), strings.HasPrefix(s, "- "),
		strings.HasPrefix(s, "* "), strings.HasPrefix(s, "=") && strings.Trim(s, "= ") == "",
		s == "-", s == "+", s == "*", strings.HasPrefix(s, "```"), strings.HasPrefix(s, "~~~"), linkLabel(s):
		return `\` + s
	}
	if n := orderedMarker(s); n > 0 {
		return s[:n-1] + `\` + s[n-1:] // 2019\. we shipped
	}
	return s
}

// orderedMarker returns the length of the ordered list marker s starts
// with (1 to 9 digits, then "." or ")", then a space or the end), or 0.
func orderedMarker(s string) int {
	i := 0
	for i < len(s) && i < 10 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 9 || i == len(s) || s[i] != '.' && s[i] != ')' {
		return 0
	}
	if i+1 < len(s) && s[i+1] != ' ' && s[i+1] != '\t' {
		return 0
	}
	return i + 1
}

// linkLabel reports whether s starts as a link reference definition:
// "[label]:".
func linkLabel(s string) bool {
	if !strings.HasPrefix(s, "[") {
		return false
	}
	end := strings.Index(s, "]:")
	return end > 1 && !strings.Contains(s[1:end], "]")
}

// boldFigures puts the figures of s in bold (stories.Figures: money,
// percentages, durations, quantities; not list or step numbers, nor
// years), as the brief shows them, outside text already bold, code and web
// addresses. A figure is left
// as it is where the bold markers would not read as such: a figure that
// starts or ends with punctuation hard against a letter.
func boldFigures(s string) string {
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	var b strings.Builder
	for _, sp := range stories.Spans(s) {
		if sp.Bold {
			b.WriteString("**" + sp.Text + "**")
			continue
		}
		// Outside code spans: the even parts between backticks.
		for i, part := range strings.Split(sp.Text, "`") {
			if i > 0 {
				b.WriteByte('`')
			}
			if i%2 == 1 {
				b.WriteString(part)
				continue
			}
			b.WriteString(boldPlain(part))
		}
	}
	return b.String()
}

// boldPlain bolds the figures of plain text, but in web addresses.
func boldPlain(s string) string {
	var urls [][]int
	if strings.Contains(s, "://") {
		urls = bareURL().FindAllStringIndex(s, -1)
	}
	inURL := func(start, end int) bool {
		for _, u := range urls {
			if start < u[1] && end > u[0] {
				return true
			}
		}
		return false
	}
	var b strings.Builder
	at := 0
	for _, f := range stories.Figures(s) {
		if f.Kind == stories.Date || !strongOK(s, f.Start, f.End) || inURL(f.Start, f.End) {
			continue
		}
		b.WriteString(s[at:f.Start])
		b.WriteString("**" + s[f.Start:f.End] + "**")
		at = f.End
	}
	b.WriteString(s[at:])
	return b.String()
}

// strongOK reports whether "**" around s[start:end] would make it strong
// emphasis in CommonMark: the opening run left-flanking, the closing run
// right-flanking, and no other "*" touching them.
func strongOK(s string, start, end int) bool {
	if start >= end {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s[start:])
	last, _ := utf8.DecodeLastRuneInString(s[:end])
	before, after := ' ', ' '
	if start > 0 {
		before, _ = utf8.DecodeLastRuneInString(s[:start])
	}
	if end < len(s) {
		after, _ = utf8.DecodeRuneInString(s[end:])
	}
	switch {
	case unicode.IsSpace(first) || unicode.IsSpace(last) || before == '*' || after == '*' || first == '*' || last == '*':
		return false
	case punct(first) && !unicode.IsSpace(before) && !punct(before):
		return false
	case punct(last) && !unicode.IsSpace(after) && !punct(after):
		return false
	}
	return true
}

// punct is CommonMark's punctuation: ASCII punctuation and Unicode
// punctuation and symbols.
func punct(r rune) bool {
	if r < utf8.RuneSelf {
		return strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r)
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}
