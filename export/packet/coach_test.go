package packet_test

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	lpdf "github.com/ledongthuc/pdf"
	"github.com/xuri/excelize/v2"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/tailor"
)

// The acceptance tests of coaching, on the real bank (the embedded example's
// stories, imported from testdata/import/seed.txt) and the example role, as
// a coach would check them.

// exampleRoles are the example role and harder variants: every question of
// the grid, and two stories per question.
func exampleRoles(t *testing.T) (*config.Workspace, map[string]*config.Role) {
	t.Helper()
	ws := config.OpenExample()
	role, err := ws.Role("example")
	if err != nil {
		t.Fatal(err)
	}
	grid := *role
	grid.Questions = nil
	two := grid
	two.PerQuestion = 2
	return ws, map[string]*config.Role{"example": role, "whole grid": &grid, "two per question": &two}
}

// contentWords are a text's distinct lower-case words of three letters or
// more, less a few function words: a measure independent of the selection's.
func contentWords(text string) map[string]bool {
	stop := map[string]bool{"the": true, "and": true, "for": true, "with": true, "that": true, "this": true,
		"but": true, "was": true, "are": true, "our": true, "have": true, "has": true, "had": true, "not": true,
		"from": true, "into": true, "they": true, "them": true, "their": true, "can": true, "too": true}
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) >= 3 && !stop[w] {
			out[w] = true
		}
	}
	return out
}

func picks(sel *tailor.Selection) []tailor.Pick {
	var out []tailor.Pick
	for _, a := range sel.Answers {
		out = append(out, a.Picks...)
	}
	return out
}

// TestNoTwoPicksAreTheSameStory: no two picks share most of their content
// words; in particular the stream joins project's challenging interaction
// and its failure, which tell the same MVP/v2 story, are never both picked.
func TestNoTwoPicksAreTheSameStory(t *testing.T) {
	ws, roles := exampleRoles(t)
	for name, role := range roles {
		t.Run(name, func(t *testing.T) {
			sel, err := packet.Select(ws, role)
			if err != nil {
				t.Fatal(err)
			}
			ps := picks(sel)
			for i := range ps {
				for j := i + 1; j < len(ps); j++ {
					a, b := contentWords(ps[i].Story.Text()), contentWords(ps[j].Story.Text())
					shared := 0
					for w := range a {
						if b[w] {
							shared++
						}
					}
					if 2*shared > min(len(a), len(b)) {
						t.Errorf("%s and %s share %d of %d content words", ps[i].Story.ID, ps[j].Story.ID, shared, min(len(a), len(b)))
					}
				}
			}
			if sel.Picked("build-real-time.challenging-interaction") && sel.Picked("build-real-time.failure") {
				t.Error("the MVP/v2 story is picked twice")
			}
		})
	}
}

// TestFullSTARBeatsANote: for a question that asks for a STAR story, a
// one-line note is never picked while a STAR story written for the question
// is free; on the example role, "A success" gets the warehouse STAR answer,
// not the one-line note.
func TestFullSTARBeatsANote(t *testing.T) {
	ws, roles := exampleRoles(t)
	bank, _ := ws.Bank()
	for name, role := range roles {
		t.Run(name, func(t *testing.T) {
			sel, err := packet.Select(ws, role)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range sel.Answers {
				if stories.KindOf(a.Question, nil) == stories.Short {
					continue
				}
				for _, p := range a.Picks {
					if p.Story.IsSTAR() {
						continue
					}
					for _, s := range bank.Stories() {
						if s.Question == a.Question.ID && s.IsSTAR() && !sel.Picked(s.ID) {
							t.Errorf("%s: the note %s is picked over the STAR story %s", a.Question.ID, p.Story.ID, s.ID)
						}
					}
				}
			}
		})
	}
	sel, err := packet.Select(ws, roles["example"])
	if err != nil {
		t.Fatal(err)
	}
	if !sel.Picked("migrating-our-core.success") || sel.Picked("build-real-time.success") {
		t.Errorf("success: want the STAR answer, got %v", sel.Answers[len(sel.Answers)-1].Picks[0].Story.ID)
	}
}

// TestReasonsNameOnlyTheStorysWords: every word a reason says a story
// mentions is in the story's own text or tags; what only its project says
// is labelled "via its project" and is in the project's name, summary or
// tags.
func TestReasonsNameOnlyTheStorysWords(t *testing.T) {
	ws, roles := exampleRoles(t)
	for name, role := range roles {
		t.Run(name, func(t *testing.T) {
			sel, err := packet.Select(ws, role)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range sel.Answers {
				for _, p := range append(slices.Clone(a.Picks), a.Alternates...) {
					checkReasons(t, p)
				}
			}
		})
	}
}

func checkReasons(t *testing.T, p tailor.Pick) {
	t.Helper()
	s := p.Story
	own := flat(append([]string{s.Title, s.Text()}, s.Tags...)...)
	project := flat(append([]string{s.Project.Project, s.Project.Summary}, s.Project.Tags...)...)
	for _, r := range p.Reasons {
		var text, words string
		switch {
		case strings.HasPrefix(r, "job description via its project: "), strings.HasPrefix(r, "focus via its project: "):
			text, words = project, r[strings.Index(r, ": ")+2:]
		case strings.HasPrefix(r, "job description: "), strings.HasPrefix(r, "focus: "):
			text, words = own, r[strings.Index(r, ": ")+2:]
		case strings.HasPrefix(r, "mentions "), strings.HasPrefix(r, "tagged "):
			text, words = own, r[strings.Index(r, " ")+1:]
		default:
			continue // what the story is: written for the question, told well
		}
		for _, w := range strings.Split(words, ", ") {
			w = strings.TrimSpace(strings.TrimSuffix(w, " (tag)"))
			if !strings.Contains(" "+text+" ", " "+flat(w)+" ") {
				t.Errorf("%s: reason %q names %q, which %s does not say", s.ID, r, w, map[bool]string{true: "the story", false: "its project"}[text == own])
			}
		}
	}
}

// flat lower-cases texts and keeps their words apart by single spaces.
func flat(texts ...string) string {
	var words []string
	for _, t := range texts {
		words = append(words, strings.FieldsFunc(strings.ToLower(stories.Plain(t)), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '+' && r != '-'
		})...)
	}
	return strings.Join(words, " ")
}

var clockRE = regexp.MustCompile(`\b\d{1,2}:\d\d\b`)

// TestOneTimePerStory builds the example packet and reads each file back:
// every story shows one speaking time, the model's m:ss, in the brief, the
// notes and the workbook; the cheat sheet shows no other.
func TestOneTimePerStory(t *testing.T) {
	ws := config.OpenExample()
	role, err := ws.Role("example")
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	b, err := packet.New(ws, packet.Options{Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Out: out})
	if err != nil {
		t.Fatal(err)
	}
	if res := b.Build(role); res.Err != nil {
		t.Fatal(res.Err)
	}
	p, err := packet.Prepare(ws, role, packet.Options{Out: out})
	if err != nil {
		t.Fatal(err)
	}
	var want []string // the picks' times, in packet order
	times := map[string]string{}
	for _, pk := range picks(p.Selection) {
		want = append(want, p.Speech.Clock(pk.Story))
		times[pk.Story.ID] = p.Speech.Clock(pk.Story)
	}
	dir := filepath.Join(out, "example")
	t.Run("notes", func(t *testing.T) { checkNotesTimes(t, read(t, dir, "notes.md"), want, times) })
	t.Run("brief", func(t *testing.T) { checkBriefTimes(t, pdfText(t, read(t, dir, "brief.pdf")), want, times) })
	t.Run("cheat sheet", func(t *testing.T) {
		// The picks' times, and the backups' (alternates), from the same model.
		var any []string
		for _, s := range p.Bank.Stories() {
			any = append(any, p.Speech.Clock(s))
		}
		for _, c := range clockRE.FindAllString(pdfText(t, read(t, dir, "cheatsheet.pdf")), -1) {
			if !slices.Contains(any, c) {
				t.Errorf("the cheat sheet shows %s, no story's time", c)
			}
		}
	})
	t.Run("workbook", func(t *testing.T) { checkWorkbookTimes(t, read(t, dir, "matrix.xlsx"), p.Speech, p.Bank) })
}

func read(t *testing.T, dir, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func checkNotesTimes(t *testing.T, data []byte, want []string, times map[string]string) {
	notes := string(data)
	var cues []string // the cue list: a line per question, "cue · m:ss" per story
	for _, m := range regexp.MustCompile(`(?m)^\d+\. \*\*.*$`).FindAllString(notes, -1) {
		for _, c := range regexp.MustCompile(` · (\d+:\d\d)(?:;|$)`).FindAllStringSubmatch(m, -1) {
			cues = append(cues, c[1])
		}
	}
	if !slices.Equal(cues, want) {
		t.Errorf("cue list times %q, want %q", cues, want)
	}
	for id, c := range times {
		m := regexp.MustCompile(`(\d+:\d\d) to tell \(aim for [^)]*\) · ` + "`" + regexp.QuoteMeta(id) + "`").FindStringSubmatch(notes)
		if m == nil || m[1] != c {
			t.Errorf("%s: section time %v, want %s", id, m, c)
		}
	}
}

func checkBriefTimes(t *testing.T, text string, want []string, times map[string]string) {
	squashed := strings.Join(strings.Fields(text), "")
	for id, c := range times {
		// The story's line names its id; its TIME line follows.
		m := regexp.MustCompile(regexp.QuoteMeta(id) + `.{0,300}?TIME(\d+:\d\d)totell`).FindStringSubmatch(squashed)
		if m == nil || m[1] != c {
			t.Errorf("%s: section time %v, want %s", id, m, c)
		}
	}
	// The at-a-glance table: a time, then the page, at the end of each
	// story's first line.
	start, end := strings.Index(text, "At a glance"), strings.Index(text, "of speaking in all")
	if start < 0 || end < start {
		t.Fatalf("no at-a-glance table in:\n%s", text)
	}
	var table []string
	for _, line := range strings.Split(text[start:end], "\n") {
		if m := regexp.MustCompile(`\s(\d+:\d\d) \d+$`).FindStringSubmatch(line); m != nil {
			table = append(table, m[1])
		}
	}
	if !slices.Equal(table, want) {
		t.Errorf("at-a-glance times %q, want %q", table, want)
	}
}

func checkWorkbookTimes(t *testing.T, data []byte, sp stories.Speech, bank *stories.Bank) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Stories")
	if err != nil {
		t.Fatal(err)
	}
	col, id := slices.Index(rows[0], "Time"), slices.Index(rows[0], "ID")
	if col < 0 || id < 0 {
		t.Fatalf("no Time or ID column in %q", rows[0])
	}
	for _, row := range rows[1:] {
		s := bank.Story(row[id])
		if s == nil {
			t.Fatalf("unknown story %q", row[id])
		}
		if row[col] != sp.Clock(s) {
			t.Errorf("%s: %q, want %s", s.ID, row[col], sp.Clock(s))
		}
	}
}

// pdfText reads a PDF's text back, a line per baseline, left to right.
func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	r, err := lpdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i := 1; i <= r.NumPage(); i++ {
		texts := r.Page(i).Content().Text
		sort.SliceStable(texts, func(x, y int) bool {
			if yx, yy := math.Round(texts[x].Y*2), math.Round(texts[y].Y*2); yx != yy {
				return yx > yy
			}
			return texts[x].X < texts[y].X
		})
		for j, tx := range texts {
			if j > 0 {
				prev := texts[j-1]
				switch {
				case math.Round(prev.Y*2) != math.Round(tx.Y*2):
					b.WriteString("\n")
				case tx.X-(prev.X+prev.W) > tx.FontSize*0.15:
					b.WriteString(" ")
				}
			}
			b.WriteString(tx.S)
		}
		b.WriteString("\n")
	}
	return b.String()
}
