package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"counterpart/compare"
)

// Decisions returns the manual alignment decisions for comparing leftDoc
// with rightDoc: those stored for that ordered pair, and those stored for
// (rightDoc, leftDoc) with their sides swapped, by ID.
func (s *Store) Decisions(ctx context.Context, leftDoc, rightDoc int64) ([]compare.Decision, error) {
	q := `SELECT id, kind, left_label, right_label FROM decisions WHERE left_doc = ?1 AND right_doc = ?2`
	if leftDoc != rightDoc {
		q += ` UNION ALL SELECT id, kind, right_label, left_label FROM decisions WHERE left_doc = ?2 AND right_doc = ?1`
	}
	rows, err := s.db.QueryContext(ctx, q+" ORDER BY id", leftDoc, rightDoc)
	if err != nil {
		return nil, fmt.Errorf("storage: list decisions for #%d and #%d: %w", leftDoc, rightDoc, err)
	}
	defer rows.Close()
	var out []compare.Decision
	for rows.Next() {
		var d compare.Decision
		if err := rows.Scan(&d.ID, &d.Kind, &d.Left, &d.Right); err != nil {
			return nil, fmt.Errorf("storage: list decisions for #%d and #%d: %w", leftDoc, rightDoc, err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: list decisions for #%d and #%d: %w", leftDoc, rightDoc, err)
	}
	return out, nil
}

// AddDecision stores a decision for comparing leftDoc with rightDoc and
// returns its ID. Pair and Split name a provision on each side;
// NoCounterpart names one provision, on either side.
func (s *Store) AddDecision(ctx context.Context, leftDoc, rightDoc int64, d compare.Decision) (int64, error) {
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := validateDecision(d); err != nil {
			return err
		}
		for _, doc := range []int64{leftDoc, rightDoc} {
			if err := documentExists(ctx, tx, doc); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO decisions (left_doc, right_doc, kind, left_label, right_label)
			VALUES (?, ?, ?, ?, ?)`, leftDoc, rightDoc, d.Kind, d.Left, d.Right)
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("storage: add %s decision for #%d and #%d: %w", d.Kind, leftDoc, rightDoc, err)
	}
	return id, nil
}

func validateDecision(d compare.Decision) error {
	switch d.Kind {
	case compare.Pair, compare.Split:
		if d.Left == "" || d.Right == "" {
			return fmt.Errorf("a %s decision names a provision on each side", d.Kind)
		}
	case compare.NoCounterpart:
		if (d.Left == "") == (d.Right == "") {
			return errors.New("a no-counterpart decision names one provision, on one side")
		}
	default:
		return fmt.Errorf("decision kind %q is not one of pair, split, no-counterpart", d.Kind)
	}
	return nil
}

// documentExists fails with ErrNotFound naming the document when id is not in the library.
func documentExists(ctx context.Context, tx *sql.Tx, id int64) error {
	var ok bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?)", id).Scan(&ok); err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("document #%d: %w", id, ErrNotFound)
	}
	return nil
}

// DeleteDecision removes a decision.
func (s *Store) DeleteDecision(ctx context.Context, id int64) error {
	if err := s.deleteRow(ctx, "decisions", id); err != nil {
		return fmt.Errorf("storage: delete decision #%d: %w", id, err)
	}
	return nil
}

// deleteRow deletes row id of table, or fails with ErrNotFound.
func (s *Store) deleteRow(ctx context.Context, table string, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = ?", id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return ErrNotFound
		}
		return nil
	})
}

// Notes returns the notes on provisions of the given documents (all notes
// when none is given), by ID. A note on a comparison row is returned with
// its Document; callers showing a comparison keep those whose Other is 0
// or the other document of the comparison.
func (s *Store) Notes(ctx context.Context, docIDs ...int64) ([]compare.Note, error) {
	out, err := listNotes(ctx, s.db, docIDs)
	if err != nil {
		return nil, fmt.Errorf("storage: list notes: %w", err)
	}
	return out, nil
}

func listNotes(ctx context.Context, db queryer, docIDs []int64) ([]compare.Note, error) {
	q := "SELECT id, document_id, label, coalesce(other_doc, 0), text, created FROM notes"
	args := make([]any, len(docIDs))
	if len(docIDs) > 0 {
		q += " WHERE document_id IN (?" + strings.Repeat(", ?", len(docIDs)-1) + ")"
		for i, id := range docIDs {
			args[i] = id
		}
	}
	rows, err := db.QueryContext(ctx, q+" ORDER BY id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []compare.Note
	for rows.Next() {
		var n compare.Note
		if err := rows.Scan(&n.ID, &n.Document, &n.Label, &n.Other, &n.Text, &n.Created); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// AddNote stores a note and returns its ID. Created defaults to today.
func (s *Store) AddNote(ctx context.Context, n compare.Note) (int64, error) {
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = insertNote(ctx, tx, n, 0)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("storage: add note on %s of document #%d: %w", n.Label, n.Document, err)
	}
	return id, nil
}

// insertNote validates and stores a note under id when that is not 0 and
// free, else under a new ID.
func insertNote(ctx context.Context, tx *sql.Tx, n compare.Note, id int64) (int64, error) {
	if err := validateNote(ctx, tx, &n); err != nil {
		return 0, err
	}
	if id != 0 {
		var taken bool
		if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM notes WHERE id = ?)", id).Scan(&taken); err != nil {
			return 0, err
		}
		if taken {
			id = 0
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO notes (id, document_id, label, other_doc, text, created)
		VALUES (nullif(?, 0), ?, ?, nullif(?, 0), ?, ?)`, id, n.Document, n.Label, n.Other, n.Text, n.Created)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func validateNote(ctx context.Context, tx *sql.Tx, n *compare.Note) error {
	if strings.TrimSpace(n.Text) == "" {
		return errors.New("the note is empty")
	}
	if strings.TrimSpace(n.Label) == "" {
		return errors.New("the note names no provision")
	}
	if n.Created == "" {
		n.Created = compare.DateOf(time.Now())
	} else if _, err := compare.ParseDate(string(n.Created)); err != nil {
		return err
	}
	if err := documentExists(ctx, tx, n.Document); err != nil {
		return err
	}
	if n.Other != 0 {
		return documentExists(ctx, tx, n.Other)
	}
	return nil
}

// UpdateNote changes a note's text, provision and other document; its
// creation date changes only if n sets one.
func (s *Store) UpdateNote(ctx context.Context, n compare.Note) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		keep := n.Created == ""
		if err := validateNote(ctx, tx, &n); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE notes SET document_id = ?, label = ?, other_doc = nullif(?, 0), text = ?,
			created = CASE WHEN ? THEN created ELSE ? END WHERE id = ?`,
			n.Document, n.Label, n.Other, n.Text, keep, n.Created, n.ID)
		if err != nil {
			return err
		}
		if k, err := res.RowsAffected(); err != nil {
			return err
		} else if k == 0 {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("storage: update note #%d: %w", n.ID, err)
	}
	return nil
}

// DeleteNote removes a note.
func (s *Store) DeleteNote(ctx context.Context, id int64) error {
	if err := s.deleteRow(ctx, "notes", id); err != nil {
		return fmt.Errorf("storage: delete note #%d: %w", id, err)
	}
	return nil
}
