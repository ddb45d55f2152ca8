package storage

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// rollingKeep is how many rolling backups RollingBackup keeps.
const rollingKeep = 3

// RollingBackup copies the library to PATH.backup-YYYYMMDD-HHMMSS.db and
// removes all but the newest three such copies. The app calls it at start
// and on demand, so that a damaged library can be replaced by a recent copy.
func (s *Store) RollingBackup(ctx context.Context, now time.Time) (string, error) {
	name := fmt.Sprintf("%s.backup-%s.db", s.path, now.Format("20060102-150405"))
	if _, err := os.Lstat(name); err == nil {
		return name, nil // one a second is plenty
	}
	if err := s.Backup(ctx, name); err != nil {
		return "", err
	}
	old, _ := filepath.Glob(s.path + ".backup-*.db")
	sort.Strings(old)
	for len(old) > rollingKeep {
		os.Remove(old[0])
		old = old[1:]
	}
	return name, nil
}

// Backups lists the backups of the library at path, newest first: the
// rolling backups and the copies taken before schema upgrades.
func Backups(path string) []string {
	var out []string
	for _, pattern := range []string{path + ".backup-*.db", path + ".before-v*.bak"} {
		m, _ := filepath.Glob(pattern)
		out = append(out, m...)
	}
	sort.Slice(out, func(i, j int) bool {
		a, errA := os.Stat(out[i])
		b, errB := os.Stat(out[j])
		if errA != nil || errB != nil {
			return strings.Compare(out[i], out[j]) > 0
		}
		return a.ModTime().After(b.ModTime())
	})
	return out
}
