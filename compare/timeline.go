package compare

import (
	"sort"
)

// Standing is where one party stands at a date: its latest document on or
// before that date, the one before it, and the topics the latest added to or
// dropped from the previous one.
type Standing struct {
	Party         string    `json:"party"`
	Document      *Document `json:"document"`
	Previous      *Document `json:"previous"`
	TopicsAdded   []Topic   `json:"topics_added"`
	TopicsDropped []Topic   `json:"topics_dropped"`
}

// PositionsAt returns each party's position at date at, in the order of
// parties. A document written jointly by several parties counts for each of
// them. Documents of kind statement are skipped: they are not positions.
// The returned documents point into docs.
func PositionsAt(parties []Party, docs []Document, at Date) []Standing {
	out := make([]Standing, len(parties))
	for i, p := range parties {
		out[i] = Standing{Party: p.Name, TopicsAdded: []Topic{}, TopicsDropped: []Topic{}}
		var latest, previous *Document
		for j := range docs {
			d := &docs[j]
			if d.Date > at || d.Kind == StatementKind || !d.HasParty(p.Name) {
				continue
			}
			if latest == nil || later(d, latest) {
				latest, previous = d, latest
			} else if previous == nil || later(d, previous) {
				previous = d
			}
		}
		out[i].Document, out[i].Previous = latest, previous
		if latest != nil && previous != nil {
			out[i].TopicsAdded, out[i].TopicsDropped = topicDelta(previous, latest)
		}
	}
	return out
}

// later reports whether a comes after b: by date, then by ID.
func later(a, b *Document) bool {
	if a.Date != b.Date {
		return a.Date > b.Date
	}
	return a.ID > b.ID
}

// DocumentTopics returns the topics any provision of d is tagged with, in
// taxonomy order.
func DocumentTopics(d *Document) []Topic {
	set := map[Topic]bool{}
	for _, p := range d.Provisions {
		for _, t := range p.Topics {
			set[t] = true
		}
	}
	out := []Topic{}
	for _, t := range Topics {
		if set[t] {
			out = append(out, t)
			delete(set, t)
		}
	}
	var rest []Topic
	for t := range set {
		rest = append(rest, t)
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i] < rest[j] })
	return append(out, rest...)
}

// topicDelta returns the topics cur has that prev had not, and the reverse.
func topicDelta(prev, cur *Document) (added, dropped []Topic) {
	has := func(ts []Topic, t Topic) bool {
		for _, x := range ts {
			if x == t {
				return true
			}
		}
		return false
	}
	a, b := DocumentTopics(prev), DocumentTopics(cur)
	added, dropped = []Topic{}, []Topic{}
	for _, t := range b {
		if !has(a, t) {
			added = append(added, t)
		}
	}
	for _, t := range a {
		if !has(b, t) {
			dropped = append(dropped, t)
		}
	}
	return added, dropped
}

// StatementsIn returns the statements dated from from to to inclusive, by
// date (stable for equal dates).
func StatementsIn(stmts []Statement, from, to Date) []Statement {
	var out []Statement
	for _, s := range stmts {
		if s.Date >= from && s.Date <= to {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// Dates returns the distinct dates of all documents and statements, sorted.
func Dates(docs []Document, stmts []Statement) []Date {
	set := map[Date]bool{}
	for _, d := range docs {
		if d.Date != "" {
			set[d.Date] = true
		}
	}
	for _, s := range stmts {
		if s.Date != "" {
			set[s.Date] = true
		}
	}
	out := make([]Date, 0, len(set))
	for d := range set {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// AddDays returns the date n days after d (before it for negative n).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }
