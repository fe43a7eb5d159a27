package stories

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestMarshalProject(t *testing.T) {
	tricky := []struct{ name, text string }{
		{"plain", "Shipped it"},
		{"yes", "yes"},
		{"null", "null"},
		{"tilde", "~"},
		{"number", "123"},
		{"float", "1.5"},
		{"date", "2019-2020"},
		{"bullet", "- not a list"},
		{"comment", "# not a comment"},
		{"colon", "key: value"},
		{"quotes", `she said "no" and 'yes'`},
		{"leading space", "  indented"},
		{"trailing space", "end "},
		{"multi-line", "line one\nline two\n\nparagraph"},
		{"multi-line indented", "  one\n two"},
		{"trailing newline", "one\ntwo\n"},
		{"emoji", "Done ✅ 🚀 in 3 days 😅"},
		{"emoji multi-line", "🚀 first\nsecond 😅"},
		{"private use next to emoji", "\uE000 and 🚀\nline"},
		{"CJK", "数据仓库迁移\n早点问。"},
		{"tab", "a\tb"},
		{"control", "bell\x07"},
		{"backslash", `C:\new\table`},
		{"anchor", "&a *b !tag %x @y `z"},
		{"formula", "=SUM(A1:A2)"},
	}
	for _, tt := range tricky {
		t.Run(tt.name, func(t *testing.T) {
			p := &Project{Project: tt.text, When: tt.text, Tags: []string{tt.text, "x"}, Stories: []*Story{{
				ID: "p." + Slug(tt.name), Question: tt.text, Title: tt.text,
				Situation: tt.text, Task: tt.text, Action: tt.text, Result: tt.text, Notes: tt.text,
				Lesson: tt.text, Short: tt.text, Followups: []Followup{{Ask: tt.text, Answer: []string{tt.text, "x"}}, {Ask: "y"}},
				Tags: []string{tt.text},
			}}}
			data, err := MarshalProject(p)
			if err != nil {
				t.Fatal(err)
			}
			back, err := ParseProject("x.yaml", data)
			if err != nil {
				t.Fatalf("read back: %v\n%s", err, data)
			}
			s, b := p.Stories[0], back.Stories[0]
			if back.Project != p.Project || back.When != p.When || strings.Join(back.Tags, "|") != strings.Join(p.Tags, "|") ||
				b.ID != s.ID || b.Question != s.Question || b.Title != s.Title || b.Situation != s.Situation ||
				b.Task != s.Task || b.Action != s.Action || b.Result != s.Result || b.Notes != s.Notes ||
				b.Lesson != s.Lesson || b.Short != s.Short || !reflect.DeepEqual(b.Followups, s.Followups) ||
				strings.Join(b.Tags, "|") != strings.Join(s.Tags, "|") {
				t.Errorf("changed on the way back:\n%s", data)
			}
			if strings.ContainsAny(tt.text, "🚀😅✅") && bytes.Contains(data, []byte(`\U`)) {
				t.Errorf("emoji written as escapes:\n%s", data)
			}
			if tt.name == "multi-line" && !bytes.Contains(data, []byte("situation: |")) {
				t.Errorf("multi-line text is not a literal block:\n%s", data)
			}
		})
	}
}

func TestMarshalProjectLayout(t *testing.T) {
	p := &Project{Project: "Stream joins", Company: "Acme", When: "2019", Summary: "Built it", Tags: []string{"streaming"},
		Stories: []*Story{{ID: "s.a", Question: "success", Title: "T", Situation: "S", Task: "K", Action: "A\nB", Result: "R", Notes: "N", Tags: []string{"x", "y"}}}}
	want := `# yaml-language-server: $schema=../.starpack/schema/story.json
# Imported by starpack import. Edit freely: one story per question; text may use - bullets, 1. points and **bold**.

project: Stream joins
company: Acme
when: "2019"
summary: Built it
tags: [streaming]
stories:
  - id: s.a
    question: success
    title: T
    situation: S
    task: K
    action: |-
      A
      B
    result: R
    notes: N
    tags: [x, y]
`
	got, err := MarshalProject(p)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	again, _ := MarshalProject(p)
	if !bytes.Equal(got, again) {
		t.Error("two writes of the same project differ")
	}
	empty, err := MarshalProject(&Project{Project: "Empty"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(empty, []byte("project: Empty\nstories: []\n")) {
		t.Errorf("empty project:\n%s", empty)
	}
}

func TestProjectFileName(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Stream joins", "stream-joins.yaml"},
		{"Migrating our core product's calculation engine from RDBMS to data warehouse", "migrating-our-core-product-s-calculation.yaml"},
		{"Build real time ingestion and stream joins capabilties from scratch", "build-real-time-ingestion-and-stream.yaml"},
		{"Supercalifragilisticexpialidocious-and-then-some-more-words", "supercalifragilisticexpialidocious-and.yaml"},
		{strings.Repeat("x", 60), strings.Repeat("x", 40) + ".yaml"},
		{"数据仓库迁移 🚀", "数据仓库迁移.yaml"},
		{"🚀🚀", "project.yaml"},
		{"../../etc/passwd", "etc-passwd.yaml"},
		{"CON", "con-project.yaml"},
		{"LPT1", "lpt1-project.yaml"},
		{"Console", "console.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			if got := ProjectFileName(&Project{Project: tt.title}); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
