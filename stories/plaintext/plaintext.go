// Package plaintext imports a story bank kept as loose plain text, the way
// people write interview notes, into starpack projects.
//
// The format it reads is the real bank's: a line of dashes starts a
// project and the next line is its title; numbered headings ("1. Most
// challenging", "3.Hardest bug", "Q2)", "#4") start the answer to a
// question; "Scenario:", "Situation:", "Task:", "Action:" and "Result:"
// labels (any case, text on the same line or below) split an answer into
// STAR fields, and lines before any label are free notes. Numbered points
// inside a field ("1.Explain ...", "2.Plan ...") stay in that field. Every
// word of the input is kept: what cannot be placed goes into the notes of
// the nearest story, with a warning that says where it came from.
package plaintext

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// Result is what an import gives: the projects, in file order, and
// warnings about text that was kept somewhere the user should check, each
// positioned as "file:line:col: message".
type Result struct {
	Projects []*stories.Project
	Warnings []string
}

// Stories counts the stories of every project.
func (r *Result) Stories() int {
	n := 0
	for _, p := range r.Projects {
		n += len(p.Stories)
	}
	return n
}

// Parse imports the plain-text bank data, read from file (used in
// positions and, when the text has no title, as the project title). cat
// recognises question headings; nil means the built-in catalog. Stories
// get ids <project>.<question>, unique within the result, and keep their
// positions in the text in Story.Pos. Errors are *source.Error with the
// position and a hint: not a UTF-8 text file, a line over source.MaxLine,
// no question found, or a text too long for one field (stories.MaxField).
func Parse(file string, data []byte, cat *stories.Catalog) (*Result, error) {
	if cat == nil {
		cat = stories.NewCatalog()
	}
	if len(data) <= source.MaxFileSize {
		// Before CheckText, which counts \n lines only: old Mac files
		// end lines with \r.
		err := eachLine(data, func(no int, raw string) error {
			if len(raw) > source.MaxLine {
				return source.LineTooLong(file, no, len(raw))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if err := source.CheckText(file, data); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	p := &parser{file: file, cat: cat, res: &Result{}, ids: map[string]bool{}, next: map[string]int{}}
	p.cur = &project{expected: 1}
	eachLine(data, func(no int, raw string) error {
		p.line(classify(no, raw))
		return nil
	})
	p.closeProject()
	if p.err != nil {
		return nil, p.err
	}
	p.res.Warnings = p.sortedWarnings()
	if p.headings == 0 {
		if p.firstText == 0 {
			return nil, &source.Error{File: file, Line: 1, Col: 1, Msg: "empty file: no stories to import",
				Hint: `write a project title, then numbered questions such as "1. Most challenging" with Situation:, Action: and Result: below`}
		}
		return nil, &source.Error{File: file, Line: p.firstText, Col: p.firstCol, Msg: "no numbered question found",
			Hint: `start each answer with a numbered heading on its own line, such as "1. Most challenging" or "Q2) Hardest bug"; separate projects with a line of dashes`}
	}
	return p.res, nil
}

// eachLine calls fn for every line of data, numbered from 1. Lines end at
// \n, \r\n, a lone \r, or a Unicode line or paragraph separator (which YAML
// would read as a line break anyway).
func eachLine(buf []byte, fn func(no int, line string) error) error {
	data := string(buf) // one copy; lines are slices of it
	no, start := 1, 0
	for i := 0; i < len(data); {
		c := data[i]
		var n int
		switch {
		case c == '\n':
			n = 1
		case c == '\r':
			n = 1
			if i+1 < len(data) && data[i+1] == '\n' {
				n = 2
			}
		case c == 0xC2 && i+1 < len(data) && data[i+1] == 0x85: // U+0085 next line
			n = 2
		case c == 0xE2 && i+2 < len(data) && data[i+1] == 0x80 && (data[i+2] == 0xA8 || data[i+2] == 0xA9):
			n = 3
		default:
			i++
			continue
		}
		if err := fn(no, data[start:i]); err != nil {
			return err
		}
		no++
		i += n
		start = i
	}
	if start < len(data) {
		return fn(no, data[start:])
	}
	return nil
}

type kind int

const (
	blankLine kind = iota
	textLine
	separatorLine
	numberedLine // "3. Most interesting", "Q1)", "#2": a heading or a point of a list
	labelLine    // "Action:", "Result: we shipped"
)

// line is one classified input line.
type line struct {
	no, col int
	text    string // without surrounding space; tabs made spaces
	kind    kind

	num    int    // numberedLine: the number, -1 for a Markdown heading with none
	rest   string // numberedLine: the text after the number; separatorLine: the title in it
	strong bool   // numberedLine: "Q1", "#1" or "Question 1": never a list point

	field    int    // labelLine: index into fieldNames
	value    string // labelLine: text after the label
	valueCol int    // labelLine: the value's column; separatorLine: the title's
}

func classify(no int, raw string) *line {
	// A byte-order mark starts each file that was joined into this one.
	raw = strings.TrimPrefix(raw, "\uFEFF")
	if strings.IndexByte(raw, '\t') >= 0 {
		raw = strings.ReplaceAll(raw, "\t", " ")
	}
	lead := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
	l := &line{no: no, col: 1 + utf8.RuneCountInString(raw[:lead]), text: strings.TrimSpace(raw)}
	switch {
	case l.text == "":
		l.kind = blankLine
	case isSeparator(l.text) || parseTitledSeparator(l):
		l.kind = separatorLine
	case parseNumbered(l):
		l.kind = numberedLine
	case parseLabel(l):
		l.kind = labelLine
	default:
		l.kind = textLine
	}
	return l
}

// isSeparator reports a line of three or more dashes (or =, _, *, ~, or
// box-drawing dashes), spaces allowed between them.
func isSeparator(t string) bool {
	var mark rune
	n := 0
	for _, r := range t {
		switch {
		case r == ' ':
			continue
		case mark == 0 && strings.ContainsRune("-=_*~—–─━═", r):
			mark = r
		case r != mark:
			return false
		}
		n++
	}
	return n >= 3
}

// parseTitledSeparator recognises "----- Project title -----": a
// separator and the title in one line. The title goes in rest.
func parseTitledSeparator(l *line) bool {
	t := l.text
	mark, _ := utf8.DecodeRuneInString(t)
	if !strings.ContainsRune("-=~*─━═", mark) {
		return false
	}
	run := strings.Repeat(string(mark), 3)
	if !strings.HasPrefix(t, run) || !strings.HasSuffix(t, run) || len(t) <= 2*len(run) {
		return false
	}
	inner := strings.Trim(t, string(mark))
	title := strings.TrimSpace(inner)
	if title == "" || isSeparator(title) {
		return false
	}
	lead := len(t) - len(strings.TrimLeft(t, string(mark)))
	lead += len(inner) - len(strings.TrimLeftFunc(inner, unicode.IsSpace))
	l.rest, l.valueCol = title, l.col+utf8.RuneCountInString(t[:lead])
	return true
}

// parseNumbered recognises "3. Text", "3.Text", "3) Text", "3: Text",
// "Q3) Text", "Q3. Text", "Q3 Text", "#3 Text" and "Question 3: Text",
// bare or as a Markdown heading ("## 3. Text", "**3. Text**"), and
// "## Text" with no number.
func parseNumbered(l *line) bool {
	t := l.text
	strong := false
	// Markdown: "## 1. Most challenging", "**1. Most challenging**".
	md := false
	if h := strings.TrimLeft(t, "#"); len(h) < len(t) && len(t)-len(h) <= 6 && strings.HasPrefix(h, " ") {
		t, strong, md = strings.TrimSpace(h), true, true
	}
	written := t
	for _, m := range []string{"**", "__"} {
		if len(t) > 4 && strings.HasPrefix(t, m) && strings.HasSuffix(t, m) {
			t = strings.TrimSpace(t[2 : len(t)-2])
		}
	}
	if t == "" {
		return false
	}
	switch {
	case len(t) > 8 && strings.EqualFold(t[:8], "question") && (t[8] == ' ' || isDigit(t[8])):
		t, strong = strings.TrimLeft(t[8:], " "), true
	case (t[0] == 'Q' || t[0] == 'q' || t[0] == '#') && len(t) > 1 && isDigit(t[1]):
		t, strong = t[1:], true
	}
	i := 0
	for i < len(t) && i < 3 && isDigit(t[i]) {
		i++
	}
	if i == 0 && md {
		// "## Most challenging": a heading if the catalog knows it, else
		// text (or a title), kept as written
		l.num, l.rest, l.strong = -1, written, true
		return true
	}
	if i == 0 || i == len(t) || isDigit(t[i]) {
		return false
	}
	num := 0
	for _, c := range t[:i] {
		num = num*10 + int(c-'0')
	}
	rest := t[i:]
	switch rest[0] {
	case '.', ')', ':':
		if len(rest) > 1 && isDigit(rest[1]) {
			return false // 1.5 or 10:30 is a number, not a heading
		}
		rest = rest[1:]
	case ' ':
		if !strong {
			return false // "100 queries" starts a sentence
		}
	case '-':
		if !strong {
			return false
		}
		rest = rest[1:]
	default:
		return false
	}
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return false
	}
	l.num, l.rest, l.strong = num, rest, strong
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// Story fields, in telling order; notes hold free lines.
const (
	situation = iota
	task
	action
	result
	notes
	nFields
)

var fieldNames = [nFields]string{"situation", "task", "action", "result", "notes"}

// labels maps what people write before a colon to a field.
var labels = map[string]int{
	"scenario": situation, "situation": situation, "context": situation, "background": situation, "s": situation,
	"task": task, "tasks": task, "goal": task, "t": task,
	"action": action, "actions": action, "a": action,
	"result": result, "results": result, "outcome": result, "outcomes": result, "r": result,
	"notes": notes, "note": notes,
	"situation/task": situation, "situation&task": situation, "s/t": situation, "scenario/task": situation,
}

// parseLabel recognises "Action:", "result : text", "**Task:** text".
func parseLabel(l *line) bool {
	t := l.text
	head := t[:min(len(t), 24)] // labels are short: look no further
	if i := strings.IndexAny(head, ":："); i > 0 && i <= 20 {
		if f, ok := labels[labelKey(t[:i])]; ok {
			_, size := utf8.DecodeRuneInString(t[i:])
			start := i + size
			if t[0] == '*' || t[0] == '_' {
				// "**Task:** text": the closing marker belongs to the label
				for start < len(t) && (t[start] == '*' || t[start] == '_') {
					start++
				}
			}
			setLabel(l, f, start)
			return true
		}
	}
	// "Situation - text": a dash will do after a whole word, not after a
	// letter ("A - B testing" is a sentence).
	for _, sep := range []string{" - ", " – ", " — "} {
		if i := strings.Index(head, sep); i > 1 && i <= 20 {
			if f, ok := labels[labelKey(t[:i])]; ok && len(labelKey(t[:i])) > 1 {
				setLabel(l, f, i+len(sep))
				return true
			}
		}
	}
	return false
}

// labelKey folds what comes before a label's colon for the labels table.
func labelKey(s string) string {
	key := strings.ToLower(strings.Join(strings.Fields(strings.Trim(s, " *_")), " "))
	for _, sep := range []string{"/", "&"} { // "Situation / Task"
		key = strings.ReplaceAll(strings.ReplaceAll(key, " "+sep, sep), sep+" ", sep)
	}
	return key
}

func setLabel(l *line, field, start int) {
	t := l.text
	for start < len(t) && t[start] == ' ' {
		start++
	}
	l.field, l.value = field, strings.TrimSpace(t[start:])
	l.valueCol = l.col + utf8.RuneCountInString(t[:start])
}

// headingLike says whether text reads like a heading rather than a
// sentence. After a blank line, where headings stand, anything but a long
// paragraph will do; right under other text, a heading must be short and
// must not end like a sentence (a question mark is fine: headings are
// often the question itself).
func headingLike(text string, afterBlank bool) bool {
	words := len(strings.Fields(text))
	if afterBlank {
		return words <= 25
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	switch last {
	case '.', ',', ';', '!':
		return false
	case '?':
		return words <= 25
	}
	return words <= 8
}
