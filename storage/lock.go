package storage

import (
	"errors"
	"fmt"
	"os"
)

// ErrLocked: another Counterpart window has the library open.
var ErrLocked = errors.New("is open in another Counterpart window; close that window first")

// Lock takes the desktop app's lock on the library at path, so that a second
// window on the same library is refused with a clear message instead of two
// windows editing one library. The lock is a PATH.lock file held with an
// operating-system lock, which the system releases if the process dies.
// The command-line subcommands do not take it: SQLite's own locking keeps
// their short transactions safe.
func Lock(path string) (release func(), err error) {
	f, err := os.OpenFile(path+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("storage: lock %s: %w", path, err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errWouldBlock) {
			return nil, fmt.Errorf("storage: open: %s %w", path, ErrLocked)
		}
		return nil, fmt.Errorf("storage: lock %s: %w", path, err)
	}
	return func() {
		unlockFile(f)
		f.Close()
	}, nil
}

var errWouldBlock = errors.New("lock held elsewhere")
