// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"hash/maphash"
	"sync"
)

// A UTF-8 font is parsed once per process: parsedUTF8Font holds what
// parseFile reads from a TrueType font, shared read-only by every
// document that adds a font with the same bytes, whichever slice they
// come in. The cache keeps its own copy of the bytes, so a caller may
// reuse or change its slice once AddUTF8FontFromBytes returns.
type parsedUTF8Font struct {
	data    []byte       // the font file; never written
	metrics utf8FontFile // parseFile's results; CharWidths is shared and read-only

	mu   sync.Mutex
	ids  map[string]string // font id by font key (family and style)
	tabs *utf8CutTables    // read by the first subset
}

// cutTables returns the tables GenerateCutFont reads before it picks
// glyphs, reading them the first time.
func (pf *parsedUTF8Font) cutTables() *utf8CutTables {
	pf.mu.Lock()
	defer pf.mu.Unlock()
	if pf.tabs == nil {
		pf.tabs = newUTF8Font(&fileReader{array: pf.data}).readCutTables()
	}
	return pf.tabs
}

// maxCachedUTF8Fonts bounds the cache: past it, the oldest font is
// dropped (documents using it keep their reference).
const maxCachedUTF8Fonts = 64

type utf8FontCacheType struct {
	sync.Mutex
	seed  maphash.Seed
	fonts map[uint64][]*parsedUTF8Font
	order []*parsedUTF8Font // oldest first
	// parsing holds the fonts being parsed, by hash: a document that needs
	// one waits for it instead of parsing it too.
	parsing map[uint64][]*utf8FontParse
	parses  int // fonts parsed, for tests
}

// utf8FontParse is a parse in progress: done is closed when it ends.
type utf8FontParse struct {
	data []byte
	done chan struct{}
	pf   *parsedUTF8Font
	err  error
}

var utf8FontCache = utf8FontCacheType{
	seed:    maphash.MakeSeed(),
	fonts:   make(map[uint64][]*parsedUTF8Font),
	parsing: make(map[uint64][]*utf8FontParse),
}

// loadUTF8Font returns the parsed font with these bytes, parsing it the
// first time. A font that does not parse is not cached.
func loadUTF8Font(b []byte) (*parsedUTF8Font, error) {
	return utf8FontCache.load(b)
}

func (c *utf8FontCacheType) load(b []byte) (*parsedUTF8Font, error) {
	h := maphash.Bytes(c.seed, b)
	c.Lock()
	if pf := c.lookup(h, b); pf != nil {
		c.Unlock()
		return pf, nil
	}
	for _, p := range c.parsing[h] {
		if bytes.Equal(p.data, b) {
			c.Unlock()
			<-p.done
			return p.pf, p.err
		}
	}
	p := &utf8FontParse{data: b, done: make(chan struct{})}
	c.parsing[h] = append(c.parsing[h], p)
	c.parses++
	c.Unlock()
	p.pf, p.err = c.parse(h, b)
	c.Lock()
	list := c.parsing[h]
	for i, x := range list {
		if x == p {
			list = append(list[:i:i], list[i+1:]...)
			break
		}
	}
	if len(list) == 0 {
		delete(c.parsing, h)
	} else {
		c.parsing[h] = list
	}
	c.Unlock()
	close(p.done)
	return p.pf, p.err
}

// parse parses a font of hash h and adds it to the cache.
func (c *utf8FontCacheType) parse(h uint64, b []byte) (*parsedUTF8Font, error) {
	data := bytes.Clone(b)
	utf := newUTF8Font(&fileReader{array: data})
	if err := utf.parseFile(); err != nil {
		return nil, err
	}
	pf := &parsedUTF8Font{data: data, ids: make(map[string]string)}
	// What subsetting reads before it picks glyphs, from the same parse.
	pf.tabs = utf.readCutTables()
	pf.metrics = utf8FontFile{
		Ascent:             utf.Ascent,
		Descent:            utf.Descent,
		Bbox:               utf.Bbox,
		CapHeight:          utf.CapHeight,
		StemV:              utf.StemV,
		ItalicAngle:        utf.ItalicAngle,
		Flags:              utf.Flags,
		UnderlinePosition:  utf.UnderlinePosition,
		UnderlineThickness: utf.UnderlineThickness,
		CharWidths:         utf.CharWidths,
		DefaultWidth:       utf.DefaultWidth,
	}
	c.Lock()
	defer c.Unlock()
	c.fonts[h] = append(c.fonts[h], pf)
	c.order = append(c.order, pf)
	if len(c.order) > maxCachedUTF8Fonts {
		oldest := c.order[0]
		c.order = c.order[1:]
		oh := maphash.Bytes(c.seed, oldest.data)
		list := c.fonts[oh]
		for i, x := range list {
			if x == oldest {
				list = append(list[:i:i], list[i+1:]...)
				break
			}
		}
		if len(list) == 0 {
			delete(c.fonts, oh)
		} else {
			c.fonts[oh] = list
		}
	}
	return pf, nil
}

// lookup returns the cached font with these bytes, or nil; c is locked.
func (c *utf8FontCacheType) lookup(h uint64, b []byte) *parsedUTF8Font {
	for _, pf := range c.fonts[h] {
		if bytes.Equal(pf.data, b) {
			return pf
		}
	}
	return nil
}

// newFile returns a utf8FontFile for one document: the shared metrics,
// and the state putfonts fills in while it subsets the font.
func (pf *parsedUTF8Font) newFile() *utf8FontFile {
	m := &pf.metrics
	return &utf8FontFile{
		fileReader:         &fileReader{array: pf.data},
		parsed:             pf,
		Ascent:             m.Ascent,
		Descent:            m.Descent,
		Bbox:               m.Bbox,
		CapHeight:          m.CapHeight,
		StemV:              m.StemV,
		ItalicAngle:        m.ItalicAngle,
		Flags:              m.Flags,
		UnderlinePosition:  m.UnderlinePosition,
		UnderlineThickness: m.UnderlineThickness,
		CharWidths:         m.CharWidths,
		DefaultWidth:       m.DefaultWidth,
	}
}

// fontID returns generateFontID(def) for a definition made from this
// font, computing it once per font key.
func (pf *parsedUTF8Font) fontID(def fontDefType) string {
	pf.mu.Lock()
	id, ok := pf.ids[def.Name]
	pf.mu.Unlock()
	if ok {
		return id
	}
	id, _ = generateFontID(def)
	pf.mu.Lock()
	pf.ids[def.Name] = id
	pf.mu.Unlock()
	return id
}
