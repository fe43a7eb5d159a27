package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/tailor"
)

type selectOptions struct {
	role  string
	json  bool
	round int
}

const selectJSONShape = `{
  "role": "acme", "company": "Acme", "title": "Senior Data Engineer",
  "weights": {"question": 4, "competency": 2, "focus": 2, "keyword": 3,
              "number": 0.5, "spread": 0.15, "threshold": 2.5},
  "keywords": [{"term": "stream joins", "weight": 2.463, "stories": 9}],
  "answers": [{
    "question": {"id": "lp-dive-deep", "title": "Dive Deep", "ask": "Tell me about...",
                 "custom": false},
    "picks": [{
      "story": "stream-joins.hardest-bug", "project": "Build real time ...",
      "cue": "The client agent I wrote flushes data every 150 ms, ...",
      "score": 3.6, "included": false,
      "parts": {"question": 1.6, "competency": 2, "focus": 0, "keyword": 0, "number": 0},
      "matched": {"question": false, "cues": ["source code", "bug"],
                  "competencies": ["dive deep", "technical depth"],
                  "focus": [{"focus": "streaming", "tag": true}],
                  "keywords": ["stream joins"], "number": false},
      "reasons": ["mentions source code, bug", "competencies: dive deep, technical depth"]}]}],
  "gaps": [{"question": "lp-frugality", "score": 0.8, "reason": "best story scores ..."},
           {"keyword": "kafka", "score": 0, "reason": "no story mentions \"kafka\""}],
  "round": 2, "told": ["stream-joins.conflict"]
}`

func newSelectCmd(a *app) *cobra.Command {
	opts := &selectOptions{}
	cmd := &cobra.Command{
		Use:   "select ROLE",
		Short: "Show which story answers which question of a role, and why",
		Long: `Select shows the stories a role's packet would use: for each question the
story, its project, its score and the reasons, then the gaps (questions no
story answers well, job-description keywords no picked story mentions).

ROLE is a role id (roles/<id>.yaml) or a path to a role file. The choice is
the one build makes: the assignment of stories to questions with the highest
total score, each story used once. A story scores for a question:

  question × Q    1 when written for it; else 0.6 × min(1, cue words / 3)
  competency × C  share of the question's competencies the story covers
  focus × F       share of the role's focus items: tag 1, text mention ½
  keyword × K     share of the job description's keyword weight it mentions
  number × N      1 when its result holds a number

with weights from starpack.yaml (weights:), by default question 4,
competency 2, focus 2, keyword 3, number 0.5; spread 0.15 nudges close
calls towards projects not used yet; a question whose best pick scores
below threshold (2.5) is a gap.

--json prints the same as one JSON object, in this shape (fields are only
added, never renamed; "cues", "competencies", "focus" and "keywords" of
"matched" are left out when empty; "parts" add up to "score"; a gap has
"question" or "keyword"):

` + selectJSONShape,
		Example: `  starpack select acme
  starpack select roles/acme.yaml --json | jq '.answers[].picks[].story'`,
		Args: argsOf(1, 1, "starpack select acme", arg{"ROLE", "the role to choose stories for: its id (acme for roles/acme.yaml) or a path"}),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.role = args[0]
			return a.selectRun(cmd, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the selection as JSON (shape in --help)")
	cmd.Flags().IntVar(&opts.round, "round", 0, "the interview round to prepare, from 1 (default: the next one by date), as build --round")
	return cmd
}

func (a *app) selectRun(cmd *cobra.Command, opts *selectOptions) error {
	ws, err := a.openWorkspace(cmd, false)
	if err != nil {
		return err
	}
	if _, err := ws.Bank(); err != nil {
		return err
	}
	role, err := ws.Role(opts.role)
	if err != nil {
		return err
	}
	date, err := buildDate("", a.now)
	if err != nil {
		return err
	}
	lp, err := packet.LoadLoop(ws, role, opts.round, date)
	if err != nil {
		return err
	}
	sel, err := packet.SelectRound(ws, role, lp)
	if err != nil {
		return err
	}
	if opts.json {
		return writeSelectJSON(a.stdout, role, sel, lp)
	}
	return writeSelectText(a.out(), role, sel, lp)
}

// The JSON shape of `select --json`; see selectJSONShape.
type (
	selectJSON struct {
		Role     string           `json:"role"`
		Company  string           `json:"company"`
		Title    string           `json:"title"`
		Weights  tailor.Weights   `json:"weights"`
		Keywords []tailor.Keyword `json:"keywords"`
		Answers  []answerJSON     `json:"answers"`
		Gaps     []gapJSON        `json:"gaps"`
		Round    int              `json:"round,omitempty"` // the interview round prepared
		Told     []string         `json:"told,omitempty"`  // stories told to the company before it
	}
	answerJSON struct {
		Question questionJSON `json:"question"`
		Picks    []pickJSON   `json:"picks"`
	}
	questionJSON struct {
		ID     string `json:"id"`
		Title  string `json:"title"`
		Ask    string `json:"ask"`
		Custom bool   `json:"custom"`
	}
	pickJSON struct {
		Story    string         `json:"story"`
		Project  string         `json:"project"`
		Cue      string         `json:"cue"`
		Score    float64        `json:"score"`
		Included bool           `json:"included"`
		Parts    tailor.Parts   `json:"parts"`
		Matched  tailor.Matched `json:"matched"`
		Reasons  []string       `json:"reasons"`
	}
	gapJSON struct {
		Question string  `json:"question,omitempty"`
		Keyword  string  `json:"keyword,omitempty"`
		Score    float64 `json:"score"`
		Reason   string  `json:"reason"`
	}
)

func writeSelectJSON(w io.Writer, role *config.Role, sel *tailor.Selection, lp *export.Loop) error {
	out := selectJSON{Role: role.ID, Company: role.Company, Title: role.Title, Weights: sel.Weights,
		Keywords: sel.Keywords, Answers: []answerJSON{}, Gaps: []gapJSON{}, Round: lp.Round, Told: toldIDs(lp)}
	if out.Keywords == nil {
		out.Keywords = []tailor.Keyword{}
	}
	for _, an := range sel.Answers {
		q := an.Question
		aj := answerJSON{Question: questionJSON{ID: q.ID, Title: q.Title, Ask: q.Ask, Custom: q.Custom}, Picks: []pickJSON{}}
		for _, p := range an.Picks {
			reasons := p.Reasons
			if reasons == nil {
				reasons = []string{}
			}
			aj.Picks = append(aj.Picks, pickJSON{Story: p.Story.ID, Project: p.Story.Project.Project, Cue: p.Story.Cue(),
				Score: p.Score, Included: p.Included, Parts: p.Parts, Matched: p.Matched, Reasons: reasons})
		}
		out.Answers = append(out.Answers, aj)
	}
	for _, g := range sel.Gaps {
		gj := gapJSON{Keyword: g.Keyword, Score: g.Score, Reason: g.Reason}
		if g.Question != nil {
			gj.Question = g.Question.ID
		}
		out.Gaps = append(out.Gaps, gj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// toldIDs lists the stories told to the company before the round, each once.
func toldIDs(lp *export.Loop) []string {
	var out []string
	for _, t := range lp.Told {
		if !slices.Contains(out, t.Story) {
			out = append(out, t.Story)
		}
	}
	return out
}

func writeSelectText(w io.Writer, role *config.Role, sel *tailor.Selection, lp *export.Loop) error {
	var parts []string
	for _, s := range []string{role.Company, role.Title} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	heading := strings.Join(parts, ": ")
	if heading == "" {
		heading = role.ID
	}
	fmt.Fprintf(w, "%s (role %s)\n", heading, role.ID)
	if line := lp.RoundLine(); line != "" {
		fmt.Fprintln(w, strings.ToLower(line[:1])+line[1:])
	}
	if told := toldIDs(lp); len(told) > 0 {
		fmt.Fprintf(w, "told before (not picked unless included): %s\n", strings.Join(told, ", "))
	}
	if len(sel.Keywords) > 0 {
		var terms []string
		for _, k := range sel.Keywords {
			terms = append(terms, k.Term)
		}
		fmt.Fprintf(w, "keywords: %s\n", strings.Join(terms, ", "))
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "QUESTION\tSTORY\tPROJECT\tSCORE\tWHY")
	for _, an := range sel.Answers {
		if len(an.Picks) == 0 {
			fmt.Fprintf(tw, "%s\t-\t-\t-\tno story answers this question\n", an.Question.ID)
			continue
		}
		for i, p := range an.Picks {
			q := an.Question.ID
			if i > 0 {
				q = ""
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%.2f\t%s\n", q, p.Story.ID, stories.Shorten(p.Story.Project.Project, 32), p.Score,
				strings.Join(p.Reasons, "; "))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(sel.Gaps) > 0 {
		fmt.Fprintln(w, "\ngaps:")
		for _, g := range sel.Gaps {
			if g.Question != nil {
				fmt.Fprintf(w, "  %s: %s\n", g.Question.ID, g.Reason)
			} else {
				fmt.Fprintf(w, "  keyword %q: %s\n", g.Keyword, g.Reason)
			}
		}
	}
	return nil
}
