package ingest

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"counterpart/compare"
)

// skipped are the elements whose text is not part of the article.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Header: true, atom.Footer: true,
	atom.Aside: true, atom.Noscript: true, atom.Template: true, atom.Form: true, atom.Button: true,
	atom.Svg: true, atom.Iframe: true, atom.Select: true, atom.Object: true, atom.Head: true,
}

// readHTML turns a web page into Markdown: the text of its <article> (or
// <main>, or <body>) with headings, numbered and bulleted lists written out,
// and tables as one line per row. The page's <title>, date and language
// fill the front matter when the text has none.
func readHTML(name string, data []byte) ([]byte, map[string]string, error) {
	text, err := decodeHTML(name, data)
	if err != nil {
		return nil, nil, err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, nil, fail(name, ErrCorrupt, err)
	}
	defaults := pageProperties(doc)
	root := findRoot(doc)
	h := htmlWriter{}
	h.block(root, 0)
	h.flush()
	if hasElement(root, atom.H1) {
		delete(defaults, "title") // compare.Parse takes the title from the first heading
	}
	return h.w.bytes(), defaults, nil
}

// decodeHTML converts a page to UTF-8: a byte order mark decides, then
// valid UTF-8, then the Cyrillic code pages as for plain text, and last the
// charset the page declares.
func decodeHTML(name string, data []byte) (string, error) {
	enc, _, certain := charset.DetermineEncoding(data, "")
	declared := bytes.Contains(bytes.ToLower(data[:min(len(data), 1024)]), []byte("charset"))
	switch {
	case certain:
	case validUTF8(data):
		return decode(UTF8, data)
	default:
		if e, err := DetectEncoding(data); err == nil {
			return decode(e, data)
		}
		if !declared {
			return "", fail(name, ErrEncoding, nil)
		}
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", fail(name, ErrEncoding, err)
	}
	return strings.TrimPrefix(string(out), "\uFEFF"), nil
}

// pageProperties reads the title, date and language of a page.
func pageProperties(doc *html.Node) map[string]string {
	p := map[string]string{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if lang := attr(n, "lang"); len(lang) >= 2 {
					p["language"] = strings.ToLower(lang[:2])
				}
			case atom.Title:
				if p["title"] == "" {
					p["title"] = compare.Normalize(textOf(n))
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "name") + attr(n, "property") + attr(n, "itemprop"))
				switch key {
				case "date", "dcterms.date", "dc.date", "article:published_time", "datepublished", "citation_date":
					if d, err := compare.ParseDate(prefix(attr(n, "content"), 10)); err == nil && p["date"] == "" {
						p["date"] = string(d)
					}
				}
			case atom.Time:
				if d, err := compare.ParseDate(prefix(attr(n, "datetime"), 10)); err == nil && p["date"] == "" {
					p["date"] = string(d)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if p["language"] != "" && !isLanguage(p["language"]) {
		delete(p, "language")
	}
	return p
}

func isLanguage(s string) bool {
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}

func prefix(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// findRoot returns the element holding the article: the <article> with
// the most text, else <main>, else <body>, else the document.
func findRoot(doc *html.Node) *html.Node {
	var best, main, body *html.Node
	bestLen := -1
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Article:
				if l := len(textOf(n)); l > bestLen {
					best, bestLen = n, l
				}
			case atom.Main:
				if main == nil {
					main = n
				}
			case atom.Body:
				body = n
			}
			if skipped[n.DataAtom] && n.DataAtom != atom.Head {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	switch {
	case best != nil:
		return best
	case main != nil:
		return main
	case body != nil:
		return body
	}
	return doc
}

func hasElement(n *html.Node, a atom.Atom) bool {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return true
	}
	if n.Type == html.ElementNode && skipped[n.DataAtom] {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasElement(c, a) {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

// textOf returns all the text under n, outside skipped elements.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			if skipped[n.DataAtom] && n.DataAtom != atom.Title {
				return
			}
			if n.DataAtom == atom.Br {
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// blockElements break the flow of text.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Blockquote: true, atom.Pre: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Figure: true, atom.Figcaption: true, atom.Address: true, atom.Hr: true, atom.Body: true,
	atom.Center: true, atom.Details: true, atom.Summary: true, atom.Caption: true,
}

// list is an open <ol> or <ul>.
type list struct {
	ordered bool
	kind    string // "1", "a", "A", "i", "I"
	next    int
}

// htmlWriter walks the article and writes Markdown.
type htmlWriter struct {
	w      markdown
	inline strings.Builder // text of the block being collected
	lists  []*list
	cur    pendingItem // the list item being read
}

// pendingItem is the list item being read: its marker and depth are written
// with the first text that ends.
type pendingItem struct {
	open   bool
	marker string
	depth  int
	done   bool // the item's own text is written; later text continues it
}

// block walks the children of a block-level element.
func (h *htmlWriter) block(n *html.Node, depth int) {
	if depth > 200 {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		h.node(c, depth+1)
	}
}

func (h *htmlWriter) node(n *html.Node, depth int) {
	switch n.Type {
	case html.TextNode:
		h.inline.WriteString(n.Data)
		return
	case html.ElementNode:
	default:
		h.block(n, depth)
		return
	}
	a := n.DataAtom
	switch {
	case skipped[a]:
		return
	case a == atom.Br:
		h.inline.WriteByte(' ')
	case a == atom.H1 || a == atom.H2 || a == atom.H3 || a == atom.H4 || a == atom.H5 || a == atom.H6:
		h.flush()
		level := int(n.Data[1] - '0')
		h.w.heading(level, textOf(n))
	case a == atom.Ol || a == atom.Ul:
		h.flush()
		l := &list{ordered: a == atom.Ol, kind: "1", next: 1}
		if t := attr(n, "type"); t != "" && strings.Contains("1aAiI", t) && len(t) == 1 {
			l.kind = t
		}
		if s, err := strconv.Atoi(attr(n, "start")); err == nil {
			l.next = s
		}
		h.lists = append(h.lists, l)
		h.block(n, depth)
		h.flush()
		h.lists = h.lists[:len(h.lists)-1]
	case a == atom.Li:
		h.flush()
		marker := "-"
		if len(h.lists) > 0 {
			l := h.lists[len(h.lists)-1]
			if v, err := strconv.Atoi(attr(n, "value")); err == nil {
				l.next = v
			}
			if l.ordered {
				marker = listMarker(l.next, l.kind)
				l.next++
			}
		}
		saved := h.cur
		h.cur = pendingItem{open: true, marker: marker, depth: max(len(h.lists)-1, 0)}
		h.block(n, depth)
		h.flush()
		h.cur = saved
	case a == atom.P && msoLevel(n) > 0:
		// Word's "Save as web page" writes list items as paragraphs with
		// the marker as text and the depth in the style.
		h.flush()
		h.block(n, depth)
		text := compare.Normalize(h.inline.String())
		h.inline.Reset()
		marker, rest, _ := strings.Cut(text, " ")
		if !reLineMarker.MatchString(marker + " ") {
			marker, rest = "-", text
		}
		h.w.item(msoLevel(n)-1, marker, rest)
	case a == atom.Table:
		h.flush()
		h.table(n)
	case blockElements[a]:
		h.flush()
		h.block(n, depth)
		h.flush()
	default:
		h.block(n, depth)
	}
}

var reMsoLevel = regexp.MustCompile(`mso-list:\s*l\d+\s+level(\d)`)

// msoLevel returns the list level of a paragraph exported by Word, 0 for
// none.
func msoLevel(n *html.Node) int {
	m := reMsoLevel.FindStringSubmatch(attr(n, "style"))
	if m == nil {
		return 0
	}
	return int(m[1][0] - '0')
}

// table writes each row of a table as one paragraph, its cells separated
// by spaces, so that a row "3. | text" reads as item 3.
func (h *htmlWriter) table(t *html.Node) {
	var rows []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Tr {
			rows = append(rows, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(t)
	for _, r := range rows {
		var cells []string
		for c := r.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
				if s := compare.Normalize(textOf(c)); s != "" {
					cells = append(cells, s)
				}
			}
		}
		h.inline.WriteString(strings.Join(cells, " "))
		h.flush()
	}
}

// flush writes the collected inline text as the pending item, its
// continuation, or a paragraph.
func (h *htmlWriter) flush() {
	text := compare.Normalize(h.inline.String())
	h.inline.Reset()
	if text == "" {
		return
	}
	switch {
	case h.cur.open && !h.cur.done:
		h.w.item(h.cur.depth, h.cur.marker, text)
		h.cur.done = true
	case h.cur.open:
		h.w.continuation(h.cur.depth, text)
	default:
		h.w.paragraph(text)
	}
}

// listMarker writes the marker of item n of an <ol type=kind>.
func listMarker(n int, kind string) string {
	switch kind {
	case "a":
		return formatNumber(n, "lowerLetter") + ")"
	case "A":
		return formatNumber(n, "upperLetter") + ")"
	case "i":
		return formatNumber(n, "lowerRoman") + ")"
	case "I":
		return formatNumber(n, "upperRoman") + "."
	}
	return strconv.Itoa(n) + "."
}
