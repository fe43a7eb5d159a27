package config

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/starpack/starpack/stories/loop"
	"github.com/starpack/starpack/stories/source"
)

// The folders of the interview loop's records.
const (
	DebriefsDir = "debriefs" // one append-only file per role: what each round asked
	PracticeDir = "practice" // the append-only log of rehearsals, one file per month
)

// debriefFile is the slash-separated path of a role's debrief file.
func debriefFile(roleID string) string {
	return DebriefsDir + "/" + roleID + ".yaml"
}

// DebriefFile names a role's debrief file, debriefs/<role-id>.yaml, for
// messages.
func (w *Workspace) DebriefFile(roleID string) string {
	return w.Show(debriefFile(roleID))
}

// Debriefs reads a role's debrief file: every debrief, oldest first. A
// missing file means none yet. Errors are *source.Error positioned in the
// file.
func (w *Workspace) Debriefs(roleID string) ([]loop.Debrief, error) {
	if _, err := RoleID(roleID); err != nil {
		return nil, err
	}
	data, err := w.readOptional(debriefFile(roleID))
	if data == nil || err != nil {
		return nil, err
	}
	return loop.ParseDebriefs(w.Show(debriefFile(roleID)), data)
}

// AppendDebrief adds a debrief to a role's debrief file, keeping what the
// file holds byte for byte, and replaces the file atomically (WriteFile).
func (w *Workspace) AppendDebrief(roleID string, d loop.Debrief) error {
	if _, err := RoleID(roleID); err != nil {
		return err
	}
	return w.appendRecord(debriefFile(roleID), func(name string, old []byte) ([]byte, error) {
		return loop.AppendDebrief(name, old, d)
	})
}

// Practice reads the practice log, practice/*.yaml, in file-name order
// (one file per month, so oldest first). No folder means no rehearsals yet.
func (w *Workspace) Practice() ([]loop.Practice, error) {
	names, err := fs.Glob(w.FS, PracticeDir+"/*.yaml")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var all []loop.Practice
	for _, name := range names {
		data, err := w.readOptional(name)
		if err != nil {
			return nil, err
		}
		list, err := loop.ParsePractice(w.Show(name), data)
		if err != nil {
			return nil, err
		}
		all = append(all, list...)
	}
	return all, nil
}

// AppendPractice adds rehearsals to the practice log, each to the file of
// its month (practice/YYYY-MM.yaml), keeping what the files hold byte for
// byte. It returns the files it wrote, for messages.
func (w *Workspace) AppendPractice(entries []loop.Practice) ([]string, error) {
	byFile := map[string][]loop.Practice{}
	var order []string
	for _, e := range entries {
		name := PracticeDir + "/" + loop.PracticeFile(e)
		if _, ok := byFile[name]; !ok {
			order = append(order, name)
		}
		byFile[name] = append(byFile[name], e)
	}
	var written []string
	for _, name := range order {
		err := w.appendRecord(name, func(file string, old []byte) ([]byte, error) {
			return loop.AppendPractice(file, old, byFile[name])
		})
		if err != nil {
			return written, err
		}
		written = append(written, w.Show(name))
	}
	return written, nil
}

// DebriefGaps lists the questions asked in a role's rounds that were not
// answered with a story and that no story of the bank is written for yet
// (see loop.Gaps): what to write next. The next packet lists them as gaps.
func (w *Workspace) DebriefGaps(roleID string) ([]loop.Gap, error) {
	ds, err := w.Debriefs(roleID)
	if err != nil {
		return nil, err
	}
	bank, err := w.Bank()
	if err != nil {
		return nil, err
	}
	return loop.Gaps(bank, w.Catalog(), roleID, ds), nil
}

// readOptional reads a file of the workspace (slash-separated); a missing
// file is nil, no error.
func (w *Workspace) readOptional(name string) ([]byte, error) {
	data, err := fs.ReadFile(w.FS, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, &source.Error{File: w.Show(name), Msg: "cannot read file: " + unwrapPath(err).Error(), Err: err}
	}
	if err := source.CheckText(w.Show(name), data); err != nil {
		return nil, err
	}
	return data, nil
}

// appendRecord replaces the record file name (slash-separated, in the
// workspace) with what add makes of its old content (nil when new),
// making its folder when needed.
func (w *Workspace) appendRecord(name string, add func(file string, old []byte) ([]byte, error)) error {
	if w.Embedded() {
		return &source.Error{File: name, Msg: "the embedded example keeps no records",
			Hint: "make a workspace of your own: starpack init my-prep"}
	}
	file := filepath.Join(w.Dir, filepath.FromSlash(name))
	old, err := os.ReadFile(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		old = nil
	case err != nil:
		return &source.Error{File: w.Show(name), Msg: "cannot read file: " + unwrapPath(err).Error(), Err: err}
	}
	data, err := add(w.Show(name), old)
	if err != nil {
		return err
	}
	dir := path.Dir(name)
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return &source.Error{File: w.Show(dir), Msg: "cannot make the folder: " + unwrapPath(err).Error(), Err: err}
	}
	return WriteFile(file, data)
}

// SameCompany reports whether two company names are the same company, as
// written in role files (case and spacing aside).
func SameCompany(a, b string) bool {
	a, b = strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " ")
	return a != "" && strings.EqualFold(a, b)
}
