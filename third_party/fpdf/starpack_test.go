// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

// Tests of the starpack fork (see STARPACK.md). The golden PDFs in
// testdata/starpack were written by the unmodified v0.12.0 sources: a
// change that is not meant to alter output must reproduce them byte for
// byte.

import (
	"bytes"
	"compress/zlib"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

var updateGolden = flag.Bool("starpack.update", false, "rewrite the golden PDFs in testdata/starpack")

const goldenDir = "testdata/starpack"

// TestStarpackGolden renders each case with compression on and off and
// compares it with the bytes the unmodified sources wrote.
func TestStarpackGolden(t *testing.T) {
	for _, c := range goldenCases {
		for _, compress := range []bool{true, false} {
			name := goldenName(c, compress)
			t.Run(name, func(t *testing.T) {
				got := renderGolden(t, c, compress)
				path := filepath.Join(goldenDir, name)
				if *updateGolden {
					if err := os.MkdirAll(goldenDir, 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				checkPDF(t, got)
				if !bytes.Equal(got, want) {
					t.Errorf("%d bytes differ from the golden %s (%d bytes)", len(got), path, len(want))
					os.WriteFile(filepath.Join(t.TempDir(), name), got, 0o644)
				}
				qpdfCheck(t, got)
			})
		}
	}
}

// pdfObject is one indirect object of a PDF: its number, its dictionary
// and, for a stream, its decoded data.
type pdfObject struct {
	num    int
	dict   string
	stream []byte // decoded (inflated when /FlateDecode)
	raw    []byte // as stored
}

var objHeader = regexp.MustCompile(`^(\d+) 0 obj\n`)

// checkPDF makes the structural checks qpdf would make of fpdf's output,
// without qpdf: the header, a cross-reference table whose every offset
// points at its object, stream lengths that match, deflate streams that
// inflate, and the end-of-file marker. It returns the objects.
func checkPDF(tb testing.TB, pdf []byte) map[int]*pdfObject {
	tb.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.")) {
		tb.Fatalf("no %%PDF header: %q", pdf[:min(len(pdf), 10)])
	}
	if !bytes.HasSuffix(pdf, []byte("%%EOF\n")) {
		tb.Fatalf("no %%%%EOF at the end")
	}
	sx := bytes.LastIndex(pdf, []byte("startxref\n"))
	if sx < 0 {
		tb.Fatal("no startxref")
	}
	line, _, _ := bytes.Cut(pdf[sx+len("startxref\n"):], []byte("\n"))
	xref, err := strconv.Atoi(string(line))
	if err != nil || xref <= 0 || xref >= sx || !bytes.HasPrefix(pdf[xref:], []byte("xref\n0 ")) {
		tb.Fatalf("startxref %q does not point at the xref table", line)
	}
	rest := pdf[xref+len("xref\n0 "):]
	line, rest, _ = bytes.Cut(rest, []byte("\n"))
	count, err := strconv.Atoi(string(line))
	if err != nil || count < 2 || len(rest) < 20*count {
		tb.Fatalf("bad xref table size %q", line)
	}
	if string(rest[:20]) != "0000000000 65535 f \n" {
		tb.Fatalf("bad first xref entry %q", rest[:20])
	}
	offsets := make([]int, count)
	for i := 1; i < count; i++ {
		e := rest[20*i : 20*i+20]
		if string(e[10:]) != " 00000 n \n" {
			tb.Fatalf("bad xref entry %d: %q", i, e)
		}
		offsets[i], err = strconv.Atoi(string(e[:10]))
		if err != nil || offsets[i] <= 0 || offsets[i] >= xref {
			tb.Fatalf("bad xref offset %d: %q", i, e)
		}
	}
	trailer := rest[20*count:]
	if !bytes.HasPrefix(trailer, []byte("trailer\n<<\n")) || !bytes.Contains(trailer, []byte(fmt.Sprintf("/Size %d\n", count))) {
		tb.Fatalf("bad trailer %q", trailer[:min(len(trailer), 60)])
	}
	objs := map[int]*pdfObject{}
	for n := 1; n < count; n++ {
		obj := pdf[offsets[n]:]
		m := objHeader.FindSubmatch(obj)
		if m == nil || string(m[1]) != strconv.Itoa(n) {
			tb.Fatalf("xref entry %d points at %q", n, obj[:min(len(obj), 20)])
		}
		body := obj[len(m[0]):]
		end := bytes.Index(body, []byte("endobj\n"))
		if end < 0 {
			tb.Fatalf("object %d has no endobj", n)
		}
		o := &pdfObject{num: n}
		si := bytes.Index(body[:end], []byte("\nstream\n"))
		if si < 0 || !bytes.HasPrefix(bytes.TrimSpace(body[:si]), []byte("<<")) {
			o.dict = string(body[:end])
			objs[n] = o
			continue
		}
		o.dict = string(body[:si])
		lm := regexp.MustCompile(`/Length (\d+)`).FindStringSubmatch(o.dict)
		if lm == nil {
			tb.Fatalf("stream object %d has no /Length: %q", n, o.dict)
		}
		length, _ := strconv.Atoi(lm[1])
		data := body[si+len("\nstream\n"):]
		if len(data) < length || !bytes.HasPrefix(data[length:], []byte("\nendstream\nendobj\n")) {
			tb.Fatalf("object %d: /Length %d does not end at endstream", n, length)
		}
		o.raw = data[:length]
		o.stream = o.raw
		if strings.Contains(o.dict, "/FlateDecode") && !strings.Contains(pdfTrailer(pdf), "/Encrypt") {
			zr, err := zlib.NewReader(bytes.NewReader(o.raw))
			if err != nil {
				tb.Fatalf("object %d: %v", n, err)
			}
			o.stream, err = io.ReadAll(zr)
			if err != nil {
				tb.Fatalf("object %d does not inflate: %v", n, err)
			}
		}
		objs[n] = o
	}
	return objs
}

func pdfTrailer(pdf []byte) string {
	i := bytes.LastIndex(pdf, []byte("trailer\n"))
	if i < 0 {
		return ""
	}
	return string(pdf[i:])
}

// qpdfCheck runs qpdf --check on pdf when qpdf is installed.
func qpdfCheck(tb testing.TB, pdf []byte) {
	tb.Helper()
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		return // the pure-Go checks above still ran
	}
	path := filepath.Join(tb.TempDir(), "check.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		tb.Fatal(err)
	}
	out, err := exec.Command(qpdf, "--password=owner", "--check", path).CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("No syntax or stream encoding errors found")) || bytes.Contains(out, []byte("WARNING")) {
		tb.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

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

// The font id, written into the PDF as the font's resource name, is the
// one the JSON encoding gave, for UTF-8 fonts, core fonts and edge cases.
func TestGenerateFontIDSameAsJSON(t *testing.T) {
	f := newGoldenDoc(true)
	addGoFonts(f)
	f.SetFont("Helvetica", "B", 10)
	f.SetFont("Times", "I", 10)
	var defs []fontDefType
	for _, def := range f.fonts {
		defs = append(defs, def)
	}
	defs = append(defs,
		fontDefType{},
		fontDefType{Tp: "UTF8", Name: `a"Cw":null<&>\\`, Cw: []int{}},
		fontDefType{Tp: "TrueType", Name: "x", Cw: []int{-1, 0, 65535, 1 << 40}, File: "x.z", Diff: "1 /a", DiffN: 3},
	)
	if len(defs) < 9 {
		t.Fatalf("%d fonts", len(defs))
	}
	for _, def := range defs {
		got, err := generateFontID(def)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := generateFontIDJSON(def)
		if got != want {
			t.Errorf("%s (%d widths): id %s, want %s", def.Name, len(def.Cw), got, want)
		}
		if def.i != "" && def.i != want {
			t.Errorf("%s: stored id %s, want %s", def.Name, def.i, want)
		}
	}
}

func BenchmarkStarpackGenerateFontID(b *testing.B) {
	f := newGoldenDoc(true)
	f.AddUTF8FontFromBytes("go", "", goregular.TTF)
	def := f.fonts["go"]
	b.Run("json", func(b *testing.B) {
		for b.Loop() {
			generateFontIDJSON(def)
		}
	})
	b.Run("direct", func(b *testing.B) {
		for b.Loop() {
			generateFontID(def)
		}
	})
}

func TestAppendWidth(t *testing.T) {
	for _, w := range []int{0, 1, 9, 10, 99, 100, 999, 1000, 65535, 99999, 100000, -1, -12345, 1 << 40} {
		if got, want := string(appendWidth([]byte("x"), w)), "x"+strconv.Itoa(w); got != want {
			t.Errorf("%d: %q, want %q", w, got, want)
		}
	}
}

func readGolden(tb testing.TB, c goldenCase, compress bool) []byte {
	tb.Helper()
	want, err := os.ReadFile(filepath.Join(goldenDir, goldenName(c, compress)))
	if err != nil {
		tb.Fatal(err)
	}
	return want
}

// The font bytes given to AddUTF8FontFromBytes are neither written nor
// kept: documents made one after the other from the same slices give the
// golden bytes and leave the slices intact, and a slice reused for
// something else once the font is added does not change the document.
func TestUTF8FontBytesNotWritten(t *testing.T) {
	orig := [4][]byte{goregular.TTF, gobold.TTF, goitalic.TTF, gomono.TTF}
	var shared [4][]byte
	for i, b := range orig {
		shared[i] = bytes.Clone(b)
	}
	for _, c := range goldenCases {
		if !c.fonts {
			continue
		}
		for _, compress := range []bool{true, false} {
			f := newGoldenDoc(compress)
			addFonts(f, shared)
			if got := outputGolden(t, f, c); !bytes.Equal(got, readGolden(t, c, compress)) {
				t.Errorf("%s: differs from the golden", goldenName(c, compress))
			}
			for i := range shared {
				if !bytes.Equal(shared[i], orig[i]) {
					t.Fatalf("%s: font %d was written to", goldenName(c, compress), i)
				}
			}

			var scratch [4][]byte
			for i, b := range orig {
				scratch[i] = bytes.Clone(b)
			}
			f = newGoldenDoc(compress)
			addFonts(f, scratch)
			for _, b := range scratch {
				clear(b)
			}
			if got := outputGolden(t, f, c); !bytes.Equal(got, readGolden(t, c, compress)) {
				t.Errorf("%s: differs from the golden when the caller clears its font slices", goldenName(c, compress))
			}
		}
	}
}

// UTF8CutFont does not write into its input either.
func TestUTF8CutFontBytesNotWritten(t *testing.T) {
	in := bytes.Clone(gomono.TTF)
	out := UTF8CutFont(in, goldenParagraphs[0]+goldenParagraphs[1]+goldenParagraphs[2])
	if len(out) == 0 || !bytes.Equal(in, gomono.TTF) {
		t.Errorf("input written to (or no output: %d bytes)", len(out))
	}
}

// A font is parsed once per process: documents adding the same bytes,
// from different slices, share the parsed widths.
func TestUTF8FontParsedOnce(t *testing.T) {
	f1, f2 := newGoldenDoc(true), newGoldenDoc(true)
	f1.AddUTF8FontFromBytes("a", "", bytes.Clone(goregular.TTF))
	f2.AddUTF8FontFromBytes("b", "B", bytes.Clone(goregular.TTF))
	d1, d2 := f1.fonts["a"], f2.fonts["bB"]
	if len(d1.Cw) == 0 || &d1.Cw[0] != &d2.Cw[0] {
		t.Error("the widths were parsed twice")
	}
	if d1.utf8File == d2.utf8File {
		t.Error("two documents share their subsetting state")
	}
	if d1.i == d2.i {
		t.Error("two font keys have the same id")
	}
	if id, _ := generateFontID(d2); id != d2.i {
		t.Errorf("cached id %s, want %s", d2.i, id)
	}
}

// Documents made concurrently from the same font slices give the golden
// bytes. Run with -race.
func TestUTF8FontConcurrentDocuments(t *testing.T) {
	fonts := [4][]byte{goregular.TTF, gobold.TTF, goitalic.TTF, gomono.TTF}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range len(goldenCases) * 2 {
				c := goldenCases[(g+k/2)%len(goldenCases)]
				compress := k%2 == 0
				f := newGoldenDoc(compress)
				if c.fonts {
					addFonts(f, fonts)
				}
				c.build(f)
				var buf bytes.Buffer
				if err := f.Output(&buf); err != nil {
					errs <- err.Error()
					return
				}
				if !bytes.Equal(buf.Bytes(), readGolden(t, c, compress)) {
					errs <- goldenName(c, compress) + " differs from the golden"
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// cidWidths gives the bytes of the original /W code, for the Go fonts with
// many sets of used runes, and for random widths with long runs.
func TestCIDWidthsSameAsPHP(t *testing.T) {
	check := func(name string, def *fontDefType, last int) {
		t.Helper()
		got := string(cidWidths(def.Cw, def.usedRunes, last))
		if want := cidWidthsPHP(def, last); got != want {
			t.Fatalf("%s: /W differs\n got %.300q\nwant %.300q", name, got, want)
		}
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	f := newGoldenDoc(true)
	addGoFonts(f)
	for key, def := range f.fonts {
		for i := range 40 {
			used := map[int]int{}
			last := 0
			for range rnd.IntN(1 << (i % 12)) {
				r := rnd.IntN(0x500)
				if i%3 == 0 {
					r = 0x20 + rnd.IntN(0x300)
				}
				used[r] = r
				last = max(last, r)
			}
			def.usedRunes = used
			check(fmt.Sprintf("%s/%d", key, i), &def, last)
		}
	}
	for i := range 3000 {
		n := 1 + rnd.IntN(700)
		cw := make([]int, n)
		used := map[int]int{}
		w := rnd.IntN(3)
		for c := range cw {
			switch rnd.IntN(8) {
			case 0:
				w = rnd.IntN(4) // few distinct widths: long runs
			case 1:
				w = 65535
			case 2:
				cw[c] = 0
				continue
			}
			cw[c] = w
			if rnd.IntN(3) > 0 {
				used[c] = c
			} else if rnd.IntN(2) == 0 {
				used[c] = 0
			}
		}
		def := &fontDefType{Cw: cw, usedRunes: used}
		check(fmt.Sprintf("random %d", i), def, n-1)
	}
}

func TestTableChecksum(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	utf := &utf8FontFile{}
	for n := range 70 {
		data := make([]byte, n)
		for i := range data {
			data[i] = byte(rnd.Uint32())
		}
		want := utf.generateChecksum(bytes.Clone(data))
		if got := tableChecksum(data); got != uint32(want[0])<<16|uint32(want[1]) {
			t.Errorf("%d bytes: %08x, want %04x%04x", n, got, want[0], want[1])
		}
	}
}
