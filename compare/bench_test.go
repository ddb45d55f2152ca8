package compare

import (
	"path/filepath"
	"testing"
)

func benchmarkWordDiff(b *testing.B, words int, diff func(a, b string) []Piece) {
	left, right := revisionText(words, 0), revisionText(words, 1)
	b.SetBytes(int64(len(left) + len(right)))
	b.ResetTimer()
	for b.Loop() {
		diff(left, right)
	}
}

func BenchmarkWordDiff5k(b *testing.B)  { benchmarkWordDiff(b, 5000, WordDiff) }
func BenchmarkWordDiff50k(b *testing.B) { benchmarkWordDiff(b, 50000, WordDiff) }
func BenchmarkDiffText5k(b *testing.B)  { benchmarkWordDiff(b, 5000, DiffText) }
func BenchmarkDiffText50k(b *testing.B) { benchmarkWordDiff(b, 50000, DiffText) }

// BenchmarkCompare30 compares two real documents of about 30 provisions
// (the Russian and Ukrainian memoranda of the sample corpus).
func BenchmarkCompare30(b *testing.B) {
	dir := filepath.Join("..", "..", "shared", "corpus", "documents")
	left := parseFileOrSkip(b, filepath.Join(dir, "2025-06-02-russia-memorandum.md"))
	right := parseFileOrSkip(b, filepath.Join(dir, "2025-05-28-ukraine-memorandum.md"))
	b.ResetTimer()
	for b.Loop() {
		Compare(left, right, nil)
	}
}

// BenchmarkCompare1000 compares two generated documents of 1,000
// provisions each.
func BenchmarkCompare1000(b *testing.B) {
	left, right := generatedPair(1000)
	b.ResetTimer()
	for b.Loop() {
		Compare(left, right, nil)
	}
}

func parseFileOrSkip(b *testing.B, path string) Document {
	if _, err := filepath.Glob(path); err != nil {
		b.Skip(err)
	}
	if m, _ := filepath.Glob(path); len(m) == 0 {
		b.Skipf("%s not found", path)
	}
	return parseFile(b, path)
}

// BenchmarkTag500 tags 500 documents of 30 provisions each, as a library
// import does.
func BenchmarkTag500(b *testing.B) {
	left, right := generatedPair(30)
	right.Parties = []string{"Ukraine"}
	docs := make([]Document, 500)
	for b.Loop() {
		for k := range docs {
			src := left
			if k%2 == 1 {
				src = right
			}
			docs[k] = cloneDocument(src)
			Tag(&docs[k])
		}
	}
}
