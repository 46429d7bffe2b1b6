package load

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hesabat/hesabat"
)

// longWork is a work-done paragraph of some sixty words, so that "nearly
// equal" can be told from "edited".
const longWork = "Hesabat dövründə dövlət orqanlarının rəsmi internet saytlarında açıq məlumatlar bölməsi yaradılmış, " +
	"vətəndaşların müraciətlərinə baxılması qaydaları təkmilləşdirilmiş, ictimai şuraların iclaslarında " +
	"qurumun fəaliyyəti ilə bağlı məsələlər müzakirə olunmuş, elektron xidmətlərin sayı artırılmış, " +
	"əməkdaşlar üçün etik davranış qaydalarına dair təlimlər keçirilmiş, maarifləndirmə materialları " +
	"hazırlanaraq yayılmış, korrupsiya risklərinin qiymətləndirilməsi aparılmış və nəticələri barədə " +
	"məlumat Komissiyaya təqdim edilmişdir. Bundan əlavə, qurumun struktur bölmələri arasında elektron " +
	"sənəd dövriyyəsi tam tətbiq edilmiş və kağız sənədlərin həcmi nəzərəçarpacaq dərəcədə azaldılmışdır."

// idCase is a report for the identity rule: agency, plan, year, period,
// one measure with the given work done and facts, from a file written in
// dir (so that it has a file time) with the given modification time.
type idCase struct {
	name, agency, plan string
	format             hesabat.Format
	year               int
	period             string
	work               string
	count              float64 // an "elektron arayış" count
	date               string  // an ISO date mentioned in the work done
	mtime              time.Time
}

func (c idCase) report(t *testing.T, dir string) *hesabat.Report {
	t.Helper()
	path := filepath.Join(dir, c.name)
	if err := os.WriteFile(path, []byte(c.name+c.work), 0o644); err != nil {
		t.Fatal(err)
	}
	mtime := c.mtime
	if mtime.IsZero() {
		mtime = time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	work := c.work
	if work == "" {
		work = longWork
	}
	facts := []hesabat.Fact{{Kind: hesabat.Quantity, Value: ptr(c.count), Unit: "elektron arayış", Text: "x", Start: 0, End: 1}}
	if c.date != "" {
		facts = append(facts, hesabat.Fact{Kind: hesabat.Date, Date: c.date, Text: "x", Start: 0, End: 1})
	}
	r := &hesabat.Report{
		Source: path, Format: c.format, SHA256: hash(c.name + c.work + fmt.Sprint(c.count, c.date)), Pages: 3,
		Title: "hesabat", Agency: c.agency, Period: c.period,
		Measures: []hesabat.Measure{{
			Number: "1.1", Title: "Açıq məlumatlar bölməsinin yaradılması", WorkDone: work, Paragraphs: []string{work},
			Pages: [2]int{1, 2}, Offset: -1, Facts: facts,
		}},
	}
	if c.year != 0 {
		r.Year = ptr(c.year)
	}
	if c.plan != "" {
		r.Plan = hesabat.Plan{Title: c.plan, Start: ptr(2020), End: ptr(2022)}
	}
	return r
}

const testPlan = "Açıq hökumətin təşviqinə dair 2020-2022-ci illər üçün Milli Fəaliyyət Planı"

// statuses returns each stored file's name (base of its path) with its
// status and, for sources and superseded files, the name of the current
// report that stands for them.
func statuses(t *testing.T, db *DB) map[string]string {
	t.Helper()
	rows, err := db.db.Query(`SELECT r.path, r.status, coalesce(c.path, '') FROM reports AS r
		LEFT JOIN reports AS c ON c.id = r.current_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := make(map[string]string)
	for rows.Next() {
		var path, status, current string
		if err := rows.Scan(&path, &status, &current); err != nil {
			t.Fatal(err)
		}
		if current != "" {
			status += " of " + filepath.Base(current)
		}
		got[filepath.Base(path)] = status
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return got
}

// yearSums returns the sum of counts per year and period in current_facts.
func yearSums(t *testing.T, db *DB) map[string]int {
	t.Helper()
	rows, err := db.db.Query(`SELECT year || ' ' || period, sum(count) FROM current_facts
		WHERE unit = 'elektron arayış' GROUP BY year, period`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := make(map[string]int)
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			t.Fatal(err)
		}
		got[k] = n
	}
	return got
}

// TestIdentityRule runs each case of the report identity rule (the table
// in identity.go), saving its files in both orders where order matters.
func TestIdentityRule(t *testing.T) {
	stat := "Dövlət Statistika Komitəsi"
	jan, feb := time.Date(2023, 1, 10, 0, 0, 0, 0, time.UTC), time.Date(2023, 2, 10, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name    string
		files   []idCase
		want    map[string]string
		sums    map[string]int
		orders  bool // also save the files in reverse order
		warning string
	}{
		{
			name: "same content in two formats: one report, DOCX stands for it, the PDF is its source",
			files: []idCase{
				{name: "a.pdf", format: hesabat.PDF, agency: stat, plan: testPlan, year: 2021, count: 500,
					work: longWork + " Səhifə"}, // one word more: page furniture left in the cell
				{name: "a.docx", format: hesabat.DOCX, agency: "AZƏRBAYCAN RESPUBLİKASI DÖVLƏT STATİSTİKA KOMİTƏSİNİN", plan: testPlan, year: 2021, count: 500},
			},
			want:   map[string]string{"a.docx": "current", "a.pdf": "source of a.docx"},
			sums:   map[string]int{"2021 year": 500},
			orders: true,
		},
		{
			name: "different content for the same period: the later date in the document wins",
			files: []idCase{
				{name: "old.docx", format: hesabat.DOCX, agency: stat, plan: testPlan, year: 2021, count: 500, date: "2021-12-20", mtime: feb},
				{name: "new.pdf", format: hesabat.PDF, agency: stat, plan: testPlan, year: 2021, count: 520, date: "2022-01-15", mtime: jan},
			},
			want:   map[string]string{"new.pdf": "current", "old.docx": "superseded of new.pdf"},
			sums:   map[string]int{"2021 year": 520},
			orders: true,
		},
		{
			name: "different content, same dates: the later file time wins",
			files: []idCase{
				{name: "x.docx", format: hesabat.DOCX, agency: stat, plan: testPlan, year: 2021, count: 500, date: "2021-12-20", mtime: feb},
				{name: "y.docx", format: hesabat.DOCX, agency: stat, plan: testPlan, year: 2021, count: 520, date: "2021-12-20", mtime: jan},
			},
			want:   map[string]string{"x.docx": "current", "y.docx": "superseded of x.docx"},
			sums:   map[string]int{"2021 year": 500},
			orders: true,
		},
		{
			name: "edited work done (a paragraph added) is different content, even with equal numbers",
			files: []idCase{
				{name: "short.docx", format: hesabat.DOCX, agency: stat, plan: testPlan, year: 2021, count: 500, mtime: jan},
				{name: "long.pdf", format: hesabat.PDF, agency: stat, plan: testPlan, year: 2021, count: 500, mtime: feb,
					work: longWork + " " + longWork[:200]},
			},
			want: map[string]string{"long.pdf": "current", "short.docx": "superseded of long.pdf"},
			sums: map[string]int{"2021 year": 500},
		},
		{
			name: "half year and whole year are different periods, never one report",
			files: []idCase{
				{name: "h1.docx", format: hesabat.DOCX, agency: stat, plan: testPlan, year: 2021, period: "H1", count: 200},
				{name: "year.docx", format: hesabat.DOCX, agency: stat, plan: testPlan, year: 2021, count: 500},
			},
			want: map[string]string{"h1.docx": "current", "year.docx": "current"},
			sums: map[string]int{"2021 H1": 200, "2021 year": 500},
		},
		{
			name: "agency not found: identified by the file, never merged",
			files: []idCase{
				{name: "p.docx", format: hesabat.DOCX, plan: testPlan, year: 2021, count: 500},
				{name: "p.pdf", format: hesabat.PDF, plan: testPlan, year: 2021, count: 500},
			},
			want:    map[string]string{"p.docx": "current", "p.pdf": "current"},
			sums:    map[string]int{"2021 year": 1000},
			warning: "no agency found: the report is identified by its file and never merged with another",
		},
		{
			name: "plan and period not found: identified by the file",
			files: []idCase{
				{name: "q.docx", format: hesabat.DOCX, agency: stat, count: 500},
				{name: "q.pdf", format: hesabat.PDF, agency: stat, count: 500},
			},
			want:    map[string]string{"q.docx": "current", "q.pdf": "current"},
			warning: "no plan or period found: the report is identified by its file and never merged with another",
		},
	} {
		orders := [][]int{{0, 1}}
		if tc.orders {
			orders = append(orders, []int{1, 0})
		}
		for _, order := range orders {
			t.Run(fmt.Sprintf("%s/order %v", tc.name, order), func(t *testing.T) {
				db := MustOpenDB(t)
				dir := t.TempDir()
				for _, i := range order {
					if _, err := db.SaveReport(context.Background(), tc.files[i].report(t, dir)); err != nil {
						t.Fatal(err)
					}
				}
				if got := statuses(t, db); !reflect.DeepEqual(got, tc.want) {
					t.Errorf("statuses %v, want %v", got, tc.want)
				}
				if tc.sums != nil {
					if got := yearSums(t, db); !reflect.DeepEqual(got, tc.sums) {
						t.Errorf("sums in current_facts %v, want %v", got, tc.sums)
					}
				}
				if tc.warning != "" {
					if n := queryInt(t, db, `SELECT count(*) FROM report_warnings WHERE message = ?`, tc.warning); n != len(tc.files) {
						t.Errorf("%d reports warn %q, want %d", n, tc.warning, len(tc.files))
					}
				}
			})
		}
	}
}

// TestChangedFileSupersedes: a file changed at the same path supersedes
// the one stored before, even when its document date is earlier and its
// identity differs; removing it brings the old one back.
func TestChangedFileSupersedes(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	dir := t.TempDir()
	first := idCase{name: "r.docx", format: hesabat.DOCX, agency: "Maliyyə Nazirliyi", plan: testPlan, year: 2021, count: 500, date: "2022-01-20"}
	if _, err := db.SaveReport(ctx, first.report(t, dir)); err != nil {
		t.Fatal(err)
	}
	// The corrected file: one figure changed, a date gone, and the
	// agency's name now written in the genitive with the prefix.
	second := first
	second.count, second.date, second.agency = 550, "", "Azərbaycan Respublikasının Maliyyə Nazirliyinin"
	changed := second.report(t, dir)
	if _, err := db.SaveReport(ctx, changed); err != nil {
		t.Fatal(err)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM reports WHERE status = 'superseded' AND current_id =
		(SELECT id FROM reports WHERE sha256 = ?)`, changed.SHA256); n != 1 {
		t.Errorf("%d superseded by the changed file, want 1 (statuses %v)", n, statuses(t, db))
	}
	if got := yearSums(t, db); !reflect.DeepEqual(got, map[string]int{"2021 year": 550}) {
		t.Errorf("sums %v, want the changed file's 550", got)
	}
	// Withdraw the change by its SHA-256 (upper case as a user may paste it).
	if n, err := db.Remove(ctx, strings.ToUpper(changed.SHA256)); err != nil || n != 1 {
		t.Fatalf("Remove = %d, %v", n, err)
	}
	if got := yearSums(t, db); !reflect.DeepEqual(got, map[string]int{"2021 year": 500}) {
		t.Errorf("after removing the change, sums %v, want the first file's 500", got)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM reports WHERE status = 'removed'`); n != 1 {
		t.Errorf("%d removed reports kept, want 1", n)
	}
	// Withdraw by path: nothing current is left, both files are kept.
	if n, err := db.Remove(ctx, filepath.Join(dir, "r.docx")); err != nil || n != 1 {
		t.Fatalf("Remove(path) = %d, %v", n, err)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM current_reports`); n != 0 {
		t.Errorf("%d current reports after removing both, want 0", n)
	}
	if n, err := db.Remove(ctx, "no/such/file.pdf"); !errors.Is(err, ErrNotStored) || n != 0 {
		t.Errorf("Remove(unknown) = %d, %v; want ErrNotStored", n, err)
	}
	if c := mustCounts(t, db); c.Reports != 2 {
		t.Errorf("%d reports kept, want 2", c.Reports)
	}
}

// TestContentDigest: the identity rule compares files through their
// stored content digests (migration 0010), computed once per file, also
// for files stored before the digests were kept, and reaches the decision
// the full comparison reaches.
func TestContentDigest(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	dir := t.TempDir()
	save := func(c idCase) {
		t.Helper()
		if _, err := db.SaveReport(ctx, c.report(t, dir)); err != nil {
			t.Fatal(err)
		}
	}
	stat := "Dövlət Statistika Komitəsi"
	same := func(name string, format hesabat.Format, work string) idCase {
		return idCase{name: name, format: format, agency: stat, plan: testPlan, year: 2021, count: 500, work: work}
	}
	save(same("a.pdf", hesabat.PDF, ""))
	if n := queryInt(t, db, `SELECT count(*) FROM reports WHERE content_digest IS NOT NULL`); n != 0 {
		t.Errorf("%d digests stored for a file alone in its group, want 0 (nothing to compare)", n)
	}
	save(same("b.docx", hesabat.DOCX, ""))
	save(same("c.txt", hesabat.TXT, "")) // the same words: the digests decide
	want := map[string]string{"a.pdf": "source of b.docx", "b.docx": "current", "c.txt": "source of b.docx"}
	if got := statuses(t, db); !reflect.DeepEqual(got, want) {
		t.Errorf("statuses %v, want %v", got, want)
	}
	if n := queryInt(t, db, `SELECT count(DISTINCT content_digest) FROM reports WHERE content_digest IS NOT NULL`); n != 1 ||
		queryInt(t, db, `SELECT count(*) FROM reports WHERE content_digest IS NULL`) != 0 {
		t.Errorf("%d distinct digests of one content, or some file without one", n)
	}

	// As a database from before 0010: no digests. A near copy (one word
	// more, so the words are read and compared) and an edited one.
	if _, err := db.db.Exec(`UPDATE reports SET content_digest = NULL`); err != nil {
		t.Fatal(err)
	}
	save(same("d.html", hesabat.HTML, longWork+" Səhifə"))
	want["d.html"] = "source of b.docx"
	if got := statuses(t, db); !reflect.DeepEqual(got, want) {
		t.Errorf("after a near copy: statuses %v, want %v", got, want)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM reports WHERE content_digest IS NULL`); n != 0 {
		t.Errorf("%d files still without a digest after the rule compared them", n)
	}
	save(idCase{name: "e.docx", format: hesabat.DOCX, agency: stat, plan: testPlan, year: 2021, count: 500,
		work: longWork + " " + longWork[:200], mtime: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
	want = map[string]string{"a.pdf": "superseded of e.docx", "b.docx": "superseded of e.docx", "c.txt": "superseded of e.docx",
		"d.html": "superseded of e.docx", "e.docx": "current"}
	if got := statuses(t, db); !reflect.DeepEqual(got, want) {
		t.Errorf("after an edited, later file: statuses %v, want %v", got, want)
	}
}

// TestDigestParts: contents that differ only in where the measures end
// and the facts begin have different digests.
func TestDigestParts(t *testing.T) {
	a := &content{measures: []string{"1.1\x00a"}, facts: []string{"b"}}
	b := &content{measures: []string{"1.1\x00a", "b"}}
	if a.digest() == b.digest() {
		t.Error("a measure and a fact digest as two measures")
	}
	c := &content{words: map[string]int{"a": 2}, total: 2}
	d := &content{words: map[string]int{"a": 1}, total: 1}
	if c.digest() == d.digest() {
		t.Error("words with other counts digest alike")
	}
}

// TestKeepAll: with the rule off every file is current, even the same
// content in two formats.
func TestKeepAll(t *testing.T) {
	db := MustOpenDB(t)
	db.KeepAll = true
	dir := t.TempDir()
	for _, c := range []idCase{
		{name: "k.docx", format: hesabat.DOCX, agency: "Ədliyyə Nazirliyi", plan: testPlan, year: 2022, count: 7},
		{name: "k.pdf", format: hesabat.PDF, agency: "Ədliyyə Nazirliyi", plan: testPlan, year: 2022, count: 7},
	} {
		if _, err := db.SaveReport(context.Background(), c.report(t, dir)); err != nil {
			t.Fatal(err)
		}
	}
	if got := yearSums(t, db); !reflect.DeepEqual(got, map[string]int{"2022 year": 14}) {
		t.Errorf("sums %v, want both files counted", got)
	}
}

func TestNumberSort(t *testing.T) {
	var prev int64 = -1
	for _, n := range []string{"1", "1.1", "1.2", "1.10", "2", "2.1", "2.1.3", "10.1", "100.10"} {
		k, ok := NumberSort(n)
		if !ok || k <= prev {
			t.Errorf("NumberSort(%q) = %d, %v; want a key above %d", n, k, ok, prev)
		}
		prev = k
	}
	if _, ok := NumberSort("2022"); ok {
		t.Error("a year has a sort key")
	}
}

// TestSavedContent: the content the identity rule takes from a report as
// SaveReport stores it is the content it reads back from the database,
// for text of every kind the keys fold: ı and İ, capitals, Cyrillic
// look-alikes, marks, punctuation, empty fields and numbers.
func TestSavedContent(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	r := sampleReport()
	r.Measures = append(r.Measures,
		hesabat.Measure{Number: "", Title: "", WorkDone: ""},
		hesabat.Measure{Number: "2.1", Title: "İCRA MÜDDƏTİ: Iqtisadiyyat", WorkDone: "ILIN  sonunda — 5 ədəd;\nКомиссия ә ǝ Ä e\u0301 ﬁ\u00ad\u200bn"},
		hesabat.Measure{Number: "2.2", Title: "Arayış (e-xidmət)", WorkDone: "arayış arayis ARAYIŞ Arayış"},
	)
	for i := range r.Measures {
		if r.Measures[i].Extra == nil {
			r.Measures[i].Extra = map[string]string{}
		}
	}
	if _, err := db.SaveReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	var id int64
	if err := tx.QueryRowContext(ctx, `SELECT id FROM reports WHERE sha256 = ?`, r.SHA256).Scan(&id); err != nil {
		t.Fatal(err)
	}
	keys := make([]searchKeys, len(r.Measures))
	for i := range r.Measures {
		keys[i] = measureText(&r.Measures[i]).keys()
	}
	saved, err := savedContent(ctx, tx, id, r, keys)
	if err != nil {
		t.Fatal(err)
	}
	read, err := readContent(ctx, tx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(saved, read) {
		t.Errorf("content from the report:\n%+v\nread back:\n%+v", saved, read)
	}
	if saved.total == 0 || len(saved.facts) == 0 {
		t.Errorf("empty content %+v: the test compares nothing", saved)
	}
}
