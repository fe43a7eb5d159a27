package pdf_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/export/pdf"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/tailor"
)

const testPitch = "I am a data engineer who builds the pipelines other teams rely on: I moved a core calculation engine " +
	"from an RDBMS to a data warehouse and built real-time ingestion with a 4-way stream join used by every user of our main website."

// The cheat sheet is one page from 1 to 10,000 stories, with the pitch, the
// key numbers and the questions to ask, and every fragment a card shows is
// the story's text, or its start cut at a sentence or clause boundary.
func TestCheatSheetAcceptance(t *testing.T) {
	t.Parallel()
	amazon := examplePacket(t)
	sel, err := tailor.Select(amazon.Bank, amazon.Catalog, tailor.Request{Set: "amazon-lp"})
	if err != nil {
		t.Fatal(err)
	}
	amazon.Selection = sel
	one := &stories.Project{Project: "Solo"}
	one.Stories = []*stories.Story{{ID: "solo.success", Question: "success", Project: one, Title: "Shipped the ingest rewrite",
		Situation: "The nightly batch took 9 hours.", Action: "Rewrote it as a stream.", Result: "It now takes 40 minutes, 13x faster."}}
	packets := []struct {
		name string
		p    *export.Packet
		n    int // questions
	}{
		{"1 story", wholeBank(t, &stories.Bank{Projects: []*stories.Project{one}}), 1},
		{"7 stories (example)", examplePacket(t), 7},
		{"16 questions (amazon-lp)", amazon, 16},
		{"100 stories", wholeBank(t, syntheticBank(100)), 11},
		{"1000 stories", wholeBank(t, syntheticBank(1000)), 11},
		{"10000 stories", wholeBank(t, syntheticBank(10000)), 11},
	}
	for _, tt := range packets {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := tt.p
			p.Candidate.Pitch = testPitch
			if n := len(p.Selection.Answers); n != tt.n {
				t.Fatalf("%d questions, want %d", n, tt.n)
			}
			data, warns := build(t, sheetOf(p, pdf.Options{}))
			writeArtifact(t, "sheet-"+strings.ReplaceAll(tt.name, " ", "-")+".pdf", data)
			if len(warns) > 0 {
				t.Errorf("warnings: %q", warns)
			}
			if n := extract(t, data).pages; n != 1 {
				t.Fatalf("%d pages", n)
			}
			drawn := squash(drawnText(t, data))
			want := []string{"TELL ME ABOUT YOURSELF", "Built real-time ingestion with a", "KEY NUMBERS", "QUESTIONS TO ASK"}
			want = append(want, strings.Fields(p.AskList(1)[0])[:4]...)
			for _, w := range want {
				if !strings.Contains(drawn, squash(w)) {
					t.Errorf("no %q on the cheat sheet", w)
				}
			}
			if strings.Contains(drawn, "noneyet:giveeachResultanumber") {
				t.Errorf("no key numbers")
			}
			frags, err := pdf.Fragments(p, pdf.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(frags) < tt.n {
				t.Errorf("%d fragments for %d questions", len(frags), tt.n)
			}
			for _, f := range frags {
				if !atBoundary(f.Full, f.Shown) {
					t.Errorf("fragment cut mid-clause:\n full %q\nshown %q", f.Full, f.Shown)
				}
			}
		})
	}
}

// atBoundary reports whether shown is full, or a start of it that ends
// where a sentence or a clause does (an ellipsis marking a cut clause).
func atBoundary(full, shown string) bool {
	if shown == full {
		return true
	}
	s := strings.TrimSuffix(shown, "…")
	if !strings.HasPrefix(full, s) || s == "" {
		return false
	}
	rest := full[len(s):]
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return rest == "" || rest[0] == ' ' || rest[0] >= 'A' && rest[0] <= 'Z'
	}
	for _, b := range []string{",", ";", ":", " -", " –", " —", " ("} {
		if strings.HasPrefix(rest, b) {
			return true
		}
	}
	for _, w := range []string{"but", "so", "which", "while", "because", "although", "though", "whereas", "whilst", "until", "unless"} {
		if strings.HasPrefix(strings.ToLower(rest), " "+w+" ") {
			return true
		}
	}
	return false
}

var isoDate = regexp.MustCompile(`\b\d{4}-\d\d-\d\d\b`)
var docDate = regexp.MustCompile(`\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b`)

// From the PDFs' text: the hyphen of "real-time" is U+002D drawn with the
// face's hyphen (narrower than its en dash), straight quotes became curly
// ones, dates have one format, and no story heading is the start of its
// Situation.
func TestTypography(t *testing.T) {
	t.Parallel()
	p := workspacePacket(t, "testdata/bank", "acme")
	brief, _ := build(t, briefOf(p, pdf.Options{}))
	sheet, _ := build(t, sheetOf(p, pdf.Options{}))
	for name, data := range map[string][]byte{"brief": brief, "cheat sheet": sheet} {
		drawn := drawnText(t, data)
		if !strings.Contains(drawn, "real-time") {
			t.Errorf("%s: no real-time with U+002D", name)
		}
		if strings.ContainsAny(drawn, "\"") || name == "brief" && !strings.Contains(drawn, "“") {
			t.Errorf("%s: straight double quotes left, or no curly ones", name)
		}
		if strings.Contains(drawn, "don't") || name == "brief" && !strings.Contains(drawn, "don’t") {
			t.Errorf("%s: apostrophes are not curly", name)
		}
		if m := isoDate.FindString(drawn); m != "" {
			t.Errorf("%s: a date as %s", name, m)
		}
		if !docDate.MatchString(drawn) {
			t.Errorf("%s: no date as Thu 3 Dec 2026", name)
		}
		// An en dash is as wide as an n; a hyphen is much narrower.
		for _, f := range []string{"utf8noto", "utf8notoB"} {
			hyphen, n := glyphWidth(t, data, f, '-'), glyphWidth(t, data, f, 'n')
			if hyphen <= 0 || hyphen*3 >= n*2 {
				t.Errorf("%s: %s draws the hyphen %d wide and n %d", name, f, hyphen, n)
			}
		}
	}
	for _, a := range p.Selection.Answers {
		for _, pk := range a.Picks {
			title := strings.ToLower(squash(pdf.StoryTitle(pk.Story)))
			if sit := strings.ToLower(squash(stories.Plain(pk.Story.Situation))); sit != "" && strings.HasPrefix(sit, title) {
				t.Errorf("story %s: heading %q is the start of its Situation", pk.Story.ID, pdf.StoryTitle(pk.Story))
			}
		}
	}
}

var widthsRE = regexp.MustCompile(`(?s)/BaseFont /(\S+)\s*/CIDSystemInfo.*?/W \[(.*?)\]\s*/CIDToGIDMap`)

// glyphWidth is the width a font embedded in a PDF gives r (its /W array),
// or -1.
func glyphWidth(t *testing.T, data []byte, font string, r rune) int {
	t.Helper()
	for _, m := range widthsRE.FindAllSubmatch(data, -1) {
		if !strings.HasSuffix(string(m[1]), "+"+font) && string(m[1]) != font {
			continue
		}
		// /W [c [w1 w2 ...] c1 c2 w ...]
		w := string(m[2])
		for _, run := range regexp.MustCompile(`(\d+) \[([^\]]*)\]|(\d+) (\d+) (\d+)`).FindAllStringSubmatch(w, -1) {
			if run[1] != "" {
				var first int
				fmt.Sscan(run[1], &first)
				ws := strings.Fields(run[2])
				if int(r) >= first && int(r) < first+len(ws) {
					var v int
					fmt.Sscan(ws[int(r)-first], &v)
					return v
				}
				continue
			}
			var lo, hi, v int
			fmt.Sscan(run[3], &lo)
			fmt.Sscan(run[4], &hi)
			fmt.Sscan(run[5], &v)
			if int(r) >= lo && int(r) <= hi {
				return v
			}
		}
	}
	return -1
}

// qpdf finds nothing wrong in either document.
func TestQPDFCheck(t *testing.T) {
	t.Parallel()
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		t.Skip("qpdf is not installed")
	}
	p := workspacePacket(t, "testdata/bank", "acme")
	split := wholeBank(t, splitBank())
	for name, fn := range map[string]func(*bytes.Buffer) ([]string, error){
		"brief": briefOf(p, pdf.Options{}), "cheat sheet": sheetOf(p, pdf.Options{}), "split brief": briefOf(split, pdf.Options{}),
		"whole-bank brief": briefOf(wholeBank(t, syntheticBank(300)), pdf.Options{}),
	} {
		data, _ := build(t, fn)
		file := filepath.Join(t.TempDir(), "doc.pdf")
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(qpdf, "--check", file)
		if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
			t.Errorf("%s: qpdf --check: %v\n%s", name, err, out)
		}
	}
}
