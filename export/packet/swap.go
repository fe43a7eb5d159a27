package packet

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// swapRenames swaps with two renames: dir is parked as
// .<name>.old-<pid>-<n>, stage takes its place, and the parked folder is
// moved to stage (for the caller to remove). A failure of the second
// rename puts dir back.
func swapRenames(stage, dir string) error {
	parent, name := filepath.Split(dir)
	suffix := strings.TrimPrefix(filepath.Base(stage), "."+name+".staging-")
	old := filepath.Join(parent, "."+name+".old-"+suffix)
	if suffix == filepath.Base(stage) {
		old = filepath.Join(parent, "."+name+".old-"+strconv.Itoa(os.Getpid())+"-0")
	}
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(stage, dir); err != nil {
		os.Rename(old, dir)
		return err
	}
	return os.Rename(old, stage)
}
