package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/stats"
)

type statsOptions struct {
	json bool
	date string
}

func newStatsCmd(a *app) *cobra.Command {
	opts := &statsOptions{}
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Show the bank's health: coverage, use, rehearsal, metric conflicts",
		Long: `Stats reports on the story bank as a whole:

  questions      for each question (the grid, your own, those of your roles
                 and your stories), the stories written for it and those that
                 answer it well (as select would score them), against a target
  competencies   how many stories show each competency the questions probe
  use            stories no role picks, and stories many roles pick
  rehearsal      stories not rehearsed (drill) for a while, or never
  conflicts      one result quoted with two figures that cannot both be true
                 in two stories ("under 1%" in one, "2%" in the other)

The thresholds are settings (stats: in starpack.yaml): target (2 stories per
question), stale_days (14) and many_roles (3). --json prints the same as one
JSON object. Stats reports; it exits 0 whatever it finds.`,
		Example: `  starpack stats
  starpack stats --json | jq '.conflicts'`,
		Args: argsOf(0, 0, "starpack stats"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.statsRun(cmd, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the report as JSON")
	cmd.Flags().StringVar(&opts.date, "date", "", "today, YYYY-MM-DD, for rehearsal ages and the roles' next rounds (default: $SOURCE_DATE_EPOCH, else today)")
	return cmd
}

func (a *app) statsRun(cmd *cobra.Command, opts *statsOptions) error {
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
	log, err := ws.Practice()
	if err != nil {
		return err
	}
	roles, picks := a.rolePicks(ws, date)
	st := ws.Settings.Stats
	rep, err := stats.Compute(stats.Input{Bank: bank, Catalog: ws.Catalog(), Questions: statsQuestions(ws, bank, roles),
		Picks: picks, Practice: log, Now: date, Request: (*config.Role)(nil).Request(&ws.Settings),
		Settings: stats.Settings{Target: st.Target, StaleDays: st.StaleDays, ManyRoles: st.ManyRoles}})
	if err != nil {
		return err
	}
	if opts.json {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	}
	return writeStats(a.out(), rep)
}

// rolePicks loads every role and the stories its packet picks for its next
// round. A role that does not load or select is left out, with a warning.
func (a *app) rolePicks(ws *config.Workspace, date time.Time) ([]*config.Role, map[string][]string) {
	ids, _ := ws.RoleIDs()
	var roles []*config.Role
	picks := map[string][]string{}
	for _, id := range ids {
		role, picked, err := rolePicked(ws, id, date)
		if err != nil {
			fmt.Fprintf(a.note(), "starpack: warning: role %s left out: %v\n", id, err)
			continue
		}
		roles = append(roles, role)
		picks[id] = picked
	}
	return roles, picks
}

// askedIn are the questions asked in the debriefs of roles.
func askedIn(ws *config.Workspace, roles []*config.Role) []string {
	var out []string
	for _, r := range roles {
		ds, err := ws.Debriefs(r.ID)
		if err != nil {
			continue // reported by the role's build
		}
		for _, d := range ds {
			for _, a := range d.Asked {
				out = append(out, a.Question)
			}
		}
	}
	return out
}

// rolePicked loads a role and lists the stories its packet for its next
// round picks.
func rolePicked(ws *config.Workspace, id string, date time.Time) (*config.Role, []string, error) {
	role, err := ws.Role(id)
	if err != nil {
		return nil, nil, err
	}
	lp, err := packet.LoadLoop(ws, role, 0, date)
	if err != nil {
		return nil, nil, err
	}
	sel, err := packet.SelectRound(ws, role, lp)
	if err != nil {
		return nil, nil, err
	}
	picked := []string{}
	for _, an := range sel.Answers {
		for _, pk := range an.Picks {
			picked = append(picked, pk.Story.ID)
		}
	}
	return role, picked, nil
}

// statsQuestions are the questions stats reports: the default set, the
// workspace's own, those of its roles and asked in their rounds, then those
// of its stories that the catalog does not know; each once.
func statsQuestions(ws *config.Workspace, bank *stories.Bank, roles []*config.Role) []*stories.Question {
	cat := ws.Catalog()
	var out []*stories.Question
	seen := map[string]bool{}
	add := func(q *stories.Question) {
		if !seen[q.ID] {
			seen[q.ID] = true
			out = append(out, q)
		}
	}
	grid, _ := cat.Set(stories.DefaultSet)
	for _, id := range grid {
		add(cat.Lookup(id))
	}
	for _, q := range ws.Settings.Questions {
		add(cat.Lookup(q.ID))
	}
	for _, r := range roles {
		keys := r.Questions
		if len(keys) == 0 && r.QuestionSet != "" {
			keys, _ = cat.Set(r.QuestionSet)
		}
		for _, k := range keys {
			add(cat.Resolve(k))
		}
	}
	for _, k := range askedIn(ws, roles) {
		add(cat.Resolve(k))
	}
	for _, s := range bank.Stories() {
		add(cat.Resolve(s.Question))
	}
	return out
}

// writeStats prints the report as text, without trailing spaces.
func writeStats(w io.Writer, rep *stats.Report) error {
	var b strings.Builder
	if err := writeStatsTables(&b, rep); err != nil {
		return err
	}
	writeUse(&b, rep)
	writeConflicts(&b, rep.Conflicts)
	for _, line := range strings.SplitAfter(b.String(), "\n") {
		if _, err := io.WriteString(w, strings.TrimRight(line, " \n")+strings.Repeat("\n", strings.Count(line, "\n"))); err != nil {
			return err
		}
	}
	return nil
}

// writeStatsTables prints the coverage of questions and competencies.
func writeStatsTables(w io.Writer, rep *stats.Report) error {
	fmt.Fprintf(w, "%s; questions (target: %d stories that answer each well):\n", stories.Count(rep.Stories, "story", "stories"), rep.Target)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  QUESTION\tWRITTEN\tANSWER WELL\t")
	for _, q := range rep.Questions {
		flag := ""
		if q.Below {
			flag = "below target"
		}
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%s\n", q.ID, q.Written, len(q.Answers), flag)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\ncompetencies (stories that show each, fewest first):")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range rep.Competencies {
		fmt.Fprintf(tw, "  %s\t%d\t%s\n", c.Name, c.Stories, strings.Join(c.Asked, ", "))
	}
	return tw.Flush()
}

// writeUse prints which stories the roles pick and which are rehearsed.
func writeUse(w io.Writer, rep *stats.Report) {
	fmt.Fprintln(w)
	switch {
	case rep.Roles == 0:
		fmt.Fprintln(w, "no roles yet: no story is picked for any")
	case len(rep.NeverPicked) == 0:
		fmt.Fprintf(w, "every story is picked for at least one of %s\n", stories.Count(rep.Roles, "role", "roles"))
	default:
		fmt.Fprintf(w, "picked for none of %s (%d): %s\n", stories.Count(rep.Roles, "role", "roles"), len(rep.NeverPicked), strings.Join(rep.NeverPicked, ", "))
	}
	if len(rep.ManyRoles) == 0 {
		fmt.Fprintf(w, "picked for %d roles or more: none\n", rep.ManyAt)
	} else {
		fmt.Fprintf(w, "picked for %d roles or more (%d):\n", rep.ManyAt, len(rep.ManyRoles))
		for _, u := range rep.ManyRoles {
			fmt.Fprintf(w, "  %s: %s\n", u.Story, strings.Join(u.Roles, ", "))
		}
	}
	var never, old []string
	for _, s := range rep.Stale {
		if s.Last == "" {
			never = append(never, s.Story)
		} else {
			old = append(old, fmt.Sprintf("%s (%d days, %s)", s.Story, s.Days, s.Last))
		}
	}
	fmt.Fprintf(w, "not rehearsed for %d days or more: %d of %d\n", rep.StaleDays, len(rep.Stale), rep.Stories)
	if len(old) > 0 {
		fmt.Fprintf(w, "  last rehearsed long ago: %s\n", strings.Join(old, ", "))
	}
	if len(never) > 0 {
		fmt.Fprintf(w, "  never rehearsed (%d): %s\n", len(never), strings.Join(never, ", "))
	}
}

// writeConflicts prints the metric conflicts, each with where and how the
// two stories say it.
func writeConflicts(w io.Writer, cs []stats.Conflict) {
	if len(cs) == 0 {
		fmt.Fprintln(w, "metric conflicts: none")
		return
	}
	fmt.Fprintf(w, "metric conflicts (%d): one result quoted differently; make the stories agree\n", len(cs))
	for _, c := range cs {
		fmt.Fprintf(w, "  %s\n", c)
		for _, f := range []stats.Figure{c.A, c.B} {
			at := f.At
			if at == "" {
				at = f.Story
			}
			fmt.Fprintf(w, "    %s: %s: %q\n", at, f.Field, f.Sentence)
		}
	}
}
