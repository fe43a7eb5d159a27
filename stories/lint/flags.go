package lint

import (
	"slices"

	"github.com/starpack/starpack/stories"
)

// Flags returns the rules story s trips that a reader sees at a glance,
// without the bank around it: star-missing, empty-field, result-number and
// length (the window of the question it answers, q; nil for the question it
// was written for), in Rules order, each once, rules cfg switches off left
// out. The workbook shows them beside each story; `starpack lint` says the
// same and more (spelling, filler, duplicates). cat may be nil for the
// built-in catalog.
func Flags(s *stories.Story, q *stories.Question, cat *stories.Catalog, cfg Config) []string {
	cfg = cfg.withDefaults()
	if cat == nil {
		cat = stories.NewCatalog()
	}
	l := &linter{cfg: cfg, cat: cat}
	l.starAndEmpty(s)
	l.resultNumber(s)
	out := ruleIDs(l.out)
	if q == nil {
		q = cat.Resolve(s.Question)
	}
	// As the length rule has it, against the window of q's kind of answer.
	if s.Words() > 0 && cfg.severity(Length) != Off && !cfg.Speech.Fit(s, q).Inside() {
		out = append(out, Length)
	}
	return Order(out)
}

func ruleIDs(fs []Finding) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	return out
}

// Order sorts rule ids in Rules order, each once.
func Order(ids []string) []string {
	rank := func(id string) int {
		return slices.IndexFunc(Rules, func(r Rule) bool { return r.ID == id })
	}
	slices.SortFunc(ids, func(a, b string) int { return rank(a) - rank(b) })
	return slices.Compact(ids)
}
