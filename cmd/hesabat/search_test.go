package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/hesabat/hesabat/load"
)

// searchDB ingests the text reports of the corpus once per test binary.
var searchDB = sync.OnceValues(func() (string, error) {
	dir, err := osMkdirTemp()
	if err != nil {
		return "", err
	}
	db := filepath.Join(dir, "search.db")
	files, _ := filepath.Glob("../../fixtures/corpus/txt/*.txt")
	var out, errs strings.Builder
	if code := run(context.Background(), append([]string{"ingest", "-q", "--db", db}, files...), stdio{out: &out, err: &errs}); code != 0 {
		return "", fmt.Errorf("ingest: exit %d: %s", code, errs.String())
	}
	return db, nil
})

func mustSearchDB(t *testing.T) string {
	t.Helper()
	db, err := searchDB()
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// hits returns the "agency · year · number" lines of a search, sorted.
func hits(t *testing.T, db string, query ...string) []string {
	t.Helper()
	code, out, errs := cli(t, "", append([]string{"search", "--db", db, "--limit", "1000", "--json"}, query...)...)
	if code != 0 {
		t.Fatalf("search %q: exit %d: %s", query, code, errs)
	}
	var got []struct {
		Agency, Number, Snippet string
		Year                    *int
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("search %q: %v\n%s", query, err, out)
	}
	var lines []string
	for _, h := range got {
		lines = append(lines, fmt.Sprintf("%s · %d · %s", h.Agency, *h.Year, h.Number))
		if !strings.Contains(h.Snippet, "[") {
			t.Errorf("search %q: no match marked in snippet %q", query, h.Snippet)
		}
	}
	slices.Sort(lines)
	return lines
}

func TestSearchSpellings(t *testing.T) {
	db := mustSearchDB(t)
	for _, group := range [][]string{
		{"iclas", "İCLAS", "İclasında", "iclaslar"},
		{"arayış", "ARAYIŞ", "arayis", "Arayişi"},
		{"əməkdaş", "әməkdaş", "ƏMƏKDAŞ", "emekdas"},
		{"metodoloji", "METODOLOJİ", "metodolojı"},
		{"qeyri-hökumət", "Qeyri-Hökumət", "QEYRI-HOKUMET"},
		{`"elektron arayış"`, `"ELEKTRON ARAYIŞ"`},
	} {
		want := hits(t, db, group[0])
		if len(want) == 0 {
			t.Errorf("%q finds nothing", group[0])
			continue
		}
		for _, q := range group[1:] {
			if got := hits(t, db, q); !reflect.DeepEqual(got, want) {
				t.Errorf("%q finds %d measures, %q finds %d", q, len(got), group[0], len(want))
			}
		}
	}
	// A phrase is narrower than its words.
	if p, w := hits(t, db, `"elektron arayış"`), hits(t, db, "elektron", "arayış"); len(p) > len(w) || len(p) == 0 {
		t.Errorf("phrase %d hits, words %d", len(p), len(w))
	}
	for _, q := range []string{"e-xidmət", "2020-2022", `qeyri-hökumət "`, "NOT", "title:iclas", "(", "*"} {
		if code, _, errs := cli(t, "", "search", "--db", db, q); code != 0 {
			t.Errorf("search %q: exit %d: %s", q, code, errs)
		}
	}
	if got := hits(t, db, "Elmi-metodoloji"); len(got) == 0 {
		t.Error(`"Elmi-metodoloji" finds nothing`)
	}
	if got := hits(t, db, "zzyzxqwerty"); len(got) != 0 {
		t.Errorf("an absent word finds %q", got)
	}
}

func TestSearchRanksExactSpellingFirst(t *testing.T) {
	db := mustSearchDB(t)
	code, out, _ := cli(t, "", "search", "--db", db, "--limit", "3", "arayış")
	if code != 0 || strings.Count(out, "[arayış") == 0 && strings.Count(out, "[Arayış") == 0 {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

// viewRows reads a view through load.DB.Export.
func viewRows(t *testing.T, db, view string) ([]load.Column, [][]any) {
	t.Helper()
	d, err := load.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var cols []load.Column
	var rows [][]any
	err = d.Export(context.Background(), view,
		func(c []load.Column) error { cols = c; return nil },
		func(v []any) error { rows = append(rows, append([]any(nil), v...)); return nil })
	if err != nil {
		t.Fatal(err)
	}
	return cols, rows
}

func TestExportCSV(t *testing.T) {
	db := mustSearchDB(t)
	cols, rows := viewRows(t, db, "current_measures")
	code, out, errs := cli(t, "", "export", "--db", db, "--format", "csv", "--excel")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "\ufeff") || !strings.Contains(out, "\r\n") {
		t.Error("--excel CSV lacks the byte-order mark or CRLF line ends")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(rows)+1 || len(rows) == 0 {
		t.Fatalf("%d records for %d rows", len(recs), len(rows))
	}
	for i, c := range cols {
		if recs[0][i] != c.Name {
			t.Errorf("header %d = %q, want %q", i, recs[0][i], c.Name)
		}
	}
	for r, row := range rows {
		for i, v := range row {
			if got := recs[r+1][i]; got != text(v) {
				t.Fatalf("row %d, %s = %q, want %q", r+1, cols[i].Name, got, text(v))
			}
		}
	}
}

func TestExportXLSX(t *testing.T) {
	db := mustSearchDB(t)
	cols, rows := viewRows(t, db, "current_facts")
	path := filepath.Join(t.TempDir(), "facts.xlsx")
	if code, _, errs := cli(t, "", "export", "--db", db, "--format", "xlsx", "--view", "current_facts", "--out", path); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	if panes, err := f.GetPanes(sheet); err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v, %v", panes, err)
	}
	got, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(rows)+1 || len(rows) == 0 {
		t.Fatalf("%d rows for %d", len(got), len(rows))
	}
	for r, row := range rows {
		for i, v := range row {
			cell, _ := excelize.CoordinatesToCellName(i+1, r+2)
			typ, err := f.GetCellType(sheet, cell)
			if err != nil {
				t.Fatal(err)
			}
			var g string
			if i < len(got[r+1]) {
				g = got[r+1][i]
			}
			switch v := v.(type) {
			case nil:
				if g != "" {
					t.Fatalf("%s (%s): %q, want empty", cell, cols[i].Name, g)
				}
			case int64, float64:
				want, _ := strconv.ParseFloat(text(v), 64)
				n, err := strconv.ParseFloat(g, 64)
				if err != nil || n != want || typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
					t.Fatalf("%s (%s): %q type %v, want number %v", cell, cols[i].Name, g, typ, want)
				}
			case string:
				if g != v {
					t.Fatalf("%s (%s): %q, want %q", cell, cols[i].Name, g, v)
				}
			}
		}
	}
}

func TestExportJSONL(t *testing.T) {
	db := mustSearchDB(t)
	cols, rows := viewRows(t, db, "current_measures")
	code, out, errs := cli(t, "", "export", "--db", db, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(rows) {
		t.Fatalf("%d lines for %d rows", len(lines), len(rows))
	}
	for r, line := range lines {
		var obj map[string]any
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			t.Fatal(err)
		}
		for i, c := range cols {
			want := rows[r][i]
			if n, ok := want.(int64); ok {
				want = float64(n)
			}
			if !reflect.DeepEqual(obj[c.Name], want) {
				t.Fatalf("line %d, %s = %#v, want %#v", r+1, c.Name, obj[c.Name], want)
			}
		}
	}
	if code, _, errs := cli(t, "", "export", "--db", db, "--view", "no_such_view"); code != 1 || !strings.Contains(errs, "current_measures") {
		t.Errorf("unknown view: exit %d, %s", code, errs)
	}
}

func osMkdirTemp() (string, error) { return os.MkdirTemp("", "hesabat-search-") }
