package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

// cmdXLSXEdit edits a workbook the way a coach does in a spreadsheet
// program, for the command-line tests:
//
//	xlsxedit FILE [-sheet NAME] [-insert] [-sort] [-norole] [ID HEADER=VALUE...]...
//
// -sheet names the sheet the edits that follow go to (Stories until
// then; Coach is the other sheet with the coach's cells); -insert adds a
// column of the coach's own before the third column; -sort sorts the story
// rows by ID, descending; -norole removes the role the workbook records;
// each ID (or row:N for sheet row N) is followed by the cells to set in its
// row, found by header name: HEADER=VALUE sets text, HEADER= empties the
// cell, and HEADER==FORMULA puts a formula in it with no saved value (as a
// program that does not compute formulas saves it).
func cmdXLSXEdit(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: xlsxedit FILE [-sheet NAME] [-insert] [-sort] [-norole] [ID HEADER=VALUE...]...")
	}
	path := ts.MkAbs(args[0])
	f, err := excelize.OpenFile(path)
	ts.Check(err)
	defer f.Close()
	sheet, id := "Stories", ""
	for i := 1; i < len(args); i++ {
		arg := args[i]
		rows, err := f.GetRows(sheet)
		ts.Check(err)
		idCol := slices.Index(rows[0], "ID")
		switch {
		case arg == "-sheet" && i+1 < len(args):
			i++
			sheet = args[i]
		case arg == "-insert":
			ts.Check(f.InsertCols(sheet, "C", 1))
			ts.Check(f.SetCellStr(sheet, "C1", "My notes"))
			ts.Check(f.SetCellStr(sheet, "C2", "ask about the outage"))
		case arg == "-norole":
			ts.Check(f.SetCustomProps(excelize.CustomProperty{Name: "starpack-role", Value: nil}))
			ts.Check(f.SetCellStr("Role", "B3", ""))
			rec, err := f.GetRows("_starpack")
			ts.Check(err)
			for r, row := range rec {
				if len(row) > 1 && row[0] == "role" {
					ts.Check(f.SetCellStr("_starpack", fmt.Sprintf("B%d", r+1), ""))
				}
			}
		case arg == "-sort":
			body := rows[1:]
			slices.SortFunc(body, func(a, b []string) int { return strings.Compare(b[idCol], a[idCol]) })
			for i, r := range body {
				vals := make([]any, len(rows[0]))
				for j := range vals {
					if j < len(r) {
						vals[j] = r[j]
					}
				}
				ts.Check(f.SetSheetRow(sheet, fmt.Sprintf("A%d", i+2), &vals))
			}
		case strings.Contains(arg, "="):
			xlsxSet(ts, f, sheet, rows, idCol, id, arg)
		default:
			id = arg
		}
	}
	ts.Check(f.Save())
}

// xlsxSet sets the cell HEADER=VALUE (arg) of story id's row.
func xlsxSet(ts *testscript.TestScript, f *excelize.File, sheet string, rows [][]string, idCol int, id, arg string) {
	header, value, _ := strings.Cut(arg, "=")
	col := slices.Index(rows[0], header)
	row := slices.IndexFunc(rows, func(r []string) bool { return idCol >= 0 && idCol < len(r) && r[idCol] == id })
	if n, ok := strings.CutPrefix(id, "row:"); ok {
		row, _ = strconv.Atoi(n)
		row--
	}
	if col < 0 || row < 0 {
		ts.Fatalf("xlsxedit: %s: no column %q or no row %q", sheet, header, id)
	}
	cell, _ := excelize.CoordinatesToCellName(col+1, row+1)
	switch {
	case strings.HasPrefix(value, "="):
		ts.Check(f.SetCellFormula(sheet, cell, value[1:]))
	case value == "":
		ts.Check(f.SetCellValue(sheet, cell, nil))
	default:
		ts.Check(f.SetCellStr(sheet, cell, value))
	}
}

// cmdXLSXDump prints a sheet of a workbook as tab-separated lines, with
// newlines in cells shown as \n; given headers, only the columns under
// them, in that order (a header the sheet lacks prints as empty cells):
//
//	xlsxdump FILE SHEET [HEADER...]
func cmdXLSXDump(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: xlsxdump FILE SHEET [HEADER...]")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	rows, err := f.GetRows(args[1])
	ts.Check(err)
	for _, r := range rows {
		if headers := args[2:]; len(headers) > 0 && len(rows) > 0 {
			picked := make([]string, len(headers))
			for i, h := range headers {
				if j := slices.Index(rows[0], h); j >= 0 && j < len(r) {
					picked[i] = r[j]
				}
			}
			r = picked
		}
		fmt.Fprintln(ts.Stdout(), strings.ReplaceAll(strings.Join(r, "\t"), "\n", `\n`))
	}
}
