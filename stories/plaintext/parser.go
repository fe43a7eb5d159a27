package plaintext

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// parser builds projects line by line.
type parser struct {
	file string
	cat  *stories.Catalog
	res  *Result
	ids  map[string]bool
	next map[string]int // last suffix given to an id base

	cur       *project
	separator *line   // a separator line just read: what follows decides what it means
	leading   []*line // text of a leading part with no question, for the first story
	headings  int     // question headings found

	firstText, firstCol int // first non-blank line, for "no question" errors
	warnings            []warning
	err                 error // the first text too long to keep in one field
}

// project is a project being read.
type project struct {
	explicit bool // opened by a separator line
	titled   bool // the title line has been seen (or there is none)
	title    *line
	stray    []*line // text between the title and the first question
	answers  []*answer
	expected int // the question number that would come next
	last     int // the last question number
}

// answer is a story being read.
type answer struct {
	heading    *line
	q          *stories.Question
	title      string // from the heading: "Success: the launch"
	lines      [nFields][]*line
	field      int
	afterLabel bool // the previous line was a label with no text
	lastPoint  int  // number of the last numbered point in the text, 0 if the last line was no such point
	prevBlank  bool
}

// line takes the next line of the notes into the project being read.
func (p *parser) line(l *line) {
	if l.kind != blankLine && (l.kind != separatorLine || l.rest != "") && p.firstText == 0 {
		p.firstText, p.firstCol = l.no, l.col
	}
	if l.kind == separatorLine {
		p.separatorLine(l)
		return
	}
	if p.separator != nil {
		if l.kind == blankLine {
			return
		}
		p.afterSeparator(l)
	}
	if title := p.unseparatedTitle(l); title != nil {
		p.warn(title, "no separator line before %q: it starts a new project, as its questions start again at 1", title.text)
		p.newProject(title)
	}
	pr := p.cur
	if !pr.titled && p.titleLine(pr, l) {
		return
	}
	if l.kind == numberedLine && p.isHeading(pr, l) {
		p.heading(pr, l)
		return
	}
	if len(pr.answers) == 0 {
		pr.stray = append(pr.stray, l)
		return
	}
	pr.answers[len(pr.answers)-1].add(l)
}

// separatorLine takes a line of dashes: it ends any list, and starts a new
// project at once when text follows the dashes on the line, else at the
// next line unless that line carries on the project (afterSeparator).
func (p *parser) separatorLine(l *line) {
	if a := p.cur.lastAnswer(); a != nil {
		a.afterLabel, a.lastPoint = false, 0 // a separator ends any list
	}
	if l.rest != "" {
		p.newProject(&line{no: l.no, col: l.valueCol, text: l.rest, kind: textLine})
		return
	}
	p.separator = l
}

// afterSeparator decides, at the first text after a separator, whether it
// starts a new project.
func (p *parser) afterSeparator(l *line) {
	sep := p.separator
	p.separator = nil
	pr := p.cur
	keep := false
	switch {
	case pr.title != nil && pr.title.no == sep.no-1 && len(pr.answers) == 0 && len(pr.stray) == 0:
		// A rule right under the title, boxing or underlining it,
		// when questions follow: "=====\nTitle\n=====\n1. ...".
		keep = (l.kind == numberedLine && p.isHeading(pr, l)) || l.kind == labelLine
	case l.kind == numberedLine && l.num > 1 && l.num == pr.expected && len(pr.answers) > 0 && p.isHeading(pr, l):
		// Some people rule off every question: a separator followed
		// by the next question of the same project.
		keep = true
	}
	if !keep {
		p.newProject(nil)
	}
}

// titleLine takes the first text of a project as its title and reports
// whether it did (a heading or a label first means no title line: the
// project is named after the file).
func (p *parser) titleLine(pr *project, l *line) bool {
	if l.kind == blankLine {
		return true
	}
	pr.titled = true
	if l.kind == numberedLine && l.num < 0 && p.lookupKnown(l.rest) == nil {
		pr.title = &line{no: l.no, col: l.col, text: l.rest, kind: textLine} // "# Project title"
		return true
	}
	if !(l.kind == numberedLine && p.isHeading(pr, l)) && l.kind != labelLine {
		pr.title = projectTitle(l)
		return true
	}
	return false
}

// heading starts the answer to a question.
func (p *parser) heading(pr *project, l *line) {
	p.headings++
	a := &answer{heading: l, field: notes}
	a.q, a.title = p.lookup(l.rest)
	pr.answers = append(pr.answers, a)
	if l.num < 0 {
		l.num = pr.expected
	}
	pr.expected, pr.last = l.num+1, l.num
}

// add takes a line of an answer: a label switches the field it fills;
// numbered points and bullets keep a list going.
func (a *answer) add(l *line) {
	switch l.kind {
	case blankLine:
		a.lines[a.field] = append(a.lines[a.field], l)
		a.prevBlank, a.afterLabel = true, false
		return
	case labelLine:
		a.field = l.field
		if l.value != "" {
			a.lines[a.field] = append(a.lines[a.field], &line{no: l.no, col: l.valueCol, text: l.value, kind: textLine})
		}
		a.afterLabel = l.value == ""
		a.lastPoint = 0
	default:
		a.lines[a.field] = append(a.lines[a.field], l)
		a.afterLabel = false
		switch {
		case l.kind == numberedLine:
			a.lastPoint = l.num
		case isBullet(l.text):
			// a bullet under a numbered point does not end the list
		default:
			a.lastPoint = 0
		}
	}
	a.prevBlank = false
}

// projectTitle takes a "Project:" label off a title line.
func projectTitle(l *line) *line {
	t := l.text
	if len(t) > 8 && strings.EqualFold(t[:7], "project") && strings.ContainsRune(":：", []rune(t[7:])[0]) {
		_, size := utf8.DecodeRuneInString(t[7:])
		rest := strings.TrimSpace(t[7+size:])
		if rest != "" {
			return &line{no: l.no, col: l.col + utf8.RuneCountInString(t[:len(t)-len(strings.TrimLeft(t[7+size:], " "))]), text: rest, kind: textLine}
		}
	}
	return l
}

// newProject closes the project being read and opens the next, with the
// given title line or (nil) with the title still to come.
func (p *parser) newProject(title *line) {
	p.closeProject()
	p.cur = &project{explicit: true, expected: 1}
	if title != nil {
		p.cur.titled, p.cur.title = true, title
	}
}

func (pr *project) lastAnswer() *answer {
	if len(pr.answers) == 0 {
		return nil
	}
	return pr.answers[len(pr.answers)-1]
}

// unseparatedTitle spots a project that starts with no separator line: a
// short line standing alone after a blank line, then a question the
// catalog knows numbered 1 when the numbers had gone past 1. It takes the
// title line out of the answer it had gone into and returns it.
func (p *parser) unseparatedTitle(l *line) *line {
	pr := p.cur
	a := pr.lastAnswer()
	if l.kind != numberedLine || l.num != 1 || a == nil || pr.last < 1 || a.afterLabel {
		return nil
	}
	ls := a.lines[a.field]
	n := len(ls)
	if n < 2 || ls[n-2].kind != blankLine {
		return nil
	}
	title := ls[n-1]
	if title.kind != textLine || title.no != l.no-1 || !headingLike(title.text, false) || p.lookupKnown(l.rest) == nil {
		return nil
	}
	a.lines[a.field] = ls[:n-1]
	return title
}

// lookup finds the catalog question of a heading. "Most challenging: the
// DW migration" is the question most-challenging with the title "the DW
// migration". It returns a nil question for a heading the catalog does not
// know.
func (p *parser) lookup(heading string) (*stories.Question, string) {
	if q := p.cat.Lookup(heading); q != nil {
		return q, ""
	}
	for _, sep := range []string{": ", " - ", " – ", " — "} {
		if before, after, ok := strings.Cut(heading, sep); ok {
			if q := p.cat.Lookup(before); q != nil && strings.TrimSpace(after) != "" {
				return q, strings.TrimSpace(after)
			}
		}
	}
	return nil, ""
}

func (p *parser) lookupKnown(heading string) *stories.Question {
	q, _ := p.lookup(heading)
	return q
}

// isHeading decides whether a numbered line starts a new answer or is a
// point of a list inside the current one. A heading carries the number
// that comes next (or any later number when the catalog knows its text),
// does not sit right under a field label, does not continue a numbered
// list, and reads like a heading.
func (p *parser) isHeading(pr *project, l *line) bool {
	known := p.lookupKnown(l.rest) != nil
	if len(pr.answers) > 0 {
		a := pr.answers[len(pr.answers)-1]
		if a.afterLabel {
			return false // "Action:" then "1.Explain ...": the action's first point
		}
		if a.lastPoint > 0 && l.num == a.lastPoint+1 && !(a.prevBlank && (known || l.strong)) {
			return false // "2.Plan ..." after "1.Explain ..."
		}
	}
	afterBlank := len(pr.answers) == 0 || pr.answers[len(pr.answers)-1].prevBlank
	switch {
	case l.num < 0:
		return known
	case l.num == pr.expected:
		return known || l.strong || headingLike(l.rest, afterBlank)
	case l.num > pr.last:
		return known || l.strong
	}
	return false
}

func isBullet(t string) bool {
	return strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "• ")
}

// closeProject turns the project being read into a stories.Project.
func (p *parser) closeProject() {
	pr := p.cur
	if pr == nil || !pr.titled {
		return // nothing but blank lines since the separator
	}
	if len(pr.answers) == 0 && !pr.explicit {
		// Text ahead of the first separator with no question in it: a
		// heading note for the whole file, kept with the first story.
		if pr.title != nil {
			p.leading = append(p.leading, pr.title)
		}
		p.leading = append(p.leading, pr.stray...)
		return
	}
	proj := &stories.Project{File: p.file}
	if pr.title != nil {
		proj.Project = pr.title.text
	} else {
		proj.Project = fileTitle(p.file)
	}
	prefix := stories.ShortSlug(proj.Project, 24)
	if prefix == "" {
		prefix = "project"
	}
	for _, a := range pr.answers {
		proj.Stories = append(proj.Stories, p.story(proj, prefix, a))
	}
	if len(pr.answers) == 0 && !blank(pr.stray) {
		first := firstText(pr.stray)
		p.warn(first, "project %q has no numbered question; its text is kept as the notes of a story of its own", proj.Project)
		q := &stories.Question{ID: "notes", Title: "Notes"}
		s := &stories.Story{Question: q.Title, Project: proj, Notes: join(pr.stray),
			Pos: map[string]source.Position{"": p.pos(first), "notes": p.pos(first)}}
		s.ID = p.uniqueID(prefix + "." + q.ID)
		proj.Stories = append(proj.Stories, s)
		pr.stray = nil
	}
	if len(proj.Stories) == 0 {
		at := pr.title
		p.warn(at, "project %q has no questions; it is kept with an empty list of stories", proj.Project)
	}
	if !blank(pr.stray) {
		p.attachStray(proj.Stories[0], pr.stray, "text before the first question")
	}
	if len(p.leading) > 0 && len(proj.Stories) > 0 {
		p.attachStray(proj.Stories[0], p.leading, "text before the first project")
		p.leading = nil
	}
	p.checkSizes(proj, pr.title)
	p.res.Projects = append(p.res.Projects, proj)
}

// checkSizes makes sure the project will load again: no value may be
// longer than a field holds.
func (p *parser) checkSizes(proj *stories.Project, title *line) {
	tooLong := func(text string) bool { return utf8.RuneCountInString(text) > stories.MaxField }
	fail := func(pos source.Position, what string, n int) {
		if p.err == nil {
			p.err = source.Errorf(pos, "split it into shorter answers or projects: a spoken answer is rarely over 500 words",
				"%s is %d characters, more than the %d starpack takes (a spreadsheet cell's limit)", what, n, stories.MaxField)
		}
	}
	if tooLong(proj.Project) {
		fail(p.pos(title), "the project title", utf8.RuneCountInString(proj.Project))
	}
	for _, s := range proj.Stories {
		for _, f := range append(s.Fields(), stories.Field{Name: "question", Text: s.Question}, stories.Field{Name: "title", Text: s.Title}) {
			if tooLong(f.Text) {
				fail(s.FieldPos(f.Name), fmt.Sprintf("the %s of story %s", f.Name, s.ID), utf8.RuneCountInString(f.Text))
			}
		}
	}
}

// story turns a read answer into a story of proj.
func (p *parser) story(proj *stories.Project, prefix string, a *answer) *stories.Story {
	h := a.heading
	s := &stories.Story{Project: proj, Pos: map[string]source.Position{"": p.pos(h), "question": p.pos(h)}}
	qid := ""
	if a.q != nil {
		s.Question, qid, s.Title = a.q.ID, a.q.ID, a.title
	} else {
		s.Question = strings.TrimSpace(strings.TrimSuffix(h.rest, ":"))
		if s.Question == "" {
			s.Question = h.rest
		}
		qid = stories.ShortSlug(s.Question, 32)
		if qid == "" {
			qid = fmt.Sprintf("q%d", h.num)
		}
		msg := fmt.Sprintf("question %q is not in the catalog; kept as a custom question", s.Question)
		if sug := p.suggest(s.Question); sug != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", sug)
		}
		p.warn(h, "%s", msg)
	}
	s.ID = p.uniqueID(prefix + "." + qid)
	texts := [nFields]*string{&s.Situation, &s.Task, &s.Action, &s.Result, &s.Notes}
	empty := true
	for f, ls := range a.lines {
		if blank(ls) {
			continue
		}
		empty = false
		*texts[f] = join(ls)
		s.Pos[fieldNames[f]] = p.pos(firstText(ls))
	}
	if empty {
		p.warn(h, "question %q has no answer yet", s.Question)
	}
	return s
}

// attachStray puts lines that belong to no answer at the head of s's
// notes, and says so.
func (p *parser) attachStray(s *stories.Story, ls []*line, what string) {
	first := firstText(ls)
	p.warn(first, "%s is kept in the notes of story %s", what, s.ID)
	text := join(ls)
	if s.Notes != "" {
		text += "\n\n" + s.Notes
	}
	s.Notes = text
	s.Pos["notes"] = p.pos(first)
}

// uniqueID returns base, or base-2, base-3, ... when base is taken.
func (p *parser) uniqueID(base string) string {
	id, n := base, max(p.next[base], 1)
	for p.ids[id] {
		n++
		id = fmt.Sprintf("%s-%d", base, n)
	}
	p.next[base] = n
	p.ids[id] = true
	return id
}

// suggest returns the title of the catalog question whose title or alias
// is a likely typo of heading, or "".
func (p *parser) suggest(heading string) string {
	var keys []string
	owner := map[string]*stories.Question{}
	for _, q := range p.cat.Questions() {
		for _, k := range append([]string{q.Title}, q.Aliases...) {
			nk := stories.Normalize(k)
			keys = append(keys, nk)
			owner[nk] = q
		}
	}
	if k := source.Suggest(stories.Normalize(heading), keys); k != "" {
		return owner[k].Title
	}
	return ""
}

func (p *parser) pos(l *line) source.Position {
	if l == nil {
		return source.Position{File: p.file, Line: 1, Col: 1}
	}
	return source.Position{File: p.file, Line: l.no, Col: l.col}
}

func (p *parser) warn(l *line, format string, args ...any) {
	pos := p.pos(l)
	p.warnings = append(p.warnings, warning{pos.Line, fmt.Sprintf("%s:%d:%d: %s", pos.File, pos.Line, pos.Col, fmt.Sprintf(format, args...))})
}

type warning struct {
	line int
	msg  string
}

// sortedWarnings lists the warnings in file order.
func (p *parser) sortedWarnings() []string {
	sort.SliceStable(p.warnings, func(i, j int) bool { return p.warnings[i].line < p.warnings[j].line })
	out := make([]string, len(p.warnings))
	for i, w := range p.warnings {
		out[i] = w.msg
	}
	return out
}

// join makes the text of a field: its lines, with runs of blank lines kept
// as one paragraph break and none at either end.
func join(ls []*line) string {
	var b strings.Builder
	gap := false
	for _, l := range ls {
		if l.kind == blankLine {
			gap = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if gap {
				b.WriteByte('\n')
			}
		}
		gap = false
		b.WriteString(l.text)
	}
	return b.String()
}

func blank(ls []*line) bool { return firstText(ls) == nil }

func firstText(ls []*line) *line {
	for _, l := range ls {
		if l.kind != blankLine {
			return l
		}
	}
	return nil
}

// fileTitle names a project after the file it came from.
func fileTitle(file string) string {
	base := path.Base(strings.ReplaceAll(file, "\\", "/"))
	base = strings.TrimSuffix(base, path.Ext(base))
	base = strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(base))
	if base == "" || base == "." || base == "/" || stories.Normalize(base) == "" {
		return "Imported stories"
	}
	return base
}
