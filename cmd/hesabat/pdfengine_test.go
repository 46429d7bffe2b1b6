package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestPDFEngine ingests the seed PDF with each --pdf-engine: -v tells how
// many pages each reader read, and a name that is no engine fails.
func TestPDFEngine(t *testing.T) {
	seed := filepath.Join("..", "..", "testdata", "seed", "seed.pdf")
	for engine, want := range map[string]string{
		"auto":   "PDF pages read: 7 by the Go reader, 0 by PDFium",
		"go":     "PDF pages read: 7 by the Go reader, 0 by PDFium",
		"pdfium": "PDF pages read: 0 by the Go reader, 7 by PDFium",
	} {
		db := filepath.Join(t.TempDir(), "h.db")
		code, stdout, stderr := cli(t, "", "ingest", "-v", "--pdf-engine", engine, "--db", db, seed)
		if code != 0 || !strings.Contains(stdout, "loaded 1 reports (11 measures") || !strings.Contains(stdout, want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want %q", engine, code, stdout, stderr, want)
		}
	}
	if code, _, stderr := cli(t, "", "extract", "--pdf-engine", "mupdf", seed); code == 0 || !strings.Contains(stderr, `unknown engine "mupdf"`) {
		t.Errorf("unknown engine: exit %d, stderr %q", code, stderr)
	}
}
