package lint

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"go.yaml.in/yaml/v3"

	"github.com/starpack/starpack/stories"
)

// syntheticBank writes a bank of n stories, ten to a file, made from the
// real bank's stories with a fifth of their words swapped for others of its
// words and one word in fifty mistyped, as a long-kept bank would look:
// retellings, near-duplicates and typos.
func syntheticBank(tb testing.TB, n int) (*stories.Bank, Config) {
	tb.Helper()
	seed, _ := seedBank(tb)
	base := seed.Stories()
	var vocab []string
	for _, s := range base {
		vocab = append(vocab, strings.Fields(s.Text())...)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	mutate := func(text string) string {
		ws := strings.Fields(text)
		for i := range ws {
			switch r := rng.IntN(100); {
			case r < 20:
				ws[i] = vocab[rng.IntN(len(vocab))]
			case r < 22 && len(ws[i]) > 3:
				b := []byte(ws[i])
				j := 1 + rng.IntN(len(b)-2)
				b[j], b[j+1] = b[j+1], b[j]
				ws[i] = string(b)
			}
		}
		return strings.Join(ws, " ")
	}
	fsys := fstest.MapFS{}
	for f := 0; f*10 < n; f++ {
		p := &stories.Project{Project: fmt.Sprintf("Project %d", f)}
		for k := 0; k < 10 && f*10+k < n; k++ {
			b := base[rng.IntN(len(base))]
			p.Stories = append(p.Stories, &stories.Story{
				ID: fmt.Sprintf("p%d.s%d", f, k), Question: b.Question,
				Situation: mutate(b.Situation), Action: mutate(b.Action), Result: mutate(b.Result), Notes: mutate(b.Notes),
			})
		}
		data, err := yaml.Marshal(p)
		if err != nil {
			tb.Fatal(err)
		}
		fsys[fmt.Sprintf("stories/p%04d.yaml", f)] = &fstest.MapFile{Data: data}
	}
	bank, err := stories.LoadBank(fsys, "stories", "")
	if err != nil {
		tb.Fatal(err)
	}
	return bank, Config{ReadFile: FSReader(fsys, "")}
}

// BenchmarkLint1000 lints a 1,000-story bank with every rule, positions
// read from the files (the word list is loaded once, before the timer).
func BenchmarkLint1000(b *testing.B) {
	bank, cfg := syntheticBank(b, 1000)
	embedded()
	b.ResetTimer()
	var fs []Finding
	for b.Loop() {
		fs = Run(bank, nil, cfg)
	}
	b.ReportMetric(float64(len(fs)), "findings")
}

// BenchmarkDictionaryLists is the one-off cost of the lists suggestions
// scan, made at the first misspelling (loading the word list costs
// nothing: its table is built ahead of time).
func BenchmarkDictionaryLists(b *testing.B) {
	for b.Loop() {
		d := &dictionary{text: dictText, slots: dictSlots, entries: dictLists}
		d.lists()
	}
}

// BenchmarkLintBenchData lints a bench bank (bank-1000.json or
// bank-10000.json) named by STARPACK_BENCH_DATA, converted to story files.
func BenchmarkLintBenchData(b *testing.B) {
	dir := os.Getenv("STARPACK_BENCH_DATA")
	if dir == "" {
		b.Skip("STARPACK_BENCH_DATA names the folder of bank-1000.json")
	}
	for _, name := range []string{"bank-1000.json", "bank-10000.json"} {
		b.Run(name, func(b *testing.B) {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				b.Skip(err)
			}
			var in struct {
				Projects []struct {
					ID, Title string
					Answers   []struct{ ID, Question, Situation, Action, Result, Text string }
				}
			}
			if err := json.Unmarshal(data, &in); err != nil {
				b.Fatal(err)
			}
			fsys := fstest.MapFS{}
			for _, jp := range in.Projects {
				p := &stories.Project{Project: jp.Title}
				for _, a := range jp.Answers {
					p.Stories = append(p.Stories, &stories.Story{ID: a.ID, Question: stories.Slug(a.Question),
						Situation: a.Situation, Action: a.Action, Result: a.Result, Notes: a.Text})
				}
				out, err := yaml.Marshal(p)
				if err != nil {
					b.Fatal(err)
				}
				fsys["stories/"+jp.ID+".yaml"] = &fstest.MapFile{Data: out}
			}
			bank, err := stories.LoadBank(fsys, "stories", "")
			if err != nil {
				b.Fatal(err)
			}
			cfg := Config{ReadFile: FSReader(fsys, "")}
			embedded()
			b.ResetTimer()
			var fs []Finding
			for b.Loop() {
				fs = Run(bank, nil, cfg)
			}
			b.ReportMetric(float64(len(fs)), "findings")
		})
	}
}

// BenchmarkSuggestionLists is the one-off cost of the lists suggestions
// scan, made on the first misspelling.
func BenchmarkSuggestionLists(b *testing.B) {
	d := embedded()
	for b.Loop() {
		d.byFirstOnce = sync.Once{}
		d.lists()
	}
}

// BenchmarkLintTerse is BenchmarkLint1000 as build lints: terse.
func BenchmarkLintTerse(b *testing.B) {
	bank, cfg := syntheticBank(b, 1000)
	cfg.Terse = true
	embedded()
	b.ResetTimer()
	var fs []Finding
	for b.Loop() {
		fs = Run(bank, nil, cfg)
	}
	b.ReportMetric(float64(len(fs)), "findings")
}
