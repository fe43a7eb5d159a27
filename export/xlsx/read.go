package xlsx

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// Row is one story's coach feedback as read from a workbook. Empty values
// mean the coach left the cell blank.
type Row struct {
	ID      string
	Rating  int // 1-5, or 0 when blank or not a valid rating
	Status  string
	Comment string
	Line    int // the row number in the sheet, for messages
}

// Feedback turns the row into a feedback entry dated date from source.
func (r Row) Feedback(date, source string) stories.Feedback {
	return stories.Feedback{Story: r.ID, Rating: r.Rating, Status: r.Status, Comment: stories.NormalComment(r.Comment),
		Date: date, Source: source}
}

// Import is what a coach's workbook holds.
type Import struct {
	RoleID   string // the role the workbook was built for; "" when it does not say
	Redacted bool   // the workbook is a redacted copy: its ids and texts went through the redaction rules
	Sheet    string // the sheet the rows came from
	Rows     []Row
	Warnings []string // every issue, as messages
	Issues   []Issue
}

// HasFeedback reports whether a coach filled in any of the workbook's
// rows.
func (im *Import) HasFeedback() bool {
	for _, r := range im.Rows {
		if r.Rating != 0 || r.Status != "" || r.Comment != "" {
			return true
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

// Read reads the coach's columns from a workbook written by Write and
// edited in a spreadsheet program, and the role id the workbook records
// (its custom property, else the Role sheet's "Role id" row). name is how
// messages name the workbook. It reads the Stories sheet (or the first
// sheet with an ID column) by header name, so columns may be moved,
// inserted or deleted and rows sorted or filtered. Values outside the
// drop-downs and rows without an ID are warnings; a workbook that cannot be
// read or lacks a column is a *source.Error with a hint.
func Read(r io.Reader, name string) (*Import, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, &source.Error{File: name, Msg: "not a readable .xlsx workbook: " + strings.TrimPrefix(err.Error(), "zip: "), Err: err,
			Hint: "save it from your spreadsheet program as Excel 2007-365 (.xlsx), without a password"}
	}
	defer f.Close()
	im := &Import{RoleID: roleID(f), Redacted: redacted(f)}
	sheet, head, cols, err := findSheet(f, name)
	if err != nil {
		return nil, err
	}
	im.Sheet = sheet
	warn := func(line int, id, field, value string, format string, args ...any) {
		msg := fmt.Sprintf("%s: %s!%s: %s", name, sheet, cellName(cols[field]+1, line), fmt.Sprintf(format, args...))
		im.Issues = append(im.Issues, Issue{Line: line, Story: id, Field: field, Value: value, Msg: msg})
		im.Warnings = append(im.Warnings, msg)
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, &source.Error{File: name, Msg: fmt.Sprintf("cannot read sheet %q", sheet), Err: err}
	}
	defer rows.Close()
	seen := map[string]int{}
	line := 0
	for rows.Next() {
		line++
		if line <= head {
			continue
		}
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, &source.Error{File: name, Msg: fmt.Sprintf("%s row %d: %v", sheet, line, err), Err: err}
		}
		get := func(col int) string {
			if col < len(cells) {
				return strings.TrimSpace(cells[col])
			}
			return ""
		}
		row := Row{ID: get(cols["id"]), Status: get(cols["status"]), Comment: stories.NormalComment(get(cols["comment"])), Line: line}
		rating := get(cols["rating"])
		if row.ID == "" {
			if rating != "" || row.Status != "" || row.Comment != "" {
				warn(line, "", "id", "", "feedback in a row without a story ID; skipped (put the ID back to import it)")
			}
			continue
		}
		if rating != "" {
			n, ok := parseRating(rating)
			if ok {
				row.Rating = n
			} else {
				warn(line, row.ID, "rating", rating, "rating %q for %s is not a whole number from 1 to %d; not imported", rating, row.ID, stories.MaxRating)
			}
		}
		if row.Status != "" {
			st, ok := stories.NormalStatus(row.Status)
			row.Status = st
			if !ok {
				warn(line, row.ID, "status", st, "status %q for %s is not one of %s; imported as written", st, row.ID, strings.Join(stories.Statuses, ", "))
			}
		}
		if first, ok := seen[row.ID]; ok {
			warn(line, row.ID, "id", row.ID, "story %s also appears in row %d; the lower row wins", row.ID, first)
		}
		seen[row.ID] = line
		im.Rows = append(im.Rows, row)
	}
	if err := rows.Error(); err != nil {
		return nil, &source.Error{File: name, Msg: fmt.Sprintf("cannot read sheet %q", sheet), Err: err}
	}
	return im, nil
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

// findSheet returns the sheet holding the feedback, its header row number
// and the column index (0-based) of each needed header.
func findSheet(f *excelize.File, name string) (string, int, map[string]int, error) {
	sheets := f.GetSheetList()
	order := make([]string, 0, len(sheets))
	for _, s := range sheets {
		if strings.EqualFold(strings.TrimSpace(s), SheetStories) {
			order = append(order, s)
		}
	}
	for _, s := range sheets {
		if !strings.EqualFold(strings.TrimSpace(s), SheetStories) {
			order = append(order, s)
		}
	}
	for _, sheet := range order {
		head, cols, err := findHeader(f, sheet)
		if err != nil {
			return "", 0, nil, err
		}
		if head == 0 {
			continue
		}
		for _, key := range []string{"rating", "status", "comment"} {
			if _, ok := cols[key]; !ok {
				want := map[string]string{"rating": "Rating", "status": "Status", "comment": "Coach comments"}[key]
				return "", 0, nil, &source.Error{File: name,
					Msg:  fmt.Sprintf("sheet %q has no %q column (header row %d)", sheet, want, head),
					Hint: "the coach's columns are headed ID, Rating, Status and Coach comments; put the header back, or build a fresh workbook with starpack build"}
			}
		}
		return sheet, head, cols, nil
	}
	return "", 0, nil, &source.Error{File: name, Msg: "no sheet has an \"ID\" column",
		Hint: "import the matrix.xlsx that starpack build wrote (its Stories sheet has the ID, Rating, Status and Coach comments columns)"}
}

// findHeader looks for a row with an ID header near the top of sheet; it
// returns row 0 when there is none.
func findHeader(f *excelize.File, sheet string) (int, map[string]int, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return 0, nil, err
	}
	defer rows.Close()
	for line := 1; line <= headerRows && rows.Next(); line++ {
		cells, err := rows.Columns()
		if err != nil {
			return 0, nil, err
		}
		cols := map[string]int{}
		for i, c := range cells {
			h := strings.Join(strings.Fields(strings.ToLower(c)), " ")
			for key, names := range columnNames {
				if _, done := cols[key]; done {
					continue
				}
				for _, n := range names {
					if h == n {
						cols[key] = i
					}
				}
			}
		}
		if _, ok := cols["id"]; ok {
			return line, cols, nil
		}
	}
	return 0, nil, nil
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

// roleID reads the role id the workbook records.
func roleID(f *excelize.File) string {
	if props, err := f.GetCustomProps(); err == nil {
		for _, p := range props {
			if p.Name == RoleProperty {
				if s, ok := p.Value.(string); ok && strings.TrimSpace(s) != "" {
					return strings.TrimSpace(s)
				}
			}
		}
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
