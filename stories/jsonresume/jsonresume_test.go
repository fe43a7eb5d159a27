package jsonresume_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/starpack/starpack/internal/golden"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/jsonresume"
	"github.com/starpack/starpack/stories/source"
)

// TestFixture imports a résumé in the published schema's shape and
// compares the story files it gives with a golden copy.
func TestFixture(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "import")
	data, err := os.ReadFile(filepath.Join(dir, "resume.json"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := jsonresume.Parse("resume.json", data)
	if err != nil {
		t.Fatal(err)
	}
	want := jsonresume.Basics{Name: "Sam Lee", Label: "Senior Data Engineer", Email: "sam@example.org",
		Summary: "I build the data pipelines other teams rely on: real-time ingestion, stream joins and a warehouse that every report reads from."}
	if res.Basics != want {
		t.Errorf("basics = %+v, want %+v", res.Basics, want)
	}
	if len(res.Projects) != 3 || len(res.Warnings) != 0 {
		t.Fatalf("%d projects, warnings %q; want 3, none", len(res.Projects), res.Warnings)
	}
	var got bytes.Buffer
	for _, p := range res.Projects {
		out, err := stories.MarshalProject(p)
		if err != nil {
			t.Fatal(err)
		}
		// What is written must load back as it was.
		back, err := stories.ParseProject("x.yaml", out)
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if strings.Join(back.Highlights, "|") != strings.Join(p.Highlights, "|") || back.When != p.When || back.Company != p.Company {
			t.Errorf("read back %+v, wrote %+v", back, p)
		}
		got.WriteString("# stories/" + stories.ProjectFileName(p) + "\n")
		got.Write(out)
	}
	golden.Check(t, filepath.Join(dir, "resume.golden.yaml"), got.Bytes())
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, json string
		projects   []stories.Project
		pitch      string
		warnings   int
	}{
		{"old company key", `{"work": [{"company": "Acme", "position": "Engineer", "startDate": "2019"}]}`,
			[]stories.Project{{Project: "Engineer", Company: "Acme", When: "2019 to present"}}, "", 0},
		{"no position", `{"work": [{"name": "Acme", "endDate": "2020-05-01"}]}`,
			[]stories.Project{{Project: "Acme", When: "to 2020-05"}}, "", 0},
		{"label when no summary", `{"basics": {"name": "A", "label": "Engineer"}}`, nil, "Engineer", 0},
		{"nameless work skipped", `{"basics": {"name": "A"}, "work": [{"summary": "x"}], "projects": [{"description": "y"}]}`, nil, "", 2},
		{"same start and end", `{"projects": [{"name": "P", "startDate": "2020-01-01", "endDate": "2020-01-31", "keywords": ["go", ""]}]}`,
			[]stories.Project{{Project: "P", When: "2020-01", Tags: []string{"go"}}}, "", 0},
		{"byte order mark", "\uFEFF{\"basics\": {\"name\": \"A\", \"summary\": \"Hi.\"}}", nil, "Hi.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := jsonresume.Parse("r.json", []byte(tt.json))
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Projects) != len(tt.projects) {
				t.Fatalf("%d projects, want %d", len(res.Projects), len(tt.projects))
			}
			for i, p := range res.Projects {
				w := tt.projects[i]
				if p.Project != w.Project || p.Company != w.Company || p.When != w.When || strings.Join(p.Tags, ",") != strings.Join(w.Tags, ",") {
					t.Errorf("project %d = %+v, want %+v", i, *p, w)
				}
				if p.Stories == nil || len(p.Stories) != 0 {
					t.Errorf("project %d stories = %v, want an empty list", i, p.Stories)
				}
			}
			if res.Basics.Pitch() != tt.pitch {
				t.Errorf("pitch %q, want %q", res.Basics.Pitch(), tt.pitch)
			}
			if len(res.Warnings) != tt.warnings {
				t.Errorf("warnings %q, want %d", res.Warnings, tt.warnings)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, json string
		line, col  int
		msg        string
	}{
		{"syntax", "{\n  \"basics\": {\"name\": \"A\",}\n}", 2, 26, "invalid JSON"},
		{"truncated", "{\n  \"basics\": {", 2, 14, "unexpected end"},
		{"wrong type", "{\n  \"work\": [{\"name\": \"A\", \"highlights\": \"one\"}]\n}", 2, 40, "work.highlights: expected a list"},
		{"array", "[1, 2]", 1, 1, "expected a JSON object"},
		{"not a resume", `{"name": "x"}`, 1, 1, "not a JSON Resume"},
		{"empty resume", `{"basics": {}}`, 0, 0, "holds no name"},
		{"invalid utf-8", "{\"basics\": {\"name\": \"\xff\"}}", 1, 22, "invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := jsonresume.Parse("r.json", []byte(tt.json))
			var e *source.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not a *source.Error", err)
			}
			if e.File != "r.json" || e.Line != tt.line || e.Col != tt.col || !strings.Contains(e.Msg, tt.msg) || e.Hint == "" {
				t.Errorf("error %q at %d:%d (hint %q), want %q at %d:%d", e.Msg, e.Line, e.Col, e.Hint, tt.msg, tt.line, tt.col)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             bool
	}{
		{"json extension", "me.JSON", "", true},
		{"object text", "resume", "\uFEFF  \n{\"basics\": {}}", true},
		{"plain notes", "notes.txt", "Payments\n----\n1. Most challenging", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := jsonresume.Detect(tt.file, []byte(tt.text)); got != tt.want {
				t.Errorf("Detect(%q) = %v, want %v", tt.file, got, tt.want)
			}
		})
	}
}

// FuzzParse checks that any input gives a positioned error or projects
// that survive a write and read back.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "import", "resume.json")); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"work": [{"name": "A", "highlights": ["x"]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := jsonresume.Parse("r.json", data)
		if err != nil {
			var e *source.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not a *source.Error", err)
			}
			return
		}
		for _, p := range res.Projects {
			out, err := stories.MarshalProject(p)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := stories.ParseProject("x.yaml", out); err != nil {
				t.Fatalf("written project does not load: %v\n%s", err, out)
			}
		}
	})
}
