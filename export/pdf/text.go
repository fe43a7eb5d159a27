package pdf

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/starpack/starpack/stories"
)

// span is a run of text in one style; accent draws it in the accent
// colour instead of the line's.
type span struct {
	text   string
	st     style
	accent bool
}

// seg is a run of a laid-out line drawn with one face; x is its offset from
// the start of the line, in millimetres.
type seg struct {
	ref    faceRef
	text   string
	x      float64
	accent bool
}

// line is one laid-out line of text.
type line struct {
	segs []seg
	w    float64
}

// rich turns Markdown-lite inline text into spans: **bold** is honoured,
// the punctuation is made typographic (see smart) and figures are set in
// bold. base is the style of the plain text.
func rich(text string, base style) []span {
	return richIn(text, base, false)
}

// richIn is rich with the figures also drawn in the accent colour when
// accent is set (the number of a result on the cheat sheet).
func richIn(text string, base style, accent bool) []span {
	var out []span
	for _, sp := range stories.Spans(text) {
		if sp.Bold {
			out = append(out, span{text: smart(sp.Text), st: bold})
			continue
		}
		// `code` is set in the mono face, as written, without its backticks.
		t := sp.Text
		for {
			i := strings.IndexByte(t, '`')
			j := -1
			if i >= 0 {
				j = strings.IndexByte(t[i+1:], '`')
			}
			if j < 0 {
				break
			}
			out = append(out, figures(smart(t[:i]), base, accent)...)
			out = append(out, span{text: t[i+1 : i+1+j], st: mono})
			t = t[i+j+2:]
		}
		out = append(out, figures(smart(t), base, accent)...)
	}
	return out
}

// plain is text in one style with typographic punctuation.
func plain(text string, st style) []span {
	return []span{{text: smart(stories.Plain(text)), st: st}}
}

// figures splits text so that its figures (stories.Figures: money,
// percentages, multiples, durations, quantities) are bold, each kept on one
// line. Dates and lone digits are left as they are, and so are list and
// step numbers and names such as v2 or HTTP/2, which are not figures.
func figures(text string, base style, accent bool) []span {
	var out []span
	last := 0
	for _, f := range stories.Figures(text) {
		if !highlighted(text, f) {
			continue
		}
		if f.Start > last {
			out = append(out, span{text: text[last:f.Start], st: base})
		}
		out = append(out, span{text: strings.ReplaceAll(text[f.Start:f.End], " ", "\u00a0"), st: bold, accent: accent})
		last = f.End
	}
	if last < len(text) {
		out = append(out, span{text: text[last:], st: base})
	}
	return out
}

// highlighted reports whether a figure stands out: not a date (a year is
// no result) and not a lone digit.
func highlighted(text string, f stories.Figure) bool {
	switch f.Kind {
	case stories.Date:
		return false
	case stories.Bare:
		return len(strings.Trim(text[f.Start:f.End], "<>~≈≤≥ ")) >= 2
	}
	return true
}

// piece is a word fragment or a space, drawn with one face. A piece drawn
// exactly as written is a slice of its span's text, spans[src].text[off:],
// so that laying out a paragraph copies no words; src is -1 for a piece
// that differs from its source (a replaced or dropped character).
type piece struct {
	ref    faceRef
	text   string
	w      float64 // millimetres
	space  bool
	accent bool
	src    int
	off    int
}

// pieces resolves the fonts of every rune and cuts the text into words and
// spaces. Runs of spaces collapse into one.
func (d *doc) pieces(spans []span, size float64) []piece {
	scale := size / 1000 / ptPerMM
	var out []piece
	// The current piece is spans[src].text[start:end] while it is drawn
	// as written; b holds it once it is not.
	var b strings.Builder
	cur := piece{ref: -1, src: -1}
	start, end := -1, -1
	flush := func() {
		switch {
		case b.Len() > 0:
			cur.text, cur.src = b.String(), -1
			out = append(out, cur)
			b.Reset()
		case start >= 0:
			cur.text, cur.off = spans[cur.src].text[start:end], start
			out = append(out, cur)
		}
		cur = piece{ref: -1, src: -1}
		start, end = -1, -1
	}
	lastSpace := true
	for si, sp := range spans {
		for at, r := range sp.text {
			ref, rr, ok := d.resolve(sp.st, r)
			if !ok {
				continue
			}
			n := utf8.RuneLen(r)
			if r == utf8.RuneError && !strings.HasPrefix(sp.text[at:], "\uFFFD") {
				n = -1 // a byte that is not UTF-8: never drawn as written
			}
			if rr == ' ' {
				if lastSpace {
					continue
				}
				flush()
				p := piece{ref: faceRef(sp.st), text: " ", w: d.width(faceRef(sp.st), ' ') * scale, space: true, src: -1}
				if r == ' ' {
					p.src, p.off = si, at
				}
				out = append(out, p)
				lastSpace = true
				continue
			}
			lastSpace = false
			if ref != cur.ref || sp.accent != cur.accent {
				flush()
				cur.ref, cur.accent = ref, sp.accent
			}
			asWritten := rr == r && n > 0
			switch {
			case b.Len() == 0 && start < 0 && asWritten:
				cur.src, start, end = si, at, at+n
			case b.Len() == 0 && start >= 0 && asWritten && cur.src == si && at == end:
				end = at + n
			default:
				if b.Len() == 0 && start >= 0 {
					b.WriteString(spans[cur.src].text[start:end])
				}
				start, end = -1, -1
				b.WriteRune(rr)
			}
			cur.w += d.width(ref, rr) * scale
		}
	}
	flush()
	for len(out) > 0 && out[len(out)-1].space {
		out = out[:len(out)-1]
	}
	return out
}

// wrap lays spans out in lines of at most maxW millimetres.
func (d *doc) wrap(spans []span, size, maxW float64) []line {
	ps := d.pieces(spans, size)
	var lines []line
	var cur line
	var pendingSpace *piece
	// The last segment of cur is spans[lastSrc].text[lastStart:lastEnd]
	// while lastSrc >= 0: a piece that follows it in the same text extends
	// the slice instead of copying both.
	lastSrc, lastStart, lastEnd := -1, 0, 0
	add := func(p piece) {
		if n := len(cur.segs); n > 0 && cur.segs[n-1].ref == p.ref && cur.segs[n-1].accent == p.accent {
			if lastSrc >= 0 && p.src == lastSrc && p.off == lastEnd {
				lastEnd = p.off + len(p.text)
				cur.segs[n-1].text = spans[lastSrc].text[lastStart:lastEnd]
			} else {
				cur.segs[n-1].text += p.text
				lastSrc = -1
			}
		} else {
			cur.segs = append(cur.segs, seg{ref: p.ref, text: p.text, x: cur.w, accent: p.accent})
			lastSrc, lastStart, lastEnd = p.src, p.off, p.off+len(p.text)
		}
		cur.w += p.w
	}
	newLine := func() {
		lines = append(lines, cur)
		cur = line{}
		lastSrc = -1
	}
	for i := 0; i < len(ps); {
		if ps[i].space {
			if len(cur.segs) > 0 {
				pendingSpace = &ps[i]
			}
			i++
			continue
		}
		j, ww := i, 0.0
		for j < len(ps) && !ps[j].space {
			ww += ps[j].w
			j++
		}
		sw := 0.0
		if pendingSpace != nil {
			sw = pendingSpace.w
		}
		if len(cur.segs) > 0 && cur.w+sw+ww > maxW {
			newLine()
			pendingSpace = nil
			sw = 0
		}
		if pendingSpace != nil {
			add(*pendingSpace)
			pendingSpace = nil
		}
		if ww <= maxW-cur.w {
			for _, p := range ps[i:j] {
				add(p)
			}
		} else {
			d.breakWord(ps[i:j], size, maxW, &cur, newLine, add)
		}
		i = j
	}
	if len(cur.segs) > 0 || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// breakWord lays out a word wider than a line: at its no-break spaces
// first (a figure such as "$1,234,567,890 to $2,345,678,901" is one word
// of several parts, and a line break between the parts reads better than
// one inside a number), then, for a part still wider than a line, rune by
// rune.
func (d *doc) breakWord(word []piece, size, maxW float64, cur *line, newLine func(), add func(piece)) {
	parts := splitNoBreak(word)
	if len(parts) <= 1 {
		d.breakRunes(word, size, maxW, cur, newLine, add)
		return
	}
	scale := size / 1000 / ptPerMM
	for i, part := range parts {
		w, nbsp := 0.0, piece{}
		for k := range part {
			part[k].w = d.measure(part[k].ref, part[k].text, scale)
			w += part[k].w
		}
		if i > 0 {
			nbsp = piece{ref: part[0].ref, text: "\u00a0", src: -1, accent: part[0].accent}
			nbsp.w = d.measure(nbsp.ref, nbsp.text, scale)
			if cur.w+nbsp.w+w > maxW {
				newLine()
			} else {
				add(nbsp)
			}
		}
		if cur.w+w <= maxW {
			for _, p := range part {
				add(p)
			}
			continue
		}
		d.breakRunes(part, size, maxW, cur, newLine, add)
	}
}

// splitNoBreak cuts a word's pieces at its no-break spaces, which it
// leaves out; the pieces it makes are no longer slices of their text
// (src -1).
func splitNoBreak(word []piece) [][]piece {
	var parts [][]piece
	var cur []piece
	for _, p := range word {
		for {
			i := strings.IndexRune(p.text, '\u00a0')
			if i < 0 {
				break
			}
			if i > 0 {
				cur = append(cur, piece{ref: p.ref, text: p.text[:i], src: -1, accent: p.accent})
			}
			parts = append(parts, cur)
			cur = nil
			p.text, p.src = p.text[i+len("\u00a0"):], -1
		}
		if p.text != "" {
			cur = append(cur, p)
		}
	}
	parts = append(parts, cur)
	// A no-break space at either end or doubled makes an empty part.
	return slices.DeleteFunc(parts, func(ps []piece) bool { return len(ps) == 0 })
}

// measure is the width of text drawn with face ref at scale.
func (d *doc) measure(ref faceRef, text string, scale float64) float64 {
	w := 0.0
	for _, r := range text {
		w += d.width(ref, r) * scale
	}
	return w
}

// breakRunes lays out a word wider than a line, rune by rune.
func (d *doc) breakRunes(word []piece, size, maxW float64, cur *line, newLine func(), add func(piece)) {
	scale := size / 1000 / ptPerMM
	for _, p := range word {
		start := 0
		w := 0.0
		for i, r := range p.text {
			rw := d.width(p.ref, r) * scale
			if cur.w+w+rw > maxW && (cur.w > 0 || w > 0) {
				if i > start {
					add(piece{ref: p.ref, text: p.text[start:i], w: w, src: -1, accent: p.accent})
				}
				newLine()
				start, w = i, 0
			}
			w += rw
		}
		if start < len(p.text) {
			add(piece{ref: p.ref, text: p.text[start:], w: w, src: -1, accent: p.accent})
		}
	}
}

// oneLine lays spans out on a single line, shortened with an ellipsis to
// fit maxW when maxW > 0.
func (d *doc) oneLine(spans []span, size, maxW float64) line {
	ls := d.wrap(spans, size, 1e9)
	ln := ls[0]
	if maxW <= 0 || ln.w <= maxW {
		return ln
	}
	return d.ellipsize(ln, size, maxW)
}

// ellipsize cuts a laid-out line so that it and an ellipsis fit maxW.
func (d *doc) ellipsize(ln line, size, maxW float64) line {
	scale := size / 1000 / ptPerMM
	st := regular
	if len(ln.segs) > 0 && ln.segs[len(ln.segs)-1].ref <= faceRef(italic) {
		st = style(ln.segs[len(ln.segs)-1].ref)
	}
	ell := d.width(faceRef(st), '…') * scale
	var out line
	for _, s := range ln.segs {
		w := 0.0
		cut := -1
		for i, r := range s.text {
			rw := d.width(s.ref, r) * scale
			if s.x+w+rw+ell > maxW {
				cut = i
				break
			}
			w += rw
		}
		if cut < 0 {
			out.segs = append(out.segs, s)
			out.w = s.x + w
			continue
		}
		text := strings.TrimRight(s.text[:cut], " ,;:-")
		// Prefer to cut at a word.
		if i := strings.LastIndexByte(text, ' '); i > len(text)/2 {
			text = strings.TrimRight(text[:i], " ,;:-")
		}
		w = 0
		for _, r := range text {
			w += d.width(s.ref, r) * scale
		}
		if text != "" {
			out.segs = append(out.segs, seg{ref: s.ref, text: text, x: s.x, accent: s.accent})
		}
		out.w = s.x + w
		break
	}
	out.segs = append(out.segs, seg{ref: faceRef(st), text: "…", x: out.w})
	out.w += ell
	return out
}

// drawLine draws a laid-out line with its left end at x.
func (d *doc) drawLine(ln line, x, baseline, size float64) {
	if x < d.margin-0.01 || x+ln.w > d.pageW-d.margin+0.01 {
		d.outside = append(d.outside, fmt.Sprintf("page %d: line at x %.1f..%.1f mm past the side margins", d.f.PageNo(), x, x+ln.w))
	}
	base := d.curColor
	if base[0] < 0 {
		base = ink
	}
	for _, s := range ln.segs {
		if strings.TrimSpace(s.text) == "" {
			continue
		}
		d.setFont(s.ref, size)
		if s.accent {
			d.setColor(d.accent)
		} else {
			d.setColor(base)
		}
		d.f.Text(x+s.x, baseline, s.text)
	}
}

// lineHeight is the leading for a font size, in millimetres.
func lineHeight(size float64) float64 { return size * 1.32 / ptPerMM }

// baselineIn returns the baseline of text of the given size centred in a
// line box starting at top.
func baselineIn(top, lh, size float64) float64 {
	return top + (lh+0.68*size/ptPerMM)/2
}
