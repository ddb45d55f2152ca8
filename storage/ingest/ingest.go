// Package ingest turns files into documents and statements: Markdown and
// plain text in any of the encodings Russian and Ukrainian texts come in,
// statement tables (TSV), Word documents (DOCX), PDF and web pages (HTML).
//
// Every format reader recovers plain text in the corpus Markdown format
// (front matter, "## I. …" headings, list items with their markers written
// out) and hands it to compare.Parse, so one parser does all the labelling.
//
// Glossary:
//
//   - Reader: the code for one format (readDOCX, readPDF, readHTML, decodeText)
//     that turns bytes into Markdown text.
//   - Defaults: properties a file carries outside its text (a DOCX title, an
//     HTML <meta> date); they fill front matter fields the text leaves empty.
//   - Meta: properties given by the user (CLI flags, the import dialog); they
//     override the front matter.
package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"counterpart/compare"
)

// MaxSize is the largest file Load and Read accept, in bytes.
const MaxSize = 50 << 20

// Result is what one file holds: documents, or statements for the timeline.
type Result struct {
	Documents  []compare.Document
	Statements []compare.Statement
}

// Meta holds document properties given by the user. A non-empty field
// overrides the front matter of the file and the properties stored in it.
type Meta struct {
	Party  string // one party, or several separated by semicolons
	Title  string
	Kind   string // memorandum, proposal, … (see compare.Kinds)
	Date   string // YYYY-MM-DD
	Source string
}

// Format is a file format that Read understands.
type Format string

// The formats Read understands.
const (
	Text       Format = "text" // Markdown or plain text
	Statements Format = "tsv"  // statements, one per line
	DOCX       Format = "docx"
	PDF        Format = "pdf"
	HTML       Format = "html"
)

// Load reads the file at path; see Read.
func Load(path string, m Meta) (Result, error) {
	name := filepath.Base(path)
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return Result{}, fail(path, ErrNotFound, nil)
	case err != nil:
		return Result{}, fail(path, ErrUnreadable, err)
	case fi.IsDir():
		return Result{}, fail(path, ErrDirectory, nil)
	case !fi.Mode().IsRegular():
		return Result{}, fail(path, ErrUnreadable, errors.New("not a regular file"))
	case fi.Size() > MaxSize:
		return Result{}, fail(name, ErrTooLarge, nil)
	}
	f, err := os.Open(path)
	if err != nil {
		return Result{}, fail(path, ErrUnreadable, err)
	}
	defer f.Close()
	// Read at most one byte past the limit, in case the file grew.
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return Result{}, fail(path, ErrUnreadable, err)
	}
	return Read(name, data, m)
}

// Read turns the bytes of a file into documents or statements. name is the
// file name: its extension chooses the format, unless the content says
// otherwise (a PDF saved as .txt is still read as PDF). Text may be UTF-8,
// UTF-16 with a byte order mark, Windows-1251 or KOI8-R.
//
// Errors are one line naming the file ("the pasted text" when name is
// empty); errors.Is tells the kind of bad input (ErrEmpty, ErrBinary,
// ErrNoTextLayer…).
func Read(name string, data []byte, m Meta) (Result, error) {
	if strings.TrimSpace(name) == "" {
		name = "the pasted text"
	}
	switch {
	case len(data) > MaxSize:
		return Result{}, fail(name, ErrTooLarge, nil)
	case len(bytes.TrimSpace(data)) == 0:
		return Result{}, fail(name, ErrEmpty, nil)
	}
	if err := m.check(); err != nil {
		return Result{}, fail(name, ErrInvalid, err)
	}
	format, err := Sniff(name, data)
	if err != nil {
		return Result{}, err
	}
	var body []byte
	var defaults map[string]string
	switch format {
	case Statements:
		return readStatements(name, data, m)
	case DOCX:
		body, defaults, err = readDOCX(name, data)
	case PDF:
		body, defaults, err = readPDF(name, data)
	case HTML:
		body, defaults, err = readHTML(name, data)
	default:
		var text string
		text, _, err = decodeText(name, data)
		body = []byte(text)
	}
	if err != nil {
		return Result{}, err
	}
	doc, err := parse(name, body, defaults, m)
	if err != nil {
		return Result{}, err
	}
	return Result{Documents: []compare.Document{doc}}, nil
}

// parse applies the defaults and the user's properties to the front matter
// of src, parses it and checks the document.
func parse(name string, src []byte, defaults map[string]string, m Meta) (compare.Document, error) {
	src = withFrontMatter(src, defaults, m.fields())
	doc, err := compare.Parse(name, src)
	if err != nil {
		return compare.Document{}, fail(name, ErrInvalid, err)
	}
	if len(doc.Parties) == 0 {
		return compare.Document{}, fail(name, ErrNoParty, nil)
	}
	if err := doc.Validate(); err != nil {
		return compare.Document{}, fail(name, ErrInvalid, err)
	}
	return doc, nil
}

// check validates the kind and date given by the user, so that an error
// names them rather than a front matter line the file does not have.
func (m Meta) check() error {
	if m.Kind != "" {
		if _, err := compare.ParseKind(m.Kind); err != nil {
			return fmt.Errorf("the kind given: %w", err)
		}
	}
	if m.Date != "" {
		if _, err := compare.ParseDate(m.Date); err != nil {
			return fmt.Errorf("the date given: %w", err)
		}
	}
	return nil
}

// fields lists the non-empty properties as front matter keys.
func (m Meta) fields() map[string]string {
	f := map[string]string{}
	for k, v := range map[string]string{"party": m.Party, "title": m.Title, "kind": m.Kind, "date": m.Date, "source": m.Source} {
		if v = strings.TrimSpace(v); v != "" {
			f[k] = v
		}
	}
	return f
}

// readStatements reads a TSV file of statements. A Meta party fills the
// party of statements that name none; a Meta source fills missing sources.
func readStatements(name string, data []byte, m Meta) (Result, error) {
	text, _, err := decodeText(name, data)
	if err != nil {
		return Result{}, err
	}
	text = fillColumns(text, m)
	st, err := compare.ParseStatements(name, strings.NewReader(text))
	if err != nil {
		return Result{}, fail(name, ErrInvalid, err)
	}
	return Result{Statements: st}, nil
}

// fillColumns writes m.Party and m.Source into the empty party and source
// cells of a statements table.
func fillColumns(text string, m Meta) string {
	if m.Party == "" && m.Source == "" {
		return text
	}
	lines := strings.Split(text, "\n")
	party, source := -1, -1
	for i, line := range lines {
		cells := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if party < 0 && source < 0 {
			for j, c := range cells {
				switch strings.ToLower(strings.TrimSpace(strings.TrimPrefix(c, "\uFEFF"))) {
				case "party":
					party = j
				case "source":
					source = j
				}
			}
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		for len(cells) <= max(party, source) {
			cells = append(cells, "")
		}
		if party >= 0 && m.Party != "" && strings.TrimSpace(cells[party]) == "" {
			cells[party] = m.Party
		}
		if source >= 0 && m.Source != "" && strings.TrimSpace(cells[source]) == "" {
			cells[source] = m.Source
		}
		lines[i] = strings.Join(cells, "\t")
	}
	return strings.Join(lines, "\n")
}

// Sniff tells the format of a file from its content and, where the content
// is plain text, its extension. It refuses binary files and formats it
// cannot read (legacy .doc, images, archives).
func Sniff(name string, data []byte) (Format, error) {
	ext := strings.ToLower(filepath.Ext(name))
	head := data[:min(len(data), 1024)]
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		return PDF, nil
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return DOCX, nil
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		// An OLE container: a legacy .doc, or a password-protected DOCX.
		if bytes.Contains(data, utf16le("EncryptedPackage")) {
			return "", fail(name, ErrEncrypted, nil)
		}
		return "", fail(name, ErrOldWord, nil)
	case ext == ".docx":
		return "", fail(name, ErrCorrupt, errors.New("it is not a ZIP archive, as a DOCX file must be"))
	case ext == ".pdf":
		return "", fail(name, ErrCorrupt, errors.New("it does not start like a PDF file"))
	}
	if unmarkedUTF16(data) {
		return "", fail(name, ErrEncoding, errors.New("it looks like UTF-16 without a byte order mark"))
	}
	if isBinary(data) {
		return "", fail(name, ErrBinary, nil)
	}
	switch ext {
	case ".tsv":
		return Statements, nil
	case ".html", ".htm", ".xhtml":
		return HTML, nil
	}
	if looksLikeHTML(data) {
		return HTML, nil
	}
	return Text, nil
}

// utf16le encodes ASCII s as UTF-16LE.
func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// unmarkedUTF16 reports whether data looks like UTF-16 text without a byte
// order mark: NUL bytes in most even or most odd positions, and few
// elsewhere.
func unmarkedUTF16(data []byte) bool {
	sample := data[:min(len(data), 4096)]
	if len(sample) < 8 {
		return false
	}
	var zeros [2]int
	for i, c := range sample {
		if c == 0 {
			zeros[i%2]++
		}
	}
	half := len(sample) / 2
	return (zeros[0]*10 > half*7 && zeros[1]*10 < half) || (zeros[1]*10 > half*7 && zeros[0]*10 < half)
}

// looksLikeHTML reports whether data starts with an HTML document.
func looksLikeHTML(data []byte) bool {
	s := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(data[:min(len(data), 512)], []byte("\xEF\xBB\xBF")), " \t\r\n"))
	return bytes.HasPrefix(s, []byte("<!doctype html")) || bytes.HasPrefix(s, []byte("<html"))
}

// binaryMagic lists the signatures of common binary formats.
var binaryMagic = [][]byte{
	[]byte("\x89PNG"), []byte("\xFF\xD8\xFF"), []byte("GIF8"), []byte("\x1F\x8B"),
	[]byte("\x7FELF"), []byte("MZ"), []byte("BZh"), []byte("7z\xBC\xAF"), []byte("Rar!"),
	[]byte("II*\x00"), []byte("MM\x00*"), []byte("SQLite format 3\x00"), []byte("{\\rtf"),
}

// isBinary reports whether data is not text in any encoding decodeText
// knows: it has a known binary signature, or NUL bytes without a UTF-16 byte
// order mark, or many control characters.
func isBinary(data []byte) bool {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(data, m) {
			return true
		}
	}
	if bytes.HasPrefix(data, []byte("\xFF\xFE")) || bytes.HasPrefix(data, []byte("\xFE\xFF")) {
		return len(data)%2 != 0
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	sample := data[:min(len(data), 8192)]
	control := 0
	for _, c := range sample {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B {
			control++
		}
	}
	return control*100 > len(sample)
}

// Problem is a kind of bad input. Its text names no file; errors returned
// by Load and Read wrap one and name the file.
type Problem struct{ format string }

// Error describes the problem without naming a file.
func (p *Problem) Error() string { return fmt.Sprintf(p.format, "the file") }

// The kinds of bad input, for errors.Is.
var (
	ErrNotFound    = &Problem{"%s does not exist"}
	ErrDirectory   = &Problem{"%s is a folder, not a file"}
	ErrUnreadable  = &Problem{"cannot read %s"}
	ErrEmpty       = &Problem{"%s is empty"}
	ErrTooLarge    = &Problem{"%s is larger than 50 MB"}
	ErrBinary      = &Problem{"%s is not a text file, nor a DOCX, PDF or HTML document"}
	ErrOldWord     = &Problem{"%s is in the old Word format (.doc); save it as .docx and import that"}
	ErrCorrupt     = &Problem{"%s is damaged or incomplete"}
	ErrEncrypted   = &Problem{"%s is encrypted; remove the password protection and import it again"}
	ErrUnsupported = &Problem{"%s is in a format Counterpart cannot read"}
	ErrNoTextLayer = &Problem{"%s has no text layer; it may be a scan"}
	ErrEncoding    = &Problem{"cannot tell the text encoding of %s; save it as UTF-8"}
	ErrNoParty     = &Problem{"%s names no party; add \"party:\" to its front matter or give the party when importing"}
	ErrInvalid     = &Problem{"%s"}
)

// FileError is bad input in one named file.
type FileError struct {
	Name    string   // the file name, or the path when the file cannot be opened
	Problem *Problem // one of the Err… kinds
	Err     error    // the detail, or nil
}

// Error is one line: the problem in the named file, then any detail.
func (e *FileError) Error() string {
	s := "ingest: " + fmt.Sprintf(e.Problem.format, e.Name)
	if e.Err != nil {
		s += ": " + firstLine(e.Err.Error())
	}
	return s
}

// Unwrap returns the problem and the detail, for errors.Is and errors.As.
func (e *FileError) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Problem}
	}
	return []error{e.Problem, e.Err}
}

func fail(name string, p *Problem, err error) error {
	return &FileError{Name: name, Problem: p, Err: err}
}

// firstLine keeps an error message to one line of reasonable length and
// printable UTF-8 (a library's message may quote bytes of the file).
func firstLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	cut := len(s) > 300
	if cut {
		s = s[:300]
	}
	s = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || unicode.IsControl(r) {
			return '?'
		}
		return r
	}, strings.ToValidUTF8(s, "?"))
	if cut {
		s += "…"
	}
	return s
}
