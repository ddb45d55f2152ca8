package app

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"counterpart/compare"
)

const (
	russia  = "Russian Federation"
	ukraine = "Ukraine"
	usa     = "United States"
)

// column returns the index of party in m's columns.
func column(t *testing.T, m *matrixModel, party string) int {
	t.Helper()
	for j, p := range m.parties {
		if p.Name == party {
			return j
		}
	}
	t.Fatalf("no column for %s in %v", party, m.parties)
	return -1
}

func TestMatrixAsOfDate(t *testing.T) {
	snap := corpusSnapshot(t)
	tests := []struct {
		at     compare.Date
		party  string
		latest string // title prefix of the party's latest document; "" when silent
	}{
		{"2025-06-01", russia, ""},
		{"2025-06-01", ukraine, "Memorandum on a ceasefire"},
		{"2025-06-02", russia, "Memorandum on the settlement"},
		{"2025-06-02", ukraine, "Memorandum on a ceasefire"},
		{"2025-11-22", usa, "28-point"},
		{"2025-12-24", usa, "20-point"},
		{"2025-12-24", ukraine, "20-point"}, // a joint framework counts for each author
		{"2025-12-24", russia, "Memorandum on the settlement"},
	}
	for _, tt := range tests {
		m := buildMatrix(snap, tt.at)
		j := column(t, m, tt.party)
		var doc *compare.Document
		for i := range snap.Documents {
			if tt.latest != "" && strings.HasPrefix(snap.Documents[i].Title, tt.latest) {
				doc = &snap.Documents[i]
			}
		}
		filled := 0
		for i, topic := range m.topics {
			c := m.cells[i][j]
			var want []string
			if doc != nil {
				for _, p := range doc.Provisions {
					if slices.Contains(provisionTopics(p), topic) {
						want = append(want, p.Label)
					}
				}
			}
			var got []string
			for _, p := range c.provisions {
				got = append(got, p.label)
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("%s, %s on %s: provisions %v, want %v", tt.at, tt.party, topic, got, want)
			}
			if len(got) > 0 {
				filled++
				if c.doc != doc.ID {
					t.Errorf("%s, %s on %s: document %d, want %d", tt.at, tt.party, topic, c.doc, doc.ID)
				}
			}
		}
		if tt.latest == "" && filled != 0 {
			t.Errorf("%s: %s should be silent, has %d filled cells", tt.at, tt.party, filled)
		}
		if tt.latest != "" && filled == 0 {
			t.Errorf("%s: %s has no filled cell", tt.at, tt.party)
		}
	}
}

func TestMatrixShowsWhoMoved(t *testing.T) {
	snap := corpusSnapshot(t)
	m := buildMatrix(snap, "2025-12-24")
	us, ru := column(t, m, usa), column(t, m, russia)
	changed, dropped := 0, 0
	for i := range m.topics {
		if got := m.cells[i][ru].move; got != Steady {
			t.Errorf("Russia published one document only, yet %s is marked %q", m.topics[i], got)
		}
		c := m.cells[i][us]
		switch c.move {
		case Changed:
			changed++
			if c.doc == 0 {
				t.Errorf("%s: a changed cell must hold provisions", m.topics[i])
			}
		case Dropped:
			dropped++
			if c.doc != 0 || c.cellText(cellTextLimit) == "" {
				t.Errorf("%s: a dropped cell must be empty and say so, got %+v", m.topics[i], c)
			}
		}
	}
	if changed == 0 {
		t.Error("the 20-point framework changes no topic of the 28-point plan")
	}
	before := buildMatrix(snap, "2025-11-22")
	for i := range before.topics {
		if got := before.cells[i][column(t, before, usa)].move; got != Steady {
			t.Errorf("the first US document marks %s as %q", before.topics[i], got)
		}
	}
}

func TestClipText(t *testing.T) {
	long := strings.Repeat("Ukraine withdraws ", 20)
	tests := []struct {
		in    string
		limit int
		want  string // "" to check length and suffix only
	}{
		{"Short text.", 120, "Short text."},
		{"one two three four five", 20, "one two three four…"},
		{"one two three four five", 12, "one two thr…"}, // no space near the cut
		{long, 120, ""},
		{strings.Repeat("ж", 200), 50, strings.Repeat("ж", 49) + "…"},
	}
	for _, tt := range tests {
		got := clipText(tt.in, tt.limit)
		if tt.want != "" && got != tt.want {
			t.Errorf("clipText(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > tt.limit {
			t.Errorf("clipText(%q, %d) has %d runes", tt.in, tt.limit, n)
		}
		if utf8.RuneCountInString(tt.in) > tt.limit && !strings.HasSuffix(got, "…") {
			t.Errorf("clipText(%q, %d) = %q lacks the ellipsis", tt.in, tt.limit, got)
		}
	}
}

func TestMatrixTapOpensProvision(t *testing.T) {
	test.NewTempApp(t)
	snap := corpusSnapshot(t)
	type opened struct {
		doc   int64
		label string
	}
	var got []opened
	m := NewMatrix(func(doc int64, label string) { got = append(got, opened{doc, label}) })
	m.SetSnapshot(snap)
	m.SetDate("2025-06-02")
	w := test.NewTempWindow(t, m)
	w.Resize(fyne.NewSize(1800, 900))

	var ruDoc *compare.Document
	for i := range snap.Documents {
		if snap.Documents[i].HasParty(russia) {
			ruDoc = &snap.Documents[i]
		}
	}
	wantCell := m.model.cells[topicIndex(m.model.topics, compare.Territory, -1)][column(t, m.model, russia)]
	if len(wantCell.provisions) == 0 {
		t.Fatal("Russia's memorandum has no provision on territory")
	}
	// Find the cell on screen by its text, then tap it.
	var cell *matrixCellView
	var pos fyne.Position
	walk(w.Content(), fyne.Position{}, func(o fyne.CanvasObject, p fyne.Position) {
		if v, ok := o.(*matrixCellView); ok && v.text.Text == wantCell.cellText(cellTextLimit) {
			cell, pos = v, p
		}
	})
	if cell == nil {
		t.Fatal("the territory × Russian Federation cell is not on screen")
	}
	if !strings.HasPrefix(cell.text.Text, wantCell.provisions[0].label+"  ") {
		t.Errorf("cell text %q does not start with its first label", cell.text.Text)
	}
	test.TapCanvas(w.Canvas(), pos.Add(fyne.NewPos(cell.Size().Width/2, cell.Size().Height/2)))
	want := opened{ruDoc.ID, wantCell.provisions[0].label}
	if len(got) != 1 || got[0] != want {
		t.Errorf("tapping the cell opened %v, want %v", got, want)
	}

	// An empty cell opens nothing.
	m.SetDate("2025-06-01")
	got = nil
	m.open(topicIndex(m.model.topics, compare.Territory, -1), column(t, m.model, russia))
	if len(got) != 0 {
		t.Errorf("tapping a silent cell opened %v", got)
	}
}
