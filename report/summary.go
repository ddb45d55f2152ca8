package report

import (
	"fmt"
	"strings"

	"counterpart/compare"
)

// titleBlock draws the report title, the two documents and the analyst's note.
func (b *brief) titleBlock() {
	w := b.right - b.left
	var head []line
	head = append(head, b.para(w, span{"COMPARISON BRIEF", &style{face: bold, size: 8, colour: accent}})...)
	head = append(head, gap(1))
	head = append(head, b.m.wrap([]span{{b.title, &style{face: bold, size: 19, colour: ink}}}, w, 1.22)...)
	head = append(head, gap(1))
	head = append(head, b.para(w, span{"Made " + longDate(b.date) + " with Counterpart, from the documents’ own texts.", b.st.small})...)
	b.place(block{bands: []band{{cells: []cell{{x: b.left, w: w, lines: head}}, after: 5}}})

	colW := (w - 5) / 2
	card := func(d *compare.Document, side string, colour rgb, x float64) cell {
		tw := colW - 8
		var ls []line
		ls = append(ls, b.para(tw, span{strings.ToUpper(side) + " DOCUMENT", b.st.smallBold})...)
		ls = append(ls, gap(0.8))
		if p := d.Party(); p != "" {
			ls = append(ls, b.para(tw, span{p, &style{face: bold, size: 9, colour: ink}})...)
		}
		ls = append(ls, b.m.wrap([]span{{d.Title, &style{face: bold, size: 10.5, colour: accent}}}, tw, 1.25)...)
		ls = append(ls, gap(0.8))
		var facts []string
		if d.Kind != "" {
			facts = append(facts, capitalise(string(d.Kind)))
		}
		if d.Date != "" {
			facts = append(facts, dateText(d.Date))
		}
		if n := len(d.Provisions); n > 0 {
			facts = append(facts, plural(n, "provision"))
		}
		ls = append(ls, b.para(tw, span{strings.Join(facts, " · "), &style{face: regular, size: 8.2, colour: ink}})...)
		if d.Source != "" {
			ls = append(ls, gap(0.8))
			ls = append(ls, b.para(tw, span{"Source: " + d.Source, b.st.smallItalic})...)
		}
		c := colour
		return cell{x: x, w: colW, lines: ls, padX: 4.5, fill: &paleGrey, bar: &c}
	}
	b.place(block{bands: []band{{
		cells: []cell{card(&b.c.Left, "left", b.leftColour, b.left), card(&b.c.Right, "right", b.rightColour, b.left+colW+5)},
		padY:  3.2, after: 4,
	}}})

	if note := strings.TrimSpace(b.opt.Note); note != "" {
		ls := b.para(w-9, span{"Analyst’s note  ", b.st.noteLabel}, span{note, b.st.note})
		b.place(block{bands: []band{{cells: []cell{{x: b.left, w: w, lines: ls, padX: 4.5, fill: &noteFill, bar: &noteBar}}, padY: 2.4, after: 4}}})
	}
}

// heading draws a section heading, on a new page if the heading and a few
// lines of what follows would not fit.
func (b *brief) heading(text string) {
	b.ensure(28)
	if b.y > b.top+0.01 {
		b.y += 3
	}
	st := &style{face: bold, size: 12.5, colour: accent}
	ls := b.para(b.right-b.left, span{text, st})
	y := b.y
	b.pdf.Bookmark(text, 0, y)
	for i := range ls {
		b.drawLine(&ls[i], b.left, y)
		y += ls[i].h
	}
	b.draw(accent)
	b.pdf.SetLineWidth(0.45)
	b.pdf.Line(b.left, y+0.6, b.left+14, y+0.6)
	b.y = y + 3.2
}

// subheading draws a group title inside a table, kept with the next lines.
func (b *brief) subheading(text, status string, keep float64) {
	w := b.right - b.left
	spans := []span{{text, &style{face: bold, size: 9.5, colour: accent}}}
	if status != "" {
		spans = append(spans, span{"  ·  positions " + status, &style{face: regular, size: 7.5, colour: grey}})
	}
	ls := append([]line{gap(2.2)}, b.para(w, spans...)...)
	ls = append(ls, gap(0.6))
	h := height(ls)
	if b.y+h+keep > b.bottom {
		b.newPage()
	}
	b.pdf.Bookmark(text, 1, b.y)
	b.place(block{bands: []band{{cells: []cell{{x: b.left, w: w, lines: ls}}}}, rule: true})
}

// summary draws the lede, the key figures and the table of positions by topic.
func (b *brief) summary() {
	c := b.c
	w := b.right - b.left
	b.heading("Summary")

	counts := map[compare.RowKind]int{}
	for _, r := range c.Rows {
		counts[r.Kind]++
	}
	status := map[compare.Closeness][]string{}
	for _, t := range c.Topics {
		status[t.Status] = append(status[t.Status], strings.ToLower(t.Topic.Title()))
	}
	lede := b.para(w, span{b.lede(counts, status), &style{face: regular, size: 9.2, colour: ink}})
	b.place(block{bands: []band{{cells: []cell{{x: b.left, w: w, lines: lede}}, after: 3.5}}})

	figures := []struct {
		n       int
		caption string
	}{
		{counts[compare.Paired], "paired rows"},
		{counts[compare.Unrelated], "answering, reworded"},
		{counts[compare.LeftOnly], "only in " + b.leftAbbrev},
		{counts[compare.RightOnly], "only in " + b.rightAbbrev},
		{len(c.Left.Provisions), b.leftAbbrev + " provisions"},
		{len(c.Right.Provisions), b.rightAbbrev + " provisions"},
	}
	const tileGap = 2.5
	tw := (w - tileGap*float64(len(figures)-1)) / float64(len(figures))
	var tiles []cell
	for i, f := range figures {
		ls := b.para(tw-2, span{fmt.Sprint(f.n), &style{face: bold, size: 15, colour: accent}})
		ls = append(ls, b.m.wrap([]span{{f.caption, b.st.small}}, tw-2, 1.25)...)
		tiles = append(tiles, cell{x: b.left + float64(i)*(tw+tileGap), w: tw, lines: ls, padX: 1, fill: &paleGrey, centre: true})
	}
	b.place(block{bands: []band{{cells: tiles, padY: 2.2, after: 5}}})

	if len(c.Topics) == 0 {
		return
	}
	b.heading("Positions by topic")
	b.topicTable()
}

// lede writes the summary's opening sentences from the counts.
func (b *brief) lede(counts map[compare.RowKind]int, status map[compare.Closeness][]string) string {
	var s strings.Builder
	fmt.Fprintf(&s, "%s (%s) and %s (%s) were aligned provision by provision: %s %s, %s %s each other in different words, and %s %s no counterpart.",
		b.c.Left.Title, b.leftAbbrev, b.c.Right.Title, b.rightAbbrev,
		plural(counts[compare.Paired], "row"), isAre(counts[compare.Paired], "pair matching provisions", "pairs matching provisions"),
		plural(counts[compare.Unrelated], "pair"), isAre(counts[compare.Unrelated], "answer", "answers"),
		plural(counts[compare.LeftOnly]+counts[compare.RightOnly], "provision"), isAre(counts[compare.LeftOnly]+counts[compare.RightOnly], "have", "has"))
	if t := status[compare.Close]; len(t) > 0 {
		fmt.Fprintf(&s, " The two sides are close on %s.", list(t))
	}
	if t := status[compare.FarApart]; len(t) > 0 {
		fmt.Fprintf(&s, " They are far apart on %s.", list(t))
	}
	if t := status[compare.OnlyLeft]; len(t) > 0 {
		fmt.Fprintf(&s, " Only %s addresses %s.", b.leftAbbrev, list(t))
	}
	if t := status[compare.OnlyRight]; len(t) > 0 {
		fmt.Fprintf(&s, " Only %s addresses %s.", b.rightAbbrev, list(t))
	}
	return s.String()
}

// topicTable draws topics × (left position, right position, status).
func (b *brief) topicTable() {
	c := b.c
	w := b.right - b.left
	const topicW, statusW, g = 34.0, 21.0, 2.5
	posW := (w - topicW - statusW - 3*g) / 2
	xs := []float64{b.left, b.left + topicW + g, b.left + topicW + posW + 2*g, b.right - statusW}
	ws := []float64{topicW, posW, posW, statusW}
	hst := &style{face: bold, size: 7.5, colour: white}
	names := []string{"Topic", b.leftAbbrev + " position", b.rightAbbrev + " position", "Status"}
	var hcells []cell
	for i, n := range names {
		cw := b.right - xs[i]
		if i+1 < len(xs) {
			cw = xs[i+1] - xs[i]
		}
		hcells = append(hcells, cell{x: xs[i], w: cw, lines: b.para(ws[i]-3, span{n, hst}), padX: 1.5, fill: &accent})
	}
	header := block{bands: []band{{cells: hcells, padY: 1.6}}}
	b.header = func() { b.place(header) }
	b.ensure(header.height() + 14)
	b.place(header)
	defer func() { b.header = nil }()

	posStyle := &style{face: regular, size: 7.6, colour: ink}
	labStyle := &style{face: bold, size: 7.6, colour: ink}
	position := func(d *compare.Document, idx []int, cw float64) []line {
		if len(idx) == 0 {
			return b.para(cw, span{"not addressed", &style{face: italic, size: 7.6, colour: grey}})
		}
		labels := make([]string, len(idx))
		for i, k := range idx {
			labels[i] = d.Provisions[k].Label
		}
		return b.para(cw, span{strings.Join(labels, ", "), labStyle}, span{"  " + excerpt(d.Provisions[idx[0]].Text, 120), posStyle})
	}
	for _, t := range c.Topics {
		if !validIdx(t.Left, len(c.Left.Provisions)) || !validIdx(t.Right, len(c.Right.Provisions)) {
			continue
		}
		fillC, text := statusLook(t.Status)
		cells := []cell{
			{x: xs[0], w: ws[0], lines: b.para(ws[0]-3, span{t.Topic.Title(), &style{face: bold, size: 8, colour: accent}}), padX: 1.5},
			{x: xs[1], w: ws[1], lines: position(&c.Left, t.Left, ws[1]-3), padX: 1.5},
			{x: xs[2], w: ws[2], lines: position(&c.Right, t.Right, ws[2]-3), padX: 1.5},
			{x: xs[3], w: ws[3], lines: b.para(ws[3]-3, span{text, &style{face: bold, size: 7.6, colour: ink}}), padX: 1.5, fill: fillC, centre: true},
		}
		b.place(block{bands: []band{{cells: cells, padY: 1.7}}, rule: true})
	}
}

func validIdx(idx []int, n int) bool {
	for _, k := range idx {
		if k < 0 || k >= n {
			return false
		}
	}
	return true
}

// statusLook returns the fill and the words for a topic status.
func statusLook(s compare.Closeness) (*rgb, string) {
	switch s {
	case compare.Close:
		return &rgb{0xcf, 0xec, 0xe0}, "close"
	case compare.FarApart:
		return &rgb{0xf8, 0xd3, 0xbf}, "far apart"
	case compare.OnlyLeft:
		return &paleGrey, "only left"
	case compare.OnlyRight:
		return &paleGrey, "only right"
	}
	return &paleGrey, strings.ReplaceAll(string(s), "-", " ")
}

// excerpt shortens s to about n characters at a word boundary.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	cut := n
	for cut > n/2 && rs[cut] != ' ' {
		cut--
	}
	return strings.TrimRight(string(rs[:cut]), " ,;:") + "…"
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func plural(n int, noun string) string {
	switch n {
	case 0:
		return "no " + noun + "s"
	case 1:
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// isAre picks the verb form for a count: many for n≠1, one for n=1.
func isAre(n int, many, one string) string {
	if n == 1 {
		return one
	}
	return many
}

// list joins words as "a, b and c".
func list(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}
