package app

import (
	"context"
	"image/color"
	"io/fs"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"counterpart/assets"
	"counterpart/compare"
	"counterpart/storage"
)

// corpusSnapshot builds a snapshot of the embedded sample library by parsing
// and tagging its files, as an import does.
func corpusSnapshot(tb testing.TB) *Snapshot {
	tb.Helper()
	docs, stmts := corpus(tb)
	return NewSnapshot(nil, docs, stmts)
}

func corpus(tb testing.TB) ([]compare.Document, []compare.Statement) {
	tb.Helper()
	names, err := fs.Glob(assets.Corpus, "documents/*.md")
	if err != nil || len(names) == 0 {
		tb.Fatalf("corpus documents: %v (%d files)", err, len(names))
	}
	var docs []compare.Document
	for _, n := range names {
		src, err := fs.ReadFile(assets.Corpus, n)
		if err != nil {
			tb.Fatal(err)
		}
		d, err := compare.Parse(filepath.Base(n), src)
		if err != nil {
			tb.Fatalf("parse %s: %v", n, err)
		}
		compare.Tag(&d)
		docs = append(docs, d)
	}
	f, err := assets.Corpus.Open("statements.tsv")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	stmts, err := compare.ParseStatements("statements.tsv", f)
	if err != nil {
		tb.Fatal(err)
	}
	return docs, stmts
}

func TestSnapshotFromStore(t *testing.T) {
	ctx := context.Background()
	s, err := storage.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadSample(ctx); err != nil {
		t.Fatal(err)
	}
	snap, err := LoadSnapshot(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	docs, stmts := corpus(t)
	if len(snap.Documents) != len(docs) || len(snap.Statements) != len(stmts) {
		t.Fatalf("snapshot has %d documents and %d statements, want %d and %d",
			len(snap.Documents), len(snap.Statements), len(docs), len(stmts))
	}
	for i, d := range snap.Documents {
		if len(d.Provisions) == 0 {
			t.Errorf("document %q loaded without provisions", d.Title)
		}
		if i > 0 && d.Date < snap.Documents[i-1].Date {
			t.Errorf("documents not in date order: %s after %s", d.Date, snap.Documents[i-1].Date)
		}
	}
	for _, p := range snap.Parties {
		if _, ok := hexColour(p.Colour); !ok {
			t.Errorf("party %q has no usable colour %q", p.Name, p.Colour)
		}
	}
}

func TestNewSnapshotFillsParties(t *testing.T) {
	snap := NewSnapshot(
		[]compare.Party{{Name: "Ukraine", Colour: "#123456"}},
		[]compare.Document{{Title: "B", Date: "2025-06-02", Parties: []string{"Russian Federation"}},
			{Title: "A", Date: "2025-05-28", Parties: []string{"Ukraine"}}},
		[]compare.Statement{{Date: "2025-05-16", Party: "United States"}})
	tests := []struct {
		party  string
		colour string
	}{
		{"Ukraine", "#123456"},
		{"Russian Federation", partyPalette[1]},
		{"United States", partyPalette[2]},
	}
	if len(snap.Parties) != len(tests) {
		t.Fatalf("parties = %v", snap.Parties)
	}
	for i, tt := range tests {
		if snap.Parties[i].Name != tt.party || snap.Parties[i].Colour != tt.colour {
			t.Errorf("party %d = %+v, want %s %s", i, snap.Parties[i], tt.party, tt.colour)
		}
	}
	if snap.Documents[0].Title != "A" || snap.Documents[0].ID != 1 || snap.Documents[1].ID != 2 {
		t.Errorf("documents not sorted and numbered: %+v", snap.Documents)
	}
	if got := snap.Authors(); len(got) != 2 || got[0].Name != "Ukraine" {
		t.Errorf("authors = %v, want Ukraine and Russian Federation", got)
	}
}

func TestLatestDropsStaleResults(t *testing.T) {
	test.NewTempApp(t)
	var l Latest[int]
	release := make(chan struct{})
	var mu sync.Mutex
	var got []int
	done := make(chan struct{}, 2)
	deliver := func(v int) {
		mu.Lock()
		got = append(got, v)
		mu.Unlock()
	}
	l.Run(func(ctx context.Context) int {
		<-release // still working when the second run starts
		defer func() { done <- struct{}{} }()
		if ctx.Err() == nil {
			t.Error("first run's context not cancelled by the second run")
		}
		return 1
	}, deliver)
	l.Run(func(ctx context.Context) int {
		defer func() { done <- struct{}{} }()
		return 2
	}, deliver)
	<-done
	close(release)
	<-done
	time.Sleep(10 * time.Millisecond) // let the first run's delivery pass
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 1 || got[0] != 2 {
		t.Errorf("delivered %v, want only the newest result [2]", got)
	}
}

func TestLegible(t *testing.T) {
	black := color.NRGBA{A: 0xff}
	white := color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	dark := color.NRGBA{R: 0x0B, G: 0x0D, B: 0x10, A: 0xff}
	blue := color.NRGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0xff}
	yellow := color.NRGBA{R: 0xF0, G: 0xE4, B: 0x42, A: 0xff}
	tests := []struct {
		name    string
		c, bg   color.Color
		changed bool
	}{
		{"black on dark", black, dark, true},
		{"yellow on white", yellow, white, true},
		{"blue on dark", blue, dark, false},
		{"blue on white", blue, white, false},
		{"transparent", color.Transparent, dark, false},
	}
	for _, tt := range tests {
		got := legible(tt.c, tt.bg)
		if changed := got != tt.c; changed != tt.changed {
			t.Errorf("%s: legible = %v, changed %v, want changed %v", tt.name, got, changed, tt.changed)
		}
		if tt.changed {
			lg, lb := luminance(got), luminance(tt.bg)
			if ratio := (max(lg, lb) + 0.05) / (min(lg, lb) + 0.05); ratio < 1.8 {
				t.Errorf("%s: still hard to see, contrast %.2f", tt.name, ratio)
			}
		}
	}
}
