package app

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"counterpart/storage"
)

func TestShowOpenErrorOffersBackups(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	var restored string
	damaged := fmt.Errorf("storage: open: /x/lib.db %w", storage.ErrCorrupt)
	ShowOpenError(a, w, "/x/lib.db", damaged, []string{"/x/lib.db.backup-2.db", "/x/lib.db.backup-1.db"}, func(b string) error {
		restored = b
		return nil
	})
	test.Tap(findButton(t, w.Content(), "Restore this backup"))
	if restored != "/x/lib.db.backup-2.db" {
		t.Errorf("restored %q, want the newest backup", restored)
	}
	if !strings.Contains(labelsText(w.Content()), "The library is damaged") {
		t.Errorf("message: %q", labelsText(w.Content()))
	}
}

func TestShowOpenErrorLockedOffersNoRestore(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	locked := fmt.Errorf("storage: open: /x/lib.db %w", storage.ErrLocked)
	ShowOpenError(a, w, "/x/lib.db", locked, []string{"/x/lib.db.backup-1.db"}, func(string) error { return errors.New("must not restore") })
	text := labelsText(w.Content())
	if !strings.Contains(text, "is open in another Counterpart window") || strings.Contains(text, "Restore") {
		t.Errorf("message: %q", text)
	}
}

// findButton returns the button labelled text among o's laid-out objects.
func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, x := range test.LaidOutObjects(o) {
		if b, ok := x.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// labelsText joins the text of every label among o's laid-out objects.
func labelsText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}
