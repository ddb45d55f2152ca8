package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// The PDF library reads the file structure and content streams; this file
// interprets the text operators itself, because the library's own text
// extraction ignores ToUnicode maps of fonts that also name an encoding and
// adds a stray character after every TJ array.

// run is a string of text shown by one operator, with its position.
type run struct {
	x, y, end, size float64
	bold            bool
	text            string
}

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// textState is the part of the graphics state text showing needs.
type textState struct {
	ctm                 matrix
	tc, tw, th, tl, tfs float64
	rise                float64
	font                *pdfFont
}

// pageRuns interprets the content stream of a page and returns its text runs.
func pageRuns(p pdf.Page) (runs []run, err error) {
	defer func() {
		if r := recover(); r != nil {
			runs, err = nil, errors.New("cannot read the page's content")
		}
	}()
	if p.V.IsNull() || p.V.Key("Contents").Kind() == pdf.Null {
		return nil, nil
	}
	var x extractor
	if err := x.interpret(p.V.Key("Contents"), p.Resources(), identity, 0); err != nil {
		return nil, err
	}
	return x.runs, nil
}

// extractor collects the text runs of a page and of the forms it draws.
type extractor struct {
	runs  []run
	forms int // form XObjects drawn so far
}

// interpret runs a content stream with its resources, under ctm. Forms
// drawn with "Do" are interpreted in turn, to a limited depth.
func (x *extractor) interpret(strm, res pdf.Value, ctm matrix, depth int) error {
	if !safeStream(strm) {
		return errors.New("the page's content is malformed")
	}
	fonts := map[string]*pdfFont{}
	g := textState{ctm: ctm, th: 1}
	var stack []textState
	var tm, tlm matrix
	show := func(s string, adjust []float64) {
		f := g.font
		if f == nil {
			f = &pdfFont{}
		}
		trm := matrix{g.tfs * g.th, 0, 0, g.tfs, 0, g.rise}.mul(tm).mul(g.ctm)
		size := math.Hypot(trm[2], trm[3])
		r := run{x: trm[4], y: trm[5], size: size, bold: f.bold}
		var text strings.Builder
		for i, code := range f.codes(s) {
			if i < len(adjust) && adjust[i] != 0 {
				// A large negative adjustment in a TJ array is a word space.
				if adjust[i] < -250 && !strings.HasSuffix(text.String(), " ") {
					text.WriteByte(' ')
				}
				tx := -adjust[i] / 1000 * g.tfs * g.th
				tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
			}
			text.WriteString(f.decode(code))
			w := f.width(code)
			tx := w/1000*g.tfs + g.tc
			if len(code) == 1 && code[0] == ' ' {
				tx += g.tw
			}
			tm = matrix{1, 0, 0, 1, tx * g.th, 0}.mul(tm)
		}
		end := matrix{g.tfs * g.th, 0, 0, g.tfs, 0, g.rise}.mul(tm).mul(g.ctm)
		r.end = end[4]
		r.text = text.String()
		if r.text != "" && len(x.runs) < maxGlyphs {
			x.runs = append(x.runs, r)
		}
	}
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 1000 {
				stack = append(stack, g)
			}
		case "Q":
			if len(stack) > 0 {
				g = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if len(args) == 6 {
				g.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.rise = num(0)
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				f, ok := fonts[name]
				if !ok {
					f = newPDFFont(pdf.Font{V: res.Key("Font").Key(name)})
					fonts[name] = f
				}
				g.font, g.tfs = f, num(1)
			}
		case "Td", "TD":
			if op == "TD" {
				g.tl = -num(1)
			}
			tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
			tm = tlm
		case "Tm":
			if len(args) == 6 {
				tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				tm = tlm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
		case "Tj":
			if len(args) == 1 {
				show(args[0].RawString(), nil)
			}
		case "'", "\"":
			if op == "\"" && len(args) == 3 {
				g.tw, g.tc = num(0), num(1)
				args = args[2:]
			}
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
			if len(args) == 1 {
				show(args[0].RawString(), nil)
			}
		case "TJ":
			if len(args) != 1 {
				break
			}
			var s strings.Builder
			var adjust []float64
			pending := 0.0
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				v := a.Index(i)
				switch v.Kind() {
				case pdf.String:
					if g.font == nil {
						s.WriteString(v.RawString())
						continue
					}
					for j := range g.font.codes(v.RawString()) {
						if j == 0 {
							adjust = append(adjust, pending)
							pending = 0
						} else {
							adjust = append(adjust, 0)
						}
					}
					s.WriteString(v.RawString())
				case pdf.Integer, pdf.Real:
					pending += v.Float64()
				}
			}
			show(s.String(), adjust)
		case "Do":
			if len(args) != 1 || depth >= 8 || x.forms >= 1000 {
				break
			}
			form := res.Key("XObject").Key(args[0].Name())
			if form.Kind() != pdf.Stream || form.Key("Subtype").Name() != "Form" {
				break
			}
			x.forms++
			m := identity
			if fm := form.Key("Matrix"); fm.Len() == 6 {
				m = matrix{fm.Index(0).Float64(), fm.Index(1).Float64(), fm.Index(2).Float64(),
					fm.Index(3).Float64(), fm.Index(4).Float64(), fm.Index(5).Float64()}
			}
			formRes := form.Key("Resources")
			if formRes.Kind() != pdf.Dict {
				formRes = res
			}
			_ = x.interpret(form, formRes, m.mul(g.ctm), depth+1) // a broken form loses only its own text
		}
	})
	return nil
}

// safeStream reports whether a content stream (or array of streams) can be
// given to pdf.Interpret: the library loops for ever on a hex string that
// is not closed before the end of the stream.
func safeStream(v pdf.Value) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	var parts []pdf.Value
	switch v.Kind() {
	case pdf.Stream:
		parts = []pdf.Value{v}
	case pdf.Array:
		for i := 0; i < v.Len(); i++ {
			parts = append(parts, v.Index(i))
		}
	default:
		return true
	}
	var readers []io.Reader
	for _, p := range parts {
		if p.Kind() != pdf.Stream {
			continue
		}
		rc := p.Reader()
		defer rc.Close()
		readers = append(readers, rc)
	}
	data, err := io.ReadAll(io.LimitReader(io.MultiReader(readers...), maxPart))
	if err != nil {
		return false
	}
	return hexStringsClosed(data)
}

// hexStringsClosed reports whether every "<" hex string of a PostScript-like
// stream is closed, skipping literal strings, comments and "<<".
func hexStringsClosed(data []byte) bool {
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case '(':
			depth := 1
			for i++; i < len(data) && depth > 0; i++ {
				switch data[i] {
				case '\\':
					i++
				case '(':
					depth++
				case ')':
					depth--
				}
			}
			i--
		case '<':
			if i+1 < len(data) && data[i+1] == '<' {
				i++
				continue
			}
			j := bytes.IndexByte(data[i:], '>')
			if j < 0 {
				return false
			}
			i += j
		}
	}
	return true
}

// pdfFont is what text extraction needs of a font: how its codes split,
// what text they stand for, and how wide they are.
type pdfFont struct {
	bold      bool
	composite bool // a Type0 font, with codes of two bytes unless its CMap says otherwise
	toUnicode *cmap
	fallback  pdf.TextEncoding
	widths    map[int]float64
	first     int
	simple    []float64
	dw        float64
}

func newPDFFont(f pdf.Font) *pdfFont {
	pf := &pdfFont{dw: 1000}
	base := strings.ToLower(f.BaseFont())
	pf.bold = strings.Contains(base, "bold") || strings.Contains(base, "black") || strings.Contains(base, "heavy")
	pf.composite = f.V.Key("Subtype").Name() == "Type0"
	if tu := f.V.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		pf.toUnicode = readToUnicode(tu)
	}
	if pf.composite {
		d := f.V.Key("DescendantFonts").Index(0)
		if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			pf.dw = dw.Float64()
		}
		pf.widths = cidWidths(d.Key("W"))
		if fd := d.Key("FontDescriptor"); fd.Kind() == pdf.Dict && !pf.bold {
			pf.bold = fd.Key("FontWeight").Float64() >= 600
		}
	} else {
		// The library reads a ToUnicode map of its own for some encodings;
		// let it only where that cannot hang it.
		enc := f.V.Key("Encoding")
		if f.V.Key("ToUnicode").Kind() != pdf.Stream || enc.Kind() == pdf.Dict ||
			(enc.Kind() == pdf.Name && enc.Name() != "Identity-H") {
			pf.fallback = f.Encoder()
		}
		pf.first = f.FirstChar()
		ws := f.V.Key("Widths")
		for i := 0; i < ws.Len() && i < 65536; i++ {
			pf.simple = append(pf.simple, ws.Index(i).Float64())
		}
		pf.dw = 500
	}
	return pf
}

// cidWidths reads the W array of a CID font: "c [w1 w2 …]" and "c1 c2 w".
func cidWidths(w pdf.Value) map[int]float64 {
	out := map[int]float64{}
	for i := 0; i < w.Len() && len(out) < 1<<17; {
		c := int(w.Index(i).Int64())
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && j < 1<<16; j++ {
				out[c+j] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		last := int(next.Int64())
		v := w.Index(i + 2).Float64()
		for c2 := c; c2 <= last && c2-c < 1<<16; c2++ {
			out[c2] = v
		}
		i += 3
	}
	return out
}

// codes splits a shown string into character codes.
func (f *pdfFont) codes(s string) []string {
	var out []string
	for len(s) > 0 {
		n := 1
		switch {
		case f.toUnicode != nil && len(f.toUnicode.space) > 0:
			n = f.toUnicode.codeLength(s)
			if n == 0 {
				n = 1
				if f.composite {
					n = 2
				}
			}
		case f.composite:
			n = 2
		}
		n = min(n, len(s))
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

// decode returns the text of one character code.
func (f *pdfFont) decode(code string) string {
	if f.toUnicode != nil {
		if t, ok := f.toUnicode.lookup(code); ok {
			return t
		}
	}
	if f.fallback != nil {
		return f.fallback.Decode(code)
	}
	if f.composite {
		return ""
	}
	return code
}

// width returns the width of a code in thousandths of the font size.
func (f *pdfFont) width(code string) float64 {
	c := 0
	for i := 0; i < len(code); i++ {
		c = c<<8 | int(code[i])
	}
	if f.composite {
		if w, ok := f.widths[c]; ok {
			return w
		}
		return f.dw
	}
	if i := c - f.first; i >= 0 && i < len(f.simple) && f.simple[i] > 0 {
		return f.simple[i]
	}
	return f.dw
}

// cmap is a ToUnicode map: code space ranges, single codes and ranges.
type cmap struct {
	space  []codeRange
	chars  map[string]string
	ranges []cmapRange
}

type codeRange struct{ lo, hi string }

type cmapRange struct {
	lo, hi string
	dst    string   // UTF-16BE of the first code, or ""
	array  []string // UTF-16BE of each code, when dst is ""
}

// codeLength returns the length of the code at the start of s, 0 if no
// code space range matches.
func (m *cmap) codeLength(s string) int {
	for _, r := range m.space {
		n := len(r.lo)
		if n <= len(s) && inRange(s[:n], r.lo, r.hi) {
			return n
		}
	}
	return 0
}

// inRange compares byte by byte, as code space ranges do.
func inRange(s, lo, hi string) bool {
	if len(s) != len(lo) || len(s) != len(hi) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < lo[i] || s[i] > hi[i] {
			return false
		}
	}
	return true
}

func (m *cmap) lookup(code string) (string, bool) {
	if t, ok := m.chars[code]; ok {
		return t, true
	}
	for _, r := range m.ranges {
		if len(code) != len(r.lo) || code < r.lo || code > r.hi {
			continue
		}
		off := codeValue(code) - codeValue(r.lo)
		if r.dst == "" {
			if off >= 0 && off < len(r.array) {
				return utf16String(r.array[off]), true
			}
			return "", false
		}
		b := []byte(r.dst)
		if len(b) < 2 {
			return "", false
		}
		// The last UTF-16 unit of dst grows with the code.
		last := int(b[len(b)-2])<<8 | int(b[len(b)-1])
		last += off
		b[len(b)-2], b[len(b)-1] = byte(last>>8), byte(last)
		return utf16String(string(b)), true
	}
	return "", false
}

func codeValue(s string) int {
	v := 0
	for i := 0; i < len(s) && i < 4; i++ {
		v = v<<8 | int(s[i])
	}
	return v
}

// utf16String decodes big-endian UTF-16.
func utf16String(s string) string {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}

// readToUnicode parses a ToUnicode CMap stream; nil when it holds nothing.
func readToUnicode(v pdf.Value) (m *cmap) {
	defer func() {
		if recover() != nil {
			m = nil
		}
	}()
	rc := v.Reader()
	defer rc.Close()
	toks := cmapTokens(bufio.NewReader(io.LimitReader(rc, 4<<20)))
	m = &cmap{chars: map[string]string{}}
	for i := 0; i < len(toks); i++ {
		switch toks[i].kw {
		case "begincodespacerange":
			for i++; i+1 < len(toks) && toks[i].kw == ""; i += 2 {
				if toks[i].str && toks[i+1].str && len(toks[i].s) == len(toks[i+1].s) && len(toks[i].s) > 0 {
					m.space = append(m.space, codeRange{toks[i].s, toks[i+1].s})
				}
			}
		case "beginbfchar":
			for i++; i+1 < len(toks) && toks[i].kw == ""; i += 2 {
				if toks[i].str && toks[i+1].str {
					m.chars[toks[i].s] = utf16String(toks[i+1].s)
				}
			}
		case "beginbfrange":
			for i++; i+2 < len(toks) && toks[i].kw == ""; i += 3 {
				lo, hi, dst := toks[i], toks[i+1], toks[i+2]
				if !lo.str || !hi.str || len(lo.s) != len(hi.s) {
					continue
				}
				r := cmapRange{lo: lo.s, hi: hi.s}
				switch {
				case dst.str:
					r.dst = dst.s
				case dst.kw == "[":
					for i++; i+2 < len(toks) && toks[i+2].kw != "]"; i++ {
						r.array = append(r.array, toks[i+2].s)
					}
				}
				if r.dst != "" || r.array != nil {
					m.ranges = append(m.ranges, r)
				}
			}
		}
	}
	if len(m.chars) == 0 && len(m.ranges) == 0 {
		return nil
	}
	return m
}

// token is one token of a CMap: a string (from <hex> or (literal)), or a
// keyword, name, number or bracket in kw.
type token struct {
	str bool
	s   string
	kw  string
}

// cmapTokens splits a CMap into tokens, up to a limit.
func cmapTokens(r *bufio.Reader) []token {
	var out []token
	for len(out) < 1<<20 {
		c, err := r.ReadByte()
		if err != nil {
			return out
		}
		switch {
		case c == '%':
			r.ReadString('\n')
		case c == '<':
			if next, _ := r.Peek(1); len(next) == 1 && next[0] == '<' {
				r.ReadByte()
				out = append(out, token{kw: "<<"})
				continue
			}
			hex, _ := r.ReadString('>')
			out = append(out, token{str: true, s: unhex(strings.TrimSuffix(hex, ">"))})
		case c == '(':
			var b strings.Builder
			depth := 1
			for depth > 0 {
				c, err := r.ReadByte()
				if err != nil {
					break
				}
				switch c {
				case '\\':
					c, _ = r.ReadByte()
				case '(':
					depth++
				case ')':
					depth--
				}
				if depth > 0 {
					b.WriteByte(c)
				}
			}
			out = append(out, token{str: true, s: b.String()})
		case c == '[' || c == ']':
			out = append(out, token{kw: string(c)})
		case c == '>':
			if next, _ := r.Peek(1); len(next) == 1 && next[0] == '>' {
				r.ReadByte()
			}
			out = append(out, token{kw: ">>"})
		case c <= ' ':
		default:
			var b strings.Builder
			b.WriteByte(c)
			for {
				next, err := r.Peek(1)
				if err != nil || next[0] <= ' ' || strings.IndexByte("<>[]()/%", next[0]) >= 0 {
					break
				}
				r.ReadByte()
				b.WriteByte(next[0])
			}
			kw := b.String()
			if _, err := strconv.ParseFloat(kw, 64); err == nil {
				kw = "#" + kw // a number: never an operator of interest
			}
			out = append(out, token{kw: kw})
		}
	}
	return out
}

// unhex decodes the hex digits of a <…> string, ignoring white space; an
// odd last digit counts as followed by 0.
func unhex(s string) string {
	var digits []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'f', c >= 'A' && c <= 'F':
			digits = append(digits, c)
		}
	}
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	out := make([]byte, len(digits)/2)
	for i := range out {
		out[i] = hexVal(digits[2*i])<<4 | hexVal(digits[2*i+1])
	}
	return string(out)
}

func hexVal(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}
