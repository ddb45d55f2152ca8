package report

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"counterpart/assets"
	"counterpart/compare"
)

// bigComparison repeats the rows of a corpus comparison copies times.
func bigComparison(tb testing.TB, copies int) *compare.Comparison {
	tb.Helper()
	one := compare.Compare(corpusDoc(tb, "2025-11-20-us-28-point-plan.md"), corpusDoc(tb, "2025-12-24-20-point-framework.md"), nil)
	c := &compare.Comparison{Left: one.Left, Right: one.Right, Topics: one.Topics}
	c.Left.Provisions, c.Right.Provisions = nil, nil
	for range copies {
		nl, nr := len(c.Left.Provisions), len(c.Right.Provisions)
		c.Left.Provisions = append(c.Left.Provisions, one.Left.Provisions...)
		c.Right.Provisions = append(c.Right.Provisions, one.Right.Provisions...)
		for _, r := range one.Rows {
			r.Left = shift(r.Left, nl)
			r.Right = shift(r.Right, nr)
			c.Rows = append(c.Rows, r)
		}
	}
	return c
}

func shift(idx []int, by int) []int {
	out := make([]int, len(idx))
	for i, k := range idx {
		out[i] = k + by
	}
	return out
}

// benchCopies makes bigComparison about 100 pages long.
const benchCopies = 28

func TestBenchComparisonSize(t *testing.T) {
	needTool(t, "pdfinfo")
	c := bigComparison(t, benchCopies)
	n := pageCount(t, writeReport(t, c, Options{}))
	plain := writePlain(io.Discard, c)
	t.Logf("report: %d pages; plain fpdf: %d pages", n, plain)
	if n < 85 || n > 115 || plain < 85 || plain > 115 {
		t.Errorf("the benchmarks write %d and %d pages, want about 100 each", n, plain)
	}
}

func BenchmarkReport100Pages(b *testing.B) {
	c := bigComparison(b, benchCopies)
	opt := Options{Created: fixed}
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, c, opt); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlainFpdf100Pages(b *testing.B) {
	c := bigComparison(b, benchCopies)
	b.ReportAllocs()
	for b.Loop() {
		writePlain(io.Discard, c)
	}
}

// writePlain sets the same text as the report's aligned table — each row's
// small line, label and provision texts, the running header and footer —
// in two columns with fpdf's MultiCell and the same embedded fonts, but with
// no highlights, charts, tints or rules: the baseline the report's own line
// breaker and drawing are measured against. It returns the number of pages.
func writePlain(w io.Writer, c *compare.Comparison) int {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AliasNbPages("{nb}")
	pdf.AddUTF8FontFromBytes("Noto", "", assets.FontRegular)
	pdf.AddUTF8FontFromBytes("Noto", "B", assets.FontBold)
	pdf.AddUTF8FontFromBytes("Noto", "I", assets.FontItalic)
	pdf.AddUTF8FontFromBytes("Noto", "BI", assets.FontBoldItalic)
	pdf.SetAutoPageBreak(false, marginBottom)
	pdf.SetMargins(marginX, marginTop, marginX)
	pw, ph := pdf.GetPageSize()
	colW := (pw - 2*marginX - gutter) / 2
	lh := bodySize * ptToMM * lead
	smallH := 7 * ptToMM * lead
	pdf.SetHeaderFunc(func() {
		pdf.SetFont("Noto", "", 7)
		pdf.SetXY(marginX, headerBase-3)
		pdf.CellFormat(0, 4, "Comparison: "+c.Left.Title+" / "+c.Right.Title, "", 1, "L", false, 0, "")
		pdf.SetFont("Noto", "B", 8.4)
		pdf.SetXY(marginX, marginTop)
		pdf.CellFormat(colW, 10, c.Left.Title, "", 0, "L", false, 0, "")
		pdf.SetXY(marginX+colW+gutter, marginTop)
		pdf.CellFormat(colW, 10, c.Right.Title, "", 0, "L", false, 0, "")
	})
	pdf.SetFooterFunc(func() {
		pdf.SetFont("Noto", "", 7)
		pdf.SetXY(marginX, ph-footerFromBt-2)
		pdf.CellFormat(0, 4, fmt.Sprintf("page %d of {nb}", pdf.PageNo()), "", 0, "L", false, 0, "")
	})
	pdf.AddPage()
	top := marginTop + 14
	y := top
	text := func(d *compare.Document, idx []int) string {
		var parts []string
		for _, k := range idx {
			parts = append(parts, d.Provisions[k].Label+"  "+d.Provisions[k].Text)
		}
		return strings.Join(parts, "\n")
	}
	for _, r := range c.Rows {
		meta := fmt.Sprintf("%s · %d%% similar wording · %s", r.Kind, int(r.Similarity*100), r.Topic.Title())
		lt, rt := text(&c.Left, r.Left), text(&c.Right, r.Right)
		pdf.SetFont("Noto", "", bodySize)
		h := float64(max(len(pdf.SplitText(lt, colW)), len(pdf.SplitText(rt, colW)))) * lh
		if y+smallH+h > ph-marginBottom {
			pdf.AddPage()
			y = top
		}
		pdf.SetFont("Noto", "", 7)
		pdf.SetXY(marginX, y+1.5)
		pdf.MultiCell(2*colW+gutter, smallH, meta, "", "L", false)
		y += 1.5 + smallH + 1
		pdf.SetFont("Noto", "", bodySize)
		pdf.SetXY(marginX, y)
		pdf.MultiCell(colW, lh, lt, "", "L", false)
		pdf.SetXY(marginX+colW+gutter, y)
		pdf.MultiCell(colW, lh, rt, "", "L", false)
		y += h + 3
	}
	n := pdf.PageNo()
	if err := pdf.Output(w); err != nil {
		panic(err)
	}
	return n
}
