package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/starpack/starpack/stories/source"
)

// WriteFile writes data to path atomically: into a temporary file in the
// same folder, synced to disk, then renamed over path. A reader, or a
// crash, sees the old file or the new one, never a part of either. An
// existing file keeps its permissions; a new one is made readable by all
// (0644). It is the one way starpack replaces a file.
//
// Errors are *source.Error naming path, with a hint.
func WriteFile(path string, data []byte) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if errors.Is(err, fs.ErrPermission) {
		return &source.Error{File: path, Msg: fmt.Sprintf("cannot write: the folder %s is not writable; make it writable (chmod u+w %s) and run the command again",
			filepath.Clean(dir), filepath.Clean(dir)), Err: err}
	}
	if err != nil {
		return &source.Error{File: path, Msg: "cannot write: " + err.Error(), Err: err, Hint: "check the folder's permissions and free space"}
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	fail := func(err error, hint string) error {
		tmp.Close()
		return &source.Error{File: path, Msg: "cannot write: " + err.Error(), Err: err, Hint: hint}
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err, "check free space")
	}
	if err := tmp.Chmod(mode); err != nil {
		return fail(err, "check the folder's permissions")
	}
	if err := tmp.Sync(); err != nil {
		return fail(err, "check free space")
	}
	if err := tmp.Close(); err != nil {
		return &source.Error{File: path, Msg: "cannot write: " + err.Error(), Err: err}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &source.Error{File: path, Msg: "cannot replace file: " + err.Error(), Err: err, Hint: "close the file if another program has it open"}
	}
	return nil
}
