package app

import (
	"image/color"
	"math"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"counterpart/compare"
)

// TimelineBar is a slider over the real dates of the library, from its first
// to its last document or statement, with a coloured mark where a document
// appears, a smaller tick for each statement, step buttons that jump to the
// previous or next date with an event, a play button, and the date in words.
type TimelineBar struct {
	widget.BaseWidget

	// Interval is the time between two steps while playing; one second
	// unless set before Play.
	Interval time.Duration

	onChange func(compare.Date)
	snap     *Snapshot
	events   []compare.Date // dates with a document or a statement, sorted
	marks    []timelineMark
	first    time.Time
	days     int // days from the first to the last event
	date     compare.Date
	version  int           // counts SetSnapshot calls, so the track rebuilds its marks only then
	stop     chan struct{} // closed to stop playing; nil when not playing

	track            *timelineTrack
	back, play, next *widget.Button
	label            *widget.Label
}

// timelineMark is one mark on the track: a document of a party, or a
// statement.
type timelineMark struct {
	date     compare.Date
	day      int
	colour   color.Color
	document bool
	row      int // stacking row for several documents on one day
}

// NewTimelineBar returns an empty timeline; onChange is called with the new
// date whenever the user moves it (dragging, tapping the track, the step
// buttons, Step, playing), never by SetDate or SetSnapshot.
func NewTimelineBar(onChange func(compare.Date)) *TimelineBar {
	t := &TimelineBar{onChange: onChange, Interval: time.Second}
	t.track = newTimelineTrack(t)
	t.back = widget.NewButtonWithIcon("", theme.MediaSkipPreviousIcon(), func() { t.Step(-1) })
	t.play = widget.NewButtonWithIcon("", theme.MediaPlayIcon(), t.togglePlay)
	t.next = widget.NewButtonWithIcon("", theme.MediaSkipNextIcon(), func() { t.Step(1) })
	t.label = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	t.ExtendBaseWidget(t)
	t.refreshControls()
	return t
}

// SetSnapshot shows the events of s and keeps the current date if it lies
// within them; otherwise the date becomes the last event.
func (t *TimelineBar) SetSnapshot(s *Snapshot) {
	t.snap = s
	t.version++
	t.events = s.Dates()
	t.marks = t.marks[:0]
	if len(t.events) == 0 {
		t.first, t.days = time.Time{}, 0
		t.date = ""
		t.refreshControls()
		return
	}
	t.first = t.events[0].Time()
	t.days = dayOf(t.first, t.events[len(t.events)-1])
	stack := map[compare.Date]int{}
	for i := range s.Documents {
		d := &s.Documents[i]
		for _, p := range d.Parties {
			t.marks = append(t.marks, timelineMark{date: d.Date, day: dayOf(t.first, d.Date),
				colour: s.Colour(p), document: true, row: stack[d.Date]})
			stack[d.Date]++
		}
	}
	for _, st := range s.Statements {
		t.marks = append(t.marks, timelineMark{date: st.Date, day: dayOf(t.first, st.Date), colour: s.Colour(st.Party)})
	}
	if t.date < t.events[0] || t.date > t.events[len(t.events)-1] {
		t.date = t.events[len(t.events)-1]
	}
	t.refreshControls()
}

// SetDate moves the timeline to d, clamped to the library's first and last
// dates, without calling onChange.
func (t *TimelineBar) SetDate(d compare.Date) {
	t.date = t.clamp(d)
	t.refreshControls()
}

// Date returns the date the timeline shows.
func (t *TimelineBar) Date() compare.Date { return t.date }

// Step moves to the delta-th date with an event after (delta > 0) or before
// (delta < 0) the current date, stopping at the ends, and calls onChange if
// the date changed.
func (t *TimelineBar) Step(delta int) {
	t.change(StepDate(t.events, t.date, delta))
}

// StepDate returns the delta-th date of events (sorted) after at, or before it
// when delta is negative, stopping at the first and last events; at itself
// need not be an event.
func StepDate(events []compare.Date, at compare.Date, delta int) compare.Date {
	if len(events) == 0 {
		return at
	}
	for ; delta > 0; delta-- {
		i := sort.Search(len(events), func(i int) bool { return events[i] > at })
		if i == len(events) {
			break
		}
		at = events[i]
	}
	for ; delta < 0; delta++ {
		i := sort.Search(len(events), func(i int) bool { return events[i] >= at })
		if i == 0 {
			break
		}
		at = events[i-1]
	}
	return at
}

// Playing reports whether the timeline is advancing by itself.
func (t *TimelineBar) Playing() bool { return t.stop != nil }

// Play advances the timeline one event every Interval until it reaches the
// last date or Pause is called. Playing from the last date starts again at
// the first.
func (t *TimelineBar) Play() {
	if t.stop != nil || len(t.events) < 2 {
		return
	}
	if t.date >= t.events[len(t.events)-1] {
		t.change(t.events[0])
	}
	stop := make(chan struct{})
	t.stop = stop
	interval := t.Interval
	if interval <= 0 {
		interval = time.Second
	}
	t.refreshControls()
	go func() {
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				doOnUI(func() {
					if t.stop != stop {
						return // paused meanwhile
					}
					t.Step(1)
					if t.date >= t.events[len(t.events)-1] {
						t.Pause()
					}
				})
			}
		}
	}()
}

// Pause stops playing.
func (t *TimelineBar) Pause() {
	if t.stop == nil {
		return
	}
	close(t.stop)
	t.stop = nil
	t.refreshControls()
}

func (t *TimelineBar) togglePlay() {
	if t.Playing() {
		t.Pause()
	} else {
		t.Play()
	}
}

// change sets the date and tells the host.
func (t *TimelineBar) change(d compare.Date) {
	d = t.clamp(d)
	if d == t.date {
		return
	}
	t.date = d
	t.refreshControls()
	if t.onChange != nil {
		t.onChange(d)
	}
}

func (t *TimelineBar) clamp(d compare.Date) compare.Date {
	if len(t.events) == 0 {
		return d
	}
	if d < t.events[0] {
		return t.events[0]
	}
	if last := t.events[len(t.events)-1]; d > last {
		return last
	}
	return d
}

// dateAt returns the date under x on a track of width w, snapped to an event
// within snap pixels.
func (t *TimelineBar) dateAt(x, w, snap float32) compare.Date {
	if len(t.events) == 0 {
		return t.date
	}
	inner := w - 2*trackInset
	if t.days == 0 || inner <= 0 {
		return t.events[0]
	}
	ratio := float64((x - trackInset) / inner)
	ratio = math.Max(0, math.Min(1, ratio))
	day := int(math.Round(ratio * float64(t.days)))
	best, bestDist := compare.Date(""), float32(snap)
	for _, e := range t.events {
		dist := float32(math.Abs(float64(dayOf(t.first, e)-day))) * inner / float32(t.days)
		if dist <= bestDist {
			best, bestDist = e, dist
		}
	}
	if best != "" {
		return best
	}
	return compare.DateOf(t.first.AddDate(0, 0, day))
}

func (t *TimelineBar) refreshControls() {
	t.label.SetText(DateWords(t.date))
	ok := len(t.events) > 0
	enableButton(t.back, ok && t.date > t.events[0])
	enableButton(t.next, ok && t.date < t.events[len(t.events)-1])
	enableButton(t.play, len(t.events) > 1)
	if t.Playing() {
		t.play.SetIcon(theme.MediaPauseIcon())
	} else {
		t.play.SetIcon(theme.MediaPlayIcon())
	}
	t.track.Refresh()
}

func enableButton(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// CreateRenderer lays out the buttons, the track and the date.
func (t *TimelineBar) CreateRenderer() fyne.WidgetRenderer {
	return &timelineBarRenderer{bar: t}
}

type timelineBarRenderer struct{ bar *TimelineBar }

// dateWidth is wide enough for the longest date in words.
func (r *timelineBarRenderer) dateWidth() float32 {
	return r.bar.label.MinSize().Width - fyne.MeasureText(r.bar.label.Text, theme.TextSize(), fyne.TextStyle{Bold: true}).Width +
		fyne.MeasureText("30 September 2025", theme.TextSize(), fyne.TextStyle{Bold: true}).Width
}

func (r *timelineBarRenderer) Layout(size fyne.Size) {
	b := r.bar
	x := float32(0)
	for _, btn := range []*widget.Button{b.back, b.play, b.next} {
		m := btn.MinSize()
		btn.Resize(m)
		btn.Move(fyne.NewPos(x, (size.Height-m.Height)/2))
		x += m.Width + theme.Padding()
	}
	dw := r.dateWidth()
	lm := b.label.MinSize()
	b.label.Resize(fyne.NewSize(dw, lm.Height))
	b.label.Move(fyne.NewPos(size.Width-dw, (size.Height-lm.Height)/2))
	b.track.Move(fyne.NewPos(x, 0))
	b.track.Resize(fyne.NewSize(size.Width-dw-x-theme.Padding(), size.Height))
}

func (r *timelineBarRenderer) MinSize() fyne.Size {
	b := r.bar
	w, h := float32(0), b.track.MinSize().Height
	for _, btn := range []*widget.Button{b.back, b.play, b.next} {
		m := btn.MinSize()
		w += m.Width + theme.Padding()
		h = max(h, m.Height)
	}
	return fyne.NewSize(w+b.track.MinSize().Width+theme.Padding()+r.dateWidth(), h)
}

func (r *timelineBarRenderer) Refresh() {
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

func (r *timelineBarRenderer) Objects() []fyne.CanvasObject {
	b := r.bar
	return []fyne.CanvasObject{b.back, b.play, b.next, b.track, b.label}
}

func (r *timelineBarRenderer) Destroy() {}

// trackInset keeps the first and last marks off the track's edges.
const trackInset = 10

// timelineTrack is the draggable part of the timeline: the axis, the marks
// and the thumb. Its state is the bar's.
type timelineTrack struct {
	widget.BaseWidget
	bar     *TimelineBar
	focused bool
}

var (
	_ fyne.Draggable = (*timelineTrack)(nil)
	_ fyne.Tappable  = (*timelineTrack)(nil)
	_ fyne.Focusable = (*timelineTrack)(nil)
)

func newTimelineTrack(bar *TimelineBar) *timelineTrack {
	t := &timelineTrack{bar: bar}
	t.ExtendBaseWidget(t)
	return t
}

// Tapped moves the timeline to the date under the pointer and takes the
// keyboard focus, so that the arrow keys step from there.
func (t *timelineTrack) Tapped(e *fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		c.Focus(t)
	}
	t.moveTo(e.Position.X)
}

// FocusGained shows the focus on the thumb.
func (t *timelineTrack) FocusGained() { t.focused = true; t.Refresh() }

// FocusLost hides the focus.
func (t *timelineTrack) FocusLost() { t.focused = false; t.Refresh() }

// TypedRune ignores text.
func (t *timelineTrack) TypedRune(rune) {}

// TypedKey steps with ← and →, and jumps to the first or last date with
// Home and End.
func (t *timelineTrack) TypedKey(e *fyne.KeyEvent) {
	b := t.bar
	switch e.Name {
	case fyne.KeyLeft:
		b.Step(-1)
	case fyne.KeyRight:
		b.Step(1)
	case fyne.KeyHome:
		if len(b.events) > 0 {
			b.change(b.events[0])
		}
	case fyne.KeyEnd:
		if len(b.events) > 0 {
			b.change(b.events[len(b.events)-1])
		}
	}
}

// Dragged follows the pointer.
func (t *timelineTrack) Dragged(e *fyne.DragEvent) { t.moveTo(e.Position.X) }

// DragEnd does nothing: every move already reported its date.
func (t *timelineTrack) DragEnd() {}

func (t *timelineTrack) moveTo(x float32) {
	t.bar.change(t.bar.dateAt(x, t.Size().Width, 6))
}

// x returns the horizontal position of a day on a track of width w.
func (t *timelineTrack) x(day int, w float32) float32 {
	if t.bar.days == 0 {
		return w / 2
	}
	return trackInset + (w-2*trackInset)*float32(day)/float32(t.bar.days)
}

// CreateRenderer draws the track.
func (t *timelineTrack) CreateRenderer() fyne.WidgetRenderer {
	r := &trackRenderer{track: t, axis: canvas.NewLine(theme.Color(theme.ColorNameDisabled)),
		thumb: canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))}
	r.axis.StrokeWidth = 2
	r.thumb.CornerRadius = 2
	r.Refresh()
	return r
}

type trackRenderer struct {
	track    *timelineTrack
	axis     *canvas.Line
	thumb    *canvas.Rectangle
	months   []*canvas.Text
	monthPos []int // day of each month label
	docs     []*canvas.Circle
	stmts    []*canvas.Line
	marks    []timelineMark // what docs and stmts draw, in that order
	version  int            // the bar's version the marks were built from
}

const (
	docRadius  = 6
	stmtLength = 8
)

func (r *trackRenderer) MinSize() fyne.Size {
	return fyne.NewSize(120, 4*docRadius+2*stmtLength+theme.CaptionTextSize()+4*theme.Padding())
}

func (r *trackRenderer) Layout(size fyne.Size) {
	t := r.track
	axisY := 3*docRadius + theme.Padding()
	r.axis.Position1 = fyne.NewPos(trackInset, axisY)
	r.axis.Position2 = fyne.NewPos(size.Width-trackInset, axisY)
	di, si := 0, 0
	for _, m := range r.marks {
		x := t.x(m.day, size.Width)
		if m.document {
			c := r.docs[di]
			di++
			y := axisY - float32(m.row)*(docRadius+2)
			c.Move(fyne.NewPos(x-docRadius, y-docRadius))
			c.Resize(fyne.NewSize(2*docRadius, 2*docRadius))
			continue
		}
		l := r.stmts[si]
		si++
		l.Position1 = fyne.NewPos(x, axisY+docRadius+2)
		l.Position2 = fyne.NewPos(x, axisY+docRadius+2+stmtLength)
	}
	labelY := axisY + docRadius + stmtLength + theme.Padding()
	for i, txt := range r.months {
		m := txt.MinSize()
		x := t.x(r.monthPos[i], size.Width)
		txt.Move(fyne.NewPos(x-m.Width/2, labelY))
		txt.Resize(m)
		txt.Hidden = i > 0 && x-t.x(r.monthPos[i-1], size.Width) < m.Width+theme.Padding()
	}
	if t.bar.date != "" {
		x := t.x(dayOf(t.bar.first, t.bar.date), size.Width)
		w := float32(4)
		if t.focused {
			w = 8
		}
		r.thumb.Move(fyne.NewPos(x-w/2, 0))
		r.thumb.Resize(fyne.NewSize(w, labelY))
	}
	r.thumb.Hidden = t.bar.date == ""
}

func (r *trackRenderer) Refresh() {
	bar := r.track.bar
	r.axis.StrokeColor = theme.Color(theme.ColorNameDisabled)
	r.thumb.FillColor = theme.Color(theme.ColorNamePrimary)
	if r.version != bar.version {
		r.version = bar.version
		r.rebuild()
	}
	r.Layout(r.track.Size())
	canvas.Refresh(r.track)
}

// rebuild makes the marks and month labels of the bar's snapshot.
func (r *trackRenderer) rebuild() {
	bar := r.track.bar
	r.marks = append(r.marks[:0], bar.marks...)
	// Statements first so that document circles draw over their ticks.
	sort.SliceStable(r.marks, func(i, j int) bool { return !r.marks[i].document && r.marks[j].document })
	r.docs, r.stmts = r.docs[:0], r.stmts[:0]
	for _, m := range r.marks {
		colour := legible(m.colour, theme.Color(theme.ColorNameBackground))
		if m.document {
			c := canvas.NewCircle(colour)
			c.StrokeColor = theme.Color(theme.ColorNameBackground)
			c.StrokeWidth = 1
			r.docs = append(r.docs, c)
		} else {
			l := canvas.NewLine(colour)
			l.StrokeWidth = 2
			r.stmts = append(r.stmts, l)
		}
	}
	r.months, r.monthPos = r.months[:0], r.monthPos[:0]
	if len(bar.events) > 0 {
		last := bar.events[len(bar.events)-1].Time()
		m := time.Date(bar.first.Year(), bar.first.Month(), 1, 0, 0, 0, 0, time.UTC)
		if m.Before(bar.first) {
			m = m.AddDate(0, 1, 0)
		}
		for ; !m.After(last); m = m.AddDate(0, 1, 0) {
			label := m.Format("Jan")
			if m.Month() == time.January || len(r.months) == 0 {
				label = m.Format("Jan 2006")
			}
			txt := canvas.NewText(label, theme.Color(theme.ColorNamePlaceHolder))
			txt.TextSize = theme.CaptionTextSize()
			r.months = append(r.months, txt)
			r.monthPos = append(r.monthPos, dayOf(bar.first, compare.DateOf(m)))
		}
	}
}

func (r *trackRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, 2+len(r.months)+len(r.docs)+len(r.stmts))
	objs = append(objs, r.axis)
	for _, t := range r.months {
		objs = append(objs, t)
	}
	for _, l := range r.stmts {
		objs = append(objs, l)
	}
	for _, c := range r.docs {
		objs = append(objs, c)
	}
	return append(objs, r.thumb)
}

func (r *trackRenderer) Destroy() {}

// dayOf returns the number of days from first to d.
func dayOf(first time.Time, d compare.Date) int {
	return int(math.Round(d.Time().Sub(first).Hours() / 24))
}

// DateWords writes a date the way people read it: "2 June 2025".
func DateWords(d compare.Date) string {
	if d == "" {
		return ""
	}
	t := d.Time()
	if t.IsZero() {
		return string(d)
	}
	return t.Format("2 January 2006")
}
