package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/export/markdown"
	"github.com/starpack/starpack/export/pdf"
	"github.com/starpack/starpack/export/xlsx"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
	"github.com/starpack/starpack/stories/tailor"
)

type buildOptions struct {
	roles  []string
	all    bool
	out    string
	only   []string
	redact bool
	date   string
	quiet  bool
	watch  bool
	json   bool
}

func newBuildCmd(a *app) *cobra.Command {
	opts := &buildOptions{}
	cmd := &cobra.Command{
		Use:   "build [ROLE...]",
		Short: "Build the prep packet of one or more roles",
		Long: `Build writes the prep packet of each role to out/<role-id>/.

With no ROLE it builds every role in roles/; --all builds one packet of the
whole bank (out/all/). ROLE is a role id (roles/<id>.yaml) or a path to a role
file. With no workspace it builds the embedded example and says so.

Several roles are built in parallel; a role with a mistake does not stop the
others, and the summary lists what failed (exit 1). Files are written
atomically: a packet that fails leaves its previous files as they were.
--date or SOURCE_DATE_EPOCH fix every date, so the same inputs give
byte-identical files.`,
		Example: `  starpack build                   # every role
  starpack build acme --only notes # just out/acme/notes.md
  starpack build --all --date 2026-12-01`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.roles = args
			if opts.watch {
				return a.watchRun(cmd, opts)
			}
			return a.buildRun(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.all, "all", false, "build one packet of the whole bank (out/all/)")
	f.StringVar(&opts.out, "out", "", "output folder (default: out in the workspace, or $STARPACK_OUT)")
	f.StringSliceVar(&opts.only, "only", nil, "outputs to write, comma-separated: "+strings.Join(outputNames(outputs()), ","))
	f.BoolVar(&opts.redact, "redact", false, "apply the redaction rules of starpack.yaml and the role, for sharing")
	f.StringVar(&opts.date, "date", "", "the build date, YYYY-MM-DD (default: $SOURCE_DATE_EPOCH, else today)")
	f.BoolVarP(&opts.quiet, "quiet", "q", false, "print nothing but errors")
	f.BoolVar(&opts.json, "json", false, "print what was built as JSON: out, built, failed, packets[{role, dir, files, warnings, error, hint}]")
	f.BoolVarP(&opts.watch, "watch", "w", false, "build, then rebuild what a changed story, role, template or setting affects, until Ctrl-C")
	return cmd
}

// output is one file of a packet.
type output struct {
	name   string // for --only
	file   string
	render func(w io.Writer, p *export.Packet, b *builder) (warnings []string, err error)
}

// outputs lists the files of a packet, in the order they are written.
// Renderers run concurrently for different packets: they must not share
// mutable state.
func outputs() []output {
	return []output{
		{"brief", "brief.pdf", func(w io.Writer, p *export.Packet, b *builder) ([]string, error) {
			return pdf.Brief(w, p, b.pdf)
		}},
		{"cheatsheet", "cheatsheet.pdf", func(w io.Writer, p *export.Packet, b *builder) ([]string, error) {
			return pdf.CheatSheet(w, p, b.pdf)
		}},
		{"matrix", matrixFile, func(w io.Writer, p *export.Packet, b *builder) ([]string, error) {
			return nil, xlsx.Write(w, p)
		}},
		{"notes", "notes.md", func(w io.Writer, p *export.Packet, b *builder) ([]string, error) {
			return nil, markdown.Render(w, p, b.notes)
		}},
	}
}

func outputNames(outs []output) []string {
	var names []string
	for _, o := range outs {
		names = append(names, o.name)
	}
	return names
}

// builder holds what every packet of one build shares, prepared once.
type builder struct {
	ws     *config.Workspace
	bank   *stories.Bank
	cat    *stories.Catalog
	date   time.Time
	outDir string
	want   map[string]bool
	redact bool
	notes  *template.Template
	pdf    pdf.Options // margins, accent and fallback fonts, read once
	// outputs are the files of each packet (outputs(); tests inject others).
	outputs []output
	// fbMu keeps two packets of the same role from appending to its
	// feedback file at once.
	fbMu sync.Mutex
}

// job is one packet to build: a role, or the whole bank (role nil). err is
// set when the role could not be loaded.
type job struct {
	id   string
	role *config.Role
	err  error
}

// result is what building one packet gave.
type result struct {
	dir      string
	files    []string
	warnings []string
	notices  []string // said on stderr, as "starpack: ..."
	err      error
}

// buildRun is the pipeline: load and check the workspace, then for each
// packet select the stories, render the outputs and write them.
func (a *app) buildRun(cmd *cobra.Command, opts *buildOptions) error {
	if opts.all && len(opts.roles) > 0 {
		return usageError{fmt.Errorf("--all builds the whole bank; give no ROLE with it")}
	}
	b, err := a.newBuilder(cmd, opts)
	if err != nil {
		return err
	}
	flushLint := lintInBackground(a.stderr, b.ws, b.bank, b.cat, opts.quiet)
	defer flushLint()
	jobs, err := b.jobs(opts)
	if err != nil {
		return err
	}
	results := b.buildAll(jobs, a.progress(len(jobs), opts.quiet || opts.json))
	flushLint()
	if opts.json {
		return a.buildJSONReport(b.outDir, jobs, results)
	}
	return a.reportBuild(b.outDir, results, opts.quiet)
}

// newBuilder loads what every packet of the build shares: the workspace and
// its settings, the bank, the templates and the fonts.
func (a *app) newBuilder(cmd *cobra.Command, opts *buildOptions) (*builder, error) {
	outs := outputs()
	if a.outputs != nil {
		outs = a.outputs
	}
	want, err := selectOutputs(opts.only, outs)
	if err != nil {
		return nil, err
	}
	date, err := buildDate(opts.date, a.getenv("SOURCE_DATE_EPOCH"), a.now)
	if err != nil {
		return nil, err
	}
	ws, err := a.openWorkspace(cmd, true)
	if err != nil {
		return nil, err
	}
	b := &builder{ws: ws, cat: ws.Settings.Catalog(), date: date, want: want, redact: opts.redact, outputs: outs}
	if b.bank, err = ws.Bank(); err != nil {
		return nil, err
	}
	if t := ws.Settings.Templates; t != "" {
		b.notes, err = markdown.Load(os.DirFS(wsPath(ws, t)), filepath.Join(ws.Display, t))
	} else {
		b.notes, err = markdown.Load(nil, "")
	}
	if err != nil {
		return nil, err
	}
	if b.want["brief"] || b.want["cheatsheet"] {
		if b.pdf, err = pdfOptions(ws); err != nil {
			return nil, err
		}
	}
	b.outDir = ws.Settings.Out
	if !cmd.Flags().Changed("out") && a.getenv("STARPACK_OUT") == "" {
		b.outDir = wsPath(ws, ws.Settings.Out)
	}
	return b, nil
}

// jobs lists the packets to build: the whole bank, the roles named, or
// every role of the workspace. A role that cannot be loaded is a job that
// fails on its own.
func (b *builder) jobs(opts *buildOptions) ([]job, error) {
	if opts.all {
		return []job{{id: "all"}}, nil
	}
	names := opts.roles
	if len(names) == 0 {
		var err error
		if names, err = b.ws.RoleFiles(); err != nil {
			return nil, err
		}
		if len(names) == 0 {
			return nil, &source.Error{File: filepath.Join(b.ws.Display, config.RolesDir), Msg: "no roles to build",
				Hint: "add roles/<id>.yaml for a job application, or build the whole bank with: starpack build --all"}
		}
	}
	var jobs []job
	for _, name := range names {
		r, err := b.ws.Role(name)
		jobs = append(jobs, job{id: name, role: r, err: err})
	}
	return jobs, nil
}

// reportBuild prints each packet's warnings, notices and files (or its
// error), then a summary when there were several; errSilent when any failed.
func (a *app) reportBuild(outDir string, results []result, quiet bool) error {
	failed := 0
	for _, r := range results {
		if !quiet {
			for _, w := range r.warnings {
				fmt.Fprintf(a.stderr, "starpack: warning: %s\n", w)
			}
			for _, n := range r.notices {
				fmt.Fprintf(a.stderr, "starpack: %s\n", n)
			}
		}
		if r.err != nil {
			failed++
			report(a.stderr, r.err)
			continue
		}
		if !quiet {
			fmt.Fprintf(a.stdout, "%s: %s\n", r.dir, strings.Join(r.files, ", "))
		}
	}
	if len(results) > 1 && (failed > 0 || !quiet) {
		fmt.Fprintf(a.stderr, "starpack: built %d of %d packets in %s", len(results)-failed, len(results), outDir)
		if failed > 0 {
			fmt.Fprintf(a.stderr, "; %d failed", failed)
		}
		fmt.Fprintln(a.stderr)
	}
	if failed > 0 {
		return errSilent
	}
	return nil
}

// buildAll builds the jobs on a bounded number of workers and returns
// their results in job order.
func (b *builder) buildAll(jobs []job, done func()) []result {
	results := make([]result, len(jobs))
	workers := min(runtime.GOMAXPROCS(0), len(jobs), 8)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = b.buildOne(jobs[i])
				done()
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// buildOne renders every output of one packet, then writes them. Nothing
// is written when any output fails.
func (b *builder) buildOne(j job) (res result) {
	defer func() {
		if r := recover(); r != nil {
			res.err = fmt.Errorf("internal error building %q: %v (this is a bug in starpack; please report it)", j.id, r)
		}
	}()
	if j.err != nil {
		return result{err: j.err}
	}
	id := j.id
	if j.role != nil {
		id = j.role.ID
	}
	dir := filepath.Join(b.outDir, id)
	feedback, err := b.feedback(id, dir, &res)
	if err != nil {
		res.err = err
		return res
	}
	p, err := makePacket(b.ws, b.bank, b.cat, j, b.date, b.redact, feedback)
	if err != nil {
		res.err = err
		return res
	}
	files, err := b.render(p, dir, &res)
	if err != nil {
		res.err = err
		return res
	}
	if err := packetDir(b.outDir, id); err != nil {
		res.err = err
		return res
	}
	for _, f := range files {
		if err := writeAtomic(filepath.Join(dir, f.name), f.data); err != nil {
			res.err = err
			return res
		}
		res.files = append(res.files, f.name)
	}
	res.dir = dir
	return res
}

// rendered is one output of a packet, rendered in memory.
type rendered struct {
	name     string // file name
	data     []byte
	warnings []string
	err      error
}

// render renders the wanted outputs of one packet concurrently (they only
// read the packet) and returns them in output order, with their warnings
// added to res. The first error, in output order, wins.
func (b *builder) render(p *export.Packet, dir string, res *result) ([]rendered, error) {
	var outs []rendered
	var wg sync.WaitGroup
	for _, o := range b.outputs {
		if b.want[o.name] {
			outs = append(outs, rendered{name: o.file})
		}
	}
	i := 0
	for _, o := range b.outputs {
		if !b.want[o.name] {
			continue
		}
		r := &outs[i]
		i++
		wg.Go(func() {
			defer func() {
				if v := recover(); v != nil {
					r.err = fmt.Errorf("internal error: %v (this is a bug in starpack; please report it)", v)
				}
			}()
			var buf bytes.Buffer
			r.warnings, r.err = o.render(&buf, p, b)
			r.data = buf.Bytes()
		})
	}
	wg.Wait()
	for _, r := range outs {
		for _, w := range r.warnings {
			res.warnings = append(res.warnings, filepath.Join(dir, r.name)+": "+w)
		}
		if r.err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(dir, r.name), r.err)
		}
	}
	return outs, nil
}

// progress returns a function to call as each of n packets is done. It
// draws a bar on stderr when stderr is a terminal and there are more than a
// few packets; otherwise it does nothing.
func (a *app) progress(n int, quiet bool) func() {
	f, ok := a.stderr.(*os.File)
	if quiet || n <= 4 || !ok || a.getenv("TERM") == "dumb" || !term.IsTerminal(int(f.Fd())) {
		return func() {}
	}
	var mu sync.Mutex
	done := 0
	return func() {
		mu.Lock()
		defer mu.Unlock()
		done++
		const width = 30
		fill := done * width / n
		fmt.Fprintf(f, "\r[%s%s] %d/%d packets", strings.Repeat("#", fill), strings.Repeat(" ", width-fill), done, n)
		if done == n {
			fmt.Fprint(f, eraseLine(a.getenv("NO_COLOR") != ""))
		}
	}
}

// makePacket selects the stories of one job and gathers what the outputs show.
func makePacket(ws *config.Workspace, bank *stories.Bank, cat *stories.Catalog, j job, date time.Time, redact bool, feedback map[string]stories.Feedback) (*export.Packet, error) {
	s := &ws.Settings
	p := &export.Packet{
		RoleID:    j.id,
		Candidate: s.Candidate,
		Bank:      bank,
		Catalog:   cat,
		Feedback:  feedback,
		Generated: date,
		Paper:     s.Paper,
	}
	req := s.Tailor(tailor.Request{All: true})
	rules := map[string]string{}
	for k, v := range s.Redact {
		rules[k] = v
	}
	if j.role != nil {
		if err := j.role.CheckQuestions(cat); err != nil {
			return nil, err
		}
		req = s.Tailor(j.role.Request())
		p.Company, p.Title, p.Interview, p.Focus = j.role.Company, j.role.Title, j.role.Date, j.role.Focus
		for k, v := range j.role.Redact {
			rules[k] = v
		}
	} else {
		p.Title = "All stories"
	}
	sel, err := tailor.Select(bank, cat, req)
	if err != nil {
		if j.role != nil {
			err = j.role.Locate(err)
		}
		return nil, err
	}
	p.Selection = sel
	for _, k := range sel.Keywords {
		p.Keywords = append(p.Keywords, k.Term)
	}
	if redact {
		p = p.Redact(stories.NewRedactor(rules))
	}
	return p, nil
}

// selectOutputs turns --only into a set of output names.
func selectOutputs(only []string, outs []output) (map[string]bool, error) {
	want := map[string]bool{}
	known := outputNames(outs)
	if len(only) == 0 {
		for _, n := range known {
			want[n] = true
		}
		return want, nil
	}
	for _, n := range only {
		n = strings.TrimSpace(strings.ToLower(n))
		n = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(n, ".pdf"), ".md"), ".xlsx")
		found := false
		for _, k := range known {
			found = found || k == n
		}
		if !found {
			return nil, usageError{fmt.Errorf("--only: unknown output %q (outputs: %s)", n, strings.Join(known, ", "))}
		}
		want[n] = true
	}
	return want, nil
}

// buildDate is --date, else SOURCE_DATE_EPOCH, else now; always UTC.
func buildDate(flag, epoch string, now func() time.Time) (time.Time, error) {
	if flag != "" {
		t, err := time.Parse("2006-01-02", flag)
		if err != nil {
			return time.Time{}, usageError{fmt.Errorf("--date %q: write the date as YYYY-MM-DD", flag)}
		}
		return t, nil
	}
	if epoch != "" {
		n, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return time.Time{}, &source.Error{Msg: fmt.Sprintf("SOURCE_DATE_EPOCH=%q is not a number of seconds", epoch),
				Hint: "set it to a Unix time, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)"}
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return now().UTC().Truncate(time.Second), nil
}

// packetDir makes out/<id>, refusing ids and links that would lead out of
// the output folder.
func packetDir(out, id string) error {
	if id == "" || id == "." || id == ".." || strings.ContainsAny(id, `/\`) || filepath.IsAbs(id) {
		return &source.Error{Msg: fmt.Sprintf("role id %q cannot name an output folder", id),
			Hint: "rename the role file to a plain name such as acme.yaml"}
	}
	dir := filepath.Join(out, id)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &source.Error{File: dir, Msg: "cannot make the output folder: " + err.Error(), Err: err, Hint: "check the --out folder and its permissions"}
	}
	// A symlink inside out/ must not lead the packet elsewhere.
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return err
	}
	realOut, err := filepath.EvalSymlinks(out)
	if err != nil {
		return err
	}
	if rel, err := filepath.Rel(realOut, real); err != nil || rel != id {
		return &source.Error{File: dir, Msg: "the output folder is a link to " + real,
			Hint: "remove the link; starpack writes only inside the output folder"}
	}
	return nil
}

// writeAtomic writes data to a temporary file beside path and renames it
// into place, so that a reader never sees half a file and a failed build
// leaves the old one.
func writeAtomic(path string, data []byte) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return &source.Error{File: path, Msg: "cannot write: " + err.Error(), Err: err, Hint: "check the folder's permissions and free space"}
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return &source.Error{File: path, Msg: "cannot write: " + err.Error(), Err: err, Hint: "check free space"}
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return &source.Error{File: path, Msg: "cannot write: " + err.Error(), Err: err}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &source.Error{File: path, Msg: "cannot replace file: " + err.Error(), Err: err, Hint: "close the file if another program has it open"}
	}
	return nil
}
