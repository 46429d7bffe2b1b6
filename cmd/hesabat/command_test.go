package main

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/load"
)

// These tests run the built binary (see TestMain) as a user or a cron job
// would.

// TestHelp checks that -h and --help print each command's help on
// standard output and exit 0.
func TestHelp(t *testing.T) {
	for _, c := range commands {
		for _, h := range []string{"-h", "--help"} {
			code, stdout, stderr := cli(t, "", c.name, h)
			if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "Usage: hesabat "+c.name) {
				t.Errorf("hesabat %s %s: exit %d, stdout %q, stderr %q; want exit 0 and the help on stdout", c.name, h, code, stdout, stderr)
			}
		}
	}
	code, stdout, _ := cli(t, "", "--help")
	if code != 0 || !strings.Contains(stdout, "hesabat ingest") {
		t.Errorf("hesabat --help: exit %d, %q", code, stdout)
	}
}

// TestMisuse checks that command-line mistakes exit 2 with a message that
// names what is wrong.
func TestMisuse(t *testing.T) {
	seed := abs(t, filepath.Join(root, "testdata/seed/seed.txt"))
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "Usage:"},
		{[]string{"ingset", "x"}, `unknown command "ingset"; did you mean 'hesabat ingest'?`},
		{[]string{"extrat"}, "did you mean 'hesabat extract'?"},
		{[]string{"stat"}, "did you mean 'hesabat stats'?"},
		{[]string{"extract"}, "no file given"},
		{[]string{"ingest"}, "no file or folder given"},
		{[]string{"extract", "--no-such-flag", seed}, "unknown flag: --no-such-flag"},
		{[]string{"ingest", seed, "--workers", "-3"}, "--workers -3: must be at least 1"},
		{[]string{"extract", seed, "--ocr", "sometimes"}, `--ocr "sometimes": use auto, off or force`},
		{[]string{"extract", seed, "--pdf-engine", "mupdf"}, `--pdf-engine "mupdf": must be auto, go or pdfium`},
		{[]string{"extract", "--timeout", "0s", seed}, "--timeout 0s: must be positive"},
		{[]string{"ingest", "--exclude", "[", seed}, `--exclude "[": syntax error in pattern`},
		{[]string{"extract", filepath.Dir(seed)}, "is a folder: 'hesabat ingest " + filepath.Dir(seed) + "' loads the reports in a folder"},
		{[]string{"normalize", "a", "b"}, "one file at most"},
		{[]string{"stats", "--db", filepath.Join(t.TempDir(), "none.db")}, "no database"},
	} {
		code, _, stderr := cli(t, "", tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("hesabat %q: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := cli(t, "", "--version")
	for _, want := range []string{
		"hesabat ",
		"commit: ",
		"schema version: " + itoa(load.SchemaVersion()) + "\n",
		"extraction rules: " + itoa(hesabat.RulesVersion) + "\n",
		"PDF engine: PDFium from go-pdfium v",
	} {
		if code != 0 || !strings.Contains(stdout, want) {
			t.Errorf("--version: exit %d, %q; want %q in it", code, stdout, want)
		}
	}
}

// TestExtractStdin reads a report from standard input, text and DOCX, its
// format told by its content, and checks the JSON's schema_version.
func TestExtractStdin(t *testing.T) {
	for _, name := range []string{"seed.txt", "seed.docx"} {
		data := readFile(t, filepath.Join(root, "testdata/seed", name))
		code, stdout, stderr := call{stdin: string(data)}.run(t, "extract", "-")
		if code != 0 {
			t.Fatalf("%s on stdin: exit %d, %s", name, code, stderr)
		}
		var r struct {
			SchemaVersion *int           `json:"schema_version"`
			Source        string         `json:"source"`
			Format        hesabat.Format `json:"format"`
			Measures      []json.RawMessage
		}
		if err := json.Unmarshal([]byte(stdout), &r); err != nil {
			t.Fatal(err)
		}
		if r.SchemaVersion == nil || *r.SchemaVersion != outputVersion || r.Source != "-" || len(r.Measures) != 11 ||
			string(r.Format) != strings.TrimPrefix(filepath.Ext(name), ".") {
			t.Errorf("%s on stdin: schema_version %v, source %q, format %q, %d measures", name, r.SchemaVersion, r.Source, r.Format, len(r.Measures))
		}
	}
}

// TestFlagsAnywhere checks that flags may follow paths, in both GNU forms,
// and that -- ends the flags.
func TestFlagsAnywhere(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "in/seed.txt", readFile(t, filepath.Join(root, "testdata/seed/seed.txt")))
	write(t, dir, "-odd.txt", append(readFile(t, filepath.Join(root, "testdata/seed/seed.txt")), '\n'))
	c := call{dir: dir}
	if code, stdout, stderr := c.run(t, "ingest", "in", "--db", "w.db", "-q"); code != 0 || stdout != "" || stderr != "" {
		t.Fatalf("ingest in --db w.db -q: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, load.DefaultPath)); err == nil {
		t.Errorf("ingest in --db w.db wrote %s", load.DefaultPath)
	}
	if got := counts(t, filepath.Join(dir, "w.db")); got.Reports != 1 || got.Errors != 0 {
		t.Errorf("w.db holds %+v; want the one report, no failure", got)
	}
	code, stdout, _ := c.run(t, "ingest", "--db=w.db", "--json", "--", "-odd.txt")
	var s summary
	if err := json.Unmarshal([]byte(stdout), &s); code != 0 || err != nil || s.Loaded != 1 {
		t.Errorf("ingest --db=w.db -- -odd.txt: exit %d, %v, %q", code, err, stdout)
	}
}

// TestRepeatedFailure follows a broken file over nightly runs: it fails
// once (exit 1), then is still failing (exit 0, not read again), fails
// anew when it changes, is read again with --retry-failed, and is
// forgotten once fixed.
func TestRepeatedFailure(t *testing.T) {
	dir := t.TempDir()
	bad := write(t, dir, "in/broken.docx", []byte("PK\x03\x04 this is no zip"))
	write(t, dir, "in/seed.txt", readFile(t, filepath.Join(root, "testdata/seed/seed.txt")))
	db := filepath.Join(dir, "h.db")
	ingest := func(args ...string) (int, summary, string) {
		t.Helper()
		return ingestJSON(t, append([]string{"--db", db, filepath.Join(dir, "in")}, args...)...)
	}
	attempts := func() []load.Failure {
		t.Helper()
		fs, err := openDB(t, db).Failures(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		return fs
	}

	code, s, stderr := ingest()
	if code != 1 || s.Failed != 1 || s.StillFailing != 0 || !strings.HasPrefix(stderr, bad+": corrupt") || len(s.Errors) != 1 || !s.Errors[0].New {
		t.Fatalf("first night: exit %d, %+v, stderr %q", code, s, stderr)
	}
	code, s, stderr = ingest()
	if code != 0 || s.Failed != 0 || s.StillFailing != 1 || s.Unchanged != 1 || stderr != "" || len(s.Errors) != 1 || s.Errors[0].New {
		t.Errorf("second night: exit %d, %+v, stderr %q; want exit 0, still failing, nothing on stderr", code, s, stderr)
	}
	if fs := attempts(); len(fs) != 1 || fs[0].Attempts != 1 || fs[0].Hint == "" {
		t.Errorf("after two nights: %+v; want one row, read once, with a hint", fs)
	}
	if code, stdout, _ := cli(t, "", "errors", "--db", db); code != 0 || !strings.Contains(stdout, bad+": corrupt") || !strings.Contains(stdout, "hint: ") {
		t.Errorf("hesabat errors: exit %d, %q", code, stdout)
	}

	write(t, dir, "in/broken.docx", []byte("PK\x03\x04 another broken upload"))
	if code, s, _ = ingest(); code != 1 || s.Failed != 1 {
		t.Errorf("changed and still broken: exit %d, %+v; want a new failure", code, s)
	}
	if code, s, _ = ingest("--retry-failed"); code != 0 || s.StillFailing != 1 {
		t.Errorf("--retry-failed: exit %d, %+v; want read again and still failing", code, s)
	}
	if fs := attempts(); len(fs) != 1 || fs[0].Attempts != 2 {
		t.Errorf("after --retry-failed: %+v; want one row (the current content), read twice", fs)
	}

	write(t, dir, "in/broken.docx", readFile(t, filepath.Join(root, "testdata/seed/seed.docx")))
	if code, s, _ = ingest(); code != 0 || s.Loaded != 1 || len(attempts()) != 0 {
		t.Errorf("fixed: exit %d, %+v, failures %+v; want it loaded and no failure left", code, s, attempts())
	}
}

// TestRetryStale checks that a failure recorded under older extraction
// rules, or before a capability existed, is read again by itself.
func TestRetryStale(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "in/empty.txt", nil)
	db := filepath.Join(dir, "h.db")
	if code, _, _ := cli(t, "", "ingest", "-q", "--db", db, filepath.Join(dir, "in")); code != 1 {
		t.Fatalf("first run: exit %d", code)
	}
	for _, stale := range []string{
		`UPDATE ingest_errors SET rules_version = rules_version - 1`,
		`UPDATE ingest_errors SET capabilities = 'pdf'`,
	} {
		execSQL(t, db, stale)
		if code, s, _ := ingestJSON(t, "--db", db, filepath.Join(dir, "in")); code != 0 || s.StillFailing != 1 {
			t.Errorf("after %s: exit %d, %+v", stale, code, s)
		}
	}
	if got := queryInt(t, db, `SELECT attempts FROM ingest_errors`); got != 3 {
		t.Errorf("attempts = %d; want 3 (read again after each change)", got)
	}
}

// TestReextract checks that reports made by older extraction rules are
// extracted again and replaced, and the summary says how many.
func TestReextract(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "in/seed.txt", readFile(t, filepath.Join(root, "testdata/seed/seed.txt")))
	db := filepath.Join(dir, "h.db")
	cli(t, "", "ingest", "-q", "--db", db, filepath.Join(dir, "in"))
	before := counts(t, db)
	execSQL(t, db, `UPDATE reports SET rules_version = NULL`)
	code, stdout, _ := cli(t, "", "ingest", "--db", db, filepath.Join(dir, "in"))
	if code != 0 || !strings.Contains(stdout, "re-extracted 1 made by older rules") {
		t.Errorf("exit %d, %q", code, stdout)
	}
	if after := counts(t, db); after != before || queryInt(t, db, `SELECT rules_version FROM reports`) != hesabat.RulesVersion {
		t.Errorf("after re-extraction: %+v, before %+v", after, before)
	}
	if code, s, _ := ingestJSON(t, "--db", db, filepath.Join(dir, "in")); code != 0 || s.Reextracted != 0 || s.Unchanged != 1 {
		t.Errorf("third run: exit %d, %+v", code, s)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func abs(t *testing.T, path string) string {
	t.Helper()
	p, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// openSQL opens the database at path with database/sql, closed when the
// test ends.
func openSQL(t *testing.T, path string) *sql.DB {
	t.Helper()
	conn, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// execSQL runs a statement on the database at path.
func execSQL(t *testing.T, path, query string) {
	t.Helper()
	if _, err := openSQL(t, path).Exec(query); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

// queryInt returns the one number query selects from the database at path.
func queryInt(t *testing.T, path, query string) int {
	t.Helper()
	var n int
	if err := openSQL(t, path).QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// queryString returns the one text query selects from the database at path.
func queryString(t *testing.T, path, query string) string {
	t.Helper()
	var s string
	if err := openSQL(t, path).QueryRow(query).Scan(&s); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return s
}
