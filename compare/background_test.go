package compare

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var updateBackground = flag.Bool("update-background", false, "TestBackground: write background.txt from the sample corpus and its translations")

// backgroundSources are the documents background.txt is made from: the
// sample corpus and its Russian and Ukrainian translations. The pairs on
// other subjects (testdata/nile, testdata/heldout) stay out of it.
func backgroundSources(t *testing.T) []Document {
	t.Helper()
	var files []string
	for _, g := range []string{
		filepath.Join("..", "..", "shared", "corpus", "documents", "*.md"),
		filepath.Join("testdata", "translated", "documents", "*.md"),
		filepath.Join("testdata", "ru", "documents", "*.md"),
	} {
		f, _ := filepath.Glob(g)
		files = append(files, f...)
	}
	var docs []Document
	for _, f := range files {
		docs = append(docs, parseFile(t, f))
	}
	return docs
}

// backgroundCounts counts, per stem, the provisions of docs that use it.
func backgroundCounts(docs []Document) (provisions int, counts map[string]int) {
	counts = map[string]int{}
	for _, d := range docs {
		for _, p := range d.Provisions {
			provisions++
			seen := map[string]bool{}
			for _, s := range stems(p.Text) {
				if !seen[s] {
					seen[s] = true
					counts[s]++
				}
			}
		}
	}
	return provisions, counts
}

// formatBackground writes counts in the format of backgroundText.
func formatBackground(provisions int, counts map[string]int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteString("provisions " + strconv.Itoa(provisions) + "\n")
	for _, k := range keys {
		b.WriteString(k + "\t" + strconv.Itoa(counts[k]) + "\n")
	}
	return b.String()
}

// TestBackground checks that the background table reads and says what it
// should: negotiation words in English and Russian are common, words of
// other subjects unknown. With -update-background it first writes the
// table from its sources.
func TestBackground(t *testing.T) {
	if *updateBackground {
		docs := backgroundSources(t)
		if len(docs) == 0 {
			t.Fatal("no background sources found")
		}
		if err := os.WriteFile("background.txt", []byte(formatBackground(backgroundCounts(docs))), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Skip("background.txt written; run the tests again to check it")
	}
	bg := background()
	if bg.provisions < 100 {
		t.Fatalf("background of %d provisions, want at least 100", bg.provisions)
	}
	for _, tc := range []struct {
		word   string
		common bool
	}{
		{"agreement", true},
		{"parties", true},
		{"соглашения", true},
		{"reservoir", false},
		{"tariffs", false},
		{"водохранилище", false},
	} {
		st := stems(tc.word)
		if len(st) != 1 {
			t.Fatalf("stems(%q) = %v", tc.word, st)
		}
		share := bg.share[st[0]]
		if tc.common && share < 0.01 || !tc.common && share != 0 {
			t.Errorf("%s (%s): share %.3f, want common %v", tc.word, st[0], share, tc.common)
		}
	}
	if docs := backgroundSources(t); len(docs) > 0 {
		if formatBackground(backgroundCounts(docs)) != backgroundText {
			t.Log("background.txt differs from its sources: run go test -run TestBackground -update-background ./compare/")
		}
	}
}
