package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// makePDF writes a PDF whose pages show the given content streams with one
// font, /F1: Helvetica in WinAnsi, or, when cmap is not empty, a font whose
// codes are read through that ToUnicode map (two-byte codes when type0).
func makePDF(pages []string, cmap string, type0 bool) []byte {
	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	catalog := add("") // filled below
	pagesObj := add("")
	font := add("")
	var kids []string
	for _, content := range pages {
		c := add(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content)+1, content))
		p := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pagesObj, font, c))
		kids = append(kids, fmt.Sprintf("%d 0 R", p))
	}
	objs[catalog-1] = fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj)
	objs[pagesObj-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	switch {
	case cmap == "":
		objs[font-1] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
	default:
		tu := add(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(cmap)+1, cmap))
		if type0 {
			desc := add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoSans-Regular /DW 600 /W [1 [500 600] 3 10 550] >>")
			objs[font-1] = fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /NotoSans-Regular /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", desc, tu)
		} else {
			objs[font-1] = fmt.Sprintf("<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Serif /Encoding /WinAnsiEncoding /FirstChar 1 /LastChar 3 /Widths [500 500 500] /ToUnicode %d 0 R >>", tu)
		}
	}
	return writePDF(objs, catalog)
}

// writePDF writes objects 1…n with a cross-reference table; root is the
// number of the catalog.
func writePDF(objs []string, root int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, root, xref)
	return b.Bytes()
}

// lines writes text lines at the given (x, y) positions in 11 pt Helvetica.
func lines(ls ...any) string {
	var b strings.Builder
	for i := 0; i+2 < len(ls); i += 3 {
		text := strings.NewReplacer("(", `\(`, ")", `\)`).Replace(ls[i+2].(string))
		fmt.Fprintf(&b, "BT /F1 11 Tf %v %v Td (%s) Tj ET\n", ls[i], ls[i+1], text)
	}
	return b.String()
}

func TestPDFLayout(t *testing.T) {
	page := func(n int, body ...any) string {
		head := lines(72, 800, "Draft framework - confidential", 290, 40, fmt.Sprint(n))
		return head + lines(body...)
	}
	pdf := makePDF([]string{
		page(1,
			72, 700, "1. The parties agree a complete ceasefire along the current line of con-",
			90, 686, "tact, monitored by a joint commission.",
			72, 672, "2. Sanctions are lifted in stages:",
			90, 658, "a) first the financial sanctions;",
			90, 644, "b) then the energy sanctions, on a case-by-",
			104, 630, "case basis.",
		),
		page(2,
			72, 700, "3. Russian-",
			90, 686, "speaking communities keep their rights.",
		),
	}, "", false)
	body, _, err := readPDF("plan.pdf", pdf)
	if err != nil {
		t.Fatal(err)
	}
	want := "1. The parties agree a complete ceasefire along the current line of contact, monitored by a joint commission.\n" +
		"2. Sanctions are lifted in stages:\n" +
		"   a) first the financial sanctions;\n" +
		"   b) then the energy sanctions, on a case-by-case basis.\n" +
		"3. Russian-speaking communities keep their rights.\n"
	if string(body) != want {
		t.Errorf("got:\n%s\nwant:\n%s", body, want)
	}
}

func TestPDFToUnicode(t *testing.T) {
	oneByte := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <01> <03> endcodespacerange\n" +
		"2 beginbfchar <01> <0031> <02> <002E> endbfchar\n1 beginbfrange <03> <03> <00200413> endbfrange\nendcmap"
	twoByte := "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
		"1 beginbfrange <0001> <0003> [<0041> <FB01> <0434>] endbfrange\n1 beginbfrange <0010> <0012> <0430> endbfrange endcmap"
	tests := []struct {
		name    string
		content string
		cmap    string
		type0   bool
		want    string
	}{
		// Codes 01 02 03 read "1", ".", " Г" through the map, not as WinAnsi.
		{"simple font with encoding and map", "BT /F1 12 Tf 72 700 Td <010203> Tj ET", oneByte, false, "1. Г"},
		// The ligature fi stays in order; ranges with arrays and offsets.
		{"two-byte codes", "BT /F1 12 Tf 72 700 Td [<00010002> -300 <0003001000110012>] TJ ET", twoByte, true, "Aﬁ дабв"},
		// A Symbol-font bullet in the private use area starts a bulleted item.
		{"symbol bullet", "BT /F1 12 Tf 72 700 Td <04> Tj ET BT /F1 12 Tf 90 700 Td <0506> Tj ET",
			"begincmap 1 begincodespacerange <00> <FF> endcodespacerange 3 beginbfchar <04> <F0B7> <05> <004F> <06> <006B> endbfchar endcmap", false, "• Ok"},
		{"unmapped codes are dropped", "BT /F1 12 Tf 72 700 Td <0001FFFF0001> Tj ET", twoByte, true, "AA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf := makePDF([]string{tt.content}, tt.cmap, tt.type0)
			body, _, err := readPDF("t.pdf", pdf)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(string(body)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// Text drawn inside a form XObject is read, placed by the form's matrix.
func TestPDFForm(t *testing.T) {
	form := "BT /F1 11 Tf 0 0 Td (2. Inside a form.) Tj ET"
	page := "BT /F1 11 Tf 72 700 Td (1. On the page.) Tj ET q 1 0 0 1 72 680 cm /Fm1 Do Q"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /Fm1 6 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(page)+1, page),
		// The form draws itself again: the depth limit stops it.
		fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 500 20] /Matrix [1 0 0 1 0 -5] /Resources << /Font << /F1 4 0 R >> /XObject << /Fm1 6 0 R >> >> /Length %d >>\nstream\n%s\nendstream",
			len(form)+1, form),
	}
	body, _, err := readPDF("form.pdf", writePDF(objs, 1))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(body); !strings.HasPrefix(got, "1. On the page.\n2. Inside a form.\n") {
		t.Errorf("got:\n%s", got)
	}
}

// Malformed structures that would make the PDF library loop for ever are
// refused promptly.
func TestPDFLoops(t *testing.T) {
	content := "BT /F1 11 Tf 72 700 Td (1. Text.) Tj ET"
	pages := func(kids string) []string {
		return []string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [" + kids + "] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
			"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content)+1, content),
		}
	}
	selfXref := writePDF(pages("3 0 R"), 1)
	// Point the trailer's /Prev at the cross-reference table itself.
	i := bytes.LastIndex(selfXref, []byte("startxref\n"))
	offset := strings.TrimSpace(strings.Split(string(selfXref[i+len("startxref\n"):]), "\n")[0])
	selfXref = bytes.Replace(selfXref, []byte("/Root 1 0 R >>"), []byte("/Root 1 0 R /Prev "+offset+" >>"), 1)
	tests := []struct {
		name string
		data []byte
	}{
		{"page tree containing itself", writePDF(pages("3 0 R 2 0 R"), 1)},
		{"cross-reference chain pointing at itself", selfXref},
		{"page whose parent is itself", writePDF(append(pages("3 0 R")[:2],
			"<< /Type /Page /Parent 3 0 R /Contents 5 0 R >>",
			"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content)+1, content)), 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := readPDF("loop.pdf", tt.data)
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("err = %v, want ErrCorrupt", err)
			}
		})
	}
}

func TestHyphenation(t *testing.T) {
	tests := []struct {
		parts []string
		all   string
		want  string
	}{
		{[]string{"the negoti-", "ations continue"}, "", "the negotiations continue"},
		{[]string{"Russian-", "speaking"}, "", "Russian-speaking"},
		{[]string{"a non-", "aggression pact"}, "a non-aggression pact elsewhere", "a non-aggression pact"},
		{[]string{"long-", "term plan"}, "a term of office", "long-term plan"},
		{[]string{"soft\u00ad", "hyphen"}, "", "softhyphen"},
		{[]string{"in 2025-", "26"}, "", "in 2025-26"},
		{[]string{"ends with a dash -", "and goes on"}, "", "ends with a dash - and goes on"},
	}
	for _, tt := range tests {
		if got := joinLines(tt.parts, " "+tt.all+" "); got != tt.want {
			t.Errorf("joinLines(%q) = %q, want %q", tt.parts, got, tt.want)
		}
	}
}

func FuzzPDFContent(f *testing.F) {
	f.Add([]byte("BT /F1 12 Tf 72 700 Td <010203> Tj ET"), []byte("begincmap 1 begincodespacerange <01> <03> endcodespacerange 1 beginbfrange <01> <03> [<41> <42> <43>] endbfrange endcmap"), false)
	f.Add([]byte("q 1 0 0 -1 0 842 cm BT /F1 9 Tf 1 0 0 1 50 50 Tm (abc) ' [(x) -500 (y)] TJ T* 2 Tc 3 Tw 50 Tz (z) \" ET Q"), []byte(""), true)
	f.Fuzz(func(t *testing.T, content, cmap []byte, type0 bool) {
		checkRead(t, "fuzz.pdf", makePDF([]string{string(content)}, string(cmap), type0))
	})
}

func FuzzDOCXXML(f *testing.F) {
	f.Add([]byte(`<w:body>`+para("", "1", 0, r("One"))+para("", "3", 1, r("Two"))+`</w:body>`), []byte(testNumbering))
	f.Fuzz(func(t *testing.T, document, numbering []byte) {
		checkRead(t, "fuzz.docx", makeDOCX(t, map[string]string{
			"word/document.xml":  `<w:document ` + wNS + `>` + string(document) + `</w:document>`,
			"word/numbering.xml": string(numbering),
		}))
	})
}
