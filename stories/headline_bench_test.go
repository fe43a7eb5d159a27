package stories_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/starpack/starpack/stories"
)

// BenchmarkHeadline derives the headline of every story of the 1,000-story
// bench bank (bank-1000.json in the folder STARPACK_BENCH_DATA names).
func BenchmarkHeadline(b *testing.B) {
	dir := os.Getenv("STARPACK_BENCH_DATA")
	if dir == "" {
		b.Skip("set STARPACK_BENCH_DATA to the folder of the bench banks")
	}
	data, err := os.ReadFile(filepath.Join(dir, "bank-1000.json"))
	if err != nil {
		b.Fatal(err)
	}
	var doc struct {
		Projects []struct {
			Answers []struct{ Situation, Action, Result, Text string }
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		b.Fatal(err)
	}
	var ss []*stories.Story
	for _, p := range doc.Projects {
		for _, a := range p.Answers {
			ss = append(ss, &stories.Story{Situation: a.Situation, Action: a.Action, Result: a.Result, Notes: a.Text})
		}
	}
	for b.Loop() {
		for _, s := range ss {
			stories.Headline(s)
		}
	}
}
