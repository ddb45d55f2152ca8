package compare

import "sort"

// composition is one entry of the NFC table: base + mark = composed.
type composition struct{ base, mark, composed rune }

// composeRune returns the canonical composition of base followed by the
// combining mark, if Unicode defines one (for the scripts in compositions).
func composeRune(base, mark rune) (rune, bool) {
	k := sort.Search(len(compositions), func(k int) bool {
		c := compositions[k]
		return c.base > base || c.base == base && c.mark >= mark
	})
	if k < len(compositions) && compositions[k].base == base && compositions[k].mark == mark {
		return compositions[k].composed, true
	}
	return 0, false
}
