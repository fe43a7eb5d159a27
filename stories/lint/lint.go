// Package lint checks a story bank the way a coach would before reading it
// for meaning: STAR parts that are missing, results without a number,
// answers too short or too long to say aloud, misspellings, "we" where the
// interviewer wants "I", filler words, the same story told twice, question
// ids that look mistyped and empty fields.
//
// Run returns findings; it never fails. Positions point into the story
// files: at a word inside a field when the file's text is available
// (Config.ReadFile), else at the field or the story.
package lint

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// Severity says how much a finding matters. Off switches a rule off.
type Severity int

const (
	Off Severity = iota
	Info
	Warning
	Error
)

var severityNames = []string{"off", "info", "warning", "error"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// MarshalText writes the severity's name, as in JSON output.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity reads a severity name: off, info, warning (or warn), error.
// "false" is taken as off, as YAML users write `spelling: false`.
func ParseSeverity(name string) (Severity, bool) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "off", "false", "none":
		return Off, true
	case "info":
		return Info, true
	case "warning", "warn":
		return Warning, true
	case "error":
		return Error, true
	}
	return Off, false
}

// Rule is one check.
type Rule struct {
	ID       string
	Severity Severity // default
	What     string   // what it finds, for the README and help
	Hint     string   // how to fix a finding, one line
}

// Rule ids.
const (
	StarMissing     = "star-missing"
	ResultNumber    = "result-number"
	Length          = "length"
	Spelling        = "spelling"
	WeVsI           = "we-vs-i"
	Filler          = "filler"
	Duplicate       = "duplicate"
	UnknownQuestion = "unknown-question"
	EmptyField      = "empty-field"
	Placeholder     = "placeholder" // see madeup.go
	SampleData      = "sample-data"
	// Rules of the picks of a role (Picks), not of the bank alone.
	Lesson    = "lesson"
	Followups = "followups"
)

// Rules lists every rule with its default severity, in the order findings
// of one place are reported.
var Rules = []Rule{
	{StarMissing, Error, "a STAR answer without its Situation, Action or Result",
		"add the missing part: the situation (context), the action (what you did), the result (what changed)"},
	{ResultNumber, Warning, "a Result with no number, percentage, amount or time in it (not asked of a failure, a conflict or a difficult interaction, whose outcome is told in words)",
		"give the result a number: time or money saved, a percentage, users, how long it has run"},
	{Length, Warning, "a story too short or too long to say aloud for its kind of answer: STAR 1:30 to 2:00, short answers 0:20 to 0:45 (speaking: in starpack.yaml)",
		"fit the window of the answer: expand the Action and the Result of a short STAR story, cut the Situation of a long one"},
	{Spelling, Warning, "a misspelled word, with suggestions",
		"fix the word, or add it to `dictionary:` in starpack.yaml"},
	{WeVsI, Warning, `"we" far outweighing "I" in the Action`,
		`say what you did: "I" for your own actions, "we" only for the team's`},
	{Filler, Warning, `filler and hedge words ("basically", "kind of", "I think", "just") above 2 per 100 words`,
		"cut the filler and hedges; say what happened plainly"},
	{Duplicate, Warning, "the same story told twice (near-identical text)",
		"keep one telling; answer the other question with a different story"},
	{UnknownQuestion, Error, "a question that is neither a catalog id nor a title of your own, such as a mistyped id",
		"use a catalog question id (most-challenging, conflict, ...) or write the question out as a title"},
	{EmptyField, Warning, "an empty field, or a story with no text",
		"write the field, or delete the line"},
	{Placeholder, Error, "a role or story still holding the text of starpack's template (\"Company name\", \"Job title\", \"What you had to do.\")",
		"write your own text over the template's, or delete the file"},
	{SampleData, Error, "the example's sample data (stories, role or candidate from `starpack init --example`) beside your own",
		"delete the example's files and put your own name in starpack.yaml: starpack doctor lists what to remove"},
	{Lesson, Warning, "a story picked for a failure question with no `lesson:` (what you would do differently)",
		"add `lesson:`: what you learned and what you would do differently; interviewers ask for it"},
	{Followups, Info, "a picked story with no `followups:` (the questions an interviewer is likely to ask next)",
		"add `followups:` with two or three likely questions and the points of each answer"},
}

// RuleByID returns the rule with the given id.
func RuleByID(id string) (Rule, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// RuleIDs returns every rule id in Rules order.
func RuleIDs() []string {
	out := make([]string, len(Rules))
	for i, r := range Rules {
		out[i] = r.ID
	}
	return out
}

// Finding is one thing to fix.
type Finding struct {
	Pos         source.Position
	Severity    Severity
	Rule        string
	Story       string // story id; "" for findings about no one story
	Message     string
	Hint        string
	Suggestions []string // replacements, best first (spelling, unknown-question)
}

func (f Finding) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", posString(f.Pos), f.Severity, f.Message, f.Rule)
}

func posString(p source.Position) string {
	switch {
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}

// Defaults of Config's zero values.
const (
	DefaultFillerPer100 = 2.0
	DefaultSimilarity   = 0.5
)

// Config tunes the rules. The zero value uses every default.
type Config struct {
	// Severity changes a rule's severity; Off switches it off. Rules not
	// named keep their default.
	Severity map[string]Severity
	// Speech is the speaking-time model: the length rule checks each
	// story against the window of its kind of answer. Zero is the default.
	Speech stories.Speech
	// FillerPer100 is the most filler words per 100 words before the
	// filler rule speaks.
	FillerPer100 float64
	// Similarity is the share of three-word phrases (Jaccard, 0..1) above
	// which two stories are the same story.
	Similarity float64
	// Dictionary holds the user's own words (starpack.yaml `dictionary:`).
	Dictionary []string
	// ReadFile returns a story file's text by the name in Project.File, to
	// place findings on the word. Nil, or an error, places them on the field.
	ReadFile func(file string) ([]byte, error)
	// Workspace holds findings about the workspace around the bank (roles,
	// settings, where files came from) that only the caller can see; Run
	// gives them their rule's configured severity and hint, and drops those
	// of rules switched off.
	Workspace []Finding
	// Terse leaves out spelling suggestions unless misspellings are
	// errors: for a caller that counts the findings below error and shows
	// only the errors' text (build's summary). Looking for suggestions is
	// most of the spelling rule's time.
	Terse bool
}

func (c Config) withDefaults() Config {
	c.Speech = c.Speech.OrDefault()
	if c.FillerPer100 <= 0 {
		c.FillerPer100 = DefaultFillerPer100
	}
	if c.Similarity <= 0 {
		c.Similarity = DefaultSimilarity
	}
	return c
}

// severity is the rule's severity under c.
func (c Config) severity(rule string) Severity {
	if s, ok := c.Severity[rule]; ok {
		return s
	}
	r, _ := RuleByID(rule)
	return r.Severity
}

// FSReader returns a Config.ReadFile for story files loaded by
// stories.LoadBank(fsys, prefix).
func FSReader(fsys fs.FS, prefix string) func(string) ([]byte, error) {
	return func(file string) ([]byte, error) {
		name := file
		if prefix != "" {
			rel, ok := strings.CutPrefix(file, path.Clean(prefix)+"/")
			if !ok {
				return nil, fs.ErrNotExist
			}
			name = rel
		}
		return fs.ReadFile(fsys, name)
	}
}

// Run checks the bank against the catalog and returns the findings sorted
// by file, line, column and rule. cat may be nil for the built-in catalog.
func Run(bank *stories.Bank, cat *stories.Catalog, cfg Config) []Finding {
	cfg = cfg.withDefaults()
	if cat == nil {
		cat = stories.NewCatalog()
	}
	l := &linter{cfg: cfg, cat: cat, src: newSources(cfg.ReadFile)}
	if cfg.severity(Spelling) != Off {
		l.speller = newSpeller(cfg.Dictionary)
		l.speller.noSuggest = cfg.Terse && cfg.severity(Spelling) != Error
	}
	for _, p := range bank.Projects {
		l.project(p)
	}
	all := bank.Stories()
	if cfg.severity(Duplicate) != Off {
		l.sets = make([][]uint64, 0, len(all))
	}
	for _, s := range all {
		l.story(s)
	}
	if l.sets != nil {
		l.duplicates(all, l.sets)
	}
	l.workspace(cfg.Workspace)
	Sort(l.out)
	return l.out
}

// Sort orders findings by file, line, column, rule order, then message.
func Sort(fs []Finding) {
	order := map[string]int{}
	for i, r := range Rules {
		order[r.ID] = i
	}
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if c := strings.Compare(a.Pos.File, b.Pos.File); c != 0 {
			return c
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col - b.Pos.Col
		}
		if a.Rule != b.Rule {
			return order[a.Rule] - order[b.Rule]
		}
		return strings.Compare(a.Message, b.Message)
	})
}

type linter struct {
	cfg     Config
	cat     *stories.Catalog
	src     *sources
	speller *speller
	out     []Finding
	reading reading    // the story being read
	sets    [][]uint64 // per story read, its phrases (shingles); nil when duplicate is off
}

// add records a finding of rule unless the rule is off.
func (l *linter) add(s *stories.Story, rule string, pos source.Position, msg string, sugg ...string) {
	sev := l.cfg.severity(rule)
	if sev == Off {
		return
	}
	r, _ := RuleByID(rule)
	f := Finding{Pos: pos, Severity: sev, Rule: rule, Message: msg, Hint: r.Hint, Suggestions: sugg}
	if s != nil {
		f.Story = s.ID
	}
	l.out = append(l.out, f)
}

// Count tallies findings by severity.
type Count struct {
	Errors, Warnings, Infos int
}

// Tally counts findings by severity.
func Tally(fs []Finding) Count {
	var c Count
	for _, f := range fs {
		switch f.Severity {
		case Error:
			c.Errors++
		case Warning:
			c.Warnings++
		case Info:
			c.Infos++
		}
	}
	return c
}

// Errors returns the findings of severity error.
func Errors(fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Severity == Error {
			out = append(out, f)
		}
	}
	return out
}

// Failed reports whether the findings should fail a check: any error, or
// with strict any warning too.
func Failed(fs []Finding, strict bool) bool {
	c := Tally(fs)
	return c.Errors > 0 || strict && c.Warnings > 0
}
