package report

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
	"time"

	"counterpart/assets"
	"counterpart/compare"
)

// fixed is the report date of every test, so that output is reproducible.
var fixed = time.Date(2025, 12, 30, 9, 0, 0, 0, time.UTC)

// corpusDoc parses a document of the embedded sample corpus and tags it.
func corpusDoc(t testing.TB, name string) compare.Document {
	t.Helper()
	src, err := fs.ReadFile(assets.Corpus, path.Join("documents", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := compare.Parse(name, src)
	if err != nil {
		t.Fatal(err)
	}
	compare.Tag(&d)
	return d
}

// corpusStatements parses the sample statements.
func corpusStatements(t testing.TB) []compare.Statement {
	t.Helper()
	src, err := fs.ReadFile(assets.Corpus, "statements.tsv")
	if err != nil {
		t.Fatal(err)
	}
	s, err := compare.ParseStatements("statements.tsv", bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// gold is a gold alignment file of the corpus.
type gold struct {
	Left, Right string
	Pairs       [][2]string
}

// goldComparison builds a comparison by hand from a gold alignment: every
// gold pair becomes a row (paired with a word diff when the words overlap
// enough, unrelated otherwise), every other provision a one-sided row. It
// stands in for compare.Compare so the report is tested on its own.
func goldComparison(t testing.TB, goldFile string) *compare.Comparison {
	t.Helper()
	src, err := os.ReadFile(path.Join("testdata", goldFile))
	if err != nil {
		t.Fatal(err)
	}
	var g gold
	if err := json.Unmarshal(src, &g); err != nil {
		t.Fatal(err)
	}
	l := corpusDoc(t, path.Base(g.Left))
	r := corpusDoc(t, path.Base(g.Right))
	return alignByLabels(&l, &r, g.Pairs)
}

// alignByLabels builds rows from label pairs (each left label at most once).
func alignByLabels(l, r *compare.Document, pairs [][2]string) *compare.Comparison {
	li, ri := index(l), index(r)
	c := &compare.Comparison{Left: *l, Right: *r}
	usedR := map[int]bool{}
	partner := map[int][]int{}
	for _, p := range pairs {
		a, okA := li[p[0]]
		b, okB := ri[p[1]]
		if okA && okB && !usedR[b] {
			partner[a] = append(partner[a], b)
			usedR[b] = true
		}
	}
	for i := range l.Provisions {
		rs := partner[i]
		if len(rs) == 0 {
			c.Rows = append(c.Rows, compare.Row{Left: []int{i}, Kind: compare.LeftOnly, Topic: firstTopic(l.Provisions[i])})
			continue
		}
		var right []string
		for _, k := range rs {
			right = append(right, r.Provisions[k].Text)
		}
		diff := compare.WordDiff(l.Provisions[i].Text, strings.Join(right, " "))
		sim := similarity(diff)
		row := compare.Row{Left: []int{i}, Right: rs, Similarity: sim, Topic: firstTopic(l.Provisions[i])}
		if sim >= 0.3 {
			row.Kind, row.Diff = compare.Paired, diff
		} else {
			row.Kind = compare.Unrelated
			row.SharedTerms = shared(diff)
		}
		c.Rows = append(c.Rows, row)
	}
	for k := range r.Provisions {
		if !usedR[k] {
			c.Rows = append(c.Rows, compare.Row{Right: []int{k}, Kind: compare.RightOnly, Topic: firstTopic(r.Provisions[k])})
		}
	}
	for _, tp := range compare.Topics {
		s := compare.TopicSummary{Topic: tp}
		for i, p := range l.Provisions {
			if hasTopic(p, tp) {
				s.Left = append(s.Left, i)
			}
		}
		for i, p := range r.Provisions {
			if hasTopic(p, tp) {
				s.Right = append(s.Right, i)
			}
		}
		switch {
		case len(s.Left) == 0 && len(s.Right) == 0:
			continue
		case len(s.Right) == 0:
			s.Status = compare.OnlyLeft
		case len(s.Left) == 0:
			s.Status = compare.OnlyRight
		case len(s.Left)+len(s.Right) < 5:
			s.Status = compare.Close
		default:
			s.Status = compare.FarApart
		}
		c.Topics = append(c.Topics, s)
	}
	return c
}

func index(d *compare.Document) map[string]int {
	m := map[string]int{}
	for i, p := range d.Provisions {
		m[p.Label] = i
	}
	return m
}

func firstTopic(p compare.Provision) compare.Topic {
	if len(p.Topics) == 0 {
		return ""
	}
	return p.Topics[0]
}

func hasTopic(p compare.Provision, t compare.Topic) bool {
	for _, x := range p.Topics {
		if x == t {
			return true
		}
	}
	return false
}

// similarity is the share of characters in Equal pieces.
func similarity(diff []compare.Piece) float64 {
	eq, all := 0, 0
	for _, p := range diff {
		n := len(p.Text)
		all += n
		if p.Op == compare.Equal {
			eq += 2 * n
			all += n
		}
	}
	if all == 0 {
		return 0
	}
	return float64(eq) / float64(all)
}

// shared lists the longer words of the Equal pieces.
func shared(diff []compare.Piece) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range diff {
		if p.Op != compare.Equal {
			continue
		}
		for _, w := range strings.Fields(p.Text) {
			w = strings.Trim(strings.ToLower(w), ".,;:()\"'")
			if len([]rune(w)) > 5 && !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}
