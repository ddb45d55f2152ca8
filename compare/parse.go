package compare

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Parse reads a plain-text or Markdown document, with the optional front
// matter block described in the corpus README, into a Document whose
// Provisions carry their labels, parents, headings and order. Topics and
// stances are left empty (see Tag).
//
// Provisions are list items at any depth ("1.", "1)", "a)", "(a)", "-", "•",
// roman numerals). Numbered headings ("## I. …", "Section II", "Article 3")
// qualify the labels: item 2 under heading I is I.2 and its sub-item b) is
// I.2.b. Labels keep the numbering as written. Paragraphs outside any list
// become provisions labelled ¶1, ¶2…
//
// name is used only to default the title. Errors name the line they concern
// ("line 3: date …"); the caller adds the file name.
func Parse(name string, src []byte) (Document, error) {
	if !utf8.Valid(src) {
		return Document{}, errors.New("is not UTF-8 text")
	}
	if bytes.IndexByte(src, 0) >= 0 {
		return Document{}, errors.New("is not a text file (it contains NUL bytes)")
	}
	text := strings.TrimPrefix(string(src), "\uFEFF")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	lines := strings.Split(text, "\n")

	var doc Document
	first := 0
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		end, err := parseFrontMatter(lines, &doc)
		if err != nil {
			return Document{}, err
		}
		first = end + 1
	}
	p := parser{doc: &doc, first: first}
	for i := first; i < len(lines); i++ {
		p.line(i+1, lines[i])
	}
	p.flush()
	if doc.Title == "" {
		doc.Title = p.title
	}
	if doc.Title == "" && name != "" {
		doc.Title = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	if len(doc.Provisions) == 0 {
		return Document{}, errors.New("contains no provisions (no list items and no paragraphs of text)")
	}
	return doc, nil
}

// parseFrontMatter reads the block between the opening "---" on lines[0] and
// the closing one, and returns the index of the closing line.
func parseFrontMatter(lines []string, doc *Document) (int, error) {
	for i := 1; i < len(lines); i++ {
		raw := lines[i]
		line := strings.TrimSpace(raw)
		if line == "---" {
			return i, nil
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return 0, fmt.Errorf("line %d: front matter line %q is not \"key: value\" (is the closing \"---\" missing?)", i+1, line)
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = stripComment(strings.TrimSpace(value))
		if err := setField(doc, key, value); err != nil {
			return 0, fmt.Errorf("line %d: %w", i+1, err)
		}
	}
	return 0, errors.New("line 1: front matter is not closed (no second \"---\" line)")
}

// stripComment removes a trailing " # comment" from a front matter value.
func stripComment(v string) string {
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	return strings.Trim(v, `"`)
}

// setField sets one front matter field on doc.
func setField(doc *Document, key, value string) error {
	switch key {
	case "party", "parties":
		doc.Parties = SplitParties(value)
	case "title":
		doc.Title = Normalize(value)
	case "date":
		d, err := ParseDate(value)
		if err != nil {
			return err
		}
		doc.Date = d
	case "kind":
		k, err := ParseKind(value)
		if err != nil {
			return err
		}
		doc.Kind = k
	case "source":
		doc.Source = Normalize(value)
	case "language", "lang":
		doc.Language = strings.ToLower(value)
	default:
		return fmt.Errorf("unknown front matter field %q (want party, title, date, kind, source or language)", key)
	}
	return nil
}

// SplitParties splits a "party" value with several authors, separated by
// semicolons, into names.
func SplitParties(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = Normalize(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Validate reports the first problem that keeps d out of a library: a
// missing party, title or date, an invalid kind, a date in the future, or
// provisions without text or with duplicate labels.
func (d *Document) Validate() error {
	switch {
	case len(d.Parties) == 0:
		return errors.New("has no party (set \"party:\" in the front matter or pass --party)")
	case strings.TrimSpace(d.Title) == "":
		return errors.New("has no title")
	case d.Date == "":
		return errors.New("has no date (set \"date:\" in the front matter or pass --date)")
	}
	if _, err := ParseDate(string(d.Date)); err != nil {
		return err
	}
	if d.Date.Time().After(time.Now().AddDate(0, 0, 1)) {
		return fmt.Errorf("date %s is in the future", d.Date)
	}
	if _, err := ParseKind(string(d.Kind)); err != nil {
		return err
	}
	if len(d.Provisions) == 0 {
		return errors.New("has no provisions")
	}
	seen := make(map[string]bool, len(d.Provisions))
	for _, p := range d.Provisions {
		if strings.TrimSpace(p.Text) == "" {
			return fmt.Errorf("provision %s has no text", p.Label)
		}
		if seen[p.Label] {
			return fmt.Errorf("label %s appears twice", p.Label)
		}
		seen[p.Label] = true
	}
	return nil
}

// Normalize puts text in Unicode NFC and collapses runs of white space
// (line breaks included) into single spaces, trimming both ends. It changes
// nothing else.
func Normalize(s string) string {
	s = composeNFC(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// composeNFC composes base letters with following combining marks, which
// turns the decomposed text of some producers (й as и + U+0306) into NFC.
func composeNFC(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	rs := []rune(s)
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && unicode.Is(unicode.Mn, r) {
			if c, ok := composeRune(out[n-1], r); ok {
				out[n-1] = c
				continue
			}
		}
		out = append(out, r)
	}
	return string(out)
}

// markerKind is the numbering scheme of a list marker.
type markerKind int

const (
	numeric markerKind = iota
	letter
	roman
	bullet
)

var (
	// "1.", "1)", "(1)", "a)", "(a)", "iv.", "I.", "а)" (Cyrillic), "1.2." …
	reMarker = lazyRegexp(`^(\(?)([0-9]+(?:\.[0-9]+)*|[ivxlcdmIVXLCDM]+|\p{L})([.)])?(\)?)\s+(.*)$`)
	reBullet = lazyRegexp(`^([-*•–·▪◦])\s+(.*)$`)
	// "Section II", "Article 3", "Part 2", "Chapter IV", "Раздел II", "Статья 3", "Розділ 2", "Стаття 3".
	reNamedHeading = lazyRegexp(`^(?i)(section|article|part|chapter|annex|раздел|статья|часть|глава|розділ|стаття|частина|додаток|приложение)\s+([0-9]+|[ivxlcdm]+|\p{L})(?:[.:)]\s*|\s+|$)(.*)$`)
	reHeadingNum   = lazyRegexp(`^([0-9]+|[IVXLCDM]+|[A-ZА-Я])[.)]\s+(.*)$`)
	reRoman        = lazyRegexp(`^[ivxlcdm]+$|^[IVXLCDM]+$`)
)

// item is an open list item while parsing.
type item struct {
	indent int // column of the marker
	kind   markerKind
	label  string // full label
	index  int    // index in doc.Provisions
	bullet int    // bullets among its children so far
}

// parser turns lines into provisions.
type parser struct {
	doc     *Document
	first   int
	title   string // first unnumbered level-1 heading, for a document without a title
	heading string // the heading in force
	prefix  string // label prefix from a numbered heading
	stack   []item
	bullets int // top-level bullets under the current heading
	para    []string
	paras   int
	inItem  bool // the last non-blank line belonged to a list item
	blank   bool // the previous line was blank
	labels  map[string]int
}

func (p *parser) line(n int, raw string) {
	raw = strings.ReplaceAll(raw, "\t", "    ")
	trimmed := strings.TrimSpace(raw)
	if trimmed == "" {
		p.flushPara()
		p.blank = true
		return
	}
	indent := len(raw) - len(strings.TrimLeft(raw, " \u00a0"))
	defer func() { p.blank = false }()

	if h, ok := markdownHeading(trimmed); ok {
		p.setHeading(h, true)
		return
	}
	if !p.inItem || p.blank {
		if m := reNamedHeading().FindStringSubmatch(trimmed); m != nil && indent == 0 && !strings.HasSuffix(trimmed, ".") {
			p.setHeading(trimmed, true)
			return
		}
	}
	if kind, marker, rest, ok := parseMarker(trimmed); ok {
		p.flushPara()
		p.addItem(indent, kind, marker, rest)
		return
	}
	// A continuation of the open item: the next line of its text, or an
	// indented paragraph after a blank line.
	if p.inItem && len(p.stack) > 0 && (!p.blank || indent > p.stack[len(p.stack)-1].indent) {
		top := p.stack[len(p.stack)-1]
		pr := &p.doc.Provisions[top.index]
		pr.Text = Normalize(pr.Text + " " + trimmed)
		return
	}
	p.inItem = false
	p.stack = p.stack[:0]
	p.para = append(p.para, trimmed)
}

// markdownHeading recognises "# …" to "###### …".
func markdownHeading(s string) (string, bool) {
	if !strings.HasPrefix(s, "#") {
		return "", false
	}
	t := strings.TrimLeft(s, "#")
	if len(s)-len(t) > 6 || (t != "" && t[0] != ' ') {
		return "", false
	}
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t), "#")), true
}

// setHeading makes h the heading in force; a numbered heading qualifies the
// labels that follow it.
func (p *parser) setHeading(h string, level1Title bool) {
	p.flushPara()
	p.stack = p.stack[:0]
	p.inItem = false
	p.bullets = 0
	h = Normalize(h)
	p.heading = h
	switch m := reNamedHeading().FindStringSubmatch(h); {
	case m != nil:
		p.prefix = m[2]
	default:
		if m := reHeadingNum().FindStringSubmatch(h); m != nil {
			p.prefix = m[1]
		} else {
			p.prefix = ""
			if p.title == "" && level1Title && len(p.doc.Provisions) == 0 {
				p.title = h
			}
		}
	}
}

// parseMarker splits a list item line into its marker and text.
func parseMarker(s string) (markerKind, string, string, bool) {
	if m := reBullet().FindStringSubmatch(s); m != nil {
		return bullet, "", m[2], true
	}
	m := reMarker().FindStringSubmatch(s)
	if m == nil {
		return 0, "", "", false
	}
	open, marker, punct, close := m[1], m[2], m[3], m[4]
	if strings.HasSuffix(marker, ".") {
		marker = strings.TrimSuffix(marker, ".")
	}
	switch {
	case open == "(" && punct == ")" && close == "":
	case open == "(" && punct == "" && close == ")":
	case open == "" && punct != "" && close == "":
	default:
		return 0, "", "", false
	}
	kind := numeric
	switch {
	case marker[0] >= '0' && marker[0] <= '9':
	case reRoman().MatchString(marker) && utf8.RuneCountInString(marker) > 1:
		kind = roman
	case utf8.RuneCountInString(marker) == 1:
		kind = letter
		if strings.ContainsRune("ivxIVX", rune(marker[0])) {
			kind = roman // refined by context in addItem
		}
	default:
		kind = roman
	}
	// A capital letter followed by "." is more likely an initial ("A. Smith
	// said") than a marker when the text starts in lower case.
	if kind == letter && punct == "." && unicode.IsUpper([]rune(marker)[0]) && m[5] != "" && unicode.IsLower([]rune(m[5])[0]) {
		return 0, "", "", false
	}
	return kind, marker, m[5], true
}

// addItem opens a list item at indent with the given marker.
func (p *parser) addItem(indent int, kind markerKind, marker, text string) {
	// Close items at deeper or equal indentation.
	for len(p.stack) > 0 && p.stack[len(p.stack)-1].indent > indent {
		p.stack = p.stack[:len(p.stack)-1]
	}
	if n := len(p.stack); n > 0 && p.stack[n-1].indent == indent {
		top := p.stack[n-1]
		sameScheme := top.kind == kind || (kind == roman && top.kind == letter && len(marker) == 1) ||
			(kind == letter && top.kind == roman)
		parentText := p.doc.Provisions[top.index].Text
		if !sameScheme && strings.HasSuffix(parentText, ":") {
			// A sub-list written without indentation under "…:".
			indent = top.indent + 1
		} else {
			p.stack = p.stack[:n-1]
		}
	}
	parent := ""
	if n := len(p.stack); n > 0 {
		parent = p.stack[n-1].label
	}
	if kind == bullet {
		if n := len(p.stack); n > 0 {
			p.stack[n-1].bullet++
			marker = fmt.Sprint(p.stack[n-1].bullet)
		} else {
			p.bullets++
			marker = fmt.Sprint(p.bullets)
		}
	}
	label := marker
	switch {
	case parent != "":
		label = parent + "." + marker
	case p.prefix != "":
		label = p.prefix + "." + marker
	}
	label = p.unique(label)
	p.doc.Provisions = append(p.doc.Provisions, Provision{
		Label:   label,
		Parent:  parent,
		Heading: p.heading,
		Text:    Normalize(text),
		Order:   len(p.doc.Provisions),
	})
	p.stack = append(p.stack, item{indent: indent, kind: kind, label: label, index: len(p.doc.Provisions) - 1})
	p.inItem = true
}

// unique returns label, or label with a suffix when the document already
// has a provision of that label (two unnumbered sections restarting at 1).
func (p *parser) unique(label string) string {
	if p.labels == nil {
		p.labels = make(map[string]int)
	}
	p.labels[label]++
	if n := p.labels[label]; n > 1 {
		return fmt.Sprintf("%s(%d)", label, n)
	}
	return label
}

// flushPara turns the pending paragraph into a provision ¶N.
func (p *parser) flushPara() {
	if len(p.para) == 0 {
		return
	}
	p.paras++
	label := p.unique(fmt.Sprintf("¶%d", p.paras))
	p.doc.Provisions = append(p.doc.Provisions, Provision{
		Label:   label,
		Heading: p.heading,
		Text:    Normalize(strings.Join(p.para, " ")),
		Order:   len(p.doc.Provisions),
	})
	p.para = p.para[:0]
}

func (p *parser) flush() { p.flushPara() }

// ParseStatements reads statements in TSV with a header line naming the
// columns date, party, speaker, text and source (in any order; source is
// optional). name is used in error messages only through the caller.
func ParseStatements(name string, r io.Reader) ([]Statement, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	var cols map[string]int
	var out []Statement
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		fields := strings.Split(line, "\t")
		if cols == nil {
			cols = make(map[string]int)
			for i, f := range fields {
				cols[strings.ToLower(strings.TrimSpace(f))] = i
			}
			for _, c := range []string{"date", "party", "speaker", "text"} {
				if _, ok := cols[c]; !ok {
					return nil, fmt.Errorf("line 1: the header has no %q column (want date, party, speaker, text, source separated by tabs)", c)
				}
			}
			continue
		}
		get := func(c string) string {
			i, ok := cols[c]
			if !ok || i >= len(fields) {
				return ""
			}
			return Normalize(fields[i])
		}
		d, err := ParseDate(get("date"))
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		s := Statement{Date: d, Party: get("party"), Speaker: get("speaker"), Text: get("text"), Source: get("source")}
		switch {
		case s.Party == "":
			return nil, fmt.Errorf("line %d: no party", n)
		case s.Text == "":
			return nil, fmt.Errorf("line %d: no text", n)
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n+1, err)
	}
	if cols == nil {
		return nil, errors.New("is empty")
	}
	return out, nil
}
