package stories

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestHeadline(t *testing.T) {
	tests := []struct {
		name string
		s    Story
		want string
	}{
		{"a figure leads the phrase it starts", Story{Situation: "Implement a 4-way stream join with no existing examples."},
			"4-way stream join with no existing examples"},
		{"the Result's figure first, leading", Story{Situation: "The nightly batch was slow.",
			Result: "Cut the batch from 6 hours to 40 minutes."}, "6 hours to 40 minutes"},
		{"an amount of money beats a count", Story{Situation: "The process has 3000+ steps, but the final result is 1 million dollar off compared to the previous version"},
			"1 million dollar off"},
		{"no figure: the Situation names the story", Story{Situation: "Yelled at a teammate who made a careless mistake.", Action: "I apologized."},
			"Yelled at a teammate"},
		{"leading pronouns and auxiliaries go", Story{Notes: "Need to keep technical debt of code base low."},
			"Keep technical debt of code base low"},
		{"a long clause is never cut mid-phrase", Story{Situation: "No one knows how to use the data warehouse with very little information available online, while racing against clock to satisfy a big client"},
			"Racing against clock to satisfy a big client"},
		{"a relative clause is no headline", Story{Notes: "Small diffs, and a reviewer who runs the code."}, "Small diffs"},
		{"an open bracket is cut", Story{Result: "Done in 13 days (¡sí!)"}, "Done in 13 days"},
		{"no text", Story{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Headline(&tt.s); got != tt.want {
				t.Errorf("Headline = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestHeadlineRealBank checks the cue of every story of the real bank (the
// embedded example's stories, imported from testdata/import/seed.txt): 3 to
// 8 words taken whole from the story's text, never cut with an ellipsis.
func TestHeadlineRealBank(t *testing.T) {
	bank, err := LoadBank(os.DirFS("../config/example"), "stories", "")
	if err != nil {
		t.Fatal(err)
	}
	space := regexp.MustCompile(`\s+`)
	for _, s := range bank.Stories() {
		t.Run(s.ID, func(t *testing.T) {
			h := Headline(s)
			if n := len(strings.Fields(h)); n < 3 || n > 8 {
				t.Errorf("%q has %d words, want 3 to 8", h, n)
			}
			if strings.Contains(h, "…") || strings.HasSuffix(h, "...") {
				t.Errorf("%q is cut", h)
			}
			text := strings.ToLower(space.ReplaceAllString(Plain(s.Text()), " "))
			text = strings.ReplaceAll(text, "< ", "<")
			if !strings.Contains(text, strings.ToLower(h)) {
				t.Errorf("%q is not taken whole from the story", h)
			}
			if s.Title != h {
				t.Errorf("title %q, want the importer to have written the headline %q", s.Title, h)
			}
		})
	}
}
