// Package storage keeps Counterpart's library in one SQLite file: parties,
// documents with their provisions, topics and stances, statements, manual
// alignment decisions and analysts' notes, with a full-text index over
// provision and statement texts.
//
// A Store is safe for concurrent use. Every method that writes runs in one
// immediate transaction: it either happens completely or not at all, even if
// the process is killed halfway. The schema is upgraded by numbered,
// embedded migrations when a library is opened, after a backup copy of the
// file is taken next to it.
package storage

import (
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	sqlite "modernc.org/sqlite"
)

// applicationID marks a SQLite file as a Counterpart library ("CPRT").
const applicationID = 0x43505254

// dsnParams are the connection settings of every pooled connection.
const dsnParams = "_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_txlock=immediate"

// Errors a caller can test for with errors.Is.
var (
	// ErrDuplicate: the library already holds the document being imported.
	ErrDuplicate = errors.New("already in the library")
	// ErrNotFound: no document, provision, decision or note has that identity.
	ErrNotFound = errors.New("not found")
	// ErrNotLibrary: the file is not a SQLite database made by Counterpart.
	ErrNotLibrary = errors.New("not a Counterpart library")
	// ErrTooNew: the file was written by a newer Counterpart with a schema this version does not know.
	ErrTooNew = errors.New("was written by a newer Counterpart")
	// ErrCorrupt: the file is a damaged database.
	ErrCorrupt = errors.New("is damaged (the database file is corrupt); restore a backup")
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations are the embedded schema changes, in order; version i+1 is at index i.
var migrations = mustLoadMigrations()

func mustLoadMigrations() []migration {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	sort.Strings(names)
	var ms []migration
	for i, name := range names {
		base := filepath.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v != i+1 {
			panic(fmt.Sprintf("storage: migration %s is out of sequence (want number %04d)", base, i+1))
		}
		b, err := migrationFiles.ReadFile(name)
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	return ms
}

// SchemaVersion is the newest library schema this version of Counterpart knows.
var SchemaVersion = len(migrations)

// Store is an open library.
type Store struct {
	db   *sql.DB
	path string
}

// DefaultPath returns where the user's library lives: library.db in a
// Counterpart folder of the per-user configuration directory, that is
// ~/.config/Counterpart on Linux (or $XDG_CONFIG_HOME/Counterpart),
// ~/Library/Application Support/Counterpart on macOS and
// %AppData%\Counterpart on Windows. The folder is created by Open.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("storage: find the library folder: %w", err)
	}
	return filepath.Join(dir, "Counterpart", "library.db"), nil
}

// Open opens the library at path, creating the file (and its folder) if it
// does not exist and upgrading its schema if it is older than this version.
// Before an upgrade it copies the file to PATH.before-vN.bak. It fails with
// ErrNotLibrary for a file that is not a Counterpart library and with
// ErrTooNew for a library written by a newer Counterpart; it never modifies
// such files.
func Open(path string) (*Store, error) { return openVersion(path, SchemaVersion) }

// openVersion opens path and migrates it up to schema target.
func openVersion(path string, target int) (*Store, error) {
	if path == "" {
		return nil, errors.New("storage: open: no library path given")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("storage: open %s: create its folder: %w", path, err)
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	if err := checkExisting(path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", path+"?"+dsnParams)
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if err := s.migrate(context.Background(), target); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// checkHeader rejects, without opening it as a database, a file that is not
// SQLite or belongs to another application.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("storage: open %s: %w", path, err)
	}
	defer f.Close()
	var h [100]byte
	n, err := io.ReadFull(f, h[:])
	if n == 0 && (err == io.EOF) {
		return nil // an empty file becomes a new library
	}
	if err != nil || string(h[:16]) != "SQLite format 3\x00" {
		return notLibrary(path)
	}
	if id := binary.BigEndian.Uint32(h[68:72]); id != 0 && id != applicationID {
		return notLibrary(path)
	}
	return nil
}

// checkExisting opens path with a plain connection, which changes nothing in
// the file, and rejects foreign databases and libraries that are too new.
func checkExisting(path string) error {
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		return fmt.Errorf("storage: open %s: %w", path, err)
	}
	defer db.Close()
	var app, version, objects int
	err = db.QueryRow(`SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_schema)`).Scan(&app, &version, &objects)
	var serr *sqlite.Error
	if errors.As(err, &serr) && serr.Code()&0xff == 26 { // SQLITE_NOTADB
		return notLibrary(path)
	}
	if errors.As(err, &serr) && serr.Code()&0xff == 11 { // SQLITE_CORRUPT
		return fmt.Errorf("storage: open: %s %w", path, ErrCorrupt)
	}
	if err != nil {
		return fmt.Errorf("storage: open %s: %w", path, err)
	}
	switch {
	case app == 0 && version == 0 && objects == 0:
		return nil // new
	case app != applicationID:
		return notLibrary(path)
	case version > SchemaVersion:
		return fmt.Errorf("storage: open: %s %w (schema %d, this version knows %d); update Counterpart",
			path, ErrTooNew, version, SchemaVersion)
	}
	return nil
}

func notLibrary(path string) error {
	return fmt.Errorf("storage: open: %s is %w", path, ErrNotLibrary)
}

// migrate applies the migrations above the file's user_version up to target,
// each in its own transaction, after backing up an existing library.
func (s *Store) migrate(ctx context.Context, target int) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("storage: open %s: read schema version: %w", s.path, err)
	}
	if version >= target {
		return nil
	}
	if version > 0 {
		if _, err := s.backupBeforeUpgrade(ctx, target); err != nil {
			return fmt.Errorf("storage: open %s: back up before upgrading to schema %d: %w", s.path, target, err)
		}
	}
	for _, m := range migrations[:target] {
		err := s.write(ctx, func(tx *sql.Tx) error {
			// Read the version again inside the write lock: another process
			// may have migrated the file meanwhile.
			var v int
			if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
				return err
			}
			if v >= m.version {
				return nil
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			if m.version == 1 {
				if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
					return err
				}
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version))
			return err
		})
		if err != nil {
			return fmt.Errorf("storage: open %s: apply migration %s: %w", s.path, m.name, err)
		}
	}
	return nil
}

// backupBeforeUpgrade copies the library to PATH.before-vN.bak (or
// PATH.before-vN.K.bak when that exists) and returns the copy's path.
func (s *Store) backupBeforeUpgrade(ctx context.Context, target int) (string, error) {
	base := fmt.Sprintf("%s.before-v%d", s.path, target)
	name := base + ".bak"
	for k := 2; ; k++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			break
		}
		name = fmt.Sprintf("%s.%d.bak", base, k)
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", name); err != nil {
		return "", err
	}
	return name, nil
}

// Close closes the library.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("storage: close %s: %w", s.path, err)
	}
	return nil
}

// Path returns the library's file name, as given to Open.
func (s *Store) Path() string { return s.path }

// write runs fn in one immediate transaction and commits it if fn succeeds.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// read runs fn in one read-only transaction, so that it sees one consistent
// state of the library without blocking writers.
func (s *Store) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// Backup writes a compact copy of the library to path, which must not exist.
// The copy is itself a library that Open accepts.
func (s *Store) Backup(ctx context.Context, path string) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("storage: back up to %s: %w; choose another name", path, fs.ErrExist)
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", path); err != nil {
		return fmt.Errorf("storage: back up to %s: %w", path, err)
	}
	return nil
}
