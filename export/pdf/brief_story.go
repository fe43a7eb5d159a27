package pdf

import (
	"fmt"
	"strings"
	"time"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/tailor"
)

// sections draws one section per question, the first on a new page
// unless the page before is nearly empty.
func (b *brief) sections() {
	d, fl := b.d, b.fl
	for qi, a := range b.shown {
		q := a.Question
		d.source = "question " + q.ID
		fl.mark = fmt.Sprintf("Question %d of %d · %s", qi+1, len(b.shown), smart(q.Title))
		switch {
		case qi > 0:
			fl.gap(8)
		case fl.y-fl.top > fl.usable()/3:
			fl.newPage()
		default:
			// What came before holds only a few lines of its page: the
			// questions follow them rather than leave the page blank.
			fl.gap(12)
		}
		head := b.questionHead(qi, a)
		if len(a.Picks) == 0 {
			fl.place(append(head, b.noStory(q)...), true, 0)
			continue
		}
		for pi, pk := range a.Picks {
			d.source = "story " + pk.Story.ID
			rows := b.story(a, pk, pi)
			if pi == 0 {
				// The heading goes where the first story can start.
				need := height(rows)
				if need > fl.usable()-height(head) {
					need = min(height(rows[:min(5, len(rows))]), 34)
				}
				fl.place(head, true, need)
			}
			fl.placeCont(rows, true, 0, b.continued(pk.Story))
		}
		fl.place(b.after(a), true, 0)
	}
	d.source = ""
}

// noStory is the box of a question no story answers.
func (b *brief) noStory(q *stories.Question) []row {
	key := q.ID
	if q.Custom {
		key = q.Title
	}
	msg := []span{{text: "No story yet. ", st: bold}, {text: fmt.Sprintf("Add one to a file in stories/ with question: %s, or answer it from another story.", key)}}
	return b.boxAt(b.para(msg, bodySize, b.fl.x+5, b.textW+labelW-10, alert), b.fl.x, b.textW+labelW, mix(alert, white, 0.92), alert)
}

// continued is the line at the top of a page a story runs onto.
func (b *brief) continued(s *stories.Story) *row {
	d, fl := b.d, b.fl
	lh := lineHeight(smallSize)
	ln := d.oneLine(append(plain(storyTitle(s), italic), span{text: " (continued)", st: italic}), smallSize, fl.w)
	return &row{h: lh + 2, draw: func(y float64) {
		d.setColor(muted)
		d.drawLine(ln, fl.x, baselineIn(y, lh, smallSize), smallSize)
	}}
}

func (b *brief) questionHead(qi int, a shownAnswer) []row {
	d, fl := b.d, b.fl
	q := a.Question
	total := time.Duration(0)
	for _, pk := range a.Picks {
		total += b.p.Speech.Time(pk.Story)
	}
	kicker := fmt.Sprintf("QUESTION %d OF %d", qi+1, len(b.shown))
	info := "window " + b.window(q).String()
	if len(a.Picks) > 0 {
		info = fmt.Sprintf("%s · %s · %s", stories.Count(len(a.Picks)+a.more, "story", "stories"), stories.Clock(total), info)
	}
	title := smart(q.Title)
	rows := []row{{h: 5, keep: true, draw: func(y float64) {
		d.setFont(faceRef(bold), labelSize)
		d.f.Bookmark(bmp(title), 0, y)
		d.text(fl.x, y+3.5, kicker, bold, labelSize, d.accent, 0, 'L')
		d.text(fl.x+fl.w, y+3.5, info, regular, smallSize, muted, fl.w/2, 'R')
	}}}
	lhT := lineHeight(qTitleSize)
	for _, ln := range d.wrap(plain(q.Title, bold), qTitleSize, fl.w) {
		rows = append(rows, row{h: lhT, keep: true, draw: func(y float64) {
			d.setColor(d.accent)
			d.drawLine(ln, fl.x, baselineIn(y, lhT, qTitleSize), qTitleSize)
		}})
	}
	if ask := strings.TrimSpace(q.Ask); ask != "" && ask != q.Title {
		askRows := keepAll(b.para(plain("“"+strings.Trim(ask, "\"“”")+"”", italic), bodySize+0.5, fl.x, b.textW+labelW, ink))
		askRows[0] = pad(askRows[0], 1)
		rows = append(rows, askRows...)
	}
	return append(rows, row{h: 5, keep: true, draw: func(y float64) {
		d.rule(fl.x, y+2, fl.x+fl.w, d.accent, 0.5)
	}})
}

// window is the speaking window of a question's kind of answer.
func (b *brief) window(q *stories.Question) stories.Window {
	return b.p.Speech.OrDefault().Window(stories.KindOf(q, nil))
}

// story lays out one story of a question: its heading and where it comes
// from, its time, what to lead with, the telling, the 30-second version,
// the follow-ups, why it was picked and the coach's feedback.
func (b *brief) story(a shownAnswer, pk tailor.Pick, i int) []row {
	s := pk.Story
	rows := b.storyHead(s, i, len(a.Picks) > 1)
	rows = append(rows, b.storyTime(s, a.Question)...)
	if fig, clause, field := leadWith(s); fig != "" {
		sp := leadSpans(clause, fig)
		if field == "situation" || field == "task" {
			// The text below opens with it: say where, not the clause again.
			sp = []span{{text: strings.ReplaceAll(smart(fig), " ", "\u00a0"), st: bold, accent: true},
				{text: ", from the " + capitalise(field) + ": the result has no number yet", st: italic}}
		}
		rows = append(rows, b.labelled("LEAD WITH", b.para(sp, bodySize, b.textX, b.textW, ink), bodySize, 1.5)...)
	}
	for _, f := range s.Fields() {
		frows := b.blocks(f.Text, b.textX, b.textW, bodySize)
		rows = append(rows, b.labelled(strings.ToUpper(f.Label), frows, bodySize, 2)...)
	}
	if short := strings.TrimSpace(s.Short); short != "" {
		rows = append(rows, b.labelled("30 SECONDS", b.blocks(short, b.textX, b.textW, bodySize), bodySize, 2)...)
	}
	rows = append(rows, b.followups(s)...)
	rows = append(rows, b.why(pk, len(a.Picks))...)
	rows = append(rows, b.feedback(s)...)
	return append(rows, spacer(4))
}

// storyHead is a story's heading (numbered when the question has several)
// and the line saying where it comes from, kept together.
func (b *brief) storyHead(s *stories.Story, i int, numbered bool) []row {
	d, fl := b.d, b.fl
	title := storyTitle(s)
	if numbered {
		title = fmt.Sprintf("%d. %s", i+1, title)
	}
	lh := lineHeight(cueSize)
	var rows []row
	for j, ln := range d.wrap(plain(title, bold), cueSize, b.textW+labelW) {
		rows = append(rows, row{h: lh, keep: true, draw: func(y float64) {
			if j == 0 {
				b.onPage(s.ID)
			}
			d.setColor(ink)
			d.drawLine(ln, fl.x, baselineIn(y, lh, cueSize), cueSize)
		}})
	}
	if i > 0 {
		inner := rows[0].draw
		rows[0] = row{h: rows[0].h + 4, keep: true, draw: func(y float64) {
			d.rule(fl.x, y+1, fl.x+fl.w, d.accentLight, 0.25)
			inner(y + 4)
		}}
	}
	meta := []span{{text: smart(joinNonEmpty(" · ", projectName(s), companyOf(s), whenOf(s))), st: regular}}
	meta = append(meta, span{text: " · " + s.ID, st: regular})
	rows = append(rows, keepAll(b.para(meta, smallSize, fl.x, b.textW+labelW, muted))...)
	if line := b.p.Loop.Line(s.ID); line != "" {
		// The interview loop: rehearsals, and where it was told already.
		rows = append(rows, keepAll(b.para(plain(dates(line), italic), smallSize, fl.x, b.textW+labelW, d.accent))...)
	}
	return append(rows, row{h: 1.5, keep: true, draw: func(float64) {}})
}

// storyTime is the TIME line: how long the story takes to tell against
// the window of the question's kind of answer, and what to change.
func (b *brief) storyTime(s *stories.Story, q *stories.Question) []row {
	fit := b.p.Fit(s, q)
	text := fmt.Sprintf("%s to tell · window %s", b.p.Speech.Clock(s), fit.Window)
	if !fit.Inside() {
		text += " · " + fit.Window.Place(fit.Time)
		if adv := b.p.Advice(s, q); adv != "" {
			text += ": " + adv
		}
	}
	rows := b.para(plain(text, regular), smallSize+0.5, b.textX, b.textW, muted)
	return keepAll(b.labelled("TIME", rows, smallSize+0.5, 0))
}

// leadSpans is the clause to lead with, its figure in bold accent.
func leadSpans(clause, fig string) []span {
	clause = smart(clause)
	fig = smart(fig)
	at := strings.Index(clause, fig)
	if at < 0 {
		return []span{{text: fig, st: bold, accent: true}, {text: ": " + clause, st: regular}}
	}
	out := figures(clause[:at], regular, false)
	out = append(out, span{text: strings.ReplaceAll(fig, " ", "\u00a0"), st: bold, accent: true})
	return append(out, figures(clause[at+len(fig):], regular, false)...)
}

// followups lists the questions an interviewer is likely to ask next, each
// with the points of its answer.
func (b *brief) followups(s *stories.Story) []row {
	var rows []row
	for _, f := range s.Followups {
		q := keepAll(b.item(rich(f.Ask, italic), "?", bodySize, b.textX, b.textW, ink))
		if len(rows) > 0 {
			q[0] = pad(q[0], 1.2)
		}
		rows = append(rows, q...)
		for _, ans := range f.Answer {
			rows = append(rows, b.item(rich(ans, regular), "•", bodySize, b.textX+6, b.textW-6, ink)...)
		}
	}
	return b.labelled("FOLLOW-UPS", rows, bodySize, 1)
}

// why says why the story was picked.
func (b *brief) why(pk tailor.Pick, n int) []row {
	why := "it answers this question."
	if len(pk.Reasons) > 0 {
		why = strings.Join(pk.Reasons, "; ") + "."
	} else if n == 1 {
		why = "it answers this question; no focus word of the role matched."
	}
	rows := b.para(plain(capitalise(why), italic), smallSize, b.textX, b.textW, muted)
	return b.labelled("WHY", rows, smallSize, 2.5)
}

// after closes a question: what to tell if the interviewer has heard the
// pick (the alternates), and how many stories the brief left out.
func (b *brief) after(a shownAnswer) []row {
	var rows []row
	for _, alt := range a.Alternates {
		s := alt.Story
		b.d.source = "story " + s.ID
		sp := plain(storyTitle(s), bold)
		detail := joinNonEmpty(" · ", projectName(s), b.p.Speech.Clock(s))
		if len(alt.Reasons) > 0 {
			detail += " · " + alt.Reasons[0]
		}
		sp = append(sp, span{text: " (" + smart(detail) + ")", st: regular})
		rows = append(rows, b.item(sp, "•", smallSize+0.5, b.textX, b.textW, ink)...)
	}
	if len(rows) > 0 {
		rows = b.labelled("BACKUPS", rows, smallSize+0.5, 2)
	}
	if a.more > 0 {
		more := fmt.Sprintf("+%s more %s for this question: see notes.md and matrix.xlsx", thousands(a.more), plural(a.more, "story", "stories"))
		rows = append(rows, b.para(plain(more, italic), smallSize, b.textX, b.textW, muted)...)
	}
	return rows
}

// feedback is the coach's feedback on a story, in a box.
func (b *brief) feedback(s *stories.Story) []row {
	d := b.d
	fb, ok := b.p.Feedback[s.ID]
	if !ok || fb.Rating == 0 && fb.Status == "" && strings.TrimSpace(fb.Comment) == "" {
		return nil
	}
	var parts []string
	if fb.Rating > 0 {
		parts = append(parts, fmt.Sprintf("rated %d/5", fb.Rating))
	}
	if fb.Status != "" {
		parts = append(parts, "status: "+fb.Status)
	}
	if fb.Date != "" {
		parts = append(parts, dates(fb.Date))
	}
	head := []span{{text: "Coach feedback", st: bold}}
	if len(parts) > 0 {
		head = append(head, span{text: " · " + strings.Join(parts, " · "), st: regular})
	}
	inner := b.para(head, smallSize+0.5, b.textX+4, b.textW-8, d.accent)
	for _, bl := range stories.Blocks(strings.TrimSpace(fb.Comment)) {
		inner = append(inner, b.para(rich(bl.Text, italic), smallSize+0.5, b.textX+4, b.textW-8, ink)...)
	}
	box := b.boxAt(inner, b.textX, b.textW, d.accentPale, d.accent)
	box[0] = pad(box[0], 2)
	return box
}

func companyOf(s *stories.Story) string {
	if s.Project == nil {
		return ""
	}
	return s.Project.Company
}

func whenOf(s *stories.Story) string {
	if s.Project == nil {
		return ""
	}
	return s.Project.When
}
