package pdf

import (
	"bytes"
	"strings"
	"testing"
)

// TestEngines checks the per-page fallback: a page the Go reader declines
// (here its font names an encoding the Go reader does not know, its content
// is lost, it paints a form it does not hold, its content has a token
// PDFium reads apart from the specification, or its content stream is
// framed so that PDFium and pdfcpu may read different data) is read by
// PDFium with the default engine and skipped with a warning naming it with
// EngineGo; PDFium starts only when a page needs it; PagesRead reports
// which reader read each page.
func TestEngines(t *testing.T) {
	plain := minimalPDF(842, 595, 0, landscapeTable)
	odd := bytes.Replace(plain, []byte("/WinAnsiEncoding"), []byte("/UnknownEncoding"), 1)
	if len(odd) != len(plain) || bytes.Equal(odd, plain) {
		t.Fatal("the variant must keep the cross-reference offsets")
	}
	// A page whose content is lost in a damaged file (its /Contents names
	// no object) and one that paints a form its resources do not hold: the
	// Go reader cannot tell what they held, so it declines them.
	lost := bytes.Replace(plain, []byte("/Contents 4 0 R"), []byte("/Contents 9 0 R"), 1)
	if bytes.Equal(lost, plain) {
		t.Fatal("no /Contents to replace")
	}
	form := minimalPDF(842, 595, 0, landscapeTable+"\nq /X0 Do Q")
	// Tokens PDFium splits other than as the specification does: a
	// number run into an operator ("0Tc", one unknown operator to PDFium)
	// and a byte 0x80 between operators (white space to PDFium). PDFium
	// reads the table as without them; the Go reader declines the page.
	runIn := minimalPDF(842, 595, 0, strings.Replace(landscapeTable, "Td (edir.)", "Td 0Tc (edir.)", 1))
	oddByte := minimalPDF(842, 595, 0, strings.Replace(landscapeTable, "Tj ET", "Tj\x80ET", 1))
	// A content stream whose keyword stream is not followed by an end of
	// line (here a tab before it): PDFium starts its data on the next line,
	// pdfcpu right after the keyword. The offsets stay.
	unframed := bytes.Replace(plain, []byte(" >>\nstream\n"), []byte(">>\nstream\t\n"), 1)
	if len(unframed) != len(plain) || bytes.Equal(unframed, plain) {
		t.Fatal("no stream keyword to replace")
	}
	want, err := extractBytes(t, engineExtractor(t, EnginePDFium), "plain.pdf", plain)
	if err != nil {
		t.Fatal(err)
	}
	type count struct{ goPages, pdfiumPages int }
	tests := []struct {
		name, engine string
		data         []byte
		rows         bool  // the rows are PDFium's
		read         count // pages per reader
		started      bool  // PDFium started
		warning      string
	}{
		{"Go reads all", EngineAuto, plain, true, count{1, 0}, false, ""},
		{"declined page to PDFium", EngineAuto, odd, true, count{0, 1}, true, ""},
		{"declined page skipped", EngineGo, odd, false, count{0, 0}, false, `page skipped: the Go PDF reader declined: encoding "UnknownEncoding"`},
		{"PDFium alone", EnginePDFium, plain, true, count{0, 1}, true, ""},
		{"lost content skipped", EngineGo, lost, false, count{0, 0}, false, "page skipped: the Go PDF reader declined: content stream (9 0 R) not found"},
		{"missing form to PDFium", EngineAuto, form, true, count{0, 1}, true, ""},
		{"missing form skipped", EngineGo, form, false, count{0, 0}, false, "page skipped: the Go PDF reader declined: XObject X0 not in the resources"},
		{"run-in token to PDFium", EngineAuto, runIn, true, count{0, 1}, true, ""},
		{"run-in token skipped", EngineGo, runIn, false, count{0, 0}, false, "page skipped: the Go PDF reader declined: content stream syntax at byte"},
		{"odd byte to PDFium", EngineAuto, oddByte, true, count{0, 1}, true, ""},
		{"odd byte skipped", EngineGo, oddByte, false, count{0, 0}, false, "page skipped: the Go PDF reader declined: content stream syntax at byte"},
		{"unframed stream to PDFium", EngineAuto, unframed, true, count{0, 1}, true, ""},
		{"unframed stream skipped", EngineGo, unframed, false, count{0, 0}, false, "page skipped: the Go PDF reader declined: no end of line after the stream keyword"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got count
			e, err := New(Options{Engine: tt.engine, PagesRead: func(path string, g, p int) { got = count{g, p} }})
			if err != nil {
				t.Fatal(err)
			}
			defer e.Close()
			doc, err := extractBytes(t, e, "x.pdf", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			gotRows, _ := rows(doc)
			wantRows, _ := rows(want)
			if tt.rows != jsonEqual(gotRows, wantRows) {
				t.Errorf("rows:\n%s\nPDFium's:\n%s", dumpRows(gotRows), dumpRows(wantRows))
			}
			if got != tt.read {
				t.Errorf("pages read %+v, want %+v", got, tt.read)
			}
			if g, p := e.PagesRead(); g != int64(tt.read.goPages) || p != int64(tt.read.pdfiumPages) {
				t.Errorf("PagesRead %d, %d", g, p)
			}
			if started := e.pool != nil; started != tt.started {
				t.Errorf("PDFium started: %v", started)
			}
			var ws []string
			for _, w := range doc.Warnings {
				ws = append(ws, w.Message)
			}
			if w := strings.Join(ws, "\n"); !strings.Contains(w, tt.warning) || tt.warning == "" && w != "" {
				t.Errorf("warnings %q, want %q", doc.Warnings, tt.warning)
			}
		})
	}
	if _, err := New(Options{Engine: "mupdf"}); err == nil {
		t.Error("unknown engine accepted")
	}
}
