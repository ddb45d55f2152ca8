package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// This is the one file that uses go-diff. Words (or lines, or sentences) are
// mapped to runes so that diff-match-patch's character diff works on them.

// maxDirect bounds the product of the two token counts that one
// diff-match-patch call may see. Beyond it the texts are first aligned by
// coarser units (lines, then sentences) and only the changed stretches are
// diffed word by word. The bisection is O(N·D), so without the bound two long
// unrelated texts would take seconds.
const maxDirect = 1 << 22

// firstRune is where the runes standing for tokens start: the private use
// area and everything above it, with no surrogates in between.
const firstRune = 0xE000

// WordDiff returns the word-level edit script that turns left into right.
// Each word keeps the whitespace that follows it, so concatenating the Equal
// and Delete pieces gives left exactly and the Equal and Insert pieces give
// right. Adjacent pieces never share an operation.
func WordDiff(left, right string) []Piece {
	var d differ
	d.words(tokenize(left), tokenize(right))
	return d.out.result()
}

// DiffText returns the word-level edit script between two whole plain texts.
// Lines are aligned first; only the stretches of changed lines are diffed
// word by word, so long texts with few changes are fast.
func DiffText(old, new string) []Piece {
	var d differ
	d.units(splitLines(old), splitLines(new), func(a, b string) { d.words(tokenize(a), tokenize(b)) })
	return d.out.result()
}

// token is one word or punctuation mark with the whitespace that follows it.
type token struct {
	text string // the exact text, whitespace included
	key  string // the text without its trailing whitespace
}

// tokenize splits s into tokens: runs of letters and digits (with inner
// apostrophes and hyphens), or single other characters, each followed by its
// whitespace. Leading whitespace is a token of its own.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5+1)
	i := 0
	if j := skipSpace(s, 0); j > 0 {
		toks = append(toks, token{text: s[:j], key: ""})
		i = j
	}
	for i < len(s) {
		start := i
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if isWordRune(r) {
			for i < len(s) {
				r, n := utf8.DecodeRuneInString(s[i:])
				if isWordRune(r) {
					i += n
					continue
				}
				if isJoiner(r) && i+n < len(s) {
					if r2, _ := utf8.DecodeRuneInString(s[i+n:]); isWordRune(r2) {
						i += n
						continue
					}
				}
				break
			}
		}
		end := i
		i = skipSpace(s, i)
		toks = append(toks, token{text: s[start:i], key: s[start:end]})
	}
	return toks
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\v' && c != '\f' {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isJoiner(r rune) bool { return r == '\'' || r == '’' || r == '-' || r == 'ʼ' }

// splitLines splits s after each newline; the pieces concatenate to s.
func splitLines(s string) []string {
	var lines []string
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i+1])
		s = s[i+1:]
	}
	return lines
}

// pieceWriter appends pieces, merging adjacent pieces of one operation.
type pieceWriter struct {
	pieces []Piece
	op     Op
	buf    strings.Builder // the text of the piece being written, of op
}

func (w *pieceWriter) add(op Op, text string) {
	if text == "" {
		return
	}
	if op != w.op {
		w.flush()
		w.op = op
	}
	w.buf.WriteString(text)
}

func (w *pieceWriter) flush() {
	if w.buf.Len() > 0 {
		w.pieces = append(w.pieces, Piece{Op: w.op, Text: w.buf.String()})
		w.buf = strings.Builder{}
	}
}

// result returns the pieces written.
func (w *pieceWriter) result() []Piece {
	w.flush()
	return w.pieces
}

// differ accumulates the result of a diff.
type differ struct {
	out pieceWriter
}

// runeDiff diffs two rune strings with go-diff, deterministically (no
// timeout), and cleans the result up for people to read when semantic is set.
func runeDiff(a, b []rune, semantic bool) []diffmatchpatch.Diff {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(a, b, false)
	if semantic {
		diffs = dmp.DiffCleanupSemantic(diffs)
	}
	return diffs
}

// encoder maps keys to runes.
type encoder map[string]rune

func (e encoder) encode(key string) rune {
	r, ok := e[key]
	if !ok {
		r = firstRune + rune(len(e))
		e[key] = r
	}
	return r
}

// words diffs two token lists and appends the result.
func (d *differ) words(a, b []token) {
	// Common prefix and suffix need no diff at all.
	p := 0
	for p < len(a) && p < len(b) && a[p].key == b[p].key {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s].key == b[len(b)-1-s].key {
		s++
	}
	d.equalTokens(a[:p], b[:p])
	ma, mb := a[p:len(a)-s], b[p:len(b)-s]
	switch {
	case len(ma) == 0 || len(mb) == 0:
		d.out.add(Delete, joinTokens(ma))
		d.out.add(Insert, joinTokens(mb))
	case len(ma)*len(mb) <= maxDirect && len(ma)+len(mb) < 0x10FFFF-firstRune:
		d.direct(ma, mb)
	default:
		sa, sb := sentences(ma), sentences(mb)
		if len(sa) <= 1 && len(sb) <= 1 {
			// No coarser unit left: too big to diff word by word.
			d.out.add(Delete, joinTokens(ma))
			d.out.add(Insert, joinTokens(mb))
			break
		}
		d.units(sa, sb, func(x, y string) { d.words(tokenize(x), tokenize(y)) })
	}
	d.equalTokens(a[len(a)-s:], b[len(b)-s:])
}

// direct diffs two token lists with one go-diff call.
func (d *differ) direct(a, b []token) {
	enc := encoder{}
	ra := make([]rune, len(a))
	for i, t := range a {
		ra[i] = enc.encode(t.key)
	}
	rb := make([]rune, len(b))
	for i, t := range b {
		rb[i] = enc.encode(t.key)
	}
	i, j := 0, 0
	for _, df := range runeDiff(ra, rb, true) {
		n := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			d.equalTokens(a[i:i+n], b[j:j+n])
			i += n
			j += n
		case diffmatchpatch.DiffDelete:
			d.out.add(Delete, joinTokens(a[i:i+n]))
			i += n
		case diffmatchpatch.DiffInsert:
			d.out.add(Insert, joinTokens(b[j:j+n]))
			j += n
		}
	}
}

// equalTokens appends tokens with equal keys; where their whitespace
// differs, the whitespace becomes a deletion and an insertion.
func (d *differ) equalTokens(a, b []token) {
	for k := range a {
		if a[k].text == b[k].text {
			d.out.add(Equal, a[k].text)
			continue
		}
		d.out.add(Equal, a[k].key)
		d.out.add(Delete, a[k].text[len(a[k].key):])
		d.out.add(Insert, b[k].text[len(b[k].key):])
	}
}

// units aligns two lists of units (lines or sentences) exactly, and hands
// each stretch of changed units to refine.
func (d *differ) units(a, b []string, refine func(a, b string)) {
	var del, ins strings.Builder
	flush := func() {
		if del.Len() > 0 || ins.Len() > 0 {
			refine(del.String(), ins.String())
			del.Reset()
			ins.Reset()
		}
	}
	i, j := 0, 0
	for _, sp := range alignUnits(a, b) {
		switch sp.op {
		case Equal:
			flush()
			for _, u := range a[i : i+sp.n] {
				d.out.add(Equal, u)
			}
			i += sp.n
			j += sp.n
		case Delete:
			for _, u := range a[i : i+sp.n] {
				del.WriteString(u)
			}
			i += sp.n
		case Insert:
			for _, u := range b[j : j+sp.n] {
				ins.WriteString(u)
			}
			j += sp.n
		}
	}
	flush()
}

// span is a run of n units of one operation.
type span struct {
	op Op
	n  int
}

// spans collects spans, merging neighbours of one operation.
type spans []span

func (s *spans) add(op Op, n int) {
	if n == 0 {
		return
	}
	if k := len(*s); k > 0 && (*s)[k-1].op == op {
		(*s)[k-1].n += n
		return
	}
	*s = append(*s, span{op, n})
}

// smallGap is the size below which a stretch of units goes straight to
// go-diff instead of being split further on unique units.
const smallGap = 64

// alignUnits aligns two lists of units exactly with patience diff: units
// that occur once on each side anchor the alignment (their longest common
// subsequence, found by patience sorting in O(n log n)), and the stretches
// between anchors are aligned recursively, small ones by go-diff. On long
// texts with scattered changes this is close to linear, where go-diff's
// bisection is O(N·D).
func alignUnits(a, b []string) spans {
	var out spans
	patience(a, b, &out)
	return out
}

func patience(a, b []string, out *spans) {
	// Common prefix and suffix.
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	out.add(Equal, p)
	defer out.add(Equal, s)
	a, b = a[p:len(a)-s], b[p:len(b)-s]
	switch {
	case len(a) == 0 || len(b) == 0:
		out.add(Delete, len(a))
		out.add(Insert, len(b))
		return
	case len(a)+len(b) <= smallGap:
		bisect(a, b, out)
		return
	}
	anchors := uniqueLCS(a, b)
	if len(anchors) == 0 {
		bisect(a, b, out)
		return
	}
	i, j := 0, 0
	for _, an := range anchors {
		patience(a[i:an[0]], b[j:an[1]], out)
		out.add(Equal, 1)
		i, j = an[0]+1, an[1]+1
	}
	patience(a[i:], b[j:], out)
}

// uniqueLCS returns the longest increasing sequence of (i, j) positions of
// units that occur exactly once in a and once in b.
func uniqueLCS(a, b []string) [][2]int {
	type seen struct{ na, nb, ia, ib int }
	count := make(map[string]*seen, len(a))
	for i, u := range a {
		c := count[u]
		if c == nil {
			c = &seen{}
			count[u] = c
		}
		c.na++
		c.ia = i
	}
	for j, u := range b {
		if c := count[u]; c != nil {
			c.nb++
			c.ib = j
		}
	}
	var pairs [][2]int // in a's order
	for i, u := range a {
		if c := count[u]; c.na == 1 && c.nb == 1 {
			pairs = append(pairs, [2]int{i, c.ib})
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	// Patience sorting: tails[k] is the index in pairs of the smallest b
	// position ending an increasing run of length k+1.
	tails := []int{}
	prev := make([]int, len(pairs))
	for k, pr := range pairs {
		lo, hi := 0, len(tails)
		for lo < hi {
			m := (lo + hi) / 2
			if pairs[tails[m]][1] < pr[1] {
				lo = m + 1
			} else {
				hi = m
			}
		}
		prev[k] = -1
		if lo > 0 {
			prev[k] = tails[lo-1]
		}
		if lo == len(tails) {
			tails = append(tails, k)
		} else {
			tails[lo] = k
		}
	}
	lcs := make([][2]int, len(tails))
	for k, at := len(tails)-1, tails[len(tails)-1]; k >= 0; k, at = k-1, prev[at] {
		lcs[k] = pairs[at]
	}
	return lcs
}

// bisect aligns two short lists of units with go-diff.
func bisect(a, b []string, out *spans) {
	enc := encoder{}
	ra := make([]rune, len(a))
	for i, u := range a {
		ra[i] = enc.encode(u)
	}
	rb := make([]rune, len(b))
	for i, u := range b {
		rb[i] = enc.encode(u)
	}
	for _, df := range runeDiff(ra, rb, false) {
		n := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			out.add(Equal, n)
		case diffmatchpatch.DiffDelete:
			out.add(Delete, n)
		case diffmatchpatch.DiffInsert:
			out.add(Insert, n)
		}
	}
}

// sentences groups tokens into sentences: a sentence ends after a token of
// final punctuation or a token whose whitespace holds a newline.
func sentences(toks []token) []string {
	var out []string
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.text)
		if t.key == "." || t.key == ";" || t.key == "!" || t.key == "?" || strings.ContainsRune(t.text[len(t.key):], '\n') {
			out = append(out, b.String())
			b.Reset()
		}
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

func joinTokens(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.text)
	}
	return b.String()
}
