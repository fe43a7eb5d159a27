// Package jsonresume imports a résumé in the JSON Resume format
// (https://jsonresume.org/schema): the candidate's name, label, email and
// summary, and each work entry and project as a story-bank project whose
// highlights become résumé bullets. Such projects start with no stories;
// the candidate adds stories to them.
//
// Every error about the file is a *source.Error with line and column.
package jsonresume

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// Resume is the part of a JSON Resume starpack reads. Other keys
// (education, skills, ...) are ignored.
type Resume struct {
	Basics   Basics    `json:"basics"`
	Work     []Work    `json:"work"`
	Projects []Project `json:"projects"`
}

// Basics is who the résumé is about.
type Basics struct {
	Name    string `json:"name"`
	Label   string `json:"label"` // e.g. "Senior Data Engineer"
	Email   string `json:"email"`
	Summary string `json:"summary"`
}

// Pitch is the "tell me about yourself" line the résumé gives: its summary,
// else its label.
func (b Basics) Pitch() string {
	if s := strings.TrimSpace(b.Summary); s != "" {
		return s
	}
	return strings.TrimSpace(b.Label)
}

// Work is one job.
type Work struct {
	Name       string   `json:"name"`
	Company    string   `json:"company"` // the name in schema versions before 1.0
	Position   string   `json:"position"`
	StartDate  string   `json:"startDate"`
	EndDate    string   `json:"endDate"`
	Summary    string   `json:"summary"`
	Highlights []string `json:"highlights"`
}

// Project is one project.
type Project struct {
	Name        string   `json:"name"`
	Entity      string   `json:"entity"` // the company or organisation
	Description string   `json:"description"`
	StartDate   string   `json:"startDate"`
	EndDate     string   `json:"endDate"`
	Highlights  []string `json:"highlights"`
	Keywords    []string `json:"keywords"`
}

// Result is what a résumé gives.
type Result struct {
	Basics   Basics
	Projects []*stories.Project // no stories yet
	Warnings []string
}

// Detect reports whether a file to import is a JSON Resume rather than
// plain-text notes: its name ends in .json, or its text starts with "{".
func Detect(name string, data []byte) bool {
	if strings.EqualFold(filepath.Ext(name), ".json") {
		return true
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	return bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("{"))
}

// Parse reads a JSON Resume. file names it in errors and warnings.
func Parse(file string, data []byte) (*Result, error) {
	if err := source.CheckText(file, data); err != nil {
		return nil, err
	}
	body := bytes.TrimPrefix(data, []byte("\uFEFF"))
	shift := len(data) - len(body)
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		return nil, jsonError(file, data, shift, err)
	}
	_, hasBasics := raw["basics"]
	_, hasWork := raw["work"]
	_, hasProjects := raw["projects"]
	if !hasBasics && !hasWork && !hasProjects {
		return nil, &source.Error{File: file, Line: 1, Col: 1, Msg: "not a JSON Resume: no basics, work or projects",
			Hint: "starpack imports résumés in the JSON Resume format (https://jsonresume.org/schema), or plain-text story notes"}
	}
	var r Resume
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, jsonError(file, data, shift, err)
	}
	res := &Result{Basics: r.Basics}
	for i, w := range r.Work {
		company := firstOf(w.Name, w.Company)
		name := firstOf(w.Position, company)
		if name == "" {
			res.Warnings = append(res.Warnings, fmt.Sprintf("%s: work entry %d has no name or position; skipped", file, i+1))
			continue
		}
		if company == name {
			company = ""
		}
		res.Projects = append(res.Projects, &stories.Project{
			Project:    name,
			Company:    company,
			When:       when(w.StartDate, w.EndDate),
			Summary:    strings.TrimSpace(w.Summary),
			Highlights: clean(w.Highlights),
			Stories:    []*stories.Story{},
		})
	}
	for i, p := range r.Projects {
		name := strings.TrimSpace(p.Name)
		if name == "" {
			res.Warnings = append(res.Warnings, fmt.Sprintf("%s: project %d has no name; skipped", file, i+1))
			continue
		}
		res.Projects = append(res.Projects, &stories.Project{
			Project:    name,
			Company:    strings.TrimSpace(p.Entity),
			When:       when(p.StartDate, p.EndDate),
			Summary:    strings.TrimSpace(p.Description),
			Tags:       clean(p.Keywords),
			Highlights: clean(p.Highlights),
			Stories:    []*stories.Story{},
		})
	}
	if len(res.Projects) == 0 && r.Basics.Name == "" && r.Basics.Pitch() == "" {
		return nil, &source.Error{File: file, Msg: "the résumé holds no name, summary, work or projects",
			Hint: "fill in basics, work or projects (https://jsonresume.org/schema)"}
	}
	return res, nil
}

// when turns ISO 8601 start and end dates (YYYY, YYYY-MM or YYYY-MM-DD)
// into "2019-03 to 2021-06"; no end date means "to present".
func when(start, end string) string {
	start, end = month(start), month(end)
	switch {
	case start == "" && end == "":
		return ""
	case start == "":
		return "to " + end
	case end == "":
		return start + " to present"
	case start == end:
		return start
	}
	return start + " to " + end
}

// month cuts a date to year and month.
func month(d string) string {
	d = strings.TrimSpace(d)
	if len(d) == len("2006-01-02") && d[4] == '-' && d[7] == '-' {
		return d[:7]
	}
	return d
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// clean trims the items of a list and drops the empty ones.
func clean(items []string) []string {
	var out []string
	for _, it := range items {
		if it = strings.TrimSpace(it); it != "" {
			out = append(out, it)
		}
	}
	return out
}

// jsonError positions an error of encoding/json in the file.
func jsonError(file string, data []byte, shift int, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	e := &source.Error{File: file, Err: err, Hint: "check the file against https://jsonresume.org/schema (a JSON linter helps)"}
	switch {
	case errors.As(err, &syn):
		off := int(syn.Offset) - 1 // the byte the decoder stopped at
		if int(syn.Offset) >= len(data)-shift {
			off = len(data) - shift // the input ended early: point past its end
		}
		e.Line, e.Col = lineCol(data, shift+off)
		e.Msg = "invalid JSON: " + syn.Error()
	case errors.As(err, &typ):
		e.Line, e.Col = lineCol(data, shift+valueStart(data[shift:], int(typ.Offset)))
		field := typ.Field
		if field == "" {
			field = "the file"
		}
		e.Msg = fmt.Sprintf("%s: expected %s, found a JSON %s", field, kind(typ.Type.Kind().String()), typ.Value)
		if typ.Field == "" {
			e.Msg = "expected a JSON object {...}, found a JSON " + typ.Value
		}
	default:
		e.Msg = "invalid JSON: " + err.Error()
	}
	return e
}

func kind(k string) string {
	switch k {
	case "string":
		return "text"
	case "slice":
		return "a list [...]"
	case "struct", "map":
		return "an object {...}"
	}
	return k
}

// valueStart finds where the JSON value ending at off starts: the opening
// quote of a string, else the byte before off.
func valueStart(data []byte, off int) int {
	off = min(off, len(data))
	if off == 0 || data[off-1] != '"' {
		return max(0, off-1)
	}
	for i := off - 2; i >= 0; i-- {
		if data[i] == '"' {
			n := 0
			for j := i - 1; j >= 0 && data[j] == '\\'; j-- {
				n++
			}
			if n%2 == 0 {
				return i
			}
		}
	}
	return off - 1
}

// lineCol turns a byte offset into a line and a column (in runes), from 1.
func lineCol(data []byte, off int) (int, int) {
	off = max(0, min(off, len(data)))
	before := data[:off]
	line := 1 + bytes.Count(before, []byte("\n"))
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, 1 + utf8.RuneCount(before[start:])
}
