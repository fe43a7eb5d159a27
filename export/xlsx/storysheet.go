package xlsx

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/stories"
)

// storyHeaders are the Stories sheet's first columns: the story (its
// question, cue and id frozen at the left), its place in the packet, its
// time and lint flags, and the coach's cells. The coach's own columns come
// after them, then the story's text (textHeaders), then the interview
// loop's (loopHeaders).
var storyHeaders = []string{"Question", "Cue", "ID", "Project", "Picked for", "Time", "Aim", "Lint", "Rating", "Status", "Coach comments"}

// storyWidths are their widths, in characters.
var storyWidths = []float64{20, 28, 22, 24, 18, 7, 10, 16, 8, 12, 40}

// textHeaders are the story's text and counts; textWidths their widths.
var (
	textHeaders = []string{"Situation", "Task", "Action", "Result", "Lesson", "Notes", "Tags", "Words"}
	textWidths  = []float64{44, 32, 52, 44, 36, 36, 16, 7}
)

// loopHeaders are the interview loop's columns of the Stories sheet, the
// last ones: rehearsals and tellings, empty when none. loopWidths are their
// widths.
var (
	loopHeaders = []string{"Practised", "Self-rating", "Told"}
	loopWidths  = []float64{10, 11, 40}
)

const (
	storyTitleCols = 3 // Question, Cue and ID: frozen, and repeated on every printed page
	colTime        = 6 // 1-based columns of the Stories sheet
	colRating      = 9
	colStatus      = 10
	colComment     = 11

	// pageChars is how many characters of columns a landscape page holds
	// beside the repeated ones, at the scale the Stories sheet prints.
	pageChars = 120.0
)

// ownStoryHeaders are all the Stories columns starpack writes (the
// coach's own aside), as the record lists them.
func ownStoryHeaders() []string { return slices.Concat(storyHeaders, textHeaders, loopHeaders) }

// stories writes the Stories sheet, streamed: one row per story of the
// bank, the picked ones highlighted.
func (b *book) stories() error {
	const sheet = SheetStories
	all := b.p.Bank.Stories()
	last := max(2, len(all)+1)
	headers, widths := b.storyColumns()

	// Sheet-level settings go in before the stream starts: the stream
	// writer copies them into the sheet when it is flushed.
	if err := b.f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", colName(len(headers)), last), nil); err != nil {
		return err
	}
	if err := b.dropDowns(sheet, colRating, colStatus, last); err != nil {
		return err
	}
	// A time outside its window has a style of its own, not a conditional
	// format: over thousands of stories the runs of rows of one window
	// would make a conditional format of thousands of ranges.
	if err := b.conditionals(sheet, colRating, colStatus, 0, make([]stories.Fit, len(all))); err != nil {
		return err
	}
	rest := 0.0
	for _, w := range widths[storyTitleCols:] {
		rest += w
	}
	if err := b.print(sheet, layout{wide: int(math.Ceil(rest / pageChars)), titleCols: storyTitleCols}); err != nil {
		return err
	}
	sw, err := b.stream(sheet, headers, widths, storyTitleCols)
	if err != nil {
		return err
	}
	row := make([]any, len(headers))
	for i, s := range all {
		n := b.storyRow(row, s)
		if err := sw.SetRow(cellName(1, i+2), row, excelize.RowOpts{Height: height(n)}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// storyColumns are the Stories sheet's headers and widths.
func (b *book) storyColumns() ([]string, []float64) {
	headers := slices.Concat(storyHeaders, b.extra, textHeaders, loopHeaders)
	widths := slices.Clone(storyWidths)
	for range b.extra {
		widths = append(widths, extraWidth)
	}
	return headers, slices.Concat(widths, textWidths, loopWidths)
}

// storyRow fills row with the cells of story s and returns the lines the
// row takes.
func (b *book) storyRow(row []any, s *stories.Story) int {
	in := b.story(s)
	body, number, minutes := b.s.body, b.s.number, b.s.minutes
	picked := ""
	if b.marks && in.question != nil {
		body, number, minutes = b.s.rowBody, b.s.rowNumber, b.s.rowMinutes
		picked = in.question.Title
	}
	project := ""
	if s.Project != nil {
		project = s.Project.Project
	}
	flags := strings.Join(in.flags, ", ")
	head := []string{b.cat.Resolve(s.Question).Title, in.cue, s.ID, project, picked}
	n := idLines(s.ID, storyWidths[2])
	for j, t := range head {
		row[j] = textCell(body, t)
		n = max(n, lines(t, storyWidths[j]))
	}
	if !in.fit.Inside() {
		minutes = b.s.minutesOut
	}
	row[colTime-1] = clockCell(minutes, in.fit.Time)
	row[colTime] = textCell(body, in.fit.Window.String())
	row[colTime+1] = textCell(body, flags)
	n = max(n, lines(flags, storyWidths[colTime+1]))
	fb := b.p.Feedback[s.ID]
	b.coachCells(row[colRating-1:], fb)
	n = max(n, lines(fb.Comment, storyWidths[colComment-1]))
	for _, h := range b.extra {
		n = max(n, lines(fb.Columns[h], extraWidth))
	}
	text := row[len(storyHeaders)+len(b.extra):]
	for j, t := range []string{s.Situation, s.Task, s.Action, s.Result, s.Lesson, s.Notes, strings.Join(s.Tags, ", ")} {
		text[j] = textCell(body, t)
		n = max(n, lines(t, textWidths[j]))
	}
	text[len(textHeaders)-1] = excelize.Cell{StyleID: number, Value: in.words}
	return max(n, b.loopCells(text[len(textHeaders):], s.ID, body, number))
}

// loopCells fills the interview loop's cells of a story's row (cells, one
// per loopHeaders): how often it was rehearsed, its last self-rating, and
// where it was told (empty when the loop knows nothing of it). It returns
// the lines the tellings take.
func (b *book) loopCells(cells []any, id string, body, number int) int {
	h := b.p.Loop.Story(id)
	cells[0] = excelize.Cell{StyleID: number}
	if h.Practised > 0 {
		cells[0] = excelize.Cell{StyleID: number, Value: h.Practised}
	}
	cells[1] = excelize.Cell{StyleID: number}
	if h.LastRating > 0 {
		cells[1] = excelize.Cell{StyleID: number, Value: h.LastRating}
	}
	told := strings.TrimPrefix(export.TellingLine(h.Told), "told in ")
	cells[2] = textCell(body, told)
	return lines(told, loopWidths[2])
}
