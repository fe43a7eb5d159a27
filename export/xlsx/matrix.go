package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/starpack/starpack/stories"
)

const (
	matrixQuestionWidth = 34
	matrixProjectWidth  = 32
	projectsPerPage     = 5 // matrix columns printed per landscape page
)

// grid is the Matrix's content: its questions (rows), the projects with
// stories (columns) and the stories of each cell.
type grid struct {
	questions []*stories.Question
	projects  []*stories.Project
	cells     map[string]map[int][]*stories.Story // question id -> project index -> stories
	// unanswered are the questions the role asks that no story answers
	// (red); weak those whose best story scores below the threshold (amber).
	unanswered, weak map[string]bool
}

func (b *book) grid() *grid {
	p := b.p
	g := &grid{questions: questions(p), cells: map[string]map[int][]*stories.Story{}, unanswered: map[string]bool{}, weak: map[string]bool{}}
	// A project with no stories (a résumé entry) would be a column of gaps.
	for _, pr := range p.Bank.Projects {
		if len(pr.Stories) > 0 {
			g.projects = append(g.projects, pr)
		}
	}
	for _, q := range g.questions {
		g.cells[q.ID] = map[int][]*stories.Story{}
	}
	for pi, pr := range g.projects {
		for _, s := range pr.Stories {
			if row, ok := g.cells[b.cat.Resolve(s.Question).ID]; ok {
				row[pi] = append(row[pi], s)
			}
		}
	}
	if p.Selection != nil {
		for _, a := range p.Selection.Answers {
			if len(a.Picks) == 0 {
				g.unanswered[a.Question.ID] = true
			}
		}
		for _, gap := range p.Selection.Gaps {
			if gap.Question != nil && !g.unanswered[gap.Question.ID] {
				g.weak[gap.Question.ID] = true
			}
		}
	}
	return g
}

// matrix writes the Matrix sheet: questions by projects, each cell the
// cues of the project's stories for the question, then a legend of its
// colours.
func (b *book) matrix() error {
	const sheet = SheetMatrix
	g := b.grid()
	if err := b.matrixHeader(g); err != nil {
		return err
	}
	for qi, q := range g.questions {
		if err := b.matrixRow(g, q, qi+2); err != nil {
			return err
		}
	}
	if err := b.legend(g, len(g.questions)+3); err != nil {
		return err
	}
	if err := b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: "B2", ActiveCell: "B2", Pane: "bottomRight"}}}); err != nil {
		return err
	}
	wide := max(1, (len(g.projects)+projectsPerPage-1)/projectsPerPage)
	return b.print(sheet, layout{wide: wide, titleCols: 1})
}

// matrixHeader writes the header row (Question, then a project a column)
// and the column widths.
func (b *book) matrixHeader(g *grid) error {
	f, sheet := b.f, SheetMatrix
	if err := f.SetCellStr(sheet, "A1", "Question"); err != nil {
		return err
	}
	headerLines := 1
	for pi, pr := range g.projects {
		head := pr.Project
		if extra := joinNonEmpty(", ", pr.Company, pr.When); extra != "" {
			head += "\n(" + extra + ")"
		}
		headerLines = max(headerLines, lines(head, matrixProjectWidth))
		if err := f.SetCellStr(sheet, cellName(pi+2, 1), head); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sheet, "A1", cellName(len(g.projects)+1, 1), b.s.header); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, 1, height(headerLines)); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "A", "A", matrixQuestionWidth); err != nil {
		return err
	}
	if len(g.projects) == 0 {
		return nil
	}
	return f.SetColWidth(sheet, "B", colName(len(g.projects)+1), matrixProjectWidth)
}

// matrixRow writes the row of question q: its title and ask, coloured by
// how the role's answer stands, and a cell per project.
func (b *book) matrixRow(g *grid, q *stories.Question, row int) error {
	f, sheet := b.f, SheetMatrix
	style := b.s.question
	switch {
	case g.unanswered[q.ID]:
		style = b.s.questionGap
	case g.weak[q.ID]:
		style = b.s.questionWeak
	}
	runs := []excelize.RichTextRun{{Text: q.Title, Font: font(excelize.Font{Bold: true})}}
	h := height(lines(q.Title, matrixQuestionWidth))
	if ask := strings.TrimSpace(q.Ask); ask != "" && ask != q.Title {
		runs = append(runs, excelize.RichTextRun{Text: "\n" + ask, Font: font(excelize.Font{Italic: true, Color: inkMuted, Size: 9})})
		// 9pt lines, in a column of 11pt characters
		h += float64(lines(ask, matrixQuestionWidth*11/9)) * smallLineHeight
	}
	a1 := cellName(1, row)
	if err := f.SetCellRichText(sheet, a1, runs); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, a1, a1, style); err != nil {
		return err
	}
	for pi := range g.projects {
		lines, err := b.matrixCell(cellName(pi+2, row), g.cells[q.ID][pi], g.unanswered[q.ID])
		if err != nil {
			return err
		}
		h = max(h, height(lines))
	}
	return f.SetRowHeight(sheet, row, min(h, maxHeight))
}

// matrixCell writes the cell of one question and project: the cues of
// its stories, the picked ones bold on green, or a dash, red when no story
// answers the question the role asks and grey when only this project has
// none. It returns the lines the cell takes.
func (b *book) matrixCell(ref string, list []*stories.Story, unanswered bool) (int, error) {
	f, sheet := b.f, SheetMatrix
	style, n := b.s.cell, 1
	var err error
	switch {
	case len(list) == 0:
		style = b.s.empty
		if unanswered {
			style = b.s.gap
		}
		err = f.SetCellStr(sheet, ref, Gap)
	case len(list) == 1:
		text := b.matrixCue(list[0])
		n = lines(text, matrixProjectWidth)
		if b.picked(list[0]) {
			style = b.s.picked
		}
		err = f.SetCellStr(sheet, ref, text)
	default:
		runs, text, picked := b.cellRuns(list)
		if picked {
			style = b.s.picked
		}
		n = lines(text, matrixProjectWidth)
		err = f.SetCellRichText(sheet, ref, runs)
	}
	if err != nil {
		return 0, err
	}
	return n, f.SetCellStyle(sheet, ref, ref, style)
}

// picked reports whether s is marked as picked.
func (b *book) picked(s *stories.Story) bool { return b.marks && b.story(s).question != nil }

// cellRuns is the matrix cell of several stories answering one question
// for one project: a paragraph each, the picked ones bold. When their cues
// run past what a cell holds, the cell ends at the last cue that fits with
// a note of how many stories it leaves out (the Stories sheet lists them
// all). It returns the runs, their text and whether any story is picked.
func (b *book) cellRuns(list []*stories.Story) ([]excelize.RichTextRun, string, bool) {
	var runs []excelize.RichTextRun
	var all strings.Builder
	picked, size := false, 0
	const room = 80 // for the note
	for i, s := range list {
		text := b.matrixCue(s)
		if i > 0 {
			text = "\n\n" + text
		}
		n := utf16Len(text)
		if size+n > MaxCellChars-room {
			note := fmt.Sprintf("\n\n… and %d more %s: see the Stories sheet", len(list)-i, plural(len(list)-i, "story", "stories"))
			runs = append(runs, excelize.RichTextRun{Text: note, Font: font(excelize.Font{Italic: true, Color: inkMuted})})
			all.WriteString(note)
			break
		}
		size += n
		all.WriteString(text)
		run := excelize.RichTextRun{Text: text, Font: font(excelize.Font{})}
		if b.picked(s) {
			run.Font.Bold = true
			picked = true
		}
		runs = append(runs, run)
	}
	return runs, all.String(), picked
}

// matrixCue is a story's matrix cell: its cue and, on a second line, the
// key figure of its result (else of its telling) with its unit, unless the
// cue says it already.
func (b *book) matrixCue(s *stories.Story) string {
	text := b.story(s).cue
	n := stories.KeyFigure(stories.Plain(s.Result), stories.Plain(s.Action), stories.Plain(s.Situation))
	if n != "" && !strings.Contains(squeeze(text), squeeze(n)) {
		text += "\n→ " + n
	}
	return text
}

// squeeze drops the spaces of s: "< 1%" is "<1%".
func squeeze(s string) string { return strings.ReplaceAll(s, " ", "") }

// legendRow is one line of the Matrix's legend: a sample cell in its
// style and what it means.
type legendRow struct {
	sample string
	style  int
	says   string
}

// legend writes what each colour of the Matrix means, from row on.
func (b *book) legend(g *grid, row int) error {
	f, sheet := b.f, SheetMatrix
	rows := b.legendRows(g)
	if err := f.SetCellStr(sheet, cellName(1, row), "What the colours mean"); err != nil {
		return err
	}
	if err := f.SetCellStr(sheet, cellName(2, row), "Rate and comment on the Coach sheet (or the Stories sheet), then send the file back."); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, cellName(2, row), cellName(2, row), b.s.legend); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, cellName(1, row), cellName(1, row), b.s.swatchText); err != nil {
		return err
	}
	for i, l := range rows {
		r := row + 1 + i
		if err := f.SetCellStr(sheet, cellName(1, r), l.sample); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cellName(1, r), cellName(1, r), l.style); err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, cellName(2, r), l.says); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cellName(2, r), cellName(2, r), b.s.legend); err != nil {
			return err
		}
		if err := f.SetRowHeight(sheet, r, lineHeight+2); err != nil {
			return err
		}
	}
	return nil
}

// legendRows are the legend's lines for this packet.
func (b *book) legendRows(g *grid) []legendRow {
	var rows []legendRow
	if b.marks {
		rows = append(rows,
			legendRow{"Story cue", b.s.picked, "Picked for this role: bold on green."},
			legendRow{"Story cue", b.s.cell, "A story of the project for the question, not picked: an alternate, or for another role."})
	} else {
		rows = append(rows, legendRow{"Story cue", b.s.cell, "A story of the project for the question. Every story of the packet is shown; none is marked as picked."})
	}
	rows = append(rows,
		legendRow{Gap, b.s.empty, "Grey: this project has no story for this question. Nothing to do: another project answers it."},
		legendRow{"→ 40%", b.s.cell, "The key figure of the story's result, with its unit."})
	if b.marks || len(g.unanswered) > 0 {
		rows = append(rows, legendRow{"Question", b.s.questionGap,
			"Red: the role asks this question and no story answers it (" + Gap + " on red across its row). Write a story for it."})
	}
	if b.marks || len(g.weak) > 0 {
		rows = append(rows, legendRow{"Question", b.s.questionWeak, "Amber: the best story for this question scores below the threshold: a weak answer."})
	}
	return rows
}
