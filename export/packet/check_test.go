package packet

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/starpack/starpack/config"
)

// TestStale: a packet is out of date when one of its inputs was modified
// after its oldest file; a packet that is not there is not built.
func TestStale(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		touch   []string // files made newer than the packet
		id      string
		changed []string
	}{
		{"up to date", nil, "acme", nil},
		{"story", []string{"stories/pay.yaml"}, "acme", []string{"stories/pay.yaml"}},
		{"settings and role", []string{"starpack.yaml", "roles/acme.yaml"}, "acme", []string{"starpack.yaml", "roles/acme.yaml"}},
		{"job description", []string{"roles/acme.txt"}, "acme", []string{"roles/acme.txt"}},
		{"feedback", []string{"feedback/acme.yaml"}, "acme", []string{"feedback/acme.yaml"}},
		{"story added or removed", []string{"stories"}, "acme", []string{"stories (a story file added or removed)"}},
		{"debrief and rehearsal", []string{"debriefs/acme.yaml", "practice/2026-11.yaml"}, "acme", []string{"debriefs/acme.yaml", "practice/2026-11.yaml"}},
		{"another role", []string{"roles/beta.yaml", "debriefs/beta.yaml"}, "acme", nil},
		{"the whole bank ignores roles", []string{"roles/acme.yaml", "stories/pay.yaml", "practice/2026-11.yaml"}, AllID, []string{"stories/pay.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			files := map[string]string{
				"starpack.yaml":         "",
				"stories/pay.yaml":      "project: Payments\nstories:\n  - {id: pay.success, question: success, notes: Done.}\n",
				"roles/acme.yaml":       "company: Acme\ntitle: Engineer\njob_description_file: acme.txt\n",
				"roles/acme.txt":        "Payments.\n",
				"roles/beta.yaml":       "company: Beta\ntitle: Engineer\n",
				"feedback/acme.yaml":    "[]\n",
				"debriefs/acme.yaml":    "[]\n",
				"debriefs/beta.yaml":    "[]\n",
				"practice/2026-11.yaml": "[]\n",
				"out/acme/notes.md":     "notes\n",
				"out/acme/brief.pdf":    "pdf\n",
				"out/all/notes.md":      "notes\n",
			}
			past := time.Now().Add(-2 * time.Hour)
			for name, text := range files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for name := range files {
				os.Chtimes(filepath.Join(dir, filepath.FromSlash(name)), past, past)
			}
			os.Chtimes(filepath.Join(dir, "stories"), past, past)
			built := past.Add(time.Hour)
			for _, name := range []string{"out/acme/notes.md", "out/acme/brief.pdf", "out/all/notes.md"} {
				os.Chtimes(filepath.Join(dir, filepath.FromSlash(name)), built, built)
			}
			for _, name := range tt.touch {
				now := time.Now()
				os.Chtimes(filepath.Join(dir, filepath.FromSlash(name)), now, now)
			}
			ws, err := config.Open(dir, "")
			if err != nil {
				t.Fatal(err)
			}
			st, err := Stale(ws, filepath.Join(dir, "out"), tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if !st.Built || !slices.Equal(st.Changed, tt.changed) {
				t.Errorf("stale %+v, want built and changed %q", st, tt.changed)
			}
			if st, _ := Stale(ws, filepath.Join(dir, "out"), "beta"); st.Built {
				t.Error("beta was never built")
			}
		})
	}
}

// TestUncovered lists the characters no font draws, once each, in order.
func TestUncovered(t *testing.T) {
	t.Parallel()
	ws := config.OpenExample()
	got, err := Uncovered(ws, "Naïve Ωμέγα 中文", "中 😀 and 文")
	if err != nil {
		t.Fatal(err)
	}
	if want := []rune("中文😀"); !slices.Equal(got, want) {
		t.Errorf("uncovered %q, want %q", string(got), string(want))
	}
}
