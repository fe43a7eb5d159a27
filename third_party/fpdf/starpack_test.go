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
	"crypto/sha1"
	"encoding/json"
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
	"time"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

var updateGolden = flag.Bool("starpack.update", false, "rewrite the golden PDFs in testdata/starpack")

const goldenDir = "testdata/starpack"

// goldenDate is the creation and modification date of every golden PDF.
var goldenDate = time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)

// Text beyond ASCII: Latin-1, typographic punctuation, Greek, Cyrillic,
// characters the Go fonts lack, and PDF string delimiters.
var goldenParagraphs = []string{
	"Résumé of a naïve façade: “quoted”, ‘single’, en – and em — dashes… (parentheses) and a \\backslash.",
	"Ελληνικά: Καλημέρα κόσμε, ξεσκεπάζω την ψυχοφθόρα βδελυγμία.",
	"Русский: Съешь же ещё этих мягких французских булок, да выпей чаю.",
	"Symbols: € £ ¥ © ® ™ ± × ÷ ≠ ≤ ≥ → ← • ★ ☃ 中文 and an emoji-free line.",
	"Plain ASCII: The quick brown fox jumps over the lazy dog 0123456789 times.",
}

func newGoldenDoc(compress bool) *Fpdf {
	f := New("P", "mm", "A4", "")
	f.SetCompression(compress)
	f.SetCatalogSort(true)
	f.SetCreationDate(goldenDate)
	f.SetModificationDate(goldenDate)
	return f
}

// addGoFonts adds the four Go fonts, each from a copy of its bytes:
// v0.12.0 writes into the slice it is given (Go Mono's hmtx table, when
// it subsets the font), and the package's slice must stay intact for the
// next document.
func addGoFonts(f *Fpdf) {
	addFonts(f, [4][]byte{bytes.Clone(goregular.TTF), bytes.Clone(gobold.TTF), bytes.Clone(goitalic.TTF), bytes.Clone(gomono.TTF)})
}

// addFonts adds regular, bold, italic and mono fonts from the given bytes.
func addFonts(f *Fpdf, fonts [4][]byte) {
	f.AddUTF8FontFromBytes("go", "", fonts[0])
	f.AddUTF8FontFromBytes("go", "B", fonts[1])
	f.AddUTF8FontFromBytes("go", "I", fonts[2])
	f.AddUTF8FontFromBytes("gomono", "", fonts[3])
}

// goldenUTF8 writes several pages with the UTF-8 Go fonts through every
// text path: Cell, CellFormat, MultiCell, Write, links, bookmarks, Text.
func goldenUTF8(f *Fpdf) {
	f.SetTitle("Golden · UTF-8 «test»", true)
	f.SetAuthor("Zoë Ångström", true)
	f.SetHeaderFunc(func() {
		f.SetFont("go", "B", 9)
		f.SetTextColor(0x1f, 0x4e, 0x79)
		f.CellFormat(0, 6, "Golden document — header", "B", 1, "R", false, 0, "")
		f.SetTextColor(0, 0, 0)
	})
	f.SetFooterFunc(func() {
		f.SetY(-15)
		f.SetFont("go", "I", 8)
		f.CellFormat(0, 10, fmt.Sprintf("Page %d", f.PageNo()), "", 0, "C", false, 0, "")
	})
	internal := f.AddLink()
	for p := range 4 {
		f.AddPage()
		f.SetFont("go", "B", 16)
		f.Bookmark(fmt.Sprintf("Chapter %d — Ωμέγα", p+1), 0, -1)
		f.CellFormat(0, 10, fmt.Sprintf("Chapter %d: Überschrift", p+1), "1", 1, "C", false, 0, "")
		f.SetFont("go", "", 11)
		for i, para := range goldenParagraphs {
			if i == 2 {
				f.Bookmark("Section "+strconv.Itoa(i)+" · Кириллица", 1, -1)
			}
			f.MultiCell(0, 5, para, "", "J", false)
			f.Ln(1)
		}
		f.SetFillColor(0xdd, 0xe8, 0xf4)
		for _, align := range []string{"L", "C", "R"} {
			f.CellFormat(60, 7, "Zelle "+align+" ½ ¾", "LTRB", 0, align, true, 0, "")
		}
		f.Ln(-1)
		f.SetFont("go", "I", 11)
		f.Write(5, "Italic flowing text that wraps across the line: "+strings.Repeat("fjord Ærø ", 12))
		f.Ln(6)
		f.SetFont("go", "BU", 11)
		f.WriteLinkString(5, "An external link", "https://example.com/a(b)")
		f.Ln(6)
		f.SetFont("go", "", 11)
		if p == 0 {
			f.WriteLinkID(5, "Jump to the last chapter", internal)
		} else if p == 3 {
			f.SetLink(internal, -1, -1)
			f.Write(5, "Here is the last chapter.")
		}
		f.Ln(6)
		f.SetFont("gomono", "", 9)
		f.SetTextColor(0xa3, 0x32, 0x1f)
		f.Text(20, 200, "mono: func main() { fmt.Println(\"héllo\") } // ≠")
		f.SetTextColor(0, 0, 0)
		f.SetDrawColor(0x66, 0x66, 0x66)
		f.SetLineWidth(0.3)
		f.Line(20, 205, 190, 205)
		f.Rect(20, 210, 170, 20, "D")
		f.LinkString(20, 210, 170, 20, "https://example.org/")
		f.SetXY(22, 212)
		f.SetFont("go", "S", 10)
		f.MultiCell(166, 5, strings.Repeat("Strikeout and wrap. ", 12), "", "L", false)
		f.SetFont("go", "", 10)
		// A long MultiCell that crosses an automatic page break.
		if p == 1 {
			f.SetXY(20, 240)
			f.MultiCell(170, 5, strings.Repeat(goldenParagraphs[0]+" ", 10), "1", "L", false)
		}
	}
}

// goldenAlias uses AliasNbPages and RegisterAlias with UTF-8 fonts.
func goldenAlias(f *Fpdf) {
	f.AliasNbPages("")
	f.SetFooterFunc(func() {
		f.SetY(-15)
		f.SetFont("go", "I", 8)
		f.CellFormat(0, 10, fmt.Sprintf("Seite %d von {nb}", f.PageNo()), "", 0, "C", false, 0, "")
	})
	f.SetFont("go", "", 12)
	f.AddPage()
	for i := range 3 {
		f.CellFormat(0, 8, fmt.Sprintf("Kapitel %d … Seite {mark %d}", i+1, i), "", 1, "L", false, 0, "")
	}
	for i := range 3 {
		f.AddPage()
		f.RegisterAlias(fmt.Sprintf("{mark %d}", i), strconv.Itoa(f.PageNo()))
		f.MultiCell(0, 6, goldenParagraphs[i], "", "L", false)
	}
}

// goldenRevisit draws the pages first and then goes back to every page to
// add a running header and a "Page X of Y" footer, as starpack does.
func goldenRevisit(f *Fpdf) {
	f.SetAutoPageBreak(false, 0)
	for p := range 6 {
		f.AddPage()
		f.SetFont("go", "", 11)
		f.Bookmark(fmt.Sprintf("Seite %d", p+1), 0, 20)
		for l := range 30 + 7*p {
			para := []rune(goldenParagraphs[(p+l)%len(goldenParagraphs)])
			f.Text(20, float64(30+7*l%240), string(para[:min(len(para), 70-l%20)]))
		}
		f.SetFillColor(0xee, 0xee, 0xee)
		f.Rect(15, 25, 180, 250, "D")
	}
	n := f.PageCount()
	for i := 1; i <= n; i++ {
		f.SetPage(i)
		f.SetFont("go", "B", 8)
		f.SetTextColor(0x66, 0x66, 0x66)
		f.Text(20, 15, "Running header · Kopfzeile")
		f.SetFont("go", "", 8)
		f.Text(170, 290, fmt.Sprintf("Page %d of %d", i, n))
		f.SetTextColor(0, 0, 0)
	}
}

// goldenCore uses the core fonts, a cp1252 translator, links, bookmarks
// and encryption.
func goldenCore(f *Fpdf) {
	tr := f.UnicodeTranslatorFromDescriptor("")
	f.SetProtection(CnProtectPrint|CnProtectCopy, "user", "owner")
	f.SetTitle("Core fonts", false)
	link := f.AddLink()
	for p := range 3 {
		f.AddPage()
		f.SetFont("Helvetica", "B", 14)
		f.Bookmark(fmt.Sprintf("Core %d", p+1), 0, -1)
		f.CellFormat(0, 10, tr(fmt.Sprintf("Titel %d – Größe", p+1)), "1", 1, "C", false, 0, "")
		f.SetFont("Times", "", 11)
		f.MultiCell(0, 5, tr(strings.Repeat("Café crème brûlée (à la carte) \\ ", 20)), "", "J", false)
		f.SetFont("Courier", "I", 10)
		f.Write(5, tr("Würfel und Öl "))
		if p == 0 {
			f.WriteLinkID(5, "to page 3", link)
		}
		if p == 2 {
			f.SetLink(link, 0, -1)
		}
		f.Ln(8)
		f.SetFont("Helvetica", "U", 10)
		f.CellFormat(50, 6, "external", "", 1, "L", false, 0, "https://example.net/")
	}
}

type goldenCase struct {
	name  string
	fonts bool // whether it uses the Go fonts
	build func(*Fpdf)
}

var goldenCases = []goldenCase{
	{"utf8", true, goldenUTF8},
	{"alias", true, goldenAlias},
	{"revisit", true, goldenRevisit},
	{"core", false, goldenCore},
}

func goldenName(c goldenCase, compress bool) string {
	if compress {
		return c.name + ".pdf"
	}
	return c.name + "-raw.pdf"
}

func renderGolden(tb testing.TB, c goldenCase, compress bool) []byte {
	tb.Helper()
	f := newGoldenDoc(compress)
	if c.fonts {
		addGoFonts(f)
	}
	return outputGolden(tb, f, c)
}

// outputGolden draws case c into f, whose fonts are added, and returns
// the PDF.
func outputGolden(tb testing.TB, f *Fpdf, c goldenCase) []byte {
	tb.Helper()
	c.build(f)
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		tb.Fatalf("%s: %v", c.name, err)
	}
	return buf.Bytes()
}

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

// generateFontIDJSON is generateFontID as v0.12.0 wrote it.
func generateFontIDJSON(fdt fontDefType) (string, error) {
	fdt.File = ""
	b, err := json.Marshal(&fdt)
	return fmt.Sprintf("%x", sha1.Sum(b)), err
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

// cidWidthsPHP is generateCIDFontMap as v0.12.0 had it, returning what it
// wrote: the reference cidWidths must reproduce.
func cidWidthsPHP(font *fontDefType, LastRune int) string {
	rangeID := 0
	cidArray := make(map[int]*untypedKeyMap)
	cidArrayKeys := make([]int, 0)
	prevCid := -2
	prevWidth := -1
	interval := false
	startCid := 1
	cwLen := LastRune + 1

	// for each character
	for cid := startCid; cid < cwLen; cid++ {
		if font.Cw[cid] == 0x00 {
			continue
		}
		width := font.Cw[cid]
		if width == 65535 {
			width = 0
		}
		if numb, OK := font.usedRunes[cid]; cid > 255 && (!OK || numb == 0) {
			continue
		}

		if cid == prevCid+1 {
			if width == prevWidth {

				if width == cidArray[rangeID].get(0) {
					cidArray[rangeID].put(nil, width)
				} else {
					cidArray[rangeID].pop()
					rangeID = prevCid
					r := untypedKeyMap{
						valueSet: make([]int, 0),
						keySet:   make([]any, 0),
					}
					cidArray[rangeID] = &r
					cidArrayKeys = append(cidArrayKeys, rangeID)
					cidArray[rangeID].put(nil, prevWidth)
					cidArray[rangeID].put(nil, width)
				}
				interval = true
				cidArray[rangeID].put("interval", 1)
			} else {
				if interval {
					// new range
					rangeID = cid
					r := untypedKeyMap{
						valueSet: make([]int, 0),
						keySet:   make([]any, 0),
					}
					cidArray[rangeID] = &r
					cidArrayKeys = append(cidArrayKeys, rangeID)
					cidArray[rangeID].put(nil, width)
				} else {
					cidArray[rangeID].put(nil, width)
				}
				interval = false
			}
		} else {
			rangeID = cid
			r := untypedKeyMap{
				valueSet: make([]int, 0),
				keySet:   make([]any, 0),
			}
			cidArray[rangeID] = &r
			cidArrayKeys = append(cidArrayKeys, rangeID)
			cidArray[rangeID].put(nil, width)
			interval = false
		}
		prevCid = cid
		prevWidth = width

	}
	previousKey := -1
	nextKey := -1
	isInterval := false
	for g := 0; g < len(cidArrayKeys); {
		key := cidArrayKeys[g]
		ws := *cidArray[key]
		cws := len(ws.keySet)
		if (key == nextKey) && (!isInterval) && (ws.getIndex("interval") < 0 || cws < 4) {
			if cidArray[key].getIndex("interval") >= 0 {
				cidArray[key].delete("interval")
			}
			cidArray[previousKey] = arrayMerge(cidArray[previousKey], cidArray[key])
			cidArrayKeys = remove(cidArrayKeys, key)
		} else {
			g++
			previousKey = key
		}
		nextKey = key + cws
		// ui := ws.getIndex("interval")
		// ui = ui + 1
		if ws.getIndex("interval") >= 0 {
			if cws > 3 {
				isInterval = true
			} else {
				isInterval = false
			}
			cidArray[key].delete("interval")
			nextKey--
		} else {
			isInterval = false
		}
	}
	var w fmtBuffer
	for _, k := range cidArrayKeys {
		ws := cidArray[k]
		if len(arrayCountValues(ws.valueSet)) == 1 {
			w.printf(" %d %d %d", k, k+len(ws.valueSet)-1, ws.get(0))
		} else {
			w.printf(" %d [ %s ]\n", k, implode(" ", ws.valueSet))
		}
	}
	return "/W [" + w.String() + " ]"
}

func implode(sep string, arr []int) string {
	var s fmtBuffer
	for i := 0; i < len(arr)-1; i++ {
		s.printf("%v", arr[i])
		s.printf("%s", sep)
	}
	if len(arr) > 0 {
		s.printf("%v", arr[len(arr)-1])
	}
	return s.String()
}

// arrayCountValues counts the occurrences of each item in the $mp array.
func arrayCountValues(mp []int) map[int]int {
	answer := make(map[int]int)
	for _, v := range mp {
		answer[v] = answer[v] + 1
	}
	return answer
}

// The untypedKeyMap structure and its methods are copyrighted 2019 by Arteom Korotkiy (Gmail: arteomkorotkiy).
// Imitation of untyped Map Array
type untypedKeyMap struct {
	keySet   []any
	valueSet []int
}

// Get position of key=>value in PHP Array
func (pa *untypedKeyMap) getIndex(key any) int {
	if key != nil {
		for i, mKey := range pa.keySet {
			if mKey == key {
				return i
			}
		}
		return -1
	}
	return -1
}

// Put key=>value in PHP Array
func (pa *untypedKeyMap) put(key any, value int) {
	if key == nil {
		var i int
		for n := 0; ; n++ {
			i = pa.getIndex(n)
			if i < 0 {
				key = n
				break
			}
		}
		pa.keySet = append(pa.keySet, key)
		pa.valueSet = append(pa.valueSet, value)
	} else {
		i := pa.getIndex(key)
		if i < 0 {
			pa.keySet = append(pa.keySet, key)
			pa.valueSet = append(pa.valueSet, value)
		} else {
			pa.valueSet[i] = value
		}
	}
}

// Delete value in PHP Array
func (pa *untypedKeyMap) delete(key any) {
	if pa == nil || pa.keySet == nil || pa.valueSet == nil {
		return
	}
	i := pa.getIndex(key)
	if i >= 0 {
		if i == 0 {
			pa.keySet = pa.keySet[1:]
			pa.valueSet = pa.valueSet[1:]
		} else if i == len(pa.keySet)-1 {
			pa.keySet = pa.keySet[:len(pa.keySet)-1]
			pa.valueSet = pa.valueSet[:len(pa.valueSet)-1]
		} else {
			pa.keySet = append(pa.keySet[:i], pa.keySet[i+1:]...)
			pa.valueSet = append(pa.valueSet[:i], pa.valueSet[i+1:]...)
		}
	}
}

// Get value from PHP Array
func (pa *untypedKeyMap) get(key any) int {
	i := pa.getIndex(key)
	if i >= 0 {
		return pa.valueSet[i]
	}
	return 0
}

// Imitation of PHP function pop()
func (pa *untypedKeyMap) pop() {
	pa.keySet = pa.keySet[:len(pa.keySet)-1]
	pa.valueSet = pa.valueSet[:len(pa.valueSet)-1]
}

// Imitation of PHP function array_merge()
func arrayMerge(arr1, arr2 *untypedKeyMap) *untypedKeyMap {
	answer := untypedKeyMap{}
	if arr1 == nil && arr2 == nil {
		answer = untypedKeyMap{
			make([]any, 0),
			make([]int, 0),
		}
	} else if arr2 == nil {
		answer.keySet = arr1.keySet[:]
		answer.valueSet = arr1.valueSet[:]
	} else if arr1 == nil {
		answer.keySet = arr2.keySet[:]
		answer.valueSet = arr2.valueSet[:]
	} else {
		answer.keySet = arr1.keySet[:]
		answer.valueSet = arr1.valueSet[:]
		for i := 0; i < len(arr2.keySet); i++ {
			if arr2.keySet[i] == "interval" {
				if arr1.getIndex("interval") < 0 {
					answer.put("interval", arr2.valueSet[i])
				}
			} else {
				answer.put(nil, arr2.valueSet[i])
			}
		}
	}
	return &answer
}

func remove(arr []int, key int) []int {
	n := 0
	for i, mKey := range arr {
		if mKey == key {
			n = i
		}
	}
	if n == 0 {
		return arr[1:]
	} else if n == len(arr)-1 {
		return arr[:len(arr)-1]
	}
	return append(arr[:n], arr[n+1:]...)
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
