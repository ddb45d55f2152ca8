package app

import (
	"slices"
	"strings"
	"testing"

	"counterpart/compare"
)

// sampleComparison is a small hand-built comparison with every kind of row.
func sampleComparison() *compare.Comparison {
	left := compare.Document{ID: 1, Title: "Russian memorandum", Parties: []string{"Russian Federation"}, Provisions: []compare.Provision{
		{Label: "1", Text: "Ukraine withdraws its troops from four regions.", Topics: []compare.Topic{compare.Territory}, Stance: compare.Demand},
		{Label: "2", Text: "Ukraine stays neutral.", Topics: []compare.Topic{compare.Alliances}, Stance: compare.Demand},
		{Label: "3", Text: "Sanctions are lifted.", Topics: []compare.Topic{compare.Sanctions}, Stance: compare.Demand},
		{Label: "4", Text: "Exchange of all prisoners.", Topics: []compare.Topic{compare.Humanitarian}, Stance: compare.Commitment},
	}}
	right := compare.Document{ID: 2, Title: "Ukrainian memorandum", Parties: []string{"Ukraine"}, Provisions: []compare.Provision{
		{Label: "A", Text: "Exchange of all prisoners.", Topics: []compare.Topic{compare.Humanitarian}, Stance: compare.Commitment},
		{Label: "B", Text: "The line of contact is the starting point of negotiations on territory.", Topics: []compare.Topic{compare.Territory}, Stance: compare.Position},
		{Label: "C", Text: "Ukraine chooses its alliances freely.", Topics: []compare.Topic{compare.Alliances}, Stance: compare.Position},
	}}
	return &compare.Comparison{Left: left, Right: right, Rows: []compare.Row{
		{Left: []int{0}, Right: []int{1}, Kind: compare.Unrelated, Topic: compare.Territory, Similarity: 0.2, SharedTerms: []string{"territory", "regions"}},
		{Left: []int{1}, Right: []int{2}, Kind: compare.Paired, Topic: compare.Alliances, Similarity: 0.5, Diff: compare.WordDiff(left.Provisions[1].Text, right.Provisions[2].Text)},
		{Left: []int{2}, Kind: compare.LeftOnly, Topic: compare.Sanctions},
		{Left: []int{3}, Right: []int{0}, Kind: compare.Paired, Topic: compare.Humanitarian, Similarity: 1, Diff: compare.WordDiff(left.Provisions[3].Text, right.Provisions[0].Text), Manual: true},
	}}
}

func spanText(ss []span, style spanStyle) string {
	var b []string
	for _, s := range ss {
		if s.Style == style {
			b = append(b, strings.TrimSpace(s.Text))
		}
	}
	return strings.Join(b, "|")
}

func TestBuildRows(t *testing.T) {
	c := sampleComparison()
	notes := []compare.Note{
		{ID: 1, Document: 1, Label: "3", Text: "provision note"},
		{ID: 2, Document: 2, Label: "A", Other: 1, Text: "row note"},
		{ID: 3, Document: 2, Label: "A", Other: 99, Text: "note for another comparison"},
	}
	rows := buildRows(c, notes)
	if len(rows) != 4 {
		t.Fatalf("got %d rows, want 4", len(rows))
	}
	tests := []struct {
		name              string
		row               int
		leftDel, rightIns string
		leftLabel         string
		leftNil, rightNil bool
		different         bool
		stance            compare.Stance
		notes             []string
	}{
		{name: "paired with changes", row: 1, leftDel: "stays neutral", rightIns: "chooses its alliances freely", leftLabel: "2", different: true, stance: compare.Demand},
		{name: "left only", row: 2, leftLabel: "3", rightNil: true, different: true, stance: compare.Demand, notes: []string{"provision note"}},
		{name: "identical pair", row: 3, leftLabel: "4", different: false, stance: compare.Commitment, notes: []string{"row note"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := rows[tt.row]
			if tt.leftDel != "" {
				if got := spanText(v.Left, deletedSpan); got != tt.leftDel {
					t.Errorf("deleted words %q, want %q", got, tt.leftDel)
				}
				if got := spanText(v.Right, insertedSpan); got != tt.rightIns {
					t.Errorf("inserted words %q, want %q", got, tt.rightIns)
				}
			}
			if got := spanText(v.Left, labelSpan); got != tt.leftLabel {
				t.Errorf("left label %q, want %q", got, tt.leftLabel)
			}
			if (v.Right == nil) != tt.rightNil {
				t.Errorf("right cell nil = %v, want %v", v.Right == nil, tt.rightNil)
			}
			if v.Different != tt.different {
				t.Errorf("different = %v, want %v", v.Different, tt.different)
			}
			if v.Stance != tt.stance {
				t.Errorf("stance %q, want %q", v.Stance, tt.stance)
			}
			var got []string
			for _, n := range v.Notes {
				got = append(got, n.Text)
			}
			if !slices.Equal(got, tt.notes) {
				t.Errorf("notes %q, want %q", got, tt.notes)
			}
		})
	}
	if got := spanText(rows[0].Left, sharedSpan); got != "regions." {
		t.Errorf("shared terms on the left: %q, want %q", got, "regions.")
	}
	if got := spanText(rows[0].Right, sharedSpan); got != "territory." {
		t.Errorf("shared terms on the right: %q, want %q", got, "territory.")
	}
}

func TestRowFilter(t *testing.T) {
	m := newRowModel(sampleComparison(), nil)
	tests := []struct {
		f    rowFilter
		want []int
	}{
		{rowFilter{}, []int{0, 1, 2, 3}},
		{rowFilter{Status: DifferencesOnly}, []int{0, 1, 2}},
		{rowFilter{Status: OneSidedOnly}, []int{2}},
		{rowFilter{Status: PairedOnly}, []int{0, 1, 3}},
		{rowFilter{DemandsOnly: true}, []int{0, 1, 2}},
		{rowFilter{Topic: compare.Humanitarian}, []int{3}},
		{rowFilter{Topic: compare.Territory, Status: OneSidedOnly}, nil},
	}
	for _, tt := range tests {
		m.apply(tt.f)
		var got []int
		for i := 0; i < m.len(); i++ {
			got = append(got, m.at(i).Row)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("filter %+v: rows %v, want %v", tt.f, got, tt.want)
		}
	}
}

func TestNextDifference(t *testing.T) {
	m := newRowModel(sampleComparison(), nil)
	tests := []struct{ from, dir, want int }{
		{-1, 1, 0}, {0, 1, 1}, {2, 1, -1}, {3, -1, 2}, {0, -1, -1},
	}
	for _, tt := range tests {
		if got := m.nextDifference(tt.from, tt.dir); got != tt.want {
			t.Errorf("nextDifference(%d, %d) = %d, want %d", tt.from, tt.dir, got, tt.want)
		}
	}
	if got := m.find(1, "C"); got != 1 {
		t.Errorf("find right C = %d, want 1", got)
	}
}

func TestWrapKeepsSpacesAndBreaks(t *testing.T) {
	tests := []struct {
		spans []span
		width float32
		lines int
		text  string
	}{
		{[]span{{Text: "one two three"}}, 1000, 1, "one two three"},
		{[]span{{Text: "the "}, {Text: "cat", Style: deletedSpan}, {Text: " sat"}}, 1000, 1, "the cat sat"},
		{[]span{{Text: "cat"}, {Text: "s", Style: insertedSpan}}, 1000, 1, "cats"},
		{[]span{{Text: "alpha beta gamma delta"}}, 1, 4, "alpha beta gamma delta"},
		{[]span{{Text: "line one\nline two"}}, 1000, 2, "line one line two"},
	}
	for _, tt := range tests {
		runs, h := wrap(tt.spans, tt.width, 14)
		lh := lineHeight(14)
		if n := int(h/lh + 0.5); n != tt.lines {
			t.Errorf("%q: %d lines, want %d", tt.text, n, tt.lines)
		}
		var parts []string
		lastY, lastEnd := float32(-1), float32(0)
		for _, r := range runs {
			if len(parts) > 0 && (r.Y != lastY || r.X > lastEnd+0.5) {
				parts = append(parts, " ")
			}
			parts = append(parts, r.Text)
			lastY, lastEnd = r.Y, r.X+r.W
		}
		if got := strings.Join(parts, ""); got != tt.text {
			t.Errorf("runs spell %q, want %q", got, tt.text)
		}
	}
}
