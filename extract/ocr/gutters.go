package ocr

import (
	"image"
)

// A table without rules is found by its gutters: white runs down a block
// of lines. Read whole, its page loses what a ruled page's column strips
// keep (see columnRegions): Tesseract takes a short number alone in its
// cell for noise or letters, and a term of two lines for a dash ("2020-"
// over "2022" read as "—."). gutterColumns finds the gutters, so that
// such a page is read column by column too, and its short cells again
// (see rereadCells).

// Geometry of a borderless table, in inches.
const (
	// minGutter is the narrowest white run taken for a gutter between
	// two columns: a borderless report's columns stand 0.11 in apart and
	// more, while a space between words is under 0.05 in at body sizes,
	// so a line of prose crosses every gutter.
	minGutter = 0.08
	// minStroke is the least ink in one pixel column of a line for text
	// to stand there: a letter's stem is as tall as the x-height (0.06 in
	// at 9 pt); a dash, a dot or a speck of dirt is thinner and may stand
	// in a gutter.
	minStroke = 0.02
	// letterGap and minInk: in a line, runs of ink closer than letterGap
	// are one mark (the letters of a word, a number and its dots), and a
	// mark narrower than minInk is dirt, not text (a lone digit is 0.05
	// in wide at 9 pt): a scan's dust, left in the page margin beside the
	// table, would stand for a column of its own.
	letterGap = 0.02
	minInk    = 0.04
	// minTable is the least height of a block of lines taken for a table:
	// a few lines of prose may leave a white run in line by chance.
	minTable = 1.0
)

// gutterColumns finds a table without rules in g: the block of
// consecutive lines (see inkLines), the tallest, that leaves two gutters
// or more white from its top to its bottom (three columns). It returns
// the x of the table's edges from the left (its text's left end, the
// gutters' middles, its text's right end: as tableColumns returns a ruled
// table's rules) and the block's top and bottom; nil without such a
// block. Lines that cross the gutters (a
// title above the table, prose below it) stay out of the block.
func gutterColumns(g *image.Gray, ink uint8, dpi float64) (xs []float64, top, bottom float64) {
	bands, _ := inkLines(g, g.Rect, ink, dpi)
	w := g.Rect.Dx()
	stroke := max(1, int(minStroke*dpi))
	// occupied[i][x]: text stands at x in band i.
	occupied := make([][]bool, len(bands))
	count := make([]int, w)
	for i, b := range bands {
		clear(count)
		for y := b.Min.Y; y < b.Max.Y; y++ {
			row := g.Pix[g.PixOffset(g.Rect.Min.X, y):]
			for x := range w {
				if row[x] < ink {
					count[x]++
				}
			}
		}
		occupied[i] = make([]bool, w)
		for x, n := range count {
			occupied[i][x] = n >= stroke
		}
		dropSpecks(occupied[i], int(letterGap*dpi), int(minInk*dpi))
	}
	minRun := int(minGutter * dpi)
	best := -1.0
	free := make([]bool, w) // white in every band of the block
	for s := range bands {
		for x := range free {
			free[x] = true
		}
		lo, hi := w, -1 // the block's text extent
		for e := s; e < len(bands); e++ {
			for x, o := range occupied[e] {
				if o {
					free[x] = false
					lo, hi = min(lo, x), max(hi, x)
				}
			}
			h := float64(bands[e].Max.Y - bands[s].Min.Y)
			if h < minTable*dpi || h <= best {
				continue
			}
			var gs []float64
			for x := lo; x <= hi; {
				if !free[x] {
					x++
					continue
				}
				end := x
				for end <= hi && free[end] {
					end++
				}
				if end-x >= minRun {
					gs = append(gs, float64(g.Rect.Min.X)+float64(x+end)/2)
				}
				x = end
			}
			if len(gs) >= 2 {
				// The table's outer edges, half a gutter off its text: the
				// page's margins beside it, noise and dirt only, stay out
				// (as beside a ruled table's outer rules).
				m := minRun / 2
				left, right := float64(g.Rect.Min.X+max(0, lo-m)), float64(g.Rect.Min.X+min(w, hi+1+m))
				best, xs = h, append(append([]float64{left}, gs...), right)
				top, bottom = float64(bands[s].Min.Y), float64(bands[e].Max.Y)
			}
		}
	}
	return xs, top, bottom
}

// gutterGrid returns the cells of the columns between xs (the table's
// edges and gutters, see gutterColumns) from top to bottom, as tableGrid does for a ruled table:
// in each column, its lines of ink, a line joined to the one above when
// the gap between them is narrower than the taller of the two (lines of
// one cell stand a line's height apart or less; cells of rows one under
// another further).
func gutterGrid(g *image.Gray, xs []float64, top, bottom float64, ink uint8, dpi float64) [][]image.Rectangle {
	var grid [][]image.Rectangle
	for i := 0; i+1 < len(xs); i++ {
		strip := image.Rect(int(xs[i]), int(top), int(xs[i+1]), int(bottom))
		bands, _ := inkLines(g, strip, ink, dpi)
		var col []image.Rectangle
		for k, b := range bands {
			if n := len(col); n > 0 && b.Min.Y-bands[k-1].Max.Y < max(b.Dy(), bands[k-1].Dy()) {
				col[n-1] = col[n-1].Union(b)
				continue
			}
			col = append(col, b)
		}
		grid = append(grid, col)
	}
	return grid
}

// dropSpecks clears in occupied the marks narrower than minWidth, a mark
// being runs of set values less than gap apart.
func dropSpecks(occupied []bool, gap, minWidth int) {
	for x := 0; x < len(occupied); {
		if !occupied[x] {
			x++
			continue
		}
		end, last := x, x // the mark's end, past its last set value
		for end < len(occupied) && end-last <= gap {
			if occupied[end] {
				last = end
			}
			end++
		}
		if last+1-x < minWidth {
			clear(occupied[x : last+1])
		}
		x = last + 1
	}
}
