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
//	xlsxedit FILE [-insert] [-sort] [-norole] [ID HEADER=VALUE...]...
//
// -insert adds a column of the coach's own before the third column; -sort
// sorts the story rows by ID, descending; -norole removes the role the
// workbook records; each ID (or row:N for sheet row N) is followed by the
// cells to set in its row, found by header name: HEADER=VALUE sets text,
// HEADER= empties the cell, and HEADER==FORMULA puts a formula in it with
// no saved value (as a program that does not compute formulas saves it).
func cmdXLSXEdit(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: xlsxedit FILE [-insert] [-sort] [-norole] [ID HEADER=VALUE...]...")
	}
	path := ts.MkAbs(args[0])
	f, err := excelize.OpenFile(path)
	ts.Check(err)
	defer f.Close()
	const sheet = "Stories"
	id := ""
	for _, arg := range args[1:] {
		rows, err := f.GetRows(sheet)
		ts.Check(err)
		switch {
		case arg == "-insert":
			ts.Check(f.InsertCols(sheet, "C", 1))
			ts.Check(f.SetCellStr(sheet, "C1", "My notes"))
			ts.Check(f.SetCellStr(sheet, "C2", "ask about the outage"))
		case arg == "-norole":
			ts.Check(f.SetCustomProps(excelize.CustomProperty{Name: "starpack-role", Value: nil}))
			ts.Check(f.SetCellStr("Role", "B3", ""))
		case arg == "-sort":
			body := rows[1:]
			slices.SortFunc(body, func(a, b []string) int { return strings.Compare(b[0], a[0]) })
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
			header, value, _ := strings.Cut(arg, "=")
			col := slices.Index(rows[0], header)
			row := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == id })
			if n, ok := strings.CutPrefix(id, "row:"); ok {
				row, _ = strconv.Atoi(n)
				row--
			}
			if col < 0 || row < 0 {
				ts.Fatalf("xlsxedit: no column %q or no row %q", header, id)
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
		default:
			id = arg
		}
	}
	ts.Check(f.Save())
}

// cmdXLSXDump prints a sheet of a workbook as tab-separated lines, with
// newlines in cells shown as \n:
//
//	xlsxdump FILE SHEET
func cmdXLSXDump(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: xlsxdump FILE SHEET")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	rows, err := f.GetRows(args[1])
	ts.Check(err)
	for _, r := range rows {
		fmt.Fprintln(ts.Stdout(), strings.ReplaceAll(strings.Join(r, "\t"), "\n", `\n`))
	}
}
