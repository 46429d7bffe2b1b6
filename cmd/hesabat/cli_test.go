package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/load"
)

// binary is the hesabat binary the tests run, built once by TestMain.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "hesabat-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "hesabat")
	build := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", binary, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// cli runs the built binary with args and stdin, and returns its exit
// code and output.
func cli(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return call{stdin: stdin}.run(t, args...)
}

// call is how the binary is run: in which folder, with which environment
// added, with what on standard input.
type call struct {
	dir   string
	env   []string
	stdin string
}

func (c call) run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = c.dir
	cmd.Env = append(os.Environ(), c.env...)
	cmd.Stdin = strings.NewReader(c.stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("hesabat %q: %v", args, err)
	}
	return cmd.ProcessState.ExitCode(), out.String(), errOut.String()
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestIngest loads good and bad files: the good ones are stored, the bad
// one is printed and recorded, the exit code is 1, and a second run adds
// no report.
func TestIngest(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "in/a/seed.txt", readFile(t, filepath.Join(root, "testdata/seed/seed.txt")))
	write(t, dir, "in/b/seed.docx", readFile(t, filepath.Join(root, "testdata/seed/seed.docx")))
	write(t, dir, "in/b/README.md", []byte("not a report; not read"))
	bad := write(t, dir, "in/c/broken.docx", []byte("PK\x03\x04 this is no zip"))
	db := filepath.Join(dir, "h.db")

	code, stdout, stderr := cli(t, "", "ingest", "--db", db, filepath.Join(dir, "in"))
	if code != 1 || !strings.HasPrefix(stderr, bad+": ") || strings.Count(stderr, "\n") != 1 {
		t.Fatalf("first run: exit %d, stderr %q; want 1 and one line naming %s", code, stderr, bad)
	}
	if !strings.Contains(stdout, "loaded 2 reports (7 pages, 22 measures, ") || !strings.Contains(stdout, "0 unchanged, 1 failed, 1 skipped (1 not a report format)") {
		t.Errorf("first run summary: %q", stdout)
	}
	first := counts(t, db)
	if first.Reports != 2 || first.Measures != 22 || first.Errors != 1 {
		t.Errorf("after the first run: %+v", first)
	}

	code, stdout, _ = cli(t, "", "ingest", "-q", "--db", db, filepath.Join(dir, "in/a"), filepath.Join(dir, "in/b"))
	if code != 0 || stdout != "" {
		t.Errorf("second run, good files only, quiet: exit %d, stdout %q", code, stdout)
	}
	code, stdout, _ = cli(t, "", "ingest", "-v", "--db", db, filepath.Join(dir, "in/a"))
	if code != 0 || !strings.Contains(stdout, "seed.txt: unchanged") || !strings.Contains(stdout, "loaded 0 reports") {
		t.Errorf("third run: exit %d, stdout %q", code, stdout)
	}
	if again := counts(t, db); again != first {
		t.Errorf("a second run changed the database: %+v, then %+v", first, again)
	}
}

func counts(t *testing.T, path string) load.Counts {
	t.Helper()
	c, err := openDB(t, path).Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// openDB opens the database at path, closed when the test ends.
func openDB(t *testing.T, path string) *load.DB {
	t.Helper()
	db, err := load.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// ingestJSON runs ingest --json with args and returns its exit code, its
// summary parsed back, and its stderr.
func ingestJSON(t *testing.T, args ...string) (int, summary, string) {
	t.Helper()
	code, stdout, stderr := cli(t, "", append([]string{"ingest", "--json"}, args...)...)
	var s summary
	if err := json.Unmarshal([]byte(stdout), &s); err != nil {
		t.Fatalf("ingest %q: exit %d, summary %q: %v", args, code, stdout, err)
	}
	return code, s, stderr
}

// TestSeedVariants extracts the seed written the ways real files mangle
// Azerbaijani, each built here from seed.txt, and expects the seed gold.
func TestSeedVariants(t *testing.T) {
	seed := string(readFile(t, filepath.Join(root, "testdata/seed/seed.txt")))
	var gold goldReport
	readJSON(t, filepath.Join(root, "testdata/seed/seed.gold.json"), &gold)
	cp1254 := strings.NewReplacer("ə", "ä", "Ə", "Ä", "№", "&#8470;").Replace(seed)
	for _, tc := range []struct {
		name string
		data func() ([]byte, error)
	}{
		{"Cyrillic ә", func() ([]byte, error) { return []byte(strings.NewReplacer("ə", "ә", "Ə", "Ә").Replace(seed)), nil }},
		{"Windows-1254 with ä", func() ([]byte, error) { return charmap.Windows1254.NewEncoder().Bytes([]byte(cp1254)) }},
		{"UTF-8 read as Windows-1252", func() ([]byte, error) {
			s, err := charmap.Windows1252.NewDecoder().String(seed)
			return []byte(s), err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := tc.data()
			if err != nil {
				t.Fatal(err)
			}
			path := write(t, t.TempDir(), "variant.txt", data)
			code, stdout, stderr := cli(t, "", "extract", path)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var got hesabat.Report
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatal(err)
			}
			if d := compareGold(&got, &gold); len(d) > 0 {
				t.Errorf("%d differences from the gold, first: %s", len(d), d[0])
			}
		})
	}
}

// TestSpaceLayoutSeed extracts the seed as `pdftotext -layout` writes it
// (testdata/seed/make-layout.sh). Such text cannot say where a cell's
// paragraphs break, so work done is compared as one text; every other
// field must match the gold. (pdftotext puts 4.1's term one space after its
// title on the first line; the layout engine cuts each line of layout text
// on its own, so that is no longer a deviation.)
func TestSpaceLayoutSeed(t *testing.T) {
	code, stdout, stderr := cli(t, "", "extract", filepath.Join(root, "testdata/seed/seed.layout.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got hesabat.Report
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	var gold goldReport
	readJSON(t, filepath.Join(root, "testdata/seed/seed.gold.json"), &gold)
	for i := range got.Measures {
		got.Measures[i].Paragraphs = []string{strings.Join(got.Measures[i].Paragraphs, " ")}
	}
	for i := range gold.Measures {
		gold.Measures[i].Paragraphs = []string{strings.Join(gold.Measures[i].Paragraphs, " ")}
	}
	for _, d := range compareGold(&got, &gold) {
		t.Errorf("difference from the gold: %s", d)
	}
}

func TestNormalizeCommand(t *testing.T) {
	code, stdout, _ := cli(t, "Dövlәt  Statistika\u00a0Komitәsi\u00ad\nİCLAS\n", "normalize")
	if code != 0 || stdout != "Dövlət Statistika Komitəsi\nİCLAS\n" {
		t.Errorf("exit %d, %q", code, stdout)
	}
	path := write(t, t.TempDir(), "x.txt", []byte("ﬁlm 2020–2022\r\n"))
	if code, stdout, _ := cli(t, "", "normalize", path); code != 0 || stdout != "film 2020-2022\n" {
		t.Errorf("from a file: exit %d, %q", code, stdout)
	}
}

func TestFactsCommand(t *testing.T) {
	in := "Şuranın 11 iclasında\u00a045 məsələ müzakirə edilmişdir.\nBüdcə 3,0 milyon manat idi.\n"
	code, stdout, stderr := cli(t, in, "facts", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	normalized := []rune("Şuranın 11 iclasında 45 məsələ müzakirə edilmişdir.\nBüdcə 3,0 milyon manat idi.")
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var f hesabat.Fact
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		if string(normalized[f.Start:f.End]) != f.Text {
			t.Errorf("offsets %d-%d give %q, text is %q", f.Start, f.End, string(normalized[f.Start:f.End]), f.Text)
		}
		got = append(got, string(f.Kind)+" "+f.Text+" "+f.Unit+f.Currency)
	}
	want := []string{"quantity 11 iclasında iclas", "quantity 45 məsələ məsələ", "money 3,0 milyon manat AZN"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("facts:\n got %q\nwant %q", got, want)
	}
}

// TestExtractFacts checks that each measure carries the facts of its work
// done, with rune offsets into work_done.
func TestExtractFacts(t *testing.T) {
	code, stdout, stderr := cli(t, "", "extract", filepath.Join(root, "testdata/seed/seed.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r hesabat.Report
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range r.Measures {
		work := []rune(m.WorkDone)
		if m.WorkDone != strings.Join(m.Paragraphs, "\n") {
			t.Errorf("measure %s: work_done is not its paragraphs joined by newlines", m.Number)
		}
		for _, f := range m.Facts {
			n++
			if f.Start < 0 || f.End > len(work) || string(work[f.Start:f.End]) != f.Text {
				t.Errorf("measure %s: fact %q at %d-%d does not point into work_done", m.Number, f.Text, f.Start, f.End)
			}
		}
	}
	if n < 30 {
		t.Errorf("only %d facts in the seed; its gold has 33", n)
	}
}

func TestExtractTimeout(t *testing.T) {
	path := filepath.Join(root, "testdata/seed/seed.txt")
	code, _, stderr := cli(t, "", "extract", "--timeout", "1ns", path)
	if want := path + ": time limit exceeded: more than 1ns (hint: raise --timeout (now 1ns)"; code != 1 || !strings.HasPrefix(stderr, want) {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr, want)
	}
}

// TestIngestBadPDFs checks that each bad PDF is recorded in ingest_errors
// with its kind and hint while the good one is loaded.
func TestIngestBadPDFs(t *testing.T) {
	dir := filepath.Join(root, "testdata/pdf")
	var paths []string
	for _, name := range []string{"empty.pdf", "encrypted-user.pdf", "not-a-pdf.pdf", "truncated.pdf", "owner-only.pdf"} {
		paths = append(paths, filepath.Join(dir, name))
	}
	db := filepath.Join(t.TempDir(), "h.db")
	code, stdout, stderr := cli(t, "", append([]string{"ingest", "--db", db}, paths...)...)
	if code != 1 || strings.Count(stderr, "\n") != 4 || !strings.Contains(stdout, "loaded 1 reports") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.Query(`SELECT path, kind, hint IS NOT NULL FROM ingest_errors ORDER BY path`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var path, kind string
		var hint bool
		if err := rows.Scan(&path, &kind, &hint); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s %s %v", filepath.Base(path), kind, hint))
	}
	want := []string{"empty.pdf empty file true", "encrypted-user.pdf encrypted true", "not-a-pdf.pdf no measure table true", "truncated.pdf corrupt true"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("ingest_errors:\n got %q\nwant %q", got, want)
	}
}
