package load

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
)

// Plan measures are learned from the reports on a plan: there is no plan
// document to read them from. Each measure of a report links to one:
//
//   - by number: the plan measure with the same number, when the titles
//     agree beyond small edits (similarity at least minSameTitle);
//   - by title: otherwise, the plan measure with the most similar title,
//     when at least minSimilarTitle;
//   - new: otherwise the measure starts a plan measure of its own (the
//     first report on a plan starts them all; a later 'new' one is a
//     measure no earlier report had, worth a look);
//   - unlinked: a measure without a title, or of a report whose plan was
//     not found.
//
// Similarity is the Dice coefficient of the two titles' sets of words
// (aztext.LooseKey): 2·|common| / (|a| + |b|).
const (
	// minSameTitle allows a word or two changed in a title of ten to
	// twenty words (a typo fixed, an agency's name put in) while the
	// number says which measure it is.
	minSameTitle = 0.8
	// minSimilarTitle protects against linking a measure to another one of
	// the same plan that shares only the plan's stock phrases ("təmin
	// edilməsi", "sahəsində", "artırılması"): distinct measures of one plan
	// share well under half of their words, one measure rewritten by two
	// agencies most of them.
	minSimilarTitle = 0.6
)

// planFor returns the plan p names, adding it when new. Plans are one by
// the LooseKey of their title.
func planFor(ctx context.Context, tx *sql.Tx, p hesabat.Plan) (int64, error) {
	key := aztext.LooseKey(p.Title)
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM plans WHERE key = ?`, key).Scan(&id)
	if !errors.Is(err, sql.ErrNoRows) {
		return id, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO plans (title, key, start_year, end_year) VALUES (?, ?, ?, ?)`,
		p.Title, key, p.Start, p.End)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// planMeasure is a plan measure as linking compares it.
type planMeasure struct {
	id     int64
	number string
	words  []int32 // see linker.words
}

// similarity is the Dice coefficient of two sets of words, each sorted
// and each word once (see linker.words).
func similarity[T cmp.Ordered](a, b []T) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := cmp.Compare(a[i], b[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			common++
			i++
			j++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// linker links the measures of one report to the plan measures of its
// plan (see above), adding plan measures where needed.
type linker struct {
	plan  sql.NullInt64 // the report's plan; none: every measure unlinked
	known []*planMeasure
	ids   map[string]int32 // the words met so far, numbered (see words)
}

// words returns the set of words of the title whose LooseKey is loose, as
// the numbers l gives words, sorted, each once: a measure is compared with
// every plan measure of its plan, and sorted sets of numbers are
// intersected in one pass, without comparing the words' text again. A
// number stands for one word within l, so the sets have the sizes and
// common members that the words have.
func (l *linker) words(loose string) []int32 {
	if loose == "" {
		return nil
	}
	if l.ids == nil {
		l.ids = make(map[string]int32)
	}
	var set []int32
	for loose != "" { // a key has one space between words, none around
		w, rest, _ := strings.Cut(loose, " ")
		id, ok := l.ids[w]
		if !ok {
			id = int32(len(l.ids))
			l.ids[w] = id
		}
		set = append(set, id)
		loose = rest
	}
	slices.Sort(set)
	return slices.Compact(set)
}

// newLinker reads the plan measures of plan, if any.
func newLinker(ctx context.Context, tx *sql.Tx, plan sql.NullInt64) (*linker, error) {
	l := &linker{plan: plan}
	if !plan.Valid {
		return l, nil
	}
	err := forEach(tx.QueryContext(ctx, `SELECT id, coalesce(number, ''), title FROM plan_measures WHERE plan_id = +? ORDER BY id`, plan.Int64))(
		func(rows *sql.Rows) error {
			pm := &planMeasure{}
			var title string
			if err := rows.Scan(&pm.id, &pm.number, &title); err != nil {
				return err
			}
			pm.words = l.words(aztext.LooseKey(title))
			l.known = append(l.known, pm)
			return nil
		})
	return l, err
}

// link returns the plan measure (nil for none) and plan_link of the next
// measure of the report, by its number, title (loose: its LooseKey) and
// number_sort, in the order of the report's measures.
func (l *linker) link(ctx context.Context, tx *sql.Tx, number, title, loose string, sort any) (pmID any, link string, err error) {
	if !l.plan.Valid {
		return nil, "unlinked", nil
	}
	w := l.words(loose)
	if len(w) == 0 {
		return nil, "unlinked", nil
	}
	target, link := matchPlanMeasure(l.known, number, w)
	if target == nil {
		res, err := tx.ExecContext(ctx, `INSERT INTO plan_measures (plan_id, number, number_sort, title) VALUES (?, ?, ?, ?)`,
			l.plan.Int64, null(number), sort, title)
		if err != nil {
			return nil, "", err
		}
		target = &planMeasure{number: number, words: w}
		if target.id, err = res.LastInsertId(); err != nil {
			return nil, "", err
		}
		l.known = append(l.known, target)
	}
	return target.id, link, nil
}

// linkMeasures links each measure of report id, stored unlinked, to its
// plan measure (SaveReport links them as it stores them).
func linkMeasures(ctx context.Context, tx *sql.Tx, id int64) error {
	var plan sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT plan_id FROM reports WHERE id = ?`, id).Scan(&plan); err != nil {
		return err
	}
	l, err := newLinker(ctx, tx, plan)
	if err != nil {
		return err
	}
	type measure struct {
		id            int64
		number, title string
		sort          sql.NullInt64
	}
	var measures []measure
	err = forEach(tx.QueryContext(ctx, `SELECT id, coalesce(number, ''), coalesce(title, ''), number_sort
		FROM measures WHERE report_id = ? ORDER BY position`, id))(
		func(rows *sql.Rows) error {
			var m measure
			if err := rows.Scan(&m.id, &m.number, &m.title, &m.sort); err != nil {
				return err
			}
			measures = append(measures, m)
			return nil
		})
	if err != nil {
		return err
	}
	setLink, err := tx.PrepareContext(ctx, `UPDATE measures SET plan_measure_id = ?, plan_link = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer setLink.Close()
	for _, m := range measures {
		var sort any
		if m.sort.Valid {
			sort = m.sort.Int64
		}
		pmID, link, err := l.link(ctx, tx, m.number, m.title, aztext.LooseKey(m.title), sort)
		if err != nil {
			return err
		}
		if _, err := setLink.ExecContext(ctx, pmID, link, m.id); err != nil {
			return err
		}
	}
	return nil
}

// matchPlanMeasure finds the plan measure among known that a measure with
// number and title words links to, and how ("number" or "title"); nil and
// "new" when none.
func matchPlanMeasure(known []*planMeasure, number string, w []int32) (*planMeasure, string) {
	if number != "" {
		for _, pm := range known {
			if pm.number == number && similarity(w, pm.words) >= minSameTitle {
				return pm, "number"
			}
		}
	}
	var best *planMeasure
	bestSim := 0.0
	for _, pm := range known {
		if s := similarity(w, pm.words); s > bestSim {
			best, bestSim = pm, s
		}
	}
	if best != nil && bestSim >= minSimilarTitle {
		return best, "title"
	}
	return nil, "new"
}

// refreshPlan brings plan up to date after the reports changed were
// stored, or changed status: the plan measures their measures link to (most
// common number and title among all stored measures linked to them, the
// first row of the sums of plan_measure_variants by title and by number
// that migration 0012's tables keep; how many measures of current reports
// link to them), and coverage: the rows of the changed reports, and rows
// for the plan measures with ids above newSince (added since) for every
// current report on the plan.
//
// A plan measure's count is taken over the current reports of its plan
// (index reports_plan_status, and CROSS JOIN to make SQLite start there),
// each looked up in measures_plan_measure_id: only measures of reports on
// its plan link to a plan measure (linker), so this counts what a scan of
// all the measures linked to it counts, without reading those of every
// superseded file and source, which grow with each file stored again.
func refreshPlan(ctx context.Context, tx *sql.Tx, plan int64, changed []int64, newSince int64) error {
	in, ids := inList(changed)
	touched := `(SELECT plan_measure_id FROM measures WHERE report_id IN ` + in + `)`
	withIDs := func(first ...any) []any { return append(first, ids...) }
	for _, st := range []struct {
		query string
		args  []any
	}{
		{`UPDATE plan_measures SET
			measure_count = (SELECT count(*) FROM reports AS r CROSS JOIN measures AS m
				ON m.plan_measure_id = plan_measures.id AND m.report_id = r.id
				WHERE r.plan_id = plan_measures.plan_id AND r.status = 'current'),
			title = coalesce((SELECT t.title FROM plan_measure_titles AS t
				WHERE t.plan_measure_id = plan_measures.id
				ORDER BY t.measures DESC, t.first_measure, t.title LIMIT 1), title),
			number = coalesce((SELECT n.number FROM plan_measure_numbers AS n
				WHERE n.plan_measure_id = plan_measures.id
				ORDER BY n.measures DESC, n.first_measure, n.number LIMIT 1), number)
			WHERE plan_id = ? AND id IN ` + touched, withIDs(plan)},
		{`UPDATE plan_measures SET number_sort = (SELECT m.number_sort FROM measures AS m
			WHERE m.plan_measure_id = plan_measures.id AND m.number = plan_measures.number LIMIT 1)
			WHERE plan_id = ? AND id IN ` + touched, withIDs(plan)},
		{`DELETE FROM plan_coverage WHERE report_id IN ` + in, ids},
		{`INSERT INTO plan_coverage (plan_measure_id, report_id, measure_id, reported)
			SELECT pm.id, r.id, m.id, m.id IS NOT NULL
			FROM plan_measures AS pm
			JOIN reports AS r ON r.plan_id = pm.plan_id AND r.status = 'current'
			LEFT JOIN measures AS m ON m.id = (SELECT min(x.id) FROM measures AS x
				WHERE x.plan_measure_id = pm.id AND x.report_id = r.id)
			WHERE pm.plan_id = +? AND r.id IN ` + in, withIDs(plan)},
		{`INSERT OR IGNORE INTO plan_coverage (plan_measure_id, report_id, measure_id, reported)
			SELECT pm.id, r.id, NULL, 0
			FROM plan_measures AS pm
			JOIN reports AS r ON r.plan_id = pm.plan_id AND r.status = 'current'
			WHERE pm.plan_id = +? AND pm.id > ?`, []any{plan, newSince}},
	} {
		if _, err := tx.ExecContext(ctx, st.query, st.args...); err != nil {
			return err
		}
	}
	return nil
}
