// Copyright ©2021 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"sync"
)

var xmem = xmempool{
	Pool: sync.Pool{
		New: func() any {
			var m membuffer
			return &m
		},
	},
}

type xmempool struct{ sync.Pool }

// zlibWriters holds zlib writers at fpdf's compression level. A new
// writer allocates and clears over a megabyte of compressor state; one
// reset from the pool gives the same bytes for a fraction of the cost.
var zlibWriters = sync.Pool{
	New: func() any {
		zw, err := zlib.NewWriterLevel(io.Discard, zlib.BestSpeed)
		if err != nil {
			panic(fmt.Errorf("could not create zlib writer: %w", err))
		}
		return zw
	},
}

// zlibCompress writes data to w as one zlib stream, with a pooled writer.
func zlibCompress(w io.Writer, data []byte) error {
	zw := zlibWriters.Get().(*zlib.Writer)
	zw.Reset(w)
	_, err := zw.Write(data)
	if err == nil {
		err = zw.Close()
	}
	zw.Reset(io.Discard) // do not keep w alive from the pool
	zlibWriters.Put(zw)
	return err
}

func (pool *xmempool) compress(data []byte) *membuffer {
	mem := pool.Get().(*membuffer)
	buf := &mem.buf
	buf.Grow(len(data))

	err := zlibCompress(buf, data)
	if err != nil {
		panic(fmt.Errorf("could not zlib-compress slice: %w", err))
	}
	return mem
}

func (pool *xmempool) uncompress(data []byte) (*membuffer, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}

	mem := pool.Get().(*membuffer)
	mem.buf.Reset()

	_, err = mem.buf.ReadFrom(zr)
	if err != nil {
		mem.release()
		return nil, err
	}

	return mem, nil
}

type membuffer struct {
	buf bytes.Buffer
}

func (mem *membuffer) bytes() []byte { return mem.buf.Bytes() }
func (mem *membuffer) release() {
	mem.buf.Reset()
	xmem.Put(mem)
}

func (mem *membuffer) copy() []byte {
	src := mem.bytes()
	dst := make([]byte, len(src))
	copy(dst, src)
	return dst
}
