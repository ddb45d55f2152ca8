package app

import (
	"fmt"
	"strings"
	"testing"

	"counterpart/compare"
)

// largeSnapshot makes a library of n documents from the sample corpus: each
// round re-dates every sample document a week later and rewrites a few
// words of its provisions, as successive drafts would.
func largeSnapshot(tb testing.TB, n int) *Snapshot {
	tb.Helper()
	docs, stmts := corpus(tb)
	var out []compare.Document
	for round := 0; len(out) < n; round++ {
		for _, d := range docs {
			if len(out) == n {
				break
			}
			c := d
			c.ID = 0
			c.Title = fmt.Sprintf("%s (draft %d)", d.Title, round+1)
			c.Date = d.Date.AddDays(7 * round)
			c.Provisions = append([]compare.Provision(nil), d.Provisions...)
			for i := range c.Provisions {
				if (i+round)%3 == 0 {
					c.Provisions[i].Text = strings.Replace(c.Provisions[i].Text, " the ", fmt.Sprintf(" the %d ", round), 1)
				}
			}
			out = append(out, c)
		}
	}
	var moreStmts []compare.Statement
	for round := 0; round < n/len(docs); round++ {
		for _, s := range stmts {
			s.Date = s.Date.AddDays(7 * round)
			moreStmts = append(moreStmts, s)
		}
	}
	return NewSnapshot(nil, out, moreStmts)
}

// BenchmarkTimelineStep measures one → in the presentation over a library
// of 500 documents: each party's standing, the comparison of party A's and
// party B's latest documents (remembered per pair of documents, as the
// presentation does, so only a step where A or B published compares), and
// the rows and matrix view models. The target is one frame, 16 ms.
func BenchmarkTimelineStep(b *testing.B) {
	snap := largeSnapshot(b, 500)
	p := newPresentation(PresentationInput{Snapshot: snap, PartyA: ukraine, PartyB: russia})
	middle := p.events[len(p.events)/2]
	p.at = middle
	b.ResetTimer()
	defer reportCPU(b)()
	for b.Loop() {
		if p.at == p.events[len(p.events)-1] {
			p.at = middle
			clear(p.cache) // every pair compared afresh on each pass
		}
		p.step(1)
		if len(p.rows.rows) == 0 || len(p.matrix.topics) == 0 {
			b.Fatal("empty step")
		}
	}
}

// BenchmarkTimelineStepUncached is BenchmarkTimelineStep comparing the two
// documents on every step: the worst case, a step onto a new document of
// party A or B.
func BenchmarkTimelineStepUncached(b *testing.B) {
	snap := largeSnapshot(b, 500)
	events := snap.Dates()
	at := events[len(events)/2]
	compared := func(a, b *compare.Document) *compare.Comparison { return compare.Compare(*a, *b, nil) }
	b.ResetTimer()
	defer reportCPU(b)()
	for b.Loop() {
		at = StepDate(events, at, 1)
		if at == events[len(events)-1] {
			at = events[len(events)/2]
		}
		rows := buildPairRows(snap, at, ukraine, russia, compared)
		m := buildMatrix(snap, at)
		if len(rows.rows) == 0 || len(m.topics) == 0 {
			b.Fatal("empty step")
		}
	}
}

// BenchmarkStatementsPanelStep measures the statements panel's model for one
// step in the same library, the first time over each date (nothing cached):
// a step onto new documents aligns each with its party's previous one.
func BenchmarkStatementsPanelStep(b *testing.B) {
	snap := largeSnapshot(b, 500)
	events := snap.Dates()
	at := events[len(events)/2]
	b.ResetTimer()
	defer reportCPU(b)()
	for b.Loop() {
		prev := at
		at = StepDate(events, at, 1)
		if at == events[len(events)-1] {
			at = events[len(events)/2]
		}
		buildPeriod(snap, at, prev, provisionChanges)
	}
}
