package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	lpdf "github.com/ledongthuc/pdf"
)

// TestRedactEverywhere builds the example with redaction rules for the
// candidate, the company, a city, a title and a technology, and proves
// that no redacted term survives in any output: the text of both PDFs and
// their metadata, every XML part of the workbook, and the Markdown.
func TestRedactEverywhere(t *testing.T) {
	t.Chdir(t.TempDir())
	a, _, errb := testApp(t)
	if err := a.exec("init", "--example", "ws"); err != nil {
		t.Fatal(err)
	}
	settings := filepath.Join("ws", "starpack.yaml")
	data, _ := os.ReadFile(settings)
	data = bytes.Replace(data, []byte("redact:\n"), []byte("redact:\n  Sam Lee: the candidate\n  sam@example.org: an address\n  VP: an executive\n  steakhouse: restaurant\n"), 1)
	os.WriteFile(settings, data, 0o644)
	role := filepath.Join("ws", "roles", "example.yaml")
	data, _ = os.ReadFile(role)
	data = append(data, []byte("redact: {Northwind Analytics: a data company, Northwind: the company, Kafka: a message bus}\n")...)
	os.WriteFile(role, data, 0o644)

	if err := a.exec("build", "--workspace", "ws", "--redact", "example"); err != nil {
		t.Fatal(err, errb.String())
	}
	terms := []string{"Sam Lee", "sam@example.org", "Toronto", "VP", "steakhouse", "Northwind", "Kafka"}
	dir := filepath.Join("ws", "out", "example")
	texts := map[string]string{}

	notes, err := os.ReadFile(filepath.Join(dir, "notes.md"))
	if err != nil {
		t.Fatal(err)
	}
	texts["notes.md"] = string(notes)
	for _, name := range []string{"brief.pdf", "cheatsheet.pdf"} {
		raw, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		texts[name+" (text)"] = pdfText(t, raw)
		texts[name+" (objects)"] = pdfObjects(raw)
	}
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

	for name, text := range texts {
		for _, term := range terms {
			if regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(term) + `\b`).MatchString(text) {
				t.Errorf("%s still holds %q", name, term)
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
