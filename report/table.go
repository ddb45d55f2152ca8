package report

import (
	"fmt"
	"strings"

	"counterpart/compare"
)

// group is a run of rows under one subheading.
type group struct {
	title  string
	status string
	rows   []int
}

// groups orders the comparison's rows for the table.
func (b *brief) groups() []group {
	c := b.c
	if b.opt.Group == ByTopic {
		status := map[compare.Topic]compare.Closeness{}
		for _, t := range c.Topics {
			status[t.Topic] = t.Status
		}
		byTopic := map[compare.Topic][]int{}
		var order []compare.Topic
		seen := map[compare.Topic]bool{}
		for _, t := range compare.Topics {
			order = append(order, t)
			seen[t] = true
		}
		for i, r := range c.Rows {
			if !seen[r.Topic] {
				order = append(order, r.Topic)
				seen[r.Topic] = true
			}
			byTopic[r.Topic] = append(byTopic[r.Topic], i)
		}
		var gs []group
		for _, t := range order {
			rows := byTopic[t]
			if len(rows) == 0 {
				continue
			}
			title := t.Title()
			if t == "" {
				title = "Other provisions"
			}
			st := ""
			if s, ok := status[t]; ok {
				_, st = statusLook(s)
			}
			gs = append(gs, group{title: title, status: st, rows: rows})
		}
		return gs
	}
	// Document order: a new group wherever the left document's section changes.
	var gs []group
	cur := ""
	for i, r := range c.Rows {
		if len(r.Left) > 0 {
			if h := c.Left.Provisions[r.Left[0]].Heading; h != cur {
				cur = h
				gs = append(gs, group{title: h})
			}
		}
		if len(gs) == 0 {
			gs = append(gs, group{})
		}
		gs[len(gs)-1].rows = append(gs[len(gs)-1].rows, i)
	}
	return gs
}

// comparison draws the aligned provisions as a two-column table.
func (b *brief) comparison() {
	c := b.c
	b.heading("Provision by provision")
	w := b.right - b.left
	sample := func(s string, st *style) span { return span{s, st} }
	legend := b.para(w,
		span{"Each row puts a provision of " + b.leftAbbrev + " beside the provision of " + b.rightAbbrev + " that answers it. In matched pairs, ", b.st.small},
		sample("struck words", &style{face: regular, size: 7, colour: ink, tint: &delTint, strike: true}),
		span{" appear only in " + b.leftAbbrev + " and ", b.st.small},
		sample("underlined bold words", &style{face: bold, size: 7, colour: ink, tint: &insTint, underline: true}),
		span{" only in " + b.rightAbbrev + ". The small line above each row gives the kind of match and the similarity of the wording.", b.st.small},
	)
	b.place(block{bands: []band{{cells: []cell{{x: b.left, w: w, lines: legend}}, after: 3}}})

	lx, rx, colW := b.columns()
	header := b.tableHeader()

	gs := b.groups()
	var blocks [][]block
	for _, g := range gs {
		var bs []block
		for _, i := range g.rows {
			bs = append(bs, b.rowBlock(&c.Rows[i], lx, rx, colW))
		}
		blocks = append(blocks, bs)
	}
	first := header.height() + 12
	if len(blocks) > 0 && len(blocks[0]) > 0 {
		first = header.height() + 10 + b.need(&blocks[0][0])
	}
	b.ensure(first)
	b.place(header)
	// From here on every new page repeats the header (set only now, so that
	// a page break taken just above does not draw it twice).
	b.header = func() { b.place(header) }
	defer func() { b.header = nil }()

	done, total := 0, len(c.Rows)
	for gi, g := range gs {
		if g.title != "" {
			keep := 10.0
			if len(blocks[gi]) > 0 {
				keep = b.need(&blocks[gi][0])
			}
			b.subheading(g.title, g.status, keep)
		}
		for _, bl := range blocks[gi] {
			b.place(bl)
			done++
			if b.opt.Progress != nil {
				b.opt.Progress(done, total)
			}
		}
	}
}

// gutter is the space between the two columns of the aligned table.
const gutter = 6.0

// columns returns the x of the left and right columns and their width.
func (b *brief) columns() (lx, rx, colW float64) {
	colW = (b.right - b.left - gutter) / 2
	return b.left, b.left + colW + gutter, colW
}

// tableHeader is the header of the aligned table: the two documents' names,
// repeated at the top of every page the table runs over.
func (b *brief) tableHeader() block {
	c := b.c
	lx, rx, colW := b.columns()
	headCell := func(d *compare.Document, side, abbrev string, colour rgb, x float64) cell {
		tw := colW - 5
		ls := b.para(tw, span{strings.ToUpper(side) + " · " + abbrev, &style{face: bold, size: 6.5, colour: rgb{0xc5, 0xd0, 0xde}}})
		title := b.m.wrap([]span{{d.Title, &style{face: bold, size: 8.4, colour: white}}}, tw, 1.25)
		if len(title) > 2 {
			title = b.m.wrap([]span{{b.fit(d.Title, &style{face: bold, size: 8.4}, 2*tw-10), &style{face: bold, size: 8.4, colour: white}}}, tw, 1.25)
		}
		ls = append(ls, title...)
		if d.Date != "" {
			ls = append(ls, b.para(tw, span{capitalise(string(d.Kind)) + " · " + dateText(d.Date), &style{face: regular, size: 6.5, colour: rgb{0xc5, 0xd0, 0xde}}})...)
		}
		col := colour
		return cell{x: x, w: colW, lines: ls, padX: 3, fill: &accent, bar: &col}
	}
	header := block{bands: []band{{cells: []cell{
		headCell(&c.Left, "left", b.leftAbbrev, b.leftColour, lx),
		headCell(&c.Right, "right", b.rightAbbrev, b.rightColour, rx),
	}, padY: 1.8, after: 0.5}}}
	return header
}

// rowBlock lays out one aligned row: a small line saying what kind of match
// it is, the two cells, shared terms and the notes attached to it.
func (b *brief) rowBlock(r *compare.Row, lx, rx, colW float64) block {
	c := b.c
	w := b.right - b.left
	var bands []band

	meta := b.para(w, span{b.metaText(r), b.st.small})
	bands = append(bands, band{cells: []cell{{x: lx, w: w, lines: append([]line{gap(1.6)}, meta...)}}})

	var leftSpans, rightSpans [][]span
	if r.Kind == compare.Paired && len(r.Diff) > 0 {
		leftSpans = b.diffSpans(&c.Left, r.Left, r.Diff, compare.Delete, b.st.del)
		rightSpans = b.diffSpans(&c.Right, r.Right, r.Diff, compare.Insert, b.st.ins)
	}
	if leftSpans == nil {
		leftSpans = b.plainSpans(&c.Left, r.Left)
	}
	if rightSpans == nil {
		rightSpans = b.plainSpans(&c.Right, r.Right)
	}
	// An empty cell says that the other side's provision has no
	// counterpart in this cell's document.
	cellLines := func(d *compare.Document, idx []int, spans [][]span, own string) []line {
		if len(idx) == 0 {
			return b.para(colW-5, span{"no counterpart in " + own, b.st.none})
		}
		var ls []line
		for i, sp := range spans {
			if i > 0 {
				ls = append(ls, gap(1.4))
			}
			ls = append(ls, b.para(colW, append([]span{{d.Provisions[idx[i]].Label + "  ", b.st.label}}, sp...)...)...)
		}
		return ls
	}
	cells := []cell{
		{x: lx, w: colW, lines: cellLines(&c.Left, r.Left, leftSpans, b.leftAbbrev)},
		{x: rx, w: colW, lines: cellLines(&c.Right, r.Right, rightSpans, b.rightAbbrev)},
	}
	for i, idx := range [][]int{r.Left, r.Right} {
		if len(idx) == 0 { // a tinted, empty-looking cell makes one-sided rows stand out
			cells[i].fill, cells[i].padX = &paleGrey, 2.5
		}
	}
	bands = append(bands, band{cells: cells, padY: 1.0, divider: true})

	if r.Kind == compare.Unrelated && len(r.SharedTerms) > 0 {
		ls := b.para(w, span{"Shared terms: " + strings.Join(r.SharedTerms, ", "), b.st.smallItalic})
		bands = append(bands, band{cells: []cell{{x: lx, w: w, lines: ls}}, after: 0.6})
	}
	for _, n := range b.rowNotes(r) {
		var who string
		switch {
		case n.Other != 0:
			who = "Note on this row"
		default:
			who = "Note on " + n.Label
		}
		spans := []span{{who + "  ", b.st.noteLabel}, {strings.TrimSpace(n.Text), b.st.note}}
		if n.Created != "" {
			spans = append(spans, span{"  " + dateText(n.Created), b.st.small})
		}
		ls := b.para(w-8, spans...)
		bands = append(bands, band{cells: []cell{{x: b.left, w: w, lines: ls, padX: 4, fill: &noteFill, bar: &noteBar}}, padY: 1.6, after: 0.8})
	}
	bands[len(bands)-1].after += 1.4
	return block{bands: bands, rule: true}
}

// metaText describes a row: what kind of match it is and how close.
func (b *brief) metaText(r *compare.Row) string {
	var parts []string
	pct := int(r.Similarity*100 + 0.5)
	switch r.Kind {
	case compare.Paired:
		parts = append(parts, fmt.Sprintf("MATCHED · %d%% similar wording", pct))
	case compare.Unrelated:
		parts = append(parts, fmt.Sprintf("ANSWERS · different wording (%d%% similar)", pct))
	case compare.LeftOnly:
		parts = append(parts, "ONLY IN "+strings.ToUpper(b.leftAbbrev))
	case compare.RightOnly:
		parts = append(parts, "ONLY IN "+strings.ToUpper(b.rightAbbrev))
	default:
		parts = append(parts, strings.ToUpper(string(r.Kind)))
	}
	if r.Topic != "" && b.opt.Group != ByTopic {
		parts = append(parts, r.Topic.Title())
	}
	if r.Change != "" && r.Change != compare.Unchanged {
		parts = append(parts, string(r.Change))
	}
	if r.Manual {
		parts = append(parts, "aligned by hand")
	}
	return strings.Join(parts, " · ")
}

// plainSpans returns each provision's text unhighlighted.
func (b *brief) plainSpans(d *compare.Document, idx []int) [][]span {
	out := make([][]span, len(idx))
	for i, k := range idx {
		out[i] = []span{{d.Provisions[k].Text, b.st.body}}
	}
	return out
}

// diffSpans splits one side of a word diff (Equal pieces plus the pieces
// of op) among that side's provisions, highlighting the op pieces with hl.
// It returns nil when the diff does not spell the provisions' texts, so the
// caller can fall back to plain text.
func (b *brief) diffSpans(d *compare.Document, idx []int, diff []compare.Piece, op compare.Op, hl *style) [][]span {
	type seg struct {
		start, end int
		hl         bool
	}
	var full strings.Builder
	var segs []seg
	for _, p := range diff {
		if p.Op != compare.Equal && p.Op != op {
			continue
		}
		s := full.Len()
		full.WriteString(p.Text)
		segs = append(segs, seg{s, full.Len(), p.Op == op})
	}
	text := full.String()
	cut := func(from, to int) []span {
		var out []span
		for _, sg := range segs {
			a, z := max(sg.start, from), min(sg.end, to)
			if a >= z {
				continue
			}
			st := b.st.body
			if sg.hl {
				st = hl
			}
			out = append(out, span{text[a:z], st})
		}
		return out
	}
	if len(idx) == 1 {
		// One provision: the diff may have normalised its spacing; trust it.
		if strings.Join(strings.Fields(text), " ") == strings.Join(strings.Fields(d.Provisions[idx[0]].Text), " ") {
			return [][]span{cut(0, len(text))}
		}
		return nil
	}
	out := make([][]span, len(idx))
	pos := 0
	for i, k := range idx {
		t := d.Provisions[k].Text
		at := strings.Index(text[pos:], t)
		if at < 0 {
			return nil
		}
		out[i] = cut(pos+at, pos+at+len(t))
		pos += at + len(t)
	}
	return out
}

// rowNotes returns the analyst notes attached to a row: notes on any of its
// provisions, and row notes naming the other document of this comparison.
func (b *brief) rowNotes(r *compare.Row) []compare.Note {
	c := b.c
	has := func(d *compare.Document, idx []int, label string) bool {
		for _, k := range idx {
			if d.Provisions[k].Label == label {
				return true
			}
		}
		return false
	}
	var out []compare.Note
	for _, n := range b.opt.Notes {
		onLeft := n.Document == c.Left.ID && has(&c.Left, r.Left, n.Label)
		onRight := n.Document == c.Right.ID && has(&c.Right, r.Right, n.Label)
		switch {
		case n.Other == 0 && (onLeft || onRight):
		case n.Other != 0 && ((onLeft && n.Other == c.Right.ID) || (onRight && n.Other == c.Left.ID)):
		default:
			continue
		}
		out = append(out, n)
	}
	return out
}
