//go:build !unix && !windows

package storage

import "os"

func lockFile(*os.File) error { return nil }
func unlockFile(*os.File)     {}
