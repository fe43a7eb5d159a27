package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/term"
)

// A prompter asks for one line at a time: on a terminal with line editing
// and Tab completion, otherwise from stdin as plain lines (a script, for
// tests and editors). Ask returns io.EOF when the person stops (Ctrl-C,
// Ctrl-D, the end of the script): what was entered before is kept.
type prompter interface {
	// Ask shows prompt and returns the line typed; complete, when not nil,
	// lists what Tab completes from.
	Ask(prompt string, complete []string) (string, error)
	// Say prints a line of text.
	Say(format string, args ...any)
	// Close gives the terminal back as it was.
	Close()
}

// newPrompter returns a terminal prompter when stdin and stdout are a
// terminal (and TERM is not dumb), else a line prompter over stdin and
// stdout.
func (a *app) newPrompter() prompter {
	in, ok1 := a.stdin.(*os.File)
	out, ok2 := a.stdout.(*os.File)
	if ok1 && ok2 && os.Getenv("TERM") != "dumb" && term.IsTerminal(int(in.Fd())) && term.IsTerminal(int(out.Fd())) {
		if state, err := term.MakeRaw(int(in.Fd())); err == nil {
			t := &termPrompter{fd: int(in.Fd()), state: state, out: out}
			t.t = term.NewTerminal(struct {
				io.Reader
				io.Writer
			}{in, out}, "")
			t.t.AutoCompleteCallback = t.autoComplete
			return t
		}
	}
	return &linePrompter{in: bufio.NewScanner(a.stdin), out: a.stdout}
}

// linePrompter reads lines from a script: the prompt is printed, the
// answer is not echoed.
type linePrompter struct {
	in  *bufio.Scanner
	out io.Writer
}

func (l *linePrompter) Ask(prompt string, _ []string) (string, error) {
	fmt.Fprint(l.out, prompt)
	if !l.in.Scan() {
		fmt.Fprintln(l.out)
		if err := l.in.Err(); err != nil {
			return "", err
		}
		return "", io.EOF
	}
	fmt.Fprintln(l.out)
	return strings.TrimSpace(l.in.Text()), nil
}

func (l *linePrompter) Say(format string, args ...any) { fmt.Fprintf(l.out, format+"\n", args...) }
func (l *linePrompter) Close()                         {}

// termPrompter edits lines on a terminal in raw mode (x/term), with Tab
// completion. Ctrl-C and Ctrl-D stop.
type termPrompter struct {
	fd       int
	state    *term.State
	out      io.Writer
	t        *term.Terminal
	complete []string
	stopped  bool // the last line was cut short: the cursor is after its prompt
}

func (p *termPrompter) Ask(prompt string, complete []string) (string, error) {
	p.complete = complete
	p.t.SetPrompt(prompt)
	line, err := p.t.ReadLine()
	if errors.Is(err, term.ErrPasteIndicator) {
		err = nil
	}
	p.stopped = err != nil
	return strings.TrimSpace(line), err
}

func (p *termPrompter) Say(format string, args ...any) { fmt.Fprintf(p.t, format+"\n", args...) }
func (p *termPrompter) Close() {
	if p.stopped {
		fmt.Fprint(p.out, "\r\n")
	}
	_ = term.Restore(p.fd, p.state)
}

// autoComplete completes the word before the cursor on Tab, and lists the
// choices when there are several.
func (p *termPrompter) autoComplete(line string, pos int, key rune) (string, int, bool) {
	if key != '\t' || p.complete == nil {
		return "", 0, false
	}
	done, choices := completeWord(line[:pos], p.complete)
	if len(choices) > 1 && done == line[:pos] {
		fmt.Fprintf(p.t, "%s\n", strings.Join(choices, "  "))
	}
	return done + line[pos:], len(done), true
}

// completeWord completes typed from candidates: to the one candidate it
// starts, else to the longest prefix the matching candidates share. It
// returns the completed text and the matches.
func completeWord(typed string, candidates []string) (string, []string) {
	var match []string
	for _, c := range candidates {
		if strings.HasPrefix(c, typed) {
			match = append(match, c)
		}
	}
	slices.Sort(match)
	match = slices.Compact(match)
	if len(match) == 0 {
		return typed, nil
	}
	prefix := match[0]
	for _, m := range match[1:] {
		for !strings.HasPrefix(m, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	for !utf8.ValidString(prefix) { // never end inside a character
		prefix = prefix[:len(prefix)-1]
	}
	return prefix, match
}
