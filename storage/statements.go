package storage

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"counterpart/compare"
)

// StatementFilter selects statements; its zero value selects all.
type StatementFilter struct {
	Party string       // party name, any case; "" for every party
	From  compare.Date // first date included; "" for no lower bound
	To    compare.Date // last date included; "" for no upper bound
}

// Statements returns the statements that f selects, by date then ID.
func (s *Store) Statements(ctx context.Context, f StatementFilter) ([]compare.Statement, error) {
	out, err := listStatements(ctx, s.db, f)
	if err != nil {
		return nil, fmt.Errorf("storage: list statements: %w", err)
	}
	return out, nil
}

func listStatements(ctx context.Context, db queryer, f StatementFilter) ([]compare.Statement, error) {
	q := `SELECT st.id, st.date, p.name, st.speaker, st.text, st.source
		FROM statements st JOIN parties p ON p.id = st.party_id WHERE 1`
	var args []any
	if f.Party != "" {
		q += " AND p.name = ?"
		args = append(args, strings.TrimSpace(f.Party))
	}
	if f.From != "" {
		q += " AND st.date >= ?"
		args = append(args, f.From)
	}
	if f.To != "" {
		q += " AND st.date <= ?"
		args = append(args, f.To)
	}
	q += " ORDER BY st.date, st.id"
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []compare.Statement
	for rows.Next() {
		var st compare.Statement
		if err := rows.Scan(&st.ID, &st.Date, &st.Party, &st.Speaker, &st.Text, &st.Source); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// Markers around the matched words in a Hit's Snippet.
const (
	MatchStart = "**"
	MatchEnd   = "**"
)

// Hit is one search result: a provision (DocumentID and Label set) or a
// statement (StatementID set; Title is then the speaker).
type Hit struct {
	DocumentID  int64
	Label       string
	StatementID int64
	Title       string       // the document's title, or the statement's speaker
	Party       string       // the document's parties joined by "; ", or the statement's party
	Date        compare.Date // the document's or the statement's date
	Snippet     string       // the matching passage, matched words between MatchStart and MatchEnd
}

// Search finds provisions and statements containing every word of query,
// the last word also as a prefix ("sanct" finds "sanctions"), regardless of
// case and diacritics in any script. The best matches come first, at most
// limit of them (50 when limit ≤ 0). Punctuation and FTS syntax in query are
// treated as word separators, so any input is safe; a query with no words
// finds nothing.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	match := matchExpression(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 50
	}
	rows, err := s.db.QueryContext(ctx, `SELECT search.rowid,
			snippet(search, 0, ?, ?, '…', 16),
			coalesce(p.document_id, 0), coalesce(p.label, ''), coalesce(d.title, st.speaker, ''),
			coalesce(d.date, st.date, ''),
			coalesce(sp.name, (SELECT group_concat(name, '; ') FROM (SELECT pa.name FROM document_parties dp
				JOIN parties pa ON pa.id = dp.party_id WHERE dp.document_id = d.id ORDER BY dp.position)), '')
		FROM search
		LEFT JOIN provisions p ON search.rowid > 0 AND p.id = search.rowid
		LEFT JOIN documents d ON d.id = p.document_id
		LEFT JOIN statements st ON search.rowid < 0 AND st.id = -search.rowid
		LEFT JOIN parties sp ON sp.id = st.party_id
		WHERE search MATCH ?
		ORDER BY rank
		LIMIT ?`, MatchStart, MatchEnd, match, limit)
	if err != nil {
		return nil, fmt.Errorf("storage: search for %q: %w", query, err)
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var h Hit
		var rowid int64
		if err := rows.Scan(&rowid, &h.Snippet, &h.DocumentID, &h.Label, &h.Title, &h.Date, &h.Party); err != nil {
			return nil, fmt.Errorf("storage: search for %q: %w", query, err)
		}
		if rowid < 0 {
			h.StatementID = -rowid
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: search for %q: %w", query, err)
	}
	return hits, nil
}

// matchExpression turns what a user typed into an FTS5 query: every word
// quoted, all required, the last one also matching as a prefix.
func matchExpression(query string) string {
	words := strings.FieldsFunc(query, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
	if len(words) == 0 {
		return ""
	}
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	words[len(words)-1] += "*"
	return strings.Join(words, " ")
}
