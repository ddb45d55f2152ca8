package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// backUp asks where to save a copy of the library and writes it off the UI
// goroutine: a consistent snapshot (VACUUM INTO a temporary file) copied to
// the chosen file, which Counterpart can open with --db.
func (u *UI) backUp() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError("Choosing where to save the backup", err)
			return
		}
		if w == nil {
			return
		}
		name := w.URI().Name()
		u.runStore("Backing up the library", func(ctx context.Context) error {
			err := copyBackup(ctx, u.store.Backup, w)
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			return err
		}, func() { u.say("Backed up the library to %s", name) })
	}, u.win)
	d.SetFileName(fmt.Sprintf("counterpart-backup-%s.db", time.Now().Format("2006-01-02")))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db"}))
	d.Resize(fyne.NewSize(900, 620))
	d.Show()
}

// copyBackup makes a backup with backup into a temporary file and copies it
// to w.
func copyBackup(ctx context.Context, backup func(context.Context, string) error, w io.Writer) error {
	dir, err := os.MkdirTemp("", "counterpart-backup-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, "library.db")
	if err := backup(ctx, tmp); err != nil {
		return err
	}
	f, err := os.Open(tmp)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}
