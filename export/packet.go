// Package export holds what every output format renders: the Packet, one
// job application's stories chosen and ready to print. Each format lives in
// its own sub-package (markdown, pdf, xlsx), takes a Packet and writes to an
// io.Writer; formats never import each other and never decide where files
// go. export/packet, the pipeline, runs them and writes their files.
package export

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/lint"
	"github.com/starpack/starpack/stories/tailor"
)

// Packet is everything one prep packet shows.
type Packet struct {
	RoleID    string // names the output folder ("all" for the whole bank); a neutral label in a redacted copy
	Candidate config.Candidate
	Company   string
	Title     string // the job title
	Interview string // interview date as written (YYYY-MM-DD), may be empty
	Focus     []string
	Ask       []string // the role's own questions to ask the interviewer (see AskList)
	Keywords  []string // job-description keywords, most telling first
	// JobDescription is the role's job description as written (from
	// job_description or job_description_file); "" for the whole bank.
	JobDescription string

	Bank      *stories.Bank
	Catalog   *stories.Catalog
	Selection *tailor.Selection
	// Feedback is the latest coach feedback per story id.
	Feedback map[string]stories.Feedback
	// Loop is the interview loop of the role (its rounds, what was told
	// and asked before, rehearsals); nil for the whole bank.
	Loop *Loop
	// Dir is the packet's folder, as an absolute path when it is known
	// (the calendar points at it).
	Dir string
	// Build identifies this build of the packet; FeedbackBase is how many
	// entries of the role's feedback file it was built from. The workbook
	// records both, so that an import tells the coach's edits apart.
	Build        string
	FeedbackBase int
	// Findings are what a coach would fix in the picked stories before the
	// interview (lint.Picks: a failure story without its lesson, stories
	// without follow-ups), for the notes' checklist.
	Findings []lint.Finding

	// Speech is the speaking-time model: every output shows a story's time
	// as Speech.Clock (m:ss), the same figure everywhere. Zero is the
	// default model.
	Speech stories.Speech
	// Lint is the workspace's lint settings: the workbook flags each
	// story with the rules it trips (lint.Flags). Zero is every default.
	Lint lint.Config
	// Cues are the names the stories go by (stories.Heading), worked out
	// ahead of the outputs, which show each several times (see
	// WorkOutCues); nil or a story it lacks: Cue works it out.
	Cues map[*stories.Story]string

	Generated time.Time // the build date; fixed by --date or SOURCE_DATE_EPOCH
	Redacted  bool      // redaction rules were applied
	Paper     string    // "A4" or "Letter"
}

// Heading is the packet's one-line title: "Company: Title", or what of it is set.
func (p *Packet) Heading() string {
	switch {
	case p.Company != "" && p.Title != "":
		return p.Company + ": " + p.Title
	case p.Title != "":
		return p.Title
	case p.Company != "":
		return p.Company
	}
	return "Story bank"
}

// Time is how long story s takes to tell, m:ss: the one figure every
// output shows for it.
func (p *Packet) Time(s *stories.Story) string { return p.Speech.Clock(s) }

// Fit times story s as an answer to question q against the window of its
// kind of answer.
func (p *Packet) Fit(s *stories.Story, q *stories.Question) stories.Fit { return p.Speech.Fit(s, q) }

// Advice says what to change in story s to fit the window of q's kind of
// answer ("expand the Action and the Result"); "" when it fits.
func (p *Packet) Advice(s *stories.Story, q *stories.Question) string {
	fit := p.Fit(s, q)
	if fit.Inside() {
		return ""
	}
	return lint.LengthAdvice(s, fit, p.Speech)
}

// Cue is the name story s goes by in every output (stories.Heading: its
// cue, or a headline of the rest when the cue only repeats its opening),
// from Cues when it is there.
func (p *Packet) Cue(s *stories.Story) string {
	if c, ok := p.Cues[s]; ok {
		return c
	}
	return stories.Heading(s)
}

// WorkOutCues works out the name of each story (stories.Heading), on every
// processor: deriving a headline from a story's text is most of what it
// costs, and each output shows it more than once.
func WorkOutCues(ss []*stories.Story) map[*stories.Story]string {
	cues := make([]string, len(ss))
	n := min(runtime.GOMAXPROCS(0), len(ss)/64+1)
	var wg sync.WaitGroup
	for w := range n {
		wg.Go(func() {
			for i := w; i < len(ss); i += n {
				cues[i] = stories.Heading(ss[i])
			}
		})
	}
	wg.Wait()
	out := make(map[*stories.Story]string, len(ss))
	for i, s := range ss {
		out[s] = cues[i]
	}
	return out
}

// ToDo says what to add to the picked stories before the interview, from
// the packet's Findings: a lesson for each failure story that has none,
// and one line for the stories without follow-ups. Stories go by their
// cue (see ToDoNamed).
func (p *Packet) ToDo() []string { return p.ToDoNamed(p.Cue) }

// ToDoNamed is ToDo with the stories named by name.
func (p *Packet) ToDoNamed(name func(*stories.Story) string) []string {
	var out, noFollowups []string
	for _, f := range p.Findings {
		what := f.Story
		if s := p.Bank.Story(f.Story); s != nil {
			what = name(s)
		}
		switch f.Rule {
		case lint.Lesson:
			out = append(out, fmt.Sprintf("Add what you would do differently (`lesson:`) to %q", what))
		case lint.Followups:
			noFollowups = append(noFollowups, fmt.Sprintf("%q", what))
		}
	}
	if len(noFollowups) > 0 {
		out = append(out, "Write two or three likely follow-up questions (`followups:`) for "+strings.Join(noFollowups, ", "))
	}
	return out
}

// AskList is the questions to ask the interviewer: the role's own, then
// built-in ones fit to the packet's questions, n in all.
func (p *Packet) AskList(n int) []string {
	var qs []*stories.Question
	if p.Selection != nil {
		for _, a := range p.Selection.Answers {
			qs = append(qs, a.Question)
		}
	}
	return stories.QuestionsToAsk(p.Ask, qs, n)
}

// Highlights returns the projects behind the picked stories that carry
// résumé highlights, each once, in the order their first story is picked.
func (p *Packet) Highlights() []*stories.Project {
	var out []*stories.Project
	seen := map[*stories.Project]bool{}
	if p.Selection == nil {
		return nil
	}
	for _, a := range p.Selection.Answers {
		for _, pk := range a.Picks {
			pr := pk.Story.Project
			if pr == nil || seen[pr] || len(pr.Highlights) == 0 {
				continue
			}
			seen[pr] = true
			out = append(out, pr)
		}
	}
	return out
}

// Redact returns a copy of the packet with every text, the stories'
// included, passed through r, and marked as redacted.
func (p *Packet) Redact(r *stories.Redactor) *Packet {
	q := *p
	q.Redacted = true
	q.Candidate.Name, q.Candidate.Email, q.Candidate.Pitch = r.Apply(p.Candidate.Name), r.Apply(p.Candidate.Email), r.Apply(p.Candidate.Pitch)
	q.Company, q.Title, q.JobDescription = r.Apply(p.Company), r.Apply(p.Title), r.Apply(p.JobDescription)
	q.Focus, q.Keywords, q.Ask = r.ApplyAll(p.Focus), r.ApplyAll(p.Keywords), r.ApplyAll(p.Ask)
	bank, moved := p.Bank.Redact(r)
	q.Bank = bank
	if p.Cues != nil {
		q.Cues = WorkOutCues(bank.Stories())
	}
	q.Selection = redactSelection(p.Selection, r, moved)
	q.Findings = nil
	for _, f := range p.Findings {
		id := r.ApplyID(f.Story)
		f.Message, f.Story = r.Apply(strings.ReplaceAll(f.Message, f.Story, id)), id
		q.Findings = append(q.Findings, f)
	}
	q.Loop = p.Loop.redact(r)
	q.Dir = "" // it names the role

	if p.Feedback != nil {
		q.Feedback = map[string]stories.Feedback{}
		for id, f := range p.Feedback {
			f.Story = r.ApplyID(f.Story)
			f.Status, f.Comment = r.Apply(f.Status), r.Apply(f.Comment)
			if f.Columns != nil {
				cols := map[string]string{}
				for h, v := range f.Columns {
					cols[r.Apply(h)] = r.Apply(v)
				}
				f.Columns = cols
			}
			f.Source = ""
			q.Feedback[r.ApplyID(id)] = f
		}
	}
	return &q
}

// redactSelection passes the words of a selection through r; moved maps
// the stories to their redacted copies.
func redactSelection(sel *tailor.Selection, r *stories.Redactor, moved map[*stories.Story]*stories.Story) *tailor.Selection {
	out := &tailor.Selection{Weights: sel.Weights}
	for _, k := range sel.Keywords {
		k.Term = r.Apply(k.Term)
		out.Keywords = append(out.Keywords, k)
	}
	picks := func(ps []tailor.Pick) []tailor.Pick {
		var out []tailor.Pick
		for _, pk := range ps {
			pk.Story = moved[pk.Story]
			pk.Reasons = r.ApplyAll(pk.Reasons)
			pk.Matched = pk.Matched.Redact(r)
			out = append(out, pk)
		}
		return out
	}
	for _, a := range sel.Answers {
		out.Answers = append(out.Answers, tailor.Answer{Question: RedactQuestion(a.Question, r), Picks: picks(a.Picks), Alternates: picks(a.Alternates)})
	}
	for _, g := range sel.Gaps {
		g.Reason, g.Keyword = r.Apply(g.Reason), r.Apply(g.Keyword)
		if g.Question != nil {
			g.Question = RedactQuestion(g.Question, r)
		}
		out.Gaps = append(out.Gaps, g)
	}
	evidence := func(e tailor.Evidence) tailor.Evidence {
		e.Story, e.Words, e.Project = moved[e.Story], r.ApplyAll(e.Words), r.ApplyAll(e.Project)
		return e
	}
	for _, req := range sel.Requirements {
		req.Text, req.Terms, req.Missing = r.Apply(req.Text), r.ApplyAll(req.Terms), r.ApplyAll(req.Missing)
		ev := req.Evidence
		req.Evidence = nil
		for _, e := range ev {
			req.Evidence = append(req.Evidence, evidence(e))
		}
		if req.Bridge != nil {
			b := evidence(*req.Bridge)
			req.Bridge = &b
		}
		out.Requirements = append(out.Requirements, req)
	}
	return out
}
