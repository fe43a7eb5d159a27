package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/starpack/starpack/config"
)

// workedExample returns the command lines of the README's worked example:
// the first sh block after its heading, comments and blank lines left out.
func workedExample(t *testing.T) []string {
	t.Helper()
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "\n## A worked example\n")
	if !ok {
		t.Fatal("README has no worked example")
	}
	_, rest, ok = strings.Cut(rest, "```sh\n")
	if !ok {
		t.Fatal("the worked example has no sh block")
	}
	block, _, _ := strings.Cut(rest, "```")
	var lines []string
	for _, line := range strings.Split(block, "\n") {
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		if line = strings.TrimSpace(line); line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// TestREADMEWorkedExample runs the README's worked example as written, line
// by line, in a fresh folder with nothing but this binary: each starpack
// command in process, cd as cd, the notes path replaced by a bank of notes
// made for the test, $EDITOR by the edit a user would make, and the coach's
// workbook by the packet's own with a rating typed in. The packet must
// hold the user's stories and nothing made up: no sample story, no sample
// candidate, no template placeholder, in the PDFs' text, the workbook or
// notes.md.
func TestREADMEWorkedExample(t *testing.T) {
	notes, err := filepath.Abs(filepath.Join("..", "..", "testdata", "readme", "stories.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := workedExample(t)
	t.Chdir(t.TempDir())
	if len(lines) < 8 || !strings.HasPrefix(lines[0], "starpack init ") {
		t.Fatalf("the worked example does not start with starpack init: %q", lines)
	}
	for _, line := range lines {
		args := strings.Fields(line)
		switch args[0] {
		case "cd":
			t.Chdir(args[1])
		case "$EDITOR":
			editAsUser(t, args[1])
		case "starpack":
			for i, a := range args {
				if a == "~/notes/stories.txt" {
					args[i] = notes
				}
			}
			if args[1] == "feedback" {
				coachEdits(t, args[2])
			}
			var out, errb bytes.Buffer
			if code := run(args[1:], strings.NewReader(""), &out, &errb); code != 0 {
				t.Fatalf("%s: exit %d\nstdout:\n%s\nstderr:\n%s", line, code, out.String(), errb.String())
			}
			t.Logf("$ %s\n%s%s", line, out.String(), errb.String())
		default:
			t.Fatalf("the worked example has a line this test cannot run: %q", line)
		}
	}
	checkOwnPacket(t, filepath.Join("out", "acme"))
	if _, err := os.Stat(filepath.Join("feedback", "acme.yaml")); err != nil {
		t.Errorf("the coach's feedback was not imported: %v", err)
	}
}

// editAsUser makes the edit the worked example asks for in file: the
// candidate in starpack.yaml, the role in roles/acme.yaml.
func editAsUser(t *testing.T, file string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var edits []string
	switch filepath.ToSlash(file) {
	case config.FileName:
		edits = []string{
			`name: ""`, `name: Ana Diaz`,
			`email: ""`, `email: ana@diaz.dev`,
			`pitch: ""`, `pitch: I build the services people pay through, and make them hold on the busiest day of the year.`,
		}
	case "roles/acme.yaml":
		edits = []string{
			"company: Company name", "company: Acme Payments",
			"title: Job title", "title: Senior Backend Engineer",
			"# date: 2026-12-03 ", "date: 2026-12-03 ",
			"# job_description: |  ", "job_description: |  ",
			"#   We are looking for...", "  We are looking for a backend engineer to own checkout and payments:\n  load testing, incident response, search and ranking.",
		}
	default:
		t.Fatalf("the worked example edits %s, which this test does not know", file)
	}
	text := string(data)
	for i := 0; i < len(edits); i += 2 {
		if !strings.Contains(text, edits[i]) {
			t.Fatalf("%s lacks %q to edit", file, edits[i])
		}
		text = strings.Replace(text, edits[i], edits[i+1], 1)
	}
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// coachEdits makes the coach's copy of the packet's workbook: a rating
// and a comment on the first picked story.
func coachEdits(t *testing.T, name string) {
	t.Helper()
	f, err := excelize.OpenFile(filepath.Join("out", "acme", "matrix.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Stories")
	if err != nil || len(rows) < 2 {
		t.Fatalf("no Stories rows: %v", err)
	}
	col := func(header string) int {
		i := slices.Index(rows[0], header)
		if i < 0 {
			t.Fatalf("no %q column in %q", header, rows[0])
		}
		return i + 1
	}
	picked, rating, comments := col("Picked for"), col("Rating"), col("Coach comments")
	for r, row := range rows[1:] {
		if len(row) >= picked && row[picked-1] != "" {
			for c, v := range map[int]any{rating: 4, comments: "Lead with the 6x."} {
				cell, _ := excelize.CoordinatesToCellName(c, r+2)
				if err := f.SetCellValue("Stories", cell, v); err != nil {
					t.Fatal(err)
				}
			}
			if err := f.SaveAs(name); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatal("no picked story in the workbook")
}

// checkOwnPacket reads back every file of the packet in dir and finds the
// user's stories and nothing made up: none of the example's stories,
// projects, role or candidate, and no template placeholder.
func checkOwnPacket(t *testing.T, dir string) {
	t.Helper()
	texts := map[string]string{}
	for _, name := range []string{"brief.pdf", "cheatsheet.pdf"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		text, err := pdfPlainText(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		texts[name] = text + pdfObjects(data)
	}
	notes, err := os.ReadFile(filepath.Join(dir, "notes.md"))
	if err != nil {
		t.Fatal(err)
	}
	texts["notes.md"] = string(notes)
	texts["matrix.xlsx"] = workbookText(t, filepath.Join(dir, "matrix.xlsx"))

	forbidden := []string{"Sam Lee", "example.org", "Company name", "Job title", "Northwind"}
	ex, err := config.OpenExample().Bank()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ex.Projects {
		forbidden = append(forbidden, p.Project)
		for _, s := range p.Stories {
			forbidden = append(forbidden, s.ID)
		}
	}
	for name, text := range texts {
		for _, f := range forbidden {
			if strings.Contains(text, f) {
				t.Errorf("%s holds %q, which is not the user's", name, f)
			}
		}
		for _, want := range []string{"Ana Diaz", "Acme Payments"} {
			if !strings.Contains(text, want) && name != "matrix.xlsx" {
				t.Errorf("%s does not name %q", name, want)
			}
		}
	}
	// Every story in the notes and the workbook is one of the user's.
	ids := regexp.MustCompile("`((?:checkout-service|search-ranking)[a-z-]*\\.[a-z-]+)`").FindAllString(texts["notes.md"], -1)
	if len(ids) == 0 {
		t.Errorf("notes.md holds none of the user's stories:\n%s", texts["notes.md"])
	}
	if !strings.Contains(texts["matrix.xlsx"], "checkout-service-rewrite.most-challenging") {
		t.Errorf("the workbook does not list the user's stories")
	}
}

// workbookText is every cell of every sheet of a workbook.
func workbookText(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			b.WriteString(strings.Join(r, "\t"))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// TestREADMEGoVersion checks that the Go version the README asks for is
// the one go.mod needs.
func TestREADMEGoVersion(t *testing.T) {
	t.Parallel()
	mod, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	want := "Go (" + string(m[1]) + " or later"
	if !strings.Contains(string(readme), want) {
		t.Errorf("README does not say %q, the version go.mod needs", want)
	}
	for _, v := range regexp.MustCompile(`Go \(?(1\.\d+(?:\.\d+)?) or later`).FindAllSubmatch(readme, -1) {
		if string(v[1]) != string(m[1]) {
			t.Errorf("README asks for Go %s; go.mod needs %s", v[1], m[1])
		}
	}
}
