package pdf

import (
	"fmt"
	"strings"
	"time"

	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/stories"
)

// bandH is the height of the cover's coloured band, in millimetres.
const bandH = 54.0

// cover draws the top of page 1: the band with the company, the role and
// the interview date, the facts of the packet, what was told before, and
// the "tell me about yourself" pitch. The plan (glance or index) follows on
// the same page.
func (b *brief) cover() {
	d, fl := b.d, b.fl
	fl.mark = "Cover"
	fl.newPage()
	b.band()
	fl.y, fl.pageIsNew = bandH+7, false
	fl.place(b.facts(), false, 0)
	if p := b.p; p.Loop != nil {
		var rows []row
		if line := p.Loop.RoundLine(); line != "" {
			rows = append(rows, b.fact("ROUND", strings.TrimPrefix(dates(line), "Round "), "role")...)
		}
		if told := toldTitles(p); told != "" {
			rows = append(rows, b.fact("TOLD BEFORE", told, "role")...)
		}
		fl.place(rows, false, 0)
	}
	if b.p.Redacted {
		fl.place(b.fact("COPY", "Redacted: names and places replaced by the redaction rules", "role"), false, 0)
	}
	b.pitch()
	d.source = ""
}

// band draws the cover's coloured band.
func (b *brief) band() {
	d, p := b.d, b.p
	m := d.margin
	w := d.pageW - 2*m
	d.fill(0, 0, d.pageW, bandH, d.accent)
	d.source = "role"
	d.text(m, 17, "INTERVIEW PREP BRIEF", bold, 8, d.accentLight, 0, 'L')
	dateW := 0.0
	if p.Interview != "" {
		when := dates(p.Interview)
		date, clock, _ := strings.Cut(when, ", ")
		dateW = d.text(d.pageW-m, 31, date, bold, 13, white, w*0.4, 'R')
		if clock != "" {
			d.text(d.pageW-m, 37.5, clock, regular, 9.5, d.accentLight, w*0.4, 'R')
		}
	}
	if p.Redacted {
		d.text(d.pageW-m, 17, "REDACTED COPY", bold, 8, white, 0, 'R')
	}
	title := p.Company
	if title == "" {
		title = p.Heading()
	}
	y := 31.0
	tw := w - dateW - 8
	lines := d.limit(d.wrap(plain(title, bold), 24, tw), 2, 24, tw)
	if len(lines) > 1 {
		y -= 4
	}
	for _, ln := range lines {
		d.setColor(white)
		d.drawLine(ln, m, y, 24)
		y += 9
	}
	if p.Company != "" && p.Title != "" {
		ln := d.oneLine(plain(p.Title, regular), 13, tw)
		d.setColor(white)
		d.drawLine(ln, m, y-1.5, 13)
	}
}

// facts is the row of facts under the band: the candidate, the build date,
// the plan and the focus, each a label over its value.
func (b *brief) facts() []row {
	d, fl, p := b.d, b.fl, b.p
	nq, ns, total := 0, 0, time.Duration(0)
	for _, a := range b.shown {
		nq++
		for _, pk := range a.Picks {
			ns++
			total += p.Speech.Time(pk.Story)
		}
	}
	type fact struct{ label, value, source string }
	facts := []fact{
		{"CANDIDATE", joinNonEmpty("\n", p.Candidate.Name, p.Candidate.Email), "candidate"},
		{"PREPARED", day(p.Generated), ""},
		{"THE PLAN", fmt.Sprintf("%d %s, %d %s\n%s of speaking", nq, plural(nq, "question", "questions"),
			ns, plural(ns, "story", "stories"), stories.Clock(total)), ""},
		{"FOCUS", strings.Join(p.Focus, ", "), "role"},
	}
	if len(p.Focus) == 0 {
		facts[3] = fact{"GAPS", fmt.Sprint(b.gapCount()), ""}
	}
	if facts[0].value == "" {
		facts = facts[1:]
	}
	colW := (fl.w - 9) / 4
	size := 9.5
	lh := lineHeight(size)
	var cols [][]line
	h := 0.0
	for _, f := range facts {
		d.source = f.source
		var ls []line
		for _, part := range strings.Split(f.value, "\n") {
			// An email too long for the column breaks before its "@",
			// each half shortened on its own, not after two lines of it.
			halves := []string{part}
			if at := strings.IndexByte(part, '@'); at > 0 && !strings.ContainsRune(part, ' ') && len(d.wrap(plain(part, regular), size, colW)) > 1 {
				halves = []string{part[:at], part[at:]}
			}
			for _, h := range halves {
				ls = append(ls, d.limit(d.wrap(plain(h, regular), size, colW), 2, size, colW)...)
			}
		}
		cols = append(cols, ls)
		h = max(h, float64(len(ls))*lh)
	}
	return []row{{h: h + 7, draw: func(y float64) {
		for i, f := range facts {
			x := fl.x + float64(i)*(colW+3)
			d.text(x, y+2.5, f.label, bold, labelSize, d.accent, colW, 'L')
			d.setColor(ink)
			for j, ln := range cols[i] {
				d.drawLine(ln, x, baselineIn(y+4+float64(j)*lh, lh, size), size)
			}
		}
		d.rule(fl.x, y+h+6, fl.x+fl.w, d.accentLight, 0.3)
	}}, spacer(2)}
}

// fact is a labelled line of the cover, full width.
func (b *brief) fact(label, value, source string) []row {
	b.d.source = source
	rows := b.para(plain(value, regular), 9.5, b.textX, b.fl.w-labelW, ink)
	return append(b.labelled(label, rows, 9.5, 0), spacer(1.5))
}

// pitch is the "tell me about yourself" box.
func (b *brief) pitch() {
	d, fl := b.d, b.fl
	pitch := strings.TrimSpace(b.p.Candidate.Pitch)
	if pitch == "" {
		return
	}
	d.source = "candidate"
	size := bodySize
	inner := []row{{h: 5, keep: true, draw: func(y float64) {
		d.text(fl.x+6, y+3.6, "TELL ME ABOUT YOURSELF", bold, labelSize, d.accent, 0, 'L')
	}}}
	for _, bl := range stories.Blocks(pitch) {
		if bl.Kind == stories.Para {
			inner = append(inner, b.para(rich(bl.Text, regular), size, fl.x+6, min(fl.w-12, maxMeasure), ink)...)
		} else {
			inner = append(inner, b.item(rich(bl.Text, regular), "•", size, fl.x+6, min(fl.w-12, maxMeasure), ink)...)
		}
	}
	fl.gap(3)
	fl.place(b.boxAt(inner, fl.x, fl.w, d.accentPale, d.accent), false, 0)
}

// toldTitles names the stories told to the company in earlier rounds, each
// once: "" when none.
func toldTitles(p *export.Packet) string {
	if p.Loop == nil {
		return ""
	}
	var titles []string
	seen := map[string]bool{}
	for _, t := range p.Loop.Told {
		if seen[t.Story] {
			continue
		}
		seen[t.Story] = true
		title := t.Story
		if s := p.Bank.Story(t.Story); s != nil {
			title = strings.TrimSuffix(stories.Shorten(storyTitle(s), 60), ".")
		}
		titles = append(titles, title)
	}
	if len(titles) == 0 {
		return ""
	}
	return strings.Join(titles, "; ") + " (not picked again unless included)"
}

func (b *brief) gapCount() int {
	if b.p.Selection == nil {
		return 0
	}
	return len(b.p.Selection.Gaps)
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
	b.h1("Résumé highlights", false, 12)
	for _, pr := range projects {
		d.source = "project " + pr.Project
		fl.gap(2)
		head := plain(pr.Project, bold)
		if meta := joinNonEmpty(" · ", pr.Company, pr.When); meta != "" {
			head = append(head, span{text: " · " + smart(meta), st: regular})
		}
		rows := keepAll(b.para(head, bodySize, fl.x, b.textW+labelW, d.accent))
		var items []row
		for _, h := range pr.Highlights {
			items = append(items, b.item(rich(h, regular), "•", bodySize, fl.x, b.textW+labelW, ink)...)
		}
		fl.place(append(rows, items[0]), true, 0)
		fl.place(items[1:], false, 0)
	}
	d.source = ""
}
