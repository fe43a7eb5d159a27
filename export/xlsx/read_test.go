package xlsx

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/starpack/starpack/stories/source"
	"github.com/xuri/excelize/v2"
)

// findRow returns the sheet row holding story id in column col.
func findRow(t testing.TB, f *excelize.File, sheet, col, id string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := excelize.ColumnNameToNumber(col)
	for i, r := range rows {
		if len(r) >= n && r[n-1] == id {
			return i + 1
		}
	}
	t.Fatalf("no row for %s", id)
	return 0
}

func save(t testing.TB, f *excelize.File) []byte {
	t.Helper()
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func set(t testing.TB, f *excelize.File, cell string, v any) {
	t.Helper()
	if err := f.SetCellValue(SheetStories, cell, v); err != nil {
		t.Fatal(err)
	}
}

// setBy sets the cell of story id (found in the ID column) under header
// in sheet.
func setBy(t testing.TB, f *excelize.File, sheet, id, header string, v any) {
	t.Helper()
	ref := column(t, f, sheet, header) + itoa(findRow(t, f, sheet, column(t, f, sheet, "ID"), id))
	if err := f.SetCellValue(sheet, ref, v); err != nil {
		t.Fatal(err)
	}
}

// TestRoundTrip writes a workbook, edits it the way a coach does in a
// spreadsheet program, and reads the feedback back.
func TestRoundTrip(t *testing.T) {
	f := open(t, write(t, packet(t)))
	const s = SheetStories
	setBy(t, f, s, "warehouse.most-challenging", "Rating", 4)
	setBy(t, f, s, "warehouse.most-challenging", "Status", "Ready")
	setBy(t, f, s, "warehouse.most-challenging", "Coach comments", "Strong.\r\nLead with the client.")
	setBy(t, f, s, "ingestion.hardest-bug", "Rating", "2.0")
	setBy(t, f, s, "ingestion.hardest-bug", "Status", "needs-work")
	setBy(t, f, s, "warehouse.learned", "Rating", 7)
	setBy(t, f, s, "warehouse.learned", "Status", "done")
	setBy(t, f, s, "ingestion.why-streaming", "Rating", 3.5)
	// Insert a column of their own after the ID, and move Status to the front.
	if err := f.InsertCols(s, "D", 1); err != nil {
		t.Fatal(err)
	}
	set(t, f, "D1", "My notes")
	set(t, f, "D2", "call Sam")
	if err := f.InsertCols(s, "A", 1); err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(s)
	if err != nil {
		t.Fatal(err)
	}
	statusCol := slices.Index(rows[0], "Status")
	name, _ := excelize.ColumnNumberToName(statusCol + 1)
	for i, r := range rows {
		v := ""
		if statusCol < len(r) {
			v = r[statusCol]
		}
		set(t, f, "A"+itoa(i+1), v)
	}
	if err := f.RemoveCol(s, name); err != nil {
		t.Fatal(err)
	}
	// Rename the comments header the short way, and sort the rows by ID, descending.
	rows, _ = f.GetRows(s)
	comment := slices.Index(rows[0], "Coach comments")
	cname, _ := excelize.ColumnNumberToName(comment + 1)
	set(t, f, cname+"1", " comments ")
	idCol := slices.Index(rows[0], "ID")
	body := rows[1:]
	slices.SortFunc(body, func(a, b []string) int { return strings.Compare(b[idCol], a[idCol]) })
	for i, r := range body {
		vals := make([]any, len(rows[0]))
		for j := range vals {
			if j < len(r) {
				vals[j] = r[j]
			} else {
				vals[j] = nil
			}
		}
		if err := f.SetSheetRow(s, "A"+itoa(i+2), &vals); err != nil {
			t.Fatal(err)
		}
	}
	// A row the coach added without an ID.
	set(t, f, "A20", "ready")
	set(t, f, cname+"20", "what about the outage story?")

	im, err := Read(bytes.NewReader(save(t, f)), "matrix.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	got, warnings := im.Rows, im.Warnings
	byID := map[string]Row{}
	for _, r := range got {
		byID[r.ID] = r
	}
	want := map[string]Row{
		"warehouse.most-challenging": {ID: "warehouse.most-challenging", Rating: 4, Status: "ready", Comment: "Strong.\nLead with the client."},
		"ingestion.hardest-bug":      {ID: "ingestion.hardest-bug", Rating: 2, Status: "needs work"},
		"warehouse.learned":          {ID: "warehouse.learned", Status: "done"},
		"warehouse.conflict":         {ID: "warehouse.conflict", Rating: 3, Status: "needs work", Comment: "Say what the tests showed.\nShorter."},
		"ingestion.why-streaming":    {ID: "ingestion.why-streaming"},
	}
	if !slices.Equal(im.Columns, []string{"My notes"}) {
		t.Errorf("coach's columns = %q, want My notes", im.Columns)
	}
	if r := byID["warehouse.learned"]; !r.Unread["rating"] {
		t.Errorf("rating 7 was read: %+v", r)
	}
	for id, w := range want {
		g := byID[id]
		g.Sheet, g.Line, g.Cells, g.Columns, g.Unread = "", 0, nil, nil, nil
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s: got %+v\nwant %+v", id, g, w)
		}
	}
	if len(got) != 9 {
		t.Errorf("read %d rows, want the 9 stories", len(got))
	}
	if r := byID["warehouse.most-challenging"]; r.Line < 2 {
		t.Errorf("row line = %d", r.Line)
	}
	wantWarn := []string{
		`rating "7" for warehouse.learned is not a whole number from 1 to 5; not imported`,
		`status "done" for warehouse.learned is not one of draft, needs work, ready; imported as written`,
		`rating "3.5" for ingestion.why-streaming is not a whole number from 1 to 5; not imported`,
		`matrix.xlsx: Stories!D20: feedback in a row without a story ID`,
	}
	all := strings.Join(warnings, "\n")
	for _, w := range wantWarn {
		if !strings.Contains(all, w) {
			t.Errorf("warnings lack %q:\n%s", w, all)
		}
	}
	if len(warnings) != len(wantWarn) {
		t.Errorf("%d warnings, want %d:\n%s", len(warnings), len(wantWarn), all)
	}
}

func TestReadErrors(t *testing.T) {
	edit := func(change func(f *excelize.File)) []byte {
		f := open(t, write(t, packet(t)))
		change(f)
		return save(t, f)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not a workbook", []byte("id,rating\n"), "matrix.xlsx: not a readable .xlsx workbook"},
		{"no rating column", edit(func(f *excelize.File) { _ = f.SetCellStr(SheetStories, "I1", "Score out of 5") }),
			`matrix.xlsx: sheet "Stories" has no "Rating" column (header row 1)`},
		{"no comments column", edit(func(f *excelize.File) { _ = f.RemoveCol(SheetStories, "K") }),
			`matrix.xlsx: sheet "Stories" has no "Coach comments" column`},
		{"no ID column anywhere", edit(func(f *excelize.File) {
			_ = f.SetCellStr(SheetStories, "C1", "Story")
			_ = f.SetCellStr(SheetCoach, "I1", "Story")
		}), `matrix.xlsx: no sheet has an "ID" column`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(tt.data), "matrix.xlsx")
			var e *source.Error
			if !errors.As(err, &e) {
				t.Fatalf("error = %v (%T), want a *source.Error", err, err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) || e.Hint == "" {
				t.Errorf("error = %q (hint %q), want %q", err, e.Hint, tt.want)
			}
		})
	}
	t.Run("another sheet with the columns", func(t *testing.T) {
		data := edit(func(f *excelize.File) {
			_ = f.SetSheetName(SheetStories, "Feedback")
			_ = f.SetCellStr("Feedback", "I3", "5")
		})
		im, err := Read(bytes.NewReader(data), "matrix.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		if im.Sheet != "Feedback" || len(im.Rows) != 9 || im.Rows[1].Rating != 5 {
			t.Errorf("sheet %s, %d rows, row 3 = %+v", im.Sheet, len(im.Rows), im.Rows[1])
		}
	})
}

// TestReadLibreOffice imports a workbook that starpack wrote, a coach
// edited and LibreOffice Calc saved again (testdata/feedback/libreoffice.xlsx;
// see testdata/feedback/README).
func TestReadLibreOffice(t *testing.T) {
	data, err := os.ReadFile("testdata/feedback/libreoffice.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	im, err := Read(bytes.NewReader(data), "libreoffice.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if im.RoleID != "acme" {
		t.Errorf("role id = %q, want acme", im.RoleID)
	}
	byID := map[string]Row{}
	for _, r := range im.Rows {
		r.Sheet, r.Line, r.Cells = "", 0, nil
		byID[r.ID] = r
	}
	want := map[string]Row{
		"warehouse.most-challenging": {ID: "warehouse.most-challenging", Rating: 4, Status: "ready", Comment: "Strong.\nLead with the client."},
		"ingestion.hardest-bug":      {ID: "ingestion.hardest-bug", Rating: 2, Status: "needs work", Comment: "=too long, cut the monitoring part"},
		"warehouse.conflict":         {ID: "warehouse.conflict", Rating: 3, Status: "needs work", Comment: "Say what the tests showed.\nShorter."},
	}
	for id, w := range want {
		if g := byID[id]; !reflect.DeepEqual(g, w) {
			t.Errorf("%s: got %+v\nwant %+v", id, g, w)
		}
	}
	if len(im.Rows) != 9 || len(im.Warnings) != 0 {
		t.Errorf("%d rows, warnings %q", len(im.Rows), im.Warnings)
	}
}

func itoa(n int) string {
	s, _ := excelize.CoordinatesToCellName(1, n)
	return strings.TrimPrefix(s, "A")
}

// TestMakeLibreOfficeInput writes the coach-edited workbook that
// testdata/feedback/libreoffice-coach.xlsx was made from, when
// STARPACK_FIXTURE_OUT names the file to write (see testdata/feedback/README):
// edits in the Coach sheet, one the same in the Stories sheet, and a
// formula whose value only a spreadsheet program computes.
func TestMakeLibreOfficeInput(t *testing.T) {
	out := os.Getenv("STARPACK_FIXTURE_OUT")
	if out == "" {
		t.Skip("set STARPACK_FIXTURE_OUT to write the fixture's input")
	}
	f := open(t, write(t, packet(t)))
	setBy(t, f, SheetCoach, "warehouse.most-challenging", "Rating", 4)
	setBy(t, f, SheetCoach, "warehouse.most-challenging", "Status", "ready")
	setBy(t, f, SheetStories, "warehouse.most-challenging", "Status", "ready")
	setBy(t, f, SheetCoach, "warehouse.most-challenging", "Comments", "Strong.\nLead with the client.")
	setBy(t, f, SheetCoach, "ingestion.hardest-bug", "Rating", 2)
	ref := column(t, f, SheetCoach, "Comments") + itoa(findRow(t, f, SheetCoach, "I", "ingestion.hardest-bug"))
	if err := f.SetCellFormula(SheetCoach, ref, `"Cut the "&"monitoring part"`); err != nil {
		t.Fatal(err)
	}
	setBy(t, f, SheetCoach, "warehouse.conflict", "Comments", nil)
	if err := os.WriteFile(out, save(t, f), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestReadLibreOfficeCoach imports a workbook with edits in its Coach
// sheet, re-saved by LibreOffice Calc (testdata/feedback/libreoffice-coach.xlsx;
// see testdata/feedback/README): the Coach sheet's edits come in, the
// formula by the value LibreOffice saved, a cleared cell as cleared, and
// the edit made the same in both sheets once.
func TestReadLibreOfficeCoach(t *testing.T) {
	data, err := os.ReadFile("testdata/feedback/libreoffice-coach.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	im, err := Read(bytes.NewReader(data), "libreoffice-coach.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if im.RoleID != "acme" || im.Record == nil || len(im.Warnings) != 0 || len(im.Rows) != 9 {
		t.Fatalf("role %q, record %v, %d rows, warnings %q", im.RoleID, im.Record != nil, len(im.Rows), im.Warnings)
	}
	want := map[string]map[string]string{
		"warehouse.most-challenging": {"rating": "4", "status": "ready", "comment": "Strong.\nLead with the client."},
		"ingestion.hardest-bug":      {"rating": "2", "status": "", "comment": "Cut the monitoring part"},
		"warehouse.conflict":         {"rating": "3", "status": "needs work", "comment": ""},
	}
	for _, r := range im.Rows {
		w, ok := want[r.ID]
		if !ok {
			continue
		}
		if got := r.Values(); !maps.Equal(got, w) {
			t.Errorf("%s: got %q, want %q", r.ID, got, w)
		}
		delete(want, r.ID)
	}
	if len(want) > 0 {
		t.Errorf("no rows for %v", want)
	}
}

// TestReadCoachSheet: an edit in the Coach sheet or the Stories sheet is
// imported; the same edit in both counts once; different edits of one
// cell in the two sheets are a conflict, and the Coach sheet's is kept.
func TestReadCoachSheet(t *testing.T) {
	t.Parallel()
	const id = "warehouse.conflict" // written: rating 3, needs work, a comment
	tests := []struct {
		name  string
		edit  func(f *excelize.File)
		want  map[string]string // field -> value
		cells map[string]string // field -> where it came from
		warn  string
	}{
		{"an edit in the Coach sheet", func(f *excelize.File) { setBy(t, f, SheetCoach, id, "Rating", 5) },
			map[string]string{"rating": "5", "status": "needs work"}, map[string]string{"rating": "Coach!F5", "status": "Stories!J10"}, ""},
		{"an edit in the Stories sheet", func(f *excelize.File) { setBy(t, f, SheetStories, id, "Status", "ready") },
			map[string]string{"rating": "3", "status": "ready"}, map[string]string{"status": "Stories!J10"}, ""},
		{"the same edit in both", func(f *excelize.File) {
			setBy(t, f, SheetCoach, id, "Status", "ready")
			setBy(t, f, SheetStories, id, "Status", "ready")
		}, map[string]string{"status": "ready"}, map[string]string{"status": "Coach!G5"}, ""},
		{"different edits", func(f *excelize.File) {
			setBy(t, f, SheetCoach, id, "Comments", "Lead with the benchmark.")
			setBy(t, f, SheetStories, id, "Coach comments", "Cut the intro.")
		}, map[string]string{"comment": "Lead with the benchmark."}, map[string]string{"comment": "Coach!H5"},
			`matrix.xlsx: Coach!H5: conflict: warehouse.conflict comment is "Lead with the benchmark." here and "Cut the intro." in Stories!K10, both edited in this workbook; kept "Lead with the benchmark.", the Coach sheet's`},
		{"a cell cleared in the Coach sheet", func(f *excelize.File) { setBy(t, f, SheetCoach, id, "Comments", nil) },
			map[string]string{"comment": "", "rating": "3"}, map[string]string{"comment": "Coach!H5"}, ""},
		{"a column of the coach's own in the Coach sheet", func(f *excelize.File) {
			set := func(cell, v string) { _ = f.SetCellStr(SheetCoach, cell, v) }
			set("J1", "My notes")
			set("J5", "ask about the outage")
		}, map[string]string{"column:My notes": "ask about the outage", "comment": "Say what the tests showed.\nShorter."}, map[string]string{"column:My notes": "Coach!J5"}, ""},
		{"the Coach sheet without its Comments column", func(f *excelize.File) { _ = f.RemoveCol(SheetCoach, "H") },
			map[string]string{"comment": "Say what the tests showed.\nShorter."}, map[string]string{"comment": "Stories!K10"}, ""},
		{"the Coach sheet without its ID column", func(f *excelize.File) {
			setBy(t, f, SheetCoach, id, "Rating", 5)
			_ = f.RemoveCol(SheetCoach, "I")
		}, map[string]string{"rating": "3"}, map[string]string{"rating": "Stories!I10"},
			"matrix.xlsx: the Coach sheet has no ID column, so nothing typed in it is imported: put the ID column back (undo its deletion), or type the edits in the Stories sheet"},
		{"a date and a percentage the coach typed", func(f *excelize.File) {
			date, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
			pct, _ := f.NewStyle(&excelize.Style{NumFmt: 9}) // 0%
			_ = f.SetCellStr(SheetCoach, "K1", "Mock on")
			_ = f.SetCellValue(SheetCoach, "K5", 46357) // 2026-12-01
			_ = f.SetCellStyle(SheetCoach, "K5", "K5", date)
			_ = f.SetCellValue(SheetCoach, "H5", 0.5)
			_ = f.SetCellStyle(SheetCoach, "H5", "H5", pct)
		}, map[string]string{"column:Mock on": "2026-12-01", "comment": "50%"}, map[string]string{"column:Mock on": "Coach!K5", "comment": "Coach!H5"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := open(t, write(t, packet(t)))
			tt.edit(f)
			im, err := Read(bytes.NewReader(save(t, f)), "matrix.xlsx")
			if err != nil {
				t.Fatal(err)
			}
			var row *Row
			for i, r := range im.Rows {
				if r.ID == id {
					if row != nil {
						t.Fatalf("two rows for %s", id)
					}
					row = &im.Rows[i]
				}
			}
			if row == nil {
				t.Fatalf("no row for %s", id)
			}
			vals := row.Values()
			for field, v := range tt.want {
				if got, ok := vals[field]; !ok || got != v {
					t.Errorf("%s = %q (read %v), want %q", field, got, ok, v)
				}
				if cell := tt.cells[field]; cell != "" && row.Cells[field] != cell {
					t.Errorf("%s from %s, want %s", field, row.Cells[field], cell)
				}
			}
			if got := strings.Join(im.Warnings, "\n"); got != tt.warn {
				t.Errorf("warnings:\n%s\nwant:\n%s", got, tt.warn)
			}
			if len(im.Rows) != 9 {
				t.Errorf("%d rows, want the 9 stories once each", len(im.Rows))
			}
		})
	}
}

// A column the coach added under the name of a column starpack writes in
// the other sheet ("Action" in the Coach sheet) is not taken for the
// coach's own, which would meet starpack's in the next workbook: it is
// left out, with a warning saying how to keep it.
func TestReadCoachColumnNamedLikeStarpacks(t *testing.T) {
	t.Parallel()
	f := open(t, write(t, packet(t)))
	_ = f.SetCellStr(SheetCoach, "K1", "Action")
	_ = f.SetCellStr(SheetCoach, "K5", "tell it shorter")
	im, err := Read(bytes.NewReader(save(t, f)), "matrix.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range im.Rows {
		if _, ok := r.Columns["Action"]; ok {
			t.Errorf("%s: the coach's Action column was imported: %q", r.ID, r.Columns["Action"])
		}
	}
	want := `matrix.xlsx: the Coach sheet's column "Action" has the name of a column starpack writes, so it is not imported: rename it (say, "Action (coach)") and import the workbook again`
	if got := strings.Join(im.Warnings, "\n"); got != want {
		t.Errorf("warnings:\n%s\nwant:\n%s", got, want)
	}
}

// A workbook saved again by a program that drops the document properties
// still says which role it is for and that it is a redacted copy: the
// record sheet holds both too.
func TestReadWithoutDocumentProperties(t *testing.T) {
	t.Parallel()
	p := packet(t)
	p.RoleID, p.Redacted = "copy-1a2b3c4d", true
	f := open(t, write(t, p))
	for _, name := range []string{RoleProperty, RedactedProperty, BuildProperty} {
		if err := f.SetCustomProps(excelize.CustomProperty{Name: name, Value: nil}); err != nil {
			t.Fatal(err)
		}
	}
	_ = f.SetCellStr(SheetRole, "B3", "")
	g := open(t, save(t, f))
	if props, _ := g.GetCustomProps(); len(props) != 0 {
		t.Fatalf("document properties left: %v", props)
	}
	im, err := Read(bytes.NewReader(save(t, g)), "matrix.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if im.RoleID != "copy-1a2b3c4d" || !im.Redacted {
		t.Errorf("role %q, redacted %v; want copy-1a2b3c4d, true", im.RoleID, im.Redacted)
	}
}
