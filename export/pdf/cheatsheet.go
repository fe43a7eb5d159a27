package pdf

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/loop"
)

// Type sizes of the cheat sheet, in points: text shrinks from the largest
// to the smallest before anything is shortened.
const (
	sheetMaxSize = 10.5
	sheetMinSize = 6.0
	sheetStep    = 0.25
	cardPadX     = 2.6
	cardPadY     = 1.8
	cardGap      = 2.5
	minCardW     = 38.0
)

// CheatSheet writes the one-page cheat sheet of a packet: a card per
// question with the story cue, the key actions and the result's numbers.
// It is always exactly one page: text shrinks down to 6 pt, then cards are
// shortened with a visible ellipsis and a warning says so.
func CheatSheet(w io.Writer, p *export.Packet, opt Options) ([]string, error) {
	_, warnings, err := writeCheatSheet(w, p, opt)
	return warnings, err
}

func writeCheatSheet(w io.Writer, p *export.Packet, opt Options) (*doc, []string, error) {
	d, err := newDoc(p, opt, "cheat sheet")
	if err != nil {
		return nil, nil, err
	}
	s := &sheet{d: d, p: p}
	s.layout()
	warnings, err := d.finish(w)
	return d, warnings, err
}

type sheet struct {
	d *doc
	p *export.Packet
}

// card is what one question's card says.
type card struct {
	source   string // for warnings
	num      int
	question string
	cue      string
	project  string
	actions  []string
	result   string
	more     int    // other stories for the question not shown
	told     string // the mark of a story told to this company already
	none     bool   // no story answers the question
	overflow bool   // the "+N more questions" card
}

// cardLine is one laid-out line of a card.
type cardLine struct {
	ln     line
	size   float64
	color  rgb
	indent float64
	marker string
	gap    float64 // space above the line
}

func (l cardLine) height() float64 { return l.gap + cardLead(l.size) }

// cardLead is the tighter leading of the cards, in millimetres.
func cardLead(size float64) float64 { return size * 1.2 / ptPerMM }

func (s *sheet) cards() []card {
	var out []card
	if s.p.Selection == nil {
		return out
	}
	for i, a := range s.p.Selection.Answers {
		c := card{num: i + 1, question: a.Question.Title, source: "question " + a.Question.ID}
		if len(a.Picks) == 0 {
			c.none = true
			out = append(out, c)
			continue
		}
		st := a.Picks[0].Story
		c.source = "story " + st.ID
		c.cue = stories.Plain(st.Cue())
		c.project = projectName(st)
		for _, a := range keyActions(st, 4) {
			// A story without a title takes its cue from its first
			// sentence: do not say it twice.
			if strings.TrimSuffix(a, "…") != strings.TrimSuffix(c.cue, "…") && len(c.actions) < 3 {
				c.actions = append(c.actions, a)
			}
		}
		c.result = resultLine(st)
		c.told = toldMark(s.p.Loop.Story(st.ID).Told)
		c.more = len(a.Picks) - 1
		out = append(out, c)
	}
	return out
}

// toldMark is a card's mark for a story told to the company already:
// "Told in round 1: tell it differently".
func toldMark(ts []loop.Telling) string {
	if len(ts) == 0 {
		return ""
	}
	var rounds []string
	for _, t := range ts {
		r := fmt.Sprintf("round %d", t.Round)
		if t.Role != "" {
			r = t.Role + " " + r
		}
		if !slices.Contains(rounds, r) {
			rounds = append(rounds, r)
		}
	}
	return "Told in " + strings.Join(rounds, ", ") + ": tell it differently"
}

// keyActions returns the first few list items or sentences of what the
// candidate did (the Action, or the notes of a story not told as STAR).
func keyActions(s *stories.Story, n int) []string {
	src := s.Action
	if strings.TrimSpace(src) == "" {
		src = s.Notes
	}
	if strings.TrimSpace(src) == "" {
		src = s.Task
	}
	blocks := stories.Blocks(src)
	var items, sentences []string
	for _, b := range blocks {
		t := stories.Plain(b.Text)
		if b.Kind != stories.Para {
			items = append(items, t)
		}
		sentences = append(sentences, splitSentences(t)...)
	}
	pick := sentences
	if len(items) >= 2 {
		pick = items
	}
	if len(pick) > n {
		pick = pick[:n]
	}
	out := make([]string, len(pick))
	for i, t := range pick {
		out[i] = stories.Shorten(t, 120)
	}
	return out
}

// splitSentences cuts text into sentences.
func splitSentences(t string) []string {
	var out []string
	for t = strings.TrimSpace(t); t != ""; {
		s := stories.FirstSentence(t)
		if s == "" {
			break
		}
		out = append(out, s)
		t = strings.TrimSpace(t[min(len(s), len(t)):])
	}
	return out
}

// resultLine is the first sentence of the result, followed by any figures
// the rest of the result holds.
func resultLine(s *stories.Story) string {
	res := strings.TrimSpace(stories.Plain(s.Result))
	if res == "" {
		return ""
	}
	res = strings.Join(strings.Fields(res), " ")
	first := stories.FirstSentence(res)
	line := stories.Shorten(first, 130)
	var extra []string
	for _, sp := range figures(strings.TrimSpace(res[len(first):]), regular) {
		if sp.st == bold && !strings.Contains(line, sp.text) {
			extra = append(extra, strings.ReplaceAll(strings.TrimSpace(sp.text), "\u00a0", " "))
		}
	}
	if len(extra) > 0 {
		line += " (" + strings.Join(extra, ", ") + ")"
	}
	return line
}

// details are how much of a card is kept, from everything (0) to one line
// per part (4).
var details = []struct{ title, cue, actions, actionLines, result int }{
	{99, 99, 3, 99, 99},
	{2, 3, 3, 2, 3},
	{2, 2, 2, 2, 2},
	{1, 1, 2, 1, 1},
	{1, 1, 1, 1, 1},
}

// lay lays a card out at a type size and detail level for an inner width.
func (s *sheet) lay(c card, size, w float64, detail int) []cardLine {
	d := s.d
	lv := details[detail]
	d.source = c.source
	var out []cardLine
	add := func(spans []span, sz float64, col rgb, indent float64, marker string, gap float64, maxLines int) {
		ls := d.wrap(spans, sz, w-indent)
		if len(ls) > maxLines {
			ls = ls[:maxLines]
			ls[maxLines-1] = d.ellipsize(ls[maxLines-1], sz, w-indent-0.5)
		}
		for i, ln := range ls {
			cl := cardLine{ln: ln, size: sz, color: col, indent: indent}
			if i == 0 {
				cl.marker, cl.gap = marker, gap
			}
			out = append(out, cl)
		}
	}
	if c.overflow {
		add([]span{{c.question, italic}}, size, muted, 0, "", 0, 3)
		return out
	}
	add([]span{{fmt.Sprintf("%d  ", c.num), bold}, {c.question, bold}}, size*0.92, s.d.accent, 0, "", 0, lv.title)
	if c.none {
		add([]span{{"No story yet", italic}}, size, alert, 0, "", 0.8, 2)
		return out
	}
	add([]span{{c.cue, bold}}, size, ink, 0, "", 0.8, lv.cue)
	if c.told != "" {
		add([]span{{c.told, italic}}, size*0.85, alert, 0, "", 0.2, 1)
	}
	bw := d.oneLine([]span{{"•", regular}}, size, 0).w + size*0.5/ptPerMM
	for i, a := range c.actions {
		if i >= lv.actions {
			break
		}
		gap := 0.0
		if i == 0 {
			gap = 0.5
		}
		add(figures(a, regular), size, ink, bw, "•", gap, lv.actionLines)
	}
	if c.result != "" {
		aw := d.oneLine([]span{{"→", bold}}, size, 0).w + size*0.5/ptPerMM
		add(figures(c.result, regular), size, ink, aw, "→", 0.5, lv.result)
	}
	if c.more > 0 {
		add([]span{{fmt.Sprintf("+%d more %s", c.more, plural(c.more, "story", "stories")), italic}}, size*0.9, muted, 0, "", 0.3, 1)
	}
	return out
}

func linesHeight(ls []cardLine) float64 {
	h := 0.0
	for _, l := range ls {
		h += l.height()
	}
	return h
}

// grid is a choice of columns and type size, and the height of each row
// of cards.
type grid struct {
	cols, rows int
	cardW      float64
	rowH       []float64
	size       float64
}

// cardH is the height of the cards of row r.
func (g grid) cardH(r int) float64 { return g.rowH[r] }
func (s *sheet) layout() {
	d, p := s.d, s.p
	d.addPage()
	m := d.margin
	areaX, areaW := m, d.pageW-2*m

	// Header.
	d.source = "role"
	right := d.pageW - m
	info := []string{}
	if p.Candidate.Name != "" {
		info = append(info, p.Candidate.Name)
	}
	if p.Interview != "" {
		info = append(info, "interview "+p.Interview)
	}
	infoText := strings.Join(info, " · ")
	d.source = "candidate"
	iw := 0.0
	if infoText != "" {
		iw = d.text(right, m+4, infoText, regular, 8, muted, areaW/2, 'R')
	}
	d.source = "role"
	hw := d.text(m, m+4, p.Heading(), bold, 12, d.accent, areaW-iw-6, 'L')
	if areaW-iw-hw > 70 {
		d.text(m+hw+3, m+4, "cheat sheet", regular, 8, muted, 0, 'L')
	}
	d.rule(m, m+6.5, right, d.accent, 0.6)
	top := m + 9
	bot := d.pageH - m
	footBase := d.pageH - m + 6
	if m < 12 {
		bot -= 5
		footBase = d.pageH - m
	}
	footer := "Generated " + p.Generated.Format("2006-01-02")
	if p.Redacted {
		footer = "Redacted copy · " + footer
	}
	d.text(m, footBase, footer, regular, 7, faint, 0, 'L')
	d.text(right, footBase, "starpack", regular, 7, faint, 0, 'R')
	areaH := bot - top

	cards := s.cards()
	if len(cards) == 0 {
		d.text(m, top+6, "No questions to prepare.", italic, 11, muted, areaW, 'L')
		d.source = ""
		return
	}

	// Cap the number of cards at what fits at the smallest size: a title
	// line and a cue line.
	minH := 2*cardPadY + 2*cardLead(sheetMinSize) + 1
	maxCols := max(1, int((areaW+cardGap)/(minCardW+cardGap)))
	maxRows := max(1, int((areaH+cardGap)/(minH+cardGap)))
	if capacity := maxCols * maxRows; len(cards) > capacity {
		hidden := len(cards) - (capacity - 1)
		d.warnings = append(d.warnings, fmt.Sprintf("cheat sheet: %d of %d questions do not fit one page and are left out", hidden, len(cards)))
		cards = append(cards[:capacity-1], card{overflow: true, source: "role",
			question: fmt.Sprintf("+%d more %s: see the brief", hidden, plural(hidden, "question", "questions"))})
	}

	gridFor := func(cols int) grid {
		rows := (len(cards) + cols - 1) / cols
		return grid{cols: cols, rows: rows, cardW: (areaW - float64(cols-1)*cardGap) / float64(cols)}
	}
	// fit sizes each row to its tallest card at full detail and shares
	// what is left of the page among the rows; it reports whether every
	// row fits.
	fit := func(g *grid, size float64) bool {
		g.size = size
		g.rowH = make([]float64, g.rows)
		total := float64(g.rows-1) * cardGap
		for i, c := range cards {
			h := linesHeight(s.lay(c, size, g.cardW-2*cardPadX, 0)) + 2*cardPadY
			g.rowH[i/g.cols] = max(g.rowH[i/g.cols], h)
		}
		for _, h := range g.rowH {
			total += h
		}
		if total > areaH {
			return false
		}
		for r := range g.rowH {
			g.rowH[r] += (areaH - total) / float64(g.rows)
		}
		return true
	}

	// The largest size at which every card fits in full, over the column
	// counts; ties go to fewer, wider columns.
	var best grid
	steps := int(math.Round((sheetMaxSize - sheetMinSize) / sheetStep))
	for cols := 1; cols <= min(maxCols, len(cards)); cols++ {
		g := gridFor(cols)
		if g.rows > maxRows {
			continue
		}
		// Narrow cards at a large size read badly: keep about 32 average
		// characters (half an em each) to a line.
		top := min(sheetMaxSize, (g.cardW-2*cardPadX)*ptPerMM/(0.5*32))
		lo, hi := -1, max(0, min(steps, int((top-sheetMinSize)/sheetStep))) // index of the size: sheetMinSize + i*sheetStep
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if fit(&g, sheetMinSize+float64(mid)*sheetStep) {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		if size := sheetMinSize + float64(lo)*sheetStep; lo >= 0 && size > best.size {
			fit(&g, size)
			best = g
		}
	}

	detail := make([]int, len(cards))
	if best.size == 0 {
		// Nothing fits in full at the smallest size: rows of equal height,
		// and each card shortened as little as it needs, on the grid that
		// needs it least.
		bestCost := math.MaxInt
		for cols := 1; cols <= min(maxCols, len(cards)); cols++ {
			g := gridFor(cols)
			if g.rows > maxRows {
				continue
			}
			g.size = sheetMinSize
			g.rowH = make([]float64, g.rows)
			for r := range g.rowH {
				g.rowH[r] = (areaH - float64(g.rows-1)*cardGap) / float64(g.rows)
			}
			cost := 0
			for i, c := range cards {
				lvl := s.level(c, g, i/g.cols)
				cost += lvl * lvl
			}
			if cost < bestCost {
				best, bestCost = g, cost
			}
		}
		shortened := 0
		for i, c := range cards {
			detail[i] = s.level(c, best, i/best.cols)
			if detail[i] > 0 {
				shortened++
			}
		}
		if shortened > 0 {
			d.warnings = append(d.warnings, fmt.Sprintf("cheat sheet: %d of %d cards shortened to fit one page at %g pt (marked …)", shortened, len(cards), sheetMinSize))
		}
	}

	d.sheetSize = best.size
	y := top
	for i, c := range cards {
		col, rw := i%best.cols, i/best.cols
		if i > 0 && col == 0 {
			y += best.rowH[rw-1] + cardGap
		}
		x := areaX + float64(col)*(best.cardW+cardGap)
		s.draw(c, x, y, best, rw, detail[i])
	}
	d.source = ""
}

// level is the least detail level at which a card fits the grid's cards;
// len(details) when even the shortest does not.
func (s *sheet) level(c card, g grid, row int) int {
	for lvl := range details {
		if linesHeight(s.lay(c, g.size, g.cardW-2*cardPadX, lvl)) <= g.cardH(row)-2*cardPadY {
			return lvl
		}
	}
	return len(details)
}

func (s *sheet) draw(c card, x, y float64, g grid, row, detail int) {
	d := s.d
	lvl := min(detail, len(details)-1)
	ls := s.lay(c, g.size, g.cardW-2*cardPadX, lvl)
	cardH := g.cardH(row)
	room := cardH - 2*cardPadY
	if linesHeight(ls) > room {
		// Still too long at the shortest: cut at the foot of the card.
		n := 0
		h := 0.0
		for n < len(ls) && h+ls[n].height() <= room {
			h += ls[n].height()
			n++
		}
		ls = ls[:max(n, 1)]
		last := &ls[len(ls)-1]
		last.ln = d.ellipsize(last.ln, last.size, g.cardW-2*cardPadX-last.indent-0.5)
	}

	bg := white
	if c.none {
		bg = mix(alert, white, 0.93)
	}
	d.fill(x, y, g.cardW, cardH, bg)
	d.f.SetDrawColor(d.accentLight[0], d.accentLight[1], d.accentLight[2])
	d.f.SetLineWidth(0.25)
	d.f.Rect(x, y, g.cardW, cardH, "D")
	bar := d.accent
	if c.none {
		bar = alert
	}
	if !c.overflow {
		d.fill(x, y, g.cardW, 0.9, bar)
	}

	ty := y + cardPadY + 0.4
	tx := x + cardPadX
	d.source = c.source
	for _, l := range ls {
		ty += l.gap
		lh := cardLead(l.size)
		base := baselineIn(ty, lh, l.size)
		if l.marker != "" {
			mc := d.accent
			st := regular
			if l.marker == "→" {
				st = bold
			}
			d.text(tx, base, l.marker, st, l.size, mc, 0, 'L')
		}
		d.setColor(l.color)
		d.drawLine(l.ln, tx+l.indent, base, l.size)
		ty += lh
		if ty > y+cardH+0.01 {
			d.outside = append(d.outside, fmt.Sprintf("card %d: text %.1f mm below the card", c.num, ty-y-cardH))
		}
		if tx+l.indent+l.ln.w > x+g.cardW-cardPadX+0.5 {
			d.outside = append(d.outside, fmt.Sprintf("card %d: text past the right edge of the card", c.num))
		}
	}
}
