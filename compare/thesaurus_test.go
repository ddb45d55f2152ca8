package compare

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"
)

var updateThesaurus = flag.String("update-thesaurus", "", "TestThesaurus: write thesaurus.txt.gz from this MyThes .dat file (e.g. /usr/share/mythes/th_en_US_v2.dat)")

// thesaurusMaxGroups is the most synonym groups a stem may be in: more
// polysemous words (run, set, hold) would join unrelated provisions.
const thesaurusMaxGroups = 8

// readMyThes returns the synonym groups of a MyThes thesaurus (UTF-8): for
// each meaning of a head word, the head word and its plain synonyms (not
// those marked "generic", "related", "similar" or "antonym"), single words
// only, as stems makes them, deduplicated.
func readMyThes(data []byte) [][]string {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	seen := map[string]bool{}
	var groups [][]string
	var head string
	for sc.Scan() {
		line := strings.TrimPrefix(sc.Text(), "\ufeff")
		fields := strings.Split(line, "|")
		if len(fields) < 2 {
			continue
		}
		if !strings.HasPrefix(fields[0], "(") {
			head = fields[0]
			continue
		}
		set := map[string]bool{}
		for _, w := range append([]string{head}, fields[1:]...) {
			if strings.Contains(w, "(") || strings.ContainsAny(w, " -.'") || w != strings.ToLower(w) {
				continue
			}
			st := stems(w)
			if len(st) == 1 {
				set[st[0]] = true
			}
		}
		if len(set) < 2 {
			continue
		}
		g := make([]string, 0, len(set))
		for s := range set {
			g = append(g, s)
		}
		slices.Sort(g)
		if key := strings.Join(g, " "); !seen[key] {
			seen[key] = true
			groups = append(groups, g)
		}
	}
	return groups
}

// pruneThesaurus drops the stems in more than thesaurusMaxGroups groups,
// then the groups left with fewer than two stems, and groups contained in
// another.
func pruneThesaurus(groups [][]string) []string {
	count := map[string]int{}
	for _, g := range groups {
		for _, s := range g {
			count[s]++
		}
	}
	seen := map[string]bool{}
	var out []string
	for _, g := range groups {
		var keep []string
		for _, s := range g {
			if count[s] <= thesaurusMaxGroups {
				keep = append(keep, s)
			}
		}
		if len(keep) < 2 {
			continue
		}
		if key := strings.Join(keep, " "); !seen[key] {
			seen[key] = true
			out = append(out, key)
		}
	}
	slices.Sort(out)
	return out
}

// TestThesaurus checks that the embedded thesaurus reads and joins the
// synonyms it should, and keeps apart words it should not. With
// -update-thesaurus it first writes thesaurus.txt.gz from a MyThes file.
func TestThesaurus(t *testing.T) {
	if *updateThesaurus != "" {
		data, err := os.ReadFile(*updateThesaurus)
		if err != nil {
			t.Fatal(err)
		}
		lines := pruneThesaurus(readMyThes(data))
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write([]byte(strings.Join(lines, "\n") + "\n"))
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("thesaurus.txt.gz", buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Skipf("thesaurus.txt.gz written: %d groups, %d bytes; run the tests again to check it", len(lines), buf.Len())
	}
	th := thesaurus()
	if len(th) < 1000 {
		t.Fatalf("thesaurus of %d stems, want at least 1000", len(th))
	}
	share := func(a, b string) bool {
		ga, gb := th[stems(a)[0]], th[stems(b)[0]]
		for _, g := range ga {
			if slices.Contains(gb, g) {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"vessels", "watercraft", true},
		{"expel", "ousts", true},
		{"prisoners", "reservoir", false},
		{"tariffs", "ceasefire", false},
	} {
		if got := share(tc.a, tc.b); got != tc.want {
			t.Errorf("%s ~ %s: %v, want %v (groups %v, %v)", tc.a, tc.b, got, tc.want, th[stems(tc.a)[0]], th[stems(tc.b)[0]])
		}
	}
}
