package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzMeta fills the properties so that more inputs get as far as a document.
var fuzzMeta = Meta{Party: "Ukraine", Date: "2025-01-01", Kind: "memorandum", Title: "Fuzz"}

// checkRead asserts what holds for any input: Read does not panic, an error
// is one line naming the file, and a document has a party and provisions
// with UTF-8 text.
func checkRead(t *testing.T, name string, data []byte) {
	res, err := Read(name, data, fuzzMeta)
	if err != nil {
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Fatalf("error %v is not a FileError", err)
		}
		if msg := err.Error(); strings.ContainsAny(msg, "\r\n") || !strings.Contains(msg, name) || !utf8.ValidString(msg) {
			t.Fatalf("error %q is not one line naming the file", msg)
		}
		return
	}
	for _, d := range res.Documents {
		if len(d.Parties) == 0 || len(d.Provisions) == 0 {
			t.Fatalf("document without party or provisions: %+v", d)
		}
		for _, p := range d.Provisions {
			if !utf8.ValidString(p.Text) || strings.TrimSpace(p.Text) == "" {
				t.Fatalf("provision %s has bad text %q", p.Label, p.Text)
			}
		}
	}
}

func addFixtures(f *testing.F, pattern string) {
	paths, err := filepath.Glob(filepath.Join("testdata", pattern))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

func FuzzReadText(f *testing.F) {
	addFixtures(f, "*.txt")
	addFixtures(f, "*.md")
	f.Add([]byte("---\nparty: Ukraine\n---\n## I. A\n1. One\n   a) Sub\n"))
	f.Add([]byte("\xFF\xFE1\x00.\x00 \x00x\x00"))
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "fuzz.txt", data) })
}

func FuzzReadDOCX(f *testing.F) {
	addFixtures(f, "*.docx")
	f.Add(makeDOCX(f, map[string]string{
		"word/document.xml":  `<w:document ` + wNS + `><w:body>` + para("", "1", 0, r("One")) + para("", "1", 1, r("Two")) + `</w:body></w:document>`,
		"word/numbering.xml": testNumbering,
		"word/styles.xml":    testStyles,
	}))
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "fuzz.docx", data) })
}

func FuzzReadPDF(f *testing.F) {
	addFixtures(f, "*.pdf")
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "fuzz.pdf", data) })
}

func FuzzReadHTML(f *testing.F) {
	addFixtures(f, "*.html")
	f.Add([]byte(`<ol type="a" start="3"><li>x<ol><li value="9">y</li></ol></li></ol><table><tr><td>1.</td><td>z</td></tr></table>`))
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "fuzz.html", data) })
}

func FuzzDetectEncoding(f *testing.F) {
	addFixtures(f, "*.txt")
	f.Add([]byte("plain"))
	f.Add([]byte("\xEF\xBB\xBFтекст"))
	f.Fuzz(func(t *testing.T, data []byte) {
		enc, err := DetectEncoding(data)
		if utf8.Valid(data) && (err != nil || (enc != UTF8 && enc != UTF16LE && enc != UTF16BE)) {
			t.Fatalf("valid UTF-8 detected as %q, %v", enc, err)
		}
		if err != nil {
			return
		}
		text, err := decode(enc, data)
		if err != nil {
			t.Fatalf("%s detected but does not decode: %v", enc, err)
		}
		if !utf8.ValidString(text) {
			t.Fatalf("%s decodes to invalid UTF-8", enc)
		}
		if enc == UTF8 && utf8.Valid(data) && text != strings.TrimPrefix(string(data), "\uFEFF") {
			t.Fatalf("UTF-8 text changed by decoding")
		}
	})
}
