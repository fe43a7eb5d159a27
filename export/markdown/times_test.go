package markdown_test

import (
	"bytes"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/stories"
)

// TestNotesTimesMatchBrief builds the example packet's brief.pdf and
// notes.md and reads both back: every speaking time notes.md gives a story
// (its cue line, its section, its checklist line) is the time brief.pdf
// gives the same story.
func TestNotesTimesMatchBrief(t *testing.T) {
	t.Parallel()
	ws := config.OpenExample()
	role, err := ws.Role("example")
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	outs, err := packet.Pick(packet.Outputs(), []string{"brief", "notes"})
	if err != nil {
		t.Fatal(err)
	}
	opts := packet.Options{Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Out: out, Outputs: outs}
	b, err := packet.New(ws, opts)
	if err != nil {
		t.Fatal(err)
	}
	if res := b.Build(role); res.Err != nil {
		t.Fatal(res.Err)
	}
	p, err := packet.Prepare(ws, role, opts)
	if err != nil {
		t.Fatal(err)
	}
	notes, err := os.ReadFile(filepath.Join(out, "example", "notes.md"))
	if err != nil {
		t.Fatal(err)
	}
	cues := map[string]string{} // cue -> story id, of the picks
	for _, a := range p.Selection.Answers {
		for _, pk := range a.Picks {
			cues[stories.Heading(pk.Story)] = pk.Story.ID
		}
	}
	brief := briefTimes(t, filepath.Join(out, "example", "brief.pdf"), maps.Values(cues))
	seen := map[string]int{}
	for i, line := range strings.Split(string(notes), "\n") {
		clocks := storyClocks(line)
		if len(clocks) == 0 {
			continue
		}
		id := lineStory(line, cues)
		if id == "" {
			t.Errorf("notes.md:%d: a time of no story: %q", i+1, line)
			continue
		}
		for _, c := range clocks {
			seen[id]++
			if c != brief[id] {
				t.Errorf("notes.md:%d: %s is %s here, %s in brief.pdf: %q", i+1, id, c, brief[id], line)
			}
		}
	}
	for _, id := range cues {
		if seen[id] < 3 { // the cue list, the section, the checklist
			t.Errorf("notes.md gives %s's time %d times, want 3", id, seen[id])
		}
	}
}

var (
	windowRE = regexp.MustCompile(`\d+:\d\d–\d+:\d\d`)
	dateTime = regexp.MustCompile(`\d{4}-\d\d-\d\d \d\d:\d\d`)
	clockRE  = regexp.MustCompile(`\b\d{1,2}:\d\d\b`)
)

// storyClocks are the speaking times on a line of notes: its m:ss less
// windows (1:30–2:00) and times of day.
func storyClocks(line string) []string {
	line = dateTime.ReplaceAllString(windowRE.ReplaceAllString(line, ""), "")
	return clockRE.FindAllString(line, -1)
}

// lineStory is the story a line of notes is about: the id it names in
// backticks, else the longest pick's cue it holds.
func lineStory(line string, cues map[string]string) string {
	best := ""
	for cue, id := range cues {
		if strings.Contains(line, "`"+id+"`") {
			return id
		}
		if strings.Contains(line, cue) && len(cue) > len(best) {
			best = cue
		}
	}
	return cues[best]
}

// briefTimes reads brief.pdf's text and returns the time it gives each
// story of ids beside its id (the id line, then "TIME 0:43 to tell").
func briefTimes(t *testing.T, path string, ids iter.Seq[string]) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := lpdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for i := 1; i <= r.NumPage(); i++ {
		s, err := r.Page(i).GetPlainText(nil)
		if err != nil {
			t.Fatal(err)
		}
		text.WriteString(s)
	}
	squashed := strings.Join(strings.Fields(text.String()), "")
	out := map[string]string{}
	for id := range ids {
		m := regexp.MustCompile(regexp.QuoteMeta(id) + `TIME(\d+:\d\d)totell`).FindStringSubmatch(squashed)
		if m == nil {
			t.Fatalf("brief.pdf gives %s no time:\n%.2000s", id, text.String())
		}
		out[id] = m[1]
	}
	return out
}
