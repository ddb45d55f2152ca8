package compare

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// gold is a gold alignment file as described in the corpus README.
type gold struct {
	Left       string      `json:"left"`
	Right      string      `json:"right"`
	Pairs      [][2]string `json:"pairs"`
	Acceptable [][2]string `json:"acceptable"`
}

// score compares the pairs a comparison predicts with a gold alignment:
// every left × right combination of a row is a predicted pair; predicted
// pairs that are only acceptable are set aside.
func score(c *Comparison, g gold) (precision, recall float64, wrong, missed [][2]string) {
	want := map[[2]string]bool{}
	for _, p := range g.Pairs {
		want[p] = true
	}
	ok := map[[2]string]bool{}
	for _, p := range g.Acceptable {
		ok[p] = true
	}
	predicted := map[[2]string]bool{}
	var hit, counted int
	for _, row := range c.Rows {
		for _, i := range row.Left {
			for _, j := range row.Right {
				p := [2]string{c.Left.Provisions[i].Label, c.Right.Provisions[j].Label}
				predicted[p] = true
				switch {
				case want[p]:
					hit++
					counted++
				case ok[p]:
				default:
					counted++
					wrong = append(wrong, p)
				}
			}
		}
	}
	for _, p := range g.Pairs {
		if !predicted[p] {
			missed = append(missed, p)
		}
	}
	precision, recall = 1, 1
	if counted > 0 {
		precision = float64(hit) / float64(counted)
	}
	if len(g.Pairs) > 0 {
		recall = float64(hit) / float64(len(g.Pairs))
	}
	return precision, recall, wrong, missed
}

func parseFile(t testing.TB, path string) Document {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(path, src)
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	return d
}

// evalGold scores Compare on every gold file under dir.
func evalGold(t *testing.T, dir string) {
	files, _ := filepath.Glob(filepath.Join(dir, "gold", "*.json"))
	if len(files) == 0 {
		t.Skipf("no gold alignments under %s", dir)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var g gold
			if err := json.Unmarshal(raw, &g); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			left := parseFile(t, filepath.Join(dir, g.Left))
			right := parseFile(t, filepath.Join(dir, g.Right))
			c := Compare(left, right, nil)
			p, r, wrong, missed := score(c, g)
			f1 := 0.0
			if p+r > 0 {
				f1 = 2 * p * r / (p + r)
			}
			t.Logf("precision %.3f recall %.3f F1 %.3f", p, r, f1)
			if len(wrong) > 0 {
				t.Logf("wrong pairs: %v", wrong)
			}
			if len(missed) > 0 {
				t.Logf("missed pairs: %v", missed)
			}
			if p < 0.9 || r < 0.9 {
				t.Errorf("precision %.3f, recall %.3f: want both ≥ 0.9", p, r)
			}
		})
	}
}

// TestGoldAlignment measures the aligner on the sample corpus's gold
// alignments.
func TestGoldAlignment(t *testing.T) { evalGold(t, filepath.Join("..", "..", "shared", "corpus")) }

// TestGoldAlignmentRussian measures it on a Russian pair written for this
// package (testdata/ru).
func TestGoldAlignmentRussian(t *testing.T) { evalGold(t, filepath.Join("testdata", "ru")) }
