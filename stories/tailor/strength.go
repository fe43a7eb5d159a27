package tailor

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
		t.words += readTelling(f.Text, &t.i, &t.we)
		if f.Name == "situation" || f.Name == "action" || f.Name == "result" {
			t.parts++
		}
	}
	return t
}

// readTelling reads text once, as every story of the bank is read: it
// returns its words as Story.Words counts them (runs of anything but
// spaces) and counts the words that say "I" (me, my, I'm, ...) and "we"
// (us, our, we've, ...) in any case (runs of letters and apostrophes),
// without allocating.
func readTelling(text string, i, we *int) (words int) {
	inWord, start := false, -1
	for k := 0; k <= len(text); {
		class, size := byte(isSpace), 1
		if k < len(text) {
			if c := text[k]; c < utf8.RuneSelf {
				class = asciiClass[c]
			} else {
				var r rune
				r, size = utf8.DecodeRuneInString(text[k:])
				class = isLetter // any rune outside ASCII is a letter here
				if unicode.IsSpace(r) {
					class |= isSpace
				}
			}
		}
		if class&isSpace == 0 && !inWord {
			words++
		}
		inWord = class&isSpace == 0
		if class&isLetter != 0 {
			if start < 0 {
				start = k
			}
		} else if start >= 0 {
			if w := text[start:k]; len(w) <= len("ourselves") && voiceInitial(w[0]) {
				switch voiceOf(w) {
				case 1:
					*i++
				case -1:
					*we++
				}
			}
			start = -1
		}
		k += size
	}
	return words
}

// Classes of ASCII bytes for readTelling: spaces part words, letters (and
// the apostrophe) make the words that say "I" or "we".
const (
	isSpace = 1 << iota
	isLetter
)

var asciiClass = func() (t [utf8.RuneSelf]byte) {
	for _, c := range " \t\n\v\f\r" {
		t[c] = isSpace
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = isLetter, isLetter
	}
	t['\''] = isLetter
	return t
}()

// voiceInitial reports a letter a word saying "I" or "we" can start with.
func voiceInitial(c byte) bool {
	switch c | 0x20 {
	case 'i', 'm', 'w', 'u', 'o':
		return true
	}
	return false
}

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
