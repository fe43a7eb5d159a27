//go:build !linux

package packet

import "os"

// swap puts the folder stage in the place of dir with two renames: the
// old packet is parked beside it first (Clean puts it back after a kill
// between the two), and is left at stage.
func swap(stage, dir string) error {
	if _, err := os.Lstat(dir); err != nil {
		return os.Rename(stage, dir)
	}
	return swapRenames(stage, dir)
}

// running reports whether process pid may be alive: on systems without
// a cheap check, only this process counts.
func running(pid int) bool { return pid == os.Getpid() }
