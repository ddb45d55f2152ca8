package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// compareList shows the rows of a rowModel in one virtualised list, so both
// sides scroll together. Row heights follow the wrapped text: they are
// measured again whenever the rows or the width change.
type compareList struct {
	widget.BaseWidget
	model    *rowModel
	list     *keyList
	width    float32
	selected int // visible index, -1 for none

	// OnSelected is called with the selected row, or nil when none is.
	OnSelected func(*rowView)
}

func newCompareList() *compareList {
	c := &compareList{model: newRowModel(nil, nil), selected: -1}
	c.list = &keyList{}
	c.list.Length = func() int { return c.model.len() }
	c.list.CreateItem = func() fyne.CanvasObject { return newRowItem() }
	c.list.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		if id < c.model.len() {
			o.(*rowItem).set(c.model.at(id))
		}
	}
	c.list.ExtendBaseWidget(c.list)
	c.list.OnSelected = func(id widget.ListItemID) {
		c.selected = id
		if c.OnSelected != nil && id < c.model.len() {
			c.OnSelected(c.model.at(id))
		}
	}
	c.list.OnUnselected = func(id widget.ListItemID) {
		if c.selected == id {
			c.selected = -1
			if c.OnSelected != nil {
				c.OnSelected(nil)
			}
		}
	}
	c.ExtendBaseWidget(c)
	return c
}

// setModel shows m, keeping the filter of the previous model.
func (c *compareList) setModel(m *rowModel) {
	m.apply(c.model.filter)
	c.model = m
	c.selected = -1
	c.list.UnselectAll()
	c.measure(c.width)
	c.list.Refresh()
}

// setFilter changes which rows are visible.
func (c *compareList) setFilter(f rowFilter) {
	c.model.apply(f)
	c.selected = -1
	c.list.UnselectAll()
	c.measure(c.width)
	c.list.Refresh()
	c.list.ScrollToTop()
}

// measure sets every visible row's height for width.
func (c *compareList) measure(width float32) {
	c.width = width
	if width <= 0 {
		return
	}
	for i := 0; i < c.model.len(); i++ {
		c.list.SetItemHeight(i, rowHeight(c.model.at(i), width))
	}
}

// selectRow selects and scrolls to the visible row i.
func (c *compareList) selectRow(i int) {
	if i < 0 || i >= c.model.len() {
		return
	}
	c.list.Select(i)
	c.list.ScrollTo(i)
}

// step moves the selection to the next (dir > 0) or previous difference and
// reports whether there was one.
func (c *compareList) step(dir int) bool {
	from := c.selected
	if from < 0 && dir < 0 {
		from = c.model.len()
	}
	i := c.model.nextDifference(from, dir)
	if i < 0 {
		return false
	}
	c.selectRow(i)
	return true
}

// selectedRow returns the selected row or nil.
func (c *compareList) selectedRow() *rowView {
	if c.selected < 0 || c.selected >= c.model.len() {
		return nil
	}
	return c.model.at(c.selected)
}

func (c *compareList) CreateRenderer() fyne.WidgetRenderer {
	return &compareListRenderer{c: c}
}

type compareListRenderer struct{ c *compareList }

func (r *compareListRenderer) Destroy()                     {}
func (r *compareListRenderer) MinSize() fyne.Size           { return fyne.NewSize(400, 200) }
func (r *compareListRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.c.list} }
func (r *compareListRenderer) Refresh()                     { r.c.list.Refresh() }

func (r *compareListRenderer) Layout(size fyne.Size) {
	if size.Width != r.c.width {
		r.c.measure(size.Width)
	}
	r.c.list.Resize(size)
}

// keyList is a List that lets the window handle function keys (F8 next
// difference, Shift+F8 previous, F5 present) while it has the focus: a
// focused widget receives every key, so the window would never see them.
type keyList struct {
	widget.List
	shift bool

	// OnKey handles a key first; it reports whether it did.
	OnKey func(e *fyne.KeyEvent, shift bool) bool
}

// TypedKey offers the key to OnKey, then to the list.
func (l *keyList) TypedKey(e *fyne.KeyEvent) {
	if l.OnKey != nil && l.OnKey(e, l.shift) {
		return
	}
	l.List.TypedKey(e)
}

// KeyDown tracks the Shift key.
func (l *keyList) KeyDown(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		l.shift = true
	}
}

// KeyUp tracks the Shift key.
func (l *keyList) KeyUp(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		l.shift = false
	}
}
