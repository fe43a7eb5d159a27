package stories

import (
	"strings"
	"testing"
)

func testBank(t *testing.T) *Bank {
	t.Helper()
	src := []string{
		`project: Warehouse migration
tags: [data-warehouse]
stories:
  - id: dw.success
    question: success
    result: SLA met.
  - id: dw.failure
    question: failure
    result: Learned.
`, `project: Stream joins
tags: [streaming]
stories:
  - id: st.success
    question: success
    action: Built a Kafka pipeline with ownership of the whole stack.
    result: Stable for 3 months.
  - id: st.why
    question: Why this company?
    notes: Because.
`}
	b := &Bank{}
	for i, s := range src {
		p, err := ParseProject("p"+string(rune('0'+i))+".yaml", []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		b.Projects = append(b.Projects, p)
	}
	return b
}

func TestSelect(t *testing.T) {
	cat := NewCatalog()
	tests := []struct {
		name string
		req  Request
		want string // question:story,story; ...
		gaps int
	}{
		// st.success wins success by its quantified result; dw.success is the
		// closest story left for enjoyed-most (ownership), a weak pick and a gap.
		{"default set, weak picks fill questions and stay gaps", Request{}, "most-challenging:;learned:;most-interesting:;hardest-bug:;enjoyed-most:dw.success;conflict:;challenging-interaction:;failure:dw.failure;success:st.success", 7},
		{"focus by tag", Request{Questions: []string{"success"}, Focus: []string{"streaming"}}, "success:st.success", 0},
		{"focus by word", Request{Questions: []string{"success"}, Focus: []string{"kafka"}}, "success:st.success", 0},
		{"exclude", Request{Questions: []string{"success"}, Exclude: []string{"dw.success"}}, "success:st.success", 0},
		{"include", Request{Questions: []string{"success"}, Include: []string{"st.success"}}, "success:st.success", 0},
		{"per question", Request{Questions: []string{"success"}, PerQuestion: 2}, "success:st.success,dw.success", 0},
		{"custom question by title", Request{Questions: []string{"Why this company?"}}, "why-this-company:st.why", 0},
		{"alias", Request{Questions: []string{"Biggest failure"}}, "failure:dw.failure", 0},
		{"all", Request{All: true}, "failure:dw.failure;success:dw.success,st.success;why-this-company:st.why", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sel, err := Select(testBank(t), cat, tt.req)
			if err != nil {
				t.Fatal(err)
			}
			var parts []string
			for _, a := range sel.Answers {
				var ids []string
				for _, p := range a.Picks {
					ids = append(ids, p.Story.ID)
				}
				parts = append(parts, a.Question.ID+":"+strings.Join(ids, ","))
			}
			if got := strings.Join(parts, ";"); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if len(sel.Gaps) != tt.gaps {
				t.Errorf("%d gaps, want %d", len(sel.Gaps), tt.gaps)
			}
		})
	}
	t.Run("unknown include", func(t *testing.T) {
		_, err := Select(testBank(t), cat, Request{Include: []string{"dw.sucess"}})
		if err == nil || !strings.Contains(err.Error(), `did you mean "dw.success"`) {
			t.Errorf("got %v", err)
		}
	})
	t.Run("unknown set", func(t *testing.T) {
		_, err := Select(testBank(t), cat, Request{Set: "nope"})
		if err == nil || !strings.Contains(err.Error(), `unknown question set "nope"`) {
			t.Errorf("got %v", err)
		}
	})
}

func TestCatalogLookup(t *testing.T) {
	cat := NewCatalog(Question{ID: "leadership", Title: "Leading without authority", Aliases: []string{"led a team"}})
	tests := []struct{ key, want string }{
		{"Most Challenging", "most-challenging"},
		{"most-challenging", "most-challenging"},
		{"Conflicts with Teammates", "conflict"},
		{"Challenging interaction", "challenging-interaction"},
		{"What You Learned", "learned"},
		{"Enjoyed Most", "enjoyed-most"},
		{"  HARDEST   bug ", "hardest-bug"},
		{"Led a team", "leadership"},
		{"Something else", ""},
	}
	for _, tt := range tests {
		got := ""
		if q := cat.Lookup(tt.key); q != nil {
			got = q.ID
		}
		if got != tt.want {
			t.Errorf("Lookup(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
	if q := cat.Resolve("Why us?"); !q.Custom || q.ID != "why-us" || q.Title != "Why us?" {
		t.Errorf("Resolve custom: %+v", q)
	}
}

func TestRedactor(t *testing.T) {
	r := NewRedactor(map[string]string{"BigBank": "a large bank", "Toronto": "a major city", "Big Bank Corp": "a firm", "C++": "a language"})
	tests := []struct{ in, want string }{
		{"Worked at BigBank in Toronto.", "Worked at a large bank in a major city."},
		{"bigbank and TORONTO", "a large bank and a major city"},
		{"BigBanks are not BigBank", "BigBanks are not a large bank"},
		{"Big Bank Corp", "a firm"},
		{"wrote C++ code", "wrote a language code"},
		{"Torontonian", "Torontonian"},
		{"nothing here", "nothing here"},
	}
	for _, tt := range tests {
		if got := r.Apply(tt.in); got != tt.want {
			t.Errorf("Apply(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := NewRedactor(nil).Apply("x"); got != "x" {
		t.Errorf("empty redactor changed text: %q", got)
	}
}

func TestBlocksAndSpans(t *testing.T) {
	blocks := Blocks("Intro line\n\n- first\n* second\n1.Explain the plan\n2) Plan v2\n1.5x faster\n")
	want := []Block{{Para, "", "Intro line"}, {Bullet, "", "first"}, {Bullet, "", "second"}, {Number, "1.", "Explain the plan"}, {Number, "2)", "Plan v2"}, {Para, "", "1.5x faster"}}
	if len(blocks) != len(want) {
		t.Fatalf("got %+v", blocks)
	}
	for i := range want {
		if blocks[i] != want[i] {
			t.Errorf("block %d: %+v, want %+v", i, blocks[i], want[i])
		}
	}
	spans := Spans("cut **50%** of **time** and ** alone")
	if len(spans) != 5 || !spans[1].Bold || spans[1].Text != "50%" || spans[4].Text != " and ** alone" {
		t.Errorf("spans %+v", spans)
	}
	if Plain("a **b** c") != "a b c" {
		t.Error("Plain")
	}
}

func TestCueAndShorten(t *testing.T) {
	s := &Story{Situation: "The job failed every night. Nobody knew why."}
	if got := s.Cue(); got != "The job failed every night." {
		t.Errorf("Cue %q", got)
	}
	if got := Shorten("one two three four five", 12); got != "one two…" {
		t.Errorf("Shorten %q", got)
	}
}
