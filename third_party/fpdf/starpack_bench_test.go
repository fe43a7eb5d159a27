// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

// Benchmarks of the fork's changes. Like starpack_cases_test.go they use
// only fpdf's API, so that they run on the unmodified sources too.

import (
	"fmt"
	"io"
	"runtime"
	"strconv"
	"testing"
)

// Benchmarks of the costs starpack sees: the fixed cost of a small
// document with the four Go fonts, and a long document written page by
// page and then revisited for running headers.

// smallDoc is a two-page document with the four Go fonts.
func smallDoc(b *testing.B, out io.Writer) {
	f := newGoldenDoc(true)
	addGoFonts(f)
	for p := range 2 {
		f.AddPage()
		for i, style := range []string{"", "B", "I"} {
			f.SetFont("go", style, 11)
			f.Text(20, float64(20+10*i), goldenParagraphs[(p+i)%len(goldenParagraphs)])
		}
		f.SetFont("gomono", "", 9)
		f.Text(20, 60, "mono 0123456789")
	}
	if err := f.Output(out); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkStarpackSmallDoc(b *testing.B) {
	for b.Loop() {
		smallDoc(b, io.Discard)
	}
}

func BenchmarkStarpackAddUTF8Font(b *testing.B) {
	for b.Loop() {
		f := newGoldenDoc(true)
		addGoFonts(f)
		if f.Err() {
			b.Fatal(f.Error())
		}
	}
}

// longDoc writes pages of text lines, then goes back to each page.
func longDoc(tb testing.TB, pages int, compress bool) *Fpdf {
	f := newGoldenDoc(compress)
	addGoFonts(f)
	f.SetAutoPageBreak(false, 0)
	for p := range pages {
		f.AddPage()
		f.SetFont("go", "B", 12)
		f.Bookmark(fmt.Sprintf("Page %d", p+1), 0, 20)
		f.Text(20, 20, fmt.Sprintf("Story %d", p+1))
		f.SetFont("go", "", 10)
		for l := range 45 {
			f.Text(20, float64(30+5*l), goldenParagraphs[(p+l)%len(goldenParagraphs)])
		}
		f.SetDrawColor(0x99, 0x99, 0x99)
		f.Line(20, 26, 190, 26)
		f.SetFillColor(0xee, 0xee, 0xee)
		f.Rect(15, 270, 180, 8, "F")
	}
	for i := 1; i <= pages; i++ {
		f.SetPage(i)
		f.SetFont("go", "", 8)
		f.Text(170, 290, fmt.Sprintf("Page %d of %d", i, pages))
	}
	return f
}

func BenchmarkStarpackLongDoc(b *testing.B) {
	for _, pages := range []int{100, 1000} {
		b.Run(strconv.Itoa(pages), func(b *testing.B) {
			var size int
			for b.Loop() {
				f := longDoc(b, pages, true)
				var cw countWriter
				if err := f.Output(&cw); err != nil {
					b.Fatal(err)
				}
				size = cw.n
			}
			b.ReportMetric(float64(size), "pdf-bytes")
		})
	}
}

type countWriter struct{ n int }

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

// BenchmarkStarpackLongDocHeld reports the live heap once a long document
// is laid out, before its output: what the pages hold.
func BenchmarkStarpackLongDocHeld(b *testing.B) {
	for _, pages := range []int{1000, 3000} {
		b.Run(strconv.Itoa(pages), func(b *testing.B) {
			var held uint64
			for b.Loop() {
				f := longDoc(b, pages, true)
				b.StopTimer()
				var ms runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&ms)
				held = ms.HeapAlloc
				runtime.KeepAlive(f)
				b.StartTimer()
			}
			b.ReportMetric(float64(held)/(1<<20), "held-MiB")
		})
	}
}

// textDoc is a page with the Go fonts, uncompressed, for the benchmarks of
// the per-call text paths.
func textDoc() *Fpdf {
	f := newGoldenDoc(false)
	addGoFonts(f)
	f.AddPage()
	f.SetFont("go", "", 10)
	return f
}

// BenchmarkStarpackText is one Text call, as starpack draws each run of
// a line, with a font and colour change every few calls.
func BenchmarkStarpackText(b *testing.B) {
	f := textDoc()
	i := 0
	for b.Loop() {
		if i%4 == 0 {
			f.SetFont("go", []string{"", "B", "I"}[i%3], 10)
			f.SetTextColor(0x22, 0x22, i%7)
		}
		f.Text(20, 30, goldenParagraphs[i%len(goldenParagraphs)])
		i++
	}
}

// BenchmarkStarpackCellFormat is one bordered, aligned cell, and one
// MultiCell line.
func BenchmarkStarpackCellFormat(b *testing.B) {
	f := textDoc()
	f.SetAutoPageBreak(false, 0)
	f.SetFillColor(0xee, 0xee, 0xee)
	var short []string
	for _, p := range goldenParagraphs {
		short = append(short, string([]rune(p)[:40]))
	}
	i := 0
	for b.Loop() {
		f.SetXY(20, 30)
		f.CellFormat(120, 6, short[i%len(short)], "LTB", 0, "C", i%2 == 0, 0, "")
		f.SetXY(20, 40)
		f.MultiCell(170, 5, goldenParagraphs[i%len(goldenParagraphs)], "", "L", false)
		i++
	}
}

// BenchmarkStarpackShapes is a filled rectangle, a line and a width.
func BenchmarkStarpackShapes(b *testing.B) {
	f := textDoc()
	for b.Loop() {
		f.SetFillColor(0xdd, 0xe8, 0xf4)
		f.Rect(15, 25, 180, 8, "F")
		f.SetLineWidth(0.3)
		f.SetDrawColor(0x99, 0x99, 0x99)
		f.Line(20, 26, 190, 26)
	}
}
