// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import "strconv"

// The per-call text paths (Text, CellFormat, SetFont) build their
// operators by appending to a reused byte slice rather than through
// fmt.Sprintf and string concatenation. %.Nf is strconv.AppendFloat with
// 'f' and N, which is what fmt uses, so the bytes are the same.

// appendFloat appends v as %.<prec>f.
func appendFloat(b []byte, v float64, prec int) []byte {
	return strconv.AppendFloat(b, v, 'f', prec, 64)
}

// appendEscapedByte appends c as it appears in a PDF string: \, ( and )
// escaped with a backslash, CR as \r.
func appendEscapedByte(b []byte, c byte) []byte {
	switch c {
	case '\\', '(', ')':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}

// appendEscaped appends escape(s).
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		b = appendEscapedByte(b, s[i])
	}
	return b
}

// appendUTF16Escaped appends escape(utf8toutf16(s, false)): s as UTF-16BE,
// decoded as utf8toutf16 decodes it, escaped.
func appendUTF16Escaped(b []byte, s string) []byte {
	nb := len(s)
	i := 0
	for i < nb {
		c1 := s[i]
		i++
		var hi, lo byte
		switch {
		case c1 >= 224:
			// 3-byte character
			c2 := s[i]
			i++
			c3 := s[i]
			i++
			hi, lo = ((c1&0x0F)<<4)+((c2&0x3C)>>2), ((c2&0x03)<<6)+(c3&0x3F)
		case c1 >= 192:
			// 2-byte character
			c2 := s[i]
			i++
			hi, lo = (c1&0x1C)>>2, ((c1&0x03)<<6)+(c2&0x3F)
		default:
			hi, lo = 0, c1
		}
		b = appendEscapedByte(b, hi)
		b = appendEscapedByte(b, lo)
	}
	return b
}

// usedRuneBits is the size of the bit set of BMP runes a UTF-8 font
// records as used: a rune seen once is not written to usedRunes again.
const usedRuneBits = 0x10000 / 64

// markUsed records the runes of s as used by the current UTF-8 font.
func (f *Fpdf) markUsed(s string) {
	font := &f.currentFont
	bits := font.usedBits
	for _, uni := range s {
		if uni < 0x10000 && bits != nil {
			w, bit := &bits[uni>>6], uint64(1)<<(uni&63)
			if *w&bit != 0 {
				continue
			}
			*w |= bit
		}
		font.usedRunes[int(uni)] = int(uni)
	}
}

// outFont selects the current font and size in the page's content.
func (f *Fpdf) outFont() {
	b := append(f.fmt.line[:0], "BT /F"...)
	b = append(b, f.currentFont.i...)
	b = append(b, ' ')
	b = appendFloat(b, f.fontSizePt, 2)
	b = append(b, " Tf ET"...)
	f.outBytes(b)
	f.fmt.line = b
}
