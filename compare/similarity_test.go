package compare

import (
	"math"
	"slices"
	"testing"
)

func TestNumbers(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"no digits here", nil},
		{"capped at 600,000 personnel", []string{"600000"}},
		{"1 000 000 and 12", []string{"1000000", "12"}},
		{"55.5 billion", []string{"55", "5"}},
		{"100\u00a0000 and 5\u202f000", []string{"100000", "5000"}},
		{"1,2345", []string{"1234", "5"}},
		{"1,23", []string{"1", "23"}},
		{"in 1999.", []string{"1999"}},
		{"a1.234.5678b", []string{"1234567", "8"}},
	}
	for _, tt := range tests {
		if got := numbers(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("numbers(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestSimilarityWithoutConcepts checks that evidence no provision of a pair
// has does not count against it: two identical texts that name no concept
// of the lexicon are as similar as two identical texts that do.
func TestSimilarityWithoutConcepts(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"no concept", "Orchards along the valley are irrigated on alternate weekdays."},
		{"concepts", "All prisoners of war are exchanged after the ceasefire."},
		{"russian, no concept", "Сады в долине поливают через день по будням."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			left := doc("A", "1 "+tt.text, "2 Ships may call at the northern harbour.")
			right := doc("B", "1 Teachers start lessons in the first week of autumn.", "2 "+tt.text)
			s := computeSimilarity(&left, &right)
			if got := s.total[0][1]; got < 0.9 {
				t.Errorf("identical texts: similarity %.3f, want ≥ 0.9", got)
			}
			if got := s.total[0][0]; got > 0.3 {
				t.Errorf("unrelated texts: similarity %.3f, want ≤ 0.3", got)
			}
		})
	}
}

// TestCommonConceptDoesNotPair checks that a word of the lexicon used by
// every provision of two documents on another subject (here "market", an
// economic concept) does not decide the rows: the distinctive words do.
func TestCommonConceptDoesNotPair(t *testing.T) {
	left := doc("Growers",
		"1 The market price of apples is set each autumn by the growers' cooperative.",
		"2 Market stalls for cheese are allotted by lot among the dairies.",
		"3 Honey sold on the market carries a label naming the hives' valley.",
		"4 Market traders pay no fee for the first season.",
	)
	right := doc("Town council",
		"1 Labels on honey name the beekeeper and the valley, as on any market.",
		"2 The council, not a cooperative, sets the floor price of apples on the market.",
		"3 Cheese stalls on the market are allotted to the dairies in turn.",
		"4 The market closes on public holidays.",
	)
	c := Compare(left, right, nil)
	checkPartition(t, c)
	got := map[string]bool{}
	for _, p := range pairs(c) {
		got[p] = true
	}
	for _, want := range []string{"1-2", "2-3", "3-1"} {
		if !got[want] {
			t.Errorf("row %s missing: rows %v", want, pairs(c))
		}
	}
	for _, wrong := range []string{"4-4", "4-1", "4-2", "4-3", "1-4", "2-4", "3-4"} {
		if got[wrong] {
			t.Errorf("row %s: the shared word market paired unrelated provisions: rows %v", wrong, pairs(c))
		}
	}
}

// TestPairLeftovers checks that two provisions the assignment left alone
// under noCounterpart share a row when they clearly stand out among what
// is left, and that provisions without a clear match stay alone.
func TestPairLeftovers(t *testing.T) {
	left := doc("A",
		"1 Fishing boats from either coast may enter the bay from March to October, with nets of an agreed mesh.",
		"2 The lighthouse on the northern cape is kept jointly, with a keeper named by each side in turn.",
		"3 Schools teach both languages from the first year.",
	)
	right := doc("B",
		"1 Fishing boats from either coast may enter the bay from March to October, with nets of an agreed mesh.",
		"2 Our coastguard alone runs the lighthouse and may invite foreign observers to visit it.",
		"3 Tourist visas are issued at the border within a day.",
	)
	c := &Comparison{Left: cloneDocument(left), Right: cloneDocument(right)}
	Tag(&c.Left)
	Tag(&c.Right)
	a := newAligner(c, defaultTuning)
	if s := a.sim.total[1][1]; s >= defaultTuning.noCounterpart || s < defaultTuning.leftoverMin {
		t.Fatalf("the lighthouse provisions score %.3f: the test wants a score between leftoverMin and noCounterpart", s)
	}
	got := pairs(Compare(left, right, nil))
	want := []string{"1-1", "2-2", "-3", "3-"}
	if !slices.Equal(got, want) {
		t.Errorf("rows = %v, want %v", got, want)
	}
}

// TestPairCommon checks that only features many provisions of both
// documents share count for less, and the more so the commoner they are.
func TestPairCommon(t *testing.T) {
	tests := []struct {
		name     string
		dfL, dfR float64
		nl, nr   int
		want     float64
	}{
		{"rare on both sides", 1, 1, 20, 20, 1},
		{"one provision a side in a short document", 1, 1, 2, 2, 1},
		{"common on the left only", 10, 1, 20, 20, 1},
		{"under the share on one side", 8, 2, 20, 20, 1},
		{"common on both sides", 8, 4, 20, 20, commonShare / 0.2},
		{"everywhere", 20, 20, 20, 20, commonShare},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pairCommon([]float64{tt.dfL}, []float64{tt.dfL + tt.dfR}, tt.nl, tt.nr)[0]
			if math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("pairCommon = %.3f, want %.3f", got, tt.want)
			}
		})
	}
}
