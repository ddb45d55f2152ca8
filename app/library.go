package app

import (
	"context"
	"fmt"
	"image/color"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"counterpart/compare"
	"counterpart/storage"
)

// libraryTree is the side bar's tree as plain data: a party node per party,
// under it the party's documents by date and a statements node.
type libraryTree struct {
	children map[string][]string // node ID → child IDs; "" is the root
	labels   map[string]string
	colours  map[string]string // party node ID → colour
	docOf    map[string]int64  // document node ID → document ID
	partyOf  map[string]string // statements node ID → party name
}

// buildLibraryTree arranges parties, documents (metadata) and statements.
func buildLibraryTree(parties []compare.Party, docs []compare.Document, stmts []compare.Statement) *libraryTree {
	t := &libraryTree{children: map[string][]string{}, labels: map[string]string{}, colours: map[string]string{},
		docOf: map[string]int64{}, partyOf: map[string]string{}}
	count := map[string]int{}
	for _, s := range stmts {
		count[s.Party]++
	}
	sorted := append([]compare.Document(nil), docs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Date < sorted[j].Date })
	for _, p := range parties {
		pid := "p:" + p.Name
		var kids []string
		for _, d := range sorted {
			if !d.HasParty(p.Name) {
				continue
			}
			id := fmt.Sprintf("d:%d:%s", d.ID, p.Name)
			t.labels[id] = fmt.Sprintf("%s · %s · %s", d.Date, d.Kind, d.Title)
			t.docOf[id] = d.ID
			kids = append(kids, id)
		}
		if n := count[p.Name]; n > 0 {
			id := "s:" + p.Name
			t.labels[id] = fmt.Sprintf("Statements (%d)", n)
			t.partyOf[id] = p.Name
			kids = append(kids, id)
		}
		if len(kids) == 0 {
			continue
		}
		t.children[""] = append(t.children[""], pid)
		t.children[pid] = kids
		t.labels[pid] = p.Name
		t.colours[pid] = p.Colour
	}
	return t
}

// libraryPanel is the side bar: search box, party tree or search results,
// and the actions on the selected document.
type libraryPanel struct {
	widget.BaseWidget
	u       *UI
	tree    *widget.Tree
	data    *libraryTree
	search  *widget.Entry
	results *widget.List
	hits    []storage.Hit
	query   string
	found   Latest[searchResult]
	body    *fyne.Container
	docID   int64 // the selected document, 0 for none
	stmts   []compare.Statement

	asLeft, asRight, edit, remove *widget.Button
	sample                        *widget.Button // shown while the library is empty
}

type searchResult struct {
	query string
	hits  []storage.Hit
	err   error
}

func newLibraryPanel(u *UI) *libraryPanel {
	p := &libraryPanel{u: u, data: buildLibraryTree(nil, nil, nil)}
	p.tree = widget.NewTree(
		func(id widget.TreeNodeID) []widget.TreeNodeID { return p.data.children[id] },
		func(id widget.TreeNodeID) bool { return id == "" || strings.HasPrefix(id, "p:") },
		func(branch bool) fyne.CanvasObject {
			sw := canvas.NewRectangle(color.Transparent)
			sw.SetMinSize(fyne.NewSize(12, 12))
			sw.CornerRadius = 3
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, container.NewCenter(sw), nil, l)
		},
		func(id widget.TreeNodeID, branch bool, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			var label *widget.Label
			var sw *canvas.Rectangle
			for _, obj := range c.Objects {
				switch v := obj.(type) {
				case *widget.Label:
					label = v
				case *fyne.Container:
					sw, _ = v.Objects[0].(*canvas.Rectangle)
				}
			}
			label.SetText(p.data.labels[id])
			label.TextStyle.Bold = branch
			if sw != nil {
				sw.FillColor = parseColour(p.data.colours[id])
				sw.Hidden = !branch
				sw.Refresh()
			}
		})
	p.tree.OnSelected = p.selected
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("Search provisions and statements (Ctrl+F)")
	p.search.OnChanged = p.searchChanged
	p.results = widget.NewList(
		func() int { return len(p.hits) },
		func() fyne.CanvasObject { return newHitItem() },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*hitItem).set(p.hits[id]) })
	p.results.OnSelected = func(id widget.ListItemID) {
		p.openHit(p.hits[id])
		p.results.UnselectAll()
	}
	p.asLeft = widget.NewButton("Compare as left", func() { p.compareAs(0) })
	p.asRight = widget.NewButton("Compare as right", func() { p.compareAs(1) })
	p.edit = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() { u.editDocument(p.docID) })
	p.remove = widget.NewButtonWithIcon("Delete…", theme.DeleteIcon(), func() { u.deleteDocument(p.docID) })
	p.sample = widget.NewButtonWithIcon("Load the sample library", theme.DownloadIcon(), u.loadSample)
	p.sample.Importance = widget.HighImportance
	p.body = container.NewStack(p.tree)
	p.refreshButtons()
	p.ExtendBaseWidget(p)
	return p
}

func (p *libraryPanel) CreateRenderer() fyne.WidgetRenderer {
	title := widget.NewLabelWithStyle("Library", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	actions := container.NewVBox(p.sample, container.NewGridWithColumns(2, p.asLeft, p.asRight, p.edit, p.remove))
	return widget.NewSimpleRenderer(container.NewBorder(container.NewVBox(title, p.search), actions, nil, nil, p.body))
}

// show replaces the tree's content.
func (p *libraryPanel) show(parties []compare.Party, docs []compare.Document, snap *Snapshot) {
	if snap != nil {
		p.stmts = snap.Statements
	}
	p.data = buildLibraryTree(parties, docs, p.stmts)
	p.sample.Hidden = len(docs) > 0
	p.sample.Refresh()
	p.tree.Refresh()
	p.tree.OpenAllBranches()
	if p.u.doc(p.docID) == nil {
		p.docID = 0
	}
	p.refreshButtons()
}

// loadSample imports the sample library (the 2025 documents and statements).
func (u *UI) loadSample() {
	u.say("Loading the sample library…")
	u.runStore("Loading the sample library", func(ctx context.Context) error {
		return u.store.LoadSample(ctx)
	}, func() {
		u.say("Loaded the sample library")
		u.reload()
	})
}

func (p *libraryPanel) selected(id widget.TreeNodeID) {
	if d, ok := p.data.docOf[id]; ok {
		p.docID = d
		p.refreshButtons()
		return
	}
	if party, ok := p.data.partyOf[id]; ok {
		p.showStatements(party)
	}
	p.tree.Unselect(id)
}

func (p *libraryPanel) refreshButtons() {
	for _, b := range []*widget.Button{p.asLeft, p.asRight, p.edit, p.remove} {
		if p.docID == 0 {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

func (p *libraryPanel) compareAs(side int) {
	if p.docID == 0 {
		return
	}
	l, r := p.u.leftID, p.u.rightID
	if side == 0 {
		l = p.docID
	} else {
		r = p.docID
	}
	if l == 0 || r == 0 {
		l, r = p.docID, p.docID
	}
	p.u.tabs.SelectIndex(0)
	p.u.SetDocuments(l, r)
}

// showStatements lists a party's statements in a dialog.
func (p *libraryPanel) showStatements(party string) {
	var b strings.Builder
	for _, s := range p.stmts {
		if s.Party == party {
			fmt.Fprintf(&b, "%s — %s:\n%s\n\n", s.Date, s.Speaker, s.Text)
		}
	}
	text := widget.NewLabel(b.String())
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(560, 420))
	dialog.NewCustom("Statements: "+party, "Close", scroll, p.u.win).Show()
}

func (p *libraryPanel) focusSearch() {
	p.u.win.Canvas().Focus(p.search)
}

// searchChanged searches after a short pause in typing, off the UI goroutine.
func (p *libraryPanel) searchChanged(q string) {
	q = strings.TrimSpace(q)
	p.query = q
	if q == "" {
		p.found.Stop()
		p.hits = nil
		p.body.Objects = []fyne.CanvasObject{p.tree}
		p.body.Refresh()
		return
	}
	p.found.Run(func(ctx context.Context) searchResult {
		select {
		case <-time.After(150 * time.Millisecond):
		case <-ctx.Done():
			return searchResult{}
		}
		hits, err := p.u.store.Search(ctx, q, 100)
		return searchResult{query: q, hits: hits, err: err}
	}, serialized(p.showHits))
}

func (p *libraryPanel) showHits(r searchResult) {
	if r.err != nil {
		p.u.showError("Searching", r.err)
		return
	}
	if r.query != p.query {
		return
	}
	p.hits = r.hits
	p.body.Objects = []fyne.CanvasObject{p.results}
	p.body.Refresh()
	p.results.Refresh()
	p.u.say("%d results for “%s”", len(r.hits), r.query)
}

// openHit opens a search result: a provision in the compare view, a
// statement in a dialog.
func (p *libraryPanel) openHit(h storage.Hit) {
	if h.DocumentID != 0 {
		p.u.openProvision(h.DocumentID, h.Label)
		return
	}
	for _, s := range p.stmts {
		if s.ID == h.StatementID {
			text := widget.NewLabel(fmt.Sprintf("%s — %s (%s)\n\n%s\n\n%s", s.Date, s.Speaker, s.Party, s.Text, s.Source))
			text.Wrapping = fyne.TextWrapWord
			c := container.NewVScroll(text)
			c.SetMinSize(fyne.NewSize(520, 260))
			dialog.NewCustom("Statement", "Close", c, p.u.win).Show()
			return
		}
	}
}

// hitItem is one search result in the side bar: a bold title line and the
// matching passage.
type hitItem struct {
	widget.BaseWidget
	title, snippet *widget.Label
}

func newHitItem() *hitItem {
	h := &hitItem{title: widget.NewLabel(""), snippet: widget.NewLabel("")}
	h.title.TextStyle.Bold = true
	h.title.Truncation = fyne.TextTruncateEllipsis
	h.snippet.Truncation = fyne.TextTruncateEllipsis
	h.ExtendBaseWidget(h)
	return h
}

func (h *hitItem) set(hit storage.Hit) {
	h.title.SetText(hitTitle(hit))
	h.snippet.SetText(plainSnippet(hit.Snippet))
}

func (h *hitItem) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(h.title, h.snippet))
}

func hitTitle(h storage.Hit) string {
	if h.DocumentID != 0 {
		return fmt.Sprintf("%s %s — %s (%s)", h.Label, h.Title, h.Party, h.Date)
	}
	return fmt.Sprintf("%s, %s (%s)", h.Title, h.Party, h.Date)
}

// plainSnippet removes the match markers from a snippet.
func plainSnippet(s string) string {
	s = strings.ReplaceAll(s, storage.MatchStart, "")
	return strings.ReplaceAll(s, storage.MatchEnd, "")
}

// parseColour reads "#RRGGBB", grey if it cannot.
func parseColour(s string) color.Color {
	s = strings.TrimPrefix(s, "#")
	if len(s) != 6 {
		return color.NRGBA{0x99, 0x99, 0x99, 0xFF}
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return color.NRGBA{0x99, 0x99, 0x99, 0xFF}
	}
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xFF}
}
