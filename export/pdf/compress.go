package pdf

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"errors"
	"io"
	"slices"
	"strconv"
)

// fpdf compresses each page with a zlib writer of its own: over a
// thousand pages that is a megabyte and more of compressor state
// allocated and cleared per page, most of the brief's time and garbage.
// The documents are therefore made uncompressed and their page contents
// compressed here, with one writer reset between pages. The bytes are
// those fpdf would write: the same compression level, the same object
// header.

// pageCompressor is the writer fpdf outputs the uncompressed document to.
// fpdf writes the whole document in one Write: that slice is compressed
// as it is, without a copy of a document that can run to tens of
// megabytes. Anything else is gathered and compressed by close.
type pageCompressor struct {
	w    io.Writer
	buf  bytes.Buffer
	done bool
}

func (pc *pageCompressor) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if pc.done {
		return 0, errors.New("pdf: written after the end of the document")
	}
	if pc.buf.Len() == 0 && bytes.HasPrefix(p, []byte("%PDF-")) && bytes.HasSuffix(p, []byte("%%EOF\n")) {
		pc.done = true
		return len(p), compressPages(pc.w, p)
	}
	return pc.buf.Write(p)
}

func (pc *pageCompressor) close() error {
	if pc.done {
		return nil
	}
	pc.done = true
	return compressPages(pc.w, pc.buf.Bytes())
}

// compressPages writes the uncompressed document src to w with every page
// content stream deflated, and the cross-reference table and startxref
// renumbered to the new offsets.
func compressPages(w io.Writer, src []byte) error {
	offsets, xref, err := xrefOffsets(src)
	if err != nil {
		return err
	}
	// Objects in the order they are written (fpdf writes the page tree,
	// object 1, after the pages).
	order := make([]int, 0, len(offsets))
	for n := 1; n < len(offsets); n++ {
		order = append(order, n)
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })
	contents := pageContents(src, offsets, order, xref)
	out := &countingWriter{w: bufio.NewWriterSize(w, 64<<10)}
	var zbuf bytes.Buffer
	zw, err := zlib.NewWriterLevel(&zbuf, zlib.BestSpeed)
	if err != nil {
		return err
	}
	newOffsets := make([]int, len(offsets))
	pos, shift := 0, 0 // src is copied up to pos; new offset = old + shift
	for i, n := range order {
		start := offsets[n]
		newOffsets[n] = start + shift
		end := xref
		if i+1 < len(order) {
			end = offsets[order[i+1]]
		}
		if !contents[n] {
			continue
		}
		// n 0 obj\n<</Length L>>\nstream\n...L bytes...\nendstream
		obj := src[start:end]
		head := []byte(strconv.Itoa(n) + " 0 obj\n<</Length ")
		if !bytes.HasPrefix(obj, head) {
			continue
		}
		rest := obj[len(head):]
		gt := bytes.IndexByte(rest, '>')
		if gt < 0 {
			continue
		}
		length, err := strconv.Atoi(string(rest[:gt]))
		dataStart := start + len(head) + gt + len(">>\nstream\n")
		if err != nil || !bytes.HasPrefix(rest[gt:], []byte(">>\nstream\n")) || dataStart+length > end {
			continue
		}
		out.Write(src[pos:start])
		zbuf.Reset()
		zw.Reset(&zbuf)
		zw.Write(src[dataStart : dataStart+length])
		if err := zw.Close(); err != nil {
			return err
		}
		out.WriteString(strconv.Itoa(n))
		out.WriteString(" 0 obj\n<</Filter /FlateDecode /Length ")
		out.WriteString(strconv.Itoa(zbuf.Len()))
		out.WriteString(">>\nstream\n")
		out.Write(zbuf.Bytes())
		pos = dataStart + length
		shift = out.Len() - pos
	}
	out.Write(src[pos:xref])
	// The cross-reference table, as fpdf writes it, with the new offsets.
	startxref := out.Len()
	out.WriteString("xref\n0 ")
	out.WriteString(strconv.Itoa(len(offsets)))
	out.WriteString("\n0000000000 65535 f \n")
	var num [10]byte
	for _, off := range newOffsets[1:] {
		s := strconv.AppendInt(num[:0], int64(off), 10)
		out.pad('0', 10-len(s))
		out.Write(s)
		out.WriteString(" 00000 n \n")
	}
	trailer := bytes.Index(src[xref:], []byte("trailer\n"))
	sx := bytes.LastIndex(src, []byte("startxref\n"))
	if trailer < 0 || sx < xref {
		return errors.New("pdf: no trailer")
	}
	out.Write(src[xref+trailer : sx])
	out.WriteString("startxref\n")
	out.WriteString(strconv.Itoa(startxref))
	out.WriteString("\n%%EOF\n")
	if out.err != nil {
		return out.err
	}
	return out.w.Flush()
}

// countingWriter writes through a buffer and counts the bytes: the
// offsets of the cross-reference table. The first error sticks.
type countingWriter struct {
	w   *bufio.Writer
	n   int
	err error
}

func (c *countingWriter) Len() int { return c.n }

func (c *countingWriter) Write(p []byte) {
	if c.err == nil {
		var n int
		n, c.err = c.w.Write(p)
		c.n += n
	}
}

func (c *countingWriter) WriteString(s string) {
	if c.err == nil {
		var n int
		n, c.err = c.w.WriteString(s)
		c.n += n
	}
}

func (c *countingWriter) pad(b byte, n int) {
	for range n {
		if c.err == nil {
			c.err = c.w.WriteByte(b)
			c.n++
		}
	}
}

// xrefOffsets reads the cross-reference table at the end of src: the
// offset of each object (index 0 unused) and where the table starts.
func xrefOffsets(src []byte) ([]int, int, error) {
	sx := bytes.LastIndex(src, []byte("startxref\n"))
	if sx < 0 {
		return nil, 0, errors.New("pdf: no startxref")
	}
	line, _, _ := bytes.Cut(src[sx+len("startxref\n"):], []byte("\n"))
	xref, err := strconv.Atoi(string(line))
	if err != nil || xref < 0 || xref >= sx || !bytes.HasPrefix(src[xref:], []byte("xref\n0 ")) {
		return nil, 0, errors.New("pdf: bad startxref")
	}
	rest := src[xref+len("xref\n0 "):]
	line, rest, _ = bytes.Cut(rest, []byte("\n"))
	count, err := strconv.Atoi(string(line))
	if err != nil || count < 1 || len(rest) < 20*count {
		return nil, 0, errors.New("pdf: bad xref table")
	}
	offsets := make([]int, count)
	for i := 1; i < count; i++ {
		entry := rest[20*i : 20*i+10]
		off, err := strconv.Atoi(string(entry))
		if err != nil || off <= 0 || off >= xref {
			return nil, 0, errors.New("pdf: bad xref entry")
		}
		offsets[i] = off
	}
	return offsets, xref, nil
}

// pageContents marks the page content objects: those a page object
// (n 0 obj <</Type /Page ...) names with /Contents m 0 R.
func pageContents(src []byte, offsets, order []int, xref int) []bool {
	contents := make([]bool, len(offsets))
	for i, n := range order {
		end := xref
		if i+1 < len(order) {
			end = offsets[order[i+1]]
		}
		obj := src[offsets[n]:end]
		if !bytes.HasPrefix(obj, []byte(strconv.Itoa(n)+" 0 obj\n<</Type /Page\n")) {
			continue
		}
		_, after, ok := bytes.Cut(obj, []byte("\n/Contents "))
		if !ok {
			continue
		}
		k := 0
		for k < len(after) && after[k] >= '0' && after[k] <= '9' {
			k++
		}
		if m, err := strconv.Atoi(string(after[:k])); err == nil && m > 0 && m < len(offsets) && bytes.HasPrefix(after[k:], []byte(" 0 R>>")) {
			contents[m] = true
		}
	}
	return contents
}
