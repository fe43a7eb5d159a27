package config

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/plaintext"
	"github.com/starpack/starpack/stories/tailor"
)

// benchFiles is a bench bank's plain text (bank-1000.txt, bank-10000.txt in
// the folder STARPACK_BENCH_DATA names) imported into story files, as
// `starpack import` writes them. It skips when the variable is unset.
func benchFiles(b *testing.B, name string) fstest.MapFS {
	b.Helper()
	dir := os.Getenv("STARPACK_BENCH_DATA")
	if dir == "" {
		b.Skip("set STARPACK_BENCH_DATA to the folder of the bench banks")
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		b.Fatal(err)
	}
	res, err := plaintext.Parse(name, data, nil)
	if err != nil {
		b.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for i, p := range res.Projects {
		out, err := stories.MarshalProject(p)
		if err != nil {
			b.Fatal(err)
		}
		fsys[fmt.Sprintf("stories/p%05d.yaml", i)] = &fstest.MapFile{Data: out}
	}
	return fsys
}

// BenchmarkLoadBank reads and checks every story file of a bank: the real
// bank (the embedded example) and the bench banks.
func BenchmarkLoadBank(b *testing.B) {
	b.Run("example", func(b *testing.B) {
		ws := OpenExample()
		for b.Loop() {
			if _, err := ws.Bank(); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, name := range []string{"bank-1000", "bank-10000"} {
		b.Run(name, func(b *testing.B) {
			fsys := benchFiles(b, name+".txt")
			for b.Loop() {
				if _, err := stories.LoadBank(fsys, "stories", ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSelectExample selects the real bank's stories for the example
// role and for the whole-bank packet.
func BenchmarkSelectExample(b *testing.B) {
	ws := OpenExample()
	bank, err := ws.Bank()
	if err != nil {
		b.Fatal(err)
	}
	role, err := ws.Role("example")
	if err != nil {
		b.Fatal(err)
	}
	cat := ws.Settings.Catalog()
	for _, bc := range []struct {
		name string
		req  tailor.Request
	}{
		{"role", role.Request(&ws.Settings)},
		{"all", (*Role)(nil).Request(&ws.Settings)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := tailor.Select(bank, cat, bc.req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
