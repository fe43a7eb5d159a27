package main

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	lpdf "github.com/ledongthuc/pdf"
)

// TestRedactEverywhere builds the example with redaction rules for the
// candidate, the company (which also names the role, as people do:
// roles/northwind.yaml), a city, a title, a technology and a project, and
// proves that no redacted term survives in any output, in any case, as a
// plural or a possessive, or in a story id derived from a project name:
// the text of both PDFs and their metadata, every XML part of the
// workbook, the Markdown, the manifest and the folder names. The private
// packet is left byte for byte as it was.
func TestRedactEverywhere(t *testing.T) {
	t.Chdir(t.TempDir())
	a, _, errb := testApp(t)
	if err := a.exec("init", "--example", "ws"); err != nil {
		t.Fatal(err)
	}
	settings := filepath.Join("ws", "starpack.yaml")
	data, _ := os.ReadFile(settings)
	data = bytes.Replace(data, []byte("redact:\n"), []byte("redact:\n  Sam Lee: the candidate\n  sam@example.org: an address\n  VP: an executive\n  steakhouse: restaurant\n  CTO: executive\n  Harbor Freight: a client project\n"), 1)
	os.WriteFile(settings, data, 0o644)
	role := filepath.Join("ws", "roles", "northwind.yaml")
	data, _ = os.ReadFile(filepath.Join("ws", "roles", "example.yaml"))
	data = append(data, []byte("redact: {Northwind Analytics: a data company, Northwind: the company, Kafka: a message bus}\n")...)
	os.WriteFile(role, data, 0o644)
	os.Remove(filepath.Join("ws", "roles", "example.yaml"))
	// A project whose stories have no ids: theirs derive from its name.
	os.WriteFile(filepath.Join("ws", "stories", "harbor.yaml"), []byte(`project: Harbor Freight migration
stories:
  - question: conflict
    situation: The CTOs disagreed; the CTO's plan and NORTHWIND's plan clashed, and so did both Northwinds.
    action: I wrote up the cto’s options for Harbor Freight's board.
    result: We shipped in 3 weeks.
`), 0o644)

	if err := a.exec("build", "--workspace", "ws", "northwind", "--date", "2026-11-20"); err != nil {
		t.Fatal(err, errb.String())
	}
	private := filepath.Join("ws", "out", "northwind")
	before := readTree(t, private)
	if err := a.exec("build", "--workspace", "ws", "--redact", "northwind", "--date", "2026-11-20"); err != nil {
		t.Fatal(err, errb.String())
	}
	if after := readTree(t, private); !maps.EqualFunc(before, after, bytes.Equal) {
		t.Error("the redacted build changed the private packet")
	}
	copies, _ := os.ReadDir(filepath.Join("ws", "out", "redacted"))
	if len(copies) != 1 {
		t.Fatalf("out/redacted holds %d folders, want 1", len(copies))
	}
	dir := filepath.Join("ws", "out", "redacted", copies[0].Name())
	texts := map[string]string{"folder name": dir}
	for name, b := range readTree(t, dir) {
		texts[name] = string(b)
	}
	for _, name := range []string{"brief.pdf", "cheatsheet.pdf"} {
		raw := []byte(texts[name])
		texts[name+" (text)"] = pdfText(t, raw)
		texts[name+" (objects)"] = pdfObjects(raw)
		delete(texts, name) // compressed: its bytes say nothing
	}
	delete(texts, "matrix.xlsx") // a zip: its compressed bytes say nothing; its parts are read below
	zr, err := zip.OpenReader(filepath.Join(dir, "matrix.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		texts["matrix.xlsx:"+f.Name] = string(b)
	}

	// Every term, as a whole word with any ending, in any case; the
	// company and the project also inside ids (harbor-freight-migration.conflict).
	terms := []string{`Sam Lee`, `sam@example\.org`, `Toronto`, `VP`, `steakhouse`, `Kafka`, `CTO`, `northwind`, `harbor[ -]freight`}
	for name, text := range texts {
		for _, term := range terms {
			if m := regexp.MustCompile(`(?i)\b` + term).FindString(text); m != "" {
				t.Errorf("%s still holds %q", name, m)
			}
		}
	}
	// The replacements are there, and the packet says it is redacted.
	if !strings.Contains(texts["notes.md"], "Redacted copy") || !strings.Contains(texts["notes.md"], "the candidate") {
		t.Error("notes.md does not say it is a redacted copy of the candidate's packet")
	}
	if !strings.Contains(texts["brief.pdf (text)"], "a data company") {
		t.Error("brief.pdf does not hold the replacement")
	}
	if !strings.Contains(strings.ToLower(texts["brief.pdf (text)"]), "redacted") {
		t.Error("brief.pdf does not say it is a redacted copy")
	}
	for _, want := range []string{"The executives disagreed; the executive", "plan and the company", "a-client-project-migration.conflict"} {
		if !strings.Contains(texts["matrix.xlsx:xl/worksheets/sheet3.xml"]+texts["matrix.xlsx:xl/sharedStrings.xml"], want) {
			t.Errorf("the workbook's Stories sheet does not hold %q", want)
		}
	}
}

// readTree reads every file under dir, by path relative to it.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// pdfText extracts the text of every page.
func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	r, err := lpdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		s, err := p.GetPlainText(nil)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(s)
	}
	return b.String()
}

// pdfObjects returns the literal strings of the file outside its streams:
// the metadata and the outline titles, with UTF-16 folded to ASCII letters
// ("\x00S\x00a\x00m" -> "Sam").
func pdfObjects(data []byte) string {
	outside := regexp.MustCompile(`(?s)stream\r?\n.*?\r?\nendstream`).ReplaceAll(data, nil)
	var b strings.Builder
	for _, m := range regexp.MustCompile(`\((?:\\.|[^\\)])*\)`).FindAll(outside, -1) {
		b.Write(bytes.ReplaceAll(m, []byte{0}, nil))
		b.WriteByte('\n')
	}
	return b.String()
}
