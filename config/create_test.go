package config

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/lint"
)

func TestCreate(t *testing.T) {
	t.Parallel()
	t.Run("empty", func(t *testing.T) {
		t.Parallel()
		dir := filepath.Join(t.TempDir(), "prep")
		files, err := Create(dir, "prep", false)
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"roles/README.md", "starpack.yaml", "stories/README.md"}; !slices.Equal(files, want) {
			t.Errorf("files %q, want %q", files, want)
		}
		ws, err := Open(dir, "prep")
		if err != nil {
			t.Fatal(err)
		}
		if c := ws.Settings.Candidate; c != (Candidate{}) {
			t.Errorf("candidate %+v, want empty", c)
		}
		if s := ws.Samples(); s.Any() || s.Own {
			t.Errorf("samples %+v in an empty workspace", s)
		}
		for _, kind := range []string{KindStory, KindRole, KindSettings} {
			if _, err := os.Stat(filepath.Join(dir, SchemaDir, kind+".json")); err != nil {
				t.Error(err)
			}
		}
	})
	t.Run("example", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		files, err := Create(dir, "demo", true)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			data, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil {
				t.Fatal(err)
			}
			marked := IsSample(data)
			if f == FileName {
				marked = MarkedSample(data)
			}
			if !marked {
				t.Errorf("%s is not marked as sample data", f)
			}
		}
		ws, err := Open(dir, "")
		if err != nil {
			t.Fatal(err)
		}
		s := ws.Samples()
		if !s.Only() || len(s.Stories) != 2 || len(s.Roles) != 1 || !slices.Equal(s.Candidate, []string{"name", "email", "pitch"}) {
			t.Errorf("samples %+v, want the whole example and nothing else", s)
		}
		bank, err := ws.Bank()
		if err != nil {
			t.Fatal(err)
		}
		if n := len(bank.Stories()); n != 18 {
			t.Errorf("%d stories, want 18", n)
		}
		for _, f := range ws.Lint(bank, true) {
			if f.Rule == lint.SampleData || f.Rule == lint.Placeholder {
				t.Errorf("the sample workspace alone has a finding: %s", f)
			}
		}
	})
	t.Run("never overwrites", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		os.MkdirAll(filepath.Join(dir, "roles"), 0o755)
		os.WriteFile(filepath.Join(dir, "roles", "example.yaml"), []byte("mine\n"), 0o644)
		os.MkdirAll(filepath.Join(dir, "stories"), 0o755)
		os.WriteFile(filepath.Join(dir, "stories", "README.md"), []byte("mine\n"), 0o644)
		if _, err := Create(dir, "d", true); err == nil || err.Error() != "d/roles/example.yaml: already exists" {
			t.Errorf("error %v", err)
		}
		if _, err := os.Stat(filepath.Join(dir, FileName)); err == nil {
			t.Error("wrote starpack.yaml before refusing")
		}
		// A README of one's own is kept; the rest is written.
		files, err := Create(dir, "d", false)
		if err != nil {
			t.Fatal(err)
		}
		if slices.Contains(files, "stories/README.md") {
			t.Error("replaced a README")
		}
		if data, _ := os.ReadFile(filepath.Join(dir, "stories", "README.md")); string(data) != "mine\n" {
			t.Errorf("README now %q", data)
		}
		if _, err := Create(dir, "d", false); err == nil || !strings.Contains(err.Error(), "already a workspace") {
			t.Errorf("a second Create: %v", err)
		}
	})
}

// TestTemplatePlaceholders keeps the placeholders the lint looks for in
// step with the templates `starpack new` writes.
func TestTemplatePlaceholders(t *testing.T) {
	t.Parallel()
	p, err := stories.ParseProject("stories/x.yaml", fmt.Appendf(nil, StoryTemplate, "x", "x"))
	if err != nil {
		t.Fatal(err)
	}
	s := p.Stories[0]
	got := map[string]string{"title": s.Title, "situation": s.Situation, "task": s.Task, "action": s.Action, "result": s.Result}
	for key, want := range storyPlaceholders {
		if got[key] != want {
			t.Errorf("story template %s is %q, placeholder %q", key, got[key], want)
		}
	}
	r, err := ParseRole("x", "roles/x.yaml", fmt.Appendf(nil, RoleTemplate, "x", "x"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Company != rolePlaceholders["company"] || r.Title != rolePlaceholders["title"] {
		t.Errorf("role template %q, %q; placeholders %q", r.Company, r.Title, rolePlaceholders)
	}
}

// TestMadeUp: the findings of made-up data, each at its file and line.
func TestMadeUp(t *testing.T) {
	t.Parallel()
	own := "project: Payments\nstories:\n  - id: pay.success\n    question: success\n    situation: It failed.\n    action: I fixed it.\n    result: 90% fewer failures.\n"
	sampleStory := SampleMarker + " an example story file\nproject: Sample\nstories:\n  - id: sample.conflict\n    question: conflict\n    notes: Made up.\n"
	sampleRole := "# schema\n" + SampleMarker + " an example role\ncompany: Northwind\ntitle: Engineer\n"
	sampleSettings := SampleMarker + " a made-up candidate\ncandidate:\n  name: Sam Lee\n  email: sam@example.org\n"
	tests := []struct {
		name  string
		files map[string]string
		want  []string // findings, as lint prints them without severity
	}{
		{"role template", map[string]string{
			"stories/pay.yaml": own, "roles/acme.yaml": fmt.Sprintf(RoleTemplate, "acme", "acme")},
			[]string{
				`roles/acme.yaml:3:10: company is still the template's placeholder "Company name": write the company of the job you apply for [placeholder]`,
				`roles/acme.yaml:4:8: title is still the template's placeholder "Job title": write the job title of the job you apply for [placeholder]`,
			}},
		{"story template", map[string]string{"stories/new.yaml": fmt.Sprintf(StoryTemplate, "new", "new")},
			[]string{
				`stories/new.yaml:13:12: title is still the template's placeholder "The hardest part, in a few words": tell your own story [placeholder]`,
				`stories/new.yaml:14:16: situation is still the template's placeholder "Where you were and what was at stake.": tell your own story [placeholder]`,
				`stories/new.yaml:15:11: task is still the template's placeholder "What you had to do.": tell your own story [placeholder]`,
				`stories/new.yaml:16:13: action is still the template's placeholder "- What you did, step by step": tell your own story [placeholder]`,
				`stories/new.yaml:19:13: result is still the template's placeholder "What came of it, with a number if you…": tell your own story [placeholder]`,
			}},
		{"sample alone", map[string]string{FileName: sampleSettings, "stories/sample.yaml": sampleStory, "roles/example.yaml": sampleRole}, nil},
		{"sample beside one's own", map[string]string{FileName: sampleSettings, "stories/sample.yaml": sampleStory, "roles/example.yaml": sampleRole, "stories/pay.yaml": own},
			[]string{
				`roles/example.yaml:2:1: the example's role from starpack init --example, beside your own: its made-up text goes into your packets; delete it: rm roles/example.yaml [sample-data]`,
				`starpack.yaml:3:9: candidate name "Sam Lee" is the example's made-up candidate: put your own name here [sample-data]`,
				`starpack.yaml:4:10: candidate email "sam@example.org" is the example's made-up candidate: put your own email here [sample-data]`,
				`stories/sample.yaml:1:1: the example's story file from starpack init --example, beside your own: its made-up text goes into your packets; delete it: rm stories/sample.yaml [sample-data]`,
			}},
		{"the example's values, unmarked", map[string]string{FileName: "candidate:\n  name: Sam Lee\n  email: sam@example.org\n", "stories/pay.yaml": own}, nil},
		{"switched off", map[string]string{FileName: "lint: {rules: {placeholder: off}}\n", "stories/pay.yaml": own, "roles/acme.yaml": fmt.Sprintf(RoleTemplate, "acme", "acme")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if _, ok := tt.files[FileName]; !ok {
				tt.files[FileName] = ""
			}
			for name, text := range tt.files {
				os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			ws, err := Open(dir, "")
			if err != nil {
				t.Fatal(err)
			}
			bank, err := ws.Bank()
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range ws.Lint(bank, true) {
				if f.Rule == lint.Placeholder || f.Rule == lint.SampleData {
					if f.Severity != lint.Error {
						t.Errorf("%s: severity %s", f, f.Severity)
					}
					got = append(got, strings.Replace(f.String(), ": error: ", ": ", 1))
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
