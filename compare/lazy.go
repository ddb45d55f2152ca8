package compare

import (
	"regexp"
	"sync"
)

// The package's tables (regular expressions, the compiled lexicon, the
// stance cues, the stop words) are built on first use, not at start-up:
// a program that links compare but only prints its version pays nothing.

// lazyRegexp returns a function that compiles expr on its first call.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
