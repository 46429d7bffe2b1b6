package load

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
)

// searchText is what measure_search and the *_key columns hold for one
// measure.
type searchText struct {
	title, executor, work, extras string
}

func measureText(m *hesabat.Measure) searchText {
	keys := make([]string, 0, len(m.Extra))
	for k := range m.Extra {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var extras []string
	for _, k := range keys {
		extras = append(extras, m.Extra[k])
	}
	return searchText{m.Title, m.Executor, m.WorkDone, strings.Join(extras, "\n")}
}

// keyColumns are the columns of measures that hold the folded copies of a
// measure's text, in the order of searchKeys.values; the triggers of
// migration 0006 put them in measures_fts.
const keyColumns = `title_key, executor_key, work_done_key, extras_key, title_bare, work_done_bare, extras_bare`

// searchKeys are the folded copies of a measure's text: aztext.Key of
// each part, and aztext.BareKey of those that are searched bare.
type searchKeys struct {
	title, executor, work, extras   string
	titleBare, workBare, extrasBare string
}

// keys returns the folded copies of t.
func (t searchText) keys() searchKeys {
	k := searchKeys{title: aztext.Key(t.title), executor: aztext.Key(t.executor),
		work: aztext.Key(t.work), extras: aztext.Key(t.extras)}
	k.titleBare, k.workBare, k.extrasBare = aztext.BareKeyOf(k.title), aztext.BareKeyOf(k.work), aztext.BareKeyOf(k.extras)
	return k
}

// values returns k as the values of keyColumns, "" as NULL.
func (k searchKeys) values() []any {
	return []any{null(k.title), null(k.executor), null(k.work), null(k.extras),
		null(k.titleBare), null(k.workBare), null(k.extrasBare)}
}

// index stores the folded copies of the text of a measure stored without
// them (SaveReport inserts them with the measure).
func index(ctx context.Context, tx *sql.Tx, id int64, t searchText) error {
	if _, err := tx.ExecContext(ctx, `UPDATE measures SET
		title_key = ?, executor_key = ?, work_done_key = ?, extras_key = ?,
		title_bare = ?, work_done_bare = ?, extras_bare = ? WHERE id = ?`, append(t.keys().values(), id)...,
	); err != nil {
		return fmt.Errorf("search keys: %w", err)
	}
	return nil
}

// indexUnindexed folds the text of the measures stored before migration
// 0006 (they have text but no keys), in one transaction.
func (db *DB) indexUnindexed(ctx context.Context) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT id, coalesce(title, ''), coalesce(executor, ''), coalesce(work_done, '')
		FROM measures
		WHERE title_key IS NULL AND work_done_key IS NULL AND (title IS NOT NULL OR work_done IS NOT NULL)`)
	if err != nil {
		return err
	}
	type todo struct {
		id int64
		t  searchText
	}
	var list []todo
	for rows.Next() {
		var d todo
		if err := rows.Scan(&d.id, &d.t.title, &d.t.executor, &d.t.work); err != nil {
			rows.Close()
			return err
		}
		list = append(list, d)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, d := range list {
		if err := index(ctx, tx, d.id, d.t); err != nil {
			return fmt.Errorf("measure %d: %w", d.id, err)
		}
	}
	return tx.Commit()
}

// Query is a search over the current measures.
type Query struct {
	Text   string // words and "quoted phrases", all of which must occur
	Agency string // "" for any; else part of the agency's name, any case or ending
	Year   int    // 0 for any
	Limit  int    // at most this many hits; 0 for 20
}

// Hit is one measure found by Search.
type Hit struct {
	MeasureID int64
	Agency    string
	Year      *int
	Number    string
	Title     string
	WorkDone  string
	Path      string
	Rank      float64 // lower is better (FTS5 bm25)
}

// Term is one word or phrase of a query, as Search matches it: the folded
// words (aztext.Key), of which the last is matched by its stem as a prefix,
// so that "iclas" finds "iclasında" and "iclaslar". Bare holds the same
// words as aztext.BareKey, for text typed without Azerbaijani letters.
type Term struct {
	Words []string
	Bare  []string
}

// ParseQuery splits a query into terms: each "quoted phrase" is one term,
// each other word one term (a hyphenated word, such as "e-xidmət" or
// "2020-2022", is a phrase of its parts). User input is never FTS syntax:
// quotes only group, and AND, OR, NOT, NEAR, "*", "^" and ":" are words or
// punctuation like any other.
func ParseQuery(text string) []Term {
	var terms []Term
	add := func(s string) {
		k := strings.Fields(aztext.Key(s))
		if len(k) == 0 {
			return
		}
		last := len(k) - 1
		if st := aztext.Stem(k[last]); len([]rune(st)) >= minStem && strings.IndexFunc(st, unicode.IsLetter) >= 0 {
			k[last] = st
		}
		t := Term{Words: k}
		for _, w := range k {
			t.Bare = append(t.Bare, aztext.BareKey(w))
		}
		terms = append(terms, t)
	}
	parts := strings.Split(text, `"`)
	for i, p := range parts {
		if i%2 == 1 { // inside quotes
			add(p)
			continue
		}
		for _, w := range strings.Fields(p) {
			add(w)
		}
	}
	return terms
}

// minStem is the shortest stem searched by prefix: shorter ones ("ad",
// "il") would find every word that starts with them; the word is then
// searched as typed.
const minStem = 3

// match builds the FTS5 expression for terms over the given columns: each
// term a quoted phrase whose last word is a prefix, all terms required.
func match(terms []Term, bare bool, cols string) string {
	var b strings.Builder
	b.WriteString("{" + cols + "} : (")
	for i, t := range terms {
		if i > 0 {
			b.WriteString(" AND ")
		}
		ws := t.Words
		if bare {
			ws = t.Bare
		}
		// Words from aztext.Key are letters and digits only: quoting them
		// makes them plain strings whatever they spell.
		b.WriteString(`"` + strings.Join(ws, " ") + `"*`)
	}
	b.WriteString(")")
	return b.String()
}

// Search finds the current measures whose title, work done or extra cells
// contain every term of q.Text, in their Azerbaijani-folded form (case by
// Azerbaijani rules, Cyrillic look-alikes, suffixes through the stem), or,
// ranked below, in their form without marks ("arayis" finds "arayış").
// Best matches come first. A query with no words finds nothing.
func (db *DB) Search(ctx context.Context, q Query) ([]Hit, error) {
	terms := ParseQuery(q.Text)
	if len(terms) == 0 {
		return nil, nil
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	expr := match(terms, false, "title_key work_done_key extras_key") + " OR " +
		match(terms, true, "title_bare work_done_bare extras_bare")
	sqlText := `SELECT cm.measure_id, cm.agency, cm.year, coalesce(cm.number, ''), coalesce(cm.title, ''),
			coalesce(cm.work_done, ''), cm.path,
			bm25(measures_fts, 10.0, 4.0, 2.0, 1.0, 0.4, 0.2) AS rank
		FROM measures_fts
		JOIN current_measures AS cm ON cm.measure_id = measures_fts.rowid
		WHERE measures_fts MATCH ?`
	args := []any{expr}
	if q.Agency != "" {
		sqlText += ` AND cm.report_id IN (SELECT r.id FROM reports AS r
			JOIN agency_aliases AS aa ON aa.agency_id = r.agency_id WHERE aa.key LIKE ?)`
		args = append(args, "%"+likeEscape(agencyKey(q.Agency))+"%")
		sqlText += ` ESCAPE '\'`
	}
	if q.Year != 0 {
		sqlText += ` AND cm.year = ?`
		args = append(args, q.Year)
	}
	sqlText += ` ORDER BY rank, cm.agency, cm.year, cm.number_sort LIMIT ?`
	args = append(args, limit)
	rows, err := db.db.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var h Hit
		var agency sql.NullString
		var year sql.NullInt64
		if err := rows.Scan(&h.MeasureID, &agency, &year, &h.Number, &h.Title, &h.WorkDone, &h.Path, &h.Rank); err != nil {
			return nil, err
		}
		h.Agency, h.Year = agency.String, intOrNil(year)
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// likeEscape escapes the LIKE wildcards of s with a backslash.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
