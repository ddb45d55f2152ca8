package report

import (
	"sort"
	"strings"
	"time"

	"counterpart/compare"
)

// timelineDoc is a document on the chart.
type timelineDoc struct {
	d        *compare.Document
	t        time.Time
	compared string // "left", "right" or ""
}

// timeline draws a chart of the documents and statements of the parties of
// the two compared documents, from the earliest to the report's date: one
// lane per party in its colour, documents as dots with short labels,
// statements as ticks, the compared documents ringed and labelled.
func (b *brief) timeline() {
	c := b.c
	var parties []string
	seen := map[string]bool{}
	for _, d := range []*compare.Document{&c.Left, &c.Right} {
		for _, p := range d.Parties {
			if k := strings.ToLower(p); !seen[k] {
				seen[k] = true
				parties = append(parties, p)
			}
		}
	}
	if len(parties) == 0 {
		return
	}

	// The compared documents, then every other library document of these parties.
	docs := []timelineDoc{{d: &c.Left, compared: "left"}, {d: &c.Right, compared: "right"}}
	same := func(a, b *compare.Document) bool {
		if a.ID != 0 && b.ID != 0 {
			return a.ID == b.ID
		}
		return a.Title == b.Title && a.Date == b.Date
	}
	for i := range b.opt.Documents {
		d := &b.opt.Documents[i]
		if same(d, &c.Left) || same(d, &c.Right) || !anyParty(d.Parties, seen) {
			continue
		}
		docs = append(docs, timelineDoc{d: d})
	}
	var stmts []compare.Statement
	for _, s := range b.opt.Statements {
		if seen[strings.ToLower(s.Party)] && !s.Date.Time().IsZero() {
			stmts = append(stmts, s)
		}
	}
	var from, to time.Time
	extend := func(t time.Time) {
		if t.IsZero() {
			return
		}
		if from.IsZero() || t.Before(from) {
			from = t
		}
		if to.IsZero() || t.After(to) {
			to = t
		}
	}
	kept := docs[:0]
	for _, td := range docs {
		td.t = td.d.Date.Time()
		if td.t.IsZero() {
			continue
		}
		extend(td.t)
		kept = append(kept, td)
	}
	docs = kept
	for _, s := range stmts {
		extend(s.Date.Time())
	}
	if from.IsZero() {
		return
	}
	made := time.Date(b.date.Year(), b.date.Month(), b.date.Day(), 0, 0, 0, 0, time.UTC)
	if made.After(to) {
		to = made
	}
	if to.Sub(from) < 60*24*time.Hour {
		to = from.Add(60 * 24 * time.Hour)
	}
	// Later documents first, so that the compared ones' labels win collisions last.
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].t.Before(docs[j].t) })

	const laneH, labelW, axisH, topPad = 13.0, 30.0, 15.0, 4.0
	h := topPad + float64(len(parties))*laneH + axisH
	b.ensure(h + 26) // the heading and the chart stay together
	b.heading("Timeline")
	pdf := b.pdf
	x0, x1 := b.left+labelW, b.right-4
	days := to.Sub(from).Hours()
	pad := days * 0.03
	xOf := func(t time.Time) float64 {
		return x0 + (x1-x0)*(t.Sub(from).Hours()+pad)/(days+2*pad)
	}
	top := b.y + topPad
	laneY := map[string]float64{}
	for i, p := range parties {
		y := top + float64(i)*laneH + laneH/2
		laneY[strings.ToLower(p)] = y
		col := b.partyColour(p)
		b.fill(col.tint(0.9))
		pdf.Rect(x0, y-laneH/2+1, x1-x0, laneH-2, "F")
		b.fill(col)
		pdf.Rect(b.left, y-3.2, 1.2, 6.4, "F")
		ls := b.m.wrap([]span{{p, &style{face: bold, size: 7.5, colour: ink}}}, labelW-5, 1.2)
		ly := y - height(ls)/2
		for k := range ls {
			b.drawLine(&ls[k], b.left+2.5, ly)
			ly += ls[k].h
		}
	}
	// Axis with month ticks.
	axisY := top + float64(len(parties))*laneH + 1
	b.draw(grey)
	pdf.SetLineWidth(0.25)
	pdf.Line(x0, axisY, x1, axisY)
	months := int(to.Sub(from).Hours()/24/30) + 1
	step := 1
	for months/step > 9 {
		step++
	}
	small := &style{face: regular, size: 6.5, colour: grey}
	for m := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(to); m = m.AddDate(0, step, 0) {
		if m.Before(from) {
			continue
		}
		x := xOf(m)
		b.draw(rule)
		pdf.SetLineWidth(0.15)
		pdf.Line(x, top, x, axisY)
		b.draw(grey)
		pdf.Line(x, axisY, x, axisY+1.2)
		label := m.Format("Jan 2006")
		b.text(x-b.m.width(small, label)/2, axisY+4.2, label, small)
	}
	// The report's date.
	xm := xOf(made)
	b.draw(accent)
	pdf.SetLineWidth(0.3)
	pdf.SetDashPattern([]float64{0.8, 0.8}, 0)
	pdf.Line(xm, top-1.5, xm, axisY)
	pdf.SetDashPattern(nil, 0)
	note := "report " + made.Format("2 Jan 2006")
	noteSt := &style{face: regular, size: 6, colour: accent}
	b.text(min(xm+0.8, x1-b.m.width(noteSt, note)), top-1.8, note, noteSt)

	// Statements: ticks.
	for _, s := range stmts {
		y, ok := laneY[strings.ToLower(s.Party)]
		if !ok {
			continue
		}
		x := xOf(s.Date.Time())
		b.draw(b.partyColour(s.Party))
		pdf.SetLineWidth(0.35)
		pdf.Line(x, y+1.0, x, y+3.4)
	}
	// Documents: dots with labels, alternating above and below to avoid overlaps.
	used := map[string][][2]float64{} // lane+level → extents of the labels placed there
	lab := &style{face: regular, size: 6.2, colour: ink}
	labB := &style{face: bold, size: 6.6, colour: ink}
	for pass := 0; pass < 2; pass++ { // compared documents last, on top
		for _, td := range docs {
			if (td.compared != "") != (pass == 1) {
				continue
			}
			x := xOf(td.t)
			for _, p := range td.d.Parties {
				y, ok := laneY[strings.ToLower(p)]
				if !ok {
					continue
				}
				col := b.partyColour(p)
				if td.compared != "" {
					b.draw(ink)
					pdf.SetLineWidth(0.45)
					b.fill(white)
					pdf.Circle(x, y, 2.1, "DF")
				}
				b.fill(col)
				b.draw(white)
				pdf.SetLineWidth(0.2)
				pdf.Circle(x, y, 1.25, "DF")

				st, text := lab, shortTitle(td.d)
				if td.compared != "" {
					st = labB
					text = strings.ToUpper(td.compared) + ": " + text
				}
				wd := b.m.width(st, text)
				lx := min(max(x-wd/2, x0+0.5), x1-wd)
				level := "above"
				key := p + "|above"
				if overlaps(used[key], lx, lx+wd) {
					level, key = "below", p+"|below"
				}
				used[key] = append(used[key], [2]float64{lx, lx + wd})
				ly := y - 3.0
				if level == "below" {
					ly = y + 5.2
				}
				b.text(lx, ly, text, st)
			}
		}
	}
	b.timelineLegend(x0, axisY+10)
	b.y = axisY + 14
}

// timelineLegend explains the chart's marks in one line starting at (x, y).
func (b *brief) timelineLegend(x, y float64) {
	pdf := b.pdf
	st := &style{face: regular, size: 6.5, colour: grey}
	item := func(label string, mark func(cx float64)) {
		mark(x + 1.5)
		b.text(x+5, y+0.9, label, st)
		x += 5 + b.m.width(st, label) + 6
	}
	item("document", func(cx float64) {
		b.fill(grey)
		pdf.Circle(cx, y, 1.25, "F")
	})
	item("compared document", func(cx float64) {
		b.draw(ink)
		pdf.SetLineWidth(0.45)
		b.fill(white)
		pdf.Circle(cx, y, 2.1, "DF")
		b.fill(grey)
		pdf.Circle(cx, y, 1.25, "F")
	})
	item("statement", func(cx float64) {
		b.draw(grey)
		pdf.SetLineWidth(0.35)
		pdf.Line(cx, y-1.2, cx, y+1.2)
	})
	item("date of this report", func(cx float64) {
		b.draw(accent)
		pdf.SetLineWidth(0.3)
		pdf.SetDashPattern([]float64{0.8, 0.8}, 0)
		pdf.Line(cx, y-1.8, cx, y+1.8)
		pdf.SetDashPattern(nil, 0)
	})
}

// overlaps reports whether [a, z] comes within 1 mm of any of the extents.
func overlaps(extents [][2]float64, a, z float64) bool {
	for _, e := range extents {
		if a < e[1]+1 && z > e[0]-1 {
			return true
		}
	}
	return false
}

func anyParty(ps []string, set map[string]bool) bool {
	for _, p := range ps {
		if set[strings.ToLower(p)] {
			return true
		}
	}
	return false
}

// shortTitle labels a document on the chart: its kind and date.
func shortTitle(d *compare.Document) string {
	k := capitalise(string(d.Kind))
	if k == "" {
		k = excerpt(d.Title, 18)
	}
	return k + " " + d.Date.Time().Format("2 Jan")
}
