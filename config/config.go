// Package config is the workspace: the folder of a person's files and the
// one place that knows their names and paths. It finds and opens a
// workspace (or the embedded example), reads starpack.yaml with the
// settings that flags and STARPACK_* variables layer over it (Layers, the
// one reader of those variables), loads the roles (one file per job
// application, with their one id rule), the bank and the coach feedback
// files, lints the bank with the workspace's settings, and writes files
// atomically (WriteFile, the one writer).
//
// Every mistake in a user's file is a *source.Error with file, line and
// column; Settings.Check, which also checks settings from flags and the
// environment, returns *source.FieldError values naming the key.
package config

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
	"github.com/starpack/starpack/stories/tailor"
)

// Settings is starpack.yaml. Every key has a default; an empty file is valid.
type Settings struct {
	Candidate Candidate          `yaml:"candidate"`
	Paper     string             `yaml:"paper"`
	Fonts     Fonts              `yaml:"fonts"`
	Templates string             `yaml:"templates"`
	Questions []stories.Question `yaml:"questions"`
	Redact    map[string]string  `yaml:"redact"`
	Out       string             `yaml:"out"`

	// PDF layout: margins in millimetres, accent colour as #RRGGBB.
	Margins float64 `yaml:"margins"`
	Accent  string  `yaml:"accent"`

	// Tailoring: score weights and synonyms for job-description words.
	Weights  tailor.Weights      `yaml:"weights"`
	Synonyms map[string][]string `yaml:"synonyms"`

	// Speaking: the speaking-time model of every output and of lint.
	Speaking Speaking `yaml:"speaking"`

	// Lint: rule settings and the personal dictionary.
	Lint       LintSettings `yaml:"lint"`
	Dictionary []string     `yaml:"dictionary"`

	// Stats: the thresholds of starpack stats.
	Stats StatsSettings `yaml:"stats"`

	// Brief: how the prep brief is cut down for a large packet.
	Brief BriefSettings `yaml:"brief"`
}

// BriefSettings shape the prep brief (brief.pdf).
type BriefSettings struct {
	// StoriesPerQuestion is how many stories of a question the brief shows
	// when the packet has more (the whole bank, --all): the best-scoring
	// ones; notes.md and matrix.xlsx keep every story (default 5).
	StoriesPerQuestion int `yaml:"stories_per_question"`
}

// check validates the brief's settings; errors name the key.
func (b BriefSettings) check() error {
	if b.StoriesPerQuestion < 1 || b.StoriesPerQuestion > 100 {
		return &source.FieldError{Field: "brief", Msg: fmt.Sprintf("brief: stories_per_question %d is outside 1..100", b.StoriesPerQuestion),
			Hint: "stories_per_question is how many stories per question the brief shows; the default is 5"}
	}
	return nil
}

// StatsSettings are the thresholds of starpack stats.
type StatsSettings struct {
	Target    int `yaml:"target"`     // stories that should answer each question well (default 2)
	StaleDays int `yaml:"stale_days"` // a story not rehearsed for this many days is stale (default 14)
	ManyRoles int `yaml:"many_roles"` // a story picked for this many roles or more is leaned on (default 3)
}

// check validates the thresholds; errors name the key.
func (s StatsSettings) check() error {
	switch {
	case s.Target < 1 || s.Target > tailor.MaxPerQuestion:
		return &source.FieldError{Field: "stats", Msg: fmt.Sprintf("stats: target %d is outside 1..%d", s.Target, tailor.MaxPerQuestion),
			Hint: "target is how many stories should answer each question well; the default is 2"}
	case s.StaleDays < 1:
		return &source.FieldError{Field: "stats", Msg: fmt.Sprintf("stats: stale_days %d must be at least 1", s.StaleDays),
			Hint: "stale_days is how many days without a rehearsal make a story stale; the default is 14"}
	case s.ManyRoles < 2:
		return &source.FieldError{Field: "stats", Msg: fmt.Sprintf("stats: many_roles %d must be at least 2", s.ManyRoles),
			Hint: "many_roles is how many roles picking one story is many; the default is 3"}
	}
	return nil
}

// Candidate is the person the packets are for.
type Candidate struct {
	Name  string `yaml:"name"`
	Email string `yaml:"email"`
	Pitch string `yaml:"pitch"` // the "tell me about yourself" answer
}

// Fonts names extra TrueType fonts for characters the built-in fonts lack.
type Fonts struct {
	Fallback []string `yaml:"fallback"`

	// FallbackPos is where each fallback path is written in starpack.yaml,
	// for errors about the font file.
	FallbackPos []source.Position `yaml:"-"`
}

// Defaults returns the settings of an empty starpack.yaml.
func Defaults() Settings {
	return Settings{Paper: "A4", Out: "out", Margins: 18, Accent: "#1F4E79",
		Stats: StatsSettings{Target: 2, StaleDays: 14, ManyRoles: 3}, Brief: BriefSettings{StoriesPerQuestion: 5}}
}

// Papers are the paper sizes starpack prints on.
var Papers = []string{"A4", "Letter"}

// ParseSettings decodes starpack.yaml over the defaults and checks it.
func ParseSettings(file string, data []byte) (Settings, error) {
	s := Defaults()
	root, err := source.DecodeYAML(file, data, &s)
	if err != nil {
		return s, err
	}
	s.Fonts.FallbackPos = fallbackPos(file, root, len(s.Fonts.Fallback))
	if v := topValue(root, "accent"); v != nil && v.Tag == "!!null" {
		// `accent: #1F4E79` unquoted is a comment: say so rather than
		// silently keep the default colour.
		s.Accent = ""
	}
	if err := s.Check(); err != nil {
		return s, locateSetting(err, file, root)
	}
	return s, nil
}

// Check validates setting values (not their syntax). Errors name the key
// first, as in `paper: ...`.
func (s *Settings) Check() error {
	if p := normalPaper(s.Paper); p != "" {
		s.Paper = p
	} else {
		return &source.FieldError{Field: "paper", Msg: fmt.Sprintf("paper: unknown paper size %q", s.Paper), Hint: "use A4 or Letter"}
	}
	for i, q := range s.Questions {
		if strings.TrimSpace(q.ID) == "" || strings.TrimSpace(q.Title) == "" {
			return &source.FieldError{Field: "questions", Msg: fmt.Sprintf("questions: question %d needs an id and a title", i+1),
				Hint: "for example: {id: leadership, title: Leading without authority, ask: \"Tell me about a time you led...\"}"}
		}
		if q.Kind != "" && !q.Kind.Known() {
			return &source.FieldError{Field: "questions", Msg: fmt.Sprintf("questions: question %q: unknown kind %q", q.ID, q.Kind),
				Hint: "kind is star (a STAR story, the default), short (a short answer such as what you learned) or failure"}
		}
		if stories.Slug(q.ID) != q.ID {
			return &source.FieldError{Field: "questions", Msg: fmt.Sprintf("questions: id %q must be lower-case words joined by hyphens", q.ID),
				Hint: fmt.Sprintf("use id: %s", stories.Slug(q.ID))}
		}
	}
	if err := s.Weights.Check(); err != nil {
		return err
	}
	if err := s.Speaking.Check(); err != nil {
		return err
	}
	if err := s.Lint.Check(); err != nil {
		return err
	}
	if err := s.Brief.check(); err != nil {
		return err
	}
	if err := s.Stats.check(); err != nil {
		return err
	}
	for term := range s.Redact {
		if strings.TrimSpace(term) == "" {
			return &source.FieldError{Field: "redact", Msg: "redact: empty term", Hint: "each rule is `term: replacement`"}
		}
	}
	if !colourRE().MatchString(s.Accent) {
		hint := `write the colour as #RRGGBB, in quotes: accent: "#1F4E79"`
		if s.Accent == "" {
			hint = `quote the colour (an unquoted # starts a comment): accent: "#1F4E79"`
		}
		return &source.FieldError{Field: "accent", Msg: fmt.Sprintf("accent: %q is not a colour of the form #RRGGBB", s.Accent), Hint: hint}
	}
	if s.Margins < MinMargins || s.Margins > MaxMargins {
		return &source.FieldError{Field: "margins", Msg: fmt.Sprintf("margins: %g mm is outside %g..%g mm", s.Margins, MinMargins, MaxMargins),
			Hint: "margins are in millimetres; the default is 18"}
	}
	for i, f := range s.Fonts.Fallback {
		if strings.TrimSpace(f) == "" {
			return &source.FieldError{Field: "fonts", Msg: fmt.Sprintf("fonts: fallback font %d has no path", i+1),
				Hint: "name a TrueType file relative to the workspace, e.g. fonts/NotoSansSC-Regular.ttf"}
		}
	}
	return nil
}

// The margins the PDFs allow, in millimetres.
const (
	MinMargins = 5.0
	MaxMargins = 50.0
)

var colourRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`) })

// topValue returns the value node of a top-level key, or nil.
func topValue(root *yaml.Node, key string) *yaml.Node {
	if root == nil || root.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			return root.Content[i+1]
		}
	}
	return nil
}

// fallbackPos finds where each fonts.fallback entry is written.
func fallbackPos(file string, root *yaml.Node, n int) []source.Position {
	out := make([]source.Position, n)
	if root == nil || root.Kind != yaml.MappingNode {
		return out
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "fonts" || root.Content[i+1].Kind != yaml.MappingNode {
			continue
		}
		fonts := root.Content[i+1]
		for j := 0; j+1 < len(fonts.Content); j += 2 {
			if fonts.Content[j].Value != "fallback" {
				continue
			}
			list := fonts.Content[j+1]
			for k, item := range list.Content {
				if k < n {
					out[k] = source.Position{File: file, Line: item.Line, Col: item.Column}
				}
			}
			if list.Kind != yaml.SequenceNode && n > 0 {
				out[0] = source.Position{File: file, Line: list.Line, Col: list.Column}
			}
		}
	}
	return out
}

func normalPaper(p string) string {
	for _, known := range Papers {
		if strings.EqualFold(p, known) {
			return known
		}
	}
	return ""
}

// locateSetting places an error of Settings.Check in file: an error about
// a setting at its value, one positioned inside a setting (lint:) in file.
func locateSetting(err error, file string, root *yaml.Node) error {
	var e *source.Error
	if errors.As(err, &e) && e.File == "" {
		e.File = file
		return err
	}
	pos := map[string]source.Position{}
	if root != nil && root.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(root.Content); i += 2 {
			pos[root.Content[i].Value] = source.NodePos(file, root.Content[i+1])
		}
	}
	return source.Locate(err, file, pos)
}

// Catalog returns the built-in question catalog with the workspace's own
// questions added.
func (s *Settings) Catalog() *stories.Catalog {
	return stories.NewCatalog(s.Questions...)
}

// isDate reports whether s is a calendar date written YYYY-MM-DD.
func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// RedactRules are the redaction rules for a packet of role (nil: the whole
// bank): the workspace's, with the role's added over them.
func (s *Settings) RedactRules(role *Role) map[string]string {
	rules := maps.Clone(s.Redact)
	if rules == nil {
		rules = map[string]string{}
	}
	if role != nil {
		maps.Copy(rules, role.Redact)
	}
	return rules
}
