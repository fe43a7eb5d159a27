package plaintext

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/starpack/starpack/stories"
)

// benchBank reads a bank of the benchmark data set named by
// STARPACK_BENCH_DATA, or skips.
func benchBank(tb testing.TB, name string) []byte {
	tb.Helper()
	dir := os.Getenv("STARPACK_BENCH_DATA")
	if dir == "" {
		tb.Skip("set STARPACK_BENCH_DATA to the benchmark data folder")
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// TestBenchBank checks the 10,000-story benchmark bank imports whole.
func TestBenchBank(t *testing.T) {
	data := benchBank(t, "bank-10000.txt")
	res, err := Parse("bank-10000.txt", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Projects) != 1112 || res.Stories() != 10000 {
		t.Errorf("got %d projects and %d stories, want 1112 and 10000", len(res.Projects), res.Stories())
	}
	if len(res.Warnings) > 0 {
		t.Errorf("%d warnings, the first: %s", len(res.Warnings), res.Warnings[0])
	}
}

func BenchmarkParse(b *testing.B) {
	seed, err := os.ReadFile(filepath.Join(fixtures, "seed.txt"))
	if err != nil {
		b.Fatal(err)
	}
	// 556 copies of the real bank: 1,112 projects, 10,008 stories.
	synthetic := bytes.Repeat(append(seed, '\n'), 556)
	run := func(b *testing.B, data []byte, stories int) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			res, err := Parse("bank.txt", data, nil)
			if err != nil {
				b.Fatal(err)
			}
			if res.Stories() != stories {
				b.Fatalf("%d stories, want %d", res.Stories(), stories)
			}
		}
	}
	b.Run("synthetic-10008", func(b *testing.B) { run(b, synthetic, 10008) })
	b.Run("bank-10000", func(b *testing.B) { run(b, benchBank(b, "bank-10000.txt"), 10000) })
}

// BenchmarkImport is the whole import of the 10,000-story bank: parse and
// write every project's YAML.
func BenchmarkImport(b *testing.B) {
	data := benchBank(b, "bank-10000.txt")
	for b.Loop() {
		res, err := Parse("bank.txt", data, nil)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range res.Projects {
			if _, err := stories.MarshalProject(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}
