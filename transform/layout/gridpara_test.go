package layout

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
)

// TestLayoutTextParagraphBreaks checks paragraph breaks in work-done cells
// of `pdftotext -layout` renderings of corpus PDFs (testdata/layout),
// where lines of another column, set half a line off the work done, take
// turns with its lines on the grid: a gap of one line position that such
// a line fills is no break, even after a sentence end ("təlimlər
// keçirilmişdir." beside the title's "mübarizə və etik davranış"; a
// measure number over two lines, "12.1" and "."), while a gap that text
// going on in stride fills is one (see gapFill; the gold is the corpus's,
// written from the source).
func TestLayoutTextParagraphBreaks(t *testing.T) {
	cases := []struct {
		file          string // in testdata/layout
		end, start    string // a paragraph ends with end, and the text goes on with start
		sameParagraph bool   // in the paragraph (true) or in the next one
	}{
		// the title's lines interleaved with the work done on every step
		{"r050-2021", "iştirakı ilə təlimlər keçirilmişdir.", "Təlimlərdə korrupsiya anlayışı", true},
		// the measure number "12.1." over two lines beside the work done
		{"r001-2020", "onların sualları cavablandırılmışdır.", "Eyni zamanda, \"Ədliyyə Nazirliyi", true},
		// the term column's one line, "mütəmadi", in the gap
		{"r013-2020", "interaktiv fikir mübadiləsi aparılmışdır.", "Statistik məlumat istifadəçiləri, həmçinin", true},
		// breaks: the title's lines go on at one line position beside the gap
		{"r050-2021", "zəruri tədbirlər həyata keçirilmişdir.", "Eyni zamanda, Azərbaycan Respublikası", false},
		{"r001-2020", "Komissiyaya təqdim edilmişdir.", "Ədliyyə Nazirliyinin internet", false},
	}
	for _, c := range cases {
		found := false
		for _, r := range layoutTextRows(t, filepath.Join("..", "..", "layout", c.file+".txt")) {
			for _, cell := range r.Cells {
				for i, p := range cell.Paras {
					if strings.Contains(p, c.end+" "+c.start) {
						found = true
						if !c.sameParagraph {
							t.Errorf("%s: no paragraph break after %q", c.file, c.end)
						}
					}
					if strings.HasSuffix(p, c.end) && i+1 < len(cell.Paras) && strings.HasPrefix(cell.Paras[i+1], c.start) {
						found = true
						if c.sameParagraph {
							t.Errorf("%s: a paragraph break after %q", c.file, c.end)
						}
					}
				}
			}
		}
		if !found {
			t.Errorf("%s: %q followed by %q not found in a cell", c.file, c.end, c.start)
		}
	}
}

// TestLayoutTextCentredRowTop checks the rows of `pdftotext -layout`
// renderings of corpus PDFs (testdata/layout) whose table centres its
// cells: a row's work done may start paragraphs above its number and
// short title, after the same blank line that parts paragraphs, and
// starts where the row has its number and title at its middle (see
// borderless.centredMid; the gold is the corpus's, written from the
// source).
func TestLayoutTextCentredRowTop(t *testing.T) {
	cases := []struct {
		file, number, start string // the row numbered number: its work done starts with start
	}{
		// at the top of a page, under the previous page's row carried on
		{"r001-2020", "11.1.", "Ədliyyə Nazirliyinin internet sahifəsində"},
		// under an open row; the title's lines, set between the work
		// done's, stand more above the number than below it
		{"r013-2020", "2.2.", "Dövlət Miqrasiya Xidmətinin internet sahifəsində"},
	}
	for _, c := range cases {
		found := false
		for _, r := range layoutTextRows(t, filepath.Join("..", "..", "layout", c.file+".txt")) {
			if len(r.Cells) < 4 || strings.ReplaceAll(r.Cells[0].Text(), " ", "") != c.number {
				continue
			}
			found = true
			if got := r.Cells[len(r.Cells)-1].Text(); !strings.HasPrefix(got, c.start) {
				t.Errorf("%s %s: work done starts %.60q, want %q", c.file, c.number, got, c.start)
			}
		}
		if !found {
			t.Errorf("%s: no row %s", c.file, c.number)
		}
	}
}

// TestLayoutTextSplitWords checks words that pdftotext split with a space
// in the layout-lo variant (LibreOffice's serif type, "ə" from a fallback
// font): joined where the document writes the word whole elsewhere and
// the piece nowhere else, or where it writes it whole nowhere but each
// piece, found only beside the other, is the inner part of its words
// ("işlə" begins "işləri", "ənilməsi" ends "ödənilməsi", or the
// document shows such a space before "ə" elsewhere); and that words
// of the language stay apart ("o cümlədən"; "Bundan əlavə", "sorğu edən"
// and "da iştirakı", whose pieces stand nowhere else either).
func TestLayoutTextSplitWords(t *testing.T) {
	text := func(rows []hesabat.Row) string {
		var text []string
		for _, r := range rows {
			text = append(text, cellTexts(&r)...)
		}
		return strings.Join(text, "\n")
	}
	corpus := func(name string) []hesabat.Row {
		return layoutFileRows(t, filepath.Join("..", "..", "testdata", "layout", name))
	}
	cases := []struct {
		name         string
		rows         []hesabat.Row
		joined, kept []string
	}{
		{"layout-lo/seed", layoutTextRows(t, "layout-lo/seed.txt"),
			[]string{"t əmin", "Komit ənin", "müt əmadi", "üzr ə", "işl ənilməsi"},
			[]string{"o cümlədən", "təmin edilmişdir", "Bundan əlavə"}},
		{"layout-lo/r026", layoutTextRows(t, "layout-lo/r026-2021.txt"),
			[]string{"işl ənilməsi"}, []string{"Bundan əlavə"}},
		{"layout-lo/r010", layoutTextRows(t, "layout-lo/r010-2020.txt"),
			[]string{"işl ənilməsi", "Komit ənin"}, nil},
		{"layout-lo/r057", layoutTextRows(t, "layout-lo/r057-2022.txt"),
			[]string{"r əqəmlərdə", "t əmin"}, []string{"Bundan əlavə"}},
		{"corpus r003", corpus("r003-2022.txt"), nil, []string{"sorğu edən"}},
		{"corpus r055", corpus("r055-2020.txt"), nil, []string{"da iştirakı"}},
	}
	for _, c := range cases {
		all := text(c.rows)
		for _, split := range c.joined {
			if strings.Contains(all, split) || !strings.Contains(all, strings.ReplaceAll(split, " ", "")) {
				t.Errorf("%s: %q not joined", c.name, split)
			}
		}
		for _, kept := range c.kept {
			if !strings.Contains(all, kept) {
				t.Errorf("%s: no %q", c.name, kept)
			}
		}
	}
}
