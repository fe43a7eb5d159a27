package xlsx

import (
	"fmt"
	"strings"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/tailor"
)

// The Role sheet's columns: a label, then two wide ones.
var roleWidths = []float64{30, 64, 52}

// askCount is how many questions to ask the Role sheet lists.
const askCount = 5

// sheetWriter writes a sheet row by row, keeping the first error.
type sheetWriter struct {
	b     *book
	sheet string
	row   int
	err   error
}

// cell writes text in column col of the current row, in style.
func (w *sheetWriter) cell(col int, text string, style int) {
	if w.err != nil {
		return
	}
	ref := cellName(col, w.row)
	if text != "" {
		w.err = w.b.f.SetCellStr(w.sheet, ref, text)
	}
	if w.err == nil {
		w.err = w.b.f.SetCellStyle(w.sheet, ref, ref, style)
	}
}

// wide writes text across every column of the current row, in style.
func (w *sheetWriter) wide(text string, style int) {
	w.cell(1, text, style)
	if w.err == nil {
		w.err = w.b.f.MergeCell(w.sheet, cellName(1, w.row), cellName(len(roleWidths), w.row))
	}
	w.fit(lines(text, roleWidths[0]+roleWidths[1]+roleWidths[2]))
}

// fit sets the current row's height to n lines, when more than one.
func (w *sheetWriter) fit(n int) {
	if w.err == nil && n > 1 {
		w.err = w.b.f.SetRowHeight(w.sheet, w.row, height(n))
	}
}

// next moves to the next row.
func (w *sheetWriter) next() { w.row++ }

// section starts a section of the sheet: a blank row, then its title.
func (w *sheetWriter) section(title string) {
	w.row += 2
	w.wide(title, w.b.s.section)
	if w.err == nil {
		w.err = w.b.f.SetRowHeight(w.sheet, w.row, 22)
	}
	w.next()
}

// table writes a row of up to three texts, each wrapped in its column,
// in styles (one per text, or one for all); the second of two texts spans
// the last two columns.
func (w *sheetWriter) table(texts []string, styles ...int) {
	n := 1
	for i, t := range texts {
		st := styles[0]
		if i < len(styles) {
			st = styles[i]
		}
		w.cell(i+1, t, st)
		width := roleWidths[i]
		if i == 1 && len(texts) == 2 {
			width += roleWidths[2]
			if w.err == nil {
				w.err = w.b.f.MergeCell(w.sheet, cellName(2, w.row), cellName(3, w.row))
			}
		}
		n = max(n, lines(t, width))
	}
	w.fit(n)
	w.next()
}

// role writes the Role sheet: the application, the job description in
// full, the requirement map, the questions with the stories picked for
// them, the keywords and the questions to ask.
func (b *book) role() error {
	w := &sheetWriter{b: b, sheet: SheetRole, row: 1}
	w.cell(1, b.p.Heading(), b.s.titleStyle)
	if w.err == nil {
		w.err = b.f.SetRowHeight(SheetRole, 1, 24)
	}
	w.row = 3
	b.roleFacts(w)
	if b.p.JobDescription != "" || b.p.Loop != nil { // a role's packet: the whole bank's has no loop
		b.jobDescription(w)
	}
	if b.p.Selection != nil && len(b.p.Selection.Requirements) > 0 {
		b.requirements(w)
	}
	b.roleQuestions(w)
	b.roleKeywords(w)
	if b.p.Company != "" || len(b.p.Ask) > 0 {
		w.section("Questions to ask them")
		for i, q := range b.p.AskList(askCount) {
			w.table([]string{fmt.Sprintf("%d.", i+1), q}, b.s.key, b.s.value)
		}
	}
	for i, width := range roleWidths {
		if w.err == nil {
			w.err = b.f.SetColWidth(SheetRole, colName(i+1), colName(i+1), width)
		}
	}
	if w.err != nil {
		return w.err
	}
	return b.print(SheetRole, layout{wide: 1})
}

// roleFacts writes what the packet is for, a fact a row: what the packet
// does not say is left out, but the role is always named (an import finds
// the role id here).
func (b *book) roleFacts(w *sheetWriter) {
	p := b.p
	idRow := "Role id"
	if p.Redacted {
		idRow = "Packet" // a label: a redacted copy never names the role
	}
	gen := ""
	if !p.Generated.IsZero() {
		gen = p.Generated.UTC().Format("2006-01-02")
	}
	facts := [][2]string{
		{idRow, p.RoleID}, {"Company", p.Company}, {"Title", p.Title}, {"Interview date", p.Interview},
		{"Round", p.Loop.RoundLine()}, {"Candidate", p.Candidate.Name}, {"Focus", strings.Join(p.Focus, ", ")},
		{"Generated", gen},
	}
	if p.Redacted {
		facts = append(facts, [2]string{"Copy", "redacted copy: names and places replaced by the redaction rules"})
	}
	for _, f := range facts {
		if f[1] != "" || f[0] == idRow {
			w.table([]string{f[0], f[1]}, b.s.key, b.s.value)
		}
	}
}

// jobDescription writes the job description in full: a paragraph, list
// item or heading a row, the lines of a paragraph joined so that it
// reflows.
func (b *book) jobDescription(w *sheetWriter) {
	w.section("Job description")
	jd := strings.TrimSpace(b.p.JobDescription)
	if jd == "" {
		w.wide("The role file has no job description: add job_description (or job_description_file) to match stories to it.", b.s.legend)
		w.next()
		return
	}
	for _, para := range jdRows(jd) {
		style := b.s.value
		if strings.HasSuffix(para, ":") || strings.HasPrefix(para, "#") {
			style = b.s.key
		}
		w.wide(para, style)
		w.next()
	}
}

// jdRows splits a job description into its paragraphs, list items and
// headings, each on one line.
func jdRows(jd string) []string {
	var out []string
	open := false // the last row is a paragraph the next line continues
	for line := range strings.SplitSeq(jd, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			open = false
		case open && !startsItem(t):
			out[len(out)-1] += " " + t
		default:
			out = append(out, t)
			open = !strings.HasSuffix(t, ":") && !strings.HasPrefix(t, "#")
		}
	}
	return out
}

// startsItem reports whether a line starts a list item of its own.
func startsItem(t string) bool {
	for _, m := range []string{"- ", "* ", "• ", "+ "} {
		if strings.HasPrefix(t, m) {
			return true
		}
	}
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')')
}

// requirements writes the requirement map: each requirement, the stories
// that evidence it, and what no story says yet (or the gap, and the story
// to bridge from).
func (b *book) requirements(w *sheetWriter) {
	w.section("What the job asks for")
	w.table([]string{"Requirement", "Your evidence", "Not yet said, or the gap"}, b.s.header)
	for _, r := range b.p.Selection.Requirements {
		text := r.Text
		if r.Section != "" && r.Section != tailor.Requirements {
			text += " (" + string(r.Section) + ")"
		}
		var ev []string
		for _, e := range r.Evidence {
			ev = append(ev, evidenceLine(e))
		}
		gapStyle, gap := b.s.body, ""
		switch {
		case r.Gap():
			gapStyle, gap = b.s.questionGap, "Gap: no story says "+strings.Join(r.Terms, ", ")
			if r.Bridge != nil {
				gap += "\nBridge from " + evidenceLine(*r.Bridge)
			}
		case len(r.Missing) > 0:
			gap = "Not yet said: " + strings.Join(r.Missing, ", ")
		}
		w.table([]string{text, strings.Join(ev, "\n"), gap}, b.s.body, b.s.body, gapStyle)
	}
}

// evidenceLine is one story of a requirement's evidence: its cue, id
// (picked or not) and the words that matched.
func evidenceLine(e tailor.Evidence) string {
	words := strings.Join(e.Words, ", ")
	if len(e.Project) > 0 {
		words = "its project says " + strings.Join(e.Project, ", ")
	}
	picked := ""
	if e.Picked {
		picked = ", picked"
	}
	return fmt.Sprintf("%s (%s%s): %s", stories.Heading(e.Story), e.Story.ID, picked, words)
}

// roleQuestions writes the questions of the packet, as an interviewer
// asks them, with the stories picked for each.
func (b *book) roleQuestions(w *sheetWriter) {
	if b.p.Selection == nil || len(b.p.Selection.Answers) == 0 {
		return
	}
	w.section("Questions")
	w.table([]string{"Question", "As an interviewer asks it", "Your story"}, b.s.header)
	for i, a := range b.p.Selection.Answers {
		var picks []string
		for _, pk := range a.Picks {
			picks = append(picks, fmt.Sprintf("%s (%s, %s)", b.story(pk.Story).cue, pk.Story.ID, b.p.Time(pk.Story)))
		}
		style := b.s.body
		if len(picks) == 0 {
			picks, style = []string{"No story answers it yet: write one."}, b.s.questionGap
		}
		w.table([]string{fmt.Sprintf("%d. %s", i+1, a.Question.Title), a.Question.Ask, strings.Join(picks, "\n")}, b.s.body, b.s.body, style)
	}
}

// roleKeywords writes the job description's keywords, those no picked
// story mentions, and the questions whose stories are weak.
func (b *book) roleKeywords(w *sheetWriter) {
	p := b.p
	if len(p.Keywords) == 0 && (p.Selection == nil || len(p.Selection.Gaps) == 0) {
		return
	}
	w.section("Keywords and gaps")
	if len(p.Keywords) > 0 {
		w.table([]string{"Job-description keywords", strings.Join(p.Keywords, ", ")}, b.s.key, b.s.value)
	}
	if p.Selection == nil {
		return
	}
	var keywords, questions []string
	for _, g := range p.Selection.Gaps {
		if g.Question != nil {
			questions = append(questions, g.Question.Title+": "+g.Reason)
		} else {
			keywords = append(keywords, g.Keyword)
		}
	}
	if len(keywords) > 0 {
		w.table([]string{"No picked story mentions", strings.Join(keywords, ", ")}, b.s.key, b.s.value)
	}
	if len(questions) > 0 {
		w.table([]string{"Questions without a strong story", strings.Join(questions, "\n")}, b.s.key, b.s.value)
	}
}
