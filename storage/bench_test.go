package storage

import (
	"context"
	"path/filepath"
	"testing"

	"counterpart/compare"
)

// BenchmarkImport500 imports 500 tagged documents of 5 provisions (and 20
// statements) in one call into a new library: the cost of storing them.
func BenchmarkImport500(b *testing.B) { benchmarkImport(b, false) }

// BenchmarkImport500Untagged imports 500 documents whose topics, stances
// and language compare.Tag must fill in.
func BenchmarkImport500Untagged(b *testing.B) { benchmarkImport(b, true) }

func benchmarkImport(b *testing.B, untagged bool) {
	ctx := context.Background()
	dir := b.TempDir()
	docs, stmts := crashBatch(0, 0)
	more, _ := crashBatch(0, 1)
	docs = append(docs, more...)
	more, _ = crashBatch(0, 2)
	docs = append(docs, more[:100]...)
	if untagged {
		for i := range docs {
			docs[i].Language = ""
			docs[i].Provisions = append([]compare.Provision(nil), docs[i].Provisions...)
			for j := range docs[i].Provisions {
				docs[i].Provisions[j].Topics, docs[i].Provisions[j].Stance = nil, ""
			}
		}
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		s, err := Open(filepath.Join(dir, "lib"+string(rune('a'+i%26))+filepath.Base(b.Name())+".db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.Import(ctx, docs, stmts); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkSearch searches a library of 1,000 documents (5,000 provisions).
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	s := newStore(b)
	for batch := range 5 {
		docs, stmts := crashBatch(1, batch)
		if _, err := s.Import(ctx, docs, stmts); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.LoadSample(ctx); err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{"NATO", "ceasefire prisoners", "sanct", "run 1 batch 3"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				hits, err := s.Search(ctx, q, 50)
				if err != nil || len(hits) == 0 {
					b.Fatalf("Search(%q) = %d hits, %v", q, len(hits), err)
				}
			}
		})
	}
}
