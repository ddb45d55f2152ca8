package compare

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func doc(party string, texts ...string) Document {
	d := Document{Parties: []string{party}, Title: party + " paper", Date: "2025-06-01"}
	for i, t := range texts {
		label, text, _ := strings.Cut(t, " ")
		d.Provisions = append(d.Provisions, Provision{Label: label, Text: text, Order: i})
		if p, _, ok := strings.Cut(label, "."); ok && len(label) > len(p) {
			d.Provisions[i].Parent = p
		}
	}
	return d
}

var (
	leftDoc = doc("Russian Federation",
		"1 Ukraine becomes neutral and renounces membership of NATO.",
		"2 All sanctions between Russia and Ukraine are lifted.",
		"3 Russian receives the status of an official language.",
		"4 A ceasefire of 30 days.",
		"5 Elections are held within 100 days.",
	)
	rightDoc = doc("Ukraine",
		"1 A complete ceasefire of at least 30 days, monitored by partners.",
		"2 Sanctions on Russia are lifted only in stages.",
		"3 Ukraine takes on no obligation to be neutral; NATO membership depends on the Alliance.",
		"4 The presidents meet.",
	)
)

// checkPartition fails unless the rows hold every provision exactly once.
func checkPartition(t *testing.T, c *Comparison) {
	t.Helper()
	seenL := make([]int, len(c.Left.Provisions))
	seenR := make([]int, len(c.Right.Provisions))
	for _, r := range c.Rows {
		if len(r.Left) == 0 && len(r.Right) == 0 {
			t.Errorf("empty row")
		}
		if len(r.Left) > 1 && len(r.Right) > 1 {
			t.Errorf("many-to-many row %v %v", r.Left, r.Right)
		}
		for _, i := range r.Left {
			seenL[i]++
		}
		for _, j := range r.Right {
			seenR[j]++
		}
		if r.Similarity < 0 || r.Similarity > 1 {
			t.Errorf("similarity %f out of [0,1]", r.Similarity)
		}
	}
	for i, n := range seenL {
		if n != 1 {
			t.Errorf("left provision %s is on %d rows", c.Left.Provisions[i].Label, n)
		}
	}
	for j, n := range seenR {
		if n != 1 {
			t.Errorf("right provision %s is on %d rows", c.Right.Provisions[j].Label, n)
		}
	}
}

// pairs lists the rows as "l-r" label pairs, "l-" or "-r" for one side.
func pairs(c *Comparison) []string {
	var out []string
	for _, r := range c.Rows {
		var l, rr []string
		for _, i := range r.Left {
			l = append(l, c.Left.Provisions[i].Label)
		}
		for _, j := range r.Right {
			rr = append(rr, c.Right.Provisions[j].Label)
		}
		out = append(out, strings.Join(l, "+")+"-"+strings.Join(rr, "+"))
	}
	return out
}

func TestCompare(t *testing.T) {
	c := Compare(leftDoc, rightDoc, nil)
	checkPartition(t, c)
	// The right-only 4 follows the row of the right's 3.
	want := []string{"1-3", "-4", "2-2", "3-", "4-1", "5-"}
	if got := pairs(c); !slices.Equal(got, want) {
		t.Errorf("rows = %v, want %v", got, want)
	}
	if c.Revision {
		t.Errorf("opposing memoranda taken for a revision")
	}
	for _, r := range c.Rows {
		switch {
		case len(r.Left) == 0 && r.Kind != RightOnly, len(r.Right) == 0 && r.Kind != LeftOnly:
			t.Errorf("one-sided row has kind %s", r.Kind)
		case r.Kind == Paired && len(r.Diff) == 0, r.Kind == Unrelated && len(r.Diff) != 0:
			t.Errorf("%s row with %d diff pieces", r.Kind, len(r.Diff))
		}
	}
	if leftDoc.Provisions[0].Topics != nil {
		t.Errorf("Compare tagged its argument")
	}
}

func TestCompareDecisions(t *testing.T) {
	tests := []struct {
		name      string
		decisions []Decision
		want      []string
		manual    []string // rows marked manual
	}{
		{"pair", []Decision{{Kind: Pair, Left: "3", Right: "4"}},
			[]string{"1-3", "2-2", "3-4", "4-1", "5-"}, []string{"3-4"}},
		{"split", []Decision{{Kind: Split, Left: "2", Right: "2"}},
			[]string{"1-3", "-4", "2-", "3-", "4-1", "-2", "5-"}, []string{"2-", "-2"}},
		{"no counterpart", []Decision{{Kind: NoCounterpart, Left: "4"}},
			[]string{"1-3", "-4", "-1", "2-2", "3-", "4-", "5-"}, []string{"4-"}},
		{"no counterpart right", []Decision{{Kind: NoCounterpart, Right: "3"}},
			[]string{"1-", "2-2", "-3", "-4", "3-", "4-1", "5-"}, []string{"-3"}},
		{"unknown labels", []Decision{{Kind: Pair, Left: "9", Right: "1"}, {Kind: Split, Left: "1", Right: "x"}, {Kind: NoCounterpart, Left: "z"}},
			[]string{"1-3", "-4", "2-2", "3-", "4-1", "5-"}, nil},
		{"one to many", []Decision{{Kind: Pair, Left: "4", Right: "1"}, {Kind: Pair, Left: "5", Right: "1"}},
			[]string{"1-3", "-4", "2-2", "3-", "4+5-1"}, []string{"4+5-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Compare(leftDoc, rightDoc, tt.decisions)
			checkPartition(t, c)
			got := pairs(c)
			if !slices.Equal(got, tt.want) {
				t.Errorf("rows = %v, want %v", got, tt.want)
			}
			var manual []string
			for k, r := range c.Rows {
				if r.Manual {
					manual = append(manual, got[k])
				}
			}
			if !slices.Equal(manual, tt.manual) {
				t.Errorf("manual rows = %v, want %v", manual, tt.manual)
			}
		})
	}
}

func TestCompareRevision(t *testing.T) {
	left := doc("United States",
		"1 Ukraine's sovereignty is confirmed.",
		"2 Ukraine receives reliable security guarantees.",
		"3 Ukraine's armed forces are capped at 600,000 personnel.",
		"4 NATO agrees not to station troops in Ukraine.",
		"5 European fighter jets are stationed in Poland.",
		"6 Ukraine holds elections within 100 days.",
	)
	right := doc("Ukraine",
		"1 Ukraine's sovereignty is confirmed.",
		"2 Ukraine holds elections within 100 days.",
		"3 Ukraine receives robust security guarantees.",
		"4 Ukraine's armed forces are capped at 800,000 personnel in peacetime.",
		"5 NATO agrees not to station troops in Ukraine.",
		"6 A free-trade agreement is concluded.",
	)
	c := Compare(left, right, nil)
	checkPartition(t, c)
	if !c.Revision {
		t.Fatalf("revision not recognised")
	}
	got := map[string]Change{}
	for k, p := range pairs(c) {
		got[p] = c.Rows[k].Change
	}
	want := map[string]Change{
		"1-1": Unchanged, "2-3": Rewritten, "3-4": Rewritten, "4-5": Renumbered,
		"5-": Deleted, "6-2": Moved, "-6": Added,
	}
	for p, ch := range want {
		if got[p] != ch {
			t.Errorf("row %s: change %q, want %q (rows %v)", p, got[p], ch, pairs(c))
		}
	}
}

// TestCompareAcrossLanguages checks that an English and a Russian text on
// the same subject share a row, as Unrelated with shared terms.
func TestCompareAcrossLanguages(t *testing.T) {
	left := doc("Ukraine",
		"1 All prisoners of war are exchanged on an all for all basis.",
		"2 Sanctions on Russia are lifted in stages.",
		"3 A ceasefire of 30 days.")
	right := doc("Российская Федерация",
		"1 Санкции снимаются полностью.",
		"2 Прекращение огня на 30 дней.",
		"3 Военнопленные освобождаются по принципу всех на всех.")
	c := Compare(left, right, nil)
	checkPartition(t, c)
	want := []string{"1-3", "2-1", "3-2"}
	if got := pairs(c); !slices.Equal(got, want) {
		t.Fatalf("rows = %v, want %v", got, want)
	}
	for _, r := range c.Rows {
		if r.Kind != Unrelated || len(r.SharedTerms) == 0 {
			t.Errorf("row %v: kind %s, shared terms %v; want unrelated with terms", r.Left, r.Kind, r.SharedTerms)
		}
	}
}

// TestCompareGenerated checks the partition on generated documents of many
// provisions, big enough to exercise the pruned assignment.
func TestCompareGenerated(t *testing.T) {
	for _, n := range []int{0, 1, 60, 700} {
		left, right := generatedPair(n)
		c := Compare(left, right, nil)
		checkPartition(t, c)
	}
}

func TestTopicSummary(t *testing.T) {
	c := Compare(leftDoc, rightDoc, nil)
	status := map[Topic]Closeness{}
	for _, s := range c.Topics {
		status[s.Topic] = s.Status
		if len(s.Left) == 0 && len(s.Right) == 0 {
			t.Errorf("topic %s listed with no provisions", s.Topic)
		}
	}
	want := map[Topic]Closeness{Rights: OnlyLeft, Elections: OnlyLeft, Sanctions: FarApart, Alliances: FarApart}
	for tp, st := range want {
		if status[tp] != st {
			t.Errorf("topic %s: status %q, want %q", tp, status[tp], st)
		}
	}
	if _, ok := status[Nuclear]; ok {
		t.Errorf("topic nobody addresses is listed")
	}
}

func TestMarshalJSON(t *testing.T) {
	c := Compare(leftDoc, rightDoc, nil)
	raw, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Left struct {
			Title, Party, Date string
			Provisions         []struct {
				Label, Text, Stance string
				Topics              []string
			}
		}
		Rows []map[string]json.RawMessage
	}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if got.Left.Title != "Russian Federation paper" || got.Left.Party != "Russian Federation" || got.Left.Date != "2025-06-01" {
		t.Errorf("left = %+v", got.Left)
	}
	if len(got.Left.Provisions) != 5 || got.Left.Provisions[0].Label != "1" || got.Left.Provisions[0].Stance == "" {
		t.Errorf("left provisions = %+v", got.Left.Provisions)
	}
	if len(got.Rows) != len(c.Rows) {
		t.Fatalf("%d rows, want %d", len(got.Rows), len(c.Rows))
	}
	for k, r := range got.Rows {
		for _, key := range []string{"left", "right"} {
			if s := string(r[key]); s == "null" || s == "" || s[0] != '[' {
				t.Errorf("row %d: %s = %s, want an array", k, key, s)
			}
		}
	}
	if !strings.Contains(string(raw), `"left":["4"],"right":["1"]`) {
		t.Errorf("JSON lacks the row 4-1: %s", raw)
	}
}

func TestWriteText(t *testing.T) {
	c := Compare(leftDoc, rightDoc, nil)
	var b strings.Builder
	if err := c.WriteText(&b, 80); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{noCounterpartText, "Language, religion, culture and rights", "1 Ukraine becomes neutral", "3 Ukraine takes on no"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line of %d characters: %q", n, line)
		}
	}
	// A paired row shows the diff.
	same := doc("A", "1 The parties exchange all prisoners of war.")
	edit := doc("B", "1 The parties exchange all prisoners and civilians.")
	b.Reset()
	if err := Compare(same, edit, nil).WriteText(&b, 160); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "[-of war-]{+and civilians+}") {
		t.Errorf("paired row not shown as a diff:\n%s", b.String())
	}
}

func TestFilter(t *testing.T) {
	c := Compare(leftDoc, rightDoc, nil)
	rows := pairs(c)
	pick := func(idx []int) []string {
		var out []string
		for _, k := range idx {
			out = append(out, rows[k])
		}
		return out
	}
	tests := []struct {
		f    Filter
		want []string
	}{
		{Filter{}, rows},
		{Filter{Status: OneSided}, []string{"-4", "3-", "5-"}},
		{Filter{Status: PairedRows}, []string{"1-3", "2-2", "4-1"}},
		{Filter{Topic: Sanctions}, []string{"2-2"}},
		{Filter{Topic: Sanctions, Status: OneSided}, nil},
	}
	for _, tt := range tests {
		if got := pick(c.Filter(tt.f)); !slices.Equal(got, tt.want) {
			t.Errorf("Filter(%+v) = %v, want %v", tt.f, got, tt.want)
		}
	}
	// Demands: the Russian paper's "Ukraine becomes neutral" is one.
	if got := pick(c.Filter(Filter{DemandsOnly: true})); !slices.Contains(got, "1-3") {
		t.Errorf("DemandsOnly = %v, want it to include 1-3", got)
	}
	same := Compare(leftDoc, leftDoc, nil)
	if got := same.Filter(Filter{Status: Differences}); len(got) != 0 {
		t.Errorf("identical documents have differences %v", got)
	}
}

func TestSwap(t *testing.T) {
	left := doc("A", "1 The parties exchange all prisoners of war.", "2 Sanctions are lifted.")
	right := doc("B", "1 The parties exchange all prisoners and civilians.", "2 Elections follow.")
	c := Compare(left, right, nil)
	s := c.Swap()
	checkPartition(t, s)
	if s.Left.Title != right.Title || s.Right.Title != left.Title {
		t.Errorf("documents not swapped")
	}
	back := Compare(right, left, nil)
	if got, want := pairs(s), pairs(back); !slices.Equal(got, want) {
		t.Errorf("swapped rows %v, want those of the reverse comparison %v", got, want)
	}
	for k, r := range s.Rows {
		if r.Kind == Paired {
			l, rr := rebuild(r.Diff)
			if l != joinTexts(&s.Left, r.Left) || rr != joinTexts(&s.Right, r.Right) {
				t.Errorf("row %d: swapped diff rebuilds %q / %q", k, l, rr)
			}
		}
	}
	if c.Rows[0].Diff[0].Op != Equal || c.Left.Title != left.Title {
		t.Errorf("Swap changed the original")
	}
}

// generatedPair returns two documents of n provisions built from the
// generator's sentences: the right one drops, rewrites and reorders some.
func generatedPair(n int) (Document, Document) {
	var l, r []string
	for i := 0; i < n; i++ {
		s := genSentences[i%len(genSentences)]
		extra := genWords[(i/len(genSentences))%len(genWords)]
		l = append(l, fmt.Sprintf("%d %s Point %d, %s.", i+1, s, i+1, extra))
		switch {
		case i%10 == 3:
			// dropped
		case i%10 == 6:
			r = append(r, fmt.Sprintf("%d %s", len(r)+1, genSentences[(i+5)%len(genSentences)]))
		default:
			r = append(r, fmt.Sprintf("%d %s Point %d, %s.", len(r)+1, s, i+1, genWords[(i+1)%len(genWords)]))
		}
	}
	return doc("A", l...), doc("B", r...)
}

// TestFillGaps checks that one provision left alone on each side between
// two pairs in order is paired, and nothing else: gaps at either end or of
// two against one, pairs too dissimilar, or an assignment with too few
// pairs or whose pairs cross too often.
func TestFillGaps(t *testing.T) {
	// The similarity of every pair is 0.05 (above gapMin) unless set.
	tests := []struct {
		name  string
		n     int
		match []int // the assignment's pairs, left → right (-1 alone)
		low   [][2]int
		want  []int
	}{
		{"one against one between anchors", 5, []int{0, 1, -1, 3, 4}, nil, []int{0, 1, 2, 3, 4}},
		{"not at the start or the end", 6, []int{-1, 1, 2, 3, 4, -1}, nil, []int{-1, 1, 2, 3, 4, -1}},
		{"too few pairs", 4, []int{0, -1, 2, 3}, nil, []int{0, -1, 2, 3}},
		{"too dissimilar", 5, []int{0, 1, -1, 3, 4}, [][2]int{{2, 2}}, []int{0, 1, -1, 3, 4}},
		{"two against one", 5, []int{0, -1, -1, 4, -1}, nil, []int{0, -1, -1, 4, -1}},
		// Half the pairs cross: the order is no evidence.
		{"pairs out of order", 7, []int{0, -1, 2, 6, 5, 4, 3}, nil, []int{0, -1, 2, 6, 5, 4, 3}},
		{"pairs mostly in order", 7, []int{0, -1, 2, 3, 4, 6, 5}, nil, []int{0, 1, 2, 3, 4, 6, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			total := matrix(tt.n, tt.n)
			for i := range total {
				for j := range total[i] {
					total[i][j] = 0.05
				}
			}
			for _, p := range tt.low {
				total[p[0]][p[1]] = gapMin / 2
			}
			a := &aligner{nl: tt.n, nr: tt.n, sim: &similarity{total: total}, match: slices.Clone(tt.match)}
			a.fillGaps()
			if !slices.Equal(a.match, tt.want) {
				t.Errorf("match %v, want %v", a.match, tt.want)
			}
		})
	}
}

// TestAttaches checks when a provision left alone joins the row of an
// already paired one: right 1 alone, left 0 paired with right 0.
func TestAttaches(t *testing.T) {
	tests := []struct {
		name       string
		pair       float64 // similarity of the row's pair (0, 0)
		cand       float64 // similarity of left 0 to right 1, the candidate
		other      float64 // similarity of left 1 to right 1
		candTopics []Topic // topics of right 1 (left 0 is on ceasefire)
		want       bool
	}{
		{"near the row's own score", 0.3, 0.28, 0.05, nil, true},
		{"a tie with another candidate", 0.3, 0.28, 0.2, nil, false},
		{"below the score, on a shared topic", 0.35, 0.22, 0.06, []Topic{Ceasefire}, true},
		{"below the score, no shared topic", 0.35, 0.22, 0.06, []Topic{Sanctions}, false},
		{"too far below the row", 0.5, 0.22, 0.06, []Topic{Ceasefire}, false},
		{"too dissimilar", 0.08, 0.05, 0, []Topic{Ceasefire}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			total := [][]float64{{tt.pair, tt.cand}, {0, tt.other}}
			c := &Comparison{
				Left:  Document{Provisions: []Provision{{Label: "1", Topics: []Topic{Ceasefire}}, {Label: "2"}}},
				Right: Document{Provisions: []Provision{{Label: "1"}, {Label: "2", Topics: tt.candTopics}}},
			}
			a := &aligner{t: defaultTuning, c: c, nl: 2, nr: 2, sim: &similarity{total: total}, score: total, bonus: map[[2]int]float64{}}
			if got := a.attaches(0, 1, 0, 0); got != tt.want {
				t.Errorf("attaches = %v, want %v", got, tt.want)
			}
		})
	}
}
