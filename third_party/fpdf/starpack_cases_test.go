// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

// The documents of the golden PDFs (testdata/starpack). They use only
// fpdf's API, so that the goldens can be written by the unmodified
// sources.

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

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
	{"alias-late", true, goldenAliasLate},
	{"compress-late", true, goldenCompressLate},
	{"template", false, goldenTemplate},
}

// goldenAliasLate registers the aliases once the pages are drawn.
func goldenAliasLate(f *Fpdf) {
	f.SetFont("go", "", 12)
	for i := range 4 {
		f.AddPage()
		f.MultiCell(0, 6, fmt.Sprintf("Seite %d von {nb}, Kapitel {mark %d}. ", i+1, 3-i)+goldenParagraphs[i], "", "L", false)
	}
	f.SetPage(2)
	f.Text(20, 280, "Zurück auf Seite 2 von {nb}")
	f.SetPage(4)
	for i := range 4 {
		f.RegisterAlias(fmt.Sprintf("{mark %d}", i), strconv.Itoa(10*i))
	}
	f.AliasNbPages("")
}

// goldenCompressLate draws the revisited pages with compression the other
// way round, and sets it as wanted only before the output.
func goldenCompressLate(f *Fpdf) {
	want := f.GetCompression()
	f.SetCompression(!want)
	goldenRevisit(f)
	f.SetCompression(want)
}

// goldenTemplate draws a template of three pages, with the default
// compression, and uses each page.
func goldenTemplate(f *Fpdf) {
	tpl := f.CreateTemplate(func(t *Tpl) {
		t.SetFont("Helvetica", "", 12)
		for p := range 3 {
			if p > 0 {
				t.AddPage()
			}
			t.Text(10, 20, fmt.Sprintf("Template page %d", p+1))
			t.Rect(5, 5, 100, 30, "D")
		}
	})
	for i, page := range tpl.FromPages() {
		f.AddPage()
		f.SetFont("Helvetica", "B", 14)
		f.Text(20, 20, fmt.Sprintf("Page %d", i+1))
		f.UseTemplateScaled(page, PointType{X: 20, Y: 40}, SizeType{Wd: 100, Ht: 60})
	}
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
