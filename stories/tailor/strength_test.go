package tailor

import (
	"testing"

	"github.com/starpack/starpack/stories"
)

// TestReadTelling pins how a story's words and voice are counted: words
// as Story.Words counts them, "I" and "we" as whole words in any case.
func TestReadTelling(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, text   string
		words, i, we int
	}{
		{"empty", "", 0, 0, 0},
		{"plain", "I led the migration; we shipped it.", 7, 1, 1},
		{"case and contractions", "WE'VE said We'd go. I'm sure MY team and I'll own it", 12, 3, 2},
		{"inside words", "Mine, mineral, usable, us, ours-ourselves", 5, 1, 3},
		{"apostrophe first", "'we said 'I", 3, 0, 0},
		{"not ascii", "naïve café: we moved Łódź\u00a0us", 6, 0, 1},
		{"a non-breaking space parts words, not voice", "we\u00a0we", 2, 0, 0},
		{"line ends", "we\nus\tour\r\nI", 4, 1, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var i, we int
			words := readTelling(tc.text, &i, &we)
			if words != tc.words || i != tc.i || we != tc.we {
				t.Errorf("readTelling(%q) = %d words, I %d, we %d; want %d, %d, %d", tc.text, words, i, we, tc.words, tc.i, tc.we)
			}
			if n := stories.CountWords(tc.text); n != words {
				t.Errorf("%d words, Story.Words counts %d", words, n)
			}
		})
	}
}
