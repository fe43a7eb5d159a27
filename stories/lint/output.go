package lint

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/starpack/starpack/stories"
)

// WriteText writes one line per finding, `file:line:col: severity: message
// [rule]`, then the fix hint of each rule that spoke, once.
func WriteText(w io.Writer, fs []Finding) error {
	var b strings.Builder
	seen := map[string]bool{}
	for _, f := range fs {
		b.WriteString(f.String())
		b.WriteByte('\n')
		seen[f.Rule] = true
	}
	if len(seen) > 0 {
		b.WriteString("\nhow to fix:\n")
		for _, r := range Rules {
			if seen[r.ID] {
				fmt.Fprintf(&b, "  %s: %s\n", r.ID, r.Hint)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Summary is the one-line account of a lint: "18 stories: 1 error, 14
// warnings" (infos are named only when there are some).
func Summary(n int, fs []Finding) string {
	c := Tally(fs)
	s := fmt.Sprintf("%s: %s, %s", stories.Count(n, "story", "stories"), stories.Count(c.Errors, "error", "errors"),
		stories.Count(c.Warnings, "warning", "warnings"))
	if c.Infos > 0 {
		s += ", " + stories.Count(c.Infos, "info", "infos")
	}
	return s
}

// Report is the JSON form of a lint, a stable shape: every key is always
// present, lists are never null.
type Report struct {
	Stories  int           `json:"stories"`
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Infos    int           `json:"infos"`
	Findings []JSONFinding `json:"findings"`
}

// JSONFinding is one finding in a Report.
type JSONFinding struct {
	File        string   `json:"file"`
	Line        int      `json:"line"`
	Col         int      `json:"col"`
	Severity    Severity `json:"severity"`
	Rule        string   `json:"rule"`
	Story       string   `json:"story"`
	Message     string   `json:"message"`
	Hint        string   `json:"hint"`
	Suggestions []string `json:"suggestions"`
}

// NewReport builds the JSON form of a lint of a bank of n stories.
func NewReport(n int, fs []Finding) Report {
	c := Tally(fs)
	r := Report{Stories: n, Errors: c.Errors, Warnings: c.Warnings, Infos: c.Infos, Findings: []JSONFinding{}}
	for _, f := range fs {
		sugg := f.Suggestions
		if sugg == nil {
			sugg = []string{}
		}
		r.Findings = append(r.Findings, JSONFinding{File: f.Pos.File, Line: f.Pos.Line, Col: f.Pos.Col,
			Severity: f.Severity, Rule: f.Rule, Story: f.Story, Message: f.Message, Hint: f.Hint, Suggestions: sugg})
	}
	return r
}

// WriteJSON writes the Report of a lint of n stories, indented.
func WriteJSON(w io.Writer, n int, fs []Finding) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(NewReport(n, fs))
}
