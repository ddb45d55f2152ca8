package report

// cell is one box of a band: lines of text in a column.
type cell struct {
	x, w   float64 // column, in mm
	lines  []line
	padX   float64 // inset of the text from the column edges
	fill   *rgb    // background, nil for none
	bar    *rgb    // accent bar along the left edge, nil for none
	centre bool    // centre each line in the column
}

// band is a horizontal strip of a table row: cells side by side. It splits
// across pages between lines.
type band struct {
	cells   []cell
	padY    float64 // space above the first and below the last line
	divider bool    // hairline between adjacent cells
	after   float64 // space below the band
}

// block is a unit of layout that should stay on one page if it is short
// enough: a table row, a heading with its first lines.
type block struct {
	bands []band
	rule  bool // hairline under the block
}

func (c *cell) height() float64 { return height(c.lines) }

func (bd *band) height() float64 {
	h := 0.0
	for i := range bd.cells {
		h = max(h, bd.cells[i].height())
	}
	return h + 2*bd.padY + bd.after
}

func (bl *block) height() float64 {
	h := 0.0
	for i := range bl.bands {
		h += bl.bands[i].height()
	}
	return h
}

// headHeight is the height of the block's beginning: its bands up to and
// including the first with text of several lines, of which only n lines of
// each cell count. It is what must fit for a split to look intentional.
func (bl *block) headHeight(n int) float64 {
	h := 0.0
	for i := range bl.bands {
		bd := &bl.bands[i]
		ch, more := 0.0, false
		for k := range bd.cells {
			ls := bd.cells[k].lines
			ch = max(ch, height(ls[:min(n, len(ls))]))
			more = more || len(ls) > 1
		}
		h += bd.padY + ch
		if more {
			return h
		}
		h += bd.padY + bd.after
	}
	return h
}

// need is the height a block must find below the cursor to start on this
// page: all of it when it is short, else its head.
func (b *brief) need(bl *block) float64 {
	if h := bl.height(); h <= 0.3*b.contentHeight() {
		return h
	}
	return bl.headHeight(3)
}

// contentHeight is the height of a page's content area.
func (b *brief) contentHeight() float64 { return b.bottom - b.top }

// ensure starts a new page unless h mm fit below the cursor.
func (b *brief) ensure(h float64) {
	if b.y+h > b.bottom && b.y > b.top+0.01 {
		b.newPage()
	}
}

// place lays out a block at the cursor. A block that does not fit moves to
// the next page whole when it is short; a tall one is split line by line,
// provided a few lines of it fit here.
func (b *brief) place(bl block) {
	if b.y+b.need(&bl) > b.bottom && b.y > b.top+0.01 {
		b.newPage()
	}
	for i := range bl.bands {
		b.placeBand(&bl.bands[i])
	}
	if bl.rule {
		b.draw(rule)
		b.pdf.SetLineWidth(0.2)
		b.pdf.Line(b.left, b.y, b.right, b.y)
	}
}

// continued marks the top of a cell continued from the previous page.
const continued = "(continued)"

// continuedH is the height of the continued mark.
const continuedH = 3.0

// placeBand draws a band at the cursor, continuing it on new pages as
// often as needed. A slice never passes the bottom margin.
func (b *brief) placeBand(bd *band) {
	next := make([]int, len(bd.cells)) // first line of each cell not yet drawn
	firstSlice := true
	for {
		top := b.y
		padTop := bd.padY
		if !firstSlice {
			padTop = min(bd.padY, 1.2) + continuedH
		}
		// How many lines of each cell fit on this page?
		take := make([]int, len(bd.cells))
		used := 0.0
		done, any := true, false
		for i := range bd.cells {
			ls := bd.cells[i].lines
			h := 0.0
			k := next[i]
			for k < len(ls) && top+padTop+h+ls[k].h+bd.padY <= b.bottom+0.001 {
				h += ls[k].h
				k++
			}
			if k == next[i] && k < len(ls) && top <= b.top+0.01 {
				h += ls[k].h // a line taller than a page: draw it anyway
				k++
			}
			take[i] = k
			used = max(used, h)
			if k < len(ls) {
				done = false
			}
			if k > next[i] {
				any = true
			}
		}
		if !any && !done {
			b.newPage()
			firstSlice = false
			continue
		}
		sliceH := padTop + used + bd.padY
		for i := range bd.cells {
			c := &bd.cells[i]
			if c.fill != nil {
				b.fill(*c.fill)
				b.pdf.Rect(c.x, top, c.w, sliceH, "F")
			}
			if c.bar != nil {
				b.fill(*c.bar)
				b.pdf.Rect(c.x, top, 0.9, sliceH, "F")
			}
		}
		for i := range bd.cells {
			c := &bd.cells[i]
			if !firstSlice && next[i] < len(c.lines) {
				b.text(c.x+c.padX, top+padTop-1.3, continued, b.st.smallItalic)
			}
			y := top + padTop
			for k := next[i]; k < take[i]; k++ {
				l := &c.lines[k]
				x := c.x + c.padX
				if c.centre && len(l.runs) > 0 {
					last := l.runs[len(l.runs)-1]
					x += (c.w - 2*c.padX - last.x - last.w) / 2
				}
				b.drawLine(l, x, y)
				y += l.h
			}
			next[i] = take[i]
		}
		if bd.divider {
			b.draw(rule)
			b.pdf.SetLineWidth(0.2)
			for i := 1; i < len(bd.cells); i++ {
				x := (bd.cells[i-1].x + bd.cells[i-1].w + bd.cells[i].x) / 2
				b.pdf.Line(x, top, x, top+sliceH)
			}
		}
		b.y = top + sliceH
		if done {
			b.y += bd.after
			return
		}
		b.newPage()
		firstSlice = false
	}
}
