package pdf

import (
	"slices"
	"strings"
	"testing"

	"github.com/starpack/starpack/export"
)

// piecesByRune is pieces as first written: every piece built rune by rune.
func piecesByRune(d *doc, spans []span, size float64) []piece {
	scale := size / 1000 / ptPerMM
	var out []piece
	var b strings.Builder
	cur := piece{ref: -1}
	flush := func() {
		if b.Len() > 0 {
			cur.text = b.String()
			out = append(out, cur)
			b.Reset()
		}
		cur = piece{ref: -1}
	}
	lastSpace := true
	for _, sp := range spans {
		for _, r := range sp.text {
			ref, rr, ok := d.resolve(sp.st, r)
			if !ok {
				continue
			}
			if rr == ' ' {
				if lastSpace {
					continue
				}
				flush()
				out = append(out, piece{ref: faceRef(sp.st), text: " ", w: d.width(faceRef(sp.st), ' ') * scale, space: true})
				lastSpace = true
				continue
			}
			lastSpace = false
			if ref != cur.ref {
				flush()
				cur.ref = ref
			}
			b.WriteRune(rr)
			cur.w += d.width(ref, rr) * scale
		}
	}
	flush()
	for len(out) > 0 && out[len(out)-1].space {
		out = out[:len(out)-1]
	}
	return out
}

// checkPieces: slicing the source gives the pieces building them would,
// and wrapped lines hold the same text.
func checkPieces(t *testing.T, spans []span) {
	t.Helper()
	d, err := newDoc(&export.Packet{Paper: "A4"}, Options{}, "test")
	if err != nil {
		t.Fatal(err)
	}
	got, want := d.pieces(spans, 10), piecesByRune(d, spans, 10)
	if len(got) != len(want) {
		t.Fatalf("%d pieces, want %d", len(got), len(want))
	}
	var all strings.Builder
	for i := range got {
		g, w := got[i], want[i]
		if g.text != w.text || g.ref != w.ref || g.w != w.w || g.space != w.space {
			t.Fatalf("piece %d = %q %d %g, want %q %d %g", i, g.text, g.ref, g.w, w.text, w.ref, w.w)
		}
		if g.src >= 0 && spans[g.src].text[g.off:g.off+len(g.text)] != g.text {
			t.Fatalf("piece %d %q is not its source at %d", i, g.text, g.off)
		}
		all.WriteString(g.text)
	}
	var lines strings.Builder
	for _, ln := range d.wrap(spans, 10, 1e9) {
		for _, s := range ln.segs {
			lines.WriteString(s.text)
		}
	}
	if lines.String() != all.String() {
		t.Errorf("one long line holds %q, want %q", lines.String(), all.String())
	}
}

func TestPiecesAsWritten(t *testing.T) {
	tests := []struct {
		name  string
		spans []span
	}{
		{"plain", []span{{text: "Cut latency by 40% in 3 months.", st: regular}}},
		{"spaces and tabs", []span{{text: "  a\t\tb   c \n d  ", st: regular}}},
		{"styles", []span{{text: "Rewrote ", st: regular}, {text: "the join", st: bold}, {text: " in ", st: regular}, {text: "150 ms", st: bold}, {text: "flat", st: regular}}},
		{"invisible", []span{{text: "zero\u200bwidth soft\u00adhyphen", st: regular}}},
		{"bad bytes", []span{{text: "a\xffb \xfe\xfd c\uFFFDd", st: regular}}},
		{"non-ASCII", []span{{text: "Łódź → Zürich €40k…", st: italic}, {text: "日本", st: regular}}},
		{"no-break space", []span{{text: "150\u00a0ms", st: bold}}},
		{"empty", []span{{text: "", st: regular}, {text: " ", st: regular}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkPieces(t, tt.spans) })
	}
}

func FuzzPieces(f *testing.F) {
	f.Add("Rewrote the join", "150 ms", "\xffa\u200b b")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		checkPieces(t, []span{{text: a, st: regular}, {text: b, st: bold}, {text: c, st: mono}})
	})
}

// Figures are set in bold as whole units (stories.Figures): money with
// its rate, compact durations, compound adjectives; list and step numbers,
// names, dates and lone digits are left alone.
func TestFigures(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"reduced to < 1% of before", []string{"<\u00a01%"}},
		{"50% of total processing time", []string{"50%"}},
		{"3000+ steps, 1 million dollar off", []string{"3000+\u00a0steps", "1\u00a0million\u00a0dollar"}},
		{"saved $1.2M/year on compute", []string{"$1.2M/year"}},
		{"the batch took 4h10m, now 9 s; p99 of 400 ms", []string{"4h10m", "9\u00a0s", "400\u00a0ms"}},
		{"for 3 weeks with a 30-year-old system", []string{"3\u00a0weeks", "30-year-old"}},
		{"a 4-way stream join", []string{"4-way"}},
		{"in 2019-2020 we", nil},
		{"Step 15 of the plan, then 1. Explain", nil},
		{"plan a v2 and S3 buckets, x86, UTF-8 and HTTP/2", nil},
		{"by a factor of 3.", nil},
		{"10-20% faster over 12 teams", []string{"10-20%", "12\u00a0teams"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, sp := range figures(tt.text, regular, false) {
				if sp.st == bold {
					got = append(got, sp.text)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("bold %q, want %q", got, tt.want)
			}
		})
	}
}

// A word wider than its line (a figure joined with no-break spaces) is
// broken at its no-break spaces before anywhere else: never inside a
// number that fits a line.
func TestBreakAtNoBreakSpaces(t *testing.T) {
	d, err := newDoc(&export.Packet{Paper: "A4"}, Options{}, "test")
	if err != nil {
		t.Fatal(err)
	}
	word := "$1,234,567,890\u00a0to\u00a0$2,345,678,901"
	spans := []span{{text: "Lead with " + word + " (90%).", st: bold}}
	whole := d.wrap([]span{{text: "$1,234,567,890", st: bold}}, 9, 1e9)[0].w
	for _, maxW := range []float64{whole + 1, whole * 1.3, whole * 1.9} {
		var got []string
		for _, ln := range d.wrap(spans, 9, maxW) {
			var b strings.Builder
			for _, s := range ln.segs {
				b.WriteString(s.text)
			}
			if ln.w > maxW+1e-9 {
				t.Errorf("width %g: line %q is %g wide", maxW, b.String(), ln.w)
			}
			got = append(got, b.String())
		}
		all := strings.Join(got, "|")
		for _, n := range []string{"$1,234,567,890", "$2,345,678,901"} {
			if !strings.Contains(all, n) {
				t.Errorf("width %g: %q is broken: %q", maxW, n, got)
			}
		}
		squeeze := strings.NewReplacer("|", "", " ", "", "\u00a0", "").Replace
		if squeeze(all) != squeeze(spans[0].text) {
			t.Errorf("width %g: text lost: %q", maxW, got)
		}
	}
}

func TestLooseFind(t *testing.T) {
	for _, tt := range []struct{ text, fig, want string }{
		{"Processing time is reduced to <1% of before", "< 1%", "<1%"},
		{"Cut the bill by $1.2M/year", "$1.2M/year", "$1.2M/year"},
		{"from 40 % to 2 %", "40%", "40 %"},
		{"no figure here", "90%", ""},
	} {
		got, ok := looseFind(tt.text, tt.fig)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("looseFind(%q, %q) = %q, %v; want %q", tt.text, tt.fig, got, ok, tt.want)
		}
	}
}
