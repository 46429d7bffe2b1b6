package layout

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/pdf"
)

// variantDoc reads a rendered variant of issue #11
// (testdata/variants/out/PRESENTATION/REPORT.pdf) as the CLI does: the Go
// PDF reader, PDFium for the pages it declines (Chromium's Type3 fonts).
func variantDoc(t *testing.T, name string) *hesabat.Document {
	t.Helper()
	e, err := pdf.New(pdf.Options{Engine: pdf.EngineAuto})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	path := "../../testdata/variants/out/" + name + ".pdf"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := e.Extract(context.Background(), hesabat.Source{Path: path}, strings.NewReader(string(data)), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// variantRows returns the rows of a rendered variant (see variantDoc).
func variantRows(t *testing.T, name string) []hesabat.Row {
	t.Helper()
	rows, _, _ := Rows(variantDoc(t, name).Layout)
	return rows
}

// goldMeasures returns the measure numbers of a gold report, in order,
// and their titles by number.
func goldMeasures(t *testing.T, path string) ([]string, map[string]string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Measures []struct{ Number, Title string }
	}
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	var out []string
	titles := map[string]string{}
	for _, m := range gold.Measures {
		out = append(out, m.Number)
		titles[m.Number] = m.Title
	}
	return out, titles
}

// TestRowsCloserThanParagraphs reads borderless tables whose rows no gap
// tells apart (issue #11 variants): LibreOffice's bottom-aligned rows
// leave none between them (class borderless-bottom-aligned), and its rows
// centred in tall cells leave less between them than the paragraphs of a
// cell (class lo-pdf-lines-as-paragraphs). Each measure number opens a
// row of its own, as many rows as the gold has measures, in its order;
// and each has a term (the term cell is not merged into the next) and
// its title's start, not the end of the title above.
func TestRowsCloserThanParagraphs(t *testing.T) {
	for _, tt := range []struct{ variant, gold string }{
		{"lo-restyled-none-bottom/seed", "../../testdata/seed/seed.gold.json"},
		{"lo-restyled-none-bottom/r012-2022", "../../fixtures/corpus/gold/r012-2022.gold.json"},
		// Every page's last number: the alignment is told by those only.
		{"lo-restyled-none-bottom/r005-2021", "../../fixtures/corpus/gold/r005-2021.gold.json"},
		{"lo-pdf-grid-serif11/seed", "../../testdata/seed/seed.gold.json"},
		{"lo-pdf-landscape-none/r056-2021", "../../fixtures/corpus/gold/r056-2021.gold.json"},
		// The rest of a row cut by the page break stands less than half
		// a line above the next row (class centred-row-after-page-break).
		{"lo-pdf-furnished/seed", "../../testdata/seed/seed.gold.json"},
		{"lo-pdf-furnished/r023-2021", "../../fixtures/corpus/gold/r023-2021.gold.json"},
	} {
		t.Run(tt.variant, func(t *testing.T) {
			want, titles := goldMeasures(t, tt.gold)
			var got []string
			for _, r := range variantRows(t, tt.variant) {
				if !r.InTable || len(r.Cells) < 3 {
					continue
				}
				first := r.Cells[0].Text()
				n, ok := hesabat.MeasureNumber(first)
				if !ok {
					if strings.ContainsFunc(first, func(c rune) bool { return c >= '0' && c <= '9' }) {
						t.Errorf("first cell %q is not one measure number", first)
					}
					continue
				}
				got = append(got, n)
				if r.Cells[len(r.Cells)-2].Text() == "" {
					t.Errorf("measure %s: no term", n)
				}
				if title := strings.Join(strings.Fields(r.Cells[1].Text()), " "); !strings.HasPrefix(titles[n], title) || title == "" {
					t.Errorf("measure %s: title %q does not start the gold's %q", n, title, titles[n])
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("numbered rows %q, want %q", got, want)
			}
		})
	}
}

// TestFootnoteMarkInTitle reads titles that cite a footnote (issue #11
// variants, class footnote-mark-in-title): LibreOffice sets the mark
// smaller and raised right after the title's last word, whether it
// prints the report from HTML or from a DOCX pandoc wrote. The title ends
// "hesabatı", never "hesabatı1"; the footnote at the page's foot is
// furniture of kind "footnote", its mark a "footnote reference", and no
// row holds the footnote's text.
func TestFootnoteMarkInTitle(t *testing.T) {
	for _, v := range []string{"lo-pdf-furnished/seed", "pandoc-pdf-furnished/r023-2021"} {
		t.Run(v, func(t *testing.T) {
			rows, furniture, _ := Rows(variantDoc(t, v).Layout)
			var title string
			for _, r := range rows {
				if r.Page == 1 && !r.InTable {
					title += r.Cells[0].Text() + " "
				}
				for _, c := range r.Cells {
					if strings.Contains(c.Text(), "Hesabat elektron qaydada") {
						t.Errorf("page %d: the footnote is in a row: %q", r.Page, c.Text())
					}
				}
			}
			if !strings.HasSuffix(strings.TrimSpace(title), " hesabatı") {
				t.Errorf("title %q does not end with the word before the mark", title)
			}
			var kinds []string
			for _, f := range furniture {
				if f.Page == 1 && strings.HasPrefix(f.Kind, "footnote") {
					kinds = append(kinds, f.Kind+": "+f.Text)
				}
			}
			want := []string{"footnote: 1 Hesabat elektron qaydada təqdim edilmişdir.", "footnote reference: 1"}
			if !slices.Equal(kinds, want) {
				t.Errorf("page 1 footnote furniture %q, want %q", kinds, want)
			}
		})
	}
}

// TestPitchUnderLooseBoxes reads a LibreOffice PDF whose loose glyph boxes
// (the font's ascent to descent) are taller than its single line pitch
// (issue #11 variant lo-restyled-landscape-none-centred): the document's
// pitch is that of consecutive lines, not of every second line, so a
// paragraph break in a cell of work done is one ("…keçirilmişdir." and
// "Cari ildə …" were one paragraph).
func TestPitchUnderLooseBoxes(t *testing.T) {
	found := false
	for _, r := range variantRows(t, "lo-restyled-landscape-none-centred/seed") {
		if len(r.Cells) < 4 || !strings.HasPrefix(r.Cells[0].Text(), "4.2") {
			continue
		}
		for _, p := range r.Cells[3].Paras {
			if strings.HasPrefix(p, "Cari ildə") {
				found = true
			}
			if strings.Contains(p, "keçirilmişdir. Cari ildə") {
				t.Errorf("two paragraphs joined: %q", p)
			}
		}
	}
	if !found {
		t.Error(`measure 4.2: no paragraph starts "Cari ildə"`)
	}
}

// TestRowAfterPageTopRest reads a PDF LibreOffice prints from a DOCX
// pandoc wrote (issue #11 variant pandoc-pdf-furnished), whose loose
// glyph boxes overlap by a quarter of the line pitch: the rest of a row
// cut by the page break stands less than half a box above the next row,
// and was read as its top. Each numbered row's work done starts as the
// gold's does.
func TestRowAfterPageTopRest(t *testing.T) {
	workStarts(t, "pandoc-pdf-furnished/seed", "../../testdata/seed/seed.gold.json")
}

// numberedRows returns, per table row whose first cell is a measure
// number, that number's text, in order.
func numberedRows(rows []hesabat.Row) []string {
	var out []string
	for _, r := range rows {
		if r.InTable && len(r.Cells) > 0 {
			if n, ok := hesabat.MeasureNumber(r.Cells[0].Text()); ok {
				out = append(out, n)
			}
		}
	}
	return out
}

// TestOneNumberPerRow reads Chromium PDFs of tables without inner rules
// whose cells are padded about as tightly as paragraphs are spaced
// (issue #11 class frame-condensed): the gap under a title's last line,
// with no paragraph margin, is nearer to a paragraph break than to the
// gap under a last paragraph of work done, so two measures' rows were
// one ("1.2) ¶ 1.3)"). Every measure number opens a row of its own.
func TestOneNumberPerRow(t *testing.T) {
	for _, v := range []struct {
		name    string
		numbers []string // the measures of the gold, in order
	}{
		{"chrome-frame-condensed10/r005-2021", []string{"1.1", "1.2", "1.3", "2.1", "3.1", "3.2", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9"}},
		{"chrome-frame-condensed10/r056-2021", []string{"1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3", "4.1", "4.2"}},
	} {
		t.Run(v.name, func(t *testing.T) {
			pages := variantDoc(t, v.name).Layout
			rows, furniture, _ := Rows(pages)
			checkKept(t, pages, rows, furniture)
			if got := numberedRows(rows); !slices.Equal(got, v.numbers) {
				t.Errorf("numbered rows %q, want %q", got, v.numbers)
			}
		})
	}
}

// TestHeaderOnFirstPageOnly reads Chromium PDFs of a landscape table
// without rules whose header is a plain first row, not repeated on later
// pages (issue #11 class header-first-page-none-landscape):
//   - the header is a row of its own, not the top of the first measure's
//     row, though it stands closer to it than rows stand apart;
//   - a cell's paragraphs that run over a page break open the next page in
//     their column alone (or fill it): they are table rows, carrying on
//     the row above, not paragraphs outside the table;
//   - a cell whose text ends far above the bottom of the page ended its
//     paragraph there: the next page's text in its column starts another.
func TestHeaderOnFirstPageOnly(t *testing.T) {
	header := []string{"Sıra N-si", "Tədbirin adı", "İcra müddəti", "Görülmüş işlər"}
	for _, name := range []string{"chrome-header-first-page-none-landscape/seed", "chrome-header-first-page-none-landscape/r005-2021", "chrome-header-first-page-none-landscape/r056-2021", "chrome-header-first-page-none-landscape/r039-2022"} {
		t.Run(name, func(t *testing.T) {
			pages := variantDoc(t, name).Layout
			rows, furniture, _ := Rows(pages)
			checkKept(t, pages, rows, furniture)
			first := slices.IndexFunc(rows, func(r hesabat.Row) bool { return r.InTable })
			if first < 0 || !slices.Equal(cellTexts(&rows[first]), header) {
				t.Fatalf("first table row is not the header:\n%s", dumpRows(rows))
			}
			for _, r := range rows[first:] {
				if !r.InTable {
					t.Errorf("page %d: text outside the table after its header: %q", r.Page, r.Cells[0].Text())
				}
			}
		})
	}
	// r039-2022: page 3 ends "… Komissiyaya təqdim edilmişdir." two lines
	// above the page's text bottom; page 4 starts the next paragraph.
	for _, r := range variantRows(t, "chrome-header-first-page-none-landscape/r039-2022") {
		if r.Page == 4 && r.InTable {
			if c := r.Cells[len(r.Cells)-1]; c.Continues || !strings.HasPrefix(c.Text(), "Gənclər və İdman Nazirliyinin") {
				t.Errorf("page 4 opens with %q (continues %v), want a paragraph of its own", c.Text(), c.Continues)
			}
			break
		}
	}
}

// TestWordCutByPageBreak reads a Chromium PDF where a URL too long for
// its column is cut by the renderer, and the page break falls on the cut
// ("…/baxış.ph" at the foot of page 8, "p” veb-səhifəsi …" at the top of
// page 9): the pieces are one word, as they are where the cut falls
// inside a page (issue #11 variant chrome-title-two-lines/r012-2022).
func TestWordCutByPageBreak(t *testing.T) {
	rows := variantRows(t, "chrome-title-two-lines/r012-2022")
	// the work-done cells either side of the break: the last on page 8,
	// the first carried on (under the header) on page 9
	var before, after *hesabat.Cell
	for i := range rows {
		if r := &rows[i]; r.InTable && r.Page == 8 {
			before = &r.Cells[len(r.Cells)-1]
		} else if r.InTable && r.Page == 9 && after == nil && r.Cells[0].Text() == "" {
			after = &r.Cells[len(r.Cells)-1]
		}
	}
	if before == nil || after == nil || len(before.Paras) == 0 || len(after.Paras) == 0 {
		t.Fatal("no table rows on pages 8 and 9")
	}
	end, start := before.Paras[len(before.Paras)-1], after.Paras[0]
	if !strings.HasSuffix(end, "/baxış.php”") || !strings.HasPrefix(start, "veb-səhifəsi") || !after.Continues {
		t.Errorf("page 8 ends %q, page 9 starts %q (continues %v): want the URL whole before the break",
			end[max(0, len(end)-40):], start[:min(len(start), 40)], after.Continues)
	}
}

// TestRowsRuledOnlyBetweenVariants reads Chromium PDFs of tables ruled only
// between rows (horizontal rules, no column rules; issue #11
// chrome-justified-sans10-horizontal):
//   - a row's rules cut it from the next, whatever the gap: the end of
//     4.1's title carried over to page 9 ("ehtiyatlarında …
//     yaradılması") was the top of 4.2's row;
//   - the header repeated on each page is one: "Sıra N-" / "si" is read
//     with its hyphen in the text on some pages and as a line-end hyphen
//     mark on others, and page 3's header took the work done under it.
func TestRowsRuledOnlyBetweenVariants(t *testing.T) {
	header := []string{"Sıra N-si", "Tədbirin adı", "İcra müddəti", "Görülmüş işlər"}
	for _, c := range []struct {
		name string
		page int
		want []string // the cells of the first row under the page's header
	}{
		{"chrome-justified-sans10-horizontal/r056-2021", 9, []string{"", "ehtiyatlarında \"Açıq məlumatlar\" bölməsinin yaradılması", "", "aktuallaşdırılması mütəmadi olaraq təmin edilmişdir."}},
		{"chrome-justified-sans10-horizontal/r035-2021", 3, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			pages := variantDoc(t, c.name).Layout
			rows, furniture, _ := Rows(pages)
			checkKept(t, pages, rows, furniture)
			var on []hesabat.Row
			for _, r := range rows {
				if r.Page == c.page && r.InTable {
					on = append(on, r)
				}
			}
			if len(on) < 2 || !slices.Equal(cellTexts(&on[0]), header) {
				t.Fatalf("page %d does not open with the header alone:\n%s", c.page, dumpRows(on))
			}
			if c.want != nil && !slices.Equal(cellTexts(&on[1]), c.want) {
				t.Errorf("page %d: first row under the header %q, want %q", c.page, cellTexts(&on[1]), c.want)
			}
		})
	}
}

// TestTitleBlockAboveBorderlessTable reads a Chromium PDF of a one-page
// table without rules under a centred title block of three lines, with a
// note and a signature after it (issue #11 template tedbirler-bes-sutun,
// landscape): the title and the signature cross gutters that the table's
// lines leave empty; a centred title line that happens to reach over a
// gutter, its words a space apart, does not open the table; and the
// header, a plain first row, is a row of its own.
func TestTitleBlockAboveBorderlessTable(t *testing.T) {
	pages := variantDoc(t, "tmpl-chrome-none-landscape/t-tedbirler-bes-sutun").Layout
	rows, furniture, _ := Rows(pages)
	checkKept(t, pages, rows, furniture)
	first := slices.IndexFunc(rows, func(r hesabat.Row) bool { return r.InTable })
	header := []string{"№", "Tədbirlər", "İcraçılar", "İcra müddəti", "Həyata keçirilmiş işlər"}
	if first < 0 || !slices.Equal(cellTexts(&rows[first]), header) {
		t.Fatalf("the table does not open with its header %q:\n%s", header, dumpRows(rows))
	}
	var title []string
	for _, r := range rows[:first] {
		title = append(title, r.Cells[0].Text())
	}
	if got := strings.Join(title, " "); got != "AZƏRBAYCAN RESPUBLİKASININ ƏDLİYYƏ NAZİRLİYİ İki min iyirmi birinci il üzrə HESABAT" {
		t.Errorf("text above the table %q", got)
	}
	if want := []string{"2.1.", "Notariat hərəkətlərinin elektron qaydada aparılmasının genişləndirilməsi", "Ədliyyə Nazirliyi", "2020-2022"}; len(rows) <= first+1 || !slices.Equal(cellTexts(&rows[first+1])[:4], want) {
		t.Errorf("first row under the header:\n%s", dumpRows(rows[first+1:first+2]))
	}
}

// TestParagraphsUnderMixedBoxes reads PDFs LibreOffice prints from a DOCX
// pandoc wrote (issue #11 variant pandoc-pdf-furnished), whose work-done
// column is a few words wide and whose "ə" comes from a fallback font
// with a loose glyph box (its bottom the font's descent, two points under
// the baseline of the tight glyphs around it): a line of "Əmək və" or
// "ə müxtəlif" stood two points low, past the 1.15 line pitches of a
// paragraph break, and one paragraph of work done came out as three. Each
// cell of work done holds the gold's paragraphs, in number and start.
func TestParagraphsUnderMixedBoxes(t *testing.T) {
	for _, tt := range []struct{ variant, gold string }{
		{"pandoc-pdf-furnished/r005-2021", "../../fixtures/corpus/gold/r005-2021.gold.json"},
		{"pandoc-pdf-furnished/r039-2022", "../../fixtures/corpus/gold/r039-2022.gold.json"},
	} {
		t.Run(tt.variant, func(t *testing.T) {
			data, err := os.ReadFile(tt.gold)
			if err != nil {
				t.Fatal(err)
			}
			var gold struct {
				Measures []struct {
					Number     string
					Paragraphs []string
				}
			}
			if err := json.Unmarshal(data, &gold); err != nil {
				t.Fatal(err)
			}
			// The work-done paragraphs of each measure, carried over the
			// page breaks as the stitcher joins them.
			got := map[string][]string{}
			num := ""
			for _, r := range variantRows(t, tt.variant) {
				if !r.InTable || len(r.Cells) != 4 {
					continue
				}
				if n, ok := hesabat.MeasureNumber(r.Cells[0].Text()); ok {
					num = n
				} else if r.Cells[0].Text() != "" || num == "" {
					continue // the header
				}
				c := r.Cells[3]
				paras := slices.Clone(c.Paras)
				if c.Continues && len(paras) > 0 && len(got[num]) > 0 {
					got[num][len(got[num])-1] += " " + paras[0]
					paras = paras[1:]
				}
				got[num] = append(got[num], paras...)
			}
			for _, m := range gold.Measures {
				g := got[m.Number]
				if len(g) != len(m.Paragraphs) {
					t.Errorf("measure %s: %d paragraphs, want %d", m.Number, len(g), len(m.Paragraphs))
					continue
				}
				for i, p := range m.Paragraphs {
					if w := strings.Fields(p)[:3]; !strings.HasPrefix(g[i], strings.Join(w, " ")) {
						t.Errorf("measure %s paragraph %d starts %.40q, want %q", m.Number, i+1, g[i], w)
					}
				}
			}
		})
	}
}
