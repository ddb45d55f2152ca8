package app

import (
	"fmt"
	"slices"
	"strings"

	"counterpart/compare"
)

// Status selects rows by what they hold.
type Status int

// The row statuses the compare view can filter on.
const (
	AllRows         Status = iota // every row
	DifferencesOnly               // rows whose sides differ, or that have one side only
	OneSidedOnly                  // rows with provisions on one side only
	PairedOnly                    // rows with provisions on both sides
)

var statusNames = []string{"All rows", "Only differences", "Only one-sided", "Only paired"}

func (s Status) String() string { return statusNames[s] }

// rowFilter is the compare view's filter bar as a value.
type rowFilter struct {
	Topic       compare.Topic // "" for every topic
	DemandsOnly bool          // only rows where a provision is a demand
	Status      Status
}

// rowView is one row of the compare view, ready to draw.
type rowView struct {
	Row         int // index into Comparison.Rows
	Kind        compare.RowKind
	Left, Right []span // cell texts; nil for "no counterpart"
	LeftLabels  []string
	RightLabels []string
	Topic       compare.Topic
	Stance      compare.Stance
	Similarity  float64
	Manual      bool
	Different   bool // the sides differ (one-sided, unrelated, or a diff with changes)
	Notes       []compare.Note

	measure *measuredRow // words measured for layout, filled on first use
}

// noCounterpart is the text of an empty cell.
const noCounterpart = "no counterpart"

// rowModel is the compare view's state without widgets: the comparison, its
// rows as drawn, the filter, and which rows are visible.
type rowModel struct {
	cmp     *compare.Comparison
	rows    []rowView
	filter  rowFilter
	visible []int // indices into rows
}

// newRowModel builds the rows of c with the notes attached.
func newRowModel(c *compare.Comparison, notes []compare.Note) *rowModel {
	m := &rowModel{cmp: c, rows: buildRows(c, notes)}
	m.apply(rowFilter{})
	return m
}

// buildRows turns a comparison into rows ready to draw.
func buildRows(c *compare.Comparison, notes []compare.Note) []rowView {
	if c == nil {
		return nil
	}
	out := make([]rowView, len(c.Rows))
	for i, r := range c.Rows {
		v := rowView{Row: i, Kind: r.Kind, Topic: r.Topic, Similarity: r.Similarity, Manual: r.Manual}
		left := provisions(&c.Left, r.Left)
		right := provisions(&c.Right, r.Right)
		v.LeftLabels, v.RightLabels = labels(left), labels(right)
		v.Stance = stanceOf(left, right)
		if v.Topic == "" {
			v.Topic = topicOf(left, right)
		}
		switch {
		case r.Kind == compare.Paired && len(r.Diff) > 0:
			v.Left = cellFromDiff(left, r.Diff, compare.Delete, deletedSpan)
			v.Right = cellFromDiff(right, r.Diff, compare.Insert, insertedSpan)
			for _, p := range r.Diff {
				if p.Op != compare.Equal && strings.TrimSpace(p.Text) != "" {
					v.Different = true
					break
				}
			}
		case r.Kind == compare.Unrelated:
			v.Left = cellShared(left, r.SharedTerms)
			v.Right = cellShared(right, r.SharedTerms)
			v.Different = true
		default:
			v.Left = cellPlain(left)
			v.Right = cellPlain(right)
			v.Different = len(left) == 0 || len(right) == 0 || joined(left) != joined(right)
		}
		v.Notes = notesFor(notes, &c.Left, &c.Right, v.LeftLabels, v.RightLabels)
		out[i] = v
	}
	return out
}

func provisions(d *compare.Document, idx []int) []*compare.Provision {
	out := make([]*compare.Provision, 0, len(idx))
	for _, i := range idx {
		if i >= 0 && i < len(d.Provisions) {
			out = append(out, &d.Provisions[i])
		}
	}
	return out
}

func labels(ps []*compare.Provision) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Label
	}
	return out
}

func joined(ps []*compare.Provision) string {
	texts := make([]string, len(ps))
	for i, p := range ps {
		texts[i] = p.Text
	}
	return strings.Join(texts, " ")
}

func stanceOf(sides ...[]*compare.Provision) compare.Stance {
	for _, ps := range sides {
		for _, p := range ps {
			if p.Stance == compare.Demand {
				return compare.Demand
			}
		}
	}
	for _, ps := range sides {
		for _, p := range ps {
			if p.Stance != "" {
				return p.Stance
			}
		}
	}
	return ""
}

func topicOf(sides ...[]*compare.Provision) compare.Topic {
	for _, ps := range sides {
		for _, p := range ps {
			if len(p.Topics) > 0 {
				return p.Topics[0]
			}
		}
	}
	return ""
}

// labelSpans starts a cell with the provisions' labels in bold.
func labelSpans(ps []*compare.Provision) []span {
	if len(ps) == 0 {
		return nil
	}
	return []span{{Text: strings.Join(labels(ps), " + ") + "  ", Style: labelSpan}}
}

func cellPlain(ps []*compare.Provision) []span {
	if len(ps) == 0 {
		return nil
	}
	return append(labelSpans(ps), span{Text: joined(ps)})
}

// cellFromDiff draws one side of a word diff: the equal pieces plain and the
// pieces of op (Delete for the left, Insert for the right) in style.
func cellFromDiff(ps []*compare.Provision, diff []compare.Piece, op compare.Op, style spanStyle) []span {
	out := labelSpans(ps)
	for _, p := range diff {
		switch p.Op {
		case compare.Equal:
			out = append(out, span{Text: p.Text})
		case op:
			out = append(out, span{Text: p.Text, Style: style})
		}
	}
	return out
}

// cellShared draws a text with the shared terms marked, matching whole words
// case-insensitively.
func cellShared(ps []*compare.Provision, terms []string) []span {
	if len(ps) == 0 {
		return nil
	}
	out := labelSpans(ps)
	text := joined(ps)
	if len(terms) == 0 {
		return append(out, span{Text: text})
	}
	want := map[string]bool{}
	for _, t := range terms {
		want[strings.ToLower(t)] = true
	}
	var plain strings.Builder
	for _, w := range strings.SplitAfter(text, " ") {
		core := strings.TrimSpace(w)
		bare := strings.ToLower(strings.Trim(core, ".,;:!?()\"«»“”'’"))
		if bare != "" && want[bare] {
			if plain.Len() > 0 {
				out = append(out, span{Text: plain.String()})
				plain.Reset()
			}
			out = append(out, span{Text: core, Style: sharedSpan})
			plain.WriteString(w[len(core):])
			continue
		}
		plain.WriteString(w)
	}
	if plain.Len() > 0 {
		out = append(out, span{Text: plain.String()})
	}
	return out
}

// notesFor returns the notes on the row's provisions: provision notes, and
// row notes whose other document is the other side of this comparison.
func notesFor(notes []compare.Note, left, right *compare.Document, ll, rl []string) []compare.Note {
	var out []compare.Note
	for _, n := range notes {
		switch {
		case n.Document == left.ID && slices.Contains(ll, n.Label) && (n.Other == 0 || n.Other == right.ID):
			out = append(out, n)
		case n.Document == right.ID && slices.Contains(rl, n.Label) && (n.Other == 0 || n.Other == left.ID):
			out = append(out, n)
		}
	}
	return out
}

// apply sets the filter and recomputes the visible rows.
func (m *rowModel) apply(f rowFilter) {
	m.filter = f
	m.visible = m.visible[:0]
	for i := range m.rows {
		if m.matches(i, f) {
			m.visible = append(m.visible, i)
		}
	}
}

func (m *rowModel) matches(i int, f rowFilter) bool {
	v := &m.rows[i]
	if f.Topic != "" && !m.hasTopic(i, f.Topic) {
		return false
	}
	if f.DemandsOnly && !m.hasStance(i, compare.Demand) {
		return false
	}
	switch f.Status {
	case DifferencesOnly:
		return v.Different
	case OneSidedOnly:
		return v.Kind == compare.LeftOnly || v.Kind == compare.RightOnly
	case PairedOnly:
		return v.Kind == compare.Paired || v.Kind == compare.Unrelated
	}
	return true
}

func (m *rowModel) sides(i int) [][]*compare.Provision {
	r := m.cmp.Rows[m.rows[i].Row]
	return [][]*compare.Provision{provisions(&m.cmp.Left, r.Left), provisions(&m.cmp.Right, r.Right)}
}

func (m *rowModel) hasTopic(i int, t compare.Topic) bool {
	if m.rows[i].Topic == t {
		return true
	}
	for _, ps := range m.sides(i) {
		for _, p := range ps {
			if slices.Contains(p.Topics, t) {
				return true
			}
		}
	}
	return false
}

func (m *rowModel) hasStance(i int, s compare.Stance) bool {
	for _, ps := range m.sides(i) {
		for _, p := range ps {
			if p.Stance == s {
				return true
			}
		}
	}
	return false
}

// len returns the number of visible rows.
func (m *rowModel) len() int { return len(m.visible) }

// at returns the visible row i.
func (m *rowModel) at(i int) *rowView { return &m.rows[m.visible[i]] }

// nextDifference returns the visible index of the next row (dir > 0) or the
// previous one (dir < 0) after from that differs, or -1 if there is none.
func (m *rowModel) nextDifference(from, dir int) int {
	if dir == 0 {
		dir = 1
	}
	for i := from + dir; i >= 0 && i < len(m.visible); i += dir {
		if m.at(i).Different {
			return i
		}
	}
	return -1
}

// find returns the visible index of the row holding the provision label on
// the left (side 0) or right (side 1), or -1.
func (m *rowModel) find(side int, label string) int {
	for i := range m.visible {
		v := m.at(i)
		ls := v.LeftLabels
		if side == 1 {
			ls = v.RightLabels
		}
		if slices.Contains(ls, label) {
			return i
		}
	}
	return -1
}

// closeness describes the row's similarity for the indicator.
func (v *rowView) closeness() string {
	switch v.Kind {
	case compare.LeftOnly, compare.RightOnly:
		return "one side"
	}
	return fmt.Sprintf("%d%% alike", int(v.Similarity*100+0.5))
}
