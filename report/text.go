package report

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// face is one of the four embedded Noto Sans faces.
type face int

const (
	regular face = iota
	bold
	italic
	boldItalic
)

// fontFamily is the family name the faces are registered under.
const fontFamily = "NotoSans"

var faceStyles = [...]string{regular: "", bold: "B", italic: "I", boldItalic: "BI"}

// ptToMM converts a size in points to millimetres, the report's unit.
const ptToMM = 25.4 / 72

// rgb is a colour with 0–255 components.
type rgb struct{ r, g, b int }

// hexColour parses "#RRGGBB"; ok is false for anything else.
func hexColour(s string) (c rgb, ok bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return rgb{}, false
	}
	var v [3]int
	for i := range 3 {
		for _, ch := range s[2*i : 2*i+2] {
			var d int
			switch {
			case ch >= '0' && ch <= '9':
				d = int(ch - '0')
			case ch >= 'a' && ch <= 'f':
				d = int(ch-'a') + 10
			case ch >= 'A' && ch <= 'F':
				d = int(ch-'A') + 10
			default:
				return rgb{}, false
			}
			v[i] = v[i]*16 + d
		}
	}
	return rgb{v[0], v[1], v[2]}, true
}

// mix blends c towards white: t=0 gives c, t=1 gives white.
func (c rgb) tint(t float64) rgb {
	f := func(v int) int { return v + int(float64(255-v)*t+0.5) }
	return rgb{f(c.r), f(c.g), f(c.b)}
}

// style is how a run of text is set.
type style struct {
	face      face
	size      float64 // points
	colour    rgb
	tint      *rgb // background highlight, nil for none
	strike    bool // line through, drawn by hand at 0.3 × size above the baseline
	underline bool
}

// span is a run of input text in one style.
type span struct {
	text string
	st   *style
}

// placed is a run of text laid out on a line; x is relative to the line start.
type placed struct {
	text           string
	x, w           float64
	st             *style
	sp, start, end int // where text lies in its span, for merging; -1 once merged across spans
}

// line is one laid-out line of a paragraph. Lines with no runs are vertical
// space.
type line struct {
	runs []placed
	h    float64 // line height in mm
	size float64 // largest font size on the line, in points
}

// metrics measures text with cached per-rune advance widths, which is much
// faster than asking fpdf for every word.
type metrics struct {
	pdf        *fpdf.Fpdf
	table      [4][]int32        // widths in 1/1000 em for runes below len(table[f]); -1 unknown
	extra      [4]map[rune]int32 // widths of other runes
	selectFace func(f face)      // selects a face on pdf for measuring, restoring state is the caller's job
	frags      []fragment        // scratch space of words
	wordBuf    []word
}

// tableSize covers Latin, Greek, Cyrillic and general punctuation.
const tableSize = 0x2070

func newMetrics(pdf *fpdf.Fpdf) *metrics {
	m := &metrics{pdf: pdf}
	for f := range m.table {
		m.table[f] = make([]int32, tableSize)
		for i := range m.table[f] {
			m.table[f][i] = -1
		}
		m.extra[f] = map[rune]int32{}
	}
	return m
}

// preload measures the common runes of every face. It must run before the
// first page is added, while selecting a font has no side effects on output.
func (m *metrics) preload() {
	ranges := [][2]rune{{0x20, 0x250}, {0x370, 0x530}, {0x2000, 0x2070}}
	for f := range m.table {
		m.pdf.SetFont(fontFamily, faceStyles[f], 10)
		for _, r := range ranges {
			for c := r[0]; c < r[1]; c++ {
				m.table[f][c] = int32(m.pdf.GetStringSymbolWidth(string(c)))
			}
		}
	}
}

// runeWidth returns the advance of r in face f, in 1/1000 em.
func (m *metrics) runeWidth(f face, r rune) int32 {
	if r >= 0 && int(r) < tableSize {
		if w := m.table[f][r]; w >= 0 {
			return w
		}
	} else if w, ok := m.extra[f][r]; ok {
		return w
	}
	m.selectFace(f)
	w := int32(m.pdf.GetStringSymbolWidth(string(r)))
	if r >= 0 && int(r) < tableSize {
		m.table[f][r] = w
	} else {
		m.extra[f][r] = w
	}
	return w
}

// width returns the width of s set in st, in mm.
func (m *metrics) width(st *style, s string) float64 {
	var w int32
	for _, r := range s {
		w += m.runeWidth(st.face, r)
	}
	return float64(w) * st.size * ptToMM / 1000
}

// fragment is a piece of a word in one style: bytes start:end of the text
// of span sp.
type fragment struct {
	sp, start, end int
	w              float64
}

// word is an unbreakable unit of a paragraph: fragments frags[from:to] not
// separated by white space.
type word struct {
	from, to int
	w        float64
	space    bool // white space precedes the word
}

// collapse replaces runs of white space with single spaces, so that a run
// of several words can be a substring of its span's text.
func collapse(s string) string {
	clean := true
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if prevSpace {
				clean = false
			}
			prevSpace = true
		case c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c >= 0x80:
			if c >= 0x80 {
				r, _ := utf8.DecodeRuneInString(s[i:])
				if !unicode.IsSpace(r) {
					prevSpace = false
					continue
				}
			}
			clean = false
		default:
			prevSpace = false
		}
		if !clean {
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// words splits spans into words, keeping the style of every fragment. White
// space of any kind (line breaks included) separates words. The fragments
// go to m.frags, reused from call to call.
func (m *metrics) words(spans []span) []word {
	m.frags = m.frags[:0]
	out := m.wordBuf[:0]
	space := false
	open := false // the last word may take more fragments
	for si := range spans {
		sp := &spans[si]
		s := sp.text
		i := 0
		for i < len(s) {
			if s[i] == ' ' {
				space, open = true, false
				i++
				continue
			}
			if s[i] >= 0x80 {
				if r, n := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
					space, open = true, false
					i += n
					continue
				}
			}
			// A fragment runs to the next white space.
			j := i
			var w int32
			for j < len(s) {
				c := s[j]
				if c < 0x80 {
					if c == ' ' {
						break
					}
					w += m.runeWidth(sp.st.face, rune(c))
					j++
					continue
				}
				r, n := utf8.DecodeRuneInString(s[j:])
				if unicode.IsSpace(r) {
					break
				}
				w += m.runeWidth(sp.st.face, r)
				j += n
			}
			fw := float64(w) * sp.st.size * ptToMM / 1000
			m.frags = append(m.frags, fragment{sp: si, start: i, end: j, w: fw})
			if !open || space {
				out = append(out, word{from: len(m.frags) - 1, space: space && len(out) > 0})
				space, open = false, true
			}
			wd := &out[len(out)-1]
			wd.to = len(m.frags)
			wd.w += fw
			i = j
		}
	}
	m.wordBuf = out
	return out
}

// wrap lays spans out in lines no wider than width (mm). Lines break only
// at white space, never with a hyphen; a word wider than the line is broken
// between characters. lead is the line height as a multiple of the largest
// font size on the line.
func (m *metrics) wrap(spans []span, width, lead float64) []line {
	for i := range spans {
		spans[i].text = collapse(spans[i].text)
	}
	ws := m.words(spans)
	var lines []line
	var cur line
	x := 0.0
	flush := func() {
		if cur.size == 0 {
			for _, sp := range spans {
				cur.size = max(cur.size, sp.st.size)
			}
		}
		cur.h = cur.size * ptToMM * lead
		lines = append(lines, cur)
		cur = line{}
		x = 0
	}
	for _, wd := range ws {
		gap := 0.0
		if len(cur.runs) > 0 && wd.space {
			gap = m.width(cur.runs[len(cur.runs)-1].st, " ")
		}
		if len(cur.runs) > 0 && x+gap+wd.w > width {
			flush()
			gap = 0
		}
		if wd.w > width {
			m.placeLong(&cur, &x, spans, m.frags[wd.from:wd.to], width, flush)
			continue
		}
		for i, fr := range m.frags[wd.from:wd.to] {
			g := 0.0
			if i == 0 {
				g = gap
			}
			cur.add(spans, fr, x+g, g > 0)
			x += g + fr.w
		}
	}
	if len(cur.runs) > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// placeLong places a word wider than the line, breaking it between runes.
func (m *metrics) placeLong(cur *line, x *float64, spans []span, frags []fragment, width float64, flush func()) {
	for _, fr := range frags {
		st := spans[fr.sp].st
		text := spans[fr.sp].text
		start := fr.start
		acc := 0.0
		for i, r := range text[fr.start:fr.end] {
			i += fr.start
			rw := float64(m.runeWidth(st.face, r)) * st.size * ptToMM / 1000
			if *x+acc+rw > width && (len(cur.runs) > 0 || i > start) {
				if i > start {
					cur.add(spans, fragment{sp: fr.sp, start: start, end: i, w: acc}, *x, false)
				}
				flush()
				start, acc = i, 0
			}
			acc += rw
		}
		if start < fr.end {
			cur.add(spans, fragment{sp: fr.sp, start: start, end: fr.end, w: acc}, *x, false)
			*x += acc
		}
	}
}

// add appends a fragment at x, merging it with the previous run when the
// style is the same so that a line draws as few text objects as possible.
// Fragments of one span separated by one space merge into a substring.
func (l *line) add(spans []span, fr fragment, x float64, gap bool) {
	sp := &spans[fr.sp]
	l.size = max(l.size, sp.st.size)
	if n := len(l.runs); n > 0 && l.runs[n-1].st == sp.st {
		last := &l.runs[n-1]
		switch {
		case last.sp == fr.sp && !gap && last.end == fr.start:
			last.text = sp.text[last.start:fr.end]
			last.end = fr.end
		case last.sp == fr.sp && gap && last.end+1 == fr.start && sp.text[last.end] == ' ':
			last.text = sp.text[last.start:fr.end]
			last.end = fr.end
		default:
			if gap {
				last.text += " "
			}
			last.text += sp.text[fr.start:fr.end]
			last.sp, last.start, last.end = -1, -1, -1
		}
		last.w = x + fr.w - last.x
		return
	}
	l.runs = append(l.runs, placed{text: sp.text[fr.start:fr.end], x: x, w: fr.w, st: sp.st, sp: fr.sp, start: fr.start, end: fr.end})
}

// text returns the line's text with single spaces between runs that had
// white space between them, for tests and debugging.
func (l *line) text() string {
	var b strings.Builder
	for i, r := range l.runs {
		if i > 0 && r.x > l.runs[i-1].x+l.runs[i-1].w+0.01 {
			b.WriteByte(' ')
		}
		b.WriteString(r.text)
	}
	return b.String()
}

// height sums the heights of lines.
func height(lines []line) float64 {
	h := 0.0
	for _, l := range lines {
		h += l.h
	}
	return h
}
