package compare

import (
	"sort"
	"strings"
)

// tuning is the calibration of the aligner, tuned on the gold alignments
// of the sample corpus and of testdata (see eval_test.go) and meant to hold
// for any pair of documents.
type tuning struct {
	// noCounterpart is the similarity below which a provision is better left
	// alone than put on a row with another.
	noCounterpart float64
	// attachMin and attachRatio govern one-to-many rows: a provision left
	// alone joins the row of its best counterpart when their similarity is
	// at least attachMin and at least attachRatio of that row's own.
	attachMin, attachRatio float64
	// labelBonus is added to same-label pairs when the right document
	// revises the left and keeps its numbering.
	labelBonus float64
	// mutualBonus is added to pairs that are each other's best match with
	// a score of at least mutualMin: obvious pairs should not be broken up
	// to make two weaker ones.
	mutualBonus, mutualMin float64
	// orderBonus is added, times the share of anchors in order, to the
	// pairs that keep the order of the anchors when the two documents
	// answer each other point by point (see sequence); anchorMin is the
	// least score of an anchor.
	orderBonus, anchorMin float64
	// leftoverMin and leftoverRatio let provisions left alone by the
	// assignment share a row when they clearly stand out among what is
	// left (see pairLeftovers).
	leftoverMin, leftoverRatio float64
	// attachClear is how many times more similar a provision left alone
	// must be to the provision whose row it joins than to any other, so
	// that a near tie between two candidates does not make a row of three;
	// attachShare is the least share of the row's own similarity that
	// lets it join on a shared topic even when its score is below
	// attachMin or attachRatio (see attaches).
	attachClear, attachShare float64
}

// defaultTuning is the calibration Compare uses.
var defaultTuning = tuning{
	noCounterpart: 0.15,
	attachMin:     0.2,
	attachRatio:   0.75,
	labelBonus:    0.2,
	mutualBonus:   0.025,
	mutualMin:     0.2,
	orderBonus:    0.08,
	anchorMin:     0.1,
	leftoverMin:   0.06,
	leftoverRatio: 1.5,
	attachClear:   2,
	attachShare:   0.6,
}

const (
	// pairedMin is the share of equal text above which a pair is Paired
	// (a word diff is worth reading) rather than Unrelated.
	pairedMin = 0.4
	// closeMin is the mean similarity of a topic's rows above which the two
	// sides are close on it (if the rows are mostly Paired).
	closeMin = 0.5
)

// Compare aligns the provisions of two documents: each row puts a provision
// next to the one that answers it, or leaves it alone. Provisions without
// topics or stances are tagged first (on copies; the arguments are not
// changed). Manual decisions override the aligner: Pair puts two provisions
// on one row, Split keeps them apart, NoCounterpart leaves one alone;
// decisions that name labels the documents do not have are ignored.
func Compare(left, right Document, decisions []Decision) *Comparison {
	return compareWith(left, right, decisions, defaultTuning)
}

// compareWith is Compare with a calibration of its own.
func compareWith(left, right Document, decisions []Decision, t tuning) *Comparison {
	c := &Comparison{Left: cloneDocument(left), Right: cloneDocument(right)}
	Tag(&c.Left)
	Tag(&c.Right)
	a := newAligner(c, t)
	a.apply(decisions)
	a.align()
	c.Rows = a.rows()
	c.Topics = summarizeTopics(c)
	return c
}

func cloneDocument(d Document) Document {
	d.Parties = append([]string(nil), d.Parties...)
	d.Provisions = append([]Provision(nil), d.Provisions...)
	for i := range d.Provisions {
		d.Provisions[i].Topics = append([]Topic(nil), d.Provisions[i].Topics...)
	}
	return d
}

// aligner holds the state of one alignment.
type aligner struct {
	t      tuning
	c      *Comparison
	sim    *similarity
	score  [][]float64 // similarity plus revision evidence
	nl, nr int

	forced    [][2][]int     // manual rows: left and right indexes
	inForced  [2]map[int]int // provision → index in forced, per side
	forbidden map[[2]int]bool
	alone     [2]map[int]bool
	// constrained is whether any decision forces, forbids or leaves
	// alone a provision; without one, every pair is allowed.
	constrained bool
	manual      [2]map[int]bool // provisions whose row a decision touched

	bonus map[[2]int]float64 // mutualBonus added to score

	match    []int          // left → right, -1
	attached [2]map[int]int // provision left alone → the provision of the other side whose row it joins
}

func newAligner(c *Comparison, t tuning) *aligner {
	a := &aligner{t: t, c: c, nl: len(c.Left.Provisions), nr: len(c.Right.Provisions)}
	a.sim = computeSimilarity(&c.Left, &c.Right)
	a.forbidden = map[[2]int]bool{}
	a.bonus = map[[2]int]float64{}
	for s := 0; s < 2; s++ {
		a.inForced[s] = map[int]int{}
		a.alone[s] = map[int]bool{}
		a.manual[s] = map[int]bool{}
		a.attached[s] = map[int]int{}
	}
	a.score = matrix(a.nl, a.nr)
	for i, row := range a.score {
		copy(row, a.sim.total[i])
	}
	a.revision()
	a.sequence()
	a.mutualBest()
	return a
}

// mutualPairs returns the pairs of provisions that are each other's best
// match by score with a score of at least least, in left order.
func (a *aligner) mutualPairs(score [][]float64, least float64) [][2]int {
	if a.nl == 0 || a.nr == 0 {
		return nil
	}
	bestR := make([]int, a.nl)
	for i := range bestR {
		bestR[i] = argmax(score[i])
	}
	bestL := columnArgmax(score, a.nr)
	var out [][2]int
	for i, j := range bestR {
		if j >= 0 && bestL[j] == i && score[i][j] >= least {
			out = append(out, [2]int{i, j})
		}
	}
	return out
}

// sequence adds evidence from order. Documents that answer each other
// point by point (a counter-proposal, a reply) keep the order of their
// clearest pairs, the anchors; a provision between two anchors then most
// likely answers one between their counterparts. The bonus grows with the
// share of anchors in order and is given only when most are (seqTrust).
func (a *aligner) sequence() {
	anchors := a.mutualPairs(a.score, a.t.anchorMin)
	if len(anchors) < seqAnchors {
		return
	}
	seq := make([]int, len(anchors))
	for k, p := range anchors {
		seq[k] = p[1]
	}
	inOrder := longestIncreasing(seq)
	var kept [][2]int
	for k, p := range anchors {
		if inOrder[k] {
			kept = append(kept, p)
		}
	}
	trust := float64(len(kept)) / float64(len(anchors))
	if trust < seqTrust {
		return
	}
	bonus := a.t.orderBonus * trust
	next := 0 // the first kept anchor at or after i
	for i := 0; i < a.nl; i++ {
		for next < len(kept) && kept[next][0] < i {
			next++
		}
		lo, hi := -1, a.nr // right provisions strictly between
		if next < len(kept) && kept[next][0] == i {
			a.score[i][kept[next][1]] += bonus
			continue
		}
		if next > 0 {
			lo = kept[next-1][1]
		}
		if next < len(kept) {
			hi = kept[next][1]
		}
		for j := lo + 1; j < hi; j++ {
			if a.sim.total[i][j] > 0 {
				a.score[i][j] += bonus
			}
		}
	}
}

// mutualBest adds mutualBonus to each pair of provisions that are each
// other's most similar.
func (a *aligner) mutualBest() {
	if a.nl == 0 || a.nr == 0 {
		return
	}
	bestR := make([]int, a.nl)
	for i := range bestR {
		bestR[i] = argmax(a.score[i])
	}
	for j, bi := range columnArgmax(a.score, a.nr) {
		if bi >= 0 && bestR[bi] == j && a.score[bi][j] >= a.t.mutualMin {
			a.score[bi][j] += a.t.mutualBonus
			a.bonus[[2]int{bi, j}] = a.t.mutualBonus
		}
	}
}

func labelIndex(d *Document) map[string]int {
	m := make(map[string]int, len(d.Provisions))
	for i, p := range d.Provisions {
		m[p.Label] = i
	}
	return m
}

// apply records manual decisions.
func (a *aligner) apply(decisions []Decision) {
	li, ri := labelIndex(&a.c.Left), labelIndex(&a.c.Right)
	// Pairs form groups: two Pair decisions sharing a provision share a row.
	type node struct{ side, i int }
	parent := map[node]node{}
	var find func(node) node
	find = func(x node) node {
		if p, ok := parent[x]; ok && p != x {
			r := find(p)
			parent[x] = r
			return r
		}
		parent[x] = x
		return x
	}
	var nodes []node
	for _, d := range decisions {
		l, lok := li[d.Left]
		r, rok := ri[d.Right]
		switch d.Kind {
		case Pair:
			if lok && rok {
				x, y := node{0, l}, node{1, r}
				if _, ok := parent[x]; !ok {
					nodes = append(nodes, x)
				}
				if _, ok := parent[y]; !ok {
					nodes = append(nodes, y)
				}
				parent[find(x)] = find(y)
			}
		case Split:
			if lok && rok {
				a.forbidden[[2]int{l, r}] = true
				a.manual[0][l], a.manual[1][r] = true, true
			}
		case NoCounterpart:
			if lok && d.Left != "" {
				a.alone[0][l], a.manual[0][l] = true, true
			}
			if rok && d.Right != "" {
				a.alone[1][r], a.manual[1][r] = true, true
			}
		}
	}
	groups := map[node]int{}
	for _, x := range nodes {
		root := find(x)
		g, ok := groups[root]
		if !ok {
			g = len(a.forced)
			groups[root] = g
			a.forced = append(a.forced, [2][]int{})
		}
		a.forced[g][x.side] = append(a.forced[g][x.side], x.i)
		a.inForced[x.side][x.i] = g
		a.manual[x.side][x.i] = true
		delete(a.alone[x.side], x.i) // an explicit pair wins over "no counterpart"
	}
	for _, f := range a.forced {
		sort.Ints(f[0])
		sort.Ints(f[1])
	}
	a.constrained = len(a.forced) > 0 || len(a.forbidden) > 0 || len(a.alone[0]) > 0 || len(a.alone[1]) > 0
}

// free reports whether the aligner may place provision i of side s.
func (a *aligner) free(s, i int) bool {
	if !a.constrained {
		return true
	}
	_, f := a.inForced[s][i]
	return !f && !a.alone[s][i]
}

func (a *aligner) allowed(l, r int) bool {
	if !a.constrained {
		return true
	}
	return a.free(0, l) && a.free(1, r) && !a.forbidden[[2]int{l, r}]
}

// revision decides whether the right document revises the left (shares
// its numbering and much of its text) and, if so, adds evidence from labels.
func (a *aligner) revision() {
	if a.nl == 0 || a.nr == 0 {
		return
	}
	li := labelIndex(&a.c.Left)
	shared := 0
	for _, p := range a.c.Right.Provisions {
		if _, ok := li[p.Label]; ok {
			shared++
		}
	}
	// Near: a right provision with a clearly similar text on the left. Across
	// languages no characters are shared, so it takes the left provision
	// of the same label and a high combined similarity.
	near := 0
	for j, p := range a.c.Right.Provisions {
		for i := 0; i < a.nl; i++ {
			if a.sim.char[i][j] >= 0.6 || a.crossLanguage(i, j) && a.c.Left.Provisions[i].Label == p.Label && a.sim.total[i][j] >= 0.6 {
				near++
				break
			}
		}
	}
	small := min(a.nl, a.nr)
	if float64(shared) < 0.6*float64(small) || float64(near) < 0.3*float64(small) {
		return
	}
	a.c.Revision = true
	// Anchors: mutual best pairs with a clearly similar text. The share of
	// them that keep their label says how far labels can be trusted.
	bestR := make([]int, a.nl)
	for i := range bestR {
		bestR[i] = argmax(a.sim.total[i])
	}
	anchors, same := 0, 0
	for j, bi := range columnArgmax(a.sim.total, a.nr) {
		if bi >= 0 && bestR[bi] == j && a.sim.total[bi][j] >= 0.5 {
			anchors++
			if a.c.Left.Provisions[bi].Label == a.c.Right.Provisions[j].Label {
				same++
			}
		}
	}
	if anchors == 0 {
		return
	}
	trust := float64(same) / float64(anchors)
	if trust < 0.5 {
		return
	}
	for j, p := range a.c.Right.Provisions {
		if i, ok := li[p.Label]; ok && a.sim.total[i][j] > 0.05 {
			bonus := a.t.labelBonus * trust
			if a.crossLanguage(i, j) {
				// Concepts alone tell provisions apart less well than
				// words: the numbering counts for more.
				bonus *= 2
			}
			a.score[i][j] += bonus
		}
	}
}

// crossLanguage reports whether provisions i and j are in two languages.
func (a *aligner) crossLanguage(i, j int) bool {
	l, r := a.sim.l.lang[i], a.sim.r.lang[j]
	return l != r && l != "" && r != ""
}

// columnArgmax returns, for each of the cols columns of m, the first row of
// its largest positive value, or -1; it reads m row by row.
func columnArgmax(m [][]float64, cols int) []int {
	arg := make([]int, cols)
	best := make([]float64, cols)
	for j := range arg {
		arg[j] = -1
	}
	for i, row := range m {
		for j, x := range row {
			if x > best[j] {
				arg[j], best[j] = i, x
			}
		}
	}
	return arg
}

func argmax(xs []float64) int {
	bi, best := -1, 0.0
	for i, x := range xs {
		if x > best {
			bi, best = i, x
		}
	}
	return bi
}

// align runs the global assignment, then lets provisions left alone join
// the row of a provision that clearly answers several.
func (a *aligner) align() {
	gain := matrix(a.nl, a.nr)
	for i := range gain {
		for j := range gain[i] {
			if a.allowed(i, j) {
				gain[i][j] = a.score[i][j] - a.t.noCounterpart
			}
		}
	}
	a.match = assign(gain, a.nr)
	a.pairLeftovers()
	a.fillGaps()
	partnerR := make([]int, a.nr)
	for j := range partnerR {
		partnerR[j] = -1
	}
	for i, j := range a.match {
		if j >= 0 {
			partnerR[j] = i
		}
	}
	// One-to-many: left provisions alone join a right provision's row.
	for i := 0; i < a.nl; i++ {
		if a.match[i] >= 0 || !a.free(0, i) {
			continue
		}
		j := a.bestOther(0, i)
		if j < 0 || partnerR[j] < 0 {
			continue
		}
		if a.attaches(i, j, partnerR[j], j) {
			a.attached[0][i] = j
		}
	}
	// And right provisions alone join a left provision's row, unless that
	// row already has several on the left.
	many := map[int]bool{}
	for _, j := range a.attached[0] {
		many[partnerR[j]] = true
	}
	for j := 0; j < a.nr; j++ {
		if partnerR[j] >= 0 || !a.free(1, j) {
			continue
		}
		i := a.bestOther(1, j)
		if i < 0 || a.match[i] < 0 || many[i] {
			continue
		}
		if a.attaches(i, j, i, a.match[i]) {
			a.attached[1][j] = i
		}
	}
}

// pairLeftovers pairs provisions the assignment left alone, under
// noCounterpart, that are each other's best among those left by a clear
// margin: a similarity of at least leftoverMin and leftoverRatio times that
// of any other pair of the two among the provisions left. Similarity, not
// score: the bonuses of order and numbering would pair any two leftovers
// that happen to sit in the same place. Documents on a
// subject the lexicon does not know, or in free paraphrase, share few
// words, so their scores are low all over; a pair that stands out among
// what is left is still most likely a pair.
func (a *aligner) pairLeftovers() {
	usedR := make([]bool, a.nr)
	for _, j := range a.match {
		if j >= 0 {
			usedR[j] = true
		}
	}
	var li, ri []int
	for i, j := range a.match {
		if j < 0 && a.free(0, i) {
			li = append(li, i)
		}
	}
	for j := range usedR {
		if !usedR[j] && a.free(1, j) {
			ri = append(ri, j)
		}
	}
	for _, i := range li {
		bj, best, second := -1, 0.0, 0.0
		for _, j := range ri {
			if !a.allowed(i, j) {
				continue
			}
			if s := a.sim.total[i][j]; s > best {
				bj, best, second = j, s, best
			} else if s > second {
				second = s
			}
		}
		if bj < 0 || best < a.t.leftoverMin || best < a.t.leftoverRatio*max(second, a.typical(i, bj)) {
			continue
		}
		ok := true
		for _, k := range li {
			if k != i && a.sim.total[k][bj]*a.t.leftoverRatio > best {
				ok = false
				break
			}
		}
		if ok {
			a.match[i] = bj
		}
	}
}

// fillGaps pairs the one provision left alone on each side between two
// consecutive pairs that keep the order of the documents: documents that
// answer each other point by point leave no gap of one against one
// unanswered unless the two are unrelated. It applies only when the
// assignment made at least four pairs and most keep the order (gapTrust),
// only between two pairs (not before the first or after the last, where
// a provision without counterpart is most common) and only to two
// provisions with a similarity of at least gapMin.
func (a *aligner) fillGaps() {
	var pairs [][2]int
	for i, j := range a.match {
		if j >= 0 {
			pairs = append(pairs, [2]int{i, j})
		}
	}
	if len(pairs) < 4 {
		return
	}
	seq := make([]int, len(pairs))
	for k, p := range pairs {
		seq[k] = p[1]
	}
	inOrder := longestIncreasing(seq)
	var kept [][2]int
	for k, p := range pairs {
		if inOrder[k] {
			kept = append(kept, p)
		}
	}
	if float64(len(kept)) < gapTrust*float64(len(pairs)) {
		return
	}
	usedR := make([]bool, a.nr)
	for _, j := range a.match {
		if j >= 0 {
			usedR[j] = true
		}
	}
	for k := 1; k < len(kept); k++ {
		lo, hi := kept[k-1], kept[k]
		var li, ri []int
		for i := lo[0] + 1; i < hi[0]; i++ {
			if a.match[i] < 0 && a.free(0, i) {
				li = append(li, i)
			}
		}
		for j := lo[1] + 1; j < hi[1]; j++ {
			if !usedR[j] && a.free(1, j) {
				ri = append(ri, j)
			}
		}
		if len(li) == 1 && len(ri) == 1 && a.allowed(li[0], ri[0]) && a.sim.total[li[0]][ri[0]] >= gapMin {
			a.match[li[0]] = ri[0]
			usedR[ri[0]] = true
		}
	}
}

const (
	// seqAnchors is the least number of anchors sequence trusts, and
	// seqTrust the least share of them that must keep the order.
	seqAnchors, seqTrust = 3, 0.6
	// gapTrust is the least share of the assignment's pairs that must keep
	// the order for fillGaps; gapMin the least similarity of a pair it makes.
	gapTrust, gapMin = 0.6, 0.03
)

// typical is the mean similarity of left provision i to the right
// provisions other than j, or of right provision j to the left ones other
// than i, whichever is higher: how similar the two are to anything.
func (a *aligner) typical(i, j int) float64 {
	var row, col float64
	for k, s := range a.sim.total[i] {
		if k != j {
			row += s
		}
	}
	for k := range a.sim.total {
		if k != i {
			col += a.sim.total[k][j]
		}
	}
	if a.nr > 1 {
		row /= float64(a.nr - 1)
	}
	if a.nl > 1 {
		col /= float64(a.nl - 1)
	}
	return max(row, col)
}

// attaches decides whether the provision left alone of the pair (i, j),
// the right one when i is paired with pi = i, the left one otherwise,
// joins the row of the pair (pi, pj). It must be clearly more similar to
// its candidate than to anything else on that side (attachClear), and
// either score near the row's own pair (attachMin, attachRatio) or share
// a topic with its candidate and reach attachShare of the row's
// similarity: a provision that answers part of what an already paired one
// says (a neutral status and a ban on one kind of weapon, say).
func (a *aligner) attaches(i, j, pi, pj int) bool {
	s := a.sim.total[i][j]
	if s < a.t.leftoverMin {
		return false
	}
	if pi == i { // the right provision j is alone
		for k := 0; k < a.nl; k++ {
			if k != i && a.allowed(k, j) && a.sim.total[k][j]*a.t.attachClear > s {
				return false
			}
		}
	} else {
		for k := 0; k < a.nr; k++ {
			if k != j && a.allowed(i, k) && a.sim.total[i][k]*a.t.attachClear > s {
				return false
			}
		}
	}
	if a.score[i][j] >= a.t.attachMin && a.score[i][j] >= a.t.attachRatio*a.base(pi, pj) {
		return true
	}
	return s >= a.t.attachShare*a.sim.total[pi][pj] && shareTopic(&a.c.Left.Provisions[i], &a.c.Right.Provisions[j])
}

// shareTopic reports whether two provisions have a topic in common.
func shareTopic(l, r *Provision) bool {
	for _, t := range l.Topics {
		for _, u := range r.Topics {
			if t == u {
				return true
			}
		}
	}
	return false
}

// base is the score of a pair without the bonus for mutual best pairs.
func (a *aligner) base(i, j int) float64 { return a.score[i][j] - a.bonus[[2]int{i, j}] }

// bestOther returns the provision of the other side that provision i of
// side s is most similar to, among those it may share a row with.
func (a *aligner) bestOther(s, i int) int {
	best, bk := 0.0, -1
	n := a.nr
	if s == 1 {
		n = a.nl
	}
	for k := 0; k < n; k++ {
		l, r := i, k
		if s == 1 {
			l, r = k, i
		}
		if !a.allowed(l, r) {
			continue
		}
		if a.score[l][r] > best {
			best, bk = a.score[l][r], k
		}
	}
	return bk
}

// rows builds the rows of the comparison, in display order.
func (a *aligner) rows() []Row {
	var rows []Row
	for _, f := range a.forced {
		rows = append(rows, Row{Left: f[0], Right: f[1], Manual: true})
	}
	byLeft := map[int]int{}
	for i, j := range a.match {
		if j < 0 {
			continue
		}
		byLeft[i] = len(rows)
		rows = append(rows, Row{Left: []int{i}, Right: []int{j}})
	}
	byRight := map[int]int{}
	for r, row := range rows {
		if !row.Manual {
			byRight[row.Right[0]] = r
		}
	}
	for i := 0; i < a.nl; i++ {
		if j, ok := a.attached[0][i]; ok {
			r := byRight[j]
			rows[r].Left = append(rows[r].Left, i)
			sort.Ints(rows[r].Left)
		}
	}
	for j := 0; j < a.nr; j++ {
		if i, ok := a.attached[1][j]; ok {
			r := byLeft[i]
			rows[r].Right = append(rows[r].Right, j)
			sort.Ints(rows[r].Right)
		}
	}
	placed := [2]map[int]bool{{}, {}}
	for _, row := range rows {
		for _, i := range row.Left {
			placed[0][i] = true
		}
		for _, j := range row.Right {
			placed[1][j] = true
		}
	}
	for i := 0; i < a.nl; i++ {
		if !placed[0][i] {
			rows = append(rows, Row{Left: []int{i}, Right: []int{}})
		}
	}
	for j := 0; j < a.nr; j++ {
		if !placed[1][j] {
			rows = append(rows, Row{Left: []int{}, Right: []int{j}})
		}
	}
	for r := range rows {
		row := &rows[r]
		for _, i := range row.Left {
			row.Manual = row.Manual || a.manual[0][i]
		}
		for _, j := range row.Right {
			row.Manual = row.Manual || a.manual[1][j]
		}
		a.describe(row)
	}
	rows = orderRows(rows, a.nr)
	if a.c.Revision {
		classifyChanges(a.c, rows)
	}
	return rows
}

// describe fills a row's kind, similarity, topic, diff or shared terms.
func (a *aligner) describe(row *Row) {
	c := a.c
	row.Topic = rowTopic(c, row)
	switch {
	case len(row.Right) == 0:
		row.Kind = LeftOnly
		return
	case len(row.Left) == 0:
		row.Kind = RightOnly
		return
	}
	for _, i := range row.Left {
		for _, j := range row.Right {
			row.Similarity = max(row.Similarity, a.sim.total[i][j])
		}
	}
	row.Similarity = min(max(row.Similarity, 0), 1)
	lt, rt := joinTexts(&c.Left, row.Left), joinTexts(&c.Right, row.Right)
	diff := WordDiff(lt, rt)
	if equalShare(diff, lt, rt) >= pairedMin && sameLanguage(lt, rt) {
		row.Kind = Paired
		row.Diff = diff
		return
	}
	row.Kind = Unrelated
	row.SharedTerms = a.sharedTerms(row)
}

func joinTexts(d *Document, idx []int) string {
	parts := make([]string, len(idx))
	for k, i := range idx {
		parts[k] = d.Provisions[i].Text
	}
	return strings.Join(parts, "\n")
}

// equalShare is the share of both texts that a diff leaves unchanged.
func equalShare(diff []Piece, l, r string) float64 {
	if len(l)+len(r) == 0 {
		return 1
	}
	eq := 0
	for _, p := range diff {
		if p.Op == Equal {
			eq += len(strings.TrimSpace(p.Text))
		}
	}
	return 2 * float64(eq) / float64(len(l)+len(r))
}

func sameLanguage(l, r string) bool {
	a, b := DetectLanguage(l), DetectLanguage(r)
	return a == b || a == "" || b == ""
}

// sharedTerms lists the words both sides of a row use (in the left
// document's form), then the concepts they share when their words differ
// (a short provision's heading counts, as in similarityText).
func (a *aligner) sharedTerms(row *Row) []string {
	right := map[string]bool{}
	for _, j := range row.Right {
		for _, s := range stems(a.c.Right.Provisions[j].Text) {
			right[s] = true
		}
	}
	var out []string
	seen := map[string]bool{} // stems and concept names already listed
	for _, i := range row.Left {
		for _, w := range lexWords(a.c.Left.Provisions[i].Text) {
			st := stems(w)
			if len(st) == 0 || !right[st[0]] || seen[st[0]] {
				continue
			}
			seen[st[0]] = true
			out = append(out, strings.Trim(w, "'"))
		}
	}
	lc, rc := map[int]bool{}, map[int]bool{}
	for _, i := range row.Left {
		for k := range conceptCounts(similarityText(&a.c.Left, i)) {
			lc[k] = true
		}
	}
	for _, j := range row.Right {
		for k := range conceptCounts(similarityText(&a.c.Right, j)) {
			rc[k] = true
		}
	}
	for k := range concepts {
		name := concepts[k].name
		if st := stems(name); lc[k] && rc[k] && (len(st) == 0 || !seen[st[0]]) {
			seen[name] = true
			out = append(out, name)
		}
	}
	if len(out) > 10 {
		out = out[:10]
	}
	return out
}

// rowTopic is the topic both sides of a row share most, or the first topic
// of a one-sided row.
func rowTopic(c *Comparison, row *Row) Topic {
	lw, rw := map[Topic]int{}, map[Topic]int{}
	for _, i := range row.Left {
		for k, t := range c.Left.Provisions[i].Topics {
			lw[t] += 3 - min(k, 2)
		}
	}
	for _, j := range row.Right {
		for k, t := range c.Right.Provisions[j].Topics {
			rw[t] += 3 - min(k, 2)
		}
	}
	var best Topic
	bw := 0
	for _, t := range Topics {
		if lw[t] > 0 && rw[t] > 0 && lw[t]+rw[t] > bw {
			best, bw = t, lw[t]+rw[t]
		}
	}
	if best != "" {
		return best
	}
	for _, t := range Topics {
		if lw[t]+rw[t] > bw {
			best, bw = t, lw[t]+rw[t]
		}
	}
	return best
}

// orderRows sorts rows by the left document's order; a row with nothing on
// the left goes right after the row holding the nearest preceding provision
// of the right document (or before the row of the following one).
func orderRows(rows []Row, nr int) []Row {
	rowOfRight := make([]int, nr)
	for j := range rowOfRight {
		rowOfRight[j] = -1
	}
	for r, row := range rows {
		if len(row.Left) > 0 {
			for _, j := range row.Right {
				rowOfRight[j] = r
			}
		}
	}
	type key struct {
		left, side, right int
	}
	keys := make([]key, len(rows))
	for r, row := range rows {
		if len(row.Left) > 0 {
			keys[r] = key{row.Left[0], 0, 0}
			continue
		}
		j := row.Right[0]
		k := key{1 << 30, 1, j}
		for p := j - 1; p >= 0; p-- {
			if a := rowOfRight[p]; a >= 0 {
				k = key{rows[a].Left[0], 1, j}
				break
			}
		}
		if k.left == 1<<30 {
			for p := j + 1; p < nr; p++ {
				if a := rowOfRight[p]; a >= 0 {
					k = key{rows[a].Left[0], -1, j}
					break
				}
			}
		}
		keys[r] = k
	}
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(x, y int) bool {
		a, b := keys[idx[x]], keys[idx[y]]
		if a.left != b.left {
			return a.left < b.left
		}
		if a.side != b.side {
			return a.side < b.side
		}
		return a.right < b.right
	})
	out := make([]Row, len(rows))
	for k, r := range idx {
		out[k] = rows[r]
	}
	return out
}

// classifyChanges sets Row.Change for a comparison of a revision.
func classifyChanges(c *Comparison, rows []Row) {
	// Rows whose right provisions keep the left order form the longest
	// increasing run; the others moved.
	var paired []int
	for r, row := range rows {
		if len(row.Left) > 0 && len(row.Right) > 0 {
			paired = append(paired, r)
		}
	}
	seq := make([]int, len(paired))
	for k, r := range paired {
		seq[k] = rows[r].Right[0]
	}
	inOrder := longestIncreasing(seq)
	for k, r := range paired {
		row := &rows[r]
		switch {
		case !inOrder[k]:
			row.Change = Moved
		case len(row.Left) == 1 && len(row.Right) == 1 &&
			Normalize(c.Left.Provisions[row.Left[0]].Text) == Normalize(c.Right.Provisions[row.Right[0]].Text):
			if c.Left.Provisions[row.Left[0]].Label == c.Right.Provisions[row.Right[0]].Label {
				row.Change = Unchanged
			} else {
				row.Change = Renumbered
			}
		default:
			row.Change = Rewritten
		}
	}
	for r := range rows {
		switch rows[r].Kind {
		case LeftOnly:
			rows[r].Change = Deleted
		case RightOnly:
			rows[r].Change = Added
		}
	}
}

// longestIncreasing marks the elements of one longest strictly increasing
// subsequence of seq.
func longestIncreasing(seq []int) []bool {
	n := len(seq)
	mark := make([]bool, n)
	if n == 0 {
		return mark
	}
	tails := []int{} // indexes into seq
	prev := make([]int, n)
	for i, x := range seq {
		k := sort.Search(len(tails), func(k int) bool { return seq[tails[k]] >= x })
		if k > 0 {
			prev[i] = tails[k-1]
		} else {
			prev[i] = -1
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
		mark[i] = true
	}
	return mark
}

// summarizeTopics builds the topic table of a comparison.
func summarizeTopics(c *Comparison) []TopicSummary {
	has := func(p Provision, t Topic) bool {
		for _, x := range p.Topics {
			if x == t {
				return true
			}
		}
		return false
	}
	var out []TopicSummary
	for _, t := range Topics {
		s := TopicSummary{Topic: t, Left: []int{}, Right: []int{}}
		for i, p := range c.Left.Provisions {
			if has(p, t) {
				s.Left = append(s.Left, i)
			}
		}
		for j, p := range c.Right.Provisions {
			if has(p, t) {
				s.Right = append(s.Right, j)
			}
		}
		switch {
		case len(s.Left) == 0 && len(s.Right) == 0:
			continue
		case len(s.Right) == 0:
			s.Status = OnlyLeft
		case len(s.Left) == 0:
			s.Status = OnlyRight
		default:
			// Close: the rows that link the topic's provisions are mostly
			// Paired (similar wording) and similar on average.
			var sum float64
			var n, paired int
			for _, row := range c.Rows {
				l, r := false, false
				for _, i := range row.Left {
					l = l || has(c.Left.Provisions[i], t)
				}
				for _, j := range row.Right {
					r = r || has(c.Right.Provisions[j], t)
				}
				if l && r {
					sum += row.Similarity
					n++
					if row.Kind == Paired {
						paired++
					}
				}
			}
			s.Status = FarApart
			if n > 0 && 2*paired >= n && sum/float64(n) >= closeMin {
				s.Status = Close
			}
		}
		out = append(out, s)
	}
	return out
}
