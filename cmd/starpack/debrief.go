package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/loop"
	"github.com/starpack/starpack/stories/source"
)

type debriefOptions struct {
	role  string
	round int
	from  string
	date  string
	one   loop.Asked // --question, --story, --rating, --note
}

func newDebriefCmd(a *app) *cobra.Command {
	opts := &debriefOptions{}
	cmd := &cobra.Command{
		Use:   "debrief ROLE",
		Short: "Write down, after a round, what was asked and which story you told",
		Long: `Debrief records, after an interview round, each question asked (a catalog
id or the question in your words), the story you told (a story id, or
"improvised"), how it went (strong, solid or weak) and a note. It appends
one entry to debriefs/<role-id>.yaml, which starpack never rewrites.

The round is the last one of the role's rounds: on or before today (or
--date); --round N names another. On a terminal it asks question by
question, Tab completing story ids and question ids; an empty question ends,
and Ctrl-C or Ctrl-D keeps what you entered. Without a terminal it reads the
same answers line by line from stdin. --from FILE reads them from YAML
(- for stdin), and --question with --story, --rating and --note records one.

The next packet of the role does not pick the stories told again (unless
the role includes them), puts the questions asked first, and lists a
question you answered without a story as a gap until a story is written for
it.`,
		Example: `  starpack debrief acme
  starpack debrief acme --round 1 --question conflict --story stream.conflict --rating solid
  starpack debrief acme --from round1.yaml

  # round1.yaml
  - {question: conflict, story: stream.conflict, rating: solid, note: They wanted numbers}
  - {question: "Why are you leaving?", story: improvised, rating: weak}`,
		Args: argsOf(1, 1, "starpack debrief acme", arg{"ROLE", "the role whose round it was: its id (acme for roles/acme.yaml) or a path"}),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.role = args[0]
			return a.debriefRun(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.round, "round", 0, "the round, from 1 (default: the last one on or before today)")
	f.StringVar(&opts.from, "from", "", "read the questions from a YAML file (- for stdin)")
	f.StringVar(&opts.one.Question, "question", "", "the question asked: a catalog id or your words")
	f.StringVar(&opts.one.Story, "story", "", `the story you told: its id, or "improvised"`)
	f.StringVar(&opts.one.Rating, "rating", "", "how it went: "+strings.Join(loop.Ratings, ", "))
	f.StringVar(&opts.one.Note, "note", "", "a note to yourself")
	f.StringVar(&opts.date, "date", "", "today, YYYY-MM-DD: picks the round and dates the debrief (default: $SOURCE_DATE_EPOCH, else today)")
	return cmd
}

func (a *app) debriefRun(cmd *cobra.Command, opts *debriefOptions) error {
	if err := checkFlagValues(cmd); err != nil {
		return err
	}
	flags := opts.one != (loop.Asked{})
	if flags && opts.from != "" {
		return usageError{errors.New("--from reads the questions from a file; give no --question, --story, --rating or --note with it")}
	}
	if flags && strings.TrimSpace(opts.one.Question) == "" {
		return usageError{errors.New("--story, --rating and --note need --question: what was asked")}
	}
	date, err := buildDate(opts.date, a.now)
	if err != nil {
		return err
	}
	ws, err := a.openWorkspace(cmd, false)
	if err != nil {
		return err
	}
	bank, err := ws.Bank()
	if err != nil {
		return err
	}
	role, err := ws.Role(opts.role)
	if err != nil {
		return err
	}
	n, err := debriefRound(role, opts.round, date)
	if err != nil {
		return err
	}
	rd := role.Rounds[n-1]
	cat := ws.Catalog()
	var asked []loop.Asked
	switch {
	case opts.from != "":
		asked, err = a.answersFrom(opts.from, bank, cat)
	case flags:
		var one loop.Asked
		one, err = loop.CheckAsked(opts.one, bank, cat, storyIDs(bank))
		var fe *source.FieldError
		if errors.As(err, &fe) {
			err = &source.Error{Msg: "--" + fe.Field + ": " + fe.Msg, Hint: fe.Hint, Err: err}
		}
		asked = []loop.Asked{one}
	default:
		asked, err = a.askAnswers(role, n, bank, cat)
	}
	if err != nil {
		return err
	}
	if len(asked) == 0 {
		fmt.Fprintf(a.out(), "nothing recorded: %s is unchanged\n", ws.DebriefFile(role.ID))
		return nil
	}
	d := loop.Debrief{Round: n, At: rd.When(), Kind: rd.Kind, With: rd.With, Written: date.Format(time.DateOnly), Asked: asked}
	if err := ws.AppendDebrief(role.ID, d); err != nil {
		return err
	}
	return a.debriefReport(ws, role, d)
}

// debriefRound is the round a debrief is about: n when given, else the
// last one on or before date.
func debriefRound(role *config.Role, n int, date time.Time) (int, error) {
	if n != 0 || len(role.Rounds) == 0 {
		return max(n, 1), role.CheckRound(max(n, 1))
	}
	if n = role.LastRound(date); n == 0 {
		return 0, &source.Error{File: role.File, Msg: fmt.Sprintf("no round of %q has taken place by %s; the first is on %s", role.ID, date.Format(time.DateOnly), role.Rounds[0].When()),
			Hint: "name the round: starpack debrief " + role.ID + " --round N"}
	}
	return n, nil
}

// answersFrom reads and checks the answers of a --from file (- for stdin).
func (a *app) answersFrom(name string, bank *stories.Bank, cat *stories.Catalog) ([]loop.Asked, error) {
	var data []byte
	var err error
	if name == "-" {
		name = "stdin"
		if data, err = io.ReadAll(io.LimitReader(a.stdin, source.MaxFileSize+1)); err == nil {
			err = source.CheckText(name, data)
		}
	} else {
		data, err = source.ReadFile(name, name)
	}
	if err != nil {
		return nil, err
	}
	as, err := loop.ParseAnswers(name, data)
	if err != nil {
		return nil, err
	}
	return as.Check(bank, cat)
}

// askAnswers asks for the answers one question at a time (see prompter).
// An empty question ends; stopping (Ctrl-C, Ctrl-D, the end of the
// script) keeps the answers complete so far.
func (a *app) askAnswers(role *config.Role, n int, bank *stories.Bank, cat *stories.Catalog) ([]loop.Asked, error) {
	p := a.newPrompter()
	defer p.Close()
	rd := role.Rounds[n-1]
	p.Say("Debrief of %s %s, %s. One question at a time: an empty question ends; Ctrl-C keeps what you entered.", role.ID, rd.Label(n), rd.When())
	ids := storyIDs(bank)
	choices := append([]string{loop.Improvised}, ids...)
	var out []loop.Asked
	for {
		var one loop.Asked
		var err error
		if one.Question, err = p.Ask("question asked (a question id or your words): ", cat.IDs()); err != nil || one.Question == "" {
			return out, ignoreEOF(err)
		}
		if one.Story, err = askValid(p, `story told (an id, Tab completes; or "improvised"): `, choices, func(s string) error {
			_, err := loop.CheckAsked(loop.Asked{Question: "q", Story: s}, bank, cat, ids)
			return err
		}); err != nil {
			return out, ignoreEOF(err)
		}
		// The rating and the note may be skipped: input that ends at
		// either keeps the question, without them.
		one.Rating, err = askValid(p, "how did it go ("+strings.Join(loop.Ratings, ", ")+"; empty to skip): ", loop.Ratings, func(s string) error {
			_, err := loop.CheckAsked(loop.Asked{Question: "q", Rating: s}, bank, cat, ids)
			return err
		})
		ended := errors.Is(err, io.EOF)
		if err != nil && !ended {
			return out, err
		}
		if !ended {
			one.Note, err = p.Ask("note (optional): ", nil)
			if ended = errors.Is(err, io.EOF); err != nil && !ended {
				return out, err
			}
		}
		checked, err := loop.CheckAsked(one, bank, cat, ids)
		if err != nil {
			return out, err // checked field by field above
		}
		out = append(out, checked)
		if ended {
			return out, nil
		}
	}
}

// askValid asks until check accepts the answer.
func askValid(p prompter, prompt string, complete []string, check func(string) error) (string, error) {
	for {
		s, err := p.Ask(prompt, complete)
		if err != nil {
			return "", err
		}
		if err := check(s); err != nil {
			p.Say("%v", err)
			continue
		}
		return s, nil
	}
}

func ignoreEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return nil
	}
	return err
}

// storyIDs lists the bank's story ids.
func storyIDs(bank *stories.Bank) []string {
	var ids []string
	for _, s := range bank.Stories() {
		ids = append(ids, s.ID)
	}
	return ids
}

// debriefReport says what was recorded and what it changes.
func (a *app) debriefReport(ws *config.Workspace, role *config.Role, d loop.Debrief) error {
	w := a.out()
	fmt.Fprintf(w, "recorded %s of %s in %s:\n", stories.Count(len(d.Asked), "question", "questions"),
		role.Rounds[d.Round-1].Label(d.Round), ws.DebriefFile(role.ID))
	cat := ws.Catalog()
	for _, q := range d.Asked {
		line := fmt.Sprintf("  %s: %s", cat.Resolve(q.Question).Title, q.Story)
		if q.Rating != "" {
			line += " (" + q.Rating + ")"
		}
		fmt.Fprintln(w, line)
	}
	gaps, err := ws.DebriefGaps(role.ID)
	if err != nil {
		return err
	}
	for _, g := range gaps {
		if g.Round == d.Round {
			fmt.Fprintf(w, "no story answers %q yet: write one with question: %s\n", g.Question.Title, questionRef(g.Question))
		}
	}
	if next := role.NextRoundAfter(d.Round); next > 0 {
		fmt.Fprintf(w, "next: starpack build %s --round %d\n", role.ID, next)
	}
	return nil
}

// questionRef is how a story file names q: its id, or a custom question's title.
func questionRef(q *stories.Question) string {
	if q.Custom {
		return q.Title
	}
	return q.ID
}
