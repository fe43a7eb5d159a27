package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export/xlsx"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

type feedbackOptions struct {
	role string
	date string
	json bool
}

func newFeedbackCmd(a *app) *cobra.Command {
	opts := &feedbackOptions{}
	cmd := &cobra.Command{
		Use:   "feedback WORKBOOK.xlsx",
		Short: "Import a coach's ratings, status and comments from a workbook",
		Long: `Feedback reads the Rating, Status and Coach comments columns of a matrix.xlsx
that your coach edited and appends what changed to feedback/<role-id>.yaml.
The next build shows the feedback in the brief, the notes and the workbook.

The role is the one the workbook was built for (recorded in the file), else
--role, else the folder the workbook is in (out/<role-id>/matrix.xlsx).
Columns may have been moved, added or sorted; values outside the drop-downs
and unknown story ids are reported. Importing the same workbook twice adds
nothing.`,
		Example: `  starpack feedback ~/Downloads/matrix.xlsx
  starpack feedback coach-notes.xlsx --role acme`,
		Args: argsUsage(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.feedbackRun(cmd, opts, args[0])
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.role, "role", "", "the role the workbook is for, when the workbook does not say")
	f.StringVar(&opts.date, "date", "", "the date to record, YYYY-MM-DD (default: $SOURCE_DATE_EPOCH, else today)")
	f.BoolVar(&opts.json, "json", false, "print what changed as JSON: workbook, role, file, changes[{story, rating, status, comment, date}], warnings")
	return cmd
}

func (a *app) feedbackRun(cmd *cobra.Command, opts *feedbackOptions, path string) error {
	date, err := buildDate(opts.date, a.getenv("SOURCE_DATE_EPOCH"), a.now)
	if err != nil {
		return err
	}
	ws, err := a.openWorkspace(cmd, false)
	if err != nil {
		return err
	}
	bank, err := ws.Bank()
	if err != nil {
		return err
	}
	im, err := readWorkbook(path)
	if err != nil {
		return err
	}
	id, err := workbookRole(ws, im, path, opts.role)
	if err != nil {
		return err
	}
	changes, warnings, err := importFeedback(ws, bank, id, path, im, date)
	for _, w := range warnings {
		fmt.Fprintf(a.stderr, "starpack: warning: %s\n", w)
	}
	if err != nil {
		return err
	}
	file := filepath.Join(ws.Display, filepath.FromSlash(stories.FeedbackFile(id)))
	if opts.json {
		return feedbackJSONReport(a.stdout, path, id, file, changes, warnings)
	}
	if len(changes) == 0 {
		fmt.Fprintf(a.stdout, "nothing new in %s: %s already holds its feedback\n", filepath.Base(path), file)
		return nil
	}
	fmt.Fprintf(a.stdout, "imported %s from %s into %s:\n", plural(len(changes), "change"), filepath.Base(path), file)
	for _, c := range changes {
		fmt.Fprintf(a.stdout, "  %s: %s\n", c.Story, describe(c))
	}
	return nil
}

// readWorkbook reads the coach's columns of a workbook file.
func readWorkbook(path string) (*xlsx.Import, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		hint := "check the path"
		if errors.Is(err, fs.ErrPermission) {
			hint = "check the file's permissions"
		}
		return nil, &source.Error{File: path, Msg: "cannot read workbook: " + unwrapPath(err), Err: err, Hint: hint}
	}
	return xlsx.Read(bytes.NewReader(data), path)
}

func unwrapPath(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// workbookRole decides which role a workbook is for: the one it records,
// else --role, else the folder it is in when a role has that name.
func workbookRole(ws *config.Workspace, im *xlsx.Import, path, flag string) (string, error) {
	id := im.RoleID
	switch {
	case id != "" && flag != "" && flag != id:
		return "", &source.Error{File: path, Msg: fmt.Sprintf("the workbook was built for role %q, not %q", id, flag),
			Hint: "leave out --role to import it for " + id}
	case id == "" && flag != "":
		id = flag
	case id == "":
		if abs, err := filepath.Abs(path); err == nil {
			if dir := filepath.Base(filepath.Dir(abs)); dir == "all" || roleExists(ws, dir) {
				id = dir
			}
		}
	}
	if id == "" {
		return "", &source.Error{File: path, Msg: "cannot tell which role the workbook is for",
			Hint: "name it: starpack feedback " + path + " --role ROLE-ID"}
	}
	if id != "all" {
		if _, err := ws.Role(id); err != nil {
			return "", err
		}
	}
	return id, nil
}

func roleExists(ws *config.Workspace, id string) bool {
	ids, _ := ws.RoleFiles()
	for _, r := range ids {
		if r == id {
			return true
		}
	}
	return false
}

// importFeedback appends to feedback/<roleID>.yaml what the workbook
// holds that the file does not, and returns those changes. Rows naming
// stories the bank does not have are warnings and are not imported.
func importFeedback(ws *config.Workspace, bank *stories.Bank, roleID, path string, im *xlsx.Import, date time.Time) ([]stories.Feedback, []string, error) {
	list, err := stories.LoadFeedback(ws.FS, ws.Display, roleID)
	if err != nil {
		return nil, im.Warnings, err
	}
	latest := stories.LatestFeedback(list)
	// A status outside the drop-down that was imported before (and shown
	// again in a rebuilt workbook) is not worth a warning each time.
	var warnings []string
	for _, is := range im.Issues {
		if is.Field == "status" && is.Story != "" && latest[is.Story].Status == is.Value {
			continue
		}
		warnings = append(warnings, is.Msg)
	}

	// A redacted copy shows redacted ids and comments: map them back, and
	// treat a comment the coach left as it was shown as unchanged.
	var red *stories.Redactor
	if im.Redacted {
		rules := map[string]string{}
		for k, v := range ws.Settings.Redact {
			rules[k] = v
		}
		if roleID != "all" {
			if r, err := ws.Role(roleID); err == nil {
				for k, v := range r.Redact {
					rules[k] = v
				}
			}
		}
		red = stories.NewRedactor(rules)
	}
	ids := map[string]string{}
	var known []string
	for _, s := range bank.Stories() {
		ids[red.Apply(s.ID)] = s.ID
		known = append(known, s.ID)
	}
	day, from := date.Format("2006-01-02"), filepath.Base(path)
	var imported []stories.Feedback
	for _, r := range im.Rows {
		id, ok := ids[r.ID]
		if !ok && r.Rating == 0 && r.Status == "" && r.Comment == "" {
			continue // a story since removed from the bank, with nothing to lose
		}
		if !ok {
			msg := fmt.Sprintf("%s: %s row %d: unknown story %q", path, im.Sheet, r.Line, r.ID)
			if s := source.Suggest(r.ID, known); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			warnings = append(warnings, msg+"; not imported")
			continue
		}
		fb := r.Feedback(day, from)
		fb.Story = id
		if red != nil && fb.Comment == stories.NormalComment(red.Apply(latest[id].Comment)) {
			fb.Comment = ""
		}
		imported = append(imported, fb)
	}
	changes := stories.FeedbackChanges(latest, imported)
	if err := stories.AppendFeedback(ws.Dir, roleID, changes); err != nil {
		return nil, warnings, err
	}
	return changes, warnings, nil
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
	return strings.Join(parts, ", ")
}

// matrixFile is a packet's workbook, the one a coach edits.
const matrixFile = "matrix.xlsx"

// feedback runs before a packet is built. It imports what the packet's
// existing workbook holds that feedback/<id>.yaml does not, so that a
// rebuild never overwrites a coach's edits, and returns the role's latest
// feedback for the outputs to show.
func (b *builder) feedback(id, dir string, res *result) (map[string]stories.Feedback, error) {
	book := filepath.Join(dir, matrixFile)
	if _, err := os.Stat(book); err != nil {
		book = ""
	}
	if b.ws.Dir == "" {
		// The embedded example has no feedback folder: refuse to overwrite
		// a workbook a coach has filled in.
		if book == "" || !b.want["matrix"] {
			return nil, nil
		}
		if im, err := readWorkbook(book); err == nil && hasFeedback(im) {
			return nil, &source.Error{File: book, Msg: "holds coach feedback, and the embedded example has no feedback folder to keep it in",
				Hint: "make a workspace (starpack init my-prep) and import it there with: starpack feedback " + book + " --role example; or move the file aside"}
		}
		return nil, nil
	}
	b.fbMu.Lock()
	defer b.fbMu.Unlock()
	if book != "" {
		im, err := readWorkbook(book)
		switch {
		case err != nil && b.want["matrix"]:
			return nil, &source.Error{File: book, Msg: "cannot read the coach's feedback before rebuilding the workbook: " + err.Error(), Err: err,
				Hint: "move the file aside to rebuild it (its feedback is then not imported)"}
		case err != nil:
			res.warnings = append(res.warnings, fmt.Sprintf("%s: feedback not imported: %v", book, err))
		case im.RoleID != "" && im.RoleID != id:
			res.warnings = append(res.warnings, fmt.Sprintf("%s: built for role %q, not %q; its feedback is not imported (use starpack feedback)", book, im.RoleID, id))
		default:
			changes, warnings, err := importFeedback(b.ws, b.bank, id, book, im, b.date)
			res.warnings = append(res.warnings, warnings...)
			if err != nil {
				return nil, err
			}
			if len(changes) > 0 {
				res.notices = append(res.notices, fmt.Sprintf("imported %s from %s into %s before rebuilding it", plural(len(changes), "change"), book,
					filepath.Join(b.ws.Display, filepath.FromSlash(stories.FeedbackFile(id)))))
			}
		}
	}
	list, err := stories.LoadFeedback(b.ws.FS, b.ws.Display, id)
	if err != nil {
		return nil, err
	}
	return stories.LatestFeedback(list), nil
}

// hasFeedback reports whether a coach filled in any of the workbook's rows.
func hasFeedback(im *xlsx.Import) bool {
	for _, r := range im.Rows {
		if r.Rating != 0 || r.Status != "" || r.Comment != "" {
			return true
		}
	}
	return false
}
