package odt

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/internal/doccheck"
)

const (
	contentOpen = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"><office:body><office:text>`
	contentClose = `</office:text></office:body></office:document-content>`
)

// odtFiles returns the parts of a minimal ODT whose body is body.
func odtFiles(body string) map[string]string {
	return map[string]string{
		"mimetype":              textMime,
		"content.xml":           contentOpen + body + contentClose,
		"META-INF/manifest.xml": `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`,
	}
}

// withContent returns the parts of a minimal ODT whose content.xml is b.
func withContent(b []byte) map[string]string {
	files := odtFiles("")
	files["content.xml"] = string(b)
	return files
}

func zipOf(t testing.TB, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range []string{"mimetype", "content.xml", "styles.xml", "META-INF/manifest.xml", "word/document.xml"} {
		if s, ok := files[n]; ok {
			w, err := zw.Create(n)
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(s))
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func extract(data []byte, opts Options) (*hesabat.Document, error) {
	return New(opts).Extract(context.Background(), hesabat.Source{Path: "t.odt"}, bytes.NewReader(data), int64(len(data)))
}

func cell(s string) string { return `<table:table-cell><text:p>` + s + `</text:p></table:table-cell>` }

func TestRows(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []string
	}{
		{"paragraphs, spaces, tabs, line breaks",
			`<text:h>Başlıq</text:h><text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/>d</text:p><text:p/>`,
			[]string{"P p1 [1:Başlıq]", "P p1 [1:a b c d]"}},
		{"header rows, column span and covered cell",
			`<table:table><table:table-header-rows><table:table-row>` + cell("N") + cell("Ad") + `</table:table-row></table:table-header-rows>` +
				`<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Bölmə</text:p></table:table-cell><table:covered-table-cell/></table:table-row>` +
				`<table:table-row>` + cell("1.1.") + cell("Tədbir") + `</table:table-row></table:table>`,
			[]string{"T H p1 [1:N] [1:Ad]", "T p1 [2:Bölmə]", "T p1 [1:1.1.] [1:Tədbir]"}},
		{"row span: the covered cell below is an empty cell as wide",
			`<table:table><table:table-row><table:table-cell table:number-rows-spanned="2" table:number-columns-spanned="2"><text:p>A</text:p></table:table-cell><table:covered-table-cell/>` + cell("x") + `</table:table-row>` +
				`<table:table-row><table:covered-table-cell/><table:covered-table-cell/>` + cell("y") + `</table:table-row>` +
				`<table:table-row>` + cell("1") + cell("2") + cell("3") + `</table:table-row></table:table>`,
			[]string{"T p1 [2:A] [1:x]", "T p1 [2:] [1:y]", "T p1 [1:1] [1:2] [1:3]"}},
		{"soft page breaks page the rows",
			`<text:p>Başlıq</text:p><table:table><table:table-row>` + cell("1.1.") + `</table:table-row><text:soft-page-break/><table:table-row>` + cell("1.2.") + `</table:table-row></table:table><text:p>a<text:soft-page-break/>b</text:p><text:p>son</text:p>`,
			[]string{"P p1 [1:Başlıq]", "T p1 [1:1.1.]", "T p2 [1:1.2.]", "P p2 [1:ab]", "P p3 [1:son]"}},
		{"notes: the citation dropped, the body after its paragraph",
			`<table:table><table:table-row><table:table-cell><text:p>Mətn<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Qeyd mətni</text:p></text:note-body></text:note> davamı</text:p></table:table-cell></table:table-row></table:table>`,
			[]string{"T p1 [1:Mətn davamı|Qeyd mətni]"}},
		{"lists: items are paragraphs, stored numbers in front",
			`<text:list><text:list-item><text:number>1.</text:number><text:p>Birinci</text:p></text:list-item><text:list-item><text:p>İkinci</text:p><text:list><text:list-item><text:p>Alt</text:p></text:list-item></text:list></text:list-item></text:list>`,
			[]string{"P p1 [1:1. Birinci]", "P p1 [1:İkinci]", "P p1 [1:Alt]"}},
		{"tracked changes: deletions are not read, insertions are",
			`<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>silinmiş</text:p></text:deletion></text:changed-region></text:tracked-changes><text:p>qal<text:change text:change-id="c1"/>an <text:change-start text:change-id="c2"/>əlavə<text:change-end text:change-id="c2"/></text:p>`,
			[]string{"P p1 [1:qalan əlavə]"}},
		{"nested table: its text stays in the outer cell",
			`<table:table><table:table-row><table:table-cell><text:p>üst</text:p><table:table><table:table-row>` + cell("a") + cell("b") + `</table:table-row></table:table></table:table-cell>` + cell("c") + `</table:table-row></table:table>`,
			[]string{"T p1 [1:üst|a|b] [1:c]"}},
		{"frames and annotations are not text; fields are their result",
			`<text:p>A<draw:frame><draw:text-box><text:p>qutu</text:p></draw:text-box></draw:frame><office:annotation><text:p>şərh</text:p></office:annotation>B <text:page-number>3</text:page-number></text:p>`,
			[]string{"P p1 [1:AB 3]"}},
		{"repeated columns and rows; empty padding rows once",
			`<table:table><table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>`,
			[]string{"T p1 [1:x] [1:x]", "T p1 [1:x] [1:x]", "T p1 " + strings.Repeat(" [1:]", maxSpan)[1:]}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := extract(zipOf(t, odtFiles(tc.body)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := doccheck.Show(doc.Rows); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("rows\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestFurnitureAndFlat(t *testing.T) {
	files := odtFiles(`<text:p>Mə<office:annotation><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">A</dc:creator><text:p>Yoxla</text:p></office:annotation>tn</text:p>`)
	files["styles.xml"] = `<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:master-styles><style:master-page style:name="Standard"><style:header><text:p>Dövlət Statistika Komitəsi</text:p></style:header><style:footer><text:p><text:page-number>1</text:page-number></text:p></style:footer></style:master-page></office:master-styles></office:document-styles>`
	doc, err := extract(zipOf(t, files), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []hesabat.Furniture{{Kind: "comment", Text: "Yoxla"}, {Kind: "header", Text: "Dövlət Statistika Komitəsi"}, {Kind: "footer", Text: "1"}}
	if !reflect.DeepEqual(doc.Furniture, want) || !reflect.DeepEqual(doccheck.Show(doc.Rows), []string{"P p1 [1:Mətn]"}) {
		t.Errorf("furniture %v, rows %q", doc.Furniture, doccheck.Show(doc.Rows))
	}
	flat := strings.Replace(contentOpen, "office:document-content", `office:document office:mimetype="`+textMime+`"`, 1) +
		`<text:p>Düz</text:p>` + strings.Replace(contentClose, "office:document-content", "office:document", 1)
	doc, err = extract([]byte(flat), Options{})
	if err != nil || !reflect.DeepEqual(doccheck.Show(doc.Rows), []string{"P p1 [1:Düz]"}) {
		t.Errorf("flat ODT: %v, %v", err, doc)
	}
}

func TestBadInput(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/formats/odt/seed.odt")
	if err != nil {
		t.Fatal(err)
	}
	deep := strings.Repeat("<text:span>", 300) + strings.Repeat("</text:span>", 300)
	manifest := odtFiles("<text:p>x</text:p>")
	manifest["META-INF/manifest.xml"] = `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>`
	sheet := odtFiles("")
	sheet["mimetype"] = "application/vnd.oasis.opendocument.spreadsheet"
	bomb := odtFiles(strings.Repeat("<text:p>Tədbir icra edilmişdir.</text:p>", 200000)) // ~7 MB, compresses over 100 times
	for _, tc := range []struct {
		name string
		data []byte
		opts Options
		kind error
	}{
		{"empty", nil, Options{}, hesabat.ErrEmpty},
		{"truncated", seed[:len(seed)/2], Options{}, hesabat.ErrCorrupt},
		{"not an ODT at all", []byte("Bu mətndir, ODT deyil."), Options{}, hesabat.ErrUnsupported},
		{"a DOCX named .odt", zipOf(t, map[string]string{"word/document.xml": "<w:document/>"}), Options{}, hesabat.ErrUnsupported},
		{"a spreadsheet", zipOf(t, sheet), Options{}, hesabat.ErrUnsupported},
		{"encrypted", zipOf(t, manifest), Options{}, hesabat.ErrEncrypted},
		{"malformed XML", zipOf(t, odtFiles("<text:p>a</text:h>")), Options{}, hesabat.ErrCorrupt},
		{"nested too deep", zipOf(t, odtFiles("<text:p>"+deep+"</text:p>")), Options{}, hesabat.ErrCorrupt},
		{"a DTD", zipOf(t, map[string]string{"content.xml": `<!DOCTYPE x [<!ENTITY a "aaaa">]>` + contentOpen + contentClose}), Options{}, hesabat.ErrCorrupt},
		{"zip bomb (ratio)", zipOf(t, bomb), Options{}, hesabat.ErrTooLarge},
		{"over the size cap", zipOf(t, odtFiles(strings.Repeat("<text:p>x</text:p>", 1000))), Options{MaxUncompressed: 4096}, hesabat.ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := extract(tc.data, tc.opts)
			var he *hesabat.Error
			if !errors.Is(err, tc.kind) || !errors.As(err, &he) || he.Path != "t.odt" || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %v, want an *hesabat.Error for t.odt wrapping %v", err, tc.kind)
			}
		})
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data := zipOf(t, odtFiles("<text:p>a</text:p>"))
	_, err := New(Options{}).Extract(ctx, hesabat.Source{Path: "t.odt"}, bytes.NewReader(data), int64(len(data)))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// FuzzExtract feeds each input as a whole file and as the content.xml of
// an otherwise valid package. Extraction may fail but must not panic, and
// what it returns must be valid UTF-8 with sane pages and spans.
func FuzzExtract(f *testing.F) {
	seed, err := os.ReadFile("../../testdata/formats/odt/seed.odt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(contentOpen + `<table:table><table:table-row>` + cell("a") + `</table:table-row></table:table>` + contentClose))
	x := New(Options{MaxUncompressed: 16 << 20})
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, in := range [][]byte{data, zipOf(t, withContent(data))} {
			doc, err := x.Extract(context.Background(), hesabat.Source{Path: "f.odt"}, bytes.NewReader(in), int64(len(in)))
			if err == nil {
				err = doccheck.Sane(doc)
			}
			if err != nil && (errors.Is(err, hesabat.ErrInternal) || !errors.As(err, new(*hesabat.Error))) {
				t.Fatal(err)
			}
		}
	})
}

// BenchmarkSeed reads the seed as .odt and .fodt; the DOCX reader's time
// on the seed's DOCX (extract/doc's BenchmarkSeed) is the baseline.
func BenchmarkSeed(b *testing.B) {
	for _, name := range []string{"odt/seed.odt", "fodt/seed.fodt"} {
		data, err := os.ReadFile("../../testdata/formats/" + name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := extract(data, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestListNumbers numbers lists as their styles say, as Word's numbered
// measure columns come out of LibreOffice: each numbered paragraph its own
// list continuing the one before, deeper levels as nested lists.
func TestListNumbers(t *testing.T) {
	styles := `<office:automatic-styles>
<text:list-style style:name="L1">
 <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
 <text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1" text:display-levels="2"/>
 <text:list-level-style-number text:level="3" style:num-prefix="(" style:num-suffix=")" style:num-format="a"/>
</text:list-style>
<text:list-style style:name="L2">
 <text:list-level-style-number text:level="1" loext:num-list-format="%1%)" style:num-suffix=")" style:num-format="I" text:start-value="3" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"/>
</text:list-style>
<text:list-style style:name="B"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
</office:automatic-styles>`
	item := func(attrs, body string) string {
		return `<text:list ` + attrs + `><text:list-item>` + body + `</text:list-item></text:list>`
	}
	nested := func(body string) string {
		return `<text:list><text:list-item>` + body + `</text:list-item></text:list>`
	}
	body := item(`xml:id="a" text:style-name="L1"`, `<text:p>Bölmə</text:p>`) +
		item(`text:continue-numbering="true" text:style-name="L1"`, nested(`<text:p>bir</text:p>`)) +
		item(`text:continue-numbering="true" text:style-name="L1"`, nested(`<text:p>iki</text:p>`+nested(`<text:p>alt</text:p>`))) +
		item(`text:style-name="L2"`, `<text:p>Roma</text:p>`) +
		item(`text:continue-list="a" text:style-name="L1"`, `<text:p/>`) +
		item(`text:style-name="L1"`, `<text:p>yenidən</text:p>`) +
		`<text:list text:style-name="L1"><text:list-item text:start-value="7"><text:p>yeddi</text:p></text:list-item></text:list>` +
		item(`text:style-name="B"`, `<text:p>nöqtə</text:p>`)
	files := odtFiles("")
	files["content.xml"] = strings.Replace(contentOpen, "<office:body>", styles+"<office:body>", 1) + body + contentClose
	doc, err := extract(zipOf(t, files), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"P p1 [1:1. Bölmə]", "P p1 [1:1.1. bir]", "P p1 [1:1.2. iki]", "P p1 [1:(a) alt]", "P p1 [1:III) Roma]",
		"P p1 [1:2.]", "P p1 [1:1. yenidən]", "P p1 [1:7. yeddi]", "P p1 [1:nöqtə]"}
	if got := doccheck.Show(doc.Rows); !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
}

// TestHandWritten reads the flat ODT files written by hand in
// testdata/formats: the expected rows and furniture are read off them.
// extract/doc's tests read the same files rendered as .doc.
func TestHandWritten(t *testing.T) {
	for _, tc := range []struct {
		file      string
		want      []string
		furniture []hesabat.Furniture
	}{
		{"features.fodt", []string{
			"P p1 [1:Sınaq hesabatı]",
			"T H p1 [1:Sıra N-si] [1:Tədbirin adı] [1:Görülmüş işlər]",
			"T p1 [1:1.1.] [1:Birinci tədbir] [1:Səhifə 1 qeydə alınıb.|Haşiyə mətni]",
			"T p1 [1:] [1:] [1:Qalan hissə əlavə]",
			"T p1 [1:1.2.] [1:İkinci tədbir] [1:Xarici|daxili a|daxili b|son]",
			"P p1 [1:Qeyd: sınaq.]",
		}, []hesabat.Furniture{{Kind: "header", Text: "Dövlət Statistika Komitəsi"}}},
		{"numbered.fodt", []string{
			"T p1 [1:1.] [1:Şəffaflıq]",
			"T p1 [1:1.1.] [1:Hesabatlar dərc edilmişdir.]",
			"T p1 [1:1.2.] [1:Sorğular cavablandırılmışdır.]",
			"T p1 [1:2.] [1:Hesabatlılıq]",
			"T p1 [1:2.1.] [1:Təlimlər keçirilmişdir.]",
		}, nil},
	} {
		t.Run(tc.file, func(t *testing.T) {
			b, err := os.ReadFile("../../testdata/formats/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := extract(b, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := doccheck.Show(doc.Rows); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("rows\n got %q\nwant %q", got, tc.want)
			}
			if !reflect.DeepEqual(doc.Furniture, tc.furniture) {
				t.Errorf("furniture %v, want %v", doc.Furniture, tc.furniture)
			}
		})
	}
}
