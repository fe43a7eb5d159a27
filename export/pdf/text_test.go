package pdf

import (
	"reflect"
	"testing"
)

// findFigures finds what the expression finds over the whole text.
func TestFindFigures(t *testing.T) {
	tests := []struct{ name, text string }{
		{"none", "No figures at all here."},
		{"empty", ""},
		{"lone digit", "7"},
		{"lead signs", "from ≈ €40k to < 1% and ≥ $3 million, ~ 5 x"},
		{"ranges", "2019-2020, 3 – 4 weeks, 4-way joins"},
		{"in words", "v2 S3 x86 UTF-8 HTTP/2 3rd 2x4"},
		{"adjacent", "1 2 3 45,000.5 6"},
		{"non-ASCII around", "Łódź 12 Zürich €40k 3\u00a0ms"},
		{"long gap", "4 a very long stretch of words without a single figure in it at all, " +
			"going on and on, then 150 ms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFigures(t, tt.text)
		})
	}
}

func checkFigures(t *testing.T, text string) {
	t.Helper()
	var want [][2]int
	for _, m := range numberRE.FindAllStringIndex(text, -1) {
		want = append(want, [2]int{m[0], m[1]})
	}
	if got := findFigures(text); !reflect.DeepEqual(got, want) {
		t.Errorf("findFigures(%q) = %v, want %v", text, got, want)
	}
}

func FuzzFindFigures(f *testing.F) {
	f.Add("from ≈ €40k to < 1% and ≥ $3 million")
	f.Add("2019-2020, 3 – 4 weeks, 4-way, v2, 3rd")
	f.Fuzz(func(t *testing.T, text string) { checkFigures(t, text) })
}
