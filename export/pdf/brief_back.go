package pdf

import (
	"fmt"
	"strings"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/tailor"
)

// roleFit is the role-fit page: each requirement of the job description
// and the stories that show it (or the gap and the story to bridge from),
// then the questions and keywords no story covers. It is left out when the
// packet has neither requirements nor gaps to show.
func (b *brief) roleFit() {
	sel := b.p.Selection
	if sel == nil || len(sel.Requirements) == 0 && len(sel.Gaps) == 0 && b.p.JobDescription == "" {
		return
	}
	b.h1("Role fit", false, 30)
	if len(sel.Requirements) > 0 {
		b.intro("What the job description asks for, and the story that shows it; a gap names the story to bridge from.")
		for _, r := range sel.Requirements {
			b.fl.place(b.requirement(r), true, 0)
		}
	}
	b.gaps()
}

// requirement is one requirement and its evidence, side by side.
func (b *brief) requirement(r tailor.Requirement) []row {
	d, fl := b.d, b.fl
	d.source = "role"
	leftW := fl.w * 0.42
	rightX, rightW := fl.x+leftW+5, fl.w-leftW-5
	size := smallSize + 0.5
	left := d.wrap(plain(r.Text, regular), size, leftW)
	var right [][]span
	var sources []string // what each item of right shows, for reports of what cannot be drawn
	for _, e := range r.Evidence {
		right, sources = append(right, b.evidence(e, "")), append(sources, "story "+e.Story.ID)
	}
	if r.Gap() {
		gap := []span{{text: "Gap", st: bold, accent: false}}
		src := "role"
		if r.Bridge != nil {
			gap = append(gap, span{text: ": bridge from ", st: regular})
			gap = append(gap, b.evidence(*r.Bridge, "its project says ")...)
			src = "story " + r.Bridge.Story.ID
		} else {
			gap = append(gap, span{text: ": no story comes near it yet", st: regular})
		}
		right, sources = append(right, gap), append(sources, src)
	} else if len(r.Missing) > 0 {
		right, sources = append(right, plain("no story says "+quoteList(r.Missing), italic)), append(sources, "role")
	}
	var rl []line
	var rc []rgb
	for i, sp := range right {
		d.source = sources[i]
		c := ink
		if r.Gap() && i == len(right)-1 {
			c = alert
		}
		for _, ln := range d.wrap(sp, size, rightW) {
			rl, rc = append(rl, ln), append(rc, c)
		}
	}
	lh := lineHeight(size)
	h := float64(max(len(left), len(rl)))*lh + 3
	d.source = ""
	return []row{{h: h, draw: func(y float64) {
		d.setColor(ink)
		for i, ln := range left {
			d.drawLine(ln, fl.x, baselineIn(y+1, lh, size)+float64(i)*lh, size)
		}
		for i, ln := range rl {
			d.setColor(rc[i])
			d.drawLine(ln, rightX, baselineIn(y+1, lh, size)+float64(i)*lh, size)
		}
		d.rule(fl.x, y+h, fl.x+fl.w, d.accentLight, 0.2)
	}}}
}

// evidence names a story and the words by which it meets a requirement.
func (b *brief) evidence(e tailor.Evidence, projectWords string) []span {
	st := regular
	if e.Picked {
		st = bold
	}
	out := plain(storyTitle(e.Story), st)
	words := e.Words
	if len(words) == 0 && len(e.Project) > 0 {
		words = e.Project
	} else {
		projectWords = ""
	}
	if len(words) > 0 {
		out = append(out, span{text: " (" + projectWords + smart(quoteList(words)) + ")", st: regular})
	}
	return out
}

// quoteList quotes words: “kafka”, “stream joins”.
func quoteList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = "“" + w + "”"
	}
	return strings.Join(q, ", ")
}

// gaps lists the questions and the keywords no picked story covers.
func (b *brief) gaps() {
	d, fl := b.d, b.fl
	var qs, kws []tailor.Gap
	for _, g := range b.p.Selection.Gaps {
		if g.Question != nil {
			qs = append(qs, g)
		} else {
			kws = append(kws, g)
		}
	}
	if len(qs)+len(kws) == 0 {
		fl.gap(3)
		fl.place(b.para(plain("No gaps: every question has a story and every keyword is covered.", italic), bodySize, fl.x, b.textW+labelW, muted), false, 0)
		return
	}
	list := func(title string, gs []tailor.Gap) {
		if len(gs) == 0 {
			return
		}
		var rows []row
		for _, g := range gs {
			var sp []span
			if g.Question != nil {
				d.source = "question " + g.Question.ID
				sp = append(plain(g.Question.Title, bold), span{text: ": " + smart(g.Reason), st: regular})
			} else {
				d.source = "role"
				sp = rich(g.Reason, regular)
			}
			rows = append(rows, b.item(sp, "•", bodySize, fl.x, b.textW+labelW, ink)...)
		}
		d.source = ""
		fl.place(append([]row{b.h2(title)}, rows[0]), true, 0)
		fl.place(rows[1:], false, 0)
	}
	list("Questions no story answers well", qs)
	list("Keywords no picked story covers", kws)
}

// closing is the end of the brief: the questions to ask the interviewer,
// then "Before you go": what to fix in the picked stories, a rehearsal
// checklist and what to do on the day.
func (b *brief) closing() {
	fl := b.fl
	w := b.textW + labelW
	b.h1("Questions to ask", true, 20)
	b.intro("Have two or three ready for the end of the interview; the role file’s own come first.")
	for i, q := range b.p.AskList(8) {
		b.d.source = "role"
		rows := b.item(plain(q, regular), fmt.Sprintf("%d.", i+1), bodySize, fl.x, w, ink)
		rows[0] = pad(rows[0], 1.5)
		fl.place(rows, true, 0)
	}
	b.h1("Before you go", false, 30)
	b.d.source = "packet"
	fix := b.p.ToDoNamed(storyTitle) // the stories as the brief heads them
	if len(fix) == 0 {
		fix = []string{"Nothing to fix: the picked stories have their lessons and follow-ups."}
	}
	b.checklist("Fix before the interview", fix, nil)
	items, sources := b.rehearse()
	b.checklist("Rehearse aloud", items, sources)
	b.d.source = "role"
	b.checklist("On the day", b.onTheDay(), nil)
	b.d.source = ""
}

// checklist is a heading and items to tick; sources, when given, say what
// each item draws from (for warnings).
func (b *brief) checklist(title string, items, sources []string) {
	fl := b.fl
	var rows []row
	for i, it := range items {
		if i < len(sources) {
			b.d.source = sources[i]
		}
		r := b.item(rich(it, regular), "☐", bodySize, fl.x, b.textW+labelW, ink)
		r[0] = pad(r[0], 1.2)
		rows = append(rows, r...)
	}
	fl.place(append([]row{b.h2(title)}, rows[:min(2, len(rows))]...), true, 0)
	if len(rows) > 2 {
		fl.place(rows[2:], false, 0)
	}
}

// rehearse is one line per question's first story: tell it aloud in its
// window, and what to change when it is outside; and the source of each.
func (b *brief) rehearse() ([]string, []string) {
	var out, sources []string
	for _, a := range b.shown {
		if len(a.Picks) == 0 {
			continue
		}
		s := a.Picks[0].Story
		fit := b.p.Fit(s, a.Question)
		line := fmt.Sprintf("**%s**: %s in %s", storyTitle(s), b.p.Speech.Clock(s), fit.Window)
		if adv := b.p.Advice(s, a.Question); adv != "" {
			line += "; " + adv
		}
		if fig, _, _ := leadWith(s); fig != "" {
			line += "; open with " + fig
		}
		out = append(out, line)
		sources = append(sources, "story "+s.ID)
	}
	return out, sources
}

// onTheDay is the short list a coach gives for the day itself.
func (b *brief) onTheDay() []string {
	when := "Check the time and the place or the link"
	if b.p.Interview != "" {
		when = "Check the time (" + dates(b.p.Interview) + ") and the place or the link"
	}
	return []string{
		"Print the cheat sheet and read it once, the hour before",
		when,
		"Open each answer with its number, then the Situation in a sentence",
		"Keep each story to its window; stop after the Result and let them ask",
		"Ask two of your questions at the end",
	}
}

// appendix quotes the job description as the role gives it.
func (b *brief) appendix() {
	jd := strings.TrimSpace(b.p.JobDescription)
	if jd == "" {
		return
	}
	d, fl := b.d, b.fl
	b.h1("Appendix: job description", false, 30)
	b.intro("As the role file gives it.")
	d.source = "role"
	size := smallSize + 1
	x, w := fl.x+5, min(fl.w-5, maxMeasure)
	var rows []row
	for _, bl := range jdBlocks(jd) {
		var br []row
		switch {
		case bl.Kind == stories.Bullet:
			br = b.item(plain(bl.Text, regular), "•", size, x, w, ink)
		case bl.Kind == stories.Number:
			br = b.item(plain(bl.Text, regular), bl.Marker, size, x, w, ink)
		case jdHeading(bl.Text):
			br = keepAll(b.para(plain(bl.Text, bold), size, x, w, d.accent))
			br[0] = pad(br[0], 2)
		default:
			br = b.para(plain(bl.Text, regular), size, x, w, ink)
		}
		rows = append(rows, br...)
	}
	for i := range rows {
		inner := rows[i]
		rows[i].draw = func(y float64) {
			d.fill(fl.x, y, 0.8, inner.h, d.accentLight)
			inner.draw(y)
		}
	}
	fl.place(rows, false, 0)
	d.source = ""
}

// jdHeading reports a line of a job description that reads as a heading:
// short, and ending with a colon or without a full stop.
func jdHeading(line string) bool {
	line = strings.TrimSpace(line)
	n := len(strings.Fields(line))
	return n > 0 && n <= 5 && (strings.HasSuffix(line, ":") || !strings.ContainsAny(line, ".,;"))
}

// jdBlocks splits a job description into its headings, list items and
// paragraphs: the lines of a paragraph wrapped by hand are joined again.
func jdBlocks(text string) []stories.Block {
	var out []stories.Block
	joinable := false // the last block is a paragraph the next line goes on
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			joinable = false
			continue
		}
		bl := stories.Blocks(line)[0]
		switch {
		case bl.Kind == stories.Para && jdHeading(bl.Text):
			out = append(out, bl)
			joinable = false
		case bl.Kind == stories.Para && joinable:
			out[len(out)-1].Text += " " + bl.Text
		default:
			out = append(out, bl)
			joinable = bl.Kind == stories.Para
		}
	}
	return out
}
