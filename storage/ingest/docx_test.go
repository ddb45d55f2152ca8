package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// makeDOCX builds a Word document from the given parts (path → XML).
func makeDOCX(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// para writes a paragraph with an optional style and numbering.
func para(style, numID string, ilvl int, runs string) string {
	var ppr strings.Builder
	if style != "" {
		ppr.WriteString(`<w:pStyle w:val="` + style + `"/>`)
	}
	if numID != "" {
		ppr.WriteString(`<w:numPr><w:ilvl w:val="` + string(rune('0'+ilvl)) + `"/><w:numId w:val="` + numID + `"/></w:numPr>`)
	}
	return `<w:p><w:pPr>` + ppr.String() + `</w:pPr>` + runs + `</w:p>`
}

func r(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

func level(ilvl int, format, text string, extra string) string {
	return `<w:lvl w:ilvl="` + string(rune('0'+ilvl)) + `"><w:start w:val="1"/><w:numFmt w:val="` + format +
		`"/><w:lvlText w:val="` + text + `"/>` + extra + `</w:lvl>`
}

var testNumbering = `<w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="10">` +
	level(0, "decimal", "%1.", "") + level(1, "lowerLetter", "%2)", "") + level(2, "lowerRoman", "(%3)", "") + `
</w:abstractNum>
<w:abstractNum w:abstractNumId="20">` + level(0, "upperRoman", "%1.", "") + `</w:abstractNum>
<w:abstractNum w:abstractNumId="30">` + level(0, "decimal", "%1.", "") + level(1, "decimal", "%1.%2.", `<w:lvlRestart w:val="0"/>`) + `</w:abstractNum>
<w:abstractNum w:abstractNumId="40">` + level(0, "bullet", "", "") + `</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="30"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="40"/></w:num>
</w:numbering>`

var testStyles = `<w:styles ` + wNS + `>
<w:style w:type="paragraph" w:styleId="Titre"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style>
</w:styles>`

func TestDOCXNumbering(t *testing.T) {
	body := para("Titre", "", 0, r("Draft framework")) +
		para("berschrift1", "", 0, r("General provisions")) +
		para("", "1", 0, r("First")) +
		para("", "1", 1, r("Sub one")) +
		para("", "1", 2, r("Deep one")) +
		para("", "1", 2, r("Deep two")) +
		para("", "1", 1, r("Sub two")) +
		para("", "1", 0, r("Second")+`<w:ins w:id="1"><w:r><w:t xml:space="preserve">, amended</w:t></w:r></w:ins>`+
			`<w:del w:id="2"><w:r><w:delText>, struck out</w:delText></w:r></w:del>`+
			`<w:r><w:footnoteReference w:id="3"/></w:r>`+r(" text")) +
		para("", "1", 1, r("Sub restarts")) + // a) again: level 1 restarts after level 0 advanced
		para("", "1", 0, "") + // an empty numbered paragraph still counts: 3
		para("", "1", 0, r("Fourth")) +
		para("berschrift1", "", 0, r("Guarantees")) +
		para("", "3", 0, r("Restarted at five")) + // startOverride
		para("", "3", 0, r("Six")) +
		para("", "4", 0, r("Legal one")) +
		para("", "4", 1, r("Legal one.one")) +
		para("", "4", 0, r("Legal two")) +
		para("", "4", 1, r("Legal continues")) + // lvlRestart 0: never restarts
		para("", "5", 0, r("A bullet")) +
		para("Quote", "1", 0, r("Numbered quote")) + // instances of one abstract numbering share counters
		para("", "0", 0, r("Numbering removed")) +
		`<w:tbl><w:tr><w:tc>` + para("", "", 0, r("21.")) + `</w:tc><w:tc>` + para("", "", 0, r("A row")) + para("", "", 0, r("in two paragraphs")) +
		`</w:tc></w:tr></w:tbl>` +
		// A text box inside a paragraph: its paragraph comes first, and the
		// text of the paragraph around it is kept whole.
		`<w:p>` + r("Before the box,") + `<w:r><w:drawing><w:txbxContent>` + para("", "", 0, r("In the box")) +
		`</w:txbxContent></w:drawing></w:r>` + r(" after the box") + `</w:p>` +
		`<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps">` +
		para("", "", 0, r("Text box")) + `</mc:Choice><mc:Fallback>` + para("", "", 0, r("Text box")) + `</mc:Fallback></mc:AlternateContent>`
	data := makeDOCX(t, map[string]string{
		"word/document.xml":  `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/numbering.xml": testNumbering,
		"word/styles.xml":    testStyles,
		"docProps/core.xml": `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
			`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">` +
			`<dc:title>Core title</dc:title><dcterms:created>2025-12-24T09:30:00Z</dcterms:created></cp:coreProperties>`,
	})
	got, defaults, err := readDOCX("framework.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	want := `# Draft framework

# I. General provisions

1. First
   a) Sub one
      (i) Deep one
      (ii) Deep two
   b) Sub two
2. Second, amended text
   a) Sub restarts
4. Fourth

# II. Guarantees

5. Restarted at five
6. Six
1. Legal one
   1.1. Legal one.one
2. Legal two
   2.2. Legal continues
• A bullet
7. Numbered quote

Numbering removed

21. A row in two paragraphs

In the box

Before the box, after the box

Text box

`
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if defaults["title"] != "Core title" || defaults["date"] != "2025-12-24" {
		t.Errorf("defaults = %v", defaults)
	}
}

func TestDOCXProperties(t *testing.T) {
	body := para("", "1", 0, r("Ceasefire.")) + para("", "1", 0, r("Exchange of prisoners."))
	data := makeDOCX(t, map[string]string{
		"word/document.xml":  `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/numbering.xml": testNumbering,
		"docProps/core.xml": `<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">` +
			`<dc:title>Roadmap</dc:title><dcterms:created>2025-05-28T09:30:00Z</dcterms:created></cp:coreProperties>`,
	})
	res, err := Read("roadmap.docx", data, Meta{Party: "Ukraine", Kind: "memorandum"})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Documents[0]
	if d.Title != "Roadmap" || d.Date != "2025-05-28" || d.Party() != "Ukraine" || len(d.Provisions) != 2 || d.Provisions[1].Label != "2" {
		t.Errorf("got %+v", d)
	}
	// Without a party the document is refused.
	if _, err := Read("roadmap.docx", data, Meta{Kind: "memorandum"}); !errors.Is(err, ErrNoParty) || !strings.Contains(err.Error(), "roadmap.docx") {
		t.Errorf("no party: err = %v", err)
	}
}
