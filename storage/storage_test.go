package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"counterpart/compare"
)

// newStore opens a new library in a temporary folder.
func newStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// testDocs are a few small documents in English, Ukrainian and Russian.
func testDocs() []compare.Document {
	return []compare.Document{
		{
			Parties: []string{"Ukraine"}, Title: "Memorandum on a ceasefire", Kind: compare.Memorandum,
			Date: "2025-05-28", Source: "test", Language: "en",
			Provisions: []compare.Provision{
				{Label: "I.1", Heading: "I. Principles", Text: "A complete and unconditional ceasefire.", Order: 0,
					Topics: []compare.Topic{compare.Ceasefire}, Stance: compare.Demand},
				{Label: "I.2", Heading: "I. Principles", Text: "Ukraine takes on no obligation to be neutral; membership of NATO depends on consensus.", Order: 1,
					Topics: []compare.Topic{compare.Alliances, compare.Guarantees}, Stance: compare.Position},
				{Label: "I.2.a", Parent: "I.2", Heading: "I. Principles", Text: "Sanctions are lifted in stages.", Order: 2},
			},
		},
		{
			Parties: []string{"Russian Federation"}, Title: "Меморандум", Kind: compare.Memorandum,
			Date: "2025-06-02", Language: "ru",
			Provisions: []compare.Provision{
				{Label: "1", Text: "Украина отказывается от вступления в НАТО.", Order: 0},
				{Label: "2", Text: "Признание Крыма и новых регионов.", Order: 1},
			},
		},
		{
			Parties: []string{"Ukraine", "United States"}, Title: "Рамкова угода", Kind: compare.Framework,
			Date: "2025-12-24", Language: "uk", Revises: 0,
			Provisions: []compare.Provision{
				{Label: "1", Text: "Україна отримує гарантії безпеки.", Order: 0},
				{Label: "2", Text: "Élections présidentielles après la signature.", Order: 1},
			},
		},
	}
}

func testStatements() []compare.Statement {
	return []compare.Statement{
		{Date: "2025-05-16", Party: "Russian Federation", Speaker: "Vladimir Medinsky", Text: "A 1,000-for-1,000 prisoner exchange was agreed.", Source: "test"},
		{Date: "2025-05-19", Party: "United States", Speaker: "Donald Trump", Text: "Talks on a ceasefire will start immediately."},
		{Date: "2025-06-02", Party: "Ukraine", Speaker: "Rustem Umerov", Text: "Україна передала свій меморандум."},
	}
}

// counts returns the number of rows of every table, and the integrity check.
func counts(t *testing.T, s *Store) map[string]int {
	t.Helper()
	c := map[string]int{}
	for _, table := range []string{"parties", "documents", "document_parties", "provisions", "topics",
		"provision_topics", "statements", "decisions", "notes", "search"} {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		c[table] = n
	}
	checkIntegrity(t, s.db)
	return c
}

func checkIntegrity(t *testing.T, db *sql.DB) {
	t.Helper()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil {
		t.Fatal(err)
	}
	if res != "ok" {
		t.Fatalf("integrity_check: %s", res)
	}
	rows, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		t.Fatal("foreign_key_check reports violations")
	}
	if _, err := db.Exec("INSERT INTO search (search) VALUES ('integrity-check')"); err != nil {
		t.Fatalf("full-text index is out of sync: %v", err)
	}
}

func TestOpenCreatesLibrary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "dir", "library.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	for pragma, want := range map[string]string{
		"application_id": fmt.Sprint(applicationID),
		"user_version":   fmt.Sprint(SchemaVersion),
		"journal_mode":   "wal",
		"foreign_keys":   "1",
	} {
		var got string
		if err := s.db.QueryRow("PRAGMA " + pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %s, want %s", pragma, got, want)
		}
	}
	if SchemaVersion < 2 {
		t.Errorf("SchemaVersion = %d, want at least 2 migrations", SchemaVersion)
	}
	empty, err := s.Empty(context.Background())
	if err != nil || !empty {
		t.Errorf("Empty() = %v, %v; want true", empty, err)
	}
	// Opening again is a no-op and takes no backup.
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
	if m, _ := filepath.Glob(path + ".before-*"); len(m) != 0 {
		t.Errorf("backups taken without an upgrade: %v", m)
	}
}

func TestDefaultPath(t *testing.T) {
	p, err := DefaultPath()
	if err != nil {
		t.Skip("no user config dir:", err)
	}
	if filepath.Base(p) != "library.db" || filepath.Base(filepath.Dir(p)) != "Counterpart" {
		t.Errorf("DefaultPath() = %q, want …/Counterpart/library.db", p)
	}
}

func TestUpgradeKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	old, err := openVersion(path, 1)
	if err != nil {
		t.Fatal(err)
	}
	var v int
	old.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != 1 {
		t.Fatalf("old library has schema %d, want 1", v)
	}
	ids, err := old.Import(ctx, testDocs(), testStatements())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.AddDecision(ctx, ids[0], ids[1], compare.Decision{Kind: compare.Pair, Left: "I.2", Right: "1"}); err != nil {
		t.Fatal(err)
	}
	before, err := old.Document(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	old.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != SchemaVersion {
		t.Errorf("upgraded library has schema %d, want %d", v, SchemaVersion)
	}
	after, err := s.Document(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Errorf("document changed by the upgrade:\n%+v\n%+v", before, after)
	}
	docs, _ := s.Documents(ctx)
	stmts, _ := s.Statements(ctx, StatementFilter{})
	decs, _ := s.Decisions(ctx, ids[0], ids[1])
	if len(docs) != 3 || len(stmts) != 3 || len(decs) != 1 {
		t.Errorf("after upgrade: %d documents, %d statements, %d decisions; want 3, 3, 1", len(docs), len(stmts), len(decs))
	}
	// The search index of migration 2 covers what was stored before it.
	hits, err := s.Search(ctx, "нато", 10)
	if err != nil || len(hits) != 1 {
		t.Errorf("Search after upgrade = %v, %v; want one hit", hits, err)
	}
	if hits, _ := s.Search(ctx, "medinsky", 10); len(hits) != 0 {
		t.Errorf("speaker names are not indexed, got %v", hits)
	}
	if hits, _ := s.Search(ctx, "exchange", 10); len(hits) != 1 || hits[0].StatementID == 0 {
		t.Errorf("statement not found after upgrade: %v", hits)
	}
	if _, err := s.AddNote(ctx, compare.Note{Document: ids[0], Label: "I.1", Text: "new table works"}); err != nil {
		t.Error(err)
	}
	checkIntegrity(t, s.db)

	// The backup taken before the upgrade is the old library.
	bak := path + ".before-v2.bak"
	b, err := openVersion(bak, 1)
	if err != nil {
		t.Fatalf("backup before upgrade: %v", err)
	}
	defer b.Close()
	b.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != 1 {
		t.Errorf("backup has schema %d, want 1", v)
	}
	if d, err := b.Document(ctx, ids[0]); err != nil || !reflect.DeepEqual(d, before) {
		t.Errorf("backup document = %+v, %v", d, err)
	}
}

func TestOpenRefusesForeignAndNewerFiles(t *testing.T) {
	dir := t.TempDir()
	makeDB := func(name string, stmts ...string) string {
		p := filepath.Join(dir, name)
		db, err := sql.Open("sqlite", p)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, q := range stmts {
			if _, err := db.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		return p
	}
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("These are not the droids you are looking for.\n"+strings.Repeat("x", 200)), 0o600)
	short := filepath.Join(dir, "short.db")
	os.WriteFile(short, []byte("SQLite"), 0o600)
	newer := filepath.Join(dir, "newer.db")
	s, err := Open(newer)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec("PRAGMA user_version = 7")
	s.Close()

	tests := []struct {
		name, path string
		want       error
		message    string
	}{
		{"text file", text, ErrNotLibrary, text + " is not a Counterpart library"},
		{"truncated", short, ErrNotLibrary, "is not a Counterpart library"},
		{"other application", makeDB("other.db", "CREATE TABLE t (x)", "PRAGMA application_id = 1234"), ErrNotLibrary, "is not a Counterpart library"},
		{"plain SQLite with tables", makeDB("plain.db", "CREATE TABLE t (x)", "INSERT INTO t VALUES (1)"), ErrNotLibrary, "is not a Counterpart library"},
		{"newer Counterpart", newer, ErrTooNew, "was written by a newer Counterpart (schema 7, this version knows 2); update Counterpart"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(tt.path)
			s, err := Open(tt.path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.message) {
				t.Errorf("Open: %v; want %v containing %q", err, tt.want, tt.message)
			}
			after, _ := os.ReadFile(tt.path)
			if !bytes.Equal(before, after) {
				t.Error("Open modified the file it refused")
			}
			if m, _ := filepath.Glob(tt.path + ".before-*"); len(m) != 0 {
				t.Errorf("backup taken of a refused file: %v", m)
			}
		})
	}
	// An empty file becomes a library.
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	if s, err := Open(empty); err != nil {
		t.Errorf("Open(empty file): %v", err)
	} else {
		s.Close()
	}
}

func TestImportAndRead(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	in := testDocs()
	ids, err := s.Import(ctx, in, testStatements())
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != len(in) {
		t.Fatalf("Import returned %d IDs for %d documents", len(ids), len(in))
	}
	for i, id := range ids {
		got, err := s.Document(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want := tagged(in[i])
		want.ID = id
		for j, p := range want.Provisions {
			if len(p.Topics) == 0 {
				want.Provisions[j].Topics = nil
			}
			if p.Stance == "" || len(in[i].Provisions[j].Topics) > 0 && !reflect.DeepEqual(p.Topics, in[i].Provisions[j].Topics) {
				t.Errorf("provision %s: tagging left stance empty or changed the given topics: %+v", p.Label, p)
			}
		}
		for j := range got.Provisions {
			if got.Provisions[j].ID == 0 {
				t.Errorf("provision %s has no ID", got.Provisions[j].Label)
			}
			got.Provisions[j].ID = 0
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Document(%d):\n got %+v\nwant %+v", id, got, want)
		}
	}
	first, _ := s.Document(ctx, ids[0])
	if p := first.Provisions[2]; len(p.Topics) == 0 || p.Topics[0] != compare.Sanctions {
		t.Errorf("untagged provision %q got topics %v, want sanctions first", p.Text, p.Topics)
	}
	docs, err := s.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, d := range docs {
		if d.Provisions != nil {
			t.Errorf("Documents() returns provisions of %q", d.Title)
		}
		order = append(order, string(d.Date))
	}
	if !reflect.DeepEqual(order, []string{"2025-05-28", "2025-06-02", "2025-12-24"}) {
		t.Errorf("Documents() order by date = %v", order)
	}
	if docs[2].Party() != "Ukraine; United States" {
		t.Errorf("joint document's parties = %q", docs[2].Party())
	}
	if _, err := s.Document(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Document(999): %v, want ErrNotFound", err)
	}
	if empty, _ := s.Empty(ctx); empty {
		t.Error("Empty() after import")
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	valid := testDocs()
	tests := []struct {
		name    string
		third   func(d *compare.Document)
		stmts   []compare.Statement
		message string
	}{
		{"empty title", func(d *compare.Document) { d.Title = " " }, nil, "has no title"},
		{"repeated label", func(d *compare.Document) { d.Provisions[1].Label = d.Provisions[0].Label }, nil, "appears twice"},
		{"bad date", func(d *compare.Document) { d.Date = "2025-02-30" }, nil, "not a valid date"},
		{"no party", func(d *compare.Document) { d.Parties = nil }, nil, "has no party"},
		{"bad kind", func(d *compare.Document) { d.Kind = "treaty" }, nil, "kind"},
		{"bad stance", func(d *compare.Document) { d.Provisions[0].Stance = "threat" }, nil, "stance"},
		{"unknown revised document", func(d *compare.Document) { d.Revises = 4242 }, nil, "#4242"},
		{"duplicate of the first", func(d *compare.Document) { *d = testDocs()[0] }, nil, "already in the library"},
		{"bad statement", func(d *compare.Document) {}, []compare.Statement{testStatements()[0], {Date: "2025-01-01", Party: "Ukraine"}}, "text is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			// Something already in the library must stay as it is.
			if _, err := s.Import(ctx, []compare.Document{extraDoc(0)}, testStatements()[:1]); err != nil {
				t.Fatal(err)
			}
			before := counts(t, s)
			batch := append([]compare.Document(nil), valid...)
			batch[2].Provisions = append([]compare.Provision(nil), batch[2].Provisions...)
			batch[1].Parties = []string{"Brand New Party"} // would create a party
			tt.third(&batch[2])
			_, err := s.Import(ctx, batch, tt.stmts)
			if err == nil || !strings.Contains(err.Error(), tt.message) {
				t.Fatalf("Import: %v; want error containing %q", err, tt.message)
			}
			if after := counts(t, s); !reflect.DeepEqual(before, after) {
				t.Errorf("failed import changed the library:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
}

// extraDoc makes a distinct valid document.
func extraDoc(i int) compare.Document {
	return compare.Document{
		Parties: []string{"Ukraine"}, Title: fmt.Sprintf("Extra %d", i), Kind: compare.Proposal, Date: "2025-01-01",
		Provisions: []compare.Provision{{Label: "1", Text: fmt.Sprintf("Extra provision number %d.", i)}},
	}
}

func TestDuplicateDetection(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ids, err := s.Import(ctx, testDocs()[:1], nil)
	if err != nil {
		t.Fatal(err)
	}
	dup := testDocs()[0]
	dup.Source = "another source" // not part of the content
	dup.Provisions[0].Topics = nil
	_, err = s.Import(ctx, []compare.Document{dup}, nil)
	if !errors.Is(err, ErrDuplicate) {
		t.Fatalf("re-import: %v, want ErrDuplicate", err)
	}
	if want := fmt.Sprintf("#%d %q", ids[0], dup.Title); !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not name the existing document %s", err, want)
	}
	changed := testDocs()[0]
	changed.Provisions[2].Text += " Amended."
	if _, err := s.Import(ctx, []compare.Document{changed}, nil); err != nil {
		t.Errorf("import of an amended document: %v", err)
	}
}

func TestPartiesGetDistinctColours(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	var docs []compare.Document
	names := []string{"Ukraine", "Russian Federation", "Republic of Moldova", "Türkiye", "Holy See", "United States"}
	for i, n := range names {
		d := extraDoc(i)
		d.Parties = []string{n}
		docs = append(docs, d)
	}
	if _, err := s.Import(ctx, docs, []compare.Statement{{Date: "2025-01-02", Party: "ukraine", Text: "same party, other case"}}); err != nil {
		t.Fatal(err)
	}
	ps, err := s.Parties(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != len(names) {
		t.Fatalf("Parties() = %v, want %d parties", ps, len(names))
	}
	colours := map[string]string{}
	byName := map[string]compare.Party{}
	for _, p := range ps {
		if other, ok := colours[p.Colour]; ok {
			t.Errorf("%s and %s share colour %s", p.Name, other, p.Colour)
		}
		colours[p.Colour] = p.Name
		byName[p.Name] = p
		if !colourPattern.MatchString(p.Colour) || p.Short == "" {
			t.Errorf("party %+v lacks a colour or short name", p)
		}
	}
	if p := byName["Ukraine"]; p.Short != "UA" || p.Colour != "#0072B2" {
		t.Errorf("Ukraine = %+v, want UA #0072B2", p)
	}
	if p := byName["Republic of Moldova"]; p.Short != "RM" {
		t.Errorf("Moldova's short name = %q", p.Short)
	}
	p := byName["Holy See"]
	p.Colour, p.Short = "#123456", "VA"
	if err := s.UpdateParty(ctx, p); err != nil {
		t.Fatal(err)
	}
	ps, _ = s.Parties(ctx)
	found := false
	for _, q := range ps {
		found = found || q == p
	}
	if !found {
		t.Errorf("UpdateParty not stored: %v", ps)
	}
	for _, bad := range []compare.Party{{ID: p.ID, Name: "Holy See", Colour: "red"}, {ID: 999, Name: "Nobody"}, {ID: p.ID, Name: "Ukraine"}} {
		if err := s.UpdateParty(ctx, bad); err == nil {
			t.Errorf("UpdateParty(%+v) succeeded", bad)
		}
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ids, err := s.Import(ctx, testDocs(), testStatements())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  []string // "doc#label" or "st#speaker"
	}{
		{"україна", []string{"3#1", "st#Rustem Umerov"}},
		{"УКРАЇНА", []string{"3#1", "st#Rustem Umerov"}},
		{"нато", []string{"2#1"}},
		{"nato", []string{"1#I.2"}},
		{"НАТО", []string{"2#1"}},
		{"elections", []string{"3#2"}}, // "Élections": diacritics folded
		{"presidentielles", []string{"3#2"}},
		{"sanct", []string{"1#I.2.a"}}, // prefix on the last word
		{"unconditional ceasef", []string{"1#I.1"}},
		{"ceasefire", []string{"1#I.1", "st#Donald Trump"}},
		{"prisoner exchange", []string{"st#Vladimir Medinsky"}},
		{`NATO "`, []string{"1#I.2"}},
		{`-`, nil},
		{`"`, nil},
		{`*`, nil},
		{`NEAR(`, nil},
		{`AND OR NOT`, nil},
		{`ceasefire:`, []string{"1#I.1", "st#Donald Trump"}},
		{`text:nato`, nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits, err := s.Search(ctx, tt.query, 10)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				if h.StatementID != 0 {
					got = append(got, "st#"+h.Title)
				} else {
					for i, id := range ids {
						if id == h.DocumentID {
							got = append(got, fmt.Sprintf("%d#%s", i+1, h.Label))
						}
					}
				}
			}
			if !sameSet(got, tt.want) {
				t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
	hits, _ := s.Search(ctx, "nato", 10)
	h := hits[0]
	if h.Title != "Memorandum on a ceasefire" || h.Party != "Ukraine" || h.Date != "2025-05-28" ||
		!strings.Contains(h.Snippet, MatchStart+"NATO"+MatchEnd) {
		t.Errorf("provision hit = %+v", h)
	}
	hits, _ = s.Search(ctx, "гарантії", 10)
	if len(hits) != 1 || hits[0].Party != "Ukraine; United States" {
		t.Errorf("joint document hit = %+v", hits)
	}
	hits, _ = s.Search(ctx, "меморандум", 10)
	if len(hits) != 1 || hits[0].Party != "Ukraine" || hits[0].Date != "2025-06-02" || hits[0].StatementID == 0 {
		t.Errorf("statement hit = %+v", hits)
	}
	if hits, _ := s.Search(ctx, "a", 1); len(hits) != 1 {
		t.Errorf("limit 1 gave %d hits", len(hits))
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, v := range m {
		if v != 0 {
			return false
		}
	}
	return true
}

func TestDeleteAndUndo(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ids, err := s.Import(ctx, testDocs(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddDecision(ctx, ids[0], ids[1], compare.Decision{Kind: compare.Pair, Left: "I.2", Right: "1"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote(ctx, compare.Note{Document: ids[0], Label: "I.1", Text: "note"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote(ctx, compare.Note{Document: ids[1], Label: "1", Other: ids[0], Text: "row note"}); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Document(ctx, ids[0])
	full := counts(t, s)
	deleted, err := s.DeleteDocument(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(deleted, before) {
		t.Errorf("DeleteDocument returned %+v, want %+v", deleted, before)
	}
	if _, err := s.Document(ctx, ids[0]); !errors.Is(err, ErrNotFound) {
		t.Errorf("Document after delete: %v", err)
	}
	if hits, _ := s.Search(ctx, "unconditional", 10); len(hits) != 0 {
		t.Errorf("search finds deleted provisions: %v", hits)
	}
	if d, _ := s.Decisions(ctx, ids[0], ids[1]); len(d) != 0 {
		t.Errorf("decisions of a deleted document remain: %v", d)
	}
	if n, _ := s.Notes(ctx); len(n) != 0 {
		t.Errorf("notes of a deleted document remain: %v", n)
	}
	if _, err := s.DeleteDocument(ctx, ids[0]); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}

	// Undo.
	again, err := s.Import(ctx, []compare.Document{deleted}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again[0] != ids[0] {
		t.Errorf("undo gave ID %d, want %d", again[0], ids[0])
	}
	after, _ := s.Document(ctx, again[0])
	for i := range after.Provisions {
		after.Provisions[i].ID, before.Provisions[i].ID = 0, 0
	}
	if !reflect.DeepEqual(after, before) {
		t.Errorf("after undo:\n got %+v\nwant %+v", after, before)
	}
	if hits, _ := s.Search(ctx, "unconditional", 10); len(hits) != 1 {
		t.Errorf("search after undo: %v", hits)
	}
	c := counts(t, s)
	c["decisions"], c["notes"] = full["decisions"], full["notes"]
	if !reflect.DeepEqual(c, full) {
		t.Errorf("counts after undo %v, want %v", c, full)
	}
}

func TestUpdateDocumentKeepsDecisionsAndNotes(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ids, err := s.Import(ctx, testDocs(), nil)
	if err != nil {
		t.Fatal(err)
	}
	s.AddDecision(ctx, ids[0], ids[1], compare.Decision{Kind: compare.Split, Left: "I.1", Right: "2"})
	s.AddNote(ctx, compare.Note{Document: ids[0], Label: "I.1", Text: "keep me"})
	d, _ := s.Document(ctx, ids[0])
	d.Title = "Memorandum, second version"
	d.Parties = []string{"Ukraine", "European Union"}
	d.Revises = ids[1]
	d.Provisions = []compare.Provision{{Label: "I.1", Text: "A ceasefire of thirty days.", Topics: []compare.Topic{"custom-topic"}}}
	if err := s.UpdateDocument(ctx, d); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Document(ctx, ids[0])
	got.Provisions[0].ID = 0
	if !reflect.DeepEqual(got, d) {
		t.Errorf("after update:\n got %+v\nwant %+v", got, d)
	}
	if dec, _ := s.Decisions(ctx, ids[0], ids[1]); len(dec) != 1 {
		t.Errorf("decisions after update: %v", dec)
	}
	if n, _ := s.Notes(ctx, ids[0]); len(n) != 1 {
		t.Errorf("notes after update: %v", n)
	}
	if hits, _ := s.Search(ctx, "thirty", 10); len(hits) != 1 {
		t.Errorf("search for new text: %v", hits)
	}
	if hits, _ := s.Search(ctx, "sanctions", 10); len(hits) != 0 {
		t.Errorf("search finds replaced text: %v", hits)
	}
	d.ID = 999
	if err := s.UpdateDocument(ctx, d); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateDocument(999): %v", err)
	}
	counts(t, s)
}

func TestSetProvision(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ids, _ := s.Import(ctx, testDocs(), nil)
	topics := []compare.Topic{compare.Sanctions, compare.Assets, compare.Sanctions}
	if err := s.SetProvision(ctx, ids[0], "I.2.a", topics, compare.Procedure); err != nil {
		t.Fatal(err)
	}
	d, _ := s.Document(ctx, ids[0])
	p := d.Provisions[2]
	if !reflect.DeepEqual(p.Topics, []compare.Topic{compare.Sanctions, compare.Assets}) || p.Stance != compare.Procedure {
		t.Errorf("provision after SetProvision: %+v", p)
	}
	if err := s.SetProvision(ctx, ids[0], "I.9", nil, ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetProvision of a missing label: %v", err)
	}
	if err := s.SetProvision(ctx, ids[0], "I.1", nil, "threat"); err == nil {
		t.Error("SetProvision accepted an unknown stance")
	}
}

func TestDecisions(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ids, _ := s.Import(ctx, testDocs(), nil)
	a, b, c := ids[0], ids[1], ids[2]
	add := func(l, r int64, d compare.Decision) int64 {
		id, err := s.AddDecision(ctx, l, r, d)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	d1 := add(a, b, compare.Decision{Kind: compare.Pair, Left: "I.2", Right: "1"})
	d2 := add(b, a, compare.Decision{Kind: compare.NoCounterpart, Left: "2"})
	add(a, c, compare.Decision{Kind: compare.Split, Left: "I.1", Right: "1"})
	want := []compare.Decision{
		{ID: d1, Kind: compare.Pair, Left: "I.2", Right: "1"},
		{ID: d2, Kind: compare.NoCounterpart, Right: "2"},
	}
	if got, _ := s.Decisions(ctx, a, b); !reflect.DeepEqual(got, want) {
		t.Errorf("Decisions(a, b) = %+v, want %+v", got, want)
	}
	if got, _ := s.Decisions(ctx, b, a); len(got) != 2 || got[0].Left != "1" || got[1].Left != "2" {
		t.Errorf("Decisions(b, a) = %+v", got)
	}
	for _, bad := range []compare.Decision{{Kind: "merge", Left: "1", Right: "1"}, {Kind: compare.Pair, Left: "1"}, {Kind: compare.NoCounterpart}} {
		if _, err := s.AddDecision(ctx, a, b, bad); err == nil {
			t.Errorf("AddDecision(%+v) succeeded", bad)
		}
	}
	if _, err := s.AddDecision(ctx, a, 999, want[0]); !errors.Is(err, ErrNotFound) {
		t.Errorf("AddDecision for a missing document: %v", err)
	}
	if err := s.DeleteDecision(ctx, d1); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Decisions(ctx, a, b); len(got) != 1 {
		t.Errorf("after delete: %+v", got)
	}
	if err := s.DeleteDecision(ctx, d1); !errors.Is(err, ErrNotFound) {
		t.Errorf("second DeleteDecision: %v", err)
	}
}

func TestNotes(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ids, _ := s.Import(ctx, testDocs(), nil)
	n1, err := s.AddNote(ctx, compare.Note{Document: ids[0], Label: "I.1", Text: "first", Created: "2025-06-01"})
	if err != nil {
		t.Fatal(err)
	}
	n2, err := s.AddNote(ctx, compare.Note{Document: ids[1], Label: "1", Other: ids[0], Text: "row"})
	if err != nil {
		t.Fatal(err)
	}
	all, _ := s.Notes(ctx)
	if len(all) != 2 || all[1].Created == "" || all[1].Other != ids[0] {
		t.Errorf("Notes() = %+v", all)
	}
	if got, _ := s.Notes(ctx, ids[0]); len(got) != 1 || got[0].ID != n1 {
		t.Errorf("Notes(a) = %+v", got)
	}
	if got, _ := s.Notes(ctx, ids[0], ids[1]); len(got) != 2 {
		t.Errorf("Notes(a, b) = %+v", got)
	}
	if err := s.UpdateNote(ctx, compare.Note{ID: n1, Document: ids[0], Label: "I.2", Text: "edited"}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Notes(ctx, ids[0])
	if want := (compare.Note{ID: n1, Document: ids[0], Label: "I.2", Text: "edited", Created: "2025-06-01"}); got[0] != want {
		t.Errorf("after UpdateNote: %+v, want %+v", got[0], want)
	}
	for _, bad := range []compare.Note{{Document: ids[0], Label: "I.1"}, {Document: 999, Label: "1", Text: "x"}, {Document: ids[0], Text: "x"}} {
		if _, err := s.AddNote(ctx, bad); err == nil {
			t.Errorf("AddNote(%+v) succeeded", bad)
		}
	}
	if err := s.UpdateNote(ctx, compare.Note{ID: 999, Document: ids[0], Label: "1", Text: "x"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateNote(999): %v", err)
	}
	if err := s.DeleteNote(ctx, n2); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteNote(ctx, n2); !errors.Is(err, ErrNotFound) {
		t.Errorf("second DeleteNote: %v", err)
	}
}

func TestStatementsFilter(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	if _, err := s.Import(ctx, nil, testStatements()); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		f    StatementFilter
		want []string
	}{
		{StatementFilter{}, []string{"Vladimir Medinsky", "Donald Trump", "Rustem Umerov"}},
		{StatementFilter{Party: "united states"}, []string{"Donald Trump"}},
		{StatementFilter{From: "2025-05-19"}, []string{"Donald Trump", "Rustem Umerov"}},
		{StatementFilter{To: "2025-05-19"}, []string{"Vladimir Medinsky", "Donald Trump"}},
		{StatementFilter{Party: "Ukraine", To: "2025-05-19"}, nil},
	}
	for _, tt := range tests {
		got, err := s.Statements(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		var speakers []string
		for _, st := range got {
			speakers = append(speakers, st.Speaker)
		}
		if !reflect.DeepEqual(speakers, tt.want) {
			t.Errorf("Statements(%+v) = %v, want %v", tt.f, speakers, tt.want)
		}
	}
}

// fill gives a library some of everything.
func fill(t *testing.T, s *Store) []int64 {
	t.Helper()
	ctx := context.Background()
	docs := testDocs()
	ids, err := s.Import(ctx, docs[:2], testStatements())
	if err != nil {
		t.Fatal(err)
	}
	docs[2].Revises = ids[0]
	more, err := s.Import(ctx, docs[2:], nil)
	if err != nil {
		t.Fatal(err)
	}
	ids = append(ids, more...)
	s.AddDecision(ctx, ids[0], ids[1], compare.Decision{Kind: compare.Pair, Left: "I.2", Right: "1"})
	s.AddDecision(ctx, ids[2], ids[0], compare.Decision{Kind: compare.NoCounterpart, Left: "2"})
	s.AddNote(ctx, compare.Note{Document: ids[0], Label: "I.1", Text: "note", Created: "2025-06-03"})
	s.AddNote(ctx, compare.Note{Document: ids[1], Label: "1", Other: ids[0], Text: "row note", Created: "2025-06-04"})
	s.SetProvision(ctx, ids[1], "2", []compare.Topic{compare.Territory}, compare.Demand)
	return ids
}

func TestJSONRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	fill(t, s)
	// Make IDs non-contiguous, so that a round trip must keep them.
	extra, _ := s.Import(ctx, []compare.Document{extraDoc(1)}, nil)
	s.DeleteDocument(ctx, extra[0])
	var first bytes.Buffer
	if err := s.ExportJSON(ctx, &first); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(first.String(), "{\n  \"format\": \"counterpart-library\",\n  \"version\": 1,") {
		t.Errorf("export starts %q", first.String()[:60])
	}
	s2 := newStore(t)
	if err := s2.ImportJSON(ctx, bytes.NewReader(first.Bytes())); err != nil {
		t.Fatal(err)
	}
	var second bytes.Buffer
	if err := s2.ExportJSON(ctx, &second); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Errorf("round trip differs:\n%s\n----\n%s", first.String(), second.String())
	}
	counts(t, s2)

	// Into a library that already has other content, IDs are remapped and
	// references follow; importing the same file twice is a duplicate.
	s3 := newStore(t)
	s3.Import(ctx, []compare.Document{extraDoc(7), extraDoc(8)}, nil)
	if err := s3.ImportJSON(ctx, bytes.NewReader(first.Bytes())); err != nil {
		t.Fatal(err)
	}
	docs, _ := s3.Documents(ctx)
	byTitle := map[string]int64{}
	for _, d := range docs {
		byTitle[d.Title] = d.ID
	}
	a, b, c := byTitle["Memorandum on a ceasefire"], byTitle["Меморандум"], byTitle["Рамкова угода"]
	if dec, _ := s3.Decisions(ctx, a, b); len(dec) != 1 || dec[0].Left != "I.2" {
		t.Errorf("remapped decisions: %+v", dec)
	}
	if dc, _ := s3.Document(ctx, c); dc.Revises != a {
		t.Errorf("remapped revises = %d, want %d", dc.Revises, a)
	}
	if n, _ := s3.Notes(ctx, b); len(n) != 1 || n[0].Other != a {
		t.Errorf("remapped notes: %+v", n)
	}
	before := counts(t, s3)
	if err := s3.ImportJSON(ctx, bytes.NewReader(first.Bytes())); !errors.Is(err, ErrDuplicate) {
		t.Errorf("second ImportJSON: %v, want ErrDuplicate", err)
	}
	if after := counts(t, s3); !reflect.DeepEqual(before, after) {
		t.Errorf("failed ImportJSON changed the library")
	}

	for _, bad := range []string{`{"format":"other","version":1}`, `{"format":"counterpart-library","version":9}`, `not json`} {
		if err := s2.ImportJSON(ctx, strings.NewReader(bad)); err == nil {
			t.Errorf("ImportJSON(%s) succeeded", bad)
		}
	}
}

func TestBackup(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	fill(t, s)
	path := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	b, err := Open(path)
	if err != nil {
		t.Fatalf("backup does not open: %v", err)
	}
	defer b.Close()
	var want, got bytes.Buffer
	s.ExportJSON(ctx, &want)
	b.ExportJSON(ctx, &got)
	if want.String() != got.String() {
		t.Error("backup differs from the library")
	}
	checkIntegrity(t, b.db)
	if err := s.Backup(ctx, path); !errors.Is(err, fs.ErrExist) {
		t.Errorf("Backup over an existing file: %v", err)
	}
}
