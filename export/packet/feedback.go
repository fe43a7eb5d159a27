package packet

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
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
// records (a redacted copy records a label, matched against the labels
// of the workspace's roles), else flag (--role), else the packet folder it
// is in when a role has that name.
func WorkbookRole(ws *config.Workspace, im *xlsx.Import, path, flag string) (string, error) {
	id := im.RoleID
	if im.Redacted && id != "" {
		id = roleOfLabel(ws, id)
	}
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

// Label is the neutral name a redacted packet of role id goes by, in its
// folder name, manifest and workbook: derived from the role id and the
// redaction rules that apply to it (see stories.Label).
func Label(ws *config.Workspace, id string) string {
	var role *config.Role
	if id != AllID {
		role, _ = ws.Role(id)
	}
	return stories.Label(id, ws.Settings.RedactRules(role))
}

// roleOfLabel finds the role whose redacted packets go by label; "" when
// none does (the rules changed since, say).
func roleOfLabel(ws *config.Workspace, label string) string {
	ids, _ := ws.RoleIDs()
	for _, id := range append(ids, AllID) {
		if Label(ws, id) == label {
			return id
		}
	}
	return ""
}

// ImportFeedback appends to the role's feedback file the coach's edits
// in the workbook (read from path): the cells whose value differs from
// what starpack wrote into that workbook, a cleared cell included (see
// stories.MergeEdits for edits imported before and conflicts). It returns
// the entries appended and warnings: cells it could not take, rows naming
// stories the bank does not have, clashes with other edits. A redacted
// copy's ids are mapped back to the workspace's. A workbook that does not
// record what starpack wrote (made by an older starpack) is read as
// before: a cell that differs from the latest feedback is an edit, and a
// blank one is not.
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
	edits, unknown := workbookEdits(ws, bank, roleID, path, im)
	warnings = append(warnings, unknown...)
	from := stories.EditSource{Source: filepath.Base(path), Date: date.Format("2006-01-02"), Base: len(list)}
	if im.Record != nil {
		from.Build, from.Base = im.Record.Build, im.Record.Base
	}
	changes, clashes := stories.MergeEdits(list, from, edits)
	for _, c := range clashes {
		warnings = append(warnings, clashMessage(c))
	}
	if err := ws.AppendFeedback(roleID, changes); err != nil {
		return nil, warnings, err
	}
	return changes, warnings, nil
}

// workbookEdits lists the coach's edits of a workbook in row order, with
// story ids mapped back from a redacted copy, and warnings about rows
// naming unknown stories.
func workbookEdits(ws *config.Workspace, bank *stories.Bank, roleID, path string, im *xlsx.Import) ([]stories.Edit, []string) {
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
		ids[red.ApplyID(s.ID)] = s.ID
		known = append(known, s.ID)
	}
	var edits []stories.Edit
	var warnings []string
	for _, r := range im.Rows {
		values := r.Values()
		var written map[string]string
		if im.Record != nil {
			written = im.Record.Written[r.ID]
		}
		var fields []string
		for field, v := range values {
			if (im.Record != nil && v != written[field]) || (im.Record == nil && v != "") {
				fields = append(fields, field)
			}
		}
		if len(fields) == 0 {
			continue
		}
		id, ok := ids[r.ID]
		if !ok {
			msg := fmt.Sprintf("%s: %s row %d: unknown story %q", path, r.Sheet, r.Line, r.ID)
			if s := source.Suggest(r.ID, known); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			warnings = append(warnings, msg+"; not imported")
			continue
		}
		slices.SortFunc(fields, fieldOrder)
		for _, field := range fields {
			edits = append(edits, stories.Edit{Story: id, Field: field, Value: values[field],
				Cell: fmt.Sprintf("%s: %s", path, r.Cells[field])})
		}
	}
	return edits, warnings
}

// fieldOrder puts the rating, status and comment first, then the coach's
// columns by header.
func fieldOrder(a, b string) int {
	rank := func(f string) int {
		return map[string]int{stories.FieldRating: 1, stories.FieldStatus: 2, stories.FieldComment: 3}[f]
	}
	ra, rb := rank(a), rank(b)
	if ra == 0 {
		ra = 4
	}
	if rb == 0 {
		rb = 4
	}
	if ra != rb {
		return ra - rb
	}
	return strings.Compare(a, b)
}

// clashMessage says what became of an edit that met another one.
func clashMessage(c stories.Clash) string {
	what := fmt.Sprintf("%s %s", c.Edit.Story, stories.FieldLabel(c.Edit.Field))
	mine, other := stories.FieldValue(c.Edit.Field, c.Edit.Value), stories.FieldValue(c.Edit.Field, c.Other)
	if c.Taken {
		return fmt.Sprintf("%s: conflict: %s is %s here and %s in %s, both edited from the same build; kept %s, the newer import",
			c.Edit.Cell, what, mine, other, c.OtherSource, mine)
	}
	return fmt.Sprintf("%s: %s is %s here, but %s came from a newer build (%s), imported since; kept %s",
		c.Edit.Cell, what, mine, other, c.OtherSource, other)
}
