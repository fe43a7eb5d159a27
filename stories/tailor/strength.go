package tailor

import (
	"strings"
	"unicode"

	"github.com/starpack/starpack/stories"
)

// telling is how a story is told, as the strength term judges it.
type telling struct {
	parts  int  // how many of Situation, Action and Result it tells
	lesson bool // it closes with a lesson
	text   bool // it says anything at all
	number bool // its Result (or notes) holds a number
	i, we  int  // how often it says "I" and "we"
}

func newTelling(s *stories.Story) telling {
	t := telling{lesson: strings.TrimSpace(s.Lesson) != "", text: len(s.Fields()) > 0, number: hasNumber(s)}
	for _, f := range []string{s.Situation, s.Action, s.Result} {
		if strings.TrimSpace(f) != "" {
			t.parts++
		}
	}
	for _, f := range s.Fields() {
		for _, w := range strings.FieldsFunc(strings.ToLower(f.Text), func(r rune) bool {
			return !unicode.IsLetter(r) && r != '\'' && r != '’'
		}) {
			w = strings.ReplaceAll(w, "’", "'")
			switch {
			case iWords[w]:
				t.i++
			case weWords[w]:
				t.we++
			}
		}
	}
	return t
}

var (
	iWords  = setOf(`i i'm i've i'd i'll me my mine myself`)
	weWords = setOf(`we we're we've we'd we'll us our ours ourselves`)
)

// form is how completely the story is told for a kind of answer: the
// share of Situation, Action and Result told (and of the lesson too, for a
// failure); a short answer needs only some text.
func (t telling) form(k stories.Kind) float64 {
	switch k {
	case stories.Short:
		return b2f(t.text)
	case stories.Failure:
		return (float64(t.parts) + b2f(t.lesson)) / 4
	}
	return float64(t.parts) / 3
}

// voice is 1 when the story says "I" at least as often as "we", ½ when it
// says neither, less as "we" takes over.
func (t telling) voice() float64 {
	switch {
	case t.i+t.we == 0:
		return 0.5
	case t.i >= t.we:
		return 1
	}
	return 2 * float64(t.i) / float64(t.i+t.we)
}

// hasNumber reports whether a story's result (or, for a story told as
// notes, its notes) holds a number: a quantified outcome. A digit after a
// letter ("v2", "k8s") is part of a name, not a number.
func hasNumber(s *stories.Story) bool {
	text := s.Result
	if strings.TrimSpace(text) == "" {
		text = s.Notes
	}
	prev := ' '
	for _, r := range text {
		if unicode.IsDigit(r) && !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
			return true
		}
		prev = r
	}
	return false
}
