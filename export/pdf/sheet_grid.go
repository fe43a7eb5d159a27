package pdf

import (
	"fmt"
)

// grid is how the cards are set: columns, the type size, the detail kept
// and the height of each row of cards.
type grid struct {
	cols  int
	cardW float64
	size  float64
	lv    detail
	rowH  []float64
}

// gridSteps are the (type size step, detail) pairs tried in turn until the
// cards fit the page: fewer lines at the grid's size first, then smaller
// type.
var gridSteps = [][2]int{{0, 0}, {0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {1, 4}, {1, 5}, {1, 6}, {2, 5}, {2, 6}, {2, 7}, {3, 6}, {3, 7}, {4, 7}}

// grid lays the cards out between top and bot: two columns, or three for
// more than ten questions.
func (s *sheet) grid(cards []card, top, bot float64) {
	d := s.d
	areaX, areaW := d.margin, d.pageW-2*d.margin
	areaH := bot - top
	cols, base := 2, sheetMaxSize
	if len(cards) > 10 {
		cols, base = 3, sheetMaxSize-0.5
	}
	cardW := (areaW - float64(cols-1)*cardGap) / float64(cols)
	cards = s.capCards(cards, cols, areaH)
	var g grid
	var dt detail
	fits := false
	for _, st := range gridSteps {
		size := base - float64(st[0])*sheetStep
		if size < sheetMinSize {
			break
		}
		dt = details[st[1]]
		g = s.fit(cards, cols, cardW, size, dt)
		if fits = sumRows(g.rowH) <= areaH; fits {
			break
		}
	}
	if fits && (dt.s == 0 || dt.backups == 0) {
		d.warnings = append(d.warnings, fmt.Sprintf("cheat sheet: the cards leave out the Situation and the backups to fit one page at %g pt", g.size))
	}
	if !fits {
		d.warnings = append(d.warnings, fmt.Sprintf("cheat sheet: the cards are shortened to fit one page at %g pt", g.size))
		share := (areaH - float64(len(g.rowH)-1)*cardGap) / float64(len(g.rowH))
		for r := range g.rowH {
			g.rowH[r] = share
		}
	}
	d.sheetSize = g.size
	// What is left of the page goes between the rows, a little each.
	extra := min(4, max(0, (areaH-sumRows(g.rowH))/float64(max(1, len(g.rowH)-1))))
	y := top
	for i, c := range cards {
		col, r := i%cols, i/cols
		if i > 0 && col == 0 {
			y += g.rowH[r-1] + cardGap + extra
		}
		s.draw(c, areaX+float64(col)*(cardW+cardGap), y, g, r)
	}
}

// capCards leaves out the questions that do not fit the page even as
// bare cards, for a last card saying how many.
func (s *sheet) capCards(cards []card, cols int, areaH float64) []card {
	minH := 2*cardPadY + 3*cardLead(sheetMinSize) + 1
	rows := max(1, int((areaH+cardGap)/(minH+cardGap)))
	capacity := cols * rows
	if len(cards) <= capacity {
		return cards
	}
	hidden := len(cards) - (capacity - 1)
	s.d.warnings = append(s.d.warnings, fmt.Sprintf("cheat sheet: %d of %d questions do not fit one page and are left out", hidden, len(cards)))
	return append(cards[:capacity-1:capacity-1], card{overflow: true, source: "role",
		question: fmt.Sprintf("+%d more %s: see the brief", hidden, plural(hidden, "question", "questions"))})
}

// fit sizes each row of cards to its tallest card at a size and detail.
func (s *sheet) fit(cards []card, cols int, cardW, size float64, lv detail) grid {
	g := grid{cols: cols, cardW: cardW, size: size, lv: lv}
	g.rowH = make([]float64, (len(cards)+cols-1)/cols)
	for i, c := range cards {
		h := linesHeight(s.lay(c, size, cardW-2*cardPadX, lv)) + 2*cardPadY + 0.6
		g.rowH[i/cols] = max(g.rowH[i/cols], h)
	}
	return g
}

func sumRows(rowH []float64) float64 {
	total := float64(len(rowH)-1) * cardGap
	for _, h := range rowH {
		total += h
	}
	return total
}

func (s *sheet) draw(c card, x, y float64, g grid, r int) {
	d := s.d
	ls := s.lay(c, g.size, g.cardW-2*cardPadX, g.lv)
	h := g.rowH[r]
	ls = s.trim(ls, h-2*cardPadY-0.6, g.cardW-2*cardPadX)
	bg, bar := white, d.accent
	if c.none {
		bg, bar = mix(alert, white, 0.93), alert
	}
	d.fill(x, y, g.cardW, h, bg)
	d.f.SetDrawColor(d.accentLight[0], d.accentLight[1], d.accentLight[2])
	d.f.SetLineWidth(0.25)
	d.f.Rect(x, y, g.cardW, h, "D")
	if !c.overflow {
		d.fill(x, y, g.cardW, 0.8, bar)
	}
	ty, tx := y+cardPadY+0.6, x+cardPadX
	d.source = c.source
	for _, l := range ls {
		ty += l.gap
		lh := cardLead(l.size)
		base := baselineIn(ty, lh, l.size)
		if l.marker != "" {
			d.text(tx, base, l.marker, bold, l.size*0.85, d.accent, 0, 'L')
		}
		if l.right != "" {
			d.text(x+g.cardW-cardPadX, base, l.right, regular, l.size, muted, 0, 'R')
		}
		d.setColor(l.color)
		d.drawLine(l.ln, tx+l.indent, base, l.size)
		if l.frag != nil {
			d.fragments = append(d.fragments, *l.frag)
		}
		ty += lh
		if ty > y+h+0.01 {
			d.outside = append(d.outside, fmt.Sprintf("card %d: text %.1f mm below the card", c.num, ty-y-h))
		}
		if tx+l.indent+l.ln.w > x+g.cardW-cardPadX+0.5 {
			d.outside = append(d.outside, fmt.Sprintf("card %d: text past the right edge of the card", c.num))
		}
	}
}

// trim drops the last parts of a card that is still too tall for its row
// (a packet too full for the page), a part at a time (a backup, a
// fragment, with all its lines): a fragment is never cut inside. The
// question and the title always stay.
func (s *sheet) trim(ls []cardLine, room, w float64) []cardLine {
	for linesHeight(ls) > room {
		start := len(ls) - 1
		for start > 0 && ls[start].gap == 0 {
			start-- // each part's first line has space above it
		}
		if start <= 1 {
			break
		}
		ls = ls[:start]
	}
	if linesHeight(ls) > room && len(ls) > 1 {
		for linesHeight(ls) > room && len(ls) > 2 {
			ls = ls[:len(ls)-1]
		}
		last := &ls[len(ls)-1]
		last.ln = s.d.ellipsize(last.ln, last.size, w-last.indent-0.5)
	}
	return ls
}
