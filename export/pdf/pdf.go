// Package pdf renders a packet's two printable documents: the prep brief
// (a cover with the plan at a glance, the role fit, one section per
// question, the questions to ask, "Before you go" and the job description)
// and the one-page cheat sheet (the pitch, a card per question, the key
// numbers, the questions to ask and the keywords).
//
// Both are set in Noto Sans (fonts/, under the SIL Open Font License),
// embedded as subsets, with the Go fonts behind it for symbols; together
// they cover Latin, Greek and Cyrillic. A character they lack is drawn
// from the fallback fonts given in Options when one has it; otherwise a
// placeholder is drawn and a warning names the story and the characters.
// Text is set with typographic punctuation (curly quotes, dashes), figures
// in bold (stories.Figures) and one date format ("Thu 3 Dec 2026").
// Output is deterministic: the same packet gives the same bytes.
package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"

	"github.com/starpack/starpack/export"
)

// Options are the layout settings of both documents.
type Options struct {
	Margins  float64  // page margins in millimetres; 0 means DefaultMargins
	Accent   string   // accent colour as #RRGGBB; "" means DefaultAccent
	Fallback [][]byte // extra TrueType fonts, tried in order, for characters the built-in fonts lack
	// TopPerQuestion is how many stories per question the brief shows when
	// a packet has more (the whole bank); 0 means DefaultTopPerQuestion.
	TopPerQuestion int
}

// Defaults used when Options leaves a value empty.
const (
	DefaultMargins = 18.0
	DefaultAccent  = "#1F4E79"
)

// ParseColor parses a #RRGGBB colour.
func ParseColor(s string) ([3]int, error) {
	var c [3]int
	if len(s) != 7 || s[0] != '#' {
		return c, fmt.Errorf("colour %q is not of the form #RRGGBB", s)
	}
	for i := range 3 {
		v, err := strconv.ParseUint(s[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return c, fmt.Errorf("colour %q is not of the form #RRGGBB", s)
		}
		c[i] = int(v)
	}
	return c, nil
}

// CheckFont reports whether data is a TrueType font the documents can use
// as a fallback font.
func CheckFont(data []byte) error {
	_, err := parseFace("check", "", data)
	return err
}

const ptPerMM = 72 / 25.4

type rgb [3]int

var (
	ink   = rgb{0x22, 0x22, 0x22}
	muted = rgb{0x66, 0x66, 0x66}
	faint = rgb{0x99, 0x99, 0x99}
	white = rgb{0xff, 0xff, 0xff}
	alert = rgb{0xa3, 0x32, 0x1f}
)

// doc is one document being written: the fpdf instance, the fonts and the
// record of characters no font could draw.
type doc struct {
	f        *fpdf.Fpdf
	faces    [numStyles]*face
	fallback []*fallbackFace

	registered map[faceRef]bool
	cache      map[rune]faceRef
	buf        sfnt.Buffer

	source       string // what is being drawn, for warnings: "story <id>", ...
	missing      map[string]*missingSet
	missingOrder []string
	warnings     []string

	curRef   faceRef
	curSize  float64
	curPage  int
	curColor rgb

	// outside records text drawn past the margins or below the foot of
	// its box: a layout bug, checked by the tests.
	outside []string
	// sheetSize is the type size the cheat sheet's cards were set in, and
	// fragments what its cards show of each story part.
	sheetSize float64
	fragments []fragment

	pageW, pageH, margin float64
	accent               rgb
	accentLight          rgb // the accent mixed with white, for fills
	accentPale           rgb
	err                  error
}

func newDoc(p *export.Packet, opt Options, kind string) (*doc, error) {
	gf, err := builtin()
	if err != nil {
		return nil, err
	}
	accent := opt.Accent
	if accent == "" {
		accent = DefaultAccent
	}
	ac, err := ParseColor(accent)
	if err != nil {
		return nil, fmt.Errorf("accent: %w", err)
	}
	margin := opt.Margins
	if margin == 0 {
		margin = DefaultMargins
	}
	if margin < 5 || margin > 50 {
		return nil, fmt.Errorf("margins: %g mm is outside 5..50 mm", margin)
	}
	d := &doc{
		faces:      gf,
		registered: map[faceRef]bool{},
		cache:      map[rune]faceRef{},
		missing:    map[string]*missingSet{},
		curRef:     -1,
		margin:     margin,
		accent:     ac,
	}
	d.accentLight = mix(ac, white, 0.80)
	d.accentPale = mix(ac, white, 0.93)
	for i, data := range opt.Fallback {
		fc, err := parseFace(fmt.Sprintf("fallback%d", i+1), "", data)
		if err != nil {
			return nil, fmt.Errorf("fallback font %d: %w", i+1, err)
		}
		d.fallback = append(d.fallback, &fallbackFace{face: fc, known: map[rune]int32{}})
	}

	size := "A4"
	if strings.EqualFold(p.Paper, "Letter") {
		size = "Letter"
	}
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: size})
	d.f = f
	d.pageW, d.pageH = f.GetPageSize()
	f.SetCompression(true)
	f.SetCatalogSort(true)
	gen := p.Generated
	if gen.IsZero() {
		gen = time.Unix(0, 0)
	}
	f.SetCreationDate(gen.UTC())
	f.SetModificationDate(gen.UTC())
	f.SetTitle(bmp(p.Heading()+" — "+kind), true)
	f.SetAuthor(bmp(p.Candidate.Name), true)
	subject := "Interview preparation"
	if p.Company != "" {
		subject += " for " + p.Company
	}
	f.SetSubject(bmp(subject), true)
	f.SetCreator("starpack", false)
	f.SetProducer("starpack", false)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(margin, margin, margin)
	f.SetLineCapStyle("butt")
	return d, nil
}

// finish writes the document and returns the warnings. fpdf compresses
// each page as the next begins and writes the document to w as it makes
// it.
func (d *doc) finish(w io.Writer) ([]string, error) {
	if d.err != nil {
		return nil, d.err
	}
	if err := d.f.Error(); err != nil {
		return nil, err
	}
	if err := d.f.Output(w); err != nil {
		return nil, err
	}
	return append(d.warnings, d.missingWarnings()...), nil
}

// bmp makes s safe for fpdf's own UTF-16 conversion (metadata, bookmarks):
// valid UTF-8, no runes above U+FFFF.
func bmp(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if !strings.ContainsFunc(s, func(r rune) bool { return r > 0xFFFF }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return '\uFFFD'
		}
		return r
	}, s)
}

func mix(a, b rgb, t float64) rgb {
	var c rgb
	for i := range c {
		c[i] = int(float64(a[i])*(1-t) + float64(b[i])*t + 0.5)
	}
	return c
}

func (d *doc) addPage() {
	d.f.AddPage()
	d.curRef = -1
	d.curColor = rgb{-1, -1, -1}
}

func (d *doc) gotoPage(n int) {
	d.f.SetPage(n)
	d.curRef = -1
	d.curColor = rgb{-1, -1, -1}
	// fpdf draws text in the fill colour when the two are equal, trusting
	// the page's stream to hold its last fill colour. Back on an earlier
	// page the stream holds that page's last fill, not the document's:
	// set it again so that text comes out in its own colour.
	d.f.SetFillColor(255, 255, 255)
}

func (d *doc) setFont(ref faceRef, size float64) {
	if d.curRef == ref && d.curSize == size && d.curPage == d.f.PageNo() {
		return
	}
	if err := d.ensureFont(ref); err != nil {
		if d.err == nil {
			d.err = err
		}
		return
	}
	fc := d.faceOf(ref)
	d.f.SetFont(fc.family, fc.style, size)
	d.curRef, d.curSize, d.curPage = ref, size, d.f.PageNo()
}

func (d *doc) setColor(c rgb) {
	if d.curColor == c {
		return
	}
	d.f.SetTextColor(c[0], c[1], c[2])
	d.curColor = c
}

func (d *doc) fill(x, y, w, h float64, c rgb) {
	d.f.SetFillColor(c[0], c[1], c[2])
	d.f.Rect(x, y, w, h, "F")
}

func (d *doc) rule(x1, y, x2 float64, c rgb, width float64) {
	d.f.SetDrawColor(c[0], c[1], c[2])
	d.f.SetLineWidth(width)
	d.f.Line(x1, y, x2, y)
}

// text draws a single line of plain text in one style, shortened with an
// ellipsis to maxW when maxW > 0. align is 'L', 'C' or 'R' relative to x
// (for 'R', x is the right edge; for 'C', the centre).
func (d *doc) text(x, baseline float64, s string, st style, size float64, c rgb, maxW float64, align byte) float64 {
	ln := d.oneLine([]span{{text: s, st: st}}, size, maxW)
	switch align {
	case 'R':
		x -= ln.w
	case 'C':
		x -= ln.w / 2
	}
	d.setColor(c)
	d.drawLine(ln, x, baseline, size)
	return ln.w
}
