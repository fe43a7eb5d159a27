// Command starpack turns a bank of behavioral-interview stories into a prep
// packet for one job application: a PDF brief, a one-page cheat sheet, an
// Excel answer matrix for a coach, and Markdown notes.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/stories/source"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// app is what every command needs from the outside world; tests fill it
// with their own streams and clock.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	now            func() time.Time
	outputs        []packet.Output // nil: every output; tests inject failing ones
}

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// usageError is a mistake in how the command was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// errSilent is returned by a command that has already reported its failure.
var errSilent = errors.New("failed")

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "starpack: internal error: %v\nthis is a bug in starpack; please report it with the command you ran\n", r)
			if os.Getenv("STARPACK_DEBUG") != "" {
				fmt.Fprintf(stderr, "%s", debug.Stack())
			}
			code = exitFail
		}
	}()
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, now: time.Now}
	root := newRootCmd(a)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	if errors.Is(err, errSilent) {
		return exitFail
	}
	var ue usageError
	if errors.As(err, &ue) || isCobraUsage(err) {
		fmt.Fprintf(stderr, "starpack: %v\nhint: see 'starpack --help'\n", err)
		return exitUsage
	}
	report(stderr, err)
	return exitFail
}

// report prints an error as "starpack: msg" and its hint.
func report(w io.Writer, err error) {
	fmt.Fprintf(w, "starpack: %v\n", err)
	if h := source.HintOf(err); h != "" {
		fmt.Fprintf(w, "hint: %s\n", h)
	}
}

// isCobraUsage recognises cobra's own errors for unknown commands and bad
// arguments, which it returns as plain errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "accepts ", "requires at least", "requires at most", "invalid argument", "flag needs an argument", "bad flag syntax"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "starpack",
		Short: "Turn your interview stories into a prep packet for one job application",
		Long: `starpack turns a bank of behavioral-interview stories (stories/*.yaml) into a
prep packet for one job application (roles/<id>.yaml): a PDF brief, a one-page
cheat sheet, an Excel answer matrix for your coach, and Markdown notes.`,
		Example: `  starpack init my-prep            # a workspace with an example story and role
  starpack import notes.txt        # your plain-text notes -> stories/*.yaml
  starpack build acme              # out/acme/: brief.pdf, cheatsheet.pdf, matrix.xlsx, notes.md`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().String("workspace", "", "workspace folder (default: $STARPACK_WORKSPACE, else the nearest folder upwards holding starpack.yaml)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		newInitCmd(a),
		newImportCmd(a),
		newBuildCmd(a),
		newSelectCmd(a),
		newLintCmd(a),
		newFeedbackCmd(a),
		newDebriefCmd(a),
		newDrillCmd(a),
		newStatsCmd(a),
		newNewCmd(a),
		newVersionCmd(a),
	)
	a.addCompletion(root)
	return root
}

// argsUsage makes an argument check report a usage error (exit 2).
func argsUsage(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}
