package packet

import (
	"bufio"
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

// render renders the outputs outs of a packet at once (they only read it),
// no more at once than there are processors, each streaming into its file
// in the staging folder st. Their warnings, named by their file in dir,
// are added to rep. The first error in output order wins, and the warnings
// of the outputs after it are dropped, as if they had rendered one by one.
func (b *Builder) render(p *export.Packet, outs []Output, st *staging, dir string, rep *Report) error {
	type rendered struct {
		warnings []string
		err      error // the renderer's
		ioErr    error // writing its file
	}
	res := make([]rendered, len(outs))
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, o := range outs {
		r := &res[i]
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			defer func() {
				if v := recover(); v != nil {
					r.err = fmt.Errorf("internal error: %v (this is a bug in starpack; please report it)", v)
				}
			}()
			f, err := st.create(o.File)
			if err != nil {
				r.ioErr = err
				return
			}
			defer f.Close() // after a panic; closeSynced has closed it otherwise
			w := bufio.NewWriterSize(f, 64<<10)
			if r.warnings, r.err = o.Render(w, p, b.assets); r.err != nil {
				return
			}
			if r.ioErr = w.Flush(); r.ioErr == nil {
				r.ioErr = closeSynced(f)
			}
		})
	}
	wg.Wait()
	for i, r := range res {
		name := filepath.Join(dir, outs[i].File)
		for _, w := range r.warnings {
			rep.Warnings = append(rep.Warnings, name+": "+w)
		}
		if r.err != nil {
			return fmt.Errorf("%s: %w", name, r.err)
		}
		if r.ioErr != nil {
			return folderError(st.parent, r.ioErr)
		}
	}
	return nil
}
