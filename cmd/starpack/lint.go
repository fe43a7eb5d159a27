package main

import (
	"bytes"
	"fmt"
	"io"
	"sync"

	"github.com/spf13/cobra"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/lint"
)

type lintOptions struct {
	strict bool
	format string
}

func newLintCmd(a *app) *cobra.Command {
	opts := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint",
		Short: "Check the story bank the way a coach would before reading it",
		Long: `Lint checks every story for what a coach would fix before reading it for
meaning: STAR answers missing a part, results without a number, answers too
short or too long to say aloud for their kind (STAR 1:30 to 2:00, short
answers 0:20 to 0:45), misspellings, "we" where the interviewer wants "I",
filler words, the same story told twice, mistyped question ids and empty
fields; and, for the stories each role picks, a failure story without its
lesson and stories without follow-up questions. Each finding is printed as
file:line:col: severity: message [rule], then a line on how the stories fit
their speaking windows.

Rules can be switched off or given another severity in starpack.yaml:

  lint:
    rules: {spelling: off, filler: error, followups: off}
  speaking:
    words_per_minute: 150
    star: {min: "1:30", max: "2:00"}
  dictionary: [Kafka, Flink]

Exit 1 when there are errors, 0 with only warnings; --strict fails on
warnings too.`,
		Example: `  starpack lint
  starpack lint --strict
  starpack lint --format json`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.lintRun(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.strict, "strict", false, "fail (exit 1) on warnings too")
	f.StringVar(&opts.format, "format", "text", "output format: text or json")
	return cmd
}

func (a *app) lintRun(cmd *cobra.Command, opts *lintOptions) error {
	if opts.format != "text" && opts.format != "json" {
		return usageError{fmt.Errorf("unknown format %q: use text or json", opts.format)}
	}
	ws, err := a.openWorkspace(cmd, false)
	if err != nil {
		return err
	}
	bank, err := ws.Bank()
	if err != nil {
		return err
	}
	findings := append(ws.Lint(bank, false), rolePickFindings(ws)...)
	lint.Sort(findings)
	n := len(bank.Stories())
	if opts.format == "json" {
		err = lint.WriteJSON(a.stdout, n, findings)
	} else {
		err = lint.WriteText(a.stdout, findings)
		if err == nil {
			_, err = fmt.Fprintln(a.stdout, lint.Summary(n, findings))
		}
		if lengths := ws.Lengths(bank); err == nil && lengths.Stories > 0 {
			_, err = fmt.Fprintln(a.stdout, "length: "+lengths.String())
		}
	}
	if err != nil {
		return err
	}
	if lint.Failed(findings, opts.strict) {
		return errSilent
	}
	return nil
}

// rolePickFindings checks the stories every role of the workspace picks
// (lint.Picks). A role that does not load or select is left to build to
// report.
func rolePickFindings(ws *config.Workspace) []lint.Finding {
	ids, _ := ws.RoleIDs()
	var picks []lint.Picked
	for _, id := range ids {
		role, err := ws.Role(id)
		if err != nil {
			continue
		}
		sel, err := packet.Select(ws, role)
		if err != nil {
			continue
		}
		picks = append(picks, packet.Picks(role.ID, sel)...)
	}
	return lint.Picks(picks, ws.Settings.LintConfig())
}

// lintSummary is what build says of the lint: its errors, a one-line
// summary and a line on how the stories fit their speaking windows (only
// the errors when quiet). It never stops a build.
// maxBuildLintErrors is how many lint errors build shows before its
// summary line: enough to act on, not a flood for a large bank.
const maxBuildLintErrors = 5

func lintSummary(w io.Writer, ws *config.Workspace, bank *stories.Bank, quiet bool) {
	findings := ws.Lint(bank, true) // only the errors' text is shown
	shown := 0
	for _, f := range findings {
		if f.Severity == lint.Error {
			if shown == maxBuildLintErrors {
				fmt.Fprintf(w, "starpack: lint: ... and more errors (all of them: starpack lint)\n")
				break
			}
			fmt.Fprintf(w, "starpack: lint: %s\n", f)
			shown++
		}
	}
	if !quiet {
		fmt.Fprintf(w, "starpack: lint: %s (details: starpack lint)\n", lint.Summary(len(bank.Stories()), findings))
		if lengths := ws.Lengths(bank); lengths.Under+lengths.Over > 0 {
			fmt.Fprintf(w, "starpack: lint: %s\n", lengths)
		}
	}
}

// lintInBackground runs lintSummary while the packets render (it only
// reads the bank) and returns a function that waits for it and prints its
// lines to w; later calls do nothing. The build calls it before its own
// output, so what is printed, and in what order, is as before.
func lintInBackground(w io.Writer, ws *config.Workspace, bank *stories.Bank, quiet bool) (flush func()) {
	var buf bytes.Buffer
	done := make(chan struct{})
	go func() {
		defer close(done)
		lintSummary(&buf, ws, bank, quiet)
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			<-done
			w.Write(buf.Bytes())
		})
	}
}
