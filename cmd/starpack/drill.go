package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/loop"
	"github.com/starpack/starpack/stories/source"
)

type drillOptions struct {
	role  string
	count int
	date  string
}

func newDrillCmd(a *app) *cobra.Command {
	opts := &drillOptions{}
	cmd := &cobra.Command{
		Use:   "drill [ROLE]",
		Short: "Rehearse stories aloud, timed, and rate yourself",
		Long: `Drill is a timed rehearsal. It asks a question as an interviewer would and
runs a stopwatch while you answer aloud; press Enter when you finish (or type
the time you took, such as 1:40). It then shows the story's cue, its STAR
text, the time it should take and how yours compares, and asks you to rate
yourself from 1 to 5 (Enter skips, q stops). Each rehearsal is appended to
practice/YYYY-MM.yaml; Ctrl-C stops and keeps the rehearsals done.

With ROLE it rehearses the stories of the role's packet for its next round,
under the questions they were picked for; without, every story of the bank.
The order is a spaced-repetition schedule (see the README): weak stories
that are due first, then those never practised, then the stalest, then the
rest by when they are due.

It prints no colour; on a terminal the stopwatch ticks in place (not with
TERM=dumb). Without a terminal it reads the same answers line by line from
stdin, for scripts and tests.`,
		Example: `  starpack drill acme
  starpack drill --count 3`,
		Args: argsOf(0, 1, "starpack drill acme", arg{"ROLE", "the role whose stories to rehearse (default: the whole bank)"}),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.role = args[0]
			}
			return a.drillRun(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.IntVarP(&opts.count, "count", "n", 5, "how many stories to rehearse (0: all)")
	f.StringVar(&opts.date, "date", "", "today, YYYY-MM-DD, for the schedule and the log (default: $SOURCE_DATE_EPOCH, else now)")
	return cmd
}

func (a *app) drillRun(cmd *cobra.Command, opts *drillOptions) error {
	if opts.count < 0 {
		return usageError{fmt.Errorf("--count %d: give a number from 0 (all) up", opts.count)}
	}
	clock, err := a.recordClock(opts.date)
	if err != nil {
		return err
	}
	ws, err := a.openWorkspace(cmd, false)
	if err != nil {
		return err
	}
	items, err := drillItems(ws, opts.role, clock())
	if err != nil {
		return err
	}
	log, err := ws.Practice()
	if err != nil {
		return err
	}
	plan := loop.Schedule(items, log, clock())
	if opts.count > 0 && len(plan) > opts.count {
		plan = plan[:opts.count]
	}
	if len(plan) == 0 {
		return &source.Error{Msg: "no stories to rehearse", Hint: "write stories in stories/, or name a role whose packet has some"}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	s := &drillSession{lines: readLines(a.stdin), out: a.stdout, stopwatch: a.now, clock: clock, role: opts.role, live: a.liveTerminal(),
		speech: ws.Settings.Speech()}
	fmt.Fprintf(a.stdout, "Drill: %s, weak and stale first:\n", stories.Count(len(plan), "story", "stories"))
	for i, d := range plan {
		fmt.Fprintf(a.stdout, "  %d. %s: %s\n", i+1, d.Story.ID, d.Reason)
	}
	done := s.run(ctx, plan)
	if len(done) == 0 {
		fmt.Fprintln(a.out(), "nothing recorded")
		return nil
	}
	files, err := ws.AppendPractice(done)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.out(), "recorded %s in %s\n", stories.Count(len(done), "rehearsal", "rehearsals"), strings.Join(files, ", "))
	return nil
}

// recordClock is the clock of the practice log and the schedule: the day
// of --date or SOURCE_DATE_EPOCH (fixed), else the time now.
func (a *app) recordClock(flag string) (func() time.Time, error) {
	if flag == "" && os.Getenv("SOURCE_DATE_EPOCH") == "" {
		return func() time.Time { return a.now().Truncate(time.Second) }, nil
	}
	t, err := buildDate(flag, a.now)
	if err != nil {
		return nil, err
	}
	return func() time.Time { return t }, nil
}

// liveTerminal reports whether stdout is a terminal that can show a
// stopwatch ticking in place.
func (a *app) liveTerminal() bool {
	f, ok := a.stdout.(*os.File)
	return ok && os.Getenv("TERM") != "dumb" && term.IsTerminal(int(f.Fd()))
}

// drillItems are the stories to rehearse: those of role's packet for its
// next round on date (with the question each is picked for), or, with no
// role, every story of the bank under its own question.
func drillItems(ws *config.Workspace, roleName string, date time.Time) ([]loop.Item, error) {
	bank, err := ws.Bank()
	if err != nil {
		return nil, err
	}
	cat := ws.Catalog()
	var items []loop.Item
	if roleName == "" {
		for _, s := range bank.Stories() {
			items = append(items, loop.Item{Story: s, Question: cat.Resolve(s.Question)})
		}
		return items, nil
	}
	role, err := ws.Role(roleName)
	if err != nil {
		return nil, err
	}
	lp, err := packet.LoadLoop(ws, role, 0, date)
	if err != nil {
		return nil, err
	}
	sel, err := packet.SelectRound(ws, role, lp)
	if err != nil {
		return nil, err
	}
	for _, an := range sel.Answers {
		for _, pk := range an.Picks {
			items = append(items, loop.Item{Story: pk.Story, Question: an.Question})
		}
	}
	return items, nil
}

// readLines feeds the lines of r to a channel, closed at the end.
func readLines(r io.Reader) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			ch <- strings.TrimSpace(sc.Text())
		}
	}()
	return ch
}

// drillSession runs the rehearsals of a plan, reading answers from lines.
type drillSession struct {
	lines     <-chan string
	out       io.Writer
	stopwatch func() time.Time // measures the answers
	clock     func() time.Time // stamps the log
	role      string
	live      bool           // redraw the stopwatch every second
	speech    stories.Speech // the speaking-time model: target windows, the time as written
}

// run rehearses each story of the plan and returns the rehearsals done.
// It stops, keeping them, when ctx is done (Ctrl-C), when the input ends,
// or when the person types q.
func (s *drillSession) run(ctx context.Context, plan []loop.Due) []loop.Practice {
	var done []loop.Practice
	for i, d := range plan {
		p, more := s.one(ctx, i+1, len(plan), d)
		if p != nil {
			done = append(done, *p)
		}
		if !more {
			fmt.Fprintln(s.out, "stopped")
			break
		}
	}
	return done
}

// one rehearses one story: the question, the stopwatch, the story, the
// rating. It returns the rehearsal (nil when the answer was not finished)
// and whether to go on.
func (s *drillSession) one(ctx context.Context, n, of int, d loop.Due) (*loop.Practice, bool) {
	fmt.Fprintf(s.out, "\n[%d/%d] %s (%s)\n", n, of, d.Question.Title, d.Reason)
	fmt.Fprintf(s.out, "  “%s”\n", strings.TrimSpace(or(d.Question.Ask, d.Question.Title)))
	fmt.Fprintln(s.out, "Answer aloud now. Enter when you finish (or type the time you took, e.g. 1:40):")
	at := s.clock()
	took, ok := s.time(ctx)
	if !ok {
		return nil, false
	}
	win := s.speech.Fit(d.Story, d.Question).Window
	fmt.Fprintf(s.out, "Your time: %s (target %s: %s)\n\n", stories.Clock(took), win, win.Place(took))
	s.show(d.Story)
	p := &loop.Practice{Story: d.Story.ID, Question: d.Question.ID, Role: s.role, At: at.Format(loop.TimeLayout), Seconds: int(took / time.Second)}
	if d.Question.Custom {
		p.Question = d.Question.Title
	}
	for {
		fmt.Fprint(s.out, "Rate yourself from 1 (start over) to 5 (ready); Enter skips, q stops: ")
		line, ok := s.next(ctx)
		fmt.Fprintln(s.out)
		switch {
		case !ok:
			return p, false
		case line == "":
			return p, true
		case strings.EqualFold(line, "q"):
			return p, false
		}
		if r, err := strconv.Atoi(line); err == nil && r >= 1 && r <= loop.MaxRating {
			p.Rating = r
			return p, true
		}
		fmt.Fprintf(s.out, "%q is not a rating from 1 to 5\n", line)
	}
}

// time runs the stopwatch until Enter (or a typed time) and returns how
// long the answer took; false when the session stops.
func (s *drillSession) time(ctx context.Context) (time.Duration, bool) {
	start := s.stopwatch()
	var tick <-chan time.Time
	if s.live {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case <-ctx.Done():
			return 0, false
		case line, ok := <-s.lines:
			if !ok {
				return 0, false
			}
			if strings.EqualFold(line, "q") {
				return 0, false
			}
			if typed, ok := parseClock(line); ok {
				return typed, true
			}
			if line != "" {
				fmt.Fprintf(s.out, "%q is not a time such as 1:40; Enter when you finish:\n", line)
				continue
			}
			return s.stopwatch().Sub(start).Truncate(time.Second), true
		case <-tick:
			fmt.Fprintf(s.out, "\r  %s ", stories.Clock(s.stopwatch().Sub(start)))
		}
	}
}

// next reads a line; false when the session stops.
func (s *drillSession) next(ctx context.Context) (string, bool) {
	select {
	case <-ctx.Done():
		return "", false
	case line, ok := <-s.lines:
		return line, ok
	}
}

// show prints the story: cue, id, STAR text and its written length.
func (s *drillSession) show(st *stories.Story) {
	fmt.Fprintf(s.out, "%s  [%s]\n", stories.Heading(st), st.ID)
	for _, f := range st.Fields() {
		fmt.Fprintf(s.out, "  %s:\n", f.Label)
		for _, b := range stories.Blocks(f.Text) {
			prefix := "    "
			switch b.Kind {
			case stories.Bullet:
				prefix += "- "
			case stories.Number:
				prefix += b.Marker + " "
			}
			fmt.Fprintf(s.out, "%s%s\n", prefix, stories.Plain(b.Text))
		}
	}
	sp := s.speech.OrDefault()
	fmt.Fprintf(s.out, "As written: %d words, about %s aloud at %d words a minute.\n", st.Words(), sp.Clock(st), sp.WordsPerMinute)
}

var clockRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,2}):([0-5]\d)$`) })

// parseClock reads a time typed as m:ss.
func parseClock(s string) (time.Duration, bool) {
	m := clockRE().FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	mins, _ := strconv.Atoi(m[1])
	secs, _ := strconv.Atoi(m[2])
	return time.Duration(mins)*time.Minute + time.Duration(secs)*time.Second, true
}

func or(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}
