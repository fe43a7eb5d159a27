package pdf

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/tailor"
)

// Type sizes of the brief, in points.
const (
	bodySize   = 10.0
	smallSize  = 8.5
	labelSize  = 7.5
	cueSize    = 11.5
	qTitleSize = 15.0
	h1Size     = 18.0
	labelW     = 22.0 // the column of STAR labels, mm
)

// Brief writes the prep brief of a packet: a cover, an at-a-glance table,
// the gaps and one section per question. The warnings name characters no
// font could draw. Errors come from the options (a bad accent colour or
// fallback font) or from writing.
func Brief(w io.Writer, p *export.Packet, opt Options) ([]string, error) {
	_, warnings, err := writeBrief(w, p, opt)
	return warnings, err
}

func writeBrief(w io.Writer, p *export.Packet, opt Options) (*doc, []string, error) {
	d, err := newDoc(p, opt, "prep brief")
	if err != nil {
		return nil, nil, err
	}
	b := &brief{d: d, p: p}
	b.layout()
	warnings, err := d.finish(w)
	return d, warnings, err
}

type brief struct {
	d  *doc
	p  *export.Packet
	fl *flow
}

func (b *brief) answers() []tailor.Answer {
	if b.p.Selection == nil {
		return nil
	}
	return b.p.Selection.Answers
}

func (b *brief) layout() {
	d := b.d
	d.addPage()
	b.cover()

	top, bot := d.margin, d.pageH-d.margin
	if d.margin < 14 { // the running header and footer need room of their own
		top, bot = d.margin+9, d.pageH-d.margin-9
	}
	b.fl = &flow{d: d, x: d.margin, w: d.pageW - 2*d.margin, top: top, bot: bot}
	b.fl.newPage()
	b.glance()
	b.highlights()
	b.gaps()
	b.fl.newPage()
	b.sections()
	b.decorate()
}

// decorate draws the running header and the "Page X of Y" footer, once the
// page count is known.
func (b *brief) decorate() {
	d := b.d
	n := d.f.PageCount()
	headBase, headRule := d.margin-5, d.margin-3.2
	footBase := d.pageH - d.margin + 7
	if d.margin < 14 {
		headBase, headRule = d.margin+4, d.margin+5.8
		footBase = d.pageH - d.margin - 1
	}
	right := d.pageW - d.margin
	d.source = "candidate"
	who := "Prep brief"
	if b.p.Candidate.Name != "" {
		who += " · " + b.p.Candidate.Name
	}
	d.source = "role"
	heading := b.p.Heading()
	for i := 1; i <= n; i++ {
		d.gotoPage(i)
		if i > 1 {
			d.source = "role"
			w := d.text(right, headBase, who, regular, 8, muted, 0, 'R')
			d.text(d.margin, headBase, heading, bold, 8, d.accent, right-d.margin-w-6, 'L')
			d.rule(d.margin, headRule, right, d.accentLight, 0.3)
		}
		left := "Generated " + b.p.Generated.Format("2006-01-02")
		if b.p.Redacted {
			left = "Redacted copy · " + left
		}
		d.text(d.margin, footBase, left, regular, 7.5, faint, 0, 'L')
		d.text(right, footBase, fmt.Sprintf("Page %d of %d", i, n), regular, 8, muted, 0, 'R')
	}
	d.source = ""
}

// cover draws the first page.
func (b *brief) cover() {
	d, p := b.d, b.p
	m := d.margin
	w := d.pageW - 2*m
	bandH := 78.0
	d.fill(0, 0, d.pageW, bandH, d.accent)

	d.source = "role"
	y := 24.0
	d.text(m, y, "INTERVIEW PREP BRIEF", bold, 9, d.accentLight, 0, 'L')
	y += 13
	title := p.Company
	if title == "" {
		title = p.Heading()
	}
	for _, ln := range d.limit(d.wrap([]span{{title, bold}}, 26, w), 2, 26, w) {
		d.setColor(white)
		d.drawLine(ln, m, y, 26)
		y += 11
	}
	if p.Company != "" && p.Title != "" {
		for _, ln := range d.limit(d.wrap([]span{{p.Title, regular}}, 16, w), 2, 16, w) {
			d.setColor(white)
			d.drawLine(ln, m, y, 16)
			y += 7.5
		}
	}
	if p.Redacted {
		d.setColor(white)
		lw := d.oneLine([]span{{"REDACTED COPY", bold}}, 8.5, 0).w
		d.f.SetDrawColor(255, 255, 255)
		d.f.SetLineWidth(0.4)
		d.f.Rect(d.pageW-m-lw-6, 14, lw+6, 7, "D")
		d.text(d.pageW-m-3, 19, "REDACTED COPY", bold, 8.5, white, 0, 'R')
	}

	// Facts, in two columns of label and value.
	y = bandH + 16
	var facts [][2]string
	if p.Candidate.Name != "" || p.Candidate.Email != "" {
		who := p.Candidate.Name
		if p.Candidate.Email != "" {
			if who != "" {
				who += "  ·  "
			}
			who += p.Candidate.Email
		}
		facts = append(facts, [2]string{"Candidate", who})
	}
	if p.Interview != "" {
		facts = append(facts, [2]string{"Interview", p.Interview})
	}
	if line := p.Loop.RoundLine(); line != "" {
		facts = append(facts, [2]string{"Round", strings.TrimPrefix(line, "Round ")})
	}
	if told := toldCues(p); told != "" {
		facts = append(facts, [2]string{"Told before", told})
	}
	if p.Company != "" {
		facts = append(facts, [2]string{"Company", p.Company})
	}
	if p.Title != "" {
		facts = append(facts, [2]string{"Role", p.Title})
	}
	nq, ns, total := 0, 0, time.Duration(0)
	for _, a := range b.answers() {
		nq++
		for _, pk := range a.Picks {
			ns++
			total += p.Speech.Time(pk.Story)
		}
	}
	facts = append(facts, [2]string{"Questions", fmt.Sprintf("%d %s, %d %s, %s of speaking", nq, plural(nq, "question", "questions"), ns, plural(ns, "story", "stories"), stories.Clock(total))})
	if len(p.Focus) > 0 {
		facts = append(facts, [2]string{"Focus", strings.Join(p.Focus, ", ")})
	}
	if g := b.gapCount(); g > 0 {
		facts = append(facts, [2]string{"Gaps", fmt.Sprintf("%d (see the Gaps section)", g)})
	}
	facts = append(facts, [2]string{"Prepared", p.Generated.Format("2 January 2006")})
	if p.Redacted {
		facts = append(facts, [2]string{"Copy", "Redacted: names and places replaced by the redaction rules"})
	}
	lab := 30.0
	for i, f := range facts {
		if i == 0 {
			d.source = "candidate"
		} else {
			d.source = "role"
		}
		d.text(m, y, strings.ToUpper(f[0]), bold, labelSize, d.accent, 0, 'L')
		for j, ln := range d.limit(d.wrap([]span{{f[1], regular}}, 11, w-lab), 3, 11, w-lab) {
			if j > 0 {
				y += 5.2
			}
			d.setColor(ink)
			d.drawLine(ln, m+lab, y, 11)
		}
		y += 8.5
	}

	// The pitch: "tell me about yourself".
	if pitch := strings.TrimSpace(p.Candidate.Pitch); pitch != "" {
		d.source = "candidate"
		y += 6
		lh := lineHeight(bodySize + 0.5)
		var lines []line
		for _, bl := range stories.Blocks(pitch) {
			lines = append(lines, d.wrap(rich(bl.Text, regular), bodySize+0.5, w-14)...)
		}
		room := int((d.pageH - d.margin - 12 - y - 16) / lh)
		if len(lines) > room {
			lines = lines[:max(room, 1)]
			last := &lines[len(lines)-1]
			*last = d.ellipsize(*last, bodySize+0.5, last.w-1)
			d.warnings = append(d.warnings, "cover: the pitch is too long for the cover page and was shortened")
		}
		boxH := 14 + float64(len(lines))*lh
		d.fill(m, y, w, boxH, d.accentPale)
		d.fill(m, y, 1.2, boxH, d.accent)
		d.text(m+7, y+8, "TELL ME ABOUT YOURSELF", bold, labelSize, d.accent, 0, 'L')
		ty := y + 11
		for _, ln := range lines {
			d.setColor(ink)
			d.drawLine(ln, m+7, baselineIn(ty, lh, bodySize+0.5), bodySize+0.5)
			ty += lh
		}
	}
	d.source = ""
}

// toldCues names the stories told to the company in earlier rounds, by
// their cues, each once: "" when none.
func toldCues(p *export.Packet) string {
	if p.Loop == nil {
		return ""
	}
	var cues []string
	seen := map[string]bool{}
	for _, t := range p.Loop.Told {
		if seen[t.Story] {
			continue
		}
		seen[t.Story] = true
		cue := t.Story
		if s := p.Bank.Story(t.Story); s != nil {
			cue = strings.TrimSuffix(stories.Shorten(stories.Plain(s.Cue()), 50), ".")
		}
		cues = append(cues, cue)
	}
	if len(cues) == 0 {
		return ""
	}
	return strings.Join(cues, "; ") + " (not picked again unless included)"
}

func (b *brief) gapCount() int {
	if b.p.Selection == nil {
		return 0
	}
	return len(b.p.Selection.Gaps)
}

// h1 is a section title with its bookmark.
func (b *brief) h1(title string, below float64) {
	d, fl := b.d, b.fl
	fl.gap(8)
	lh := lineHeight(h1Size)
	rows := []row{{h: lh + 3, keep: true, draw: func(y float64) {
		d.setFont(faceRef(bold), h1Size)
		d.f.Bookmark(bmp(title), 0, y)
		d.text(fl.x, baselineIn(y, lh, h1Size), title, bold, h1Size, d.accent, fl.w, 'L')
		d.rule(fl.x, y+lh+1, fl.x+fl.w, d.accent, 0.6)
	}}, spacer(3)}
	rows[1].keep = true
	fl.place(rows, true, below)
}

// glance is the at-a-glance table: one row per picked story.
func (b *brief) glance() {
	d, fl := b.d, b.fl
	b.h1("At a glance", 20)
	pad := 1.6
	size := smallSize
	lh := lineHeight(size)
	numW, minW := 8.0, 13.0
	rest := fl.w - numW - minW
	cols := []float64{numW, rest * 0.30, rest * 0.42, rest * 0.28, minW}
	xs := make([]float64, len(cols)+1)
	xs[0] = fl.x
	for i, c := range cols {
		xs[i+1] = xs[i] + c
	}
	head := []string{"#", "Question", "Story", "Project", "Time"}
	header := row{h: lh + 2*pad, draw: func(y float64) {
		d.fill(fl.x, y, fl.w, lh+2*pad, d.accent)
		for i, h := range head {
			if i == len(head)-1 {
				d.text(xs[i+1]-pad, baselineIn(y+pad, lh, size), h, bold, size, white, 0, 'R')
				continue
			}
			d.text(xs[i]+pad, baselineIn(y+pad, lh, size), h, bold, size, white, 0, 'L')
		}
	}}
	fl.place([]row{header}, true, 3*lh)
	fl.repeat = &header

	var rows []row
	total := time.Duration(0)
	count := 0
	for qi, a := range b.answers() {
		shade := qi%2 == 1
		d.source = "question " + a.Question.ID
		qLines := d.wrap([]span{{a.Question.Title, regular}}, size, cols[1]-2*pad)
		if len(a.Picks) == 0 {
			none := d.wrap([]span{{"no story yet", italic}}, size, cols[2]-2*pad)
			rows = append(rows, b.tableRow(xs, pad, size, shade, fmt.Sprint(qi+1), qLines, none, nil, "", alert))
			continue
		}
		for pi, pk := range a.Picks {
			s := pk.Story
			d.source = "story " + s.ID
			cue := d.wrap([]span{{s.Cue(), regular}}, size, cols[2]-2*pad)
			proj := d.wrap([]span{{projectName(s), regular}}, size, cols[3]-2*pad)
			num, ql := "", []line(nil)
			if pi == 0 {
				num, ql = fmt.Sprint(qi+1), qLines
			}
			r := b.tableRow(xs, pad, size, shade, num, ql, cue, proj, b.p.Speech.Clock(s), ink)
			if pi > 0 {
				// At the top of a page, say which question the rows go on with.
				w := cols[1] + cols[0] - 2*pad
				n := int((r.h-2*pad)/lh + 0.5)
				cont := d.limit(d.wrap([]span{{fmt.Sprintf("%d. %s (continued)", qi+1, a.Question.Title), italic}}, size, w), n, size, w)
				inner := r.draw
				r.draw = func(y float64) {
					inner(y)
					if fl.pageIsNew {
						d.setColor(muted)
						for i, ln := range cont {
							d.drawLine(ln, xs[0]+pad, baselineIn(y+pad, lh, size)+float64(i)*lh, size)
						}
					}
				}
			}
			rows = append(rows, r)
			total += b.p.Speech.Time(s)
			count++
		}
	}
	d.source = ""
	fl.place(rows, false, 0)
	fl.repeat = nil
	sum := fmt.Sprintf("%d %s, %s of speaking in all.", count, plural(count, "story", "stories"), stories.Clock(total))
	fl.place([]row{spacer(1.5), b.para([]span{{sum, italic}}, smallSize, fl.x, fl.w, muted)[0]}, true, 0)
}

func (b *brief) tableRow(xs []float64, pad, size float64, shade bool, num string, q, story, proj []line, mins string, storyColor rgb) row {
	d, fl := b.d, b.fl
	lh := lineHeight(size)
	n := max(len(q), len(story), len(proj), 1)
	h := float64(n)*lh + 2*pad
	return row{h: h, draw: func(y float64) {
		if shade {
			d.fill(fl.x, y, fl.w, h, d.accentPale)
		}
		d.rule(fl.x, y+h, fl.x+fl.w, d.accentLight, 0.2)
		base := baselineIn(y+pad, lh, size)
		if num != "" {
			d.text(xs[0]+pad, base, num, bold, size, d.accent, 0, 'L')
		}
		for col, ls := range [][]line{q, story, proj} {
			c := ink
			if col == 1 {
				c = storyColor
			}
			d.setColor(c)
			for i, ln := range ls {
				d.drawLine(ln, xs[col+1]+pad, base+float64(i)*lh, size)
			}
		}
		if mins != "" {
			d.text(xs[5]-pad, base, mins, regular, size, muted, 0, 'R')
		}
	}}
}

// highlights lists the résumé bullets of the projects behind the picked
// stories, so the answers and the résumé tell the same story. Nothing is
// drawn when no such project has any.
func (b *brief) highlights() {
	d, fl := b.d, b.fl
	projects := b.p.Highlights()
	if len(projects) == 0 {
		return
	}
	b.h1("Résumé highlights", 12)
	for _, pr := range projects {
		d.source = "project " + pr.Project
		fl.gap(2)
		head := []span{{pr.Project, bold}}
		var meta []string
		for _, m := range []string{pr.Company, pr.When} {
			if strings.TrimSpace(m) != "" {
				meta = append(meta, m)
			}
		}
		if len(meta) > 0 {
			head = append(head, span{" · " + strings.Join(meta, " · "), regular})
		}
		rows := b.para(head, bodySize, fl.x, fl.w, d.accent)
		rows[len(rows)-1].keep = true
		var items []row
		for _, h := range pr.Highlights {
			items = append(items, b.item(rich(h, regular), "•", bodySize, fl.x, fl.w, ink)...)
		}
		fl.place(append(rows, items[0]), true, 0)
		fl.place(items[1:], false, 0)
	}
	d.source = ""
}

// gaps lists what the role asks for that no story covers.
func (b *brief) gaps() {
	d, fl := b.d, b.fl
	b.h1("Gaps", 12)
	var qs, other []tailor.Gap
	if b.p.Selection != nil {
		for _, g := range b.p.Selection.Gaps {
			if g.Question != nil {
				qs = append(qs, g)
			} else {
				other = append(other, g)
			}
		}
	}
	if len(qs)+len(other) == 0 {
		fl.place(b.para([]span{{"None: every question has a story and every skill is covered.", regular}}, bodySize, fl.x, fl.w, ink), false, 0)
		return
	}
	list := func(title string, gs []tailor.Gap) {
		if len(gs) == 0 {
			return
		}
		fl.gap(2)
		head := b.para([]span{{title, bold}}, bodySize, fl.x, fl.w, d.accent)
		head[len(head)-1].keep = true
		var rows []row
		for _, g := range gs {
			var sp []span
			if g.Question != nil {
				d.source = "question " + g.Question.ID
				sp = []span{{g.Question.Title, bold}, {": " + g.Reason, regular}}
			} else {
				d.source = "role"
				sp = rich(g.Reason, regular)
			}
			rows = append(rows, b.item(sp, "•", bodySize, fl.x, fl.w, ink)...)
		}
		d.source = ""
		fl.place(append(head, rows[0]), true, 0)
		fl.place(rows[1:], false, 0)
	}
	list("Questions no story answers well", qs)
	list("Job-description keywords no picked story covers", other)
}

// sections draws one section per question.
func (b *brief) sections() {
	d, fl := b.d, b.fl
	answers := b.answers()
	for qi, a := range answers {
		q := a.Question
		d.source = "question " + q.ID
		fl.gap(7)
		head := b.questionHead(qi, len(answers), a)
		if len(a.Picks) == 0 {
			d.source = "question " + q.ID
			key := q.ID
			if q.Custom {
				key = q.Title
			}
			msg := []span{{"No story yet. ", bold}, {fmt.Sprintf("Add one to a file in stories/ with question: %s, or answer it from another story.", key), regular}}
			box := b.box(b.para(msg, bodySize, fl.x+5, fl.w-10, alert), rgb(mix(alert, white, 0.92)), alert)
			fl.place(append(head, box...), true, 0)
			continue
		}
		for pi, pk := range a.Picks {
			d.source = "story " + pk.Story.ID
			rows := b.story(pk, pi, len(a.Picks))
			if pi == 0 {
				// The heading goes where the first story can start.
				need := height(rows)
				if need > fl.usable()-height(head) {
					need = min(height(rows[:min(4, len(rows))]), 30)
				}
				fl.place(head, true, need)
			}
			fl.place(rows, true, 0)
		}
	}
	d.source = ""
}

func (b *brief) questionHead(qi, n int, a tailor.Answer) []row {
	d, fl := b.d, b.fl
	q := a.Question
	title := q.Title
	total := time.Duration(0)
	for _, pk := range a.Picks {
		total += b.p.Speech.Time(pk.Story)
	}
	lhT := lineHeight(qTitleSize)
	var rows []row
	kicker := fmt.Sprintf("QUESTION %d OF %d", qi+1, n)
	info := ""
	if len(a.Picks) > 0 {
		info = fmt.Sprintf("%d %s · %s", len(a.Picks), plural(len(a.Picks), "story", "stories"), stories.Clock(total))
	}
	rows = append(rows, row{h: 5, keep: true, draw: func(y float64) {
		d.setFont(faceRef(bold), labelSize)
		d.f.Bookmark(bmp(title), 0, y)
		d.text(fl.x, y+3.5, kicker, bold, labelSize, d.accent, 0, 'L')
		if info != "" {
			d.text(fl.x+fl.w, y+3.5, info, regular, smallSize, muted, 0, 'R')
		}
	}})
	for _, ln := range d.wrap([]span{{title, bold}}, qTitleSize, fl.w) {
		rows = append(rows, row{h: lhT, keep: true, draw: func(y float64) {
			d.setColor(d.accent)
			d.drawLine(ln, fl.x, baselineIn(y, lhT, qTitleSize), qTitleSize)
		}})
	}
	ask := strings.TrimSpace(q.Ask)
	if ask == "" {
		ask = q.Title
	}
	if ask != title {
		askRows := b.para([]span{{"“" + ask + "”", italic}}, bodySize+0.5, fl.x, fl.w, ink)
		for i := range askRows {
			askRows[i].keep = true
		}
		askRows[0] = pad(askRows[0], 1)
		rows = append(rows, askRows...)
	}
	rows = append(rows, row{h: 4.5, keep: true, draw: func(y float64) {
		d.rule(fl.x, y+1.5, fl.x+fl.w, d.accent, 0.5)
	}})
	return rows
}

// story lays out one picked story: its cue, where it comes from, its
// fields, why it was chosen and what the coach said.
func (b *brief) story(pk tailor.Pick, i, n int) []row {
	d, fl := b.d, b.fl
	s := pk.Story
	var rows []row
	lhC := lineHeight(cueSize)
	cue := s.Cue()
	if n > 1 {
		cue = fmt.Sprintf("%d. %s", i+1, cue)
	}
	for _, ln := range d.wrap([]span{{cue, bold}}, cueSize, fl.w) {
		rows = append(rows, row{h: lhC, keep: true, draw: func(y float64) {
			d.setColor(ink)
			d.drawLine(ln, fl.x, baselineIn(y, lhC, cueSize), cueSize)
		}})
	}
	if i > 0 {
		rows[0] = pad(rows[0], 4)
		inner := rows[0].draw
		rows[0].draw = func(y float64) {
			d.rule(fl.x, y+1, fl.x+fl.w, d.accentLight, 0.2)
			inner(y)
		}
	}
	meta := []string{projectName(s)}
	if s.Project != nil && s.Project.Company != "" {
		meta = append(meta, s.Project.Company)
	}
	if s.Project != nil && s.Project.When != "" {
		meta = append(meta, s.Project.When)
	}
	meta = append(meta, fmt.Sprintf("%s to tell", b.p.Speech.Clock(s)), s.ID)
	metaRow := b.para([]span{{strings.Join(meta, "  ·  "), regular}}, smallSize, fl.x, fl.w, muted)
	for i := range metaRow {
		metaRow[i].keep = true
	}
	rows = append(rows, metaRow...)
	if line := b.p.Loop.Line(s.ID); line != "" {
		// The interview loop: rehearsals, and where it was told already.
		loopRow := b.para([]span{{line, italic}}, smallSize, fl.x, fl.w, d.accent)
		for i := range loopRow {
			loopRow[i].keep = true
		}
		rows = append(rows, loopRow...)
	}
	rows = append(rows, row{h: 2, keep: true, draw: func(float64) {}})

	for fi, f := range s.Fields() {
		frows := b.blocks(f.Text, fl.x+labelW, fl.w-labelW)
		if len(frows) == 0 {
			continue
		}
		if fi > 0 {
			frows[0] = pad(frows[0], 2)
		}
		label := strings.ToUpper(f.Label)
		top := 0.0
		if fi > 0 {
			top = 2
		}
		inner := frows[0].draw
		lh := lineHeight(bodySize)
		frows[0].draw = func(y float64) {
			d.text(fl.x, baselineIn(y+top, lh, bodySize), label, bold, labelSize, d.accent, labelW-2, 'L')
			inner(y)
		}
		if len(frows) > 1 {
			frows[0].keep = true
		}
		rows = append(rows, frows...)
	}

	why := "Why this story: "
	if len(pk.Reasons) > 0 {
		why += strings.Join(pk.Reasons, "; ") + "."
	} else if n == 1 {
		why += "it answers this question; no focus word of the role matched."
	} else {
		why += "it answers this question."
	}
	wr := b.para([]span{{why, italic}}, smallSize, fl.x+labelW, fl.w-labelW, muted)
	wr[0] = pad(wr[0], 2.5)
	rows = append(rows, wr...)

	if fb, ok := b.p.Feedback[s.ID]; ok && (fb.Rating > 0 || fb.Status != "" || strings.TrimSpace(fb.Comment) != "") {
		var parts []string
		if fb.Rating > 0 {
			parts = append(parts, fmt.Sprintf("rated %d/5", fb.Rating))
		}
		if fb.Status != "" {
			parts = append(parts, "status: "+fb.Status)
		}
		if fb.Date != "" {
			parts = append(parts, fb.Date)
		}
		head := []span{{"Coach feedback", bold}}
		if len(parts) > 0 {
			head = append(head, span{"  ·  " + strings.Join(parts, "  ·  "), regular})
		}
		inner := b.para(head, smallSize+0.5, fl.x+labelW+4, fl.w-labelW-8, d.accent)
		if c := strings.TrimSpace(fb.Comment); c != "" {
			for _, bl := range stories.Blocks(c) {
				inner = append(inner, b.para(rich(bl.Text, italic), smallSize+0.5, fl.x+labelW+4, fl.w-labelW-8, ink)...)
			}
		}
		box := b.boxAt(inner, fl.x+labelW, fl.w-labelW, d.accentPale, d.accent)
		box[0] = pad(box[0], 2)
		rows = append(rows, box...)
	}
	rows = append(rows, spacer(3))
	return rows
}

// blocks lays out Markdown-lite text: paragraphs, bullets and numbered
// points, with **bold** and figures in bold.
func (b *brief) blocks(text string, x, w float64) []row {
	var rows []row
	for i, bl := range stories.Blocks(text) {
		var br []row
		switch bl.Kind {
		case stories.Bullet:
			br = b.item(rich(bl.Text, regular), "•", bodySize, x, w, ink)
		case stories.Number:
			br = b.item(rich(bl.Text, regular), bl.Marker, bodySize, x, w, ink)
		default:
			br = b.para(rich(bl.Text, regular), bodySize, x, w, ink)
		}
		if i > 0 && len(br) > 0 {
			br[0] = pad(br[0], 1.2)
		}
		rows = append(rows, br...)
	}
	return rows
}

// para lays out a paragraph as rows, one per line, keeping its first two
// and last two lines together (no orphans, no widows).
func (b *brief) para(spans []span, size, x, w float64, c rgb) []row {
	d := b.d
	lh := lineHeight(size)
	lines := d.wrap(spans, size, w)
	rows := make([]row, len(lines))
	for i, ln := range lines {
		rows[i] = row{h: lh, draw: func(y float64) {
			d.setColor(c)
			d.drawLine(ln, x, baselineIn(y, lh, size), size)
		}}
	}
	keepEnds(rows)
	return rows
}

// item lays out a list item with its marker hanging left of the text.
func (b *brief) item(spans []span, marker string, size, x, w float64, c rgb) []row {
	d := b.d
	indent := 4.5
	if marker != "•" {
		indent = max(6, d.oneLine([]span{{marker, regular}}, size, 0).w+2)
	}
	rows := b.para(spans, size, x+indent, w-indent, c)
	lh := lineHeight(size)
	inner := rows[0].draw
	rows[0].draw = func(y float64) {
		mc := c
		if marker == "•" {
			mc = d.accent
		}
		d.text(x+0.8, baselineIn(y, lh, size), marker, regular, size, mc, 0, 'L')
		inner(y)
	}
	return rows
}

// box puts rows on a tinted background with a bar on the left.
func (b *brief) box(rows []row, bg, bar rgb) []row {
	return b.boxAt(rows, b.fl.x, b.fl.w, bg, bar)
}

func (b *brief) boxAt(rows []row, x, w float64, bg, bar rgb) []row {
	d := b.d
	if len(rows) == 0 {
		return rows
	}
	rows = append([]row{{h: 2, keep: true, draw: func(float64) {}}}, rows...)
	rows = append(rows, row{h: 2, draw: func(float64) {}})
	out := make([]row, len(rows))
	for i, r := range rows {
		out[i] = row{h: r.h, keep: r.keep || i == 0, draw: func(y float64) {
			d.fill(x, y, w, r.h, bg)
			d.fill(x, y, 1, r.h, bar)
			r.draw(y)
		}}
	}
	if len(out) > 2 {
		out[len(out)-2].keep = true
	}
	return out
}

// pad adds space above a row.
func pad(r row, top float64) row {
	inner := r.draw
	return row{h: r.h + top, keep: r.keep, draw: func(y float64) { inner(y + top) }}
}

// keepEnds keeps the first two and the last two rows of a paragraph
// together.
func keepEnds(rows []row) {
	n := len(rows)
	if n >= 2 {
		rows[0].keep = true
		rows[n-2].keep = true
	}
}

// limit keeps the first n lines, ending the last with an ellipsis when
// lines were dropped.
func (d *doc) limit(ls []line, n int, size, w float64) []line {
	if len(ls) <= n {
		return ls
	}
	ls = ls[:n]
	ls[n-1] = d.ellipsize(ls[n-1], size, min(w, ls[n-1].w))
	return ls
}

func projectName(s *stories.Story) string {
	if s.Project == nil {
		return ""
	}
	return s.Project.Project
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
