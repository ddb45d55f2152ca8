package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"

	"counterpart/assets"
	"counterpart/compare"
)

// The JSON export format's name and the newest version this code writes and reads.
const (
	exportFormat  = "counterpart-library"
	exportVersion = 1
)

// libraryFile is the whole library as JSON. IDs are kept so that decisions,
// notes and revisions can refer to documents; provision IDs are left out, as
// everything names provisions by label.
type libraryFile struct {
	Format     string              `json:"format"`
	Version    int                 `json:"version"`
	Parties    []compare.Party     `json:"parties"`
	Documents  []compare.Document  `json:"documents"`
	Statements []compare.Statement `json:"statements"`
	Decisions  []decisionRecord    `json:"decisions"`
	Notes      []compare.Note      `json:"notes"`
}

// decisionRecord is a stored decision with the documents it is for.
type decisionRecord struct {
	ID            int64 `json:"id"`
	LeftDocument  int64 `json:"left_document"`
	RightDocument int64 `json:"right_document"`
	compare.Decision
}

// ExportJSON writes the whole library (parties, documents with provisions,
// topics and stances, statements, decisions and notes) as one JSON object
// {"format": "counterpart-library", "version": 1, …} that ImportJSON reads.
func (s *Store) ExportJSON(ctx context.Context, w io.Writer) error {
	f := libraryFile{Format: exportFormat, Version: exportVersion, Documents: []compare.Document{}}
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		if f.Parties, err = listParties(ctx, tx, "id"); err != nil {
			return err
		}
		docs, err := loadDocuments(ctx, tx, nil)
		if err != nil {
			return err
		}
		for _, d := range docs {
			full, err := loadDocument(ctx, tx, d.ID)
			if err != nil {
				return err
			}
			for i := range full.Provisions {
				full.Provisions[i].ID = 0
			}
			f.Documents = append(f.Documents, full)
		}
		if f.Statements, err = listStatements(ctx, tx, StatementFilter{}); err != nil {
			return err
		}
		if f.Decisions, err = allDecisions(ctx, tx); err != nil {
			return err
		}
		f.Notes, err = listNotes(ctx, tx, nil)
		return err
	})
	if err != nil {
		return fmt.Errorf("storage: export: %w", err)
	}
	if f.Parties == nil {
		f.Parties = []compare.Party{}
	}
	if f.Statements == nil {
		f.Statements = []compare.Statement{}
	}
	if f.Notes == nil {
		f.Notes = []compare.Note{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("storage: export: %w", err)
	}
	return nil
}

// allDecisions reads every decision with its documents.
func allDecisions(ctx context.Context, db queryer) ([]decisionRecord, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, left_doc, right_doc, kind, left_label, right_label
		FROM decisions ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []decisionRecord{}
	for rows.Next() {
		var d decisionRecord
		if err := rows.Scan(&d.ID, &d.LeftDocument, &d.RightDocument, &d.Kind, &d.Left, &d.Right); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// ImportJSON adds a library written by ExportJSON, in one transaction: all
// of it or, on any error, nothing. Into an empty library it restores every
// ID; otherwise documents, statements, decisions and notes whose IDs are
// taken get new ones, and references are updated. Parties already in the
// library keep their short names and colours. A document already in the
// library fails the import with ErrDuplicate.
func (s *Store) ImportJSON(ctx context.Context, r io.Reader) error {
	var f libraryFile
	if err := json.NewDecoder(r).Decode(&f); err != nil {
		return fmt.Errorf("storage: import library file: it is not valid JSON: %w", err)
	}
	if f.Format != exportFormat {
		return fmt.Errorf("storage: import library file: it is not a Counterpart library export (format %q)", f.Format)
	}
	if f.Version > exportVersion {
		return fmt.Errorf("storage: import library file: it %w (format version %d, this version reads %d); update Counterpart",
			ErrTooNew, f.Version, exportVersion)
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		w, err := newWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		for _, p := range f.Parties {
			if err := importParty(ctx, tx, p); err != nil {
				return fmt.Errorf("party %q: %w", p.Name, err)
			}
		}
		ids := map[int64]int64{} // document ID in the file → in the library
		for i, d := range f.Documents {
			revises := d.Revises
			d.Revises = 0
			if err := validate(&d); err != nil {
				return fmt.Errorf("document %d (%q): %w", i+1, d.Title, err)
			}
			if err := w.checkDuplicate(&d, 0); err != nil {
				return fmt.Errorf("document %d (%q): %w", i+1, d.Title, err)
			}
			id, err := w.insertDocument(&d, d.ID)
			if err != nil {
				return fmt.Errorf("document %d (%q): %w", i+1, d.Title, err)
			}
			ids[d.ID] = id
			f.Documents[i].ID, f.Documents[i].Revises = id, revises
		}
		docID := func(old int64) (int64, error) {
			id, ok := ids[old]
			if !ok {
				return 0, fmt.Errorf("document #%d is not in the file", old)
			}
			return id, nil
		}
		for i, d := range f.Documents {
			if d.Revises == 0 {
				continue
			}
			rev, err := docID(d.Revises)
			if err != nil {
				return fmt.Errorf("document %d (%q) revises %w", i+1, d.Title, err)
			}
			if _, err := tx.ExecContext(ctx, "UPDATE documents SET revises = ? WHERE id = ?", rev, d.ID); err != nil {
				return err
			}
		}
		for i, st := range f.Statements {
			if _, err := w.insertStatement(st, st.ID); err != nil {
				return fmt.Errorf("statement %d (%s, %s): %w", i+1, st.Date, st.Speaker, err)
			}
		}
		for i, d := range f.Decisions {
			if err := importDecision(ctx, tx, d, docID); err != nil {
				return fmt.Errorf("decision %d: %w", i+1, err)
			}
		}
		for i, n := range f.Notes {
			var err error
			if n.Document, err = docID(n.Document); err == nil && n.Other != 0 {
				n.Other, err = docID(n.Other)
			}
			if err == nil {
				_, err = insertNote(ctx, tx, n, n.ID)
			}
			if err != nil {
				return fmt.Errorf("note %d: %w", i+1, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("storage: import library file: %w", err)
	}
	return nil
}

// importParty adds p unless a party of that name exists, keeping its ID when free.
func importParty(ctx context.Context, tx *sql.Tx, p compare.Party) error {
	var exists bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM parties WHERE name = ?)", p.Name).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return nil
	}
	if p.Name == "" {
		return errors.New("a party name is empty")
	}
	if p.Colour == "" || !colourPattern.MatchString(p.Colour) {
		np, err := newParty(ctx, tx, p.Name)
		if err != nil {
			return err
		}
		p.Colour = np.Colour
	}
	var taken bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM parties WHERE id = ?)", p.ID).Scan(&taken); err != nil {
		return err
	}
	if taken {
		p.ID = 0
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO parties (id, name, short, colour) VALUES (nullif(?, 0), ?, ?, ?)",
		p.ID, p.Name, p.Short, p.Colour)
	return err
}

// importDecision adds d for its documents mapped by docID, keeping its ID when free.
func importDecision(ctx context.Context, tx *sql.Tx, d decisionRecord, docID func(int64) (int64, error)) error {
	if err := validateDecision(d.Decision); err != nil {
		return err
	}
	left, err := docID(d.LeftDocument)
	if err != nil {
		return err
	}
	right, err := docID(d.RightDocument)
	if err != nil {
		return err
	}
	id := d.ID
	var taken bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM decisions WHERE id = ?)", id).Scan(&taken); err != nil {
		return err
	}
	if taken {
		id = 0
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO decisions (id, left_doc, right_doc, kind, left_label, right_label)
		VALUES (nullif(?, 0), ?, ?, ?, ?, ?)`, id, left, right, d.Kind, d.Left, d.Right)
	return err
}

// LoadSample imports the sample library shipped with Counterpart (the
// documents and statements of the 2025 negotiations, see assets.Corpus) in
// one transaction. The usual parties get fixed, distinct colours.
func (s *Store) LoadSample(ctx context.Context) error {
	docs, stmts, err := sampleCorpus()
	if err != nil {
		return fmt.Errorf("storage: load the sample library: %w", err)
	}
	if _, err := s.Import(ctx, docs, stmts); err != nil {
		return fmt.Errorf("storage: load the sample library: %w", err)
	}
	return nil
}

// sampleCorpus parses the embedded sample documents and statements.
func sampleCorpus() ([]compare.Document, []compare.Statement, error) {
	names, err := fs.Glob(assets.Corpus, "documents/*.md")
	if err != nil {
		return nil, nil, err
	}
	var docs []compare.Document
	for _, name := range names {
		src, err := fs.ReadFile(assets.Corpus, name)
		if err != nil {
			return nil, nil, err
		}
		d, err := compare.Parse(path.Base(name), src)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", name, err)
		}
		docs = append(docs, d)
	}
	f, err := assets.Corpus.Open("statements.tsv")
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	stmts, err := compare.ParseStatements("statements.tsv", f)
	if err != nil {
		return nil, nil, fmt.Errorf("statements.tsv: %w", err)
	}
	return docs, stmts, nil
}
