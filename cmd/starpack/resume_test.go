package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestResumeInBrief imports the JSON Resume fixture into a workspace, adds
// a story to one of its projects, and finds that project's highlights in
// the brief and the notes, and the résumé's candidate on the cover.
func TestResumeInBrief(t *testing.T) {
	resume, err := filepath.Abs(filepath.Join("..", "..", "testdata", "import", "resume.json"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	a, out, errb := testApp(t)
	if err := a.exec("import", resume, "--into", "ws"); err != nil {
		t.Fatalf("%v\n%s", err, errb)
	}
	for _, want := range []string{"3 projects, 0 stories", "candidate name, email, pitch from"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("import said %q, want %q", out, want)
		}
	}
	// A story under the Northwind job, and a role that asks its question.
	story := `  - id: northwind.most-interesting
    question: most-interesting
    situation: The website needed live data from four streams.
    action: I designed a 4-way stream join with no prior examples.
    result: Every user of the main website sees data within a second.
`
	file := filepath.Join("ws", "stories", "senior-data-engineer.yaml")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	data = []byte(strings.Replace(string(data), "stories: []\n", "stories:\n"+story, 1))
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join("ws", "roles"), 0o755)
	role := "company: Acme\ntitle: Data Engineer\nquestions: [most-interesting]\n"
	if err := os.WriteFile(filepath.Join("ws", "roles", "acme.yaml"), []byte(role), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := a.exec("build", "--workspace", "ws", "acme"); err != nil {
		t.Fatalf("%v\n%s", err, errb)
	}

	brief, err := os.ReadFile(filepath.Join("ws", "out", "acme", "brief.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(pdfText(t, brief)), " ")
	notes, err := os.ReadFile(filepath.Join("ws", "out", "acme", "notes.md"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, brief, notes string }{
		{"heading", "Résumé highlights", "## Résumé highlights"},
		{"project", "Senior Data Engineer · Northwind Analytics · 2021-04 to present", "**Senior Data Engineer** · Northwind Analytics · 2021-04 to present"},
		{"first bullet", "Built real-time ingestion with a 4-way stream join used by every user of the main website", "- Built real-time ingestion with a 4-way stream join used by every user of the main website"},
		{"second bullet", "Cut p99 join latency from 9 s to 400 ms", "- Cut p99 join latency from 9 s to 400 ms"},
		{"candidate", "Sam Lee", "Sam Lee"},
		{"pitch", "I build the data pipelines other teams rely on", "I build the data pipelines other teams rely on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(text, tt.brief) {
				t.Errorf("brief.pdf lacks %q:\n%s", tt.brief, text)
			}
			if !strings.Contains(string(notes), tt.notes) {
				t.Errorf("notes.md lacks %q:\n%s", tt.notes, notes)
			}
		})
	}
	// Projects with no picked story do not show.
	for _, other := range []string{"Migrated 120 stored procedures", "Adopted by three teams"} {
		if strings.Contains(text, other) || strings.Contains(string(notes), other) {
			t.Errorf("the packet shows %q, from a project no picked story belongs to", other)
		}
	}
	// The highlights come after the at-a-glance table.
	if g, h := strings.Index(text, "At a glance"), strings.Index(text, "Résumé highlights"); g < 0 || h < g {
		t.Errorf("highlights at %d, at-a-glance at %d", h, g)
	}
}
