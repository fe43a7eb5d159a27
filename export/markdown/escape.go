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
// addresses in angle brackets (a link on GitHub and in Obsidian).
func escapeInline(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = htmlStart().ReplaceAllString(s, `\<$1`)
	}
	if strings.Contains(s, "://") {
		s = bareURL().ReplaceAllString(s, "<$0>")
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

// rule matches a line CommonMark reads as a thematic break.
var rule = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})$`)
})

// escapeStart keeps a line of text from starting a block it is not: a
// heading ("# "), a quote (">"), a list item ("+ ", "* ", "- "), a rule
// ("---").
func escapeStart(s string) string {
	switch {
	case s == "":
		return s
	case rule().MatchString(s):
		return `\` + s
	case strings.HasPrefix(s, "#"), strings.HasPrefix(s, ">"), strings.HasPrefix(s, "+ "), strings.HasPrefix(s, "- "),
		strings.HasPrefix(s, "* "), strings.HasPrefix(s, "=") && strings.Trim(s, "= ") == "":
		return `\` + s
	}
	return s
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
