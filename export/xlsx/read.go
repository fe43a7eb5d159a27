package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// Row is one story's coach's cells as read from a workbook. Empty values
// mean the coach left the cell blank.
type Row struct {
	ID      string
	Rating  int // 1-5, or 0 when blank or not a valid rating
	Status  string
	Comment string
	// Columns holds the coach's own columns of the sheet, by header.
	Columns map[string]string
	// Unread names the fields whose cell could not be taken: a rating that
	// is not 1-5, a formula without a saved value. They are not imported.
	Unread map[string]bool
	Sheet  string            // the sheet of the row (of its Stories row, when both sheets have one)
	Line   int               // the row number in that sheet, for messages
	Cells  map[string]string // field -> where its value came from ("Stories!P3"), for messages
}

// Values returns the row's coach's cells by field (stories.FieldRating,
// ..., stories.ColumnField(header)), leaving out those in Unread.
func (r Row) Values() map[string]string {
	out := map[string]string{stories.FieldStatus: r.Status, stories.FieldComment: r.Comment, stories.FieldRating: ""}
	if r.Rating != 0 {
		out[stories.FieldRating] = strconv.Itoa(r.Rating)
	}
	for h, v := range r.Columns {
		out[stories.ColumnField(h)] = v
	}
	for f := range r.Unread {
		delete(out, f)
	}
	return out
}

// Import is what a coach's workbook holds.
type Import struct {
	RoleID   string // the role the workbook was built for (a label in a redacted copy); "" when it does not say
	Redacted bool   // the workbook is a redacted copy: its ids and texts went through the redaction rules
	Sheet    string // the sheet the rows came from: Stories (or the sheet that stands for it)
	// Rows are the stories' coach's cells, a row per story: those of the
	// Coach sheet merged into the Stories sheet's (see Read).
	Rows     []Row
	Columns  []string // the headers of the coach's own columns, in sheet order
	Warnings []string // every issue, as messages
	Issues   []Issue
	// Record is what starpack wrote into the coach's cells; nil for a
	// workbook that does not record it (one made before starpack did).
	Record *Record
}

// Record is what a workbook records of its making: the build id, the
// feedback base, and what starpack wrote into each story's coach's cells
// (a story left out had them all empty).
type Record struct {
	Build string
	Base  int
	Role  string // the packet's role id, or a redacted copy's label
	// Redacted says the workbook is a redacted copy.
	Redacted bool
	Written  map[string]map[string]string // story id -> field -> value
	// Headers are the Stories columns starpack wrote (nil in a workbook
	// from before they were recorded): any other column is the coach's.
	Headers []string
	// CoachHeaders are the Coach sheet's columns starpack wrote (nil in a
	// workbook without a Coach sheet).
	CoachHeaders []string
}

// legacyHeaders are Stories columns that earlier versions of starpack
// wrote, for workbooks that do not record theirs.
var legacyHeaders = []string{"ID", "Project", "Question", "Title", "Situation", "Task", "Action", "Result", "Notes",
	"Tags", "Words", "Time", "Minutes", "Picked"}

// ownHeaders are the columns starpack wrote into sheet (Stories or Coach).
func (r *Record) ownHeaders(sheet string) []string {
	if sheet == SheetCoach {
		if r != nil && r.CoachHeaders != nil {
			return r.CoachHeaders
		}
		return coachHeaders
	}
	if r != nil && r.Headers != nil {
		return r.Headers
	}
	return slices.Concat(ownStoryHeaders(), legacyHeaders)
}

// written is what starpack wrote into a story's coach's cells, by field;
// nil for a workbook that does not record it.
func (r *Record) written(id string) map[string]string {
	if r == nil {
		return nil
	}
	return r.Written[id]
}

// HasFeedback reports whether a coach filled in any of the workbook's
// rows.
func (im *Import) HasFeedback() bool {
	for _, r := range im.Rows {
		for _, v := range r.Values() {
			if v != "" {
				return true
			}
		}
	}
	return false
}

// Issue is a value the coach typed that the import did not take as it was.
type Issue struct {
	Line  int    // the sheet row
	Story string // the row's story id; "" for a row without one
	Field string // "id", "rating" or "status"
	Value string // the value as typed
	Msg   string // the warning, naming the workbook, sheet and cell
}

// headerRows is how far down ReadFeedback looks for the header row, in
// case the coach inserted a title above it.
const headerRows = 10

var columnNames = map[string][]string{
	"id":      {"id", "story id"},
	"rating":  {"rating", "score"},
	"status":  {"status"},
	"comment": {"coach comments", "coach comment", "comments", "comment", "coach's comments", "notes from coach"},
}

// Read reads the coach's cells from a workbook written by Write and
// edited in a spreadsheet program, the role id the workbook records (its
// custom property, else the Role sheet's "Role id" row) and its record of
// what starpack wrote. name is how messages name the workbook. It reads
// the Stories sheet (or the first sheet with an ID column) and the Coach
// sheet by header name, so columns may be moved, inserted or deleted and
// rows sorted or filtered; a column with a header starpack does not write
// is the coach's own. A cell the coach edited in either sheet (its value
// differs from what starpack wrote) is taken; the same edit in both counts
// once; different edits of one story's cell in the two sheets are a
// conflict, with a warning, and the Coach sheet's is taken. A formula
// takes the value the file saved with it. Values outside the drop-downs,
// formulas without a saved value and rows without an ID are warnings; a
// workbook that cannot be read or whose Stories sheet lacks a column is a
// *source.Error with a hint.
func Read(r io.Reader, name string) (*Import, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &source.Error{File: name, Msg: "cannot read workbook: " + err.Error(), Err: err}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, &source.Error{File: name, Msg: "not a readable .xlsx workbook: " + strings.TrimPrefix(err.Error(), "zip: "), Err: err,
			Hint: "save it from your spreadsheet program as Excel 2007-365 (.xlsx), without a password"}
	}
	defer f.Close()
	rec := readRecord(f)
	im := &Import{RoleID: roleID(f, rec), Redacted: redacted(f) || rec != nil && rec.Redacted, Record: rec}
	sheet, head, cols, clashes, err := findSheet(f, name, im.Record)
	if err != nil {
		return nil, err
	}
	im.clashes(name, sheet, clashes)
	im.Sheet = sheet
	formulas := hasFormulas(data)
	main := &reader{f: f, im: im, name: name, sheet: sheet, cols: cols, formulas: formulas}
	if err := main.rows(head); err != nil {
		return nil, err
	}
	im.Rows = main.out
	im.addColumns(main.columns)
	if coach := coachSheet(f, sheet); coach != "" {
		head, cols, clashes, err := findHeader(f, coach, im.Record.ownHeaders(SheetCoach), im.Record.ownHeaders(SheetStories))
		if err != nil {
			return nil, &source.Error{File: name, Msg: fmt.Sprintf("cannot read sheet %q", coach), Err: err}
		}
		im.clashes(name, coach, clashes)
		if head > 0 {
			rd := &reader{f: f, im: im, name: name, sheet: coach, cols: cols, formulas: formulas}
			if err := rd.rows(head); err != nil {
				return nil, err
			}
			im.merge(name, rd.out)
			im.addColumns(rd.columns)
		} else {
			im.Warnings = append(im.Warnings, fmt.Sprintf("%s: the %s sheet has no ID column, so nothing typed in it is imported: "+
				"put the ID column back (undo its deletion), or type the edits in the %s sheet", name, coach, sheet))
		}
	}
	return im, nil
}

// coachSheet is the workbook's Coach sheet, unless it is main (the sheet
// read as the Stories sheet) or there is none.
func coachSheet(f *excelize.File, main string) string {
	for _, s := range f.GetSheetList() {
		if strings.EqualFold(strings.TrimSpace(s), SheetCoach) && s != main {
			return s
		}
	}
	return ""
}

// addColumns adds the headers of a sheet's own coach's columns to the
// import's, each once.
func (im *Import) addColumns(cols []string) {
	for _, c := range cols {
		if !slices.Contains(im.Columns, c) {
			im.Columns = append(im.Columns, c)
		}
	}
}

// merge takes the edits of the Coach sheet's rows into the Stories
// sheet's: a cell edited in the Coach sheet is the row's; a story only the
// Coach sheet has is added. Different edits of one cell in the two sheets
// are a conflict, reported, and the Coach sheet's edit is kept.
func (im *Import) merge(name string, coach []Row) {
	at := map[string]int{}
	for i, r := range im.Rows {
		at[r.ID] = i
	}
	for _, c := range coach {
		i, ok := at[c.ID]
		if !ok {
			at[c.ID] = len(im.Rows)
			im.Rows = append(im.Rows, c)
			continue
		}
		row := &im.Rows[i]
		written, mine, theirs := im.Record.written(c.ID), c.Values(), row.Values()
		for _, field := range slices.Sorted(maps.Keys(mine)) {
			v := mine[field]
			if v == written[field] {
				continue // not edited in the Coach sheet
			}
			if other, ok := theirs[field]; ok && other != written[field] && other != v {
				msg := fmt.Sprintf("%s: %s: conflict: %s %s is %s here and %s in %s, both edited in this workbook; kept %s, the %s sheet's",
					name, c.Cells[field], c.ID, stories.FieldLabel(field), stories.FieldValue(field, v), stories.FieldValue(field, other), row.Cells[field], stories.FieldValue(field, v), c.Sheet)
				im.Issues = append(im.Issues, Issue{Line: c.Line, Story: c.ID, Field: "conflict", Value: v, Msg: msg})
				im.Warnings = append(im.Warnings, msg)
			}
			row.set(field, v, c.Cells[field])
		}
	}
}

// set sets a field of the row to v (as Values has it), read from cell.
func (r *Row) set(field, v, cell string) {
	switch field {
	case stories.FieldRating:
		r.Rating, _ = strconv.Atoi(v)
	case stories.FieldStatus:
		r.Status = v
	case stories.FieldComment:
		r.Comment = v
	default:
		if r.Columns == nil {
			r.Columns = map[string]string{}
		}
		r.Columns[strings.TrimPrefix(field, stories.ColumnField(""))] = v
	}
	delete(r.Unread, field)
	r.Cells[field] = cell
}

// reader reads the rows of one sheet that holds coach's cells.
type reader struct {
	f           *excelize.File
	im          *Import
	name, sheet string
	cols        map[string]int // field -> 0-based column; the coach's own as "+header"
	formulas    bool           // the workbook has formulas: look for blank ones
	columns     []string       // the headers of the coach's own columns, in sheet order
	out         []Row
}

func (rd *reader) warn(line int, id, field, value string, format string, args ...any) {
	col := rd.cols[field]
	msg := fmt.Sprintf("%s: %s!%s: %s", rd.name, rd.sheet, cellName(col+1, line), fmt.Sprintf(format, args...))
	rd.im.Issues = append(rd.im.Issues, Issue{Line: line, Story: id, Field: field, Value: value, Msg: msg})
	rd.im.Warnings = append(rd.im.Warnings, msg)
}

// rows reads the sheet's rows below its header row, head.
func (rd *reader) rows(head int) error {
	for h := range rd.cols {
		if c, ok := strings.CutPrefix(h, "+"); ok {
			rd.columns = append(rd.columns, c)
		}
	}
	slices.SortFunc(rd.columns, func(a, b string) int { return rd.cols["+"+a] - rd.cols["+"+b] })
	rows, err := rd.f.Rows(rd.sheet)
	if err != nil {
		return &source.Error{File: rd.name, Msg: fmt.Sprintf("cannot read sheet %q", rd.sheet), Err: err}
	}
	defer rows.Close()
	seen := map[string]int{}
	line := 0
	for rows.Next() {
		line++
		if line <= head {
			continue
		}
		// Values as the coach sees them: a date, a percentage or a fraction
		// typed in a comment or a column of their own stays as shown, not
		// the number behind it (a rating is read either way).
		cells, err := rows.Columns()
		if err != nil {
			return &source.Error{File: rd.name, Msg: fmt.Sprintf("%s row %d: %v", rd.sheet, line, err), Err: err}
		}
		row, ok := rd.row(cells, line)
		if !ok {
			continue
		}
		if first, ok := seen[row.ID]; ok {
			rd.warn(line, row.ID, "id", row.ID, "story %s also appears in row %d; the lower row wins", row.ID, first)
		}
		seen[row.ID] = line
		rd.out = append(rd.out, row)
	}
	if err := rows.Error(); err != nil {
		return &source.Error{File: rd.name, Msg: fmt.Sprintf("cannot read sheet %q", rd.sheet), Err: err}
	}
	return nil
}

// row reads one sheet row; false for a row without a story ID. A coach's
// column the sheet lacks is unread: not a cleared cell.
func (rd *reader) row(cells []string, line int) (Row, bool) {
	get := func(field string) string {
		col, ok := rd.cols[field]
		if !ok || col >= len(cells) {
			return ""
		}
		return strings.TrimSpace(cells[col])
	}
	row := Row{ID: get("id"), Status: get("status"), Comment: stories.NormalComment(get("comment")), Sheet: rd.sheet, Line: line, Cells: map[string]string{}}
	rating := get("rating")
	for _, h := range rd.columns {
		if row.Columns == nil {
			row.Columns = map[string]string{}
		}
		row.Columns[h] = stories.NormalComment(get("+" + h))
	}
	if row.ID == "" {
		if rating != "" || row.Status != "" || row.Comment != "" {
			rd.warn(line, "", "id", "", "feedback in a row without a story ID; skipped (put the ID back to import it)")
		}
		return row, false
	}
	for key, field := range map[string]string{"rating": stories.FieldRating, "status": stories.FieldStatus, "comment": stories.FieldComment} {
		if _, ok := rd.cols[key]; !ok {
			row.unread(field)
		}
	}
	for key, col := range rd.cols {
		field := key
		switch {
		case key == "id":
			continue
		case strings.HasPrefix(key, "+"):
			field = stories.ColumnField(key[1:])
		}
		row.Cells[field] = rd.sheet + "!" + cellName(col+1, line)
		if rd.formulas && get(key) == "" {
			rd.blankFormula(&row, key, field)
		}
	}
	if rating != "" && !row.Unread[stories.FieldRating] {
		if n, ok := parseRating(rating); ok {
			row.Rating = n
		} else {
			rd.warn(line, row.ID, "rating", rating, "rating %q for %s is not a whole number from 1 to %d; not imported", rating, row.ID, stories.MaxRating)
			row.unread(stories.FieldRating)
		}
	}
	if row.Status != "" {
		st, ok := stories.NormalStatus(row.Status)
		row.Status = st
		if !ok {
			rd.warn(line, row.ID, "status", st, "status %q for %s is not one of %s; imported as written", st, row.ID, strings.Join(stories.Statuses, ", "))
		}
	}
	return row, true
}

// blankFormula marks a blank cell holding a formula whose value the file
// does not hold (a program that does not compute formulas saved it) as
// unread, with a warning naming the cell.
func (rd *reader) blankFormula(row *Row, key, field string) {
	_, ref, _ := strings.Cut(row.Cells[field], "!")
	formula, err := rd.f.GetCellFormula(rd.sheet, ref)
	if err != nil || formula == "" {
		return
	}
	rd.warn(row.Line, row.ID, key, formula, "a formula (=%s) without a saved value for %s; not imported (open and save the workbook in a spreadsheet program, or type the value)",
		strings.TrimPrefix(formula, "="), row.ID)
	row.unread(field)
}

func (r *Row) unread(field string) {
	if r.Unread == nil {
		r.Unread = map[string]bool{}
	}
	r.Unread[field] = true
}

// formulaTag finds a formula in a worksheet's XML.
var formulaTag = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<(?:\w+:)?f[ >/]`) })

// hasFormulas reports whether any worksheet of the workbook (the .xlsx
// file's bytes) holds a formula: only then is a blank coach's cell worth a
// closer look.
func hasFormulas(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return true
	}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return true
		}
		part, err := io.ReadAll(rc)
		rc.Close()
		if err != nil || formulaTag().Match(part) {
			return true
		}
	}
	return false
}

// readRecord reads the record sheet; nil when there is none.
func readRecord(f *excelize.File) *Record {
	rows, err := f.GetRows(SheetRecord, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) < 4 || len(rows[0]) == 0 || rows[0][0] != recordMarker {
		return nil
	}
	rec := &Record{Written: map[string]map[string]string{}}
	cell := func(r []string, i int) string {
		if i < len(r) {
			return r[i]
		}
		return ""
	}
	// Keyed rows (build, base, headers), then the coach's cells under a
	// row headed ID.
	at := 1
	for ; at < len(rows) && cell(rows[at], 0) != "ID"; at++ {
		switch r := rows[at]; cell(r, 0) {
		case "build":
			rec.Build = cell(r, 1)
		case "base":
			rec.Base, _ = strconv.Atoi(cell(r, 1))
		case "role":
			rec.Role = strings.TrimSpace(cell(r, 1))
		case "redacted":
			rec.Redacted = cell(r, 1) == "yes"
		case "headers":
			rec.Headers = r[1:]
		case "coach headers":
			rec.CoachHeaders = r[1:]
		}
	}
	if at == len(rows) {
		return nil
	}
	head := rows[at]
	for _, r := range rows[at+1:] {
		id := cell(r, 0)
		if id == "" {
			continue
		}
		w := map[string]string{}
		for i, h := range head[1:] {
			field := map[string]string{"Rating": stories.FieldRating, "Status": stories.FieldStatus, "Coach comments": stories.FieldComment}[h]
			if i >= 3 {
				field = stories.ColumnField(h)
			}
			if v := cell(r, i+1); v != "" && field != "" {
				w[field] = v
			}
		}
		rec.Written[id] = w
	}
	return rec
}

// parseRating accepts a whole number 1-5 however a program saved it:
// "4", "4.0", "4.000000000000001".
func parseRating(s string) (int, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, false
	}
	n := math.Round(v)
	if math.Abs(v-n) > 1e-9 || n < 1 || n > stories.MaxRating {
		return 0, false
	}
	return int(n), true
}

// findSheet returns the sheet holding the stories' coach's cells (the
// Stories sheet, else the first sheet with an ID column, the Coach sheet
// last), its header row number and the column index (0-based) of each
// needed header.
func findSheet(f *excelize.File, name string, rec *Record) (string, int, map[string]int, []string, error) {
	sheets := f.GetSheetList()
	rank := func(s string) int {
		switch t := strings.TrimSpace(s); {
		case strings.EqualFold(t, SheetStories):
			return 0
		case strings.EqualFold(t, SheetCoach):
			return 2
		}
		return 1
	}
	slices.SortStableFunc(sheets, func(a, b string) int { return rank(a) - rank(b) })
	for _, sheet := range sheets {
		if sheet == SheetRecord {
			continue
		}
		own, reserved := rec.ownHeaders(SheetStories), rec.ownHeaders(SheetCoach)
		if rank(sheet) == 2 {
			own, reserved = reserved, own
		}
		head, cols, clashes, err := findHeader(f, sheet, own, reserved)
		if err != nil {
			return "", 0, nil, nil, err
		}
		if head == 0 {
			continue
		}
		for _, key := range []string{"rating", "status", "comment"} {
			if _, ok := cols[key]; !ok {
				want := map[string]string{"rating": "Rating", "status": "Status", "comment": "Coach comments"}[key]
				return "", 0, nil, nil, &source.Error{File: name,
					Msg:  fmt.Sprintf("sheet %q has no %q column (header row %d)", sheet, want, head),
					Hint: "the coach's columns are headed ID, Rating, Status and Coach comments; put the header back, or build a fresh workbook with starpack build"}
			}
		}
		return sheet, head, cols, clashes, nil
	}
	return "", 0, nil, nil, &source.Error{File: name, Msg: "no sheet has an \"ID\" column",
		Hint: "import the matrix.xlsx that starpack build wrote (its Coach and Stories sheets have the ID, Rating, Status and Comments columns)"}
}

// clashes warns of the coach's columns of sheet that findHeader left out.
func (im *Import) clashes(name, sheet string, headers []string) {
	for _, h := range headers {
		im.Warnings = append(im.Warnings, fmt.Sprintf("%s: the %s sheet's column %q has the name of a column starpack writes, so it is not imported: "+
			"rename it (say, %q) and import the workbook again", name, sheet, h, h+" (coach)"))
	}
}

// findHeader looks for a row with an ID header near the top of sheet; it
// returns row 0 when there is none. A header that is neither known nor
// one of ownHeaders is a column of the coach's own ("+" and its header in
// cols), unless starpack writes a column of that name in its other sheet
// (reserved): the coach's column would meet starpack's in the next
// workbook, so it is left out and listed in clashes.
func findHeader(f *excelize.File, sheet string, ownHeaders, reserved []string) (int, map[string]int, []string, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return 0, nil, nil, err
	}
	defer rows.Close()
	has := func(list []string, h string) bool {
		return slices.ContainsFunc(list, func(s string) bool { return strings.EqualFold(s, h) })
	}
	for line := 1; line <= headerRows && rows.Next(); line++ {
		cells, err := rows.Columns()
		if err != nil {
			return 0, nil, nil, err
		}
		cols := map[string]int{}
		var clashes []string
		for i, c := range cells {
			h := strings.Join(strings.Fields(strings.ToLower(c)), " ")
			known := false
			for key, names := range columnNames {
				if slices.Contains(names, h) {
					known = true
					if _, done := cols[key]; !done {
						cols[key] = i
					}
				}
			}
			own := strings.Join(strings.Fields(c), " ")
			if _, dup := cols["+"+own]; known || own == "" || dup || has(ownHeaders, own) {
				continue
			}
			if has(reserved, own) {
				clashes = append(clashes, own)
				continue
			}
			cols["+"+own] = i
		}
		if _, ok := cols["id"]; ok {
			return line, cols, clashes, nil
		}
	}
	return 0, nil, nil, nil
}

// redacted reports whether the workbook says it is a redacted copy.
func redacted(f *excelize.File) bool {
	props, err := f.GetCustomProps()
	if err != nil {
		return false
	}
	for _, p := range props {
		if p.Name == RedactedProperty {
			b, ok := p.Value.(bool)
			return ok && b
		}
	}
	return false
}

// roleID reads the role id the workbook records: in its document
// properties, its record sheet rec, or its Role sheet.
func roleID(f *excelize.File, rec *Record) string {
	if props, err := f.GetCustomProps(); err == nil {
		for _, p := range props {
			if p.Name == RoleProperty {
				if s, ok := p.Value.(string); ok && strings.TrimSpace(s) != "" {
					return strings.TrimSpace(s)
				}
			}
		}
	}
	if rec != nil && rec.Role != "" {
		return rec.Role
	}
	rows, err := f.GetRows(SheetRole)
	if err != nil {
		return ""
	}
	for _, r := range rows {
		if len(r) >= 2 && strings.EqualFold(strings.TrimSpace(r[0]), "Role id") {
			return strings.TrimSpace(r[1])
		}
	}
	return ""
}
