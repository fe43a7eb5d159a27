package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

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

// column returns the letter of the column headed header in sheet.
func column(t testing.TB, f *excelize.File, sheet, header string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.Index(rows[0], header)
	if i < 0 {
		t.Fatalf("%s has no column %q: %q", sheet, header, rows[0])
	}
	return colName(i + 1)
}

// cellStyle returns the style of a cell.
func cellStyle(t testing.TB, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
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

func TestWriteLayout(t *testing.T) {
	data := write(t, packet(t))
	f := open(t, data)

	t.Run("sheets", func(t *testing.T) {
		if got := strings.Join(f.GetSheetList(), ","); got != "Coach,Matrix,Stories,Role,"+SheetRecord {
			t.Errorf("sheets = %s", got)
		}
		if vis, err := f.GetSheetVisible(SheetRecord); err != nil || vis {
			t.Errorf("the record sheet is visible")
		}
		if f.GetActiveSheetIndex() != 0 {
			t.Errorf("active sheet = %d, want the Coach sheet", f.GetActiveSheetIndex())
		}
	})
	t.Run("frozen panes", func(t *testing.T) {
		// The Stories sheet keeps its question, cue and id in view, as well as its header.
		for sheet, want := range map[string][2]int{SheetCoach: {0, 1}, SheetMatrix: {1, 1}, SheetStories: {3, 1}} {
			p, err := f.GetPanes(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if !p.Freeze || p.XSplit != want[0] || p.YSplit != want[1] {
				t.Errorf("%s panes = %+v, want frozen at x=%d y=%d", sheet, p, want[0], want[1])
			}
		}
		rows, _ := f.GetRows(SheetStories)
		if got := strings.Join(rows[0][:3], ","); got != "Question,Cue,ID" {
			t.Errorf("Stories starts with %s", got)
		}
	})
	t.Run("drop-downs", func(t *testing.T) {
		for sheet, want := range map[string]map[string]string{
			SheetStories: {"I2:I10": `list "1,2,3,4,5"`, "J2:J10": `list "draft,needs work,ready"`},
			SheetCoach:   {"F2:F9": `list "1,2,3,4,5"`, "G2:G9": `list "draft,needs work,ready"`},
		} {
			dvs, err := f.GetDataValidations(sheet)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, dv := range dvs {
				got[dv.Sqref] = dv.Type + " " + dv.Formula1
			}
			if !maps.Equal(got, want) {
				t.Errorf("%s validations = %v, want %v", sheet, got, want)
			}
		}
	})
	t.Run("autofilter and print titles", func(t *testing.T) {
		var got []string
		for _, n := range f.GetDefinedName() {
			got = append(got, n.Name+"@"+n.Scope+"="+n.RefersTo)
		}
		all := strings.Join(got, "\n")
		for _, want := range []string{
			"_xlnm._FilterDatabase@Stories='Stories'!$A$1:$V$10",
			"_xlnm._FilterDatabase@Coach='Coach'!$A$1:$I$9",
			"_xlnm.Print_Titles@Coach='Coach'!$1:$1",
			"_xlnm.Print_Titles@Matrix='Matrix'!$A:$A,'Matrix'!$1:$1",
			"_xlnm.Print_Titles@Stories='Stories'!$A:$C,'Stories'!$1:$1",
		} {
			if !strings.Contains(all, want) {
				t.Errorf("defined names lack %s:\n%s", want, all)
			}
		}
	})
	t.Run("printing", func(t *testing.T) {
		for _, sheet := range []string{SheetCoach, SheetMatrix, SheetStories, SheetRole} {
			pl, err := f.GetPageLayout(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if *pl.Orientation != "landscape" || *pl.Size != 9 || *pl.FitToWidth < 1 || *pl.FitToHeight != 0 {
				t.Errorf("%s page layout: orientation %s size %d fit %dx%d", sheet, *pl.Orientation, *pl.Size, *pl.FitToWidth, *pl.FitToHeight)
			}
			if sheet == SheetCoach && *pl.FitToWidth != 1 {
				t.Errorf("the Coach sheet prints %d pages wide, want 1", *pl.FitToWidth)
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
	t.Run("conditional formats", func(t *testing.T) {
		star := fmt.Sprint(90.0/86400) + "-" + fmt.Sprint(120.0/86400)
		for _, sheet := range []string{SheetCoach, SheetStories} {
			cfs, err := f.GetConditionalFormats(sheet)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for ref, opts := range cfs {
				var rules []string
				for _, o := range opts {
					v := o.Value
					if v == "" {
						v = o.MinValue + "-" + o.MaxValue
					}
					rules = append(rules, o.Criteria+" "+v)
				}
				got[ref] = strings.Join(rules, "; ")
			}
			rating, status, timeCol := column(t, f, sheet, "Rating"), column(t, f, sheet, "Status"), column(t, f, sheet, "Time")
			last := map[string]string{SheetCoach: "9", SheetStories: "10"}[sheet]
			for ref, want := range map[string]string{
				rating + "2:" + rating + last: "between 1-2; equal to 3; between 4-5",
				status + "2:" + status + last: `equal to "ready"; equal to "needs work"`,
			} {
				if got[ref] != want {
					t.Errorf("%s %s rules = %q, want %q (all: %v)", sheet, ref, got[ref], want, got)
				}
			}
			var windows []string
			for ref, r := range got {
				if strings.HasPrefix(ref, timeCol) {
					windows = append(windows, r)
				}
			}
			want := []string{"not between " + star}
			if sheet == SheetStories {
				want = nil // a style of its own (TestStoriesSheet)
			}
			if !slices.Equal(windows, want) {
				t.Errorf("%s time rules = %q, want %q", sheet, windows, want)
			}
		}
	})
	t.Run("feedback pre-filled", func(t *testing.T) {
		im, err := Read(bytes.NewReader(data), "matrix.xlsx")
		if err != nil || len(im.Warnings) > 0 {
			t.Fatal(err, im)
		}
		for _, r := range im.Rows {
			if r.ID == "warehouse.conflict" {
				if r.Rating != 3 || r.Status != "needs work" || r.Comment != "Say what the tests showed.\nShorter." {
					t.Errorf("row = %+v", r)
				}
				return
			}
		}
		t.Error("no row for warehouse.conflict")
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
}

// TestCoachSheet: one row per picked story in question order, then the
// alternates, each with its cue, shortened result and time against its
// window, and the coach's cells pre-filled.
func TestCoachSheet(t *testing.T) {
	t.Parallel()
	p := packet(t)
	f := open(t, write(t, p))
	rows, err := f.GetRows(SheetCoach)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "Question,Cue,Result,Time,Aim,Rating,Status,Comments,ID" {
		t.Errorf("headers = %s", got)
	}
	var ids []string
	for _, a := range p.Selection.Answers {
		for _, pk := range a.Picks {
			ids = append(ids, pk.Story.ID)
		}
	}
	picks := len(ids)
	for _, r := range rows[1 : picks+1] {
		if r[8] != ids[0] {
			t.Errorf("row %q, want story %s", r, ids[0])
		}
		ids = ids[1:]
	}
	for _, r := range rows[picks+1:] {
		if !strings.HasSuffix(r[0], " (alternate)") {
			t.Errorf("alternate row %q does not say so", r)
		}
	}
	row := findRow(t, f, SheetCoach, "I", "warehouse.conflict")
	got, _ := f.GetRows(SheetCoach)
	r := got[row-1]
	s := p.Bank.Story("warehouse.conflict")
	want := []string{"Conflict with a teammate", stories.Heading(s), "We switched to the architecture I proposed.", p.Time(s), "1:30–2:00", "3", "needs work", "Say what the tests showed.\nShorter.", s.ID}
	if !slices.Equal(r, want) {
		t.Errorf("warehouse.conflict row = %q\nwant %q", r, want)
	}
	long := strings.Repeat("The retry logic held under load. ", 20)
	if got := shortResult(&stories.Story{Result: long}); utf8.RuneCountInString(got) > resultChars || !strings.HasSuffix(got, "…") {
		t.Errorf("shortened result = %q", got)
	}
}

// TestStoriesSheet: the Title column is the cue, the time and the lint
// flags have columns of their own, and the picked rows are highlighted.
func TestStoriesSheet(t *testing.T) {
	t.Parallel()
	p := packet(t)
	f := open(t, write(t, p))
	for _, tt := range []struct {
		id, cue, time, flags string
		picked               bool
	}{
		{"warehouse.conflict", "Disagreed with the architecture my manager chose", "0:12", "length", true},
		{"ingestion.most-interesting-2", "Schema registry at scale", "0:02", "star-missing, length", false},
		{"ingestion.why-streaming", "Latency mattered more than cost for this product", "0:03", "length", false},
	} {
		t.Run(tt.id, func(t *testing.T) {
			row := itoa(findRow(t, f, SheetStories, "C", tt.id))
			get := func(header string) string {
				v, err := f.GetCellValue(SheetStories, column(t, f, SheetStories, header)+row)
				if err != nil {
					t.Fatal(err)
				}
				return v
			}
			if get("Cue") != tt.cue || get("Time") != tt.time || get("Lint") != tt.flags {
				t.Errorf("cue %q, time %q, lint %q; want %q, %q, %q", get("Cue"), get("Time"), get("Lint"), tt.cue, tt.time, tt.flags)
			}
			if fill := cellStyle(t, f, SheetStories, column(t, f, SheetStories, "Time")+row).Fill.Color; len(fill) == 0 || !strings.EqualFold(fill[0], fillSoSo) {
				t.Errorf("a time outside its window is filled %q, want %s", fill, fillSoSo)
			}
			filled := len(cellStyle(t, f, SheetStories, "D"+row).Fill.Color) > 0
			if filled != tt.picked || (get("Picked for") != "") != tt.picked {
				t.Errorf("picked %v: row filled %v, picked for %q", tt.picked, filled, get("Picked for"))
			}
		})
	}
}

// TestMatrixColours: a project without a story for a question is grey,
// not red; red is for a question the role asks that no story answers; the
// legend says what each colour means, and a packet that picks every story
// marks none.
func TestMatrixColours(t *testing.T) {
	t.Parallel()
	p := packet(t)
	sel, err := tailor.Select(p.Bank, p.Catalog, tailor.Request{Questions: []string{"most-interesting", "conflict", "Why do you want to work here?"}})
	if err != nil {
		t.Fatal(err)
	}
	p.Selection = sel
	f := open(t, write(t, p))
	fillOf := func(cell string) string {
		s := cellStyle(t, f, SheetMatrix, cell)
		if len(s.Fill.Color) == 0 {
			return ""
		}
		return s.Fill.Color[0]
	}
	// Row 3: conflict, which only the warehouse (C) answers; row 4: the question no story answers.
	for cell, want := range map[string]string{"B3": fillEmpty, "C3": fillPicked, "A4": fillGap, "B4": fillGap, "C4": fillGap, "A3": fillTitle} {
		if got := fillOf(cell); !strings.EqualFold(got, want) {
			t.Errorf("%s fill = %q, want %q", cell, got, want)
		}
	}
	legend := matrixText(t, f)
	for _, want := range []string{"Picked for this role", "Grey: this project has no story for this question", "Red: the role asks this question and no story answers it"} {
		if !strings.Contains(legend, want) {
			t.Errorf("the legend lacks %q:\n%s", want, legend)
		}
	}

	whole := packet(t)
	whole.Selection, err = tailor.Select(whole.Bank, whole.Catalog, tailor.Request{All: true})
	if err != nil {
		t.Fatal(err)
	}
	f = open(t, write(t, whole))
	legend = matrixText(t, f)
	if strings.Contains(legend, "Picked for this role") || !strings.Contains(legend, "none is marked as picked") {
		t.Errorf("the whole bank's legend:\n%s", legend)
	}
	if s := cellStyle(t, f, SheetMatrix, "B3"); s.Font != nil && s.Font.Bold {
		t.Error("the whole bank marks a story as picked")
	}
}

func matrixText(t testing.TB, f *excelize.File) string {
	t.Helper()
	rows, err := f.GetRows(SheetMatrix)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "\t") + "\n")
	}
	return b.String()
}

// TestMatrixKeyFigure: the key figure of a story keeps its unit, prefers
// money, and is left out when the cue says it.
func TestMatrixKeyFigure(t *testing.T) {
	t.Parallel()
	b := newBook(nil, &export.Packet{Bank: &stories.Bank{}})
	for _, tt := range []struct {
		s    stories.Story
		want string
	}{
		{stories.Story{Title: "Night shifts", Result: "Cut the 14-hour rollout to an hour."}, "Night shifts\n→ 14-hour"},
		{stories.Story{Title: "The contract", Situation: "A $1.2M/year contract was at risk.", Result: "Shipped in 3 weeks."}, "The contract\n→ $1.2M/year"},
		{stories.Story{Title: "Processing time cut to <1% of before", Result: "Processing time dropped to < 1% of before."}, "Processing time cut to <1% of before"},
		{stories.Story{Title: "Steps", Action: "1. Explain the design\n2. Plan a v2"}, "Steps"},
	} {
		t.Run(tt.want, func(t *testing.T) {
			if got := b.matrixCue(&tt.s); got != tt.want {
				t.Errorf("matrixCue = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestRoleSheet: the job description in full, the requirement map, the
// questions and the keywords.
func TestRoleSheet(t *testing.T) {
	t.Parallel()
	p := packet(t)
	p.JobDescription = "We build streaming systems.\n\nRequirements:\n- Kafka and stream joins in production\n- Mentor our interns\n  every week"
	sel, err := tailor.Select(p.Bank, p.Catalog, tailor.Request{Questions: []string{"most-interesting", "conflict"}, JobDescription: p.JobDescription})
	if err != nil {
		t.Fatal(err)
	}
	p.Selection = sel
	p.Loop = &export.Loop{}
	text := sheetText(t, open(t, write(t, p)), SheetRole)
	for _, want := range []string{
		"Job description\nWe build streaming systems.\nRequirements:\n- Kafka and stream joins in production\n- Mentor our interns every week\n",
		"What the job asks for\nRequirement\tYour evidence\tNot yet said, or the gap\n",
		"Kafka and stream joins in production\tA 4-way stream join with no prior examples (ingestion.most-interesting, picked): stream join",
		"Mentor our interns every week\t\tGap: no story says",
		"Questions\nQuestion\tAs an interviewer asks it\tYour story\n1. Most interesting problem\t",
		"Job-description keywords\tkafka, stream joins, data warehouse",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the Role sheet lacks %q:\n%s", want, text)
		}
	}
}

// sheetText is a sheet's rows as tab-separated lines.
func sheetText(t testing.TB, f *excelize.File, sheet string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows {
		if len(r) > 0 {
			b.WriteString(strings.TrimRight(strings.Join(r, "\t"), "\t") + "\n")
		}
	}
	return b.String()
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
	p := packet(t)
	p.JobDescription = "=cmd|' /C calc'!A0\n+Kafka, stream joins"
	p.Loop = &export.Loop{}
	data := write(t, p)
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
		{SheetStories, "B9", `=HYPERLINK("http://evil.example","click")`},
		{SheetStories, "N9", "@SUM(A1) I wrote a tool to walk the dependency DAG and find the first step with a different checksum."},
		{SheetStories, "O9", "+Found a rarely called legacy function with its operands flipped."},
		{SheetStories, "L10", "-I disagreed with the architecture my manager chose."},
		{SheetMatrix, "C4", "=HYPERLINK(\"http://evil.example\",\"click\")\n→ 1 million dollars"},
		{SheetMatrix, "C5", "Disagreed with the architecture my manager chose"}, // the cue drops the "-I"
		{SheetCoach, "B" + itoa(findRow(t, f, SheetCoach, "I", "warehouse.hardest-bug")), `=HYPERLINK("http://evil.example","click")`},
		{SheetRole, "A" + itoa(findRow(t, f, SheetRole, "A", "Job description")+1), `=cmd|' /C calc'!A0 +Kafka, stream joins`},
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
		if got, _ := f.GetCellValue(SheetStories, "N2"); got != long {
			t.Errorf("a %d-character action came back as %d characters", MaxCellChars, len([]rune(got)))
		}
	})
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
	if got := strings.Join(rows[0][len(storyHeaders):], ","); got != "My notes,Situation,Task,Action,Result,Lesson,Notes,Tags,Words,Practised,Self-rating,Told" {
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

// A role heading too long for a printed page header (Excel takes 255
// characters, "&" counting twice) is shortened there; the workbook is
// written.
func TestLongHeading(t *testing.T) {
	t.Parallel()
	p := packet(t)
	p.Title = strings.Repeat("R&D lead, ", 40)
	f := open(t, write(t, p))
	checked := 0
	for _, sheet := range f.GetSheetList() {
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if hf == nil || hf.OddHeader == "" {
			continue
		}
		checked++
		if n := utf16Len(hf.OddHeader); n > maxHeaderChars {
			t.Errorf("%s: header of %d characters", sheet, n)
		}
		if !strings.HasPrefix(hf.OddHeader, "&L") || !strings.HasSuffix(hf.OddHeader, "…&R"+sheet) {
			t.Errorf("%s: header %q", sheet, hf.OddHeader)
		}
	}
	if checked < 3 {
		t.Errorf("%d sheets with a page header, want the Coach, Matrix and Stories sheets at least", checked)
	}
}

// An alternate is timed on the Coach sheet against the question it is
// listed under: a short "what you learned" answer offered for a STAR
// question is aimed at the STAR window.
func TestCoachAlternateTimedForItsQuestion(t *testing.T) {
	t.Parallel()
	p := packet(t)
	pr := p.Bank.Projects[0]
	short := &stories.Story{ID: "extra.learned", Question: "learned", Notes: "Keep the on-call runbook short.", Project: pr}
	pr.Stories = append(pr.Stories, short)
	a := &p.Selection.Answers[0] // most-challenging: a STAR question
	a.Alternates = append(a.Alternates, tailor.Pick{Story: short})
	f := open(t, write(t, p))
	rows, err := f.GetRows(SheetCoach)
	if err != nil {
		t.Fatal(err)
	}
	aim := slices.Index(rows[0], "Aim")
	id := slices.Index(rows[0], "ID")
	found := false
	for _, r := range rows[1:] {
		if len(r) > id && r[id] == short.ID {
			found = true
			if r[aim] != "1:30–2:00" {
				t.Errorf("alternate aimed at %q, want the STAR window 1:30–2:00 of %q", r[aim], r[0])
			}
		}
	}
	if !found {
		t.Fatalf("no Coach row for %s", short.ID)
	}
}
