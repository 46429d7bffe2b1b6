package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
)

// Parts of the minimal packages the tests build.
const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	rootRels = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	docRels = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.org/" TargetMode="External"/></Relationships>`
	wOpen = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`
)

// docxFiles returns the parts of a minimal DOCX: body is the content of
// w:body (prefix w bound to the transitional namespace); numbering and
// styles, when not empty, are the content of w:numbering and w:styles.
func docxFiles(body, numbering, styles string) map[string]string {
	files := map[string]string{
		"[Content_Types].xml":          contentTypes,
		"_rels/.rels":                  rootRels,
		"word/_rels/document.xml.rels": docRels,
		"word/document.xml":            `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + wOpen + `<w:body>` + body + `</w:body></w:document>`,
	}
	const ns = ` xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	if numbering != "" {
		files["word/numbering.xml"] = `<w:numbering` + ns + `>` + numbering + `</w:numbering>`
	}
	if styles != "" {
		files["word/styles.xml"] = `<w:styles` + ns + `>` + styles + `</w:styles>`
	}
	return files
}

// zipFiles writes files into a zip archive, in name order.
func zipFiles(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// buildDocx assembles a DOCX from a body and optional numbering and styles
// (see docxFiles).
func buildDocx(t testing.TB, body, numbering, styles string) []byte {
	return zipFiles(t, docxFiles(body, numbering, styles))
}

// extractBytes runs a default Extractor over data named "t.docx".
func extractBytes(data []byte) (*hesabat.Document, error) {
	return New(Options{}).Extract(context.Background(), hesabat.Source{Path: "t.docx", Format: hesabat.DOCX}, bytes.NewReader(data), int64(len(data)))
}

// dump renders rows one per line as "PAGE KIND [cell] [cell]…": KIND is P
// for a paragraph, T for a table row, TH for a header row; a cell's
// paragraphs are joined by " ¶ ", and a span over one column follows as *N.
func dump(doc *hesabat.Document) []string {
	var out []string
	for _, r := range doc.Rows {
		var b strings.Builder
		kind := "P"
		if r.InTable {
			kind = "T"
			if r.Header {
				kind = "TH"
			}
		}
		fmt.Fprintf(&b, "%d %s", r.Page, kind)
		for _, c := range r.Cells {
			fmt.Fprintf(&b, " [%s]", strings.Join(c.Paras, " ¶ "))
			if c.Span != 1 {
				fmt.Fprintf(&b, "*%d", c.Span)
			}
		}
		out = append(out, b.String())
	}
	return out
}

// Shorthands for building bodies in tests.

// p is a paragraph of one run per text.
func p(texts ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	for _, t := range texts {
		b.WriteString(`<w:r><w:t xml:space="preserve">` + t + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
	return b.String()
}

// tc is a cell: tcPr content (may be "") and paragraphs.
func tc(pr string, paras ...string) string {
	s := "<w:tc>"
	if pr != "" {
		s += "<w:tcPr>" + pr + "</w:tcPr>"
	}
	if len(paras) == 0 {
		paras = []string{"<w:p/>"}
	}
	return s + strings.Join(paras, "") + "</w:tc>"
}

// tcs is a row's cells, one plain paragraph each.
func tcs(texts ...string) string {
	var b strings.Builder
	for _, t := range texts {
		if t == "" {
			b.WriteString(tc(""))
		} else {
			b.WriteString(tc("", p(t)))
		}
	}
	return b.String()
}

// tr is a row: trPr content (may be "") and cells.
func tr(pr string, cells ...string) string {
	s := "<w:tr>"
	if pr != "" {
		s += "<w:trPr>" + pr + "</w:trPr>"
	}
	return s + strings.Join(cells, "") + "</w:tr>"
}

// tbl is a table of rows with n grid columns.
func tbl(n int, rows ...string) string {
	return "<w:tbl><w:tblPr/><w:tblGrid>" + strings.Repeat(`<w:gridCol w:w="1000"/>`, n) + "</w:tblGrid>" + strings.Join(rows, "") + "</w:tbl>"
}
