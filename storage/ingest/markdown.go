package ingest

import (
	"strconv"
	"strings"
	"unicode"

	"counterpart/compare"
)

// markdown builds text in the corpus format from the blocks a reader finds:
// headings, list items with their markers and depth, and paragraphs.
type markdown struct {
	b      strings.Builder
	inList bool // the last block was a list item
}

// heading writes "## text" for level 2.
func (w *markdown) heading(level int, text string) {
	text = compare.Normalize(text)
	if text == "" {
		return
	}
	level = min(max(level, 1), 6)
	w.blank()
	w.b.WriteString(strings.Repeat("#", level) + " " + text + "\n\n")
	w.inList = false
}

// item writes a list item at depth (0 for the top level) with its marker
// written out ("2.", "b)", "-").
func (w *markdown) item(depth int, marker, text string) {
	text = compare.Normalize(text)
	marker = compare.Normalize(marker)
	if text == "" {
		return
	}
	// compare.Parse takes "a. text" for an initial when the text starts in
	// lower case; "a)" is a marker whatever follows.
	if r := []rune(marker); len(r) == 2 && r[1] == '.' && unicode.IsLetter(r[0]) && !isRomanLetter(r[0]) {
		marker = string(r[0]) + ")"
	}
	if !w.inList {
		w.blank()
	}
	w.b.WriteString(strings.Repeat("   ", max(depth, 0)))
	if marker != "" {
		w.b.WriteString(marker + " ")
	}
	w.b.WriteString(text + "\n")
	w.inList = true
}

func isRomanLetter(r rune) bool { return strings.ContainsRune("ivxIVX", r) }

// continuation writes more text of the last list item, as a line indented
// deeper than the item at depth.
func (w *markdown) continuation(depth int, text string) {
	text = compare.Normalize(text)
	if text == "" {
		return
	}
	if !w.inList {
		w.paragraph(text)
		return
	}
	w.b.WriteString(strings.Repeat("   ", max(depth, 0)+1) + text + "\n")
}

// paragraph writes a paragraph of running text.
func (w *markdown) paragraph(text string) {
	text = compare.Normalize(text)
	if text == "" {
		return
	}
	w.blank()
	w.b.WriteString(text + "\n\n")
	w.inList = false
}

// line writes a line as it is, as in a front matter block.
func (w *markdown) line(text string) {
	w.b.WriteString(compare.Normalize(text) + "\n")
	w.inList = false
}

// blank ends the previous block with an empty line.
func (w *markdown) blank() {
	s := w.b.String()
	if s != "" && !strings.HasSuffix(s, "\n\n") {
		w.b.WriteString("\n")
	}
}

func (w *markdown) bytes() []byte { return []byte(w.b.String()) }

// formatNumber writes n in a numbering scheme: decimal, lowerLetter,
// upperLetter, lowerRoman, upperRoman, russianLower, russianUpper,
// decimalZero.
func formatNumber(n int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter", "russianLower", "russianUpper":
		alphabet := []rune("abcdefghijklmnopqrstuvwxyz")
		if strings.HasPrefix(format, "russian") {
			alphabet = []rune("абвгдежзиклмнопрстуфхцчшщэюя")
		}
		if n < 1 {
			return strconv.Itoa(n)
		}
		// Word repeats the letter: a … z, aa … zz, aaa …
		r := alphabet[(n-1)%len(alphabet)]
		s := strings.Repeat(string(r), (n-1)/len(alphabet)+1)
		if strings.HasSuffix(format, "Upper") || format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman":
		return strings.ToLower(roman(n))
	case "upperRoman":
		return roman(n)
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	}
	return strconv.Itoa(n)
}

// roman writes n in upper-case roman numerals; numbers outside 1…3999 stay
// decimal.
func roman(n int) string {
	if n < 1 || n > 3999 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
