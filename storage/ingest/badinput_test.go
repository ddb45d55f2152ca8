package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The rows of docs/bad-input.md that concern ingest, one test case each.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	fixture := func(name string) string { return filepath.Join("testdata", name) }
	docx, err := os.ReadFile(fixture("russia-memorandum.docx"))
	if err != nil {
		t.Fatal(err)
	}
	pdfData, err := os.ReadFile(fixture("russia-memorandum.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(dir, "huge.txt")
	if f, err := os.Create(huge); err != nil {
		t.Fatal(err)
	} else {
		// A sparse file: Load must refuse it before reading it.
		if err := f.Truncate(MaxSize + 1); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	front := "---\nparty: Ukraine\ntitle: T\nkind: memorandum\n"
	tests := []struct {
		name string
		path string
		want *Problem
	}{
		{"path does not exist", filepath.Join(dir, "missing.md"), ErrNotFound},
		{"a directory", dir, ErrDirectory},
		{"empty file", write("empty.md", nil), ErrEmpty},
		{"only white space", write("blank.txt", []byte(" \n\t\r\n")), ErrEmpty},
		{"binary file with NUL bytes", write("data.txt", []byte("abc\x00\x01\x02def")), ErrBinary},
		{"image renamed to text", write("photo.md", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), ErrBinary},
		{"executable", write("tool", []byte("\x7fELF\x02\x01\x01\x00")), ErrBinary},
		{"old Word format", write("memo.doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest")), ErrOldWord},
		{"UTF-16 without a byte order mark", write("unmarked.txt", utf16le("1. A ceasefire.\n2. An exchange.\n")), ErrEncoding},
		{"password-protected DOCX", write("locked.docx", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1...."), utf16le("EncryptedPackage")...)), ErrEncrypted},
		{"OpenDocument text", write("memo.odt", makeDOCX(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>"})), ErrUnsupported},
		{"image-only PDF", fixture("scan.pdf"), ErrNoTextLayer},
		{"encrypted PDF", fixture("encrypted.pdf"), ErrEncrypted},
		{"truncated PDF", write("cut.pdf", pdfData[:len(pdfData)/2]), ErrCorrupt},
		{"text named .pdf", write("notes.pdf", []byte("just some text")), ErrCorrupt},
		{"truncated DOCX", write("cut.docx", docx[:len(docx)/2]), ErrCorrupt},
		{"ZIP without a document", write("archive.docx", makeDOCX(t, map[string]string{"readme.txt": "hello"})), ErrCorrupt},
		{"text named .docx", write("notes.docx", []byte("just some text")), ErrCorrupt},
		{"DOCX with broken XML", write("broken.docx", makeDOCX(t, map[string]string{"word/document.xml": "<w:document><w:body><w:p>"})), ErrCorrupt},
		{"file over 50 MB", huge, ErrTooLarge},
		{"unknown encoding", write("latin1.txt", []byte("---\nparty: France\n---\nLe pr\xe9sident a d\xe9clar\xe9 que la s\xe9curit\xe9 \xe9tait en jeu.\n")), ErrEncoding},
		{"unclosed front matter", write("open.md", []byte("---\nparty: Ukraine\n1. Item.\n")), ErrInvalid},
		{"front matter line without colon", write("nocolon.md", []byte("---\nparty Ukraine\n---\n1. Item.\n")), ErrInvalid},
		{"invalid date", write("baddate.md", []byte(front+"date: 2025-02-30\n---\n1. Item.\n")), ErrInvalid},
		{"future date", write("future.md", []byte(front+"date: 2999-01-01\n---\n1. Item.\n")), ErrInvalid},
		{"no date", write("nodate.md", []byte(front+"---\n1. Item.\n")), ErrInvalid},
		{"no party", write("noparty.md", []byte("---\ntitle: T\ndate: 2025-01-01\nkind: memorandum\n---\n1. Item.\n")), ErrNoParty},
		{"no text", write("heading.md", []byte(front+"date: 2025-01-01\n---\n# Only a heading\n")), ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.path, Meta{})
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			msg := err.Error()
			if strings.ContainsAny(msg, "\r\n") || !strings.Contains(msg, filepath.Base(tt.path)) {
				t.Errorf("message %q is not one line naming the file", msg)
			}
		})
	}
}

// A document in one line of 1 MB, with or without spaces, is read (or
// refused) promptly; it never hangs.
func TestLongLine(t *testing.T) {
	words := strings.Repeat("ceasefire ", 1<<20/10)
	tests := []struct {
		name string
		text string
	}{
		{"one item of 1 MB", "1. " + words},
		{"one paragraph of 1 MB", words},
		{"1 MB without a space", "1. " + strings.Repeat("x", 1<<20)},
		{"1 MB of markers", strings.Repeat("1. ", 1<<20/3)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read("long.txt", []byte(tt.text), Meta{Party: "Ukraine", Date: "2025-01-01", Kind: "statement", Title: "Long"})
			if err != nil {
				t.Fatal(err)
			}
			if n := len(res.Documents[0].Provisions); n != 1 {
				t.Errorf("%d provisions, want 1", n)
			}
		})
	}
}

func BenchmarkLongLine(b *testing.B) {
	data := []byte("1. " + strings.Repeat("ceasefire ", 1<<20/10))
	m := Meta{Party: "Ukraine", Date: "2025-01-01", Kind: "statement", Title: "Long"}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("long.txt", data, m); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRead(b *testing.B) {
	for _, name := range []string{"russia-memorandum.docx", "russia-memorandum.pdf", "ukraine-memorandum.html", "russia-memorandum-ru.cp1251.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Read(name, data, Meta{Party: "Ukraine", Kind: "memorandum"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
