package load

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hesabat/hesabat"
)

// This file keeps what ingest needs to run incrementally: what is stored
// for a file's content (a report and the rules that made it, or a failure),
// and the failures themselves, one row per failing content.

// Failure is a file that could not be ingested: one row of ingest_errors.
type Failure struct {
	ID       int64
	Path     string // the path it was last seen at
	SHA256   string // "" when the file could not be read
	Kind     string // see Kind
	Message  string
	Hint     string
	Page     int // 0 when unknown
	First    time.Time
	Last     time.Time // when a run last saw it failing
	Attempts int       // how many times it was read and failed
	// RulesVersion and Capabilities are the extraction rules and the
	// capabilities (space-separated) it failed under; 0 and "" for failures
	// recorded before they were kept.
	RulesVersion int
	Capabilities string
}

// Stale reports whether f was recorded under extraction rules older than
// rules, or without one of the capabilities in caps (space-separated): the
// file may now be read, so it is worth trying again.
func (f *Failure) Stale(rules int, caps string) bool {
	if f.RulesVersion < rules {
		return true
	}
	had := strings.Fields(f.Capabilities)
	for _, c := range strings.Fields(caps) {
		found := false
		for _, h := range had {
			found = found || h == c
		}
		if !found {
			return true
		}
	}
	return false
}

// State is what the database holds for one file content.
type State struct {
	// Stored is true when a report with the content is stored;
	// RulesVersion is then the version of the rules that made it (0 for
	// reports stored before versions were kept).
	Stored       bool
	RulesVersion int
	// Failure is the content's recorded failure, nil when none.
	Failure *Failure
}

// State returns what is stored for the content with the given SHA-256.
func (db *DB) State(ctx context.Context, sha256 string) (State, error) {
	var s State
	var rules sql.NullInt64
	err := db.db.QueryRowContext(ctx, `SELECT rules_version FROM reports WHERE sha256 = ?`, sha256).Scan(&rules)
	switch {
	case err == nil:
		s.Stored, s.RulesVersion = true, int(rules.Int64)
	case !errors.Is(err, sql.ErrNoRows):
		return State{}, fmt.Errorf("state of %s: %w", sha256, err)
	}
	f, err := db.failure(ctx, `sha256 = ?`, sha256)
	if err != nil {
		return State{}, fmt.Errorf("state of %s: %w", sha256, err)
	}
	s.Failure = f
	return s, nil
}

// UnreadFailure returns the failure recorded for the file at path that
// could not be read (so has no SHA-256), nil when none.
func (db *DB) UnreadFailure(ctx context.Context, path string) (*Failure, error) {
	f, err := db.failure(ctx, `sha256 IS NULL AND path = ?`, path)
	if err != nil {
		return nil, fmt.Errorf("failure of %s: %w", path, err)
	}
	return f, nil
}

const failureColumns = `id, path, sha256, kind, message, hint, page, first_seen, last_seen,
	attempts, rules_version, capabilities`

// failure returns the one failure that matches where, nil when none.
func (db *DB) failure(ctx context.Context, where string, args ...any) (*Failure, error) {
	fs, err := db.failures(ctx, where, args...)
	if err != nil || len(fs) == 0 {
		return nil, err
	}
	return &fs[0], nil
}

// Failures returns every recorded failure, by path.
func (db *DB) Failures(ctx context.Context) ([]Failure, error) {
	fs, err := db.failures(ctx, `1`)
	if err != nil {
		return nil, fmt.Errorf("failures: %w", err)
	}
	return fs, nil
}

func (db *DB) failures(ctx context.Context, where string, args ...any) ([]Failure, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT `+failureColumns+` FROM ingest_errors WHERE `+where+` ORDER BY path, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Failure
	for rows.Next() {
		var f Failure
		var sha, hint, caps sql.NullString
		var page, rules sql.NullInt64
		var first, last string
		if err := rows.Scan(&f.ID, &f.Path, &sha, &f.Kind, &f.Message, &hint, &page, &first, &last,
			&f.Attempts, &rules, &caps); err != nil {
			return nil, err
		}
		f.SHA256, f.Hint, f.Capabilities = sha.String, hint.String, caps.String
		f.Page, f.RulesVersion = int(page.Int64), int(rules.Int64)
		f.First, _ = time.Parse(timeFormat, first)
		f.Last, _ = time.Parse(timeFormat, last)
		out = append(out, f)
	}
	return out, rows.Err()
}

// SaveError records that the file at path, with the given SHA-256 ("" when
// it could not be read), failed with err under the current extraction
// rules (hesabat.RulesVersion) and the capabilities caps. There is one row
// per content (per path for unread files): a failure already recorded is
// updated (path, kind, message, hint, page, rules, capabilities, last seen)
// and its attempts counted up. Failures recorded at path for other
// contents go: the file has changed. It returns the failure as recorded before,
// nil when none, so that the caller can tell a new failure from a repeated
// one.
//
// The kind, message, hint and page recorded are FailureOf's.
func (db *DB) SaveError(ctx context.Context, path, sha256 string, err error, caps string) (prior *Failure, rerr error) {
	if err == nil {
		return nil, fmt.Errorf("save error for %s: nil error", path)
	}
	defer func() {
		if rerr != nil {
			rerr = fmt.Errorf("save error for %s: %w", path, rerr)
		}
	}()
	f := FailureOf(path, err)
	var pageArg any
	if f.Page > 0 {
		pageArg = f.Page
	}
	if sha256 == "" {
		prior, rerr = db.UnreadFailure(ctx, path)
	} else {
		prior, rerr = db.failure(ctx, `sha256 = ?`, sha256)
	}
	if rerr != nil {
		return nil, rerr
	}
	now := db.now()
	tx, rerr := db.db.BeginTx(ctx, nil)
	if rerr != nil {
		return nil, rerr
	}
	defer tx.Rollback()
	var id int64
	if prior != nil {
		id = prior.ID
		_, rerr = tx.ExecContext(ctx, `UPDATE ingest_errors SET path = ?, kind = ?, page = ?,
			message = ?, hint = ?, last_seen = ?, attempts = attempts + 1, rules_version = ?,
			capabilities = ? WHERE id = ?`,
			path, f.Kind, pageArg, f.Message, null(f.Hint), now, hesabat.RulesVersion, caps, id)
	} else {
		var res sql.Result
		res, rerr = tx.ExecContext(ctx, `INSERT INTO ingest_errors
			(path, sha256, kind, page, message, hint, first_seen, last_seen, attempts, rules_version, capabilities)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
			path, null(sha256), f.Kind, pageArg, f.Message, null(f.Hint), now, now, hesabat.RulesVersion, caps)
		if rerr == nil {
			id, rerr = res.LastInsertId()
		}
	}
	if rerr == nil {
		rerr = dropOthersAt(ctx, tx, path, id)
	}
	if rerr == nil {
		rerr = tx.Commit()
	}
	return prior, rerr
}

// dropOthersAt deletes, in tx, the failures recorded at path but the one
// with the given ID: they were of contents the file no longer has.
func dropOthersAt(ctx context.Context, tx *sql.Tx, path string, id int64) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM ingest_errors WHERE path = ? AND id <> ?`, path, id)
	return err
}

// FailureOf describes err, the failure of the file at path, as SaveError
// records it: its Kind; when err is or wraps a *hesabat.Error, its page and
// hint, and as message its cause without the path and hint; otherwise err's
// text as message.
func FailureOf(path string, err error) Failure {
	f := Failure{Path: path, Kind: Kind(err), Message: err.Error()}
	var e *hesabat.Error
	if errors.As(err, &e) {
		f.Hint, f.Page = e.Hint, e.Page
		if e.Err != nil {
			f.Message = e.Err.Error()
		}
	}
	return f
}

// SeenFailing records that a run saw the failure with the given ID again,
// at path, without reading the file: only its path and last seen change.
func (db *DB) SeenFailing(ctx context.Context, id int64, path string) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("seen failing %s: %w", path, err)
		}
	}()
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE ingest_errors SET path = ?, last_seen = ? WHERE id = ?`,
		path, db.now(), id); err != nil {
		return err
	}
	if err := dropOthersAt(ctx, tx, path, id); err != nil {
		return err
	}
	return tx.Commit()
}

// Resolve forgets the failures of the file at path and of the content with
// the given SHA-256: the file is now stored.
func (db *DB) Resolve(ctx context.Context, path, sha256 string) error {
	return resolve(ctx, db.db, path, sha256)
}

// execer is a *sql.DB or *sql.Tx.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func resolve(ctx context.Context, x execer, path, sha256 string) error {
	if _, err := x.ExecContext(ctx, `DELETE FROM ingest_errors WHERE sha256 = ? OR path = ?`, sha256, path); err != nil {
		return fmt.Errorf("resolve %s: %w", path, err)
	}
	return nil
}

// replaceOlder deletes, in tx, the stored report with r's content when
// older extraction rules made it, so that r replaces it in the same
// transaction.
func replaceOlder(ctx context.Context, tx *sql.Tx, r *hesabat.Report) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM reports WHERE sha256 = ? AND coalesce(rules_version, 0) < ?`,
		r.SHA256, hesabat.RulesVersion)
	return err
}

// Group is what the database holds for one agency and year: its current
// reports (one per report, however many files it came in; see the report
// identity rule in identity.go).
type Group struct {
	Agency   string // canonical name; "" when the reports name none
	Known    bool   // the agency is a known state body (agencies.known)
	Year     int    // 0 when unknown
	Reports  int
	Measures int
	Facts    int
	Warnings int
}

// Stats returns the current reports, with their measures, facts and
// warnings, for each agency and year, by agency and year.
func (db *DB) Stats(ctx context.Context) ([]Group, error) {
	var out []Group
	err := forEach(db.db.QueryContext(ctx, `SELECT coalesce(a.name, ''), coalesce(a.known, 0), coalesce(r.year, 0),
		count(*), sum(r.measure_count), sum(r.fact_count),
		sum((SELECT count(*) FROM report_warnings AS w WHERE w.report_id = r.id))
		FROM reports AS r LEFT JOIN agencies AS a ON a.id = r.agency_id
		WHERE r.status = 'current' GROUP BY 1, 2, 3 ORDER BY 1, 3`))(
		func(rows *sql.Rows) error {
			var g Group
			if err := rows.Scan(&g.Agency, &g.Known, &g.Year, &g.Reports, &g.Measures, &g.Facts, &g.Warnings); err != nil {
				return err
			}
			out = append(out, g)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	return out, nil
}
