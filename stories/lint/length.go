package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/starpack/starpack/stories"
)

// length flags a story too short or too long to say aloud for its kind of
// answer (stories.Speech: STAR 1:30 to 2:00, short answers 0:20 to 0:45),
// saying what to grow or cut.
func (l *linter) length(s *stories.Story) {
	words := s.Words()
	if words == 0 {
		return // empty-field says so
	}
	fit := l.cfg.Speech.Fit(s, l.cat.Resolve(s.Question))
	if fit.Inside() {
		return
	}
	side := "under"
	if fit.Over() {
		side = "over"
	}
	l.add(s, Length, s.FieldPos(""), fmt.Sprintf("%s spoken (%s at %d a minute), %s the %s of %s: %s",
		stories.Clock(fit.Time), stories.Count(words, "word", "words"), l.cfg.Speech.WordsPerMinute, side, fit.Window, kindName(fit.Kind), lengthAdvice(s, fit, l.cfg.Speech)))
}

func kindName(k stories.Kind) string {
	switch k {
	case stories.Short:
		return "a short answer"
	case stories.Failure:
		return "a failure story"
	}
	return "a STAR answer"
}

// LengthAdvice says what to change in story s to fit the window of its
// kind of answer: "expand the Action and the Result", "cut the Situation
// to a sentence or two ...". fit is the story's (Speech.Fit); sp the model.
func LengthAdvice(s *stories.Story, fit stories.Fit, sp stories.Speech) string {
	return lengthAdvice(s, fit, sp)
}

// lengthAdvice says what to change to fit the window.
func lengthAdvice(s *stories.Story, fit stories.Fit, sp stories.Speech) string {
	switch {
	case fit.Over() && fit.Kind == stories.Short:
		return "keep it to two or three sentences"
	case fit.Over():
		return "cut the Situation to a sentence or two and keep the Action to your own steps"
	case fit.Kind == stories.Short:
		return "add an example or what changed"
	case !s.IsSTAR():
		return "tell it as Situation, Action and Result"
	}
	var missing []string
	for _, p := range []struct{ name, text string }{{"the Situation", s.Situation}, {"the Action", s.Action}, {"a Result", s.Result}} {
		if strings.TrimSpace(p.text) == "" {
			missing = append(missing, p.name)
		}
	}
	var thin []string
	for _, p := range thinParts(s, sp) {
		if !slices.Contains(missing, p) && !(p == "the Result" && slices.Contains(missing, "a Result")) {
			thin = append(thin, p)
		}
	}
	switch {
	case len(missing) > 0 && len(thin) > 0:
		return "expand " + strings.Join(thin, " and ") + " and add " + strings.Join(missing, " and ")
	case len(missing) > 0:
		return "add " + strings.Join(missing, " and ")
	case len(thin) > 0:
		return "expand " + strings.Join(thin, " and ")
	}
	return "add context and the impact"
}

// thinParts names the parts of a STAR story that carry too little of its
// window: the Action should hold about half of the telling, the Result a
// fifth; under 40% and 15% of the window's minimum they are thin.
func thinParts(s *stories.Story, sp stories.Speech) []string {
	sp = sp.OrDefault()
	target := sp.STAR.Min.Minutes() * float64(sp.WordsPerMinute)
	var out []string
	if float64(countWords(s.Action)) < 0.4*target {
		out = append(out, "the Action")
	}
	if float64(countWords(s.Result)) < 0.15*target {
		out = append(out, "the Result")
	}
	return out
}

func countWords(s string) int { return len(strings.Fields(s)) }

// Lengths is how the stories of a bank fit the windows of their kinds of
// answer: build says it in one line (String) instead of a warning per
// story.
type Lengths struct {
	Stories, Under, Over int
	// Expand names the parts most short STAR stories should grow ("Action",
	// "Result").
	Expand []string
}

// CountLengths times every story of the bank against its window, with
// the speaking model of cfg.
func CountLengths(bank *stories.Bank, cat *stories.Catalog, cfg Config) Lengths {
	cfg = cfg.withDefaults()
	if cat == nil {
		cat = stories.NewCatalog()
	}
	var n Lengths
	thin := map[string]int{}
	star := 0
	for _, s := range bank.Stories() {
		n.Stories++
		if s.Words() == 0 {
			continue
		}
		fit := cfg.Speech.Fit(s, cat.Resolve(s.Question))
		switch {
		case fit.Under():
			n.Under++
			if fit.Kind != stories.Short {
				star++
				if !s.IsSTAR() {
					thin["the Action"]++
					thin["the Result"]++
				}
				for _, p := range thinParts(s, cfg.Speech) {
					thin[p]++
				}
			}
		case fit.Over():
			n.Over++
		}
	}
	for _, p := range []string{"the Action", "the Result"} {
		if star > 0 && thin[p]*2 >= star {
			n.Expand = append(n.Expand, strings.TrimPrefix(p, "the "))
		}
	}
	return n
}

// String is the one-line summary: "14 of 18 stories are under their
// window: expand Action and Result".
func (n Lengths) String() string {
	if n.Under == 0 && n.Over == 0 {
		return fmt.Sprintf("%s fit their speaking windows", stories.Count(n.Stories, "story", "stories"))
	}
	var parts []string
	if n.Under > 0 {
		noun, verb, their := "stories", "are", "their"
		if n.Stories == 1 {
			noun = "story"
		}
		if n.Under == 1 {
			verb, their = "is", "its"
		}
		p := fmt.Sprintf("%d of %d %s %s under %s window", n.Under, n.Stories, noun, verb, their)
		switch {
		case len(n.Expand) > 0:
			p += ": expand " + strings.Join(n.Expand, " and ")
		default:
			p += ": add context and the impact"
		}
		parts = append(parts, p)
	}
	if n.Over > 0 {
		p := fmt.Sprintf("%d of %d %s over: cut the Situation", n.Over, n.Stories, isAre(n.Over))
		if n.Under > 0 {
			p = fmt.Sprintf("%d %s over: cut the Situation", n.Over, isAre(n.Over))
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "; ")
}

func isAre(n int) string {
	if n == 1 {
		return "story is"
	}
	return "stories are"
}
