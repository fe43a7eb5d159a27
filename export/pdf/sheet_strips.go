package pdf

import (
	"regexp"
	"slices"
	"strings"

	"github.com/starpack/starpack/stories"
)

// stripSize is the type size of the strips above and below the cards.
const stripSize = 7.5

// pitch draws the top strip: the "tell me about yourself" pitch as three
// bullets side by side, and returns where the cards start.
func (s *sheet) pitch(top float64) float64 {
	d := s.d
	m := d.margin
	w := d.pageW - 2*m
	d.source = "candidate"
	defer func() { d.source = "" }()
	bullets := pitchBullets(s.p.Candidate.Pitch)
	lead := cardLead(stripSize)
	d.text(m, top+2.6, "TELL ME ABOUT YOURSELF", bold, 6.2, d.accent, 0, 'L')
	if len(bullets) == 0 {
		d.text(m+38, top+2.6, "add your pitch under candidate: pitch: in starpack.yaml", italic, stripSize, muted, w-38, 'L')
		return top + 5
	}
	gap := 4.0
	colW := (w - 2*gap) / 3
	y0 := top + 4
	rows := 0
	for i, bl := range bullets {
		x := m + float64(i)*(colW+gap)
		text, ok := shortenAt(bl, func(t string) bool { return len(d.wrap(rich(t, regular), stripSize, colW-3)) <= 3 })
		if !ok {
			text = firstClause(bl)
		}
		ls := d.limit(d.wrap(rich(text, regular), stripSize, colW-3), 3, stripSize, colW-3)
		for j, ln := range ls {
			base := baselineIn(y0+float64(j)*lead, lead, stripSize)
			if j == 0 {
				d.text(x, base, "•", bold, stripSize, d.accent, 0, 'L')
			}
			d.setColor(ink)
			d.drawLine(ln, x+3, base, stripSize)
		}
		rows = max(rows, len(ls))
	}
	return y0 + float64(rows)*lead + 0.5
}

// pitchBullets cuts a pitch into three bullets: its list items, else its
// sentences (grouped when there are more than three), else its clauses.
func pitchBullets(pitch string) []string {
	pitch = strings.TrimSpace(stories.Plain(pitch))
	if pitch == "" {
		return nil
	}
	var parts []string
	for _, b := range stories.Blocks(pitch) {
		parts = append(parts, strings.Join(strings.Fields(b.Text), " "))
	}
	if len(parts) < 3 {
		parts = splitParts(strings.Join(parts, " "))
	}
	for len(parts) > 3 {
		// Join the shortest neighbouring pair.
		best := 0
		for i := 1; i+1 < len(parts); i++ {
			if len(parts[i])+len(parts[i+1]) < len(parts[best])+len(parts[best+1]) {
				best = i
			}
		}
		parts = append(parts[:best], append([]string{parts[best] + " " + parts[best+1]}, parts[best+2:]...)...)
	}
	for i, p := range parts {
		p = strings.TrimSpace(strings.TrimRight(p, ",;: "))
		for _, c := range []string{"and ", "but ", "so ", "then "} {
			p = strings.TrimPrefix(p, c)
		}
		parts[i] = capitalise(p)
	}
	return parts
}

// splitParts splits text into sentences, and further at colons,
// semicolons and " and " between long enough halves, until there are three
// parts or nothing is left to split.
func splitParts(text string) []string {
	var parts []string
	start := 0
	for _, c := range cuts(text) {
		if c.sentence || strings.HasSuffix(strings.TrimSpace(text[start:c.end]), ":") || strings.HasSuffix(strings.TrimSpace(text[start:c.end]), ";") {
			parts = append(parts, strings.TrimSpace(text[start:c.end]))
			start = c.end
		}
	}
	for len(parts) < 3 {
		i := longest(parts)
		a, b, ok := splitAnd(parts[i])
		if !ok {
			break
		}
		parts = append(parts[:i], append([]string{a, b}, parts[i+1:]...)...)
	}
	return parts
}

func longest(parts []string) int {
	best := 0
	for i, p := range parts {
		if len(p) > len(parts[best]) {
			best = i
		}
	}
	return best
}

// splitAnd splits a sentence at the " and " (or ", ") nearest its middle
// that leaves at least five words on each side.
func splitAnd(s string) (string, string, bool) {
	best, bestDist := -1, len(s)
	for _, sep := range []string{" and ", ", "} {
		for at := 0; ; {
			i := strings.Index(s[at:], sep)
			if i < 0 {
				break
			}
			i += at
			at = i + len(sep)
			if len(strings.Fields(s[:i])) < 5 || len(strings.Fields(s[at:])) < 5 {
				continue
			}
			if dist := abs(i - len(s)/2); dist < bestDist {
				best, bestDist = i, dist
			}
		}
		if best >= 0 {
			sepLen := len(sep)
			return s[:best], s[best+sepLen:], true
		}
	}
	return "", "", false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// strip draws the bottom strip above bot: the key numbers, questions to
// ask and keywords to weave in, side by side; it returns its top.
func (s *sheet) strip(bot float64) float64 {
	d := s.d
	m := d.margin
	w := d.pageW - 2*m
	type column struct {
		title   string
		items   [][]span
		sources []string // what each item comes from, for reports of what cannot be drawn; "role" past its end
		lines   int      // most lines per item
	}
	nums, numSources := s.keyNumbers()
	cols := []column{{title: "KEY NUMBERS", items: nums, sources: numSources, lines: 2}, {title: "QUESTIONS TO ASK", lines: 3}}
	askW := (d.pageW-2*m)/3 - 7
	for _, q := range s.p.AskList(3) {
		if short, ok := shortenAt(q, func(t string) bool { return len(d.wrap(plain(t, regular), stripSize, askW)) <= 3 }); ok {
			q = short
		}
		cols[1].items = append(cols[1].items, plain(q, regular))
	}
	if kw := s.keywords(); kw != "" {
		cols = append(cols, column{title: "WEAVE IN", items: [][]span{plain(kw, regular)}, lines: 5})
	}
	gap := 4.0
	colW := (w - float64(len(cols)-1)*gap) / float64(len(cols))
	lead := cardLead(stripSize)
	laid := make([][][]line, len(cols))
	rows := 0
	for i, c := range cols {
		n := 0
		for j, it := range c.items {
			d.source = "role"
			if j < len(c.sources) {
				d.source = c.sources[j]
			}
			ls := d.limit(d.wrap(it, stripSize, colW-3), c.lines, stripSize, colW-3)
			laid[i] = append(laid[i], ls)
			n += len(ls)
		}
		rows = max(rows, n)
	}
	top := bot - 4.5 - float64(rows)*lead
	d.rule(m, top-1, m+w, d.accent, 0.5)
	for i, c := range cols {
		x := m + float64(i)*(colW+gap)
		d.text(x, top+2.6, c.title, bold, 6.2, d.accent, colW, 'L')
		y := top + 4
		for _, ls := range laid[i] {
			for j, ln := range ls {
				base := baselineIn(y, lead, stripSize)
				if j == 0 && c.title != "WEAVE IN" {
					d.text(x, base, "•", bold, stripSize, d.accent, 0, 'L')
				}
				d.setColor(ink)
				d.drawLine(ln, x+3, base, stripSize)
				y += lead
			}
		}
	}
	d.source = ""
	return top - 1
}

// keyNumbers are the figures each question's story leads with, each with
// the story's heading: the numbers to have at the tip of the tongue.
func (s *sheet) keyNumbers() (out [][]span, sources []string) {
	seen := map[string]bool{}
	if s.p.Selection == nil {
		return nil, nil
	}
	for _, a := range s.p.Selection.Answers {
		if len(a.Picks) == 0 || len(out) == 5 {
			continue
		}
		st := a.Picks[0].Story
		fig, _, _ := leadWith(st)
		if fig == "" || seen[fig] {
			continue
		}
		seen[fig] = true
		sources = append(sources, "story "+st.ID)
		title := storyTitle(st)
		if as, ok := looseFind(title, fig); ok { // "<1%" in the title is the figure "< 1%"
			out = append(out, leadSpans(title, as))
			continue
		}
		sp := []span{{text: strings.ReplaceAll(smart(fig), " ", "\u00a0"), st: bold, accent: true}}
		out = append(out, append(sp, plain("  "+title, regular)...))
	}
	if len(out) == 0 {
		out = append(out, plain("none yet: give each Result a number", italic))
	}
	return out, sources
}

// keywords are the role's words to weave into the answers: the job
// description's keywords, else the role's focus.
func (s *sheet) keywords() string {
	kw := s.p.Keywords
	if len(kw) == 0 {
		kw = s.p.Focus
	}
	// Not the keywords no picked story mentions: saying them in an answer
	// would be a claim with no story behind it (the brief lists them as
	// gaps).
	if s.p.Selection != nil {
		gap := map[string]bool{}
		for _, g := range s.p.Selection.Gaps {
			if g.Keyword != "" {
				gap[g.Keyword] = true
			}
		}
		kw = slices.DeleteFunc(slices.Clone(kw), func(k string) bool { return gap[k] })
	}
	return strings.Join(kw[:min(10, len(kw))], " · ")
}

// looseFind finds fig in text however it is spaced there ("< 1%" in
// "cut to <1% of before") and returns it as text writes it.
func looseFind(text, fig string) (string, bool) {
	if strings.Contains(text, fig) {
		return fig, true
	}
	var b strings.Builder
	for _, r := range strings.ReplaceAll(fig, " ", "") {
		if b.Len() > 0 {
			b.WriteString(`\s*`)
		}
		b.WriteString(regexp.QuoteMeta(string(r)))
	}
	if b.Len() == 0 {
		return "", false
	}
	m := regexp.MustCompile(b.String()).FindString(text)
	return m, m != ""
}
