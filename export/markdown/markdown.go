// Package markdown renders a packet as Markdown notes (notes.md) from a
// text/template, so that a user can change the layout without touching Go.
// The built-in template writes CommonMark that reads the same on GitHub and
// in Obsidian: story text keeps its paragraphs and lists, figures in bold
// as in the brief, and nothing a story says can become a heading, a rule or
// HTML by accident.
package markdown

import (
	"fmt"
	"io"
	"io/fs"
	"strings"
	"text/template"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/lint"
	"github.com/starpack/starpack/stories/loop"
	"github.com/starpack/starpack/stories/tailor"
	"github.com/starpack/starpack/templates"
)

// Funcs are the functions notes templates may call.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"yaml":  yamlScalar,
		"cell":  cell,
		"quote": quote,
		// quoteLines continues a block quote: the lines of s after "> ".
		"quoteLines": func(s string) string { return strings.TrimPrefix(quote(s), "> ") },
		"md":         text,
		"field":      field,
		"inline":     inline,
		"heading":    heading,
		"figures":    func(s string) string { return escapeStart(escapeInline(boldFigures(collapse(s)))) },
		// minutes is the story's time at the default speaking rate, for
		// templates written before the packet's own model: use $.Time.
		"minutes": func(s *stories.Story) string { return stories.DefaultSpeech().Clock(s) },
		"inc":     func(i int) int { return i + 1 },
		"keywordGaps": func(gaps []tailor.Gap) []string {
			var out []string
			for _, g := range gaps {
				if g.Keyword != "" {
					out = append(out, g.Keyword)
				}
			}
			return out
		},
		"feedback": func(m map[string]stories.Feedback, id string) *stories.Feedback {
			if f, ok := m[id]; ok {
				return &f
			}
			return nil
		},
		"evidence": evidence,
		"loopLine": func(l *export.Loop, id string) string { return l.Line(id) },
		"toldLine": func(t loop.Telling) string {
			return strings.TrimPrefix(export.TellingLine([]loop.Telling{t}), "told in ")
		},
		"cue": func(b *stories.Bank, id string) string {
			if s := b.Story(id); s != nil {
				return stories.Heading(s)
			}
			return id
		},
		// cueOf, words, clock, fit and advice are a story's Cue and Words
		// and the packet's Time, Fit and Advice of it; Render binds them to
		// the packet and makes them work each out once per story.
		"cueOf":  func(s *stories.Story) string { return stories.Heading(s) },
		"words":  func(s *stories.Story) int { return s.Words() },
		"clock":  func(s *stories.Story) string { return stories.DefaultSpeech().Clock(s) },
		"fit":    func(s *stories.Story, q *stories.Question) stories.Fit { return stories.DefaultSpeech().Fit(s, q) },
		"advice": func(s *stories.Story, q *stories.Question) string { return "" },
		"join":   strings.Join,
		"trim":   strings.TrimSpace,
		"date":   func(t time.Time) string { return t.Format("2006-01-02") },
		"picks": func(sel *tailor.Selection) int {
			n := 0
			for _, a := range sel.Answers {
				n += len(a.Picks)
			}
			return n
		},
	}
}

// Load returns the notes template set, with the user's folder (nil for
// none) laid over the built-in templates.
func Load(user fs.FS, display string) (*template.Template, error) {
	return templates.Load(user, display, Funcs())
}

// Render writes the packet as notes.md using t (from Load). t is not
// changed: packets may render at once.
func Render(w io.Writer, p *export.Packet, t *template.Template) error {
	t, err := t.Clone()
	if err != nil {
		return err
	}
	m := &memo{p: p, cues: map[*stories.Story]string{}, words: map[*stories.Story]int{}}
	t.Funcs(template.FuncMap{"cueOf": m.cue, "clock": m.clock, "words": m.count, "fit": m.fit, "advice": m.advice})
	if err := t.ExecuteTemplate(w, templates.Notes, p); err != nil {
		return templates.ExecError("templates", err)
	}
	return nil
}

// memo is what Render works out once per story: its cue (derived from the
// text when it has no title, which takes a while) and its words (the
// speaking time, its fit in a window and the advice all count them).
type memo struct {
	p     *export.Packet
	cues  map[*stories.Story]string
	words map[*stories.Story]int
}

func (m *memo) cue(s *stories.Story) string {
	c, ok := m.cues[s]
	if !ok {
		c = m.p.Cue(s)
		m.cues[s] = c
	}
	return c
}

func (m *memo) count(s *stories.Story) int {
	n, ok := m.words[s]
	if !ok {
		n = s.Words()
		m.words[s] = n
	}
	return n
}

// clock is the packet's Time: the story's time, m:ss.
func (m *memo) clock(s *stories.Story) string { return stories.Clock(m.p.Speech.Duration(m.count(s))) }

// fit is the packet's Fit.
func (m *memo) fit(s *stories.Story, q *stories.Question) stories.Fit {
	return m.p.Speech.FitWords(m.count(s), stories.KindOf(q, s))
}

// advice is the packet's Advice.
func (m *memo) advice(s *stories.Story, q *stories.Question) string {
	f := m.fit(s, q)
	if f.Inside() {
		return ""
	}
	return lint.LengthAdvice(s, f, m.p.Speech)
}

// evidence says in one table cell how the stories meet a requirement:
// each story's cue, id and the words that matched, what no story says, or
// the gap and the story to bridge from.
func evidence(r tailor.Requirement) string {
	var parts []string
	for _, e := range r.Evidence {
		parts = append(parts, fmt.Sprintf("%s (`%s`: %s)", inline(stories.Heading(e.Story)), e.Story.ID, inline(strings.Join(e.Words, ", "))))
	}
	out := strings.Join(parts, "; ")
	if r.Gap() {
		out = "**gap**: no story says " + inline(strings.Join(r.Terms, ", "))
		if b := r.Bridge; b != nil {
			words := strings.Join(b.Words, ", ")
			if len(b.Project) > 0 {
				words = "its project says " + strings.Join(b.Project, ", ")
			}
			out += fmt.Sprintf("; bridge from %s (`%s`: %s)", inline(stories.Heading(b.Story)), b.Story.ID, inline(words))
		}
	} else if len(r.Missing) > 0 {
		out += "; not yet said: " + inline(strings.Join(r.Missing, ", "))
	}
	return strings.ReplaceAll(out, "|", `\|`)
}

// yamlScalar quotes s as a YAML scalar for front matter.
func yamlScalar(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		return `""`
	}
	return strings.TrimSuffix(string(out), "\n")
}

// cell makes s safe inside a Markdown table cell.
func cell(s string) string {
	return strings.ReplaceAll(inline(s), "|", `\|`)
}

// quote renders s as a Markdown block quote: each line of s a paragraph
// of the quote (as text makes each line a paragraph: a line break inside
// a paragraph would read as a space), paragraphs apart by a bare ">".
func quote(s string) string {
	var out []string
	for l := range strings.SplitSeq(strings.TrimSpace(s), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, "> "+escapeStart(escapeInline(collapse(l))))
		}
	}
	return strings.Join(out, "\n>\n")
}

// field renders a story field under its label: "**Situation:** ..." with
// the first paragraph, then the rest of the text as text renders it.
func field(label, s string) string {
	body := text(s)
	if body == "" || strings.HasPrefix(body, "- ") || startsNumber(body) {
		return "**" + label + ":**\n\n" + body
	}
	return "**" + label + ":** " + body
}

// startsNumber reports whether s starts with a numbered list item.
func startsNumber(s string) bool {
	for _, b := range stories.Blocks(strings.SplitN(s, "\n", 2)[0]) {
		return b.Kind == stories.Number
	}
	return false
}

// text renders a Markdown-lite field so that it reads the same on GitHub
// and in Obsidian: each line of a paragraph stays its own paragraph (notes
// are written a thought per line), list items stay lists, figures are bold.
func text(s string) string {
	var b strings.Builder
	prev := stories.Para
	for i, bl := range stories.Blocks(s) {
		if i > 0 {
			if bl.Kind == stories.Para || bl.Kind != prev {
				b.WriteString("\n\n")
			} else {
				b.WriteString("\n")
			}
		}
		t := escapeInline(boldFigures(collapse(bl.Text)))
		switch bl.Kind {
		case stories.Bullet:
			b.WriteString("- " + escapeStart(t))
		case stories.Number:
			b.WriteString(bl.Marker + " " + escapeStart(t))
		default:
			b.WriteString(escapeStart(t))
		}
		prev = bl.Kind
	}
	return b.String()
}

// inline makes s one line of Markdown text: its spaces and line breaks
// collapsed, and nothing in it read as HTML, a heading or a quote.
func inline(s string) string { return escapeStart(escapeInline(collapse(s))) }

// heading is inline for a heading, without the closing punctuation
// Markdown linters object to ("." and ":"; a question mark stays).
func heading(s string) string {
	return strings.TrimRight(inline(s), ".,;:!。，；：！ ")
}

// collapse joins s's words by single spaces.
func collapse(s string) string {
	if !needsCollapse(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// needsCollapse reports whether s has space other than single blanks
// between words (most text has none).
func needsCollapse(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return true
			}
		case c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c >= utf8.RuneSelf:
			return true
		}
	}
	return false
}
