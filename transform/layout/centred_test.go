package layout

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
)

// TestHeaderApartFromFirstRow reads one-page borderless tables that
// LibreOffice centres vertically in their cells (issue #11 variant
// tmpl-lo-pdf): the header, not repeated on another page, stands as close
// to the first row as the rows to each other, but apart from it in every
// column, and was read as the first row's top ("№ ¶ 5.1", so no header
// was found). The first table row holds the header's labels alone, each
// cell one paragraph, and the next opens the first measure.
func TestHeaderApartFromFirstRow(t *testing.T) {
	for _, tt := range []struct {
		variant string
		first   string // the first measure's number
		cells   int
	}{
		{"tmpl-lo-pdf/t-uc-tedbir", "5.1", 6},
		{"tmpl-lo-pdf/t-tedbirler-bes-sutun", "2.1.", 5},
	} {
		t.Run(tt.variant, func(t *testing.T) {
			rows := variantRows(t, tt.variant)
			k := 0
			for k < len(rows) && !rows[k].InTable {
				k++
			}
			if k+1 >= len(rows) {
				t.Fatalf("no table rows")
			}
			head, first := rows[k], rows[k+1]
			if len(head.Cells) != tt.cells {
				t.Fatalf("header has %d cells, want %d", len(head.Cells), tt.cells)
			}
			for c, cell := range head.Cells {
				if len(cell.Paras) != 1 {
					t.Errorf("header cell %d: %q, want one label", c, cell.Paras)
				}
			}
			if _, ok := hesabat.MeasureNumber(head.Cells[0].Text()); ok {
				t.Errorf("header's first cell %q holds a measure number", head.Cells[0].Text())
			}
			if got := first.Cells[0].Text(); got != tt.first {
				t.Errorf("first row's number cell %q, want %q", got, tt.first)
			}
		})
	}
}

// TestSectionHeaderApart reads a LibreOffice PDF of a report split into
// tables, one per section, each with its header, centred in their cells
// (tmpl-lo-pdf/t-bolmeler-alti-sutun): the second table's header stands
// in the middle of the page, as close to its first row as rows to each
// other, and was read as that row's top. Each header is a row of its
// own, and the row under it opens the table's first measure. The section
// heading between the tables, one line set as a phrase across the
// columns, is one cell (it was cut at the gutters, "2." apart from its
// words, and read as measure 2).
func TestSectionHeaderApart(t *testing.T) {
	rows := variantRows(t, "tmpl-lo-pdf/t-bolmeler-alti-sutun")
	var after []string
	heading := false
	for i := 0; i+1 < len(rows); i++ {
		if rows[i].InTable && rows[i].Cells[0].Text() == "Sıra №" {
			after = append(after, rows[i+1].Cells[0].Text())
		}
		heading = heading || rows[i].Cells[0].Text() == "2. Ekoloji məlumatlara çıxışın genişləndirilməsi"
	}
	if !heading {
		t.Errorf("no row holds the section heading in one cell")
	}
	if want := []string{"1.1", "2.1"}; !slices.Equal(after, want) {
		t.Errorf("rows under the headers open %q, want %q", after, want)
	}
}

// TestNarrowGutterKept reads the same variant: its two tables set their
// columns a few points apart, so that the document's gutter between the
// executor and the term is 3.4 points wide, and the rows' own columns
// find none there (the terms are one line each): the rows keep the
// document's boundary, each moved into its own gutter (4.3 points
// between "2022-2026" and the work done). Every measure's executor and
// term cells are the gold's.
func TestNarrowGutterKept(t *testing.T) {
	want := map[string][2]string{
		"1.1": {"Maliyyə və iqtisadiyyat şöbəsi", "2022-2026"},
		"1.2": {"Hüquq şöbəsi", "hər il"},
		"2.1": {"Milli Hidrometeorologiya Xidməti", "2023-2024"},
		"2.2": {"Ekoloji ekspertiza şöbəsi", "mütəmadi"},
		"2.3": {"Ətraf mühitin mühafizəsi departamenti", "2023"},
	}
	n := 0
	for _, r := range variantRows(t, "tmpl-lo-pdf/t-bolmeler-alti-sutun") {
		w, ok := want[r.Cells[0].Text()]
		if !ok || !r.InTable {
			continue
		}
		n++
		if len(r.Cells) != 6 {
			t.Errorf("measure %s: %d cells, want 6", r.Cells[0].Text(), len(r.Cells))
			continue
		}
		if got := [2]string{r.Cells[2].Text(), r.Cells[3].Text()}; got != w {
			t.Errorf("measure %s: executor and term %q, want %q", r.Cells[0].Text(), got, w)
		}
	}
	if n != len(want) {
		t.Errorf("%d measure rows, want %d", n, len(want))
	}
}

// TestCentredRowTitlesWhole reads LibreOffice PDFs of tables without
// rules whose cells are centred vertically (issue #11 variants
// lo-pdf-grid-serif11, lo-pdf-landscape-none): rows set closer than the
// paragraphs of a cell were cut at the widest gap near where the row's
// middle puts its end, and a title's last line, whose tight glyph box
// left a gap as wide as the row's padding, went to the next row
// ("bölməsinin" / "yaradılması"); and the rest of a row cut by the page
// break, set from the page's top in one or two columns, ran into the next
// row's top ("olan statistik …" under 4.1). Every measure's title, its
// numbered row's title cell joined with those of the continuation rows
// after it, is the gold's.
func TestCentredRowTitlesWhole(t *testing.T) {
	for _, tt := range []struct{ variant, gold string }{
		{"lo-pdf-grid-serif11/r010-2020", "../../fixtures/corpus/gold/r010-2020.gold.json"},
		{"lo-pdf-landscape-none/seed", "../../testdata/seed/seed.gold.json"},
		{"lo-pdf-landscape-none/r005-2021", "../../fixtures/corpus/gold/r005-2021.gold.json"},
		// Rows that touch, a number's line standing lower than its
		// number (the work done's words beside it): the row's middle is
		// the number's own.
		{"lo-pdf-grid-serif11/r035-2021", "../../fixtures/corpus/gold/r035-2021.gold.json"},
	} {
		t.Run(tt.variant, func(t *testing.T) {
			order, want := goldMeasures(t, tt.gold)
			got := map[string]string{}
			cur := ""
			for _, r := range variantRows(t, tt.variant) {
				if !r.InTable || len(r.Cells) != 4 {
					continue
				}
				if num, ok := hesabat.MeasureNumber(r.Cells[0].Text()); ok {
					cur = num
					got[cur] = r.Cells[1].Text()
				} else if r.Cells[0].Text() == "" && cur != "" {
					got[cur] = hesabat.JoinText(got[cur], r.Cells[1].Text())
				}
			}
			for _, num := range order {
				if got[num] != want[num] {
					t.Errorf("measure %s title:\n got %q\nwant %q", num, got[num], want[num])
				}
			}
		})
	}
}

// TestCentredRowTopAtPageTop reads a LibreOffice PDF of a table without
// rules whose cells are centred (lo-pdf-grid-serif11/r013-2020): a row
// starts at the top of a page with a paragraph of its work done, set
// apart by a paragraph's space from the rest of the row, whose number is
// centred on the whole; that paragraph was read as the rest of the row
// above. Each numbered row's work done starts as the gold's does.
func TestCentredRowTopAtPageTop(t *testing.T) {
	workStarts(t, "lo-pdf-grid-serif11/r013-2020", "../../fixtures/corpus/gold/r013-2020.gold.json")
}

// workStarts checks that each numbered row of a rendered variant (four
// cells) starts its work done as the gold's measure does (its first
// three words), and that there are as many numbered rows as measures.
func workStarts(t *testing.T, variant, goldPath string) {
	t.Helper()
	data, err := os.ReadFile(goldPath)
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
	first := map[string]string{}
	for _, m := range gold.Measures {
		first[m.Number] = strings.Join(strings.Fields(m.Paragraphs[0])[:3], " ")
	}
	n := 0
	for _, r := range variantRows(t, variant) {
		num, ok := hesabat.MeasureNumber(r.Cells[0].Text())
		if !ok || !r.InTable || len(r.Cells) != 4 {
			continue
		}
		n++
		if work := r.Cells[3].Text(); !strings.HasPrefix(work, first[num]) {
			t.Errorf("measure %s: work done starts %.40q, want %q", num, work, first[num])
		}
	}
	if n != len(gold.Measures) {
		t.Errorf("%d numbered rows, want %d", n, len(gold.Measures))
	}
}
