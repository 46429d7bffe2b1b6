package load

import (
	"context"
	"database/sql"
	"io/fs"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hesabat/hesabat"
)

// TestUpgradeIdentityFrom0001 keeps a database written by the first schema, with
// a report as that version stored it, and upgrades it in place: counts
// become INTEGER, measure numbers get sort keys, the agency is folded to a
// known one, the report is current (identified by its file: its period was
// never read) and shows in the views.
func TestUpgradeIdentityFrom0001(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	dsn, err := dataSourceName(path)
	if err != nil {
		t.Fatal(err)
	}
	sqlDB, err := sql.Open("sqlite3", dsn)
	if err != nil {
		t.Fatal(err)
	}
	old := &DB{db: sqlDB, Now: time.Now}
	init, err := fs.ReadFile(migrations, "migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	if err := old.migrate(ctx, fstest.MapFS{"0001_init.sql": {Data: init}}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO reports (id, path, format, sha256, pages, title, agency, year, plan_title, plan_start, plan_end, ingested_at)
			VALUES (1, 'old/r.docx', 'docx', '` + hash("old") + `', 1, 'hesabat', 'DÖVLƏT STATİSTİKA KOMİTƏSİNİN', 2021,
			'` + testPlan + `', 2020, 2022, '2024-01-01T00:00:00.000Z')`,
		`INSERT INTO measures (id, report_id, position, number, title, term_recurring, work_done, page_first, page_last)
			VALUES (1, 1, 1, '10.1', 'Elektron arayışların verilməsi', 0, '2278 elektron arayış, 1500,5 manat', 1, 1),
			       (2, 1, 2, '2.1', 'İctimai şuraların fəaliyyəti', 1, NULL, 1, 1)`,
		`INSERT INTO facts (measure_id, position, kind, value, unit, currency, span_text, span_start, span_end)
			VALUES (1, 1, 'quantity', 2278.0, 'elektron arayış', NULL, '2278 elektron arayış', 0, 20),
			       (1, 2, 'money', 1500.5, NULL, 'AZN', '1500,5 manat', 22, 34)`,
	} {
		if _, err := sqlDB.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if err := sqlDB.Close(); err != nil {
		t.Fatal(err)
	}

	db := mustOpenPath(t, path)
	if n := queryInt(t, db, `SELECT count(*) FROM schema_migrations WHERE version = 5`); n != 1 {
		t.Fatal("migration 0005 not recorded")
	}
	var count int64
	var countType string
	var amount float64
	if err := db.db.QueryRow(`SELECT count, typeof(count), amount FROM current_facts WHERE kind = 'quantity'`).Scan(&count, &countType, &amount); err == nil {
		t.Errorf("quantity has an amount: %v", amount)
	}
	if err := db.db.QueryRow(`SELECT count, typeof(count) FROM current_facts WHERE kind = 'quantity'`).Scan(&count, &countType); err != nil || count != 2278 || countType != "integer" {
		t.Errorf("count = %d (%s), %v; want 2278 integer", count, countType, err)
	}
	if err := db.db.QueryRow(`SELECT amount FROM current_facts WHERE kind = 'money'`).Scan(&amount); err != nil || amount != 1500.5 {
		t.Errorf("amount = %v, %v; want 1500.5", amount, err)
	}
	var numbers []string
	rows, err := db.db.Query(`SELECT number FROM current_measures ORDER BY number_sort`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		numbers = append(numbers, n)
	}
	if strings.Join(numbers, " ") != "2.1 10.1" {
		t.Errorf("measures by number_sort: %v, want 2.1 before 10.1", numbers)
	}
	var agency, identity, status string
	var known, facts int
	var pages sql.NullInt64
	if err := db.db.QueryRow(`SELECT a.name, a.known, r.identity, r.status, r.fact_count, r.page_count
		FROM reports AS r JOIN agencies AS a ON a.id = r.agency_id`).Scan(&agency, &known, &identity, &status, &facts, &pages); err != nil {
		t.Fatal(err)
	}
	if agency != "Dövlət Statistika Komitəsi" || known != 1 || identity != "path:old/r.docx" || status != "current" || facts != 2 || pages.Valid {
		t.Errorf("upgraded report: %s (known %d), identity %q, %s, %d facts, pages %v", agency, known, identity, status, facts, pages)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM coverage WHERE reported = 1`); n != 2 {
		t.Errorf("coverage: %d plan measures reported, want 2", n)
	}
}

// viewTypes are the declared types BI tools must see for the views'
// computed values; every other column must have some declared type.
var viewTypes = map[string]string{
	"current_facts.count":             "INTEGER",
	"current_facts.amount":            "REAL",
	"current_facts.value":             "REAL",
	"current_measures.number_sort":    "INTEGER",
	"current_measures.fact_count":     "INTEGER",
	"current_measures.term_recurring": "INTEGER",
	"current_reports.pages":           "INTEGER",
	"coverage.reported":               "INTEGER",
	"coverage.year":                   "INTEGER",
}

var biViews = []string{"current_reports", "current_measures", "current_facts", "coverage", "report_sources"}

// checkViewTypes checks one view's table_info rows (name, type).
func checkViewTypes(t *testing.T, engine, view string, cols [][2]string) {
	t.Helper()
	if len(cols) == 0 {
		t.Errorf("%s: view %s has no columns", engine, view)
	}
	for _, c := range cols {
		if c[1] == "" {
			t.Errorf("%s: %s.%s has no declared type", engine, view, c[0])
		}
		if want, ok := viewTypes[view+"."+c[0]]; ok && c[1] != want {
			t.Errorf("%s: %s.%s is %s, want %s", engine, view, c[0], c[1], want)
		}
	}
}

// TestViewTypes: PRAGMA table_info shows a declared type for every column
// of every BI view, with the bundled SQLite and with the system's sqlite3
// shell (Debian's 3.40, which gives computed view columns no type).
func TestViewTypes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	db := mustOpenPath(t, path)
	if _, err := db.SaveReport(context.Background(), sampleReport()); err != nil {
		t.Fatal(err)
	}
	for _, view := range biViews {
		rows, err := db.db.Query(`SELECT name, type FROM pragma_table_info(?)`, view)
		if err != nil {
			t.Fatal(err)
		}
		var cols [][2]string
		for rows.Next() {
			var c [2]string
			if err := rows.Scan(&c[0], &c[1]); err != nil {
				t.Fatal(err)
			}
			cols = append(cols, c)
		}
		rows.Close()
		checkViewTypes(t, "bundled SQLite", view, cols)
	}
	if _, err := db.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	shell, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("sqlite3 shell not installed (apt-get install sqlite3; .ci/run installs it)")
	}
	version, _ := exec.Command(shell, "-version").Output()
	for _, view := range biViews {
		out, err := exec.Command(shell, "-readonly", path, "SELECT name || '|' || type FROM pragma_table_info('"+view+"')").Output()
		if err != nil {
			t.Fatalf("sqlite3 %s: %v", strings.Fields(string(version))[0], err)
		}
		var cols [][2]string
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			name, typ, _ := strings.Cut(line, "|")
			cols = append(cols, [2]string{name, typ})
		}
		checkViewTypes(t, "sqlite3 "+strings.Fields(string(version))[0], view, cols)
	}
}

// TestUpgradeFrom0009 takes a database back to the schema of migration
// 0009 (0012 undone, column, index and trigger of 0010 dropped, FTS5
// automerge back to its default), with a report stored in it, and opens it
// again: 0010 to 0012 are applied in place, the old report gets its content digest when
// the rule first compares it, and plan measures count the measures linked
// on insert as those linked before.
func TestUpgradeFrom0009(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	dir := t.TempDir()
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	stat := "Dövlət Statistika Komitəsi"
	old := idCase{name: "a.pdf", format: hesabat.PDF, agency: stat, plan: testPlan, year: 2021, count: 500}
	if _, err := db.SaveReport(ctx, old.report(t, dir)); err != nil {
		t.Fatal(err)
	}
	backTo0011(t, db)
	for _, q := range []string{
		`DROP INDEX reports_plan_status`,
		`DROP TRIGGER plan_measure_variants_insert`,
		`ALTER TABLE reports DROP COLUMN content_digest`,
		`INSERT INTO measures_fts (measures_fts, rank) VALUES ('automerge', 4)`,
		`DELETE FROM schema_migrations WHERE version >= 10`,
	} {
		if _, err := db.db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db = mustOpenPath(t, path)
	if n := queryInt(t, db, `SELECT count(*) FROM schema_migrations WHERE version IN (10, 11, 12)`); n != 3 {
		t.Fatal("migrations 0010 to 0012 not recorded")
	}
	if n := queryInt(t, db, `SELECT count(*) FROM measures_fts_config WHERE k = 'automerge' AND v = 16`); n != 1 {
		t.Error("FTS5 automerge is not 16 after 0011")
	}
	if hits, err := db.Search(ctx, Query{Text: "iclas"}); err != nil || len(hits) != 1 {
		t.Errorf("search after the upgrade: %d hits, %v; want the old report's measure", len(hits), err)
	}
	same := old
	same.name, same.format = "a.docx", hesabat.DOCX
	if _, err := db.SaveReport(ctx, same.report(t, dir)); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a.pdf": "source of a.docx", "a.docx": "current"}
	if got := statuses(t, db); !reflect.DeepEqual(got, want) {
		t.Errorf("statuses %v, want %v", got, want)
	}
	if n := queryInt(t, db, `SELECT count(DISTINCT content_digest) FROM reports WHERE content_digest IS NOT NULL`); n != 1 ||
		queryInt(t, db, `SELECT count(*) FROM reports WHERE content_digest IS NULL`) != 0 {
		t.Errorf("%d distinct digests of one content, or a file without one", n)
	}
	// Both files' measures link to the one plan measure, the new file's
	// counted by the insert trigger that 0010 made again.
	if n := queryInt(t, db, `SELECT sum(measures) FROM plan_measure_variants`); n != 2 {
		t.Errorf("plan measure variants count %d measures, want 2", n)
	}
	if n := queryInt(t, db, `SELECT measure_count FROM plan_measures`); n != 1 {
		t.Errorf("plan measure counts %d measures of current reports, want 1", n)
	}
	sumsAgree(t, db)
}
