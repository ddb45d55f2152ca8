package compare

import "math"

// Synonyms: two provisions that say one thing in other words ("the border
// is demarcated" and "the frontier is delimited") share few stems and few
// n-grams. The general thesaurus (see thesaurus) joins such words. The
// synonym evidence of a pair is the IDF-weighted share of the content
// words of both provisions that have a synonym of another stem in the
// other provision (a Dice coefficient over words matched by synonymy only:
// a word both provisions use is the word evidence's).

// synWord is a content word of a provision that the thesaurus knows.
type synWord struct {
	stem   int32   // its id in the extractor's words
	idf    float64 // its inverse document frequency, as the word evidence weighs it
	groups []int32 // its synonym groups
}

// synProvision is the synonym evidence of one provision.
type synProvision struct {
	words []synWord
	total float64 // the IDF of all its distinct content words
}

// synonymProvisions builds the synonym evidence of provisions from their
// compacted word bags; idf gives a stem id's weight.
func synonymProvisions(x *extractor, words []bag, idf func(id int32) float64) []synProvision {
	out := make([]synProvision, len(words))
	for i, b := range words {
		p := &out[i]
		for _, id := range b.ids {
			w := idf(id)
			p.total += w
			if gs := x.groupsOf[id]; len(gs) > 0 {
				p.words = append(p.words, synWord{stem: id, idf: w, groups: gs})
			}
		}
	}
	return out
}

// synEntry is one known word of one provision in a synonymIndex.
type synEntry struct {
	doc, stem int32
	idf       float64
}

// synonymIndex lists, per synonym group, the words of a set of provisions
// in it.
type synonymIndex struct {
	entries []synEntry
	byGroup map[int32][]int32 // group → indices of entries
	total   []float64
}

func newSynonymIndex(ps []synProvision) *synonymIndex {
	x := &synonymIndex{byGroup: map[int32][]int32{}, total: make([]float64, len(ps))}
	for j, p := range ps {
		x.total[j] = p.total
		for _, w := range p.words {
			e := int32(len(x.entries))
			x.entries = append(x.entries, synEntry{doc: int32(j), stem: w.stem, idf: w.idf})
			for _, g := range w.groups {
				x.byGroup[g] = append(x.byGroup[g], e)
			}
		}
	}
	return x
}

// synScratch is the working space of synonymIndex.row for one goroutine.
type synScratch struct {
	num                  []float64
	docMark, entryMark   []int32 // stamps: the word of p, the provision, last counted
	docStamp, entryStamp int32
}

// row sets row[j] to the synonym evidence of p and the j-th provision
// indexed.
func (x *synonymIndex) row(p synProvision, row []float64, s *synScratch) {
	clear(row)
	if len(p.words) == 0 {
		return
	}
	if s.num == nil {
		s.num = make([]float64, len(row))
		s.docMark = make([]int32, len(row))
		s.entryMark = make([]int32, len(x.entries))
	}
	clear(s.num)
	s.entryStamp++
	for _, w := range p.words {
		s.docStamp++
		for _, g := range w.groups {
			for _, e := range x.byGroup[g] {
				en := x.entries[e]
				if en.stem == w.stem {
					continue
				}
				if s.docMark[en.doc] != s.docStamp {
					s.docMark[en.doc] = s.docStamp
					s.num[en.doc] += w.idf
				}
				if s.entryMark[e] != s.entryStamp {
					s.entryMark[e] = s.entryStamp
					s.num[en.doc] += en.idf
				}
			}
		}
	}
	for j, n := range s.num {
		if n > 0 {
			row[j] = min(1, n/math.Max(p.total+x.total[j], 1e-9))
		}
	}
}
