package pdf_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/starpack/starpack/export/pdf"
	"github.com/starpack/starpack/internal/golden"

	"golang.org/x/image/font/gofont/goregular"

	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/tailor"
)

func briefOf(p *export.Packet, opt pdf.Options) func(*bytes.Buffer) ([]string, error) {
	return func(b *bytes.Buffer) ([]string, error) { return pdf.Brief(b, p, opt) }
}

func sheetOf(p *export.Packet, opt pdf.Options) func(*bytes.Buffer) ([]string, error) {
	return func(b *bytes.Buffer) ([]string, error) { return pdf.CheatSheet(b, p, opt) }
}

func letter(p *export.Packet) *export.Packet {
	q := *p
	q.Paper = "Letter"
	return &q
}

func TestBrief(t *testing.T) {
	acme := workspacePacket(t, "testdata/bank", "acme")
	acme.Selection.Gaps = append(acme.Selection.Gaps, tailor.Gap{Reason: "Kafka: the job description asks for it and no story mentions it"})
	acme.Feedback = map[string]stories.Feedback{
		"stream-joins.most-interesting": {Story: "stream-joins.most-interesting", Rating: 4, Status: "ready",
			Comment: "Lead with the **business impact**, then the join.", Date: "2026-11-20"},
	}
	redacted := *acme
	redacted.Redacted = true
	tests := []struct {
		name   string
		p      *export.Packet
		golden string
		pages  [2]int // at least, at most
	}{
		{"acme", acme, "brief-acme.txt", [2]int{5, 12}},
		{"acme-letter", letter(acme), "", [2]int{5, 12}},
		{"redacted", &redacted, "", [2]int{5, 12}},
		{"example", examplePacket(t), "", [2]int{3, 40}},
		{"whole-bank", wholeBank(t, workspacePacket(t, "testdata/bank", "acme").Bank), "brief-all.txt", [2]int{5, 30}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, warns := build(t, briefOf(tt.p, pdf.Options{}))
			writeArtifact(t, "brief-"+tt.name+".pdf", data)
			if len(warns) != 0 {
				t.Errorf("warnings: %q", warns)
			}
			e := extract(t, data)
			if e.pages < tt.pages[0] || e.pages > tt.pages[1] {
				t.Errorf("%d pages, want %d..%d", e.pages, tt.pages[0], tt.pages[1])
			}
			for i, text := range e.text {
				if want := fmt.Sprintf("Page %d of %d", i+1, e.pages); !strings.Contains(text, want) {
					t.Errorf("page %d has no %q footer", i+1, want)
				}
				if i > 0 && !strings.Contains(text, tt.p.Heading()) {
					t.Errorf("page %d has no running header %q", i+1, tt.p.Heading())
				}
			}
			if got := strings.Contains(e.text[0], "REDACTED COPY"); got != tt.p.Redacted {
				t.Errorf("cover says REDACTED COPY: %v, want %v", got, tt.p.Redacted)
			}
			all := squash(drawnText(t, data))
			for _, a := range tt.p.Selection.Answers {
				for _, pk := range a.Picks {
					s := pk.Story
					if !strings.Contains(all, squash(pdf.StoryTitle(s))) {
						t.Errorf("story %s: heading %q not in the text", s.ID, pdf.StoryTitle(s))
					}
					for _, f := range s.Fields() {
						for _, w := range strings.Fields(stories.Plain(f.Text)) {
							if !strings.Contains(all, squash(w)) {
								t.Errorf("story %s: %s word %q not in the text", s.ID, f.Name, w)
							}
						}
					}
				}
			}
			if got, want := outlines(t, data), wantOutline(tt.p); !slices.Equal(got, want) {
				t.Errorf("outline:\n got %q\nwant %q", got, want)
			}
			if tt.golden != "" {
				golden.Check(t, filepath.Join("testdata", "golden", tt.golden), []byte(strings.Join(e.text, "\f\n")))
			}
		})
	}
}

func TestBriefContent(t *testing.T) {
	p := workspacePacket(t, "testdata/bank", "acme")
	p.Feedback = map[string]stories.Feedback{
		"stream-joins.most-interesting": {Story: "stream-joins.most-interesting", Rating: 4, Status: "ready", Comment: "Lead with the impact, the **business impact**."},
	}
	data, _ := build(t, briefOf(p, pdf.Options{}))
	e := extract(t, data)
	cover := squash(e.text[0])
	for _, want := range []string{"Acme", "Senior Data Engineer", "Sam Lee", "sam@example.org", "Thu 3 Dec 2026",
		"TELL ME ABOUT YOURSELF", "4-way stream", "At a glance", "Page 1 of"} {
		if !strings.Contains(cover, squash(want)) {
			t.Errorf("cover has no %q:\n%s", want, cover)
		}
	}
	all := squash(drawnText(t, data))
	for _, want := range []string{
		"# Question Story Lead with Time Page",        // the table header
		"Leading without authority: no story answers", // a gap
		"No story yet.", // its section
		"SITUATION", "ACTION", "RESULT", "NOTES",
		"WHY Written for this question; told well: complete STAR",
		"TIME 0:26 to tell · window 1:30–2:00 · short by 1:04", // the time, m:ss, against the window
		"LEAD WITH",
		"Build real time ingestion and stream joins capabilties from scratch · 2019–2020 · stream-joins.most-interesting",
		"Coach feedback · rated 4/5 · status: ready",
		"Lead with the impact, the business impact.",
		"Questions to ask", "How is on-call shared across the data teams?",
		"Before you go", "Rehearse aloud", "On the day",
		"Appendix: job description",
	} {
		if !strings.Contains(all, squash(want)) {
			t.Errorf("brief has no %q", want)
		}
	}
	// Figures are drawn in the bold face; so is **bold** text.
	runs := drawnRuns(t, data)
	for _, fig := range []string{"50%", "<\u00a01%", "3000+\u00a0steps", "150\u00a0ms", "3\u00a0months", "4-way", "business impact"} {
		if !slices.Contains(runs, run{"utf8notoB", fig}) {
			t.Errorf("%q is not drawn in bold", fig)
		}
	}
	if !slices.Contains(runs, run{"utf8noto", " of total processing time."}) {
		t.Errorf("the text after a figure is not drawn in the regular face")
	}
}

func TestDeterministic(t *testing.T) {
	p := workspacePacket(t, "testdata/bank", "acme")
	for _, doc := range []struct {
		name string
		fn   func(*export.Packet) func(*bytes.Buffer) ([]string, error)
	}{
		{"brief", func(p *export.Packet) func(*bytes.Buffer) ([]string, error) { return briefOf(p, pdf.Options{}) }},
		{"cheatsheet", func(p *export.Packet) func(*bytes.Buffer) ([]string, error) { return sheetOf(p, pdf.Options{}) }},
	} {
		t.Run(doc.name, func(t *testing.T) {
			// Built concurrently: documents share the parsed fonts.
			var wg sync.WaitGroup
			out := make([][]byte, 4)
			for i := range out {
				wg.Go(func() { out[i], _ = build(t, doc.fn(p)) })
			}
			wg.Wait()
			for i := 1; i < len(out); i++ {
				if !bytes.Equal(out[0], out[i]) {
					t.Fatalf("build %d differs from build 0", i)
				}
			}
			if !bytes.Contains(out[0], []byte("/CreationDate (D:20261126090000")) {
				t.Errorf("creation date is not the packet's date")
			}
			later := *p
			later.Generated = p.Generated.Add(24 * time.Hour)
			other, _ := build(t, doc.fn(&later))
			if bytes.Equal(out[0], other) {
				t.Errorf("a different date gives the same bytes")
			}
		})
	}
}

func TestMetadata(t *testing.T) {
	p := workspacePacket(t, "testdata/bank", "acme")
	data, _ := build(t, briefOf(p, pdf.Options{}))
	for _, want := range []string{"/Creator (starpack)", "/FlateDecode"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("no %s", want)
		}
	}
	for _, want := range []string{"Acme: Senior Data Engineer — prep brief", "Sam Lee", "Interview preparation for Acme"} {
		if !bytes.Contains(data, []byte(utf16Escaped(want))) && !bytes.Contains(data, utf16Raw(want)) {
			t.Errorf("metadata has no %q", want)
		}
	}
}

func utf16Raw(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return b
}

func utf16Escaped(s string) string {
	var b strings.Builder
	for _, c := range utf16Raw(s) {
		switch c {
		case '(', ')', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			b.WriteString(`\r`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// unicodeBank has one story in accented Latin, Greek and Cyrillic, with
// CJK and emoji no built-in font has, and one with control characters.
func unicodeBank() *stories.Bank {
	p := &stories.Project{Project: "Café Zürich — Ελληνικά — Русский"}
	p.Stories = []*stories.Story{
		{ID: "p1.success", Question: "success", Title: "Naïve façade: Ωμέγα и Привет",
			Situation: "Crème brûlée — αβγ δ — съешь же ещё",
			Action:    "- Deployed 中文 to 50% of users 😀\n- Celebrated 👍🏽 with the team",
			Result:    "Saved 3 months. A family 👨‍👩‍👧 and \x01 a control character."},
		{ID: "p1.failure", Question: "failure", Title: "Ошибка 🙈",
			Situation: "Invalid \xff UTF-8 and an emoji: 🙈", Action: "Fixed it.", Result: "Done."},
	}
	for _, s := range p.Stories {
		s.Project = p
	}
	return &stories.Bank{Projects: []*stories.Project{p}}
}

func TestUnicode(t *testing.T) {
	t.Parallel()
	p := wholeBank(t, unicodeBank())
	cjk, err := os.ReadFile("testdata/fonts/cmap-test.ttf")
	if err != nil {
		t.Fatal(err)
	}
	const hint = " (no font has them; add a fallback font in starpack.yaml fonts.fallback)"
	monkey := `story p1.failure: cannot draw "🙈" (no font has it; add a fallback font in starpack.yaml fonts.fallback)`
	tests := []struct {
		name        string
		opt         pdf.Options
		brief, card []string // warnings
		drawn       []string // text the brief's content streams hold
	}{
		{
			name:  "go fonts only",
			brief: []string{monkey, `story p1.success: cannot draw "中 文 😀 👍 🏽 👨 👩 👧"` + hint},
			card:  []string{monkey, `story p1.success: cannot draw "中 文 😀 👍 🏽 👨 👩 👧"` + hint},
			drawn: []string{"Naïve façade: Ωμέγα и Привет", "αβγ", "съешь же ещё", "□"},
		},
		{
			name:  "fallback font",
			opt:   pdf.Options{Fallback: [][]byte{cjk}},
			brief: []string{monkey, `story p1.success: cannot draw "文 😀 👍 🏽 👨 👩 👧"` + hint},
			card:  []string{monkey, `story p1.success: cannot draw "文 😀 👍 🏽 👨 👩 👧"` + hint},
			drawn: []string{"Ωμέγα", "中"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, doc := range []struct {
				name  string
				fn    func(*bytes.Buffer) ([]string, error)
				warns []string
				drawn []string
				runes string
			}{
				{"brief", briefOf(p, tt.opt), tt.brief, tt.drawn, "ΩμέγαПриветжё"},
				{"cheatsheet", sheetOf(p, tt.opt), tt.card, tt.drawn[:1], "ΩμέγαПривет"},
			} {
				data, warns := build(t, doc.fn)
				writeArtifact(t, "unicode-"+doc.name+".pdf", data)
				if again, _ := build(t, doc.fn); !bytes.Equal(data, again) {
					t.Errorf("%s: two builds differ", doc.name)
				}
				slices.Sort(warns)
				if !slices.Equal(warns, doc.warns) {
					t.Errorf("%s warnings:\n got %q\nwant %q", doc.name, warns, doc.warns)
				}
				e := extract(t, data)
				// The extractor reads Latin-1 back.
				if all := e.all(); !strings.Contains(all, "Naïve façade") {
					t.Errorf("%s: no accented Latin in the text:\n%s", doc.name, all)
				}
				drawn := drawnText(t, data)
				for _, want := range doc.drawn {
					if !strings.Contains(drawn, want) {
						t.Errorf("%s: %q is not drawn:\n%s", doc.name, want, drawn)
					}
				}
				for _, r := range doc.runes {
					if !subsetHas(t, data, r) {
						t.Errorf("%s: %q is not in an embedded font subset", doc.name, r)
					}
				}
				if strings.ContainsAny(drawn, "😀🙈\x01") {
					t.Errorf("%s: drew runes no font has", doc.name)
				}
			}
		})
	}
}

func TestOptionsErrors(t *testing.T) {
	p := workspacePacket(t, "testdata/bank", "acme")
	cff, err := os.ReadFile("testdata/fonts/cff-test.otf")
	if err != nil {
		t.Fatal(err)
	}
	cjk, err := os.ReadFile("testdata/fonts/cmap-test.ttf")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		opt  pdf.Options
		want string
	}{
		{"accent", pdf.Options{Accent: "blue"}, `accent: colour "blue" is not of the form #RRGGBB`},
		{"accent digits", pdf.Options{Accent: "#12345G"}, `accent: colour "#12345G" is not of the form #RRGGBB`},
		{"margins", pdf.Options{Margins: 80}, "margins: 80 mm is outside 5..50 mm"},
		{"not a font", pdf.Options{Fallback: [][]byte{[]byte("hello, this is not a font")}}, "fallback font 1: not a TrueType font"},
		{"cff font", pdf.Options{Fallback: [][]byte{cff}}, "fallback font 1: an OpenType font with CFF outlines; use a TrueType (.ttf) font"},
		{"truncated font", pdf.Options{Fallback: [][]byte{[]byte("\x00\x01\x00\x00\x00\x05\x00\x00\x00\x00\x00\x00")}}, "fallback font 1: not a valid TrueType font"},
		{"restricted licence", pdf.Options{Fallback: [][]byte{cjk, patchFont(t, goregular.TTF, "OS/2", 8, 0x00, 0x02)}}, "fallback font 2: the font's licence does not allow embedding"},
		{"no format 4 cmap", pdf.Options{Fallback: [][]byte{patchFont(t, patchFont(t, goregular.TTF, "cmap", 4, 0x00, 0x07), "cmap", 20, 0x00, 0x07)}}, "fallback font 1: the font has no Unicode character map of format 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, fn := range []func(*bytes.Buffer) ([]string, error){briefOf(p, tt.opt), sheetOf(p, tt.opt)} {
				var buf bytes.Buffer
				_, err := fn(&buf)
				if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
					t.Errorf("error %v, want %q", err, tt.want)
				}
				if buf.Len() != 0 {
					t.Errorf("wrote %d bytes on error", buf.Len())
				}
			}
		})
	}
}

func TestMargins(t *testing.T) {
	p := workspacePacket(t, "testdata/bank", "acme")
	for _, m := range []float64{8, 18, 30} {
		t.Run(fmt.Sprint(m), func(t *testing.T) {
			data, _ := build(t, briefOf(p, pdf.Options{Margins: m, Accent: "#7A1F3D"}))
			e := extract(t, data)
			for i, text := range e.text {
				if !strings.Contains(text, fmt.Sprintf("Page %d of %d", i+1, e.pages)) {
					t.Errorf("page %d: no footer", i+1)
				}
			}
			sheet, _ := build(t, sheetOf(p, pdf.Options{Margins: m}))
			if n := extract(t, sheet).pages; n != 1 {
				t.Errorf("cheat sheet has %d pages", n)
			}
		})
	}
}

// A story shorter than a page never splits across pages, and a question's
// heading is on the page of its first story.
func TestKeepTogether(t *testing.T) {
	t.Parallel()
	bank := syntheticBank(300)
	// Vary the story lengths so that page breaks fall everywhere.
	for i, s := range bank.Stories() {
		if s.Action != "" {
			s.Action += strings.Repeat("\nAnd then another step was needed to make it work.", i%7)
		}
	}
	p := wholeBank(t, bank)
	opt := pdf.Options{TopPerQuestion: 30}
	data, _ := build(t, briefOf(p, opt))
	e := extract(t, data)
	pageOf := func(s string, from int) int {
		for i := from; i < len(e.text); i++ {
			if strings.Contains(squash(e.text[i]), squash(s)) {
				return i
			}
		}
		return -1
	}
	page := 1 // the sections start after the cover and the index
	shown := pdf.Shown(p, opt)
	for qi, ss := range shown {
		head := pageOf(fmt.Sprintf("QUESTION %d OF %d", qi+1, len(shown)), page)
		if head < 0 {
			t.Fatalf("question %d: heading not found", qi+1)
		}
		page = head
		for pi, s := range ss {
			cue := pageOf(pdf.StoryTitle(s), page)
			last := s.Result
			if last == "" {
				last = "Rollout to 12 teams"
			}
			end := pageOf(stories.Plain(last), cue)
			if pi == 0 && cue != head {
				t.Errorf("question %d: heading on page %d, first story on page %d", qi+1, head+1, cue+1)
			}
			if cue < 0 || end != cue {
				t.Errorf("story %s: starts on page %d, ends on page %d", s.ID, cue+1, end+1)
			}
			if cue >= 0 {
				page = cue
			}
		}
	}
}

// A story longer than what is left of a page runs onto the next, which
// starts with its heading and "(continued)"; the running header names the
// question on every page of its section.
func TestContinued(t *testing.T) {
	t.Parallel()
	p := wholeBank(t, splitBank())
	data, _ := build(t, briefOf(p, pdf.Options{}))
	writeArtifact(t, "brief-split.pdf", data)
	e := extract(t, data)
	split := 0
	for _, s := range p.Bank.Stories() {
		title := squash(pdf.StoryTitle(s))
		first, last := -1, -1
		for i, text := range e.text {
			if first < 0 && strings.Contains(squash(text), squash("Point 1 of the long story "+s.ID)) {
				first = i
			}
			if strings.Contains(squash(text), squash("Point 40 of the long story "+s.ID)) {
				last = i
			}
		}
		if first < 0 || last < 0 {
			t.Fatalf("story %s: not found", s.ID)
		}
		for i := first + 1; i <= last; i++ {
			split++
			if !strings.Contains(squash(e.text[i]), title+squash("(continued)")) {
				t.Errorf("story %s runs onto page %d without its heading and (continued)", s.ID, i+1)
			}
			if !strings.Contains(e.text[i], "Question ") {
				t.Errorf("page %d: the running header does not name the question", i+1)
			}
		}
	}
	if split < 3 {
		t.Errorf("%d pages of split stories; the test wants long stories", split)
	}
}

// splitBank has three stories longer than a page.
func splitBank() *stories.Bank {
	p := &stories.Project{Project: "Long"}
	for i, q := range []string{"most-challenging", "hardest-bug", "failure"} {
		s := &stories.Story{ID: fmt.Sprintf("long.%d", i), Question: q, Project: p, Title: fmt.Sprintf("A long story number %d", i+1),
			Situation: "The nightly batch took 9 hours and the client wanted it in 2."}
		var points []string
		for k := range 40 {
			points = append(points, fmt.Sprintf("- Point %d of the long story %s, with enough words to fill a line of the brief.", k+1, s.ID))
		}
		s.Action = strings.Join(points, "\n")
		s.Result = "It ran in 40 minutes, 13 times faster."
		p.Stories = append(p.Stories, s)
	}
	return &stories.Bank{Projects: []*stories.Project{p}}
}

func TestCheatSheetOnePage(t *testing.T) {
	acme := workspacePacket(t, "testdata/bank", "acme")
	thirty := thirtyQuestions()
	bank1000 := wholeBank(t, syntheticBank(1000))
	long := wholeBank(t, longStories())
	many := manyQuestions(150)
	tests := []struct {
		name    string
		p       *export.Packet
		warning string // a warning containing this, or none when empty
		golden  string
	}{
		{"acme", acme, "", "cheatsheet-acme.txt"},
		{"acme letter", letter(acme), "", ""},
		{"example", examplePacket(t), "", ""},
		{"thirty questions", thirty, "", ""},
		{"thirty questions letter", letter(thirty), "", ""},
		{"whole bank of 1000", bank1000, "", "cheatsheet-1000.txt"},
		{"long stories", long, "shortened to fit one page", ""},
		{"150 questions", many, "do not fit one page", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, warns := build(t, sheetOf(tt.p, pdf.Options{}))
			writeArtifact(t, "cheatsheet-"+strings.ReplaceAll(tt.name, " ", "-")+".pdf", data)
			e := extract(t, data)
			if e.pages != 1 {
				t.Fatalf("%d pages, want 1", e.pages)
			}
			found := false
			for _, w := range warns {
				found = found || tt.warning != "" && strings.Contains(w, tt.warning)
			}
			if tt.warning == "" && len(warns) > 0 || tt.warning != "" && !found {
				t.Errorf("warnings %q, want one with %q", warns, tt.warning)
			}
			if tt.warning == "" {
				// Every card is there in full: each question's first cue.
				// The cards are read in drawing order, as columns interleave
				// in the page's lines.
				text := squash(drawnText(t, data))
				for _, a := range tt.p.Selection.Answers {
					if len(a.Picks) == 0 {
						continue
					}
					if title := squash(pdf.StoryTitle(a.Picks[0].Story)); !strings.Contains(text, title) {
						t.Errorf("card %q: no title %q", a.Question.Title, title)
					}
					for _, pk := range append(a.Picks[1:], a.Alternates...)[:min(2, len(a.Picks)-1+len(a.Alternates))] {
						if len(tt.p.Selection.Answers) <= 10 && !strings.Contains(text, squash("or"+pdf.StoryTitle(pk.Story))) {
							t.Errorf("card %q: no backup %q", a.Question.Title, pdf.StoryTitle(pk.Story))
						}
					}
					if n := len(a.Picks) - 1 - min(2, len(a.Picks)-1); n > 0 && !strings.Contains(text, squash(fmt.Sprintf("+%d more: see notes.md", n))) {
						t.Errorf("card %q: no +%d more", a.Question.Title, n)
					}
				}
			} else if drawn := drawnText(t, data); !strings.Contains(drawn, "…") && !strings.Contains(drawn, "more questions") {
				t.Errorf("shortened cards show no ellipsis")
			}
			if tt.golden != "" {
				golden.Check(t, filepath.Join("testdata", "golden", tt.golden), []byte(e.all()))
			}
		})
	}
}

// thirtyQuestions is a role asking 30 questions, each answered by a story.
func thirtyQuestions() *export.Packet {
	var extra []stories.Question
	bank := syntheticBank(0)
	p := &stories.Project{Project: "Platform migration"}
	bank.Projects = append(bank.Projects, p)
	var ids []string
	for i := range 30 {
		id := fmt.Sprintf("q%02d", i+1)
		ids = append(ids, id)
		extra = append(extra, stories.Question{ID: id, Title: fmt.Sprintf("Question %d: a time you led change", i+1),
			Ask: "Tell me about a time you led a change."})
		s := &stories.Story{ID: "p." + id, Question: id, Project: p,
			Title:     fmt.Sprintf("Cut the release cycle from %d weeks to 2 days", 3+i%5),
			Situation: "Releases were slow and risky.",
			Action:    "Mapped the release steps with every team. Automated the test suite and the deploy. Ran a pilot with 2 teams first.",
			Result:    fmt.Sprintf("Release time fell by %d%% and incidents halved.", 60+i)}
		p.Stories = append(p.Stories, s)
	}
	cat := stories.NewCatalog(extra...)
	sel, err := tailor.Select(bank, cat, tailor.Request{Questions: ids})
	if err != nil {
		panic(err)
	}
	return &export.Packet{Company: "Globex", Title: "Engineering Manager", Bank: bank, Catalog: cat, Selection: sel,
		Generated: fixedDate, Paper: "A4"}
}

// manyQuestions is a whole-bank packet over more questions than a page can
// show even as one-line cards.
func manyQuestions(n int) *export.Packet {
	p := &stories.Project{Project: "Everything"}
	bank := &stories.Bank{Projects: []*stories.Project{p}}
	var extra []stories.Question
	var ids []string
	for i := range n {
		id := fmt.Sprintf("custom-%03d", i)
		ids = append(ids, id)
		extra = append(extra, stories.Question{ID: id, Title: fmt.Sprintf("Custom question %d", i)})
		p.Stories = append(p.Stories, &stories.Story{ID: "e." + id, Question: id, Project: p,
			Title: "A story", Action: "Did it.", Result: "It worked."})
	}
	cat := stories.NewCatalog(extra...)
	sel, err := tailor.Select(bank, cat, tailor.Request{Questions: ids})
	if err != nil {
		panic(err)
	}
	return &export.Packet{Title: "Everything", Bank: bank, Catalog: cat, Selection: sel, Generated: fixedDate, Paper: "A4"}
}

// longStories has twenty stories far longer than a card.
func longStories() *stories.Bank {
	p := &stories.Project{Project: "Long"}
	for i := range 20 {
		sentence := strings.Repeat("A remarkably long and winding sentence about the work that was done ", 3)
		p.Stories = append(p.Stories, &stories.Story{ID: fmt.Sprintf("l.%d", i), Question: fmt.Sprintf("Custom question number %d", i), Project: p,
			Title:  strings.Repeat("An unusually long story title that goes on ", 4),
			Action: sentence + ".\n" + sentence + ".\n" + sentence + ".", Result: sentence + "with 42% less waste."})
	}
	return &stories.Bank{Projects: []*stories.Project{p}}
}

// The whole-bank brief of 1,000 stories: every story is in it, in time
// linear in the bank (see BenchmarkBriefScaling).
func TestBriefWholeBank(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a long document")
	}
	p := wholeBank(t, syntheticBank(1000))
	data, warns := build(t, briefOf(p, pdf.Options{}))
	writeArtifact(t, "brief-1000.pdf", data)
	if want := []string{"the brief shows the best 5 stories of each question; the other 945 are in notes.md and matrix.xlsx"}; !slices.Equal(warns, want) {
		t.Errorf("warnings %q, want %q", warns, want)
	}
	e := extract(t, data)
	all := squash(e.all())
	for _, ss := range pdf.Shown(p, pdf.Options{}) {
		if len(ss) != 5 {
			t.Errorf("%d stories shown for a question, want 5", len(ss))
		}
		for _, s := range ss {
			if !strings.Contains(all, squash(pdf.StoryTitle(s))) {
				t.Fatalf("story %s missing", s.ID)
			}
		}
	}
	for _, want := range []string{"+86 more stories for this question: see notes.md and matrix.xlsx", "Index", "91 stories"} {
		if !strings.Contains(all, squash(want)) {
			t.Errorf("no %q", want)
		}
	}
	if got, want := outlines(t, data), wantOutline(p); !slices.Equal(got, want) {
		t.Errorf("outline %q, want %q", got, want)
	}
	if e.pages > 40 {
		t.Errorf("%d pages: the whole bank's brief should stay a document", e.pages)
	}
}

func BenchmarkBrief(b *testing.B) {
	p := examplePacket(b)
	for b.Loop() {
		if _, err := pdf.Brief(&bytes.Buffer{}, p, pdf.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheatSheet(b *testing.B) {
	p := examplePacket(b)
	for b.Loop() {
		if _, err := pdf.CheatSheet(&bytes.Buffer{}, p, pdf.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBriefScaling shows the brief's time grows linearly with the
// number of stories of a whole-bank packet.
func BenchmarkBriefScaling(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		p := wholeBank(b, syntheticBank(n))
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := pdf.Brief(&bytes.Buffer{}, p, pdf.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Odd packets still give well-formed documents with every page footed.
func TestEdgeCases(t *testing.T) {
	long := &stories.Project{Project: "Long"}
	var notes []string
	for i := range 150 {
		notes = append(notes, fmt.Sprintf("- Point %d of a story far longer than a page.", i+1))
	}
	long.Stories = []*stories.Story{
		{ID: "long.notes", Question: "learned", Project: long, Notes: strings.Join(notes, "\n")},
		{ID: "long.word", Question: "success", Project: long, Title: "Unbreakable",
			Action: "See https://example.org/" + strings.Repeat("a-very-long-path-segment/", 20) + " for details.", Result: "Done."},
	}
	longBank := wholeBank(t, &stories.Bank{Projects: []*stories.Project{long}})
	longBank.Company = strings.Repeat("Very Long Company Name ", 10)
	longBank.Title = "Principal Engineer"
	longBank.Candidate.Pitch = strings.Repeat("I build things that last. ", 200)

	tests := []struct {
		name     string
		p        *export.Packet
		minPages int
		warning  string
		words    []string
	}{
		{"no selection", &export.Packet{Generated: fixedDate, Paper: "A4"}, 2, "", []string{"Story bank", "Questions to ask", "Before you go"}},
		{"long story", longBank, 6, "", []string{"Point 1 of a story", "Point 150 of a story", "segment/a-very-long", "I build things that last."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, warns := build(t, briefOf(tt.p, pdf.Options{}))
			writeArtifact(t, "edge-"+strings.ReplaceAll(tt.name, " ", "-")+".pdf", data)
			if got := strings.Join(warns, "\n"); tt.warning == "" && got != "" || !strings.Contains(got, tt.warning) {
				t.Errorf("warnings %q, want %q", warns, tt.warning)
			}
			e := extract(t, data)
			if e.pages < tt.minPages {
				t.Errorf("%d pages, want at least %d", e.pages, tt.minPages)
			}
			for i, text := range e.text {
				if !strings.Contains(text, fmt.Sprintf("Page %d of %d", i+1, e.pages)) {
					t.Errorf("page %d: no footer", i+1)
				}
			}
			all := squash(e.all())
			for _, w := range tt.words {
				if !strings.Contains(all, squash(w)) {
					t.Errorf("no %q in the text", w)
				}
			}
			sheet, _ := build(t, sheetOf(tt.p, pdf.Options{}))
			if n := extract(t, sheet).pages; n != 1 {
				t.Errorf("cheat sheet: %d pages", n)
			}
		})
	}
}

// No text is drawn past the side margins, below the foot of a page, or
// outside its card, whatever the packet, paper and margins.
func TestInsideMargins(t *testing.T) {
	t.Parallel()
	acme := workspacePacket(t, "testdata/bank", "acme")
	long := longStories()
	packets := map[string]*export.Packet{
		"acme":             acme,
		"acme letter":      letter(acme),
		"unicode":          wholeBank(t, unicodeBank()),
		"thirty questions": thirtyQuestions(),
		"150 questions":    manyQuestions(150),
		"long stories":     wholeBank(t, long),
		"synthetic 300":    wholeBank(t, syntheticBank(300)),
	}
	for _, name := range slices.Sorted(maps.Keys(packets)) {
		for _, m := range []float64{5, 12, 18, 35} {
			t.Run(fmt.Sprintf("%s/%g mm", name, m), func(t *testing.T) {
				opt := pdf.Options{Margins: m}
				brief, sheet, pages, err := pdf.Outside(packets[name], opt)
				if err != nil {
					t.Fatal(err)
				}
				for _, o := range brief[:min(len(brief), 5)] {
					t.Errorf("brief: %s", o)
				}
				for _, o := range sheet[:min(len(sheet), 5)] {
					t.Errorf("cheat sheet: %s", o)
				}
				if pages != 1 {
					t.Errorf("cheat sheet: %d pages", pages)
				}
			})
		}
	}
}

// patchFont returns a copy of a font with bytes written at an offset into
// one of its tables.
func patchFont(t *testing.T, font []byte, table string, off int, b ...byte) []byte {
	t.Helper()
	out := bytes.Clone(font)
	n := int(out[4])<<8 | int(out[5])
	for i := range n {
		rec := 12 + 16*i
		if string(out[rec:rec+4]) == table {
			at := int(binary.BigEndian.Uint32(out[rec+8:])) + off
			copy(out[at:], b)
			return out
		}
	}
	t.Fatalf("no %s table", table)
	return nil
}

// Cards are set at one size for their grid, whatever the role: smaller type
// only for many questions, the smallest only when cards must be shortened.
func TestCheatSheetShrinks(t *testing.T) {
	size := func(p *export.Packet) float64 {
		size, err := pdf.SheetSize(p, pdf.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return size
	}
	acme := size(workspacePacket(t, "testdata/bank", "acme"))
	example := size(examplePacket(t))
	thirty := size(thirtyQuestions())
	long := size(wholeBank(t, longStories()))
	if acme != pdf.SheetMaxSize || example != pdf.SheetMaxSize || !(thirty < acme && thirty >= pdf.SheetMinSize) {
		t.Errorf("sizes: 8 questions %g pt, 7 questions %g pt, 30 questions %g pt; want %g pt for a two-column grid", acme, example, thirty, pdf.SheetMaxSize)
	}
	if long != pdf.SheetMinSize {
		t.Errorf("shortened cards are set in %g pt, want %g", long, pdf.SheetMinSize)
	}
}

// The Go fonts are handed to fpdf as they are, shared by every document:
// fpdf must not write into them.
func TestFontBytesIntact(t *testing.T) {
	fonts, err := pdf.BuiltinFonts()
	if err != nil {
		t.Fatal(err)
	}
	before := make([][]byte, len(fonts))
	for i, data := range fonts {
		before[i] = bytes.Clone(data)
	}
	p := workspacePacket(t, "testdata/bank", "acme")
	build(t, briefOf(p, pdf.Options{}))
	build(t, sheetOf(p, pdf.Options{}))
	for i, data := range fonts {
		if !bytes.Equal(data, before[i]) {
			t.Errorf("built-in font %d was written to", i)
		}
	}
}

// BenchmarkBriefPerPage times a whole-bank brief of 1,000 stories that
// shows every story (about 550 pages): the cost of a page of the brief,
// reported as ms/page.
func BenchmarkBriefPerPage(b *testing.B) {
	p := wholeBank(b, syntheticBank(1000))
	opt := pdf.Options{TopPerQuestion: 1000}
	pages := 0
	for b.Loop() {
		var buf bytes.Buffer
		if _, err := pdf.Brief(&buf, p, opt); err != nil {
			b.Fatal(err)
		}
		pages = bytes.Count(buf.Bytes(), []byte("/Type /Page\n"))
	}
	if pages > 0 {
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(pages), "ms/page")
		b.ReportMetric(float64(pages), "pages")
	}
}

// A cheat sheet that keeps to one page only by leaving the Situations and
// the backups out says so.
func TestCheatSheetSaysWhatItLeavesOut(t *testing.T) {
	t.Parallel()
	data, warns := build(t, sheetOf(letter(examplePacket(t)), pdf.Options{Margins: 50}))
	if e := extract(t, data); e.pages != 1 {
		t.Fatalf("%d pages, want 1", e.pages)
	}
	if !slices.ContainsFunc(warns, func(w string) bool { return strings.Contains(w, "leave out the Situation and the backups") }) {
		t.Errorf("warnings %q, want one saying the Situations and backups are left out", warns)
	}
}
