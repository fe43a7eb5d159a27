// Package xlsx writes a packet's answer matrix as an Excel workbook
// (matrix.xlsx) that a coach can work in and print in Excel, LibreOffice or
// Google Sheets, and reads the coach's ratings, status and comments back.
//
// The workbook has four sheets and a very hidden fifth: Coach (the sheet a
// coach opens first and prints on pages one wide: each picked story, then
// the alternates, with its cue, result, time against its window and the
// coach's cells Rating, Status and Comments), Matrix (questions by
// projects, what each colour means in a legend), Stories (one row per
// story: its question, cue and id frozen and repeated on every printed
// page, its time, lint flags and text, the coach's cells, the columns the
// coach added) and Role (the application: the job description in full, the
// requirement map, the questions and keywords). SheetRecord records what
// starpack wrote into the coach's cells, so that Read tells the coach's
// edits in either sheet. Every text is written as a string, never as a
// formula. The same packet gives the same bytes.
package xlsx

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/lint"
	"github.com/starpack/starpack/stories/source"
)

// Sheet names. Read takes the coach's cells from SheetCoach and
// SheetStories.
const (
	SheetCoach   = "Coach"
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

// MaxCellChars is the most characters (UTF-16 units) a spreadsheet cell holds.
const MaxCellChars = excelize.TotalCellChars

// fontFamily is the workbook's font, named on every style so that each
// program shows the same font (LibreOffice falls back to a serif otherwise).
const fontFamily = "Calibri"

// Gap is what an empty matrix cell shows.
const Gap = "—"

const (
	lineHeight      = 15.0  // points per line of 11pt text
	smallLineHeight = 12.0  // points per line of 9pt text
	maxHeight       = 409.0 // the tallest row a spreadsheet allows
	extraWidth      = 24    // a coach's own column
)

// Write writes p's workbook to w. A text longer than a cell holds is a
// *source.Error at the story's field; nothing is written then.
func Write(w io.Writer, p *export.Packet) error {
	if err := checkLengths(p); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	// Parts in name order, whatever order excelize hands them over in (it
	// writes its streamed sheets in map order): the same bytes every time.
	f.SetZipWriter(newSortedZip)
	b := newBook(f, p)
	if err := b.write(); err != nil {
		return fmt.Errorf("writing workbook: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return err
	}
	return nil
}

// book is one workbook being written.
type book struct {
	f     *excelize.File
	p     *export.Packet
	cat   *stories.Catalog
	s     styles
	extra []string // the coach's own columns, carried from the feedback
	// marks says whether picked stories are marked: not in the whole-bank
	// packet, which picks every story, where a mark would say nothing.
	marks bool
	info  map[*stories.Story]*storyInfo
	rows  []coachRow // the Coach sheet's rows
}

// storyInfo is what several sheets show of a story, worked out once.
type storyInfo struct {
	cue      string
	question *stories.Question // the question it is picked for; nil when not picked
	words    int               // its words, as Story.Words counts them
	fit      stories.Fit       // its time against the window of that question, else its own
	flags    []string          // lint rules it trips
}

// coachRow is one row of the Coach sheet: a picked story, or an
// alternate, and the question it is for.
type coachRow struct {
	q   *stories.Question
	s   *stories.Story
	alt bool
}

func newBook(f *excelize.File, p *export.Packet) *book {
	b := &book{f: f, p: p, cat: catalog(p), extra: stories.Columns(p.Feedback), info: map[*stories.Story]*storyInfo{}}
	picked := b.pickRows()
	all := p.Bank.Stories()
	// A role's packet has a loop, the whole bank's none (and it picks every story).
	b.marks = picked > 0 && (picked < len(all) || p.Loop != nil)
	findings := map[string][]string{}
	for _, fd := range p.Findings {
		findings[fd.Story] = append(findings[fd.Story], fd.Rule)
	}
	for _, s := range all {
		in := b.story(s)
		if rules := findings[s.ID]; len(rules) > 0 {
			in.flags = lint.Order(append(in.flags, rules...))
		}
	}
	return b
}

// pickRows lists the Coach sheet's rows, each story once: the picks in
// question order, then the alternates. It notes the question each pick
// answers and returns how many stories are picked.
func (b *book) pickRows() int {
	if b.p.Selection == nil {
		return 0
	}
	seen := map[*stories.Story]bool{}
	for _, a := range b.p.Selection.Answers {
		for _, pk := range a.Picks {
			if !seen[pk.Story] {
				seen[pk.Story] = true
				b.info[pk.Story] = b.newInfo(pk.Story, a.Question)
				b.rows = append(b.rows, coachRow{q: a.Question, s: pk.Story})
			}
		}
	}
	picked := len(b.rows)
	for _, a := range b.p.Selection.Answers {
		for _, alt := range a.Alternates {
			if !seen[alt.Story] {
				seen[alt.Story] = true
				b.rows = append(b.rows, coachRow{q: a.Question, s: alt.Story, alt: true})
			}
		}
	}
	return picked
}

// newInfo works out what the sheets show of s, picked for q (nil: not
// picked, and timed against the question it was written for).
func (b *book) newInfo(s *stories.Story, q *stories.Question) *storyInfo {
	in := &storyInfo{cue: stories.Plain(b.p.Cue(s)), question: q}
	if q == nil {
		q = b.cat.Resolve(s.Question)
	}
	// s.Words(), without the slice of fields it makes: the words of the
	// fields told, empty ones counting none.
	for _, t := range []string{s.Situation, s.Task, s.Action, s.Result, s.Notes, s.Lesson} {
		in.words += stories.CountWords(t)
	}
	in.fit = b.p.Speech.FitWords(in.words, stories.KindOf(q, s))
	in.flags = lint.Flags(s, in.fit, b.p.Lint)
	return in
}

// story returns what the book knows of s.
func (b *book) story(s *stories.Story) *storyInfo {
	in := b.info[s]
	if in == nil {
		in = b.newInfo(s, nil)
		b.info[s] = in
	}
	return in
}

func (b *book) write() error {
	f := b.f
	if err := f.SetSheetName("Sheet1", SheetCoach); err != nil {
		return err
	}
	for _, name := range []string{SheetMatrix, SheetStories, SheetRole} {
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
	if err := b.role(); err != nil {
		return err
	}
	// The record goes in before the streamed sheets: hiding a sheet
	// afterwards would read them back into memory.
	if err := b.record(); err != nil {
		return err
	}
	if err := b.coach(); err != nil {
		return err
	}
	// The Coach sheet, first, is the active sheet as NewFile made it;
	// setting it again would parse the streamed sheets back into memory.
	return b.stories()
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
		Description:    "Rate each story (1-5), set its status and comment on the Coach sheet (or the Stories sheet), then send the file back.",
		Created:        date,
		Modified:       date,
		Language:       "en",
	}); err != nil {
		return err
	}
	var props []excelize.CustomProperty
	if p.RoleID != "" {
		props = append(props, excelize.CustomProperty{Name: RoleProperty, Value: p.RoleID})
	}
	if p.Build != "" {
		props = append(props, excelize.CustomProperty{Name: BuildProperty, Value: p.Build})
	}
	if p.Redacted {
		props = append(props, excelize.CustomProperty{Name: RedactedProperty, Value: true})
	}
	for _, prop := range props {
		if err := b.f.SetCustomProps(prop); err != nil {
			return err
		}
	}
	return nil
}

// layout is how a sheet prints: landscape, wide pages wide and as many
// tall as needed, with the first row and the first titleCols columns
// repeated on every page.
type layout struct {
	wide      int
	titleCols int
}

// print sets how sheet prints.
func (b *book) print(sheet string, l layout) error {
	size := 9 // A4
	if strings.EqualFold(b.p.Paper, "Letter") {
		size = 1
	}
	// Across, then down: the pages of a row of stories come together.
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: ptr("landscape"), FitToWidth: &l.wide, FitToHeight: ptr(0), PageOrder: ptr("overThenDown"),
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
		OddHeader: pageHeader(b.p.Heading(), sheet),
		OddFooter: "&LGenerated by starpack&RPage &P of &N",
	}); err != nil {
		return err
	}
	refers := "'" + sheet + "'!$1:$1"
	if l.titleCols > 0 {
		refers = fmt.Sprintf("'%s'!$A:$%s,%s", sheet, colName(l.titleCols), refers)
	}
	return b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: refers, Scope: sheet})
}

// hfText escapes & in header and footer text, where it starts a code.
func hfText(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// maxHeaderChars is the most a page header may hold, in UTF-16 units.
const maxHeaderChars = 255

// pageHeader is a sheet's printed header: the heading at the left, the
// sheet's name at the right; a heading too long for the header is
// shortened (ending in …).
func pageHeader(heading, sheet string) string {
	right := "&R" + hfText(sheet)
	for n := min(utf8.RuneCountInString(heading), maxHeaderChars); ; n-- {
		h := "&L" + hfText(stories.Shorten(heading, n)) + right
		if utf16Len(h) <= maxHeaderChars || n <= 1 {
			return h
		}
	}
}

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

// checkLengths reports the first text too long for a cell.
func checkLengths(p *export.Packet) error {
	for _, s := range p.Bank.Stories() {
		fields := []struct{ name, text string }{
			{"id", s.ID}, {"question", s.Question}, {"title", s.Title}, {"situation", s.Situation}, {"task", s.Task},
			{"action", s.Action}, {"result", s.Result}, {"notes", s.Notes}, {"lesson", s.Lesson}, {"tags", strings.Join(s.Tags, ", ")},
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
// characters. A column's width counts the widest digits; text runs about
// a fifth narrower.
func lines(text string, width float64) int {
	if text == "" {
		return 1
	}
	per := max(1, int(width*1.2))
	n := 0
	for l := range strings.SplitSeq(text, "\n") {
		n += max(1, (utf8.RuneCountInString(l)+per-1)/per)
	}
	return n
}

// idLines estimates the lines of a story id in a wrapped column: it has no
// spaces, and breaks at its hyphens, lines shorter than the column.
func idLines(id string, width float64) int {
	return lines(id, width*0.8)
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

// clockCell is a stream cell holding a speaking time as a time of day,
// shown m:ss: the figure every output shows, and it sorts.
func clockCell(style int, d time.Duration) excelize.Cell {
	return excelize.Cell{StyleID: style, Value: dayFraction(d)}
}

// dayFraction is d as a spreadsheet time: a fraction of a day.
func dayFraction(d time.Duration) float64 { return d.Seconds() / 86400 }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func ptr[T any](v T) *T { return &v }

func toAny(list []string) []any {
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = s
	}
	return out
}
