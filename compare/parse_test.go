package compare

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// corpusDir is the shared corpus, next to the repository.
const corpusDir = "../../shared/corpus"

func TestParseCorpusLabelsMatchGold(t *testing.T) {
	golds, _ := filepath.Glob(filepath.Join(corpusDir, "gold", "*.json"))
	if len(golds) == 0 {
		t.Skip("shared corpus not found")
	}
	for _, g := range golds {
		var gold struct {
			Left, Right       string
			Pairs, Acceptable [][2]string
		}
		b, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &gold); err != nil {
			t.Fatal(err)
		}
		for side, file := range []string{gold.Left, gold.Right} {
			doc := mustParse(t, filepath.Join(corpusDir, file))
			labels := map[string]bool{}
			for _, p := range doc.Provisions {
				labels[p.Label] = true
			}
			for _, pairs := range [][][2]string{gold.Pairs, gold.Acceptable} {
				for _, p := range pairs {
					if !labels[p[side]] {
						t.Errorf("%s: %s has no provision %s (gold %s)", filepath.Base(g), file, p[side], filepath.Base(g))
					}
				}
			}
		}
	}
}

func mustParse(t testing.TB, path string) Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(path, b)
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	return d
}

func TestParseRussianMemorandum(t *testing.T) {
	path := filepath.Join(corpusDir, "documents", "2025-06-02-russia-memorandum.md")
	if _, err := os.Stat(path); err != nil {
		t.Skip("shared corpus not found")
	}
	d := mustParse(t, path)
	if got, want := d.Parties, []string{"Russian Federation"}; !reflect.DeepEqual(got, want) {
		t.Errorf("parties = %v, want %v", got, want)
	}
	if d.Date != "2025-06-02" || d.Kind != Memorandum {
		t.Errorf("date, kind = %s, %s", d.Date, d.Kind)
	}
	var labels []string
	for _, p := range d.Provisions {
		labels = append(labels, p.Label)
	}
	want := "I.1 I.2 I.3 I.4 I.5 I.6 I.7 I.8 I.9 I.10 I.11 I.12 I.13 II.1 II.2 II.2.a II.2.b II.2.c II.2.d II.2.e II.2.f II.2.g II.2.h II.2.i II.2.j III.1 III.2 III.3 III.4 III.5 III.6 III.7 III.8 III.9"
	if got := strings.Join(labels, " "); got != want {
		t.Errorf("labels:\n got %s\nwant %s", got, want)
	}
	sub := d.Provisions[16] // II.2.b
	if sub.Parent != "II.2" || sub.Heading != "II. Terms of a ceasefire" || sub.Text != "Mobilisation in Ukraine stops and demobilisation begins." {
		t.Errorf("II.2.b = %+v", sub)
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // label=text; …
	}{
		{"skipped numbering keeps labels", "1. One.\n2. Two.\n4. Four.\n", "1=One.; 2=Two.; 4=Four."},
		{"paren markers and roman", "Section II\n(a) first\n(b) second\n   i. deep one\n   ii. deep two\n", "II.a=first; II.b=second; II.b.i=deep one; II.b.ii=deep two"},
		{"article headings", "Article 3\n1) Russia withdraws.\n2) Ukraine agrees.\n\nArticle 4\n1) Sanctions end.", "3.1=Russia withdraws.; 3.2=Ukraine agrees.; 4.1=Sanctions end."},
		{"continuation lines joined", "1. A long\n   provision that\n   wraps.\n2. Next.", "1=A long provision that wraps.; 2=Next."},
		{"paragraphs", "First paragraph\nwraps here.\n\nSecond  paragraph.", "¶1=First paragraph wraps here.; ¶2=Second paragraph."},
		{"bullets", "## 2. Roadmap\n- ceasefire\n- exchange\n  • all for all", "2.1=ceasefire; 2.2=exchange; 2.2.1=all for all"},
		{"unindented sub-list after colon", "1. Measures:\na) stop\nb) start\n2. Next", "1=Measures:; 1.a=stop; 1.b=start; 2=Next"},
		{"lower-case letter markers with a dot", "1. X:\n   a. the first\n   b. the second", "1=X:; 1.a=the first; 1.b=the second"},
		{"an initial is not a marker", "A. smith said this.\n\nAnd that.", "¶1=A. smith said this.; ¶2=And that."},
		{"letters h i j", "1. X:\n   h) eight\n   i) nine\n   j) ten", "1=X:; 1.h=eight; 1.i=nine; 1.j=ten"},
		{"cyrillic", "## Раздел II. Условия\n1. Прекращение огня.\n   а) Мониторинг.", "II.1=Прекращение огня.; II.1.а=Мониторинг."},
		{"decomposed to NFC", "1. Украі\u0308ні и\u0306", "1=Україні й"},
		{"front matter", "---\nparty: Ukraine; United States # joint\ntitle: T\ndate: 2025-12-24\nkind: framework\n---\n1. One", "1=One"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("x.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range d.Provisions {
				got = append(got, p.Label+"="+p.Text)
			}
			if g := strings.Join(got, "; "); g != tt.want {
				t.Errorf("got  %s\nwant %s", g, tt.want)
			}
		})
	}
}

func TestParseFrontMatterFields(t *testing.T) {
	d, err := Parse("x.md", []byte("---\nparty: Ukraine; United States # joint\ntitle: T\ndate: 2025-12-24\nkind: framework\n---\n1. One"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d.Parties, []string{"Ukraine", "United States"}) || d.Title != "T" || d.Kind != Framework || d.Date != "2025-12-24" {
		t.Errorf("got %+v", d)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"bad date", "---\ntitle: T\ndate: 2025-13-40\n---\n1. x", `line 3: date "2025-13-40" is not a valid date (want YYYY-MM-DD)`},
		{"unclosed", "---\ntitle: T\n1. x", "closing \"---\" missing"},
		{"no colon", "---\ntitle T\n---\n1. x", `line 2: front matter line "title T" is not "key: value"`},
		{"unclosed at end", "---\ntitle: T\n", "front matter is not closed"},
		{"bad kind", "---\nkind: treaty\n---\n1. x", `kind "treaty" is not one of`},
		{"empty", "", "contains no provisions"},
		{"binary", "\x00\x01\x02", "NUL"},
		{"not utf8", "\xff\xfe1. x", "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("x.md", []byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestParseStatementsCorpus(t *testing.T) {
	f, err := os.Open(filepath.Join(corpusDir, "statements.tsv"))
	if err != nil {
		t.Skip("shared corpus not found")
	}
	defer f.Close()
	st, err := ParseStatements("statements.tsv", f)
	if err != nil {
		t.Fatal(err)
	}
	if len(st) != 16 {
		t.Errorf("got %d statements, want 16", len(st))
	}
	if st[0].Date != "2025-05-16" || st[0].Speaker != "Vladimir Medinsky" {
		t.Errorf("first = %+v", st[0])
	}
}

func TestParseStatementsErrors(t *testing.T) {
	_, err := ParseStatements("s.tsv", strings.NewReader("date\tparty\tspeaker\ttext\n2025-02-30\tUkraine\tX\tY\n"))
	if err == nil || !strings.Contains(err.Error(), "line 2: date") {
		t.Errorf("err = %v", err)
	}
	_, err = ParseStatements("s.tsv", strings.NewReader("when\twho\n"))
	if err == nil || !strings.Contains(err.Error(), `no "date" column`) {
		t.Errorf("err = %v", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"1. a\n2. b", "---\ntitle: x\n---\n## I. H\n1. x\n   a) y", "Розділ 2\n(а) текст", "- a\n  - b\n    - c"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Parse("f.md", src)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for i, p := range d.Provisions {
			if p.Order != i {
				t.Fatalf("order %d at %d", p.Order, i)
			}
			if seen[p.Label] {
				t.Fatalf("duplicate label %q", p.Label)
			}
			seen[p.Label] = true
			if p.Parent != "" && !seen[p.Parent] {
				t.Fatalf("parent %q of %q not before it", p.Parent, p.Label)
			}
		}
	})
}
