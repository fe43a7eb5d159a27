package lint

import (
	"bytes"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/starpack/starpack/stories/source"
)

// sources reads story files once and places offsets of field values in
// them.
type sources struct {
	read  func(string) ([]byte, error)
	files map[string]*srcFile
}

type srcFile struct {
	data       []byte
	lineStarts []int // byte offset of each line's first byte
}

func newSources(read func(string) ([]byte, error)) *sources {
	return &sources{read: read, files: map[string]*srcFile{}}
}

func (ss *sources) get(file string) *srcFile {
	if src, ok := ss.files[file]; ok {
		return src
	}
	var src *srcFile
	if ss.read != nil && file != "" {
		if data, err := ss.read(file); err == nil {
			src = &srcFile{data: data, lineStarts: []int{0}}
			for i, b := range data {
				if b == '\n' {
					src.lineStarts = append(src.lineStarts, i+1)
				}
			}
		}
	}
	ss.files[file] = src
	return src
}

// offset returns the byte offset of a 1-based line and rune column.
func (src *srcFile) offset(line, col int) (int, bool) {
	if line < 1 || line > len(src.lineStarts) || col < 1 {
		return 0, false
	}
	off := src.lineStarts[line-1]
	for ; col > 1; col-- {
		if off >= len(src.data) || src.data[off] == '\n' {
			return 0, false
		}
		_, n := utf8.DecodeRune(src.data[off:])
		off += n
	}
	return off, true
}

// position returns the 1-based line and rune column of a byte offset.
func (src *srcFile) position(off int) (int, int) {
	line := sort.Search(len(src.lineStarts), func(i int) bool { return src.lineStarts[i] > off })
	start := src.lineStarts[line-1]
	return line, 1 + utf8.RuneCount(src.data[start:off])
}

// field is one text field of a story with what is needed to place an
// offset of its value in the file, and its words.
type field struct {
	name  string // YAML name
	text  string
	words []word          // its words, for the story's text fields
	start source.Position // where the value starts; the story or file when unknown
	srcs  *sources        // where to read the file from, when the value's place is known
	src   *srcFile
	align []int // byte offset in src for each byte of text; -1 for spaces
	tried bool
}

// pos returns the file position of byte offset off of the field's text:
// exact when the file's text is at hand and the scalar could be read,
// else the field's start.
func (f *field) pos(off int) source.Position {
	if !f.tried {
		f.tried = true
		if f.srcs != nil {
			f.src = f.srcs.get(f.start.File) // read on the first finding placed on a word
		}
		if f.src != nil && f.start.Line > 0 {
			if o, ok := f.src.offset(f.start.Line, f.start.Col); ok {
				f.align = alignScalar(f.src.data, o, f.text)
			}
		}
	}
	if f.align == nil || off < 0 || off >= len(f.align) {
		return f.start
	}
	// A space has no single place in the file; use the next character.
	for off < len(f.align) && f.align[off] < 0 {
		off++
	}
	if off >= len(f.align) {
		return f.start
	}
	line, col := f.src.position(f.align[off])
	return source.Position{File: f.start.File, Line: line, Col: col}
}

// alignScalar maps each byte of value, the decoded text of the YAML scalar
// that starts at byte start of src, to the byte of src it was read from.
// It walks the two side by side, matching every non-space character and
// letting whitespace, line folding and indentation differ, so it serves
// plain, quoted, literal (|) and folded (>) scalars alike. It returns nil
// when the two do not match (an alias, or text it cannot follow).
func alignScalar(src []byte, start int, value string) []int {
	p, style, ok := scalarStart(src, start)
	if !ok {
		return nil
	}
	out := make([]int, len(value))
	for i := range out {
		out[i] = -1
	}
	for i, r := range value {
		if unicode.IsSpace(r) {
			continue
		}
		at, next, ok := matchRune(src, p, r, style)
		if !ok {
			return nil
		}
		out[i], p = at, next
		// Mark the rest of a multi-byte rune with the same place.
		for j := i + 1; j < i+utf8.RuneLen(r) && j < len(out); j++ {
			out[j] = out[i]
		}
	}
	return out
}

// scalarStart finds where the text of the scalar written at start begins,
// past a tag or an anchor and a block header, and its style: '|', '>',
// '"', '\” or 0 for plain. An alias has no text of its own (not ok).
func scalarStart(src []byte, start int) (p int, style byte, ok bool) {
	p = start
	// Skip a tag or an anchor before the value: !!str "x", &a |.
	for p < len(src) && (src[p] == '!' || src[p] == '&') {
		for p < len(src) && !isSpaceByte(src[p]) {
			p++
		}
		for p < len(src) && (src[p] == ' ' || src[p] == '\t') {
			p++
		}
	}
	if p >= len(src) {
		return 0, 0, false
	}
	style = src[p]
	switch style {
	case '|', '>':
		// The text starts on the line after the header (| or >, chomping
		// and indentation indicators, maybe a comment).
		nl := bytes.IndexByte(src[p:], '\n')
		if nl < 0 {
			return 0, 0, false
		}
		p += nl + 1
	case '"', '\'':
		p++
	case '*':
		return 0, 0, false
	default:
		style = 0
	}
	return p, style, true
}

// matchRune finds r, the next non-space rune of a scalar's value, in src
// from p on, skipping the source's line breaks and indentation and reading
// its escapes: it returns where r is written and where the next one
// starts, or not ok when the source does not hold r there.
func matchRune(src []byte, p int, r rune, style byte) (at, next int, ok bool) {
	for p < len(src) {
		c, n := utf8.DecodeRune(src[p:])
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			p += n
			continue
		case style == '"' && c == '\\':
			e, m := unescape(src[p:])
			if m == 0 {
				return 0, 0, false
			}
			if e < 0 || unicode.IsSpace(e) { // a line continuation, or an escaped space
				p += m
				continue
			}
			return p, p + m, e == r
		case style == '\'' && c == '\'' && p+1 < len(src) && src[p+1] == '\'':
			return p, p + 2, r == '\''
		}
		return p, p + n, c == r
	}
	return 0, 0, false
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// unescape decodes the double-quoted escape at the start of b. It returns
// the rune (-1 for a line continuation) and the bytes it spans, 0 when b
// does not start with a valid escape.
func unescape(b []byte) (rune, int) {
	if len(b) < 2 {
		return 0, 0
	}
	simple := map[byte]rune{'0': 0, 'a': '\a', 'b': '\b', 't': '\t', '\t': '\t', 'n': '\n', 'v': '\v', 'f': '\f',
		'r': '\r', 'e': 0x1b, ' ': ' ', '"': '"', '/': '/', '\\': '\\', 'N': 0x85, '_': 0xa0, 'L': 0x2028, 'P': 0x2029}
	if r, ok := simple[b[1]]; ok {
		return r, 2
	}
	if b[1] == '\n' {
		return -1, 2
	}
	if b[1] == '\r' {
		if len(b) > 2 && b[2] == '\n' {
			return -1, 3
		}
		return -1, 2
	}
	digits := map[byte]int{'x': 2, 'u': 4, 'U': 8}[b[1]]
	if digits == 0 || len(b) < 2+digits {
		return 0, 0
	}
	var r rune
	for _, h := range b[2 : 2+digits] {
		var d byte
		switch {
		case h >= '0' && h <= '9':
			d = h - '0'
		case h >= 'a' && h <= 'f':
			d = h - 'a' + 10
		case h >= 'A' && h <= 'F':
			d = h - 'A' + 10
		default:
			return 0, 0
		}
		r = r<<4 | rune(d)
	}
	return r, 2 + digits
}

// topKey finds where the value of a top-level key of a block mapping
// starts (`key: value` at the start of a line).
func (src *srcFile) topKey(key string) (source.Position, bool) {
	for i, start := range src.lineStarts {
		line := src.data[start:]
		if nl := bytes.IndexByte(line, '\n'); nl >= 0 {
			line = line[:nl]
		}
		rest, ok := bytes.CutPrefix(line, []byte(key+":"))
		if !ok {
			continue
		}
		n := len(key) + 1
		for len(rest) > 0 && (rest[0] == ' ' || rest[0] == '\t') {
			rest, n = rest[1:], n+1
		}
		if len(rest) == 0 || rest[0] == '#' {
			// The value starts on a later line: the next non-blank one.
			for j := i + 1; j < len(src.lineStarts); j++ {
				l := src.data[src.lineStarts[j]:]
				k := 0
				for k < len(l) && (l[k] == ' ' || l[k] == '\t') {
					k++
				}
				if k < len(l) && l[k] != '\n' && l[k] != '\r' && l[k] != '#' {
					return source.Position{Line: j + 1, Col: 1 + utf8.RuneCount(l[:k])}, true
				}
			}
			return source.Position{}, false
		}
		return source.Position{Line: i + 1, Col: 1 + utf8.RuneCount(line[:n])}, true
	}
	return source.Position{}, false
}
