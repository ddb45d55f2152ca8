package storage

import (
	"context"
	"errors"
	"testing"
)

func TestLoadSample(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	if err := s.LoadSample(ctx); err != nil {
		t.Fatal(err)
	}
	docs, err := s.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 5 {
		t.Errorf("sample library has %d documents, want at least 5", len(docs))
	}
	for _, d := range docs {
		full, err := s.Document(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(full.Provisions) == 0 || full.Language == "" {
			t.Errorf("sample document %q: %d provisions, language %q", d.Title, len(full.Provisions), full.Language)
		}
		tagged := 0
		for _, p := range full.Provisions {
			if len(p.Topics) > 0 && p.Stance != "" {
				tagged++
			}
		}
		if tagged < len(full.Provisions)/2 {
			t.Errorf("sample document %q: only %d of %d provisions tagged", d.Title, tagged, len(full.Provisions))
		}
	}
	stmts, _ := s.Statements(ctx, StatementFilter{})
	if len(stmts) == 0 {
		t.Error("sample library has no statements")
	}
	ps, _ := s.Parties(ctx)
	want := map[string]bool{"Russian Federation": true, "Ukraine": true, "United States": true, "E3 (United Kingdom, France, Germany)": true}
	colours := map[string]string{}
	for _, p := range ps {
		delete(want, p.Name)
		if other, ok := colours[p.Colour]; ok {
			t.Errorf("%s and %s share colour %s", p.Name, other, p.Colour)
		}
		colours[p.Colour] = p.Name
	}
	if len(want) > 0 {
		t.Errorf("sample parties missing: %v", want)
	}
	if hits, err := s.Search(ctx, "NATO", 5); err != nil || len(hits) == 0 {
		t.Errorf("Search(NATO) in the sample = %v, %v", hits, err)
	}
	if err := s.LoadSample(ctx); !errors.Is(err, ErrDuplicate) {
		t.Errorf("second LoadSample: %v, want ErrDuplicate", err)
	}
	counts(t, s)
}
