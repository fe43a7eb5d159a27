package pdf

import (
	"fmt"
	"slices"
	"strings"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/loop"
)

// card is what one question's card says.
type card struct {
	source   string // for warnings
	num      int
	question string
	time     string
	title    string
	frags    []frag
	told     string   // the mark of a story told to this company already
	backups  []string // the other stories to tell, one line each: picks, then alternates
	picked   int      // how many of the backups are picks
	more     int      // picks for the question not among the backups
	none     bool     // no story answers the question
	overflow bool     // the "+N more questions" card
}

// frag is a part of the story a card tells: S, A or R (• for notes).
type frag struct {
	label  string
	text   string // the full text, on one line
	result bool   // the Result: its figures in the accent colour
}

// maxBackups is how many other stories a card names.
const maxBackups = 2

func (s *sheet) cards() []card {
	var out []card
	if s.p.Selection == nil {
		return out
	}
	for i, a := range s.p.Selection.Answers {
		c := card{num: i + 1, question: a.Question.Title, source: "question " + a.Question.ID}
		if len(a.Picks) == 0 {
			c.none = true
			out = append(out, c)
			continue
		}
		st := a.Picks[0].Story
		c.source = "story " + st.ID
		c.title = storyTitle(st)
		c.time = s.p.Speech.Clock(st)
		c.frags = storyFrags(st)
		c.told = toldMark(s.p.Loop.Story(st.ID).Told)
		others := append(slices.Clone(a.Picks[1:]), a.Alternates...)
		for _, pk := range others[:min(maxBackups, len(others))] {
			c.backups = append(c.backups, storyTitle(pk.Story)+" · "+s.p.Speech.Clock(pk.Story))
		}
		c.picked = min(maxBackups, len(a.Picks)-1)
		c.more = len(a.Picks) - 1 - c.picked
		out = append(out, c)
	}
	return out
}

// storyFrags are the parts of a story a card shows: its Situation (else
// Task), Action and Result, or for a story told as notes its first lines.
func storyFrags(st *stories.Story) []frag {
	if !st.IsSTAR() {
		var out []frag
		for _, b := range stories.Blocks(st.Notes) {
			if len(out) == 3 {
				break
			}
			out = append(out, frag{label: "•", text: stories.Plain(b.Text)})
		}
		return out
	}
	sit := st.Situation
	if strings.TrimSpace(sit) == "" {
		sit = st.Task
	}
	var out []frag
	for _, f := range []frag{{label: "S", text: sit}, {label: "A", text: st.Action}, {label: "R", text: st.Result, result: true}} {
		if f.text = oneLine(f.text); f.text != "" {
			out = append(out, f)
		}
	}
	return out
}

// oneLine joins the blocks of Markdown-lite text into one run of
// sentences: a list item or line without a full stop gets one.
func oneLine(text string) string {
	var parts []string
	for _, b := range stories.Blocks(text) {
		t := strings.Join(strings.Fields(stories.Plain(b.Text)), " ")
		if t == "" {
			continue
		}
		if !strings.ContainsAny(t[len(t)-1:], ".!?;:") {
			t += "."
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, " ")
}

// toldMark is a card's mark for a story told to the company already:
// "Told in round 1: tell it differently".
func toldMark(ts []loop.Telling) string {
	if len(ts) == 0 {
		return ""
	}
	var rounds []string
	for _, t := range ts {
		r := fmt.Sprintf("round %d", t.Round)
		if t.Role != "" {
			r = t.Role + " " + r
		}
		if !slices.Contains(rounds, r) {
			rounds = append(rounds, r)
		}
	}
	return "Told in " + strings.Join(rounds, ", ") + ": tell it differently"
}

// detail is how much of a card is kept: the most lines of the title, of
// each fragment and how many backups.
type detail struct{ title, s, a, r, backups int }

// details run from the fullest card to the barest.
var details = []detail{
	{2, 3, 5, 3, 2},
	{2, 2, 4, 3, 2},
	{2, 2, 3, 2, 2},
	{2, 1, 3, 2, 2},
	{2, 1, 2, 2, 1},
	{1, 1, 2, 1, 1},
	{1, 1, 1, 1, 1},
	{1, 0, 1, 1, 0},
}

// cardLine is one laid-out line of a card.
type cardLine struct {
	ln     line
	size   float64
	color  rgb
	indent float64
	marker string
	right  string // drawn right-aligned on the line (the time)
	gap    float64
	frag   *fragment // the fragment whose first line this is
}

func (l cardLine) height() float64 { return l.gap + cardLead(l.size) }

// cardLead is the leading of the cards, in millimetres.
func cardLead(size float64) float64 { return size * 1.22 / ptPerMM }

func linesHeight(ls []cardLine) float64 {
	h := 0.0
	for _, l := range ls {
		h += l.height()
	}
	return h
}

// lay lays a card out at a type size and detail for an inner width.
func (s *sheet) lay(c card, size, w float64, lv detail) []cardLine {
	d := s.d
	d.source = c.source
	var out []cardLine
	add := func(ls []line, sz float64, col rgb, indent float64, gap float64) {
		for i, ln := range ls {
			cl := cardLine{ln: ln, size: sz, color: col, indent: indent}
			if i == 0 {
				cl.gap = gap
			}
			out = append(out, cl)
		}
	}
	small := size * 0.84
	if c.overflow {
		add(d.wrap(plain(c.question, italic), size, w), size, muted, 0, 0)
		return out
	}
	label := fmt.Sprintf("%d · %s", c.num, strings.ToUpper(c.question))
	tw := w - d.oneLine(plain(c.time, regular), small, 0).w - 2
	add([]line{d.oneLine(plain(label, bold), small, tw)}, small, d.accent, 0, 0)
	out[len(out)-1].right = c.time
	if c.none {
		add(d.wrap(plain("No story yet: write one for this question", italic), size, w), size, alert, 0, 0.6)
		return out
	}
	cue := size + 1
	add(d.limit(d.wrap(plain(c.title, bold), cue, w), lv.title, cue, w), cue, ink, 0, 0.5)
	if c.told != "" {
		add([]line{d.oneLine(plain(c.told, italic), small, w)}, small, alert, 0, 0.2)
	}
	for i, f := range c.frags {
		budget := map[string]int{"S": lv.s, "A": lv.a, "R": lv.r, "•": lv.a}[f.label]
		if budget == 0 {
			continue
		}
		ls, shown := s.fragLines(f, size, w-fragIndent, budget)
		gap := 0.35
		if i == 0 {
			gap = 0.7
		}
		first := len(out)
		add(ls, size, ink, fragIndent, gap)
		out[first].marker = f.label
		out[first].frag = &fragment{Full: f.text, Shown: shown}
	}
	shown := min(lv.backups, len(c.backups))
	for _, bk := range c.backups[:shown] {
		add([]line{d.oneLine(append(plain("or ", italic), plain(bk, regular)...), small, w)}, small, muted, 0, 0.3)
	}
	if more := c.more + max(0, c.picked-shown); more > 0 {
		txt := fmt.Sprintf("+%s more: see notes.md and matrix.xlsx", thousands(more))
		add([]line{d.oneLine(plain(txt, italic), small, w)}, small, muted, 0, 0.2)
	}
	return out
}

// fragLines lays a fragment out in at most budget lines, shortened at a
// sentence or clause boundary; when not even its first clause fits, the
// first clause takes the lines it needs.
func (s *sheet) fragLines(f frag, size, w float64, budget int) ([]line, string) {
	d := s.d
	spans := func(t string) []span { return richIn(t, regular, f.result) }
	shown, ok := shortenAt(f.text, func(t string) bool { return len(d.wrap(spans(t), size, w)) <= budget })
	if !ok {
		shown = firstClause(f.text)
	}
	return d.wrap(spans(shown), size, w), shown
}
