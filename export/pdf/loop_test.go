package pdf_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/export/pdf"
)

// TestLoop: the round-2 packet of testdata/loop, with a story told in
// round 1 forced back in. The brief's cover names the round and what was
// told; each story with rehearsals or tellings has its line; the cheat
// sheet marks the told story's card.
func TestLoop(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.CopyFS(dir, config.Example()); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "testdata", "loop"))); err != nil {
		t.Fatal(err)
	}
	roleFile := filepath.Join(dir, "roles", "acme.yaml")
	data, err := os.ReadFile(roleFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(roleFile, append(data, "include: [build-real-time.conflict]\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	ws, err := config.Open(dir, "ws")
	if err != nil {
		t.Fatal(err)
	}
	role, err := ws.Role("acme")
	if err != nil {
		t.Fatal(err)
	}
	p, err := packet.Prepare(ws, role, packet.Options{Date: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}

	brief, _ := build(t, briefOf(p, pdf.Options{}))
	e := extract(t, brief)
	cover := squash(e.text[0])
	for _, want := range []string{"Tue 1 Dec 2026", "2 of 3: hiring manager, Tue 1 Dec 2026, 14:00, with Dana Ortiz (EM)",
		"TOLD BEFORE", "Stable run of the streaming pipeline"} {
		if !strings.Contains(cover, squash(want)) {
			t.Errorf("cover has no %q:\n%s", want, cover)
		}
	}
	all := squash(e.all())
	for _, want := range []string{
		"Practised 2 times, last self-rating 4/5 (Mon 23 Nov 2026)",
		"Told in round 1 (phone screen, Fri 20 Nov 2026, 10:00, to recruiter; solid)",
		"Why do you want to leave your current job?: asked in round 1 and answered without a story",
	} {
		if !strings.Contains(all, squash(want)) {
			t.Errorf("brief has no %q", want)
		}
	}

	sheet, _ := build(t, sheetOf(p, pdf.Options{}))
	se := extract(t, sheet)
	if len(se.text) != 1 {
		t.Fatalf("cheat sheet has %d pages", len(se.text))
	}
	if got := strings.Count(squash(se.all()), squash("Told in round 1: tell it differently")); got != 1 {
		t.Errorf("%d cards marked as told, want 1 (the included story):\n%s", got, se.all())
	}
}
