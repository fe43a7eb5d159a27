package pdf

import (
	"strings"
	"unicode"

	"github.com/starpack/starpack/stories"
)

// storyTitle is the heading a story goes by (stories.Heading), as every
// output shows it.
func storyTitle(s *stories.Story) string { return stories.Heading(s) }

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
