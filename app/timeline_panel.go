package app

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"counterpart/compare"
)

// StatementWindow is how many days of statements the panel shows, up to
// and including the timeline date.
const StatementWindow = 30

// periodModel is what the statements panel shows for a date: the
// statements of the window before it and what changed since the previous
// timeline position.
type periodModel struct {
	at, from   compare.Date // statements from from to at, inclusive
	since      compare.Date // changes after since, up to at
	statements []compare.Statement
	documents  []*compare.Document // documents dated after since, up to at
	changes    []partyChange
}

// partyChange is what one party's latest document changed on one topic.
type partyChange struct {
	party   string
	doc     *compare.Document
	topic   compare.Topic
	summary string // "2 provisions added, 1 rewritten (I.2, I.3, II.1)"
}

// buildPeriod computes the panel for date at, the timeline having been at
// since before (empty, or not before at: the previous event date is used).
// changes says what a document changed from the one before (see
// provisionChanges).
func buildPeriod(s *Snapshot, at, since compare.Date, changes func(prev, cur *compare.Document) []topicChange) *periodModel {
	m := &periodModel{at: at, from: at.AddDays(-(StatementWindow - 1))}
	if since == "" || since >= at {
		since = StepDate(s.Dates(), at, -1)
		if since == at {
			since = at.AddDays(-1) // the first event: everything on it is new
		}
	}
	m.since = since
	m.statements = compare.StatementsIn(s.Statements, m.from, at)
	fresh := map[*compare.Document]bool{}
	for i := range s.Documents {
		d := &s.Documents[i]
		if d.Date > since && d.Date <= at {
			m.documents = append(m.documents, d)
			fresh[d] = true
		}
	}
	for _, st := range compare.PositionsAt(s.Authors(), s.Documents, at) {
		if st.Document == nil || !fresh[st.Document] {
			continue
		}
		for _, tc := range changes(st.Previous, st.Document) {
			if sum := changeSummary(tc); sum != "" {
				m.changes = append(m.changes, partyChange{party: st.Party, doc: st.Document, topic: tc.Topic, summary: sum})
			}
		}
	}
	return m
}

// changeSummary writes a topic's provision changes in words ("added 1, 16 ·
// dropped I.5 · rewritten 2, 14"), or "" when nothing changed.
func changeSummary(tc topicChange) string {
	var parts []string
	for _, p := range []struct {
		verb   string
		labels []string
	}{{"added", tc.Added}, {"dropped", tc.Dropped}, {"rewritten", tc.Rewritten}} {
		if len(p.labels) > 0 {
			parts = append(parts, p.verb+" "+strings.Join(p.labels, ", "))
		}
	}
	return strings.Join(parts, " · ")
}

// topicChange is what a document changed on one topic compared with the
// party's previous document: the labels of the provisions it added, dropped
// and rewrote.
type topicChange struct {
	Topic                     compare.Topic
	Added, Dropped, Rewritten []string
}

// provisionChanges aligns prev and cur and reports, topic by topic in
// taxonomy order, the provisions cur added, dropped or rewrote. With no
// previous document everything is added.
func provisionChanges(prev, cur *compare.Document) []topicChange {
	byTopic := map[compare.Topic]*topicChange{}
	at := func(t compare.Topic) *topicChange {
		if byTopic[t] == nil {
			byTopic[t] = &topicChange{Topic: t}
		}
		return byTopic[t]
	}
	note := func(d *compare.Document, idx []int, add func(*topicChange, string)) {
		for _, i := range idx {
			for _, t := range provisionTopics(d.Provisions[i]) {
				add(at(t), d.Provisions[i].Label)
			}
		}
	}
	added := func(c *topicChange, l string) { c.Added = append(c.Added, l) }
	dropped := func(c *topicChange, l string) { c.Dropped = append(c.Dropped, l) }
	rewritten := func(c *topicChange, l string) { c.Rewritten = append(c.Rewritten, l) }
	if prev == nil {
		all := make([]int, len(cur.Provisions))
		for i := range all {
			all[i] = i
		}
		note(cur, all, added)
	} else {
		c := compare.Compare(*prev, *cur, nil)
		for _, r := range c.Rows {
			switch {
			case len(r.Left) == 0:
				note(&c.Right, r.Right, added)
			case len(r.Right) == 0:
				note(&c.Left, r.Left, dropped)
			case joinTexts(&c.Left, r.Left) != joinTexts(&c.Right, r.Right):
				// Under the topics of both sides: a rewrite that moves a
				// provision off a topic changes that topic too.
				labels := labelsOf(&c.Right, r.Right)
				for _, t := range rowTopics(&c.Left, r.Left, &c.Right, r.Right) {
					for _, l := range labels {
						rewritten(at(t), l)
					}
				}
			}
		}
	}
	inOrder(byTopic, prev, cur)
	var out []topicChange
	for _, t := range append(append([]compare.Topic(nil), compare.Topics...), otherTopic) {
		if c := byTopic[t]; c != nil {
			out = append(out, *c)
			delete(byTopic, t)
		}
	}
	rest := make([]compare.Topic, 0, len(byTopic)) // topics outside the taxonomy
	for t := range byTopic {
		rest = append(rest, t)
	}
	sortTopicNames(rest)
	for _, t := range rest {
		out = append(out, *byTopic[t])
	}
	return out
}

// inOrder sorts each change's labels in document order (dropped ones in
// prev's) and drops repeats.
func inOrder(changes map[compare.Topic]*topicChange, prev, cur *compare.Document) {
	order := func(d *compare.Document) map[string]int {
		m := map[string]int{}
		if d != nil {
			for i, p := range d.Provisions {
				m[p.Label] = i
			}
		}
		return m
	}
	po, co := order(prev), order(cur)
	tidy := func(labels []string, o map[string]int) []string {
		slices.SortStableFunc(labels, func(a, b string) int { return o[a] - o[b] })
		return slices.Compact(labels)
	}
	for _, c := range changes {
		c.Added = tidy(c.Added, co)
		c.Dropped = tidy(c.Dropped, po)
		c.Rewritten = tidy(c.Rewritten, co)
	}
}

// rowTopics returns the distinct topics of the provisions of both sides of
// a row, in order of appearance.
func rowTopics(left *compare.Document, li []int, right *compare.Document, ri []int) []compare.Topic {
	var out []compare.Topic
	seen := map[compare.Topic]bool{}
	add := func(d *compare.Document, idx []int) {
		for _, i := range idx {
			for _, t := range provisionTopics(d.Provisions[i]) {
				if !seen[t] {
					seen[t] = true
					out = append(out, t)
				}
			}
		}
	}
	add(left, li)
	add(right, ri)
	return out
}

func labelsOf(d *compare.Document, idx []int) []string {
	out := make([]string, len(idx))
	for k, i := range idx {
		out[k] = d.Provisions[i].Label
	}
	return out
}

func joinTexts(d *compare.Document, idx []int) string {
	var b strings.Builder
	for _, i := range idx {
		b.WriteString(d.Provisions[i].Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// StatementsPanel follows the timeline: the statements of the 30 days up to
// its date, each with its date, party colour, speaker and source, and what
// changed since the timeline's previous position: new documents, and the
// provisions their parties added, dropped or rewrote, by topic.
type StatementsPanel struct {
	widget.BaseWidget

	snap    *Snapshot
	model   *periodModel
	changes map[[2]int64][]topicChange // per previous and current document ID
	box     *fyne.Container
	title   *widget.Label
}

// NewStatementsPanel returns an empty panel.
func NewStatementsPanel() *StatementsPanel {
	p := &StatementsPanel{model: &periodModel{}, box: container.NewVBox(),
		title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	p.ExtendBaseWidget(p)
	return p
}

// SetSnapshot changes the library the panel reads, keeping its date.
func (p *StatementsPanel) SetSnapshot(s *Snapshot) {
	p.snap = s
	p.changes = map[[2]int64][]topicChange{}
	p.model.since = ""
	if p.model.at != "" {
		p.SetDate(p.model.at)
	}
}

// SetDate shows the period up to at; the changes listed are those since
// the date shown before.
func (p *StatementsPanel) SetDate(at compare.Date) {
	if p.snap == nil {
		return
	}
	since := p.model.at
	if since == at {
		since = p.model.since
	}
	p.model = buildPeriod(p.snap, at, since, p.changed)
	p.show()
}

// changed aligns two documents of a party once: dragging back and forth
// over a date does not align them again.
func (p *StatementsPanel) changed(prev, cur *compare.Document) []topicChange {
	k := [2]int64{0, cur.ID}
	if prev != nil {
		k[0] = prev.ID
	}
	if c, ok := p.changes[k]; ok {
		return c
	}
	c := provisionChanges(prev, cur)
	p.changes[k] = c
	return c
}

// Statements returns the statements the panel shows.
func (p *StatementsPanel) Statements() []compare.Statement { return p.model.statements }

func (p *StatementsPanel) show() {
	m := p.model
	p.box.RemoveAll()
	p.title.SetText(fmt.Sprintf("Statements, %s – %s", DateWords(m.from), DateWords(m.at)))
	p.box.Add(p.title)
	if len(m.statements) == 0 {
		p.box.Add(quietLabel("No statements in these 30 days."))
	}
	for i := len(m.statements) - 1; i >= 0; i-- { // newest first
		st := m.statements[i]
		meta := DateWords(st.Date) + " · " + st.Speaker + " (" + st.Party + ")"
		p.box.Add(p.card(st.Party, meta, st.Text, st.Source))
	}
	head := "Since " + DateWords(m.since)
	if m.since == m.at.AddDays(-1) {
		head = "On " + DateWords(m.at)
	}
	p.box.Add(widget.NewSeparator())
	p.box.Add(widget.NewLabelWithStyle("What changed — "+strings.ToLower(head[:1])+head[1:], fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if len(m.documents) == 0 {
		p.box.Add(quietLabel("No new documents."))
	}
	for _, d := range m.documents {
		p.box.Add(p.card(d.Parties[0], "New "+string(d.Kind)+" · "+d.Party()+" · "+DateWords(d.Date), d.Title, ""))
	}
	for i := 0; i < len(m.changes); {
		c := m.changes[i]
		var lines []string
		for ; i < len(m.changes) && m.changes[i].party == c.party; i++ {
			lines = append(lines, matrixTopicTitle(m.changes[i].topic)+": "+m.changes[i].summary)
		}
		p.box.Add(p.card(c.party, c.party+" · what "+c.doc.Title+" changed", strings.Join(lines, "\n"), ""))
	}
	p.box.Refresh()
}

// card is one entry: a bar in the party's colour, a line of metadata, the
// text, and the source in small type.
func (p *StatementsPanel) card(party, meta, text, source string) fyne.CanvasObject {
	bar := canvas.NewRectangle(legible(p.snap.Colour(party), theme.Color(theme.ColorNameBackground)))
	bar.SetMinSize(fyne.NewSize(5, 5))
	m := widget.NewLabelWithStyle(meta, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	m.Wrapping = fyne.TextWrapWord
	m.SizeName = theme.SizeNameCaptionText
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord
	parts := container.NewVBox(m, body)
	if source != "" {
		s := widget.NewLabel(source)
		s.Wrapping = fyne.TextWrapWord
		s.SizeName = theme.SizeNameCaptionText
		s.Importance = widget.LowImportance
		parts.Add(s)
	}
	return container.NewBorder(nil, nil, bar, nil, parts)
}

func quietLabel(s string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
}

// CreateRenderer scrolls the panel's entries.
func (p *StatementsPanel) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	return widget.NewSimpleRenderer(container.NewStack(bg, container.NewVScroll(p.box)))
}
