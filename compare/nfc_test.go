package compare

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestCompositions checks the NFC table against golang.org/x/text: sorted
// (composeRune searches it), and every entry what NFC makes of the pair.
func TestCompositions(t *testing.T) {
	for k, c := range compositions {
		if k > 0 {
			p := compositions[k-1]
			if p.base > c.base || p.base == c.base && p.mark >= c.mark {
				t.Fatalf("entry %d (%U %U) out of order", k, c.base, c.mark)
			}
		}
		if got := norm.NFC.String(string([]rune{c.base, c.mark})); got != string(c.composed) {
			t.Errorf("%U+%U: table has %U, NFC gives %q", c.base, c.mark, c.composed, got)
		}
		if got, ok := composeRune(c.base, c.mark); !ok || got != c.composed {
			t.Errorf("composeRune(%U, %U) = %U, %v; want %U", c.base, c.mark, got, ok, c.composed)
		}
	}
}

func TestComposeNFC(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain ascii", "plain ascii"},
		{"и\u0306", "й"},
		{"Е\u0308лка", "Ёлка"},
		{"ї and i\u0308", "ї and ï"},
		{"e\u0301te\u0301", "été"},
		{"x\u0301", "x\u0301"}, // no composite: left alone
		{"\u0301a", "\u0301a"}, // a mark with no base
	}
	for _, tt := range tests {
		if got := composeNFC(tt.in); got != tt.want {
			t.Errorf("composeNFC(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := norm.NFC.String(tt.in); got != tt.want {
			t.Errorf("test case %q: NFC gives %q, want %q", tt.in, got, tt.want)
		}
	}
}
