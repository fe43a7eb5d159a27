package stories

import (
	"slices"
	"testing"
)

func TestFigures(t *testing.T) {
	tests := []struct {
		text string
		want []string // the figures, as written
		kind []FigureKind
	}{
		{"we saved $1.2M/year on compute", []string{"$1.2M/year"}, []FigureKind{Money}},
		{"the job ran 4h10m, then 9 s, then 400 ms", []string{"4h10m", "9 s", "400 ms"}, []FigureKind{Duration, Duration, Duration}},
		{"reduced to < 1% of before", []string{"< 1%"}, []FigureKind{Percent}},
		{"50% of total processing time", []string{"50%"}, []FigureKind{Percent}},
		{"3000+ steps, 1 million dollar off", []string{"3000+ steps", "1 million dollar"}, []FigureKind{Quantity, Money}},
		{"a 14-hour batch and a 4-way join", []string{"14-hour", "4-way"}, []FigureKind{Duration, Quantity}},
		{"a 30-year-old system", []string{"30-year-old"}, []FigureKind{Duration}},
		{"stable for 3 months", []string{"3 months"}, []FigureKind{Duration}},
		{"from 2019-2020 and in 2021", []string{"2019-2020", "2021"}, []FigureKind{Date, Date}},
		{"2–3 weeks, 10-20% less", []string{"2–3 weeks", "10-20%"}, []FigureKind{Duration, Percent}},
		{"10x faster and 3× cheaper", []string{"10x", "3×"}, []FigureKind{Multiple, Multiple}},
		{"€40k a year for 12 engineers", []string{"€40k a year", "12 engineers"}, []FigureKind{Money, Quantity}},
		{"flushes data every 150 ms, and", []string{"150 ms"}, []FigureKind{Duration}},
		{"100+ huge queries", []string{"100+"}, []FigureKind{Quantity}},
		{"by a factor of 3.", []string{"3"}, []FigureKind{Bare}},
		// Not figures: names, list and step numbers, ordinals, times of day.
		{"plan a v2 and S3 buckets, x86, UTF-8 and HTTP/2", nil, nil},
		{"1. Explain the risk\n2)Plan a v2\n3.Ship", nil, nil},
		{"Step 15 failed; see #3 and Q3", nil, nil},
		{"the 3rd try at 10:30", nil, nil},
		{"version 1.2.3", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			var kinds []FigureKind
			for _, f := range Figures(tt.text) {
				got = append(got, tt.text[f.Start:f.End])
				kinds = append(kinds, f.Kind)
			}
			if !slices.Equal(got, tt.want) || !slices.Equal(kinds, tt.kind) {
				t.Errorf("got %q %v, want %q %v", got, kinds, tt.want, tt.kind)
			}
		})
	}
}

func TestKeyFigure(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		want  string
	}{
		{"money beats the rest", []string{"Cut 3 weeks of work and $1.2M/year"}, "$1.2M/year"},
		{"the unit stays", []string{"Replaced a 14-hour batch"}, "14-hour"},
		{"the first text wins a tie of kinds", []string{"Stable for 3 months", "It took 2 weeks"}, "3 months"},
		{"a later text can hold a better kind", []string{"Stable for 3 months", "saving 50% of the time"}, "50%"},
		{"dates and lone digits are no key", []string{"In 2019 we had 3 of them"}, ""},
		{"a comparison makes a digit telling", []string{"reduced to < 1% of before"}, "< 1%"},
		{"none", []string{"Learned a lot."}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := KeyFigure(tt.texts...); got != tt.want {
				t.Errorf("KeyFigure = %q, want %q", got, tt.want)
			}
		})
	}
}

// FuzzFigures: figures lie inside the text, in order, without overlap,
// and each starts at a digit or the sign before one.
func FuzzFigures(f *testing.F) {
	for _, s := range []string{"$1.2M/year", "4h10m", "< 1% of 2019-2020", "1. a\n2) b", "3000+ steps, 1 million dollars a year"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, fg := range Figures(text) {
			if fg.Start < last || fg.End <= fg.Start || fg.End > len(text) {
				t.Fatalf("figure %d..%d out of place in %q (after %d)", fg.Start, fg.End, text, last)
			}
			last = fg.End
		}
	})
}
