package app

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"counterpart/compare"
)

// cellTextLimit is how many characters of a provision a matrix cell shows.
const cellTextLimit = 120

// Movement says how a party's position on a topic moved with its latest
// document.
type Movement string

// The movements a matrix cell can show.
const (
	Steady  Movement = ""        // same provisions as the party's previous document, or its first document
	Changed Movement = "changed" // provisions on the topic added, dropped or rewritten
	Dropped Movement = "dropped" // the previous document addressed the topic, the latest does not
)

// matrixModel is the topic × party table as of a date: the view model the
// Matrix widget and the presentation's topic mode draw.
type matrixModel struct {
	at      compare.Date
	parties []compare.Party
	docs    []*compare.Document // per party: latest document on or before at, nil if none
	topics  []compare.Topic
	cells   [][]matrixCell // [topic][party]
}

// matrixCell is one party's position on one topic.
type matrixCell struct {
	doc        int64 // 0 when the party is silent on the topic
	provisions []cellProvision
	move       Movement
}

// cellProvision is a provision as a cell shows it.
type cellProvision struct {
	label string
	text  string // whole text; views ellipsise it
}

// otherTopic collects provisions tagged with no topic.
const otherTopic compare.Topic = ""

func matrixTopicTitle(t compare.Topic) string {
	if t == otherTopic {
		return "Other (no topic)"
	}
	return t.Title()
}

// buildMatrix computes the matrix of s as of at. Its rows are the topics any
// document of the library addresses (so they do not jump while the timeline
// moves); its columns are the parties that wrote a document.
func buildMatrix(s *Snapshot, at compare.Date) *matrixModel {
	m := &matrixModel{at: at, parties: s.Authors()}
	standings := compare.PositionsAt(m.parties, s.Documents, at)
	m.topics = libraryTopics(s.Documents)
	row := map[compare.Topic]int{}
	for i, t := range m.topics {
		row[t] = i
	}
	m.cells = make([][]matrixCell, len(m.topics))
	for i := range m.cells {
		m.cells[i] = make([]matrixCell, len(m.parties))
	}
	m.docs = make([]*compare.Document, len(m.parties))
	for j, st := range standings {
		m.docs[j] = st.Document
		if st.Document == nil {
			continue
		}
		for _, p := range st.Document.Provisions {
			for _, t := range provisionTopics(p) {
				c := &m.cells[row[t]][j]
				c.doc = st.Document.ID
				c.provisions = append(c.provisions, cellProvision{label: p.Label, text: p.Text})
			}
		}
		if st.Previous == nil {
			continue
		}
		moved := append(movedTopics(st.Previous, st.Document), st.TopicsAdded...)
		for _, t := range append(moved, st.TopicsDropped...) {
			i, ok := row[t]
			if !ok {
				continue
			}
			c := &m.cells[i][j]
			if c.doc != 0 {
				c.move = Changed
			} else {
				c.move = Dropped
			}
		}
	}
	return m
}

// movedTopics returns the topics on which cur's provisions differ from
// prev's: a provision added, dropped or reworded. Provisions are compared by
// their wording alone (case and spacing aside), so renumbering is not a
// move. This is cheap enough to run for every party on every timeline step;
// the statements panel aligns the two documents to say what moved how.
func movedTopics(prev, cur *compare.Document) []compare.Topic {
	texts := func(d *compare.Document) map[compare.Topic][]string {
		m := map[compare.Topic][]string{}
		for _, p := range d.Provisions {
			norm := strings.ToLower(strings.Join(strings.Fields(p.Text), " "))
			for _, t := range provisionTopics(p) {
				m[t] = append(m[t], norm)
			}
		}
		return m
	}
	a, b := texts(prev), texts(cur)
	var out []compare.Topic
	for _, t := range libraryTopics([]compare.Document{*prev, *cur}) {
		x, y := a[t], b[t]
		slices.Sort(x)
		slices.Sort(y)
		if !slices.Equal(x, y) {
			out = append(out, t)
		}
	}
	return out
}

// provisionTopics returns p's topics, or otherTopic when it has none.
func provisionTopics(p compare.Provision) []compare.Topic {
	if len(p.Topics) == 0 {
		return []compare.Topic{otherTopic}
	}
	return p.Topics
}

// libraryTopics returns the topics any provision of docs addresses, in
// taxonomy order, then otherTopic if some provision has no topic.
func libraryTopics(docs []compare.Document) []compare.Topic {
	set := map[compare.Topic]bool{}
	for i := range docs {
		for _, p := range docs[i].Provisions {
			for _, t := range provisionTopics(p) {
				set[t] = true
			}
		}
	}
	var out []compare.Topic
	for _, t := range compare.Topics {
		if set[t] {
			out = append(out, t)
			delete(set, t)
		}
	}
	other := set[otherTopic]
	delete(set, otherTopic)
	var rest []compare.Topic
	for t := range set {
		rest = append(rest, t)
	}
	sortTopicNames(rest)
	out = append(out, rest...)
	if other {
		out = append(out, otherTopic)
	}
	return out
}

func sortTopicNames(ts []compare.Topic) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && ts[j] < ts[j-1]; j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

// cellText writes a cell's provisions as the matrix shows them: each label
// and its text ellipsised to limit characters, one per line.
func (c matrixCell) cellText(limit int) string {
	if c.doc == 0 {
		if c.move == Dropped {
			return "silent now (dropped since its previous document)"
		}
		return ""
	}
	lines := make([]string, len(c.provisions))
	for i, p := range c.provisions {
		lines[i] = p.label + "  " + clipText(p.text, limit)
	}
	return strings.Join(lines, "\n")
}

// ellipsis cuts s to at most n runes, at a word boundary when one is near,
// and marks the cut with "…".
func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n - 1
	for i := cut; i > n*3/4; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:") + "…"
}

// Matrix shows where each party stands on each topic as of a date: topics
// down, parties across, each cell the party's provisions on the topic from
// its latest document, with a badge when they changed since the party's
// previous document, and empty when the party is silent. Tapping a cell opens
// its first provision.
type Matrix struct {
	widget.BaseWidget

	onOpen func(doc int64, label string)
	snap   *Snapshot
	model  *matrixModel
	table  *widget.Table
}

// Sizes of the matrix's cells.
const (
	matrixTopicWidth  = 220
	matrixColumnWidth = 340
	matrixRowHeight   = 128
)

// NewMatrix returns an empty matrix; onOpen is called with a document ID and
// a provision label when the user taps a cell that holds provisions.
func NewMatrix(onOpen func(doc int64, label string)) *Matrix {
	m := &Matrix{onOpen: onOpen, model: &matrixModel{}}
	m.table = widget.NewTable(m.size, func() fyne.CanvasObject { return newMatrixCellView() }, m.update)
	m.table.ShowHeaderRow = true
	m.table.ShowHeaderColumn = true
	m.table.CreateHeader = func() fyne.CanvasObject { return newMatrixHeader() }
	m.table.UpdateHeader = m.updateHeader
	m.table.OnSelected = func(id widget.TableCellID) {
		m.table.UnselectAll()
		m.open(id.Row, id.Col)
	}
	m.ExtendBaseWidget(m)
	m.table.SetColumnWidth(-1, matrixTopicWidth)
	return m
}

// SetSnapshot changes the library the matrix shows, at the current date.
func (m *Matrix) SetSnapshot(s *Snapshot) {
	m.snap = s
	m.SetDate(m.model.at)
}

// SetDate shows the matrix as of at.
func (m *Matrix) SetDate(at compare.Date) {
	if m.snap == nil {
		m.model = &matrixModel{at: at}
	} else {
		m.model = buildMatrix(m.snap, at)
	}
	m.show()
}

// show draws the current model.
func (m *Matrix) show() {
	for j := range m.model.parties {
		m.table.SetColumnWidth(j, matrixColumnWidth)
	}
	for i := range m.model.topics {
		m.table.SetRowHeight(i, matrixRowHeight)
	}
	m.table.Refresh()
}

// Date returns the date the matrix shows.
func (m *Matrix) Date() compare.Date { return m.model.at }

func (m *Matrix) open(row, col int) {
	if row < 0 || col < 0 || row >= len(m.model.topics) || col >= len(m.model.parties) {
		return
	}
	c := m.model.cells[row][col]
	if c.doc == 0 || len(c.provisions) == 0 || m.onOpen == nil {
		return
	}
	m.onOpen(c.doc, c.provisions[0].label)
}

func (m *Matrix) size() (int, int) { return len(m.model.topics), len(m.model.parties) }

func (m *Matrix) update(id widget.TableCellID, o fyne.CanvasObject) {
	v := o.(*matrixCellView)
	if id.Row >= len(m.model.topics) || id.Col >= len(m.model.parties) {
		v.set(matrixCell{}, nil)
		return
	}
	v.set(m.model.cells[id.Row][id.Col], m.snap.Colour(m.model.parties[id.Col].Name))
}

func (m *Matrix) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	h := o.(*matrixHeader)
	switch {
	case id.Row < 0 && id.Col >= 0 && id.Col < len(m.model.parties):
		p := m.model.parties[id.Col]
		sub := "no document yet"
		if d := m.model.docs[id.Col]; d != nil {
			sub = fmt.Sprintf("%s, %s", d.Title, DateWords(d.Date))
		}
		h.set(p.Name, sub, m.snap.Colour(p.Name))
	case id.Col < 0 && id.Row >= 0 && id.Row < len(m.model.topics):
		h.set(matrixTopicTitle(m.model.topics[id.Row]), "", nil)
	default:
		h.set("", "", nil)
	}
}

// CreateRenderer shows the table.
func (m *Matrix) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(m.table) }

// matrixCellView draws one cell: a party-coloured bar, a movement badge, the
// provisions, and an accent border when the position moved.
type matrixCellView struct {
	widget.BaseWidget
	bar    *canvas.Rectangle
	border *canvas.Rectangle
	badge  *canvas.Text
	text   *widget.Label
}

func newMatrixCellView() *matrixCellView {
	v := &matrixCellView{
		bar:    canvas.NewRectangle(color.Transparent),
		border: canvas.NewRectangle(color.Transparent),
		badge:  canvas.NewText("", theme.Color(theme.ColorNamePrimary)),
		text:   widget.NewLabel(""),
	}
	v.border.StrokeWidth = 2
	v.border.CornerRadius = 4
	v.badge.TextStyle = fyne.TextStyle{Bold: true}
	v.badge.TextSize = theme.CaptionTextSize()
	v.text.Wrapping = fyne.TextWrapWord
	v.text.Truncation = fyne.TextTruncateEllipsis
	v.ExtendBaseWidget(v)
	return v
}

func (v *matrixCellView) set(c matrixCell, party color.Color) {
	v.text.SetText(c.cellText(cellTextLimit))
	v.text.Importance = widget.MediumImportance
	if c.doc == 0 {
		v.text.Importance = widget.LowImportance
	}
	v.bar.FillColor = color.Transparent
	if c.doc != 0 && party != nil {
		v.bar.FillColor = legible(party, theme.Color(theme.ColorNameBackground))
	}
	v.badge.Text = strings.ToUpper(string(c.move))
	v.border.StrokeColor = color.Transparent
	if c.move == Changed || c.move == Dropped {
		v.border.StrokeColor = theme.Color(theme.ColorNamePrimary)
	}
	v.badge.Color = theme.Color(theme.ColorNamePrimary)
	v.Refresh()
}

func (v *matrixCellView) CreateRenderer() fyne.WidgetRenderer {
	return &matrixCellRenderer{v: v}
}

type matrixCellRenderer struct{ v *matrixCellView }

func (r *matrixCellRenderer) Layout(size fyne.Size) {
	v := r.v
	v.border.Move(fyne.NewPos(1, 1))
	v.border.Resize(size.SubtractWidthHeight(2, 2))
	v.bar.Move(fyne.NewPos(2, 2))
	v.bar.Resize(fyne.NewSize(4, size.Height-4))
	b := v.badge.MinSize()
	v.badge.Move(fyne.NewPos(size.Width-b.Width-theme.Padding()*2, theme.Padding()/2))
	v.badge.Resize(b)
	top := float32(0)
	if v.badge.Text != "" {
		top = b.Height - theme.Padding()
	}
	v.text.Move(fyne.NewPos(6, top))
	v.text.Resize(fyne.NewSize(size.Width-6, size.Height-top))
}

func (r *matrixCellRenderer) MinSize() fyne.Size { return fyne.NewSize(80, 40) }

func (r *matrixCellRenderer) Refresh() {
	r.Layout(r.v.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

func (r *matrixCellRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.v.border, r.v.bar, r.v.badge, r.v.text}
}

func (r *matrixCellRenderer) Destroy() {}

// matrixHeader is a column header (party, colour swatch, document) or a row
// header (topic).
type matrixHeader struct {
	widget.BaseWidget
	swatch *canvas.Rectangle
	title  *widget.Label
	sub    *widget.Label
}

func newMatrixHeader() *matrixHeader {
	h := &matrixHeader{swatch: canvas.NewRectangle(color.Transparent),
		title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		sub:   widget.NewLabel("")}
	h.title.Truncation = fyne.TextTruncateEllipsis
	h.sub.Truncation = fyne.TextTruncateEllipsis
	h.sub.SizeName = theme.SizeNameCaptionText
	h.sub.Importance = widget.LowImportance
	h.ExtendBaseWidget(h)
	return h
}

func (h *matrixHeader) set(title, sub string, c color.Color) {
	h.title.SetText(title)
	h.sub.SetText(sub)
	h.sub.Hidden = sub == ""
	if c == nil {
		c = color.Transparent
	}
	h.swatch.FillColor = legible(c, theme.Color(theme.ColorNameBackground))
	h.swatch.Refresh()
}

func (h *matrixHeader) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(6, 6), h.swatch), nil,
		container.NewVBox(h.title, h.sub)))
}
