//go:build !linux

package publish

import (
	"errors"
	"os"
)

func exchange(a, b string) error { return errors.New("no atomic exchange on this system") }

// tryLock does nothing where flock is not available: concurrent builds are
// then not prevented.
func tryLock(*os.File) error { return nil }

// shared is never asked where CopyLive copies instead of linking.
func shared(*os.File) bool { return false }

const canLink = false
