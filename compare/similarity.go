package compare

import (
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Similarity between provisions combines four kinds of evidence, each a
// cosine or overlap in [0,1]:
//
//   - character n-grams (3 to 5 letters, within words), weighted by TF-IDF
//     over both documents: survives inflection and small rewording;
//   - word stems (words cut to their first stemLen letters), TF-IDF with
//     the document frequencies of a background of negotiation texts added
//     (see background): rewards shared, distinctive vocabulary;
//   - concepts from the lexicon (prisoners, ceasefire, reparations…), IDF
//     weighted: survives paraphrase and crosses languages;
//   - topics: the Jaccard overlap of the provisions' topic sets;
//   - synonyms: the IDF-weighted share of the words of both provisions
//     that have a synonym of another stem in the other (see synonyms.go):
//     a bonus added on top, for the rewording the lexicon does not know;
//     the share is small (a few words in a provision), so is the bonus.
//
// Texts in one language lean on the words; texts in two languages share no
// words, so concepts and topics carry the whole weight. The lexicon knows
// the 2025 negotiations: on another subject (a dam, a trade dispute) it
// names few concepts, so concepts and topics weigh by how well it covers the
// two documents (see conceptDensity), and a kind of evidence neither
// provision of a pair has does not count at all.

// weights are the weights of the kinds of evidence in a provision pair's
// similarity: in one language, and across two.
var weights = struct {
	char, word, concept, topic, synonym float64
	conceptCross, topicCross            float64
}{
	char: 0.38, word: 0.19, concept: 0.38, topic: 0.05, synonym: 0.25,
	conceptCross: 0.85, topicCross: 0.15,
}

// stemLen is the most letters of a word stem that count.
const stemLen = 6

// conceptDensity is the mean number of concepts per provision at which the
// lexicon is taken to cover two documents fully (in the sample corpus it
// is over 2; in a negotiation on another subject, well under 1).
const conceptDensity = 2.0

// conceptMinNorm is the least length of a concept vector before it is
// made unit length: a provision that names one common concept (df high)
// then counts for less than one that names a rare one, instead of being
// identical to every other provision naming it.
const conceptMinNorm = 1.5

// backgroundWeight is how many provisions the background word frequencies
// (see background) count for, next to those of the two documents.
const backgroundWeight = 50.0

// sparse is a sparse feature vector, sorted by feature id, unit length.
type sparse struct {
	ids []int32
	val []float64
}

// features holds the vectors of one document's provisions.
type features struct {
	char, word, concept []sparse
	syn                 []synProvision
	topics              [][]Topic
	named               []int    // how many concepts of the lexicon the provision names
	lang                []string // the language of each provision
}

// vocabulary assigns feature ids.
type vocabulary map[string]int32

func (v vocabulary) id(s string) int32 {
	id, ok := v[s]
	if !ok {
		id = int32(len(v))
		v[s] = id
	}
	return id
}

// similarityText is the text a provision is compared by: its own words,
// and its heading when its own words are few and name no concept ("Option
// two, a package of measures:" under "Terms of a ceasefire"). The words of
// its sub-items count too, at childWeight, so that a parent stands for its
// list (see vectorize).
func similarityText(d *Document, i int) string {
	p := d.Provisions[i]
	if len(strings.Fields(p.Text)) < 8 && p.Heading != "" && len(conceptCounts(p.Text)) == 0 {
		return p.Text + " " + headingWords(p.Heading)
	}
	return p.Text
}

// listWeight is how much the words of a provision's sub-items count
// towards the features of the parent when it stands for its whole list.
const listWeight = 0.3

// headingWords drops a heading's numbering ("II. Terms" → "Terms").
func headingWords(h string) string {
	f := strings.Fields(h)
	if len(f) > 1 && strings.HasSuffix(f[0], ".") {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// stopwords are the function words left out of the word and n-gram features.
var stopwords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the and for are its with from that this all any not which into their other also such them they
		was were been has have had will would shall may can each every both into onto over under after before than then there these those
		what who whom whose where when while being only its own our your one two
		и в во на с со по за из к ко о об от до для при не ни что как его ее её их это этот эта эти все всех или также а но же же ли бы
		і й та в у на з зі по за із до для при не ні що як його її їх це цей ця ці всі всіх або також а але ж чи б`) {
		m[w] = true
	}
	return m
})

// stems returns the content words of text, without their endings
// (stemWord) and cut to stemLen letters.
func stems(text string) []string {
	var out []string
	for _, w := range lexWords(text) {
		w = strings.Trim(w, "'")
		if utf8.RuneCountInString(w) < 3 || stopwords()[w] {
			continue
		}
		w = stemWord(w)
		if r := []rune(w); len(r) > stemLen {
			w = string(r[:stemLen])
		}
		out = append(out, w)
	}
	return out
}

// gramVocabulary assigns ids to character n-grams by their hash, so that
// no string is made for an n-gram.
type gramVocabulary map[uint64]int32

// charGramsOf adds weight to m for each 3- to 5-letter n-gram of word w,
// with its boundaries marked; r is scratch space, which it returns.
func charGramsOf(m *bag, w string, v gramVocabulary, weight float64, r []rune) []rune {
	r = append(r[:0], ' ')
	r = append(r, []rune(w)...)
	r = append(r, ' ')
	for n := 3; n <= 5; n++ {
		for i := 0; i+n <= len(r); i++ {
			h := uint64(14695981039346656037)
			for _, c := range r[i : i+n] {
				h ^= uint64(c)
				h *= 1099511628211
			}
			h ^= uint64(n) << 56
			id, ok := v[h]
			if !ok {
				id = int32(len(v))
				v[h] = id
			}
			m.add(id, weight)
		}
	}
	return r
}

// numbers returns the numbers in text, without their thousands separators:
// runs of digits, each followed by any groups of three digits after a
// space, comma, point or (narrow) no-break space ("600,000", "1 000").
func numbers(text string) []string {
	var out []string
	digit := func(i int) bool { return i < len(text) && text[i] >= '0' && text[i] <= '9' }
	for i := 0; i < len(text); {
		if !digit(i) {
			i++
			continue
		}
		var b []byte
		for digit(i) {
			b = append(b, text[i])
			i++
		}
		for {
			r, size := utf8.DecodeRuneInString(text[i:])
			if i >= len(text) || !strings.ContainsRune(" ,.\u00a0\u202f", r) ||
				!digit(i+size) || !digit(i+size+1) || !digit(i+size+2) {
				break
			}
			b = append(b, text[i+size:i+size+3]...)
			i += size + 3
		}
		out = append(out, string(b))
	}
	return out
}

// bag is a multiset of features under construction: ids with weights,
// sorted and merged by compact.
type bag struct {
	ids []int32
	w   []float64
}

func (b *bag) add(id int32, w float64) {
	b.ids = append(b.ids, id)
	b.w = append(b.w, w)
}

// compact sorts the bag by id and merges repeated ids.
func (b *bag) compact() {
	// Sort (id, position) packed in one integer: no comparison function.
	keys := make([]uint64, len(b.ids))
	for i, id := range b.ids {
		keys[i] = uint64(uint32(id))<<32 | uint64(i)
	}
	slices.Sort(keys)
	ids := make([]int32, 0, len(b.ids))
	w := make([]float64, 0, len(b.ids))
	for _, k := range keys {
		id, i := int32(k>>32), int(uint32(k))
		if n := len(ids); n > 0 && ids[n-1] == id {
			w[n-1] += b.w[i]
			continue
		}
		ids = append(ids, id)
		w = append(w, b.w[i])
	}
	b.ids, b.w = ids, w
}

// merged returns the compacted bags a and b together, with the weights of
// b times wb.
func merged(a, b bag, wb float64) bag {
	out := bag{ids: make([]int32, 0, len(a.ids)+len(b.ids)), w: make([]float64, 0, len(a.ids)+len(b.ids))}
	i, j := 0, 0
	for i < len(a.ids) || j < len(b.ids) {
		switch {
		case j == len(b.ids) || i < len(a.ids) && a.ids[i] < b.ids[j]:
			out.add(a.ids[i], a.w[i])
			i++
		case i == len(a.ids) || b.ids[j] < a.ids[i]:
			out.add(b.ids[j], wb*b.w[j])
			j++
		default:
			out.add(a.ids[i], a.w[i]+wb*b.w[j])
			i++
			j++
		}
	}
	return out
}

// tfidf turns compacted bags into TF-IDF vectors of unit length, or
// shorter when their length is under minNorm; df counts the provisions that
// have each feature, n is their number.
func tfidf(bags []bag, df []float64, n float64, minNorm float64, common []float64) []sparse {
	out := make([]sparse, len(bags))
	for i, b := range bags {
		s := sparse{ids: b.ids, val: make([]float64, len(b.ids))}
		var norm float64
		for k, id := range b.ids {
			w := math.Log1p(b.w[k]) * math.Log(1+n/df[id]) * common[id]
			s.val[k] = w
			norm += w * w
		}
		if norm > 0 {
			norm = max(math.Sqrt(norm), minNorm)
			for k := range s.val {
				s.val[k] /= norm
			}
		}
		out[i] = s
	}
	return out
}

// pairCommon returns, per feature, the factor its weight is multiplied by
// for the pair of documents: a feature found in a large share of the
// provisions of both (a formula the two repeat, "particular districts of
// the … regions") links many provisions to many and tells none apart, so
// it counts the less the larger the smaller of its two shares is, beyond
// commonShare; a feature only one provision of a side has is
// never common (in a short document any shared word is a large share).
// dfL counts the left provisions having each feature, df
// those of both; nl and nr are the numbers of provisions.
func pairCommon(dfL, df []float64, nl, nr int) []float64 {
	out := make([]float64, len(df))
	for id := range df {
		out[id] = 1
		if nl == 0 || nr == 0 {
			continue
		}
		dfR := df[id] - dfL[id]
		share := min(dfL[id]/float64(nl), dfR/float64(nr))
		if min(dfL[id], dfR) >= 2 && share > commonShare {
			out[id] = commonShare / share
		}
	}
	return out
}

// commonShare is the share of the provisions of both documents above which
// a feature counts for less (see pairCommon).
var commonShare = 0.16

// featureCount returns one more than the largest feature id in use.
func featureCount(sets ...[]bag) int {
	n := int32(0)
	for _, set := range sets {
		for _, b := range set {
			if k := len(b.ids); k > 0 {
				n = max(n, b.ids[k-1]+1)
			}
		}
	}
	return int(n)
}

// childTexts returns the joined texts of each provision's sub-items.
func childTexts(d *Document) []string {
	li := labelIndex(d)
	parts := make([][]string, len(d.Provisions))
	for _, p := range d.Provisions {
		if i, ok := li[p.Parent]; ok && p.Parent != "" {
			parts[i] = append(parts[i], p.Text)
		}
	}
	out := make([]string, len(d.Provisions))
	for i, ps := range parts {
		out[i] = strings.Join(ps, " ")
	}
	return out
}

// docFreq counts, per feature, the vectors that have it.
func docFreq(df []float64, bags []bag) {
	for _, b := range bags {
		for _, id := range b.ids {
			df[id]++
		}
	}
}

// extractor turns texts into feature ids over vocabularies shared by the
// two documents of a comparison. It remembers the n-grams and the stem of
// each word it has seen: words repeat.
type extractor struct {
	grams    gramVocabulary
	words    vocabulary
	numbers  vocabulary
	gramsOf  map[string][]int32
	stemOf   map[string]string // "" for a word stems leaves out
	groupsOf map[int32][]int32 // word id → its synonym groups (see thesaurus)
}

func newExtractor() *extractor {
	return &extractor{grams: gramVocabulary{}, words: vocabulary{}, numbers: vocabulary{},
		gramsOf: map[string][]int32{}, stemOf: map[string]string{}, groupsOf: map[int32][]int32{}}
}

// textFeatures are the features of one text, as compacted bags of counts.
type textFeatures struct {
	grams, words, concepts bag
	named                  int // concepts of the lexicon, without numbers
}

// text extracts the features of text: the n-grams of its words but
// stopwords (charGramsOf), its stems (as stems makes them), its concepts
// and, if withNumbers, its numbers, language-neutral concepts whose ids
// follow the lexicon's ("30 days", "100 дней").
func (x *extractor) text(text string, withNumbers bool) textFeatures {
	words := lexWords(text)
	var f textFeatures
	for _, w := range words {
		if !stopwords()[w] {
			for _, id := range x.wordGrams(w) {
				f.grams.add(id, 1)
			}
		}
		if st := x.stem(w); st != "" {
			id := x.words.id(st)
			if _, ok := x.groupsOf[id]; !ok {
				x.groupsOf[id] = thesaurus()[st]
			}
			f.words.add(id, 1)
		}
	}
	counts := conceptsIn(words)
	f.named = len(counts)
	for c, k := range counts {
		f.concepts.add(int32(c), float64(k))
	}
	if withNumbers {
		seen := map[string]bool{}
		for _, n := range numbers(text) {
			if !seen[n] {
				seen[n] = true
				f.concepts.add(int32(len(concepts))+x.numbers.id(n), 1)
			}
		}
	}
	f.grams.compact()
	f.words.compact()
	f.concepts.compact()
	return f
}

// wordGrams returns the ids of the n-grams of one word (see charGramsOf).
func (x *extractor) wordGrams(w string) []int32 {
	if ids, ok := x.gramsOf[w]; ok {
		return ids
	}
	var b bag
	charGramsOf(&b, w, x.grams, 1, make([]rune, 0, 32))
	x.gramsOf[w] = b.ids
	return b.ids
}

// stem returns the stem of a word of lexWords as stems makes it, or "".
func (x *extractor) stem(w string) string {
	if st, ok := x.stemOf[w]; ok {
		return st
	}
	st := strings.Trim(w, "'")
	if utf8.RuneCountInString(st) < 3 || stopwords()[st] {
		st = ""
	} else {
		st = stemWord(st)
		if r := []rune(st); len(r) > stemLen {
			st = string(r[:stemLen])
		}
	}
	x.stemOf[w] = st
	return st
}

// preparedDoc holds the features of a document's provisions that do not
// depend on how much sub-items count.
type preparedDoc struct {
	own, kids []textFeatures // kids: of the joined sub-items, if any
	hasKids   []bool
	topics    [][]Topic
	lang      []string
}

func (x *extractor) prepare(d *Document) *preparedDoc {
	n := len(d.Provisions)
	p := &preparedDoc{own: make([]textFeatures, n), kids: make([]textFeatures, n), hasKids: make([]bool, n),
		topics: make([][]Topic, n), lang: make([]string, n)}
	kidsOf := childTexts(d)
	for i, pr := range d.Provisions {
		p.own[i] = x.text(similarityText(d, i), true)
		if kidsOf[i] != "" {
			p.kids[i], p.hasKids[i] = x.text(kidsOf[i], false), true
		}
		p.topics[i] = pr.Topics
		p.lang[i] = DetectLanguage(pr.Text)
	}
	return p
}

// vectorize builds the features of both documents, with the features of
// sub-items weighted by childWeight in their parents'.
func vectorize(x *extractor, left, right *preparedDoc, childWeight float64) (l, r features) {
	build := func(d *preparedDoc) (ch, wd, co []bag, f features) {
		n := len(d.own)
		ch, wd, co = make([]bag, n), make([]bag, n), make([]bag, n)
		f.topics, f.lang = d.topics, d.lang
		f.named = make([]int, n)
		for i, own := range d.own {
			f.named[i] = own.named
			ch[i], wd[i], co[i] = own.grams, own.words, own.concepts
			if d.hasKids[i] && childWeight > 0 {
				kids := d.kids[i]
				ch[i] = merged(own.grams, kids.grams, childWeight)
				wd[i] = merged(own.words, kids.words, childWeight)
				co[i] = merged(own.concepts, kids.concepts, childWeight)
			}
		}
		return ch, wd, co, f
	}
	lch, lwd, lco, l := build(left)
	rch, rwd, rco, r := build(right)
	n := len(lch) + len(rch)
	for k, kind := range []struct {
		lc, rc []bag
		ls, rs *[]sparse
	}{{lch, rch, &l.char, &r.char}, {lwd, rwd, &l.word, &r.word}, {lco, rco, &l.concept, &r.concept}} {
		nf := featureCount(kind.lc, kind.rc)
		df, dfL := make([]float64, nf), make([]float64, nf)
		docFreq(dfL, kind.lc)
		copy(df, dfL)
		docFreq(df, kind.rc)
		common := pairCommon(dfL, df, len(kind.lc), len(kind.rc))
		total, minNorm := float64(n), 0.0
		switch k {
		case 1:
			// Two documents are too few to tell a common word from a
			// distinctive one: the background counts as backgroundWeight
			// provisions more.
			bg := background()
			for w, id := range x.words {
				if int(id) < len(df) {
					df[id] += backgroundWeight * bg.share[w]
				}
			}
			total += backgroundWeight
			idf := func(id int32) float64 { return math.Log(1 + total/df[id]) }
			own := func(d *preparedDoc) []bag {
				out := make([]bag, len(d.own))
				for i, f := range d.own {
					out[i] = f.words
				}
				return out
			}
			l.syn, r.syn = synonymProvisions(x, own(left), idf), synonymProvisions(x, own(right), idf)
		case 2:
			minNorm = conceptMinNorm
		}
		*kind.ls = tfidf(kind.lc, df, total, minNorm, common)
		*kind.rs = tfidf(kind.rc, df, total, minNorm, common)
	}
	return l, r
}

// invertedIndex lists, per feature, the vectors of a set that have it, so
// that the dot products of a vector with the whole set cost nothing for the
// vectors it shares no feature with.
type invertedIndex struct {
	start    []int32 // the postings of feature f are postings[start[f]:start[f+1]]
	postings []posting
}

type posting struct {
	doc int32
	val float64
}

func newInvertedIndex(vectors []sparse) *invertedIndex {
	features := 0
	for _, v := range vectors {
		if k := len(v.ids); k > 0 {
			features = max(features, int(v.ids[k-1])+1)
		}
	}
	start := make([]int32, features+1)
	for _, v := range vectors {
		for _, id := range v.ids {
			start[id+1]++
		}
	}
	for f := 0; f < features; f++ {
		start[f+1] += start[f]
	}
	x := &invertedIndex{start: start, postings: make([]posting, start[features])}
	next := append([]int32(nil), start[:features]...)
	for j, v := range vectors {
		for k, id := range v.ids {
			x.postings[next[id]] = posting{int32(j), v.val[k]}
			next[id]++
		}
	}
	return x
}

// dots sets row[j] to the dot product of v with the j-th vector indexed.
func (x *invertedIndex) dots(v sparse, row []float64) {
	clear(row)
	for k, id := range v.ids {
		if int(id)+1 >= len(x.start) {
			break // ids are sorted: none further is indexed
		}
		w := v.val[k]
		for _, p := range x.postings[x.start[id]:x.start[id+1]] {
			row[p.doc] += w * p.val
		}
	}
}

// matrix returns a zero rows × cols matrix in one allocation.
func matrix(rows, cols int) [][]float64 {
	cells := make([]float64, rows*cols)
	out := make([][]float64, rows)
	for i := range out {
		out[i] = cells[i*cols : (i+1)*cols : (i+1)*cols]
	}
	return out
}

// topicSet is a provision's topics as a bit set over the topics of two
// documents, or as the list itself when they have more than 64.
type topicSet struct {
	bits uint64
	list []Topic // when the documents have too many topics for bits
}

// topicSets turns the topics of each provision of two documents into sets.
func topicSets(left, right [][]Topic) (l, r []topicSet) {
	bit := map[Topic]int{}
	for _, side := range [][][]Topic{left, right} {
		for _, ts := range side {
			for _, t := range ts {
				if _, ok := bit[t]; !ok {
					bit[t] = len(bit)
				}
			}
		}
	}
	sets := func(side [][]Topic) []topicSet {
		out := make([]topicSet, len(side))
		for i, ts := range side {
			if len(bit) > 64 {
				out[i].list = ts
				continue
			}
			for _, t := range ts {
				out[i].bits |= 1 << bit[t]
			}
		}
		return out
	}
	return sets(left), sets(right)
}

func (s topicSet) empty() bool { return s.bits == 0 && len(s.list) == 0 }

// overlap is the Jaccard overlap of two topic sets.
func (s topicSet) overlap(o topicSet) float64 {
	if s.list != nil || o.list != nil {
		return topicOverlap(s.list, o.list)
	}
	if s.bits == 0 || o.bits == 0 {
		return 0
	}
	return float64(bits.OnesCount64(s.bits&o.bits)) / float64(bits.OnesCount64(s.bits|o.bits))
}

// topicOverlap is the Jaccard overlap of two topic sets.
func topicOverlap(a, b []Topic) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	var both int
	for _, x := range a {
		for _, y := range b {
			if x == y {
				both++
				break
			}
		}
	}
	return float64(both) / float64(len(a)+len(b)-both)
}

// similarity is the matrix of combined similarities of the provisions of
// two documents, with the n-gram part (which tells revisions).
type similarity struct {
	total, char [][]float64
	l, r        features
}

func computeSimilarity(left, right *Document) *similarity {
	x := newExtractor()
	lf, rf := x.prepare(left), x.prepare(right)
	s := combined(x, lf, rf, 0)
	if hasParents(left) || hasParents(right) {
		list := combined(x, lf, rf, listWeight)
		lp, rp := parents(left), parents(right)
		for i := range s.total {
			for j := range s.total[i] {
				if (lp[i] || rp[j]) && list.total[i][j] > s.total[i][j] {
					s.total[i][j] = list.total[i][j]
					s.char[i][j] = list.char[i][j]
				}
			}
		}
	}
	return s
}

func hasParents(d *Document) bool {
	for _, p := range d.Provisions {
		if p.Parent != "" {
			return true
		}
	}
	return false
}

// parents marks the provisions that have sub-items.
func parents(d *Document) map[int]bool {
	li := labelIndex(d)
	m := map[int]bool{}
	for _, p := range d.Provisions {
		if i, ok := li[p.Parent]; ok && p.Parent != "" {
			m[i] = true
		}
	}
	return m
}

// combined computes the similarity matrix with sub-items weighted by
// childWeight in their parents' features.
func combined(x *extractor, left, right *preparedDoc, childWeight float64) *similarity {
	l, r := vectorize(x, left, right, childWeight)
	s := &similarity{l: l, r: r}
	// The lexicon speaks of one domain; how far it covers the two documents
	// says how far its concepts can be trusted to tell provisions apart.
	// It is the mean number of concepts a provision names, over
	// conceptDensity, at most 1; concepts and topics (which come from them)
	// weigh in proportion to its square.
	named := 0
	for _, f := range [][]int{l.named, r.named} {
		for _, k := range f {
			named += k
		}
	}
	coverage := 0.0
	if n := len(l.named) + len(r.named); n > 0 {
		coverage = min(1, float64(named)/float64(n)/conceptDensity)
	}
	wk0, wt0 := weights.concept*coverage*coverage, weights.topic*coverage*coverage
	lt, rt := topicSets(l.topics, r.topics)
	charX, wordX, conX := newInvertedIndex(r.char), newInvertedIndex(r.word), newInvertedIndex(r.concept)
	synX := newSynonymIndex(r.syn)
	nl, nr := len(left.own), len(right.own)
	s.total, s.char = matrix(nl, nr), matrix(nl, nr)
	// Rows are independent: split them among the processors.
	rowsOf := func(from, to int) {
		word, con, syn := make([]float64, nr), make([]float64, nr), make([]float64, nr)
		var scratch synScratch
		for i := from; i < to; i++ {
			char, row := s.char[i], s.total[i]
			charX.dots(l.char[i], char)
			wordX.dots(l.word[i], word)
			conX.dots(l.concept[i], con)
			synX.row(l.syn[i], syn, &scratch)
			for j := range row {
				topic := lt[i].overlap(rt[j])
				if l.lang[i] != r.lang[j] && l.lang[i] != "" && r.lang[j] != "" {
					row[j] = weights.conceptCross*con[j] + weights.topicCross*topic
					continue
				}
				// A kind of evidence that neither provision has (no concept,
				// no topic) says nothing about the pair: the others share
				// its weight.
				wk, wt := wk0, wt0
				if len(l.concept[i].ids) == 0 && len(r.concept[j].ids) == 0 {
					wk = 0
				}
				if lt[i].empty() && rt[j].empty() {
					wt = 0
				}
				ws := weights.synonym
				if len(l.syn[i].words) == 0 && len(r.syn[j].words) == 0 {
					ws = 0
				}
				// Synonyms add to the other evidence rather than share its
				// weight: most pairs have none, and they must not dilute it.
				sum := weights.char + weights.word + wk + wt
				row[j] = min(1, (weights.char*char[j]+weights.word*word[j]+wk*con[j]+wt*topic)/sum+ws*syn[j])
			}
		}
	}
	workers := min(runtime.GOMAXPROCS(0), 4, max(1, nl*nr/parallelCells))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rowsOf(nl*w/workers, nl*(w+1)/workers)
		}()
	}
	wg.Wait()
	return s
}

// parallelCells is the number of provision pairs per goroutine below which
// the similarity matrix is computed on one.
const parallelCells = 50000
