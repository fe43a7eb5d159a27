package pdf

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/starpack/starpack/stories"
)

// span is a run of text in one style.
type span struct {
	text string
	st   style
}

// seg is a run of a laid-out line drawn with one face; x is its offset from
// the start of the line, in millimetres.
type seg struct {
	ref  faceRef
	text string
	x    float64
}

// line is one laid-out line of text.
type line struct {
	segs []seg
	w    float64
}

// numberRE finds the figures a reader's eye should land on: "50%",
// "3000+", "$1 million", "150 ms", "3 months", "< 1%", "4-way", "2019-2020".
var numberRE = regexp.MustCompile(`(?i)(?:[<>~≈≤≥]\s?)?[$€£¥]?\d+(?:[.,]\d+)*(?:\s?[-–]\s?\d+(?:[.,]\d+)*)?` +
	`(?:\s?(?:%|percent\b|x\b|×|\+))?` +
	`(?:\s(?:k|m|bn|million|billion|thousand|hundred|ms|milliseconds?|secs?|seconds?|mins?|minutes?|hours?|hrs?|days?|nights?|weeks?|months?|quarters?|years?|yrs?|tb|gb|mb|kb|qps|rps|users?|customers?|clients?|steps?|queries|people|engineers|teams?|times|dollars?|servers?|nodes?|requests?|rows?|records?|events?)\b)?` +
	`(?:-(?:way|fold|node|step|day|week|month|year|person|hour|minute|x)\b)?\+?`)

// figureLead is the most bytes a figure can start before its first digit:
// a comparison sign, a space and a currency sign ("≈ €40k").
const figureLead = 7

// findFigures is numberRE.FindAllStringIndex(text, -1), without running
// the expression over the text between figures: every match holds a digit
// and starts at most figureLead bytes before its first one, so the search
// starts just before each digit. A paragraph with no digit costs one scan.
func findFigures(text string) [][2]int {
	var out [][2]int
	for pos := 0; pos < len(text); {
		d := strings.IndexAny(text[pos:], "0123456789")
		if d < 0 {
			break
		}
		from := max(pos, pos+d-figureLead)
		for from > pos && !utf8.RuneStart(text[from]) {
			from--
		}
		m := numberRE.FindStringIndex(text[from:])
		if m == nil {
			break // cannot happen: a lone digit is a figure
		}
		out = append(out, [2]int{from + m[0], from + m[1]})
		pos = from + m[1]
	}
	return out
}

// rich turns Markdown-lite inline text into spans: **bold** is honoured and
// figures are set in bold. base is the style of the plain text.
func rich(text string, base style) []span {
	var out []span
	for _, sp := range stories.Spans(text) {
		if sp.Bold {
			out = append(out, span{sp.Text, bold})
			continue
		}
		out = append(out, figures(sp.Text, base)...)
	}
	return out
}

// figures splits text so that its numbers are bold.
func figures(text string, base style) []span {
	var out []span
	last := 0
	for _, m := range findFigures(text) {
		start, end := m[0], m[1]
		if start > 0 {
			prev, _ := utf8.DecodeLastRuneInString(text[:start])
			if unicode.IsLetter(prev) || unicode.IsDigit(prev) || prev == '.' || prev == '_' {
				continue // part of a word: "v2", "S3", "x86"
			}
			if prev == '-' || prev == '/' {
				if before, _ := utf8.DecodeLastRuneInString(text[:start-1]); unicode.IsLetter(before) {
					continue // "UTF-8", "HTTP/2"
				}
			}
		}
		if end < len(text) {
			next, _ := utf8.DecodeRuneInString(text[end:])
			if unicode.IsLetter(next) && !strings.HasSuffix(text[start:end], "-") {
				continue // "3rd", "2x4"
			}
		}
		if start > last {
			out = append(out, span{text[last:start], base})
		}
		// A figure stays on one line: "150 ms", "$1 million".
		out = append(out, span{strings.ReplaceAll(text[start:end], " ", "\u00a0"), bold})
		last = end
	}
	if last < len(text) {
		out = append(out, span{text[last:], base})
	}
	return out
}

// piece is a word fragment or a space, drawn with one face. A piece drawn
// exactly as written is a slice of its span's text, spans[src].text[off:],
// so that laying out a paragraph copies no words; src is -1 for a piece
// that differs from its source (a replaced or dropped character).
type piece struct {
	ref   faceRef
	text  string
	w     float64 // millimetres
	space bool
	src   int
	off   int
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
			if ref != cur.ref {
				flush()
				cur.ref = ref
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
		if n := len(cur.segs); n > 0 && cur.segs[n-1].ref == p.ref {
			if lastSrc >= 0 && p.src == lastSrc && p.off == lastEnd {
				lastEnd = p.off + len(p.text)
				cur.segs[n-1].text = spans[lastSrc].text[lastStart:lastEnd]
			} else {
				cur.segs[n-1].text += p.text
				lastSrc = -1
			}
		} else {
			cur.segs = append(cur.segs, seg{ref: p.ref, text: p.text, x: cur.w})
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

// breakWord lays out a word wider than a line, rune by rune.
func (d *doc) breakWord(word []piece, size, maxW float64, cur *line, newLine func(), add func(piece)) {
	scale := size / 1000 / ptPerMM
	for _, p := range word {
		start := 0
		w := 0.0
		for i, r := range p.text {
			rw := d.width(p.ref, r) * scale
			if cur.w+w+rw > maxW && (cur.w > 0 || w > 0) {
				if i > start {
					add(piece{ref: p.ref, text: p.text[start:i], w: w, src: -1})
				}
				newLine()
				start, w = i, 0
			}
			w += rw
		}
		if start < len(p.text) {
			add(piece{ref: p.ref, text: p.text[start:], w: w, src: -1})
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
	if len(ln.segs) > 0 && ln.segs[len(ln.segs)-1].ref < faceRef(numStyles) {
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
			out.segs = append(out.segs, seg{ref: s.ref, text: text, x: s.x})
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
	for _, s := range ln.segs {
		if strings.TrimSpace(s.text) == "" {
			continue
		}
		d.setFont(s.ref, size)
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
