package pdf

import (
	"slices"
	"testing"

	"github.com/starpack/starpack/stories"
)

// The card of a story shows its first key actions and its result line.
func TestCardText(t *testing.T) {
	tests := []struct {
		name    string
		s       stories.Story
		actions []string
		result  string
	}{
		{"numbered points", stories.Story{Action: "Context first.\n1. Explain the risk\n2. Plan a v2\n3. Ship\n4. Celebrate", Result: "Stable. Never had to roll back in 3 months."},
			[]string{"Explain the risk", "Plan a v2", "Ship"}, "Stable. (3 months)"},
		{"sentences", stories.Story{Action: "I wrote a tool. It walked the DAG! Then I fixed it. And more.", Result: "Found the bug."},
			[]string{"I wrote a tool.", "It walked the DAG!", "Then I fixed it."}, "Found the bug."},
		{"notes only", stories.Story{Notes: "Full stack ownership.\nOn every feature."},
			[]string{"Full stack ownership.", "On every feature."}, ""},
		{"bold is plain", stories.Story{Action: "- Profiled the **hot path**\n- Fixed it", Result: "Latency fell to **150 ms**, errors to < 1%."},
			[]string{"Profiled the hot path", "Fixed it"}, "Latency fell to 150 ms, errors to < 1%."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := keyActions(&tt.s, 3); !slices.Equal(got, tt.actions) {
				t.Errorf("actions %q, want %q", got, tt.actions)
			}
			if got := resultLine(&tt.s); got != tt.result {
				t.Errorf("result %q, want %q", got, tt.result)
			}
		})
	}
}
