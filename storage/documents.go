package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"counterpart/compare"
	sqlite "modernc.org/sqlite"
)

// Import adds documents and statements to the library in one transaction:
// either all of them are stored or, on any error, none. It returns the new
// documents' IDs in order. A document keeps its ID when it has one that is
// free, so re-importing what DeleteDocument returned restores it as it was.
// Parties not yet in the library are created, each with its own colour.
// Topics, stances and the language that a document leaves empty are filled
// in by the topic tagger. A document already in the library (same parties,
// title, date and provision texts) fails the import with an error wrapping
// ErrDuplicate that names the existing document.
func (s *Store) Import(ctx context.Context, docs []compare.Document, stmts []compare.Statement) ([]int64, error) {
	ids := make([]int64, 0, len(docs))
	err := s.write(ctx, func(tx *sql.Tx) error {
		w, err := newWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		for i, d := range docs {
			if err := validate(&d); err != nil {
				return fmt.Errorf("document %d (%q): %w", i+1, d.Title, err)
			}
			d = tagged(d)
			if err := w.checkDuplicate(&d, 0); err != nil {
				return fmt.Errorf("document %d %q: %w", i+1, d.Title, err)
			}
			id, err := w.insertDocument(&d, d.ID)
			if err != nil {
				return fmt.Errorf("document %d %q: %w", i+1, d.Title, err)
			}
			ids = append(ids, id)
		}
		for i, st := range stmts {
			if _, err := w.insertStatement(st, 0); err != nil {
				return fmt.Errorf("statement %d (%s, %s): %w", i+1, st.Date, st.Speaker, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage: import: %w", err)
	}
	return ids, nil
}

// validate checks a document before it is stored (compare's rules: party,
// title, date, kind, provisions with text and distinct labels) and
// normalises its title, parties and kind.
func validate(d *compare.Document) error {
	d.Title = strings.TrimSpace(d.Title)
	parties := make([]string, len(d.Parties))
	seen := map[string]bool{}
	for i, p := range d.Parties {
		parties[i] = strings.TrimSpace(p)
		key := strings.ToLower(parties[i])
		if key == "" {
			return errors.New("a party name is empty")
		}
		if seen[key] {
			return fmt.Errorf("party %q is named twice", p)
		}
		seen[key] = true
	}
	d.Parties = parties
	if err := d.Validate(); err != nil {
		return err
	}
	k, err := compare.ParseKind(string(d.Kind))
	if err != nil {
		return err
	}
	d.Kind = k
	return validateProvisions(d.Provisions)
}

func validateProvisions(ps []compare.Provision) error {
	labels := make(map[string]bool, len(ps))
	for i, p := range ps {
		if strings.TrimSpace(p.Label) == "" {
			return fmt.Errorf("provision %d has no label", i+1)
		}
		if labels[p.Label] {
			return fmt.Errorf("two provisions are labelled %q", p.Label)
		}
		labels[p.Label] = true
		if err := validateStance(p.Stance); err != nil {
			return fmt.Errorf("provision %s: %w", p.Label, err)
		}
	}
	return nil
}

func validateStance(st compare.Stance) error {
	if st == "" {
		return nil
	}
	for _, v := range compare.Stances {
		if v == st {
			return nil
		}
	}
	return fmt.Errorf("stance %q is not one of demand, commitment, position, procedure", st)
}

// tagged returns d with the topics, stances and language it leaves empty
// filled in by compare.Tag. It never changes the caller's provisions.
func tagged(d compare.Document) compare.Document {
	missing := d.Language == ""
	for _, p := range d.Provisions {
		missing = missing || len(p.Topics) == 0 || p.Stance == ""
	}
	if !missing {
		return d
	}
	d.Provisions = append([]compare.Provision(nil), d.Provisions...)
	compare.Tag(&d)
	return d
}

// contentHash identifies a document's content for duplicate detection: its
// parties, title, date and provision texts.
func contentHash(d *compare.Document) string {
	h := sha256.New()
	for _, p := range d.Parties {
		fmt.Fprintf(h, "party\x00%s\x00", strings.ToLower(strings.TrimSpace(p)))
	}
	fmt.Fprintf(h, "title\x00%s\x00date\x00%s\x00", strings.TrimSpace(d.Title), d.Date)
	for _, p := range d.Provisions {
		fmt.Fprintf(h, "text\x00%s\x00", strings.TrimSpace(p.Text))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Documents returns every document's metadata, by date then ID, without provisions.
func (s *Store) Documents(ctx context.Context) ([]compare.Document, error) {
	var docs []compare.Document
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		docs, err = loadDocuments(ctx, tx, nil)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: list documents: %w", err)
	}
	return docs, nil
}

// Document returns one document with its provisions, in order, and their topics.
func (s *Store) Document(ctx context.Context, id int64) (compare.Document, error) {
	var d compare.Document
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		d, err = loadDocument(ctx, tx, id)
		return err
	})
	if err != nil {
		return compare.Document{}, fmt.Errorf("storage: read document #%d: %w", id, err)
	}
	return d, nil
}

// loadDocuments reads the metadata of the documents with id = the given id,
// or of all documents when id is nil.
func loadDocuments(ctx context.Context, tx *sql.Tx, id *int64) ([]compare.Document, error) {
	q := "SELECT id, title, kind, date, source, language, coalesce(revises, 0) FROM documents"
	pq := "SELECT dp.document_id, p.name FROM document_parties dp JOIN parties p ON p.id = dp.party_id"
	var args []any
	if id != nil {
		q += " WHERE id = ?"
		pq += " WHERE dp.document_id = ?"
		args = append(args, *id)
	}
	q += " ORDER BY date, id"
	pq += " ORDER BY dp.document_id, dp.position"
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var docs []compare.Document
	index := map[int64]int{}
	for rows.Next() {
		var d compare.Document
		if err := rows.Scan(&d.ID, &d.Title, &d.Kind, &d.Date, &d.Source, &d.Language, &d.Revises); err != nil {
			return nil, err
		}
		d.Parties = []string{}
		index[d.ID] = len(docs)
		docs = append(docs, d)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	prows, err := tx.QueryContext(ctx, pq, args...)
	if err != nil {
		return nil, err
	}
	defer prows.Close()
	for prows.Next() {
		var doc int64
		var name string
		if err := prows.Scan(&doc, &name); err != nil {
			return nil, err
		}
		if i, ok := index[doc]; ok {
			docs[i].Parties = append(docs[i].Parties, name)
		}
	}
	return docs, prows.Err()
}

// loadDocument reads one document with its provisions and their topics.
func loadDocument(ctx context.Context, tx *sql.Tx, id int64) (compare.Document, error) {
	docs, err := loadDocuments(ctx, tx, &id)
	if err != nil {
		return compare.Document{}, err
	}
	if len(docs) == 0 {
		return compare.Document{}, ErrNotFound
	}
	d := docs[0]
	rows, err := tx.QueryContext(ctx, `SELECT id, label, parent, heading, text, ord, stance
		FROM provisions WHERE document_id = ? ORDER BY ord, id`, id)
	if err != nil {
		return d, err
	}
	defer rows.Close()
	index := map[int64]int{}
	d.Provisions = []compare.Provision{}
	for rows.Next() {
		var p compare.Provision
		if err := rows.Scan(&p.ID, &p.Label, &p.Parent, &p.Heading, &p.Text, &p.Order, &p.Stance); err != nil {
			return d, err
		}
		index[p.ID] = len(d.Provisions)
		d.Provisions = append(d.Provisions, p)
	}
	if err := rows.Err(); err != nil {
		return d, err
	}
	rows.Close()
	trows, err := tx.QueryContext(ctx, `SELECT pt.provision_id, pt.topic_id FROM provision_topics pt
		JOIN provisions p ON p.id = pt.provision_id WHERE p.document_id = ?
		ORDER BY pt.provision_id, pt.position`, id)
	if err != nil {
		return d, err
	}
	defer trows.Close()
	for trows.Next() {
		var pid int64
		var topic compare.Topic
		if err := trows.Scan(&pid, &topic); err != nil {
			return d, err
		}
		if i, ok := index[pid]; ok {
			d.Provisions[i].Topics = append(d.Provisions[i].Topics, topic)
		}
	}
	return d, trows.Err()
}

// UpdateDocument replaces a document's metadata, parties and provisions.
// Decisions and notes name provisions by label, so they survive the edit.
func (s *Store) UpdateDocument(ctx context.Context, d compare.Document) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := validate(&d); err != nil {
			return err
		}
		if d.Revises == d.ID {
			return errors.New("a document cannot revise itself")
		}
		var exists bool
		if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?)", d.ID).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			return ErrNotFound
		}
		w, err := newWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		if _, err := tx.ExecContext(ctx, "DELETE FROM document_parties WHERE document_id = ?", d.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM provisions WHERE document_id = ?", d.ID); err != nil {
			return err
		}
		if err := w.checkRevises(&d); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET title = ?, kind = ?, date = ?, source = ?,
			language = ?, revises = nullif(?, 0), content_hash = ? WHERE id = ?`,
			d.Title, d.Kind, d.Date, d.Source, d.Language, d.Revises, contentHash(&d), d.ID); err != nil {
			return err
		}
		return w.insertContents(&d, d.ID)
	})
	if err != nil {
		return fmt.Errorf("storage: update document #%d %q: %w", d.ID, d.Title, err)
	}
	return nil
}

// SetProvision sets the topics and stance of the provision labelled label.
func (s *Store) SetProvision(ctx context.Context, docID int64, label string, topics []compare.Topic, stance compare.Stance) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := validateStance(stance); err != nil {
			return err
		}
		var pid int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM provisions WHERE document_id = ? AND label = ?", docID, label).Scan(&pid)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE provisions SET stance = ? WHERE id = ?", stance, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM provision_topics WHERE provision_id = ?", pid); err != nil {
			return err
		}
		w, err := newWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		return w.insertTopics(pid, topics)
	})
	if err != nil {
		return fmt.Errorf("storage: set topics of provision %s of document #%d: %w", label, docID, err)
	}
	return nil
}

// DeleteDocument removes a document with its provisions, and the decisions
// and notes that involve it. It returns the document as it was, provisions
// included, so that Import can restore it (decisions and notes excepted).
func (s *Store) DeleteDocument(ctx context.Context, id int64) (compare.Document, error) {
	var d compare.Document
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if d, err = loadDocument(ctx, tx, id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM documents WHERE id = ?", id)
		return err
	})
	if err != nil {
		return compare.Document{}, fmt.Errorf("storage: delete document #%d: %w", id, err)
	}
	return d, nil
}

// Empty reports whether the library holds no documents and no statements.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var empty bool
	err := s.db.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM documents)
		AND NOT EXISTS (SELECT 1 FROM statements)`).Scan(&empty)
	if err != nil {
		return false, fmt.Errorf("storage: check whether the library is empty: %w", err)
	}
	return empty, nil
}

// writer inserts documents and statements in one transaction with prepared statements.
type writer struct {
	ctx       context.Context
	tx        *sql.Tx
	now       string
	parties   map[string]int64
	provision *sql.Stmt
	topic     *sql.Stmt
}

func newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{ctx: ctx, tx: tx, now: time.Now().UTC().Format(time.RFC3339), parties: map[string]int64{}}
	var err error
	w.provision, err = tx.PrepareContext(ctx, `INSERT INTO provisions
		(document_id, label, parent, heading, text, ord, stance) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	w.topic, err = tx.PrepareContext(ctx, "INSERT INTO provision_topics (provision_id, position, topic_id) VALUES (?, ?, ?)")
	if err != nil {
		w.provision.Close()
		return nil, err
	}
	return w, nil
}

func (w *writer) close() {
	w.provision.Close()
	w.topic.Close()
}

// checkDuplicate fails with ErrDuplicate when another document than except
// has d's content.
func (w *writer) checkDuplicate(d *compare.Document, except int64) error {
	var id int64
	var title string
	var date compare.Date
	err := w.tx.QueryRowContext(w.ctx, "SELECT id, title, date FROM documents WHERE content_hash = ? AND id <> ? LIMIT 1",
		contentHash(d), except).Scan(&id, &title, &date)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return fmt.Errorf("%w as #%d %q of %s", ErrDuplicate, id, title, date)
}

// insertDocument stores a validated document under id when that is not 0
// and free, else under a new ID, and returns the ID.
func (w *writer) insertDocument(d *compare.Document, id int64) (int64, error) {
	ctx, tx := w.ctx, w.tx
	if id != 0 {
		var taken bool
		if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?)", id).Scan(&taken); err != nil {
			return 0, err
		}
		if taken {
			id = 0
		}
	}
	if err := w.checkRevises(d); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO documents
		(id, title, kind, date, source, language, revises, content_hash, imported_at)
		VALUES (nullif(?, 0), ?, ?, ?, ?, ?, nullif(?, 0), ?, ?)`,
		id, d.Title, d.Kind, d.Date, d.Source, d.Language, d.Revises, contentHash(d), w.now)
	if err != nil {
		return 0, err
	}
	if id, err = res.LastInsertId(); err != nil {
		return 0, err
	}
	return id, w.insertContents(d, id)
}

// checkRevises fails unless the document d revises, if any, is in the library.
func (w *writer) checkRevises(d *compare.Document) error {
	if d.Revises == 0 {
		return nil
	}
	var ok bool
	if err := w.tx.QueryRowContext(w.ctx, "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?)", d.Revises).Scan(&ok); err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("it revises document #%d, which is not in the library", d.Revises)
	}
	return nil
}

// insertContents stores the parties and provisions of document id, which has none yet.
func (w *writer) insertContents(d *compare.Document, id int64) error {
	for i, name := range d.Parties {
		pid, err := partyID(w.ctx, w.tx, name, w.parties)
		if err != nil {
			return err
		}
		if _, err := w.tx.ExecContext(w.ctx, "INSERT INTO document_parties (document_id, position, party_id) VALUES (?, ?, ?)",
			id, i, pid); err != nil {
			return err
		}
	}
	for _, p := range d.Provisions {
		res, err := w.provision.ExecContext(w.ctx, id, p.Label, p.Parent, p.Heading, p.Text, p.Order, p.Stance)
		if err != nil {
			return fmt.Errorf("provision %s: %w", p.Label, err)
		}
		pid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if err := w.insertTopics(pid, p.Topics); err != nil {
			return fmt.Errorf("provision %s: %w", p.Label, err)
		}
	}
	return nil
}

// insertTopics tags a provision with topics, in order, ignoring repeats;
// topics outside the built-in taxonomy are added to the topics table.
func (w *writer) insertTopics(provision int64, topics []compare.Topic) error {
	seen := map[compare.Topic]bool{}
	for _, t := range topics {
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		if !t.Valid() {
			if _, err := w.tx.ExecContext(w.ctx, "INSERT OR IGNORE INTO topics (id, title) VALUES (?, ?)", t, t.Title()); err != nil {
				return err
			}
		}
		if _, err := w.topic.ExecContext(w.ctx, provision, len(seen)-1, t); err != nil {
			return err
		}
	}
	return nil
}

// insertStatement validates and stores a statement under id when that is
// not 0 and free, else under a new ID, and returns the ID.
func (w *writer) insertStatement(st compare.Statement, id int64) (int64, error) {
	date, err := compare.ParseDate(string(st.Date))
	if err != nil {
		return 0, err
	}
	if strings.TrimSpace(st.Text) == "" {
		return 0, errors.New("the text is empty")
	}
	pid, err := partyID(w.ctx, w.tx, st.Party, w.parties)
	if err != nil {
		return 0, err
	}
	if id != 0 {
		var taken bool
		if err := w.tx.QueryRowContext(w.ctx, "SELECT EXISTS (SELECT 1 FROM statements WHERE id = ?)", id).Scan(&taken); err != nil {
			return 0, err
		}
		if taken {
			id = 0
		}
	}
	res, err := w.tx.ExecContext(w.ctx, `INSERT INTO statements (id, date, party_id, speaker, text, source)
		VALUES (nullif(?, 0), ?, ?, ?, ?, ?)`, id, date, pid, strings.TrimSpace(st.Speaker), st.Text, st.Source)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// isConstraint reports whether err is a SQLite constraint violation.
func isConstraint(err error) bool {
	var serr *sqlite.Error
	return errors.As(err, &serr) && serr.Code()&0xff == 19 // SQLITE_CONSTRAINT
}
