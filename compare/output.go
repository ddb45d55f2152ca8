package compare

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// jsonDocument is one side of a comparison in its JSON form.
type jsonDocument struct {
	Title      string          `json:"title"`
	Party      string          `json:"party"`
	Date       Date            `json:"date"`
	Kind       Kind            `json:"kind,omitempty"`
	Language   string          `json:"language,omitempty"`
	Provisions []jsonProvision `json:"provisions"`
}

type jsonProvision struct {
	Label   string  `json:"label"`
	Text    string  `json:"text"`
	Topics  []Topic `json:"topics"`
	Stance  Stance  `json:"stance,omitempty"`
	Heading string  `json:"heading,omitempty"`
}

type jsonRow struct {
	Left        []string `json:"left"`
	Right       []string `json:"right"`
	Kind        RowKind  `json:"kind"`
	Topic       Topic    `json:"topic,omitempty"`
	Similarity  float64  `json:"similarity"`
	Diff        []Piece  `json:"diff,omitempty"`
	SharedTerms []string `json:"shared_terms,omitempty"`
	Change      Change   `json:"change,omitempty"`
	Manual      bool     `json:"manual,omitempty"`
}

type jsonTopic struct {
	Topic  Topic     `json:"topic"`
	Title  string    `json:"title"`
	Left   []string  `json:"left"`
	Right  []string  `json:"right"`
	Status Closeness `json:"status"`
}

// MarshalJSON writes the comparison as the documented JSON shape: "left" and
// "right" documents with their provisions, "rows" naming provisions by label
// (never null), with topic, similarity and either a word diff or shared
// terms; also "revision" and a "topics" table.
func (c *Comparison) MarshalJSON() ([]byte, error) {
	labels := func(d *Document, idx []int) []string {
		out := make([]string, len(idx))
		for k, i := range idx {
			out[k] = d.Provisions[i].Label
		}
		return out
	}
	out := struct {
		Left     jsonDocument `json:"left"`
		Right    jsonDocument `json:"right"`
		Revision bool         `json:"revision"`
		Rows     []jsonRow    `json:"rows"`
		Topics   []jsonTopic  `json:"topics"`
	}{
		Left:     documentJSON(&c.Left),
		Right:    documentJSON(&c.Right),
		Revision: c.Revision,
		Rows:     make([]jsonRow, len(c.Rows)),
		Topics:   make([]jsonTopic, len(c.Topics)),
	}
	for k, r := range c.Rows {
		out.Rows[k] = jsonRow{
			Left: labels(&c.Left, r.Left), Right: labels(&c.Right, r.Right),
			Kind: r.Kind, Topic: r.Topic, Similarity: float64(int(r.Similarity*1000+0.5)) / 1000,
			Diff: r.Diff, SharedTerms: r.SharedTerms, Change: r.Change, Manual: r.Manual,
		}
	}
	for k, t := range c.Topics {
		out.Topics[k] = jsonTopic{Topic: t.Topic, Title: t.Topic.Title(),
			Left: labels(&c.Left, t.Left), Right: labels(&c.Right, t.Right), Status: t.Status}
	}
	return json.Marshal(out)
}

func documentJSON(d *Document) jsonDocument {
	j := jsonDocument{Title: d.Title, Party: d.Party(), Date: d.Date, Kind: d.Kind, Language: d.Language,
		Provisions: make([]jsonProvision, len(d.Provisions))}
	for i, p := range d.Provisions {
		topics := p.Topics
		if topics == nil {
			topics = []Topic{}
		}
		j.Provisions[i] = jsonProvision{Label: p.Label, Text: p.Text, Topics: topics, Stance: p.Stance, Heading: p.Heading}
	}
	return j
}

// WriteText renders the comparison as two columns of plain text, width
// characters wide in all (at least 40): each row shows the provisions'
// labels and wrapped texts side by side under a line naming the row's
// topic; paired rows show the right side as a word diff, marked
// [-deleted-]{+inserted+}; a side without a provision reads
// "— no counterpart —".
func (c *Comparison) WriteText(w io.Writer, width int) error {
	width = max(width, 40)
	col := (width - 3) / 2
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", fitLine(c.Left.Title+" ("+c.Left.Party()+", "+string(c.Left.Date)+")", width))
	fmt.Fprintf(&b, "  vs %s\n", fitLine(c.Right.Title+" ("+c.Right.Party()+", "+string(c.Right.Date)+")", width-5))
	if c.Revision {
		b.WriteString("  (the right document revises the left)\n")
	}
	rule := strings.Repeat("─", width)
	for _, r := range c.Rows {
		b.WriteString(rule + "\n")
		head := string(r.Kind)
		if r.Topic != "" {
			head = r.Topic.Title() + " · " + head
		}
		if len(r.Left) > 0 && len(r.Right) > 0 {
			head += fmt.Sprintf(" · similarity %.2f", r.Similarity)
		}
		if r.Change != "" {
			head += " · " + string(r.Change)
		}
		if r.Manual {
			head += " · manual"
		}
		b.WriteString(fitLine(head, width) + "\n")
		left := wrap(sideText(&c.Left, r.Left), col)
		var right []string
		if r.Kind == Paired && len(r.Diff) > 0 {
			right = wrap(labelsPrefix(&c.Right, r.Right)+renderDiff(r.Diff), col)
		} else {
			right = wrap(sideText(&c.Right, r.Right), col)
		}
		if r.Kind == Unrelated && len(r.SharedTerms) > 0 {
			right = append(right, wrap("shared: "+strings.Join(r.SharedTerms, ", "), col)...)
		}
		for k := 0; k < max(len(left), len(right)); k++ {
			var l, rr string
			if k < len(left) {
				l = left[k]
			}
			if k < len(right) {
				rr = right[k]
			}
			b.WriteString(strings.TrimRight(pad(l, col)+" │ "+rr, " ") + "\n")
		}
	}
	b.WriteString(rule + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

const noCounterpartText = "— no counterpart —"

func sideText(d *Document, idx []int) string {
	if len(idx) == 0 {
		return noCounterpartText
	}
	parts := make([]string, len(idx))
	for k, i := range idx {
		parts[k] = d.Provisions[i].Label + " " + d.Provisions[i].Text
	}
	return strings.Join(parts, "\n")
}

func labelsPrefix(d *Document, idx []int) string {
	parts := make([]string, len(idx))
	for k, i := range idx {
		parts[k] = d.Provisions[i].Label
	}
	return strings.Join(parts, ", ") + " "
}

func renderDiff(pieces []Piece) string {
	var b strings.Builder
	WriteDiff(&b, pieces) // a strings.Builder never fails
	return b.String()
}

// wrap breaks text into lines of at most width characters at spaces
// (longer words are cut), keeping its own line breaks.
func wrap(text string, width int) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		var line []rune
		for _, word := range strings.Fields(para) {
			wr := []rune(word)
			for len(wr) > width {
				if len(line) > 0 {
					lines = append(lines, string(line))
					line = nil
				}
				lines = append(lines, string(wr[:width]))
				wr = wr[width:]
			}
			switch {
			case len(line) == 0:
				line = wr
			case len(line)+1+len(wr) <= width:
				line = append(append(line, ' '), wr...)
			default:
				lines = append(lines, string(line))
				line = wr
			}
		}
		lines = append(lines, string(line))
	}
	return lines
}

func pad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

func fitLine(s string, width int) string {
	r := []rune(s)
	if len(r) <= width {
		return s
	}
	return string(r[:width-1]) + "…"
}

// RowStatusFilter selects rows by what they show.
type RowStatusFilter string

// The row filters.
const (
	AllRows     RowStatusFilter = ""            // every row
	Differences RowStatusFilter = "differences" // rows that are not identical on both sides
	OneSided    RowStatusFilter = "one-sided"   // rows with no counterpart
	PairedRows  RowStatusFilter = "paired"      // rows with provisions on both sides
)

// Filter selects rows of a comparison. The zero value selects every row.
type Filter struct {
	Topic       Topic           // only rows on this topic ("" for all)
	DemandsOnly bool            // only rows where a provision is a demand
	Status      RowStatusFilter // only rows of this status
}

// Filter returns the indexes of the rows that f selects, in order. A row is
// on a topic when it is the row's topic or a topic of one of its provisions.
func (c *Comparison) Filter(f Filter) []int {
	out := []int{}
	for k, r := range c.Rows {
		if f.Topic != "" && !c.rowHasTopic(r, f.Topic) {
			continue
		}
		if f.DemandsOnly && !c.rowHasStance(r, Demand) {
			continue
		}
		switch f.Status {
		case Differences:
			if c.identical(r) {
				continue
			}
		case OneSided:
			if len(r.Left) > 0 && len(r.Right) > 0 {
				continue
			}
		case PairedRows:
			if len(r.Left) == 0 || len(r.Right) == 0 {
				continue
			}
		}
		out = append(out, k)
	}
	return out
}

func (c *Comparison) rowProvisions(r Row) []Provision {
	var ps []Provision
	for _, i := range r.Left {
		ps = append(ps, c.Left.Provisions[i])
	}
	for _, j := range r.Right {
		ps = append(ps, c.Right.Provisions[j])
	}
	return ps
}

func (c *Comparison) rowHasTopic(r Row, t Topic) bool {
	if r.Topic == t {
		return true
	}
	for _, p := range c.rowProvisions(r) {
		for _, x := range p.Topics {
			if x == t {
				return true
			}
		}
	}
	return false
}

func (c *Comparison) rowHasStance(r Row, s Stance) bool {
	for _, p := range c.rowProvisions(r) {
		if p.Stance == s {
			return true
		}
	}
	return false
}

// identical reports whether a row holds the same text on both sides.
func (c *Comparison) identical(r Row) bool {
	if len(r.Left) == 0 || len(r.Right) == 0 {
		return false
	}
	return Normalize(joinTexts(&c.Left, r.Left)) == Normalize(joinTexts(&c.Right, r.Right))
}

// Swap returns the comparison seen from the other side: the right document
// becomes the left, diffs run the other way, deletions become additions and
// only-left topics only-right. Rows are put in the new left document's
// order. c is not changed.
func (c *Comparison) Swap() *Comparison {
	s := &Comparison{Left: c.Right, Right: c.Left, Revision: c.Revision}
	s.Rows = make([]Row, len(c.Rows))
	for k, r := range c.Rows {
		n := r
		n.Left, n.Right = r.Right, r.Left
		switch r.Kind {
		case LeftOnly:
			n.Kind = RightOnly
		case RightOnly:
			n.Kind = LeftOnly
		}
		switch r.Change {
		case Deleted:
			n.Change = Added
		case Added:
			n.Change = Deleted
		}
		if r.Diff != nil {
			n.Diff = make([]Piece, len(r.Diff))
			for p, piece := range r.Diff {
				switch piece.Op {
				case Delete:
					piece.Op = Insert
				case Insert:
					piece.Op = Delete
				}
				n.Diff[p] = piece
			}
			n.Diff = insertsAfterDeletes(n.Diff)
		}
		n.SharedTerms = append([]string(nil), r.SharedTerms...)
		s.Rows[k] = n
	}
	s.Rows = orderRows(s.Rows, len(s.Right.Provisions))
	s.Topics = make([]TopicSummary, len(c.Topics))
	for k, t := range c.Topics {
		n := TopicSummary{Topic: t.Topic, Left: t.Right, Right: t.Left, Status: t.Status}
		switch t.Status {
		case OnlyLeft:
			n.Status = OnlyRight
		case OnlyRight:
			n.Status = OnlyLeft
		}
		s.Topics[k] = n
	}
	return s
}

// insertsAfterDeletes puts each deletion before the insertion it follows,
// the order WordDiff uses.
func insertsAfterDeletes(ps []Piece) []Piece {
	for k := 1; k < len(ps); k++ {
		if ps[k].Op == Delete && ps[k-1].Op == Insert {
			ps[k], ps[k-1] = ps[k-1], ps[k]
		}
	}
	return ps
}
