package config

import (
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/lint"
	"github.com/starpack/starpack/stories/source"
)

// LintSettings switch lint rules off or change their severity, and tune
// the rules' thresholds (starpack.yaml `lint:`):
//
//	lint:
//	  rules: {spelling: off, filler: error}
//	  words_per_minute: 150
//	  min_seconds: 45
//	  max_seconds: 180
type LintSettings struct {
	Rules          map[string]string `yaml:"rules"`
	WordsPerMinute int               `yaml:"words_per_minute"`
	MinSeconds     int               `yaml:"min_seconds"`
	MaxSeconds     int               `yaml:"max_seconds"`
	// FillerPer100 is the most filler words per 100 before the filler rule
	// speaks; DuplicateSimilarity the share of shared phrases (0..1) that
	// makes two stories the same.
	FillerPer100        float64 `yaml:"filler_per_100"`
	DuplicateSimilarity float64 `yaml:"duplicate_similarity"`

	// pos holds where values were written, keyed "rules.<id>" (the rule
	// name), "rules.<id>=" (its value) or the key name, so that Check can
	// point at a bad one.
	pos map[string]source.Position
}

// UnmarshalYAML decodes the settings and remembers where each value is.
func (l *LintSettings) UnmarshalYAML(n *yaml.Node) error {
	type plain LintSettings
	if err := n.Decode((*plain)(l)); err != nil {
		return err
	}
	l.pos = map[string]source.Position{}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		l.pos[k.Value] = source.Position{Line: v.Line, Col: v.Column}
		if k.Value == "rules" && v.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(v.Content); j += 2 {
				rk, rv := v.Content[j], v.Content[j+1]
				l.pos["rules."+rk.Value] = source.Position{Line: rk.Line, Col: rk.Column}
				l.pos["rules."+rk.Value+"="] = source.Position{Line: rv.Line, Col: rv.Column}
			}
		}
	}
	return nil
}

// Check validates the lint settings. Errors name the key first (`lint:
// ...`) and carry the position of the bad value when it is known.
func (l *LintSettings) Check() error {
	errAt := func(key, hint, format string, args ...any) error {
		msg := "lint: " + fmt.Sprintf(format, args...)
		p, ok := l.pos[key]
		if !ok {
			return &source.FieldError{Field: "lint", Msg: msg, Hint: hint}
		}
		return &source.Error{Line: p.Line, Col: p.Col, Msg: msg, Hint: hint}
	}
	names := make([]string, 0, len(l.Rules))
	for id := range l.Rules {
		names = append(names, id)
	}
	sort.Strings(names)
	for _, id := range names {
		if _, ok := lint.RuleByID(id); !ok {
			msg := fmt.Sprintf("unknown lint rule %q", id)
			if s := source.Suggest(id, lint.RuleIDs()); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return errAt("rules."+id, "the rules are "+strings.Join(lint.RuleIDs(), ", ")+" (what each finds: starpack lint --help)", "%s", msg)
		}
		if _, ok := lint.ParseSeverity(l.Rules[id]); !ok {
			return errAt("rules."+id+"=", "use off, info, warning or error",
				"rule %s: unknown severity %q", id, l.Rules[id])
		}
	}
	checks := []struct {
		key    string
		bad    bool
		format string
		hint   string
	}{
		{"words_per_minute", l.WordsPerMinute < 0 || l.WordsPerMinute > 0 && (l.WordsPerMinute < 60 || l.WordsPerMinute > 300),
			"words_per_minute must be between 60 and 300, not %v", "people speak about 150 words a minute"},
		{"min_seconds", l.MinSeconds < 0, "min_seconds must not be negative, not %v", "for example: min_seconds: 45"},
		{"max_seconds", l.MaxSeconds < 0, "max_seconds must not be negative, not %v", "for example: max_seconds: 180"},
		{"filler_per_100", l.FillerPer100 < 0 || l.FillerPer100 > 100, "filler_per_100 must be between 0 and 100, not %v",
			"for example: filler_per_100: 2"},
		{"duplicate_similarity", l.DuplicateSimilarity < 0 || l.DuplicateSimilarity > 1,
			"duplicate_similarity must be between 0 and 1, not %v", "for example: duplicate_similarity: 0.5"},
	}
	values := map[string]any{"words_per_minute": l.WordsPerMinute, "min_seconds": l.MinSeconds, "max_seconds": l.MaxSeconds,
		"filler_per_100": l.FillerPer100, "duplicate_similarity": l.DuplicateSimilarity}
	for _, c := range checks {
		if c.bad {
			return errAt(c.key, c.hint, c.format, values[c.key])
		}
	}
	minS, maxS := l.MinSeconds, l.MaxSeconds
	if minS == 0 {
		minS = lint.DefaultMinSeconds
	}
	if maxS == 0 {
		maxS = lint.DefaultMaxSeconds
	}
	if minS >= maxS {
		key := "max_seconds"
		if l.MaxSeconds == 0 {
			key = "min_seconds"
		}
		return errAt(key, "min_seconds must be below max_seconds", "min_seconds (%d) must be below max_seconds (%d)", minS, maxS)
	}
	return nil
}

// LintConfig returns the lint configuration of the settings: rule
// severities, thresholds and the personal dictionary. Call it on checked
// settings.
func (s *Settings) LintConfig() lint.Config {
	c := lint.Config{
		Severity:       map[string]lint.Severity{},
		WordsPerMinute: s.Lint.WordsPerMinute,
		MinSeconds:     s.Lint.MinSeconds,
		MaxSeconds:     s.Lint.MaxSeconds,
		FillerPer100:   s.Lint.FillerPer100,
		Similarity:     s.Lint.DuplicateSimilarity,
		Dictionary:     s.Dictionary,
	}
	for id, name := range s.Lint.Rules {
		if sev, ok := lint.ParseSeverity(name); ok {
			c.Severity[id] = sev
		}
	}
	return c
}

// Lint lints bank, the workspace's, with the workspace's settings; terse
// as in lint.Config. Beside the stories' own rules it checks the workspace
// for made-up data (see madeUp): template placeholders, and sample data
// beside the user's own.
func (w *Workspace) Lint(bank *stories.Bank, terse bool) []lint.Finding {
	if bank == nil {
		bank = &stories.Bank{} // a bank that did not load: the workspace's own checks still run
	}
	cfg := w.Settings.LintConfig()
	cfg.Terse = terse
	cfg.ReadFile = lint.FSReader(w.FS, w.Display)
	cfg.Workspace = w.madeUp(bank)
	return lint.Run(bank, w.Catalog(), cfg)
}
