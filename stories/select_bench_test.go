package stories

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// syntheticBank makes a bank of n stories from the seed bank's words:
// projects of ten stories, each answering a grid question, with text
// drawn at random (fixed seed) from the seed's vocabulary.
func syntheticBank(tb testing.TB, n int) *Bank {
	seed := loadSeed(tb)
	var vocab []string
	for _, s := range seed.Stories() {
		vocab = append(vocab, strings.Fields(s.Text())...)
	}
	grid, _ := NewCatalog().Set(DefaultSet)
	tags := []string{"streaming", "ownership", "data", "distributed-systems", "delivery", "stakeholders", "debugging"}
	rng := rand.New(rand.NewPCG(7, 11))
	text := func(words int) string {
		w := make([]string, words)
		for i := range w {
			w[i] = vocab[rng.IntN(len(vocab))]
		}
		return strings.Join(w, " ")
	}
	bank := &Bank{}
	count := 0
	for count < n {
		p := &Project{Project: text(8), Summary: text(15), Tags: []string{tags[rng.IntN(len(tags))]}}
		for i := 0; i < 10 && count < n; i++ {
			count++
			q := grid[rng.IntN(len(grid))]
			p.Stories = append(p.Stories, &Story{ID: fmt.Sprintf("p%04d.%s-%d", len(bank.Projects), q, i), Question: q,
				Situation: text(40), Action: text(80), Result: text(30), Tags: []string{tags[rng.IntN(len(tags))]}, Project: p})
		}
		bank.Projects = append(bank.Projects, p)
	}
	return bank
}

func BenchmarkSelect(b *testing.B) {
	bank := syntheticBank(b, 10_000)
	cat := NewCatalog()
	for _, bc := range []struct {
		name string
		req  Request
	}{
		{"grid", Request{JobDescription: streamingJD, Focus: []string{"streaming", "ownership"}}},
		{"grid-per-question-3", Request{JobDescription: warehouseJD, PerQuestion: 3}},
		{"amazon-lp", Request{Set: AmazonSet, JobDescription: streamingJD}},
		{"all", Request{All: true, JobDescription: streamingJD}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Select(bank, cat, bc.req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
