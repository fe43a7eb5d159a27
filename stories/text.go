package stories

import (
	"strconv"
	"strings"
)

// BlockKind says how a block of Markdown-lite text is laid out.
type BlockKind int

const (
	Para   BlockKind = iota // a paragraph
	Bullet                  // a "- " list item
	Number                  // a "1. " list item
)

// Block is a paragraph or list item of a text field.
type Block struct {
	Kind   BlockKind
	Marker string // "1." for numbered items, as written
	Text   string // the text without its marker; may hold **bold**
}

// Blocks splits Markdown-lite text into paragraphs and list items. Lines
// of a paragraph are kept as separate blocks: story notes are written a
// thought per line, and joining them would run thoughts together.
func Blocks(text string) []Block {
	var out []Block
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		switch {
		case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "• "):
			_, rest, _ := strings.Cut(t, " ")
			out = append(out, Block{Kind: Bullet, Text: strings.TrimSpace(rest)})
		case numberMarker(t) > 0:
			n := numberMarker(t)
			out = append(out, Block{Kind: Number, Marker: t[:n], Text: strings.TrimSpace(t[n:])})
		default:
			out = append(out, Block{Kind: Para, Text: t})
		}
	}
	return out
}

// numberMarker returns the length of a leading "12." or "12)" marker, or 0.
func numberMarker(t string) int {
	i := 0
	for i < len(t) && i < 3 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 || i >= len(t) || (t[i] != '.' && t[i] != ')') {
		return 0
	}
	if i+1 < len(t) && t[i+1] >= '0' && t[i+1] <= '9' {
		return 0 // 1.5 is a number, not a list item
	}
	return i + 1
}

// Span is a run of inline text, bold or not.
type Span struct {
	Text string
	Bold bool
}

// Spans splits text at **bold** markers. An unpaired marker is kept as text.
func Spans(text string) []Span {
	var out []Span
	bold := false
	for {
		i := strings.Index(text, "**")
		if i < 0 || (!bold && !strings.Contains(text[i+2:], "**")) {
			break
		}
		if i > 0 {
			out = append(out, Span{Text: text[:i], Bold: bold})
		}
		bold = !bold
		text = text[i+2:]
	}
	if text != "" {
		out = append(out, Span{Text: text, Bold: bold})
	}
	return out
}

// Plain strips **bold** markers from text.
func Plain(text string) string {
	var b strings.Builder
	for _, s := range Spans(text) {
		b.WriteString(s.Text)
	}
	return b.String()
}

// Count says how many of a thing: "1 story", "2 stories".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
