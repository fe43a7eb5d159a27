package pdf_test

import (
	"os"
	"testing"

	"github.com/starpack/starpack/export/pdf"
)

// TestCovers agrees with what the documents draw (TestUnicode): the Go
// fonts draw Latin, Greek and Cyrillic; the test fallback font adds 中 but
// not 文; nothing draws an emoji; invisible joiners need no glyph.
func TestCovers(t *testing.T) {
	t.Parallel()
	cjk, err := os.ReadFile("testdata/fonts/cmap-test.ttf")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		opt  pdf.Options
		yes  string
		no   string
	}{
		{"go fonts", pdf.Options{}, "Aé Ωμέγα Привет\t\u200d\u00a0", "中文😀"},
		{"fallback", pdf.Options{Fallback: [][]byte{cjk}}, "A中", "文😀"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			covers, err := pdf.Covers(tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range tt.yes {
				if !covers(r) {
					t.Errorf("%q: not covered", r)
				}
			}
			for _, r := range tt.no {
				if covers(r) {
					t.Errorf("%q: covered", r)
				}
			}
		})
	}
	if _, err := pdf.Covers(pdf.Options{Fallback: [][]byte{[]byte("not a font at all")}}); err == nil {
		t.Error("a broken fallback font was taken")
	}
}
