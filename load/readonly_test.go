package load

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	db := mustOpenPath(t, good)
	if _, err := db.SaveReport(ctx, sampleReport()); err != nil {
		t.Fatal(err)
	}
	db.Close()

	ro, err := OpenReadOnly(good)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if v, err := ro.Schema(ctx); err != nil || v != SchemaVersion() {
		t.Errorf("Schema = %d, %v; want %d", v, err, SchemaVersion())
	}
	var n int
	if err := ro.SQL().QueryRow(`SELECT count(*) FROM current_reports`).Scan(&n); err != nil || n != 1 {
		t.Errorf("current_reports: %d, %v; want 1 report", n, err)
	}
	for _, stmt := range []string{`DELETE FROM reports`, `CREATE TABLE x (a)`, `PRAGMA query_only = 0; DELETE FROM reports`} {
		if _, err := ro.SQL().Exec(stmt); err == nil {
			t.Errorf("%s: written through a read-only database", stmt)
		}
	}
	if err := ro.SQL().QueryRow(`SELECT count(*) FROM reports`).Scan(&n); err != nil || n != 1 {
		t.Errorf("after write attempts: %d reports, %v; want 1", n, err)
	}

	// Files that are no hesabat database this binary can read.
	text := writeFile(t, filepath.Join(dir, "notes.txt"), "not a database at all, just some words\n")
	other := filepath.Join(dir, "other.db")
	newer := filepath.Join(dir, "newer.db")
	older := filepath.Join(dir, "older.db")
	exec := func(path string, stmts ...string) {
		sdb, err := sql.Open("sqlite3", path)
		if err != nil {
			t.Fatal(err)
		}
		defer sdb.Close()
		for _, s := range stmts {
			if _, err := sdb.Exec(s); err != nil {
				t.Fatal(err)
			}
		}
	}
	exec(other, `CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)`)
	mustOpenPath(t, newer).Close()
	exec(newer, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_future.sql', '2030-01-01')`)
	exec(older, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)`,
		`INSERT INTO schema_migrations VALUES (4, '0004_ingest_state.sql', '2024-01-01')`)
	for _, tt := range []struct {
		name, path, want string
		notHesabat       bool
	}{
		{"missing", filepath.Join(dir, "nowhere.db"), "no such file", false},
		{"folder", dir, "not a regular file", false},
		{"text file", text, "not a hesabat database", true},
		{"other SQLite database", other, "no schema_migrations", true},
		{"newer schema", newer, "newer than this hesabat knows", false},
		{"older schema", older, "run hesabat ingest on it once", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db, err := OpenReadOnly(tt.path)
			if err == nil {
				db.Close()
				t.Fatal("opened")
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path) {
				t.Errorf("error %q: want it to name the file and say %q", err, tt.want)
			}
			if errors.Is(err, ErrNotHesabat) != tt.notHesabat {
				t.Errorf("errors.Is(%v, ErrNotHesabat) = %v", err, !tt.notHesabat)
			}
		})
	}
}
