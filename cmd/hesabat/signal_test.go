package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterrupt sends SIGINT to an ingest that is loading PDFs: it stops
// with exit code 130, every report it wrote is complete, and the next run
// loads the rest.
func TestInterrupt(t *testing.T) {
	dir := t.TempDir()
	pdf := readFile(t, filepath.Join(root, "testdata/seed/seed.pdf"))
	const n = 30
	for i := range n {
		// A comment after %%EOF makes each copy another content.
		write(t, dir, fmt.Sprintf("in/r%02d.pdf", i), append(pdf, fmt.Sprintf("\n%% copy %d\n", i)...))
	}
	db := filepath.Join(dir, "h.db")
	cmd := exec.Command(binary, "ingest", "-v", "--workers", "1", "--db", db, filepath.Join(dir, "in"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	for lines.Scan() && !strings.HasSuffix(lines.Text(), " measures") {
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	for lines.Scan() {
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("ingest did not stop within 30 s of SIGINT")
	}
	if code := cmd.ProcessState.ExitCode(); code != exitInterrupted || !strings.Contains(stderr.String(), "interrupted") {
		t.Fatalf("exit %d, stderr %q; want 130 and a word on what to do", code, stderr.String())
	}

	written := queryInt(t, db, `SELECT count(*) FROM reports`)
	if written < 1 || written >= n {
		t.Errorf("%d reports written before the signal; want some, not all", written)
	}
	if bad := queryInt(t, db, `SELECT count(*) FROM reports AS r WHERE (SELECT count(*) FROM measures WHERE report_id = r.id) <> 11`); bad != 0 {
		t.Errorf("%d reports without their 11 measures: a document was half written", bad)
	}
	if ok := queryString(t, db, `PRAGMA integrity_check`); ok != "ok" {
		t.Errorf("integrity_check: %s", ok)
	}
	execSQL(t, db, `INSERT INTO measures_fts (measures_fts) VALUES ('integrity-check')`)
	if errs := queryInt(t, db, `SELECT count(*) FROM ingest_errors`); errs != 0 {
		t.Errorf("%d failures recorded for the interrupted documents", errs)
	}

	if code, s, _ := ingestJSON(t, "--db", db, filepath.Join(dir, "in")); code != 0 || s.Loaded != n-written || s.Unchanged != written {
		t.Errorf("the next run: exit %d, %+v; want the other %d loaded", code, s, n-written)
	}
}
