// Package export holds what every output format renders: the Packet, one
// job application's stories chosen and ready to print. Each format lives in
// its own sub-package (markdown, pdf, xlsx), takes a Packet and writes to an
// io.Writer; formats never import each other and never decide where files
// go. export/packet, the pipeline, runs them and writes their files.
package export

import (
	"time"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/stories"
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
	Keywords  []string // job-description keywords, most telling first

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
	q.Company, q.Title = r.Apply(p.Company), r.Apply(p.Title)
	q.Focus, q.Keywords = r.ApplyAll(p.Focus), r.ApplyAll(p.Keywords)
	bank, moved := p.Bank.Redact(r)
	q.Bank = bank
	sel := &tailor.Selection{Weights: p.Selection.Weights}
	for _, k := range p.Selection.Keywords {
		k.Term = r.Apply(k.Term)
		sel.Keywords = append(sel.Keywords, k)
	}
	for _, a := range p.Selection.Answers {
		na := tailor.Answer{Question: RedactQuestion(a.Question, r)}
		for _, pk := range a.Picks {
			pk.Story = moved[pk.Story]
			pk.Reasons = r.ApplyAll(pk.Reasons)
			pk.Matched = pk.Matched.Redact(r)
			na.Picks = append(na.Picks, pk)
		}
		sel.Answers = append(sel.Answers, na)
	}
	for _, g := range p.Selection.Gaps {
		g.Reason, g.Keyword = r.Apply(g.Reason), r.Apply(g.Keyword)
		if g.Question != nil {
			g.Question = RedactQuestion(g.Question, r)
		}
		sel.Gaps = append(sel.Gaps, g)
	}
	q.Selection = sel
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
