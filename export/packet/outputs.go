package packet

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"

	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/export/markdown"
	"github.com/starpack/starpack/export/pdf"
	"github.com/starpack/starpack/export/xlsx"
)

// Output is one file of a packet: how --only names it, its file name, and
// the renderer that writes it. Renderers of different packets run at
// once: they must not share mutable state.
type Output struct {
	Name   string
	File   string
	Render func(w io.Writer, p *export.Packet, a *Assets) (warnings []string, err error)
}

// MatrixFile is the packet's workbook, the one a coach edits.
const MatrixFile = "matrix.xlsx"

// Outputs lists the files of a packet, in the order they are written.
func Outputs() []Output {
	return []Output{
		{"brief", "brief.pdf", func(w io.Writer, p *export.Packet, a *Assets) ([]string, error) {
			return pdf.Brief(w, p, a.PDF)
		}},
		{"cheatsheet", "cheatsheet.pdf", func(w io.Writer, p *export.Packet, a *Assets) ([]string, error) {
			return pdf.CheatSheet(w, p, a.PDF)
		}},
		{"matrix", MatrixFile, func(w io.Writer, p *export.Packet, a *Assets) ([]string, error) {
			return nil, xlsx.Write(w, p)
		}},
		{"notes", "notes.md", func(w io.Writer, p *export.Packet, a *Assets) ([]string, error) {
			return nil, markdown.Render(w, p, a.Notes)
		}},
	}
}

// Names lists the outputs' names.
func Names(outs []Output) []string {
	names := make([]string, len(outs))
	for i, o := range outs {
		names[i] = o.Name
	}
	return names
}

// Pick returns the outputs named in only (all of outs when only is
// empty), in output order. A name may be given with its extension
// (notes.md); an unknown one is an error listing the known ones.
func Pick(outs []Output, only []string) ([]Output, error) {
	if len(only) == 0 {
		return outs, nil
	}
	want := map[string]bool{}
	for _, n := range only {
		n = strings.TrimSpace(strings.ToLower(n))
		n = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(n, ".pdf"), ".md"), ".xlsx")
		found := false
		for _, o := range outs {
			found = found || o.Name == n
		}
		if !found {
			return nil, fmt.Errorf("--only: unknown output %q (outputs: %s)", n, strings.Join(Names(outs), ", "))
		}
		want[n] = true
	}
	var picked []Output
	for _, o := range outs {
		if want[o.Name] {
			picked = append(picked, o)
		}
	}
	return picked, nil
}

// File is one output of a packet, rendered in memory.
type File struct {
	Name string // file name in the packet folder
	Data []byte
}

// Render renders the builder's outputs of a packet at once (they only read
// it) and returns them in output order, their warnings, named by their
// file in dir, added to rep. The first error in output order wins, and the
// warnings of the outputs after it are dropped, as if they had rendered
// one by one.
func (b *Builder) Render(p *export.Packet, dir string, rep *Report) ([]File, error) {
	type rendered struct {
		data     []byte
		warnings []string
		err      error
	}
	outs := make([]rendered, len(b.opts.Outputs))
	var wg sync.WaitGroup
	for i, o := range b.opts.Outputs {
		r := &outs[i]
		wg.Go(func() {
			defer func() {
				if v := recover(); v != nil {
					r.err = fmt.Errorf("internal error: %v (this is a bug in starpack; please report it)", v)
				}
			}()
			var buf bytes.Buffer
			r.warnings, r.err = o.Render(&buf, p, b.assets)
			r.data = buf.Bytes()
		})
	}
	wg.Wait()
	files := make([]File, len(outs))
	for i, r := range outs {
		name := b.opts.Outputs[i].File
		for _, w := range r.warnings {
			rep.Warnings = append(rep.Warnings, filepath.Join(dir, name)+": "+w)
		}
		if r.err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(dir, name), r.err)
		}
		files[i] = File{Name: name, Data: r.data}
	}
	return files, nil
}
