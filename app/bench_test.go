package app

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"counterpart/compare"
)

// benchDocuments makes two documents of n provisions each, the right one a
// revision of the left with words changed, dropped and added.
func benchDocuments(n int) (compare.Document, compare.Document) {
	words := strings.Fields(`Ukraine Russia ceasefire territory sanctions guarantees prisoners
		exchange NATO membership armed forces elections assets reconstruction monitoring line
		contact withdrawal neutrality nuclear plant humanitarian children amnesty language church`)
	rng := rand.New(rand.NewSource(1))
	sentence := func() string {
		k := 12 + rng.Intn(30)
		s := make([]string, k)
		for i := range s {
			s[i] = words[rng.Intn(len(words))]
		}
		return strings.Join(s, " ") + "."
	}
	left := compare.Document{ID: 1, Title: "Left", Parties: []string{"A"}}
	right := compare.Document{ID: 2, Title: "Right", Parties: []string{"B"}}
	for i := 0; i < n; i++ {
		text := sentence()
		left.Provisions = append(left.Provisions, compare.Provision{Label: fmt.Sprint(i + 1), Text: text, Order: i,
			Topics: []compare.Topic{compare.Topics[i%len(compare.Topics)]}, Stance: compare.Stances[i%len(compare.Stances)]})
		rt := text
		switch i % 4 {
		case 1:
			f := strings.Fields(rt)
			f[rng.Intn(len(f))] = words[rng.Intn(len(words))]
			rt = strings.Join(f, " ")
		case 2:
			rt = sentence()
		}
		right.Provisions = append(right.Provisions, compare.Provision{Label: fmt.Sprint(i + 1), Text: rt, Order: i,
			Topics: []compare.Topic{compare.Topics[i%len(compare.Topics)]}, Stance: compare.Stances[i%len(compare.Stances)]})
	}
	return left, right
}

// BenchmarkRowModel builds the compare view's rows (cells with highlights,
// labels, stances, notes) for two 1,000-provision documents.
func BenchmarkRowModel(b *testing.B) {
	l, r := benchDocuments(1000)
	c := compare.Compare(l, r, nil)
	b.ResetTimer()
	for b.Loop() {
		m := newRowModel(c, nil)
		if m.len() != len(c.Rows) {
			b.Fatal("rows lost")
		}
	}
}

// BenchmarkRowHeights measures the words of every row of that comparison
// and lays the rows out, as the view does when it shows new rows.
func BenchmarkRowHeights(b *testing.B) {
	l, r := benchDocuments(1000)
	c := compare.Compare(l, r, nil)
	for b.Loop() {
		b.StopTimer()
		m := newRowModel(c, nil)
		b.StartTimer()
		for i := 0; i < m.len(); i++ {
			rowHeight(m.at(i), 1100)
		}
	}
}

// BenchmarkRowRelayout lays every row out again at a new width, as the view
// does on each step of resizing the window.
func BenchmarkRowRelayout(b *testing.B) {
	l, r := benchDocuments(1000)
	m := newRowModel(compare.Compare(l, r, nil), nil)
	for i := 0; i < m.len(); i++ {
		rowHeight(m.at(i), 1100)
	}
	width := float32(1000)
	for b.Loop() {
		width = 2100 - width
		for i := 0; i < m.len(); i++ {
			rowHeight(m.at(i), width)
		}
	}
}

// BenchmarkCompareAndRows is what the view waits for after picking two
// documents: the alignment plus the rows.
func BenchmarkCompareAndRows(b *testing.B) {
	l, r := benchDocuments(1000)
	for b.Loop() {
		newRowModel(compare.Compare(l, r, nil), nil)
	}
}
