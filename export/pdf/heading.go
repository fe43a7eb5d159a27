package pdf

import (
	"strings"
	"unicode"

	"github.com/starpack/starpack/stories"
)

// storyTitle is the heading a story goes by in both documents: its cue,
// unless the cue only repeats the opening words of the story's first field
// (a title copied out of the Situation: "Yelled at a teammate" over
// "Yelled at a teammate who..."), when a headline drawn from the rest of
// the story says something the text below does not open with. A story
// with nothing else to draw from keeps its cue.
func storyTitle(s *stories.Story) string {
	cue := stories.Plain(s.Cue())
	first, name := openingField(s)
	if first == "" || !opensWith(first, cue) {
		return cue
	}
	rest := *s
	rest.Title = ""
	switch name {
	case "situation":
		rest.Situation = ""
	case "notes":
		rest.Notes = ""
	}
	if h := stories.Headline(&rest); h != "" && !opensWith(first, h) {
		return h
	}
	return cue
}

// openingField is the text the story's telling opens with and its field's
// name: its first field when that is the Situation, the Task or the notes.
func openingField(s *stories.Story) (string, string) {
	fields := s.Fields()
	if len(fields) == 0 {
		return "", ""
	}
	switch f := fields[0]; f.Name {
	case "situation", "task", "notes":
		return stories.Plain(f.Text), f.Name
	}
	return "", ""
}

// opensWith reports whether text starts with the words of head, letter case
// and punctuation aside.
func opensWith(text, head string) bool {
	t, h := words(text), words(head)
	if len(h) == 0 || len(h) > len(t) {
		return false
	}
	for i := range h {
		if t[i] != h[i] {
			return false
		}
	}
	return true
}

// words are text's words in lower case without punctuation.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '%' && r != '$'
	})
}

// leadWith is what a story's telling should open with: its key figure
// (stories.KeyFigure of the Result, then the Action and the notes: what
// came of the work; else the size of the problem, from the Situation and
// the Task), the clause of the story that holds it and the name of its
// field. All are "" when the story has no figure.
func leadWith(s *stories.Story) (figure, clause, field string) {
	names := []string{"result", "action", "notes", "situation", "task"}
	fields := []string{s.Result, s.Action, s.Notes, s.Situation, s.Task}
	for i := range fields {
		fields[i] = strings.Join(strings.Fields(stories.Plain(fields[i])), " ")
	}
	figure = stories.KeyFigure(fields[:3]...)
	if figure == "" {
		figure = stories.KeyFigure(fields[3:]...)
	}
	if figure == "" {
		return "", "", ""
	}
	for i, f := range fields {
		if at := strings.Index(f, figure); at >= 0 {
			return figure, clauseAround(f, at, at+len(figure)), names[i]
		}
	}
	return figure, figure, ""
}

// clauseAround is the clause of text that holds text[from:to], with the
// clauses before and after it that make it at least six words, inside its
// sentence.
func clauseAround(text string, from, to int) string {
	cs := cuts(text)
	sentence := 0
	for _, c := range cs {
		if c.end <= from && c.sentence {
			sentence = c.end
		}
	}
	start := sentence
	for _, c := range cs {
		if c.end > sentence && c.end <= from && len(strings.Fields(text[c.end:to])) >= 6 {
			start = c.end
		}
	}
	end := len(text)
	for _, c := range cs {
		if c.end >= to && (len(strings.Fields(text[start:c.end])) >= 6 || c.sentence) {
			end = c.end
			break
		}
	}
	clause := strings.TrimRight(strings.TrimSpace(text[start:end]), ".,;:–— ")
	for _, w := range []string{"and ", "but ", "so ", "then ", "And ", "But ", "So ", "Then "} {
		clause = strings.TrimPrefix(clause, w)
	}
	return capitalise(clause)
}

// capitalise upper-cases the first letter of s.
func capitalise(s string) string {
	for i, r := range s {
		return s[:i] + string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}
