package pdf

import "fmt"

// row is a horizontal slice of content: laid out before it is placed, so
// that its height is known, and drawn once its page and position are.
type row struct {
	h    float64
	keep bool // keep with the next row (no page break after it)
	draw func(y float64)
}

// flow places rows down pages, breaking pages between rows. Layout is done
// once per row and placement is a single pass, so time is linear in the
// size of the document.
type flow struct {
	d         *doc
	x, w      float64 // content column
	top, bot  float64 // content area of a page
	y         float64
	repeat    *row // drawn at the top of every new page while set (a table header)
	pageIsNew bool // nothing placed on the current page yet

	// mark names the section being placed; marks[p] is the mark of page p
	// (from 1) at its top, for the running header.
	mark  string
	marks map[int]string
	// cont is drawn at the top of a page that breaks the rows being
	// placed (a story's "(continued)" line), once their first row is down.
	cont *row
}

func (fl *flow) usable() float64 { return fl.bot - fl.top }

func (fl *flow) newPage() {
	fl.d.addPage()
	fl.y = fl.top
	fl.pageIsNew = true
	if fl.marks != nil {
		fl.marks[fl.d.f.PageNo()] = fl.mark
	}
	if fl.repeat != nil {
		fl.repeat.draw(fl.y)
		fl.y += fl.repeat.h
	}
	if fl.cont != nil {
		fl.cont.draw(fl.y)
		fl.y += fl.cont.h
	}
}

// gap adds vertical space, unless at the top of a page.
func (fl *flow) gap(h float64) {
	if fl.pageIsNew {
		return
	}
	if fl.y+h > fl.bot {
		fl.y = fl.bot
		return
	}
	fl.y += h
}

func height(rows []row) float64 {
	h := 0.0
	for _, r := range rows {
		h += r.h
	}
	return h
}

// place puts rows on the page. With together set, the rows start a new page
// when they do not fit what is left of this one but do fit a page. Rows
// marked keep stay on the same page as the row after them; below marks
// space that must stay free after the rows (so a heading is never left at
// the foot of a page).
func (fl *flow) place(rows []row, together bool, below float64) {
	fl.placeCont(rows, together, below, nil)
}

// placeCont is place with a row drawn at the top of each page that the
// rows run onto after their first row: "(continued)".
func (fl *flow) placeCont(rows []row, together bool, below float64, cont *row) {
	if len(rows) == 0 {
		return
	}
	defer func() { fl.cont = nil }()
	total := height(rows)
	room := fl.usable()
	if fl.repeat != nil {
		room -= fl.repeat.h
	}
	if cont != nil {
		room -= cont.h
	}
	if !fl.pageIsNew && fl.y+total+below > fl.bot && together && total+below <= room {
		fl.newPage()
	}
	// chain[i] is the height of rows i.. that must stay together.
	chain := make([]float64, len(rows))
	for i := len(rows) - 1; i >= 0; i-- {
		chain[i] = rows[i].h
		if rows[i].keep && i+1 < len(rows) {
			chain[i] += chain[i+1]
		}
	}
	for i, r := range rows {
		need := min(chain[i], room)
		if i == 0 || !rows[i-1].keep {
			if !fl.pageIsNew && fl.y+need > fl.bot+0.01 {
				fl.newPage()
			}
		} else if !fl.pageIsNew && fl.y+r.h > fl.bot+0.01 {
			fl.newPage()
		}
		r.draw(fl.y)
		fl.y += r.h
		fl.pageIsNew = false
		fl.cont = cont
		if fl.y > fl.bot+0.01 && r.h <= room {
			fl.d.outside = append(fl.d.outside, fmt.Sprintf("page %d: a row ends %.1f mm below the foot of the page", fl.d.f.PageNo(), fl.y-fl.bot))
		}
	}
}

// spacer is an empty row.
func spacer(h float64) row { return row{h: h, draw: func(float64) {}} }
