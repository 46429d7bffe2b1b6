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
// (testdata/variants/out/PRESENTATION/REPORT.pdf) with the Go PDF reader.
func variantDoc(t *testing.T, name string) *hesabat.Document {
	t.Helper()
	e, err := pdf.New(pdf.Options{Engine: pdf.EngineGo})
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
