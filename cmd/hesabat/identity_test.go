package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// statusOf returns the status of each stored file by format.
func statusOf(t *testing.T, dbPath string) map[string]string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+dbPath+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got := make(map[string]string)
	for _, r := range query(t, db, `SELECT format, status FROM reports`) {
		got[r[0]] = r[1]
	}
	return got
}

// TestIdentityCommands: the seed as DOCX and PDF is one report; --keep-all
// keeps both; remove withdraws one; agencies lists, adds and refuses.
func TestIdentityCommands(t *testing.T) {
	dir := t.TempDir()
	docx := write(t, dir, "in/seed.docx", readFile(t, filepath.Join(root, "testdata/seed/seed.docx")))
	pdf := write(t, dir, "in/seed.pdf", readFile(t, filepath.Join(root, "testdata/seed/seed.pdf")))
	db := filepath.Join(dir, "h.db")
	if code, _, stderr := cli(t, "", "ingest", "-q", "--db", db, docx, pdf); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	if got := statusOf(t, db); got["docx"] != "current" || got["pdf"] != "source" {
		t.Errorf("statuses %v, want the DOCX current and the PDF its source", got)
	}
	kept := filepath.Join(dir, "kept.db")
	if code, _, stderr := cli(t, "", "ingest", "-q", "--keep-all", "--db", kept, docx, pdf); code != 0 {
		t.Fatalf("ingest --keep-all: exit %d: %s", code, stderr)
	}
	if got := statusOf(t, kept); got["docx"] != "current" || got["pdf"] != "current" {
		t.Errorf("--keep-all: statuses %v, want both current", got)
	}

	code, stdout, _ := cli(t, "", "remove", "--db", db, docx)
	if code != 0 || !strings.Contains(stdout, "1 report(s) removed") {
		t.Errorf("remove: exit %d, %q", code, stdout)
	}
	if got := statusOf(t, db); got["docx"] != "removed" || got["pdf"] != "current" {
		t.Errorf("after remove: statuses %v, want the DOCX removed and the PDF current", got)
	}
	if code, _, stderr := cli(t, "", "remove", "--db", db, filepath.Join(dir, "in/none.pdf")); code != 1 || !strings.Contains(stderr, "no report stored") {
		t.Errorf("remove of an unknown file: exit %d, %q", code, stderr)
	}

	code, stdout, _ = cli(t, "", "agencies", "--db", db)
	if first, _, _ := strings.Cut(stdout, "\n"); code != 0 || strings.Fields(first)[0] != "1" || !strings.Contains(first, "Dövlət Statistika Komitəsi (DSK)") {
		t.Errorf("agencies: exit %d, first line %q", code, first)
	}
	list := write(t, dir, "more.tsv", []byte("# mine\nKosmik Agentlik\tAzərkosmos\n"))
	if code, stdout, stderr := cli(t, "", "agencies", "load", "--db", db, list); code != 0 || !strings.Contains(stdout, "1 agencies") {
		t.Errorf("agencies load: exit %d, %q %q", code, stdout, stderr)
	}
	if code, stdout, _ := cli(t, "", "agencies", "--db", db); code != 0 || !strings.Contains(stdout, "Kosmik Agentlik (Azərkosmos)") || strings.Contains(stdout, "[unknown]") {
		t.Errorf("agencies after load: exit %d, %q", code, stdout)
	}
	if code, _, stderr := cli(t, "", "agencies", "add", "--db", db, "Yeni Agentlik", "DSK"); code != 1 || !strings.Contains(stderr, "alias names another agency") {
		t.Errorf("taken alias: exit %d, %q", code, stderr)
	}
	for _, args := range [][]string{{"agencies", "add"}, {"agencies", "frobnicate"}, {"agencies", "load"}, {"remove"}} {
		if code, _, stderr := cli(t, "", args...); code != 2 || stderr == "" {
			t.Errorf("hesabat %q: exit %d, %q; want 2 and a usage message", args, code, stderr)
		}
	}
}

// TestCorrectedFile: a file corrected at the same path (one figure
// changed) replaces the one ingested before in the views; both are kept.
func TestCorrectedFile(t *testing.T) {
	dir := t.TempDir()
	seed := string(readFile(t, filepath.Join(root, "testdata/seed/seed.txt")))
	path := write(t, dir, "in/report.txt", []byte(seed))
	db := filepath.Join(dir, "h.db")
	if code, _, stderr := cli(t, "", "ingest", "-q", "--db", db, path); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	if !strings.Contains(seed, "2278 elektron arayış") {
		t.Fatal("the seed no longer says 2278 elektron arayış")
	}
	write(t, dir, "in/report.txt", []byte(strings.Replace(seed, "2278 elektron arayış", "2378 elektron arayış", 1)))
	// An older modification time (a file restored from a copy): the path
	// decides, not the time.
	earlier := time.Now().Add(-time.Hour)
	if err := os.Chtimes(path, earlier, earlier); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := cli(t, "", "ingest", "-q", "--db", db, path); code != 0 {
		t.Fatalf("ingest of the corrected file: exit %d: %s", code, stderr)
	}
	sqlDB, err := sql.Open("sqlite3", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	got := query(t, sqlDB, `SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM current_reports),
		(SELECT sum(count) FROM current_facts WHERE unit = 'elektron arayış' AND count IN (2278, 2378))`)
	if want := [][]string{{"2", "1", "2378"}}; strings.Join(got[0], " ") != strings.Join(want[0], " ") {
		t.Errorf("files, current reports, the corrected figure: %v, want %v", got, want)
	}
}
