package pdf

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// compressPages gives the bytes fpdf gives when it compresses the pages
// itself, whatever the number of pages and whatever they hold.
func TestCompressPagesMatchesFpdf(t *testing.T) {
	render := func(pages int, compress bool) []byte {
		f := fpdf.New("P", "mm", "A4", "")
		f.SetCompression(compress)
		f.SetCatalogSort(true)
		at := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
		f.SetCreationDate(at)
		f.SetModificationDate(at)
		f.SetFont("Helvetica", "", 11)
		for i := range pages {
			f.AddPage()
			f.Bookmark(fmt.Sprintf("Page %d", i+1), 0, -1)
			for l := range i % 40 {
				// Text that looks like PDF syntax must not confuse it.
				f.Text(20, float64(20+5*l), fmt.Sprintf("line %d /Contents 1 0 R>> endstream xref 0 obj", l))
			}
		}
		var buf bytes.Buffer
		if err := f.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	for _, pages := range []int{0, 1, 3, 120} {
		t.Run(fmt.Sprint(pages), func(t *testing.T) {
			want := render(pages, true)
			var got bytes.Buffer
			if err := compressPages(&got, render(pages, false)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("differs from fpdf's own compression: %d bytes, want %d", got.Len(), len(want))
			}
			// The writer fpdf outputs to: in one write, or in pieces.
			raw := render(pages, false)
			for _, cut := range []int{len(raw), len(raw) / 2, 1} {
				var out bytes.Buffer
				pc := &pageCompressor{w: &out}
				pc.Write(raw[:cut])
				pc.Write(raw[cut:])
				if err := pc.close(); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(out.Bytes(), want) {
					t.Errorf("written in two pieces cut at %d: differs", cut)
				}
			}
		})
	}
}

// A document compressPages cannot read is an error, not a bad file.
func TestCompressPagesRefusesGarbage(t *testing.T) {
	for _, src := range []string{"", "%PDF-1.3\n", "xref\n0 1\nstartxref\n0\n%%EOF\n", "%PDF\nstartxref\n999\n%%EOF\n"} {
		if err := compressPages(&bytes.Buffer{}, []byte(src)); err == nil {
			t.Errorf("%q: no error", src)
		}
	}
}
