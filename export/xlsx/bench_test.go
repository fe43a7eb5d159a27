package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"testing"
	"time"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/tailor"
)

// bigPacket is a bank of n stories: projects of nine stories each, one
// per grid question, with text the size of the real bank's answers.
func bigPacket(tb testing.TB, n int) *export.Packet {
	tb.Helper()
	cat := stories.NewCatalog()
	grid, _ := cat.Set(stories.DefaultSet)
	bank := &stories.Bank{}
	var p *stories.Project
	for i := 0; i < n; i++ {
		if i%len(grid) == 0 {
			p = &stories.Project{Project: fmt.Sprintf("Project %d: migrating the calculation engine to a data warehouse", i/len(grid)+1),
				File: fmt.Sprintf("stories/p%05d.yaml", i/len(grid)+1)}
			bank.Projects = append(bank.Projects, p)
		}
		s := &stories.Story{
			ID:        fmt.Sprintf("p%05d.%s", i/len(grid)+1, grid[i%len(grid)]),
			Question:  grid[i%len(grid)],
			Title:     fmt.Sprintf("Story %d", i+1),
			Situation: "No one knew how to use the data warehouse, with very little information online, while racing the clock to satisfy a big client.",
			Action:    "Requested internal training material from management.\nUsed the DW team's support line to ask as many questions as I could.\nGot a third team to lend me a DW box for a POC before we bought one.",
			Result:    "We quickly understood the major risk points; processing time dropped to < 1% of before.",
			Tags:      []string{"streaming", "ownership"},
			Project:   p,
		}
		p.Stories = append(p.Stories, s)
	}
	sel, err := tailor.Select(bank, cat, tailor.Request{Focus: []string{"streaming"}})
	if err != nil {
		tb.Fatal(err)
	}
	return &export.Packet{RoleID: "big", Title: "Big bank", Bank: bank, Catalog: cat, Selection: sel,
		Generated: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Paper: "A4"}
}

// BenchmarkWrite10000 writes the workbook of a 10,000-story bank
// (1,112 projects: a 9 x 1,112 matrix and 10,000 story rows).
func BenchmarkWrite10000(b *testing.B) {
	p := bigPacket(b, 10000)
	var size int64
	b.ReportAllocs()
	for b.Loop() {
		n, err := countingWrite(p)
		if err != nil {
			b.Fatal(err)
		}
		size = n
	}
	b.ReportMetric(float64(size)/(1<<20), "MB/file")
}

// BenchmarkWriteAll10000 writes the whole-bank workbook (build --all) of
// the 10,000-story bank: every story picked, so the Coach sheet lists
// them all too.
func BenchmarkWriteAll10000(b *testing.B) {
	p := bigPacket(b, 10000)
	sel, err := tailor.Select(p.Bank, p.Catalog, tailor.Request{All: true})
	if err != nil {
		b.Fatal(err)
	}
	p.Selection = sel
	b.ReportAllocs()
	for b.Loop() {
		if _, err := countingWrite(p); err != nil {
			b.Fatal(err)
		}
	}
}

func countingWrite(p *export.Packet) (int64, error) {
	c := &counter{}
	err := Write(c, p)
	return c.n, err
}

type counter struct{ n int64 }

func (c *counter) Write(b []byte) (int, error) { c.n += int64(len(b)); return len(b), nil }

var _ io.Writer = (*counter)(nil)

// TestWriteLarge writes and reads back a 10,000-story workbook when
// STARPACK_LARGE_OUT names the file to write; run the test binary under
// /usr/bin/time -v to see its peak memory.
func TestWriteLarge(t *testing.T) {
	out := os.Getenv("STARPACK_LARGE_OUT")
	if out == "" {
		t.Skip("set STARPACK_LARGE_OUT to write a 10,000-story workbook")
	}
	p := bigPacket(t, 10000)
	start := time.Now()
	var buf bytes.Buffer
	if err := Write(&buf, p); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d stories, %.1f MB, in %v", 10000, float64(buf.Len())/(1<<20), time.Since(start))
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	im, err := Read(bytes.NewReader(buf.Bytes()), out)
	if err != nil || len(im.Warnings) > 0 {
		t.Fatal(err, im)
	}
	rows := im.Rows
	if len(rows) != 10000 {
		t.Fatalf("read %d rows back", len(rows))
	}
	t.Logf("read back %d rows in %v", len(rows), time.Since(start))
}

// BenchmarkRead10000 reads the coach's columns of a 10,000-story workbook.
func BenchmarkRead10000(b *testing.B) {
	var buf bytes.Buffer
	if err := Write(&buf, bigPacket(b, 10000)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		im, err := Read(bytes.NewReader(buf.Bytes()), "matrix.xlsx")
		if err != nil || len(im.Rows) != 10000 {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteExample writes the workbook of the real bank's whole-bank
// packet (the embedded example).
func BenchmarkWriteExample(b *testing.B) {
	ws := config.OpenExample()
	bank, err := ws.Bank()
	if err != nil {
		b.Fatal(err)
	}
	cat := ws.Settings.Catalog()
	sel, err := tailor.Select(bank, cat, tailor.Request{All: true})
	if err != nil {
		b.Fatal(err)
	}
	p := &export.Packet{RoleID: "all", Title: "All stories", Bank: bank, Catalog: cat, Selection: sel,
		Generated: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC), Paper: "A4"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := countingWrite(p); err != nil {
			b.Fatal(err)
		}
	}
}
