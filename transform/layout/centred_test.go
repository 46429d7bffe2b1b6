package layout

import (
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
