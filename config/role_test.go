package config

import (
	"errors"
	"reflect"
	"testing"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
	"github.com/starpack/starpack/stories/tailor"
)

func TestSettingsWeights(t *testing.T) {
	partial := tailor.DefaultWeights()
	partial.Keyword, partial.Threshold = 5, 1
	tests := []struct {
		name string
		yaml string
		want tailor.Weights
		err  string // the error, as printed; "" for none
	}{
		{name: "absent means defaults at selection", yaml: "paper: A4\n", want: tailor.Weights{}},
		{name: "keys left out keep their defaults", yaml: "weights:\n  keyword: 5\n  threshold: 1\n", want: partial},
		{name: "empty mapping is the defaults", yaml: "weights: {}\n", want: tailor.DefaultWeights()},
		{name: "negative weight", yaml: "paper: A4\nweights: {focus: -2}\n",
			err: "starpack.yaml:2:10: weights: focus must be a number from 0 up, not -2"},
		{name: "misspelt key", yaml: "weights:\n  keywrd: 2\n",
			err: `starpack.yaml:2:3: unknown field "keywrd" (did you mean "keyword"?)`},
		{name: "not a number", yaml: "weights:\n  number: lots\n",
			err: "starpack.yaml:2:3: expected a number, found text (lots)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSettings("starpack.yaml", []byte(tt.yaml))
			if tt.err != "" {
				var e *source.Error
				if !errors.As(err, &e) || err.Error() != tt.err {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				if e.Hint == "" {
					t.Errorf("no hint for %q", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.Weights != tt.want {
				t.Errorf("weights = %+v, want %+v", s.Weights, tt.want)
			}
		})
	}
}

func TestRoleRequest(t *testing.T) {
	role, err := ParseRole("acme", "roles/acme.yaml", []byte(`company: Acme
title: Data Engineer
job_description: Real-time streaming on k8s.
focus: [streaming]
question_set: amazon-lp
per_question: 2
include: [a.b]
exclude: [c.d]
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	settings, err := ParseSettings("starpack.yaml", []byte("weights: {number: 0}\nsynonyms:\n  stream joins: [flink]\nspeaking: {words_per_minute: 130}\n"))
	if err != nil {
		t.Fatal(err)
	}
	w := tailor.DefaultWeights()
	w.Number = 0
	want := tailor.Request{Set: "amazon-lp", Focus: []string{"streaming"}, Include: []string{"a.b"}, Exclude: []string{"c.d"},
		PerQuestion: 2, JobDescription: "Real-time streaming on k8s.", Company: "Acme", Title: "Data Engineer",
		Synonyms: tailor.Synonyms{"stream joins": {"flink"}}, Weights: w,
		Speech: stories.Speech{WordsPerMinute: 130, STAR: stories.DefaultSTARWindow, Short: stories.DefaultShortWindow}}
	if got := role.Request(&settings); !reflect.DeepEqual(got, want) {
		t.Errorf("Request(settings) = %+v\nwant %+v", got, want)
	}
	want.Synonyms, want.Weights, want.Speech = nil, tailor.Weights{}, stories.Speech{}
	if got := role.Request(nil); !reflect.DeepEqual(got, want) {
		t.Errorf("Request(nil) = %+v\nwant %+v", got, want)
	}
}

func TestExampleRoleSelects(t *testing.T) {
	ws := OpenExample()
	bank, err := ws.Bank()
	if err != nil {
		t.Fatal(err)
	}
	role, err := ws.Role("example")
	if err != nil {
		t.Fatal(err)
	}
	sel, err := tailor.Select(bank, ws.Settings.Catalog(), role.Request(&ws.Settings))
	if err != nil {
		t.Fatal(err)
	}
	if len(sel.Answers) != len(role.Questions) || len(sel.Keywords) == 0 {
		t.Errorf("%d answers for %d questions, %d keywords", len(sel.Answers), len(role.Questions), len(sel.Keywords))
	}
}

func TestRoleLocate(t *testing.T) {
	role, err := ParseRole("r", "roles/r.yaml", []byte("company: A\nquestion_set: nope\ninclude: [x.y]\nexclude: [z.w]\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	bank := &stories.Bank{Projects: []*stories.Project{{Project: "P", Stories: []*stories.Story{{ID: "p.success", Question: "success"}}}}}
	bank.Projects[0].Stories[0].Project = bank.Projects[0]
	tests := []struct {
		name string
		req  tailor.Request
		want string
	}{
		{"include", tailor.Request{Include: []string{"x.y"}}, `roles/r.yaml:3:10: include names unknown story "x.y"`},
		{"exclude", tailor.Request{Exclude: []string{"z.w"}}, `roles/r.yaml:4:10: exclude names unknown story "z.w"`},
		{"both", tailor.Request{Include: []string{"p.success"}, Exclude: []string{"p.success"}}, `roles/r.yaml:3:10: story "p.success" is both included and excluded`},
		{"question set", tailor.Request{Set: "nope"}, `roles/r.yaml:2:15: unknown question set "nope"`},
		{"weights stay unplaced", tailor.Request{Weights: tailor.Weights{Focus: -1}}, `weights: focus must be a number from 0 up, not -1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tailor.Select(bank, stories.NewCatalog(), tt.req)
			if err == nil {
				t.Fatal("no error")
			}
			if got := role.Locate(err).Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
