package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"counterpart/compare"
)

func TestTimelineStepDate(t *testing.T) {
	events := []compare.Date{"2025-05-16", "2025-05-28", "2025-06-02", "2025-12-24"}
	tests := []struct {
		at    compare.Date
		delta int
		want  compare.Date
	}{
		{"2025-05-28", 1, "2025-06-02"},
		{"2025-05-28", -1, "2025-05-16"},
		{"2025-05-28", 2, "2025-12-24"},
		{"2025-05-28", 9, "2025-12-24"},  // stops at the last event
		{"2025-05-16", -1, "2025-05-16"}, // stops at the first
		{"2025-05-30", 1, "2025-06-02"},  // between events
		{"2025-05-30", -1, "2025-05-28"},
		{"2025-05-30", 0, "2025-05-30"},
		{"2025-01-01", 1, "2025-05-16"},
	}
	for _, tt := range tests {
		if got := StepDate(events, tt.at, tt.delta); got != tt.want {
			t.Errorf("StepDate(%s, %d) = %s, want %s", tt.at, tt.delta, got, tt.want)
		}
	}
}

func TestDateWords(t *testing.T) {
	tests := []struct {
		in   compare.Date
		want string
	}{
		{"2025-06-02", "2 June 2025"},
		{"2025-12-24", "24 December 2025"},
		{"", ""},
		{"someday", "someday"},
	}
	for _, tt := range tests {
		if got := DateWords(tt.in); got != tt.want {
			t.Errorf("DateWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// timelineHost is a bar and a statements panel wired as a host wires them.
type timelineHost struct {
	bar     *TimelineBar
	panel   *StatementsPanel
	changes []compare.Date
	win     fyne.Window
}

func newTimelineHost(t *testing.T) *timelineHost {
	test.NewTempApp(t)
	snap := corpusSnapshot(t)
	h := &timelineHost{panel: NewStatementsPanel()}
	h.bar = NewTimelineBar(func(d compare.Date) {
		h.changes = append(h.changes, d)
		h.panel.SetDate(d)
	})
	h.bar.SetSnapshot(snap)
	h.panel.SetSnapshot(snap)
	h.panel.SetDate(h.bar.Date())
	h.win = test.NewTempWindow(t, container.NewBorder(h.bar, nil, nil, nil, h.panel))
	h.win.Resize(fyne.NewSize(1200, 700))
	return h
}

// trackPoint returns where on the canvas the track shows date d.
func (h *timelineHost) trackPoint(d compare.Date) fyne.Position {
	tr := h.bar.track
	// The bar is at the top left of the window's content.
	pos := h.win.Content().Position().Add(h.bar.Position()).Add(tr.Position())
	x := tr.x(dayOf(h.bar.first, d), tr.Size().Width)
	return pos.Add(fyne.NewPos(x, tr.Size().Height/2))
}

func TestTimelineDragMovesStatementsPanel(t *testing.T) {
	h := newTimelineHost(t)
	if got := h.bar.Date(); got != "2025-12-28" {
		t.Fatalf("timeline starts at %s, want the last event 2025-12-28", got)
	}
	tests := []struct {
		drag  compare.Date
		want  compare.Date
		first compare.Date // oldest statement the panel shows
		n     int          // statements the panel shows
	}{
		{"2025-06-02", "2025-06-02", "2025-05-16", 11},
		{"2025-06-05", "2025-06-04", "2025-05-16", 12}, // snaps to the statement one day off
		{"2025-05-19", "2025-05-19", "2025-05-16", 4},
		{"2025-09-15", "2025-09-15", "", 0}, // a quiet day, not an event
		{"2025-11-23", "2025-11-23", "2025-11-23", 2},
	}
	for _, tt := range tests {
		before := len(h.changes)
		p := h.trackPoint(tt.drag)
		test.Drag(h.win.Canvas(), p, 3, 0)
		if len(h.changes) != before+1 || h.changes[len(h.changes)-1] != tt.want {
			t.Errorf("drag to %s: onChange calls %v, want one more with %s", tt.drag, h.changes[before:], tt.want)
			continue
		}
		if h.bar.Date() != tt.want || h.bar.label.Text != DateWords(tt.want) {
			t.Errorf("drag to %s: bar at %s showing %q", tt.drag, h.bar.Date(), h.bar.label.Text)
		}
		got := h.panel.Statements()
		if len(got) != tt.n {
			t.Errorf("at %s the panel shows %d statements, want %d", tt.want, len(got), tt.n)
		}
		for _, st := range got {
			if st.Date > tt.want || st.Date < tt.want.AddDays(-StatementWindow+1) {
				t.Errorf("at %s the panel shows a statement of %s", tt.want, st.Date)
			}
		}
		if len(got) > 0 && got[0].Date != tt.first {
			t.Errorf("at %s the oldest statement shown is of %s, want %s", tt.want, got[0].Date, tt.first)
		}
		if !strings.Contains(visibleText(h.panel), DateWords(tt.want)) {
			t.Errorf("panel does not show the date %s", DateWords(tt.want))
		}
	}
}

func TestTimelineButtonsStep(t *testing.T) {
	h := newTimelineHost(t)
	h.bar.SetDate("2025-05-28")
	h.panel.SetDate("2025-05-28")
	test.Tap(h.bar.next)
	test.Tap(h.bar.next)
	test.Tap(h.bar.back)
	want := []compare.Date{"2025-06-02", "2025-06-04", "2025-06-02"}
	if strings.Join(dates(h.changes), " ") != strings.Join(dates(want), " ") {
		t.Errorf("steps went %v, want %v", h.changes, want)
	}
	if docs := h.panel.model.documents; len(docs) != 1 || !docs[0].HasParty("Russian Federation") {
		t.Errorf("new documents on 2 June 2025 = %v, want the Russian memorandum", docs)
	}
	if text := visibleText(h.panel); !strings.Contains(text, "New memorandum") {
		t.Errorf("after stepping onto 2 June 2025 the panel lacks the new memorandum:\n%s", text)
	}
	h.bar.SetDate("2025-05-16")
	if !h.bar.back.Disabled() || h.bar.next.Disabled() {
		t.Error("at the first event the back button should be disabled and next enabled")
	}
}

func TestTimelineKeys(t *testing.T) {
	h := newTimelineHost(t)
	h.bar.SetDate("2025-06-02")
	test.TapCanvas(h.win.Canvas(), h.trackPoint("2025-06-02"))
	if h.win.Canvas().Focused() != h.bar.track {
		t.Fatal("tapping the track does not focus it")
	}
	tests := []struct {
		key  fyne.KeyName
		want compare.Date
	}{
		{fyne.KeyRight, "2025-06-04"},
		{fyne.KeyRight, "2025-07-23"},
		{fyne.KeyLeft, "2025-06-04"},
		{fyne.KeyHome, "2025-05-16"},
		{fyne.KeyLeft, "2025-05-16"},
		{fyne.KeyEnd, "2025-12-28"},
	}
	for _, tt := range tests {
		h.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: tt.key})
		if got := h.bar.Date(); got != tt.want {
			t.Errorf("%s: date %s, want %s", tt.key, got, tt.want)
		}
		if got := h.changes[len(h.changes)-1]; got != tt.want {
			t.Errorf("%s: last onChange %s, want %s", tt.key, got, tt.want)
		}
	}
}

func TestTimelinePlayStopsAtEnd(t *testing.T) {
	test.NewTempApp(t)
	snap := corpusSnapshot(t)
	got := make(chan compare.Date, 64)
	bar := NewTimelineBar(func(d compare.Date) { got <- d })
	bar.SetSnapshot(snap)
	events := snap.Dates()
	bar.SetDate(events[len(events)-4])
	bar.Interval = 2 * time.Millisecond
	bar.Play()
	for _, want := range events[len(events)-3:] {
		select {
		case d := <-got:
			if d != want {
				t.Fatalf("playing stepped to %s, want %s", d, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("playing never reached %s", want)
		}
	}
	select {
	case d := <-got:
		t.Errorf("playing went on past the last event, to %s", d)
	case <-time.After(50 * time.Millisecond):
	}
}

func dates(ds []compare.Date) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = string(d)
	}
	return out
}

// visibleText returns the text of every canvas text shown under o, one per
// line.
func visibleText(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, fyne.Position{}, func(obj fyne.CanvasObject, _ fyne.Position) {
		if t, ok := obj.(*canvas.Text); ok {
			b.WriteString(t.Text)
			b.WriteByte('\n')
		}
	})
	return b.String()
}

// walk calls fn for every visible object under o as drawn (through the
// renderers in use, unlike test.LaidOutObjects, which makes new ones), with
// its position relative to o's parent.
func walk(o fyne.CanvasObject, at fyne.Position, fn func(fyne.CanvasObject, fyne.Position)) {
	if !o.Visible() {
		return
	}
	pos := at.Add(o.Position())
	fn(o, pos)
	var children []fyne.CanvasObject
	switch c := o.(type) {
	case fyne.Widget:
		children = test.WidgetRenderer(c).Objects()
	case *fyne.Container:
		children = c.Objects
	}
	for _, child := range children {
		walk(child, pos, fn)
	}
}

func TestTimelineBarRenders(t *testing.T) {
	test.NewTempApp(t)
	snap := NewSnapshot(nil, []compare.Document{
		{Title: "Memorandum", Date: "2025-05-28", Parties: []string{ukraine}},
		{Title: "Memorandum", Date: "2025-06-02", Parties: []string{russia}},
		{Title: "Framework", Date: "2025-08-30", Parties: []string{ukraine, usa}},
	}, []compare.Statement{
		{Date: "2025-05-16", Party: usa},
		{Date: "2025-07-01", Party: russia},
	})
	bar := NewTimelineBar(nil)
	bar.SetSnapshot(snap)
	bar.SetDate("2025-06-02")
	bar.Resize(fyne.NewSize(720, bar.MinSize().Height))
	test.AssertObjectRendersToMarkup(t, "timeline_bar.xml", bar)
}

func TestProvisionChanges(t *testing.T) {
	prov := func(label, text string, topics ...compare.Topic) compare.Provision {
		return compare.Provision{Label: label, Text: text, Topics: topics, Stance: compare.Position}
	}
	prev := &compare.Document{ID: 1, Parties: []string{ukraine}, Date: "2025-05-28", Provisions: []compare.Provision{
		prov("1", "Ukraine withdraws its armed forces from the Donetsk region within thirty days.", compare.Territory),
		prov("2", "All sanctions against the Russian Federation remain in force until a peace treaty is signed.", compare.Sanctions),
		prov("3", "Both sides exchange all prisoners of war on an all-for-all basis.", compare.Humanitarian),
	}}
	cur := &compare.Document{ID: 2, Parties: []string{ukraine}, Date: "2025-06-02", Provisions: []compare.Provision{
		prov("1", "Both sides exchange all prisoners of war on an all-for-all basis.", compare.Humanitarian),
		prov("2", "Ukraine withdraws its armed forces from the Donetsk region within sixty days.", compare.Territory),
		prov("3", "The Zaporizhzhia nuclear power plant is placed under IAEA supervision.", compare.Nuclear),
	}}
	got := map[compare.Topic]string{}
	for _, tc := range provisionChanges(prev, cur) {
		got[tc.Topic] = changeSummary(tc)
	}
	want := map[compare.Topic]string{
		compare.Territory: "rewritten 2",
		compare.Sanctions: "dropped 2",
		compare.Nuclear:   "added 3",
	}
	for topic, w := range want {
		if got[topic] != w {
			t.Errorf("%s: %q, want %q", topic, got[topic], w)
		}
	}
	if s, ok := got[compare.Humanitarian]; ok && s != "" {
		t.Errorf("humanitarian only renumbered, yet reported as %q", s)
	}

	first := provisionChanges(nil, cur)
	if len(first) != 3 {
		t.Fatalf("a first document changes %d topics, want 3: %+v", len(first), first)
	}
	for _, tc := range first {
		if len(tc.Added) != 1 || len(tc.Dropped)+len(tc.Rewritten) != 0 {
			t.Errorf("a first document's %s: %+v, want one added provision", tc.Topic, tc)
		}
	}
}

func TestTimelineEmptyLibrary(t *testing.T) {
	test.NewTempApp(t)
	empty := NewSnapshot(nil, nil, nil)
	called := 0
	bar := NewTimelineBar(func(compare.Date) { called++ })
	bar.SetSnapshot(empty)
	panel := NewStatementsPanel()
	panel.SetSnapshot(empty)
	matrix := NewMatrix(nil)
	matrix.SetSnapshot(empty)
	w := test.NewTempWindow(t, container.NewBorder(bar, nil, nil, panel, matrix))
	w.Resize(fyne.NewSize(800, 400))
	bar.Step(1)
	bar.Play()
	test.Drag(w.Canvas(), fyne.NewPos(300, 20), 5, 0)
	if called != 0 || bar.Date() != "" || bar.Playing() {
		t.Errorf("an empty timeline moved: %d calls, date %q, playing %v", called, bar.Date(), bar.Playing())
	}
	if !bar.back.Disabled() || !bar.next.Disabled() || !bar.play.Disabled() {
		t.Error("an empty timeline's buttons should be disabled")
	}
	if r, c := matrix.size(); r != 0 || c != 0 {
		t.Errorf("an empty matrix has %d×%d cells", r, c)
	}
}
