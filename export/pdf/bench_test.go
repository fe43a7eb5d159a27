package pdf_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/starpack/starpack/export/pdf"

	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/stories"
)

// benchBank reads a generated bench bank (bank-1000.json, bank-10000.json)
// from the folder STARPACK_BENCH_DATA names, and skips when it is unset.
func benchBank(tb testing.TB, name string) *stories.Bank {
	tb.Helper()
	dir := os.Getenv("STARPACK_BENCH_DATA")
	if dir == "" {
		tb.Skip("STARPACK_BENCH_DATA is not set")
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		tb.Fatal(err)
	}
	var src struct {
		Projects []struct {
			ID, Title string
			Answers   []struct {
				ID, Question, Situation, Action, Result, Text string
				Tags                                          []string
			}
		}
	}
	if err := json.Unmarshal(data, &src); err != nil {
		tb.Fatal(err)
	}
	cat := stories.NewCatalog()
	bank := &stories.Bank{}
	for _, sp := range src.Projects {
		p := &stories.Project{Project: sp.Title}
		for _, a := range sp.Answers {
			q := a.Question
			if found := cat.Lookup(q); found != nil {
				q = found.ID
			}
			p.Stories = append(p.Stories, &stories.Story{ID: sp.ID + "." + a.ID, Question: q, Project: p,
				Situation: a.Situation, Action: a.Action, Result: a.Result, Notes: a.Text, Tags: a.Tags})
		}
		bank.Projects = append(bank.Projects, p)
	}
	return bank
}

// The generated bench banks give a one-page cheat sheet and a brief with
// every story.
func TestBenchBanks(t *testing.T) {
	for _, name := range []string{"bank-1000.json", "bank-10000.json"} {
		t.Run(name, func(t *testing.T) {
			if testing.Short() && name == "bank-10000.json" {
				t.Skip("long")
			}
			p := wholeBank(t, benchBank(t, name))
			sheet, _ := build(t, sheetOf(p, pdf.Options{}))
			writeArtifact(t, "cheatsheet-"+name+".pdf", sheet)
			if n := extract(t, sheet).pages; n != 1 {
				t.Errorf("cheat sheet: %d pages", n)
			}
			brief, _ := build(t, briefOf(p, pdf.Options{}))
			if got, want := len(outlines(t, brief)), len(p.Selection.Answers)+2; got != want {
				t.Errorf("%d outline entries, want %d", got, want)
			}
		})
	}
}

func benchPacket(b *testing.B, name string) *export.Packet {
	return wholeBank(b, benchBank(b, name))
}

func BenchmarkBenchBankBrief(b *testing.B) {
	for _, name := range []string{"bank-1000.json", "bank-10000.json"} {
		b.Run(name, func(b *testing.B) {
			p := benchPacket(b, name)
			for b.Loop() {
				if _, err := pdf.Brief(&bytes.Buffer{}, p, pdf.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkBenchBankCheatSheet(b *testing.B) {
	for _, name := range []string{"bank-1000.json", "bank-10000.json"} {
		b.Run(name, func(b *testing.B) {
			p := benchPacket(b, name)
			for b.Loop() {
				if _, err := pdf.CheatSheet(&bytes.Buffer{}, p, pdf.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
