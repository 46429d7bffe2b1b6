package load

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"
)

// MinReadSchema is the oldest schema OpenReadOnly accepts: the views of
// current reports (0005) and the search index (0006) are read as they are,
// since a read-only database cannot be upgraded.
const MinReadSchema = 6

// ErrNotHesabat is returned by OpenReadOnly for a file that is not a
// hesabat database.
var ErrNotHesabat = errors.New("not a hesabat database")

// OpenReadOnly opens the hesabat database at path for reading only: the
// file is opened with SQLite's mode=ro and every connection is query_only,
// so nothing can write to it, and no migration is applied. It refuses,
// with an error saying what to do, a missing file, a file that is not a
// hesabat database (not SQLite, or no schema_migrations), a database
// written by a newer hesabat (a schema this binary does not know) and one
// older than MinReadSchema.
func OpenReadOnly(path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("open: empty database path")
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w (hint: give the database with --db; hesabat ingest creates it)", path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("open %s: not a regular file", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	params := url.Values{
		"mode":          {"ro"},
		"_query_only":   {"true"},
		"_foreign_keys": {"on"},
		"_busy_timeout": {"5000"},
	}
	sqlDB, err := sql.Open("sqlite3", u.String()+"?"+params.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if _, err := readSchema(sqlDB); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return &DB{db: sqlDB, Now: time.Now}, nil
}

// readSchema returns the schema version of a hesabat database, or why it
// is not one this binary can read.
func readSchema(db *sql.DB) (int, error) {
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&n); err != nil {
		return 0, fmt.Errorf("%w: %v", ErrNotHesabat, err)
	}
	if n == 0 {
		return 0, fmt.Errorf("%w: no schema_migrations table (hint: give the file hesabat ingest wrote)", ErrNotHesabat)
	}
	var v sql.NullInt64
	if err := db.QueryRow(`SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("%w: %v", ErrNotHesabat, err)
	}
	switch {
	case !v.Valid:
		return 0, fmt.Errorf("%w: schema_migrations is empty", ErrNotHesabat)
	case int(v.Int64) > SchemaVersion():
		return 0, fmt.Errorf("schema %d is newer than this hesabat knows (%d): upgrade hesabat", v.Int64, SchemaVersion())
	case int(v.Int64) < MinReadSchema:
		return 0, fmt.Errorf("schema %d is older than %d: run hesabat ingest on it once to upgrade it", v.Int64, MinReadSchema)
	}
	return int(v.Int64), nil
}

// Schema returns the version of the database's schema: the newest
// migration applied to it.
func (db *DB) Schema(ctx context.Context) (int, error) {
	var v int
	if err := db.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	return v, nil
}

// SQL returns the database handle, for read queries over the tables and
// views of SCHEMA.md. On a database opened by OpenReadOnly nothing can
// write through it.
func (db *DB) SQL() *sql.DB { return db.db }
