package app

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"counterpart/compare"
)

func startPresentation(t *testing.T, in PresentationInput) (*Presentation, *int) {
	t.Helper()
	a := test.NewTempApp(t)
	closed := new(int)
	in.OnClose = func() { *closed++ }
	p := ShowPresentation(a, in)
	t.Cleanup(func() {
		if !p.closed {
			p.Close()
		}
	})
	p.Window().Resize(fyne.NewSize(1920, 1080))
	return p, closed
}

func press(p *Presentation, keys ...fyne.KeyName) {
	for _, k := range keys {
		p.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k})
	}
}

func TestPresentationKeys(t *testing.T) {
	snap := corpusSnapshot(t)
	p, closed := startPresentation(t, PresentationInput{Snapshot: snap, At: "2025-06-02", PartyA: ukraine, PartyB: russia, Row: 2})
	if !p.Window().FullScreen() {
		t.Error("the presentation window is not full screen")
	}
	rows := len(p.rows.rows)
	if rows < 3 {
		t.Fatalf("Ukraine and Russia on 2 June 2025 align into %d rows", rows)
	}
	type state struct {
		at    compare.Date
		mode  PresentationMode
		index int
	}
	tests := []struct {
		key  fyne.KeyName
		want state
	}{
		{"", state{"2025-06-02", PresentRows, 2}},
		{fyne.KeyDown, state{"2025-06-02", PresentRows, 3}},
		{fyne.KeyUp, state{"2025-06-02", PresentRows, 2}},
		{fyne.KeyRight, state{"2025-06-04", PresentRows, 2}}, // next event: a statement
		{fyne.KeyLeft, state{"2025-06-02", PresentRows, 2}},
		{fyne.KeyLeft, state{"2025-05-28", PresentRows, 2}}, // Russia silent: Ukraine's provisions alone
		{fyne.KeyHome, state{"2025-05-28", PresentRows, 0}},
		{fyne.KeyUp, state{"2025-05-28", PresentRows, 0}}, // stops at the first row
		{fyne.KeyPageDown, state{"2025-05-28", PresentRows, 1}},
		{"X", state{"2025-05-28", PresentRows, 1}}, // other keys do nothing
	}
	for _, tt := range tests {
		if tt.key != "" {
			press(p, tt.key)
		}
		at, mode, index := p.State()
		if got := (state{at, mode, index}); got != tt.want {
			t.Errorf("after %q: state %v, want %v", tt.key, got, tt.want)
		}
	}

	// T switches to the topic of the row shown, and back to its first row.
	topic := p.rows.rows[1].topic
	press(p, fyne.KeyT)
	_, mode, index := p.State()
	if mode != PresentTopics || p.matrix.topics[index] != topic {
		t.Errorf("T: mode %s showing %s, want %s showing %s", mode, p.matrix.topics[index], PresentTopics, topic)
	}
	press(p, fyne.KeyDown)
	if _, _, i := p.State(); i != index+1 {
		t.Errorf("↓ in topic mode: topic %d, want %d", i, index+1)
	}
	press(p, fyne.KeyRight, fyne.KeyRight) // the topic stays while the date moves
	if at, _, i := p.State(); at != "2025-06-04" || i != index+1 {
		t.Errorf("→ → in topic mode: %s topic %d, want 2025-06-04 topic %d", at, i, index+1)
	}
	press(p, fyne.KeyT)
	if _, mode, i := p.State(); mode != PresentRows || p.rows.rows[i].topic != p.matrix.topics[index+1] {
		t.Errorf("T back: mode %s row %d, want the first row on %s", mode, i, p.matrix.topics[index+1])
	}

	press(p, fyne.KeyEscape)
	if *closed != 1 {
		t.Errorf("Esc called OnClose %d times, want once", *closed)
	}
	press(p, fyne.KeyF11)
	if *closed != 1 {
		t.Errorf("a key after closing called OnClose again (%d)", *closed)
	}
}

func TestPresentationShowsRowAndDate(t *testing.T) {
	snap := corpusSnapshot(t)
	p, _ := startPresentation(t, PresentationInput{Snapshot: snap, At: "2025-12-24", PartyA: usa, PartyB: "E3 (United Kingdom, France, Germany)"})
	// The E3 answered the 28-point plan; on 24 December the US position is
	// the 20-point framework. Find a paired row and check both texts show.
	paired := -1
	for i, r := range p.rows.rows {
		if r.kind == compare.Paired {
			paired = i
			break
		}
	}
	if paired < 0 {
		t.Fatal("no paired row between the 20-point framework and the E3 counter-proposal")
	}
	press(p, fyne.KeyHome)
	for range paired {
		press(p, fyne.KeyDown)
	}
	text := visibleText(p.Window().Content())
	for _, want := range []string{"24 December 2025", usa, "E3 (United Kingdom, France, Germany)",
		"Row " + strconv.Itoa(paired+1) + " of " + strconv.Itoa(len(p.rows.rows))} {
		if !strings.Contains(text, want) {
			t.Errorf("screen lacks %q:\n%s", want, text)
		}
	}
	// Highlighted words carry the diff colours and the text size is large.
	var big, deleted, inserted bool
	walk(p.Window().Content(), fyne.Position{}, func(o fyne.CanvasObject, _ fyne.Position) {
		if ct, ok := o.(*canvas.Text); ok {
			if ct.TextSize >= 30 {
				big = true
			}
			switch ct.Color {
			case presentColor(presentDeleted):
				deleted = deleted || ct.TextStyle.Italic
			case presentColor(presentInserted):
				inserted = inserted || ct.TextStyle.Bold
			}
		}
	})
	if !big {
		t.Error("no text on the presentation is at least 30 points")
	}
	if !deleted || !inserted {
		t.Errorf("the paired row shows deleted words %v, inserted words %v; want both highlighted", deleted, inserted)
	}
}

func TestPresentationWithoutDocuments(t *testing.T) {
	snap := corpusSnapshot(t)
	p, _ := startPresentation(t, PresentationInput{Snapshot: snap, At: "2025-05-16", PartyA: ukraine, PartyB: russia})
	if n := len(p.rows.rows); n != 0 {
		t.Errorf("before any document: %d rows", n)
	}
	press(p, fyne.KeyDown, fyne.KeyT, fyne.KeyDown)
	if at, _, index := p.State(); at != "2025-05-16" || index != 0 {
		t.Errorf("keys on an empty presentation: %s %d", at, index)
	}
	if text := visibleText(p.Window().Content()); !strings.Contains(text, "16 May 2025") {
		t.Errorf("screen lacks the date:\n%s", text)
	}
}
