package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/starpack/starpack/internal/golden"
	"github.com/starpack/starpack/stories"
)

const seedDir = "../../testdata/lint/seed"

// seedBank loads the real story bank, hand-converted to YAML with every
// word (and typo) kept, named as a user would see it.
func seedBank(t testing.TB) (*stories.Bank, Config) {
	t.Helper()
	fsys := os.DirFS(seedDir)
	bank, err := stories.LoadBank(fsys, "stories", "testdata/lint/seed")
	if err != nil {
		t.Fatal(err)
	}
	return bank, Config{ReadFile: FSReader(fsys, "testdata/lint/seed")}
}

// TestSeedSpelling is the acceptance test of the spelling rule on the real
// bank: every typo is flagged where it stands with the right first
// suggestion, and few correct words are flagged.
func TestSeedSpelling(t *testing.T) {
	typos := map[string]string{
		"thrid": "third", "filpped": "flipped", "satify": "satisfy", "mutiplicaiton": "multiplication",
		"procesing": "processing", "archtectural": "architectural", "Architechtrual": "Architectural",
		"orignal": "original", "feasiblity": "feasibility", "reanaylze": "reanalyze", "capabilties": "capabilities",
		"technoloy": "technology", "espeically": "especially", "distriuted": "distributed",
	}
	// Where each typo stands in the files, found by reading them as text.
	want := map[string]string{} // "file:line:col" -> typo
	files, _ := filepath.Glob(filepath.Join(seedDir, "stories", "*.yaml"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			for typo := range typos {
				for off := 0; ; {
					j := strings.Index(line[off:], typo)
					if j < 0 {
						break
					}
					col := 1 + len([]rune(line[:off+j]))
					want[filepath.ToSlash(filepath.Join("testdata/lint/seed/stories", filepath.Base(name)))+
						":"+itoa(i+1)+":"+itoa(col)] = typo
					off += j + len(typo)
				}
			}
		}
	}
	if len(want) < len(typos) {
		t.Fatalf("found %d typo places in the files, want at least %d", len(want), len(typos))
	}
	bank, cfg := seedBank(t)
	got := Run(bank, nil, only(cfg, Spelling))
	var falseAlarms []string
	for _, f := range got {
		key := f.Pos.File + ":" + itoa(f.Pos.Line) + ":" + itoa(f.Pos.Col)
		typo, ok := want[key]
		if !ok {
			falseAlarms = append(falseAlarms, f.String())
			continue
		}
		delete(want, key)
		if !strings.Contains(f.Message, `"`+typo+`"`) {
			t.Errorf("%s: flagged %s, want %q", key, f.Message, typo)
		}
		if len(f.Suggestions) == 0 || f.Suggestions[0] != typos[typo] {
			t.Errorf("%s: %q suggestions %v, want %q first", key, typo, f.Suggestions, typos[typo])
		}
	}
	for key, typo := range want {
		t.Errorf("%s: %q not flagged", key, typo)
	}
	if len(falseAlarms) > 3 {
		t.Errorf("%d false alarms, want at most 3:\n%s", len(falseAlarms), strings.Join(falseAlarms, "\n"))
	}
	t.Logf("%d typos flagged, %d false alarms", len(got)-len(falseAlarms), len(falseAlarms))
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestSeedGolden lints the real bank with every rule and compares the text
// and JSON reports with golden files.
func TestSeedGolden(t *testing.T) {
	bank, cfg := seedBank(t)
	fs := Run(bank, nil, cfg)
	n := len(bank.Stories())
	var text, js bytes.Buffer
	if err := WriteText(&text, fs); err != nil {
		t.Fatal(err)
	}
	text.WriteString(Summary(n, fs) + "\n")
	if err := WriteJSON(&js, n, fs); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/seed.txt", text.Bytes())
	golden.Check(t, "testdata/seed.json", js.Bytes())
	c := Tally(fs)
	if c.Errors != 1 {
		t.Errorf("%d errors, want 1 (the Success story of the first project has no Result)", c.Errors)
	}
	if !Failed(fs, false) {
		t.Error("an error should fail the lint")
	}
}

// TestTerse: a terse run finds the same things at the same places, and
// leaves out suggestions only where misspellings are not errors.
func TestTerse(t *testing.T) {
	bank, cfg := seedBank(t)
	full := Run(bank, nil, cfg)
	for _, tt := range []struct {
		name     string
		severity Severity
		suggests bool
	}{
		{"warning", Warning, false},
		{"error", Error, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := cfg
			cfg.Severity = map[string]Severity{Spelling: tt.severity}
			full := Run(bank, nil, cfg)
			cfg.Terse = true
			terse := Run(bank, nil, cfg)
			if len(terse) != len(full) {
				t.Fatalf("%d findings, want %d", len(terse), len(full))
			}
			spelled := 0
			for i := range terse {
				if terse[i].Pos != full[i].Pos || terse[i].Rule != full[i].Rule || terse[i].Severity != full[i].Severity {
					t.Fatalf("finding %d: %v, want %v", i, terse[i], full[i])
				}
				if terse[i].Rule == Spelling {
					spelled++
					if got := len(terse[i].Suggestions) > 0; got != tt.suggests && len(full[i].Suggestions) > 0 {
						t.Errorf("%s: suggestions %q", terse[i].Message, terse[i].Suggestions)
					}
				}
			}
			if spelled == 0 {
				t.Error("no misspelling in the seed bank")
			}
		})
	}
	if len(full) == 0 {
		t.Fatal("no findings")
	}
}
