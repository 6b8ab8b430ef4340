package publish

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// exchange swaps two existing paths atomically (renameat2 RENAME_EXCHANGE).
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}

// tryLock takes an exclusive lock on f without waiting. The kernel releases
// it when f is closed or the process ends.
func tryLock(f *os.File) error {
	return unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
}

// shared reports whether the open file's bytes are also reachable by another
// name (a hard link that CopyLive made from the live site).
func shared(f *os.File) bool {
	st, err := f.Stat()
	if err != nil {
		return false
	}
	sys, ok := st.Sys().(*syscall.Stat_t)
	return ok && sys.Nlink > 1
}

// canLink says that CopyLive may hard-link the live site's files.
const canLink = true
