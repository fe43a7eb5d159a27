package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/stories/source"
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
	round  int
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
			opts.roles, opts.quiet = args, a.quiet // -q is global
			if opts.watch {
				return a.watchRun(cmd, opts)
			}
			return a.buildRun(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.all, "all", false, "build one packet of the whole bank (out/all/)")
	f.StringVar(&opts.out, "out", "", "output folder (default: out in the workspace, or $STARPACK_OUT)")
	f.StringSliceVar(&opts.only, "only", nil, "outputs to write, comma-separated: "+strings.Join(packet.Names(packet.Outputs()), ","))
	f.BoolVar(&opts.redact, "redact", false, "apply the redaction rules of starpack.yaml and the role, for sharing")
	f.StringVar(&opts.date, "date", "", "the build date, YYYY-MM-DD (default: $SOURCE_DATE_EPOCH, else today)")
	f.BoolVar(&opts.json, "json", false, "print what was built as JSON: out, built, failed, packets[{role, dir, files, warnings, error, hint}]")
	f.BoolVarP(&opts.watch, "watch", "w", false, "build, then rebuild what a changed story, role, template or setting affects, until Ctrl-C")
	f.IntVar(&opts.round, "round", 0, "the interview round of ROLE to prepare, from 1 (default: the next one on or after the build date)")
	return cmd
}

// job is one packet to build: a role, or the whole bank (role nil). err is
// set when the role could not be loaded.
type job struct {
	id   string
	role *config.Role
	err  error
}

// buildRun wires the flags to the pipeline (export/packet): it builds
// (see build) and reports the lint and what came of each packet.
func (a *app) buildRun(cmd *cobra.Command, opts *buildOptions) error {
	o, err := a.build(cmd, opts)
	if o != nil {
		lintSummary(a.stderr, o.lint, opts.quiet)
	}
	if err != nil {
		return err
	}
	if opts.json {
		return a.buildJSONReport(o.outDir, o.jobs, o.results)
	}
	return a.reportBuild(o.outDir, o.results, opts.quiet)
}

// buildOutcome is what a build did: the packets built (results, in job
// order) and the lint of the bank, for build and watch to report.
type buildOutcome struct {
	outDir  string
	jobs    []job
	results []packet.Result
	lint    lintResult
}

// build opens the workspace, lints the bank beside the build and builds
// the packets on a few workers. The outcome is nil when nothing was
// built; with an error about the roles to build, it holds the lint.
func (a *app) build(cmd *cobra.Command, opts *buildOptions) (*buildOutcome, error) {
	if err := checkFlagValues(cmd); err != nil {
		return nil, err
	}
	if opts.all && len(opts.roles) > 0 {
		return nil, usageError{fmt.Errorf("--all builds the whole bank; give no ROLE with it")}
	}
	if opts.round != 0 && len(opts.roles) != 1 {
		return nil, usageError{fmt.Errorf("--round %d: name the one ROLE whose round it is", opts.round)}
	}
	outs := packet.Outputs()
	if a.outputs != nil {
		outs = a.outputs
	}
	outs, err := packet.Pick(outs, opts.only)
	if err != nil {
		return nil, usageError{err}
	}
	date, err := buildDate(opts.date, a.now)
	if err != nil {
		return nil, err
	}
	ws, err := a.openWorkspace(cmd, true)
	if err != nil {
		return nil, err
	}
	b, err := packet.New(ws, packet.Options{Date: date, Redact: opts.redact, Outputs: outs, Named: len(opts.only) > 0, Round: opts.round})
	if err != nil {
		return nil, err
	}
	bank, _ := ws.Bank() // loaded by New
	lintDone := lintInBackground(ws, bank)
	jobs, err := roleJobs(ws, opts)
	if err != nil {
		return &buildOutcome{lint: lintDone()}, err
	}
	results := buildAll(b, jobs, a.progress(len(jobs), opts.quiet || opts.json || opts.watch))
	return &buildOutcome{outDir: b.OutDir(), jobs: jobs, results: results, lint: lintDone()}, nil
}

// roleJobs lists the packets to build: the whole bank, the roles named, or
// every role of the workspace. A role that cannot be loaded is a job that
// fails on its own.
func roleJobs(ws *config.Workspace, opts *buildOptions) ([]job, error) {
	if opts.all {
		return []job{{id: packet.AllID}}, nil
	}
	names := opts.roles
	if len(names) == 0 {
		names, _ = ws.RoleIDs()
		if len(names) == 0 {
			return nil, &source.Error{File: ws.Show(config.RolesDir), Msg: "no roles to build",
				Hint: "add roles/<id>.yaml for a job application, or build the whole bank with: starpack build --all"}
		}
	}
	var jobs []job
	seen := map[string]bool{} // a role named twice (acme, roles/acme.yaml) is built once
	for _, name := range names {
		r, err := ws.Role(name)
		if r != nil {
			name = r.ID
			if seen[r.ID] {
				continue
			}
			seen[r.ID] = true
		}
		jobs = append(jobs, job{id: name, role: r, err: err})
	}
	return jobs, nil
}

// buildAll builds the jobs on a bounded number of workers and returns
// their results in job order.
func buildAll(b *packet.Builder, jobs []job, done func()) []packet.Result {
	results := make([]packet.Result, len(jobs))
	workers := min(runtime.GOMAXPROCS(0), len(jobs), 8)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				if jobs[i].err != nil {
					results[i] = packet.Result{Err: jobs[i].err}
				} else {
					results[i] = b.Build(jobs[i].role)
				}
				done()
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// reportBuild prints each packet's warnings, notices and files (or its
// error), then a summary when there were several; errSilent when any failed.
func (a *app) reportBuild(outDir string, results []packet.Result, quiet bool) error {
	failed := 0
	for _, r := range results {
		if !quiet {
			for _, w := range r.Warnings {
				fmt.Fprintf(a.stderr, "starpack: warning: %s\n", w)
			}
			for _, n := range r.Notices {
				fmt.Fprintf(a.stderr, "starpack: %s\n", n)
			}
		}
		if r.Err != nil {
			failed++
			report(a.stderr, r.Err)
			continue
		}
		if !quiet {
			fmt.Fprintf(a.stdout, "%s: %s\n", r.Dir, strings.Join(r.Files, ", "))
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

// progress returns a function to call as each of n packets is done. It
// draws a bar on stderr when stderr is a terminal and there are more than a
// few packets; otherwise it does nothing.
func (a *app) progress(n int, quiet bool) func() {
	f, ok := a.stderr.(*os.File)
	if quiet || n <= 4 || !ok || os.Getenv("TERM") == "dumb" || !term.IsTerminal(int(f.Fd())) {
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
			fmt.Fprint(f, eraseLine(os.Getenv("NO_COLOR") != ""))
		}
	}
}

// buildDate is --date, else SOURCE_DATE_EPOCH, else now; always UTC.
func buildDate(flag string, now func() time.Time) (time.Time, error) {
	if flag != "" {
		t, err := time.Parse("2006-01-02", flag)
		if err != nil {
			return time.Time{}, usageError{fmt.Errorf("--date %q: write the date as YYYY-MM-DD", flag)}
		}
		return t, nil
	}
	if epoch := os.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
		n, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return time.Time{}, &source.Error{Msg: fmt.Sprintf("SOURCE_DATE_EPOCH=%q is not a number of seconds", epoch),
				Hint: "set it to a Unix time, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)"}
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return now().UTC().Truncate(time.Second), nil
}

// checkFlagValues refuses a --round given as less than 1: rounds count from 1,
// and leaving the flag out picks the round by date. It refuses an empty
// --date, --only or --out too: given, each needs a value (a script's
// empty variable is a mistake, not "the default").
func checkFlagValues(cmd *cobra.Command) error {
	if f := cmd.Flags().Lookup("round"); f != nil && f.Changed {
		if n, err := strconv.Atoi(f.Value.String()); err == nil && n < 1 {
			return usageError{fmt.Errorf("--round %d: rounds count from 1 (leave --round out for the round by date)", n)}
		}
	}
	for _, name := range []string{"date", "only", "out"} {
		if f := cmd.Flags().Lookup(name); f != nil && f.Changed && (f.Value.String() == "" || f.Value.String() == "[]") {
			return usageError{fmt.Errorf("--%s is empty: give it a value, or leave it out", name)}
		}
	}
	return nil
}
