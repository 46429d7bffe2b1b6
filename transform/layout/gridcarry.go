package layout

import (
	"math"
	"strings"
)

// carried is what a row carried over a page break already holds in one
// column on the pages before: what its continuation at the top of the next
// page may still bring there.
type carried int

const (
	// carriedNone: no text, or nothing known (the rows before differ).
	carriedNone carried = iota
	// carriedOpen: text ending with a hyphen, a term broken after it
	// ("2020-") whose other piece is on the next page.
	carriedOpen
	// carriedClosed: text not ending with a hyphen, a whole short cell
	// (a term "2021") that the next page adds nothing to.
	carriedClosed
)

// carriedCells returns, per column, what the last table row of rows (the
// rows of the pages before) holds (see carried); nil without one.
func carriedCells(rows []built) []carried {
	for i := len(rows) - 1; i >= 0; i-- {
		r := &rows[i]
		if !r.InTable || len(r.Cells) < 2 {
			continue
		}
		out := make([]carried, len(r.Cells))
		for c := range r.Cells {
			switch t := r.Cells[c].Text(); {
			case t == "":
			case strings.HasSuffix(t, "-"):
				out[c] = carriedOpen
			default:
				out[c] = carriedClosed
			}
		}
		return out
	}
	return nil
}

// openPiece gives to narrow column k of a page's first row, which carries
// on a row whose column k ended with a hyphen on the page before (see
// carriedOpen) and has no text in column k on this page, the last word of
// column k-1 on the line whose last word ends nearest column k's boundary,
// within two characters of it or across it, after another word of column
// k-1 one space before it: the term's other piece, which pdftotext set one
// space after the title's line on the next page ("2020-" at the foot of
// one page, "qoşulan informasiya 2022" on the next, the page's term
// boundary at 28; r025, r030). A piece set apart from the title's words
// the column's boundaries find.
func openPiece(ls []tline, cuts [][]float64, k int) {
	for i := range ls {
		if len(wordsIn(&ls[i], cuts[i][k], cuts[i][k+1])) > 0 {
			return // the column has text
		}
	}
	best, at, dist := -1, 0.0, math.Inf(1)
	for i := range ls {
		cw := ls[i].height() / 2
		left := wordsIn(&ls[i], cuts[i][k-1], cuts[i][k])
		if len(left) < 2 {
			continue
		}
		w := left[len(left)-1]
		if w.X0-left[len(left)-2].X1 >= 1.5*cw {
			continue
		}
		if d := cuts[i][k] - w.X1; d <= 2*cw && d < dist {
			best, at, dist = i, w.X0, d
		}
	}
	if best >= 0 {
		cuts[best][k] = at
	}
}

// wholeLeft gives to column k+1 the text of narrow column k (columns xs,
// the page's) of a page's first row, which carries on a row whose column
// k was found whole on the page before (see carriedClosed), when that
// text starts at the left edge of a wide column (see wideEdge): the lines
// of the next column, set left of the page's boundary where pdftotext
// squeezed out the room of column k, empty on this page (the work done
// at 42, the page's term boundary at 52, over the header's "İcra
// müddəti"; layout-narrow-gutter r005). wideEdge moves a document's
// boundary by eight characters at most, for a column that may have text
// on the page; one with none to hold gives way however far.
func wholeLeft(ls []tline, cuts [][]float64, xs []float64, k int) {
	if len(ls) == 0 || k+2 >= len(xs) {
		return
	}
	// From a character left of the column: with no text of its own to
	// start at its left edge, any start in it may be the next column's.
	cw := ls[0].height() / 2
	e, ok := wideEdge(ls, xs[k]-cw, xs[k+1], cw)
	if !ok {
		return
	}
	for i := range cuts {
		if cuts[i][k+1] > e {
			cuts[i][k+1] = fmax(e, cuts[i][k])
		}
	}
}
