package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// feedbackFile is the slash-separated path of a role's feedback file.
func feedbackFile(roleID string) string {
	return FeedbackDir + "/" + roleID + ".yaml"
}

// FeedbackFile names a role's feedback file, feedback/<role-id>.yaml, for
// messages.
func (w *Workspace) FeedbackFile(roleID string) string {
	return w.Show(feedbackFile(roleID))
}

// Feedback reads a role's feedback file: every import, oldest first. A
// missing file means no feedback yet. Errors are *source.Error positioned
// in the file.
func (w *Workspace) Feedback(roleID string) ([]stories.Feedback, error) {
	if _, err := RoleID(roleID); err != nil {
		return nil, err
	}
	name := feedbackFile(roleID)
	data, err := fs.ReadFile(w.FS, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &source.Error{File: w.Show(name), Msg: "cannot read file", Err: err}
	}
	return stories.ParseFeedback(w.Show(name), data)
}

// AppendFeedback adds entries to a role's feedback file. What the file
// holds is kept byte for byte; the new entries are appended as YAML list
// items, and the file is replaced atomically (WriteFile). Appending nothing
// is a no-op.
func (w *Workspace) AppendFeedback(roleID string, entries []stories.Feedback) error {
	if len(entries) == 0 {
		return nil
	}
	if _, err := RoleID(roleID); err != nil {
		return err
	}
	name := filepath.Join(w.Dir, filepath.FromSlash(feedbackFile(roleID)))
	old, err := os.ReadFile(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		old = nil
	case err != nil:
		return &source.Error{File: name, Msg: "cannot read file", Err: err}
	}
	data, err := stories.AppendFeedback(name, old, entries)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return &source.Error{File: w.Show(FeedbackDir), Msg: "cannot make the folder: " + err.Error(), Err: err}
	}
	if err := WriteFile(name, data); err != nil {
		if errors.Is(err, fs.ErrPermission) {
			dir := w.Show(FeedbackDir)
			return &source.Error{Msg: fmt.Sprintf("cannot write %s: the folder %s is not writable; make it writable (chmod u+w %s) and run the command again",
				w.FeedbackFile(roleID), dir, dir), Err: err}
		}
		return err
	}
	return nil
}
