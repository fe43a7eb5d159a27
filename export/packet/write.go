package packet

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/stories/source"
)

// write makes the packet folder out/<id> and writes the files into it,
// each atomically.
func write(out, id string, files []File) error {
	dir, err := Dir(out, id)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := config.WriteFile(filepath.Join(dir, f.Name), f.Data); err != nil {
			return err
		}
	}
	return nil
}

// Dir makes the packet folder out/<id> and returns it, refusing ids and
// links that would lead out of the output folder.
func Dir(out, id string) (string, error) {
	if id != AllID {
		if _, err := config.RoleID(id); err != nil {
			return "", &source.Error{Msg: fmt.Sprintf("role id %q cannot name an output folder", id),
				Hint: "rename the role file to a plain name such as acme.yaml"}
		}
	}
	dir := filepath.Join(out, id)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", &source.Error{File: dir, Msg: "cannot make the output folder: " + err.Error(), Err: err, Hint: "check the --out folder and its permissions"}
	}
	// A symlink inside out/ must not lead the packet elsewhere.
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", err
	}
	realOut, err := filepath.EvalSymlinks(out)
	if err != nil {
		return "", err
	}
	if rel, err := filepath.Rel(realOut, real); err != nil || rel != id {
		return "", &source.Error{File: dir, Msg: "the output folder is a link to " + real,
			Hint: "remove the link; starpack writes only inside the output folder"}
	}
	return dir, nil
}
