package compare

import (
	"flag"
	"fmt"
	"strings"
	"testing"
)

var margins = flag.Bool("margins", false, "TestMargins: report how far each threshold can move before a gold pair drops below 0.9 precision or recall")

// evalTuning scores compareWith(t) on every case: the worst precision and
// recall over the cases held to 0.9, the mean F1 of all, and the cases
// below their floor.
func evalTuning(cases []goldCase, t tuning) (worst, meanF1 float64, failing []string) {
	worst = 1
	for _, gc := range cases {
		c := compareWith(gc.left, gc.right, nil, t)
		p, r, _, _ := score(c, gc.gold)
		if gc.gold.Floor == nil {
			worst = min(worst, p, r)
		}
		meanF1 += f1(p, r)
		if fp, fr := gc.gold.floor(); p < fp || r < fr {
			failing = append(failing, gc.name)
		}
	}
	return worst, meanF1 / float64(len(cases)), failing
}

// TestMargins moves each threshold of the calibration alone, in small
// steps down and up from its default, and reports the range over which
// every gold pair keeps 0.9 precision and recall (or its floor). It runs
// with -margins.
func TestMargins(t *testing.T) {
	if !*margins {
		t.Skip("run with -margins")
	}
	cases := goldCases(t)
	if _, _, failing := evalTuning(cases, defaultTuning); len(failing) > 0 {
		t.Fatalf("the default calibration fails on %v", failing)
	}
	knobs := []struct {
		name string
		p    func(*tuning) *float64
		step float64
	}{
		{"noCounterpart", func(t *tuning) *float64 { return &t.noCounterpart }, 0.01},
		{"attachMin", func(t *tuning) *float64 { return &t.attachMin }, 0.01},
		{"attachRatio", func(t *tuning) *float64 { return &t.attachRatio }, 0.025},
		{"labelBonus", func(t *tuning) *float64 { return &t.labelBonus }, 0.02},
		{"mutualBonus", func(t *tuning) *float64 { return &t.mutualBonus }, 0.01},
		{"mutualMin", func(t *tuning) *float64 { return &t.mutualMin }, 0.02},
		{"leftoverMin", func(t *tuning) *float64 { return &t.leftoverMin }, 0.01},
		{"leftoverRatio", func(t *tuning) *float64 { return &t.leftoverRatio }, 0.05},
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-14s %8s %8s %8s  %s\n", "threshold", "default", "lowest", "highest", "first to fail below / above")
	for _, k := range knobs {
		def := *k.p(&defaultTuning)
		edge := func(dir float64) (float64, string) {
			last := def
			for n := 1; n <= 60; n++ {
				v := def + dir*float64(n)*k.step
				if v < 0 {
					return last, "(reaches 0)"
				}
				tt := defaultTuning
				*k.p(&tt) = v
				if _, _, failing := evalTuning(cases, tt); len(failing) > 0 {
					return last, strings.Join(failing, ",")
				}
				last = v
			}
			return last, "(none in range)"
		}
		lo, loFail := edge(-1)
		hi, hiFail := edge(1)
		fmt.Fprintf(&b, "%-14s %8.3f %8.3f %8.3f  %s / %s\n", k.name, def, lo, hi, loFail, hiFail)
	}
	t.Log(b.String())
}
