package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestVariantClasses runs, always, the rendered variants that show each
// PDF failure class of testdata/variants/STATUS.md fixed, and compares
// each with its gold as TestVariants does: one subtest per class, named
// by it, so a class that breaks again says which. (TestVariants runs all
// of them, and holds each to STATUS.md.)
func TestVariantClasses(t *testing.T) {
	classes := []struct {
		name     string
		variants []string // presentation/report under testdata/variants/out
	}{
		// LibreOffice spaces lines 1.15 times the font size, about twice
		// its tight glyph boxes: a term wrapped "2020-" / "2022" or
		// "mütəmad" / "i" was read as two paragraphs and joined with a
		// space; and a hyphen after "№" kept its space.
		{"term-wrap-space", []string{"lo-restyled-landscape-top/r023-2021", "lo-restyled-landscape-top/r026-2021", "lo-restyled-landscape-none-centred/r035-2021"}},
		// Chromium draws no space glyph; in Liberation and Noto fonts a
		// space is narrower than a quarter of the glyph box.
		{"words-glued-no-space-glyph", []string{"chrome-noto-sans12-plain-header/seed", "chrome-noto-sans12-plain-header/r023-2021", "chrome-noto-serif14-landscape/r013-2020", "chrome-horizontal-serif11/seed"}},
		// Chromium sets paragraphs 4 pt apart: less than half a line of
		// 9 pt type, but more than the line pitch allows.
		{"paragraphs-joined-pdf", []string{"chrome-grid-portrait/seed", "chrome-grid-portrait/r010-2020", "chrome-para-breaks/seed", "chrome-sections/seed", "chrome-bottom-aligned/r023-2021", "chrome-wide-title-landscape/r056-2021"}},
		// Borderless and horizontal-rule tables whose header is centred
		// in its cells: "Sıra N-" wider than its column's numbers reached
		// into the gutter and merged the header's cells, and "İcra" /
		// "müddə" / "ti" stood above the first line that spans two
		// columns, so no header or no numbered row was found (issue #11
		// failure 1's shape: landscape, no rules, number and term
		// centred in tall rows).
		{"no-table-borderless", []string{"chrome-none-portrait/seed", "chrome-none-portrait/r056-2021", "chrome-none-landscape-centred/seed", "chrome-none-landscape-centred/r023-2021", "chrome-middle-aligned-horizontal/r026-2021"}},
		// Issue #11 failure 2: a whole word alone on a full line is not
		// the start of the next: "İcra" over "müdd" + "əti" (a long word
		// moved to a line of its own, then cut) read "İcramüddəti", so
		// the term column had no header.
		{"line-end-glue", []string{"chrome-sans-narrow-tight-columns/seed", "chrome-sans-narrow-tight-columns/r005-2021", "chrome-middle-aligned-horizontal/seed"}},
		// A title block in another shape (agency first, year in words,
		// "HESABAT" alone) whose lines the layout runs into one
		// paragraph: the agency is what stands before the year.
		{"title-block-one-paragraph", []string{"tmpl-chrome-grid/t-tedbirler-bes-sutun"}},
		// A borderless table of few measures: a title block, section rows
		// and a note cross its gutters as phrases (more lines than one in
		// fifty), and a header without paragraph space after its cells is
		// nearer to the first row than rows are to each other: columns
		// merged, the header ran into the first measure, the note into
		// the last ("no header"). In a table aligned to the top a measure
		// number starts a row (also horizontal-rule tables whose rows a
		// narrow gap after a long cell merged).
		// The line pitch was the median distance between baselines; in a
		// small table of short cells row gaps are half of them, and a
		// paragraph break in a cell read as a line (or a wrapped line as
		// a break). It is now the densest cluster of distances.
		// Section headings and the next table's header between rows
		// anchored at measure numbers were taken into the measure above.
		{"sections-between-anchored-rows", []string{"tmpl-chrome-none-landscape/t-bolmeler-alti-sutun"}},
		{"pitch-densest", []string{"tmpl-chrome-none-landscape/t-uc-tedbir", "lo-restyled-landscape-none-centred/seed", "lo-restyled-landscape-none-centred/r010-2020"}},
		{"small-borderless-table", []string{"tmpl-chrome-none-landscape/t-tedbirler-bes-sutun", "tmpl-layout/t-tedbirler-bes-sutun", "chrome-horizontal-serif11/r057-2022", "chrome-horizontal-serif11/r010-2020", "chrome-frame-condensed10/r005-2021"}},
		// Borderless rows that no gap tells apart: LibreOffice's
		// bottom-aligned rows leave none between them, and its rows
		// centred in tall cells less than the paragraphs of a cell; the
		// numbers of several rows landed in one ("1.2. ¶ 1.6. 1.9.").
		{"borderless-bottom-aligned", []string{"lo-restyled-none-bottom/seed", "lo-restyled-none-bottom/r012-2022", "lo-restyled-none-bottom/r005-2021", "lo-pdf-grid-serif11/seed", "chrome-horizontal-serif11/r057-2022"}},
		// A footnote reference set smaller and raised after the title's
		// last word was glued to it ("hesabatı1"), and the footnote at the
		// page's foot read as a table row.
		{"footnote-mark-in-title", []string{"lo-pdf-furnished/seed", "lo-pdf-furnished/r023-2021"}},
		// LibreOffice embeds "ffi" as one glyph, each letter given its
		// box: the second f was dropped as a fake bold ("ofice").
		{"ligature-letters-dropped", []string{"lo-pdf-furnished/r012-2022", "lo-pdf-landscape-none/r039-2022"}},
		// The rest of a centred row cut by the page break stood less than
		// half a line above the next row and was read as its top.
		{"centred-row-after-page-break", []string{"lo-pdf-furnished/r039-2022", "lo-pdf-landscape-none/r056-2021"}},
		// Issue #11 failure 3: `pdftotext -layout` sets a title line one
		// space before the term ("tərəfindən 2020-2022"), places each page
		// and line on its own (columns drift by a few characters, a page
		// of work done only is squeezed left): columns come from the
		// character grid of many lines and each line is cut on its own.
		{"layout-text-columns", []string{"layout-narrow-gutter/seed", "layout-narrow-gutter/r013-2020", "layout-narrow-gutter/r056-2021", "layout-wide-gutter/seed", "layout-wide-gutter/r012-2022"}},
		// Layout text at a page break: the row the next page carries on
		// knows what the page before holds in each column (a term found
		// whole there takes nothing on this page, where pdftotext set
		// the work done left of the page's term boundary, squeezing out
		// the empty column), and the room an address leaves on the grid
		// ("…anticorruption.gov.az)." over "Həmçinin") is known to a few
		// cells only, too few to end a paragraph.
		{"layout-text-carried-row", []string{"layout-narrow-gutter/r005-2021"}},
		// Rows cut at gaps: a numbered line after a blank line opens a
		// row (rows one blank line apart; a header the document does not
		// repeat, right above the first row).
		{"row-after-blank-or-top-number", []string{"tmpl-layout/t-uc-tedbir", "chrome-horizontal-serif11/r010-2020", "chrome-horizontal-serif11/r057-2022", "chrome-frame-condensed10/r005-2021"}},
		// Issue #11 failure 2 in a title column two or three words wide:
		// whole words and pieces of cut words end lines as close to the
		// edge ("Sisteminəqoşulan", "qərarlarınqəbulu" glued; "orqanların
		// da", "monitorinq i" split, the latter across a page break). The
		// room a line leaves against the next glyph's width, the column's
		// edge over the whole document and the noun morphology decide.
		{"line-end-glue-narrow-column", []string{"chrome-narrow-title/seed", "chrome-narrow-title/r012-2022", "chrome-narrow-title-none/r010-2020", "chrome-narrow-title-none/r026-2021"}},
		// Tables ruled only between rows, read as borderless: rows set as
		// close as paragraphs merged ("1.4 ¶ 1.5"), measures were lost.
		{"horizontal-rules-only", []string{"chrome-horizontal-serif11/r010-2020", "chrome-horizontal-serif11/r057-2022"}},
		// Justified work done: Chromium stretches "№-li" apart, and a
		// paragraph ending at a page's foot without room to spare ran on
		// into the next page's.
		{"justified", []string{"chrome-justified-sans10-horizontal/seed", "chrome-justified-sans10-horizontal/r013-2020"}},
		// A one-page borderless table that LibreOffice centres in its
		// cells: the header, not repeated, stands as close to the first
		// row as rows to each other, apart from it in every column; it
		// was read as the first row's top ("no table header").
		{"header-apart-from-first-row", []string{"tmpl-lo-pdf/t-uc-tedbir", "tmpl-lo-pdf/t-tedbirler-bes-sutun"}},
		// A report split into tables, one per section, on one page, their
		// columns a few points apart: the second header mid-page ran into
		// its first row, the section heading was cut at the gutters ("2."
		// read as a measure), and the executor and the term merged (the
		// document's gutter between them is 3.4 points; the rows find
		// none, their terms one line each).
		{"section-tables-one-page", []string{"tmpl-lo-pdf/t-bolmeler-alti-sutun"}},
		// LibreOffice rows centred in their cells, without rules: a
		// title's last line with a tight glyph box went to the next row
		// (rows were cut at the widest gap near the row's mirrored end,
		// now after the last line whose middle is above it), and the rest
		// of a row cut by the page break, set from the page's top in the
		// title column only, ran into the next row ("Risk
		// qiymətləndirilməsi üçün zəruri" cut).
		// Narrow cells of ruled tables: "Davam" over "edir" filled the
		// column's widest line, though the column's edge (its rule less
		// the cell's padding) had room for "e" ("Davamedir"); and
		// "ogiya", the rest of a long name the renderer cut, was taken
		// for a word of the document because it stood a gutter after the
		// title cell's text ("Hidrometeorol ogiya").
		{"narrow-column-glue-ruled", []string{"tmpl-chrome-grid/t-uc-tedbir", "tmpl-chrome-grid/t-bolmeler-alti-sutun"}},
		// The same tables: rows that touch were cut by the line's middle,
		// not the number's own (the work done's words beside it stand
		// lower: 5.1 took 5.2's first title line); and a row that starts
		// a page with a paragraph of its work done, set apart by a
		// paragraph's space, lost it to the row above.
		{"centred-row-title-cut", []string{"lo-pdf-grid-serif11/r010-2020", "lo-pdf-landscape-none/r005-2021", "lo-pdf-grid-serif11/r035-2021", "lo-pdf-grid-serif11/r013-2020"}},
		// A table without rules whose header is a plain first row, not
		// repeated on later pages: a cell's paragraphs carried over a page
		// break open the next page in their column alone, or fill it, and
		// were read as text outside the table (paragraphs joined into the
		// measure above, cut short); a cell ending two lines or more above
		// where the fullest page's text ends ended its paragraph there,
		// though the row's own bottom (the page's last line) hid it.
		{"header-first-page-none", []string{"chrome-header-first-page-none-landscape/r005-2021", "chrome-header-first-page-none-landscape/r039-2022", "chrome-header-first-page-none-landscape/r056-2021"}},
		// Layout text of LibreOffice PDFs that set "ə" from a fallback
		// font: pdftotext put a space inside a word the document writes
		// whole nowhere ("işl ənilməsi"); its pieces stand only beside each
		// other, and each is the inner part of the document's words on its
		// side ("işlə" begins "işləri", "ənilməsi" ends "ödənilməsi").
		{"layout-text-split-word", []string{"layout-lo/seed", "layout-lo/r026-2021"}},
		// Layout text of a LibreOffice PDF whose rows are centred but
		// some set from the top (a row whose title is its tallest cell; a
		// row the page break cuts): the page's vote on centring counted
		// its cut last row against it, a row whose number stands on its
		// band's first line ended one line below it, and a title word
		// glued one space after its line, three lines under the glued
		// term on the number line, went to the term ("mütəmadi ilə");
		// at a page's top, the rest of the row the page break cut joined
		// the next row, set from the top (fewer title lines above its
		// number than below); and two centred rows part where the title
		// stands as many lines above the number as below, as the
		// mirrored end is known to a line only.
		{"layout-text-mixed-alignment", []string{"layout-lo/r010-2020", "layout-lo/r057-2022"}},
		// A word cut where a renderer wraps between words as well (the
		// piece ends 2.3 pt short of the column's widest line, less than
		// "y" and " ya"), whose second piece the document uses as a word
		// only in one phrase ("ya" of "və ya"): "telekommunikasi ya".
		{"line-end-bound-piece", []string{"pandoc-pdf-furnished/seed", "pandoc-pdf-furnished/r005-2021", "pandoc-pdf-furnished/r023-2021", "pandoc-pdf-furnished/r039-2022"}},
		// Layout text of a narrow term column: "mütəma" over "di" and
		// "Davam" over "edir" (a wrap between words, in the notes column
		// of the other report) both leave one cell of room on the grid;
		// the term's vocabulary joins the first ("mütəma di" was a term
		// with neither years nor recurrence) and leaves the second.
		{"term-cut-in-recurring-word", []string{"tmpl-layout/t-bolmeler-alti-sutun", "tmpl-layout/t-uc-tedbir"}},
	}
	p := testPipeline(t)
	for _, c := range classes {
		t.Run(c.name, func(t *testing.T) {
			for _, v := range c.variants {
				m := manifestEntry(t, v)
				var gold goldReport
				readJSON(t, filepath.Join(root, m.Gold), &gold)
				lose(&gold, m.Lost)
				if diffs := goldDiffs(p, filepath.Join(root, m.File), &gold); len(diffs) > 0 {
					t.Errorf("%s differs from %s:\n  %s", m.File, m.Gold, strings.Join(diffs, "\n  "))
				}
			}
		})
	}
}

// manifestEntry returns the variant presentation/report of variants.json.
func manifestEntry(t *testing.T, name string) variant {
	t.Helper()
	for _, v := range variants(t) {
		if v.Presentation+"/"+v.Report == name {
			return v
		}
	}
	t.Fatalf("no variant %s in variants.json", name)
	return variant{}
}
