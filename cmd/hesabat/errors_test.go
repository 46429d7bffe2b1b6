package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestErrorKinds lists each kind of failure with its message and hint, as
// extract prints them: the file named, the kind, what happened, and what to
// do, naming the flag when a limit is at fault.
func TestErrorKinds(t *testing.T) {
	dir := t.TempDir()
	pdfs := filepath.Join(root, "testdata/pdf")
	seed := func(ext string) string { return filepath.Join(root, "testdata/seed/seed."+ext) }
	for _, tc := range []struct {
		name    string
		args    []string // flags, then the file
		message string   // after "FILE: "
		hint    string
	}{
		{"empty", []string{write(t, dir, "empty.txt", nil)},
			"empty file", "check the export; the file has no bytes"},
		{"empty PDF", []string{filepath.Join(pdfs, "empty.pdf")},
			"empty file", "the file has no content; check the download"},
		{"unknown extension", []string{write(t, dir, "notes.ods", []byte("x"))},
			`unsupported format: unknown extension ".ods"`, "hesabat reads .pdf, .docx, .doc, .odt, .fodt, .html, .htm and .txt files"},
		{"binary named .txt", []string{write(t, dir, "binary.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00"))},
			"unsupported format: binary data, not text", "is it really a text file? DOCX and PDF need their own extension"},
		{"missing", []string{filepath.Join(dir, "nope.pdf")},
			"stat: no such file or directory", ""},
		{"not what its extension says", []string{filepath.Join(pdfs, "not-a-pdf.pdf")},
			`no measure table: no table header naming the title column and another (number, executor, term, work done) (the file's name says pdf but its content is html; read as html)`, "is this a report on a plan's measures?"},
		{"encrypted", []string{filepath.Join(pdfs, "encrypted-user.pdf")},
			"encrypted: a user password is needed to open it", "open it with its password and save an unprotected copy"},
		{"corrupt", []string{filepath.Join(pdfs, "truncated.pdf")},
			"corrupt: PDFium cannot parse it", "the file may be truncated or damaged; download it again or re-save it"},
		{"no measure table", []string{write(t, dir, "letter.txt", []byte("Bu sadəcə məktubdur.\nCədvəl yoxdur.\n"))},
			`no measure table: no table header naming the title column and another (number, executor, term, work done)`, "is this a report on a plan's measures?"},
		{"scanned, OCR off", []string{"--ocr", "off", "testdata/scan.pdf"},
			"scanned: no text on any of its 1 pages: a scan, or blank pages", ocrOffHint},
		{"file size limit", []string{"--max-file-size", "100", seed("txt")},
			"too large: ", "raise --max-file-size (now 100) if the file is genuine"},
		{"page limit", []string{"--max-pages", "2", seed("pdf")},
			"too large: 7 pages, limit 2", "raise --max-pages (now 2) if the file is genuine"},
		{"DOCX size limit", []string{"--max-docx-size", "1000", seed("docx")},
			"too large: ", "a zip bomb, or raise --max-docx-size (now 1000) if the file is genuine"},
		{"time limit, text", []string{"--timeout", "1ns", seed("txt")},
			"time limit exceeded: more than 1ns", "raise --timeout (now 1ns) if the file is just large"},
		{"time limit, PDF", []string{"--timeout", "1ns", seed("pdf")},
			"time limit exceeded: more than 1ns", "raise --timeout (now 1ns) if the file is just large"},
		{"time limit, DOCX", []string{"--timeout", "1ns", seed("docx")},
			"time limit exceeded: more than 1ns", "raise --timeout (now 1ns) if the file is just large"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := tc.args[len(tc.args)-1]
			code, stdout, stderr := cli(t, "", append([]string{"extract"}, tc.args...)...)
			line := strings.TrimSuffix(stderr, "\n")
			hint := " (hint: " + tc.hint + ")"
			if tc.hint == "" {
				hint = tc.message
			}
			if code != 1 || stdout != "" || strings.Contains(line, "\n") || !strings.HasPrefix(line, file+": "+tc.message) || !strings.HasSuffix(line, hint) {
				t.Errorf("exit %d, stderr %q; want exit 1 and one line %q…%q", code, stderr, file+": "+tc.message, hint)
			}
		})
	}
}
