package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"counterpart/compare"
)

// metaWidth is the width of the middle column: topic chip, stance,
// closeness and the manual marker.
const metaWidth = 132

// rowGeometry is where the parts of a row go at a given width.
type rowGeometry struct {
	pad, cell, meta float32 // padding, cell width, meta column width
	cellsH, notesH  float32
}

func geometryFor(v *rowView, width float32) rowGeometry {
	pad := theme.Padding()
	g := rowGeometry{pad: pad, meta: metaWidth}
	g.cell = (width - metaWidth - 4*pad) / 2
	if g.cell < 60 {
		g.cell = 60
	}
	ts := theme.TextSize()
	m := v.measured(ts)
	lh := flow(m.left, g.cell, ts, nil)
	rh := flow(m.right, g.cell, ts, nil)
	mh := float32(metaLines(v)) * lineHeight(theme.CaptionTextSize())
	g.cellsH = max(lh, rh, mh)
	if len(v.Notes) > 0 {
		g.notesH = pad + flow(m.notes, width-2*pad-metaWidth/2, ts, nil)
	}
	return g
}

// rowHeight is the height of the row drawn at width.
func rowHeight(v *rowView, width float32) float32 {
	g := geometryFor(v, width)
	return g.cellsH + g.notesH + 2*g.pad
}

// measuredRow holds a row's words measured at one text size.
type measuredRow struct {
	size               float32
	left, right, notes []measuredToken
}

// measured returns the row's words measured at size, measuring them on
// first use: the view lays every row out again whenever the width changes.
func (v *rowView) measured(size float32) *measuredRow {
	if v.measure == nil || v.measure.size != size {
		v.measure = &measuredRow{size: size,
			left:  measureTokens(cellSpans(v.Left), size),
			right: measureTokens(cellSpans(v.Right), size),
			notes: measureTokens(noteSpans(v.Notes), size)}
	}
	return v.measure
}

func cellSpans(ss []span) []span {
	if ss == nil {
		return []span{{Text: noCounterpart, Style: mutedSpan}}
	}
	return ss
}

func noteSpans(notes []compare.Note) []span {
	var out []span
	for i, n := range notes {
		if i > 0 {
			out = append(out, span{Text: "\n"})
		}
		out = append(out, span{Text: "Note " + n.Label + ":  ", Style: labelSpan}, span{Text: n.Text})
	}
	return out
}

func metaLines(v *rowView) int {
	n := 2 // topic, closeness
	if v.Stance != "" {
		n++
	}
	if v.Manual {
		n++
	}
	return n
}

// rowItem draws one rowView: left cell | meta | right cell, notes below.
type rowItem struct {
	widget.BaseWidget
	view  *rowView
	left  *diffText
	right *diffText
	notes *diffText

	chip      *canvas.Rectangle
	topic     *canvas.Text
	stance    *canvas.Text
	bar       *canvas.Rectangle
	barBack   *canvas.Rectangle
	closeness *canvas.Text
	manual    *canvas.Text
	noteBack  *canvas.Rectangle
	divider   *canvas.Rectangle
}

func newRowItem() *rowItem {
	cs := theme.CaptionTextSize()
	fg := theme.Color(theme.ColorNameForeground)
	r := &rowItem{
		left:      newDiffText(),
		right:     newDiffText(),
		notes:     newDiffText(),
		chip:      canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)),
		topic:     &canvas.Text{TextSize: cs, Color: fg, TextStyle: fyne.TextStyle{Bold: true}},
		stance:    &canvas.Text{TextSize: cs, Color: fg},
		bar:       canvas.NewRectangle(themeColor(ColorClose)),
		barBack:   canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)),
		closeness: &canvas.Text{TextSize: cs, Color: fg},
		manual:    &canvas.Text{TextSize: cs, Color: fg, TextStyle: fyne.TextStyle{Bold: true, Italic: true}, Text: "✋ manual"},
		noteBack:  canvas.NewRectangle(themeColor(ColorNoteBack)),
		divider:   canvas.NewRectangle(theme.Color(theme.ColorNameSeparator)),
	}
	r.chip.CornerRadius = 6
	r.ExtendBaseWidget(r)
	return r
}

// set shows v.
func (r *rowItem) set(v *rowView) {
	r.view = v
	r.left.spans = cellSpans(v.Left)
	r.right.spans = cellSpans(v.Right)
	r.notes.spans = noteSpans(v.Notes)
	r.topic.Text = topicShort(v.Topic)
	r.stance.Text = string(v.Stance)
	if v.Stance == compare.Demand {
		r.stance.Text = "⚑ demand"
	}
	r.closeness.Text = v.closeness()
	if v.Kind == compare.Unrelated {
		r.closeness.Text = "unrelated " + strings.TrimSuffix(r.closeness.Text, " alike")
	}
	r.Refresh()
}

func topicShort(t compare.Topic) string {
	if t == "" {
		return "no topic"
	}
	return t.Short()
}

func (r *rowItem) CreateRenderer() fyne.WidgetRenderer { return &rowItemRenderer{r: r} }

type rowItemRenderer struct{ r *rowItem }

func (rr *rowItemRenderer) Destroy() {}

func (rr *rowItemRenderer) MinSize() fyne.Size {
	if rr.r.view == nil {
		return fyne.NewSize(300, lineHeight(theme.TextSize()))
	}
	return fyne.NewSize(300, rowHeight(rr.r.view, rr.r.Size().Width))
}

func (rr *rowItemRenderer) Objects() []fyne.CanvasObject {
	r := rr.r
	return []fyne.CanvasObject{r.noteBack, r.divider, r.left, r.right, r.chip, r.topic, r.stance,
		r.barBack, r.bar, r.closeness, r.manual, r.notes}
}

func (rr *rowItemRenderer) Refresh() {
	r := rr.r
	fg := theme.Color(theme.ColorNameForeground)
	for _, t := range []*canvas.Text{r.topic, r.stance, r.closeness, r.manual} {
		t.Color = fg
	}
	r.chip.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.barBack.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.noteBack.FillColor = themeColor(ColorNoteBack)
	r.divider.FillColor = theme.Color(theme.ColorNameSeparator)
	if v := r.view; v != nil && v.Similarity >= 0.5 {
		r.bar.FillColor = themeColor(ColorClose)
	} else {
		r.bar.FillColor = themeColor(ColorFar)
	}
	rr.Layout(r.Size())
	for _, o := range rr.Objects() {
		o.Refresh()
	}
}

func (rr *rowItemRenderer) Layout(size fyne.Size) {
	r := rr.r
	if r.view == nil {
		return
	}
	v := r.view
	g := geometryFor(v, size.Width)
	pad := g.pad
	r.left.Move(fyne.NewPos(pad, pad))
	r.left.Resize(fyne.NewSize(g.cell, g.cellsH))
	mx := pad*2 + g.cell
	r.right.Move(fyne.NewPos(mx+g.meta+pad, pad))
	r.right.Resize(fyne.NewSize(g.cell, g.cellsH))
	r.divider.Move(fyne.NewPos(mx+g.meta+pad/2, pad))
	r.divider.Resize(fyne.NewSize(1, g.cellsH))

	cl := lineHeight(theme.CaptionTextSize())
	y := pad
	tw := min(fyne.MeasureText(r.topic.Text, r.topic.TextSize, r.topic.TextStyle).Width+8, g.meta-4)
	r.chip.Move(fyne.NewPos(mx, y))
	r.chip.Resize(fyne.NewSize(tw, cl))
	r.topic.Move(fyne.NewPos(mx+4, y))
	r.topic.Resize(fyne.NewSize(tw-8, cl))
	y += cl
	r.stance.Hidden = v.Stance == ""
	if !r.stance.Hidden {
		r.stance.Move(fyne.NewPos(mx, y))
		r.stance.Resize(fyne.NewSize(g.meta, cl))
		y += cl
	}
	bw := g.meta * 0.3
	oneSided := v.Kind == compare.LeftOnly || v.Kind == compare.RightOnly
	r.bar.Hidden, r.barBack.Hidden = oneSided, oneSided
	if oneSided {
		bw = -4
	}
	r.barBack.Move(fyne.NewPos(mx, y+cl*0.3))
	r.barBack.Resize(fyne.NewSize(bw, cl*0.4))
	r.bar.Move(r.barBack.Position())
	r.bar.Resize(fyne.NewSize(bw*float32(v.Similarity), cl*0.4))
	r.closeness.Move(fyne.NewPos(mx+bw+4, y))
	r.closeness.Resize(fyne.NewSize(g.meta-bw-4, cl))
	y += cl
	r.manual.Hidden = !v.Manual
	if v.Manual {
		r.manual.Move(fyne.NewPos(mx, y))
		r.manual.Resize(fyne.NewSize(g.meta, cl))
	}

	hasNotes := len(v.Notes) > 0
	r.notes.Hidden, r.noteBack.Hidden = !hasNotes, !hasNotes
	if hasNotes {
		ny := pad + g.cellsH + pad
		r.notes.Move(fyne.NewPos(pad+metaWidth/4, ny))
		r.notes.Resize(fyne.NewSize(size.Width-2*pad-metaWidth/2, g.notesH-pad))
		r.noteBack.Move(fyne.NewPos(metaWidth/4, ny-pad/2))
		r.noteBack.Resize(fyne.NewSize(size.Width-metaWidth/2, g.notesH))
	}
}
