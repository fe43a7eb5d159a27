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
  "weights": {"question": 4, "competency": 2, "focus": 2, "keyword": 3, "number": 0,
              "strength": 4, "spread": 0.5, "threshold": 2.5, "nice_to_have": 0.5,
              "duplicate": 0.4},
  "keywords": [{"term": "stream joins", "weight": 2.463, "stories": 1,
                "section": "requirements"}],
  "answers": [{
    "question": {"id": "hardest-bug", "title": "Hardest bug", "ask": "Walk me...",
                 "custom": false, "kind": "star"},
    "picks": [{
      "story": "stream-joins.hardest-bug", "project": "Build real time ...",
      "cue": "Start agents in parallel", "time": "0:31", "window": "1:30–2:00",
      "score": 9.95, "included": false,
      "parts": {"question": 4, "competency": 2, "focus": 0.167, "keyword": 0.3,
                "number": 0, "strength": 3.48},
      "matched": {"question": true, "competencies": ["technical depth"],
                  "focus": [{"focus": "streaming", "tag": false, "project": true,
                             "said": "stream"}],
                  "keywords": ["production"], "project_keywords": ["real time"],
                  "said": {"production": "prod", "real time": "real time"},
                  "number": false,
                  "strength": {"kind": "star", "star": true, "number": false, "i": true,
                               "time": "0:31", "window": "1:30–2:00", "fits": false}},
      "reasons": ["written for this question", "told well: complete STAR",
                  "job description: prod", "job description via its project: real time"]}],
    "alternates": [{"story": "...", "...": "the same fields as a pick"}]}],
  "gaps": [{"question": "lp-frugality", "score": 0.8, "reason": "best story scores ..."},
           {"keyword": "kafka", "score": 0, "reason": "no story mentions \"kafka\""}],
  "requirements": [{
    "text": "Operate Kafka and stream joins in production", "section": "requirements",
    "terms": ["stream joins", "kafka", "production"], "gap": false,
    "evidence": [{"story": "stream-joins.most-interesting", "picked": true,
                  "words": ["stream join", "prod"]}]},
    {"text": "Mentor junior engineers", "section": "requirements", "terms": ["mentor"],
     "gap": true, "evidence": [],
     "bridge": {"story": "stream-joins.conflict", "picked": false, "words": ["design"]}}],
  "round": 2, "told": ["stream-joins.conflict"]
}`

func newSelectCmd(a *app) *cobra.Command {
	opts := &selectOptions{}
	cmd := &cobra.Command{
		Use:   "select ROLE",
		Short: "Show which story answers which question of a role, and why",
		Long: `Select shows the stories a role's packet would use: for each question the
story, its project, its speaking time, its score and the reasons, and the
next two alternates; then the gaps (questions no story answers well,
job-description keywords no picked story mentions) and the requirement map
(each requirement of the job description and the stories that evidence it,
or the nearest story to bridge from).

ROLE is a role id (roles/<id>.yaml) or a path to a role file. The choice is
the one build makes: the assignment of stories to questions with the highest
total score, each story used once. A story scores for a question:

  question × Q    1 when written for it; else 0.6 × min(1, cue words / 3)
  competency × C  share of the question's competencies the story covers
  focus × F       share of the role's focus items: its tag 1, its text or
                  its project's tag ½, its project's text ¼
  keyword × K     share of the job description's keyword weight it mentions
                  (half for what only its project's name or summary says)
  strength × S    how well it is told for the kind of answer: STAR parts,
                  a number in the Result, "I" over "we", time in the window
  number × N      1 when its result holds a number

with weights from starpack.yaml (weights:), by default question 4,
competency 2, focus 2, keyword 3, strength 4, number 0. Two stories that
share most content words (duplicate: 0.4) are never both picked; a story
from a project that already gives k stories costs spread × k (0.5), so
close calls go to other projects; a question whose best pick scores below
threshold (2.5) is a gap. Reasons name only the story's own words; what
only its project says is labelled "via its project".

--json prints the same as one JSON object, in this shape (fields are only
added, never renamed; "cues", "competencies", "focus", "keywords",
"project_keywords" and "said" of "matched" are left out when empty;
"parts" add up to "score"; a gap has "question" or "keyword"; a
requirement with "gap": true has no evidence and may have a "bridge"):

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
	if err := checkFlagValues(cmd); err != nil {
		return err
	}
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
	sp := ws.Settings.Speech()
	if opts.json {
		return writeSelectJSON(a.stdout, role, sel, sp, lp)
	}
	return writeSelectText(a.out(), role, sel, sp, lp)
}

// The JSON shape of `select --json`; see selectJSONShape.
type (
	selectJSON struct {
		Role         string            `json:"role"`
		Company      string            `json:"company"`
		Title        string            `json:"title"`
		Weights      tailor.Weights    `json:"weights"`
		Keywords     []tailor.Keyword  `json:"keywords"`
		Answers      []answerJSON      `json:"answers"`
		Gaps         []gapJSON         `json:"gaps"`
		Requirements []requirementJSON `json:"requirements"`
		Round        int               `json:"round,omitempty"` // the interview round prepared
		Told         []string          `json:"told,omitempty"`  // stories told to the company before it
	}
	answerJSON struct {
		Question   questionJSON `json:"question"`
		Picks      []pickJSON   `json:"picks"`
		Alternates []pickJSON   `json:"alternates"`
	}
	questionJSON struct {
		ID     string       `json:"id"`
		Title  string       `json:"title"`
		Ask    string       `json:"ask"`
		Custom bool         `json:"custom"`
		Kind   stories.Kind `json:"kind"`
	}
	pickJSON struct {
		Story    string         `json:"story"`
		Project  string         `json:"project"`
		Cue      string         `json:"cue"`
		Time     string         `json:"time"`
		Window   string         `json:"window"`
		Score    float64        `json:"score"`
		Included bool           `json:"included"`
		Parts    tailor.Parts   `json:"parts"`
		Matched  tailor.Matched `json:"matched"`
		Reasons  []string       `json:"reasons"`
	}
	requirementJSON struct {
		Text     string         `json:"text"`
		Section  tailor.Section `json:"section"`
		Terms    []string       `json:"terms"`
		Gap      bool           `json:"gap"`
		Evidence []evidenceJSON `json:"evidence"`
		Bridge   *evidenceJSON  `json:"bridge,omitempty"`
	}
	evidenceJSON struct {
		Story   string   `json:"story"`
		Picked  bool     `json:"picked"`
		Words   []string `json:"words"`
		Project []string `json:"project_words,omitempty"`
	}
	gapJSON struct {
		Question string  `json:"question,omitempty"`
		Keyword  string  `json:"keyword,omitempty"`
		Score    float64 `json:"score"`
		Reason   string  `json:"reason"`
	}
)

func writeSelectJSON(w io.Writer, role *config.Role, sel *tailor.Selection, sp stories.Speech, lp *export.Loop) error {
	out := selectJSON{Role: role.ID, Company: role.Company, Title: role.Title, Weights: sel.Weights,
		Keywords: sel.Keywords, Answers: []answerJSON{}, Gaps: []gapJSON{}, Requirements: []requirementJSON{},
		Round: lp.Round, Told: toldIDs(lp)}
	if out.Keywords == nil {
		out.Keywords = []tailor.Keyword{}
	}
	for _, an := range sel.Answers {
		q := an.Question
		aj := answerJSON{Question: questionJSON{ID: q.ID, Title: q.Title, Ask: q.Ask, Custom: q.Custom, Kind: stories.KindOf(q, nil)},
			Picks: picksJSON(an.Picks, q, sp), Alternates: picksJSON(an.Alternates, q, sp)}
		out.Answers = append(out.Answers, aj)
	}
	for _, g := range sel.Gaps {
		gj := gapJSON{Keyword: g.Keyword, Score: g.Score, Reason: g.Reason}
		if g.Question != nil {
			gj.Question = g.Question.ID
		}
		out.Gaps = append(out.Gaps, gj)
	}
	for _, r := range sel.Requirements {
		rj := requirementJSON{Text: r.Text, Section: r.Section, Terms: r.Terms, Gap: r.Gap(), Evidence: []evidenceJSON{}}
		if rj.Terms == nil {
			rj.Terms = []string{}
		}
		for _, e := range r.Evidence {
			rj.Evidence = append(rj.Evidence, evidenceOf(e))
		}
		if r.Bridge != nil {
			b := evidenceOf(*r.Bridge)
			rj.Bridge = &b
		}
		out.Requirements = append(out.Requirements, rj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func picksJSON(picks []tailor.Pick, q *stories.Question, sp stories.Speech) []pickJSON {
	out := []pickJSON{}
	for _, p := range picks {
		reasons := p.Reasons
		if reasons == nil {
			reasons = []string{}
		}
		fit := sp.Fit(p.Story, q)
		out = append(out, pickJSON{Story: p.Story.ID, Project: p.Story.Project.Project, Cue: stories.Heading(p.Story),
			Time: stories.Clock(fit.Time), Window: fit.Window.String(),
			Score: p.Score, Included: p.Included, Parts: p.Parts, Matched: p.Matched, Reasons: reasons})
	}
	return out
}

func evidenceOf(e tailor.Evidence) evidenceJSON {
	words := e.Words
	if words == nil {
		words = []string{}
	}
	return evidenceJSON{Story: e.Story.ID, Picked: e.Picked, Words: words, Project: e.Project}
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

func writeSelectText(w io.Writer, role *config.Role, sel *tailor.Selection, sp stories.Speech, lp *export.Loop) error {
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
	if err := writeAnswers(w, sel, sp); err != nil {
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
	writeRequirements(w, sel.Requirements)
	return nil
}

// writeAnswers prints the table of picks, each question's alternates
// under its picks.
func writeAnswers(w io.Writer, sel *tailor.Selection, sp stories.Speech) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "QUESTION\tSTORY\tPROJECT\tTIME\tSCORE\tWHY")
	row := func(label string, p tailor.Pick) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%.2f\t%s\n", label, p.Story.ID, stories.Shorten(p.Story.Project.Project, 32),
			sp.Clock(p.Story), p.Score, strings.Join(p.Reasons, "; "))
	}
	for _, an := range sel.Answers {
		if len(an.Picks) == 0 {
			fmt.Fprintf(tw, "%s\t-\t-\t-\t-\tno story answers this question\n", an.Question.ID)
		}
		for i, p := range an.Picks {
			label := an.Question.ID
			if i > 0 {
				label = ""
			}
			row(label, p)
		}
		for _, p := range an.Alternates {
			row("  or", p)
		}
	}
	return tw.Flush()
}

// writeRequirements prints the requirement map: each requirement, the
// stories that evidence it and their words, or the gap and the story to
// bridge from.
func writeRequirements(w io.Writer, reqs []tailor.Requirement) {
	if len(reqs) == 0 {
		return
	}
	fmt.Fprintln(w, "\nrequirements:")
	for _, r := range reqs {
		fmt.Fprintf(w, "  %s\n", r.Text)
		if r.Gap() {
			line := "    gap: no story says " + quotedOr(r.Terms)
			if b := r.Bridge; b != nil {
				line += fmt.Sprintf("; bridge from %s (%s)", b.Story.ID, evidenceWords(*b))
			}
			fmt.Fprintln(w, line)
			continue
		}
		for _, e := range r.Evidence {
			mark := ""
			if e.Picked {
				mark = ", picked"
			}
			fmt.Fprintf(w, "    %s (%s%s)\n", e.Story.ID, strings.Join(e.Words, ", "), mark)
		}
		if len(r.Missing) > 0 {
			fmt.Fprintf(w, "    no story says %s\n", quotedOr(r.Missing))
		}
	}
}

func evidenceWords(e tailor.Evidence) string {
	if len(e.Project) > 0 {
		return "its project: " + strings.Join(e.Project, ", ")
	}
	return strings.Join(e.Words, ", ")
}

// quotedOr names terms for a sentence: "a", "b" or "c"; "it" for none.
func quotedOr(terms []string) string {
	if len(terms) == 0 {
		return "it"
	}
	q := make([]string, len(terms))
	for i, t := range terms {
		q[i] = fmt.Sprintf("%q", t)
	}
	return orList(q)
}
