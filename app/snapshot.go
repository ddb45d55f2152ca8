package app

import (
	"context"
	"fmt"
	"image/color"
	"math"
	"sort"
	"sync"

	"fyne.io/fyne/v2"

	"counterpart/compare"
	"counterpart/storage"
)

// Snapshot is the library as the timeline views need it, loaded once off the
// UI thread: every party, every document with its provisions, and every
// statement. Documents are sorted by date, statements too.
type Snapshot struct {
	Parties    []compare.Party
	Documents  []compare.Document // with provisions
	Statements []compare.Statement
}

// LoadSnapshot reads the whole library from s. It does database work, so call
// it off the UI goroutine (see Latest).
func LoadSnapshot(ctx context.Context, s *storage.Store) (*Snapshot, error) {
	parties, err := s.Parties(ctx)
	if err != nil {
		return nil, fmt.Errorf("timeline: load parties: %w", err)
	}
	metas, err := s.Documents(ctx)
	if err != nil {
		return nil, fmt.Errorf("timeline: load documents: %w", err)
	}
	docs := make([]compare.Document, 0, len(metas))
	for _, m := range metas {
		d, err := s.Document(ctx, m.ID)
		if err != nil {
			return nil, fmt.Errorf("timeline: load document %q: %w", m.Title, err)
		}
		docs = append(docs, d)
	}
	stmts, err := s.Statements(ctx, storage.StatementFilter{})
	if err != nil {
		return nil, fmt.Errorf("timeline: load statements: %w", err)
	}
	return NewSnapshot(parties, docs, stmts), nil
}

// NewSnapshot builds a snapshot from values already in memory. It sorts
// documents and statements by date, adds a party for every author or speaker
// missing from parties, gives every party without a colour one from a
// colour-blind-safe partyPalette, and numbers documents that have no ID yet
// (documents parsed but not stored) from 1 in date order.
func NewSnapshot(parties []compare.Party, docs []compare.Document, stmts []compare.Statement) *Snapshot {
	s := &Snapshot{
		Parties:    append([]compare.Party(nil), parties...),
		Documents:  append([]compare.Document(nil), docs...),
		Statements: append([]compare.Statement(nil), stmts...),
	}
	sort.SliceStable(s.Documents, func(i, j int) bool { return s.Documents[i].Date < s.Documents[j].Date })
	sort.SliceStable(s.Statements, func(i, j int) bool { return s.Statements[i].Date < s.Statements[j].Date })
	known := map[string]bool{}
	for _, p := range s.Parties {
		known[p.Name] = true
	}
	add := func(name string) {
		if name != "" && !known[name] {
			known[name] = true
			s.Parties = append(s.Parties, compare.Party{Name: name})
		}
	}
	for i := range s.Documents {
		if s.Documents[i].ID == 0 {
			s.Documents[i].ID = int64(i + 1)
		}
		for _, p := range s.Documents[i].Parties {
			add(p)
		}
	}
	for _, st := range s.Statements {
		add(st.Party)
	}
	for i := range s.Parties {
		if s.Parties[i].Colour == "" {
			s.Parties[i].Colour = partyPalette[i%len(partyPalette)]
		}
	}
	return s
}

// partyPalette is the Okabe–Ito colour-blind-safe partyPalette, without black.
var partyPalette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"}

// Colour returns the display colour of the named party, grey for a party the
// snapshot does not know.
func (s *Snapshot) Colour(party string) color.Color {
	for _, p := range s.Parties {
		if p.Name == party {
			if c, ok := hexColour(p.Colour); ok {
				return c
			}
		}
	}
	return color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
}

// Dates returns the sorted distinct dates on which a document or a statement
// appeared: the stops of the timeline.
func (s *Snapshot) Dates() []compare.Date {
	if s == nil {
		return nil
	}
	return compare.Dates(s.Documents, s.Statements)
}

// Authors returns the parties that wrote at least one document, in the order
// of s.Parties: the columns of the matrix.
func (s *Snapshot) Authors() []compare.Party {
	if s == nil {
		return nil
	}
	wrote := map[string]bool{}
	for i := range s.Documents {
		for _, p := range s.Documents[i].Parties {
			wrote[p] = true
		}
	}
	var out []compare.Party
	for _, p := range s.Parties {
		if wrote[p.Name] {
			out = append(out, p)
		}
	}
	return out
}

// Document returns the document with the given ID, or nil.
func (s *Snapshot) Document(id int64) *compare.Document {
	for i := range s.Documents {
		if s.Documents[i].ID == id {
			return &s.Documents[i]
		}
	}
	return nil
}

// legible returns c, or c blended halfway to white or black when it would
// be hard to see on bg (a black party colour on a dark theme, say).
func legible(c, bg color.Color) color.Color {
	if _, _, _, a := c.RGBA(); a == 0 {
		return c
	}
	lc, lb := luminance(c), luminance(bg)
	if (max(lc, lb)+0.05)/(min(lc, lb)+0.05) >= 1.8 {
		return c
	}
	r, g, b, _ := c.RGBA()
	to := uint32(0xffff)
	if lb > 0.5 {
		to = 0
	}
	mix := func(v uint32) uint8 { return uint8(((v + to) / 2) >> 8) }
	return color.NRGBA{R: mix(r), G: mix(g), B: mix(b), A: 0xff}
}

// luminance is the WCAG relative luminance of c.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func hexColour(h string) (color.NRGBA, bool) {
	var c color.NRGBA
	if len(h) != 7 || h[0] != '#' {
		return c, false
	}
	if _, err := fmt.Sscanf(h[1:], "%02x%02x%02x", &c.R, &c.G, &c.B); err != nil {
		return c, false
	}
	c.A = 0xff
	return c, true
}

// Latest runs work off the UI goroutine and hands only the newest result
// back, on the UI goroutine: starting a run cancels the context of the one
// before, and a result that finishes after a newer run started is dropped.
// Hosts use it for whatever a timeline move sets off:
//
//	var l Latest[*Model]
//	bar := NewTimelineBar(func(d compare.Date) {
//		l.Run(func(ctx context.Context) *Model { return build(ctx, d) }, show)
//	})
//
// The zero value is ready to use; a Latest must not be copied.
type Latest[T any] struct {
	mu     sync.Mutex
	gen    uint64
	cancel context.CancelFunc
}

// Run starts work in a new goroutine and calls deliver with its result on the
// UI goroutine, unless Run was called again in the meantime.
func (l *Latest[T]) Run(work func(ctx context.Context) T, deliver func(T)) {
	l.mu.Lock()
	if l.cancel != nil {
		l.cancel()
	}
	l.gen++
	gen := l.gen
	ctx, cancel := context.WithCancel(context.Background())
	l.cancel = cancel
	l.mu.Unlock()
	go func() {
		v := work(ctx)
		fyne.Do(func() {
			l.mu.Lock()
			current := l.gen == gen
			l.mu.Unlock()
			if current && ctx.Err() == nil {
				deliver(v)
			}
		})
	}()
}

// Stop cancels the running work, if any, and drops its result.
func (l *Latest[T]) Stop() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cancel != nil {
		l.cancel()
		l.cancel = nil
	}
	l.gen++
}
