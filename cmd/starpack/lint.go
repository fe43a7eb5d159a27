package main

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/lint"
	"github.com/starpack/starpack/stories/tailor"
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
filler words, the same story told twice, mistyped question ids, empty
fields, and made-up text: a template's placeholders left in a role or story,
and the example's sample data beside your own. For the stories each role
picks, it also finds a failure story without its lesson and stories
without follow-up questions. Each finding is printed as
file:line:col: severity: message [rule], then a line on how the stories fit
their speaking windows.

The rules, with their default severity:

` + ruleTable() + `
Rules can be switched off or given another severity in starpack.yaml:

  lint:
    rules: {spelling: off, filler: error}
    words_per_minute: 150
    min_seconds: 45
    max_seconds: 180
  dictionary: [Kafka, Flink]

Exit 1 when there are errors, 0 with only warnings; --strict fails on
warnings too.`,
		Example: `  starpack lint
  starpack lint --strict
  starpack lint --format json`,
		Args: argsOf(0, 0, "starpack lint --strict"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.lintRun(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.strict, "strict", false, "fail (exit 1) on warnings too")
	f.StringVar(&opts.format, "format", "text", "output format: text or json")
	return cmd
}

// ruleTable lists the lint rules for --help: id, default severity, what
// each finds.
func ruleTable() string {
	var b strings.Builder
	for _, r := range lint.Rules {
		fmt.Fprintf(&b, "  %-17s %-8s %s\n", r.ID, r.Severity, r.What)
	}
	return b.String()
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
	picks, roleErr := rolePickFindings(ws)
	findings := append(ws.Lint(bank, false), picks...)
	lint.Sort(findings)
	n := len(bank.Stories())
	if opts.format == "json" {
		err = lint.WriteJSON(a.stdout, n, findings)
	} else if a.quiet {
		err = lint.WriteText(a.stdout, lint.Errors(findings)) // -q: the errors alone
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
	if roleErr != nil {
		return roleErr // after the findings: the role's picks are not checked
	}
	if lint.Failed(findings, opts.strict) {
		return errSilent
	}
	return nil
}

// rolePickFindings checks the stories every role of the workspace picks
// (lint.Picks), and returns the first error of a role that does not load
// or select (the others are checked all the same).
func rolePickFindings(ws *config.Workspace) ([]lint.Finding, error) {
	ids, _ := ws.RoleIDs()
	var picks []lint.Picked
	var first error
	for _, id := range ids {
		role, err := ws.Role(id)
		if err == nil {
			var sel *tailor.Selection
			if sel, err = packet.Select(ws, role); err == nil {
				picks = append(picks, packet.Picks(role.ID, sel)...)
			}
		}
		if err != nil && first == nil {
			first = err
		}
	}
	return lint.Picks(picks, ws.Settings.LintConfig()), first
}

// lintResult is the lint of a build's bank.
type lintResult struct {
	stories  int
	findings []lint.Finding
	lengths  lint.Lengths // how the stories fit their speaking windows
}

// maxBuildLintErrors is how many lint errors build shows before its
// summary line: enough to act on, not a flood for a large bank.
const maxBuildLintErrors = 5

// lintErrorLines are the lint errors build shows, one line each.
func lintErrorLines(l lintResult) []string {
	var out []string
	for _, f := range l.findings {
		if f.Severity == lint.Error {
			if len(out) == maxBuildLintErrors {
				out = append(out, "starpack: lint: ... and more errors (all of them: starpack lint)")
				break
			}
			out = append(out, fmt.Sprintf("starpack: lint: %s", f))
		}
	}
	return out
}

// lintLine is build's one-line account of the lint, saying that the
// build goes on when there are errors.
func lintLine(l lintResult) string {
	anyway := ""
	if lint.Tally(l.findings).Errors > 0 {
		anyway = "; building anyway: fix the errors before you use the packets"
	}
	return fmt.Sprintf("lint: %s%s (details: starpack lint)", lint.Summary(l.stories, l.findings), anyway)
}

// lintSummary is what build says of the lint: its errors, a one-line
// summary and a line on how the stories fit their speaking windows (only
// the errors when quiet). It never stops a build.
func lintSummary(w io.Writer, l lintResult, quiet bool) {
	for _, line := range lintErrorLines(l) {
		fmt.Fprintln(w, line)
	}
	if !quiet {
		fmt.Fprintf(w, "starpack: %s\n", lintLine(l))
		if l.lengths.Under+l.lengths.Over > 0 {
			fmt.Fprintf(w, "starpack: lint: %s\n", l.lengths)
		}
	}
}

// lintInBackground lints the bank while the packets render (it only reads
// the bank) and returns a function that waits for the result.
func lintInBackground(ws *config.Workspace, bank *stories.Bank) (wait func() lintResult) {
	done := make(chan lintResult, 1)
	go func() {
		done <- lintResult{len(bank.Stories()), ws.Lint(bank, true), ws.Lengths(bank)} // only the errors' text is shown
	}()
	var once sync.Once
	var res lintResult
	return func() lintResult {
		once.Do(func() { res = <-done })
		return res
	}
}
