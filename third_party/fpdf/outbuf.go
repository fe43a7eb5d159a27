// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sync"
)

// outBuffer receives the document once its pages are done (state 1 and
// 3): in memory, as fpdf always did, or, while Output writes the document
// as it is made, straight to the destination through a buffered writer,
// counting the bytes so that Len still gives the offsets of the
// cross-reference table. A write error is kept and the rest of the
// document dropped.
type outBuffer struct {
	mem bytes.Buffer
	w   *bufio.Writer // nil: in memory
	n   int           // bytes given to w
	err error         // the first error writing to w
}

var bufioWriters = sync.Pool{New: func() any { return bufio.NewWriterSize(io.Discard, 64<<10) }}

// stream starts writing to w, after whatever is in memory.
func (b *outBuffer) stream(w io.Writer) {
	bw := bufioWriters.Get().(*bufio.Writer)
	bw.Reset(w)
	b.w, b.n, b.err = bw, 0, nil
	if b.mem.Len() > 0 {
		b.Write(b.mem.Bytes())
		b.mem = bytes.Buffer{}
	}
}

// endStream flushes what is buffered and goes back to memory; it returns
// the first error writing to the destination.
func (b *outBuffer) endStream() error {
	if b.w == nil {
		return nil
	}
	if b.err == nil {
		b.err = b.w.Flush()
	}
	b.w.Reset(io.Discard)
	bufioWriters.Put(b.w)
	b.w = nil
	return b.err
}

// Len is the length of the document so far.
func (b *outBuffer) Len() int {
	if b.w != nil {
		return b.n
	}
	return b.mem.Len()
}

func (b *outBuffer) Write(p []byte) (int, error) {
	if b.w == nil {
		return b.mem.Write(p)
	}
	if b.err == nil {
		_, b.err = b.w.Write(p)
	}
	b.n += len(p)
	return len(p), nil
}

func (b *outBuffer) WriteString(s string) (int, error) {
	if b.w == nil {
		return b.mem.WriteString(s)
	}
	if b.err == nil {
		_, b.err = b.w.WriteString(s)
	}
	b.n += len(s)
	return len(s), nil
}

func (b *outBuffer) WriteByte(c byte) error {
	if b.w == nil {
		return b.mem.WriteByte(c)
	}
	if b.err == nil {
		b.err = b.w.WriteByte(c)
	}
	b.n++
	return nil
}

func (b *outBuffer) ReadFrom(r io.Reader) (int64, error) {
	if b.w == nil {
		return b.mem.ReadFrom(r)
	}
	var tmp bytes.Buffer
	n, err := tmp.ReadFrom(r)
	b.Write(tmp.Bytes())
	return n, err
}

// WriteTo writes what is in memory to w.
func (b *outBuffer) WriteTo(w io.Writer) (int64, error) {
	return b.mem.WriteTo(w)
}

// preflight makes sure that the end of the document cannot fail once
// its output to the destination has begun: it reads the font files
// putfonts will embed and checks the font types, setting f.err as
// putfonts would.
func (f *Fpdf) preflight() {
	for file, info := range f.fontFiles {
		if info.fontType == "UTF8" || info.embedded {
			continue
		}
		font, err := f.loadFontFile(file)
		if err != nil {
			f.SetError(err)
			return
		}
		info.content, info.embedded = font, true
		f.fontFiles[file] = info
	}
	for _, font := range f.fonts {
		switch font.Tp {
		case "Core", "Type1", "TrueType", "UTF8":
		default:
			f.SetError(fmt.Errorf("unsupported font type: %s", font.Tp))
			return
		}
	}
}
