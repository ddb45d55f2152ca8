package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"counterpart/compare"
)

// needTool skips the test when a poppler tool is missing.
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed (Debian: poppler-utils)", name)
	}
}

// writeReport writes c to a PDF file in a temporary directory.
func writeReport(t *testing.T, c *compare.Comparison, opt Options) string {
	t.Helper()
	if opt.Created.IsZero() {
		opt.Created = fixed
	}
	var buf bytes.Buffer
	if err := Write(&buf, c, opt); err != nil {
		t.Fatalf("Write: %v", err)
	}
	name := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out)
}

// pageCount asks pdfinfo for the number of pages.
func pageCount(t *testing.T, file string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(run(t, "pdfinfo", file))
	if m == nil {
		t.Fatal("pdfinfo printed no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// normal collapses white space for comparing extracted text.
func normal(s string) string { return strings.Join(strings.Fields(s), " ") }

// columnText extracts one column of the aligned table from every page,
// below the repeated table header and above the bottom margin, so that a
// row split across pages reads on without interruption.
func columnText(t *testing.T, file string, c *compare.Comparison, opt Options, right bool) string {
	t.Helper()
	b, err := newBrief(c, opt)
	if err != nil {
		t.Fatal(err)
	}
	lx, rx, colW := b.columns()
	x := lx
	if right {
		x = rx
	}
	hb := b.tableHeader()
	top := b.top + hb.height()
	pt := func(mm float64) string { return strconv.Itoa(int(mm / 25.4 * 72)) }
	text := normal(run(t, "pdftotext", "-x", pt(x-0.5), "-y", pt(top), "-W", pt(colW+1), "-H", pt(b.bottom-top), file, "-"))
	return strings.ReplaceAll(text, " "+continued+" ", " ")
}

// checkProvisions asserts that every provision's label and text can be read
// out of the right column of the PDF.
func checkProvisions(t *testing.T, file string, c *compare.Comparison, opt Options) {
	t.Helper()
	for _, side := range []struct {
		d     *compare.Document
		right bool
	}{{&c.Left, false}, {&c.Right, true}} {
		text := columnText(t, file, c, opt, side.right)
		for _, p := range side.d.Provisions {
			want := normal(p.Label + " " + p.Text)
			if !strings.Contains(text, want) {
				t.Errorf("%s: provision %s not found in the PDF text:\nwant %q", side.d.Title, p.Label, excerpt(want, 200))
			}
		}
	}
}

// russianPair is a pair of short Russian-language documents.
func russianPair(t *testing.T) *compare.Comparison {
	t.Helper()
	left, err := compare.Parse("ru-left.md", []byte(`---
party: Российская Федерация
title: Меморандум об урегулировании кризиса
date: 2025-06-02
kind: memorandum
language: ru
---
## I. Основные параметры
1. Украина становится нейтральным государством и отказывается от членства в военных союзах.
2. Устанавливаются предельные численности вооружённых сил Украины.
3. Гарантируются права русскоязычного населения, русский язык получает статус официального.
## II. Условия прекращения огня
1. Прекращение огня на тридцать дней с последующим обменом пленными «всех на всех».
`))
	if err != nil {
		t.Fatal(err)
	}
	right, err := compare.Parse("ua-right.md", []byte(`---
party: Україна
title: Меморандум про припинення вогню
date: 2025-05-28
kind: memorandum
language: uk
---
## I. Загальні положення
1. Україна не зобов'язана бути нейтральною; членство в НАТО залежить від консенсусу Альянсу.
2. Повне і безумовне припинення вогню на тридцять днів з можливістю продовження.
3. Обмін полоненими за формулою «всіх на всіх».
`))
	if err != nil {
		t.Fatal(err)
	}
	return alignByLabels(&left, &right, [][2]string{{"I.1", "I.1"}, {"II.1", "I.2"}})
}

func TestProvisionsReadBack(t *testing.T) {
	needTool(t, "pdftotext")
	tests := []struct {
		name string
		c    func(t *testing.T) *compare.Comparison
		opt  Options
	}{
		{"russia vs ukraine by order", func(t *testing.T) *compare.Comparison { return goldComparison(t, "russia-vs-ukraine-2025.json") }, Options{}},
		{"us-28 vs 20-point by topic", func(t *testing.T) *compare.Comparison { return goldComparison(t, "us-28-vs-20-point.json") }, Options{Group: ByTopic}},
		{"us-28 vs e3 on letter", func(t *testing.T) *compare.Comparison { return goldComparison(t, "us-28-vs-e3.json") }, Options{Paper: Letter}},
		{"cyrillic", russianPair, Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.c(t)
			tt.opt.Created = fixed
			file := writeReport(t, c, tt.opt)
			checkProvisions(t, file, c, tt.opt)
		})
	}
}

// TestCorpusPairs writes a report for every pair of sample documents as
// compare.Compare aligns them, and reads every provision back.
func TestCorpusPairs(t *testing.T) {
	needTool(t, "pdftotext")
	names := []string{"2025-05-28-ukraine-memorandum.md", "2025-06-02-russia-memorandum.md", "2025-11-20-us-28-point-plan.md", "2025-11-23-e3-counter-proposal.md", "2025-12-24-20-point-framework.md"}
	for i, ln := range names {
		for _, rn := range names[i+1:] {
			t.Run(ln+" vs "+rn, func(t *testing.T) {
				c := compare.Compare(corpusDoc(t, ln), corpusDoc(t, rn), nil)
				opt := Options{Created: fixed, Group: ByTopic}
				if i%2 == 1 {
					opt.Group = ByOrder
				}
				file := writeReport(t, c, opt)
				checkProvisions(t, file, c, opt)
				checkNoOrphanHeadings(t, file, c)
			})
		}
	}
}

// checkNoOrphanHeadings asserts that no page ends with a section or topic
// subheading: the first row of a group starts on the same page.
func checkNoOrphanHeadings(t *testing.T, file string, c *compare.Comparison) {
	t.Helper()
	headings := map[string]bool{}
	for _, d := range []*compare.Document{&c.Left, &c.Right} {
		for _, p := range d.Provisions {
			if p.Heading != "" {
				headings[normal(p.Heading)] = true
			}
		}
	}
	for _, tp := range compare.Topics {
		headings[tp.Title()] = true
	}
	n := pageCount(t, file)
	for p := 1; p <= n; p++ {
		var last string
		for _, l := range strings.Split(run(t, "pdftotext", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), file, "-"), "\n") {
			l = normal(l)
			if l == "" || strings.HasPrefix(l, "page ") || strings.HasPrefix(l, "Made ") {
				continue
			}
			last = l
		}
		title, _, _ := strings.Cut(last, " · ")
		if headings[title] {
			t.Errorf("page %d ends with the heading %q", p, last)
		}
	}
}

func TestCyrillicTitleBlock(t *testing.T) {
	needTool(t, "pdftotext")
	c := russianPair(t)
	file := writeReport(t, c, Options{Note: "Стороны расходятся по вопросу нейтралитета."})
	text := normal(run(t, "pdftotext", "-f", "1", "-l", "1", file, "-"))
	for _, want := range []string{
		"Comparison: Меморандум об урегулировании кризиса / Меморандум про припинення вогню",
		"Российская Федерация", "Україна", "Стороны расходятся по вопросу нейтралитета.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("page 1 lacks %q", want)
		}
	}
}

func TestOnlyEmbeddedFonts(t *testing.T) {
	needTool(t, "pdffonts")
	file := writeReport(t, goldComparison(t, "russia-vs-ukraine-2025.json"), Options{})
	lines := strings.Split(strings.TrimSpace(run(t, "pdffonts", file)), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", strings.Join(lines, "\n"))
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type [type] encoding emb sub uni object ID
		if len(f) < 7 {
			t.Fatalf("unexpected pdffonts line %q", l)
		}
		emb, uni := f[len(f)-5], f[len(f)-3]
		if emb != "yes" || uni != "yes" {
			t.Errorf("font not embedded with a Unicode map: %q", l)
		}
		if strings.Contains(l, "Type 1") {
			t.Errorf("core (Type 1) font used: %q", l)
		}
	}
}

// longComparison builds n rows, each a provision of words words on both
// sides, paired with a word diff.
func longComparison(n, words int) *compare.Comparison {
	l := compare.Document{Parties: []string{"Left party"}, Title: "Left", Kind: compare.Proposal, Date: "2025-11-20"}
	r := compare.Document{Parties: []string{"Right party"}, Title: "Right", Kind: compare.Framework, Date: "2025-12-24"}
	c := &compare.Comparison{}
	for i := range n {
		var lw, rw []string
		for k := range words {
			lw = append(lw, fmt.Sprintf("word%d", k))
			if k%7 == 3 {
				rw = append(rw, fmt.Sprintf("other%d", k))
			} else {
				rw = append(rw, fmt.Sprintf("word%d", k))
			}
		}
		lp := compare.Provision{Label: strconv.Itoa(i + 1), Text: strings.Join(lw, " "), Order: i}
		rp := compare.Provision{Label: strconv.Itoa(i + 1), Text: strings.Join(rw, " "), Order: i}
		l.Provisions = append(l.Provisions, lp)
		r.Provisions = append(r.Provisions, rp)
		c.Rows = append(c.Rows, compare.Row{Left: []int{i}, Right: []int{i}, Kind: compare.Paired, Similarity: 0.8, Diff: compare.WordDiff(lp.Text, rp.Text)})
	}
	c.Left, c.Right = l, r
	return c
}

// bboxWord is a word with its box, from pdftotext -bbox.
type bboxWord struct {
	page                   int
	yMin, yMax, pageHeight float64
	text                   string
}

var (
	pageRE = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordRE = regexp.MustCompile(`<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`)
)

func bboxWords(t *testing.T, file string) []bboxWord {
	t.Helper()
	var out []bboxWord
	page, h := 0, 0.0
	for _, l := range strings.Split(run(t, "pdftotext", "-bbox", file, "-"), "\n") {
		if m := pageRE.FindStringSubmatch(l); m != nil {
			page++
			h, _ = strconv.ParseFloat(m[2], 64)
			continue
		}
		if m := wordRE.FindStringSubmatch(l); m != nil {
			y0, _ := strconv.ParseFloat(m[1], 64)
			y1, _ := strconv.ParseFloat(m[2], 64)
			out = append(out, bboxWord{page, y0, y1, h, m[3]})
		}
	}
	return out
}

func TestPagesHeaderAndMargins(t *testing.T) {
	needTool(t, "pdfinfo")
	needTool(t, "pdftotext")
	tests := []struct {
		name         string
		rows, words  int
		paper        Paper
		minPages     int
		wantSizeText string
	}{
		{"many short rows a4", 120, 12, A4, 4, "595.28 x 841.89 pts (A4)"},
		{"many short rows letter", 120, 12, Letter, 4, "612 x 792 pts (letter)"},
		{"one row taller than three pages", 1, 4000, A4, 4, "(A4)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := longComparison(tt.rows, tt.words)
			opt := Options{Paper: tt.paper, Created: fixed}
			file := writeReport(t, c, opt)
			if info := run(t, "pdfinfo", file); !strings.Contains(info, tt.wantSizeText) {
				t.Errorf("pdfinfo: want page size %q in\n%s", tt.wantSizeText, info)
			}
			n := pageCount(t, file)
			if n < tt.minPages {
				t.Fatalf("%d pages, want at least %d", n, tt.minPages)
			}
			for p := 1; p <= n; p++ {
				text := normal(run(t, "pdftotext", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), file, "-"))
				if !strings.Contains(text, "Comparison: Left / Right") {
					t.Errorf("page %d has no running header", p)
				}
				if want := fmt.Sprintf("page %d of %d", p, n); !strings.Contains(text, want) {
					t.Errorf("page %d lacks footer %q", p, want)
				}
				if p > 2 && !strings.Contains(text, "LEFT · Left party") {
					t.Errorf("page %d does not repeat the table header", p)
				}
			}
			// No word may reach into the bottom margin except the footer's.
			b, _ := newBrief(c, opt)
			limit := b.bottom / 25.4 * 72
			footerTop := (b.pageH - footerFromBt - 4) / 25.4 * 72
			for _, w := range bboxWords(t, file) {
				if w.yMax > limit+1.5 && w.yMin < footerTop {
					t.Errorf("page %d: %q overflows the bottom margin (yMax %.1f pt > %.1f)", w.page, w.text, w.yMax, limit)
				}
			}
			checkProvisions(t, file, c, opt)
			full := run(t, "pdftotext", file, "-")
			if got := strings.Count(full, continued); tt.rows == 1 && got < 2 {
				t.Errorf("a row over %d pages is marked %s %d times", n, continued, got)
			} else if tt.rows > 1 && got > 0 {
				t.Errorf("short rows split across pages: %s appears %d times", continued, got)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	c := goldComparison(t, "us-28-vs-e3.json")
	opt := Options{Created: fixed, Note: "Fixed date, fixed bytes.", Statements: corpusStatements(t)}
	var a, b bytes.Buffer
	if err := Write(&a, c, opt); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, c, opt); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("two reports with the same date differ (%d and %d bytes)", a.Len(), b.Len())
	}
	opt.Created = fixed.AddDate(0, 0, 1)
	var d bytes.Buffer
	if err := Write(&d, c, opt); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a.Bytes(), d.Bytes()) {
		t.Fatal("reports with different dates are identical")
	}
}

func TestWriteErrors(t *testing.T) {
	good := longComparison(2, 5)
	bad := longComparison(2, 5)
	bad.Rows[1].Right = []int{7}
	tests := []struct {
		name string
		c    *compare.Comparison
		opt  Options
		want string
	}{
		{"nil comparison", nil, Options{}, "no comparison"},
		{"unknown paper", good, Options{Paper: "a3"}, `paper "a3"`},
		{"unknown grouping", good, Options{Group: "stance"}, `grouping "stance"`},
		{"row out of range", bad, Options{}, "row 2 names right provision 7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(&buf, tt.c, tt.opt)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Write error = %v, want one containing %q", err, tt.want)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes despite the error", buf.Len())
			}
		})
	}
}

func TestProgress(t *testing.T) {
	c := longComparison(30, 20)
	var calls [][2]int
	opt := Options{Created: fixed, Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }}
	if err := Write(&bytes.Buffer{}, c, opt); err != nil {
		t.Fatal(err)
	}
	if len(calls) != len(c.Rows) {
		t.Fatalf("%d progress calls, want %d", len(calls), len(c.Rows))
	}
	for i, call := range calls {
		if call != [2]int{i + 1, len(c.Rows)} {
			t.Fatalf("call %d = %v, want [%d %d]", i, call, i+1, len(c.Rows))
		}
	}
}

func TestNotesBesideTheirRows(t *testing.T) {
	needTool(t, "pdftotext")
	c := longComparison(3, 10)
	c.Left.ID, c.Right.ID = 1, 2
	notes := []compare.Note{
		{Document: 1, Label: "2", Text: "Provision note on left two."},
		{Document: 2, Label: "3", Other: 1, Text: "Row note on right three against left."},
		{Document: 2, Label: "3", Other: 9, Text: "Row note for another comparison."},
		{Document: 5, Label: "1", Text: "Note on another document."},
	}
	file := writeReport(t, c, Options{Notes: notes})
	text := normal(run(t, "pdftotext", file, "-"))
	for _, want := range []string{"Note on 2 Provision note on left two.", "Note on this row Row note on right three against left."} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, not := range []string{"another comparison", "another document"} {
		if strings.Contains(text, not) {
			t.Errorf("report shows a note that does not belong: %q", not)
		}
	}
	// Each note sits under its own row: before the next row's label.
	i2 := strings.Index(text, "Provision note on left two.")
	i3 := strings.Index(text, "3 word0")
	if i2 < 0 || i3 < 0 || i2 > i3 {
		t.Errorf("the note on provision 2 is not between rows 2 and 3")
	}
}

func TestEdgeCases(t *testing.T) {
	needTool(t, "pdfinfo")
	tests := []struct {
		name string
		c    *compare.Comparison
		opt  Options
	}{
		{"empty documents", &compare.Comparison{Left: compare.Document{Title: "A"}, Right: compare.Document{Title: "B"}}, Options{}},
		{"no dates, no parties", &compare.Comparison{
			Left:  compare.Document{Title: "A", Provisions: []compare.Provision{{Label: "1", Text: "Text."}}},
			Right: compare.Document{Title: "B"},
			Rows:  []compare.Row{{Left: []int{0}, Kind: compare.LeftOnly}},
		}, Options{Group: ByTopic, Title: "   "}},
		{"very long title and note", longComparison(2, 3), Options{Title: strings.Repeat("Заголовок ", 40), Note: strings.Repeat("A long analyst's note. ", 200)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := writeReport(t, tt.c, tt.opt)
			if n := pageCount(t, file); n < 1 {
				t.Fatalf("%d pages", n)
			}
		})
	}
}
