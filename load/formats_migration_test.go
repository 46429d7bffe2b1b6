package load

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hesabat/hesabat"
)

// TestMigrationFormats upgrades a database written before 0003_formats (by
// the migrations numbered below it, with a report saved) and checks that
// its data is kept, its foreign keys hold, and the new formats, and only
// they, are accepted, on fresh connections as on the migrating one.
func TestMigrationFormats(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	names, err := fs.Glob(sub, "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	older := fstest.MapFS{}
	for _, n := range names {
		var v int
		fmt.Sscanf(n, "%d_", &v)
		if v < 3 {
			b, err := fs.ReadFile(sub, n)
			if err != nil {
				t.Fatal(err)
			}
			older[n] = &fstest.MapFile{Data: b}
		}
	}
	dsn, err := dataSourceName(path)
	if err != nil {
		t.Fatal(err)
	}
	sqlDB, err := sql.Open("sqlite3", dsn)
	if err != nil {
		t.Fatal(err)
	}
	old := &DB{db: sqlDB, Now: time.Now}
	if err := old.migrate(ctx, older); err != nil {
		t.Fatal(err)
	}
	// The report is written as the code of that time wrote it: with the
	// columns of the older migrations only.
	for _, q := range []string{
		`INSERT INTO reports (id, path, format, sha256, pages, title, agency, year, ingested_at)
			VALUES (1, 'reports/ədliyyə 2021.docx', 'docx', '` + hash("old report") + `', 7, 'Hesabat', 'Ədliyyə Nazirliyi', 2021, '2021-12-01T00:00:00Z')`,
		`INSERT INTO report_warnings (report_id, position, message) VALUES (1, 1, 'page 5 has no text layer; OCR not enabled')`,
		`INSERT INTO measures (id, report_id, position, number, title, term_recurring, work_done, page_first, page_last)
			VALUES (1, 1, 1, '1.1', 'İclasların keçirilməsi', 0, '11 iclas keçirilmişdir.', 1, 1)`,
		`INSERT INTO facts (measure_id, position, kind, value, unit, span_text, span_start, span_end)
			VALUES (1, 1, 'quantity', 11, 'iclas', '11 iclas', 0, 8)`,
	} {
		if _, err := old.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	tables := []string{"reports", "report_warnings", "measures", "facts", "measures_fts"}
	count := func(db *DB) map[string]int {
		out := map[string]int{}
		for _, tb := range tables {
			var n int
			if err := db.db.QueryRowContext(ctx, "SELECT count(*) FROM "+tb).Scan(&n); err != nil {
				t.Fatal(err)
			}
			out[tb] = n
		}
		return out
	}
	before := count(old)
	if before["measures"] == 0 || before["facts"] == 0 {
		t.Fatalf("the old database holds too little to test with: %v", before)
	}
	// An old connection that stays open across the upgrade.
	if _, err := old.db.ExecContext(ctx, "SELECT 1 FROM reports"); err != nil {
		t.Fatal(err)
	}

	db := mustOpenPath(t, path)
	if after := count(db); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("rows after the upgrade %v, before %v", after, before)
	}
	var fk, integrity string
	if err := db.db.QueryRowContext(ctx, "SELECT count(*) FROM pragma_foreign_key_check").Scan(&fk); err != nil || fk != "0" {
		t.Errorf("foreign key violations: %s, %v", fk, err)
	}
	if err := db.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&integrity); err != nil || integrity != "ok" {
		t.Errorf("integrity check: %s, %v", integrity, err)
	}
	for i, f := range []hesabat.Format{hesabat.DOC, hesabat.ODT, hesabat.HTML} {
		r := sampleReport()
		r.Format, r.SHA256 = f, hash(fmt.Sprint("upgraded ", i))
		conn := db
		if i == 2 {
			conn = old // the connection opened before the upgrade
		}
		if _, err := conn.SaveReport(ctx, r); err != nil {
			t.Errorf("saving a %s report after the upgrade: %v", f, err)
		}
	}
	r := sampleReport()
	r.Format, r.SHA256 = "xls", hash("not a format")
	if _, err := db.SaveReport(ctx, r); err == nil || !strings.Contains(err.Error(), "CHECK constraint failed") {
		t.Errorf("saving an xls report: %v, want a CHECK failure", err)
	}
	// Deleting a report still cascades to its measures and facts.
	if _, err := db.db.ExecContext(ctx, "DELETE FROM reports"); err != nil {
		t.Fatal(err)
	}
	for tb, n := range count(db) {
		if n != 0 {
			t.Errorf("%s keeps %d rows after deleting every report", tb, n)
		}
	}
	if err := old.Close(); err != nil {
		t.Error(err)
	}
}
