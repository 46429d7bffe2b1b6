package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPDFPagesRead: -v prints the PDF pages each reader read, ingest on
// stdout after the summary and extract on stderr, and ingest --json has
// them in pdf_pages. The engine is forced so that the counts do not hang
// on which pages the Go reader declines today.
func TestPDFPagesRead(t *testing.T) {
	seed := filepath.Join("..", "..", "testdata", "seed", "seed.pdf") // 7 pages
	const goLine = "PDF pages read: 7, 7 by the Go reader (100.0%), 0 by PDFium (0.0%); 0 of them recognised by OCR (0.0%)\n"
	const pdfiumLine = "PDF pages read: 7, 0 by the Go reader (0.0%), 7 by PDFium (100.0%); 0 of them recognised by OCR (0.0%)\n"

	db := filepath.Join(t.TempDir(), "v.db")
	if code, stdout, stderr := cli(t, "", "ingest", "-v", "--pdf-engine", "go", "--db", db, seed); code != 0 || !strings.HasSuffix(stdout, goLine) {
		t.Errorf("ingest -v: exit %d, stdout %q, stderr %q; want it to end with %q", code, stdout, stderr, goLine)
	}
	if code, _, stderr := cli(t, "", "extract", "-v", "--pdf-engine", "pdfium", seed); code != 0 || !strings.HasSuffix(stderr, pdfiumLine) {
		t.Errorf("extract -v: exit %d, stderr %q; want it to end with %q", code, stderr, pdfiumLine)
	}
	if code, stdout, _ := cli(t, "", "ingest", "--pdf-engine", "go", "--db", filepath.Join(t.TempDir(), "q.db"), seed); code != 0 || strings.Contains(stdout, "PDF pages") {
		t.Errorf("ingest without -v: exit %d, stdout %q; want no pages line", code, stdout)
	}
	code, s, stderr := ingestJSON(t, "--pdf-engine", "pdfium", "--db", filepath.Join(t.TempDir(), "j.db"), seed)
	if want := (pdfPages{PDFium: 7}); code != 0 || s.PDFPages != want {
		t.Errorf("ingest --json: exit %d, pdf_pages %+v, stderr %q; want %+v", code, s.PDFPages, stderr, want)
	}

	// A page without text is read by the Go reader, then recognised.
	if _, err := exec.LookPath("tesseract"); err != nil {
		t.Skip("tesseract not installed: the OCR count is not checked")
	}
	scan := filepath.Join("testdata", "scan.pdf") // 1 page, scanned
	code, s, stderr = ingestJSON(t, "--pdf-engine", "go", "--db", filepath.Join(t.TempDir(), "o.db"), scan)
	if want := (pdfPages{Go: 1, OCR: 1}); code != 0 || s.PDFPages != want {
		t.Errorf("ingest --json of a scan: exit %d, pdf_pages %+v, stderr %q; want %+v", code, s.PDFPages, stderr, want)
	}
}
