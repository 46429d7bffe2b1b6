package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hesabat/hesabat"
)

// FuzzExtract feeds each input to the extractor three times: as a whole
// file, as the word/document.xml of an otherwise valid package, and as its
// footnotes and header parts, so that the XML reader is fuzzed past the zip
// checksums. Extraction may fail but must not
// panic (a recovered panic is an hesabat.ErrInternal), and what it returns must be valid
// UTF-8 with sane pages and spans.
func FuzzExtract(f *testing.F) {
	seed, err := os.ReadFile("../../testdata/seed/seed.docx")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add(oleFile([]string{"EncryptionInfo"}))
	for _, c := range rowCases {
		f.Add(buildDocx(f, c.body, "", ""))
		f.Add([]byte(wOpen + "<w:body>" + c.body + "</w:body></w:document>"))
	}
	for _, c := range numberingCases {
		f.Add(buildDocx(f, c.body, c.numbering, c.styles))
	}
	f.Add([]byte(`<w:footnotes` + nsDecl + `>` + note("footnote", "1", "qeyd", "ikinci") + `</w:footnotes>`))
	f.Add([]byte(`<w:hdr` + nsDecl + `>` + p("başlıq") + tbl(2, tr("", tcs("a", "b"))) + `</w:hdr>`))
	x := New(Options{MaxUncompressed: 16 << 20})
	f.Fuzz(func(t *testing.T, data []byte) {
		check(t, x, data)
		files := docxFiles("", "", "")
		files["word/document.xml"] = string(data)
		check(t, x, storedZip(t, files))
		body := tbl(1, tr("", tc("", `<w:p><w:r><w:t>a</w:t></w:r>`+fnRef("1")+`</w:p>`))) +
			`<w:sectPr><w:headerReference w:type="default" r:id="rH"/></w:sectPr>`
		check(t, x, storedZip(t, furnishedFiles(body, []string{"rH header header1.xml", "rFn footnotes footnotes.xml"},
			map[string]string{"word/footnotes.xml": string(data), "word/header1.xml": string(data)})))
	})
}

func check(t *testing.T, x *Extractor, data []byte) {
	doc, err := x.Extract(context.Background(), hesabat.Source{Path: "f.docx"}, bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if errors.Is(err, hesabat.ErrInternal) {
			t.Fatal(err)
		}
		return
	}
	for _, fu := range doc.Furniture {
		if fu.Page < 0 || fu.Page > doc.Pages || fu.Kind == "" || !utf8.ValidString(fu.Text) || fu.Text == "" || strings.TrimSpace(fu.Text) != fu.Text {
			t.Fatalf("bad furniture %+v of %d pages", fu, doc.Pages)
		}
	}
	for _, r := range doc.Rows {
		if r.Page < 1 || r.Page > doc.Pages {
			t.Fatalf("row on page %d of %d", r.Page, doc.Pages)
		}
		for _, c := range r.Cells {
			if c.Span < 1 {
				t.Fatalf("span %d", c.Span)
			}
			for _, p := range c.Paras {
				if !utf8.ValidString(p) || p == "" || strings.TrimSpace(p) != p {
					t.Fatalf("bad paragraph %q", p)
				}
			}
		}
	}
}

// storedZip writes files into a zip without compression.
func storedZip(t *testing.T, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for n, s := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(s))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
