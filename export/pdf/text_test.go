package pdf

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/starpack/starpack/export"
)

// findFigures finds what the expression finds over the whole text.
func TestFindFigures(t *testing.T) {
	tests := []struct{ name, text string }{
		{"none", "No figures at all here."},
		{"empty", ""},
		{"lone digit", "7"},
		{"lead signs", "from ≈ €40k to < 1% and ≥ $3 million, ~ 5 x"},
		{"ranges", "2019-2020, 3 – 4 weeks, 4-way joins"},
		{"in words", "v2 S3 x86 UTF-8 HTTP/2 3rd 2x4"},
		{"adjacent", "1 2 3 45,000.5 6"},
		{"non-ASCII around", "Łódź 12 Zürich €40k 3\u00a0ms"},
		{"long gap", "4 a very long stretch of words without a single figure in it at all, " +
			"going on and on, then 150 ms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFigures(t, tt.text)
		})
	}
}

func checkFigures(t *testing.T, text string) {
	t.Helper()
	var want [][2]int
	for _, m := range numberRE.FindAllStringIndex(text, -1) {
		want = append(want, [2]int{m[0], m[1]})
	}
	if got := findFigures(text); !reflect.DeepEqual(got, want) {
		t.Errorf("findFigures(%q) = %v, want %v", text, got, want)
	}
}

func FuzzFindFigures(f *testing.F) {
	f.Add("from ≈ €40k to < 1% and ≥ $3 million")
	f.Add("2019-2020, 3 – 4 weeks, 4-way, v2, 3rd")
	f.Fuzz(func(t *testing.T, text string) { checkFigures(t, text) })
}

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
		{"plain", []span{{"Cut latency by 40% in 3 months.", regular}}},
		{"spaces and tabs", []span{{"  a\t\tb   c \n d  ", regular}}},
		{"styles", []span{{"Rewrote ", regular}, {"the join", bold}, {" in ", regular}, {"150 ms", bold}, {"flat", regular}}},
		{"invisible", []span{{"zero\u200bwidth soft\u00adhyphen", regular}}},
		{"bad bytes", []span{{"a\xffb \xfe\xfd c\uFFFDd", regular}}},
		{"non-ASCII", []span{{"Łódź → Zürich €40k…", italic}, {"日本", regular}}},
		{"no-break space", []span{{"150\u00a0ms", bold}}},
		{"empty", []span{{"", regular}, {" ", regular}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkPieces(t, tt.spans) })
	}
}

func FuzzPieces(f *testing.F) {
	f.Add("Rewrote the join", "150 ms", "\xffa\u200b b")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		checkPieces(t, []span{{a, regular}, {b, bold}, {c, mono}})
	})
}

// Numbers are set in bold: the content stream switches to the bold face
// around them.
func TestFigures(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"reduced to < 1% of before", []string{"<\u00a01%"}},
		{"50% of total processing time", []string{"50%"}},
		{"3000+ steps, 1 million dollar off", []string{"3000+\u00a0steps", "1\u00a0million"}},
		{"saved $1 million a year", []string{"$1\u00a0million"}},
		{"flushes data every 150 ms, and", []string{"150\u00a0ms"}},
		{"for 3 months with result", []string{"3\u00a0months"}},
		{"a 4-way stream join", []string{"4-way"}},
		{"in 2019-2020 we", []string{"2019-2020"}},
		{"plan a v2 and S3 buckets, x86, UTF-8 and HTTP/2", nil},
		{"by a factor of 3.", []string{"3"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, sp := range figures(tt.text, regular) {
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
