package main

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/hesabat/hesabat/transform/aztext"
)

// biQuestion matches a question of docs/bi.md and the first SQL block
// under it.
var biQuestion = regexp.MustCompile("(?s)\n### (\\d+)\\. ([^\n]*)\n.*?```sql\n(.*?)```")

// biQueries returns the SQL of each numbered question of docs/bi.md.
func biQueries(t *testing.T) map[int]string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join(root, "docs/bi.md"))
	if err != nil {
		t.Fatal(err)
	}
	queries := make(map[int]string)
	for _, m := range biQuestion.FindAllStringSubmatch(string(doc), -1) {
		n, _ := strconv.Atoi(m[1])
		if strings.Contains(m[3], "```") || queries[n] != "" {
			t.Fatalf("question %d of docs/bi.md: more than one query", n)
		}
		queries[n] = m[3]
	}
	return queries
}

// query runs q and returns its rows, each value printed: NULL as "NULL",
// a REAL with a "float:" prefix, so that a count summed as REAL does not
// pass for an integer.
func query(t *testing.T, db *sql.DB, q string) [][]string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%v\n%s", err, q)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
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
		row := make([]string, len(vals))
		for i, v := range vals {
			switch v := v.(type) {
			case nil:
				row[i] = "NULL"
			case []byte:
				row[i] = string(v)
			case float64:
				row[i] = "float:" + strconv.FormatFloat(v, 'f', -1, 64)
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

// corpusGold reads the gold of the 60 corpus reports, the evidence the
// answers are checked against.
func corpusGold(t *testing.T) []goldReport {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(root, "fixtures/corpus/gold/*.gold.json"))
	if err != nil || len(files) != 60 {
		t.Fatalf("corpus gold: %d files, %v", len(files), err)
	}
	list := make([]goldReport, len(files))
	for i, f := range files {
		readJSON(t, f, &list[i])
	}
	return list
}

// mentions reports whether text has a word beginning with prefix (both
// compared in lower case by Azerbaijani rules).
func mentions(text, prefix string) bool {
	for _, w := range strings.FieldsFunc(aztext.Lower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}

// numeric sorts measure numbers as numbers.
func numeric(numbers []string) []string {
	key := func(s string) []int {
		var k []int
		for _, g := range strings.Split(s, ".") {
			n, _ := strconv.Atoi(g)
			k = append(k, n)
		}
		return k
	}
	sorted := append([]string(nil), numbers...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := key(sorted[i]), key(sorted[j])
		for x := 0; x < len(a) && x < len(b); x++ {
			if a[x] != b[x] {
				return a[x] < b[x]
			}
		}
		return len(a) < len(b)
	})
	return sorted
}

// TestBIQueries ingests fixtures/ (42 reports as PDF and DOCX, 18 as text)
// and runs every query of docs/bi.md, checking each answer against the
// corpus gold, or for the sums of electronic certificates against the
// figures worked out by hand from the reports (issue 13).
func TestBIQueries(t *testing.T) {
	queries := biQueries(t)
	if len(queries) != 10 {
		t.Fatalf("docs/bi.md has %d numbered questions with SQL, want 10", len(queries))
	}
	dbPath := filepath.Join(t.TempDir(), "bi.db")
	if code, _, stderr := cli(t, "", "ingest", "-q", "--db", dbPath, filepath.Join(root, "fixtures")); code != 0 {
		t.Fatalf("ingest fixtures: exit %d: %s", code, stderr)
	}
	db, err := sql.Open("sqlite3", "file:"+dbPath+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	gold := corpusGold(t)
	byReport := make(map[string]*goldReport)
	for i := range gold {
		byReport[fmt.Sprintf("%s|%d", gold[i].Agency, *gold[i].Year)] = &gold[i]
	}

	checks := map[int]func(t *testing.T, rows [][]string){
		1: func(t *testing.T, rows [][]string) {
			if len(rows) != len(gold) {
				t.Errorf("%d agency-years, want %d", len(rows), len(gold))
			}
			for _, r := range rows {
				g := byReport[r[0]+"|"+r[1]]
				if g == nil || r[2] != "year" || r[3] != strconv.Itoa(len(g.Measures)) {
					t.Errorf("%v: want %d measures for the year", r, len(g.Measures))
				}
			}
		},
		2: func(t *testing.T, rows [][]string) {
			want := [][]string{{"2020", "142000"}, {"2021", "159208"}, {"2022", "154819"}}
			if fmt.Sprint(rows) != fmt.Sprint(want) {
				t.Errorf("certificates per year %v, want %v (integers)", rows, want)
			}
		},
		3: func(t *testing.T, rows [][]string) {
			if len(rows) != 0 {
				t.Errorf("every agency reported every year, yet %v", rows)
			}
		},
		4: func(t *testing.T, rows [][]string) {
			want := 0
			for _, g := range gold {
				for _, m := range g.Measures {
					if m.Term.Recurring {
						want++
					}
				}
			}
			if len(rows) != want {
				t.Errorf("%d recurring measures, want %d", len(rows), want)
			}
		},
		5: func(t *testing.T, rows [][]string) {
			want := 0
			for _, g := range gold {
				for _, m := range g.Measures {
					if mentions(strings.Join(m.Paragraphs, "\n"), "arayış") {
						want++
					}
				}
			}
			if len(rows) != want || want == 0 {
				t.Errorf("%d measures mention arayış*, want %d", len(rows), want)
			}
		},
		6: func(t *testing.T, rows [][]string) {
			reported, want := 0, 0
			for _, r := range rows {
				if r[2] == "1" {
					reported++
				}
			}
			for _, g := range gold {
				for _, m := range g.Measures {
					if strings.HasPrefix(m.Title, "İctimai şuraların əhəmiyyətinin") {
						want++
						break
					}
				}
			}
			if len(rows) != len(gold) || reported != want {
				t.Errorf("%d rows, %d reported; want %d rows, %d reported", len(rows), reported, len(gold), want)
			}
		},
		7: func(t *testing.T, rows [][]string) {
			reports := make(map[string]int)
			for _, g := range gold {
				seen := make(map[string]bool)
				for _, m := range g.Measures {
					if !seen[m.Title] {
						seen[m.Title] = true
						reports[m.Title]++
					}
				}
			}
			if len(rows) != len(reports) {
				t.Errorf("%d plan measures, want %d", len(rows), len(reports))
			}
			for i, r := range rows {
				if want, ok := reports[r[1]]; !ok || r[2] != strconv.Itoa(want) || r[3] != strconv.Itoa(len(gold)) {
					t.Errorf("%.60v: want %d of %d reports", r, want, len(gold))
				}
				if i > 0 && atoi(r[2]) < atoi(rows[i-1][2]) {
					t.Errorf("not least reported first: %v after %v", r[2], rows[i-1][2])
				}
			}
		},
		8: func(t *testing.T, rows [][]string) {
			g := byReport["İqtisadiyyat Nazirliyi|2021"]
			var want, got []string
			for _, m := range g.Measures {
				want = append(want, m.Number)
			}
			for _, r := range rows {
				got = append(got, r[0])
			}
			if want = numeric(want); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("numbers\n%v\nwant\n%v", got, want)
			}
		},
		9: func(t *testing.T, rows [][]string) {
			status := make(map[string]int)
			current := make(map[string]string)
			for _, r := range rows {
				status[r[3]+" "+r[4]]++
				if r[3] == "current" {
					current[r[0]+r[1]] = r[4]
				}
			}
			if want := map[string]int{"current docx": 42, "current txt": 18, "source pdf": 42}; fmt.Sprint(status) != fmt.Sprint(want) {
				t.Errorf("files by status and format %v, want %v", status, want)
			}
			for _, r := range rows {
				if r[3] == "source" && current[r[0]+r[1]] != "docx" {
					t.Errorf("%v is a source of a %s report", r, current[r[0]+r[1]])
				}
			}
		},
		10: func(t *testing.T, rows [][]string) {
			want := make(map[string]int)
			for _, g := range gold {
				for _, m := range g.Measures {
					if m.Term.End != nil && *m.Term.End == 2022 {
						want[g.Agency]++
					}
				}
			}
			got := make(map[string]int)
			for _, r := range rows {
				got[r[0]] = atoi(r[1])
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("measures ending in 2022 per agency\n%v\nwant\n%v", got, want)
			}
		},
	}
	for n := 1; n <= 10; n++ {
		t.Run(fmt.Sprintf("question %d", n), func(t *testing.T) {
			checks[n](t, query(t, db, queries[n]))
		})
	}

	// Question 3 again, after withdrawing one report: its DOCX first (the
	// PDF then stands for it), then its PDF (the agency misses the year).
	const docx, pdf = "fixtures/corpus/docx/r022-2020.docx", "fixtures/corpus/pdf/r022-2020.pdf"
	for _, step := range []struct {
		file string
		want string
	}{{docx, "[]"}, {pdf, "[[Maliyyə Nazirliyi 2020]]"}} {
		if code, _, stderr := cli(t, "", "remove", "--db", dbPath, filepath.Join(root, step.file)); code != 0 {
			t.Fatalf("remove %s: exit %d: %s", step.file, code, stderr)
		}
		if got := fmt.Sprint(query(t, db, queries[3])); got != step.want {
			t.Errorf("after removing %s, agencies missing a year: %s, want %s", step.file, got, step.want)
		}
	}
	removed := query(t, db, `SELECT sum(f.count) FROM facts AS f JOIN measures AS m ON m.id = f.measure_id
		JOIN reports AS r ON r.id = m.report_id WHERE r.path = '`+storedAbs(t, docx)+`' AND f.unit = 'elektron arayış'`)
	want := fmt.Sprintf("[[2020 %d] [2021 159208] [2022 154819]]", 142000-atoi(removed[0][0]))
	if got := fmt.Sprint(query(t, db, queries[2])); got != want || atoi(removed[0][0]) == 0 {
		t.Errorf("after removing r022-2020, certificates per year %s, want %s", got, want)
	}
}

// storedAbs is the absolute path under which a file of the repository is
// stored.
func storedAbs(t *testing.T, rel string) string {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
