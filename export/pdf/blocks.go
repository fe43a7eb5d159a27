package pdf

import (
	"strings"

	"github.com/starpack/starpack/stories"
)

// h1 starts a section: its title with a bookmark, on a new page when page
// is set. It names the section in the running header of its pages.
func (b *brief) h1(title string, page bool, below float64) {
	d, fl := b.d, b.fl
	fl.mark = title
	if page {
		fl.newPage()
	} else {
		fl.gap(9)
	}
	lh := lineHeight(h1Size)
	rows := []row{{h: lh + 2.5, keep: true, draw: func(y float64) {
		d.setFont(faceRef(bold), h1Size)
		d.f.Bookmark(bmp(title), 0, y)
		d.text(fl.x, baselineIn(y, lh, h1Size), title, bold, h1Size, d.accent, fl.w, 'L')
		d.rule(fl.x, y+lh+1, fl.x+fl.w, d.accent, 0.6)
	}}, spacer(3.5)}
	rows[1].keep = true
	fl.place(rows, true, below)
}

// h2 is a heading inside a section, kept with what follows it.
func (b *brief) h2(title string) row {
	d, fl := b.d, b.fl
	lh := lineHeight(h2Size)
	return row{h: lh + 3, keep: true, draw: func(y float64) {
		d.text(fl.x, baselineIn(y+3, lh, h2Size), title, bold, h2Size, d.accent, fl.w, 'L')
	}}
}

// intro is a muted line under a section's title saying what it holds.
func (b *brief) intro(text string) {
	rows := b.para(plain(text, italic), smallSize+0.5, b.fl.x, b.textW+labelW, muted)
	rows = append(rows, spacer(2))
	b.fl.place(rows, true, 12)
}

// blocks lays out Markdown-lite text: paragraphs, bullets and numbered
// points, with **bold** and figures in bold.
func (b *brief) blocks(text string, x, w, size float64) []row {
	var rows []row
	for i, bl := range stories.Blocks(text) {
		var br []row
		switch bl.Kind {
		case stories.Bullet:
			br = b.item(rich(bl.Text, regular), "•", size, x, w, ink)
		case stories.Number:
			br = b.item(rich(bl.Text, regular), bl.Marker, size, x, w, ink)
		default:
			br = b.para(rich(bl.Text, regular), size, x, w, ink)
		}
		if i > 0 && len(br) > 0 {
			br[0] = pad(br[0], 1.2)
		}
		rows = append(rows, br...)
	}
	return rows
}

// para lays out a paragraph as rows, one per line, keeping its first two
// and last two lines together (no orphans, no widows).
func (b *brief) para(spans []span, size, x, w float64, c rgb) []row {
	d := b.d
	lh := lineHeight(size)
	lines := d.wrap(spans, size, w)
	rows := make([]row, len(lines))
	for i, ln := range lines {
		rows[i] = row{h: lh, draw: func(y float64) {
			d.setColor(c)
			d.drawLine(ln, x, baselineIn(y, lh, size), size)
		}}
	}
	keepEnds(rows)
	return rows
}

// item lays out a list item with its marker hanging left of the text; the
// marker "☐" is drawn as a box to tick.
func (b *brief) item(spans []span, marker string, size, x, w float64, c rgb) []row {
	d := b.d
	indent := 4.5
	switch marker {
	case "•":
	case "☐":
		indent = 6
	default:
		indent = max(6, d.oneLine([]span{{text: marker}}, size, 0).w+2)
	}
	rows := b.para(spans, size, x+indent, w-indent, c)
	lh := lineHeight(size)
	inner := rows[0].draw
	rows[0].draw = func(y float64) {
		base := baselineIn(y, lh, size)
		switch marker {
		case "☐":
			s := size * 0.62 / ptPerMM
			d.f.SetDrawColor(d.accent[0], d.accent[1], d.accent[2])
			d.f.SetLineWidth(0.3)
			d.f.Rect(x+0.6, base-s, s, s, "D")
		case "•":
			d.text(x+0.8, base, marker, regular, size, d.accent, 0, 'L')
		default:
			d.text(x+0.8, base, marker, regular, size, c, 0, 'L')
		}
		inner(y)
	}
	return rows
}

// labelled puts a label in the label column beside the first of rows (a
// line of text of the given size), top millimetres below the rows above.
func (b *brief) labelled(label string, rows []row, size, top float64) []row {
	if len(rows) == 0 {
		return rows
	}
	d, fl := b.d, b.fl
	lh := lineHeight(size)
	inner := rows[0].draw
	rows[0].draw = func(y float64) {
		d.text(fl.x, baselineIn(y, lh, size)-0.1, label, bold, labelSize, d.accent, labelW-2, 'L')
		inner(y)
	}
	if len(rows) > 1 {
		rows[0].keep = true
	}
	if top > 0 {
		rows[0] = pad(rows[0], top)
	}
	return rows
}

// boxAt puts rows on a tinted background with a bar on the left.
func (b *brief) boxAt(rows []row, x, w float64, bg, bar rgb) []row {
	d := b.d
	if len(rows) == 0 {
		return rows
	}
	rows = append([]row{{h: 2, keep: true, draw: func(float64) {}}}, rows...)
	rows = append(rows, row{h: 2, draw: func(float64) {}})
	out := make([]row, len(rows))
	for i, r := range rows {
		out[i] = row{h: r.h, keep: r.keep || i == 0, draw: func(y float64) {
			d.fill(x, y, w, r.h, bg)
			d.fill(x, y, 1, r.h, bar)
			r.draw(y)
		}}
	}
	if len(out) > 2 {
		out[len(out)-2].keep = true
	}
	return out
}

// pad adds space above a row.
func pad(r row, top float64) row {
	inner := r.draw
	return row{h: r.h + top, keep: r.keep, draw: func(y float64) { inner(y + top) }}
}

// keepAll keeps rows together (each with the next).
func keepAll(rows []row) []row {
	for i := range rows {
		rows[i].keep = true
	}
	return rows
}

// keepEnds keeps the first two and the last two rows of a paragraph
// together.
func keepEnds(rows []row) {
	n := len(rows)
	if n >= 2 {
		rows[0].keep = true
		rows[n-2].keep = true
	}
}

// limit keeps the first n lines, ending the last with an ellipsis when
// lines were dropped.
func (d *doc) limit(ls []line, n int, size, w float64) []line {
	if len(ls) <= n {
		return ls
	}
	ls = ls[:n]
	ls[n-1] = d.ellipsize(ls[n-1], size, min(w, ls[n-1].w))
	return ls
}

// joinNonEmpty joins the non-blank parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, strings.TrimSpace(p))
		}
	}
	return strings.Join(out, sep)
}
