package lint

import (
	"slices"
	"strings"
	"sync"

	"github.com/starpack/starpack/stories"
)

// Flags returns the rules story s trips that a reader sees at a glance,
// without the bank around it: star-missing, empty-field, result-number and
// length (fit is its time against the window of the question it answers,
// as stories.Speech.Fit gives it), in Rules order, each once, rules cfg
// switches off left out. The workbook shows them beside each story;
// `starpack lint` says the same and more (spelling, filler, duplicates).
func Flags(s *stories.Story, fit stories.Fit, cfg Config) []string {
	l := &linter{cfg: cfg, cat: builtinCatalog()}
	l.starAndEmpty(s)
	if !surelyNumber(s.Result) {
		l.resultNumber(s)
	}
	out := make([]string, 0, len(l.out)+1)
	for _, f := range l.out {
		out = append(out, f.Rule)
	}
	// As the length rule has it: a story with text, outside its window.
	if !fit.Inside() && cfg.severity(Length) != Off && hasText(s) {
		out = append(out, Length)
	}
	return Order(out)
}

// surelyNumber reports, faster than hasNumber and never otherwise, that
// text has a figure: a word that starts with a digit (once the quotes and
// brackets around it are trimmed), or a percent or currency sign.
func surelyNumber(text string) bool {
	if strings.ContainsAny(text, "%$€£¥") {
		return true
	}
	for i := 0; i < len(text); i++ {
		if text[i] < '0' || text[i] > '9' {
			continue
		}
		// A digit: the start of its word, bar the marks hasNumber trims?
		j := i
		for j > 0 && strings.IndexByte(`"'()[],;:.!?*`, text[j-1]) >= 0 {
			j--
		}
		if j == 0 || text[j-1] == ' ' || text[j-1] == '\n' || text[j-1] == '\t' {
			return true
		}
	}
	return false
}

// hasText reports whether any field of the telling holds text.
func hasText(s *stories.Story) bool {
	for _, t := range []string{s.Situation, s.Task, s.Action, s.Result, s.Notes, s.Lesson} {
		if strings.TrimSpace(t) != "" {
			return true
		}
	}
	return false
}

// Order sorts rule ids in Rules order, each once.
func Order(ids []string) []string {
	rank := func(id string) int {
		return slices.IndexFunc(Rules, func(r Rule) bool { return r.ID == id })
	}
	slices.SortFunc(ids, func(a, b string) int { return rank(a) - rank(b) })
	return slices.Compact(ids)
}

// builtinCatalog is the built-in question catalog, made once: Flags reads
// the kind of a story's question from it.
var builtinCatalog = sync.OnceValue(func() *stories.Catalog { return stories.NewCatalog() })
