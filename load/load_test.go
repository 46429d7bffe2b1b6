package load

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/hesabat/hesabat"
)

var update = flag.Bool("update", false, "rewrite golden files")

// MustOpenDB opens a database in a new temporary directory, with a clock
// fixed at 2024-03-01 10:00 UTC, and closes it when the test ends.
func MustOpenDB(tb testing.TB) *DB {
	tb.Helper()
	return mustOpenPath(tb, filepath.Join(tb.TempDir(), "hesabat.db"))
}

func mustOpenPath(tb testing.TB, path string) *DB {
	tb.Helper()
	db, err := Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC) }
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Error(err)
		}
	})
	return db
}

func ptr[T any](v T) *T { return &v }

// hash returns a SHA-256 in the form reports carry it.
func hash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// sampleReport is a small report that exercises every column: values and
// missing values, multi-byte text, facts of several kinds.
func sampleReport() *hesabat.Report {
	work1 := "Komissiyanın 3 iclası keçirilmişdir.\nİclaslarda 12 məsələ müzakirə olunmuşdur."
	work2 := "Vətəndaşlara 1 250 elektron arayış verilmişdir, təxminən 45,5% artım."
	return &hesabat.Report{
		Source: "reports/ədliyyə 2021.docx",
		Format: hesabat.DOCX,
		SHA256: hash("sample"),
		Pages:  7,
		Title:  "Korrupsiyaya qarşı mübarizə üzrə Milli Fəaliyyət Planının icrası",
		Agency: "Ədliyyə Nazirliyi",
		Year:   ptr(2021),
		Plan: hesabat.Plan{
			Title: "2020-2022-ci illər üçün Milli Fəaliyyət Planı",
			Start: ptr(2020),
			End:   ptr(2022),
		},
		Measures: []hesabat.Measure{
			{
				Number:     "1.1",
				Section:    "1. Şəffaflığın artırılması",
				Title:      "Komissiyanın iclaslarının keçirilməsi",
				Executor:   "Ədliyyə Nazirliyi",
				Term:       hesabat.Term{Raw: "mütəmadi", Recurring: true},
				Paragraphs: strings.Split(work1, "\n"),
				WorkDone:   work1,
				Raw:        "Komissiyanın  3 iclası\u00a0keçirilmişdir.\nİclaslarda 12 məsələ müzakirə olunmuşdur.",
				Pages:      [2]int{2, 3},
				Offset:     1840,
				OCR:        true, // read from a scan
				Confidence: ptr(0.875),
				Extra:      map[string]string{"Qeyd": "ilkin", "Maliyyə mənbəyi": "dövlət büdcəsi"},
				Facts: []hesabat.Fact{
					{Kind: hesabat.Quantity, Value: ptr(3.0), Unit: "iclas", Text: "3 iclası", Start: 13, End: 21},
					{Kind: hesabat.Quantity, Value: ptr(12.0), Unit: "məsələ", Text: "12 məsələ", Start: 48, End: 57},
				},
			},
			{
				Number:     "1.2",
				Section:    "1. Şəffaflığın artırılması",
				Title:      "Elektron xidmətlərin genişləndirilməsi",
				Executor:   "Ədliyyə Nazirliyi, İqtisadiyyat Nazirliyi",
				Term:       hesabat.Term{Raw: "2020-2022", Start: ptr(2020), End: ptr(2022)},
				Paragraphs: []string{work2},
				WorkDone:   work2,
				Raw:        work2,
				Pages:      [2]int{3, 3},
				Offset:     5121,
				Facts: []hesabat.Fact{
					{Kind: hesabat.Quantity, Value: ptr(1250.0), Unit: "elektron arayış", Text: "1 250 elektron arayış", Start: 13, End: 34},
					{Kind: hesabat.Percent, Value: ptr(45.5), Qualifier: "about", Text: "təxminən 45,5%", Start: 48, End: 62},
				},
			},
			{
				// A measure with nothing but its place: every optional
				// value missing, offset unknown (as in PDF).
				Pages:  [2]int{4, 4},
				Offset: -1,
			},
		},
		Notes: []string{"Təsdiq edirəm", "Qeyd: məlumatlar ilkindir."},
		Text:  hesabat.TextAccount{Read: 400, Fields: 300, Extras: 20, Notes: 35, Furniture: 40, Lost: 5, Share: 0.9875},
		Warnings: []hesabat.Warning{
			{Kind: hesabat.WarnNoTextLayer, Page: 5, Message: "no text layer; OCR not enabled"},
			{Kind: hesabat.WarnLostText, Page: 6, Message: "5 characters went into no field, extra, note or furniture", Text: "İmza"},
			{Kind: hesabat.WarnRepaired, Message: "the file was repaired"},
		},
	}
}

// asStored returns a copy of r as SaveReport stores it: its path made
// absolute.
func asStored(r *hesabat.Report) *hesabat.Report {
	c := *r
	c.Source = storedPath(r.Source)
	return &c
}

// readReport reads the report with the given SHA-256 back from db, the
// inverse of SaveReport: NULL becomes "" or nil, a NULL byte_offset -1, and
// Paragraphs are work_done split at newlines.
func readReport(t *testing.T, db *DB, sha string) *hesabat.Report {
	t.Helper()
	ctx := context.Background()
	var (
		r                        hesabat.Report
		id                       int64
		title, agency, planTitle sql.NullString
		year, planStart, planEnd sql.NullInt64
	)
	t0 := &r.Text
	err := db.db.QueryRowContext(ctx, `SELECT id, path, format, sha256, pages, title, agency, year,
		plan_title, plan_start, plan_end, text_read, text_fields, text_extras, text_notes,
		text_furniture, text_lost, text_share FROM reports WHERE sha256 = ?`, sha).Scan(
		&id, &r.Source, &r.Format, &r.SHA256, &r.Pages, &title, &agency, &year,
		&planTitle, &planStart, &planEnd, &t0.Read, &t0.Fields, &t0.Extras, &t0.Notes,
		&t0.Furniture, &t0.Lost, &t0.Share)
	if err != nil {
		t.Fatal(err)
	}
	r.Title, r.Agency, r.Year = title.String, agency.String, intPtr(year)
	r.Plan = hesabat.Plan{Title: planTitle.String, Start: intPtr(planStart), End: intPtr(planEnd)}

	rows, err := db.db.QueryContext(ctx, `SELECT kind, page, message, text FROM report_warnings
		WHERE report_id = ? ORDER BY position`, id)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var (
			w          hesabat.Warning
			kind, text sql.NullString
			page       sql.NullInt64
		)
		if err := rows.Scan(&kind, &page, &w.Message, &text); err != nil {
			t.Fatal(err)
		}
		w.Kind, w.Page, w.Text = hesabat.WarningKind(kind.String), int(page.Int64), text.String
		r.Warnings = append(r.Warnings, w)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows, err = db.db.QueryContext(ctx, `SELECT text FROM report_notes WHERE report_id = ? ORDER BY position`, id)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		r.Notes = append(r.Notes, n)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}

	rows, err = db.db.QueryContext(ctx, `SELECT id, number, section, title, executor, term_raw,
		term_start, term_end, term_recurring, work_done, raw, page_first, page_last, byte_offset,
		ocr, ocr_confidence
		FROM measures WHERE report_id = ? ORDER BY position`, id)
	if err != nil {
		t.Fatal(err)
	}
	var measureIDs []int64
	for rows.Next() {
		var (
			m                                                   hesabat.Measure
			mid                                                 int64
			number, section, mtitle, executor, termRaw, wd, raw sql.NullString
			termStart, termEnd, offset                          sql.NullInt64
			conf                                                sql.NullFloat64
		)
		if err := rows.Scan(&mid, &number, &section, &mtitle, &executor, &termRaw,
			&termStart, &termEnd, &m.Term.Recurring, &wd, &raw, &m.Pages[0], &m.Pages[1], &offset,
			&m.OCR, &conf); err != nil {
			t.Fatal(err)
		}
		m.Number, m.Section, m.Title, m.Executor = number.String, section.String, mtitle.String, executor.String
		m.Term.Raw, m.Term.Start, m.Term.End = termRaw.String, intPtr(termStart), intPtr(termEnd)
		m.WorkDone, m.Raw = wd.String, raw.String
		if m.WorkDone != "" {
			m.Paragraphs = strings.Split(m.WorkDone, "\n")
		}
		m.Offset = -1
		if offset.Valid {
			m.Offset = offset.Int64
		}
		if conf.Valid {
			m.Confidence = &conf.Float64
		}
		r.Measures = append(r.Measures, m)
		measureIDs = append(measureIDs, mid)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}

	for i, mid := range measureIDs {
		rows, err := db.db.QueryContext(ctx, `SELECT kind, value, value_end, unit, currency, iso_date,
			ref, qualifier, span_text, span_start, span_end FROM facts WHERE measure_id = ? ORDER BY position`, mid)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var (
				f                                    hesabat.Fact
				value, valueEnd                      sql.NullFloat64
				unit, currency, date, ref, qualifier sql.NullString
			)
			if err := rows.Scan(&f.Kind, &value, &valueEnd, &unit, &currency, &date,
				&ref, &qualifier, &f.Text, &f.Start, &f.End); err != nil {
				t.Fatal(err)
			}
			f.Value, f.ValueEnd = floatPtr(value), floatPtr(valueEnd)
			f.Unit, f.Currency, f.Date, f.Ref, f.Qualifier = unit.String, currency.String, date.String, ref.String, qualifier.String
			r.Measures[i].Facts = append(r.Measures[i].Facts, f)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows, err = db.db.QueryContext(ctx, `SELECT header, text FROM measure_extras WHERE measure_id = ? ORDER BY position`, mid)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var h, text string
			if err := rows.Scan(&h, &text); err != nil {
				t.Fatal(err)
			}
			if r.Measures[i].Extra == nil {
				r.Measures[i].Extra = map[string]string{}
			}
			r.Measures[i].Extra[h] = text
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return &r
}

func intPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	return ptr(int(n.Int64))
}

func floatPtr(n sql.NullFloat64) *float64 {
	if !n.Valid {
		return nil
	}
	return ptr(n.Float64)
}

// mustCounts returns db's row counts, failing the test on error.
func mustCounts(t *testing.T, db *DB) Counts {
	t.Helper()
	c, err := db.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// queryInt runs a query returning one integer.
func queryInt(t *testing.T, db *DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.db.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// queryStrings runs a query and returns its rows, each value as SQLite's
// quote() would not: text as is, NULL as "NULL", blobs in hex.
func queryStrings(t *testing.T, db *DB, query string) [][]string {
	t.Helper()
	rows, err := db.db.Query(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			switch v := v.(type) {
			case nil:
				row[i] = "NULL"
			case []byte:
				row[i] = fmt.Sprintf("%x", v)
			default:
				row[i] = fmt.Sprint(v)
			}
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestOpenMigrations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hesabat.db")
	embedded, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil || len(embedded) == 0 {
		t.Fatalf("embedded migrations: %v, %v", embedded, err)
	}

	type record struct {
		version   int
		name      string
		appliedAt string
	}
	readRecords := func(db *DB) []record {
		rows, err := db.db.Query(`SELECT version, name, applied_at FROM schema_migrations ORDER BY version`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var rs []record
		for rows.Next() {
			var r record
			if err := rows.Scan(&r.version, &r.name, &r.appliedAt); err != nil {
				t.Fatal(err)
			}
			rs = append(rs, r)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return rs
	}

	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	first := readRecords(db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if len(first) != len(embedded) {
		t.Fatalf("recorded %d migrations, embedded %d", len(first), len(embedded))
	}
	for i, r := range first {
		want := filepath.Base(embedded[i])
		if version, _ := strconv.Atoi(want[:4]); r.name != want || r.version != version {
			t.Errorf("migration %d recorded as %d %q, want %d %q", i, r.version, r.name, version, want)
		}
		if _, err := time.Parse(timeFormat, r.appliedAt); err != nil {
			t.Errorf("applied_at %q: %v", r.appliedAt, err)
		}
	}

	// Reopening applies nothing: 0001 is not idempotent (CREATE TABLE), so a
	// re-run would fail, and the records keep their first applied_at.
	db = mustOpenPath(t, path)
	if again := readRecords(db); !reflect.DeepEqual(again, first) {
		t.Errorf("after reopening, schema_migrations = %v, want %v", again, first)
	}
}

func TestMigrate(t *testing.T) {
	good := &fstest.MapFile{Data: []byte(`CREATE TABLE a (id INTEGER PRIMARY KEY);`)}
	tests := []struct {
		name    string
		fsys    fstest.MapFS
		wantErr string   // substring of the error; "" for none
		applied []string // names recorded afterwards
		tables  []string // tables that must exist afterwards, besides schema_migrations
		absent  []string // tables that must not exist
	}{
		{
			name: "applied in numeric order",
			fsys: fstest.MapFS{
				"10_c.sql": {Data: []byte(`ALTER TABLE b ADD COLUMN c TEXT;`)},
				"2_b.sql":  {Data: []byte(`CREATE TABLE b (a_id INTEGER REFERENCES a (id));`)},
				"1_a.sql":  good,
			},
			applied: []string{"1_a.sql", "2_b.sql", "10_c.sql"},
			tables:  []string{"a", "b"},
		},
		{
			name: "failing migration rolls back alone",
			fsys: fstest.MapFS{
				"0001_a.sql":   good,
				"0002_bad.sql": {Data: []byte(`CREATE TABLE b (id INTEGER); CREATE TABLE a (id INTEGER);`)},
			},
			wantErr: "0002_bad.sql: table a already exists",
			applied: []string{"0001_a.sql"},
			tables:  []string{"a"},
			absent:  []string{"b"},
		},
		{
			name:    "name without number",
			fsys:    fstest.MapFS{"init.sql": good},
			wantErr: "init.sql: name must be NNNN_name.sql",
		},
		{
			name:    "version shared",
			fsys:    fstest.MapFS{"0001_a.sql": good, "01_b.sql": good},
			wantErr: "share version 1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// An empty database with Open's settings but not its migrations.
			dsn, err := dataSourceName(filepath.Join(t.TempDir(), "m.db"))
			if err != nil {
				t.Fatal(err)
			}
			sqlDB, err := sql.Open("sqlite3", dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer sqlDB.Close()
			db := &DB{db: sqlDB, Now: time.Now}
			err = db.migrate(context.Background(), tt.fsys)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("migrate: %v, want error containing %q", err, tt.wantErr)
			}
			var applied []string
			rows, err := db.db.Query(`SELECT name FROM schema_migrations ORDER BY version`)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var name string
				if err := rows.Scan(&name); err != nil {
					t.Fatal(err)
				}
				applied = append(applied, name)
			}
			if !reflect.DeepEqual(applied, tt.applied) {
				t.Errorf("applied %q, want %q", applied, tt.applied)
			}
			for _, name := range tt.tables {
				if queryInt(t, db, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`, name) != 1 {
					t.Errorf("table %s missing", name)
				}
			}
			for _, name := range tt.absent {
				if queryInt(t, db, `SELECT count(*) FROM sqlite_schema WHERE name = ?`, name) != 0 {
					t.Errorf("table %s exists; the failed migration was not rolled back", name)
				}
			}
		})
	}
}

func TestOpenSettings(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	// Hold two connections at once so that both are distinct: the settings
	// must hold on every connection of the pool, not only the first.
	var conns []*sql.Conn
	for range 2 {
		c, err := db.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns = append(conns, c)
	}
	tests := []struct {
		pragma string
		want   string
	}{
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", "5000"},
		{"synchronous", "1"}, // NORMAL
	}
	for i, c := range conns {
		for _, tt := range tests {
			var got string
			if err := c.QueryRowContext(ctx, "PRAGMA "+tt.pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("connection %d: PRAGMA %s = %q, want %q", i, tt.pragma, got, tt.want)
			}
		}
	}
}

func TestOpenOddPath(t *testing.T) {
	// Characters that mean something in a URI must reach the file name.
	path := filepath.Join(t.TempDir(), "a b?c#d%20e.db")
	db := mustOpenPath(t, path)
	var file string
	if err := db.db.QueryRow(`SELECT file FROM pragma_database_list WHERE name = 'main'`).Scan(&file); err != nil {
		t.Fatal(err)
	}
	if file != path {
		t.Errorf("database file = %q, want %q", file, path)
	}
}

func TestOpenFails(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, path, wantErr string
	}{
		{"empty path", "", "empty database path"},
		{"missing directory", filepath.Join(dir, "no", "such.db"), "open " + filepath.Join(dir, "no", "such.db") + ": unable to open database file"},
		{"not a database", writeFile(t, filepath.Join(dir, "text.db"), "just some text, long enough to fill a header of one hundred bytes ......................................"), "file is not a database"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := Open(tt.path)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded")
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Open: %v, want error containing %q", err, tt.wantErr)
			}
		})
	}
}

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestForeignKeys(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	if _, err := db.SaveReport(ctx, sampleReport()); err != nil {
		t.Fatal(err)
	}

	t.Run("insert with unknown parent", func(t *testing.T) {
		tests := []struct {
			name, query string
		}{
			{"measure", `INSERT INTO measures (report_id, position, term_recurring, page_first, page_last) VALUES (999, 1, 0, 1, 1)`},
			{"fact", `INSERT INTO facts (measure_id, position, kind, span_text, span_start, span_end) VALUES (999, 1, 'quantity', 'x', 0, 1)`},
			{"warning", `INSERT INTO report_warnings (report_id, position, message) VALUES (999, 1, 'x')`},
			{"note", `INSERT INTO report_notes (report_id, position, text) VALUES (999, 1, 'x')`},
			{"extra", `INSERT INTO measure_extras (measure_id, position, header, text) VALUES (999, 1, 'h', 'x')`},
		}
		for _, tt := range tests {
			_, err := db.db.ExecContext(ctx, tt.query)
			if err == nil || !strings.Contains(err.Error(), "FOREIGN KEY constraint failed") {
				t.Errorf("%s: error %v, want a foreign key violation", tt.name, err)
			}
		}
	})

	t.Run("delete cascades", func(t *testing.T) {
		if _, err := db.db.ExecContext(ctx, `DELETE FROM reports`); err != nil {
			t.Fatal(err)
		}
		if c := mustCounts(t, db); c != (Counts{}) {
			t.Errorf("after deleting the report, counts = %+v, want all zero", c)
		}
		for _, table := range []string{"report_warnings", "report_notes", "measure_extras"} {
			if n := queryInt(t, db, `SELECT count(*) FROM `+table); n != 0 {
				t.Errorf("%d rows left in %s", n, table)
			}
		}
		if n := queryInt(t, db, `SELECT count(*) FROM measures_fts WHERE measures_fts MATCH 'iclas*'`); n != 0 {
			t.Errorf("search still finds %d deleted measures", n)
		}
	})
}

func TestSaveReportRoundTrip(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	want := sampleReport()
	saved, err := db.SaveReport(ctx, want)
	if err != nil || !saved {
		t.Fatalf("SaveReport = %v, %v; want true, nil", saved, err)
	}
	if got := readReport(t, db, want.SHA256); !reflect.DeepEqual(got, asStored(want)) {
		t.Errorf("read back:\n%+v\nwant:\n%+v", got, asStored(want))
	}
	if has, err := db.Has(ctx, want.SHA256); err != nil || !has {
		t.Errorf("Has(saved) = %v, %v; want true, nil", has, err)
	}
	if has, err := db.Has(ctx, hash("other")); err != nil || has {
		t.Errorf("Has(other) = %v, %v; want false, nil", has, err)
	}

	// Missing values are NULL, not '' or 0, so that BI tools count them right.
	nulls := []struct{ name, query string }{
		{"empty measure", `SELECT count(*) FROM measures WHERE position = 3 AND number IS NULL AND section IS NULL
			AND title IS NULL AND executor IS NULL AND term_raw IS NULL AND term_start IS NULL
			AND term_end IS NULL AND term_recurring = 0 AND work_done IS NULL AND raw IS NULL AND byte_offset IS NULL`},
		{"recurring term", `SELECT count(*) FROM measures WHERE number = '1.1' AND term_raw = 'mütəmadi'
			AND term_start IS NULL AND term_end IS NULL AND term_recurring = 1`},
		{"fact without value_end", `SELECT count(*) FROM facts WHERE unit = 'iclas' AND value = 3
			AND value_end IS NULL AND currency IS NULL AND iso_date IS NULL AND ref IS NULL AND qualifier IS NULL`},
	}
	for _, tt := range nulls {
		if n := queryInt(t, db, tt.query); n != 1 {
			t.Errorf("%s: %d rows match, want 1", tt.name, n)
		}
	}
	var ingestedAt string
	if err := db.db.QueryRow(`SELECT ingested_at FROM reports`).Scan(&ingestedAt); err != nil {
		t.Fatal(err)
	}
	if ingestedAt != "2024-03-01T10:00:00.000Z" {
		t.Errorf("ingested_at = %q", ingestedAt)
	}

	// Fact spans count characters as SQLite's substr does, so an analyst
	// can cut the span out of work_done in SQL.
	if n := queryInt(t, db, `SELECT count(*) FROM facts AS f JOIN measures AS m ON m.id = f.measure_id
		WHERE substr(m.work_done, f.span_start + 1, f.span_end - f.span_start) <> f.span_text`); n != 0 {
		t.Errorf("%d facts whose span does not cut span_text out of work_done", n)
	}

	// A report with no year, plan or measures at all.
	bare := &hesabat.Report{Source: "x.txt", Format: hesabat.TXT, SHA256: hash("bare"), Pages: 1}
	if _, err := db.SaveReport(ctx, bare); err != nil {
		t.Fatal(err)
	}
	wantBare := asStored(bare)
	wantBare.Warnings = []hesabat.Warning{hesabat.Warnf(hesabat.WarnIdentity, 0, "no agency, plan or period found: the report is identified by its file and never merged with another")}
	if got := readReport(t, db, bare.SHA256); !reflect.DeepEqual(got, wantBare) {
		t.Errorf("read back %+v, want %+v", got, wantBare)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM reports WHERE path = ? AND year IS NULL
		AND title IS NULL AND agency IS NULL AND plan_title IS NULL AND plan_start IS NULL AND plan_end IS NULL`, wantBare.Source); n != 1 {
		t.Errorf("bare report: %d rows with NULLs, want 1", n)
	}
}

func TestSaveReportDuplicate(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	r := sampleReport()
	if saved, err := db.SaveReport(ctx, r); err != nil || !saved {
		t.Fatalf("first SaveReport = %v, %v", saved, err)
	}
	before := mustCounts(t, db)
	if before.Reports != 1 || before.Measures != 3 || before.Facts != 4 {
		t.Fatalf("counts after first save = %+v", before)
	}

	// Same file again, then the same file under another name with other
	// content and a later clock: nothing changes.
	again := sampleReport()
	other := sampleReport()
	other.Source = "copy/elsewhere.docx"
	other.Measures = other.Measures[:1]
	db.Now = func() time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC) }
	for _, dup := range []*hesabat.Report{again, other} {
		saved, err := db.SaveReport(ctx, dup)
		if err != nil || saved {
			t.Errorf("SaveReport(%s) again = %v, %v; want false, nil", dup.Source, saved, err)
		}
	}
	if after := mustCounts(t, db); after != before {
		t.Errorf("counts after duplicates = %+v, want %+v", after, before)
	}
	if got := readReport(t, db, r.SHA256); !reflect.DeepEqual(got, asStored(r)) {
		t.Errorf("stored report changed:\n%+v", got)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM reports WHERE ingested_at = '2024-03-01T10:00:00.000Z'`); n != 1 {
		t.Errorf("ingested_at changed")
	}
	if n := queryInt(t, db, `SELECT count(*) FROM measures_fts`); n != 3 {
		t.Errorf("search index holds %d rows, want 3", n)
	}
}

func TestSaveReportConcurrentDuplicates(t *testing.T) {
	db := MustOpenDB(t)
	const callers = 4
	results := make(chan error, callers)
	var savedCount atomic.Int32
	for range callers {
		go func() {
			saved, err := db.SaveReport(context.Background(), sampleReport())
			if saved {
				savedCount.Add(1)
			}
			results <- err
		}()
	}
	for range callers {
		if err := <-results; err != nil {
			t.Error(err)
		}
	}
	if n := savedCount.Load(); n != 1 {
		t.Errorf("%d callers saved the report, want 1", n)
	}
	if c := mustCounts(t, db); c != (Counts{Reports: 1, Measures: 3, Facts: 4, Current: 1}) {
		t.Errorf("counts = %+v", c)
	}
}

func TestSaveReportFailureLeavesNothing(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		spoil   func(r *hesabat.Report)
		wantErr string
	}{
		{
			name:    "last fact's span reversed",
			spoil:   func(r *hesabat.Report) { f := &r.Measures[1].Facts[1]; f.Start, f.End = f.End, f.Start },
			wantErr: `measure 2 ("1.2"): fact 2 ("təxminən 45,5%"): CHECK constraint failed`,
		},
		{
			name:    "last measure's pages reversed",
			spoil:   func(r *hesabat.Report) { r.Measures[2].Pages = [2]int{5, 4} },
			wantErr: `measure 3 (""): CHECK constraint failed`,
		},
		{
			name:    "fact without kind",
			spoil:   func(r *hesabat.Report) { r.Measures[0].Facts[0].Kind = "" },
			wantErr: `fact 1 ("3 iclası"): CHECK constraint failed`,
		},
		{
			name:    "upper-case sha256",
			spoil:   func(r *hesabat.Report) { r.SHA256 = strings.ToUpper(r.SHA256) },
			wantErr: "CHECK constraint failed",
		},
		{
			name:    "unknown format",
			spoil:   func(r *hesabat.Report) { r.Format = "xls" },
			wantErr: "CHECK constraint failed",
		},
		{
			name:    "context cancelled",
			ctx:     cancelled,
			spoil:   func(*hesabat.Report) {},
			wantErr: "context canceled",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpenDB(t)
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			r := sampleReport()
			tt.spoil(r)
			saved, err := db.SaveReport(ctx, r)
			if saved || err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("SaveReport = %v, %v; want false and an error containing %q", saved, err, tt.wantErr)
			}
			if !strings.HasPrefix(err.Error(), "save "+r.Source+": ") {
				t.Errorf("error %q does not name the file", err)
			}
			if c := mustCounts(t, db); c != (Counts{}) {
				t.Errorf("after the failure, counts = %+v, want all zero", c)
			}
			for _, table := range []string{"report_warnings", "measures_fts"} {
				if n := queryInt(t, db, `SELECT count(*) FROM `+table); n != 0 {
					t.Errorf("after the failure, %s holds %d rows", table, n)
				}
			}
			// Nothing left behind blocks the good report.
			good := sampleReport()
			if saved, err := db.SaveReport(context.Background(), good); err != nil || !saved {
				t.Fatalf("SaveReport(good) = %v, %v; want true, nil", saved, err)
			}
			if got := readReport(t, db, good.SHA256); !reflect.DeepEqual(got, asStored(good)) {
				t.Errorf("good report read back as %+v", got)
			}
		})
	}
}

func TestSaveError(t *testing.T) {
	type row struct {
		Path, SHA256, Kind  string
		Page                int
		Message, Hint, Time string
	}
	tests := []struct {
		name   string
		path   string
		sha256 string
		err    error
		want   row
	}{
		{
			name:   "encrypted with page and hint",
			path:   "reports/a.pdf",
			sha256: hash("a"),
			err: &hesabat.Error{Path: "reports/a.pdf", Page: 1,
				Err: fmt.Errorf("%w: document needs a password", hesabat.ErrEncrypted), Hint: "save an unprotected copy"},
			want: row{Path: "reports/a.pdf", SHA256: hash("a"), Kind: "encrypted", Page: 1,
				Message: "encrypted: document needs a password", Hint: "save an unprotected copy"},
		},
		{
			name:   "no table, wrapped by the caller",
			path:   "b.docx",
			sha256: hash("b"),
			err:    fmt.Errorf("transform: %w", hesabat.Errorf("b.docx", hesabat.ErrNoTable, "is this a report?", "no row has a measure number")),
			want: row{Path: "b.docx", SHA256: hash("b"), Kind: "no measure table",
				Message: "no measure table: no row has a measure number", Hint: "is this a report?"},
		},
		{
			name: "corrupt, sha256 unknown",
			path: "c.docx",
			err:  hesabat.Errorf("c.docx", hesabat.ErrCorrupt, "", "zip: not a valid zip file"),
			want: row{Path: "c.docx", Kind: "corrupt", Message: "corrupt: zip: not a valid zip file"},
		},
		{
			name: "bare sentinel",
			path: "d.txt",
			err:  hesabat.ErrEmpty,
			want: row{Path: "d.txt", Kind: "empty file", Message: "empty file"},
		},
		{
			name: "deadline",
			path: "e.pdf",
			err:  fmt.Errorf("e.pdf: %w", context.DeadlineExceeded),
			want: row{Path: "e.pdf", Kind: "time limit exceeded", Message: "e.pdf: context deadline exceeded"},
		},
		{
			name: "other error",
			path: "f.pdf",
			err:  errors.New("f.pdf: permission denied"),
			want: row{Path: "f.pdf", Kind: "error", Message: "f.pdf: permission denied"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpenDB(t)
			if prior, err := db.SaveError(context.Background(), tt.path, tt.sha256, tt.err, "txt"); err != nil || prior != nil {
				t.Fatalf("SaveError = %v, %v; want no prior failure", prior, err)
			}
			var (
				got       row
				sha, hint sql.NullString
				page      sql.NullInt64
			)
			if err := db.db.QueryRow(`SELECT path, sha256, kind, page, message, hint, first_seen FROM ingest_errors`).Scan(
				&got.Path, &sha, &got.Kind, &page, &got.Message, &hint, &got.Time); err != nil {
				t.Fatal(err)
			}
			got.SHA256, got.Hint, got.Page = sha.String, hint.String, int(page.Int64)
			tt.want.Time = "2024-03-01T10:00:00.000Z"
			if got != tt.want {
				t.Errorf("ingest_errors row:\n%+v\nwant\n%+v", got, tt.want)
			}
			if tt.sha256 == "" && sha.Valid || tt.want.Page == 0 && page.Valid || tt.want.Hint == "" && hint.Valid {
				t.Errorf("missing values stored as non-NULL: sha256 %v, page %v, hint %v", sha, page, hint)
			}
			if c := mustCounts(t, db); c != (Counts{Errors: 1}) {
				t.Errorf("counts = %+v", c)
			}
		})
	}

	t.Run("a stored report resolves its failures", func(t *testing.T) {
		db := MustOpenDB(t)
		ctx := context.Background()
		r := sampleReport()
		if _, err := db.SaveError(ctx, r.Source, r.SHA256, hesabat.ErrTimeout, "txt"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SaveError(ctx, r.Source, "", errors.New("permission denied"), "txt"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SaveError(ctx, "other.txt", hash("other"), hesabat.ErrEmpty, "txt"); err != nil {
			t.Fatal(err)
		}
		if saved, err := db.SaveReport(ctx, r); err != nil || !saved {
			t.Fatalf("SaveReport after an error = %v, %v", saved, err)
		}
		if c := mustCounts(t, db); c.Reports != 1 || c.Errors != 1 {
			t.Errorf("counts = %+v, want 1 report and other.txt's error", c)
		}
	})

	t.Run("nil error", func(t *testing.T) {
		db := MustOpenDB(t)
		if _, err := db.SaveError(context.Background(), "x", "", nil, ""); err == nil {
			t.Error("SaveError(nil) succeeded")
		}
	})
}

func TestSearch(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	if _, err := db.SaveReport(ctx, sampleReport()); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  []string // measure numbers, best match first
	}{
		{"iclası", []string{"1.1"}},
		{"iclas", []string{"1.1"}},      // a word finds its suffixed forms
		{"İclaslarda", []string{"1.1"}}, // dotted capital İ folds to i; suffixes go
		{"İCLAS", []string{"1.1"}},
		{"arayış", []string{"1.2"}},
		{"ARAYIŞ", []string{"1.2"}}, // I lowers to ı
		{"аrayış", []string{"1.2"}}, // Cyrillic а
		{"arayis", []string{"1.2"}}, // typed without Azerbaijani letters
		{`"elektron arayış"`, []string{"1.2"}},
		{`"arayış elektron"`, nil}, // a phrase keeps its order
		{"title:elektron", nil},    // FTS syntax is text: "title" is absent
		{"elektron AND", nil},      // so is the keyword
		{"nazirliyi", nil},         // executor is not searched
		{"yoxdur", nil},
		{`"`, nil},
		{"", nil},
	}
	for _, tt := range tests {
		hits, err := db.Search(ctx, Query{Text: tt.query})
		if err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Number)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Search(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestSearchDetectedByDatasette(t *testing.T) {
	db := MustOpenDB(t)
	// Datasette's detect_fts_sql (datasette/utils/__init__.py) for "measures".
	const detect = `SELECT name FROM sqlite_master
		WHERE rootpage = 0 AND sql LIKE '%VIRTUAL TABLE%USING FTS%content="measures"%'`
	var name string
	if err := db.db.QueryRow(detect).Scan(&name); err != nil || name != "measures_fts" {
		t.Errorf("Datasette's query found %q, %v; want measures_fts", name, err)
	}
}

// seedReport builds the report of testdata/seed/seed.docx from its golden
// files: the measures of seed.gold.json with the facts of
// seed.facts.gold.json, each placed at its text in the measure's work done.
func seedReport(t *testing.T) *hesabat.Report {
	t.Helper()
	dir := filepath.Join("..", "testdata", "seed")
	docx, err := os.ReadFile(filepath.Join(dir, "seed.docx"))
	if err != nil {
		t.Fatal(err)
	}
	var r hesabat.Report
	readJSON(t, filepath.Join(dir, "seed.gold.json"), &r)
	var gold struct {
		Facts []struct {
			Measure string `json:"measure"`
			hesabat.Fact
		} `json:"facts"`
	}
	readJSON(t, filepath.Join(dir, "seed.facts.gold.json"), &gold)

	h := sha256.Sum256(docx)
	r.Source, r.Format, r.SHA256, r.Pages = "testdata/seed/seed.docx", hesabat.DOCX, hex.EncodeToString(h[:]), 1
	byNumber := make(map[string]*hesabat.Measure)
	cursor := make(map[string]int) // byte offset in work done after the last fact placed
	for i := range r.Measures {
		m := &r.Measures[i]
		m.WorkDone = strings.Join(m.Paragraphs, "\n")
		m.Raw = m.WorkDone
		m.Pages = [2]int{1, 1}
		m.Offset = int64(1000 * (i + 1))
		byNumber[m.Number] = m
	}
	for _, g := range gold.Facts {
		m := byNumber[g.Measure]
		if m == nil {
			t.Fatalf("fact %q: no measure %s", g.Text, g.Measure)
		}
		from := cursor[g.Measure]
		i := strings.Index(m.WorkDone[from:], g.Text)
		if i < 0 {
			from = 0
			if i = strings.Index(m.WorkDone, g.Text); i < 0 {
				t.Fatalf("fact %q not in the work done of measure %s", g.Text, g.Measure)
			}
		}
		f := g.Fact
		f.Start = utf8.RuneCountInString(m.WorkDone[:from+i])
		f.End = f.Start + utf8.RuneCountInString(f.Text)
		cursor[g.Measure] = from + i + len(f.Text)
		m.Facts = append(m.Facts, f)
	}
	return &r
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// TestSaveSeedReport stores the seed report, real text throughout, and reads
// it back.
func TestSaveSeedReport(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	want := seedReport(t)
	if saved, err := db.SaveReport(ctx, want); err != nil || !saved {
		t.Fatalf("SaveReport = %v, %v", saved, err)
	}
	if got := readReport(t, db, want.SHA256); !reflect.DeepEqual(got, asStored(want)) {
		t.Errorf("read back:\n%+v\nwant:\n%+v", got, asStored(want))
	}
	nFacts := 0
	for _, m := range want.Measures {
		nFacts += len(m.Facts)
	}
	if c := mustCounts(t, db); c != (Counts{Reports: 1, Measures: len(want.Measures), Facts: nFacts, Current: 1}) {
		t.Errorf("counts = %+v, want %d measures and %d facts", c, len(want.Measures), nFacts)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM measure_facts
		JOIN facts AS f ON f.id = fact_id JOIN measures AS m ON m.id = f.measure_id
		WHERE substr(m.work_done, f.span_start + 1, f.span_end - f.span_start) = f.span_text
		AND agency = 'Dövlət Statistika Komitəsi' AND year = 2022`); n != nFacts {
		t.Errorf("measure_facts: %d facts with agency, year and a span that cuts span_text out of work_done; want %d", n, nFacts)
	}
	// "kollegiyasının 2022-ci il 26 yanvar tarixli, 1/3 nömrəli qərarı" is in 1.2 only.
	var numbers []string
	rows, err := db.db.QueryContext(ctx, `SELECT m.number FROM measures_fts JOIN measures AS m ON m.id = measures_fts.rowid
		WHERE measures_fts MATCH 'kollegiya* AND qərar*' ORDER BY m.position`)
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
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(numbers) == 0 || numbers[0] != "1.2" {
		t.Errorf("search for kollegiya* AND qərar* found %q, want 1.2 first", numbers)
	}
}

func TestViews(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	if _, err := db.SaveReport(ctx, sampleReport()); err != nil {
		t.Fatal(err)
	}

	t.Run("measure_facts", func(t *testing.T) {
		rows, err := db.db.QueryContext(ctx, `SELECT agency, year, measure_number, measure_title,
			kind, value, unit, span_text, page_first FROM measure_facts ORDER BY fact_id`)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for rows.Next() {
			var (
				agency, number, title, kind, text string
				unit                              sql.NullString
				year, page                        int
				value                             float64
			)
			if err := rows.Scan(&agency, &year, &number, &title, &kind, &value, &unit, &text, &page); err != nil {
				t.Fatal(err)
			}
			got = append(got, fmt.Sprintf("%s|%d|%s|%s|%s|%g|%s|%s|%d", agency, year, number, title, kind, value, unit.String, text, page))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		want := []string{
			"Ədliyyə Nazirliyi|2021|1.1|Komissiyanın iclaslarının keçirilməsi|quantity|3|iclas|3 iclası|2",
			"Ədliyyə Nazirliyi|2021|1.1|Komissiyanın iclaslarının keçirilməsi|quantity|12|məsələ|12 məsələ|2",
			"Ədliyyə Nazirliyi|2021|1.2|Elektron xidmətlərin genişləndirilməsi|quantity|1250|elektron arayış|1 250 elektron arayış|3",
			"Ədliyyə Nazirliyi|2021|1.2|Elektron xidmətlərin genişləndirilməsi|percent|45.5||təxminən 45,5%|3",
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("measure_facts:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})

	t.Run("report_summary", func(t *testing.T) {
		var path string
		var measures, facts, warnings, notes, pages int
		var share float64
		if err := db.db.QueryRowContext(ctx, `SELECT path, pages, measure_count, fact_count, warning_count,
			note_count, text_share FROM report_summary`).Scan(&path, &pages, &measures, &facts, &warnings, &notes, &share); err != nil {
			t.Fatal(err)
		}
		if path != storedPath("reports/ədliyyə 2021.docx") || pages != 7 || measures != 3 || facts != 4 || warnings != 3 || notes != 2 || share != 0.9875 {
			t.Errorf("report_summary = %s, %d pages, %d measures, %d facts, %d warnings, %d notes, share %v",
				path, pages, measures, facts, warnings, notes, share)
		}
	})
}

// A report of 30 measures with 5 facts each is about the size of a real one.
// benchReport returns report n of a batch on one plan: agency n%20 for
// year 2000+n/20, so that each is a report of its own, as in a year's batch
// from many agencies.
func benchReport(n int) *hesabat.Report {
	r := sampleReport()
	r.SHA256 = hash(fmt.Sprint("bench", n))
	r.Source = fmt.Sprintf("reports/%d.docx", n)
	r.Agency = fmt.Sprintf("Agentlik %d", n%20)
	r.Year = ptr(2000 + n/20)
	tmpl := r.Measures[0]
	r.Measures = make([]hesabat.Measure, 30)
	for i := range r.Measures {
		m := tmpl
		m.Number = fmt.Sprintf("%d.%d", i/10+1, i%10+1)
		m.Title = fmt.Sprintf("Tədbirin adı alfa%d beta%d qamma%d", i, i, i) // distinct measures of the plan
		m.Facts = make([]hesabat.Fact, 5)
		for j := range m.Facts {
			m.Facts[j] = tmpl.Facts[j%len(tmpl.Facts)]
		}
		r.Measures[i] = m
	}
	return r
}

func BenchmarkSaveReport(b *testing.B) {
	db := MustOpenDB(b)
	ctx := context.Background()
	reports := make([]*hesabat.Report, b.N)
	for i := range reports {
		reports[i] = benchReport(i)
	}
	b.ResetTimer()
	for i := range b.N {
		if saved, err := db.SaveReport(ctx, reports[i]); err != nil || !saved {
			b.Fatalf("SaveReport = %v, %v", saved, err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N*30)/b.Elapsed().Seconds(), "measures/s")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
}

// TestUpgradeFrom0001 writes a database with the schema of migration 0001
// alone, as hesabat 0.1 did (warnings as printed lines), and opens it with
// the current schema: it upgrades in place, the old rows keep their data
// (a warning's page moves into its column), and new reports are stored
// beside them.
func TestUpgradeFrom0001(t *testing.T) {
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
	first, err := fs.ReadFile(migrations, "migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	if err := old.migrate(context.Background(), fstest.MapFS{"0001_init.sql": {Data: first}}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO reports (path, format, sha256, pages, title, ingested_at)
		 VALUES ('old.docx', 'docx', '` + hash("old") + `', 3, 'Köhnə hesabat', '2023-01-01T00:00:00.000Z')`,
		`INSERT INTO measures (report_id, position, number, term_recurring, page_first, page_last) VALUES (1, 1, '1.1', 0, 1, 1)`,
		`INSERT INTO report_warnings (report_id, position, message) VALUES
		 (1, 1, 'page 12: row with number cell "x" skipped: "x y"'), (1, 2, 'file repaired; parts may be missing'),
		 (1, 3, 'page 5 has no text layer: OCR not enabled'), (1, 4, 'page 07: odd')`,
	} {
		if _, err := sqlDB.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := sqlDB.Close(); err != nil {
		t.Fatal(err)
	}

	db := mustOpenPath(t, path)
	type warning struct {
		kind, message sql.NullString
		page          sql.NullInt64
	}
	var got []warning
	rows, err := db.db.Query(`SELECT kind, page, message FROM report_warnings ORDER BY position`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var w warning
		if err := rows.Scan(&w.kind, &w.page, &w.message); err != nil {
			t.Fatal(err)
		}
		got = append(got, w)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	str := func(s string) sql.NullString { return sql.NullString{String: s, Valid: true} }
	want := []warning{
		{message: str(`row with number cell "x" skipped: "x y"`), page: sql.NullInt64{Int64: 12, Valid: true}},
		{message: str("file repaired; parts may be missing")},
		{message: str("page 5 has no text layer: OCR not enabled")},
		{message: str("page 07: odd")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("old warnings after the upgrade:\n got %+v\nwant %+v", got, want)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM report_summary WHERE path = 'old.docx' AND measure_count = 1
		AND warning_count = 4 AND note_count = 0 AND text_share IS NULL`); n != 1 {
		t.Errorf("the old report in report_summary: %d rows, want 1 with its counts and no share", n)
	}
	r := sampleReport()
	if _, err := db.SaveReport(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	if got, want := readReport(t, db, r.SHA256), asStored(r); !reflect.DeepEqual(got, want) {
		t.Errorf("a new report in the upgraded database reads back as\n%+v\nwant\n%+v", got, want)
	}
}
