package compare

import "testing"

// TestCrossLanguageRows checks the rows of the gold pairs whose documents
// are in two languages: no word diff is offered (Unrelated), and each row
// names what its sides share (concepts, numbers).
func TestCrossLanguageRows(t *testing.T) {
	n := 0
	for _, gc := range goldCases(t) {
		c := Compare(gc.left, gc.right, nil)
		if c.Left.Language == c.Right.Language {
			continue
		}
		n++
		for _, row := range c.Rows {
			if len(row.Left) == 0 || len(row.Right) == 0 {
				continue
			}
			l, r := c.Left.Provisions[row.Left[0]], c.Right.Provisions[row.Right[0]]
			if row.Kind != Unrelated {
				t.Errorf("%s: row %s / %s is %v, want Unrelated", gc.name, l.Label, r.Label, row.Kind)
			}
			if len(row.SharedTerms) == 0 {
				t.Errorf("%s: row %s / %s names no shared terms", gc.name, l.Label, r.Label)
			}
		}
	}
	if n == 0 {
		t.Skip("no gold pair across languages")
	}
}
