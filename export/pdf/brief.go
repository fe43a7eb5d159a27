package pdf

import (
	"cmp"
	"fmt"
	"io"
	"slices"

	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/tailor"
)

// Type sizes of the brief, in points, and its columns, in millimetres.
const (
	bodySize   = 10.0
	smallSize  = 8.5
	labelSize  = 6.8
	cueSize    = 12.0
	qTitleSize = 16.0
	h1Size     = 17.0
	h2Size     = 11.0
	labelW     = 27.0 // the column of labels (SITUATION, LEAD WITH, ...) left of the text
	// maxMeasure is the widest text column: about 80 characters of body
	// text, so that lines stay easy to follow on any paper and margins.
	maxMeasure = 146.0
)

// DefaultTopPerQuestion is how many stories per question the brief shows
// when a packet has more (the whole bank, or a large per_question).
const DefaultTopPerQuestion = 5

// Brief writes the prep brief of a packet: a cover with the plan of the
// interview at a glance (an index of the stories for the whole bank), the
// role fit (the job description's requirements and the stories that show
// them, and the gaps), one section per question with its stories, the
// questions to ask, a closing "Before you go" page and the job description
// as an appendix. Warnings name characters no font could draw and say when
// stories were left to the notes and the workbook. Errors come from the
// options (a bad accent colour or fallback font) or from writing.
func Brief(w io.Writer, p *export.Packet, opt Options) ([]string, error) {
	_, warnings, err := writeBrief(w, p, opt)
	return warnings, err
}

func writeBrief(w io.Writer, p *export.Packet, opt Options) (*doc, []string, error) {
	d, err := newDoc(p, opt, "prep brief")
	if err != nil {
		return nil, nil, err
	}
	b := &brief{d: d, p: p, pageOf: map[string]int{}}
	b.shown, b.hidden = topAnswers(p, opt.TopPerQuestion)
	b.layout()
	warnings, err := d.finish(w)
	return d, warnings, err
}

type brief struct {
	d  *doc
	p  *export.Packet
	fl *flow
	// textX and textW are the text column of the story sections, right of
	// the labels.
	textX, textW float64
	shown        []shownAnswer
	hidden       int            // stories left out by the top-N cap
	pageOf       map[string]int // the page of each story's heading, by id
	later        []func()       // drawn once every page is placed: page numbers
}

// shownAnswer is a question and the stories the brief shows for it.
type shownAnswer struct {
	tailor.Answer
	more int // picks left out: in the notes and the workbook only
}

// topAnswers cuts each answer to its n best-scoring picks (n <= 0: the
// default), and counts what was left out.
func topAnswers(p *export.Packet, n int) ([]shownAnswer, int) {
	if n <= 0 {
		n = DefaultTopPerQuestion
	}
	if p.Selection == nil {
		return nil, 0
	}
	var out []shownAnswer
	hidden := 0
	for _, a := range p.Selection.Answers {
		sa := shownAnswer{Answer: a}
		if len(a.Picks) > n {
			picks := slices.Clone(a.Picks)
			slices.SortStableFunc(picks, func(x, y tailor.Pick) int { return cmp.Compare(y.Score, x.Score) })
			sa.Picks, sa.more = picks[:n], len(a.Picks)-n
			hidden += sa.more
		}
		out = append(out, sa)
	}
	return out, hidden
}

func (b *brief) layout() {
	d := b.d
	top, bot := d.margin, d.pageH-d.margin
	if d.margin < 14 { // the running header and footer need room of their own
		top, bot = d.margin+9, d.pageH-d.margin-9
	}
	b.fl = &flow{d: d, x: d.margin, w: d.pageW - 2*d.margin, top: top, bot: bot, marks: map[int]string{}}
	b.textX = d.margin + labelW
	b.textW = min(b.fl.w-labelW, maxMeasure)
	b.cover()
	if b.p.RoleID == "all" || b.hidden > 0 {
		b.index()
	} else {
		b.glance()
	}
	b.highlights()
	b.roleFit()
	b.sections()
	b.closing()
	b.appendix()
	for _, f := range b.later {
		f()
	}
	b.decorate()
	if b.hidden > 0 {
		d.warnings = append(d.warnings, fmt.Sprintf("the brief shows the best %s of each question; the other %s are in notes.md and matrix.xlsx",
			stories.Count(b.topN(), "story", "stories"), thousands(b.hidden)))
	}
}

// topN is how many stories a question shows at most.
func (b *brief) topN() int {
	n := 0
	for _, a := range b.shown {
		n = max(n, len(a.Picks))
	}
	return n
}

// decorate draws the running header (the packet and the section the page
// is in) and the footer ("Page X of Y"), once the page count is known.
func (b *brief) decorate() {
	d := b.d
	n := d.f.PageCount()
	headBase, headRule := d.margin-5, d.margin-3.2
	footBase := d.pageH - d.margin + 7
	if d.margin < 14 {
		headBase, headRule = d.margin+4, d.margin+5.8
		footBase = d.pageH - d.margin - 1
	}
	right := d.pageW - d.margin
	left := "Prep brief · " + day(b.p.Generated)
	if b.p.Candidate.Name != "" {
		left = b.p.Candidate.Name + " · " + left
	}
	if b.p.Redacted {
		left = "Redacted copy · " + left
	}
	heading := smart(b.p.Heading())
	for i := 1; i <= n; i++ {
		d.gotoPage(i)
		d.source = "role"
		if i > 1 {
			w := 0.0
			if m := b.fl.marks[i]; m != "" {
				w = d.text(right, headBase, m, bold, 7.5, d.accent, (right-d.margin)*0.6, 'R')
			}
			d.text(d.margin, headBase, heading, regular, 7.5, muted, right-d.margin-w-6, 'L')
			d.rule(d.margin, headRule, right, d.accentLight, 0.3)
		}
		d.source = "candidate"
		d.text(d.margin, footBase, left, regular, 7.5, faint, (right-d.margin)*0.7, 'L')
		d.text(right, footBase, fmt.Sprintf("Page %d of %d", i, n), regular, 7.5, muted, 0, 'R')
	}
	d.source = ""
}

// onPage records the page a story's heading is drawn on, for the page
// numbers of the glance table and the index.
func (b *brief) onPage(id string) {
	if _, ok := b.pageOf[id]; !ok {
		b.pageOf[id] = b.d.f.PageNo()
	}
}

// pageNumber draws, once every page is placed, the page of story id
// right-aligned at x on the current page.
func (b *brief) pageNumber(id string, x, baseline, size float64) {
	d := b.d
	page := d.f.PageNo()
	b.later = append(b.later, func() {
		n, ok := b.pageOf[id]
		if !ok {
			return
		}
		d.gotoPage(page)
		d.text(x, baseline, fmt.Sprint(n), regular, size, muted, 0, 'R')
	})
}

func projectName(s *stories.Story) string {
	if s.Project == nil {
		return ""
	}
	return s.Project.Project
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// thousands writes n with thousands separators: 10,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
