package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/starpack/starpack/stories"
)

// coachHeaders are the Coach sheet's columns, in order; the coach's own
// columns go after Comments, before ID.
var coachHeaders = []string{"Question", "Cue", "Result", "Time", "Aim", "Rating", "Status", "Comments", "ID"}

// coachWidths are their widths, in characters: together about what a
// landscape page holds at 80%.
var coachWidths = []float64{20, 28, 40, 7, 10, 8, 12, 36, 22}

const (
	coachTime    = 4 // 1-based columns of the Coach sheet
	coachRating  = 6
	coachStatus  = 7
	coachComment = 8

	resultChars = 160 // the Coach sheet's shortened Result
)

// coach writes the Coach sheet, streamed: a row per picked story, then
// the alternates, each with its cue, shortened result, time against the
// window of its question's kind of answer and the coach's cells. It prints
// one page wide, the header row on every page.
func (b *book) coach() error {
	const sheet = SheetCoach
	headers, widths := b.coachColumns()
	last := max(2, len(b.rows)+1)
	lastCol := colName(len(headers))
	if err := b.f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", lastCol, last), nil); err != nil {
		return err
	}
	if err := b.dropDowns(sheet, coachRating, coachStatus, last); err != nil {
		return err
	}
	times := make([]stories.Fit, len(b.rows))
	for i, r := range b.rows {
		times[i] = b.rowFit(r)
	}
	if err := b.conditionals(sheet, coachRating, coachStatus, coachTime, times); err != nil {
		return err
	}
	if err := b.print(sheet, layout{wide: 1}); err != nil {
		return err
	}
	sw, err := b.stream(sheet, headers, widths, 0)
	if err != nil {
		return err
	}
	if len(b.rows) == 0 {
		note := "No story is picked for this packet: the Stories sheet lists the whole bank."
		if err := sw.SetRow("A2", []any{excelize.Cell{StyleID: b.s.legend, Value: note}}); err != nil {
			return err
		}
	}
	row := make([]any, len(headers))
	for i, r := range b.rows {
		n := b.coachRow(row, r)
		if err := sw.SetRow(cellName(1, i+2), row, excelize.RowOpts{Height: height(n)}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// coachColumns are the Coach sheet's headers and widths: the coach's own
// columns after Comments, the ID last.
func (b *book) coachColumns() ([]string, []float64) {
	headers := append([]string{}, coachHeaders[:coachComment]...)
	widths := append([]float64{}, coachWidths[:coachComment]...)
	for _, h := range b.extra {
		headers, widths = append(headers, h), append(widths, extraWidth)
	}
	return append(headers, coachHeaders[coachComment:]...), append(widths, coachWidths[coachComment:]...)
}

// coachRow fills row with the cells of one Coach row and returns the
// lines the row takes.
// rowFit is the story's time against the window of the question its row
// lists it under: an alternate is told for that question, whatever
// question it was written for.
func (b *book) rowFit(r coachRow) stories.Fit {
	in := b.story(r.s)
	if !r.alt {
		return in.fit
	}
	return b.p.Speech.FitWords(in.words, stories.KindOf(r.q, r.s))
}

func (b *book) coachRow(row []any, r coachRow) int {
	in := b.story(r.s)
	body, minutes := b.s.body, b.s.minutes
	question := r.q.Title
	if r.alt {
		body, minutes = b.s.altBody, b.s.altMinutes
		question += " (alternate)"
	}
	result := shortResult(r.s)
	fb := b.p.Feedback[r.s.ID]
	row[0] = textCell(body, question)
	row[1] = textCell(body, in.cue)
	row[2] = textCell(body, result)
	fit := b.rowFit(r)
	row[coachTime-1] = clockCell(minutes, fit.Time)
	row[4] = textCell(body, fit.Window.String())
	b.coachCells(row[coachRating-1:], fb)
	row[len(row)-1] = textCell(body, r.s.ID)
	n := max(lines(question, coachWidths[0]), lines(in.cue, coachWidths[1]), lines(result, coachWidths[2]),
		lines(fb.Comment, coachWidths[coachComment-1]), idLines(r.s.ID, coachWidths[len(coachWidths)-1]))
	for _, h := range b.extra {
		n = max(n, lines(fb.Columns[h], extraWidth))
	}
	return n
}

// coachCells fills the coach's cells of a story's row: Rating, Status,
// Comments and the coach's own columns, as the feedback has them.
func (b *book) coachCells(cells []any, fb stories.Feedback) {
	cells[0] = excelize.Cell{StyleID: b.s.coachNumber}
	if fb.Rating != 0 {
		cells[0] = excelize.Cell{StyleID: b.s.coachNumber, Value: fb.Rating}
	}
	cells[1] = textCell(b.s.coach, fb.Status)
	cells[2] = textCell(b.s.coach, fb.Comment)
	for j, h := range b.extra {
		cells[3+j] = textCell(b.s.coach, fb.Columns[h])
	}
}

// shortResult is the Coach sheet's Result: the story's result (its notes,
// for an answer that is not STAR) on one line, shortened.
func shortResult(s *stories.Story) string {
	text := s.Result
	if strings.TrimSpace(text) == "" {
		text = s.Notes
	}
	return stories.Shorten(strings.Join(strings.Fields(stories.Plain(text)), " "), resultChars)
}

// stream starts the stream of a sheet whose settings are made: the header
// row frozen (and the first frozenCols columns), the widths, the headers.
func (b *book) stream(sheet string, headers []string, widths []float64, frozenCols int) (*excelize.StreamWriter, error) {
	sw, err := b.f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	topLeft, pane := cellName(frozenCols+1, 2), "bottomLeft"
	if frozenCols > 0 {
		pane = "bottomRight"
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: frozenCols, YSplit: 1, TopLeftCell: topLeft, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: pane}}}); err != nil {
		return nil, err
	}
	// The stream writer puts each new width first; add them last to first
	// so that the sheet lists its columns in order, as Excel requires.
	for i := len(widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return nil, err
		}
	}
	head := make([]any, len(headers))
	for i, h := range headers {
		head[i] = excelize.Cell{StyleID: b.s.header, Value: h}
	}
	return sw, sw.SetRow("A1", head, excelize.RowOpts{Height: 30})
}

// dropDowns puts the drop-downs on the Rating and Status columns of rows
// 2 to last of sheet.
func (b *book) dropDowns(sheet string, ratingCol, statusCol, last int) error {
	rating := excelize.NewDataValidation(true)
	rating.SetSqref(fmt.Sprintf("%s2:%s%d", colName(ratingCol), colName(ratingCol), last))
	if err := rating.SetDropList([]string{"1", "2", "3", "4", "5"}); err != nil {
		return err
	}
	rating.SetError(excelize.DataValidationErrorStyleStop, "Rating", "Rate the story from 1 (weak) to 5 (ready to tell).")
	rating.SetInput("Rating", "1 (weak) to 5 (ready to tell)")
	status := excelize.NewDataValidation(true)
	status.SetSqref(fmt.Sprintf("%s2:%s%d", colName(statusCol), colName(statusCol), last))
	if err := status.SetDropList(stories.Statuses); err != nil {
		return err
	}
	status.SetError(excelize.DataValidationErrorStyleStop, "Status", "Pick one of: "+strings.Join(stories.Statuses, ", ")+".")
	status.SetInput("Status", strings.Join(stories.Statuses, ", "))
	for _, dv := range []*excelize.DataValidation{rating, status} {
		if err := b.f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	return nil
}

// conditionals colours, in rows 2 on of sheet, the rating (1-2 red, 3
// amber, 4-5 green), the status (ready green, needs work amber) and, when
// timeCol is not 0, a time outside its window (amber); times are the rows'
// times, in order.
func (b *book) conditionals(sheet string, ratingCol, statusCol, timeCol int, times []stories.Fit) error {
	last := max(2, len(times)+1)
	column := func(col int) string { return fmt.Sprintf("%s2:%s%d", colName(col), colName(col), last) }
	rules := []cfRule{
		{column(ratingCol), []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: "between", MinValue: "1", MaxValue: "2", Format: &b.s.bad},
			{Type: "cell", Criteria: "==", Value: "3", Format: &b.s.soso},
			{Type: "cell", Criteria: "between", MinValue: "4", MaxValue: "5", Format: &b.s.good},
		}},
		{column(statusCol), []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: "==", Value: strconv.Quote("ready"), Format: &b.s.good},
			{Type: "cell", Criteria: "==", Value: strconv.Quote("needs work"), Format: &b.s.soso},
		}},
	}
	if timeCol == 0 {
		times = nil
	}
	for _, w := range windowRuns(times, colName(timeCol)) {
		rules = append(rules, cfRule{w.ref.String(), []excelize.ConditionalFormatOptions{{Type: "cell", Criteria: "not between",
			MinValue: number(dayFraction(w.window.Min)), MaxValue: number(dayFraction(w.window.Max)), Format: &b.s.soso}}})
	}
	for _, r := range rules {
		if err := b.f.SetConditionalFormat(sheet, r.ref, r.opts); err != nil {
			return err
		}
	}
	return nil
}

// cfRule is conditional formats over a range.
type cfRule struct {
	ref  string
	opts []excelize.ConditionalFormatOptions
}

// windowRun is the cells of a time column whose rows share a window.
type windowRun struct {
	window stories.Window
	ref    strings.Builder // "D2:D5 D9:D9"
}

// windowRuns groups the rows of a time column (col, from row 2) by the
// window of their time, in the order the windows first come, each group
// as runs of rows.
func windowRuns(times []stories.Fit, col string) []*windowRun {
	var out []*windowRun
	at := map[stories.Window]*windowRun{}
	for i := 0; i < len(times); {
		w := times[i].Window
		j := i + 1
		for j < len(times) && times[j].Window == w {
			j++
		}
		run := at[w]
		if run == nil {
			run = &windowRun{window: w}
			at[w] = run
			out = append(out, run)
		} else {
			run.ref.WriteByte(' ')
		}
		fmt.Fprintf(&run.ref, "%s%d:%s%d", col, i+2, col, j+1)
		i = j
	}
	return out
}

// number writes a number as a conditional rule's value.
func number(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
