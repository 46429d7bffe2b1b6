package load

import (
	"context"
	"reflect"
	"testing"

	"github.com/hesabat/hesabat"
)

// TestOldViewsCountCurrentReports: the same report saved as DOCX and as
// PDF is one current report and one source; measure_facts and
// report_summary (migration 0009) count it once, as current_facts does,
// and a removed report leaves them.
func TestOldViewsCountCurrentReports(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	dir := t.TempDir()
	stat := "Dövlət Statistika Komitəsi"
	for _, c := range []idCase{
		{name: "a.docx", format: hesabat.DOCX, agency: stat, plan: testPlan, year: 2021, count: 500},
		{name: "a.pdf", format: hesabat.PDF, agency: stat, plan: testPlan, year: 2021, count: 500},
	} {
		if _, err := db.SaveReport(ctx, c.report(t, dir)); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := statuses(t, db), map[string]string{"a.docx": "current", "a.pdf": "source of a.docx"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("statuses %v, want %v", got, want)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM reports`); n != 2 {
		t.Fatalf("%d stored files, want 2", n)
	}
	checks := []struct {
		what, query string
		want        int
	}{
		{"measure_facts rows", `SELECT count(*) FROM measure_facts`, 1},
		{"measure_facts sum", `SELECT sum(value) FROM measure_facts WHERE unit = 'elektron arayış'`, 500},
		{"current_facts sum", `SELECT sum(count) FROM current_facts WHERE unit = 'elektron arayış'`, 500},
		{"report_summary rows", `SELECT count(*) FROM report_summary`, 1},
		{"report_summary measures", `SELECT sum(measure_count) FROM report_summary`, 1},
		{"report_summary facts", `SELECT sum(fact_count) FROM report_summary`, 1},
		{"report_summary is the current file", `SELECT count(*) FROM report_summary WHERE format = 'docx'`, 1},
	}
	for _, c := range checks {
		if n := queryInt(t, db, c.query); n != c.want {
			t.Errorf("%s = %d, want %d", c.what, n, c.want)
		}
	}
	// Withdrawing the current file: the views follow current_facts and
	// current_reports, whatever stands for the report now.
	var path string
	if err := db.db.QueryRow(`SELECT path FROM reports WHERE format = 'docx'`).Scan(&path); err != nil {
		t.Fatal(err)
	}
	if n, err := db.Remove(ctx, path); err != nil || n != 1 {
		t.Fatalf("Remove(%s) = %d, %v", path, n, err)
	}
	for _, c := range [][2]string{{"measure_facts", "current_facts"}, {"report_summary", "current_reports"}} {
		old, cur := queryInt(t, db, `SELECT count(*) FROM `+c[0]), queryInt(t, db, `SELECT count(*) FROM `+c[1])
		if old != cur || old > 1 {
			t.Errorf("after removing %s: %s has %d rows, %s %d; want equal, at most 1", path, c[0], old, c[1], cur)
		}
	}
}

// TestOldViewsTypes: measure_facts and report_summary keep their columns,
// in order, and every column that is a plain table column declares its
// type (the two counts computed in the view declare none).
func TestOldViewsTypes(t *testing.T) {
	db := MustOpenDB(t)
	want := map[string][]string{
		"measure_facts": {"fact_id INTEGER", "report_id INTEGER", "agency TEXT", "year INTEGER",
			"report_title TEXT", "path TEXT", "measure_id INTEGER", "measure_number TEXT", "measure_title TEXT",
			"section TEXT", "executor TEXT", "kind TEXT", "value REAL", "value_end REAL", "unit TEXT",
			"currency TEXT", "iso_date TEXT", "ref TEXT", "qualifier TEXT", "span_text TEXT",
			"page_first INTEGER", "page_last INTEGER"},
		"report_summary": {"report_id INTEGER", "path TEXT", "format TEXT", "agency TEXT", "year INTEGER",
			"title TEXT", "pages INTEGER", "measure_count INTEGER", "fact_count INTEGER", "warning_count ",
			"note_count ", "text_share REAL", "ingested_at TEXT"},
	}
	for view, cols := range want {
		rows, err := db.db.Query(`SELECT name, type FROM pragma_table_info(?)`, view)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for rows.Next() {
			var name, typ string
			if err := rows.Scan(&name, &typ); err != nil {
				t.Fatal(err)
			}
			got = append(got, name+" "+typ)
		}
		rows.Close()
		if !reflect.DeepEqual(got, cols) {
			t.Errorf("%s columns:\n got %q\nwant %q", view, got, cols)
		}
	}
}
