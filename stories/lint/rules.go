package lint

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// textFields are the story fields that hold the telling, in order.
var textFields = []string{"situation", "task", "action", "result", "notes"}

// The fields a story is read from: its title, then textFields.
const (
	titleField = iota
	situationField
	taskField
	actionField
	resultField
	notesField
	storyFields
)

var fieldNames = [storyFields]string{"title", "situation", "task", "action", "result", "notes"}

// reading is a story as the rules read it: its title and text fields
// (empty ones too), each able to place an offset of its text in the file,
// the text fields split into words once for every rule. The linter reuses
// one reading story after story.
type reading struct {
	fields [storyFields]field
	words  []word // the words of every text field, in turn
}

// read fills r with story s.
func (l *linter) read(r *reading, s *stories.Story) {
	r.words = r.words[:0]
	for i, name := range fieldNames {
		f := &r.fields[i]
		*f = field{name: name, text: fieldText(s, name), start: s.FieldPos(name)}
		if _, ok := s.Pos[name]; ok {
			f.srcs = l.src
		}
		if i != titleField {
			n := len(r.words)
			r.words = appendWords(r.words, f.text)
			f.words = r.words[n:len(r.words):len(r.words)]
		}
	}
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

func (l *linter) story(s *stories.Story) {
	r := &l.reading
	l.read(r, s)
	l.unknownQuestion(s)
	l.starAndEmpty(s)
	l.resultNumber(s)
	l.length(s)
	l.weVsI(s, &r.fields[actionField])
	l.filler(s, r)
	if l.speller != nil {
		for i := range r.fields {
			l.spelling(s, &r.fields[i])
		}
	}
	if l.sets != nil {
		l.sets = append(l.sets, shingles(r))
	}
}

// unknownQuestion flags a question that is no catalog id, title or alias
// and does not read as a title of the user's own: a lower-case id, or
// anything a letter or two from a catalog question.
func (l *linter) unknownQuestion(s *stories.Story) {
	q := strings.TrimSpace(s.Question)
	if q == "" || l.cat.Lookup(q) != nil {
		return
	}
	nq := stories.Normalize(q)
	best, bestD := "", 1<<30
	for _, cq := range l.cat.Questions() {
		for _, key := range append([]string{cq.ID, cq.Title}, cq.Aliases...) {
			if d := source.EditDistance(nq, stories.Normalize(key)); d < bestD {
				best, bestD = cq.ID, d
			}
		}
	}
	limit := 2
	if utf8.RuneCountInString(nq) > 8 {
		limit = 3
	}
	pos := s.FieldPos("question")
	switch {
	case bestD <= limit:
		l.add(s, UnknownQuestion, pos, fmt.Sprintf("unknown question %q (did you mean %q?)", q, best), best)
	case idLike().MatchString(q):
		l.add(s, UnknownQuestion, pos, fmt.Sprintf("unknown question id %q: not in the catalog, and not written as a title", q))
	}
}

// idLike matches what reads as a question id rather than a title.
var idLike = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9]+([-_.][a-z0-9]+)*$`) })

var starParts = []struct{ name, label string }{{"situation", "Situation"}, {"action", "Action"}, {"result", "Result"}}

// fieldText returns the text of the story field with the given YAML name.
func fieldText(s *stories.Story, name string) string {
	switch name {
	case "situation":
		return s.Situation
	case "task":
		return s.Task
	case "action":
		return s.Action
	case "result":
		return s.Result
	case "notes":
		return s.Notes
	case "title":
		return s.Title
	}
	return ""
}

// starAndEmpty runs star-missing (a STAR answer without S, A or R) and
// empty-field (a field written but left blank, unless star-missing already
// said so).
func (l *linter) starAndEmpty(s *stories.Story) {
	said := map[string]bool{}
	if s.IsSTAR() && l.cfg.severity(StarMissing) != Off {
		var missing []string
		pos, placed := s.FieldPos(""), false
		for _, p := range starParts {
			if blank(fieldText(s, p.name)) {
				missing = append(missing, p.label)
				said[p.name] = true
				if _, ok := s.Pos[p.name]; ok && !placed {
					pos, placed = s.FieldPos(p.name), true
				}
			}
		}
		if len(missing) > 0 {
			l.add(s, StarMissing, pos, "STAR answer without "+andList(missing))
		}
	}
	for _, name := range textFields {
		if _, ok := s.Pos[name]; ok && !said[name] && blank(fieldText(s, name)) {
			l.add(s, EmptyField, s.FieldPos(name), fmt.Sprintf("empty field %q", name))
		}
	}
	if len(s.Fields()) == 0 {
		l.add(s, EmptyField, s.FieldPos(""), "story has no text: no situation, action, result or notes")
	}
}

func andList(xs []string) string {
	for i, x := range xs {
		if strings.ContainsAny(x[:1], "AEIOU") {
			xs[i] = "an " + x
		} else {
			xs[i] = "a " + x
		}
	}
	if len(xs) == 1 {
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// resultNumber flags a STAR Result without a figure in it.
func (l *linter) resultNumber(s *stories.Story) {
	if !s.IsSTAR() || blank(s.Result) || hasNumber(s.Result) || wordsOutcome(l.cat.Resolve(s.Question)) {
		return
	}
	l.add(s, ResultNumber, s.FieldPos("result"), "Result has no number: no count, percentage, amount or time")
}

// wordsOutcome reports whether q is a question whose outcome a coach
// hears in words, not numbers: a failure (its lesson), a conflict or a
// difficult interaction (how the people came out of it).
func wordsOutcome(q *stories.Question) bool {
	if q == nil || q.Custom {
		return false
	}
	if q.Kind == stories.Failure {
		return true
	}
	return slices.ContainsFunc(q.Competencies, func(c string) bool {
		switch c {
		case "conflict resolution", "communication", "stakeholder management", "collaboration":
			return true
		}
		return false
	})
}

// numberWords are words that state a quantity or a time.
var numberWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`two three four five six seven eight nine ten eleven twelve fifteen twenty
		thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion
		billions trillion dozen dozens half halved twice double doubled triple tripled quadrupled tenfold percent
		second seconds minute minutes hour hours day days week weeks month months year years quarter quarters
		overnight`) {
		numberWords[w] = true
	}
}

// figure matches a token that is a number: 3, 3x, 50%, $2M, <1%, ~10k,
// 1.5, 2019, p99; not a version or a name like v2 or S3. It is compiled on
// first use.
var figure = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[<>~≈±+\-$€£¥]*\d|^[pP]\d{2}`) })

func hasNumber(text string) bool {
	for f := range strings.FieldsSeq(text) {
		f = strings.Trim(f, `"'()[],;:.!?*`)
		if strings.ContainsAny(f, "0123456789") && figure().MatchString(f) || // no figure without a digit
			numberWords[lower(f)] || strings.ContainsAny(f, "%$€£¥") {
			return true
		}
	}
	return false
}

// lower is strings.ToLower without an allocation for words already lower.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// word is a lower-case word of a text and its byte offset.
type word struct {
	w   string
	off int
}

// appendWords appends the lower-case words of text, runs of letters and
// apostrophes, to out.
func appendWords(out []word, text string) []word {
	start := -1
	for i := 0; i <= len(text); {
		letter, size := false, 1
		if i < len(text) {
			if c := text[i]; c < utf8.RuneSelf {
				letter = asciiLetter[c]
			} else {
				var r rune
				r, size = utf8.DecodeRuneInString(text[i:])
				letter = unicode.IsLetter(r) || r == '’'
			}
		}
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			if w := lowerWord(text[start:i]); w != "" {
				out = append(out, word{w, start})
			}
			start = -1
		}
		i += size
	}
	return out
}

// asciiLetter marks the ASCII letters and the apostrophe.
var asciiLetter = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = unicode.IsLetter(rune(c)) || c == '\''
	}
	return t
}()

// lowerWord is a word in lower case with straight apostrophes, none at its
// ends; without allocating for a word written so already.
func lowerWord(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.Trim(strings.ToLower(strings.ReplaceAll(w, "’", "'")), "'")
		}
	}
	return strings.Trim(w, "'")
}

var (
	weWords = map[string]bool{"we": true, "we're": true, "we've": true, "we'd": true, "we'll": true,
		"us": true, "our": true, "ours": true, "ourselves": true}
	iWords = map[string]bool{"i": true, "i'm": true, "i've": true, "i'd": true, "i'll": true,
		"me": true, "my": true, "mine": true, "myself": true}
)

// weVsI flags an Action that says "we" far more than "I": the interviewer
// is hiring the candidate, not the team.
func (l *linter) weVsI(s *stories.Story, action *field) {
	if blank(action.text) {
		return
	}
	we, i, first := 0, 0, -1
	for _, w := range action.words {
		switch {
		case weWords[w.w]:
			we++
			if first < 0 {
				first = w.off
			}
		case iWords[w.w]:
			i++
		}
	}
	if !(i == 0 && we >= 2 || we >= 3 && we > 2*i) {
		return
	}
	l.add(s, WeVsI, action.pos(first), fmt.Sprintf(`Action says "we" %s and "I" %s`, times(we), times(i)))
}

func times(n int) string {
	switch n {
	case 0:
		return "never"
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// fillers are filler and hedge words and phrases, as word sequences.
var fillers = [][]string{
	{"basically"}, {"actually"}, {"literally"}, {"honestly"}, {"just"}, {"really"}, {"totally"},
	{"kind", "of"}, {"sort", "of"}, {"i", "think"}, {"i", "guess"}, {"i", "mean"}, {"i", "believe"},
	{"i", "feel", "like"}, {"you", "know"}, {"pretty", "much"}, {"more", "or", "less"},
	{"maybe"}, {"perhaps"}, {"somewhat"}, {"probably"}, {"stuff"}, {"things", "like", "that"},
}

// fillerStarts indexes fillers by their first word, in fillers order.
var fillerStarts = func() map[string][]int {
	m := map[string][]int{}
	for i, ph := range fillers {
		m[ph[0]] = append(m[ph[0]], i)
	}
	return m
}()

// filler flags a story with more filler and hedge words than the set rate.
func (l *linter) filler(s *stories.Story, r *reading) {
	total, count := 0, 0
	var firstField *field
	first := -1
	var tally map[string]int
	var order []string
	for fi := situationField; fi < storyFields; fi++ {
		f := &r.fields[fi]
		ws := f.words
		total += len(ws)
		for i := 0; i < len(ws); i++ {
			for _, k := range fillerStarts[ws[i].w] {
				ph := fillers[k]
				if i+len(ph) > len(ws) || !matchPhrase(ws[i:i+len(ph)], ph) {
					continue
				}
				count++
				key := strings.Join(ph, " ")
				if tally == nil {
					tally = map[string]int{}
				}
				if tally[key] == 0 {
					order = append(order, key)
				}
				tally[key]++
				if firstField == nil {
					firstField, first = f, ws[i].off
				}
				i += len(ph) - 1
				break
			}
		}
	}
	if count < 2 || float64(count)*100/float64(total) <= l.cfg.FillerPer100 {
		return
	}
	var parts []string
	for _, k := range order {
		p := fmt.Sprintf("%q", k)
		if tally[k] > 1 {
			p += fmt.Sprintf(" ×%d", tally[k])
		}
		parts = append(parts, p)
	}
	l.add(s, Filler, firstField.pos(first), fmt.Sprintf("%d filler words in %d (%.1f per 100): %s",
		count, total, float64(count)*100/float64(total), strings.Join(parts, ", ")))
}

func matchPhrase(ws []word, ph []string) bool {
	for i, p := range ph {
		if ws[i].w != p {
			return false
		}
	}
	return true
}

// spelling flags the misspelled words of one field.
func (l *linter) spelling(s *stories.Story, f *field) {
	if blank(f.text) {
		return
	}
	for _, m := range l.speller.check(f.text) {
		msg := fmt.Sprintf("unknown word %q", m.word)
		if len(m.suggestions) > 0 {
			msg += fmt.Sprintf(" (did you mean %q?)", m.suggestions[0])
		}
		l.add(s, Spelling, f.pos(m.off), msg, m.suggestions...)
	}
}

// project checks the spelling of a project's name and summary, which the
// packet prints as headings.
func (l *linter) project(p *stories.Project) {
	if l.speller == nil {
		return
	}
	for _, f := range []struct{ name, text string }{{"project", p.Project}, {"summary", p.Summary}} {
		if blank(f.text) {
			continue
		}
		fl := &field{name: f.name, text: f.text, start: source.Position{File: p.File}}
		if src := l.src.get(p.File); src != nil {
			if pos, ok := src.topKey(f.name); ok {
				fl.start = source.Position{File: p.File, Line: pos.Line, Col: pos.Col}
				fl.srcs = l.src
			}
		}
		l.spelling(nil, fl)
	}
}
