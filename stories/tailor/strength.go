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
	words  int  // its told words, for its time
}

func newTelling(s *stories.Story) telling {
	fields := s.Fields()
	t := telling{lesson: strings.TrimSpace(s.Lesson) != "", text: len(fields) > 0, number: hasNumber(s)}
	for _, f := range fields {
		t.words += stories.CountWords(f.Text) // as Story.Words
		countVoice(f.Text, &t.i, &t.we)
		if f.Name == "situation" || f.Name == "action" || f.Name == "result" {
			t.parts++
		}
	}
	return t
}

// countVoice counts the words of text that say "I" (me, my, I'm, ...) and
// "we" (us, our, we've, ...), in any case, without allocating: every story
// of the bank is read for it.
func countVoice(text string, i, we *int) {
	start := -1
	for k := 0; k <= len(text); k++ {
		if k < len(text) && (isLetterByte(text[k]) || text[k] == '\'') {
			if start < 0 {
				start = k
			}
			continue
		}
		if start >= 0 {
			switch voiceOf(text[start:k]) {
			case 1:
				*i++
			case -1:
				*we++
			}
			start = -1
		}
	}
}

func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80 }

// voiceOf says whether a word says "I" (1), "we" (-1) or neither (0), in
// any case, without allocating.
func voiceOf(w string) int {
	if len(w) > len("ourselves") {
		return 0
	}
	var buf [len("ourselves")]byte
	for k := 0; k < len(w); k++ {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	switch string(buf[:len(w)]) {
	case "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself":
		return 1
	case "we", "we're", "we've", "we'd", "we'll", "us", "our", "ours", "ourselves":
		return -1
	}
	return 0
}

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
