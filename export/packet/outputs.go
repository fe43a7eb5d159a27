package packet

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/starpack/starpack/stories/source"

	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/export/ics"
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
	// Needs, when set, says why a packet has nothing for this output (nil
	// when it has something): such an output is left out of that packet,
	// unless the user named it (--only), when it fails the packet.
	Needs func(p *export.Packet) error
}

// MatrixFile is the packet's workbook, the one a coach edits.
const MatrixFile = "matrix.xlsx"

// Outputs lists the files of a packet, in the order they are written.
func Outputs() []Output {
	return []Output{
		{Name: "brief", File: "brief.pdf", Render: func(w io.Writer, p *export.Packet, a *Assets) ([]string, error) {
			return pdf.Brief(w, p, a.PDF)
		}},
		{Name: "cheatsheet", File: "cheatsheet.pdf", Render: func(w io.Writer, p *export.Packet, a *Assets) ([]string, error) {
			return pdf.CheatSheet(w, p, a.PDF)
		}},
		{Name: "matrix", File: MatrixFile, Render: func(w io.Writer, p *export.Packet, a *Assets) ([]string, error) {
			return nil, xlsx.Write(w, p)
		}},
		{Name: "notes", File: "notes.md", Render: func(w io.Writer, p *export.Packet, a *Assets) ([]string, error) {
			return nil, markdown.Render(w, p, a.Notes)
		}},
		// The calendar of the role's rounds: written by default only for a
		// role that has rounds.
		{Name: "ics", File: CalendarFile, Render: func(w io.Writer, p *export.Packet, a *Assets) ([]string, error) {
			return nil, ics.Write(w, p)
		}, Needs: needsRounds},
	}
}

// CalendarFile is the packet's calendar of interview rounds.
const CalendarFile = "interview.ics"

// needsRounds says that a packet without interview rounds has no
// calendar, nor has a redacted copy: a calendar is the candidate's own.
func needsRounds(p *export.Packet) error {
	if p.Redacted {
		return &source.Error{Msg: "a redacted copy has no " + CalendarFile + ": the calendar is yours, not for sharing",
			Hint: "build it without --redact"}
	}
	if p.Loop != nil && len(p.Loop.Rounds) > 0 {
		return nil
	}
	what := "the whole bank has no interview rounds"
	hint := "a calendar is made for a role with rounds: in its role file"
	if p.RoleID != AllID {
		what = fmt.Sprintf("role %q has no interview rounds", p.RoleID)
		hint = "add them to the role file, e.g.\nrounds:\n  - {date: 2026-12-03T10:00, kind: phone screen, with: [recruiter]}"
	}
	return &source.Error{Msg: what + ": nothing to put in " + CalendarFile, Hint: hint}
}

// outputsFor are the outputs the packet p gets: each of the builder's,
// but those it has nothing for (see Output.Needs), unless they were named.
func (b *Builder) outputsFor(p *export.Packet) ([]Output, error) {
	var outs []Output
	for _, o := range b.opts.Outputs {
		if o.Needs != nil {
			if err := o.Needs(p); err != nil {
				if b.opts.Named {
					return nil, err
				}
				continue
			}
		}
		outs = append(outs, o)
	}
	return outs, nil
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
		n = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(n, ".pdf"), ".md"), ".xlsx"), ".ics")
		if n == "interview" {
			n = "ics" // interview.ics, by its file name
		}
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
	want, err := b.outputsFor(p)
	if err != nil {
		return nil, err
	}
	outs := make([]rendered, len(want))
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0)) // no more renderers at once than processors
	for i, o := range want {
		r := &outs[i]
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
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
		name := want[i].File
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
