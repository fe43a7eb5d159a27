package stories

import (
	"strings"
	"unicode"
)

// Heading is the name a story goes by in every output: its cue, unless
// the cue only repeats the opening words of the story's first field (a
// title copied out of the Situation: "Yelled at a teammate" over "Yelled
// at a teammate who..."), when a headline drawn from the rest of the story
// says something the text below does not open with. A story with nothing
// else to draw from keeps its cue.
func Heading(s *Story) string {
	cue := Plain(s.Cue())
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
	if h := Headline(&rest); h != "" && !opensWith(first, h) {
		return h
	}
	return cue
}

// openingField is the text the story's telling opens with and its field's
// name: its first field when that is the Situation, the Task or the notes.
func openingField(s *Story) (string, string) {
	fields := s.Fields()
	if len(fields) == 0 {
		return "", ""
	}
	switch f := fields[0]; f.Name {
	case "situation", "task", "notes":
		return Plain(f.Text), f.Name
	}
	return "", ""
}

// opensWith reports whether text starts with the words of head, letter case
// and punctuation aside.
func opensWith(text, head string) bool {
	t, h := plainWords(text), plainWords(head)
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

// plainWords are text's words in lower case without punctuation.
func plainWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '%' && r != '$'
	})
}
