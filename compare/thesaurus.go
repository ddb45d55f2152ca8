package compare

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"strings"
	"sync"
)

// thesaurusData is a general English thesaurus as groups of synonymous word
// stems (as stems makes them), one group a line, gzipped. It is made from
// the MyThes thesaurus of LibreOffice (th_en_US_v2, derived from WordNet;
// see THESAURUS-LICENSE) by
//
//	go test -run TestThesaurus -update-thesaurus /usr/share/mythes/th_en_US_v2.dat ./compare/
//
// keeping single words only, dropping stopwords and the stems in more than
// thesaurusMaxGroups groups. It should be made again when stems changes.
//
//go:embed thesaurus.txt.gz
var thesaurusData []byte

// thesaurus maps a stem to the ids of its synonym groups (line numbers of
// thesaurusData). It is read on first use: only the alignment pays for it.
var thesaurus = sync.OnceValue(func() map[string][]int32 {
	m := map[string][]int32{}
	zr, err := gzip.NewReader(bytes.NewReader(thesaurusData))
	if err != nil {
		return m
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return m
	}
	for id, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		for _, s := range strings.Fields(line) {
			m[s] = append(m[s], int32(id))
		}
	}
	return m
})
