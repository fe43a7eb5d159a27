package plaintext

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/starpack/starpack/internal/golden"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

const fixtures = "../../testdata/import"

// fixtureFiles lists the plain-text fixtures.
func fixtureFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(fixtures, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in %s: %v", fixtures, err)
	}
	return files
}

func parseFixture(t *testing.T, file string) (*Result, []byte) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Parse(filepath.Base(file), data, nil)
	if err != nil {
		t.Fatalf("Parse: %v (hint: %s)", err, source.HintOf(err))
	}
	return res, data
}

func TestSeed(t *testing.T) {
	res, _ := parseFixture(t, filepath.Join(fixtures, "seed.txt"))
	if len(res.Projects) != 2 || res.Stories() != 18 {
		t.Fatalf("got %d projects and %d stories, want 2 and 18", len(res.Projects), res.Stories())
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings on the real bank: %q", res.Warnings)
	}
	grid, _ := stories.NewCatalog().Set(stories.DefaultSet) // the nine questions of the real bank
	for _, p := range res.Projects {
		if len(p.Stories) != len(grid) {
			t.Fatalf("project %q: %d stories, want %d", p.Project, len(p.Stories), len(grid))
		}
		for i, s := range p.Stories {
			if s.Question != grid[i] {
				t.Errorf("project %q story %d answers %q, want %q", p.Project, i+1, s.Question, grid[i])
			}
		}
	}
	ci := res.Projects[1].Stories[6]
	want := "1.Explain that I don't want the implementation the first step of ingestion to become bottleneck\n2.Plan to introduce the flexible design in v2."
	if ci.Action != want {
		t.Errorf("the numbered points must stay in the Action:\ngot  %q\nwant %q", ci.Action, want)
	}
	succ := res.Projects[0].Stories[8]
	if succ.Situation == "" || succ.Action == "" || succ.Notes != "" {
		t.Errorf("project 1 success should be Situation and Action: %+v", succ)
	}
	if res.Projects[1].Stories[8].Notes == "" || res.Projects[1].Stories[8].IsSTAR() {
		t.Errorf("project 2 success should be a free line: %+v", res.Projects[1].Stories[8])
	}
}

// TestGolden compares the YAML of every fixture with its golden file.
func TestGolden(t *testing.T) {
	for _, file := range fixtureFiles(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			res, _ := parseFixture(t, file)
			got := render(t, res)
			golden.Check(t, strings.TrimSuffix(file, ".txt")+".golden.yaml", got)
		})
	}
}

// render lays the projects out as one multi-document YAML file, each
// document named by its file, followed by the warnings as comments.
func render(t *testing.T, res *Result) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, p := range res.Projects {
		data, err := stories.MarshalProject(p)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("--- # stories/" + stories.ProjectFileName(p) + "\n")
		b.Write(data)
	}
	for _, w := range res.Warnings {
		b.WriteString("# warning: " + w + "\n")
	}
	return b.Bytes()
}

// TestRoundTrip writes every imported project and reads it back.
func TestRoundTrip(t *testing.T) {
	for _, file := range fixtureFiles(t) {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			res, _ := parseFixture(t, file)
			for _, p := range res.Projects {
				if err := roundTrip(p); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

// TestWordsKept checks that every word of every fixture is in the YAML.
func TestWordsKept(t *testing.T) {
	for _, file := range fixtureFiles(t) {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			res, data := parseFixture(t, file)
			if err := wordsKept(data, res); err != nil {
				t.Error(err)
			}
		})
	}
}

type want struct {
	id, question, title                    string
	situation, task, action, result, notes string
}

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		file     string
		title    []string // project titles
		stories  []want
		warnings []string // substrings, in order
	}{
		{
			name:    "text on the label's line and below",
			in:      "---\nP\n1. Failure\nScenario: a\nAction:\nb\nc\nResult:   d  \n",
			title:   []string{"P"},
			stories: []want{{id: "p.failure", question: "failure", situation: "a", action: "b\nc", result: "d"}},
		},
		{
			name:  "numbering styles",
			in:    "---\nP\nQ1) Failure\nx\nQ2.Success\ny\n#3 Conflict\nz\n4)Hardest bug\nw\n",
			title: []string{"P"},
			stories: []want{
				{id: "p.failure", question: "failure", notes: "x"},
				{id: "p.success", question: "success", notes: "y"},
				{id: "p.conflict", question: "conflict", notes: "z"},
				{id: "p.hardest-bug", question: "hardest-bug", notes: "w"},
			},
		},
		{
			name:    "labels in any case, task and situation",
			in:      "---\nP\n1.Success\nSITUATION: s\ntask : t\nACTION:a\nresult :\nr\nSituation / Task: st\nA ction: not a label\n",
			title:   []string{"P"},
			stories: []want{{id: "p.success", question: "success", situation: "s\nst\nA ction: not a label", task: "t", action: "a", result: "r"}},
		},
		{
			name:    "CRLF, byte-order mark and tabs",
			in:      "\uFEFF---\r\n\tP\r\n1.\tSuccess\r\nScenario:\ts\tt\r\n",
			title:   []string{"P"},
			stories: []want{{id: "p.success", question: "success", situation: "s t"}},
		},
		{
			name:     "unknown heading is a custom question",
			in:       "---\nP\n1. Leading a guild\nx\n2. Sucess\ny\n",
			title:    []string{"P"},
			stories:  []want{{id: "p.leading-a-guild", question: "Leading a guild", notes: "x"}, {id: "p.sucess", question: "Sucess", notes: "y"}},
			warnings: []string{`t.txt:3:1: question "Leading a guild" is not in the catalog`, `t.txt:5:1: question "Sucess" is not in the catalog; kept as a custom question (did you mean "A success"?)`},
		},
		{
			name:     "stray text goes to the notes with a warning",
			in:       "intro\n---\nP\nabout P\n1. Success\nScenario: s\n",
			title:    []string{"P"},
			stories:  []want{{id: "p.success", question: "success", situation: "s", notes: "intro\n\nabout P"}},
			warnings: []string{"t.txt:1:1: text before the first project", "t.txt:4:1: text before the first question"},
		},
		{
			name:    "no separator: the first line is the title",
			in:      "My bank\n\n1. Success\nx\n",
			title:   []string{"My bank"},
			stories: []want{{id: "my-bank.success", question: "success", notes: "x"}},
		},
		{
			name:    "no separator and no title: named after the file",
			in:      "1. Success\nx\n",
			file:    "notes/old_stories.txt",
			title:   []string{"old stories"},
			stories: []want{{id: "old-stories.success", question: "success", notes: "x"}},
		},
		{
			name:  "points of a list under a label stay in the field",
			in:    "---\nP\n1. Success\nAction:\n1. a\n2. b\n3. c\n2. Failure\nx\n",
			title: []string{"P"},
			stories: []want{
				{id: "p.success", question: "success", action: "1. a\n2. b\n3. c"},
				{id: "p.failure", question: "failure", notes: "x"},
			},
		},
		{
			name:  "a numbered sentence is not a heading",
			in:    "---\nP\n1. Success\nx\n2. We shipped it a week early, with no bugs.\n",
			title: []string{"P"},
			stories: []want{
				{id: "p.success", question: "success", notes: "x\n2. We shipped it a week early, with no bugs."},
			},
		},
		{
			name:  "a list at the end of a field, then the next question",
			in:    "---\nP\n1. Success\nResult:\n1. a\n2. b\n\n3. Failure\nx\n",
			title: []string{"P"},
			stories: []want{
				{id: "p.success", question: "success", result: "1. a\n2. b"},
				{id: "p.failure", question: "failure", notes: "x"},
			},
		},
		{
			name:  "a skipped number with a known heading",
			in:    "---\nP\n1. Success\nx\n4. Hardest bug\ny\n",
			title: []string{"P"},
			stories: []want{
				{id: "p.success", question: "success", notes: "x"},
				{id: "p.hardest-bug", question: "hardest-bug", notes: "y"},
			},
		},
		{
			name:  "the same question twice gets a unique id",
			in:    "---\nP\n1. Success\nx\n2. Success\ny\n---\nP\n1. Success\nz\n",
			title: []string{"P", "P"},
			stories: []want{
				{id: "p.success", question: "success", notes: "x"},
				{id: "p.success-2", question: "success", notes: "y"},
				{id: "p.success-3", question: "success", notes: "z"},
			},
		},
		{
			name:     "paragraphs are kept, blank runs collapsed",
			in:       "---\nP\n1. Success\n\n\na\n \t \n\n\nb\n\n",
			title:    []string{"P"},
			stories:  []want{{id: "p.success", question: "success", notes: "a\n\nb"}},
			warnings: nil,
		},
		{
			name:    "emoji and CJK",
			in:      "---\n项目 🚀\n1. Success\n成功 😀\n",
			title:   []string{"项目 🚀"},
			stories: []want{{id: "项目.success", question: "success", notes: "成功 😀"}},
		},
		{
			name:    "old Mac line ends",
			in:      "---\rP\r1. Success\rx\r",
			title:   []string{"P"},
			stories: []want{{id: "p.success", question: "success", notes: "x"}},
		},
		{
			name:  "Markdown headings",
			in:    "# Search ranking\n\n## 1. Most challenging\n**Situation/Task:** s\n**Action**: a\n\n## Hardest bug\nb\n\n### Not a question\nc\n**3. Success**\nd\n",
			title: []string{"Search ranking"},
			stories: []want{
				{id: "search-ranking.most-challenging", question: "most-challenging", situation: "s", action: "a"},
				{id: "search-ranking.hardest-bug", question: "hardest-bug", notes: "b\n\n### Not a question\nc"},
				{id: "search-ranking.success", question: "success", notes: "d"},
			},
		},
		{
			name:  "title in the separator line",
			in:    "===== Search ranking =====\n1. Success\nx\n----- Billing -----\n1. Failure\ny\n",
			title: []string{"Search ranking", "Billing"},
			stories: []want{
				{id: "search-ranking.success", question: "success", notes: "x"},
				{id: "billing.failure", question: "failure", notes: "y"},
			},
		},
		{
			name:    "a heading with the story's title",
			in:      "---\nP\n1. Most challenging: the DW migration\nx\n2. Conflict - arguing about Kafka\ny\n",
			title:   []string{"P"},
			stories: []want{{id: "p.most-challenging", question: "most-challenging", title: "the DW migration", notes: "x"}, {id: "p.conflict", question: "conflict", title: "arguing about Kafka", notes: "y"}},
		},
		{
			name:  "a separator between the questions of one project",
			in:    "---\nP\n1. Success\nx\n---\n2. Failure\ny\n\n---\n\n3. Conflict\nz\n---\nQ\n1. Success\nw\n",
			title: []string{"P", "Q"},
			stories: []want{
				{id: "p.success", question: "success", notes: "x"},
				{id: "p.failure", question: "failure", notes: "y"},
				{id: "p.conflict", question: "conflict", notes: "z"},
				{id: "q.success", question: "success", notes: "w"},
			},
		},
		{
			name:  "projects with no separator",
			in:    "Billing\n1. Success\nx\n2. Failure\ny\n\nSearch\n1. Success\nz\n\nNot a title\n2. Conflict\nw\n",
			title: []string{"Billing", "Search"},
			stories: []want{
				{id: "billing.success", question: "success", notes: "x"},
				{id: "billing.failure", question: "failure", notes: "y"},
				{id: "search.success", question: "success", notes: "z\n\nNot a title"},
				{id: "search.conflict", question: "conflict", notes: "w"},
			},
			warnings: []string{`t.txt:7:1: no separator line before "Search"`},
		},
		{
			name:  "files joined with their byte-order marks",
			in:    "\uFEFF---\nP\n1. Success\nx\n\uFEFF---\nQ\n1. Success\ny\n",
			title: []string{"P", "Q"},
			stories: []want{
				{id: "p.success", question: "success", notes: "x"},
				{id: "q.success", question: "success", notes: "y"},
			},
		},
		{
			name:     "a heading with no answer",
			in:       "---\nP\n1. Success\n2. Failure\nx\n",
			title:    []string{"P"},
			stories:  []want{{id: "p.success", question: "success"}, {id: "p.failure", question: "failure", notes: "x"}},
			warnings: []string{`t.txt:3:1: question "success" has no answer yet`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.file
			if file == "" {
				file = "t.txt"
			}
			res, err := Parse(file, []byte(tt.in), nil)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			var titles []string
			var got []want
			for _, p := range res.Projects {
				titles = append(titles, p.Project)
				for _, s := range p.Stories {
					// Every story gets the headline of its text as its title
					// (the goldens show them); here a title counts only when
					// the text wrote one.
					title := s.Title
					if title == stories.Headline(&stories.Story{Situation: s.Situation, Task: s.Task, Action: s.Action, Result: s.Result, Notes: s.Notes}) {
						title = ""
					}
					got = append(got, want{s.ID, s.Question, title, s.Situation, s.Task, s.Action, s.Result, s.Notes})
				}
			}
			if strings.Join(titles, "|") != strings.Join(tt.title, "|") {
				t.Errorf("titles %q, want %q", titles, tt.title)
			}
			if len(got) != len(tt.stories) {
				t.Fatalf("stories:\n got %+v\nwant %+v", got, tt.stories)
			}
			for i := range got {
				if got[i] != tt.stories[i] {
					t.Errorf("story %d:\n got %+v\nwant %+v", i+1, got[i], tt.stories[i])
				}
			}
			if len(res.Warnings) != len(tt.warnings) {
				t.Fatalf("warnings %q, want %q", res.Warnings, tt.warnings)
			}
			for i, w := range tt.warnings {
				if !strings.HasPrefix(res.Warnings[i], w) {
					t.Errorf("warning %d: %q, want it to start with %q", i+1, res.Warnings[i], w)
				}
			}
		})
	}
}

// TestParseCatalog checks that headings are looked up in the catalog
// given, with the workspace's own questions.
func TestParseCatalog(t *testing.T) {
	cat := stories.NewCatalog(stories.Question{ID: "why-us", Title: "Why us", Aliases: []string{"why this company"}})
	in := "---\nP\n1. Why this company?\nx\n2. Leadership\ny\n"
	res, err := Parse("t.txt", []byte(in), cat)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range res.Projects[0].Stories {
		got = append(got, s.ID+"="+s.Question)
	}
	if want := "p.why-us=why-us p.leadership=Leadership"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestErrors(t *testing.T) {
	long := "---\nP\n1. Success\n" + strings.Repeat("word ", source.MaxLine/5+1) + "\n"
	longField := "---\nP\n1. Success\nx\nAction:\n" + strings.Repeat(strings.Repeat("word ", 100)+"\n", 70)
	tests := []struct {
		name      string
		in        string
		line, col int
		msg       string
	}{
		{"empty", "", 1, 1, "empty file"},
		{"blank lines only", "\n  \n\t\n", 1, 1, "empty file"},
		{"separators only", "-----\n\n-----\n", 1, 1, "empty file"},
		{"no question", "\n\nJust a title\n  some text\n", 3, 1, "no numbered question"},
		{"a list is not a question", "---\nP\nAction:\n5. step\n", 2, 1, "no numbered question"},
		{"binary", "---\nP\n1. x\x00y\n", 3, 5, "binary file"},
		{"not UTF-8", "---\nP\n1. caf\xe9\n", 3, 7, "invalid UTF-8"},
		{"line over 1 MB", long, 4, 1, "line is"},
		{"line over 1 MB with old Mac line ends", strings.ReplaceAll(long, "\n", "\r"), 4, 1, "line is"},
		{"field too long", longField, 6, 1, "the action of story p.success is 34999 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Parse("bank.txt", []byte(tt.in), nil)
			if err == nil {
				t.Fatalf("no error; got %d projects", len(res.Projects))
			}
			var se *source.Error
			if !errors.As(err, &se) {
				t.Fatalf("error %T %v is not a *source.Error", err, err)
			}
			if se.File != "bank.txt" || se.Line != tt.line || se.Col != tt.col {
				t.Errorf("error at %s:%d:%d, want bank.txt:%d:%d (%v)", se.File, se.Line, se.Col, tt.line, tt.col, err)
			}
			if !strings.Contains(se.Msg, tt.msg) {
				t.Errorf("message %q, want it to contain %q", se.Msg, tt.msg)
			}
			if se.Hint == "" {
				t.Errorf("no hint for %v", err)
			}
		})
	}
}

// roundTrip writes p and reads it back, reporting any field that changed.
func roundTrip(p *stories.Project) error {
	data, err := stories.MarshalProject(p)
	if err != nil {
		return err
	}
	back, err := stories.ParseProject("stories/"+stories.ProjectFileName(p), data)
	if err != nil {
		return errors.New("reading back: " + err.Error() + "\n" + string(data))
	}
	if back.Project != p.Project || back.Company != p.Company || back.When != p.When || back.Summary != p.Summary ||
		strings.Join(back.Tags, "\x00") != strings.Join(p.Tags, "\x00") || len(back.Stories) != len(p.Stories) {
		return errors.New("project changed on the way back:\n" + string(data))
	}
	for i, s := range p.Stories {
		b := back.Stories[i]
		if b.ID != s.ID || b.Question != s.Question || b.Title != s.Title || b.Situation != s.Situation || b.Task != s.Task ||
			b.Action != s.Action || b.Result != s.Result || b.Notes != s.Notes || strings.Join(b.Tags, "\x00") != strings.Join(s.Tags, "\x00") {
			return errors.New("story " + s.ID + " changed on the way back:\n" + string(data))
		}
	}
	return nil
}

// notMarkup drops the tokens that are markup, not words.
func notMarkup(tokens []string) []string {
	var out []string
	for _, t := range tokens {
		if !markupRE.MatchString(t) {
			out = append(out, t)
		}
	}
	return out
}

// has reports whether counts hold every word of words.
func has(counts map[string]int, words []string) bool {
	need := map[string]int{}
	for _, w := range words {
		need[w]++
		if counts[w] < need[w] {
			return false
		}
	}
	return true
}

// labelRE matches a STAR label at the start of a line: those words become
// field names, not values.
var labelRE = regexp.MustCompile(`(?i)^(?:[*_]+\s*` + labelWords + `\s*[*_]*\s*[:：][*_]*|` + labelWords + `\s*[*_]*\s*[:：]|` + labelWords + `\s+[-–—]\s)`)

const labelWords = `(?:project|scenario|situation|context|background|tasks?|goal|actions?|results?|outcomes?|notes?|s|t|a|r|situation\s*/\s*task|situation\s*&\s*task|s\s*/\s*t|scenario\s*/\s*task)`

// markupRE matches a token that is markup, not a word: separator dashes,
// Markdown heading marks.
var markupRE = regexp.MustCompile(`^[-=_*~#—–─━═]+$`)

// wordsKept checks that every word of the input is a word of a value of
// the written YAML, read back. Label words ("Scenario:") and question
// heading lines (the heading becomes the question field) are left out of
// the input; a custom question must be its heading as written.
func wordsKept(data []byte, res *Result) error {
	headings := map[int]bool{}
	out := map[string]int{}
	for _, p := range res.Projects {
		yml, err := stories.MarshalProject(p)
		if err != nil {
			return err
		}
		back, err := stories.ParseProject("x.yaml", yml)
		if err != nil {
			return err
		}
		for _, w := range strings.Fields(back.Project) {
			out[w]++
		}
		for i, s := range back.Stories {
			if pos, ok := p.Stories[i].Pos["question"]; ok {
				headings[pos.Line] = true
			}
			for _, w := range strings.Fields(strings.Join([]string{s.Title, s.Situation, s.Task, s.Action, s.Result, s.Notes}, " ")) {
				out[w]++
			}
		}
	}
	// take consumes the words of a line from out if all are there.
	take := func(words []string) bool {
		if !has(out, words) {
			return false
		}
		for _, w := range words {
			out[w]--
		}
		return true
	}
	var missing []string
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	text := strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n").Replace(string(data))
	type words struct{ raw, plain []string }
	var labelled []words
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimPrefix(line, "\uFEFF")
		if headings[i+1] || isSeparator(strings.TrimSpace(strings.ReplaceAll(line, "\t", " "))) {
			continue
		}
		line = strings.TrimSpace(line)
		if r, _ := utf8.DecodeRuneInString(line); strings.ContainsRune("-=~*─━═", r) &&
			strings.HasPrefix(line, strings.Repeat(string(r), 3)) && strings.HasSuffix(line, strings.Repeat(string(r), 3)) {
			line = strings.Trim(line, string(r)) // "=== Title ===": the title
		}
		w := words{raw: notMarkup(strings.Fields(line)), plain: notMarkup(strings.Fields(labelRE.ReplaceAllString(line, "")))}
		if strings.Join(w.plain, " ") != strings.Join(w.raw, " ") {
			labelled = append(labelled, w)
		} else if !take(w.plain) {
			missing = append(missing, w.plain...)
		}
	}
	// A label is dropped where it names a field and kept as written in
	// text that belongs to no field: either way will do, once the
	// unlabelled lines have taken their words, and the labelled lines
	// that cannot have been kept as written have taken theirs.
	var open []words
	for _, w := range labelled {
		if !has(out, w.raw) {
			if !take(w.plain) {
				missing = append(missing, w.plain...)
			}
			continue
		}
		open = append(open, w)
	}
	for _, w := range open {
		if !take(w.raw) && !take(w.plain) {
			missing = append(missing, w.plain...)
		}
	}
	if len(missing) > 0 {
		return errors.New("words lost: " + strings.Join(missing, " "))
	}
	return nil
}
