package pdf_test

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"testing"

	"github.com/starpack/starpack/export/pdf"
)

var questionMarkRE = regexp.MustCompile(`^Question \d+ of \d+ · `)

var colorOpRE = regexp.MustCompile(`([\d.]+) ([\d.]+) ([\d.]+) rg|([\d.]+) g\b|\bq\b|\bQ\b|\(((?:\\.|[^\\)])*)\) Tj`)

// TestRunningHeaderColour: the running header is drawn after the pages
// are laid out, going back to each page. Its section name (the current
// question) must come out in the accent colour on every page, whatever
// fill colour the page's own content left behind (a shaded table row,
// say), not in that fill colour.
func TestRunningHeaderColour(t *testing.T) {
	t.Parallel()
	p := wholeBank(t, syntheticBank(300))
	data, _ := build(t, briefOf(p, pdf.Options{TopPerQuestion: 30}))
	accent := "0.122 0.306 0.475" // #1F4E79, the default accent
	ss := streams(t, data)
	pages, good := 0, 0
	var bad []string
	for _, n := range slices.Sorted(maps.Keys(ss)) {
		color := "0"
		var stack []string
		seen := false
		for _, m := range colorOpRE.FindAllSubmatch(ss[n], -1) {
			switch {
			case m[1] != nil:
				color = fmt.Sprintf("%s %s %s", m[1], m[2], m[3])
			case m[4] != nil:
				color = string(m[4])
			case string(m[0]) == "q":
				stack = append(stack, color)
			case string(m[0]) == "Q":
				if len(stack) > 0 {
					color, stack = stack[len(stack)-1], stack[:len(stack)-1]
				}
			case questionMarkRE.MatchString(utf16be(unescapePDF(string(m[5])))):
				if !seen {
					seen = true
					pages++
				}
				if color == accent {
					good++
				} else {
					bad = append(bad, color)
				}
			}
		}
	}
	if pages < 10 {
		t.Fatalf("the heading is drawn on %d pages; want a long brief", pages)
	}
	if good < pages || len(bad) > 0 {
		t.Errorf("running header in the accent colour on %d of %d pages; other colours: %v", good, pages, bad)
	}
}
