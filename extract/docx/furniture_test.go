package docx

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
)

const (
	nsDecl   = ` xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

// furnishedFiles returns the parts of a DOCX with body, running headers
// and footers, notes and docProps/app.xml: rels are extra relationships of
// the main part as "Id Type Target" (type without its prefix), parts the
// extra parts by name.
func furnishedFiles(body string, rels []string, parts map[string]string) map[string]string {
	files := docxFiles(body, "", "")
	var b strings.Builder
	b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, r := range rels {
		f := strings.Fields(r)
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s%s" Target="%s"/>`, f[0], relTypes, f[1], f[2])
	}
	b.WriteString(`</Relationships>`)
	files["word/_rels/document.xml.rels"] = b.String()
	for n, c := range parts {
		files[n] = c
	}
	return files
}

// note is a w:footnote or w:endnote (elem) with id and paragraphs, its
// own reference mark first, as Word writes them.
func note(elem, id string, paras ...string) string {
	ref := "footnoteRef"
	if elem == "endnote" {
		ref = "endnoteRef"
	}
	first := `<w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:` + ref + `/></w:r><w:r><w:t xml:space="preserve"> ` + paras[0] + `</w:t></w:r></w:p>`
	s := `<w:` + elem + ` w:id="` + id + `">` + first
	for _, p := range paras[1:] {
		s += `<w:p><w:r><w:t>` + p + `</w:t></w:r></w:p>`
	}
	return s + `</w:` + elem + `>`
}

func fnRef(id string) string {
	return `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="` + id + `"/></w:r>`
}

func enRef(id string) string {
	return `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:endnoteReference w:id="` + id + `"/></w:r>`
}

// furnitureDump renders furniture one per line as "PAGE KIND [text]".
func furnitureDump(doc *hesabat.Document) []string {
	var out []string
	for _, f := range doc.Furniture {
		out = append(out, fmt.Sprintf("%d %s [%s]", f.Page, f.Kind, f.Text))
	}
	return out
}

// TestFurniture reads a report with running headers and footers in two
// sections, footnotes and endnotes cited from a title and from table cells,
// and text boxes as Word writes them (a DrawingML box with its VML
// fallback) and as older files do (VML only).
func TestFurniture(t *testing.T) {
	sect := func(typ, hdr, ftr string) string {
		return `<w:sectPr><w:headerReference w:type="default" r:id="` + hdr + `"/><w:footerReference w:type="default" r:id="` + ftr + `"/>` + typ + `</w:sectPr>`
	}
	box := func(text string) string {
		return `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>` +
			p(text) + tbl(2, tr("", tcs("qutu", "cədvəli"))) +
			`</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>` +
			p(text) + tbl(2, tr("", tcs("qutu", "cədvəli"))) +
			`</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
	}
	body := `<w:p><w:r><w:t>Ədliyyə Nazirliyinin 2021-ci il üzrə hesabatı</w:t></w:r>` + fnRef("7") + `</w:p>` +
		tbl(4,
			tr(`<w:tblHeader/>`, tcs("№", "Tədbirin adı", "İcra müddəti", "Görülmüş işlər")),
			tr("", tcs("1.1.", "Açıq məlumatlar", "2021"),
				tc("", `<w:p><w:r><w:t>50 data dəsti dərc edilmişdir.</w:t></w:r>`+fnRef("3")+`</w:p>`, p("Portal yenilənib."))),
			tr("", tcs("1.2.", "Müzakirələr"),
				tc("", `<w:p><w:r><w:t>mütəmadi</w:t></w:r>`+enRef("2")+`</w:p>`),
				tc("", `<w:p><w:r><w:t xml:space="preserve">12 müzakirə</w:t></w:r>`+fnRef("4")+`<w:r><w:rPr><w:vanish/></w:rPr><w:footnoteReference w:id="5"/></w:r><w:r><w:t xml:space="preserve"> keçirilmişdir.</w:t></w:r></w:p>`))) +
		`<w:p><w:r><w:t>Yan qeyd:</w:t></w:r>` + box("Qutudakı mətn") + `<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>` + p("Köhnə qutu") + `</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>` +
		`<w:p><w:pPr>` + sect(`<w:type w:val="nextPage"/>`, "rH1", "rF1") + `</w:pPr><w:r><w:t>Birinci bölmənin sonu</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>Nazir</w:t></w:r>` + enRef("3") + `</w:p>` +
		sect("", "rH1", "rF2")
	notes := `<w:footnotes` + nsDecl + `><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
		note("footnote", "7", "Hesabat elektron qaydada təqdim edilmişdir.") +
		note("footnote", "3", "Bax: opendata.az", "İkinci abzas.") +
		note("footnote", "4", "Onlayn formatda.") +
		note("footnote", "5", "Gizli istinad.") + `</w:footnotes>`
	endnotes := `<w:endnotes` + nsDecl + `><w:endnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>` +
		note("endnote", "2", "Hər rüb.") + note("endnote", "3", "İmza elektrondur.") + `</w:endnotes>`
	hdr := `<w:hdr` + nsDecl + `><w:p><w:r><w:t>Ədliyyə Nazirliyi</w:t></w:r></w:p>` + tbl(2, tr("", tcs("Hesabat", "2021"))) + `</w:hdr>`
	ftr := func(s string) string {
		return `<w:ftr` + nsDecl + `><w:p><w:r><w:t xml:space="preserve">` + s + ` </w:t></w:r>` + fld(" PAGE ", "1") + `</w:p></w:ftr>`
	}
	files := furnishedFiles(body,
		[]string{"rH1 header header1.xml", "rF1 footer footer1.xml", "rF2 footer footer2.xml", "rH9 header header9.xml",
			"rFn footnotes footnotes.xml", "rEn endnotes endnotes.xml", "rX hyperlink footer1.xml"},
		map[string]string{
			"word/header1.xml": hdr, "word/footer1.xml": ftr("Səhifə"), "word/footer2.xml": ftr("Son səhifə"),
			"word/header9.xml":   `<w:hdr` + nsDecl + `>` + p("istifadə olunmur") + `</w:hdr>`,
			"word/footnotes.xml": notes, "word/endnotes.xml": endnotes,
		})
	doc, err := extractBytes(zipFiles(t, files))
	if err != nil {
		t.Fatal(err)
	}
	wantRows := []string{
		"1 P [Ədliyyə Nazirliyinin 2021-ci il üzrə hesabatı]",
		"1 TH [№] [Tədbirin adı] [İcra müddəti] [Görülmüş işlər]",
		"1 T [1.1.] [Açıq məlumatlar] [2021] [50 data dəsti dərc edilmişdir. [2] Bax: opendata.az İkinci abzas. ¶ Portal yenilənib.]",
		"1 T [1.2.] [Müzakirələr] [mütəmadi [i] Hər rüb.] [12 müzakirə keçirilmişdir. [3] Onlayn formatda.]",
		"1 P [Yan qeyd:]",
		"1 P [Qutudakı mətn]",
		"1 P [qutu]",
		"1 P [cədvəli]",
		"1 P [Köhnə qutu]",
		"1 P [Birinci bölmənin sonu]",
		"2 P [Nazir]",
	}
	if got := dump(doc); !slices.Equal(got, wantRows) {
		t.Errorf("rows:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(wantRows, "\n     "))
	}
	wantFurniture := []string{
		"1 footnote [[1] Hesabat elektron qaydada təqdim edilmişdir.]",
		"2 endnote [[ii] İmza elektrondur.]",
		"0 header [Ədliyyə Nazirliyi]",
		"0 header [Hesabat 2021]",
		"0 footer [Səhifə 1]",
		"0 footer [Son səhifə 1]",
	}
	if got := furnitureDump(doc); !slices.Equal(got, wantFurniture) {
		t.Errorf("furniture:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(wantFurniture, "\n     "))
	}
	if doc.Pages != 2 || len(doc.Warnings) != 0 {
		t.Errorf("Pages = %d, Warnings = %q; want 2 and none", doc.Pages, doc.Warnings)
	}
}

// TestDamagedFurniture: a malformed notes or header part is a warning
// naming it, the body is read whole, and what the part held before the
// fault is kept; a header over the size caps fails the file, as the main
// part would.
func TestDamagedFurniture(t *testing.T) {
	body := tbl(2, tr("", tc("", `<w:p><w:r><w:t>a</w:t></w:r>`+fnRef("1")+`</w:p>`), tcs("b"))) +
		`<w:sectPr><w:headerReference w:type="default" r:id="rH"/></w:sectPr>`
	rels := []string{"rH header header1.xml", "rFn footnotes footnotes.xml"}
	files := furnishedFiles(body, rels, map[string]string{
		"word/footnotes.xml": `<w:footnotes` + nsDecl + `>` + note("footnote", "1", "x") + `<w:footnote>`,
		"word/header1.xml":   `<w:hdr` + nsDecl + `><w:p><w:r><w:t>başlıq</w:t></w:r></w:p></w:hdr>`,
	})
	doc, err := extractBytes(zipFiles(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := dump(doc), []string{"1 T [a [1] x] [b]"}; !slices.Equal(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
	if got, want := furnitureDump(doc), []string{"0 header [başlıq]"}; !slices.Equal(got, want) {
		t.Errorf("furniture %q, want %q", got, want)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0].Message, "word/footnotes.xml: malformed XML") || doc.Warnings[0].Kind != hesabat.WarnPartial {
		t.Errorf("warnings %q, want one naming word/footnotes.xml", doc.Warnings)
	}

	files["word/header1.xml"] = `<w:document` + nsDecl + `/>`
	delete(files, "word/footnotes.xml")
	if doc, err = extractBytes(zipFiles(t, files)); err != nil {
		t.Fatal(err)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0].Message, "word/header1.xml") || len(doc.Furniture) != 0 {
		t.Errorf("warnings %q, furniture %q; want one warning naming word/header1.xml", doc.Warnings, furnitureDump(doc))
	}

	files["word/header1.xml"] = `<w:hdr` + nsDecl + `>` + strings.Repeat(p("x"), 200000) + `</w:hdr>`
	_, err = extractBytes(zipFiles(t, files))
	if !errors.Is(err, hesabat.ErrTooLarge) || !strings.Contains(err.Error(), "word/header1.xml") {
		t.Errorf("error %v, want ErrTooLarge naming word/header1.xml", err)
	}
}

// TestSavedPages: docProps/app.xml's page count is the document's when it
// says more than the breaks do; junk there is ignored.
func TestSavedPages(t *testing.T) {
	const rootRelsProps = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`
	app := func(pages string) string {
		return `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Template>Normal.dotm</Template><Pages>` + pages + `</Pages><Words>10</Words></Properties>`
	}
	twoPages := `<w:p><w:r><w:t>a</w:t></w:r>` + pageBr + `</w:p>` + p("b")
	for _, c := range []struct {
		name, body, app string
		want            int
	}{
		{"saved count above the breaks", p("a"), app("7"), 7},
		{"saved count below the breaks (a template's 1)", twoPages, app("1"), 2},
		{"junk", p("a"), app("yeddi"), 1},
		{"zero", p("a"), app(" 0 "), 1},
		{"absurd", p("a"), app("99999999"), 1},
		{"malformed", p("a"), `<Properties><Pages>7</Pages>`, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := docxFiles(c.body, "", "")
			files["_rels/.rels"] = rootRelsProps
			files["docProps/app.xml"] = c.app
			doc, err := extractBytes(zipFiles(t, files))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Pages != c.want || len(doc.Warnings) != 0 {
				t.Errorf("Pages = %d, warnings %q; want %d and none", doc.Pages, doc.Warnings, c.want)
			}
		})
	}
}
