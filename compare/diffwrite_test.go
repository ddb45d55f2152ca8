package compare

import (
	"strings"
	"testing"
)

func TestWriteDiff(t *testing.T) {
	var b strings.Builder
	err := WriteDiff(&b, []Piece{{Equal, "Ukraine "}, {Delete, "becomes"}, {Insert, "stays"}, {Equal, " neutral."}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "Ukraine [-becomes-]{+stays+} neutral."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestAlignUnitsRebuildsBothSides(t *testing.T) {
	split := func(s string) []string { return strings.SplitAfter(s, "\n") }
	tests := []struct{ a, b string }{
		{"a\nb\nc\nd\n", "a\nc\nd\ne\n"},
		{"x\nx\nx\ny\n", "y\nx\nx\n"},
		{"", "only\nnew\n"},
		{strings.Repeat("same\n", 100) + "end\n", "start\n" + strings.Repeat("same\n", 99)},
	}
	for _, tt := range tests {
		a, b := split(tt.a), split(tt.b)
		var ra, rb []string
		i, j := 0, 0
		for _, sp := range alignUnits(a, b) {
			switch sp.op {
			case Equal:
				for k := 0; k < sp.n; k++ {
					if a[i+k] != b[j+k] {
						t.Fatalf("%q vs %q: equal span pairs %q with %q", tt.a, tt.b, a[i+k], b[j+k])
					}
				}
				ra, rb = append(ra, a[i:i+sp.n]...), append(rb, b[j:j+sp.n]...)
				i, j = i+sp.n, j+sp.n
			case Delete:
				ra = append(ra, a[i:i+sp.n]...)
				i += sp.n
			case Insert:
				rb = append(rb, b[j:j+sp.n]...)
				j += sp.n
			}
		}
		if strings.Join(ra, "") != tt.a || strings.Join(rb, "") != tt.b {
			t.Errorf("%q vs %q: spans do not rebuild both sides", tt.a, tt.b)
		}
	}
}
