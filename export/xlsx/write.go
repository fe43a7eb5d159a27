// Package xlsx writes a packet's answer matrix as an Excel workbook
// (matrix.xlsx) that a coach can edit in Excel, LibreOffice or Google
// Sheets, and reads the coach's ratings, status and comments back.
//
// The workbook has three sheets: Matrix (questions by projects, the
// stories picked for the role marked, gaps shown), Stories (one row per
// story with the coach's columns Rating, Status and Coach comments, and
// the columns the coach added) and Role (the application the packet is
// for), and a very hidden fourth, SheetRecord, recording what starpack
// wrote into the coach's cells so that Read tells the coach's edits. Every text is written as a
// string, never as a formula. The same packet gives the same bytes.
package xlsx

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// Sheet names. Read looks for SheetStories first.
const (
	SheetMatrix  = "Matrix"
	SheetStories = "Stories"
	SheetRole    = "Role"
)

// RoleProperty is the custom document property that holds the packet's
// role id, so that an imported workbook finds its feedback file.
const RoleProperty = "starpack-role"

// RedactedProperty is the custom document property set on a redacted
// copy, so that an import compares the coach's cells with redacted text.
const RedactedProperty = "starpack-redacted"

// BuildProperty is the custom document property that holds the build id.
const BuildProperty = "starpack-build"

// SheetRecord is the very hidden sheet in which a workbook records what
// starpack wrote into each coach's cell, the build id and the feedback
// base, so that an import takes only the cells a coach changed. A hidden
// sheet survives a re-save by Excel, LibreOffice and Google Sheets (a
// custom part does not: LibreOffice drops what it does not know).
const SheetRecord = "_starpack"

// recordMarker heads the record sheet.
const recordMarker = "starpack record"

// MaxCellChars is the most characters (UTF-16 units) a spreadsheet cell holds.
const MaxCellChars = excelize.TotalCellChars

// fontFamily is the workbook's font, named on every style so that each
// program shows the same font (LibreOffice falls back to a serif otherwise).
const fontFamily = "Calibri"

// Gap is what an empty matrix cell shows.
const Gap = "—"

// Stories sheet columns, in order. The last three are the coach's; the
// coach's own columns, when there are any, come after them, then the
// interview loop's (loopHeaders).
var storyHeaders = []string{
	"ID", "Project", "Question", "Title", "Situation", "Task", "Action", "Result", "Notes",
	"Tags", "Words", "Time", "Picked", "Rating", "Status", "Coach comments",
}

// storyWidths are the Stories column widths, in characters.
var storyWidths = []float64{24, 26, 22, 32, 48, 36, 56, 48, 40, 18, 8, 9, 8, 8, 12, 48}

// loopHeaders are the interview loop's columns of the Stories sheet, the
// last ones: rehearsals and tellings, empty when none. loopWidths are their
// widths.
var (
	loopHeaders = []string{"Practised", "Self-rating", "Told"}
	loopWidths  = []float64{10, 11, 40}
)

const (
	colRating  = 14 // 1-based column numbers of the coach's columns
	colStatus  = 15
	colComment = 16

	extraWidth = 24 // a coach's own column

	matrixQuestionWidth = 34
	matrixProjectWidth  = 32
	projectsPerPage     = 5 // matrix columns printed per landscape page

	lineHeight = 15.0  // points per line of 11pt text
	maxHeight  = 409.0 // the tallest row a spreadsheet allows
)

// Write writes p's workbook to w. A text longer than a cell holds is a
// *source.Error at the story's field; nothing is written then.
func Write(w io.Writer, p *export.Packet) error {
	if err := checkLengths(p); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f, p: p, picked: pickedSet(p), extra: stories.Columns(p.Feedback)}
	if err := b.write(); err != nil {
		return fmt.Errorf("writing workbook: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return err
	}
	return nil
}

type book struct {
	f      *excelize.File
	p      *export.Packet
	s      styles
	picked map[string]bool // ids of the stories picked for the role
	extra  []string        // the coach's own columns, carried from the feedback
}

type styles struct {
	header, body, number, minutes, coach, coachNumber                        int
	question, questionGap, cell, picked, gap, legend, key, value, titleStyle int
}

func (b *book) write() error {
	f := b.f
	if err := f.SetSheetName("Sheet1", SheetMatrix); err != nil {
		return err
	}
	for _, name := range []string{SheetStories, SheetRole} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	if err := b.newStyles(); err != nil {
		return err
	}
	if err := b.props(); err != nil {
		return err
	}
	if err := b.matrix(); err != nil {
		return err
	}
	// The record goes in before the Stories sheet is streamed: hiding a
	// sheet afterwards would read the streamed sheet back into memory.
	if err := b.record(); err != nil {
		return err
	}
	if err := b.stories(); err != nil {
		return err
	}
	// The Matrix, first, is the active sheet as NewFile made it; setting it
	// again would parse the streamed Stories sheet back into memory.
	return b.role()
}

func (b *book) props() error {
	p := b.p
	stamp := p.Generated.UTC()
	if p.Generated.IsZero() {
		stamp = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	date := stamp.Format(time.RFC3339)
	if err := b.f.SetDocProps(&excelize.DocProperties{
		Title:          "Answer matrix: " + p.Heading(),
		Subject:        "Interview prep: stories by question and project, with coach feedback",
		Creator:        "starpack",
		LastModifiedBy: "starpack",
		Keywords:       strings.Join(p.Keywords, ", "),
		Description:    "Rate each story (1-5), set its status and add comments on the Stories sheet, then send the file back.",
		Created:        date,
		Modified:       date,
		Language:       "en",
	}); err != nil {
		return err
	}
	if p.RoleID != "" {
		if err := b.f.SetCustomProps(excelize.CustomProperty{Name: RoleProperty, Value: p.RoleID}); err != nil {
			return err
		}
	}
	if p.Build != "" {
		if err := b.f.SetCustomProps(excelize.CustomProperty{Name: BuildProperty, Value: p.Build}); err != nil {
			return err
		}
	}
	if p.Redacted {
		return b.f.SetCustomProps(excelize.CustomProperty{Name: RedactedProperty, Value: true})
	}
	return nil
}

func (b *book) newStyles() error {
	border := []excelize.Border{
		{Type: "left", Color: "D0D7DE", Style: 1}, {Type: "right", Color: "D0D7DE", Style: 1},
		{Type: "top", Color: "D0D7DE", Style: 1}, {Type: "bottom", Color: "D0D7DE", Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&b.s.header, excelize.Style{Font: &excelize.Font{Family: fontFamily, Bold: true, Color: "FFFFFF", Size: 11}, Fill: fill("1F4E79"), Border: border,
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&b.s.body, excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 11}, Alignment: top, Border: border}},
		{&b.s.number, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}, Border: border}},
		{&b.s.minutes, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}, Border: border, CustomNumFmt: ptr("[m]:ss")}},
		{&b.s.coach, excelize.Style{Alignment: top, Border: border, Fill: fill("FFF7D6")}},
		{&b.s.coachNumber, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}, Border: border, Fill: fill("FFF7D6")}},
		{&b.s.question, excelize.Style{Alignment: top, Border: border, Fill: fill("F2F2F2")}},
		{&b.s.questionGap, excelize.Style{Alignment: top, Border: border, Fill: fill("F8D7DA")}},
		{&b.s.cell, excelize.Style{Alignment: top, Border: border}},
		{&b.s.picked, excelize.Style{Font: &excelize.Font{Family: fontFamily, Bold: true, Size: 11}, Alignment: top, Border: border, Fill: fill("D9EAD3")}},
		{&b.s.gap, excelize.Style{Font: &excelize.Font{Family: fontFamily, Color: "9C4A4A", Size: 11}, Border: border, Fill: fill("FBE9E9"),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&b.s.legend, excelize.Style{Font: &excelize.Font{Family: fontFamily, Italic: true, Color: "595959", Size: 11}, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&b.s.key, excelize.Style{Font: &excelize.Font{Family: fontFamily, Bold: true, Size: 11}, Alignment: top}},
		{&b.s.value, excelize.Style{Alignment: top}},
		{&b.s.titleStyle, excelize.Style{Font: &excelize.Font{Family: fontFamily, Bold: true, Size: 14}}},
	}
	for _, d := range defs {
		id, err := b.f.NewStyle(&d.s)
		if err != nil {
			return err
		}
		*d.id = id
	}
	return nil
}

// print sets landscape printing, fitWide pages wide and as tall as needed,
// with the first row (and column, when withCol) repeated on every page.
func (b *book) print(sheet string, fitWide int, withCol bool) error {
	size := 9 // A4
	if strings.EqualFold(b.p.Paper, "Letter") {
		size = 1
	}
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: ptr("landscape"), FitToWidth: &fitWide, FitToHeight: ptr(0),
	}); err != nil {
		return err
	}
	if err := b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	if err := b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: ptr(0.4), Right: ptr(0.4), Top: ptr(0.5), Bottom: ptr(0.5), Header: ptr(0.25), Footer: ptr(0.25),
	}); err != nil {
		return err
	}
	if err := b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + hfText(b.p.Heading()) + "&R" + sheet,
		OddFooter: "&LGenerated by starpack&RPage &P of &N",
	}); err != nil {
		return err
	}
	refers := "'" + sheet + "'!$1:$1"
	if withCol {
		refers = "'" + sheet + "'!$A:$A,'" + sheet + "'!$1:$1"
	}
	return b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: refers, Scope: sheet})
}

// hfText escapes & in header and footer text, where it starts a code.
func hfText(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// questions returns the matrix rows: the selection's questions, or every
// question the bank answers, in catalog order.
func questions(p *export.Packet) []*stories.Question {
	if p.Selection != nil && len(p.Selection.Answers) > 0 {
		out := make([]*stories.Question, 0, len(p.Selection.Answers))
		for _, a := range p.Selection.Answers {
			out = append(out, a.Question)
		}
		return out
	}
	cat := catalog(p)
	rank := map[string]int{}
	for i, id := range cat.IDs() {
		rank[id] = i
	}
	seen := map[string]bool{}
	var known, custom []*stories.Question
	for _, s := range p.Bank.Stories() {
		q := cat.Resolve(s.Question)
		if seen[q.ID] {
			continue
		}
		seen[q.ID] = true
		if _, ok := rank[q.ID]; ok {
			known = append(known, q)
		} else {
			custom = append(custom, q)
		}
	}
	slices.SortStableFunc(known, func(a, b *stories.Question) int { return rank[a.ID] - rank[b.ID] })
	return append(known, custom...)
}

func catalog(p *export.Packet) *stories.Catalog {
	if p.Catalog != nil {
		return p.Catalog
	}
	return stories.NewCatalog()
}

// pickedSet is the ids of the stories the selection uses.
func pickedSet(p *export.Packet) map[string]bool {
	set := map[string]bool{}
	if p.Selection != nil {
		for _, a := range p.Selection.Answers {
			for _, pk := range a.Picks {
				set[pk.Story.ID] = true
			}
		}
	}
	return set
}

func (b *book) matrix() error {
	f, p := b.f, b.p
	const sheet = SheetMatrix
	qs := questions(p)
	// A project with no stories (a résumé entry) would be a column of gaps.
	var projects []*stories.Project
	for _, pr := range p.Bank.Projects {
		if len(pr.Stories) > 0 {
			projects = append(projects, pr)
		}
	}
	cat := catalog(p)

	gapQ := map[string]bool{}
	if p.Selection != nil {
		for _, g := range p.Selection.Gaps {
			if g.Question != nil {
				gapQ[g.Question.ID] = true
			}
		}
	}
	// cells[question id][project index] = stories
	cells := map[string]map[int][]*stories.Story{}
	for _, q := range qs {
		cells[q.ID] = map[int][]*stories.Story{}
	}
	for pi, pr := range projects {
		for _, s := range pr.Stories {
			id := cat.Resolve(s.Question).ID
			if row, ok := cells[id]; ok {
				row[pi] = append(row[pi], s)
			}
		}
	}

	if err := f.SetCellStr(sheet, "A1", "Question"); err != nil {
		return err
	}
	headerLines := 1
	for pi, pr := range projects {
		head := pr.Project
		if extra := joinNonEmpty(", ", pr.Company, pr.When); extra != "" {
			head += "\n(" + extra + ")"
		}
		headerLines = max(headerLines, lines(head, matrixProjectWidth))
		if err := f.SetCellStr(sheet, cellName(pi+2, 1), head); err != nil {
			return err
		}
	}
	last := cellName(len(projects)+1, 1)
	if err := f.SetCellStyle(sheet, "A1", last, b.s.header); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, 1, height(headerLines)); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "A", "A", matrixQuestionWidth); err != nil {
		return err
	}
	if len(projects) > 0 {
		if err := f.SetColWidth(sheet, "B", colName(len(projects)+1), matrixProjectWidth); err != nil {
			return err
		}
	}

	for qi, q := range qs {
		row := qi + 2
		qStyle := b.s.question
		if gapQ[q.ID] {
			qStyle = b.s.questionGap
		}
		runs := []excelize.RichTextRun{{Text: q.Title, Font: &excelize.Font{Family: fontFamily, Bold: true, Size: 11}}}
		n := lines(q.Title, matrixQuestionWidth)
		if ask := strings.TrimSpace(q.Ask); ask != "" && ask != q.Title {
			runs = append(runs, excelize.RichTextRun{Text: "\n" + ask, Font: &excelize.Font{Family: fontFamily, Italic: true, Color: "595959", Size: 9}})
			n += lines(ask, matrixQuestionWidth+8)
		}
		a1 := cellName(1, row)
		if err := f.SetCellRichText(sheet, a1, runs); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, a1, a1, qStyle); err != nil {
			return err
		}
		for pi := range projects {
			ref := cellName(pi+2, row)
			list := cells[q.ID][pi]
			style := b.s.cell
			switch {
			case len(list) == 0:
				style = b.s.gap
				if err := f.SetCellStr(sheet, ref, Gap); err != nil {
					return err
				}
			case len(list) == 1:
				text := matrixCue(list[0])
				n = max(n, lines(text, matrixProjectWidth))
				if b.picked[list[0].ID] {
					style = b.s.picked
				}
				if err := f.SetCellStr(sheet, ref, text); err != nil {
					return err
				}
			default:
				runs, text, picked := b.cellRuns(list)
				if picked {
					style = b.s.picked
				}
				n = max(n, lines(text, matrixProjectWidth))
				if err := f.SetCellRichText(sheet, ref, runs); err != nil {
					return err
				}
			}
			if err := f.SetCellStyle(sheet, ref, ref, style); err != nil {
				return err
			}
		}
		if err := f.SetRowHeight(sheet, row, height(n)); err != nil {
			return err
		}
	}

	legendRow := len(qs) + 3
	legend := "Bold on green: picked for this role. " + Gap + " on red: no story for this question and project yet. Rate and comment on the Stories sheet."
	if p.Selection == nil {
		legend = Gap + " on red: no story for this question and project yet. Rate and comment on the Stories sheet."
	}
	ref := cellName(1, legendRow)
	if err := f.SetCellStr(sheet, ref, legend); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, ref, ref, b.s.legend); err != nil {
		return err
	}

	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: "B2", ActiveCell: "B2", Pane: "bottomRight"}}}); err != nil {
		return err
	}
	wide := max(1, (len(projects)+projectsPerPage-1)/projectsPerPage)
	return b.print(sheet, wide, true)
}

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
		text := matrixCue(s)
		if i > 0 {
			text = "\n\n" + text
		}
		if n := utf16Len(text); size+n > MaxCellChars-room {
			note := fmt.Sprintf("\n\n… and %d more %s: see the Stories sheet", len(list)-i, plural(len(list)-i, "story", "stories"))
			runs = append(runs, excelize.RichTextRun{Text: note, Font: &excelize.Font{Family: fontFamily, Italic: true, Color: "595959", Size: 11}})
			all.WriteString(note)
			break
		} else {
			size += n
		}
		all.WriteString(text)
		run := excelize.RichTextRun{Text: text, Font: &excelize.Font{Family: fontFamily, Size: 11}}
		if b.picked[s.ID] {
			run.Font.Bold = true
			picked = true
		}
		runs = append(runs, run)
	}
	return runs, all.String(), picked
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// matrixCue is a story's matrix cell: its cue and, on a second line, the
// key number of its result.
func matrixCue(s *stories.Story) string {
	text := stories.Plain(s.Cue())
	if n := KeyNumber(stories.Plain(s.Result)); n != "" {
		text += "\n→ " + n
	}
	return text
}

func (b *book) stories() error {
	f, p := b.f, b.p
	const sheet = SheetStories
	all := p.Bank.Stories()
	lastRow := max(2, len(all)+1)

	headers := append(append(slices.Clone(storyHeaders), b.extra...), loopHeaders...)
	widths := slices.Clone(storyWidths)
	for range b.extra {
		widths = append(widths, extraWidth)
	}
	widths = append(widths, loopWidths...)

	// Sheet-level settings go in before the stream starts: the stream
	// writer copies them into the sheet when it is flushed.
	lastCol := colName(len(headers))
	if err := f.AutoFilter(sheet, "A1:"+lastCol+fmt.Sprint(lastRow), nil); err != nil {
		return err
	}
	rating := excelize.NewDataValidation(true)
	rating.SetSqref(fmt.Sprintf("%s2:%s%d", colName(colRating), colName(colRating), lastRow))
	if err := rating.SetDropList([]string{"1", "2", "3", "4", "5"}); err != nil {
		return err
	}
	rating.SetError(excelize.DataValidationErrorStyleStop, "Rating", "Rate the story from 1 (weak) to 5 (ready to tell).")
	rating.SetInput("Rating", "1 (weak) to 5 (ready to tell)")
	status := excelize.NewDataValidation(true)
	status.SetSqref(fmt.Sprintf("%s2:%s%d", colName(colStatus), colName(colStatus), lastRow))
	if err := status.SetDropList(stories.Statuses); err != nil {
		return err
	}
	status.SetError(excelize.DataValidationErrorStyleStop, "Status", "Pick one of: "+strings.Join(stories.Statuses, ", ")+".")
	for _, dv := range []*excelize.DataValidation{rating, status} {
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	if err := b.print(sheet, 3, false); err != nil {
		return err
	}

	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	// The stream writer puts each new width first; add them last to first
	// so that the sheet lists its columns in order, as Excel requires.
	for i := len(widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return err
		}
	}
	head := make([]any, len(headers))
	for i, h := range headers {
		head[i] = excelize.Cell{StyleID: b.s.header, Value: h}
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	cat := catalog(p)
	row := make([]any, len(headers))
	for i, s := range all {
		fb := p.Feedback[s.ID]
		project := ""
		if s.Project != nil {
			project = s.Project.Project
		}
		pick := "no"
		if b.picked[s.ID] {
			pick = "yes"
		}
		texts := []string{s.ID, project, cat.Resolve(s.Question).Title, s.Title, s.Situation, s.Task, s.Action, s.Result, s.Notes,
			strings.Join(s.Tags, ", ")}
		n := 1
		for j, t := range texts {
			row[j] = textCell(b.s.body, t)
			n = max(n, lines(t, storyWidths[j]))
		}
		row[10] = excelize.Cell{StyleID: b.s.number, Value: s.Words()}
		// The speaking time as a time of day, shown m:ss: the figure every
		// output shows, and it sorts.
		row[11] = excelize.Cell{StyleID: b.s.minutes, Value: p.Speech.Time(s).Seconds() / 86400}
		row[12] = excelize.Cell{StyleID: b.s.body, Value: pick}
		row[colRating-1] = excelize.Cell{StyleID: b.s.coachNumber}
		if fb.Rating != 0 {
			row[colRating-1] = excelize.Cell{StyleID: b.s.coachNumber, Value: fb.Rating}
		}
		row[colStatus-1] = textCell(b.s.coach, fb.Status)
		row[colComment-1] = textCell(b.s.coach, fb.Comment)
		n = max(n, lines(fb.Comment, storyWidths[colComment-1]))
		for j, h := range b.extra {
			row[colComment+j] = textCell(b.s.coach, fb.Columns[h])
			n = max(n, lines(fb.Columns[h], extraWidth))
		}
		n = max(n, b.loopCells(row[len(storyHeaders)+len(b.extra):], s.ID))
		if err := sw.SetRow(cellName(1, i+2), row, excelize.RowOpts{Height: height(n)}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// loopCells fills the interview loop's cells of a story's row (cells, one
// per loopHeaders): how often it was rehearsed, its last self-rating, and
// where it was told (empty when the loop knows nothing of it). It returns
// the lines the tellings take.
func (b *book) loopCells(cells []any, id string) int {
	h := b.p.Loop.Story(id)
	cells[0] = excelize.Cell{StyleID: b.s.number}
	if h.Practised > 0 {
		cells[0] = excelize.Cell{StyleID: b.s.number, Value: h.Practised}
	}
	cells[1] = excelize.Cell{StyleID: b.s.number}
	if h.LastRating > 0 {
		cells[1] = excelize.Cell{StyleID: b.s.number, Value: h.LastRating}
	}
	told := strings.TrimPrefix(export.TellingLine(h.Told), "told in ")
	cells[2] = textCell(b.s.body, told)
	return lines(told, loopWidths[2])
}

func (b *book) role() error {
	f, p := b.f, b.p
	const sheet = SheetRole
	type kv struct{ k, v string }
	idRow := "Role id"
	if p.Redacted {
		idRow = "Packet" // a label: a redacted copy never names the role
	}
	rows := []kv{
		{idRow, p.RoleID},
		{"Company", p.Company},
		{"Title", p.Title},
		{"Interview date", p.Interview},
		{"Candidate", p.Candidate.Name},
		{"Focus", strings.Join(p.Focus, ", ")},
		{"Job-description keywords", strings.Join(p.Keywords, ", ")},
	}
	if p.Selection != nil {
		var gaps []string
		for _, g := range p.Selection.Gaps {
			if g.Question != nil {
				gaps = append(gaps, g.Question.Title+": "+g.Reason)
			} else {
				gaps = append(gaps, g.Reason)
			}
		}
		if len(gaps) == 0 {
			gaps = []string{"none: every question has a story"}
		}
		rows = append(rows, kv{"Gaps", strings.Join(gaps, "\n")})
	}
	gen := ""
	if !p.Generated.IsZero() {
		gen = p.Generated.UTC().Format("2006-01-02")
	}
	rows = append(rows, kv{"Generated", gen})
	if p.Redacted {
		rows = append(rows, kv{"Copy", "redacted copy: names and places replaced by the redaction rules"})
	}
	if err := f.SetCellStr(sheet, "A1", p.Heading()); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", b.s.titleStyle); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, 1, 24); err != nil {
		return err
	}
	// Leave out what the packet does not say, but always name the role:
	// an import finds the role id here.
	kept := rows[:0]
	for _, r := range rows {
		if r.v != "" || r.k == idRow {
			kept = append(kept, r)
		}
	}
	rows = kept
	for i, r := range rows {
		row := i + 3
		if err := f.SetCellStr(sheet, cellName(1, row), r.k); err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, cellName(2, row), r.v); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cellName(1, row), cellName(1, row), b.s.key); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cellName(2, row), cellName(2, row), b.s.value); err != nil {
			return err
		}
		if n := lines(r.v, 80); n > 1 {
			if err := f.SetRowHeight(sheet, row, height(n)); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(sheet, "A", "A", 26); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "B", "B", 80); err != nil {
		return err
	}
	return b.print(sheet, 1, false)
}

// checkLengths reports the first text too long for a cell.
func checkLengths(p *export.Packet) error {
	for _, s := range p.Bank.Stories() {
		fields := []struct{ name, text string }{
			{"id", s.ID}, {"question", s.Question}, {"title", s.Title}, {"situation", s.Situation}, {"task", s.Task},
			{"action", s.Action}, {"result", s.Result}, {"notes", s.Notes}, {"tags", strings.Join(s.Tags, ", ")},
		}
		for _, fl := range fields {
			if n := utf16Len(fl.text); n > MaxCellChars {
				return source.Errorf(s.FieldPos(fl.name), "shorten it, or split the story in two",
					"story %q: %s is %d characters, more than the %d a spreadsheet cell holds", s.ID, fl.name, n, MaxCellChars)
			}
		}
		if s.Project != nil {
			if n := utf16Len(s.Project.Project); n > MaxCellChars {
				return &source.Error{File: s.Project.File, Msg: fmt.Sprintf("project name is %d characters, more than the %d a spreadsheet cell holds", n, MaxCellChars),
					Hint: "give the project a shorter name"}
			}
		}
	}
	for id, fb := range p.Feedback {
		if n := utf16Len(fb.Comment); n > MaxCellChars {
			return &source.Error{Msg: fmt.Sprintf("the coach's comment on story %q is %d characters, more than the %d a spreadsheet cell holds", id, n, MaxCellChars),
				Hint: "shorten the comment in the feedback file"}
		}
	}
	return nil
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// lines estimates how many lines text takes in a wrapped column of width
// characters.
func lines(text string, width float64) int {
	if text == "" {
		return 1
	}
	per := max(1, int(width))
	n := 0
	for _, l := range strings.Split(text, "\n") {
		n += max(1, (len([]rune(l))+per-1)/per)
	}
	return n
}

func height(lines int) float64 {
	return min(maxHeight, float64(lines)*lineHeight+4)
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, s := range parts {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, sep)
}

// textCell is a stream cell holding text, or a blank styled cell for "".
func textCell(style int, s string) excelize.Cell {
	if s == "" {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{StyleID: style, Value: s}
}

func ptr[T any](v T) *T { return &v }

// record writes the very hidden SheetRecord: the build id, the feedback
// base, and for each story with feedback what the Stories sheet shows in
// its coach's cells (a story left out shows them empty).
func (b *book) record() error {
	f, p := b.f, b.p
	if _, err := f.NewSheet(SheetRecord); err != nil {
		return err
	}
	// Not a stream: the file writes its streams in no fixed order, and
	// the same packet must give the same bytes.
	head := [][]any{
		{recordMarker, "what starpack wrote into the coach's cells of the Stories sheet; keep this sheet as it is"},
		{"build", p.Build},
		{"base", strconv.Itoa(p.FeedbackBase)},
		append([]any{"headers"}, toAny(slices.Concat(storyHeaders, loopHeaders))...),
		append([]any{"ID", "Rating", "Status", "Coach comments"}, toAny(b.extra)...),
	}
	for i, r := range head {
		if err := f.SetSheetRow(SheetRecord, cellName(1, i+1), &r); err != nil {
			return err
		}
	}
	line := len(head) + 1
	for _, s := range p.Bank.Stories() {
		fb, ok := p.Feedback[s.ID]
		if !ok {
			continue
		}
		rating := ""
		if fb.Rating != 0 {
			rating = strconv.Itoa(fb.Rating)
		}
		vals := []string{s.ID, rating, fb.Status, fb.Comment}
		for _, h := range b.extra {
			vals = append(vals, fb.Columns[h])
		}
		if strings.Join(vals[1:], "") == "" {
			continue
		}
		for i, v := range vals {
			if v == "" {
				continue
			}
			if err := f.SetCellStr(SheetRecord, cellName(i+1, line), v); err != nil {
				return err
			}
		}
		line++
	}
	return f.SetSheetVisible(SheetRecord, false, true)
}

func toAny(list []string) []any {
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = s
	}
	return out
}
