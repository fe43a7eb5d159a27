package pdf

import (
	"fmt"
	"time"

	"github.com/starpack/starpack/stories"
)

// glanceCols are the columns of the at-a-glance table.
type glanceCols struct {
	xs   []float64 // left edges, and the right edge last
	pad  float64
	size float64
}

func (b *brief) glanceCols() glanceCols {
	fl := b.fl
	numW, timeW, pageW := 7.0, 11.0, 9.0
	rest := fl.w - numW - timeW - pageW
	widths := []float64{numW, rest * 0.30, rest * 0.46, rest * 0.24, timeW, pageW}
	xs := []float64{fl.x}
	for _, w := range widths {
		xs = append(xs, xs[len(xs)-1]+w)
	}
	return glanceCols{xs: xs, pad: 1.6, size: smallSize}
}

// glance is the plan of the interview: one row per story shown, with the
// question, the story's heading, the figure to lead with, its time and
// its page.
func (b *brief) glance() {
	d, fl := b.d, b.fl
	b.h1("At a glance", false, 20)
	c := b.glanceCols()
	lh := lineHeight(c.size)
	header := row{h: lh + 2*c.pad, draw: func(y float64) {
		d.fill(fl.x, y, fl.w, lh+2*c.pad, d.accent)
		base := baselineIn(y+c.pad, lh, c.size)
		for i, h := range []string{"#", "Question", "Story", "Lead with", "Time", "Page"} {
			if i >= 4 {
				d.text(c.xs[i+1]-c.pad, base, h, bold, c.size, white, 0, 'R')
				continue
			}
			d.text(c.xs[i]+c.pad, base, h, bold, c.size, white, 0, 'L')
		}
	}}
	fl.place([]row{header}, true, 3*lh)
	fl.repeat = &header
	var rows []row
	total, count := time.Duration(0), 0
	for qi, a := range b.shown {
		d.source = "question " + a.Question.ID
		q := d.wrap(plain(a.Question.Title, regular), c.size, c.xs[2]-c.xs[1]-2*c.pad)
		if len(a.Picks) == 0 {
			none := d.wrap(plain("no story yet", italic), c.size, c.xs[3]-c.xs[2]-2*c.pad)
			rows = append(rows, b.glanceRow(c, qi, q, none, nil, "", "", alert))
			continue
		}
		for pi, pk := range a.Picks {
			s := pk.Story
			d.source = "story " + s.ID
			title := d.wrap(plain(storyTitle(s), regular), c.size, c.xs[3]-c.xs[2]-2*c.pad)
			fig, _, _ := leadWith(s)
			lead := d.limit(d.wrap(figures(smart(fig), regular, true), c.size, c.xs[4]-c.xs[3]-2*c.pad), 2, c.size, c.xs[4]-c.xs[3]-2*c.pad)
			if pi > 0 {
				q = nil
			}
			rows = append(rows, b.glanceRow(c, qi, q, title, lead, b.p.Speech.Clock(s), s.ID, ink))
			total += b.p.Speech.Time(s)
			count++
		}
	}
	d.source = ""
	fl.place(rows, false, 0)
	fl.repeat = nil
	sum := fmt.Sprintf("%d %s, %s of speaking in all.", count, plural(count, "story", "stories"), stories.Clock(total))
	fl.place([]row{spacer(1.5), b.para(plain(sum, italic), smallSize, fl.x, fl.w, muted)[0]}, true, 0)
}

// glanceRow is one row of the glance table; q is nil on the second and
// later stories of a question.
func (b *brief) glanceRow(c glanceCols, qi int, q, title, lead []line, clock, id string, titleColor rgb) row {
	d, fl := b.d, b.fl
	lh := lineHeight(c.size)
	n := max(len(q), len(title), len(lead), 1)
	h := float64(n)*lh + 2*c.pad
	shade := qi%2 == 1
	return row{h: h, draw: func(y float64) {
		if shade {
			d.fill(fl.x, y, fl.w, h, d.accentPale)
		}
		d.rule(fl.x, y+h, fl.x+fl.w, d.accentLight, 0.2)
		base := baselineIn(y+c.pad, lh, c.size)
		if q != nil {
			d.text(c.xs[0]+c.pad, base, fmt.Sprint(qi+1), bold, c.size, d.accent, 0, 'L')
		}
		for col, ls := range [][]line{q, title, lead} {
			d.setColor(ink)
			if col == 1 {
				d.setColor(titleColor)
			}
			for i, ln := range ls {
				d.drawLine(ln, c.xs[col+1]+c.pad, base+float64(i)*lh, c.size)
			}
		}
		if clock != "" {
			d.text(c.xs[5]-c.pad, base, clock, regular, c.size, muted, 0, 'R')
		}
		if id != "" {
			b.pageNumber(id, c.xs[6]-c.pad, base, c.size)
		}
	}}
}

// index replaces the glance table when the packet is the whole bank or
// more stories than the brief shows: each question with its count, and
// the stories shown under it with their time and page, in two columns.
func (b *brief) index() {
	d, fl := b.d, b.fl
	b.h1("Index", false, 20)
	if b.hidden > 0 {
		b.intro(fmt.Sprintf("The best %s of each question by score; notes.md and matrix.xlsx hold every story.", stories.Count(b.topN(), "story", "stories")))
	}
	entries := b.indexEntries()
	size := smallSize
	lh := lineHeight(size) + 0.3
	gap := 8.0
	colW := (fl.w - gap) / 2
	for len(entries) > 0 {
		per := int((fl.bot - fl.y) / lh)
		if per < 3 {
			fl.newPage()
			continue
		}
		used := 0
		for col := 0; col < 2 && len(entries) > 0; col++ {
			n := min(per, len(entries))
			if n < len(entries) && n > 1 && entries[n-1].head {
				n-- // a question's heading goes with its first story
			}
			for i, e := range entries[:n] {
				b.indexLine(e, fl.x+float64(col)*(colW+gap), fl.y+float64(i)*lh, colW, lh, size)
			}
			used = max(used, n)
			entries = entries[n:]
		}
		fl.y += float64(used) * lh
		fl.pageIsNew = false
		if len(entries) > 0 {
			fl.newPage()
		}
	}
	d.source = ""
}

// indexEntry is one line of the index: a question's heading, a story, or
// how many more the question has.
type indexEntry struct {
	head   bool
	text   string
	note   string // the question's count, the story's time
	story  string // the story's id, for its page
	source string
}

func (b *brief) indexEntries() []indexEntry {
	var out []indexEntry
	for qi, a := range b.shown {
		n := len(a.Picks) + a.more
		out = append(out, indexEntry{head: true, text: fmt.Sprintf("%d  %s", qi+1, a.Question.Title),
			note: stories.Count(n, "story", "stories"), source: "question " + a.Question.ID})
		for _, pk := range a.Picks {
			out = append(out, indexEntry{text: storyTitle(pk.Story), note: b.p.Speech.Clock(pk.Story),
				story: pk.Story.ID, source: "story " + pk.Story.ID})
		}
		if a.more > 0 {
			out = append(out, indexEntry{text: fmt.Sprintf("+%s more: see notes.md and matrix.xlsx", thousands(a.more))})
		}
	}
	return out
}

func (b *brief) indexLine(e indexEntry, x, y, w, lh, size float64) {
	d := b.d
	d.source = e.source
	base := baselineIn(y, lh, size)
	switch {
	case e.head:
		nw := d.text(x+w, base, e.note, regular, size, muted, 0, 'R')
		d.text(x, base, smart(e.text), bold, size, d.accent, w-nw-3, 'L')
	case e.story == "":
		d.text(x+4, base, e.text, italic, size, muted, w-4, 'L')
	default:
		pw := 7.0
		nw := d.text(x+w-pw, base, e.note, regular, size, muted, 0, 'R')
		d.text(x+4, base, smart(e.text), regular, size, ink, w-4-pw-nw-3, 'L')
		b.pageNumber(e.story, x+w, base, size)
	}
}
