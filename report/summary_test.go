package report

import (
	"strings"
	"testing"

	"counterpart/compare"
)

func TestLede(t *testing.T) {
	b := testBrief(t, nil)
	tests := []struct {
		name   string
		counts map[compare.RowKind]int
		status map[compare.Closeness][]string
		want   []string
	}{
		{"nothing paired", map[compare.RowKind]int{compare.Unrelated: 1, compare.LeftOnly: 2},
			nil, []string{"no rows pair matching provisions", "1 pair answers each other", "2 provisions have no counterpart"}},
		{"one of each", map[compare.RowKind]int{compare.Paired: 1, compare.Unrelated: 3, compare.RightOnly: 1},
			map[compare.Closeness][]string{compare.Close: {"territory", "sanctions", "amnesty"}, compare.OnlyRight: {"elections"}},
			[]string{"1 row pairs matching provisions", "3 pairs answer each other", "1 provision has no counterpart",
				"close on territory, sanctions and amnesty.", "Only Right party addresses elections."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := b.lede(tt.counts, tt.status)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("lede lacks %q:\n%s", w, got)
				}
			}
			if strings.Contains(got, "far apart") {
				t.Errorf("lede names a status no topic has:\n%s", got)
			}
		})
	}
}
