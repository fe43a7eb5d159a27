package packet

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export/xlsx"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// ReadWorkbook reads the coach's columns of a workbook file.
func ReadWorkbook(path string) (*xlsx.Import, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		hint := "check the path"
		if errors.Is(err, fs.ErrPermission) {
			hint = "check the file's permissions"
		}
		return nil, &source.Error{File: path, Msg: "cannot read workbook: " + bare(err).Error(), Err: err, Hint: hint}
	}
	return xlsx.Read(bytes.NewReader(data), path)
}

// WorkbookRole decides which role a workbook at path is for: the one it
// records, else flag (--role), else the packet folder it is in when a role
// has that name.
func WorkbookRole(ws *config.Workspace, im *xlsx.Import, path, flag string) (string, error) {
	id := im.RoleID
	switch {
	case id != "" && flag != "" && flag != id:
		return "", &source.Error{File: path, Msg: fmt.Sprintf("the workbook was built for role %q, not %q", id, flag),
			Hint: "leave out --role to import it for " + id}
	case id == "" && flag != "":
		id = flag
	case id == "":
		if abs, err := filepath.Abs(path); err == nil {
			if dir := filepath.Base(filepath.Dir(abs)); dir == AllID || ws.HasRole(dir) {
				id = dir
			}
		}
	}
	if id == "" {
		return "", &source.Error{File: path, Msg: "cannot tell which role the workbook is for",
			Hint: "name it: starpack feedback " + path + " --role ROLE-ID"}
	}
	if id != AllID {
		if _, err := ws.Role(id); err != nil {
			return "", err
		}
	}
	return id, nil
}

// ImportFeedback appends to the role's feedback file what the workbook
// (read from path) holds that the file does not, and returns those
// changes and warnings about rows it could not take. Rows naming stories
// the bank does not have are warnings and are not imported. A redacted
// copy's ids and comments are mapped back to the workspace's.
func ImportFeedback(ws *config.Workspace, roleID, path string, im *xlsx.Import, date time.Time) ([]stories.Feedback, []string, error) {
	bank, err := ws.Bank()
	if err != nil {
		return nil, im.Warnings, err
	}
	list, err := ws.Feedback(roleID)
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
		var role *config.Role
		if roleID != AllID {
			role, _ = ws.Role(roleID)
		}
		red = stories.NewRedactor(ws.Settings.RedactRules(role))
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
	if err := ws.AppendFeedback(roleID, changes); err != nil {
		return nil, warnings, err
	}
	return changes, warnings, nil
}

// syncFeedback runs before a packet is built. It imports what the
// packet's existing workbook in dir holds that the role's feedback file
// does not, so that a rebuild never overwrites a coach's edits, and returns
// the role's latest feedback for the outputs to show.
func (b *Builder) syncFeedback(id, dir string, rep *Report) (map[string]stories.Feedback, error) {
	book := filepath.Join(dir, MatrixFile)
	if _, err := os.Stat(book); err != nil {
		book = ""
	}
	if b.ws.Embedded() {
		// The embedded example has no feedback folder: refuse to overwrite
		// a workbook a coach has filled in.
		if book == "" || !b.matrix {
			return nil, nil
		}
		if im, err := ReadWorkbook(book); err == nil && im.HasFeedback() {
			return nil, &source.Error{File: book, Msg: "holds coach feedback, and the embedded example has no feedback folder to keep it in",
				Hint: "make a workspace (starpack init my-prep) and import it there with: starpack feedback " + book + " --role example; or move the file aside"}
		}
		return nil, nil
	}
	// Two packets of one role (a batch naming it twice) must not append to
	// its feedback file at once.
	b.fbMutex.Lock()
	defer b.fbMutex.Unlock()
	if book != "" {
		im, err := ReadWorkbook(book)
		switch {
		case err != nil && b.matrix:
			return nil, &source.Error{File: book, Msg: "cannot read the coach's feedback before rebuilding the workbook: " + err.Error(), Err: err,
				Hint: "move the file aside to rebuild it (its feedback is then not imported)"}
		case err != nil:
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s: feedback not imported: %v", book, err))
		case im.RoleID != "" && im.RoleID != id:
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s: built for role %q, not %q; its feedback is not imported (use starpack feedback)", book, im.RoleID, id))
		default:
			changes, warnings, err := ImportFeedback(b.ws, id, book, im, b.opts.Date)
			rep.Warnings = append(rep.Warnings, warnings...)
			if err != nil {
				return nil, err
			}
			if len(changes) > 0 {
				rep.Notices = append(rep.Notices, fmt.Sprintf("imported %s from %s into %s before rebuilding it", stories.Count(len(changes), "change", "changes"), book,
					b.ws.FeedbackFile(id)))
			}
		}
	}
	list, err := b.ws.Feedback(id)
	if err != nil {
		return nil, err
	}
	return stories.LatestFeedback(list), nil
}
