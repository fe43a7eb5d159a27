package lint

import (
	"slices"
	"strings"
	"testing"

	"github.com/starpack/starpack/stories"
)

func TestFlags(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("I measured every step and wrote it down. ", 30)
	tests := []struct {
		name string
		s    stories.Story
		q    string
		cfg  Config
		want []string
	}{
		{"no result, short", stories.Story{Question: "conflict", Situation: "Two designs.", Action: "I benchmarked both."},
			"", Config{}, []string{StarMissing, Length}},
		{"no number", stories.Story{Question: "most-challenging", Situation: "Two designs.", Action: long, Result: "We kept mine."},
			"", Config{}, []string{ResultNumber}},
		{"no number asked of a conflict", stories.Story{Question: "conflict", Situation: "Two designs.", Action: long, Result: "We kept mine."},
			"", Config{}, nil},
		{"no number asked of a failure", stories.Story{Question: "failure", Situation: "Two designs.", Action: long, Result: "We kept mine."},
			"failure", Config{}, nil},
		{"fits", stories.Story{Question: "conflict", Situation: "Two designs.", Action: long, Result: "Latency fell by 40%."},
			"", Config{}, nil},
		{"short answer timed against its question", stories.Story{Question: "conflict", Notes: strings.Repeat("I read the source of what I use. ", 9)},
			"learned", Config{}, nil},
		{"a rule switched off", stories.Story{Question: "conflict", Situation: "Two designs.", Action: "I benchmarked both."},
			"", Config{Severity: map[string]Severity{Length: Off}}, []string{StarMissing}},
	}
	cat := stories.NewCatalog()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var q *stories.Question
			if tt.q != "" {
				q = cat.Resolve(tt.q)
			}
			if q == nil {
				q = cat.Resolve(tt.s.Question)
			}
			got := Flags(&tt.s, stories.DefaultSpeech().Fit(&tt.s, q), tt.cfg)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Flags = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestSurelyNumber: surelyNumber never says yes where hasNumber says no.
func TestSurelyNumber(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"Cut it by 40%.", "(3) days", "v2 shipped", "S3 and x86", "It took \"12\" tries", "a-3 b", "none", "", "$5", "twice as fast", "p99 fell", "\n7 teams"} {
		if surelyNumber(text) && !hasNumber(text) {
			t.Errorf("surelyNumber(%q) is true, hasNumber false", text)
		}
	}
	for _, text := range []string{"Cut it by 40%.", "(3) days", "It took \"12\" tries", "\n7 teams"} {
		if !surelyNumber(text) {
			t.Errorf("surelyNumber(%q) is false", text)
		}
	}
}
