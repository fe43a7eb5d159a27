package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export/packet"
)

// TestLibraryBuildsWhatTheCommandBuilds: the command holds no pipeline of
// its own. A packet built through the library alone (config to open the
// workspace, export/packet to build) is byte for byte the packet
// `starpack build` writes, for a role and for the whole bank.
func TestLibraryBuildsWhatTheCommandBuilds(t *testing.T) {
	ws := filepath.Join("..", "..", "testdata", "notes")
	date := "2026-12-01"
	for _, id := range []string{"acme", packet.AllID} {
		t.Run(id, func(t *testing.T) {
			cli := t.TempDir()
			args := []string{"build", "--workspace", ws, "--out", cli, "--date", date, "--quiet"}
			if id == packet.AllID {
				args = append(args, "--all")
			} else {
				args = append(args, id)
			}
			var out, errb bytes.Buffer
			if code := run(args, strings.NewReader(""), &out, &errb); code != 0 {
				t.Fatalf("starpack %s: exit %d\n%s", strings.Join(args, " "), code, errb.String())
			}

			w, err := config.Open(ws, "ws")
			if err != nil {
				t.Fatal(err)
			}
			var role *config.Role
			if id != packet.AllID {
				if role, err = w.Role(id); err != nil {
					t.Fatal(err)
				}
			}
			lib := t.TempDir()
			b, err := packet.New(w, packet.Options{Date: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), Out: lib})
			if err != nil {
				t.Fatal(err)
			}
			res := b.Build(role)
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			if len(res.Files) != 4 {
				t.Fatalf("the library wrote %q, want the four files of a packet", res.Files)
			}
			for _, f := range res.Files {
				want, err := os.ReadFile(filepath.Join(cli, id, f))
				if err != nil {
					t.Fatal(err)
				}
				got, err := os.ReadFile(filepath.Join(lib, id, f))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s: the library's file differs from the command's", f)
				}
			}
		})
	}
}
