package load

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"

	"github.com/hesabat/hesabat"
)

// sumsAgree checks that plan_measure_titles and plan_measure_numbers hold
// the sums of plan_measure_variants by title and by number.
func sumsAgree(t *testing.T, db *DB) {
	t.Helper()
	for _, q := range [][2]string{
		{`SELECT plan_measure_id, title, measures, first_measure FROM plan_measure_titles ORDER BY 1, 2`,
			`SELECT plan_measure_id, title, sum(measures), min(first_measure) FROM plan_measure_variants
				WHERE title <> '' GROUP BY plan_measure_id, title ORDER BY 1, 2`},
		{`SELECT plan_measure_id, number, measures, first_measure FROM plan_measure_numbers ORDER BY 1, 2`,
			`SELECT plan_measure_id, number, sum(measures), min(first_measure) FROM plan_measure_variants
				WHERE number <> '' GROUP BY plan_measure_id, number ORDER BY 1, 2`},
	} {
		if kept, summed := queryStrings(t, db, q[0]), queryStrings(t, db, q[1]); !reflect.DeepEqual(kept, summed) {
			t.Fatalf("kept sums\n%v\ndiffer from the variants' sums\n%v", kept, summed)
		}
	}
}

// TestPlanNamesRule holds refreshPlan's lookup of the sums that migration
// 0012's triggers keep to the rule it replaced (ruleNames), over random
// inserts, relinks, retitles, renumbers and deletes of measures, with few
// titles and numbers so that sums tie, and full ties (equal sums and first
// measures, which updates make) occur: the least title or number wins them.
func TestPlanNamesRule(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	if _, err := db.SaveReport(ctx, sampleReport()); err != nil {
		t.Fatal(err)
	}
	var plan int64
	if err := db.db.QueryRow(`SELECT plan_id FROM reports`).Scan(&plan); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := db.db.Exec(`INSERT INTO plan_measures (plan_id, title) VALUES (?, 'başlıq')`, plan); err != nil {
			t.Fatal(err)
		}
	}
	pms := queryColumn[int64](t, db, `SELECT id FROM plan_measures ORDER BY id`)
	titles := []any{nil, "", "a", "b", "ç", "B"}
	numbers := []any{nil, "", "1.1", "1.2", "10", "2"}
	rng := rand.New(rand.NewPCG(17, 12))
	pick := func(vs []any) any { return vs[rng.IntN(len(vs))] }
	pickPM := func() any {
		if rng.IntN(8) == 0 {
			return nil
		}
		return pms[rng.IntN(len(pms))]
	}
	fullTies := 0
	for step := range 600 {
		ids := queryColumn[int64](t, db, `SELECT id FROM measures WHERE report_id = 1`)
		var q string
		var args []any
		switch op := rng.IntN(10); {
		case op < 4 || len(ids) < 5:
			q = `INSERT INTO measures (report_id, position, number, title, term_recurring, page_first, page_last, plan_measure_id)
				VALUES (1, (SELECT max(position) + 1 FROM measures WHERE report_id = 1), ?, ?, 0, 1, 1, ?)`
			args = []any{pick(numbers), pick(titles), pickPM()}
		case op < 6:
			q, args = `UPDATE measures SET title = ? WHERE id = ?`, []any{pick(titles), ids[rng.IntN(len(ids))]}
		case op < 8:
			q, args = `UPDATE measures SET number = ? WHERE id = ?`, []any{pick(numbers), ids[rng.IntN(len(ids))]}
		case op < 9:
			q, args = `UPDATE measures SET plan_measure_id = ? WHERE id = ?`, []any{pickPM(), ids[rng.IntN(len(ids))]}
		default:
			q, args = `DELETE FROM measures WHERE id = ?`, []any{ids[rng.IntN(len(ids))]}
		}
		if _, err := db.db.Exec(q, args...); err != nil {
			t.Fatalf("step %d: %s: %v", step, q, err)
		}
		if step%10 != 9 {
			continue
		}
		sumsAgree(t, db)
		fullTies += queryInt(t, db, `SELECT count(*) FROM (SELECT plan_measure_id FROM plan_measure_titles
			GROUP BY plan_measure_id, measures, first_measure HAVING count(*) > 1)`)
		fullTies += queryInt(t, db, `SELECT count(*) FROM (SELECT plan_measure_id FROM plan_measure_numbers
			GROUP BY plan_measure_id, measures, first_measure HAVING count(*) > 1)`)
		// What the rule refreshPlan applied before 0012 gives (the
		// sums over the variants, the larger sum first, then the smaller
		// first measure), the stored name where it gives none.
		want := queryStrings(t, db, `SELECT id, coalesce(r.title, pm.title), coalesce(r.number, pm.number, '') FROM plan_measures AS pm
			JOIN (SELECT pm.id AS pid,
				(SELECT v.title FROM plan_measure_variants AS v WHERE v.plan_measure_id = pm.id AND v.title <> ''
					GROUP BY v.title ORDER BY sum(v.measures) DESC, min(v.first_measure) LIMIT 1) AS title,
				(SELECT v.number FROM plan_measure_variants AS v WHERE v.plan_measure_id = pm.id AND v.number <> ''
					GROUP BY v.number ORDER BY sum(v.measures) DESC, min(v.first_measure) LIMIT 1) AS number
				FROM plan_measures AS pm) AS r ON r.pid = pm.id
			WHERE pm.id IN (SELECT plan_measure_id FROM measures WHERE report_id = 1) ORDER BY id`)
		tx, err := db.db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := refreshPlan(ctx, tx, plan, []int64{1}, 1<<62); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		got := queryStrings(t, db, `SELECT id, title, coalesce(number, '') FROM plan_measures
			WHERE id IN (SELECT plan_measure_id FROM measures WHERE report_id = 1) ORDER BY id`)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("step %d: plan measures\n%v\nwant (the rule)\n%v", step, got, want)
		}
	}
	if fullTies == 0 {
		t.Error("no full tie met: the case the least title or number decides was not tried")
	}
}

// queryColumn returns the first column of the rows of query.
func queryColumn[T any](t *testing.T, db *DB, query string) []T {
	t.Helper()
	v, err := column[T](db.db.Query(query))
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return v
}

// backTo0011 takes db back to the schema of migration 0011: the sums
// tables of 0012 dropped, and the triggers of 0005 and 0010 as those
// migrations made them.
func backTo0011(t *testing.T, db *DB) {
	t.Helper()
	qs := []string{
		`DROP TABLE plan_measure_titles`,
		`DROP TABLE plan_measure_numbers`,
		`DROP TRIGGER plan_measure_variants_insert`,
		`DROP TRIGGER plan_measure_variants_link`,
		`DROP TRIGGER plan_measure_variants_unlink`,
		`DROP TRIGGER plan_measure_variants_delete`,
	}
	trigger := regexp.MustCompile(`(?s)CREATE TRIGGER plan_measure_variants_\w+ .*?\nEND;`)
	for _, name := range []string{"0005_identity.sql", "0010_faster_saves.sql"} {
		script, err := fs.ReadFile(migrations, "migrations/"+name)
		if err != nil {
			t.Fatal(err)
		}
		qs = append(qs, trigger.FindAllString(string(script), -1)...)
	}
	qs = append(qs, `DELETE FROM schema_migrations WHERE version >= 12`)
	if len(qs) != 6+4+1 {
		t.Fatalf("%d statements: the triggers of 0005 and 0010 not all found", len(qs))
	}
	for _, q := range qs {
		if _, err := db.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestUpgradeFrom0011 keeps a database of the schema of migration 0011
// whose plan measures have measures under several titles and numbers,
// some of them deleted at 0011, and opens it again: 0012 fills the sums
// from the variants, and after the next report the plan measures have the
// titles and numbers that a database kept at 0012 throughout has.
func TestUpgradeFrom0011(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	same := "Açıq məlumatlar bölməsinin yaradılması"
	other := "Elektron xidmətlərin genişləndirilməsi"
	report := func(year int, ms ...[2]string) *hesabat.Report {
		c := idCase{name: fmt.Sprint(year, ".pdf"), format: hesabat.PDF, agency: "Dövlət Statistika Komitəsi", plan: testPlan, year: year}
		r := c.report(t, dir)
		r.Measures = nil
		for _, m := range ms {
			r.Measures = append(r.Measures, hesabat.Measure{Number: m[0], Title: m[1], WorkDone: "iclas", Pages: [2]int{1, 1}, Offset: -1})
		}
		return r
	}
	first := []*hesabat.Report{
		report(2019, [2]string{"1.1", same}, [2]string{"1.2", other}),
		report(2020, [2]string{"1.2", same}, [2]string{"1.1", other}),
		report(2021, [2]string{"1.2", same + " işi"}, [2]string{"", other}),
		report(2022, [2]string{"1.2", same}, [2]string{"1.3", other}),
	}
	last := report(2023, [2]string{"1.1", same}, [2]string{"1.3", other + " işi"})
	run := func(path string, back bool) [][]string {
		db := mustOpenPath(t, path)
		for _, r := range first {
			if _, err := db.SaveReport(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		if back {
			backTo0011(t, db)
		}
		// At 0011 for the kept database: the old triggers count it.
		if _, err := db.db.Exec(`DELETE FROM reports WHERE year = 2022`); err != nil {
			t.Fatal(err)
		}
		if back {
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			db = mustOpenPath(t, path)
			if n := queryInt(t, db, `SELECT count(*) FROM schema_migrations WHERE version = 12`); n != 1 {
				t.Fatal("migration 0012 not recorded")
			}
		}
		sumsAgree(t, db)
		if _, err := db.SaveReport(ctx, last); err != nil {
			t.Fatal(err)
		}
		sumsAgree(t, db)
		return queryStrings(t, db, `SELECT id, title, number, number_sort, measure_count FROM plan_measures ORDER BY id`)
	}
	kept := run(filepath.Join(t.TempDir(), "old.db"), true)
	fresh := run(filepath.Join(t.TempDir(), "new.db"), false)
	if !reflect.DeepEqual(kept, fresh) {
		t.Errorf("plan measures of the upgraded database\n%v\ndiffer from a database kept at 0012\n%v", kept, fresh)
	}
	if len(kept) != 2 {
		t.Errorf("%d plan measures, want 2: %v", len(kept), kept)
	}
}
