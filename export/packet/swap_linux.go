package packet

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// swap puts the folder stage in the place of dir in one step: the two
// trade places (renameat2 RENAME_EXCHANGE), so dir is never missing. The
// old packet is left at stage. Where the file system cannot exchange, it
// falls back to two renames.
func swap(stage, dir string) error {
	if _, err := os.Lstat(dir); err != nil {
		return os.Rename(stage, dir)
	}
	err := unix.Renameat2(unix.AT_FDCWD, stage, unix.AT_FDCWD, dir, unix.RENAME_EXCHANGE)
	if err == nil {
		return nil
	}
	if err == syscall.ENOSYS || err == syscall.EINVAL || err == syscall.ENOTSUP {
		return swapRenames(stage, dir)
	}
	return &os.LinkError{Op: "exchange", Old: stage, New: dir, Err: err}
}

// running reports whether process pid is alive.
func running(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	return syscall.Kill(pid, 0) == nil || syscall.Kill(pid, 0) == syscall.EPERM
}
