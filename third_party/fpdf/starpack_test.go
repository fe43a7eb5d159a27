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
	"encoding/binary"
	"errors"
	"fmt"
	"hash/adler32"
	"hash/maphash"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/image/font/gofont/gomediumitalic"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

const goldenDir = "testdata/starpack"

// sameContent lists the goldens a change alters on purpose, and why: they
// must hold the same objects with the same decoded content.
var sameContent = map[string]string{
	"revisit.pdf": "pages written to again after SetPage have the new content appended to their compressed stream",
}

// TestStarpackGolden renders each case with compression on and off and
// compares it with the bytes the unmodified sources wrote. (The goldens
// are written by v0.12.0 with starpack_cases_test.go: for each case and
// compression, renderGolden to testdata/starpack/goldenName.)
func TestStarpackGolden(t *testing.T) {
	for _, c := range goldenCases {
		for _, compress := range []bool{true, false} {
			name := goldenName(c, compress)
			t.Run(name, func(t *testing.T) {
				got := renderGolden(t, c, compress)
				want := readGolden(t, c, compress)
				checkPDF(t, got)
				if why, ok := sameContent[name]; ok {
					t.Logf("the same content as the golden, not the same bytes: %s", why)
					checkSameContent(t, got, want)
				} else if !bytes.Equal(got, want) {
					t.Errorf("%d bytes differ from the golden %s (%d bytes)", len(got), name, len(want))
				}
				qpdfCheck(t, got)
			})
		}
	}
}

// checkGolden checks that got is the golden of c: the same bytes, or the
// same content for the goldens in sameContent.
func checkGolden(tb testing.TB, c goldenCase, compress bool, got []byte, what string) {
	tb.Helper()
	want := readGolden(tb, c, compress)
	if _, ok := sameContent[goldenName(c, compress)]; ok {
		checkSameContent(tb, got, want)
	} else if !bytes.Equal(got, want) {
		tb.Errorf("%s: %s differs from the golden", goldenName(c, compress), what)
	}
}

var lengthKey = regexp.MustCompile(`/Length \d+|/Filter /FlateDecode ?`)

// checkSameContent checks that two PDFs have the same objects, with the
// same dictionaries but for stream lengths and filters, and streams that
// decode to the same bytes.
func checkSameContent(tb testing.TB, got, want []byte) {
	tb.Helper()
	g, w := checkPDF(tb, got), checkPDF(tb, want)
	if len(g) != len(w) {
		tb.Fatalf("%d objects, want %d", len(g), len(w))
	}
	for n, wo := range w {
		gobj := g[n]
		if gd, wd := lengthKey.ReplaceAllString(gobj.dict, ""), lengthKey.ReplaceAllString(wo.dict, ""); gd != wd {
			tb.Errorf("object %d: %.200q, want %.200q", n, gd, wd)
		}
		if !bytes.Equal(gobj.stream, wo.stream) {
			tb.Errorf("object %d: the stream decodes to %d bytes, want %d (the same)", n, len(gobj.stream), len(wo.stream))
		}
	}
	if gt, wt := pdfTrailer(got), pdfTrailer(want); regexp.MustCompile(`startxref\n\d+`).ReplaceAllString(gt, "") != regexp.MustCompile(`startxref\n\d+`).ReplaceAllString(wt, "") {
		tb.Errorf("trailer %q, want %q", gt, wt)
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
			checkGolden(t, c, compress, outputGolden(t, f, c), "from shared font slices")
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
			checkGolden(t, c, compress, outputGolden(t, f, c), "after the caller cleared its font slices")
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
	type result struct {
		c        goldenCase
		compress bool
		pdf      []byte
		err      error
	}
	const workers = 6
	results := make([][]result, workers)
	var wg sync.WaitGroup
	for g := range workers {
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
				err := f.Output(&buf)
				results[g] = append(results[g], result{c, compress, buf.Bytes(), err})
			}
		}()
	}
	wg.Wait()
	for _, rs := range results {
		for _, r := range rs {
			if r.err != nil {
				t.Fatal(r.err)
			}
			checkGolden(t, r.c, r.compress, r.pdf, "made concurrently")
		}
	}
}

// cidWidths gives the bytes of the original /W code, for the Go fonts with
// many sets of used runes, and for random widths with long runs.
func TestCIDWidthsSameAsPHP(t *testing.T) {
	t.Parallel()
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

// zlibAppend gives a stream that inflates to the concatenation, however
// many times it is applied and whatever the sizes, and falls back to
// inflating a stream that does not end as compress/zlib ends them.
func TestZlibAppend(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewPCG(5, 6))
	piece := func() []byte {
		n := []int{0, 1, 2, 3, 7, 100, 1000, 70000, 200000}[rnd.IntN(9)]
		b := randomBytes(rnd, n)
		for i := range b {
			if b[i]&3 != 0 { // three bytes in four: page content
				b[i] = "BT /F1 12 Tf ET q 0 g Q\n"[i%24]
			}
		}
		return b
	}
	for i := range 200 {
		whole := piece()
		var z bytes.Buffer
		if err := zlibCompress(&z, whole); err != nil {
			t.Fatal(err)
		}
		stream := z.Bytes()
		for range 1 + rnd.IntN(5) {
			more := piece()
			var err error
			stream, err = zlibAppend(stream, more)
			if err != nil {
				t.Fatal(err)
			}
			whole = append(whole, more...)
		}
		zr, err := zlib.NewReader(bytes.NewReader(stream))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(zr) // checks the Adler-32 checksum too
		if err != nil || !bytes.Equal(got, whole) {
			t.Fatalf("case %d: inflates to %d bytes (%v), want %d", i, len(got), err, len(whole))
		}
	}
	// A stream that ends in a fixed-Huffman final block (as zlib's C
	// library writes "") is inflated and compressed again.
	other := []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}
	stream, err := zlibAppend(other, []byte("more"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zlib.NewReader(bytes.NewReader(stream))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := io.ReadAll(zr); err != nil || string(got) != "more" {
		t.Errorf("fallback: %q, %v", got, err)
	}
}

// randomBytes returns n bytes from rnd, eight at a time.
func randomBytes(rnd *rand.Rand, n int) []byte {
	b := make([]byte, n+8)
	for i := 0; i < n; i += 8 {
		binary.LittleEndian.PutUint64(b[i:], rnd.Uint64())
	}
	return b[:n]
}

func TestAdler32Combine(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewPCG(7, 8))
	for range 500 {
		a := randomBytes(rnd, rnd.IntN(300000))
		b := randomBytes(rnd, rnd.IntN(300000))
		for i := range b {
			b[i] |= 0x80
		}
		want := adler32.Checksum(append(bytes.Clone(a), b...))
		if got := adler32Combine(adler32.Checksum(a), adler32.Checksum(b), len(b)); got != want {
			t.Fatalf("%d+%d bytes: %08x, want %08x", len(a), len(b), got, want)
		}
	}
}

// A long document holds its pages compressed as it is written, the pages
// written to again after SetPage included; the PDF has the content an
// uncompressed one has.
func TestPagesHeldCompressed(t *testing.T) {
	t.Parallel()
	const pages = 300
	f := longDoc(t, pages, true)
	raw, z := 0, 0
	for n := 1; n <= pages; n++ {
		raw += f.pages[n].Len()
		if n < len(f.pageZ) {
			z += len(f.pageZ[n])
		}
		if n != f.page && !f.pageCompressed(n) {
			t.Fatalf("page %d of %d is not compressed", n, pages)
		}
	}
	if cur := f.pages[f.page].Len(); raw != cur {
		t.Errorf("%d bytes held uncompressed, want only the current page's %d", raw, cur)
	}
	t.Logf("%d pages: %d bytes compressed, %d uncompressed (the current page)", pages, z, raw)
	var got, want bytes.Buffer
	if err := f.Output(&got); err != nil {
		t.Fatal(err)
	}
	if err := longDoc(t, pages, false).Output(&want); err != nil {
		t.Fatal(err)
	}
	checkSameContent(t, got.Bytes(), want.Bytes())
	qpdfCheck(t, got.Bytes())
}

// Output writes a document not yet closed to its writer as it is made:
// the bytes are those Close then Output give, in writes no larger than
// the buffer or a stream.
func TestOutputStreams(t *testing.T) {
	for _, c := range goldenCases {
		for _, compress := range []bool{true, false} {
			f := newGoldenDoc(compress)
			if c.fonts {
				addGoFonts(f)
			}
			c.build(f)
			f.Close()
			var closed bytes.Buffer
			if err := f.Output(&closed); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, c, compress, closed.Bytes(), "closed, then output")
		}
	}
	const pages = 300
	var w recordWriter
	if err := longDoc(t, pages, true).Output(&w); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	f := longDoc(t, pages, true)
	f.Close()
	f.Output(&want)
	if !bytes.Equal(w.buf.Bytes(), want.Bytes()) {
		t.Fatal("streamed output differs from the closed document's")
	}
	if w.max > 64<<10 || w.writes < want.Len()/(64<<10) {
		t.Errorf("%d writes of up to %d bytes for %d bytes", w.writes, w.max, want.Len())
	}
}

type recordWriter struct {
	buf         bytes.Buffer
	writes, max int
}

func (w *recordWriter) Write(p []byte) (int, error) {
	w.writes++
	w.max = max(w.max, len(p))
	return w.buf.Write(p)
}

type failWriter struct{ left int }

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.left {
		n := w.left
		w.left = 0
		return n, errors.New("disk full")
	}
	w.left -= len(p)
	return len(p), nil
}

// An error writing the output is returned, and kept.
func TestOutputWriteError(t *testing.T) {
	f := longDoc(t, 50, true)
	err := f.Output(&failWriter{left: 100000})
	if err == nil || err.Error() != "disk full" {
		t.Fatalf("error %v", err)
	}
	if f.Error() != err {
		t.Errorf("Error() = %v", f.Error())
	}
}

// A font file that cannot be read fails the output before anything is
// written, as when the document was made in memory first.
func TestOutputFontFileMissing(t *testing.T) {
	dir := t.TempDir()
	def, err := os.ReadFile("font/calligra.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "calligra.json"), def, 0o644); err != nil {
		t.Fatal(err)
	}
	f := New("P", "mm", "A4", dir)
	f.AddFont("Calligrapher", "", "calligra.json")
	f.AddPage()
	f.SetFont("Calligrapher", "", 20)
	f.Text(20, 20, "missing font file")
	var w recordWriter
	if err := f.Output(&w); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("error %v", err)
	}
	if w.buf.Len() != 0 {
		t.Errorf("%d bytes written", w.buf.Len())
	}
}

// The append forms of escaping and UTF-16 conversion give the bytes of
// the string forms, for valid and invalid UTF-8 and PDF delimiters.
func TestAppendEscaped(t *testing.T) {
	rnd := rand.New(rand.NewPCG(9, 10))
	alphabet := []string{"a", "(", ")", "\\", "\r", "é", "€", "Ĩ", "ĩ", "Ω", "\u2028", "𝄞", "\xff", "\xc3", " "}
	for i := range 5000 {
		var sb strings.Builder
		for range rnd.IntN(12) {
			sb.WriteString(alphabet[rnd.IntN(len(alphabet))])
		}
		s := sb.String()
		if got, want := string(appendEscaped(nil, s)), escapeReplace(s); got != want {
			t.Fatalf("%q: escaped %q, want %q", s, got, want)
		}
		if got, want := new(Fpdf).escape(s), escapeReplace(s); got != want {
			t.Fatalf("%q: escape %q, want %q", s, got, want)
		}
		var want string
		wantPanic := func() (p bool) {
			defer func() { p = recover() != nil }()
			want = escapeReplace(utf8toutf16(s, false))
			return false
		}()
		var got string
		gotPanic := func() (p bool) {
			defer func() { p = recover() != nil }()
			got = string(appendUTF16Escaped(nil, s))
			return false
		}()
		if gotPanic != wantPanic || got != want {
			t.Fatalf("case %d, %q: UTF-16 %q (panic %v), want %q (panic %v)", i, s, got, gotPanic, want, wantPanic)
		}
	}
}

// unpackUint16Array and unpackUint32Array give what reading the data two
// or four bytes at a time with a bytes.Reader gave, odd lengths included.
func TestUnpackArrays(t *testing.T) {
	ref := func(data []byte, size int) []int {
		answer := make([]int, 1)
		r := bytes.NewReader(data)
		bs := make([]byte, size)
		c, e := r.Read(bs)
		for e == nil && c > 0 {
			if size == 2 {
				answer = append(answer, int(binary.BigEndian.Uint16(bs)))
			} else {
				answer = append(answer, int(binary.BigEndian.Uint32(bs)))
			}
			c, e = r.Read(bs)
		}
		return answer
	}
	rnd := rand.New(rand.NewPCG(11, 12))
	for n := range 40 {
		data := make([]byte, n)
		for i := range data {
			data[i] = byte(rnd.Uint32())
		}
		if got, want := unpackUint16Array(data), ref(data, 2); !slices.Equal(got, want) {
			t.Errorf("16, %d bytes: %v, want %v", n, got, want)
		}
		if got, want := unpackUint32Array(data), ref(data, 4); !slices.Equal(got, want) {
			t.Errorf("32, %d bytes: %v, want %v", n, got, want)
		}
	}
}

// BenchmarkStarpackFirstParse is what a process pays the first time it
// adds the four Go fonts: the parse, the font ids and the tables the
// subsetting reads.
func BenchmarkStarpackFirstParse(b *testing.B) {
	for b.Loop() {
		c := utf8FontCacheType{seed: maphash.MakeSeed(), fonts: make(map[uint64][]*parsedUTF8Font)}
		for _, data := range [][]byte{goregular.TTF, gobold.TTF, goitalic.TTF, gomono.TTF} {
			pf, err := c.load(data)
			if err != nil {
				b.Fatal(err)
			}
			pf.cutTables()
			f := pf.newFile()
			def := fontDefType{Tp: "UTF8", Name: "x", Cw: f.CharWidths}
			pf.fontID(def)
		}
	}
}

// Documents that add the same new font at the same time parse it once:
// the others wait for that parse. They all get the same font.
func TestUTF8FontParsedOnceConcurrently(t *testing.T) {
	font := append(bytes.Clone(gomediumitalic.TTF), 0) // bytes no other test uses
	utf8FontCache.Lock()
	before := utf8FontCache.parses
	utf8FontCache.Unlock()
	const docs = 8
	pdfs := make([][]byte, docs)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range docs {
		wg.Go(func() {
			<-start
			f := newGoldenDoc(true)
			f.AddUTF8FontFromBytes("medium", "", font)
			f.AddPage()
			f.SetFont("medium", "", 12)
			f.Text(20, 20, "Parsed once, ünïcödé")
			var buf bytes.Buffer
			if err := f.Output(&buf); err != nil {
				t.Error(err)
			}
			pdfs[i] = buf.Bytes()
		})
	}
	close(start)
	wg.Wait()
	utf8FontCache.Lock()
	parses := utf8FontCache.parses - before
	utf8FontCache.Unlock()
	if parses != 1 {
		t.Errorf("%d documents adding one font parsed it %d times, want once", docs, parses)
	}
	for i := 1; i < docs; i++ {
		if !bytes.Equal(pdfs[i], pdfs[0]) {
			t.Errorf("document %d differs from document 0", i)
		}
	}
}
