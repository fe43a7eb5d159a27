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
	stop := profile(os.Stderr)
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// app is what every command needs from the outside world; tests fill it
// with their own streams and clock.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	now            func() time.Time
	outputs        []packet.Output // nil: every output; tests inject failing ones
	quiet          bool            // -q: print errors only
}

// out is where a command prints what it did: stdout, or nothing with -q.
func (a *app) out() io.Writer {
	if a.quiet {
		return io.Discard
	}
	return a.stdout
}

// note is where a command prints warnings and notes on stderr: nothing
// with -q, which prints errors only.
func (a *app) note() io.Writer {
	if a.quiet {
		return io.Discard
	}
	return a.stderr
}

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// usageError is a mistake in how the command was called. The hint of the
// error it wraps (a *source.Error), when set, says how to call it; else
// the command's --help is named.
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
	cmd, err := root.ExecuteC()
	if err == nil {
		return exitOK
	}
	if errors.Is(err, errSilent) {
		return exitFail
	}
	var ue usageError
	if errors.As(err, &ue) || isCobraUsage(err) {
		hint := source.HintOf(err)
		if hint == "" {
			hint = "see '" + cmd.CommandPath() + " --help'"
		}
		fmt.Fprintf(stderr, "starpack: %v\nhint: %s\n", err, hint)
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
		Example: `  starpack init my-prep            # an empty workspace of your own
  starpack import notes.txt        # your plain-text notes -> stories/*.yaml
  starpack new role acme           # roles/acme.yaml: fill in company, title, job description
  starpack build acme              # out/acme/: brief.pdf, cheatsheet.pdf, matrix.xlsx, notes.md
  starpack doctor                  # what to fix, and what to do next`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().String("workspace", "", "workspace folder (default: $STARPACK_WORKSPACE, else the nearest folder upwards holding starpack.yaml)")
	root.PersistentFlags().BoolVarP(&a.quiet, "quiet", "q", false, "print nothing but errors")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.CompletionOptions.DisableDefaultCmd = true
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
		newDoctorCmd(a),
		newVersionCmd(a),
		newCompletionCmd(a),
	)
	a.addCompletion(root)
	return root
}

// arg is one positional argument of a command, for messages: its name
// as the usage line spells it and what it is.
type arg struct{ name, what string }

// argsOf checks a command's positional arguments: from lo to hi of them
// (hi < 0: any number), described by want in order (the last describes
// any beyond). A missing or extra argument is a usage error (exit 2) that
// says which argument, with example as the hint.
func argsOf(lo, hi int, example string, want ...arg) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		name := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
		hint := "for example: " + example
		if len(args) < lo {
			a := want[min(len(args), len(want)-1)]
			label := strings.Join(append([]string{name}, args...), " ")
			return usageError{&source.Error{Msg: fmt.Sprintf("%s: missing %s: %s", label, a.name, a.what), Hint: hint}}
		}
		if hi >= 0 && len(args) > hi {
			return usageError{&source.Error{Msg: fmt.Sprintf("%s: too many arguments (%s); usage: %s", name, strings.Join(args, " "), cmd.UseLine()), Hint: hint}}
		}
		return nil
	}
}
