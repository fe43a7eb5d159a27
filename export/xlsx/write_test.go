package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/internal/golden"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/loop"
	"github.com/starpack/starpack/stories/source"
	"github.com/starpack/starpack/stories/tailor"
)

// loadBank reads the test bank in testdata/bank.
func loadBank(t testing.TB) *stories.Bank {
	t.Helper()
	bank, err := stories.LoadBank(os.DirFS("testdata/bank"), "stories", "bank")
	if err != nil {
		t.Fatal(err)
	}
	return bank
}

// packet builds the packet of a role asking five questions, with some
// feedback already imported.
func packet(t testing.TB) *export.Packet {
	t.Helper()
	bank := loadBank(t)
	cat := stories.NewCatalog()
	sel, err := tailor.Select(bank, cat, tailor.Request{
		Questions: []string{"most-challenging", "most-interesting", "hardest-bug", "conflict", "failure"},
		Focus:     []string{"streaming"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return &export.Packet{
		RoleID:    "acme",
		Candidate: config.Candidate{Name: "Sam Lee"},
		Company:   "Acme & Co",
		Title:     "Senior Data Engineer",
		Interview: "2026-12-03",
		Focus:     []string{"streaming", "ownership"},
		Keywords:  []string{"kafka", "stream joins", "data warehouse"},
		Bank:      bank,
		Catalog:   cat,
		Selection: sel,
		Feedback: map[string]stories.Feedback{
			"warehouse.conflict": {Story: "warehouse.conflict", Rating: 3, Status: "needs work", Comment: "Say what the tests showed.\nShorter."},
		},
		Generated: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC),
		Paper:     "A4",
	}
}

func write(t testing.TB, p *export.Packet) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, p); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// dump renders every sheet as TSV, newlines and tabs in cells escaped.
func dump(t testing.TB, f *excelize.File) string {
	t.Helper()
	var b strings.Builder
	esc := strings.NewReplacer("\\", `\\`, "\n", `\n`, "\t", `\t`)
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "## %s\n", sheet)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			for i, c := range r {
				r[i] = esc.Replace(c)
			}
			b.WriteString(strings.Join(r, "\t"))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestWriteGolden(t *testing.T) {
	tests := []struct {
		name   string
		packet func(t testing.TB) *export.Packet
	}{
		{"role", packet},
		{"all", func(t testing.TB) *export.Packet {
			p := packet(t)
			sel, err := tailor.Select(p.Bank, p.Catalog, tailor.Request{All: true})
			if err != nil {
				t.Fatal(err)
			}
			p.RoleID, p.Company, p.Title, p.Interview, p.Focus, p.Keywords = "all", "", "All stories", "", nil, nil
			p.Selection, p.Feedback, p.Redacted = sel, nil, true
			return p
		}},
		{"loop", func(t testing.TB) *export.Packet {
			// Rehearsals and a telling in an earlier round fill the loop's columns.
			p := packet(t)
			p.Loop = &export.Loop{History: map[string]loop.History{
				"warehouse.conflict": {Practised: 3, LastRating: 4, LastPractised: "2026-11-18",
					Told: []loop.Telling{{Story: "warehouse.conflict", Round: 1, At: "2026-11-10 10:00", Kind: "phone screen", With: []string{"recruiter"}, Rating: "solid"}}},
				"ingestion.hardest-bug": {Practised: 1},
			}}
			return p
		}},
		{"bare", func(t testing.TB) *export.Packet {
			// No selection, catalog, feedback or date: the whole bank, nothing marked.
			return &export.Packet{Bank: loadBank(t), Paper: "Letter"}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := open(t, write(t, tt.packet(t)))
			golden.Check(t, filepath.Join("testdata", "golden", tt.name+".tsv"), []byte(dump(t, f)))
		})
	}
}

func TestWriteLayout(t *testing.T) {
	data := write(t, packet(t))
	f := open(t, data)

	t.Run("sheets", func(t *testing.T) {
		if got := strings.Join(f.GetSheetList(), ","); got != "Matrix,Stories,Role,"+SheetRecord {
			t.Errorf("sheets = %s", got)
		}
		if vis, err := f.GetSheetVisible(SheetRecord); err != nil || vis {
			t.Errorf("the record sheet is visible")
		}
		if f.GetActiveSheetIndex() != 0 {
			t.Errorf("active sheet = %d, want the Matrix", f.GetActiveSheetIndex())
		}
	})
	t.Run("frozen panes", func(t *testing.T) {
		for sheet, want := range map[string][2]int{SheetMatrix: {1, 1}, SheetStories: {0, 1}} {
			p, err := f.GetPanes(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if !p.Freeze || p.XSplit != want[0] || p.YSplit != want[1] {
				t.Errorf("%s panes = %+v, want frozen at x=%d y=%d", sheet, p, want[0], want[1])
			}
		}
	})
	t.Run("drop-downs", func(t *testing.T) {
		dvs, err := f.GetDataValidations(SheetStories)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, dv := range dvs {
			got[dv.Sqref] = dv.Type + " " + dv.Formula1
		}
		want := map[string]string{
			"N2:N10": `list "1,2,3,4,5"`,
			"O2:O10": `list "draft,needs work,ready"`,
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("validation %s = %q, want %q (all: %v)", k, got[k], v, got)
			}
		}
	})
	t.Run("autofilter and print titles", func(t *testing.T) {
		names := f.GetDefinedName()
		var got []string
		for _, n := range names {
			got = append(got, n.Name+"@"+n.Scope+"="+n.RefersTo)
		}
		all := strings.Join(got, "\n")
		for _, want := range []string{
			"_xlnm._FilterDatabase@Stories='Stories'!$A$1:$S$10",
			"_xlnm.Print_Titles@Matrix='Matrix'!$A:$A,'Matrix'!$1:$1",
			"_xlnm.Print_Titles@Stories='Stories'!$1:$1",
		} {
			if !strings.Contains(all, want) {
				t.Errorf("defined names lack %s:\n%s", want, all)
			}
		}
		if xml := part(t, data, "xl/worksheets/sheet2.xml"); !strings.Contains(xml, `<autoFilter ref="$A$1:$S$10"`) {
			t.Errorf("Stories sheet has no autofilter:\n%.400s", xml)
		}
	})
	t.Run("printing", func(t *testing.T) {
		for _, sheet := range []string{SheetMatrix, SheetStories} {
			pl, err := f.GetPageLayout(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if *pl.Orientation != "landscape" || *pl.Size != 9 || *pl.FitToWidth < 1 || *pl.FitToHeight != 0 {
				t.Errorf("%s page layout: orientation %s size %d fit %dx%d", sheet, *pl.Orientation, *pl.Size, *pl.FitToWidth, *pl.FitToHeight)
			}
			props, err := f.GetSheetProps(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if props.FitToPage == nil || !*props.FitToPage {
				t.Errorf("%s: fit to page is off", sheet)
			}
		}
	})
	t.Run("picked and gaps styled", func(t *testing.T) {
		style := func(sheet, cell string) *excelize.Style {
			id, err := f.GetCellStyle(sheet, cell)
			if err != nil {
				t.Fatal(err)
			}
			s, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		// Row 3 is most-interesting: column B (ingestion) holds the picked
		// story, tagged streaming; column C (warehouse) one not picked.
		if s := style(SheetMatrix, "B3"); s.Font == nil || !s.Font.Bold || len(s.Fill.Color) == 0 {
			t.Errorf("picked cell B3 is not bold on a fill: %+v", s)
		}
		if s := style(SheetMatrix, "C3"); s.Font != nil && s.Font.Bold {
			t.Errorf("cell C3, not picked, is bold")
		}
		if v, _ := f.GetCellValue(SheetMatrix, "B5"); v != Gap {
			t.Errorf("B5 (conflict, ingestion) = %q, want a gap", v)
		}
		if s := style(SheetMatrix, "B5"); len(s.Fill.Color) == 0 {
			t.Error("gap cell B5 has no fill")
		}
		if s := style(SheetStories, "D2"); s.Alignment == nil || !s.Alignment.WrapText {
			t.Error("Stories cells do not wrap")
		}
		if w, _ := f.GetColWidth(SheetStories, "G"); w < 40 {
			t.Errorf("Action column is %v wide", w)
		}
		if h, _ := f.GetRowHeight(SheetMatrix, 3); h < 30 {
			t.Errorf("Matrix row 3 is %v high", h)
		}
	})
	t.Run("properties", func(t *testing.T) {
		dp, err := f.GetDocProps()
		if err != nil {
			t.Fatal(err)
		}
		if dp.Creator != "starpack" || dp.Title != "Answer matrix: Acme & Co: Senior Data Engineer" || dp.Subject == "" ||
			dp.Created != "2026-11-20T00:00:00Z" || dp.Modified != "2026-11-20T00:00:00Z" {
			t.Errorf("doc props = %+v", dp)
		}
		im, err := Read(bytes.NewReader(data), "matrix.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		if im.RoleID != "acme" || im.Redacted {
			t.Errorf("role id = %q, redacted %v; want acme, not redacted", im.RoleID, im.Redacted)
		}
		p := packet(t)
		p.Redacted = true
		im, err = Read(bytes.NewReader(write(t, p)), "matrix.xlsx")
		if err != nil || !im.Redacted {
			t.Errorf("a redacted copy reads back as not redacted (%v)", err)
		}
	})
	t.Run("feedback pre-filled", func(t *testing.T) {
		im, err := Read(bytes.NewReader(data), "matrix.xlsx")
		if err != nil || len(im.Warnings) > 0 {
			t.Fatal(err, im)
		}
		rows := im.Rows
		for _, r := range rows {
			if r.ID == "warehouse.conflict" {
				if r.Rating != 3 || r.Status != "needs work" || r.Comment != "Say what the tests showed.\nShorter." {
					t.Errorf("row = %+v", r)
				}
				return
			}
		}
		t.Error("no row for warehouse.conflict")
	})
}

// part returns one file of the workbook's zip.
func part(t testing.TB, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestTextIsNeverAFormula(t *testing.T) {
	data := write(t, packet(t))
	f := open(t, data)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/worksheets/") {
			if xml := part(t, data, zf.Name); regexp.MustCompile(`<f[ >]`).MatchString(xml) {
				t.Errorf("%s holds a formula", zf.Name)
			}
		}
	}
	tests := []struct{ sheet, cell, want string }{
		{SheetStories, "D9", `=HYPERLINK("http://evil.example","click")`},
		{SheetStories, "G9", "@SUM(A1) I wrote a tool to walk the dependency DAG and find the first step with a different checksum."},
		{SheetStories, "H9", "+Found a rarely called legacy function with its operands flipped."},
		{SheetStories, "E10", "-I disagreed with the architecture my manager chose."},
		{SheetMatrix, "C4", `=HYPERLINK("http://evil.example","click")`},
		{SheetMatrix, "C5", "Disagreed with the architecture my manager chose"}, // the cue drops the "-I"
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			got, err := f.GetCellValue(tt.sheet, tt.cell)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("%s!%s = %q, want %q", tt.sheet, tt.cell, got, tt.want)
			}
			if formula, _ := f.GetCellFormula(tt.sheet, tt.cell); formula != "" {
				t.Errorf("%s!%s has formula %q", tt.sheet, tt.cell, formula)
			}
		})
	}
}

func TestWriteDeterministic(t *testing.T) {
	a, b := write(t, packet(t)), write(t, packet(t))
	if !bytes.Equal(a, b) {
		t.Error("two writes of the same packet differ")
	}
	p := packet(t)
	p.Generated = p.Generated.AddDate(0, 0, 1)
	if bytes.Equal(a, write(t, p)) {
		t.Error("the build date does not reach the workbook")
	}
}

func TestWriteTooLong(t *testing.T) {
	tests := []struct {
		name, field string
		set         func(s *stories.Story, text string)
		wantPos     string
	}{
		{"action", "action", func(s *stories.Story, v string) { s.Action = v }, "bank/stories/ingestion.yaml:8:13"},
		{"title", "title", func(s *stories.Story, v string) { s.Title = v }, "bank/stories/ingestion.yaml:6:12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := packet(t)
			s := p.Bank.Story("ingestion.most-interesting")
			// é is one UTF-16 unit; 😀 is two, so 16,384 of them overflow.
			tt.set(s, strings.Repeat("😀", MaxCellChars/2+1))
			var buf bytes.Buffer
			err := Write(&buf, p)
			var e *source.Error
			if !errors.As(err, &e) {
				t.Fatalf("error = %v (%T), want a *source.Error", err, err)
			}
			if !strings.HasPrefix(err.Error(), tt.wantPos+`: story "ingestion.most-interesting": `+tt.field+" is 32768 characters") || e.Hint == "" {
				t.Errorf("error = %q (hint %q)", err, e.Hint)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes after the error", buf.Len())
			}
		})
	}
	t.Run("at the limit", func(t *testing.T) {
		p := packet(t)
		long := strings.Repeat("é", MaxCellChars)
		p.Bank.Story("ingestion.most-interesting").Action = long
		f := open(t, write(t, p))
		if got, _ := f.GetCellValue(SheetStories, "G2"); got != long {
			t.Errorf("a %d-character action came back as %d characters", MaxCellChars, len([]rune(got)))
		}
	})
}

func TestKeyNumber(t *testing.T) {
	tests := []struct{ text, want string }{
		{"With those UDFs, processing time dropped to < 1% of before.", "< 1%"},
		{"The 3000+ step calculation was 1 million dollars off.", "3000+"},
		{"It was 1 million dollars off.", "1 million"},
		{"Cut the bill by $2.5M in a year", "$2.5M"},
		{"Served 40k requests per second.", "40k"},
		{"Stable run of the pipeline for 3 months", "3 months"},
		{"Made it 10x faster", "10x"},
		{"1. Explain the design\n2. Plan a v2", ""},
		{"Moved 12 services", "12"},
		{"A 4-way join", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.want+"/"+tt.text, func(t *testing.T) {
			if got := KeyNumber(tt.text); got != tt.want {
				t.Errorf("KeyNumber(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestMatrixSkipsProjectsWithoutStories: a project with no stories (a
// résumé entry) gets no column of gaps in the Matrix.
func TestMatrixSkipsProjectsWithoutStories(t *testing.T) {
	p := packet(t)
	bank := *p.Bank
	bank.Projects = append(append([]*stories.Project{}, bank.Projects...), &stories.Project{Project: "Résumé only: Staff Engineer at Contoso"})
	p.Bank = &bank
	f := open(t, write(t, p))
	rows, err := f.GetRows(SheetMatrix)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.Join(rows[0], "\t"), "Contoso") {
		t.Errorf("a project without stories has a column: %q", rows[0])
	}
	if len(rows[0]) != len(p.Bank.Projects) {
		t.Errorf("%d columns for %d projects with stories (+1 question column)", len(rows[0]), len(p.Bank.Projects)-1)
	}
}

// The interview loop's columns are starpack's: a workbook read back takes
// the coach's own column as theirs, and the loop's not, wherever they are.
func TestLoopColumnsAreNotTheCoachs(t *testing.T) {
	t.Parallel()
	p := packet(t)
	fb := p.Feedback["warehouse.conflict"]
	fb.Columns = map[string]string{"My notes": "ask about the outage"}
	p.Feedback["warehouse.conflict"] = fb
	p.Loop = &export.Loop{History: map[string]loop.History{
		"warehouse.conflict": {Practised: 2, LastRating: 3, Told: []loop.Telling{{Story: "warehouse.conflict", Round: 1}}}}}
	data := write(t, p)
	rows, err := open(t, data).GetRows(SheetStories)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0][len(storyHeaders):], ","); got != "My notes,Practised,Self-rating,Told" {
		t.Errorf("headers after the coach's: %s", got)
	}
	im, err := Read(bytes.NewReader(data), "matrix.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range im.Rows {
		for h := range r.Columns {
			if h != "My notes" {
				t.Errorf("row %s: column %q read as the coach's", r.ID, h)
			}
		}
	}
}
