package packet

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// syncFeedback runs before a packet is built. It imports the coach's
// edits in the packet's existing workbook in dir, so that a rebuild never
// overwrites them, and returns the role's latest feedback for the outputs
// to show and how many entries of its feedback file that is (the base).
// A workbook whose hash is the one the packet's manifest holds is as
// starpack wrote it, holds no edit, and is not read.
func (b *Builder) syncFeedback(id, dir string, rep *Report) (map[string]stories.Feedback, int, error) {
	book := filepath.Join(dir, MatrixFile)
	if _, err := os.Stat(book); err != nil || untouched(dir, MatrixFile) {
		book = ""
	}
	if b.ws.Embedded() {
		// The embedded example has no feedback folder: refuse to overwrite
		// a workbook a coach has filled in.
		if book == "" || !b.matrix {
			return nil, 0, nil
		}
		if im, err := ReadWorkbook(book); err == nil && im.HasFeedback() {
			return nil, 0, &source.Error{File: book, Msg: "holds coach feedback, and the embedded example has no feedback folder to keep it in",
				Hint: "make a workspace (starpack init my-prep) and import it there with: starpack feedback " + book + " --role example; or move the file aside"}
		}
		return nil, 0, nil
	}
	// Two packets of one role (a batch naming it twice) must not append to
	// its feedback file at once.
	b.fbMutex.Lock()
	defer b.fbMutex.Unlock()
	if book != "" {
		if err := b.importBook(id, book, rep); err != nil {
			return nil, 0, err
		}
	}
	list, err := b.ws.Feedback(id)
	if err != nil {
		return nil, 0, err
	}
	return stories.LatestFeedback(list), len(list), nil
}

// untouched reports whether file in the packet folder dir is as the
// packet's manifest has it.
func untouched(dir, file string) bool {
	m, err := ReadManifest(dir)
	if err != nil || m.Files[file] == "" {
		return false
	}
	sum, err := hashFile(filepath.Join(dir, file))
	return err == nil && sum == m.Files[file]
}

// importBook imports the edits of the workbook book, about to be
// replaced, into the feedback file of role id.
func (b *Builder) importBook(id, book string, rep *Report) error {
	im, err := ReadWorkbook(book)
	if err == nil && im.Redacted && im.RoleID != "" {
		im.RoleID = roleOfLabel(b.ws, im.RoleID)
	}
	switch {
	case err != nil && b.matrix:
		return &source.Error{File: book, Msg: "cannot read the coach's feedback before rebuilding the workbook: " + err.Error(), Err: err,
			Hint: "move the file aside to rebuild it (its feedback is then not imported)"}
	case err != nil:
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s: feedback not imported: %v", book, err))
	case im.RoleID != "" && im.RoleID != id:
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s: built for role %q, not %q; its feedback is not imported (use starpack feedback)", book, im.RoleID, id))
	default:
		changes, warnings, err := ImportFeedback(b.ws, id, book, im, b.opts.Date)
		rep.Warnings = append(rep.Warnings, warnings...)
		if err != nil {
			return err
		}
		if len(changes) > 0 {
			rep.Notices = append(rep.Notices, fmt.Sprintf("imported %s from %s into %s before rebuilding it", stories.Count(len(changes), "change", "changes"), book,
				b.ws.FeedbackFile(id)))
		}
	}
	return nil
}
