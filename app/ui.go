package app

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"counterpart/compare"
	"counterpart/storage"
)

// Preference keys of the main window.
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
	prefLeft   = "compare.left"
	prefRight  = "compare.right"
)

// Default window size.
const (
	defaultWidth  = 1400
	defaultHeight = 900
)

// UI is Counterpart's main window: the library side bar on the left and the
// compare view, topic matrix and statements on the right.
type UI struct {
	app   fyne.App
	win   fyne.Window
	store *storage.Store

	// Library state, replaced as a whole by reload.
	parties []compare.Party
	docs    []compare.Document // metadata only
	snap    *Snapshot

	library *libraryPanel
	rows    *compareList
	undo    undoStack

	leftPick, rightPick *widget.Select
	topicPick           *widget.Select
	statusPick          *widget.Select
	demands             *widget.Check
	follow              *widget.Check
	status              *widget.Label
	timeline            *TimelineBar
	matrix              *Matrix
	statements          *StatementsPanel
	tabs                *container.AppTabs
	actions             map[string]*widget.Button

	leftID, rightID int64
	cmp             *compare.Comparison // the comparison shown, nil while none is
	notes           []compare.Note      // notes on the two documents shown
	marked          *rowView            // a row marked as one end of a manual pair
	pendingLabel    string              // provision to select once the comparison arrives
	pendingSide     int
	syncing         bool // widgets are being set from code: ignore their callbacks
	presentOnLoad   bool // Present was called before the library loaded

	loads   Latest[loaded]
	compute Latest[computed]
}

// loaded is the library as reload reads it.
type loaded struct {
	parties []compare.Party
	docs    []compare.Document
	snap    *Snapshot
	err     error
}

// computed is one comparison with its notes, ready to show.
type computed struct {
	left, right int64
	cmp         *compare.Comparison
	notes       []compare.Note
	model       *rowModel
	err         error
}

// New builds the main window's content on w (title "Counterpart") over the
// library s, applies the Counterpart theme and restores the window size.
func New(a fyne.App, w fyne.Window, s *storage.Store) *UI {
	a.Settings().SetTheme(NewTheme())
	u := &UI{app: a, win: w, store: s, actions: map[string]*widget.Button{}}
	w.SetTitle("Counterpart")
	u.leftID = int64(a.Preferences().Int(prefLeft))
	u.rightID = int64(a.Preferences().Int(prefRight))

	u.rows = newCompareList()
	u.rows.OnSelected = func(*rowView) { u.refreshActions() }
	u.library = newLibraryPanel(u)
	u.timeline = NewTimelineBar(u.timelineMoved)
	u.matrix = NewMatrix(func(doc int64, label string) { u.openProvision(doc, label) })
	u.statements = NewStatementsPanel()

	u.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Compare", theme.ViewRestoreIcon(), container.NewBorder(u.compareBars(), nil, nil, nil, u.rows)),
		container.NewTabItemWithIcon("Topic matrix", theme.GridIcon(), u.matrix),
		container.NewTabItemWithIcon("Statements", theme.DocumentIcon(), u.statements),
	)
	main := container.NewBorder(container.NewVBox(u.toolbar(), u.timeline), u.statusBar(), nil, nil, u.tabs)
	split := container.NewHSplit(u.library, main)
	split.Offset = 0.24
	keeper := &sizeKeeper{prefs: a.Preferences(), content: split, armed: time.Now().Add(2 * time.Second)}
	keeper.ExtendBaseWidget(keeper)
	w.SetContent(keeper)
	w.Resize(fyne.NewSize(
		float32(a.Preferences().FloatWithFallback(prefWidth, defaultWidth)),
		float32(a.Preferences().FloatWithFallback(prefHeight, defaultHeight))))
	w.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { u.importURIs(uris) })
	u.addShortcuts()
	u.refreshActions()
	u.reload()
	return u
}

// Window returns the main window.
func (u *UI) Window() fyne.Window { return u.win }

// statusBar is the line at the bottom with the last message.
func (u *UI) statusBar() fyne.CanvasObject {
	u.status = widget.NewLabel("")
	u.status.Truncation = fyne.TextTruncateEllipsis
	return u.status
}

// say shows a short message in the status bar.
func (u *UI) say(format string, args ...any) { u.status.SetText(fmt.Sprintf(format, args...)) }

// Plain renders err for a person: one line, without the names of the
// packages that wrapped it on its way up ("ingest: ", "storage: ").
func Plain(err error) string {
	msg := err.Error()
	for _, tag := range []string{"ingest: ", "storage: ", "report: ", "compare: "} {
		msg = strings.ReplaceAll(msg, tag, "")
	}
	return strings.Join(strings.Fields(msg), " ")
}

// showError shows err in a dialog in words a user can read.
func (u *UI) showError(what string, err error) {
	if err == nil {
		return
	}
	msg := Plain(err)
	switch {
	case errors.Is(err, storage.ErrDuplicate):
		msg = "That document is already in the library.\n\n" + msg
	case errors.Is(err, storage.ErrNotFound):
		msg = "It is no longer in the library (perhaps deleted meanwhile).\n\n" + msg
	}
	d := dialog.NewError(fmt.Errorf("%s: %s", what, msg), u.win)
	d.Show()
	u.say("%s failed", what)
}

// reload reads parties, documents and the timeline snapshot off the UI
// goroutine and shows them; the compare view is recomputed if a side changed.
func (u *UI) reload() {
	u.loads.Run(func(ctx context.Context) loaded {
		var l loaded
		if l.parties, l.err = u.store.Parties(ctx); l.err != nil {
			return l
		}
		if l.docs, l.err = u.store.Documents(ctx); l.err != nil {
			return l
		}
		l.snap, l.err = LoadSnapshot(ctx, u.store)
		return l
	}, serialized(func(l loaded) {
		if l.err != nil {
			u.showError("Reading the library", l.err)
			return
		}
		u.parties, u.docs, u.snap = l.parties, l.docs, l.snap
		u.library.show(l.parties, l.docs, l.snap)
		u.timeline.SetSnapshot(l.snap)
		u.matrix.SetSnapshot(l.snap)
		u.matrix.SetDate(u.timeline.Date())
		u.statements.SetSnapshot(l.snap)
		u.statements.SetDate(u.timeline.Date())
		if u.doc(u.leftID) == nil || u.doc(u.rightID) == nil {
			u.leftID, u.rightID = defaultPair(u.docs)
		}
		u.refreshPickers()
		u.recompute()
		if u.presentOnLoad {
			u.presentOnLoad = false
			u.present()
		}
	}))
}

// defaultPair picks the documents a comparison opens on: the Russian (left)
// and Ukrainian (right) memoranda when present, else the two latest
// documents of different parties.
func defaultPair(docs []compare.Document) (left, right int64) {
	for _, d := range docs {
		if d.Kind != compare.Memorandum {
			continue
		}
		switch {
		case d.HasParty("Russian Federation") || d.HasParty("Russia"):
			left = d.ID
		case d.HasParty("Ukraine") && len(d.Parties) == 1:
			right = d.ID
		}
	}
	if left != 0 && right != 0 {
		return left, right
	}
	sorted := append([]compare.Document(nil), docs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Date > sorted[j].Date })
	for i := range sorted {
		for j := i + 1; j < len(sorted); j++ {
			if sorted[i].Party() != sorted[j].Party() {
				return sorted[j].ID, sorted[i].ID
			}
		}
	}
	if len(sorted) >= 2 {
		return sorted[1].ID, sorted[0].ID
	}
	return 0, 0
}

// doc returns the library document with id (metadata only), or nil.
func (u *UI) doc(id int64) *compare.Document {
	for i := range u.docs {
		if u.docs[i].ID == id {
			return &u.docs[i]
		}
	}
	return nil
}

// docName is how a document appears in the pickers.
func docName(d *compare.Document) string {
	return fmt.Sprintf("%s — %s (%s, #%d)", d.Party(), d.Title, d.Date, d.ID)
}

// SetDocuments shows the comparison of the documents left and right.
func (u *UI) SetDocuments(left, right int64) {
	u.leftID, u.rightID = left, right
	u.app.Preferences().SetInt(prefLeft, int(left))
	u.app.Preferences().SetInt(prefRight, int(right))
	u.refreshPickers()
	u.recompute()
}

// Swap exchanges the left and right documents.
func (u *UI) Swap() { u.SetDocuments(u.rightID, u.leftID) }

// recompute loads the two documents with their decisions and notes and
// aligns them off the UI goroutine; a newer request drops an older result.
func (u *UI) recompute() {
	left, right := u.leftID, u.rightID
	if left == 0 || right == 0 {
		u.cmp = nil
		u.rows.setModel(newRowModel(nil, nil))
		u.refreshActions()
		return
	}
	u.say("Aligning…")
	u.compute.Run(func(ctx context.Context) computed {
		c := computed{left: left, right: right}
		l, err := u.store.Document(ctx, left)
		if err != nil {
			c.err = err
			return c
		}
		r, err := u.store.Document(ctx, right)
		if err != nil {
			c.err = err
			return c
		}
		decisions, err := u.store.Decisions(ctx, left, right)
		if err != nil {
			c.err = err
			return c
		}
		if c.notes, c.err = u.store.Notes(ctx, left, right); c.err != nil {
			return c
		}
		c.cmp = compare.Compare(l, r, decisions)
		c.model = newRowModel(c.cmp, c.notes)
		return c
	}, serialized(func(c computed) {
		if c.err != nil {
			u.showError("Comparing the documents", c.err)
			return
		}
		u.cmp, u.notes = c.cmp, c.notes
		u.marked = nil
		u.rows.setModel(c.model)
		u.applyFilter()
		u.say("%s  ⇄  %s: %d rows", c.cmp.Left.Title, c.cmp.Right.Title, len(c.cmp.Rows))
		if u.pendingLabel != "" {
			if i := u.rows.model.find(u.pendingSide, u.pendingLabel); i >= 0 {
				u.rows.selectRow(i)
			}
			u.pendingLabel = ""
		}
		u.refreshActions()
	}))
}

// openProvision shows the provision label of document doc in the compare
// view: in place if the document is on a side, else as the left document.
func (u *UI) openProvision(doc int64, label string) {
	u.tabs.SelectIndex(0)
	side := -1
	switch doc {
	case u.leftID:
		side = 0
	case u.rightID:
		side = 1
	}
	if side >= 0 && u.cmp != nil && u.cmp.Left.ID == u.leftID && u.cmp.Right.ID == u.rightID {
		u.rows.setFilter(rowFilter{})
		u.resetFilterWidgets()
		if i := u.rows.model.find(side, label); i >= 0 {
			u.rows.selectRow(i)
		}
		return
	}
	if side < 0 {
		right := u.rightID
		if right == doc || right == 0 {
			right = u.leftID
		}
		u.pendingLabel, u.pendingSide = label, 0
		u.SetDocuments(doc, right)
		return
	}
	u.pendingLabel, u.pendingSide = label, side
}

// SetAsOf moves the timeline to d; with "follow timeline" on, the compare
// view shows the positions of the two sides' parties as of d.
func (u *UI) SetAsOf(d compare.Date) {
	u.timeline.SetDate(d)
	u.timelineMoved(d)
}

// timelineMoved follows the timeline to d.
func (u *UI) timelineMoved(d compare.Date) {
	u.matrix.SetDate(d)
	u.statements.SetDate(d)
	if u.follow == nil || !u.follow.Checked || u.snap == nil {
		return
	}
	l, r := u.doc(u.leftID), u.doc(u.rightID)
	if l == nil || r == nil || len(l.Parties) == 0 || len(r.Parties) == 0 {
		return
	}
	a, b := compare.Party{Name: l.Parties[0]}, compare.Party{Name: r.Parties[0]}
	if a.Name == b.Name && len(r.Parties) > 1 {
		b.Name = r.Parties[1]
	}
	pos := compare.PositionsAt([]compare.Party{a, b}, u.docs, d)
	if pos[0].Document == nil || pos[1].Document == nil {
		u.say("As of %s, %s or %s has no document yet", d, a.Name, b.Name)
		return
	}
	if pos[0].Document.ID != u.leftID || pos[1].Document.ID != u.rightID {
		u.SetDocuments(pos[0].Document.ID, pos[1].Document.ID)
	}
}

// Present opens the full-screen presentation on the current sides, row and
// timeline date (F5).
// Called before the library has loaded, it opens once it has.
func (u *UI) Present() {
	if u.snap == nil {
		u.presentOnLoad = true
		return
	}
	u.present()
}

// present opens the presentation window on the current sides and date.
func (u *UI) present() {
	if u.snap == nil {
		return
	}
	in := PresentationInput{Snapshot: u.snap, At: u.timeline.Date()}
	if l, r := u.doc(u.leftID), u.doc(u.rightID); l != nil && r != nil && len(l.Parties) > 0 && len(r.Parties) > 0 {
		in.PartyA, in.PartyB = l.Parties[0], r.Parties[0]
	}
	if u.rows.selected >= 0 {
		in.Row = u.rows.selected
	}
	ShowPresentation(u.app, in)
}

// addShortcuts binds the keyboard shortcuts of the main window.
func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	ctrl := func(k fyne.KeyName, fn func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { fn() })
	}
	ctrl(fyne.KeyO, u.importFile)
	ctrl(fyne.KeyF, u.library.focusSearch)
	ctrl(fyne.KeyE, u.exportPDF)
	ctrl(fyne.KeyRightBracket, func() { u.step(1) })
	ctrl(fyne.KeyLeftBracket, func() { u.step(-1) })
	ctrl(fyne.KeyZ, u.undoLast)
	ctrl(fyne.KeyN, u.editNote)
	for i, k := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3} {
		ctrl(k, func() { u.tabs.SelectIndex(i) }) // Compare, Topic matrix, Statements
	}
	shift := false
	if dc, ok := c.(desktop.Canvas); ok {
		dc.SetOnKeyDown(func(e *fyne.KeyEvent) {
			if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
				shift = true
			}
		})
		dc.SetOnKeyUp(func(e *fyne.KeyEvent) {
			if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
				shift = false
			}
		})
	}
	c.SetOnTypedKey(func(e *fyne.KeyEvent) { u.functionKey(e, shift) })
	u.rows.list.OnKey = u.functionKey
}

// functionKey handles F8 (next difference), Shift+F8 (previous) and F5
// (present), and reports whether the key was one of them.
func (u *UI) functionKey(e *fyne.KeyEvent, shift bool) bool {
	switch e.Name {
	case fyne.KeyF8:
		if shift {
			u.step(-1)
		} else {
			u.step(1)
		}
	case fyne.KeyF5:
		u.present()
	default:
		return false
	}
	return true
}

// step selects the next (dir > 0) or previous difference.
func (u *UI) step(dir int) {
	if !u.rows.step(dir) {
		u.say("No more differences in that direction")
	}
}

// uiMu serialises the callbacks that bring results back to the widgets. The
// desktop driver runs them all on the main goroutine anyway; the test driver
// runs each on the goroutine that calls fyne.Do, so tests take uiMu too.
var uiMu sync.Mutex

// serialized wraps a callback that updates widgets so that it holds uiMu.
func serialized[T any](fn func(T)) func(T) {
	return func(v T) {
		uiMu.Lock()
		defer uiMu.Unlock()
		fn(v)
	}
}

// doOnUI runs fn with the widgets, from any goroutine.
func doOnUI(fn func()) {
	fyne.Do(func() {
		uiMu.Lock()
		defer uiMu.Unlock()
		fn()
	})
}

// sizeKeeper remembers the window's size in the preferences whenever the
// window is laid out at a new size (Fyne does not expose the position).
type sizeKeeper struct {
	widget.BaseWidget
	prefs   fyne.Preferences
	content fyne.CanvasObject
	last    fyne.Size
	armed   time.Time // sizes before this are the window opening, not the user's choice
}

func (s *sizeKeeper) CreateRenderer() fyne.WidgetRenderer {
	return &sizeKeeperRenderer{s: s}
}

type sizeKeeperRenderer struct{ s *sizeKeeper }

func (r *sizeKeeperRenderer) Destroy()                     {}
func (r *sizeKeeperRenderer) MinSize() fyne.Size           { return r.s.content.MinSize() }
func (r *sizeKeeperRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.s.content} }
func (r *sizeKeeperRenderer) Refresh()                     { r.s.content.Refresh() }
func (r *sizeKeeperRenderer) Layout(size fyne.Size) {
	r.s.content.Resize(size)
	if size != r.s.last && time.Now().After(r.s.armed) && size.Width > 200 && size.Height > 200 {
		r.s.last = size
		r.s.prefs.SetFloat(prefWidth, float64(size.Width))
		r.s.prefs.SetFloat(prefHeight, float64(size.Height))
	}
}
