package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"

	lpdf "github.com/ledongthuc/pdf"
	"github.com/rogpeppe/go-internal/testscript"
)

// cmdPDFLines prints the text of a PDF, a line per baseline (words apart
// where they are drawn apart), so that a script can match whole lines of
// a page: pdflines FILE.
func cmdPDFLines(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: pdflines FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	r, err := lpdf.NewReader(bytes.NewReader(data), int64(len(data)))
	ts.Check(err)
	for i := 1; i <= r.NumPage(); i++ {
		texts := r.Page(i).Content().Text
		sort.SliceStable(texts, func(a, b int) bool {
			ya, yb := math.Round(texts[a].Y*2), math.Round(texts[b].Y*2)
			if ya != yb {
				return ya > yb
			}
			return texts[a].X < texts[b].X
		})
		var b strings.Builder
		for j, tx := range texts {
			if j > 0 {
				prev := texts[j-1]
				switch {
				case math.Round(prev.Y*2) != math.Round(tx.Y*2):
					b.WriteString("\n")
				case tx.X-(prev.X+prev.W) > tx.FontSize*0.15:
					b.WriteString(" ")
				}
			}
			b.WriteString(tx.S)
		}
		fmt.Fprintln(ts.Stdout(), b.String())
	}
}
