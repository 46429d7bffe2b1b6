package main

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/hesabat/hesabat"
)

func TestSniff(t *testing.T) {
	seedDocx := readFile(t, filepath.Join(root, "testdata/seed/seed.docx"))
	seedODT := readFile(t, filepath.Join(root, "testdata/formats/odt/seed.odt"))
	seedDoc := readFile(t, filepath.Join(root, "testdata/formats/doc/seed.doc"))
	for _, tc := range []struct {
		name string
		data []byte
		want hesabat.Format
	}{
		{"DOCX", seedDocx, hesabat.DOCX},
		{"ODT", seedODT, hesabat.ODT},
		{"DOC", seedDoc, hesabat.DOC},
		{"PDF", []byte("%PDF-1.7\n1 0 obj"), hesabat.PDF},
		{"PDF after junk", []byte("\r\n\r\n%PDF-1.4\n"), hesabat.PDF},
		{"flat ODT", []byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">`), hesabat.ODT},
		{"HTML5", []byte("<!DOCTYPE html>\n<html><body><table></table>"), hesabat.HTML},
		{"HTML, BOM, comment, upper case", []byte("\xef\xbb\xbf<!-- saved from url -->\n<HTML><HEAD>"), hesabat.HTML},
		{"XHTML", []byte(`<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml">`), hesabat.HTML},
		{"HTML fragment", []byte("  <table><tr><td>1.1.</td></tr></table>"), hesabat.HTML},
		{"UTF-16 HTML", []byte("\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00"), hesabat.HTML},
		{"Word 2003 XML", []byte(`<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument>`), hesabat.DOCX},
		{"RTF: the extension's reader names it", []byte(`{\rtf1\ansi`), ""},
		{"plain text", []byte("Sıra N-si\tTədbirin adı\n"), ""},
		{"text mentioning a tag later", []byte("Hesabat\n<table>"), ""},
		{"broken zip", []byte("PK\x03\x04 this is no zip"), ""},
		{"empty", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := sniff(tc.data); got != tc.want {
				t.Errorf("sniff = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFormatMismatch extracts files whose extension lies, as government
// sites serve them: each is read by its content, with a warning.
func TestFormatMismatch(t *testing.T) {
	var l limits
	l.register(pflag.NewFlagSet("test", pflag.PanicOnError))
	p, err := newPipeline(l)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	dir := t.TempDir()
	for _, tc := range []struct {
		name, from string
		want       hesabat.Format
	}{
		{"docx-named.doc", "testdata/seed/seed.docx", hesabat.DOCX},
		{"html-named.doc", "testdata/formats/html/seed.html", hesabat.HTML},
		{"doc-named.docx", "testdata/formats/doc/seed.doc", hesabat.DOC},
		{"odt-named.docx", "testdata/formats/odt/seed.odt", hesabat.ODT},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in, err := read(write(t, dir, tc.name, readFile(t, filepath.Join(root, tc.from))), l.maxFile)
			if err != nil {
				t.Fatal(err)
			}
			r, err := p.report(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			if r.Format != tc.want || len(r.Measures) != 11 {
				t.Errorf("read as %s with %d measures, want %s with 11", r.Format, len(r.Measures), tc.want)
			}
			found := false
			for _, w := range r.Warnings {
				found = found || (w.Kind == hesabat.WarnFormat && strings.Contains(w.Message, string(tc.want)))
			}
			if !found {
				t.Errorf("no %s warning naming %s in %v", hesabat.WarnFormat, tc.want, r.Warnings)
			}
		})
	}
}

// TestIngestFormats ingests a folder with the seed in every format read:
// each is found, loaded and stored with its format.
func TestIngestFormats(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"testdata/seed/seed.txt", "testdata/seed/seed.docx", "testdata/formats/doc/seed.doc",
		"testdata/formats/odt/seed.odt", "testdata/formats/fodt/seed.fodt", "testdata/formats/html/seed-handwritten.html"} {
		write(t, dir, "in/"+filepath.Base(f), readFile(t, filepath.Join(root, f)))
	}
	write(t, dir, "in/sub/page.htm", readFile(t, filepath.Join(root, "testdata/formats/html/seed.html")))
	db := filepath.Join(dir, "h.db")
	code, stdout, stderr := cli(t, "", "ingest", "--db", db, filepath.Join(dir, "in"))
	if code != 0 || !strings.Contains(stdout, "loaded 7 reports (12 pages, 77 measures, ") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var formats string
	if err := conn.QueryRow(`SELECT group_concat(format, ' ') FROM (SELECT format FROM reports ORDER BY format)`).Scan(&formats); err != nil {
		t.Fatal(err)
	}
	if want := "doc docx html html odt odt txt"; formats != want {
		t.Errorf("formats stored: %q, want %q", formats, want)
	}
}

func TestHelpListsFormats(t *testing.T) {
	_, stdout, _ := cli(t, "", "help")
	for _, ext := range []string{".pdf", ".docx", ".doc", ".odt", ".fodt", ".html", ".htm", ".txt"} {
		if !strings.Contains(stdout, ext+" ") && !strings.Contains(stdout, ext+",") {
			t.Errorf("help does not list %s:\n%s", ext, stdout)
		}
	}
}

// TestMismatchInError checks that a misnamed file that fails says what it
// really is: a web page saved as .pdf (a "not found" page).
func TestMismatchInError(t *testing.T) {
	path := filepath.Join(root, "testdata/pdf/not-a-pdf.pdf")
	code, _, stderr := cli(t, "", "extract", path)
	if code != 1 || !strings.HasPrefix(stderr, path+": no measure table") || !strings.Contains(stderr, "its content is html") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
