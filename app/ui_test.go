package app

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"counterpart/compare"
	"counterpart/storage"
)

// openStore opens a library file in dir, loading the sample if asked.
func openStore(t *testing.T, path string, sample bool) *storage.Store {
	t.Helper()
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if sample {
		if err := s.LoadSample(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// newTestUI builds the main window over s in the test app.
func newTestUI(t *testing.T, s *storage.Store) *UI {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	var u *UI
	onUI(func() {
		u = New(a, w, s)
		w.Resize(fyne.NewSize(1400, 900))
	})
	return u
}

// onUI runs fn as the UI goroutine would: holding uiMu, so that no result
// arrives while it runs.
func onUI(fn func()) {
	uiMu.Lock()
	defer uiMu.Unlock()
	fn()
}

// waitFor polls cond until it holds or fails the test after a while.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		done := false
		onUI(func() { done = cond() })
		if done {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

// rowWith returns the visible row index holding the label on side, or -1.
func rowWith(u *UI, side int, label string) int { return u.rows.model.find(side, label) }

func TestOpensOnTheTwoMemoranda(t *testing.T) {
	u := newTestUI(t, openStore(t, filepath.Join(t.TempDir(), "lib.db"), true))
	waitFor(t, "the comparison", func() bool { return u.cmp != nil })
	if !u.cmp.Left.HasParty("Russian Federation") || u.cmp.Left.Kind != compare.Memorandum {
		t.Errorf("left is %s of %s, want the Russian memorandum", u.cmp.Left.Title, u.cmp.Left.Party())
	}
	if !u.cmp.Right.HasParty("Ukraine") || u.cmp.Right.Kind != compare.Memorandum {
		t.Errorf("right is %s of %s, want the Ukrainian memorandum", u.cmp.Right.Title, u.cmp.Right.Party())
	}
	m := u.rows.model
	if m.len() != len(u.cmp.Rows) {
		t.Fatalf("%d rows visible, want all %d", m.len(), len(u.cmp.Rows))
	}
	var twoSided, marked, oneSided int
	for i := 0; i < m.len(); i++ {
		v := m.at(i)
		switch v.Kind {
		case compare.Paired, compare.Unrelated:
			twoSided++
			if spanText(v.Left, sharedSpan)+spanText(v.Left, deletedSpan)+spanText(v.Right, insertedSpan) != "" {
				marked++
			}
		case compare.LeftOnly, compare.RightOnly:
			oneSided++
			if v.Left != nil && v.Right != nil {
				t.Errorf("one-sided row %d has two cells", i)
			}
		}
	}
	if twoSided == 0 || marked == 0 || oneSided == 0 {
		t.Errorf("two-sided %d, with marked words %d, one-sided %d; want some of each", twoSided, marked, oneSided)
	}

	// Filters: only one-sided rows, then the next difference from the top.
	onUI(func() { u.statusPick.SetSelectedIndex(int(OneSidedOnly)) })
	if m.len() != oneSided {
		t.Errorf("one-sided filter shows %d rows, want %d", m.len(), oneSided)
	}
	onUI(func() { u.statusPick.SetSelectedIndex(int(AllRows)) })
	onUI(func() { u.step(1) })
	if sel := u.rows.selectedRow(); sel == nil || !sel.Different {
		t.Errorf("next difference selected %+v, want a differing row", sel)
	}
	onUI(func() { u.Swap() })
	waitFor(t, "the swapped comparison", func() bool { return u.cmp.Left.HasParty("Ukraine") })

	// The E3 counter-proposal revises the US plan: word diffs inline.
	var us, e3 int64
	for _, d := range u.docs {
		switch d.Kind {
		case compare.Proposal:
			us = d.ID
		case compare.CounterProposal:
			e3 = d.ID
		}
	}
	onUI(func() { u.SetDocuments(us, e3) })
	waitFor(t, "the US plan and the E3 counter-proposal", func() bool { return u.cmp.Left.ID == us && u.cmp.Right.ID == e3 })
	deleted, inserted := highlightedRows(u)
	if deleted == 0 || inserted == 0 {
		t.Errorf("US plan vs E3: %d rows with deleted words, %d with inserted; want some of each", deleted, inserted)
	}
}

func TestPasteFormImportsADocument(t *testing.T) {
	u := newTestUI(t, openStore(t, filepath.Join(t.TempDir(), "lib.db"), false))
	var p *pasteDialog
	onUI(func() { p = u.newPasteDialog() })
	onUI(func() { test.Type(p.party, "Ukraine") })
	onUI(func() { test.Type(p.title, "Тестовий план") })
	onUI(func() { test.Type(p.date, "2025-07-01") })
	onUI(func() {
		test.Type(p.text, "1. Повне припинення вогню.\n2. Обмін усіх полонених.\n   a) дітей повернути.")
	})
	if len(p.provisions) != 3 || p.provisions[2].Label != "2.a" {
		t.Fatalf("preview %+v, want provisions 1, 2, 2.a", p.provisions)
	}
	if !strings.Contains(p.previewInfo.Text, "3 provisions") {
		t.Errorf("preview says %q", p.previewInfo.Text)
	}
	onUI(func() { u.savePasted(p) })
	waitFor(t, "the pasted document in the library", func() bool {
		return len(u.docs) == 1 && u.docs[0].Title == "Тестовий план"
	})
	doc, err := u.store.Document(context.Background(), u.docs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Provisions) != 3 || doc.Provisions[1].Text != "Обмін усіх полонених." {
		t.Errorf("stored provisions %+v", doc.Provisions)
	}
	if len(u.library.data.children[""]) != 1 {
		t.Errorf("library tree parties %v, want Ukraine", u.library.data.children[""])
	}
}

func TestManualAlignmentPersists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lib.db")
	s := openStore(t, path, true)
	u := newTestUI(t, s)
	waitFor(t, "the comparison", func() bool { return u.cmp != nil })

	// Split the first paired row.
	var left, right string
	for i := 0; i < u.rows.model.len(); i++ {
		if v := u.rows.model.at(i); len(v.LeftLabels) == 1 && len(v.RightLabels) == 1 {
			left, right = v.LeftLabels[0], v.RightLabels[0]
			onUI(func() { u.rows.selectRow(i) })
			break
		}
	}
	if left == "" {
		t.Fatal("no two-sided row to split")
	}
	old := u.cmp
	onUI(func() { u.decide(compare.Split) })
	waitFor(t, "the split", func() bool { return u.cmp != old })
	if i, j := rowWith(u, 0, left), rowWith(u, 1, right); i == j {
		t.Fatalf("after the split %s and %s are still on row %d", left, right, i)
	}

	// Pair the left provision with the right one again by hand.
	onUI(func() { u.rows.selectRow(rowWith(u, 0, left)) })
	onUI(func() { u.mark() })
	onUI(func() { u.rows.selectRow(rowWith(u, 1, right)) })
	old = u.cmp
	onUI(func() { u.decide(compare.Pair) })
	waitFor(t, "the pair", func() bool { return u.cmp != old })
	i := rowWith(u, 0, left)
	if i < 0 || i != rowWith(u, 1, right) || !u.rows.model.at(i).Manual {
		t.Fatalf("after pairing, %s is on row %d and %s on row %d; want one manual row", left, i, right, rowWith(u, 1, right))
	}

	// A new window over the same file shows the manual pair.
	u2 := newTestUI(t, openStore(t, path, false))
	waitFor(t, "the comparison in the new window", func() bool { return u2.cmp != nil })
	i = rowWith(u2, 0, left)
	if i < 0 || i != rowWith(u2, 1, right) || !u2.rows.model.at(i).Manual {
		t.Errorf("new window: %s on row %d, %s on row %d; want one manual row", left, i, right, rowWith(u2, 1, right))
	}

	// Undo takes the pair back in the first window.
	old = u.cmp
	onUI(func() { u.undoLast() })
	waitFor(t, "the undo", func() bool { return u.cmp != old })
	if i, j := rowWith(u, 0, left), rowWith(u, 1, right); i == j {
		t.Errorf("after undo %s and %s are still on row %d", left, right, i)
	}
	ds, err := s.Decisions(context.Background(), u.leftID, u.rightID)
	if err != nil || len(ds) != 1 || ds[0].Kind != compare.Split {
		t.Errorf("decisions after undo %+v (%v), want the split only", ds, err)
	}
}

func TestSearchOpensTheProvision(t *testing.T) {
	u := newTestUI(t, openStore(t, filepath.Join(t.TempDir(), "lib.db"), true))
	waitFor(t, "the comparison", func() bool { return u.cmp != nil })
	onUI(func() { test.Type(u.library.search, "prisoners") })
	waitFor(t, "search results", func() bool { return len(u.library.hits) > 0 })
	var hit *storage.Hit
	for i := range u.library.hits {
		if h := u.library.hits[i]; h.DocumentID == u.rightID {
			hit = &h
			break
		}
	}
	if hit == nil {
		t.Fatalf("no hit in the right document among %+v", u.library.hits)
	}
	onUI(func() { u.library.openHit(*hit) })
	sel := u.rows.selectedRow()
	if sel == nil || !slices.Contains(sel.RightLabels, hit.Label) {
		t.Errorf("selected row %+v, want the one with %s on the right", sel, hit.Label)
	}
}

func TestNotesShowUnderTheRow(t *testing.T) {
	u := newTestUI(t, openStore(t, filepath.Join(t.TempDir(), "lib.db"), true))
	waitFor(t, "the comparison", func() bool { return u.cmp != nil })
	v := u.rows.model.at(0)
	n := rowNoteTarget(v, u.leftID, u.rightID, false)
	n.Text = "Compare with the E3 text."
	if _, err := u.store.AddNote(context.Background(), n); err != nil {
		t.Fatal(err)
	}
	old := u.cmp
	onUI(func() { u.recompute() })
	waitFor(t, "the recomputed view", func() bool { return u.cmp != old })
	got := u.rows.model.at(0).Notes
	if len(got) != 1 || got[0].Text != n.Text {
		t.Errorf("notes on the first row: %+v", got)
	}
	if h := rowHeight(u.rows.model.at(0), 1000); h <= rowHeight(v, 1000) {
		t.Errorf("row with a note is %v high, without %v; the note must take room", h, rowHeight(v, 1000))
	}
}

// highlightedRows counts the shown rows with deleted words on the left and
// with inserted words on the right.
func highlightedRows(u *UI) (deleted, inserted int) {
	for i := 0; i < u.rows.model.len(); i++ {
		v := u.rows.model.at(i)
		if spanText(v.Left, deletedSpan) != "" {
			deleted++
		}
		if spanText(v.Right, insertedSpan) != "" {
			inserted++
		}
	}
	return deleted, inserted
}
