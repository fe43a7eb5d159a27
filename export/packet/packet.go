// Package packet is starpack's pipeline, as a library: for one role of a
// workspace (or the whole bank) it prepares the packet (syncs the coach's
// edits from the workbook about to be replaced, selects the stories,
// redacts when asked), renders each output, and replaces the packet
// folder, out/<role-id>/ (a redacted copy: out/redacted/<label>/), whole:
// staged beside it with a manifest, then swapped in (see write.go).
//
//	load (config) → select (stories/tailor) → render (export/*) → write (here)
//
// The outputs are data (Outputs: name, file, renderer); the command line
// only wires flags, workers, progress and printing to a Builder. Prepare
// is the one way a packet is made, for the command line and for tests.
package packet

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/lint"
	"github.com/starpack/starpack/stories/tailor"
)

// AllID names the packet of the whole bank (build --all) and its folder.
const AllID = "all"

// Options say how packets are built.
type Options struct {
	Date    time.Time // the build date, on every output; fixed by --date or SOURCE_DATE_EPOCH
	Redact  bool      // apply the redaction rules of the workspace and the role
	Out     string    // the output folder; "" means the workspace's (config.Workspace.OutDir)
	Outputs []Output  // the outputs to write; nil means all of Outputs()
	// Named says that Outputs were named by the user (--only): an output a
	// packet has nothing for (a calendar of a role without rounds) is then
	// an error rather than left out.
	Named bool
	// Round is the round of the role to prepare, from 1; 0 means the next
	// one on or after Date.
	Round int
}

// Builder builds the packets of one workspace: what they share (the bank,
// the catalog, the templates and fonts) is loaded once, by New. Its methods
// may be called from several goroutines, one packet each.
type Builder struct {
	ws      *config.Workspace
	bank    *stories.Bank
	cat     *stories.Catalog
	opts    Options
	assets  *Assets
	outDir  string
	matrix  bool // the workbook is among the outputs
	fbMutex sync.Mutex
	// dirLocks holds a *sync.Mutex per packet folder.
	dirLocks sync.Map
	// cues are the bank's stories' cues, worked out for the first packet
	// and shared by the others.
	cues func() map[*stories.Story]string
}

// New loads what every packet of a build shares. Errors are the
// workspace's: a bank that does not load, a template or font that cannot be
// read.
func New(ws *config.Workspace, opts Options) (*Builder, error) {
	if opts.Outputs == nil {
		opts.Outputs = Outputs()
	}
	b := &Builder{ws: ws, cat: ws.Catalog(), opts: opts, outDir: opts.Out}
	if b.outDir == "" {
		b.outDir = ws.OutDir()
	}
	b.cues = sync.OnceValue(func() map[*stories.Story]string { return export.WorkOutCues(b.bank.Stories()) })
	var err error
	if b.bank, err = ws.Bank(); err != nil {
		return nil, err
	}
	if b.assets, err = loadAssets(ws, opts.Outputs); err != nil {
		return nil, err
	}
	for _, o := range opts.Outputs {
		b.matrix = b.matrix || o.File == MatrixFile
	}
	return b, nil
}

// OutDir is the output folder the packets go to.
func (b *Builder) OutDir() string { return b.outDir }

// Prepare returns the packet of role (nil: the whole bank), with the
// workspace's settings: it imports the coach's edits from the packet's
// existing workbook (see SyncFeedback), selects the stories and, when the
// options say so, redacts. It is what every renderer draws.
func Prepare(ws *config.Workspace, role *config.Role, opts Options) (*export.Packet, error) {
	b, err := New(ws, opts)
	if err != nil {
		return nil, err
	}
	p, _, err := b.Prepare(role)
	return p, err
}

// ID is the id of the packet of role: its role id, or AllID.
func ID(role *config.Role) string {
	if role == nil {
		return AllID
	}
	return role.ID
}

// Prepare is Prepare with what the builder has loaded; it also returns
// what the feedback sync said (warnings and notices).
func (b *Builder) Prepare(role *config.Role) (*export.Packet, Report, error) {
	var rep Report
	id := ID(role)
	feedback, base, err := b.syncFeedback(id, b.dir(id), &rep)
	if err != nil {
		return nil, rep, err
	}
	p, err := b.packet(role, feedback, base)
	return p, rep, err
}

// label is the neutral name of the packet id's redacted copy, or "" when
// the builder does not redact.
func (b *Builder) label(id string) string {
	if !b.opts.Redact {
		return ""
	}
	return Label(b.ws, id)
}

// dir is the folder of the packet id: out/<id>, or out/redacted/<label>
// for a redacted copy.
func (b *Builder) dir(id string) string {
	if l := b.label(id); l != "" {
		return filepath.Join(b.outDir, RedactedDir, l)
	}
	return filepath.Join(b.outDir, id)
}

// packet selects the stories of one role and gathers what the outputs
// show: feedback is the role's latest, from the first base entries of its
// feedback file.
func (b *Builder) packet(role *config.Role, feedback map[string]stories.Feedback, base int) (*export.Packet, error) {
	s := &b.ws.Settings
	p := &export.Packet{
		RoleID:       ID(role),
		Candidate:    s.Candidate,
		Bank:         b.bank,
		Catalog:      b.cat,
		Feedback:     feedback,
		FeedbackBase: base,
		Generated:    b.opts.Date,
		Paper:        s.Paper,
		Title:        "All stories",
		Speech:       s.Speech(),
		Lint:         s.LintConfig(),
		Cues:         b.cues(),
	}
	if abs, err := filepath.Abs(b.dir(p.RoleID)); err == nil {
		p.Dir = abs
	}
	if role != nil {
		p.Company, p.Title, p.Interview, p.Focus, p.Ask = role.Company, role.Title, role.Date, role.Focus, role.Ask
		p.JobDescription = role.JobDescription
		lp, err := LoadLoop(b.ws, role, b.opts.Round, b.opts.Date)
		if err != nil {
			return nil, err
		}
		p.Loop = lp
		if r := lp.Current(); r != nil {
			p.Interview = r.When()
		}
	}
	sel, err := SelectRound(b.ws, role, p.Loop)
	if err != nil {
		return nil, err
	}
	p.Selection = sel
	for _, k := range sel.Keywords {
		p.Keywords = append(p.Keywords, k.Term)
	}
	if role != nil {
		p.Findings = Lint(b.ws, role.ID, sel)
	}
	if b.opts.Redact {
		p = p.Redact(stories.NewRedactor(s.RedactRules(role)))
		p.RoleID = b.label(ID(role))
	}
	outs, err := b.outputsFor(p)
	if err != nil {
		outs = b.opts.Outputs // the packet fails when rendered, and says why
	}
	p.Build = buildID(p, outs)
	return p, nil
}

// Select chooses the stories of role (nil: the whole bank) with the
// workspace's settings (synonyms, score weights). A mistake in the role's
// questions, include: or exclude: lists is an error at its line.
func Select(ws *config.Workspace, role *config.Role) (*tailor.Selection, error) {
	return SelectRound(ws, role, nil)
}

// SelectRound is Select for one round of the role's interview loop (lp,
// from LoadLoop; nil for none): stories told to the company before are not
// picked unless the role includes them, the questions asked before come
// first and get a second story, and those no story answers are gaps.
func SelectRound(ws *config.Workspace, role *config.Role, lp *export.Loop) (*tailor.Selection, error) {
	bank, err := ws.Bank()
	if err != nil {
		return nil, err
	}
	cat := ws.Catalog()
	if role != nil {
		if err := role.CheckQuestions(cat); err != nil {
			return nil, err
		}
	}
	req := role.Request(&ws.Settings)
	if role != nil && lp != nil {
		if err := shape(&req, lp, bank, cat, role.Include); err != nil {
			return nil, err
		}
	}
	sel, err := tailor.Select(bank, cat, req)
	if err == nil && role != nil && lp != nil {
		err = extraPicks(sel, lp, bank, cat, req)
	}
	if err != nil && role != nil {
		err = role.Locate(err)
	}
	return sel, err
}

// Lint checks the stories a role picked as a coach would the night before
// (lint.Picks: a failure story without its lesson, stories without
// follow-ups), with the workspace's rule settings. Prepare puts the
// findings in the packet, for the notes' checklist; Build says them in a
// line; `starpack lint` runs it for every role.
func Lint(ws *config.Workspace, roleID string, sel *tailor.Selection) []lint.Finding {
	return lint.Picks(Picks(roleID, sel), ws.Settings.LintConfig())
}

// Picks lists the stories a selection uses and the question each answers,
// as lint.Picks takes them.
func Picks(roleID string, sel *tailor.Selection) []lint.Picked {
	var picks []lint.Picked
	for _, a := range sel.Answers {
		for _, pk := range a.Picks {
			picks = append(picks, lint.Picked{Role: roleID, Story: pk.Story, Question: a.Question})
		}
	}
	return picks
}

// Report is what building a packet said besides its files: warnings (from
// the renderers and the feedback sync) and notices.
type Report struct {
	Warnings []string
	Notices  []string // said on stderr, as "starpack: ..."
}

// Result is what building one packet gave.
type Result struct {
	Report
	Dir   string   // the packet folder, when written
	Files []string // the files written, in output order
	Err   error
}

// Build prepares, renders and writes the packet of role (nil: the whole
// bank). Nothing is written when any output fails; a renderer that panics
// is an error saying it is a bug.
func (b *Builder) Build(role *config.Role) (res Result) {
	id := ID(role)
	defer func() {
		if r := recover(); r != nil {
			res.Err = fmt.Errorf("internal error building %q: %v (this is a bug in starpack; please report it)", id, r)
		}
	}()
	p, rep, err := b.Prepare(role)
	res.Report = rep
	if err != nil {
		res.Err = err
		return res
	}
	if s := lint.PicksSummary(p.Findings); s != "" {
		res.Notices = append(res.Notices, fmt.Sprintf("%s: before the interview: %s (notes.md lists them)", id, s))
	}
	dir, err := Dir(b.outDir, id, b.label(id))
	if err != nil {
		res.Err = err
		return res
	}
	outs, err := b.outputsFor(p)
	if err != nil {
		res.Err = err
		return res
	}
	var names []string
	for _, o := range outs {
		names = append(names, o.File)
	}
	lock := b.dirLock(dir)
	lock.Lock()
	st, err := newStaging(dir, names)
	lock.Unlock()
	if err != nil {
		res.Err = err
		return res
	}
	defer st.discard()
	if res.Err = b.render(p, outs, st, dir, &res.Report); res.Err != nil {
		return res
	}
	m := Manifest{Build: p.Build, Date: b.opts.Date.UTC().Format("2006-01-02"), Role: id}
	if b.opts.Redact {
		m.Role, m.Label, m.Redacted = "", p.RoleID, true
	}
	lock.Lock()
	res.Err = st.finish(m)
	lock.Unlock()
	if res.Err != nil {
		return res
	}
	res.Files, res.Dir = names, dir
	return res
}

// dirLock is the lock of one packet folder: two packets of one role (a
// batch naming it twice) are not swapped in at once.
func (b *Builder) dirLock(dir string) *sync.Mutex {
	m, _ := b.dirLocks.LoadOrStore(dir, &sync.Mutex{})
	return m.(*sync.Mutex)
}

// buildID identifies a build of a packet: a hash of what its outputs
// show (the stories, the selection, the feedback and its base, the date,
// the packet's name) and of which outputs are built. The same inputs give
// the same id.
func buildID(p *export.Packet, outs []Output) string {
	h := sha256.New()
	fmt.Fprintf(h, "%q %q %q %q %v %d %q\n", p.RoleID, p.Heading(), p.Interview, p.Generated.UTC().Format(time.RFC3339), p.Redacted, p.FeedbackBase, Names(outs))
	fmt.Fprintf(h, "%q %q %q\n", p.Candidate, p.Focus, p.Keywords)
	for _, s := range p.Bank.Stories() {
		fmt.Fprintf(h, "%q %q %q %q %q %q %q %q %q\n", s.ID, s.Question, s.Title, s.Situation, s.Task, s.Action, s.Result, s.Notes, s.Tags)
		if s.Project != nil {
			fmt.Fprintf(h, "%q %q %q\n", s.Project.Project, s.Project.Company, s.Project.When)
		}
		if fb, ok := p.Feedback[s.ID]; ok {
			fmt.Fprintf(h, "%d %q %q %v\n", fb.Rating, fb.Status, fb.Comment, fb.Columns)
		}
	}
	if p.Selection != nil {
		for _, a := range p.Selection.Answers {
			for _, pk := range a.Picks {
				fmt.Fprintf(h, "%s=%s ", a.Question.ID, pk.Story.ID)
			}
		}
	}
	hashLoop(h, p)
	return hex.EncodeToString(h.Sum(nil))[:12]
}
