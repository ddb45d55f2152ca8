package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"

	"counterpart/compare"
)

// Limits against hostile PDF files.
const (
	maxPages  = 3000
	maxGlyphs = 20_000_000
)

// pdfLine is one line of text on a page.
type pdfLine struct {
	page       int
	x, y, size float64
	end        float64 // right end of the line
	bold       bool    // every letter is bold
	text       string
}

// readPDF extracts the text of a PDF in reading order, one line per text
// line, and rebuilds paragraphs, list items and headings from their
// positions and font sizes: lines are joined into paragraphs, words broken
// by a hyphen at a line end are joined, and headers, footers and page
// numbers repeated on each page are dropped. The document's Title fills the
// front matter when the text has none.
func readPDF(name string, data []byte) (body []byte, defaults map[string]string, err error) {
	// The library panics on some malformed files; turn that into an error.
	defer func() {
		if r := recover(); r != nil {
			body, defaults, err = nil, nil, fail(name, ErrCorrupt, fmt.Errorf("malformed PDF: %v", r))
		}
	}()
	data = pdfFromHeader(data)
	// The library re-reads the file for every object it resolves and has
	// loops that a malformed file can make endless; a read budget turns
	// those into an error.
	src := &budgetReader{r: bytes.NewReader(data), left: 16<<20 + 20*int64(len(data))}
	r, err := pdf.NewReader(src, int64(len(data)))
	if err != nil {
		if strings.Contains(strings.ToLower(err.Error()), "encrypt") || bytes.Contains(data, []byte("/Encrypt")) {
			return nil, nil, fail(name, ErrEncrypted, nil)
		}
		return nil, nil, fail(name, ErrCorrupt, err)
	}
	pages, err := pageList(r)
	if errors.Is(err, errTooManyPages) {
		return nil, nil, fail(name, ErrTooLarge, err)
	}
	if err != nil {
		return nil, nil, fail(name, ErrCorrupt, err)
	}
	var all [][]pdfLine
	glyphs := 0
	for i, p := range pages {
		gs, err := pageRuns(p)
		if err != nil {
			return nil, nil, fail(name, ErrCorrupt, fmt.Errorf("page %d: %w", i+1, err))
		}
		glyphs += len(gs)
		if glyphs > maxGlyphs {
			return nil, nil, fail(name, ErrTooLarge, errors.New("it holds too much text"))
		}
		all = append(all, assembleLines(i+1, gs))
	}
	lines := dropRepeated(all)
	if len(lines) == 0 {
		return nil, nil, fail(name, ErrNoTextLayer, nil)
	}
	defaults = map[string]string{}
	if t := pdfTitle(r); t != "" {
		defaults["title"] = t
	}
	return writePDFText(lines), defaults, nil
}

// budgetReader reads from r until left bytes have been read, then panics.
type budgetReader struct {
	r    *bytes.Reader
	left int64
}

var (
	errReadBudget   = errors.New("the file's structure makes the reader loop")
	errTooManyPages = fmt.Errorf("it has more than %d pages", maxPages)
)

// ReadAt reads like r.ReadAt, within the budget.
func (b *budgetReader) ReadAt(p []byte, off int64) (int, error) {
	b.left -= int64(len(p))
	if b.left < 0 {
		panic(errReadBudget)
	}
	return b.r.ReadAt(p, off)
}

// pageList walks the page tree once, in order. The library's own Page(n)
// walks it from the root for every page (quadratic in the pages) and
// follows a tree that contains itself for ever.
func pageList(r *pdf.Reader) ([]pdf.Page, error) {
	var pages []pdf.Page
	nodes := 0
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) error {
		nodes++
		switch {
		case len(pages) > maxPages:
			return errTooManyPages
		case depth > 64 || nodes > 4*maxPages:
			return errors.New("its page tree is too deep or loops")
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Pages" || (v.Key("Type").Name() != "Page" && kids.Kind() == pdf.Array) {
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		if v.Kind() == pdf.Dict {
			pages = append(pages, pdf.Page{V: v})
		}
		return nil
	}
	err := walk(r.Trailer().Key("Root").Key("Pages"), 0)
	return pages, err
}

// pdfFromHeader drops bytes before the "%PDF-" header, and labels a PDF 2.0
// file as 1.7 for the reader, which reads it the same way.
func pdfFromHeader(data []byte) []byte {
	i := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
	if i < 0 {
		return data
	}
	if i > 0 || bytes.HasPrefix(data, []byte("%PDF-2.")) || !(len(data) > 8 && (data[8] == '\n' || data[8] == '\r')) {
		d := append([]byte(nil), data[i:]...)
		if len(d) > 8 {
			copy(d, "%PDF-1.7")
			if d[8] != '\n' && d[8] != '\r' {
				d[8] = '\n'
			}
		}
		return d
	}
	return data
}

// pdfTitle returns the Title of the document information dictionary.
func pdfTitle(r *pdf.Reader) (title string) {
	defer func() {
		if recover() != nil {
			title = ""
		}
	}()
	return compare.Normalize(r.Trailer().Key("Info").Key("Title").Text())
}

// assembleLines groups the runs of a page into lines, top to bottom, and
// each line left to right, with spaces where the gaps are.
func assembleLines(page int, gs []run) []pdfLine {
	sort.SliceStable(gs, func(i, j int) bool {
		if math.Abs(gs[i].y-gs[j].y) > 0.01 {
			return gs[i].y > gs[j].y
		}
		return gs[i].x < gs[j].x
	})
	var lines []pdfLine
	var cur []run
	flush := func() {
		if len(cur) > 0 {
			if l, ok := makeLine(page, cur); ok {
				lines = append(lines, l)
			}
		}
		cur = cur[:0]
	}
	for _, g := range gs {
		if len(cur) > 0 && math.Abs(cur[0].y-g.y) > 0.4*math.Min(cur[0].size, g.size) {
			flush()
		}
		cur = append(cur, g)
	}
	flush()
	return lines
}

// makeLine joins the runs of one line, sorted by x.
func makeLine(page int, gs []run) (pdfLine, bool) {
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].x < gs[j].x })
	var b strings.Builder
	l := pdfLine{page: page, y: gs[0].y, bold: true}
	first := true
	var prevEnd float64
	letters := 0
	for _, g := range gs {
		text := strings.TrimSpace(g.text)
		if text == "" {
			continue
		}
		if first {
			l.x = g.x
			if strings.TrimLeft(g.text, " ") != g.text {
				l.x += 0.25 * g.size // a leading space
			}
			first = false
		} else {
			s := b.String()
			gap := g.x - prevEnd
			if !strings.HasSuffix(s, " ") && (gap > 0.15*g.size || strings.HasPrefix(g.text, " ")) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.text)
		prevEnd = g.end
		l.size = math.Max(l.size, g.size)
		for _, r := range text {
			if unicode.IsLetter(r) {
				letters++
				l.bold = l.bold && g.bold
				break
			}
		}
	}
	l.end = prevEnd
	l.text = compare.Normalize(symbolBullets.Replace(b.String()))
	if letters == 0 {
		l.bold = false
	}
	return l, l.text != ""
}

// symbolBullets maps the bullets of Symbol and Wingdings fonts, which come
// out in the private use area, to "•".
var symbolBullets = strings.NewReplacer("\uf0b7", "•", "\uf0a7", "•", "\uf076", "•", "\uf0d8", "•", "\uf0fc", "•", "\uf06e", "•")

var (
	rePageNumber = regexp.MustCompile(`(?i)^(page|p\.|стр\.?|страница|сторінка|с\.)?\s*[-–—]?\s*\d+\s*[-–—]?\s*((of|из|з|/)\s*\d+)?$`)
	reDigits     = regexp.MustCompile(`\d+`)
)

// dropRepeated removes page numbers, and headers and footers that repeat
// on at least half the pages, from the first and last two lines of each
// page, and returns the remaining lines in order.
func dropRepeated(pages [][]pdfLine) []pdfLine {
	edge := func(ls []pdfLine, i int) bool { return i < 2 || i >= len(ls)-2 }
	key := func(s string) string { return reDigits.ReplaceAllString(strings.ToLower(s), "#") }
	count := map[string]int{}
	for _, ls := range pages {
		seen := map[string]bool{}
		for i, l := range ls {
			if edge(ls, i) && !seen[key(l.text)] {
				seen[key(l.text)] = true
				count[key(l.text)]++
			}
		}
	}
	var out []pdfLine
	for _, ls := range pages {
		for i, l := range ls {
			if edge(ls, i) {
				if rePageNumber.MatchString(l.text) && len(ls) > 1 {
					continue
				}
				if len(pages) >= 2 && count[key(l.text)]*2 >= len(pages) && count[key(l.text)] >= 2 {
					continue
				}
			}
			out = append(out, l)
		}
	}
	return out
}

// reLineMarker matches a line that starts with a list marker, as
// compare.Parse reads them.
var reLineMarker = regexp.MustCompile(`^(\(?([0-9]+(\.[0-9]+)*|[ivxlcdmIVXLCDM]+|\p{L})[.)]|\((\d+|\p{L}|[ivxlcdm]+)\)|[-•–·▪◦*])\s`)

// writePDFText rebuilds Markdown from the lines of a document.
func writePDFText(lines []pdfLine) []byte {
	body := bodySize(lines)
	// Heading sizes, largest first.
	var sizes []float64
	for _, l := range lines {
		if l.size > body*1.15 && !containsSize(sizes, l.size) {
			sizes = append(sizes, l.size)
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(sizes)))
	levels := markerLevels(lines, body)

	var vocab strings.Builder
	for _, l := range lines {
		vocab.WriteString(strings.ToLower(l.text) + " ")
	}
	all := vocab.String()

	right := 0.0 // the right margin: where full lines end
	for _, l := range lines {
		right = math.Max(right, l.end)
	}

	var w markdown
	type blockKind int
	const (
		paragraph blockKind = iota
		item
		heading
	)
	type block struct {
		kind  blockKind
		level int     // heading level, or list depth from 0
		x     float64 // left of the first line
		parts []string
	}
	var cur *block
	emit := func() {
		if cur == nil {
			return
		}
		text := joinLines(cur.parts, all)
		switch cur.kind {
		case heading:
			w.heading(cur.level, text)
		case item:
			marker, rest, _ := strings.Cut(text, " ")
			w.item(cur.level, marker, rest)
		default:
			if text == "---" || (len(cur.parts) == 1 && isFrontMatterLine(text)) {
				w.line(text)
			} else {
				w.paragraph(text)
			}
		}
		cur = nil
	}
	for i, l := range lines {
		gap := false
		if i > 0 {
			p := lines[i-1]
			gap = p.page == l.page && p.y-l.y > 1.6*math.Max(p.size, l.size)
		}
		level := headingLevel(l, body, sizes)
		marker := reLineMarker.MatchString(l.text)
		switch {
		case level > 0:
			if cur != nil && cur.kind == heading && cur.level == level && !gap {
				cur.parts = append(cur.parts, l.text)
				continue
			}
			emit()
			cur = &block{kind: heading, level: level, x: l.x, parts: []string{l.text}}
		case marker && (cur == nil || gap || cur.kind == heading || l.x <= cur.x+2 || ended(lines[i-1], right)):
			emit()
			cur = &block{kind: item, level: levelOf(levels, l.x), x: l.x, parts: []string{l.text}}
		case cur != nil && !gap && cur.kind != heading && !isFrontMatterLine(l.text):
			cur.parts = append(cur.parts, l.text)
		default:
			emit()
			cur = &block{kind: paragraph, x: l.x, parts: []string{l.text}}
		}
	}
	emit()
	return w.bytes()
}

// ended reports whether a line ends its paragraph: it ends a sentence or a
// clause, or stops well short of the right margin.
func ended(l pdfLine, right float64) bool {
	r, _ := utf8.DecodeLastRuneInString(l.text)
	return strings.ContainsRune(".;:!?", r) || l.end < right-3*l.size
}

// isFrontMatterLine reports whether a line reads like "key: value" of a
// front matter block, or its "---" fence.
func isFrontMatterLine(s string) bool {
	if s == "---" {
		return true
	}
	key, _, ok := strings.Cut(s, ":")
	switch strings.ToLower(key) {
	case "party", "parties", "title", "date", "kind", "source", "language", "lang":
		return ok
	}
	return false
}

// bodySize returns the font size of most of the text.
func bodySize(lines []pdfLine) float64 {
	count := map[float64]int{}
	for _, l := range lines {
		count[math.Round(l.size*2)/2] += len(l.text)
	}
	best, n := 10.0, -1
	for s, c := range count {
		if c > n || (c == n && s < best) {
			best, n = s, c
		}
	}
	return best
}

func containsSize(sizes []float64, s float64) bool {
	for _, v := range sizes {
		if math.Abs(v-s) < 0.5 {
			return true
		}
	}
	return false
}

// headingLevel returns the Markdown level of a heading line, 0 for text:
// lines in a larger font are headings, the largest size level 1 when there
// are several sizes, else level 2; a short bold line that does not end a
// sentence is a level-2 heading too.
func headingLevel(l pdfLine, body float64, sizes []float64) int {
	if l.size > body*1.15 {
		if len(sizes) > 1 && math.Abs(l.size-sizes[0]) < 0.5 {
			return 1
		}
		return 2
	}
	if l.bold && utf8.RuneCountInString(l.text) < 120 && !strings.HasSuffix(l.text, ".") && !isFrontMatterLine(l.text) {
		return 2
	}
	return 0
}

// markerLevels returns the distinct left positions of list item lines,
// from left to right: the nesting depths of the lists.
func markerLevels(lines []pdfLine, body float64) []float64 {
	var xs []float64
	for _, l := range lines {
		if l.size > body*1.15 || !reLineMarker.MatchString(l.text) {
			continue
		}
		found := false
		for _, x := range xs {
			if math.Abs(x-l.x) < 4 {
				found = true
				break
			}
		}
		if !found {
			xs = append(xs, l.x)
		}
	}
	sort.Float64s(xs)
	return xs
}

func levelOf(levels []float64, x float64) int {
	for i, v := range levels {
		if math.Abs(v-x) < 4 {
			return i
		}
	}
	return 0
}

// joinLines joins the lines of a paragraph, mending words broken by a
// hyphen at the end of a line. A hyphen is kept when the text elsewhere
// writes the word with one or uses its second part as a word, or when the
// first part is capitalised or a number ("Russian-speaking", "2025-26"); a soft hyphen is always dropped. all is
// the text of the whole document in lower case, the evidence.
func joinLines(parts []string, all string) string {
	if len(parts) == 1 {
		return parts[0]
	}
	var b strings.Builder
	for i, p := range parts {
		if i == 0 {
			b.WriteString(p)
			continue
		}
		prev := b.String()
		switch {
		case strings.HasSuffix(prev, "\u00ad"):
			s := strings.TrimSuffix(prev, "\u00ad")
			b.Reset()
			b.WriteString(s + p)
		case strings.HasSuffix(prev, "-") && len(prev) > 1 && dropHyphen(prev, p, all):
			s := strings.TrimSuffix(prev, "-")
			b.Reset()
			b.WriteString(s + p)
		case strings.HasSuffix(prev, "-") && !strings.HasSuffix(prev, " -"):
			b.WriteString(p)
		default:
			b.WriteString(" " + p)
		}
	}
	return b.String()
}

// dropHyphen decides whether the hyphen ending prev breaks one word whose
// rest starts next.
func dropHyphen(prev, next, all string) bool {
	stem := strings.TrimSuffix(prev, "-")
	if r, _ := utf8.DecodeLastRuneInString(stem); !unicode.IsLetter(r) {
		return false // a dash after a space, or a number range
	}
	before := lastWord(stem)
	after := firstWord(next)
	if before == "" || after == "" {
		return false
	}
	rb, _ := utf8.DecodeLastRuneInString(before)
	ra, _ := utf8.DecodeRuneInString(after)
	if !unicode.IsLetter(rb) || !unicode.IsLower(ra) {
		return false
	}
	joined := strings.ToLower(before + after)
	hyphened := strings.ToLower(before + "-" + after)
	switch {
	case strings.Contains(all, hyphened):
		return false // written with a hyphen elsewhere
	case strings.Contains(all, " "+joined):
		return true // written as one word elsewhere
	case strings.Contains(all, " "+strings.ToLower(after)+" "):
		return false // the second part is a word of its own: a compound
	}
	r0, _ := utf8.DecodeRuneInString(before)
	return unicode.IsLower(r0)
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.TrimLeft(f[len(f)-1], "\"'«“(")
}

func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.TrimRightFunc(f[0], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
