package docx

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"
)

const (
	pageBr   = `<w:r><w:br w:type="page"/></w:r>`
	rendered = `<w:r><w:lastRenderedPageBreak/></w:r>`
)

func TestPages(t *testing.T) {
	cases := []struct {
		name  string
		body  string
		want  []string
		pages int
	}{
		{"no breaks: all on page 1", p("a") + tbl(1, tr("", tcs("b"))), []string{"1 P [a]", "1 T [b]"}, 1},
		{"explicit page break; a paragraph starts where its text does",
			`<w:p><w:r><w:t>a</w:t></w:r>` + pageBr + `</w:p>` + p("b") + `<w:p>` + pageBr + `<w:r><w:t>c</w:t></w:r></w:p>`,
			[]string{"1 P [a]", "2 P [b]", "3 P [c]"}, 3},
		{"page break before: not at the top of a page",
			`<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>a</w:t></w:r></w:p>` +
				`<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>b</w:t></w:r></w:p>` +
				`<w:p><w:pPr><w:pageBreakBefore w:val="0"/></w:pPr><w:r><w:t>c</w:t></w:r></w:p>` +
				`<w:p>` + pageBr + `</w:p><w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>d</w:t></w:r></w:p>`,
			[]string{"1 P [a]", "2 P [b]", "2 P [c]", "3 P [d]"}, 3},
		{"section breaks: next page yes, continuous no",
			`<w:p><w:pPr><w:sectPr><w:type w:val="continuous"/></w:sectPr></w:pPr><w:r><w:t>a</w:t></w:r></w:p>` +
				`<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906"/></w:sectPr></w:pPr><w:r><w:t>b</w:t></w:r></w:p>` +
				`<w:p><w:pPr><w:sectPr><w:type w:val="oddPage"/></w:sectPr></w:pPr><w:r><w:t>c</w:t></w:r></w:p>` + p("d"),
			[]string{"1 P [a]", "1 P [b]", "2 P [c]", "3 P [d]"}, 3},
		{"rendered breaks: a row starts on the page of its first text",
			p("a") + tbl(2,
				tr("", tcs("1.1.", "x")),
				tr("", tc("", p("1.2.")), tc("", `<w:p><w:r><w:t>y</w:t></w:r>`+rendered+`<w:r><w:t>z</w:t></w:r></w:p>`)),
				tr("", tc(""), tc("", `<w:p>`+rendered+`<w:r><w:t>davamı</w:t></w:r></w:p>`))),
			[]string{"1 P [a]", "1 T [1.1.] [x]", "1 T [1.2.] [yz]", "3 T [] [davamı]"}, 3},
		{"a row over a page break: one break for the row, not one per cell",
			tbl(3,
				tr("", tcs("1.1.", "x", "y")),
				tr("",
					tc("", p("1.2.")),
					tc("", `<w:p><w:r><w:t>a</w:t></w:r>`+rendered+`<w:r><w:t>b</w:t></w:r></w:p>`),
					tc("", p("c"), `<w:p>`+rendered+`<w:r><w:t>d</w:t></w:r></w:p>`)),
				tr("", tcs("1.3.", "z", "w")),
				tr("", tc("", `<w:p>`+rendered+`<w:r><w:t>1.4.</w:t></w:r></w:p>`), tc("", `<w:p>`+rendered+`<w:r><w:t>e</w:t></w:r></w:p>`), tc(""))),
			[]string{"1 T [1.1.] [x] [y]", "1 T [1.2.] [ab] [c ¶ d]", "2 T [1.3.] [z] [w]", "3 T [1.4.] [e] []"}, 3},
		{"rendered breaks win over explicit ones, which Word also renders",
			`<w:p><w:r><w:t>a</w:t></w:r>` + pageBr + `</w:p><w:p>` + rendered + `<w:r><w:t>b</w:t></w:r></w:p>`,
			[]string{"1 P [a]", "2 P [b]"}, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := extractBytes(buildDocx(t, tc.body, "", ""))
			if err != nil {
				t.Fatal(err)
			}
			if got := dump(doc); !slices.Equal(got, tc.want) {
				t.Errorf("rows:\n got %q\nwant %q", got, tc.want)
			}
			if doc.Pages != tc.pages {
				t.Errorf("Pages = %d, want %d", doc.Pages, tc.pages)
			}
		})
	}
}

// documentXML returns the main part of a DOCX.
func documentXML(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestOffsets checks that each row's Offset is where its w:p or w:tr starts
// in word/document.xml, and that offsets grow.
func TestOffsets(t *testing.T) {
	data := buildDocx(t, `<w:sdt><w:sdtContent>`+fiveColumn+`</w:sdtContent></w:sdt>`, "", "")
	doc, err := extractBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	xml := documentXML(t, data)
	last := int64(-1)
	for i, r := range doc.Rows {
		want := "<w:p>"
		if r.InTable {
			want = "<w:tr>"
		}
		if r.Offset <= last || r.Offset >= int64(len(xml)) || !strings.HasPrefix(xml[r.Offset:], want) {
			t.Errorf("row %d (%q): offset %d does not start %s after %d", i, dump(doc)[i], r.Offset, want, last)
		}
		last = r.Offset
	}
}

// TestStrictNamespace reads a Strict OOXML document whose prefixes are not
// "w": elements are matched by namespace, not prefix.
func TestStrictNamespace(t *testing.T) {
	const strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	body := strings.NewReplacer("<w:", "<x:", "</w:", "</x:", " w:", " x:").Replace(
		np("", "1", 0, "") + tbl(2, tr(`<w:tblHeader/>`, tcs("№", "Tədbirin adı")), tr("", tc("", np("", "1", 1, "")), tc(`<w:gridSpan w:val="1"/>`, p("a")))))
	files := docxFiles("", "", "")
	files["_rels/.rels"] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/Word/Main%20Doc.xml"/></Relationships>`
	files["[Content_Types].xml"] = strings.Replace(contentTypes, "/word/document.xml", "/word/main doc.xml", 1)
	delete(files, "word/document.xml")
	delete(files, "word/_rels/document.xml.rels")
	files["word/_rels/Main Doc.xml.rels"] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/numbering" Target="../word/list.xml"/></Relationships>`
	files["word/Main Doc.xml"] = `<x:document xmlns:x="` + strict + `"><x:body>` + body + `</x:body></x:document>`
	files["word/list.xml"] = `<n:numbering xmlns:n="` + strict + `">` + strings.NewReplacer("<w:", "<n:", "</w:", "</n:", " w:", " n:").Replace(outline) + `</n:numbering>`
	doc, err := extractBytes(zipFiles(t, files))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"1 P [1.]", "1 TH [№] [Tədbirin adı]", "1 T [1.1.] [a]"}
	if got := dump(doc); !slices.Equal(got, want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
}
