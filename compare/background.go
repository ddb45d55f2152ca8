package compare

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

// backgroundText is the share of provisions of negotiation texts that use
// each word stem (as stems makes them): a header line "provisions N", then
// one "stem<TAB>count" line per stem. It is made from the sample corpus and
// its Russian and Ukrainian translations by
//
//	go test -run TestBackground -update-background ./compare/
//
// and should be made again when stems changes.
//
//go:embed background.txt
var backgroundText string

// backgroundTable is backgroundText read.
type backgroundTable struct {
	provisions int
	share      map[string]float64 // stem → share of provisions using it
}

// background reads backgroundText once. Words of the negotiations at large
// (agreement, parties, guarantee, соглашение, сторона) have a high share;
// words of a subject (a dam, a tariff) have none, so within two documents
// they weigh as the rare words they are.
var background = sync.OnceValue(func() backgroundTable {
	t := backgroundTable{share: map[string]float64{}}
	lines := strings.Split(backgroundText, "\n")
	if len(lines) == 0 {
		return t
	}
	if f := strings.Fields(lines[0]); len(f) == 2 && f[0] == "provisions" {
		t.provisions, _ = strconv.Atoi(f[1])
	}
	if t.provisions <= 0 {
		return t
	}
	for _, l := range lines[1:] {
		stem, count, ok := strings.Cut(l, "\t")
		if !ok {
			continue
		}
		if n, err := strconv.Atoi(count); err == nil && n > 0 {
			t.share[stem] = float64(n) / float64(t.provisions)
		}
	}
	return t
})
