package compare

import (
	"strings"
	"testing"
)

// rebuild returns the left and right texts that pieces describe.
func rebuild(pieces []Piece) (left, right string) {
	var l, r strings.Builder
	for _, p := range pieces {
		switch p.Op {
		case Equal:
			l.WriteString(p.Text)
			r.WriteString(p.Text)
		case Delete:
			l.WriteString(p.Text)
		case Insert:
			r.WriteString(p.Text)
		}
	}
	return l.String(), r.String()
}

// checkPieces fails unless pieces rebuild both texts and never repeat an op.
func checkPieces(t *testing.T, pieces []Piece, left, right string) {
	t.Helper()
	l, r := rebuild(pieces)
	if l != left {
		t.Errorf("left rebuilt as %q, want %q", l, left)
	}
	if r != right {
		t.Errorf("right rebuilt as %q, want %q", r, right)
	}
	for i, p := range pieces {
		if p.Text == "" {
			t.Errorf("piece %d is empty", i)
		}
		if i > 0 && pieces[i-1].Op == p.Op {
			t.Errorf("pieces %d and %d share op %s", i-1, i, p.Op)
		}
	}
}

func TestWordDiff(t *testing.T) {
	tests := []struct {
		name        string
		left, right string
		want        string // pieces rendered as [-del-]{+ins+}
	}{
		{"equal", "Ukraine receives guarantees.", "Ukraine receives guarantees.", "Ukraine receives guarantees."},
		{"empty left", "", "A new point.", "{+A new point.+}"},
		{"empty right", "An old point.", "", "[-An old point.-]"},
		{"replace number", "capped at 600,000 personnel.", "capped at 800,000 personnel in peacetime.",
			"capped at [-600-]{+800+},000 personnel{+ in peacetime+}."},
		{"word replaced", "Ukraine receives reliable security guarantees.", "Ukraine receives robust security guarantees.",
			"Ukraine receives [-reliable -]{+robust +}security guarantees."},
		{"whitespace only", "a  b", "a b", "a[-  -]{+ +}b"},
		{"cyrillic", "Украина обязуется соблюдать нейтралитет.", "Украина должна соблюдать нейтралитет.",
			"Украина [-обязуется -]{+должна +}соблюдать нейтралитет."},
		{"hyphen word", "Ukraine is non-nuclear.", "Ukraine is nuclear-free.", "Ukraine is [-non-nuclear-]{+nuclear-free+}."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pieces := WordDiff(tt.left, tt.right)
			checkPieces(t, pieces, tt.left, tt.right)
			if got := renderDiff(pieces); got != tt.want {
				t.Errorf("WordDiff = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDiffText(t *testing.T) {
	old := "Title\n\n1. Ukraine is neutral.\n2. Sanctions are lifted in stages.\n3. Elections within 100 days.\n"
	new := "Title\n\n1. Ukraine is neutral.\n2. Sanctions are lifted at once.\n3. Elections within 100 days.\n4. A new point.\n"
	pieces := DiffText(old, new)
	checkPieces(t, pieces, old, new)
	want := "Title\n\n1. Ukraine is neutral.\n2. Sanctions are lifted [-in stages-]{+at once+}.\n3. Elections within 100 days.\n{+4. A new point.\n+}"
	if got := renderDiff(pieces); got != want {
		t.Errorf("DiffText = %q, want %q", got, want)
	}
}

// TestWordDiffLarge forces the coarse path (more tokens than one direct diff
// may take) and checks that the result still rebuilds both texts.
func TestWordDiffLarge(t *testing.T) {
	left := revisionText(20000, 0)
	right := revisionText(20000, 1)
	pieces := WordDiff(left, right)
	checkPieces(t, pieces, left, right)
	var changed int
	for _, p := range pieces {
		if p.Op != Equal {
			changed += len(p.Text)
		}
	}
	if changed == 0 || changed > len(left)/2 {
		t.Errorf("changed %d of %d bytes; want a small, non-zero share", changed, len(left))
	}
}

func FuzzWordDiff(f *testing.F) {
	f.Add("Ukraine becomes neutral.", "Ukraine stays neutral.")
	f.Add("Украина становится нейтральной.", "Украина остаётся нейтральной и вне блоков.")
	f.Add("Україна отримує гарантії безпеки.", "Україна отримує надійні гарантії безпеки.")
	f.Add("  leading space\n\nand lines ", "leading  space\nand\tlines")
	f.Add("", "только правая сторона")
	f.Add("a-b c'd — e", "a-b c’d – e")
	f.Fuzz(func(t *testing.T, left, right string) {
		for _, pieces := range [][]Piece{WordDiff(left, right), DiffText(left, right)} {
			l, r := rebuild(pieces)
			if l != left || r != right {
				t.Fatalf("pieces rebuild %q / %q, want %q / %q", l, r, left, right)
			}
			for i := 1; i < len(pieces); i++ {
				if pieces[i].Op == pieces[i-1].Op {
					t.Fatalf("pieces %d and %d share op %s", i-1, i, pieces[i].Op)
				}
			}
		}
	})
}
