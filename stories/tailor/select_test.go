package tailor

import (
	"strings"
	"testing"

	"github.com/starpack/starpack/stories"
)

func testBank(t *testing.T) *stories.Bank {
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
	b := &stories.Bank{}
	for i, s := range src {
		p, err := stories.ParseProject("p"+string(rune('0'+i))+".yaml", []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		b.Projects = append(b.Projects, p)
	}
	return b
}

func TestSelect(t *testing.T) {
	cat := stories.NewCatalog()
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
