package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"counterpart/compare"
)

func TestPickersChooseTheDocuments(t *testing.T) {
	u := newTestUI(t, openStore(t, filepath.Join(t.TempDir(), "lib.db"), true))
	waitFor(t, "the comparison", func() bool { return u.cmp != nil })
	var us, e3 int
	for i, d := range u.docs {
		switch d.Kind {
		case compare.Proposal:
			us = i
		case compare.CounterProposal:
			e3 = i
		}
	}
	onUI(func() { u.leftPick.SetSelectedIndex(us) })
	onUI(func() { u.rightPick.SetSelectedIndex(e3) })
	waitFor(t, "the picked comparison", func() bool {
		return u.cmp.Left.ID == u.docs[us].ID && u.cmp.Right.ID == u.docs[e3].ID
	})
	deleted, inserted := highlightedRows(u)
	if deleted == 0 || inserted == 0 {
		t.Errorf("US plan vs E3: %d rows with deleted words, %d with inserted; want some of each", deleted, inserted)
	}
	if a := u.app.Preferences().Int(prefLeft); int64(a) != u.docs[us].ID {
		t.Errorf("remembered left document %d, want %d", a, u.docs[us].ID)
	}
}

func TestDroppedFileIsImportedAndDeleteUndoes(t *testing.T) {
	u := newTestUI(t, openStore(t, filepath.Join(t.TempDir(), "lib.db"), false))
	path := filepath.Join(t.TempDir(), "plan.md")
	src := "---\nparty: Ukraine\ntitle: Dropped plan\ndate: 2025-08-01\nkind: proposal\n---\n1. Ceasefire along the line of contact.\n2. Exchange of all prisoners.\n"
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	onUI(func() { u.importURIs([]fyne.URI{fstorage.NewFileURI(path)}) })
	waitFor(t, "the dropped document", func() bool { return len(u.docs) == 1 })
	id := u.docs[0].ID
	onUI(func() { u.deleteNow(id) })
	waitFor(t, "the deletion", func() bool { return len(u.docs) == 0 })
	onUI(func() { u.undoLast() })
	waitFor(t, "the undone deletion", func() bool { return len(u.docs) == 1 })
	d, err := u.store.Document(context.Background(), id)
	if err != nil || d.Title != "Dropped plan" || len(d.Provisions) != 2 {
		t.Errorf("restored %+v (%v)", d, err)
	}
	// The same file again is a duplicate: an error dialog, nothing added.
	onUI(func() { u.importURIs([]fyne.URI{fstorage.NewFileURI(path)}) })
	waitFor(t, "the duplicate error", func() bool { return u.status.Text == "Importing failed" })
	if len(u.docs) != 1 {
		t.Errorf("%d documents after importing a duplicate, want 1", len(u.docs))
	}
}

func TestFollowTimeline(t *testing.T) {
	u := newTestUI(t, openStore(t, filepath.Join(t.TempDir(), "lib.db"), true))
	waitFor(t, "the comparison", func() bool { return u.cmp != nil })
	left := u.leftID
	onUI(func() { test.Tap(u.follow) })
	onUI(func() { u.SetAsOf("2025-12-31") })
	waitFor(t, "the documents as of the end of 2025", func() bool {
		return u.cmp.Right.Date == "2025-12-24"
	})
	if u.cmp.Left.ID != left {
		t.Errorf("left became %s; the Russian memorandum is still Russia's latest", u.cmp.Left.Title)
	}
	if !u.cmp.Right.HasParty("Ukraine") {
		t.Errorf("right is %s of %s, want Ukraine's latest document", u.cmp.Right.Title, u.cmp.Right.Party())
	}
}

func TestRowRendersToMarkup(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(NewTheme())
	r := newRowItem()
	w := test.NewTempWindow(t, r)
	w.Resize(fyne.NewSize(800, 200))
	rows := buildRows(sampleComparison(), nil)
	r.set(&rows[1])
	test.AssertObjectRendersToMarkup(t, "row_paired.xml", r)
}

func TestEmptyLibraryOffersTheSample(t *testing.T) {
	u := newTestUI(t, openStore(t, filepath.Join(t.TempDir(), "lib.db"), false))
	waitFor(t, "the empty library", func() bool { return u.status.Text == "" && !u.library.sample.Hidden })
	onUI(func() { test.Tap(u.library.sample) })
	waitFor(t, "the sample comparison", func() bool { return u.cmp != nil })
	if !u.library.sample.Hidden {
		t.Error("the sample button is still shown over a full library")
	}
}

func TestF8StepsThroughDifferencesWhileTheListHasFocus(t *testing.T) {
	u := newTestUI(t, openStore(t, filepath.Join(t.TempDir(), "lib.db"), true))
	waitFor(t, "the comparison", func() bool { return u.cmp != nil })
	onUI(func() {
		u.win.Canvas().Focus(u.rows.list)
		u.rows.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF8})
	})
	first := u.rows.selected
	if first < 0 || !u.rows.selectedRow().Different {
		t.Fatalf("F8 selected row %d, want the first difference", first)
	}
	onUI(func() { u.rows.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF8}) })
	second := u.rows.selected
	if second <= first {
		t.Fatalf("second F8 selected row %d after %d", second, first)
	}
	onUI(func() {
		u.rows.list.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		u.rows.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF8})
		u.rows.list.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	})
	if u.rows.selected != first {
		t.Errorf("Shift+F8 selected row %d, want %d", u.rows.selected, first)
	}
}
