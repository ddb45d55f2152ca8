package ingest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"counterpart/assets"
	"counterpart/compare"
)

// original parses a Markdown document: from the embedded corpus for a bare
// file name, else from testdata.
func original(t *testing.T, name string) compare.Document {
	t.Helper()
	var src []byte
	var err error
	if strings.Contains(name, "/") {
		src, err = os.ReadFile(name)
	} else {
		src, err = fs.ReadFile(assets.Corpus, "documents/"+name)
	}
	if err != nil {
		t.Fatal(err)
	}
	doc, err := compare.Parse(name, src)
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return doc
}

// sameDocument compares labels exactly and texts after white space
// normalisation, and the properties.
func sameDocument(t *testing.T, got, want compare.Document) {
	t.Helper()
	if got.Party() != want.Party() || got.Date != want.Date || got.Kind != want.Kind || got.Title != want.Title {
		t.Errorf("properties: got %q %s %s %q, want %q %s %s %q",
			got.Party(), got.Date, got.Kind, got.Title, want.Party(), want.Date, want.Kind, want.Title)
	}
	var gl, wl []string
	for _, p := range got.Provisions {
		gl = append(gl, p.Label)
	}
	for _, p := range want.Provisions {
		wl = append(wl, p.Label)
	}
	if strings.Join(gl, " ") != strings.Join(wl, " ") {
		t.Fatalf("labels:\n got  %v\n want %v", gl, wl)
	}
	for i, p := range got.Provisions {
		w := want.Provisions[i]
		if compare.Normalize(p.Text) != compare.Normalize(w.Text) {
			t.Errorf("%s text:\n got  %q\n want %q", p.Label, p.Text, w.Text)
		}
		if p.Parent != w.Parent {
			t.Errorf("%s parent: got %q, want %q", p.Label, p.Parent, w.Parent)
		}
	}
}

func TestFormatsMatchMarkdown(t *testing.T) {
	const ruMemo = "2025-06-02-russia-memorandum.md"
	const ruText = "testdata/russia-memorandum-ru.md"
	tests := []struct {
		file   string
		format Format
		want   string
		meta   Meta
	}{
		{"russia-memorandum.docx", DOCX, ruMemo, Meta{}},
		{"russia-memorandum.pdf", PDF, ruMemo, Meta{}},
		// Numbering that skips (1, 2, 4…): LibreOffice writes startOverride.
		{"e3-counter-proposal.docx", DOCX, "2025-11-23-e3-counter-proposal.md", Meta{}},
		// Justified serif text over pages.
		{"us-28-point-plan.pdf", PDF, "2025-11-20-us-28-point-plan.md", Meta{}},
		// The same with a running header and "Page N" footers, dropped.
		{"us-28-point-plan-headers.pdf", PDF, "2025-11-20-us-28-point-plan.md", Meta{}},
		{"russia-memorandum-ru.docx", DOCX, ruText, Meta{}},
		{"russia-memorandum-ru.pdf", PDF, ruText, Meta{}},
		{"russia-memorandum-ru.cp1251.txt", Text, ruText, Meta{}},
		{"russia-memorandum-ru.koi8r.txt", Text, ruText, Meta{}},
		{"russia-memorandum-ru.utf16le.txt", Text, ruText, Meta{}},
		{"russia-memorandum-ru.utf16be.txt", Text, ruText, Meta{}},
		// A web page has no front matter: the user gives party and kind,
		// the page its title and date.
		{"ukraine-memorandum.html", HTML, "2025-05-28-ukraine-memorandum.md", Meta{Party: "Ukraine", Kind: "memorandum"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if f, err := Sniff(tt.file, data); err != nil || f != tt.format {
				t.Errorf("Sniff = %s, %v; want %s", f, err, tt.format)
			}
			res, err := Load(path, tt.meta)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Documents) != 1 || len(res.Statements) != 0 {
				t.Fatalf("got %d documents, %d statements", len(res.Documents), len(res.Statements))
			}
			want := original(t, tt.want)
			got := res.Documents[0]
			// The source line of the front matter is not on the web page.
			if tt.format == HTML {
				want.Source = ""
			}
			if got.Source != want.Source {
				t.Errorf("source: got %q, want %q", got.Source, want.Source)
			}
			sameDocument(t, got, want)
		})
	}
}

func TestMetaOverridesFrontMatter(t *testing.T) {
	src := "---\nparty: Ukraine\ntitle: Old\ndate: 2025-13-45\nkind: memorandum\n---\n1. One.\n2. Two.\n"
	tests := []struct {
		name    string
		meta    Meta
		wantErr bool
		check   func(d compare.Document) bool
	}{
		{"bad date kept", Meta{}, true, nil},
		{"bad date replaced", Meta{Date: "2025-06-01"}, false, func(d compare.Document) bool { return d.Date == "2025-06-01" }},
		{"all replaced", Meta{Party: "Russian Federation; Belarus", Title: "New # title", Kind: "proposal", Date: "2025-01-02", Source: "TASS"},
			false, func(d compare.Document) bool {
				return d.Party() == "Russian Federation; Belarus" && d.Title == "New ＃ title" && d.Kind == compare.Proposal &&
					d.Source == "TASS" && d.Date == "2025-01-02"
			}},
		{"invalid kind", Meta{Date: "2025-06-01", Kind: "treaty"}, true, nil},
		{"invalid date given", Meta{Date: "1 June 2025"}, true, nil},
		{"future date", Meta{Date: "2999-01-01"}, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read("memo.md", []byte(src), tt.meta)
			if tt.wantErr {
				if err == nil || !strings.Contains(err.Error(), "memo.md") || !errors.Is(err, ErrInvalid) {
					t.Fatalf("err = %v, want an invalid-document error naming the file", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d := res.Documents[0]; !tt.check(d) {
				t.Errorf("got %+v", d)
			}
		})
	}
}

func TestStatements(t *testing.T) {
	data, err := fs.ReadFile(assets.Corpus, "statements.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Count(strings.TrimSpace(string(data)), "\n")
	res, err := Read("statements.tsv", data, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Statements) != want || len(res.Documents) != 0 {
		t.Fatalf("got %d statements, %d documents; want %d statements", len(res.Statements), len(res.Documents), want)
	}
	// A party given by the user fills a missing party.
	tsv := "date\tparty\tspeaker\ttext\n2025-05-16\t\tDmitry Peskov\tNo comment.\n"
	res, err = Read("kremlin.tsv", []byte(tsv), Meta{Party: "Russian Federation"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Statements[0].Party != "Russian Federation" {
		t.Errorf("party = %q", res.Statements[0].Party)
	}
	if _, err := Read("kremlin.tsv", []byte(tsv), Meta{}); err == nil || !strings.Contains(err.Error(), "kremlin.tsv") {
		t.Errorf("missing party: err = %v", err)
	}
}

func TestDetectEncoding(t *testing.T) {
	ru := "Российская Федерация и Украина договорились об обмене пленными и о прекращении огня."
	uk := "Україна отримує надійні гарантії безпеки; сторони запрошують міжнародну спільноту."
	tests := []struct {
		name string
		data []byte
		want Encoding // "" for an error
	}{
		{"utf-8", []byte(ru), UTF8},
		{"utf-8 bom", append([]byte("\xEF\xBB\xBF"), ru...), UTF8},
		{"ascii", []byte("Plain English text."), UTF8},
		{"cut utf-8", []byte(ru)[:len(ru)-1], UTF8},
		{"windows-1251 ru", encodeWith(t, Windows1251, ru), Windows1251},
		{"windows-1251 uk", encodeWith(t, Windows1251, uk), Windows1251},
		{"koi8-r", encodeWith(t, KOI8R, ru), KOI8R},
		{"utf-16le", []byte("\xFF\xFEa\x00"), UTF16LE},
		{"utf-16be", []byte("\xFE\xFF\x00a"), UTF16BE},
		{"latin-1 french", []byte("Le pr\xe9sident a d\xe9clar\xe9 que la s\xe9curit\xe9 de l'Europe \xe9tait en jeu."), ""},
		{"too little cyrillic", encodeWith(t, Windows1251, "Note: да."), ""},
		{"random high bytes", []byte("\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DetectEncoding(tt.data)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("got %s, want an error", got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %s, %v; want %s", got, err, tt.want)
			}
		})
	}
}

func encodeWith(t *testing.T, e Encoding, s string) []byte {
	t.Helper()
	b, err := codec(e).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestHTML(t *testing.T) {
	page := `<html lang="ru"><head><title>Site | Plan</title><meta name="date" content="2025-11-20T10:00:00Z"></head>
<body><nav><ol><li>Menu</li></ol></nav><main>
<p>Preamble text.</p>
<ol type="I"><li>First section</li></ol>
<ol start="3"><li>Three.<ol type="a"><li>Sub a.</li><li>Sub b.</li></ol>Tail of three.</li><li value="7">Seven.</li></ol>
<ul><li>Bullet one.</li></ul>
<table><tr><td>9.</td><td>Row nine.</td></tr></table>
</main><footer>1. Footer item</footer><script>document.write("1. script")</script></body></html>`
	res, err := Read("plan.html", []byte(page), Meta{Party: "United States", Kind: "proposal"})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Documents[0]
	var got []string
	for _, p := range d.Provisions {
		got = append(got, p.Label+" "+p.Text)
	}
	want := []string{"¶1 Preamble text.", "I First section", "3 Three.", "3.a Sub a.", "3.b Sub b. Tail of three.",
		"7 Seven.", "1 Bullet one.", "9 Row nine."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("provisions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if d.Title != "Site | Plan" || d.Date != "2025-11-20" || d.Language != "ru" {
		t.Errorf("title, date, language = %q %s %s", d.Title, d.Date, d.Language)
	}
}

// Word's "Save as web page" writes list items as paragraphs.
func TestHTMLFromWord(t *testing.T) {
	page := `<html><body><div class=WordSection1>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span>1.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>A ceasefire.</p>
<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level2 lfo1'><![if !supportLists]><span>a)<span>&nbsp;&nbsp; </span></span><![endif]>monitored;</p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>2.<span>&nbsp;&nbsp; </span></span><![endif]>An exchange.</p>
</div></body></html>`
	res, err := Read("word.htm", []byte(page), Meta{Party: "Ukraine", Date: "2025-05-28", Kind: "memorandum"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Documents[0].Provisions {
		got = append(got, p.Label+" "+p.Text)
	}
	if want := "1 A ceasefire.|1.a monitored;|2 An exchange."; strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestHTMLEncodings(t *testing.T) {
	ru := "<html><body><ol><li>Украина получает надёжные гарантии безопасности.</li><li>Обмен всех на всех.</li></ol></body></html>"
	tests := []struct {
		name string
		data []byte
	}{
		{"utf-8", []byte(ru)},
		{"windows-1251 undeclared", encodeWith(t, Windows1251, ru)},
		{"koi8-r declared", append([]byte(`<meta charset="koi8-r">`), encodeWith(t, KOI8R, ru)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read("page.html", tt.data, Meta{Party: "Ukraine", Date: "2025-05-28", Kind: "memorandum"})
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Documents[0].Provisions[1].Text; got != "Обмен всех на всех." {
				t.Errorf("text = %q", got)
			}
		})
	}
}
