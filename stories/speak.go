package stories

import (
	"fmt"
	"strings"
	"time"
)

// Kind is the kind of answer a question asks for; it sets how long the
// answer should take to say.
type Kind string

// The kinds of answer.
const (
	// STAR is a story told as Situation, Task, Action, Result: the
	// behavioral answer, 1:30 to 2:00 by default.
	STAR Kind = "star"
	// Short is a short answer such as "what you learned" or "what you
	// enjoyed most": 0:20 to 0:45 by default.
	Short Kind = "short"
	// Failure is a STAR story that closes with the lesson: what you would
	// do differently. It has the STAR window.
	Failure Kind = "failure"
)

// Kinds lists the kinds of answer, for messages.
var Kinds = []Kind{STAR, Short, Failure}

// Known reports whether k is a kind starpack knows ("" is not).
func (k Kind) Known() bool {
	for _, x := range Kinds {
		if k == x {
			return true
		}
	}
	return false
}

// KindOf is the kind of answer story s gives to question q: the question's
// kind; for a question the catalog does not know, a STAR answer when s is
// told as one and a short answer when it is free notes.
func KindOf(q *Question, s *Story) Kind {
	if q != nil && q.Kind.Known() {
		return q.Kind
	}
	if q != nil && q.Custom && s != nil && !s.IsSTAR() {
		return Short
	}
	return STAR
}

// Window is how long an answer should take to say.
type Window struct {
	Min, Max time.Duration
}

func (w Window) String() string { return Clock(w.Min) + "–" + Clock(w.Max) }

// Place says where a time falls against the window: "inside", "short by
// 0:12" or "over by 0:30".
func (w Window) Place(d time.Duration) string {
	switch {
	case d < w.Min:
		return "short by " + Clock(w.Min-d)
	case d > w.Max:
		return "over by " + Clock(d-w.Max)
	}
	return "inside"
}

// Default speaking model: the rate most people speak at in an interview
// and the windows coaches give.
const DefaultWordsPerMinute = 150

var (
	DefaultSTARWindow  = Window{90 * time.Second, 120 * time.Second}
	DefaultShortWindow = Window{20 * time.Second, 45 * time.Second}
)

// Speech is the one speaking-time model of starpack: a story takes its
// words ÷ the speaking rate to say, and each kind of answer has a window
// it should fit in. Every output shows a story's time from it, and lint's
// length rule checks it. The zero value is the default model; zero fields
// take their defaults.
type Speech struct {
	WordsPerMinute int
	STAR, Short    Window
}

// DefaultSpeech returns the default model: 150 words a minute, STAR
// answers 1:30 to 2:00, short answers 0:20 to 0:45.
func DefaultSpeech() Speech {
	return Speech{WordsPerMinute: DefaultWordsPerMinute, STAR: DefaultSTARWindow, Short: DefaultShortWindow}
}

// OrDefault fills the zero fields of sp with the defaults.
func (sp Speech) OrDefault() Speech {
	d := DefaultSpeech()
	if sp.WordsPerMinute <= 0 {
		sp.WordsPerMinute = d.WordsPerMinute
	}
	if sp.STAR == (Window{}) {
		sp.STAR = d.STAR
	}
	if sp.Short == (Window{}) {
		sp.Short = d.Short
	}
	return sp
}

// Duration is how long words take to say, to the second.
func (sp Speech) Duration(words int) time.Duration {
	wpm := sp.OrDefault().WordsPerMinute
	secs := (words*60 + wpm/2) / wpm
	return time.Duration(secs) * time.Second
}

// Time is how long the story takes to tell: the words of its told fields
// (Fields) at the speaking rate.
func (sp Speech) Time(s *Story) time.Duration { return sp.Duration(s.Words()) }

// Clock is the story's time as m:ss, the one way every output shows it.
func (sp Speech) Clock(s *Story) string { return Clock(sp.Time(s)) }

// Window returns the window of a kind of answer.
func (sp Speech) Window(k Kind) Window {
	sp = sp.OrDefault()
	if k == Short {
		return sp.Short
	}
	return sp.STAR
}

// Fit says where a story's time falls against the window of its kind.
type Fit struct {
	Kind   Kind
	Time   time.Duration
	Window Window
}

// Fit times story s as an answer to q.
func (sp Speech) Fit(s *Story, q *Question) Fit {
	return sp.FitWords(s.Words(), KindOf(q, s))
}

// FitWords times an answer of the given words and kind: Fit for a caller
// that has counted the story's words already.
func (sp Speech) FitWords(words int, k Kind) Fit {
	return Fit{Kind: k, Time: sp.Duration(words), Window: sp.Window(k)}
}

// Under reports a story too short for its window; Over one too long.
func (f Fit) Under() bool  { return f.Time < f.Window.Min }
func (f Fit) Over() bool   { return f.Time > f.Window.Max }
func (f Fit) Inside() bool { return !f.Under() && !f.Over() }

// Share is how well the time fills the window, from 0 to 1: 1 inside it,
// the time's share of the minimum below it, the maximum's share of the
// time above it.
func (f Fit) Share() float64 {
	switch {
	case f.Under():
		return float64(f.Time) / float64(f.Window.Min)
	case f.Over():
		return float64(f.Window.Max) / float64(f.Time)
	}
	return 1
}

// String says the fit in words: "0:26, under 1:30–2:00".
func (f Fit) String() string {
	switch {
	case f.Under():
		return fmt.Sprintf("%s, under %s", Clock(f.Time), f.Window)
	case f.Over():
		return fmt.Sprintf("%s, over %s", Clock(f.Time), f.Window)
	}
	return fmt.Sprintf("%s, inside %s", Clock(f.Time), f.Window)
}

// Clock formats a duration as m:ss ("0:26", "1:30", "12:05"), rounded to
// the second.
func Clock(d time.Duration) string {
	secs := int((d + time.Second/2) / time.Second)
	if secs < 0 {
		secs = 0
	}
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

// ParseClock reads a time written as m:ss ("1:30") or as whole seconds
// ("90").
func ParseClock(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	var m, sec int
	if mm, ss, ok := strings.Cut(s, ":"); ok {
		if _, err := fmt.Sscanf(mm+" "+ss, "%d %d", &m, &sec); err != nil || len(ss) != 2 || m < 0 || sec < 0 || sec > 59 || !digits(mm) || !digits(ss) {
			return 0, fmt.Errorf("%q is not a time of the form m:ss", s)
		}
	} else {
		if _, err := fmt.Sscanf(s, "%d", &sec); err != nil || sec < 0 || !digits(s) {
			return 0, fmt.Errorf("%q is not a time of the form m:ss", s)
		}
	}
	return time.Duration(m*60+sec) * time.Second, nil
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
