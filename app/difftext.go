package app

import (
	"image/color"
	"strings"
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// spanStyle is how a run of a cell's text is drawn.
type spanStyle uint8

// The styles of a cell's text. Deleted and inserted words are told apart by
// more than colour: deleted words are struck through, inserted words are bold
// and underlined.
const (
	plainSpan    spanStyle = iota
	labelSpan              // a provision label: bold
	deletedSpan            // only in the left text: tint and strike-through
	insertedSpan           // only in the right text: tint, bold and underline
	sharedSpan             // a term shared by an unrelated pair: tint and underline
	mutedSpan              // "no counterpart", headings: italic, dimmed
)

func (s spanStyle) textStyle() fyne.TextStyle {
	switch s {
	case labelSpan, insertedSpan:
		return fyne.TextStyle{Bold: true}
	case mutedSpan:
		return fyne.TextStyle{Italic: true}
	}
	return fyne.TextStyle{}
}

// span is a run of text in one style.
type span struct {
	Text  string
	Style spanStyle
}

// placedRun is a run of words of one style laid out on one line.
type placedRun struct {
	Text  string
	Style spanStyle
	X, Y  float32 // top-left
	W     float32
}

// wordWidths caches measured word widths: the same words recur across rows
// and every resize lays all rows out again.
var wordWidths = struct {
	sync.Mutex
	m map[wordKey]float32
}{m: map[wordKey]float32{}}

type wordKey struct {
	text  string
	size  float32
	style fyne.TextStyle
}

func measureWord(s string, size float32, style fyne.TextStyle) float32 {
	k := wordKey{s, size, style}
	wordWidths.Lock()
	w, ok := wordWidths.m[k]
	wordWidths.Unlock()
	if ok {
		return w
	}
	w = fyne.MeasureText(s, size, style).Width
	wordWidths.Lock()
	if len(wordWidths.m) > 200000 {
		clear(wordWidths.m)
	}
	wordWidths.m[k] = w
	wordWidths.Unlock()
	return w
}

// lineHeight is the height of one line of text at size.
func lineHeight(size float32) float32 {
	return measureLine(size)
}

var lineHeights sync.Map // float32 → float32

func measureLine(size float32) float32 {
	if h, ok := lineHeights.Load(size); ok {
		return h.(float32)
	}
	h := fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height
	lineHeights.Store(size, h)
	return h
}

// token is a word with the spaces that follow it.
type token struct {
	word, space string
	style       spanStyle
	newline     bool // a line break follows
}

func tokenize(spans []span) []token {
	var out []token
	for _, s := range spans {
		text := s.Text
		for text != "" {
			i := strings.IndexFunc(text, unicode.IsSpace)
			if i < 0 {
				out = append(out, token{word: text, style: s.Style})
				break
			}
			word := text[:i]
			j := i
			nl := false
			for j < len(text) {
				r := rune(text[j])
				if r >= 0x80 || !unicode.IsSpace(r) {
					break
				}
				if r == '\n' {
					nl = true
				}
				j++
			}
			out = append(out, token{word: word, space: " ", style: s.Style, newline: nl})
			text = text[j:]
		}
	}
	return out
}

// measuredToken is a token with its width.
type measuredToken struct {
	token
	w float32
}

// measureTokens splits spans into words and measures them once, so that
// laying them out again at another width costs no text measuring.
func measureTokens(spans []span, size float32) []measuredToken {
	toks := tokenize(spans)
	out := make([]measuredToken, len(toks))
	for i, t := range toks {
		out[i].token = t
		if t.word != "" {
			out[i].w = measureWord(t.word, size, t.style.textStyle())
		}
	}
	return out
}

// wrap lays spans out in lines no wider than width and returns the runs and
// the total height. Consecutive words of one style on a line form one run.
func wrap(spans []span, width, size float32) ([]placedRun, float32) {
	var runs []placedRun
	h := flow(measureTokens(spans, size), width, size, &runs)
	return runs, h
}

// flow lays measured tokens out at width and returns the height; with runs
// non-nil it also returns the runs to draw.
func flow(toks []measuredToken, width, size float32, runs *[]placedRun) float32 {
	if len(toks) == 0 {
		return 0
	}
	lh := lineHeight(size)
	space := measureWord(" ", size, fyne.TextStyle{})
	x, y := float32(0), float32(0)
	cur := -1       // index of the open run in *runs, -1 for none
	spaced := false // the previous token ended with a space
	for _, t := range toks {
		if t.word == "" {
			if t.newline && x > 0 {
				x, y, cur = 0, y+lh, -1
			} else if t.space != "" && x > 0 && !spaced {
				x += space
				spaced = true
			}
			continue
		}
		if x > 0 && x+t.w > width && spaced {
			x, y, cur = 0, y+lh, -1
		}
		if runs != nil {
			if cur >= 0 && (*runs)[cur].Style == t.style {
				r := &(*runs)[cur]
				if spaced {
					r.Text += " "
				}
				r.Text += t.word
				r.W = x + t.w - r.X
			} else {
				*runs = append(*runs, placedRun{Text: t.word, Style: t.style, X: x, Y: y, W: t.w})
				cur = len(*runs) - 1
			}
		}
		x += t.w
		spaced = false
		if t.space != "" {
			x += space
			spaced = true
		}
		if t.newline {
			x, y, cur = 0, y+lh, -1
		}
	}
	if x == 0 && y > 0 {
		return y
	}
	return y + lh
}

// textHeight returns the height spans take wrapped at width.
func textHeight(spans []span, width, size float32) float32 {
	_, h := wrap(spans, width, size)
	return h
}

// diffText draws a cell's text with inline highlights, wrapping at its width
// and never clipping: its MinSize grows with the lines the text needs.
type diffText struct {
	widget.BaseWidget
	spans []span
	size  float32 // text size; 0 means the theme's
}

func newDiffText(spans ...span) *diffText {
	d := &diffText{spans: spans}
	d.ExtendBaseWidget(d)
	return d
}

// SetSpans replaces the text.
func (d *diffText) SetSpans(spans []span) {
	d.spans = spans
	d.Refresh()
}

// Text returns the plain text of the cell.
func (d *diffText) Text() string {
	var b strings.Builder
	for _, s := range d.spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

func (d *diffText) textSize() float32 {
	if d.size > 0 {
		return d.size
	}
	return theme.TextSize()
}

// HeightFor returns the height the text needs at width.
func (d *diffText) HeightFor(width float32) float32 {
	return textHeight(d.spans, width, d.textSize())
}

func (d *diffText) CreateRenderer() fyne.WidgetRenderer {
	return &diffTextRenderer{d: d}
}

type diffTextRenderer struct {
	d       *diffText
	texts   []*canvas.Text
	tints   []*canvas.Rectangle
	lines   []*canvas.Line
	objects []fyne.CanvasObject
	height  float32
}

func (r *diffTextRenderer) Destroy() {}

func (r *diffTextRenderer) MinSize() fyne.Size {
	w := r.d.Size().Width
	if w <= 0 {
		return fyne.NewSize(40, lineHeight(r.d.textSize()))
	}
	return fyne.NewSize(40, r.d.HeightFor(w))
}

func (r *diffTextRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *diffTextRenderer) Refresh() {
	r.Layout(r.d.Size())
	canvas.Refresh(r.d)
}

func (r *diffTextRenderer) Layout(size fyne.Size) {
	ts := r.d.textSize()
	runs, h := wrap(r.d.spans, size.Width, ts)
	r.height = h
	fg := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNameDisabled)
	lh := lineHeight(ts)
	nt, nr, nl := 0, 0, 0
	text := func() *canvas.Text {
		if nt == len(r.texts) {
			r.texts = append(r.texts, canvas.NewText("", fg))
		}
		nt++
		return r.texts[nt-1]
	}
	tint := func(c color.Color) *canvas.Rectangle {
		if nr == len(r.tints) {
			r.tints = append(r.tints, canvas.NewRectangle(c))
		}
		nr++
		t := r.tints[nr-1]
		t.FillColor = c
		return t
	}
	line := func(c color.Color) *canvas.Line {
		if nl == len(r.lines) {
			r.lines = append(r.lines, canvas.NewLine(c))
		}
		nl++
		l := r.lines[nl-1]
		l.StrokeColor = c
		l.StrokeWidth = 1
		return l
	}
	for _, run := range runs {
		var tc color.Color
		switch run.Style {
		case deletedSpan:
			tc = themeColor(ColorDeleted)
		case insertedSpan:
			tc = themeColor(ColorInserted)
		case sharedSpan:
			tc = themeColor(ColorShared)
		}
		if tc != nil {
			rect := tint(tc)
			rect.Move(fyne.NewPos(run.X-1, run.Y))
			rect.Resize(fyne.NewSize(run.W+2, lh))
		}
		t := text()
		t.Text = run.Text
		t.TextSize = ts
		t.TextStyle = run.Style.textStyle()
		t.Color = fg
		if run.Style == mutedSpan {
			t.Color = muted
		}
		t.Move(fyne.NewPos(run.X, run.Y))
		t.Resize(fyne.NewSize(run.W, lh))
		switch run.Style {
		case deletedSpan: // strike-through at mid x-height
			l := line(fg)
			y := run.Y + lh*0.55
			l.Position1 = fyne.NewPos(run.X, y)
			l.Position2 = fyne.NewPos(run.X+run.W, y)
		case insertedSpan, sharedSpan: // underline
			l := line(fg)
			y := run.Y + lh*0.92
			l.Position1 = fyne.NewPos(run.X, y)
			l.Position2 = fyne.NewPos(run.X+run.W, y)
		}
	}
	r.objects = r.objects[:0]
	for _, o := range r.tints[:nr] {
		r.objects = append(r.objects, o)
	}
	for _, o := range r.texts[:nt] {
		r.objects = append(r.objects, o)
	}
	for _, o := range r.lines[:nl] {
		r.objects = append(r.objects, o)
	}
}
