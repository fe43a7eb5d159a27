package main

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/stories"
)

type feedbackOptions struct {
	workbook string
	role     string
	date     string
	json     bool
}

func newFeedbackCmd(a *app) *cobra.Command {
	opts := &feedbackOptions{}
	cmd := &cobra.Command{
		Use:   "feedback WORKBOOK.xlsx",
		Short: "Import a coach's ratings, status and comments from a workbook",
		Long: `Feedback reads the Rating, Status and Coach comments columns (and any column
the coach added) of a matrix.xlsx that your coach edited, and appends the cells
the coach changed to feedback/<role-id>.yaml: those that differ from what
starpack wrote into that workbook, a cleared cell included. An older workbook
never undoes a newer edit; two copies of one build that disagree are reported
as a conflict, the newer import kept. The next build shows the feedback in the
brief, the notes and the workbook.

The role is the one the workbook was built for (recorded in the file), else
--role, else the folder the workbook is in (out/<role-id>/matrix.xlsx).
Columns may have been moved, added or sorted; values outside the drop-downs
and unknown story ids are reported. Importing the same workbook twice adds
nothing.`,
		Example: `  starpack feedback ~/Downloads/matrix.xlsx
  starpack feedback coach-notes.xlsx --role acme`,
		Args: argsOf(1, 1, "starpack feedback ~/Downloads/matrix.xlsx", arg{"WORKBOOK", "the matrix.xlsx your coach edited and sent back"}),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.workbook = args[0]
			return a.feedbackRun(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.role, "role", "", "the role the workbook is for, when the workbook does not say")
	f.StringVar(&opts.date, "date", "", "the date to record, YYYY-MM-DD (default: $SOURCE_DATE_EPOCH, else today)")
	f.BoolVar(&opts.json, "json", false, "print what changed as JSON: workbook, role, file, changes[{story, rating, status, comment, date}], warnings")
	return cmd
}

func (a *app) feedbackRun(cmd *cobra.Command, opts *feedbackOptions) error {
	date, err := buildDate(opts.date, a.now)
	if err != nil {
		return err
	}
	ws, err := a.openWorkspace(cmd, false)
	if err != nil {
		return err
	}
	if _, err := ws.Bank(); err != nil {
		return err
	}
	path := opts.workbook
	im, err := packet.ReadWorkbook(path)
	if err != nil {
		return err
	}
	id, err := packet.WorkbookRole(ws, im, path, opts.role)
	if err != nil {
		return err
	}
	changes, warnings, err := packet.ImportFeedback(ws, id, path, im, date)
	for _, w := range warnings {
		fmt.Fprintf(a.note(), "starpack: warning: %s\n", w)
	}
	if err != nil {
		return err
	}
	file := ws.FeedbackFile(id)
	if opts.json {
		return feedbackJSONReport(a.stdout, path, id, file, changes, warnings)
	}
	if len(changes) == 0 {
		if held, err := ws.Feedback(id); err == nil && len(held) == 0 {
			fmt.Fprintf(a.out(), "nothing new in %s: the coach has edited none of its cells\n", filepath.Base(path))
			return nil
		}
		fmt.Fprintf(a.out(), "nothing new in %s: %s already holds its feedback\n", filepath.Base(path), file)
		return nil
	}
	fmt.Fprintf(a.out(), "imported %s from %s into %s:\n", stories.Count(len(changes), "change", "changes"), filepath.Base(path), file)
	for _, c := range changes {
		fmt.Fprintf(a.out(), "  %s: %s\n", c.Story, describe(c))
	}
	return nil
}

// describe says what one change sets: "rating 4, status ready, comment".
func describe(f stories.Feedback) string {
	var parts []string
	if f.Rating != 0 {
		parts = append(parts, fmt.Sprintf("rating %d", f.Rating))
	}
	if f.Status != "" {
		parts = append(parts, "status "+f.Status)
	}
	if f.Comment != "" {
		parts = append(parts, fmt.Sprintf("comment %q", stories.Shorten(strings.ReplaceAll(f.Comment, "\n", " "), 50)))
	}
	for _, c := range f.Cleared {
		parts = append(parts, c+" cleared")
	}
	for _, h := range slices.Sorted(maps.Keys(f.Columns)) {
		if v := f.Columns[h]; v == "" {
			parts = append(parts, fmt.Sprintf("%q cleared", h))
		} else {
			parts = append(parts, fmt.Sprintf("%q: %q", h, stories.Shorten(strings.ReplaceAll(v, "\n", " "), 50)))
		}
	}
	return strings.Join(parts, ", ")
}
