package doc

import (
	"sort"

	"github.com/hesabat/hesabat"
)

// cellText is the paragraphs of one cell, as read between cell marks.
type cellText struct{ paras []string }

// rowText is one table row as read: its cells, and the properties of its
// row-end mark.
type rowText struct {
	cells  []cellText
	tap    tap
	page   int
	offset int
}

// tableBuf holds the rows of the table being read: spans are known only
// once all the table's cell boundaries are.
type tableBuf struct{ rows []rowText }

// flush turns the buffered rows into Rows. The table's grid is every cell
// boundary of every row; a cell spans the grid columns between its two
// boundaries, as DOCX gridSpan says. A legacy horizontal merge folds the
// merged cells into the first; a vertical-merge continuation is an empty
// cell, its text being in the cell where the merge starts. Only the
// table's leading rows can be header rows, as Word repeats only those.
func (d *reader) flush(tb *tableBuf) {
	if len(tb.rows) == 0 {
		return
	}
	seen := map[int]bool{}
	var grid []int
	for _, r := range tb.rows {
		for _, b := range r.tap.bounds {
			if !seen[b] {
				seen[b] = true
				grid = append(grid, b)
			}
		}
	}
	sort.Ints(grid)
	leading := true
	for _, r := range tb.rows {
		row := hesabat.Row{InTable: true, Page: r.page, Offset: int64(r.offset), Header: r.tap.header && leading}
		leading = row.Header
		for i, c := range r.cells {
			span := r.tap.span(i, grid)
			if i < len(r.tap.hmerge) && r.tap.hmerge[i] >= 2 && len(row.Cells) > 0 {
				last := &row.Cells[len(row.Cells)-1]
				last.Span += span
				last.Paras = append(last.Paras, c.paras...)
				continue
			}
			paras := c.paras
			if r.tap.vmerge[i] == 1 {
				paras = nil // the merged cell's text is where it starts
			}
			row.Cells = append(row.Cells, hesabat.Cell{Paras: paras, Span: span})
		}
		d.doc.Rows = append(d.doc.Rows, row)
	}
	tb.rows = tb.rows[:0]
}

// span returns how many columns of grid cell i of the row covers: the
// grid boundaries after its left one up to its right one; 1 when the
// row's boundaries are unknown.
func (t *tap) span(i int, grid []int) int {
	if i+1 >= len(t.bounds) {
		return 1
	}
	left, right := t.bounds[i], t.bounds[i+1]
	n := 0
	for _, g := range grid {
		if g > left && g <= right {
			n++
		}
	}
	return max(n, 1)
}
