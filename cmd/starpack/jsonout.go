package main

import (
	"encoding/json"
	"io"
	"path/filepath"

	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// The JSON of `build --json` and `feedback --json`, for scripts. Fields are
// only ever added, never renamed.

type buildJSON struct {
	Out     string       `json:"out"`
	Built   int          `json:"built"`
	Failed  int          `json:"failed"`
	Packets []packetJSON `json:"packets"`
}

type packetJSON struct {
	Role     string   `json:"role"` // "all" for the whole bank
	Dir      string   `json:"dir,omitempty"`
	Files    []string `json:"files"`
	Warnings []string `json:"warnings"`
	Error    string   `json:"error,omitempty"`
	Hint     string   `json:"hint,omitempty"`
}

// buildJSONReport prints the results of a build as one JSON object on
// stdout; errors go to stderr too, for the person watching. A failed packet
// makes the command fail (exit 1).
func (a *app) buildJSONReport(outDir string, jobs []job, results []packet.Result) error {
	rep := buildJSON{Out: outDir, Packets: []packetJSON{}}
	for i, r := range results {
		p := packetJSON{Role: jobs[i].id, Dir: r.Dir, Files: r.Files, Warnings: r.Warnings}
		if p.Files == nil {
			p.Files = []string{}
		}
		if p.Warnings == nil {
			p.Warnings = []string{}
		}
		if r.Err != nil {
			p.Error, p.Hint = r.Err.Error(), source.HintOf(r.Err)
			report(a.stderr, r.Err)
			rep.Failed++
		} else {
			rep.Built++
		}
		rep.Packets = append(rep.Packets, p)
	}
	if err := writeJSON(a.stdout, rep); err != nil {
		return err
	}
	if rep.Failed > 0 {
		return errSilent
	}
	return nil
}

type feedbackJSON struct {
	Workbook string               `json:"workbook"`
	Role     string               `json:"role"`
	File     string               `json:"file"` // feedback/<role>.yaml
	Changes  []feedbackChangeJSON `json:"changes"`
	Warnings []string             `json:"warnings"`
}

type feedbackChangeJSON struct {
	Story   string `json:"story"`
	Rating  int    `json:"rating,omitempty"`
	Status  string `json:"status,omitempty"`
	Comment string `json:"comment,omitempty"`
	// Columns are the coach's own columns ("" when emptied); Cleared the
	// fields emptied.
	Columns map[string]string `json:"columns,omitempty"`
	Cleared []string          `json:"cleared,omitempty"`
	Date    string            `json:"date"`
}

// feedbackJSONReport prints what a feedback import changed as one JSON
// object.
func feedbackJSONReport(w io.Writer, workbook, role, file string, changes []stories.Feedback, warnings []string) error {
	rep := feedbackJSON{Workbook: filepath.Base(workbook), Role: role, File: file, Changes: []feedbackChangeJSON{}, Warnings: warnings}
	if rep.Warnings == nil {
		rep.Warnings = []string{}
	}
	for _, c := range changes {
		rep.Changes = append(rep.Changes, feedbackChangeJSON{c.Story, c.Rating, c.Status, c.Comment, c.Columns, c.Cleared, c.Date})
	}
	return writeJSON(w, rep)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
