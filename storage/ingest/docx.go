package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"counterpart/compare"
)

// maxPart is the largest uncompressed part of a DOCX file read, against
// ZIP bombs.
const maxPart = 64 << 20

// readDOCX turns a Word document into Markdown: paragraphs in order,
// headings from the Title and Heading N styles, automatic list numbering
// written out as markers, tables one row per line, insertions of tracked
// changes kept and deletions dropped, footnotes left out. The title and
// creation date of the document properties fill the front matter when the
// text has none.
func readDOCX(name string, data []byte) ([]byte, map[string]string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, fail(name, ErrCorrupt, fmt.Errorf("not a valid DOCX (ZIP) archive: %w", err))
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	main := parts["word/document.xml"]
	if main == nil && parts["content.xml"] != nil {
		return nil, nil, fail(name, ErrUnsupported, errors.New("it is an OpenDocument file; save it as .docx, PDF or HTML"))
	}
	if main == nil {
		return nil, nil, fail(name, ErrCorrupt, errors.New("it is a ZIP archive without word/document.xml, not a Word document"))
	}
	d := docx{
		styles:    map[string]docxStyle{},
		abstracts: map[string]map[int]*docxLevel{},
		nums:      map[string]*docxNum{},
		counters:  map[string]*[9]int{},
	}
	if f := parts["word/styles.xml"]; f != nil {
		if err := d.readStyles(f); err != nil {
			return nil, nil, fail(name, ErrCorrupt, fmt.Errorf("word/styles.xml: %w", err))
		}
	}
	if f := parts["word/numbering.xml"]; f != nil {
		if err := d.readNumbering(f); err != nil {
			return nil, nil, fail(name, ErrCorrupt, fmt.Errorf("word/numbering.xml: %w", err))
		}
	}
	if err := d.readDocument(main); err != nil {
		return nil, nil, fail(name, ErrCorrupt, fmt.Errorf("word/document.xml: %w", err))
	}
	defaults := map[string]string{}
	if f := parts["docProps/core.xml"]; f != nil {
		readCoreProperties(f, defaults)
	}
	return d.w.bytes(), defaults, nil
}

// openPart opens one part of the archive, limited to maxPart bytes.
func openPart(f *zip.File) (*xml.Decoder, io.Closer, error) {
	if f.UncompressedSize64 > maxPart {
		return nil, nil, fmt.Errorf("%s is larger than %d MB", f.Name, maxPart>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, err
	}
	dec := xml.NewDecoder(io.LimitReader(rc, maxPart))
	dec.Strict = false
	dec.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "utf-8") || strings.EqualFold(label, "utf8") {
			return r, nil
		}
		return nil, fmt.Errorf("unsupported XML encoding %q", label)
	}
	return dec, rc, nil
}

// wattr returns the value of attribute key (w:val…) whatever its prefix.
func wattr(e xml.StartElement, key string) string {
	for _, a := range e.Attr {
		if a.Name.Local == key {
			return a.Value
		}
	}
	return ""
}

// docxStyle is what a paragraph style says about headings and numbering.
type docxStyle struct {
	name    string
	basedOn string
	outline int // outline level + 1, 0 for none
	numID   string
	ilvl    int
}

// docxLevel is one level of an abstract numbering definition.
type docxLevel struct {
	start   int
	format  string
	text    string
	restart int // lvlRestart + 1; 0 when absent
	legal   bool
}

// docxNum is a numbering instance: an abstract definition with overrides.
type docxNum struct {
	abstract string
	starts   map[int]int        // startOverride per level
	levels   map[int]*docxLevel // whole levels overridden
	used     bool
}

// docx holds the state of reading one Word document.
type docx struct {
	styles    map[string]docxStyle
	abstracts map[string]map[int]*docxLevel
	nums      map[string]*docxNum
	counters  map[string]*[9]int // per abstract numbering: the last number of each level, 0 if not started
	w         markdown
	lastInd   int // left indent of the last list item, in twentieths of a point
	lastDepth int
}

func (d *docx) readStyles(f *zip.File) error {
	dec, c, err := openPart(f)
	if err != nil {
		return err
	}
	defer c.Close()
	var cur *docxStyle
	var id string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				if cur != nil {
					d.styles[id] = *cur
				}
				id = wattr(t, "styleId")
				cur = &docxStyle{}
			case "name":
				if cur != nil {
					cur.name = strings.ToLower(wattr(t, "val"))
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = wattr(t, "val")
				}
			case "outlineLvl":
				if n, err := strconv.Atoi(wattr(t, "val")); cur != nil && err == nil && n >= 0 && n < 9 {
					cur.outline = n + 1
				}
			case "numId":
				if cur != nil {
					cur.numID = wattr(t, "val")
				}
			case "ilvl":
				if n, err := strconv.Atoi(wattr(t, "val")); cur != nil && err == nil {
					cur.ilvl = n
				}
			}
		case xml.EndElement:
			if t.Name.Local == "style" && cur != nil {
				d.styles[id] = *cur
				cur = nil
			}
		}
	}
}

// style resolves a style with what it inherits from the styles it is based on.
func (d *docx) style(id string) docxStyle {
	var s docxStyle
	seen := map[string]bool{}
	for id != "" && !seen[id] {
		seen[id] = true
		st, ok := d.styles[id]
		if !ok {
			break
		}
		if s.name == "" {
			s.name = st.name
		}
		if s.outline == 0 {
			s.outline = st.outline
		}
		if s.numID == "" && st.numID != "" {
			s.numID, s.ilvl = st.numID, st.ilvl
		}
		id = st.basedOn
	}
	return s
}

// headingLevel returns the Markdown heading level of a paragraph style, 0
// for body text.
func (d *docx) headingLevel(styleID string) int {
	s := d.style(styleID)
	name := s.name
	if name == "" {
		name = strings.ToLower(styleID)
	}
	switch {
	case name == "title":
		return 1
	case strings.HasPrefix(name, "heading"):
		n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(name, "heading")))
		if err == nil && n >= 1 {
			return min(n, 6)
		}
	}
	if s.outline > 0 {
		return min(s.outline, 6)
	}
	return 0
}

func (d *docx) readNumbering(f *zip.File) error {
	dec, c, err := openPart(f)
	if err != nil {
		return err
	}
	defer c.Close()
	var abstract map[int]*docxLevel // the abstract numbering being read
	var num *docxNum
	var lvl *docxLevel
	override := -1 // the level of the lvlOverride being read
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "abstractNum":
				abstract = map[int]*docxLevel{}
				d.abstracts[wattr(t, "abstractNumId")] = abstract
			case "num":
				num = &docxNum{starts: map[int]int{}, levels: map[int]*docxLevel{}}
				d.nums[wattr(t, "numId")] = num
			case "abstractNumId":
				if num != nil {
					num.abstract = wattr(t, "val")
				}
			case "lvlOverride":
				override, _ = strconv.Atoi(wattr(t, "ilvl"))
			case "startOverride":
				if n, err := strconv.Atoi(wattr(t, "val")); num != nil && err == nil {
					num.starts[override] = n
				}
			case "lvl":
				n, err := strconv.Atoi(wattr(t, "ilvl"))
				if err != nil || n < 0 || n > 8 {
					lvl = &docxLevel{} // read and forgotten
					break
				}
				lvl = &docxLevel{start: 1, format: "decimal"}
				switch {
				case num != nil && override >= 0:
					num.levels[n] = lvl
				case abstract != nil:
					abstract[n] = lvl
				}
			case "start":
				if n, err := strconv.Atoi(wattr(t, "val")); lvl != nil && err == nil {
					lvl.start = n
				}
			case "numFmt":
				if lvl != nil {
					lvl.format = wattr(t, "val")
				}
			case "lvlText":
				if lvl != nil {
					lvl.text = wattr(t, "val")
				}
			case "lvlRestart":
				if n, err := strconv.Atoi(wattr(t, "val")); lvl != nil && err == nil {
					lvl.restart = n + 1
				}
			case "isLgl":
				if lvl != nil {
					lvl.legal = wattr(t, "val") != "0" && wattr(t, "val") != "false"
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "abstractNum":
				abstract = nil
			case "num":
				num = nil
			case "lvlOverride":
				override = -1
			case "lvl":
				lvl = nil
			}
		}
	}
}

// level returns the definition of level ilvl of numbering instance num.
func (d *docx) level(num *docxNum, ilvl int) *docxLevel {
	if l := num.levels[ilvl]; l != nil {
		return l
	}
	if a := d.abstracts[num.abstract]; a != nil {
		return a[ilvl]
	}
	return nil
}

// start returns the first number of level ilvl in numbering instance num.
func (d *docx) start(num *docxNum, ilvl int) int {
	if s, ok := num.starts[ilvl]; ok {
		return s
	}
	if l := d.level(num, ilvl); l != nil {
		return l.start
	}
	return 1
}

// marker advances the counters of numbering instance numID at level ilvl
// and returns the marker of the paragraph, "" for none.
func (d *docx) marker(numID string, ilvl int) string {
	num := d.nums[numID]
	if num == nil || ilvl < 0 || ilvl > 8 {
		return ""
	}
	lvl := d.level(num, ilvl)
	if lvl == nil {
		return ""
	}
	// Instances of one abstract numbering continue each other's numbers,
	// unless an instance restarts a level with startOverride.
	c := d.counters[num.abstract]
	if c == nil {
		c = &[9]int{}
		d.counters[num.abstract] = c
	}
	if !num.used {
		num.used = true
		for l := range num.starts {
			if l >= 0 && l < 9 {
				c[l] = 0
			}
		}
	}
	if c[ilvl] == 0 {
		c[ilvl] = d.start(num, ilvl)
	} else {
		c[ilvl]++
	}
	// Deeper levels restart, unless lvlRestart says otherwise.
	for k := ilvl + 1; k < 9; k++ {
		kl := d.level(num, k)
		switch {
		case kl == nil || kl.restart == 0: // restart after any higher level
			c[k] = 0
		case kl.restart == 1: // lvlRestart 0: never restart
		case ilvl < kl.restart-1:
			c[k] = 0
		}
	}
	if lvl.format == "bullet" {
		return "•"
	}
	if lvl.format == "none" {
		return ""
	}
	text := lvl.text
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			l := int(text[i+1] - '1')
			format := "decimal"
			if ll := d.level(num, l); ll != nil && !lvl.legal {
				format = ll.format
			}
			n := c[l]
			if n == 0 {
				n = d.start(num, l)
			}
			b.WriteString(formatNumber(n, format))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	return strings.TrimSpace(b.String())
}

// paragraph is what readDocument collects of one w:p.
type paragraph struct {
	style  string
	numID  string
	ilvl   int
	hasNum bool
	ind    int // left indent
	text   strings.Builder
}

func (d *docx) readDocument(f *zip.File) error {
	dec, c, err := openPart(f)
	if err != nil {
		return err
	}
	defer c.Close()
	var p *paragraph
	var outer []*paragraph // paragraphs around a text box's paragraphs
	skip := 0              // depth inside elements whose text is dropped
	inPPr := 0             // depth inside w:pPr
	var row []string       // cells of the table row being read; nil outside tables
	tables := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			switch t.Name.Local {
			case "del", "moveFrom", "instrText", "delText", "footnoteReference", "endnoteReference",
				"Fallback", "commentReference", "delInstrText":
				if inPPr == 0 {
					skip = 1
				}
			case "tbl":
				tables++
			case "tr":
				row = []string{}
			case "p":
				if p != nil && len(outer) < 100 {
					outer = append(outer, p)
				}
				p = &paragraph{}
			case "pPr":
				inPPr++
			case "pStyle":
				if p != nil && inPPr > 0 {
					p.style = wattr(t, "val")
				}
			case "numId":
				if p != nil && inPPr > 0 {
					p.numID, p.hasNum = wattr(t, "val"), true
				}
			case "ilvl":
				if n, err := strconv.Atoi(wattr(t, "val")); p != nil && inPPr > 0 && err == nil {
					p.ilvl = n
				}
			case "ind":
				v := wattr(t, "left")
				if v == "" {
					v = wattr(t, "start")
				}
				if n, err := strconv.Atoi(v); p != nil && inPPr > 0 && err == nil {
					p.ind = n
				}
			case "t":
				if p != nil && inPPr == 0 {
					var s string
					if err := dec.DecodeElement(&s, &t); err != nil {
						return err
					}
					p.text.WriteString(s)
				}
			case "tab", "br", "cr":
				if p != nil && inPPr == 0 {
					p.text.WriteByte(' ')
				}
			case "noBreakHyphen":
				if p != nil {
					p.text.WriteByte('-')
				}
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "pPr":
				inPPr = max(inPPr-1, 0)
			case "p":
				if p == nil {
					break
				}
				if tables > 0 && row != nil {
					if s := compare.Normalize(p.text.String()); s != "" {
						row = append(row, d.paragraphMarker(p)+s)
					}
				} else {
					d.paragraph(p)
				}
				p = nil
				if n := len(outer); n > 0 {
					p, outer = outer[n-1], outer[:n-1]
				}
			case "tr":
				if row != nil {
					d.w.paragraph(strings.Join(row, " "))
				}
				row = nil
			case "tbl":
				tables = max(tables-1, 0)
			}
		}
	}
}

// numbering returns the numbering of a paragraph, its own or its style's.
func (d *docx) numbering(p *paragraph) (string, int, bool) {
	if p.hasNum {
		return p.numID, p.ilvl, p.numID != "" && p.numID != "0"
	}
	s := d.style(p.style)
	return s.numID, s.ilvl, s.numID != "" && s.numID != "0"
}

// paragraphMarker returns the marker of a numbered paragraph in a table
// cell, with a space, or "".
func (d *docx) paragraphMarker(p *paragraph) string {
	if numID, ilvl, ok := d.numbering(p); ok {
		if m := d.marker(numID, ilvl); m != "" {
			return m + " "
		}
	}
	return ""
}

// paragraph writes one body paragraph.
func (d *docx) paragraph(p *paragraph) {
	text := compare.Normalize(p.text.String())
	numID, ilvl, numbered := d.numbering(p)
	marker := ""
	if numbered {
		marker = d.marker(numID, ilvl) // counts even an empty paragraph, as Word does
	}
	if text == "" {
		return
	}
	if level := d.headingLevel(p.style); level > 0 {
		if marker != "" {
			text = marker + " " + text
		}
		d.w.heading(level, text)
		return
	}
	switch {
	case numbered && marker != "":
		d.w.item(ilvl, marker, text)
		d.lastInd, d.lastDepth = p.ind, ilvl
	case d.w.inList && p.ind > 0 && p.ind >= d.lastInd:
		// An unnumbered paragraph indented under a list item continues it.
		d.w.continuation(d.lastDepth, text)
	default:
		d.w.paragraph(text)
	}
}

// readCoreProperties reads the title and creation date of the document.
func readCoreProperties(f *zip.File, out map[string]string) {
	dec, c, err := openPart(f)
	if err != nil {
		return
	}
	defer c.Close()
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		t, ok := tok.(xml.StartElement)
		if !ok || (t.Name.Local != "title" && t.Name.Local != "created") {
			continue
		}
		var s string
		if dec.DecodeElement(&s, &t) != nil {
			return
		}
		s = compare.Normalize(s)
		switch t.Name.Local {
		case "title":
			if s != "" {
				out["title"] = s
			}
		case "created":
			if d, err := compare.ParseDate(prefix(s, 10)); err == nil {
				out["date"] = string(d)
			}
		}
	}
}
