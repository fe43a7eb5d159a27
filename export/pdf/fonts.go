package pdf

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// style is one of the built-in faces. The first three are the text face,
// Noto Sans; symbols and mono are the Go fonts, drawn only for the
// characters Noto Sans lacks (arrows, ≈ ≤ ≥, □, box drawing).
type style int

const (
	regular style = iota
	bold
	italic
	symbols
	mono
	numStyles
)

// The text face, embedded with its licence (fonts/OFL.txt).
var (
	//go:embed fonts/NotoSans-Regular.ttf
	notoRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	notoBold []byte
	//go:embed fonts/NotoSans-Italic.ttf
	notoItalic []byte
)

// face is a TrueType font a document can draw with: one of the built-in
// faces or a fallback font from the settings.
type face struct {
	family, style string // how fpdf knows it
	data          []byte // the font file; fpdf neither keeps nor writes it
	font          *sfnt.Font
	upem          float64
	// Built-in faces know every BMP rune up front; fallback faces look
	// runes up on demand (see doc.fallbackHas).
	has   []uint64 // bit set over U+0000..U+FFFF
	width []uint16 // advance per rune, in 1/1000 em, as fpdf counts it
}

var (
	builtinOnce sync.Once
	faces       [numStyles]*face
	builtinErr  error
)

// builtinMetrics holds the built-in faces' coverage and widths of the
// BMP, worked out from the font files ahead of time (scanning 65,536 runes
// in five fonts costs more than the rest of a small build); see
// encodeMetrics for its layout. TestBuiltinMetrics checks it against the
// fonts, and go generate writes it again.
//
//go:generate go test -run TestBuiltinMetrics -update .
//go:embed fonts/metrics.bin
var builtinMetrics []byte

// builtinSources are the built-in faces, in style order.
func builtinSources() [numStyles]struct {
	family, style string
	data          []byte
} {
	return [numStyles]struct {
		family, style string
		data          []byte
	}{
		regular: {"noto", "", notoRegular},
		bold:    {"noto", "B", notoBold},
		italic:  {"noto", "I", notoItalic},
		symbols: {"go", "", goregular.TTF},
		mono:    {"gomono", "", gomono.TTF},
	}
}

// builtin returns the parsed built-in fonts, their coverage and widths
// read from builtinMetrics once per process: the data is immutable and
// shared read-only.
func builtin() ([numStyles]*face, error) {
	builtinOnce.Do(func() {
		rest := builtinMetrics
		for i, s := range builtinSources() {
			fc, err := parseFace(s.family, s.style, s.data)
			if err == nil {
				rest, err = fc.decodeMetrics(rest)
			}
			if err != nil {
				builtinErr = fmt.Errorf("built-in font %s%s: %w", s.family, s.style, err)
				return
			}
			faces[i] = fc
		}
	})
	return faces, builtinErr
}

// scanBMP works out which BMP runes the face has and their widths, by
// looking up each of them in the font.
func (fc *face) scanBMP() {
	fc.has = make([]uint64, 0x10000/64)
	fc.width = make([]uint16, 0x10000)
	var buf sfnt.Buffer
	for r := rune(0); r < 0x10000; r++ {
		if w, ok := fc.lookup(&buf, r); ok {
			fc.has[r/64] |= 1 << (r % 64)
			fc.width[r] = w
		}
	}
}

// encodeMetrics lays out the faces' BMP coverage and widths, one face
// after the other, little-endian: the coverage as 1,024 64-bit words (bit
// r%64 of word r/64 set when the face has rune r), then the width of each
// rune it has, in rune order, as 16 bits.
func encodeMetrics(faces []*face) []byte {
	var b []byte
	for _, fc := range faces {
		for _, w := range fc.has {
			b = binary.LittleEndian.AppendUint64(b, w)
		}
		for r, w := range fc.width {
			if fc.hasBMP(rune(r)) {
				b = binary.LittleEndian.AppendUint16(b, w)
			}
		}
	}
	return b
}

// decodeMetrics reads one face's coverage and widths from the front of b
// (see encodeMetrics) and returns the rest.
func (fc *face) decodeMetrics(b []byte) ([]byte, error) {
	const words = 0x10000 / 64
	if len(b) < words*8 {
		return nil, errors.New("built-in metrics cut short")
	}
	fc.has = make([]uint64, words)
	fc.width = make([]uint16, 0x10000)
	for i := range fc.has {
		fc.has[i] = binary.LittleEndian.Uint64(b[i*8:])
	}
	b = b[words*8:]
	for i, w := range fc.has {
		for ; w != 0; w &= w - 1 {
			if len(b) < 2 {
				return nil, errors.New("built-in metrics cut short")
			}
			fc.width[i*64+bits.TrailingZeros64(w)] = binary.LittleEndian.Uint16(b)
			b = b[2:]
		}
	}
	return b, nil
}

// parseFace parses a TrueType font. fpdf reads only TrueType outlines, so
// CFF-flavoured OpenType and font collections are refused here, before
// fpdf could print to stdout or panic on them.
func parseFace(family, styleName string, data []byte) (*face, error) {
	if len(data) < 12 {
		return nil, errors.New("not a font file (too short)")
	}
	switch string(data[:4]) {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return nil, errors.New("an OpenType font with CFF outlines; use a TrueType (.ttf) font")
	case "ttcf":
		return nil, errors.New("a font collection (.ttc); use a single TrueType (.ttf) font")
	default:
		return nil, errors.New("not a TrueType font")
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("not a valid TrueType font: %w", err)
	}
	if err := embeddable(data); err != nil {
		return nil, err
	}
	if f.NumGlyphs() == 0 {
		return nil, errors.New("the font has no glyphs")
	}
	var buf sfnt.Buffer
	if _, err := f.GlyphIndex(&buf, 'A'); err != nil && !errors.Is(err, sfnt.ErrNotFound) {
		return nil, fmt.Errorf("the font has no usable character map: %w", err)
	}
	return &face{family: family, style: styleName, data: data, font: f, upem: float64(f.UnitsPerEm())}, nil
}

// lookup reports whether the font has a glyph for r and its advance in
// thousandths of an em, rounded the way fpdf rounds it so that measured and
// drawn widths agree.
func (fc *face) lookup(buf *sfnt.Buffer, r rune) (uint16, bool) {
	gi, err := fc.font.GlyphIndex(buf, r)
	if err != nil || gi == 0 {
		return 0, false
	}
	adv, err := fc.font.GlyphAdvance(buf, gi, fixed.Int26_6(fc.font.UnitsPerEm())<<6, font.HintingNone)
	if err != nil {
		return 0, false
	}
	w := math.Round(float64(adv) / 64 * 1000 / fc.upem)
	if w <= 0 || w >= 65535 {
		w = 0 // combining marks: fpdf counts them as zero too
	}
	return uint16(w), true
}

func (fc *face) hasBMP(r rune) bool {
	return r >= 0 && r < 0x10000 && fc.has[r/64]&(1<<(r%64)) != 0
}

// fallbackFace is a user font, looked up lazily per document.
type fallbackFace struct {
	*face
	known map[rune]int32 // width+1, or 0 when absent: 0 is "not looked up yet" in a plain map
}

// faceRef names a face of a document: 0..numStyles-1 are the built-in
// styles, numStyles+i is fallback font i.
type faceRef int

// placeholderRune is drawn for a character no font has.
const placeholderRune = '□'

// resolve maps each rune of s to the face that draws it in the given style,
// replacing what no font can draw with a placeholder and recording it
// against the document's current source. It never returns a rune above
// U+FFFF: fpdf cannot draw those.
func (d *doc) resolve(st style, r rune) (faceRef, rune, bool) {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' && !d.faces[st].hasBMP(r):
		return faceRef(st), ' ', true
	case invisible(r):
		return 0, 0, false
	}
	if d.faces[st].hasBMP(r) {
		return faceRef(st), r, true
	}
	key := rune(st)<<24 | r // r < 0x110000 fits in 21 bits
	if ref, ok := d.cache[key]; ok {
		if ref < 0 {
			d.report(r)
			ref, p := d.placeholder(st)
			return ref, p, true
		}
		return ref, r, true
	}
	ref := faceRef(-1)
	// Another built-in face may have it: the regular face a glyph the bold
	// or italic lacks, the Go fonts a symbol.
	for _, alt := range []style{regular, bold, italic, symbols, mono} {
		if alt != st && d.faces[alt].hasBMP(r) {
			ref = faceRef(alt)
			break
		}
	}
	if ref < 0 && r < 0x10000 {
		for i, fb := range d.fallback {
			if fb.hasRune(&d.buf, r) {
				ref = faceRef(int(numStyles) + i)
				break
			}
		}
	}
	d.cache[key] = ref
	if ref < 0 {
		d.report(r)
		ref, p := d.placeholder(st)
		return ref, p, true
	}
	return ref, r, true
}

// invisible reports the runes the documents skip: controls, joiners and
// variation selectors.
func invisible(r rune) bool {
	return r < 0x20 || r >= 0x7f && r < 0xa0 || r == '\u00ad' || r == '\ufeff' ||
		r >= 0x200b && r <= 0x200f || r >= 0xfe00 && r <= 0xfe0f || r >= 0xe0100 && r <= 0xe01ef ||
		r == 0x2060 || r == 0x2028 || r == 0x2029
}

// placeholder is the face and rune drawn for a character no font has.
func (d *doc) placeholder(st style) (faceRef, rune) {
	for _, s := range []style{st, symbols} {
		if d.faces[s].hasBMP(placeholderRune) {
			return faceRef(s), placeholderRune
		}
	}
	return faceRef(st), '?'
}

func (fb *fallbackFace) hasRune(buf *sfnt.Buffer, r rune) bool {
	v, ok := fb.known[r]
	if !ok {
		w, has := fb.lookup(buf, r)
		if has {
			v = int32(w) + 1
		}
		fb.known[r] = v
	}
	return v > 0
}

// width returns the advance of r (already resolved to ref) in 1/1000 em.
func (d *doc) width(ref faceRef, r rune) float64 {
	if ref < faceRef(numStyles) {
		return float64(d.faces[ref].width[r])
	}
	fb := d.fallback[int(ref)-int(numStyles)]
	return float64(fb.known[r] - 1)
}

// faceOf returns the face behind a reference.
func (d *doc) faceOf(ref faceRef) *face {
	if ref < faceRef(numStyles) {
		return d.faces[ref]
	}
	return d.fallback[int(ref)-int(numStyles)].face
}

// report records a rune no font can draw against the current source.
func (d *doc) report(r rune) {
	src := d.source
	if src == "" {
		src = "packet"
	}
	m, ok := d.missing[src]
	if !ok {
		m = &missingSet{seen: map[rune]bool{}}
		d.missing[src] = m
		d.missingOrder = append(d.missingOrder, src)
	}
	if !m.seen[r] {
		m.seen[r] = true
		m.runes = append(m.runes, r)
	}
}

type missingSet struct {
	seen  map[rune]bool
	runes []rune
}

// missingWarnings returns one warning per source that had characters no
// font could draw, in the order the sources were first drawn.
func (d *doc) missingWarnings() []string {
	var out []string
	for _, src := range d.missingOrder {
		m := d.missing[src]
		var b strings.Builder
		for i, r := range m.runes {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
		}
		hint := "no font has them; add a fallback font in starpack.yaml fonts.fallback"
		if len(m.runes) == 1 {
			hint = "no font has it; add a fallback font in starpack.yaml fonts.fallback"
		}
		out = append(out, fmt.Sprintf("%s: cannot draw %q (%s)", src, b.String(), hint))
	}
	return out
}

// ensureFont registers a face with fpdf the first time it is used, so that
// only the faces a document draws with are embedded. fpdf parses each font
// once per process and never writes into the bytes it is given, so the
// shared font data is passed as it is.
func (d *doc) ensureFont(ref faceRef) error {
	if d.registered[ref] {
		return nil
	}
	fc := d.faceOf(ref)
	err := func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("font %s: %v", fc.family, r)
			}
		}()
		d.f.AddUTF8FontFromBytes(fc.family, fc.style, fc.data)
		return d.f.Error()
	}()
	if err != nil {
		return err
	}
	d.registered[ref] = true
	return nil
}

// embeddable checks what fpdf needs of a TrueType font before fpdf sees it
// (fpdf prints to stdout and gives up on what it cannot read): the tables
// it reads, a Unicode character map of format 4, and a licence that allows
// embedding a subset.
func embeddable(data []byte) error {
	u16 := func(off int) int {
		if off < 0 || off+2 > len(data) {
			return -1
		}
		return int(data[off])<<8 | int(data[off+1])
	}
	u32 := func(off int) int {
		if off < 0 || off+4 > len(data) {
			return -1
		}
		return int(data[off])<<24 | int(data[off+1])<<16 | int(data[off+2])<<8 | int(data[off+3])
	}
	tables := map[string]int{}
	n := u16(4)
	for i := range max(n, 0) {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return errors.New("not a valid TrueType font: truncated table directory")
		}
		tables[string(data[rec:rec+4])] = u32(rec + 8)
	}
	for _, t := range []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"} {
		if _, ok := tables[t]; !ok {
			return fmt.Errorf("not a usable TrueType font: no %s table", t)
		}
	}
	cmap := tables["cmap"]
	format4 := false
	for i := range max(u16(cmap+2), 0) {
		rec := cmap + 4 + 8*i
		platform, encoding, off := u16(rec), u16(rec+2), u32(rec+4)
		if (platform == 3 && encoding == 1 || platform == 0) && off >= 0 && u16(cmap+off) == 4 {
			format4 = true
			break
		}
	}
	if !format4 {
		return errors.New("the font has no Unicode character map of format 4 (a BMP cmap)")
	}
	if os2, ok := tables["OS/2"]; ok {
		if fsType := u16(os2 + 8); fsType == 0x0002 || fsType > 0 && fsType&0x0300 != 0 {
			return errors.New("the font's licence does not allow embedding it in a document")
		}
	}
	return nil
}
