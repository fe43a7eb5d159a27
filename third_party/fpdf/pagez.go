// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/adler32"
	"io"
	"sync"
)

// Pages are compressed as they are left, not all at the end: when the
// next page begins, when SetPage moves to another page, and at Close. A
// long document then holds its pages compressed, and the buffer of the
// page just compressed is reused by the next one.
//
// The content of page n is the zlib stream f.pageZ[n] (if any) inflated,
// followed by f.pages[n], what was written since. A page compressed once
// is the zlib stream putpages always wrote, byte for byte. A page written
// to again after SetPage gets the new content appended to its stream
// without inflating it (see zlibAppend): its stream then differs from a
// one-pass compression of the same content, and inflates to the same.
//
// Pages are not compressed early while aliases are registered
// (AliasNbPages, RegisterAlias): putpages replaces them in the raw
// content.

// compressPage compresses what was written to page n since it was last
// compressed, if pages are compressed early.
func (f *Fpdf) compressPage(n int) {
	if !f.compress || n < 1 || n >= len(f.pages) || f.aliasNbPagesStr != "" || len(f.aliasMap) > 0 {
		return
	}
	if f.pages[n].Len() == 0 {
		return
	}
	raw := f.pages[n]
	f.flushPage(n)
	if f.pages[n] != raw && (f.spare == nil || raw.Cap() > f.spare.Cap()) {
		raw.Reset()
		f.spare = raw
	}
}

// flushPage compresses what was written to page n since it was last
// compressed, into f.pageZ[n].
func (f *Fpdf) flushPage(n int) {
	raw := f.pages[n]
	for len(f.pageZ) <= n {
		f.pageZ = append(f.pageZ, nil)
	}
	if f.pageZ[n] == nil {
		mem := xmem.compress(raw.Bytes())
		f.pageZ[n] = mem.copy()
		mem.release()
	} else if raw.Len() > 0 {
		z, err := zlibAppend(f.pageZ[n], raw.Bytes())
		if err != nil {
			f.SetError(err)
			return
		}
		f.pageZ[n] = z
	} else {
		return
	}
	f.pages[n] = new(bytes.Buffer)
}

// newPageBuffer returns the buffer for a new page: the one of the page
// compressed last, if any.
func (f *Fpdf) newPageBuffer() *bytes.Buffer {
	if b := f.spare; b != nil {
		f.spare = nil
		return b
	}
	return new(bytes.Buffer)
}

// pageCompressed reports whether part of page n is held compressed.
func (f *Fpdf) pageCompressed(n int) bool {
	return n < len(f.pageZ) && f.pageZ[n] != nil
}

// pageContent returns the content of page n, uncompressed.
func (f *Fpdf) pageContent(n int) []byte {
	if !f.pageCompressed(n) {
		return f.pages[n].Bytes()
	}
	f.inflatePage(n)
	return f.pages[n].Bytes()
}

// inflatePage makes page n uncompressed again.
func (f *Fpdf) inflatePage(n int) {
	if !f.pageCompressed(n) {
		return
	}
	zr, err := zlib.NewReader(bytes.NewReader(f.pageZ[n]))
	var b bytes.Buffer
	if err == nil {
		_, err = b.ReadFrom(zr)
	}
	if err != nil {
		f.SetError(fmt.Errorf("could not inflate page %d: %w", n, err))
		return
	}
	b.Write(f.pages[n].Bytes())
	f.pages[n] = &b
	f.pageZ[n] = nil
}

// flateWriters holds raw deflate writers at fpdf's compression level,
// for zlibAppend.
var flateWriters = sync.Pool{
	New: func() any {
		fw, err := flate.NewWriter(io.Discard, flate.BestSpeed)
		if err != nil {
			panic(fmt.Errorf("could not create flate writer: %w", err))
		}
		return fw
	},
}

// zlibAppend returns the zlib stream z, as compress/zlib writes it, with
// data appended to what it inflates to, without inflating z.
//
// compress/flate ends a stream with an empty stored block, the last one:
// its header bits (BFINAL=1, BTYPE=00) padded with zeros to a byte, then
// LEN 0000 and NLEN FFFF. Clearing BFINAL, the last bit set before LEN,
// makes that block a sync marker after which a second deflate stream, of
// data, can follow; the Adler-32 checksum of the whole is combined from
// the two. A stream that does not end that way is inflated and
// compressed again whole.
func zlibAppend(z, data []byte) ([]byte, error) {
	const trailer = 4 + 4 // LEN NLEN, Adler-32
	end := len(z) - trailer
	if len(z) < 2+1+trailer || !bytes.Equal(z[end:end+4], []byte{0, 0, 0xff, 0xff}) {
		return zlibRecompress(z, data)
	}
	flag := end - 1 // the byte holding BFINAL: the last nonzero one before LEN
	if z[flag] == 0 {
		flag--
	}
	if flag < 2 || z[flag] == 0 {
		return zlibRecompress(z, data)
	}
	sum := binary.BigEndian.Uint32(z[len(z)-4:])

	out := bytes.NewBuffer(make([]byte, 0, len(z)+len(data)/2+64))
	out.Write(z[:len(z)-4])
	b := out.Bytes()
	top := byte(0x80)
	for b[flag]&top == 0 {
		top >>= 1
	}
	b[flag] &^= top

	fw := flateWriters.Get().(*flate.Writer)
	fw.Reset(out)
	_, err := fw.Write(data)
	if err == nil {
		err = fw.Close()
	}
	fw.Reset(io.Discard)
	flateWriters.Put(fw)
	if err != nil {
		return nil, err
	}
	sum = adler32Combine(sum, adler32.Checksum(data), len(data))
	return binary.BigEndian.AppendUint32(out.Bytes(), sum), nil
}

// zlibRecompress inflates z and compresses it again with data appended.
func zlibRecompress(z, data []byte) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if _, err := b.ReadFrom(zr); err != nil {
		return nil, err
	}
	b.Write(data)
	var out bytes.Buffer
	if err := zlibCompress(&out, b.Bytes()); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// adler32Combine returns the Adler-32 checksum of the concatenation of
// two pieces of data from the checksums of each and the length of the
// second (as zlib's adler32_combine).
func adler32Combine(adler1, adler2 uint32, len2 int) uint32 {
	const base = 65521
	if len2 < 0 {
		panic(errors.New("negative length"))
	}
	rem := uint64(len2 % base)
	sum1 := uint64(adler1 & 0xffff)
	sum2 := rem * sum1 % base
	sum1 += uint64(adler2&0xffff) + base - 1
	sum2 += uint64(adler1>>16) + uint64(adler2>>16) + base - rem
	if sum1 >= base {
		sum1 -= base
	}
	if sum1 >= base {
		sum1 -= base
	}
	if sum2 >= base<<1 {
		sum2 -= base << 1
	}
	if sum2 >= base {
		sum2 -= base
	}
	return uint32(sum1 | sum2<<16)
}
