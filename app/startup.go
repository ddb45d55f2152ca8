package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"counterpart/storage"
)

// ShowOpenError fills w with the reason the library at path could not be
// opened (corrupt, written by a newer Counterpart, read-only, locked…) and
// offers its backups, newest first. Choosing one calls restore with its path;
// restore reports whether the library then opened, and the window shows the
// new error otherwise.
func ShowOpenError(a fyne.App, w fyne.Window, path string, err error, backups []string, restore func(backup string) error) {
	a.Settings().SetTheme(NewTheme())
	w.SetTitle("Counterpart")
	reason := err.Error()
	for _, prefix := range []string{"storage: open: " + path + " ", "storage: open " + path + ": ", "storage: open: ", "storage: "} {
		reason = strings.TrimPrefix(reason, prefix)
	}
	msg := widget.NewLabel(fmt.Sprintf("Counterpart could not open its library\n%s\n\nThe library %s.", path, strings.TrimSuffix(reason, ".")))
	msg.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton("Quit", func() { a.Quit() })
	var body fyne.CanvasObject
	switch {
	case errors.Is(err, storage.ErrLocked):
		body = widget.NewLabel("Switch to the other window, or quit it and start Counterpart again.")
	case len(backups) == 0:
		body = widget.NewLabel("There is no backup of this library. Move the file away to start with a new library, or open another one with --db FILE.")
	default:
		choice := widget.NewSelect(backups, nil)
		choice.SetSelectedIndex(0)
		var open *widget.Button
		open = widget.NewButton("Restore this backup", func() {
			open.Disable()
			if err := restore(choice.Selected); err != nil {
				msg.SetText(fmt.Sprintf("Restoring %s failed:\n%v", filepath.Base(choice.Selected), err))
				open.Enable()
			}
		})
		open.Importance = widget.HighImportance
		body = container.NewVBox(
			widget.NewLabel("Restore a backup? The damaged file is kept beside it, renamed."),
			choice, open)
	}
	w.SetContent(container.NewPadded(container.NewVBox(msg, widget.NewSeparator(), body, container.NewHBox(quit))))
	w.Resize(fyne.NewSize(720, 360))
}
