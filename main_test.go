package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"counterpart/storage"
)

const corpus = "../shared/corpus"

// cli runs one command line and returns its exit status and output.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func corpusDocs(t *testing.T) []string {
	docs, _ := filepath.Glob(filepath.Join(corpus, "documents", "*.md"))
	if len(docs) == 0 {
		t.Skip("shared corpus not found")
	}
	return docs
}

// listed returns the documents of list --json.
func listed(t *testing.T, db string) []struct {
	Title      string
	Provisions []struct{ Label, Text string }
} {
	t.Helper()
	code, out, errs := cli(t, "list", "--json", "--db", db)
	if code != 0 {
		t.Fatalf("list: %d %s", code, errs)
	}
	var docs []struct {
		Title      string
		Provisions []struct{ Label, Text string }
	}
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatalf("list --json: %v\n%s", err, out)
	}
	return docs
}

func TestImportCorpusListsEveryGoldLabel(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lib.db")
	args := append([]string{"import", "--db", db}, corpusDocs(t)...)
	if code, _, errs := cli(t, args...); code != 0 {
		t.Fatalf("import: %d %s", code, errs)
	}
	labels := map[string]map[string]bool{}
	for _, d := range listed(t, db) {
		labels[d.Title] = map[string]bool{}
		for _, p := range d.Provisions {
			labels[d.Title][p.Label] = true
		}
	}
	if len(labels) != len(corpusDocs(t)) {
		t.Fatalf("listed %d documents, want %d", len(labels), len(corpusDocs(t)))
	}
	golds, _ := filepath.Glob(filepath.Join(corpus, "gold", "*.json"))
	for _, g := range golds {
		var gold struct {
			Left, Right       string
			Pairs, Acceptable [][2]string
		}
		b, _ := os.ReadFile(g)
		if err := json.Unmarshal(b, &gold); err != nil {
			t.Fatal(err)
		}
		for side, file := range []string{gold.Left, gold.Right} {
			title := titleOf(t, filepath.Join(corpus, file))
			for _, p := range append(gold.Pairs, gold.Acceptable...) {
				if !labels[title][p[side]] {
					t.Errorf("%s: %q lacks label %s", filepath.Base(g), title, p[side])
				}
			}
		}
	}
	checkIntegrity(t, db)
}

func titleOf(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "title: "); ok {
			return strings.TrimSpace(v)
		}
	}
	t.Fatalf("%s has no title", path)
	return ""
}

func checkIntegrity(t *testing.T, db string) {
	t.Helper()
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var ok string
	if err := conn.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check = %q, %v", ok, err)
	}
}

func TestBadImportsLeaveLibraryUnchanged(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	docs := corpusDocs(t)
	if code, _, errs := cli(t, "import", "--db", db, docs[0]); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	before := listed(t, db)
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := docs[1]
	tests := []struct {
		name, file, want string
	}{
		{"binary", write("blob.md", "\x00\x01\x02\x03\xff\xfe binary"), "blob.md"},
		{"empty", write("empty.md", ""), "empty.md"},
		{"broken front matter", write("broken.md", "---\ntitle: T\nparty Ukraine\n---\n1. x\n"), "line 3"},
		{"invalid date", write("memo.md", "---\nparty: Ukraine\ntitle: T\ndate: 2025-13-40\nkind: memorandum\n---\n1. x\n"), `line 4: date "2025-13-40" is not a valid date (want YYYY-MM-DD)`},
		{"missing file", filepath.Join(dir, "nope.md"), "nope.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A good file before the bad one must not land either.
			code, _, errs := cli(t, "import", "--db", db, good, tt.file)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.HasPrefix(errs, "counterpart: ") || !strings.Contains(errs, tt.want) {
				t.Errorf("stderr = %q, want one line containing %q", errs, tt.want)
			}
			after := listed(t, db)
			a, _ := json.Marshal(before)
			b, _ := json.Marshal(after)
			if !bytes.Equal(a, b) {
				t.Errorf("library changed by a failed import")
			}
		})
	}
	checkIntegrity(t, db)
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lib.db")
	for _, args := range [][]string{
		{"frobnicate"},
		{"show", "--db", db},
		{"compare", "--db", db, "1"},
		{"report", "--db", db, "1", "2"},
		{"timeline", "--db", db, "--at", "yesterday"},
		{"list", "--db", db, "--bogus"},
	} {
		code, _, errs := cli(t, args...)
		if code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, errs)
		}
	}
	if code, out, _ := cli(t, "version"); code != 0 || !strings.HasPrefix(out, "counterpart "+version) || version == "unknown" {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestSearchCyrillicAnyCase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	memo := filepath.Join(dir, "ru.md")
	os.WriteFile(memo, []byte("---\nparty: Российская Федерация\ntitle: Меморандум\ndate: 2025-06-02\nkind: memorandum\n---\n1. Украина отказывается от членства в НАТО.\n2. Санкции отменяются.\n"), 0o644)
	if code, _, errs := cli(t, "import", "--db", db, memo); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	for _, q := range []string{"украина", "УКРАИНА", "нато", "Санкции"} {
		code, out, errs := cli(t, "search", "--json", "--db", db, q)
		if code != 0 {
			t.Fatalf("search %s: %s", q, errs)
		}
		var hits []storage.Hit
		if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) == 0 {
			t.Errorf("search %q: %d hits (%v)", q, len(hits), err)
		}
	}
}

func TestTimelineJSONOnSampleLibrary(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lib.db")
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadSample(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	type doc struct {
		ID                int64
		Title, Kind, Date string
	}
	var tl struct {
		At      string
		Parties []struct {
			Party              string
			Document, Previous *doc
			TopicsAdded        []string `json:"topics_added"`
			TopicsDropped      []string `json:"topics_dropped"`
		}
		Statements []struct{ Date, Party, Speaker, Text string }
	}
	at := func(date string) map[string]*doc {
		code, out, errs := cli(t, "timeline", "--json", "--db", db, "--at", date)
		if code != 0 {
			t.Fatalf("timeline: %s", errs)
		}
		if err := json.Unmarshal([]byte(out), &tl); err != nil {
			t.Fatal(err)
		}
		m := map[string]*doc{}
		for _, p := range tl.Parties {
			m[p.Party] = p.Document
		}
		return m
	}
	m := at("2025-06-01")
	if m["Ukraine"] == nil || m["Russian Federation"] != nil {
		t.Errorf("2025-06-01: Ukraine %v, Russia %v; want Ukraine's memorandum and nothing for Russia", m["Ukraine"], m["Russian Federation"])
	}
	for _, s := range tl.Statements {
		if s.Date > "2025-06-01" || s.Date < "2025-05-02" {
			t.Errorf("statement of %s outside the 30 days up to 2025-06-01", s.Date)
		}
	}
	if len(tl.Statements) == 0 {
		t.Error("no statements in the 30 days up to 2025-06-01")
	}
	m = at("2025-06-02")
	if m["Ukraine"] == nil || m["Russian Federation"] == nil || m["Russian Federation"].Date != "2025-06-02" {
		t.Errorf("2025-06-02: Ukraine %v, Russia %v", m["Ukraine"], m["Russian Federation"])
	}
	m = at("2025-12-31")
	if m["United States"] == nil || m["Ukraine"] == nil || m["United States"].ID != m["Ukraine"].ID {
		t.Errorf("2025-12-31: the joint framework should count for Ukraine and the United States: %v %v", m["Ukraine"], m["United States"])
	}
}

func TestCompareJSONShape(t *testing.T) {
	docs := corpusDocs(t)
	sort.Strings(docs)
	code, out, errs := cli(t, "compare", "--json", docs[1], docs[0]) // Russian vs Ukrainian memoranda, as files
	if code != 0 {
		t.Fatalf("compare: %s", errs)
	}
	var c struct {
		Left, Right struct {
			Title, Party, Date string
			Provisions         []struct {
				Label, Text string
				Topics      []string
			}
		}
		Rows []struct {
			Left, Right []string
			Topic       string
			Similarity  float64
			Diff        []struct{ Op, Text string }
		}
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, r := range c.Rows {
		for _, l := range r.Left {
			seen["L"+l]++
		}
		for _, l := range r.Right {
			seen["R"+l]++
		}
	}
	for side, d := range map[string][]struct {
		Label, Text string
		Topics      []string
	}{"L": c.Left.Provisions, "R": c.Right.Provisions} {
		for _, p := range d {
			if seen[side+p.Label] != 1 {
				t.Errorf("%s %s appears in %d rows, want 1", side, p.Label, seen[side+p.Label])
			}
		}
	}
	if c.Left.Date != "2025-06-02" || c.Right.Party != "Ukraine" {
		t.Errorf("left %s, right %s", c.Left.Date, c.Right.Party)
	}
}

func TestNoDisplayIsAMessageNotACrash(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	code, _, errs := cli(t, "--db", filepath.Join(t.TempDir(), "lib.db"))
	if code != 1 || !strings.Contains(errs, "no graphical display") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}
