package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
	"github.com/starpack/starpack/stories/tailor"
)

func TestParseSettings(t *testing.T) {
	t.Run("empty file gives defaults", func(t *testing.T) {
		s, err := ParseSettings("starpack.yaml", nil)
		if err != nil {
			t.Fatal(err)
		}
		if s.Paper != "A4" || s.Out != "out" || s.Margins != 18 {
			t.Errorf("defaults: %+v", s)
		}
	})
	t.Run("fallback font positions", func(t *testing.T) {
		src := "paper: A4\nfonts:\n  fallback:\n    - fonts/a.ttf\n    - fonts/b.ttf\naccent: \"#7a1f3d\"\n"
		s, err := ParseSettings("ws/starpack.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		want := []source.Position{{File: "ws/starpack.yaml", Line: 4, Col: 7}, {File: "ws/starpack.yaml", Line: 5, Col: 7}}
		if !reflect.DeepEqual(s.Fonts.FallbackPos, want) {
			t.Errorf("positions %+v, want %+v", s.Fonts.FallbackPos, want)
		}
		if s.Accent != "#7a1f3d" {
			t.Errorf("accent %q", s.Accent)
		}
	})
	t.Run("values", func(t *testing.T) {
		src := "candidate: {name: Sam Lee, pitch: Hi}\npaper: letter\nredact: {BigBank: a large bank}\nquestions:\n  - {id: why-us, title: Why us, ask: \"Why do you want to work here?\"}\n"
		s, err := ParseSettings("starpack.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if s.Paper != "Letter" || s.Candidate.Name != "Sam Lee" || s.Redact["BigBank"] != "a large bank" {
			t.Errorf("got %+v", s)
		}
		if q := s.Catalog().Lookup("why us"); q == nil || q.Ask != "Why do you want to work here?" {
			t.Errorf("extra question not in catalog: %+v", q)
		}
	})
	errs := []struct{ name, src, want, hint string }{
		{"unknown key", "paper: A4\ncandidat: {}\n", `starpack.yaml:2:1: unknown field "candidat" (did you mean "candidate"?)`, "known fields"},
		{"nested unknown key", "candidate: {nmae: x}\n", `starpack.yaml:1:13: unknown field "nmae" (did you mean "name"?)`, ""},
		{"bad paper", "out: x\npaper: A3\n", `starpack.yaml:2:8: paper: unknown paper size "A3"`, "A4 or Letter"},
		{"question without title", "questions:\n  - id: x\n", "starpack.yaml:2:3: questions: question 1 needs an id and a title", ""},
		{"question id not a slug", "questions:\n  - {id: Why Us, title: Why us}\n", `questions: id "Why Us" must be lower-case`, "why-us"},
		{"redact not a map", "redact: [a]\n", "starpack.yaml:1:9: expected a mapping, found a list", ""},
		{"a list", "- paper\n", "starpack.yaml:1:1: expected a mapping", ""},
		{"accent not a colour", "accent: blue\n", `starpack.yaml:1:9: accent: "blue" is not a colour of the form #RRGGBB`, `accent: "#1F4E79"`},
		{"accent unquoted", "paper: A4\naccent: #1F4E79\n", `starpack.yaml:2:8: accent: "" is not a colour of the form #RRGGBB`, "unquoted # starts a comment"},
		{"accent short", "accent: \"#FFF\"\n", `starpack.yaml:1:9: accent: "#FFF" is not a colour`, "#RRGGBB"},
		{"margins too wide", "margins: 60\n", "starpack.yaml:1:10: margins: 60 mm is outside 5..50 mm", "millimetres"},
		{"empty fallback font", "fonts: {fallback: [\"\"]}\n", "starpack.yaml:1:8: fonts: fallback font 1 has no path", "TrueType"},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSettings("starpack.yaml", []byte(tt.src))
			var e *source.Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want *source.Error", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got  %q\nwant %q", err.Error(), tt.want)
			}
			if !strings.Contains(e.Hint, tt.hint) {
				t.Errorf("hint %q lacks %q", e.Hint, tt.hint)
			}
		})
	}
}

func TestParseRole(t *testing.T) {
	readJD := func(name string) ([]byte, error) {
		switch name {
		case "acme.txt":
			return []byte("Kafka and streaming."), nil
		case "utf16.txt":
			return []byte("\xff\xfeK\x00a\x00"), nil
		}
		return nil, os.ErrNotExist
	}
	t.Run("full", func(t *testing.T) {
		src := "company: Acme\ntitle: Data Engineer\ndate: 2026-12-03\njob_description_file: acme.txt\nfocus: [streaming]\nquestions: [success, \"Why Acme?\"]\nper_question: 2\n"
		r, err := ParseRole("acme", "roles/acme.yaml", []byte(src), readJD)
		if err != nil {
			t.Fatal(err)
		}
		if r.ID != "acme" || r.Date != "2026-12-03" || r.JobDescription != "Kafka and streaming." || r.PerQuestion != 2 {
			t.Errorf("got %+v", r)
		}
		if err := r.CheckQuestions(stories.NewCatalog()); err != nil {
			t.Errorf("CheckQuestions: %v", err)
		}
		req := r.Request(nil)
		if req.PerQuestion != 2 || len(req.Questions) != 2 || req.Focus[0] != "streaming" {
			t.Errorf("request %+v", req)
		}
	})
	errs := []struct{ name, src, want string }{
		{"empty", "", "roles/acme.yaml:1:1: empty role file"},
		{"bad date", "date: 12/03/2026\n", `roles/acme.yaml:1:7: date "12/03/2026" is not a date`},
		{"no such day", "date: 2026-13-45\n", `roles/acme.yaml:1:7: date "2026-13-45" is not a date`},
		{"a job description in UTF-16", "job_description_file: utf16.txt\n", `roles/utf16.txt: file is UTF-16LE text; starpack reads UTF-8 text`},
		{"no 31 November", "date: 2026-11-31\n", `roles/acme.yaml:1:7: date "2026-11-31" is not a date`},
		{"unknown field", "compnay: Acme\n", `roles/acme.yaml:1:1: unknown field "compnay" (did you mean "company"?)`},
		{"missing jd file", "job_description_file: nope.txt\n", `roles/acme.yaml:1:23: cannot read job description "nope.txt"`},
		{"both jd", "job_description: x\njob_description_file: acme.txt\n", "roles/acme.yaml:2:23: both job_description and job_description_file are set"},
		{"negative per question", "per_question: -1\n", "roles/acme.yaml:1:15: per_question must be at least 1"},
		{"per question not a number", "per_question: two\n", "roles/acme.yaml:1:15: expected a whole number, found text (two)"},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseRole("acme", "roles/acme.yaml", []byte(tt.src), readJD)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got  %v\nwant %s", err, tt.want)
			}
		})
	}
	t.Run("unknown question", func(t *testing.T) {
		r, err := ParseRole("acme", "roles/acme.yaml", []byte("company: A\nquestions: [hardest-bug, hardest-bgu]\n"), readJD)
		if err != nil {
			t.Fatal(err)
		}
		err = r.CheckQuestions(stories.NewCatalog())
		if err == nil || err.Error() != `roles/acme.yaml:2:26: unknown question "hardest-bgu" (did you mean "hardest-bug"?)` {
			t.Errorf("got %v", err)
		}
	})
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	ws := filepath.Join(root, "prep")
	deep := filepath.Join(ws, "stories", "old")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ws, FileName), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(root, "other")
	os.Mkdir(other, 0o755)
	tests := []struct {
		name, flag, env, cwd, want, err string
	}{
		{"upwards", "", "", deep, ws, ""},
		{"flag wins", ws, other, root, ws, ""},
		{"env", "", ws, root, ws, ""},
		{"none", "", "", root, "", "no workspace"},
		{"flag not a workspace", other, "", root, "", "not a workspace: no starpack.yaml (from --workspace)"},
		{"env missing", "", filepath.Join(root, "nope"), root, "", "workspace folder not found (from STARPACK_WORKSPACE)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Find(tt.flag, tt.env, tt.cwd)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("got %q, %v; want error %q", got, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestExample checks that the embedded example workspace is valid: its
// settings, bank and roles load and every role's questions are known.
func TestExample(t *testing.T) {
	ws := OpenExample()
	bank, err := ws.Bank()
	if err != nil {
		t.Fatal(err)
	}
	ids, err := ws.RoleIDs()
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) == 0 || len(bank.Stories()) == 0 {
		t.Fatalf("example has %d roles, %d stories", len(ids), len(bank.Stories()))
	}
	cat := ws.Settings.Catalog()
	for _, id := range ids {
		r, err := ws.Role(id)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.CheckQuestions(cat); err != nil {
			t.Error(err)
		}
		if _, err := tailor.Select(bank, cat, r.Request(nil)); err != nil {
			t.Error(err)
		}
	}
}
