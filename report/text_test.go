package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"counterpart/compare"
)

// testBrief returns a brief for a small comparison, for unit tests of the
// layout helpers.
func testBrief(t *testing.T, c *compare.Comparison) *brief {
	t.Helper()
	if c == nil {
		c = longComparison(1, 3)
	}
	b, err := newBrief(c, Options{Created: fixed})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestWrap(t *testing.T) {
	b := testBrief(t, nil)
	long := strings.Repeat("Донецк", 30) // one word far wider than the line
	tests := []struct {
		name  string
		spans []span
		width float64
		lines int // expected number of lines, 0 to skip the check
	}{
		{"short", []span{{"Ukraine's sovereignty is confirmed.", b.st.body}}, 80, 1},
		{"wraps at spaces", []span{{strings.Repeat("ceasefire monitoring ", 30), b.st.body}}, 60, 0},
		{"styles mix inside a word", []span{{"pre", b.st.body}, {"fix", b.st.ins}, {" and more words here", b.st.body}}, 20, 0},
		{"cyrillic", []span{{"Прекращение огня на тридцать дней с последующим обменом пленными «всех на всех».", b.st.body}}, 40, 0},
		{"white space collapses", []span{{"  line\none\t\ttwo   three  ", b.st.body}}, 200, 1},
		{"a word wider than the line", []span{{"see " + long, b.st.body}}, 30, 0},
		{"empty", []span{{"", b.st.body}}, 50, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var in strings.Builder
			for _, sp := range tt.spans {
				in.WriteString(sp.text)
			}
			lines := b.m.wrap(append([]span(nil), tt.spans...), tt.width, lead)
			if tt.lines > 0 && len(lines) != tt.lines {
				t.Errorf("%d lines, want %d", len(lines), tt.lines)
			}
			var words []string
			for i, l := range lines {
				if l.h <= 0 {
					t.Errorf("line %d has height %v", i, l.h)
				}
				for _, r := range l.runs {
					if r.x+r.w > tt.width+1e-6 {
						t.Errorf("line %d: run %q ends at %.2f mm, past the width %.2f", i, r.text, r.x+r.w, tt.width)
					}
					if got := b.m.width(r.st, r.text); abs(got-r.w) > 1e-6 {
						t.Errorf("run %q is %.3f mm wide but measured %.3f", r.text, r.w, got)
					}
				}
				words = append(words, l.text())
			}
			got := strings.Join(strings.Fields(strings.Join(words, " ")), " ")
			want := strings.Join(strings.Fields(in.String()), " ")
			if tt.name == "a word wider than the line" {
				got = strings.ReplaceAll(got, " ", "")
				want = strings.ReplaceAll(want, " ", "")
			}
			if got != want {
				t.Errorf("lines spell\n%q\nwant\n%q", got, want)
			}
		})
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestWrapBreaksOnlyAtSpaces(t *testing.T) {
	b := testBrief(t, nil)
	text := "Ukraine's armed forces are capped at 600,000 personnel, and the ceasefire takes effect immediately after both sides pull back."
	for width := 30.0; width < 120; width += 7 { // wider than any word of the text
		for _, l := range b.m.wrap([]span{{text, b.st.body}}, width, lead) {
			for _, w := range strings.Fields(l.text()) {
				if !strings.Contains(" "+text+" ", " "+w+" ") {
					t.Fatalf("width %.0f: %q is not a whole word of the text", width, w)
				}
			}
		}
	}
}

func TestDiffSpans(t *testing.T) {
	l := compare.Document{Title: "L", Provisions: []compare.Provision{
		{Label: "1", Text: "Ukraine's armed forces are capped at 600,000 personnel."},
		{Label: "2", Text: "Europe pays for reconstruction."},
	}}
	r := compare.Document{Title: "R", Provisions: []compare.Provision{
		{Label: "4", Text: "Ukraine's armed forces remain at 800,000 personnel in peacetime, and Europe pays."},
	}}
	diff := compare.WordDiff(l.Provisions[0].Text+"\n"+l.Provisions[1].Text, r.Provisions[0].Text)
	c := &compare.Comparison{Left: l, Right: r, Rows: []compare.Row{{Left: []int{0, 1}, Right: []int{0}, Kind: compare.Paired, Diff: diff}}}
	b := testBrief(t, c)

	tests := []struct {
		name string
		d    *compare.Document
		idx  []int
		op   compare.Op
		hl   *style
	}{
		{"two provisions on the left", &c.Left, []int{0, 1}, compare.Delete, b.st.del},
		{"one on the right", &c.Right, []int{0}, compare.Insert, b.st.ins},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := b.diffSpans(tt.d, tt.idx, diff, tt.op, tt.hl)
			if len(spans) != len(tt.idx) {
				t.Fatalf("%d span lists, want %d", len(spans), len(tt.idx))
			}
			var hl strings.Builder
			for i, sp := range spans {
				var text strings.Builder
				for _, s := range sp {
					text.WriteString(s.text)
					if s.st == tt.hl {
						hl.WriteString(s.text)
					} else if s.st != b.st.body {
						t.Errorf("span %q has an unexpected style", s.text)
					}
				}
				if want := tt.d.Provisions[tt.idx[i]].Text; text.String() != want {
					t.Errorf("provision %d spells %q, want %q", i, text.String(), want)
				}
			}
			var want strings.Builder
			for _, p := range diff {
				if p.Op == tt.op {
					want.WriteString(strings.TrimSpace(p.Text))
				}
			}
			if got := strings.Join(strings.Fields(hl.String()), ""); got != strings.Join(strings.Fields(want.String()), "") {
				t.Errorf("highlighted %q, want the %s pieces %q", got, tt.op, want.String())
			}
		})
	}

	// A diff that does not spell the provisions is not trusted.
	if got := b.diffSpans(&c.Left, []int{0, 1}, compare.WordDiff("something else", "entirely"), compare.Delete, b.st.del); got != nil {
		t.Errorf("diffSpans used a diff of other texts: %v", got)
	}
}

func TestCollapse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"two  spaces", "two spaces"},
		{"line\nbreak", "line break"},
		{"tab\tand\u00a0nbsp", "tab and nbsp"},
		{"кириллица без  изменений", "кириллица без изменений"},
		{"«кавычки»", "«кавычки»"},
	}
	for _, tt := range tests {
		if got := collapse(tt.in); got != tt.want {
			t.Errorf("collapse(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("Ukraine's sovereignty is confirmed.", 40.0)
	f.Add("Прекращение огня на тридцать дней", 12.0)
	f.Add("a\u00a0b\tc\n\nd  e", 3.0)
	b, err := newBrief(longComparison(1, 3), Options{Created: fixed})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if width < 5 || width > 500 || !utf8.ValidString(text) {
			t.Skip()
		}
		lines := b.m.wrap([]span{{text, b.st.body}}, width, lead)
		var got []string
		for _, l := range lines {
			for i, r := range l.runs {
				// Only a single character wider than the line may pass it.
				if r.x+r.w > width+1e-6 && !(i == 0 && utf8.RuneCountInString(r.text) == 1) {
					t.Fatalf("run %q ends at %.2f, past %.2f", r.text, r.x+r.w, width)
				}
			}
			got = append(got, l.text())
		}
		if a, z := strings.Join(strings.Fields(strings.Join(got, "")), ""), strings.Join(strings.Fields(text), ""); a != z {
			t.Fatalf("lines spell %q, want %q", a, z)
		}
	})
}
