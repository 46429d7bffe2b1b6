package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"html"
	"image/png"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hesabat/hesabat/extract/pdf"
	"github.com/hesabat/hesabat/load"
)

// siteInputs are the files of the site's test database: the seed report
// as PDF, DOCX and text (one report, three files), three corpus PDFs of
// one agency, and a file that fails.
var siteInputs = []string{
	"../../testdata/seed/seed.pdf", "../../testdata/seed/seed.docx", "../../testdata/seed/seed.txt",
	"../../fixtures/corpus/pdf/r001-2020.pdf", "../../fixtures/corpus/pdf/r002-2021.pdf", "../../fixtures/corpus/pdf/r003-2022.pdf",
	"../../testdata/pdf/truncated.pdf",
}

// ingestSite ingests files into a new database in dir. The failing file
// makes the exit code 1.
func ingestSite(dir string, files ...string) (string, error) {
	db := filepath.Join(dir, "site.db")
	var out, errs strings.Builder
	if code := run(context.Background(), append([]string{"ingest", "-q", "--db", db}, files...), stdio{out: &out, err: &errs}); code > 1 {
		return "", fmt.Errorf("ingest: exit %d: %s", code, errs.String())
	}
	return db, nil
}

// siteDB is the site's test database, made once per test binary.
var siteDB = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp(filepath.Dir(binary), "site-")
	if err != nil {
		return "", err
	}
	return ingestSite(dir, siteInputs...)
})

// sitePDF is the PDF engine of the site tests.
var sitePDF = sync.OnceValues(func() (*pdf.Extractor, error) {
	return pdf.New(pdf.Options{Workers: 2})
})

// testSite serves the database at path (siteDB when "") read-only, with
// page images cached in a folder of the test.
func testSite(t testing.TB, path string) (*site, *load.DB) {
	t.Helper()
	if path == "" {
		var err error
		if path, err = siteDB(); err != nil {
			t.Fatal(err)
		}
	}
	db, err := load.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	pdfx, err := sitePDF()
	if err != nil {
		t.Fatal(err)
	}
	s, err := newSite(context.Background(), db, siteOptions{pdf: pdfx, cacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	return s, db
}

// get requests target from s and returns the status and body.
func get(t testing.TB, s http.Handler, target string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// mustGet requests target and fails unless it answers 200.
func mustGet(t testing.TB, s http.Handler, target string) string {
	t.Helper()
	code, body := get(t, s, target)
	if code != http.StatusOK {
		t.Fatalf("GET %s: %d\n%s", target, code, body)
	}
	return body
}

// one runs a query that returns one integer.
func one(t testing.TB, db *load.DB, query string, args ...any) int64 {
	t.Helper()
	var n sql.NullInt64
	if err := db.SQL().QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n.Int64
}

func mustContain(t testing.TB, page, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s: no %q", page, w)
		}
	}
}

func TestSiteOverview(t *testing.T) {
	s, db := testSite(t, "")
	body := mustGet(t, s, "/")
	mustContain(t, "overview", body,
		html.EscapeString("Dövlət Statistika Komitəsi"), html.EscapeString("Ədliyyə Nazirliyi"),
		"Failing files", "truncated.pdf", "corrupt", "download it again",
		`<svg class="heat"`, "Plan: ")
	// The totals are those of the views.
	want := fmt.Sprintf("%d current reports, %d measures, %d facts",
		one(t, db, `SELECT count(*) FROM current_reports`), one(t, db, `SELECT count(*) FROM current_measures`),
		one(t, db, `SELECT count(*) FROM current_facts`))
	mustContain(t, "overview", body, want)
	// One square per plan measure and report in the plan map, one per
	// agency and year in the first map.
	squares := strings.Count(body, "<rect ")
	perPlan := one(t, db, `SELECT count(*) FROM coverage`)
	agencyYears := one(t, db, `SELECT count(DISTINCT agency) * count(DISTINCT year) FROM coverage`)
	if int64(squares) != perPlan+agencyYears {
		t.Errorf("%d squares, want %d plan-measure × report + %d agency × year", squares, perPlan, agencyYears)
	}
	// A reported plan measure links to the measure that reported it.
	var measure int64
	if err := db.SQL().QueryRow(`SELECT measure_id FROM coverage WHERE reported = 1 LIMIT 1`).Scan(&measure); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "overview", body, fmt.Sprintf(`<a href="/measure/%d"><rect`, measure))
	if one(t, db, `SELECT count(*) FROM coverage WHERE reported = 0`) > 0 {
		mustContain(t, "overview", body, "not reported")
	}
	// The known agencies that sent nothing are named.
	silent := one(t, db, `SELECT count(*) FROM agencies WHERE known = 1 AND name NOT IN (SELECT agency FROM current_reports WHERE agency IS NOT NULL)`)
	if silent == 0 {
		t.Fatal("every known agency reported: the test database should leave some out")
	}
	mustContain(t, "overview", body, fmt.Sprintf("%d known agencies have no current report", silent), html.EscapeString("Mərkəzi Bank"))
}

func TestSiteReport(t *testing.T) {
	s, db := testSite(t, "")
	id := one(t, db, `SELECT id FROM reports WHERE path LIKE '%seed.pdf'`)
	body := mustGet(t, s, fmt.Sprintf("/report/%d", id))
	mustContain(t, "report", body, "seed.pdf", "seed.docx", "seed.txt", "source", "current",
		"Text accounted for", "Warnings", html.EscapeString("Dövlət Statistika Komitəsi"))
	n := one(t, db, `SELECT count(*) FROM measures WHERE report_id = ?`, id)
	if got := len(regexp.MustCompile(`<tr><td><a href="/measure/\d+">`).FindAllString(body, -1)); int64(got) != n {
		t.Errorf("%d measures listed, want %d", got, n)
	}
	share := one(t, db, `SELECT CAST(round(text_share * 1000) AS INTEGER) FROM reports WHERE id = ?`, id)
	mustContain(t, "report", body, fmt.Sprintf("%.1f %%", float64(share)/10))
}

// factMarks matches a fact marked in the work done.
var factMarks = regexp.MustCompile(`<mark id="fact-(\d+)" class="fact [a-z_]+" title="[a-z_]+">([^<]*)</mark>`)

// A PDF measure: every fact marked over exactly its span, one outline per
// stored box of the page, the page image beside it.
func TestSiteMeasurePDF(t *testing.T) {
	s, db := testSite(t, "")
	var id, report int64
	if err := db.SQL().QueryRow(`SELECT m.id, m.report_id FROM measures AS m JOIN reports AS r ON r.id = m.report_id
		WHERE r.format = 'pdf' AND m.page_first = m.page_last AND (SELECT count(*) FROM facts WHERE measure_id = m.id) >= 3
		ORDER BY m.id LIMIT 1`).Scan(&id, &report); err != nil {
		t.Fatal(err)
	}
	body := mustGet(t, s, fmt.Sprintf("/measure/%d", id))
	marks := factMarks.FindAllStringSubmatch(body, -1)
	if int64(len(marks)) != one(t, db, `SELECT count(*) FROM facts WHERE measure_id = ?`, id) {
		t.Errorf("%d facts marked, want every fact", len(marks))
	}
	for _, m := range marks {
		var span string
		if err := db.SQL().QueryRow(`SELECT span_text FROM facts WHERE id = ?`, m[1]).Scan(&span); err != nil {
			t.Fatal(err)
		}
		if got := html.UnescapeString(m[2]); got != span {
			t.Errorf("fact %s marks %q, want its span %q", m[1], got, span)
		}
	}
	page := one(t, db, `SELECT page_first FROM measures WHERE id = ?`, id)
	mustContain(t, "measure", body, fmt.Sprintf(`<img src="/page/%d/%d"`, report, page))
	boxes := one(t, db, `SELECT count(*) FROM measure_boxes WHERE measure_id = ?`, id)
	if boxes == 0 {
		t.Fatal("no boxes stored for a PDF measure")
	}
	if got := strings.Count(body, `<rect class="cell"`); int64(got) != boxes {
		t.Errorf("%d outlines, want the %d stored boxes", got, boxes)
	}

	// The page image is a PNG of the page, cached after the first request.
	req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/page/%d/%d", report, page), nil)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/png" {
		t.Fatalf("page image: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	img, err := png.Decode(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() < 600 || b.Dy() < 600 {
		t.Errorf("page image %v: too small", b)
	}
	cached, _ := filepath.Glob(filepath.Join(s.images.dir, "*.png"))
	if len(cached) != 1 {
		t.Errorf("cache holds %v, want the one page", cached)
	}
}

// TXT and DOCX measures show their part of the source, marked.
func TestSiteMeasureSource(t *testing.T) {
	s, db := testSite(t, "")
	part := regexp.MustCompile(`(?s)<mark class="part" id="part">(.*?)</mark>`)
	for _, format := range []string{"txt", "docx"} {
		t.Run(format, func(t *testing.T) {
			var id int64
			var number, title string
			if err := db.SQL().QueryRow(`SELECT m.id, m.number, m.title FROM measures AS m JOIN reports AS r ON r.id = m.report_id
				WHERE r.format = ? AND m.position = 2`, format).Scan(&id, &number, &title); err != nil {
				t.Fatal(err)
			}
			body := mustGet(t, s, fmt.Sprintf("/measure/%d", id))
			m := part.FindStringSubmatch(body)
			if m == nil {
				t.Fatalf("no marked source part:\n%s", body)
			}
			text := html.UnescapeString(m[1])
			if !strings.HasPrefix(strings.TrimSpace(text), number) {
				t.Errorf("the part starts %q, want the measure's number %s", shorten(text, 40), number)
			}
			if first := strings.Fields(title)[0]; !strings.Contains(text, first) {
				t.Errorf("the part %q lacks the title's first word %q", shorten(text, 80), first)
			}
			// It stops before the next measure.
			var next string
			if err := db.SQL().QueryRow(`SELECT title FROM measures WHERE report_id = (SELECT report_id FROM measures WHERE id = ?) AND position = 3`, id).Scan(&next); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(text, next) {
				t.Errorf("the part holds the next measure's title %q", next)
			}
		})
	}
}

func TestSiteSearch(t *testing.T) {
	s, db := testSite(t, "")
	body := mustGet(t, s, "/search?q="+urlQuery("İCLAS"))
	hits, err := db.Search(context.Background(), load.Query{Text: "İCLAS", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		t.Fatal("no hits for İCLAS in the test database")
	}
	links := regexp.MustCompile(`<li><a href="/measure/(\d+)">`).FindAllStringSubmatch(body, -1)
	if len(links) != len(hits) {
		t.Fatalf("%d hits shown, load.Search finds %d", len(links), len(hits))
	}
	for i, h := range hits {
		if links[i][1] != strconv.FormatInt(h.MeasureID, 10) {
			t.Errorf("hit %d links measure %s, want %d (same order as hesabat search)", i+1, links[i][1], h.MeasureID)
		}
	}
	for _, m := range regexp.MustCompile(`<p class="snippet">.*?</p>`).FindAllString(body, -1) {
		if !regexp.MustCompile(`<mark>(?i:iclas|İclas)`).MatchString(m) {
			t.Errorf("snippet without a marked match: %s", m)
		}
	}
	// No query: the form alone; a bad year: 400.
	if body := mustGet(t, s, "/search"); strings.Contains(body, `class="hits"`) {
		t.Error("hits without a query")
	}
	if code, _ := get(t, s, "/search?q=iclas&year=abc"); code != http.StatusBadRequest {
		t.Errorf("year=abc: %d, want 400", code)
	}
	if body := mustGet(t, s, "/search?q=zzzyyyxxx"); !strings.Contains(body, "0 measures") {
		t.Error("no match: want 0 measures")
	}
}

// The fact page sums a unit per agency and year as current_facts does,
// and links every occurrence to its measure.
func TestSiteFact(t *testing.T) {
	s, db := testSite(t, "")
	var unit string
	if err := db.SQL().QueryRow(`SELECT unit FROM current_facts WHERE kind = 'quantity' AND count IS NOT NULL
		GROUP BY unit ORDER BY count(DISTINCT report_id) DESC, count(*) DESC, unit LIMIT 1`).Scan(&unit); err != nil {
		t.Fatal(err)
	}
	body := mustGet(t, s, "/fact?unit="+urlQuery(unit))
	occurrences := one(t, db, `SELECT count(*) FROM current_facts WHERE unit = ?`, unit)
	links := regexp.MustCompile(`<a href="/measure/(\d+)#fact-(\d+)">`).FindAllStringSubmatch(body, -1)
	if int64(len(links)) != occurrences {
		t.Errorf("%d occurrences linked, want %d", len(links), occurrences)
	}
	for _, l := range links {
		if one(t, db, `SELECT count(*) FROM facts WHERE id = ? AND measure_id = ? AND unit = ?`, l[2], l[1], unit) != 1 {
			t.Errorf("link to fact %s of measure %s: no such fact of %q", l[2], l[1], unit)
		}
	}
	rows, err := db.SQL().Query(`SELECT agency, year, sum(count) FROM current_facts WHERE unit = ? GROUP BY agency, year`, unit)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	groups := 0
	for rows.Next() {
		var agency string
		var year, sum int64
		if err := rows.Scan(&agency, &year, &sum); err != nil {
			t.Fatal(err)
		}
		groups++
		mustContain(t, "fact", body, fmt.Sprintf("%s · %d\n <span class=\"sum\">= %d", html.EscapeString(agency), year, sum))
	}
	if groups < 2 {
		t.Errorf("unit %q in %d agency-years: want a unit found in several", unit, groups)
	}
	mustContain(t, "fact list", mustGet(t, s, "/fact"), fmt.Sprintf(`<a href="/fact?unit=%s">`, urlQuery(unit)))
	if code, _ := get(t, s, "/fact?unit=nosuchunit"); code != http.StatusNotFound {
		t.Errorf("unknown unit: %d, want 404", code)
	}
}

// urlQuery escapes s as html/template writes it into a query.
func urlQuery(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-_.~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02x", c)
		}
	}
	return b.String()
}

// Bad requests get a page that says so, and never a file the database
// does not name.
func TestSiteBadRequests(t *testing.T) {
	s, db := testSite(t, "")
	docx := one(t, db, `SELECT id FROM reports WHERE format = 'docx'`)
	pdfID := one(t, db, `SELECT id FROM reports WHERE format = 'pdf' LIMIT 1`)
	for _, tt := range []struct {
		target string
		code   int
	}{
		{"/measure/999999", 404},
		{"/measure/abc", 404},
		{"/measure/-1", 404},
		{"/measure/0", 404},
		{"/report/999999", 404},
		{"/report/1e3", 404},
		{"/page/999999/1", 404},
		{fmt.Sprintf("/page/%d/0", pdfID), 404},
		{fmt.Sprintf("/page/%d/9999", pdfID), 404},
		{fmt.Sprintf("/page/%d/x", pdfID), 404},
		{fmt.Sprintf("/page/%d/1", docx), 404},
		{"/file/999999", 404},
		{"/file/..%2f..%2f..%2fetc%2fpasswd", 404},
		{"/file/%2fetc%2fpasswd", 404},
		{"/page/..%2f..%2fetc%2fpasswd/1", 404},
		{"/static/..%2f..%2fserve.go", 404},
		{"/static/site.css/../../../../etc/passwd", 404},
		{"/nowhere", 404},
		{"/fact?unit=%00", 404},
	} {
		t.Run(tt.target, func(t *testing.T) {
			code, body := get(t, s, tt.target)
			if code/100 == 3 {
				// The mux cleans dot segments by redirecting; follow once.
				req := httptest.NewRequest(http.MethodGet, tt.target, nil)
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, req)
				code, body = get(t, s, rec.Header().Get("Location"))
			}
			if code != tt.code {
				t.Errorf("%d, want %d", code, tt.code)
			}
			if strings.Contains(body, "root:") || strings.Contains(body, "package main") {
				t.Error("served a file the database does not name")
			}
		})
	}
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader("x=1"))
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST /: %d, want 405", rec.Code)
	}
}

// A site on the loopback address answers only to loopback names.
func TestSiteHosts(t *testing.T) {
	s, _ := testSite(t, "")
	s.opts.hosts = []string{"localhost", "127.0.0.1", "::1"}
	for host, want := range map[string]int{"127.0.0.1:8080": 200, "localhost": 200, "[::1]:80": 200, "evil.example:8080": 421, "127.0.0.1.evil.example": 421} {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %s: %d, want %d", host, rec.Code, want)
		}
	}
}

// A report whose file moved away still has its pages; the page image and
// the file say what happened.
func TestSiteMissingFile(t *testing.T) {
	dir := t.TempDir()
	pdfPath := filepath.Join(dir, "r.pdf")
	txtPath := filepath.Join(dir, "r.txt")
	for src, dst := range map[string]string{"../../fixtures/corpus/pdf/r004-2020.pdf": pdfPath, "../../fixtures/corpus/txt/r007-2020.txt": txtPath} {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path, err := ingestSite(dir, pdfPath, txtPath)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(pdfPath)
	if err := os.WriteFile(txtPath, []byte("changed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, db := testSite(t, path)
	for _, format := range []string{"pdf", "txt"} {
		var id, report int64
		if err := db.SQL().QueryRow(`SELECT m.id, m.report_id FROM measures AS m JOIN reports AS r ON r.id = m.report_id
			WHERE r.format = ? ORDER BY m.id LIMIT 1`, format).Scan(&id, &report); err != nil {
			t.Fatal(err)
		}
		body := mustGet(t, s, fmt.Sprintf("/measure/%d", id))
		want := map[string]string{"pdf": "is no longer there", "txt": "has changed since it was ingested"}[format]
		mustContain(t, format+" measure", body, want)
		if code, body := get(t, s, fmt.Sprintf("/file/%d", report)); code != 404 || !strings.Contains(body, want) {
			t.Errorf("%s file: %d, want 404 saying %q", format, code, want)
		}
	}
}

// serve refuses a database that is not hesabat's, and bad flags.
func TestServeRefuses(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other.db")
	sdb, err := sql.Open("sqlite3", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sdb.Exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY)`); err != nil {
		t.Fatal(err)
	}
	sdb.Close()
	before := fileSum(t, other)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve", "--db", other}, 1, "not a hesabat database"},
		{[]string{"serve", "--db", filepath.Join(dir, "none.db")}, 1, "no such file"},
		{[]string{"serve", "--db", other, "--addr", "nonsense"}, 2, "--addr"},
		{[]string{"serve", "extra"}, 2, "unexpected argument"},
	} {
		code, _, stderr := cli(t, "", tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, %q; want %d saying %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
	if fileSum(t, other) != before {
		t.Error("serve changed a database it refused")
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
		t.Error("serve created a database")
	}
}

// Serving every page leaves the database file as it was.
func TestSiteReadOnly(t *testing.T) {
	path, err := siteDB()
	if err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, path)
	s, _ := testSite(t, path)
	for _, target := range []string{"/", "/report/1", "/measure/1", "/search?q=iclas", "/fact"} {
		mustGet(t, s, target)
	}
	if fileSum(t, path) != before {
		t.Error("the database changed while served")
	}
}

func fileSum(t testing.TB, path string) [32]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		t.Fatal(err)
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

// A measure read by OCR shows the report's OCR warnings on its pages and
// its confidence (measures.ocr_confidence, migration 0008).
func TestSiteOCR(t *testing.T) {
	dir := t.TempDir()
	path, err := ingestSite(dir, "../../fixtures/corpus/pdf/r001-2020.pdf")
	if err != nil {
		t.Fatal(err)
	}
	sdb, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	var id, report, page int64
	if err := sdb.QueryRow(`SELECT id, report_id, page_first FROM measures ORDER BY id LIMIT 1`).Scan(&id, &report, &page); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		fmt.Sprintf(`UPDATE measures SET ocr = 1, ocr_confidence = 0.834 WHERE id = %d`, id),
		fmt.Sprintf(`INSERT INTO report_warnings (report_id, position, kind, page, message) VALUES (%d, 999, 'ocr', %d, 'page read by OCR')`, report, page),
	} {
		if _, err := sdb.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	sdb.Close()
	s, _ := testSite(t, path)
	body := mustGet(t, s, fmt.Sprintf("/measure/%d", id))
	mustContain(t, "OCR measure", body, "OCR confidence", "83.4 %", "page read by OCR")
	var other int64
	if err := s.db.SQL().QueryRow(`SELECT id FROM measures WHERE page_first > ? LIMIT 1`, page).Scan(&other); err == nil {
		if body := mustGet(t, s, fmt.Sprintf("/measure/%d", other)); strings.Contains(body, "OCR") {
			t.Error("a measure on another page shows OCR")
		}
	}
}

// A database of schema 0006 (before cell boxes) is served: its PDF
// measures show their pages without outlines, and say why.
func TestSiteSchemaBeforeBoxes(t *testing.T) {
	dir := t.TempDir()
	path, err := ingestSite(dir, "../../fixtures/corpus/pdf/r002-2021.pdf")
	if err != nil {
		t.Fatal(err)
	}
	sdb, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{`DROP TABLE measure_boxes`, `DELETE FROM schema_migrations WHERE version >= 7`} {
		if _, err := sdb.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	sdb.Close()
	s, db := testSite(t, path)
	if v, err := db.Schema(context.Background()); err != nil || v != 6 {
		t.Fatalf("schema %d, %v; want 6", v, err)
	}
	body := mustGet(t, s, fmt.Sprintf("/measure/%d", one(t, db, `SELECT min(id) FROM measures`)))
	mustContain(t, "measure", body, `<img src="/page/`, "no cell positions were stored")
	if strings.Contains(body, `<rect class="cell"`) {
		t.Error("outlines without boxes")
	}
}

// hesabat serve listens on the loopback address, answers loopback names
// only, and stops cleanly on SIGINT.
func TestServeCommand(t *testing.T) {
	path, err := siteDB()
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(binary, "serve", "--db", path, "--addr", addr)
	cmd.Env = append(os.Environ(), pdf.CacheEnv+"="+t.TempDir())
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var resp *http.Response
	for i := 0; i < 100; i++ {
		if resp, err = http.Get("http://" + addr + "/"); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("GET /: %v\n%s", err, stderr.String())
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Overview") {
		t.Errorf("GET /: %d", resp.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodGet, "http://"+addr+"/", nil)
	req.Host = "rebound.example"
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("Host rebound.example: %v %v, want 421", resp, err)
	} else {
		resp.Body.Close()
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("after SIGINT: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "serving "+path+" at http://"+addr+"/") {
		t.Errorf("stderr %q: want the address served", stderr.String())
	}
}
