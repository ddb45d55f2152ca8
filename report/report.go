// Package report writes an aligned comparison of two documents as a PDF
// brief: a title block naming both documents, a summary of where the two
// sides stand on each topic, a timeline of the parties' documents and
// statements, and the provisions side by side with word-level changes
// highlighted and the analyst's notes beside them.
//
// It reads the same *compare.Comparison that the screen and the JSON output
// show, so the three never disagree. Text is set in the embedded Noto Sans
// faces (Unicode throughout, Cyrillic included) with a line breaker of its
// own, so that highlighted words wrap with their paragraph.
//
// Glossary:
//
//   - Brief: the PDF document this package writes.
//   - Band: a horizontal strip of a table row — side-by-side cells, or one
//     full-width cell such as a note box; bands split across pages line by line.
//   - Run: consecutive words set in one style on one line.
package report

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"counterpart/assets"
	"counterpart/compare"
)

// Paper is the page size of a report.
type Paper string

// The supported paper sizes.
const (
	A4     Paper = "a4"
	Letter Paper = "letter" // US Letter
)

// Grouping says how the aligned rows of a report are ordered.
type Grouping string

// The supported groupings.
const (
	ByOrder Grouping = "order" // the comparison's row order, with the left document's section headings
	ByTopic Grouping = "topic" // rows grouped under topic subheadings, in taxonomy order
)

// Options control the content and look of a report. Only the comparison is
// required; every option has a sensible default.
type Options struct {
	Title      string                // default "Comparison: <left title> / <right title>"
	Paper      Paper                 // default A4
	Group      Grouping              // default ByOrder
	Note       string                // the analyst's note for the title block, optional
	Created    time.Time             // report date; zero means now. Fixing it makes the output byte-for-byte reproducible
	Parties    []compare.Party       // names and colours for headings and the timeline
	Documents  []compare.Document    // library documents (metadata only) for the timeline
	Statements []compare.Statement   // statements for the timeline
	Notes      []compare.Note        // analyst notes, shown under the rows they attach to
	Progress   func(done, total int) // optional; called after each aligned row is laid out
}

// Write lays out the comparison c as a PDF brief and writes it to w.
func Write(w io.Writer, c *compare.Comparison, opt Options) error {
	if c == nil {
		return errors.New("report: no comparison to write")
	}
	if err := check(c); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	b, err := newBrief(c, opt)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	b.titleBlock()
	b.summary()
	b.timeline()
	b.comparison()
	if err := b.pdf.Output(w); err != nil {
		return fmt.Errorf("report: write PDF: %w", err)
	}
	return nil
}

// check verifies that every row names provisions that exist.
func check(c *compare.Comparison) error {
	for i, r := range c.Rows {
		for _, k := range r.Left {
			if k < 0 || k >= len(c.Left.Provisions) {
				return fmt.Errorf("row %d names left provision %d, but %q has %d provisions", i+1, k, c.Left.Title, len(c.Left.Provisions))
			}
		}
		for _, k := range r.Right {
			if k < 0 || k >= len(c.Right.Provisions) {
				return fmt.Errorf("row %d names right provision %d, but %q has %d provisions", i+1, k, c.Right.Title, len(c.Right.Provisions))
			}
		}
	}
	return nil
}

// Page geometry, in millimetres.
const (
	marginX      = 18.0
	marginTop    = 22.0
	marginBottom = 18.0
	headerBase   = 12.0 // baseline of the running header
	footerFromBt = 10.0 // baseline of the footer, from the bottom edge
)

// Colours of the house style.
var (
	ink      = rgb{0x1f, 0x23, 0x28}
	grey     = rgb{0x5f, 0x66, 0x70}
	rule     = rgb{0xc9, 0xce, 0xd6}
	accent   = rgb{0x1d, 0x35, 0x57} // headings, table header bar
	paleGrey = rgb{0xf3, 0xf4, 0xf6}
	delTint  = rgb{0xfa, 0xd6, 0xc4} // vermillion tint: words only on the left
	insTint  = rgb{0xcc, 0xe4, 0xf5} // blue tint: words only on the right
	noteFill = rgb{0xfb, 0xf3, 0xdc}
	noteBar  = rgb{0xe6, 0x9f, 0x00}
	white    = rgb{0xff, 0xff, 0xff}
)

// okabeIto is the colour-blind-safe palette for parties without a colour.
var okabeIto = []rgb{
	{0x00, 0x72, 0xb2}, {0xd5, 0x5e, 0x00}, {0x00, 0x9e, 0x73}, {0xcc, 0x79, 0xa7},
	{0xe6, 0x9f, 0x00}, {0x56, 0xb4, 0xe9}, {0x33, 0x33, 0x33},
}

// Body text size and leading.
const (
	bodySize = 8.6
	lead     = 1.38
)

// brief is the state of one report being laid out.
type brief struct {
	pdf   *fpdf.Fpdf
	m     *metrics
	c     *compare.Comparison
	opt   Options
	title string
	date  time.Time

	pageW, pageH float64
	left, right  float64 // x of the left and right margins
	top, bottom  float64 // y of the content area
	y            float64 // layout cursor
	curFace      face
	curSize      float64
	header       func() // draws the repeated table header after a page break; nil outside tables
	partyColours map[string]rgb
	nextColour   int
	st           styles
	leftColour   rgb
	rightColour  rgb
	leftAbbrev   string // the parties' short names, for headings
	rightAbbrev  string
	curFill      rgb
	fillSet      bool
	seen         [4][]uint64 // per face, a bitmap of the BMP runes fpdf has already seen in text
	raw          []byte      // scratch buffer for content-stream operators
	k            float64     // points per mm
	fillOps      map[rgb]string
}

// styles are the text styles of a brief.
type styles struct {
	body, label, del, ins, small, smallBold, smallItalic, none, note, noteLabel *style
}

func newBrief(c *compare.Comparison, opt Options) (*brief, error) {
	size := "A4"
	switch opt.Paper {
	case "", A4:
	case Letter:
		size = "Letter"
	default:
		return nil, fmt.Errorf("paper %q is not %q or %q", opt.Paper, A4, Letter)
	}
	switch opt.Group {
	case "", ByOrder, ByTopic:
	default:
		return nil, fmt.Errorf("grouping %q is not %q or %q", opt.Group, ByOrder, ByTopic)
	}
	b := &brief{c: c, opt: opt, date: opt.Created, partyColours: map[string]rgb{}, fillOps: map[rgb]string{}}
	if b.date.IsZero() {
		b.date = time.Now()
	}
	b.title = opt.Title
	if strings.TrimSpace(b.title) == "" {
		b.title = "Comparison: " + c.Left.Title + " / " + c.Right.Title
	}
	for _, p := range opt.Parties {
		if col, ok := hexColour(p.Colour); ok {
			b.partyColours[strings.ToLower(p.Name)] = col
		}
	}

	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: size})
	b.pdf = pdf
	pdf.SetCreationDate(b.date)
	pdf.SetModificationDate(b.date)
	pdf.SetCatalogSort(true)
	pdf.SetProducer("Counterpart", true)
	pdf.SetCreator("Counterpart", true)
	pdf.SetTitle(b.title, true)
	pdf.SetSubject(c.Left.Title+" / "+c.Right.Title, true)
	// The alias must be known before UTF-8 fonts are added.
	pdf.AliasNbPages("{nb}")
	pdf.AddUTF8FontFromBytes(fontFamily, "", assets.FontRegular)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", assets.FontBold)
	pdf.AddUTF8FontFromBytes(fontFamily, "I", assets.FontItalic)
	pdf.AddUTF8FontFromBytes(fontFamily, "BI", assets.FontBoldItalic)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("load fonts: %w", err)
	}
	pdf.SetAutoPageBreak(false, marginBottom)
	pdf.SetMargins(marginX, marginTop, marginX)
	b.pageW, b.pageH = pdf.GetPageSize()
	b.left, b.right = marginX, b.pageW-marginX
	b.top, b.bottom = marginTop, b.pageH-marginBottom

	b.k = pdf.GetConversionRatio()
	for f := range b.seen {
		b.seen[f] = make([]uint64, 0x10000/64)
	}
	b.m = newMetrics(pdf)
	b.m.selectFace = func(f face) {
		pdf.SetFont(fontFamily, faceStyles[f], b.curSize)
		b.curFace = f
	}
	b.m.preload()
	b.curFace, b.curSize = boldItalic, 10

	mk := func(f face, size float64, col rgb) *style { return &style{face: f, size: size, colour: col} }
	b.st = styles{
		body:        mk(regular, bodySize, ink),
		label:       mk(bold, bodySize, ink),
		del:         &style{face: regular, size: bodySize, colour: ink, tint: &delTint, strike: true},
		ins:         &style{face: bold, size: bodySize, colour: ink, tint: &insTint, underline: true},
		small:       mk(regular, 7, grey),
		smallBold:   mk(bold, 7, grey),
		smallItalic: mk(italic, 7, grey),
		none:        mk(italic, bodySize, grey),
		note:        mk(regular, 8, ink),
		noteLabel:   mk(bold, 8, rgb{0x8a, 0x5a, 0x00}),
	}
	b.leftColour = b.partyColour(first(c.Left.Parties))
	b.rightColour = b.partyColour(first(c.Right.Parties))
	b.leftAbbrev, b.rightAbbrev = b.abbrev(&c.Left, "left"), b.abbrev(&c.Right, "right")
	b.newPage()
	return b, nil
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// abbrev returns a party's short name for a document, or fallback.
func (b *brief) abbrev(d *compare.Document, fallback string) string {
	if len(d.Parties) == 0 {
		return fallback
	}
	var names []string
	for _, name := range d.Parties {
		short := name
		if i := strings.Index(name, " ("); i > 0 { // "E3 (United Kingdom, France, Germany)"
			short = name[:i]
		}
		for _, p := range b.opt.Parties {
			if strings.EqualFold(p.Name, name) && p.Short != "" {
				short = p.Short
			}
		}
		names = append(names, short)
	}
	return strings.Join(names, "/")
}

// partyColour returns the colour of a party: its own, or the next of the
// palette, remembered so that a party keeps its colour throughout.
func (b *brief) partyColour(name string) rgb {
	key := strings.ToLower(name)
	if col, ok := b.partyColours[key]; ok {
		return col
	}
	col := okabeIto[b.nextColour%len(okabeIto)]
	b.nextColour++
	b.partyColours[key] = col
	return col
}

// font selects a face and size unless already selected.
func (b *brief) font(f face, size float64) {
	if f == b.curFace && size == b.curSize {
		return
	}
	b.pdf.SetFont(fontFamily, faceStyles[f], size)
	b.curFace, b.curSize = f, size
}

// fill sets the fill colour, which is also the colour of text written raw.
// The operator goes straight into the content stream (fpdf formats it anew
// on every call), so fpdf's own idea of the fill colour is stale: nothing
// here relies on it.
func (b *brief) fill(c rgb) {
	if b.fillSet && b.curFill == c {
		return
	}
	op, ok := b.fillOps[c]
	if !ok {
		op = fmt.Sprintf("%.3f %.3f %.3f rg", float64(c.r)/255, float64(c.g)/255, float64(c.b)/255)
		b.fillOps[c] = op
	}
	b.pdf.RawWriteStr(op)
	b.curFill, b.fillSet = c, true
}
func (b *brief) draw(c rgb)       { b.pdf.SetDrawColor(c.r, c.g, c.b) }
func (b *brief) textColour(c rgb) { b.pdf.SetTextColor(c.r, c.g, c.b) }

// newPage starts a page with the running header and footer, and repeats the
// table header when a table is being laid out.
func (b *brief) newPage() {
	b.pdf.AddPage()
	b.fillSet = false
	b.y = b.top
	small := &style{face: regular, size: 7, colour: grey}
	b.text(b.left, headerBase, b.fit(b.title, small, b.right-b.left-40), small)
	brand := &style{face: bold, size: 7, colour: accent}
	b.text(b.right-b.m.width(brand, "Counterpart"), headerBase, "Counterpart", brand)
	b.draw(rule)
	b.pdf.SetLineWidth(0.2)
	b.pdf.Line(b.left, headerBase+2.2, b.right, headerBase+2.2)
	foot := b.pageH - footerFromBt
	b.text(b.left, foot, fmt.Sprintf("page %d of {nb}", b.pdf.PageNo()), small)
	made := "Made " + longDate(b.date)
	b.text(b.right-b.m.width(small, made), foot, made, small)
	if b.header != nil {
		b.header()
	}
}

// fit shortens s with an ellipsis to at most width mm.
func (b *brief) fit(s string, st *style, width float64) string {
	if b.m.width(st, s) <= width {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && b.m.width(st, string(rs)+"…") > width {
		rs = rs[:len(rs)-1]
	}
	return strings.TrimSpace(string(rs)) + "…"
}

// longDate formats a time as "2 June 2025".
func longDate(t time.Time) string { return t.Format("2 January 2006") }

// dateText formats a document date as "2 June 2025", or returns it as
// written when it is not a valid date.
func dateText(d compare.Date) string {
	t := d.Time()
	if t.IsZero() {
		return string(d)
	}
	return longDate(t)
}

// drawLine draws a laid-out line with its top-left corner at (x, top).
func (b *brief) drawLine(l *line, x, top float64) {
	if len(l.runs) == 0 {
		return
	}
	base := top + l.h/2 + 0.34*l.size*ptToMM
	for i := range l.runs {
		r := &l.runs[i]
		if r.st.tint != nil {
			s := r.st.size * ptToMM
			b.fill(*r.st.tint)
			b.pdf.Rect(x+r.x-0.25, base-0.84*s, r.w+0.5, 1.14*s, "F")
		}
	}
	for i := range l.runs {
		r := &l.runs[i]
		b.text(x+r.x, base, r.text, r.st)
	}
	for i := range l.runs {
		r := &l.runs[i]
		if !r.st.strike && !r.st.underline {
			continue
		}
		s := r.st.size * ptToMM
		b.draw(r.st.colour)
		b.pdf.SetLineWidth(0.065 * s)
		if r.st.strike {
			b.pdf.Line(x+r.x, base-0.3*s, x+r.x+r.w, base-0.3*s)
		}
		if r.st.underline {
			b.pdf.Line(x+r.x, base+0.12*s, x+r.x+r.w, base+0.12*s)
		}
	}
}

// text writes s with its baseline starting at (x, base). fpdf's Text is
// slow for the thousands of runs of a long report (formatting, escaping and
// a map update per character), so once fpdf has seen every character of s
// in this face (it must, to subset the font) the operators are written
// straight into the content stream, coloured by the fill colour.
func (b *brief) text(x, base float64, s string, st *style) {
	b.font(st.face, st.size)
	seen := b.seen[st.face]
	known := true
	for _, r := range s {
		if r >= 0x10000 || seen[r>>6]&(1<<(r&63)) == 0 {
			known = false
			break
		}
	}
	b.fill(st.colour)
	if !known {
		b.textColour(st.colour)
		b.pdf.Text(x, base, s)
		for _, r := range s {
			if r < 0x10000 {
				seen[r>>6] |= 1 << (r & 63)
			}
		}
		return
	}
	buf := append(b.raw[:0], "BT "...)
	buf = strconv.AppendFloat(buf, x*b.k, 'f', 2, 64)
	buf = append(buf, ' ')
	buf = strconv.AppendFloat(buf, (b.pageH-base)*b.k, 'f', 2, 64)
	buf = append(buf, " Td ("...)
	for _, r := range s {
		for _, c := range [2]byte{byte(r >> 8), byte(r)} {
			switch c {
			case '\\', '(', ')':
				buf = append(buf, '\\', c)
			case '\r':
				buf = append(buf, '\\', 'r')
			default:
				buf = append(buf, c)
			}
		}
	}
	buf = append(buf, ") Tj ET"...)
	b.raw = buf
	b.pdf.RawWriteStr(string(buf))
}

// para lays out spans as a paragraph width mm wide.
func (b *brief) para(width float64, spans ...span) []line {
	return b.m.wrap(spans, width, lead)
}

// gap returns an empty line h mm high.
func gap(h float64) line { return line{h: h} }
