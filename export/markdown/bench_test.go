package markdown_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/starpack/starpack/export/markdown"
	"github.com/starpack/starpack/export/packet"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/plaintext"
	"github.com/starpack/starpack/stories/tailor"
)

// benchPacket is the whole-bank packet of a bench bank's plain text
// (bank-1000.txt, bank-10000.txt in the folder STARPACK_BENCH_DATA names),
// or skips when the variable is unset.
func benchPacket(b *testing.B, name string) *export.Packet {
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
	bank := &stories.Bank{Projects: res.Projects}
	cat := stories.NewCatalog()
	sel, err := tailor.Select(bank, cat, tailor.Request{All: true})
	if err != nil {
		b.Fatal(err)
	}
	return &export.Packet{RoleID: "all", Title: "All stories", Bank: bank, Catalog: cat, Selection: sel,
		Generated: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC), Paper: "A4"}
}

// BenchmarkRender writes notes.md of the example role of the real bank and
// of the whole bench banks. The templates are parsed once, before.
func BenchmarkRender(b *testing.B) {
	t, err := markdown.Load(nil, "")
	if err != nil {
		b.Fatal(err)
	}
	run := func(b *testing.B, p *export.Packet) {
		for b.Loop() {
			if err := markdown.Render(io.Discard, p, t); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("example", func(b *testing.B) {
		run(b, examplePacket(b))
	})
	for _, name := range []string{"bank-1000", "bank-10000"} {
		b.Run(name, func(b *testing.B) { run(b, benchPacket(b, name+".txt")) })
	}
}

// examplePacket is the example role's packet of the embedded example.
func examplePacket(b *testing.B) *export.Packet {
	ws := config.OpenExample()
	r, err := ws.Role("example")
	if err != nil {
		b.Fatal(err)
	}
	p, err := packet.Prepare(ws, r, packet.Options{Date: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		b.Fatal(err)
	}
	return p
}
