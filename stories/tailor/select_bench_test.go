package tailor

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/starpack/starpack/stories"
)

// syntheticBank makes a bank of n stories from the seed bank's words:
// projects of ten stories, each answering a grid question, with text
// drawn at random (fixed seed) from the seed's vocabulary.
func syntheticBank(tb testing.TB, n int) *stories.Bank {
	seed := loadSeed(tb)
	var vocab []string
	for _, s := range seed.Stories() {
		vocab = append(vocab, strings.Fields(s.Text())...)
	}
	grid, _ := stories.NewCatalog().Set(stories.DefaultSet)
	tags := []string{"streaming", "ownership", "data", "distributed-systems", "delivery", "stakeholders", "debugging"}
	rng := rand.New(rand.NewPCG(7, 11))
	text := func(words int) string {
		w := make([]string, words)
		for i := range w {
			w[i] = vocab[rng.IntN(len(vocab))]
		}
		return strings.Join(w, " ")
	}
	bank := &stories.Bank{}
	count := 0
	for count < n {
		p := &stories.Project{Project: text(8), Summary: text(15), Tags: []string{tags[rng.IntN(len(tags))]}}
		for i := 0; i < 10 && count < n; i++ {
			count++
			q := grid[rng.IntN(len(grid))]
			p.Stories = append(p.Stories, &stories.Story{ID: fmt.Sprintf("p%04d.%s-%d", len(bank.Projects), q, i), Question: q,
				Situation: text(40), Action: text(80), Result: text(30), Tags: []string{tags[rng.IntN(len(tags))]}, Project: p})
		}
		bank.Projects = append(bank.Projects, p)
	}
	return bank
}

func BenchmarkSelect(b *testing.B) {
	bank := syntheticBank(b, 10_000)
	cat := stories.NewCatalog()
	for _, bc := range []struct {
		name string
		req  Request
	}{
		{"grid", Request{JobDescription: streamingJD, Focus: []string{"streaming", "ownership"}}},
		{"grid-per-question-3", Request{JobDescription: warehouseJD, PerQuestion: 3}},
		{"amazon-lp", Request{Set: stories.AmazonSet, JobDescription: streamingJD}},
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

// benchBank loads a bench bank (bank-10000.json) from the folder named by
// STARPACK_BENCH_DATA, or skips.
func benchBank(b *testing.B, name string) *stories.Bank {
	dir := os.Getenv("STARPACK_BENCH_DATA")
	if dir == "" {
		b.Skip("set STARPACK_BENCH_DATA to the folder of the bench banks")
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		b.Fatal(err)
	}
	var doc struct {
		Projects []struct {
			ID, Title string
			Answers   []struct {
				ID, Question, Situation, Action, Result, Text string
				Tags                                          []string
			}
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		b.Fatal(err)
	}
	bank := &stories.Bank{}
	for _, dp := range doc.Projects {
		p := &stories.Project{Project: dp.Title}
		for _, a := range dp.Answers {
			p.Stories = append(p.Stories, &stories.Story{ID: dp.ID + "." + a.ID, Question: a.Question, Situation: a.Situation,
				Action: a.Action, Result: a.Result, Notes: a.Text, Tags: a.Tags, Project: p})
		}
		bank.Projects = append(bank.Projects, p)
	}
	return bank
}

func BenchmarkSelectBenchBank(b *testing.B) {
	bank := benchBank(b, "bank-10000.json")
	cat := stories.NewCatalog()
	for _, bc := range []struct {
		name string
		req  Request
	}{
		{"grid", Request{JobDescription: streamingJD, Focus: []string{"streaming", "ownership"}}},
		{"amazon-lp", Request{Set: stories.AmazonSet, JobDescription: warehouseJD}},
		{"all", Request{All: true}},
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
