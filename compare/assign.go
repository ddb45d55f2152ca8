package compare

import "math"

// maxHungarian bounds the side of a block that assign solves exactly; the
// Hungarian method is O(n³). Larger blocks first fix their mutual best
// pairs, then fall back to greedy choice if still too large.
const maxHungarian = 400

// assign pairs rows with columns one to one so that the total gain is
// maximal, using only pairs of positive gain. It returns, per row, the
// matched column or -1. The gain matrix is split into connected blocks of
// positive entries, each solved by the Hungarian method.
func assign(gain [][]float64, cols int) []int {
	rows := len(gain)
	match := make([]int, rows)
	for i := range match {
		match[i] = -1
	}
	if rows == 0 || cols == 0 {
		return match
	}
	// Connected components over positive entries (rows 0..rows-1, columns rows..).
	parent := make([]int, rows+cols)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for i, row := range gain {
		for j, g := range row {
			if g > 0 {
				parent[find(i)] = find(rows + j)
			}
		}
	}
	blocks := map[int]*block{}
	var order []int
	for x := 0; x < rows+cols; x++ {
		root := find(x)
		b, ok := blocks[root]
		if !ok {
			b = &block{}
			blocks[root] = b
			order = append(order, root)
		}
		if x < rows {
			b.rows = append(b.rows, x)
		} else {
			b.cols = append(b.cols, x-rows)
		}
	}
	for _, root := range order {
		b := blocks[root]
		if len(b.rows) == 0 || len(b.cols) == 0 {
			continue
		}
		b.solve(gain, match)
	}
	return match
}

type block struct{ rows, cols []int }

func (b *block) solve(gain [][]float64, match []int) {
	rows, cols := b.rows, b.cols
	if len(rows) > maxHungarian || len(cols) > maxHungarian {
		rows, cols = fixMutualBest(gain, rows, cols, match)
		if len(rows) > maxHungarian || len(cols) > maxHungarian {
			greedy(gain, rows, cols, match)
			return
		}
	}
	if len(rows) == 0 || len(cols) == 0 {
		return
	}
	sub := make([][]float64, len(rows))
	for a, i := range rows {
		sub[a] = make([]float64, len(cols))
		for c, j := range cols {
			sub[a][c] = math.Max(gain[i][j], 0)
		}
	}
	for a, c := range hungarian(sub) {
		if c >= 0 && gain[rows[a]][cols[c]] > 0 {
			match[rows[a]] = cols[c]
		}
	}
}

// fixMutualBest matches every row and column that are each other's best
// choice with a clear margin, and returns the rows and columns left.
func fixMutualBest(gain [][]float64, rows, cols []int, match []int) ([]int, []int) {
	bestCol := map[int]int{}
	bestRow := map[int]int{}
	for _, i := range rows {
		best, bj := 0.0, -1
		for _, j := range cols {
			if gain[i][j] > best {
				best, bj = gain[i][j], j
			}
		}
		bestCol[i] = bj
	}
	for _, j := range cols {
		best, bi := 0.0, -1
		for _, i := range rows {
			if gain[i][j] > best {
				best, bi = gain[i][j], i
			}
		}
		bestRow[j] = bi
	}
	usedCol := map[int]bool{}
	var restRows []int
	for _, i := range rows {
		if j := bestCol[i]; j >= 0 && bestRow[j] == i {
			match[i] = j
			usedCol[j] = true
			continue
		}
		restRows = append(restRows, i)
	}
	var restCols []int
	for _, j := range cols {
		if !usedCol[j] {
			restCols = append(restCols, j)
		}
	}
	return restRows, restCols
}

// greedy matches the best remaining pair until no positive gain is left.
func greedy(gain [][]float64, rows, cols []int, match []int) {
	usedRow, usedCol := map[int]bool{}, map[int]bool{}
	for {
		best, bi, bj := 0.0, -1, -1
		for _, i := range rows {
			if usedRow[i] {
				continue
			}
			for _, j := range cols {
				if !usedCol[j] && gain[i][j] > best {
					best, bi, bj = gain[i][j], i, j
				}
			}
		}
		if bi < 0 {
			return
		}
		match[bi] = bj
		usedRow[bi], usedCol[bj] = true, true
	}
}

// hungarian returns, for each row of the non-negative gain matrix a, the
// column assigned to it (or -1) so that the total gain is maximal.
func hungarian(a [][]float64) []int {
	n := len(a)
	m := len(a[0])
	transposed := false
	if n > m {
		t := make([][]float64, m)
		for j := range t {
			t[j] = make([]float64, n)
			for i := range a {
				t[j][i] = a[i][j]
			}
		}
		a, n, m, transposed = t, m, n, true
	}
	// Minimise cost = -gain; rows 1..n, columns 1..m (n ≤ m).
	inf := math.Inf(1)
	u := make([]float64, n+1)
	v := make([]float64, m+1)
	p := make([]int, m+1)
	way := make([]int, m+1)
	minv := make([]float64, m+1)
	used := make([]bool, m+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = inf
			used[j] = false
		}
		for {
			used[j0] = true
			i0 := p[j0]
			delta, j1 := inf, 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				cur := -a[i0-1][j-1] - u[i0] - v[j]
				if cur < minv[j] {
					minv[j] = cur
					way[j] = j0
				}
				if minv[j] < delta {
					delta = minv[j]
					j1 = j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	rowOf := make([]int, n)
	for i := range rowOf {
		rowOf[i] = -1
	}
	for j := 1; j <= m; j++ {
		if p[j] != 0 {
			rowOf[p[j]-1] = j - 1
		}
	}
	if !transposed {
		return rowOf
	}
	out := make([]int, m)
	for i := range out {
		out[i] = -1
	}
	for j, i := range rowOf {
		if i >= 0 {
			out[i] = j
		}
	}
	return out
}
