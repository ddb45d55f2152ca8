package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"counterpart/compare"
)

// PresentationMode is what the presentation shows one at a time.
type PresentationMode string

// The presentation's modes; T switches between them.
const (
	PresentRows   PresentationMode = "compare" // one aligned row of party A's and party B's documents
	PresentTopics PresentationMode = "matrix"  // one topic, every party's position on it
)

// PresentationInput is what the presentation starts from.
type PresentationInput struct {
	Snapshot       *Snapshot
	At             compare.Date // the timeline date; the last event if empty
	PartyA, PartyB string       // the two sides of the rows; the first two authors if empty
	Row            int          // the row to show first
	OnClose        func()       // called once when the presentation ends
}

// Presentation is a full-screen window for a room: large, high-contrast
// type, the timeline date at the top, and one aligned row (or one topic) at
// a time. Keys: ←/→ previous/next timeline event, ↑/↓ (and Page Up/Down,
// as presenter remotes send) previous/next row or topic, T switches rows and
// topics, Esc or F11 leaves.
type Presentation struct {
	win    fyne.Window
	in     PresentationInput
	events []compare.Date
	at     compare.Date
	mode   PresentationMode
	index  int
	rows   *pairRows
	matrix *matrixModel
	cache  map[[2]int64]*compare.Comparison
	theme  fyne.Theme
	closed bool
}

// ShowPresentation opens the presentation in a new full-screen window of a.
func ShowPresentation(a fyne.App, in PresentationInput) *Presentation {
	p := newPresentation(in)
	p.win = a.NewWindow("Counterpart — presentation")
	p.theme = newPresentTheme()
	p.win.SetContent(container.NewThemeOverride(p.content(), p.theme))
	p.win.SetPadded(false)
	p.win.Canvas().SetOnTypedKey(p.TypedKey)
	p.win.SetOnClosed(p.ended)
	p.win.SetFullScreen(true)
	p.win.Show()
	return p
}

// newPresentation computes the presentation's first state, without a window.
func newPresentation(in PresentationInput) *Presentation {
	if in.Snapshot == nil {
		in.Snapshot = NewSnapshot(nil, nil, nil)
	}
	if in.PartyA == "" || in.PartyB == "" {
		authors := in.Snapshot.Authors()
		for _, a := range authors {
			switch {
			case in.PartyA == "" && a.Name != in.PartyB:
				in.PartyA = a.Name
			case in.PartyB == "" && a.Name != in.PartyA:
				in.PartyB = a.Name
			}
		}
	}
	p := &Presentation{in: in, events: in.Snapshot.Dates(), at: in.At, mode: PresentRows,
		index: in.Row, cache: map[[2]int64]*compare.Comparison{}}
	if p.at == "" && len(p.events) > 0 {
		p.at = p.events[len(p.events)-1]
	}
	p.recompute()
	return p
}

// Window returns the presentation's window.
func (p *Presentation) Window() fyne.Window { return p.win }

// State returns the timeline date, the mode and the row or topic shown.
func (p *Presentation) State() (at compare.Date, mode PresentationMode, index int) {
	return p.at, p.mode, p.index
}

// TypedKey handles a key pressed in the presentation window.
func (p *Presentation) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyLeft:
		p.step(-1)
	case fyne.KeyRight:
		p.step(1)
	case fyne.KeyUp, fyne.KeyPageUp:
		p.move(-1)
	case fyne.KeyDown, fyne.KeyPageDown, fyne.KeySpace:
		p.move(1)
	case fyne.KeyHome:
		p.move(-p.index)
	case fyne.KeyEnd:
		p.move(p.count() - 1 - p.index)
	case fyne.KeyT:
		p.toggle()
	case fyne.KeyEscape, fyne.KeyF11:
		p.Close()
		return
	default:
		return
	}
	p.show()
}

// Close ends the presentation: it calls OnClose and closes the window.
func (p *Presentation) Close() {
	if p.closed {
		return
	}
	if p.win != nil {
		p.win.Close() // calls ended
		return
	}
	p.ended()
}

func (p *Presentation) ended() {
	if p.closed {
		return
	}
	p.closed = true
	if p.in.OnClose != nil {
		p.in.OnClose()
	}
}

// step moves the timeline to the previous or next event.
func (p *Presentation) step(delta int) {
	at := StepDate(p.events, p.at, delta)
	if at == p.at {
		return
	}
	var topic compare.Topic
	hadTopic := false
	if p.mode == PresentTopics && p.index < len(p.matrix.topics) {
		topic, hadTopic = p.matrix.topics[p.index], true
	}
	p.at = at
	p.recompute()
	if hadTopic {
		p.index = topicIndex(p.matrix.topics, topic, p.index)
	}
	p.clamp()
}

// move shows the previous or next row or topic.
func (p *Presentation) move(delta int) {
	p.index += delta
	p.clamp()
}

// toggle switches between rows and topics, keeping the topic in view: from a
// row to its topic, from a topic to its first row.
func (p *Presentation) toggle() {
	if p.mode == PresentRows {
		p.mode = PresentTopics
		if p.index < len(p.rows.rows) {
			p.index = topicIndex(p.matrix.topics, p.rows.rows[p.index].topic, 0)
		}
	} else {
		p.mode = PresentRows
		if p.index < len(p.matrix.topics) {
			t := p.matrix.topics[p.index]
			p.index = 0
			for i, r := range p.rows.rows {
				if r.topic == t {
					p.index = i
					break
				}
			}
		}
	}
	p.clamp()
}

func topicIndex(ts []compare.Topic, t compare.Topic, fallback int) int {
	for i, x := range ts {
		if x == t {
			return i
		}
	}
	return fallback
}

func (p *Presentation) count() int {
	if p.mode == PresentTopics {
		for _, d := range p.matrix.docs {
			if d != nil {
				return len(p.matrix.topics)
			}
		}
		return 0 // nobody at the table yet: nothing to step through
	}
	return len(p.rows.rows)
}

func (p *Presentation) clamp() {
	if n := p.count(); p.index >= n {
		p.index = n - 1
	}
	if p.index < 0 {
		p.index = 0
	}
}

// recompute rebuilds both view models for the current date.
func (p *Presentation) recompute() {
	p.rows = buildPairRows(p.in.Snapshot, p.at, p.in.PartyA, p.in.PartyB, p.comparison)
	p.matrix = buildMatrix(p.in.Snapshot, p.at)
	p.clamp()
}

// comparison compares two documents, once per pair.
func (p *Presentation) comparison(a, b *compare.Document) *compare.Comparison {
	k := [2]int64{a.ID, b.ID}
	if c, ok := p.cache[k]; ok {
		return c
	}
	c := compare.Compare(*a, *b, nil)
	p.cache[k] = c
	return c
}

// show redraws the window for the current state.
func (p *Presentation) show() {
	if p.win == nil || p.closed {
		return
	}
	// A new override for new content: it themes the whole tree before the
	// window lays it out, so nothing is measured with the desk theme.
	p.win.SetContent(container.NewThemeOverride(p.content(), p.theme))
}

// content builds the window's content for the current state.
func (p *Presentation) content() fyne.CanvasObject {
	date := widget.NewRichText(&widget.TextSegment{Text: DateWords(p.at),
		Style: widget.RichTextStyle{SizeName: presentDateSize, TextStyle: fyne.TextStyle{Bold: true}}})
	where := p.position()
	top := container.NewBorder(nil, nil, nil, where, date)
	hints := widget.NewLabel("←  →  date      ↑  ↓  " + map[PresentationMode]string{PresentRows: "row", PresentTopics: "topic"}[p.mode] +
		"      T  rows / topics      Esc  leave")
	hints.SizeName = theme.SizeNameCaptionText
	hints.Importance = widget.LowImportance
	hints.Alignment = fyne.TextAlignCenter
	var body fyne.CanvasObject
	if p.mode == PresentTopics {
		body = p.topicView()
	} else {
		body = p.rowView()
	}
	bg := canvas.NewRectangle(presentColor(theme.ColorNameBackground))
	return container.NewStack(bg, container.NewPadded(container.NewPadded(
		container.NewBorder(container.NewVBox(top, widget.NewSeparator()), hints, nil, nil, body))))
}

// presentColor looks a colour up in the presentation theme.
func presentColor(n fyne.ThemeColorName) color.Color {
	return newPresentTheme().Color(n, theme.VariantDark)
}

// position says which row or topic is shown, and of how many.
func (p *Presentation) position() fyne.CanvasObject {
	var s string
	switch {
	case p.mode == PresentTopics && len(p.matrix.topics) > 0:
		s = fmt.Sprintf("Topic %d of %d", p.index+1, len(p.matrix.topics))
	case p.mode == PresentRows && len(p.rows.rows) > 0:
		s = fmt.Sprintf("Row %d of %d", p.index+1, len(p.rows.rows))
	}
	l := widget.NewLabel(s)
	l.Importance = widget.LowImportance
	return l
}

// rowView shows one aligned row: party A's provisions on the left, party
// B's on the right, with the words that differ highlighted.
func (p *Presentation) rowView() fyne.CanvasObject {
	m := p.rows
	if len(m.rows) == 0 {
		return mutedText(fmt.Sprintf("Neither %s nor %s had published a document by %s.", m.partyA, m.partyB, DateWords(p.at)))
	}
	r := m.rows[p.index]
	title := widget.NewRichText(&widget.TextSegment{Text: matrixTopicTitle(r.topic),
		Style: widget.RichTextStyle{SizeName: theme.SizeNameHeadingText, TextStyle: fyne.TextStyle{Bold: true}}})
	kind := widget.NewLabel(rowKindWords(r.kind, m.partyA, m.partyB))
	kind.Importance = widget.LowImportance
	kind.SizeName = theme.SizeNameCaptionText
	left := p.side(m.partyA, m.docA, r.left, r.leftSpans, r.kind == compare.RightOnly)
	right := p.side(m.partyB, m.docB, r.right, r.rightSpans, r.kind == compare.LeftOnly)
	return container.NewBorder(container.NewBorder(nil, nil, nil, kind, title), nil, nil, nil,
		container.NewGridWithColumns(2, left, right))
}

// rowKindWords says in words what a row holds.
func rowKindWords(k compare.RowKind, a, b string) string {
	switch k {
	case compare.Paired:
		return "Close wording: differences highlighted"
	case compare.Unrelated:
		return "Answer each other in different words"
	case compare.LeftOnly:
		return "Only " + a
	case compare.RightOnly:
		return "Only " + b
	}
	return ""
}

// side is one party's half of a row.
func (p *Presentation) side(party string, doc *compare.Document, labels []string, spans []widget.RichTextSegment, none bool) fyne.CanvasObject {
	bar := canvas.NewRectangle(legible(p.in.Snapshot.Colour(party), presentColor(theme.ColorNameBackground)))
	bar.SetMinSize(fyne.NewSize(16, 16))
	name := partyName(party)
	sub := "no document yet"
	if doc != nil {
		sub = doc.Title + ", " + DateWords(doc.Date)
	}
	meta := widget.NewLabel(sub)
	meta.SizeName = theme.SizeNameCaptionText
	meta.Importance = widget.LowImportance
	meta.Truncation = fyne.TextTruncateEllipsis
	var text fyne.CanvasObject
	switch {
	case doc == nil:
		text = mutedText("Silent: no document by this date.")
	case none:
		text = mutedText("No counterpart.")
	default:
		head := widget.NewRichText(&widget.TextSegment{Text: strings.Join(labels, ", "),
			Style: widget.RichTextStyle{ColorName: presentMuted, TextStyle: fyne.TextStyle{Bold: true}}})
		body := widget.NewRichText(spans...)
		body.Wrapping = fyne.TextWrapWord
		text = container.NewBorder(head, nil, nil, nil, container.NewVScroll(body))
	}
	return container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, bar, nil, name), meta), nil, nil, nil, text)
}

// topicView shows one topic: each party's provisions on it, as of the date.
func (p *Presentation) topicView() fyne.CanvasObject {
	m := p.matrix
	if len(m.topics) == 0 {
		return mutedText("The library has no provisions yet.")
	}
	t := m.topics[p.index]
	title := widget.NewRichText(&widget.TextSegment{Text: matrixTopicTitle(t),
		Style: widget.RichTextStyle{SizeName: theme.SizeNameHeadingText, TextStyle: fyne.TextStyle{Bold: true}}})
	var cols []fyne.CanvasObject
	for j, party := range m.parties {
		if m.docs[j] == nil {
			continue // not yet at the table
		}
		cols = append(cols, p.topicCell(party.Name, m.cells[p.index][j]))
	}
	if len(cols) == 0 {
		return container.NewBorder(title, nil, nil, nil, mutedText("No party had published a document by this date."))
	}
	return container.NewBorder(title, nil, nil, nil, container.NewGridWithColumns(len(cols), cols...))
}

// topicCell is one party's position on the shown topic.
func (p *Presentation) topicCell(party string, c matrixCell) fyne.CanvasObject {
	bar := canvas.NewRectangle(legible(p.in.Snapshot.Colour(party), presentColor(theme.ColorNameBackground)))
	bar.SetMinSize(fyne.NewSize(16, 16))
	name := partyName(party)
	head := container.NewBorder(nil, nil, bar, nil, name)
	if c.move != Steady {
		badge := widget.NewRichText(&widget.TextSegment{Text: strings.ToUpper(string(c.move)),
			Style: widget.RichTextStyle{ColorName: presentAccent, SizeName: theme.SizeNameCaptionText, TextStyle: fyne.TextStyle{Bold: true}}})
		head = container.NewVBox(head, badge)
	}
	var body fyne.CanvasObject
	if c.doc == 0 {
		body = mutedText(map[bool]string{true: "Dropped the topic.", false: "Silent."}[c.move == Dropped])
	} else {
		var segs []widget.RichTextSegment
		for i, pr := range c.provisions {
			if i > 0 {
				segs = append(segs, &widget.TextSegment{Text: "", Style: widget.RichTextStyleParagraph})
			}
			segs = append(segs,
				&widget.TextSegment{Text: pr.label + "  ", Style: widget.RichTextStyle{Inline: true, ColorName: presentMuted, TextStyle: fyne.TextStyle{Bold: true}}},
				&widget.TextSegment{Text: clipText(pr.text, 200), Style: widget.RichTextStyleParagraph})
		}
		rt := widget.NewRichText(segs...)
		rt.Wrapping = fyne.TextWrapWord
		body = container.NewVScroll(rt)
	}
	var frame fyne.CanvasObject = layout.NewSpacer()
	if c.move == Changed || c.move == Dropped {
		border := canvas.NewRectangle(color.Transparent)
		border.StrokeColor = presentColor(presentAccent)
		border.StrokeWidth = 4
		border.CornerRadius = 8
		frame = border
	}
	return container.NewStack(frame, container.NewPadded(container.NewBorder(head, nil, nil, nil, body)))
}

// partyName is a party's name as a heading, cut with an ellipsis when its
// column is too narrow ("E3 (United Kingdom, Fra…").
func partyName(party string) *widget.RichText {
	name := widget.NewRichText(&widget.TextSegment{Text: party,
		Style: widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}})
	name.Truncation = fyne.TextTruncateEllipsis
	return name
}

func mutedText(s string) fyne.CanvasObject {
	rt := widget.NewRichText(&widget.TextSegment{Text: s,
		Style: widget.RichTextStyle{ColorName: presentMuted, TextStyle: fyne.TextStyle{Italic: true}}})
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// pairRows is the aligned rows of party A's and party B's latest documents
// as of a date: the view model of the presentation's row mode.
type pairRows struct {
	at             compare.Date
	partyA, partyB string
	docA, docB     *compare.Document
	rows           []presentRow
}

// presentRow is one row as the presentation draws it.
type presentRow struct {
	topic                 compare.Topic
	kind                  compare.RowKind
	left, right           []string // labels
	leftSpans, rightSpans []widget.RichTextSegment
}

// buildPairRows aligns the latest documents of parties a and b as of at; when
// only one of them has a document, its provisions are rows of their own.
// compared computes (or recalls) the comparison of two documents.
func buildPairRows(s *Snapshot, at compare.Date, a, b string, compared func(a, b *compare.Document) *compare.Comparison) *pairRows {
	m := &pairRows{at: at, partyA: a, partyB: b}
	st := compare.PositionsAt([]compare.Party{{Name: a}, {Name: b}}, s.Documents, at)
	m.docA, m.docB = st[0].Document, st[1].Document
	switch {
	case m.docA != nil && m.docB != nil:
		c := compared(m.docA, m.docB)
		for _, r := range c.Rows {
			m.rows = append(m.rows, presentedRow(r, m.docA, m.docB))
		}
	case m.docA != nil:
		for i, pr := range m.docA.Provisions {
			m.rows = append(m.rows, presentedRow(compare.Row{Left: []int{i}, Kind: compare.LeftOnly, Topic: leadTopic(pr)}, m.docA, nil))
		}
	case m.docB != nil:
		for i, pr := range m.docB.Provisions {
			m.rows = append(m.rows, presentedRow(compare.Row{Right: []int{i}, Kind: compare.RightOnly, Topic: leadTopic(pr)}, nil, m.docB))
		}
	}
	return m
}

func leadTopic(p compare.Provision) compare.Topic {
	if len(p.Topics) == 0 {
		return otherTopic
	}
	return p.Topics[0]
}

// presentedRow turns a comparison row into labels and styled text: for a
// paired row the word diff (deleted words on the left in orange italics,
// inserted words on the right in blue bold: shape as well as colour),
// otherwise the provisions' texts.
func presentedRow(r compare.Row, a, b *compare.Document) presentRow {
	out := presentRow{topic: r.Topic, kind: r.Kind}
	texts := func(d *compare.Document, idx []int) ([]string, []widget.RichTextSegment) {
		var labels []string
		var segs []widget.RichTextSegment
		for k, i := range idx {
			if d == nil || i < 0 || i >= len(d.Provisions) {
				continue
			}
			labels = append(labels, d.Provisions[i].Label)
			if k > 0 {
				segs = append(segs, plainSegment("\n"))
			}
			segs = append(segs, plainSegment(d.Provisions[i].Text))
		}
		return labels, segs
	}
	out.left, out.leftSpans = texts(a, r.Left)
	out.right, out.rightSpans = texts(b, r.Right)
	if r.Kind == compare.Paired && len(r.Diff) > 0 {
		out.leftSpans, out.rightSpans = nil, nil
		for _, pc := range r.Diff {
			switch pc.Op {
			case compare.Equal:
				out.leftSpans = append(out.leftSpans, plainSegment(pc.Text))
				out.rightSpans = append(out.rightSpans, plainSegment(pc.Text))
			case compare.Delete:
				out.leftSpans = append(out.leftSpans, &widget.TextSegment{Text: pc.Text,
					Style: widget.RichTextStyle{Inline: true, ColorName: presentDeleted, TextStyle: fyne.TextStyle{Italic: true}}})
			case compare.Insert:
				out.rightSpans = append(out.rightSpans, &widget.TextSegment{Text: pc.Text,
					Style: widget.RichTextStyle{Inline: true, ColorName: presentInserted, TextStyle: fyne.TextStyle{Bold: true}}})
			}
		}
	}
	if out.topic == "" {
		if a != nil && len(r.Left) > 0 && r.Left[0] < len(a.Provisions) {
			out.topic = leadTopic(a.Provisions[r.Left[0]])
		} else if b != nil && len(r.Right) > 0 && r.Right[0] < len(b.Provisions) {
			out.topic = leadTopic(b.Provisions[r.Right[0]])
		}
	}
	return out
}

func plainSegment(s string) *widget.TextSegment {
	return &widget.TextSegment{Text: s, Style: widget.RichTextStyle{Inline: true}}
}
