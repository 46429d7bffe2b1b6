package load

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"net/url"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// DefaultPath is the database file used when the user names none.
const DefaultPath = "hesabat.db"

//go:embed migrations/*.sql
var migrations embed.FS

// timeFormat is how times are stored: ISO 8601 in UTC, which SQLite's date
// functions read and which sorts as text.
const timeFormat = "2006-01-02T15:04:05.000Z"

// DB is a hesabat database. It is safe for use by several goroutines at
// once: reads run in parallel, and writes are serialised by SQLite, a writer
// waiting up to five seconds for another to finish before it fails with
// SQLITE_BUSY. hesabat itself writes from one goroutine.
type DB struct {
	db *sql.DB

	// Now returns the current time; it stamps ingested_at and occurred_at.
	// Tests may replace it before use.
	Now func() time.Time

	// KeepAll turns the report identity rule off for the reports saved
	// while it is set: each is current and never merged with another
	// (identity.go).
	KeepAll bool
}

// Open opens the database at path, creating the file if it does not exist,
// and applies the migrations it lacks. Every connection runs in WAL mode with
// foreign keys enforced, a five-second busy timeout and synchronous=NORMAL,
// and begins its transactions IMMEDIATE so that a writer never fails halfway
// for want of the write lock; it keeps the statements it ran last compiled.
func Open(path string) (*DB, error) {
	dsn, err := dataSourceName(path)
	if err != nil {
		return nil, err
	}
	sqlDB, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := sqlDB.Ping(); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db := &DB{db: sqlDB, Now: time.Now}
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded directory exists by construction
	}
	if err := db.createFresh(context.Background()); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := db.migrate(context.Background(), sub); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := db.syncAgencies(context.Background()); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("open %s: agencies: %w", path, err)
	}
	if err := db.backfill(context.Background()); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("open %s: identify reports stored before 0005: %w", path, err)
	}
	if err := db.indexUnindexed(context.Background()); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("open %s: index measures stored before 0006: %w", path, err)
	}
	return db, nil
}

// dataSourceName returns the go-sqlite3 data source name for the file at
// path: a file: URI, so that any character may appear in the path, with
// the connection settings as parameters.
func dataSourceName(path string) (string, error) {
	if path == "" {
		return "", errors.New("open: empty database path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("open %s: %w", path, err)
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	params := url.Values{
		"_journal_mode": {"WAL"},
		"_foreign_keys": {"on"},
		"_busy_timeout": {"5000"},
		"_synchronous":  {"NORMAL"},
		"_txlock":       {"immediate"},
		// SaveReport runs the same few dozen statements for every report:
		// each connection keeps them compiled instead of parsing them again.
		// A statement with a parameter compared by = with a column that
		// the query planner weighs by its value (SQLite takes 0 and 1 for
		// likelier) is compiled again whenever the parameter is bound anew,
		// and go-sqlite3 clears the bindings after every run. So those of
		// SaveReport write such a parameter +?: the same value compared the
		// same way, which the planner does not weigh.
		"_stmt_cache_size": {"64"},
	}
	return u.String() + "?" + params.Encode(), nil
}

// Close closes the database.
func (db *DB) Close() error {
	return db.db.Close()
}

// migrate applies, in the order of their numbers, the migrations in fsys
// (files named NNNN_name.sql) that schema_migrations does not list. Each
// runs in its own transaction together with the row that records it, so a
// failing migration leaves the database as the previous one left it.
func (db *DB) migrate(ctx context.Context, fsys fs.FS) error {
	if _, err := db.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	type migration struct {
		version int
		name    string
	}
	var ms []migration
	seen := make(map[int]string)
	for _, name := range names {
		digits, _, ok := strings.Cut(name, "_")
		version, err := strconv.Atoi(digits)
		if !ok || err != nil || version < 1 {
			return fmt.Errorf("migrate: %s: name must be NNNN_name.sql", name)
		}
		if other, dup := seen[version]; dup {
			return fmt.Errorf("migrate: %s and %s share version %d", other, name, version)
		}
		seen[version] = name
		ms = append(ms, migration{version, name})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for _, m := range ms {
		if err := db.migrateOne(ctx, fsys, m.version, m.name); err != nil {
			return fmt.Errorf("migrate: %s: %w", m.name, err)
		}
	}
	return nil
}

// migrateOne applies migration name unless it is already recorded.
// Another process may be migrating the same file: the IMMEDIATE transaction
// waits for it, and the check inside the transaction then sees its work.
func (db *DB) migrateOne(ctx context.Context, fsys fs.FS, version int, name string) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var applied bool
	if err := tx.QueryRowContext(ctx,
		`SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?)`, version,
	).Scan(&applied); err != nil {
		return err
	}
	if applied {
		return nil
	}
	script, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(script)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		version, name, db.now(),
	); err != nil {
		return err
	}
	return tx.Commit()
}

// now returns the current time as stored.
func (db *DB) now() string {
	return db.Now().UTC().Format(timeFormat)
}

// Has reports whether a report with the given SHA-256 (lower-case hex) is
// stored.
func (db *DB) Has(ctx context.Context, sha256 string) (bool, error) {
	var ok bool
	err := db.db.QueryRowContext(ctx,
		`SELECT EXISTS (SELECT 1 FROM reports WHERE sha256 = ?)`, sha256,
	).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("has %s: %w", sha256, err)
	}
	return ok, nil
}

// SaveReport stores r with its text account, warnings, notes, measures,
// their extras, facts and cell boxes in one transaction. If a report with r.SHA256 is already stored it changes
// nothing and returns false; two callers saving the same report at once
// store it once. On error nothing of r is stored.
//
// Empty strings are stored as NULL, as are a Measure.Offset of -1 and a
// Warning.Page of 0; warnings, notes, measures and facts keep their order
// in the position column (from 1), extras the order of their headers; the
// path is stored absolute. A report of the same content made by older
// extraction rules is replaced, and the failures recorded for the file's
// path or content are forgotten, in the same transaction. The report
// records hesabat.RulesVersion. The report's agency and plan are resolved,
// and the report identity rule (identity.go) decides, in the same
// transaction, which stored files the views show.
func (db *DB) SaveReport(ctx context.Context, r *hesabat.Report) (saved bool, err error) {
	return db.SavePrepared(ctx, Prepare(r))
}

// Prepared is a report with the folded copies of its measures' text
// (searchKeys) that storing it needs. Prepare makes them without the
// database, so that a caller with one writer and several workers, as
// ingest, folds in the workers: folding was about a twelfth of the
// writer's time.
type Prepared struct {
	r    *hesabat.Report
	keys []searchKeys // of r.Measures, in order
}

// Prepare folds the text of r's measures for SavePrepared. r must not
// change until it is saved.
func Prepare(r *hesabat.Report) *Prepared {
	p := &Prepared{r: r, keys: make([]searchKeys, len(r.Measures))}
	for i := range r.Measures {
		p.keys[i] = measureText(&r.Measures[i]).keys()
	}
	return p
}

// SavePrepared stores the report p was prepared from, as SaveReport.
func (db *DB) SavePrepared(ctx context.Context, p *Prepared) (saved bool, err error) {
	r, keys := p.r, p.keys
	defer func() {
		if err != nil {
			err = fmt.Errorf("save %s: %w", r.Source, err)
		}
	}()
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	if err := replaceOlder(ctx, tx, r); err != nil {
		return false, err
	}

	t := r.Text
	facts, date := factsAndDate(r)
	res, err := tx.ExecContext(ctx, `INSERT INTO reports
		(path, format, sha256, pages, title, agency, year, plan_title, plan_start, plan_end,
		 text_read, text_fields, text_extras, text_notes, text_furniture, text_lost, text_share, ingested_at, rules_version,
		 measure_count, fact_count, document_date)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (sha256) DO NOTHING`,
		storedPath(r.Source), string(r.Format), r.SHA256, r.Pages, null(r.Title), null(r.Agency), r.Year,
		null(r.Plan.Title), r.Plan.Start, r.Plan.End,
		t.Read, t.Fields, t.Extras, t.Notes, t.Furniture, t.Lost, t.Share, db.now(), hesabat.RulesVersion,
		len(r.Measures), facts, null(date))
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err // n == 0: the report is already stored
	}
	reportID, err := res.LastInsertId()
	if err != nil {
		return false, err
	}

	stored := *r
	stored.Source = storedPath(r.Source)
	warnings, plan, err := db.identify(ctx, tx, reportID, &stored, true)
	if err != nil {
		return false, fmt.Errorf("identity: %w", err)
	}
	before, err := lastPlanMeasure(ctx, tx)
	if err != nil {
		return false, fmt.Errorf("identity: %w", err)
	}
	links, err := newLinker(ctx, tx, plan)
	if err != nil {
		return false, fmt.Errorf("plan measures: %w", err)
	}
	for i, w := range warnings {
		var page any
		if w.Page > 0 {
			page = w.Page
		}
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO report_warnings (report_id, position, kind, page, message, text) VALUES (?, ?, ?, ?, ?, ?)`,
			reportID, i+1, null(string(w.Kind)), page, w.Message, null(w.Text),
		); err != nil {
			return false, fmt.Errorf("warning %d: %w", i+1, err)
		}
	}
	for i, n := range r.Notes {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO report_notes (report_id, position, text) VALUES (?, ?, ?)`, reportID, i+1, n,
		); err != nil {
			return false, fmt.Errorf("note %d: %w", i+1, err)
		}
	}

	rows := make([]any, 0, len(r.Measures)*len(measureColumns))
	for i := range r.Measures {
		m := &r.Measures[i]
		var offset any
		if m.Offset >= 0 {
			offset = int64(m.Offset)
		}
		var sortKey any
		if k, ok := NumberSort(m.Number); ok {
			sortKey = k
		}
		pmID, link, err := links.link(ctx, tx, m.Number, m.Title, aztext.LooseKeyOf(keys[i].title), sortKey)
		if err != nil {
			return false, fmt.Errorf("measure %d (%q): plan measure: %w", i+1, m.Number, err)
		}
		rows = append(append(rows, reportID, int64(i+1),
			null(m.Number), null(m.Section), null(m.Title), null(m.Executor),
			null(m.Term.Raw), intOrNull(m.Term.Start), intOrNull(m.Term.End), m.Term.Recurring,
			null(m.WorkDone), null(m.Raw), int64(m.Pages[0]), int64(m.Pages[1]), offset, m.OCR, floatOrNull(m.Confidence),
			sortKey, int64(len(m.Facts)), pmID, link),
			keys[i].values()...)
	}
	measureIDs, err := insertMeasures(ctx, tx, reportID, rows, func(i int, err error) error {
		return fmt.Errorf("measure %d (%q): %w", i+1, r.Measures[i].Number, err)
	})
	if err != nil {
		return false, err
	}
	// The facts, extra cells and boxes of all measures, each in their
	// order, and who they are, for an error.
	var factRows, extraRows, boxRows []any
	type owner struct{ measure, index int }
	var factOf, extraOf, boxOf []owner
	for i := range r.Measures {
		m, measureID := &r.Measures[i], measureIDs[i]
		for j, f := range m.Facts {
			count, amount := countAmount(f)
			factRows = append(factRows, measureID, int64(j+1),
				string(f.Kind), floatOrNull(f.Value), floatOrNull(f.ValueEnd), count, amount, null(f.Unit), null(f.Currency),
				null(f.Date), null(f.Ref), null(f.Qualifier), f.Text, int64(f.Start), int64(f.End))
			factOf = append(factOf, owner{i, j})
		}
		for j, h := range slices.Sorted(maps.Keys(m.Extra)) {
			extraRows = append(extraRows, measureID, int64(j+1), h, m.Extra[h])
			extraOf = append(extraOf, owner{i, j})
		}
		for j, b := range m.Boxes {
			boxRows = append(boxRows, measureID, int64(j+1), int64(b.Page), b.X0, b.Y0, b.X1, b.Y1)
			boxOf = append(boxOf, owner{i, j})
		}
	}
	if err := insertRows(ctx, tx, "measure_extras", extraColumns, extraRows, func(k int, err error) error {
		i, j := extraOf[k].measure, extraOf[k].index
		m := &r.Measures[i]
		return fmt.Errorf("measure %d (%q): extra %q: %w", i+1, m.Number, slices.Sorted(maps.Keys(m.Extra))[j], err)
	}); err != nil {
		return false, err
	}
	if err := insertRows(ctx, tx, "facts", factColumns, factRows, func(k int, err error) error {
		i, j := factOf[k].measure, factOf[k].index
		m := &r.Measures[i]
		return fmt.Errorf("measure %d (%q): fact %d (%q): %w", i+1, m.Number, j+1, m.Facts[j].Text, err)
	}); err != nil {
		return false, err
	}
	if err := insertRows(ctx, tx, "measure_boxes", boxColumns, boxRows, func(k int, err error) error {
		i, j := boxOf[k].measure, boxOf[k].index
		return fmt.Errorf("measure %d (%q): box %d: %w", i+1, r.Measures[i].Number, j+1, err)
	}); err != nil {
		return false, err
	}
	if err := resolve(ctx, tx, r.Source, r.SHA256); err != nil {
		return false, err
	}
	// The identity rule compares r with the files of its group; r's own
	// content it takes from r, as stored.
	atHand := func(id int64) (*content, error) {
		if id != reportID {
			return nil, nil
		}
		return savedContent(ctx, tx, id, r, keys)
	}
	if err := regroupAround(ctx, tx, []int64{reportID}, before, atHand); err != nil {
		return false, fmt.Errorf("identity: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return false, err
	}
	return true, nil
}

// measureColumns are the columns of a measure as SaveReport inserts them.
var measureColumns = append(strings.Split(`report_id, position, number, section, title, executor, `+
	`term_raw, term_start, term_end, term_recurring, work_done, raw, page_first, page_last, byte_offset, ocr, ocr_confidence, `+
	`number_sort, fact_count, plan_measure_id, plan_link`, ", "), strings.Split(keyColumns, ", ")...)

// The columns of a fact, an extra cell and a cell box as SaveReport
// inserts them.
var (
	factColumns = strings.Split(`measure_id, position, kind, value, value_end, count, amount, unit, currency, `+
		`iso_date, ref, qualifier, span_text, span_start, span_end`, ", ")
	extraColumns = strings.Split(`measure_id, position, header, text`, ", ")
	boxColumns   = strings.Split(`measure_id, position, page, x0, y0, x1, y1`, ", ")
)

// insertMeasures inserts the measures of report id whose values rows
// holds (measureColumns of each, in their order) and returns their ids in
// that order.
//
// They go in with one statement (up to maxMeasures rows): FTS5 writes the
// words it has gathered as a new segment of measures_fts whenever a
// statement opens a savepoint, as one with a trigger does, and merges the
// segments again and again as they pile up. Inserted one by one, each
// measure made a segment of its own; in statements of 64, 32, … rows (as
// insertRows), each statement did. So there is a statement text for each
// number of measures: compiling one costs less than the merging saved, and
// the statement cache of Open keeps those of the most recent reports.
func insertMeasures(ctx context.Context, tx *sql.Tx, id int64, rows []any, rowErr func(i int, err error) error) ([]int64, error) {
	width := len(measureColumns)
	n := len(rows) / width
	head := "INSERT INTO measures (" + strings.Join(measureColumns, ", ") + ") VALUES "
	for start := 0; start < n; start += maxMeasures {
		end := min(n, start+maxMeasures)
		query := head + strings.TrimSuffix(strings.Repeat(tuple(width)+", ", end-start), ", ")
		if _, err := tx.ExecContext(ctx, query, rows[start*width:end*width]...); err != nil {
			return nil, insertEach(ctx, tx, "measures", measureColumns, rows, start, end, err, rowErr)
		}
	}
	ids, err := column[int64](tx.QueryContext(ctx, `SELECT id FROM measures WHERE report_id = +? ORDER BY position`, id))
	if err == nil && len(ids) != n {
		err = fmt.Errorf("%d measures stored, %d read back", n, len(ids))
	}
	return ids, err
}

// maxMeasures is the most measures one statement of insertMeasures
// inserts: more in a report (rare) go in several. It bounds the size of a
// compiled statement, which the cache keeps: 256 rows of measureColumns
// are some 7000 values.
const maxMeasures = 256

// maxRowsLog is log2 of the most rows one statement of insertRows
// inserts. Rows go in statements of 1<<maxRowsLog, …, 4, 2 and 1 rows, so
// that a table has at most maxRowsLog+1 statement texts, which each
// connection keeps compiled (the statement cache of Open): statements of
// every row count would fill the cache with large programs used once.
const maxRowsLog = 6

// insertRows inserts into table rows of the given columns, whose values
// rows holds row after row, in their order (so that their ids follow it),
// with few statements: one INSERT of many rows saves a round trip through
// database/sql, cgo and the statement's setup per row. When a statement
// fails, its rows are inserted one at a time (insertEach), so that rowErr
// gets the index of the row that fails and the message can name it.
func insertRows(ctx context.Context, tx *sql.Tx, table string, columns []string, rows []any, rowErr func(row int, err error) error) error {
	width := len(columns)
	head := "INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES "
	n := len(rows) / width
	for start, per := 0, 1<<maxRowsLog; start < n; start += per {
		for per > n-start {
			per /= 2
		}
		end := start + per
		query := head + strings.TrimSuffix(strings.Repeat(tuple(width)+", ", per), ", ")
		if _, err := tx.ExecContext(ctx, query, rows[start*width:end*width]...); err != nil {
			return insertEach(ctx, tx, table, columns, rows, start, end, err, rowErr)
		}
	}
	return nil
}

// insertEach inserts rows start to end of rows (as insertRows), whose
// statement failed with err and was undone by SQLite, one at a time, and
// returns rowErr of the first that fails; rowErr of start with err when
// none does.
func insertEach(ctx context.Context, tx *sql.Tx, table string, columns []string, rows []any, start, end int, err error, rowErr func(row int, err error) error) error {
	width := len(columns)
	query := "INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES " + tuple(width)
	for i := start; i < end; i++ {
		if _, err := tx.ExecContext(ctx, query, rows[i*width:(i+1)*width]...); err != nil {
			return rowErr(i, err)
		}
	}
	return rowErr(start, err) // its rows went in alone: the statement's error
}

// tuple returns "(?, ?, …)" with width parameters.
func tuple(width int) string {
	return "(" + strings.TrimSuffix(strings.Repeat("?, ", width), ", ") + ")"
}

// factsAndDate returns how many facts r's measures hold, and its document
// date: the latest of its dates that are whole ISO dates (YYYY-MM-DD), ""
// when none.
func factsAndDate(r *hesabat.Report) (n int, date string) {
	for i := range r.Measures {
		for _, f := range r.Measures[i].Facts {
			n++
			if isoDate(f.Date) && f.Date > date {
				date = f.Date
			}
		}
	}
	return n, date
}

// isoDate reports whether s is DDDD-DD-DD with ASCII digits D, as the
// SQL pattern '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' of place.
func isoDate(s string) bool {
	if len(s) != 10 {
		return false
	}
	for i := range len(s) {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// countAmount returns what facts.count and facts.amount hold for f (see
// SCHEMA.md): a quantity that is a whole number is a count; any other
// quantity, money or percent is an amount; nil (SQL NULL) otherwise. A
// whole number is one that an INTEGER holds, as migration 0005 decided
// with value = CAST(value AS INTEGER).
func countAmount(f hesabat.Fact) (count, amount any) {
	if f.Value == nil {
		return nil, nil
	}
	v := *f.Value
	whole := v == math.Trunc(v) && v >= math.MinInt64 && v < math.MaxInt64
	switch {
	case f.Kind == hesabat.Quantity && whole:
		return int64(v), nil
	case f.Kind == hesabat.Quantity, f.Kind == hesabat.Money, f.Kind == hesabat.Percent:
		return nil, v
	}
	return nil, nil
}

// intOrNull and floatOrNull return *p, or nil (SQL NULL) when p is nil,
// in the type database/sql hands to the driver as it is. SaveReport gives
// the values of its rows so (int64 for an int): database/sql converts an
// int or a pointer to the same value through reflection, which for every
// value of every fact and box cost more than the binding itself.
func intOrNull(p *int) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

func floatOrNull(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// null returns s, or nil (SQL NULL) when s is empty.
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// kinds maps each sentinel error to the kind ingest_errors records for it:
// the sentinel's own text, as in "no measure table".
var kinds = []error{
	hesabat.ErrEmpty,
	hesabat.ErrUnsupported,
	hesabat.ErrEncrypted,
	hesabat.ErrCorrupt,
	hesabat.ErrNoTable,
	hesabat.ErrTooLarge,
	hesabat.ErrTimeout,
	hesabat.ErrScanned,
}

// Kind returns the kind under which SaveError records err: the text of the
// hesabat sentinel error it wraps ("encrypted", "no measure table", …),
// "time limit exceeded" for context.DeadlineExceeded, and "error" for
// anything else.
func Kind(err error) string {
	for _, k := range kinds {
		if errors.Is(err, k) {
			return k.Error()
		}
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return hesabat.ErrTimeout.Error()
	}
	return "error"
}

// Counts are the numbers of rows in the main tables, and Current the
// number of current reports (the files the views read; see identity.go).
type Counts struct {
	Reports, Measures, Facts, Errors int
	Current                          int
}

// Counts returns how many reports (stored files), measures, facts and
// ingest errors the database holds, and how many of the reports are
// current, read in one consistent snapshot.
func (db *DB) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := db.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM reports),
		(SELECT count(*) FROM measures),
		(SELECT count(*) FROM facts),
		(SELECT count(*) FROM ingest_errors),
		(SELECT count(*) FROM reports WHERE status = 'current')`,
	).Scan(&c.Reports, &c.Measures, &c.Facts, &c.Errors, &c.Current)
	if err != nil {
		return Counts{}, fmt.Errorf("counts: %w", err)
	}
	return c, nil
}
