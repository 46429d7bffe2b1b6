package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestTerminal runs ingest on a pseudo-terminal (through util-linux's
// script): PDFium's start-up (--pdf-engine pdfium; the Go reader starts it
// only for a page it declines) shows as a step, the progress bar shows files
// done of all and pages a second, and an error line is printed on a line
// of its own, the bar cleared first, never onto the bar.
func TestTerminal(t *testing.T) {
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("script (util-linux) is not installed")
	}
	dir := t.TempDir()
	pdf := readFile(t, filepath.Join(root, "testdata/seed/seed.pdf"))
	// Enough files that the ingest outlasts the bar's 100 ms throttle many
	// times over: three took 0.2 s once the reader got faster, and the bar
	// was cleared before it was drawn again.
	const copies = 12
	for i := range copies {
		write(t, dir, fmt.Sprintf("in/r%d.pdf", i), append(pdf, fmt.Sprintf("\n%% copy %d\n", i)...))
	}
	broken := write(t, dir, "in/broken.docx", []byte("PK\x03\x04 no zip"))
	cmdline := fmt.Sprintf("%s ingest --pdf-engine pdfium --db %s %s", binary, filepath.Join(dir, "h.db"), filepath.Join(dir, "in"))
	out, err := exec.Command(script, "-qec", cmdline, "/dev/null").Output()
	if exit, ok := err.(*exec.ExitError); err != nil && (!ok || exit.ExitCode() != exitFailed) {
		t.Fatalf("%s: %v\n%s", cmdline, err, out)
	}
	screen := string(out)
	for _, want := range []string{"preparing PDF engine…", "pages/s", fmt.Sprintf("/%d)", copies+1)} {
		if !strings.Contains(screen, want) {
			t.Errorf("no %q on the terminal:\n%q", want, screen)
		}
	}
	found := false
	for _, line := range strings.Split(screen, "\n") {
		segs := strings.Split(line, "\r")
		for k, seg := range segs {
			if !strings.Contains(seg, broken+": corrupt") {
				continue
			}
			found = true
			if !strings.HasPrefix(seg, broken) || k > 0 && strings.TrimSpace(segs[k-1]) != "" {
				t.Errorf("the error line shares its line with the bar: %q", line)
			}
		}
	}
	if !found {
		t.Errorf("no error line for %s on the terminal:\n%q", broken, screen)
	}
}

// TestPDFCache checks where the compiled PDFium module is kept (reading
// with --pdf-engine pdfium, which starts PDFium up front): with no
// home folder (a service user), in the system's temporary folder; with
// HESABAT_CACHE_DIR, there; and that -v says where, once. (The user's
// cache, when there is one, is copied first, so that PDFium need not be
// compiled again.)
func TestPDFCache(t *testing.T) {
	tmp := t.TempDir()
	seed := abs(t, filepath.Join(root, "testdata/seed/seed.pdf"))
	fallback := filepath.Join(tmp, fmt.Sprintf("hesabat-%d", os.Getuid()), "wazero")
	if base, err := os.UserCacheDir(); err == nil {
		if err := os.CopyFS(fallback, os.DirFS(filepath.Join(base, "hesabat", "wazero"))); err != nil && !os.IsNotExist(err) {
			t.Log("no cache to copy:", err)
		}
	}
	for _, tc := range []struct {
		name string
		env  []string
		want string
	}{
		{"no home folder", []string{"HOME=", "XDG_CACHE_HOME=", "HESABAT_CACHE_DIR=", "TMPDIR=" + tmp}, fallback},
		{"HESABAT_CACHE_DIR", []string{"HOME=", "XDG_CACHE_HOME=", "HESABAT_CACHE_DIR=" + fallback, "TMPDIR=" + t.TempDir()}, fallback},
	} {
		code, _, stderr := call{env: tc.env}.run(t, "ingest", "-v", "--pdf-engine", "pdfium", "--db", filepath.Join(t.TempDir(), "h.db"), seed)
		if want := "PDF engine: compiled-module cache in " + tc.want + "\n"; code != 0 || strings.Count(stderr, want) != 1 {
			t.Errorf("%s: exit %d, stderr %q; want %q once", tc.name, code, stderr, want)
		}
		if entries, err := os.ReadDir(tc.want); err != nil || len(entries) == 0 {
			t.Errorf("%s: the cache %s holds %v (%v); want the compiled module", tc.name, tc.want, entries, err)
		}
	}
}

// TestJSONSummary parses the --json summary back: one object on stdout
// with every documented field, whatever else is printed.
func TestJSONSummary(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "in/seed.txt", readFile(t, filepath.Join(root, "testdata/seed/seed.txt")))
	write(t, dir, "in/a/seed.docx", readFile(t, filepath.Join(root, "testdata/seed/seed.docx")))
	write(t, dir, "in/bad.txt", nil)
	write(t, dir, "in/readme.md", []byte("x"))
	code, stdout, stderr := cli(t, "", "ingest", "--json", "--db", filepath.Join(dir, "h.db"), filepath.Join(dir, "in"))
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &fields); err != nil || code != 1 || strings.Count(stdout, "\n") != 1 {
		t.Fatalf("exit %d, stdout %q (%v); want exit 1 and one JSON line", code, stdout, err)
	}
	var keys []string
	for k := range fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	// The fields README documents; new ones may be added, none removed.
	documented := []string{"database", "errors", "facts", "failed", "files_seen", "interrupted", "loaded", "low_text",
		"measures", "pages", "reextracted", "schema_version", "seconds", "skipped", "skipped_files", "still_failing",
		"unchanged", "warnings"}
	for _, k := range documented {
		if _, ok := fields[k]; !ok {
			t.Errorf("field %q missing from %s", k, stdout)
		}
	}
	var s summary
	json.Unmarshal([]byte(stdout), &s)
	want := summary{SchemaVersion: outputVersion, FilesSeen: 4, Loaded: 2, Failed: 1, Pages: 7, Measures: 22, Facts: 66}
	got := summary{SchemaVersion: s.SchemaVersion, FilesSeen: s.FilesSeen, Loaded: s.Loaded, Failed: s.Failed, Pages: s.Pages, Measures: s.Measures, Facts: s.Facts}
	if !reflect.DeepEqual(got, want) || s.Skipped[skipFormat] != 1 || len(s.Errors) != 1 || s.Errors[0].Kind != "empty file" || s.Seconds <= 0 {
		t.Errorf("summary %+v", s)
	}
	if !strings.Contains(stderr, "bad.txt: empty file") {
		t.Errorf("stderr %q; want the failure named", stderr)
	}
}

// TestStats checks the stats command on a database with one report of one
// agency and year, stored as text and as DOCX (counted once), and a failing
// file.
func TestStats(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "in/seed.txt", readFile(t, filepath.Join(root, "testdata/seed/seed.txt")))
	write(t, dir, "in/seed.docx", readFile(t, filepath.Join(root, "testdata/seed/seed.docx")))
	bad := write(t, dir, "in/bad.txt", nil)
	db := filepath.Join(dir, "h.db")
	cli(t, "", "ingest", "-q", "--db", db, filepath.Join(dir, "in"))
	code, stdout, _ := cli(t, "", "stats", "--json", "--db", db)
	var s struct {
		SchemaVersion int `json:"schema_version"`
		Groups        []struct {
			Agency                             string
			Known                              bool
			Year                               *int
			Reports, Measures, Facts, Warnings int
		}
		Failures []struct{ Path, Kind string }
	}
	if err := json.Unmarshal([]byte(stdout), &s); err != nil || code != 0 {
		t.Fatalf("stats --json: exit %d, %q, %v", code, stdout, err)
	}
	if len(s.Groups) != 1 || s.Groups[0].Agency != "Dövlət Statistika Komitəsi" || s.Groups[0].Year == nil || *s.Groups[0].Year != 2022 ||
		s.Groups[0].Reports != 1 || s.Groups[0].Measures != 11 || s.Groups[0].Facts != 33 || !s.Groups[0].Known {
		t.Errorf("groups %+v", s.Groups)
	}
	if len(s.Failures) != 1 || s.Failures[0].Path != bad || s.Failures[0].Kind != "empty file" {
		t.Errorf("failures %+v", s.Failures)
	}
	code, stdout, _ = cli(t, "", "stats", "--db", db)
	if code != 0 || !strings.Contains(stdout, "Dövlət Statistika Komitəsi") || !strings.Contains(stdout, "1 files fail") || !strings.Contains(stdout, bad) {
		t.Errorf("stats: exit %d, %q", code, stdout)
	}
}
