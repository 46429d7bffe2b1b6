package load

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestFreshSchema: a new database that Open makes from fresh.sql is the
// database the migrations build on an empty file: the same schema objects
// with the same SQL, the same rows in every table (FTS5's shadow tables
// included) except the times the migrations were applied, and the same
// settings kept in the file. So a migration added without making fresh.sql
// anew fails here, and the diff of fresh.sql shows in review what the
// migration did to the schema. With -update it writes fresh.sql from the
// migrations (run the test once more to check the new file).
func TestFreshSchema(t *testing.T) {
	replayed := newDB(t, false)
	if *update {
		if err := os.WriteFile("fresh.sql", []byte(freshScript(t, replayed)), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Log("fresh.sql written: run the test again, the binary holds the old one")
	}
	fresh := newDB(t, true)
	if n := queryInt(t, fresh, `SELECT count(*) FROM schema_migrations WHERE applied_at = ?`, fresh.now()); n != SchemaVersion() {
		t.Errorf("%d migrations recorded as applied now, want %d", n, SchemaVersion())
	}
	want, got := databaseDump(t, replayed), databaseDump(t, fresh)
	for _, l := range got {
		if !slices.Contains(want, l) {
			t.Errorf("only in the database made from fresh.sql: %s", l)
		}
	}
	for _, l := range want {
		if !slices.Contains(got, l) {
			t.Errorf("only in the database the migrations build: %s", l)
		}
	}
	if t.Failed() {
		t.Log("make fresh.sql anew: go test -tags sqlite_fts5 ./load -run TestFreshSchema -update")
	}
}

// TestFreshOnlyWhenEmpty: Open takes fresh.sql only for a file without a
// schema; a database holding anything is migrated from where it is.
func TestFreshOnlyWhenEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`CREATE TABLE notes (x)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db := mustOpenPath(t, path)
	if n := queryInt(t, db, `SELECT count(*) FROM schema_migrations`); n != SchemaVersion() {
		t.Errorf("%d migrations recorded, want %d", n, SchemaVersion())
	}
	if n := queryInt(t, db, `SELECT count(*) FROM sqlite_schema WHERE name = 'notes'`); n != 1 {
		t.Error("the table already there is gone")
	}
}

// newDB makes the schema of a new file as Open does, from fresh.sql if
// fresh, else by applying every migration one by one.
func newDB(t *testing.T, fresh bool) *DB {
	t.Helper()
	dsn, err := dataSourceName(filepath.Join(t.TempDir(), "new.db"))
	if err != nil {
		t.Fatal(err)
	}
	sqlDB, err := sql.Open("sqlite3", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sqlDB.Close() })
	db := &DB{db: sqlDB, Now: func() time.Time { return time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC) }}
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	if fresh {
		if err := db.createFresh(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.migrate(context.Background(), sub); err != nil {
		t.Fatal(err)
	}
	return db
}

// freshScript writes the SQL that makes db's schema in an empty file:
// tables in the order they were made, then indexes, views and triggers
// (SQLite resolves the names in views and triggers when they run), the
// rows of schema_migrations, and the settings of each FTS5 table. Shadow
// tables and automatic indexes are made by SQLite with their owners. A
// migration that leaves other rows would need them here: it fails.
func freshScript(t *testing.T, db *DB) string {
	t.Helper()
	shadow := map[string]bool{}
	for _, row := range queryStrings(t, db, `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'`) {
		shadow[row[0]] = true
	}
	var b strings.Builder
	fmt.Fprintf(&b, "-- The schema of a new database: what migrations 1 to %d build on an empty file.\n", SchemaVersion())
	b.WriteString("-- Made from migrations/ by `go test -tags sqlite_fts5 ./load -run TestFreshSchema -update`; do not edit.\n")
	objects := queryStrings(t, db, `SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid`)
	for _, typ := range []string{"table", "index", "view", "trigger"} {
		for _, o := range objects {
			if o[0] == typ && !shadow[o[1]] {
				b.WriteString("\n" + o[2] + ";\n")
			}
		}
	}
	b.WriteString("\n")
	for _, o := range objects {
		switch name := o[1]; {
		case o[0] != "table" || shadow[name] || strings.HasPrefix(o[2], "CREATE VIRTUAL TABLE"):
		case name == "schema_migrations":
			for _, m := range queryStrings(t, db, `SELECT version, quote(name) FROM schema_migrations ORDER BY version`) {
				fmt.Fprintf(&b, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (%s, %s, '');\n", m[0], m[1])
			}
		case queryInt(t, db, `SELECT count(*) FROM "`+name+`"`) > 0:
			t.Fatalf("the migrations leave rows in %s: fresh.sql holds none", name)
		}
		if shadow[o[1]+"_config"] {
			// Migration 0006 rebuilt the empty index, which writes its
			// structure records: so does fresh.sql, for the same bytes.
			fmt.Fprintf(&b, "INSERT INTO %s (%s) VALUES ('rebuild');\n", o[1], o[1])
			for _, kv := range queryStrings(t, db, `SELECT quote(k), quote(v) FROM "`+o[1]+`_config" WHERE k <> 'version' ORDER BY k`) {
				fmt.Fprintf(&b, "INSERT INTO %s (%s, rank) VALUES (%s, %s);\n", o[1], o[1], kv[0], kv[1])
			}
		}
	}
	return b.String()
}

// databaseDump lists db's schema objects, the rows of every table
// (schema_migrations without applied_at) and the settings kept in the
// file, one a line, in an order that does not depend on how they were
// made.
func databaseDump(t *testing.T, db *DB) []string {
	t.Helper()
	var lines []string
	add := func(prefix string, rows [][]string) {
		for _, r := range rows {
			lines = append(lines, prefix+strings.Join(r, " | "))
		}
	}
	add("schema: ", queryStrings(t, db, `SELECT type, name, tbl_name, coalesce(sql, 'NULL') FROM sqlite_schema`))
	for _, name := range queryStrings(t, db, `SELECT name FROM sqlite_schema WHERE type = 'table'`) {
		cols := "*"
		if name[0] == "schema_migrations" {
			cols = "version, name"
		}
		rows := queryStrings(t, db, `SELECT `+cols+` FROM "`+name[0]+`"`)
		if strings.HasSuffix(name[0], "_fts_data") {
			for _, r := range rows {
				// FTS5's structure record (id 10) begins with a 4-byte
				// cookie that counts its rewrites: it tells a connection
				// the index changed, and its value means nothing else.
				if r[0] == "10" && len(r[1]) >= 8 {
					r[1] = "cookie " + r[1][8:]
				}
			}
		}
		add("row of "+name[0]+": ", rows)
	}
	for _, p := range []string{"page_size", "auto_vacuum", "user_version", "application_id", "journal_mode", "encoding"} {
		add(p+": ", queryStrings(t, db, `PRAGMA `+p))
	}
	slices.Sort(lines)
	return lines
}
