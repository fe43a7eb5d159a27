package stories

import (
	"slices"
	"testing"
)

func TestQuestionsToAsk(t *testing.T) {
	t.Parallel()
	cat := NewCatalog()
	q := func(ids ...string) []*Question {
		var out []*Question
		for _, id := range ids {
			out = append(out, cat.Lookup(id))
		}
		return out
	}
	tests := []struct {
		name string
		own  []string
		qs   []*Question
		n    int
		want []string
	}{
		{"the role's own come first", []string{"How is on-call shared?", " "}, q("conflict"), 2,
			[]string{"How is on-call shared?", "How does the team settle a technical disagreement, and who has the last word?"}},
		{"fit to what the questions probe, most probed first", nil, q("failure", "hardest-bug", "most-interesting"), 2,
			[]string{"What is the hardest technical problem the team has to solve this year?",
				"What happens after an incident or a missed deadline: how does the team learn from it?"}},
		{"the general one when nothing fits", nil, nil, 1,
			[]string{"What would you want the person in this role to have done by the end of the first year?"}},
		{"never more than n", []string{"a?", "b?", "c?"}, q("conflict"), 2, []string{"a?", "b?"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := QuestionsToAsk(tt.own, tt.qs, tt.n); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}
