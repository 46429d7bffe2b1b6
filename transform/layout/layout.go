// Package layout is hesabat's one layout engine: it rebuilds the rows of
// a document from positioned words and rules (hesabat.Page), whatever
// produced them: PDF glyphs, `pdftotext -layout` text at monospace
// positions, OCR words.
//
// On each page words are grouped into lines. A page with a ruled table
// takes its columns and rows from the rules (snapped and joined); text
// above and below it becomes paragraph rows. Pages without rules are read
// for a borderless table: its columns are the gutters that the document's
// table lines leave empty, its header the lines that open the table on
// most pages, and its rows are cut at vertical gaps wider than a
// paragraph break, or, where the document's gaps do not tell rows from
// paragraphs (layout text), anchored at the measure numbers. Whether a
// page's aligned lines are a table is decided per block of lines, not per
// document. A cell's lines are joined into paragraphs, a cell carrying on
// a paragraph cut by the page break is marked Cell.Continues, and
// Cell.Box says where the cell's text stands.
//
// Running headers and footers and page numbers are returned as furniture,
// never dropped: every word of every page ends in a row or in the
// furniture.
//
// Thresholds are in units of the page's own line height (the height of a
// line of text), so that they hold at any scale; each says what it
// protects against.
package layout

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/hesabat/hesabat"
)

// pageLines is one page after line building: its lines (furniture
// removed) and its ruled grid, if any.
type pageLines struct {
	n     int
	w, h  float64
	lines []tline
	grid  *grid
	// hs are the page's horizontal rules (merged), on pages without a
	// ruled grid: a table ruled only between its rows.
	hs []rule
	// ocr is true on a page read by OCR.
	ocr bool
	// right is, per column of the page's table, where the column's full
	// lines end over the whole document (see tableRights); nil without a
	// table.
	right []float64
	// own is, on a page with a ruled grid, columnRights of the lines
	// tableRights took as the grid's (their middles within it), which
	// ruledRows reuses; nil until tableRights sets it.
	own []float64
}

// Rows rebuilds the rows of a document from its pages, in reading order,
// and returns the furniture it set aside (running headers and footers,
// page numbers). Every word ends in a row or in the furniture; the
// warnings name the scanned pages with neither table rules nor aligned
// columns, whose text stays paragraphs. A scan's table without rules is
// rebuilt as a text layer's is (see newBorderless), its header matched
// by its words (see headWords).
func Rows(pages []hesabat.Page) (rows []hesabat.Row, furniture []hesabat.Furniture, warnings []hesabat.Warning) {
	pls := make([]*pageLines, len(pages))
	s := newScratch(pages)
	defer s.release()
	for i := range pages {
		p := &pages[i]
		pls[i] = &pageLines{n: p.Number, w: p.Width, h: p.Height, lines: buildLinesIn(p.Words, s), grid: ruledGrid(p.Rules), ocr: p.OCR}
		if pls[i].grid == nil {
			pls[i].hs, _ = mergeRules(p.Rules)
		}
	}
	joinSplitWords(pls)
	furniture = takeFurniture(pls)
	furniture = append(furniture, takeFootnotes(pls)...)
	setPitch(pls)
	// Sized so that the maps seldom grow while they are filled: on the
	// corpus the lexicon (words, their pairs and counts) ends with 0.4 to
	// 0.75 entries per word read, the distinct texts 0.1 to 0.2.
	words := 0
	for i := range pages {
		words += len(pages[i].Words)
	}
	lx, seen := make(lexicon, words*3/4), make(map[string]string, words/4)
	var loose []*pageLines // pages without ruled grids
	for _, pl := range pls {
		lx.addPage(pl, seen)
		lx.addCellEnds(pl)
		if pl.grid == nil {
			loose = append(loose, pl)
		}
	}
	bl := newBorderless(loose)
	tableRights(pls, bl)
	var built []built
	for _, pl := range pls {
		switch {
		case pl.grid != nil:
			built = append(built, ruledRows(pl, lx)...)
		default:
			if pl.ocr && bl == nil && len(pl.lines) > 0 {
				warnings = append(warnings, hesabat.Warnf(hesabat.WarnOCR, pl.n,
					"scanned page without table rules or aligned columns: its text is kept as paragraphs"))
			}
			built = append(built, borderlessRows(pl, bl, lx, carriedCells(built))...)
		}
	}
	markContinuations(built, lx)
	rows = make([]hesabat.Row, len(built))
	for i, r := range built {
		rows[i] = r.Row
	}
	markOCR(rows, pages)
	markOffsets(rows, pages)
	return rows, furniture, warnings
}

// built is a row with what continuation across pages needs to know about
// its cells' first and last lines.
type built struct {
	hesabat.Row
	edges []cellEdge // per cell, table rows only
}

// cellEdge describes a cell's text at its top and bottom.
type cellEdge struct {
	has   bool
	first hesabat.Word // the first word of the first line
	last  hesabat.Word // the last word of the last line
	room  float64      // white space after the last line, up to the column's text edge
	below float64      // white space under the last line, down to the row's bottom
	lh    float64      // height of the last line
	right float64      // where the column's full lines end
	ls    []tline      // the cell's lines
}

// lineHeight returns the median height of the lines: the page's (or
// document's) text size, the unit of the engine's thresholds. It is 0
// without lines.
func lineHeight(ls []tline) float64 {
	if len(ls) == 0 {
		return 0
	}
	hs := make([]float64, len(ls))
	for i := range ls {
		hs[i] = ls[i].height()
	}
	return nth(hs, len(hs)/2)
}

// alignColumns finds the column boundaries of a borderless table from its
// lines: x ranges that (almost) no word crosses, between the leftmost and
// rightmost text, that separate columns (see pruneColumns; sg is the
// widest space between words). A single line never decides (justified
// text has wide gaps): a boundary needs the other lines to leave it empty
// too. One line in fifty may cross it (a title, a section row across the
// table); when that finds no columns, one in twenty, then one in ten (rows
// whose columns drift, as `pdftotext -layout` sets them: each row is then
// refined, see rowColumns). Boundaries that only the lines set in columns
// leave empty are added where few lines cross them (see phraseCrossed). It
// returns nil unless at least three columns are found.
func alignColumns(lines []tline, sg float64) []float64 {
	for _, share := range []int{50, 20, 10} {
		if xs := pruneColumns(gutters(lines, max(1, len(lines)/share)), lines, sg); xs != nil {
			return phraseCrossed(xs, lines, sg)
		}
	}
	return phraseCrossed(nil, lines, sg)
}

// phraseCrossed adds to xs (nil when none were found) the column
// boundaries that the lines set in columns (a gap wider than sg) leave
// empty, one in fifty of them crossing at most (a signature set apart
// from its name), where fewer lines cross the boundary than lines set in
// columns have text in the columns on both sides of it. A small table's
// title block, its section rows across the table and a note below it are
// one phrase each, and a few of them cross every gutter of a table of
// three measures: more than one line in fifty. A gap inside a column is
// crossed by the column's other lines and has no text beside it in the
// columns next to it. Boundaries within sg of one of xs are not added;
// pruneColumns judges the result. It returns nil unless at least three
// columns are found.
func phraseCrossed(xs []float64, lines []tline, sg float64) []float64 {
	var set []tline
	for i := range lines {
		if columned(&lines[i], sg) {
			set = append(set, lines[i])
		}
	}
	more := gutters(set, max(1, len(set)/50))
	if len(more) < 3 {
		return xs
	}
	bounds := slices.Clone(xs)
	if bounds == nil {
		bounds = []float64{more[0], more[len(more)-1]}
	}
	out := slices.Clone(bounds)
	for _, x := range more[1 : len(more)-1] {
		if slices.ContainsFunc(bounds, func(y float64) bool { return math.Abs(x-y) < sg }) {
			continue
		}
		k, _ := slices.BinarySearch(bounds, x)
		if k == 0 || k == len(bounds) {
			continue
		}
		lo, hi := bounds[k-1], bounds[k]
		crossing, both := 0, 0
		for i := range lines {
			if crosses(lines[i].ws, x) {
				crossing++
			}
		}
		for i := range set {
			left, right := false, false
			for wi := range set[i].ws {
				w := &set[i].ws[wi]
				m := (w.X0 + w.X1) / 2
				left, right = left || (m >= lo && m < x), right || (m >= x && m < hi)
			}
			if left && right {
				both++
			}
		}
		// Cells centred vertically put the columns' lines at other
		// heights: then the lines that start the column right of x at
		// one place (columns are aligned left) speak for it.
		if crossing < max(both, alignedStarts(lines, x, hi, lineHeight(lines))) {
			out = append(out, x)
		}
	}
	if len(out) == len(bounds) {
		return xs
	}
	slices.Sort(out)
	if pruned := pruneColumns(out, lines, sg); len(pruned) > len(xs) {
		return pruned
	}
	return xs
}

// coverage returns, for each whole point lo+x, x < n, how many words of
// lines cover it (X0 <= lo+x <= X1): each word's span is marked at its
// ends, then the marks are summed, in one pass over the points.
func coverage(lines []tline, lo, n int) []int {
	cover := make([]int, n+1) // the last: where spans ending at n-1 end
	for i := range lines {
		ws := lines[i].words()
		for wi := range ws {
			w := &ws[wi]
			if a, b := int(math.Ceil(w.X0))-lo, int(math.Floor(w.X1))-lo; a <= b {
				cover[a]++
				cover[b+1]--
			}
		}
	}
	for x := 1; x < n; x++ {
		cover[x] += cover[x-1]
	}
	return cover[:n]
}

// gutters returns the column boundaries that at most tol lines cross, or
// nil when they make fewer than three columns.
func gutters(lines []tline, tol int) []float64 {
	if len(lines) == 0 {
		return nil
	}
	minX, maxX := math.Inf(1), math.Inf(-1)
	words := 0
	for i := range lines {
		for wi := range lines[i].words() {
			w := &lines[i].words()[wi]
			words++
			minX, maxX = fmin(minX, w.X0), fmax(maxX, w.X1)
		}
	}
	if words == 0 || maxX-minX > maxScanWidth {
		return nil
	}
	// A gutter narrower than a fifth of a line is the space between two
	// glyphs, not between columns.
	minGutter := 0.2 * lineHeight(lines)
	lo := int(math.Floor(minX))
	cover := coverage(lines, lo, int(math.Ceil(maxX))-lo+1)
	xs := []float64{minX - 1}
	for x := 0; x < len(cover); {
		if cover[x] > tol {
			x++
			continue
		}
		end := x
		for end < len(cover) && cover[end] <= tol {
			end++
		}
		if x > 0 && end < len(cover) && float64(end-x) >= minGutter {
			xs = append(xs, float64(lo+x)+clearest(cover[x:end], minGutter))
		}
		x = end
	}
	xs = append(xs, maxX+1)
	if len(xs) < 4 {
		return nil
	}
	return xs
}

// clearest returns where to put a boundary in a gutter whose cover (lines
// crossing each point) is given: the middle of the widest stretch, at
// least minWidth wide, that the fewest lines cross, else the gutter's middle.
// A line crossing the gutter is tolerated, but the boundary must not cut
// it where it need not: a header centred in a narrow column ("Sıra N-")
// reaches into the gutter its column's left-aligned numbers leave.
func clearest(cover []int, minWidth float64) float64 {
	least := slices.Min(cover)
	at, width := float64(len(cover))/2, 0
	for i := 0; i < len(cover); {
		if cover[i] != least {
			i++
			continue
		}
		j := i
		for j < len(cover) && cover[j] == least {
			j++
		}
		if j-i > width && float64(j-i) >= minWidth {
			at, width = float64(i+j)/2, j-i
		}
		i = j
	}
	return at
}

// maxScanWidth bounds the width alignColumns scans, in points (PDF pages
// are at most 14,400 points wide).
const maxScanWidth = 15000

// crosses reports whether one of the words straddles boundary x.
func crosses(ws []hesabat.Word, x float64) bool {
	for wi := range ws {
		w := &ws[wi]
		if w.X0 < x-1 && w.X1 > x+1 {
			return true
		}
	}
	return false
}

// ruledRows builds the rows of a page with a ruled table: text above and
// below the table becomes paragraphs, each band between row rules a row.
// Lines that run on right under a table that no rule closes, inside its
// columns, extend its last row (a row split by the page break, drawn
// without a bottom rule); under a closed table, or crossing a column
// rule, they are the text after the table ("Qeyd: …", a signature).
func ruledRows(pl *pageLines, lx lexicon) []built {
	g := pl.grid
	var above, below []tline
	inside := make([]tline, 0, len(pl.lines))
	var more []tline // lines of inside that pl.own does not cover
	for _, l := range pl.lines {
		switch m := l.mid(); {
		case m < g.top:
			above = append(above, l)
		case m > g.bot:
			below = append(below, l)
		default:
			inside = append(inside, l)
			if !(m >= g.top && m <= g.bot) { // NaN: tableRights left it out
				more = append(more, l)
			}
		}
	}
	ys := g.ys
	for !g.closed && len(below) > 0 && below[0].y0-ys[len(ys)-1] < below[0].height() &&
		below[0].x0 >= g.xs[0] && below[0].x1 <= g.xs[len(g.xs)-1] && !crossesAny(below[0].words(), g.xs[1:len(g.xs)-1]) {
		ys = append(ys[:len(ys)-1:len(ys)-1], below[0].y1+1)
		inside, more, below = append(inside, below[0]), append(more, below[0]), below[1:]
	}
	rows := paragraphRows(above, pl.n, lx)
	// columnRights of inside: a column's edge is the greatest of its
	// lines' (fmax, whatever the order), so pl.own, when set, needs only
	// the lines it does not cover.
	cr := pl.own
	if cr == nil {
		cr = columnRights(inside, g.xs)
	} else if len(more) > 0 {
		cr = widest(cr, columnRights(more, g.xs))
	}
	right := widest(widest(cr, pl.right), ruledRights(inside, g.xs))
	band := make([]tline, 0, len(inside)) // reused: tableRow keeps none of it
	for i := 0; i+1 < len(ys); i++ {
		y0, y1 := ys[i], ys[i+1]
		band = band[:0]
		for li := range inside {
			if m := inside[li].mid(); m >= y0 && m < y1 || i+2 == len(ys) && m == y1 {
				band = append(band, inside[li])
			}
		}
		if len(band) == 0 {
			continue
		}
		if r, ok := tableRow(band, y1, g.xs, nil, right, func(x float64) bool { return !g.ruledAt(x, y0, y1) }, pl.n, lx); ok {
			rows = append(rows, r)
		}
	}
	return append(rows, paragraphRows(below, pl.n, lx)...)
}

// crossesAny reports whether one of the words straddles one of xs.
func crossesAny(ws []hesabat.Word, xs []float64) bool {
	for _, x := range xs {
		if crosses(ws, x) {
			return true
		}
	}
	return false
}

// tableRights sets each page's right: per column of its table (its ruled
// grid, or the document's borderless columns), the right edge of the
// widest line over every page with the same columns. The room a line
// leaves is read against it (see cutWord, newParagraph): a page's own
// widest line may stop well short of the column's edge, which would make
// a whole word ending a line look like the piece of a longer one.
func tableRights(pls []*pageLines, bl *borderless) {
	type table struct {
		xs, right []float64
		pages     []*pageLines
	}
	var tables []*table
	for _, pl := range pls {
		var xs []float64
		var ls []tline
		switch g := pl.grid; {
		case g != nil:
			xs, ls = g.xs, make([]tline, 0, len(pl.lines))
			for _, l := range pl.lines {
				if m := l.mid(); m >= g.top && m <= g.bot {
					ls = append(ls, l)
				}
			}
		case bl == nil || onGrid(pl.lines):
			// Layout text (lines on a character grid) has no true
			// column edge to share: pdftotext sets each page's columns
			// on their own, a few characters apart from page to page
			// (see onPage), so another page's widest line would read a
			// line ending one character short of this page's edge as
			// short of the column's, and end its paragraph there.
			continue
		default:
			first, last := bl.tableSpan(pl.lines)
			if first < 0 {
				continue
			}
			xs, ls = bl.xs, pl.lines[first:last+1]
		}
		right := columnRights(ls, xs)
		if pl.grid != nil {
			pl.own = right
		}
		k := slices.IndexFunc(tables, func(t *table) bool { return sameColumns(t.xs, xs) })
		if k < 0 {
			tables = append(tables, &table{xs: xs})
			k = len(tables) - 1
		}
		t := tables[k]
		t.right, t.pages = widest(t.right, right), append(t.pages, pl)
	}
	for _, t := range tables {
		for _, pl := range t.pages {
			pl.right = t.right
		}
	}
}

// sameColumns reports whether two tables' column boundaries are the same
// to a point (a table's rules repeat at the same places on every page).
func sameColumns(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1 {
			return false
		}
	}
	return true
}

// widest returns, per column, the larger of a's and b's right edges (a
// when b is nil or of another table).
func widest(a, b []float64) []float64 {
	if len(a) == 0 {
		return slices.Clone(b)
	}
	if len(b) != len(a) {
		return a
	}
	out := slices.Clone(a)
	for i := range out {
		out[i] = fmax(out[i], b[i])
	}
	return out
}

// columnRights returns, per column, the right edge of its widest line: the
// edge a full line reaches. Words count in the column of their midpoint,
// unless they reach a point past its right boundary: such a word stands
// in a cell merged across columns (a section row's "… genişləndirilməsi"
// over the next column), whose edge is another.
func columnRights(ls []tline, xs []float64) []float64 {
	right := slices.Clone(xs[:len(xs)-1])
	for i := range ls {
		// The boundaries before the last word's column are all short of
		// a word whose middle is no further left: its search starts there.
		from, prev := 0, math.NaN()
		for wi := range ls[i].words() {
			w := &ls[i].words()[wi]
			m := (w.X0 + w.X1) / 2
			c := 0 // sort.SearchFloat64s(xs, m), over a few columns
			if m >= prev {
				c = from
			}
			for c < len(xs) && !(xs[c] >= m) {
				c++
			}
			from, prev = c, m
			if c--; c >= 0 && c < len(right) && (c+1 == len(right) || w.X1 <= xs[c+1]+1) {
				right[c] = fmax(right[c], w.X1)
			}
		}
	}
	return right
}

// ruledRights returns, per column of a ruled grid, where its text can
// reach: the rule on its right less the padding the column's text keeps
// from the rule on its left (the least, over its lines: left-aligned
// lines start there). Renderers pad cells alike on both sides (CSS
// padding, LibreOffice's and Word's cell margins). A column's widest line
// may stop well short of that edge when its words are long for it ("Davam"
// over "edir" in a narrow column, where "Davame" would have fitted); a
// word the renderer cut leaves less room than its next glyph against this
// edge too. A column without text keeps its left rule.
func ruledRights(ls []tline, xs []float64) []float64 {
	right := slices.Clone(xs[:len(xs)-1])
	for c := range right {
		pad := math.Inf(1)
		for i := range ls {
			if x0, x1, ok := ls[i].clipX(xs[c], xs[c+1]); ok && x0 >= xs[c] && x1 <= xs[c+1] {
				pad = fmin(pad, x0-xs[c])
			}
		}
		if !math.IsInf(pad, 1) {
			right[c] = xs[c+1] - pad
		}
	}
	return right
}

// tableRow builds one table row from the lines of a band ending at bottom.
// merged(x) tells whether the interior boundary x is absent in this band,
// so the cells on either side are one. lineXs, when not nil, holds each
// line's own boundaries, as many as xs, which then only name the columns
// (see lineCuts). Every word of the band lands in a
// cell (words left of the first boundary in the first, right of the last
// in the last). ok is false when the band holds no text.
func tableRow(band []tline, bottom float64, xs []float64, lineXs [][]float64, right []float64, merged func(x float64) bool, pageNo int, lx lexicon) (built, bool) {
	row := built{Row: hesabat.Row{InTable: true, Page: pageNo, Offset: -1,
		Cells: make([]hesabat.Cell, 0, len(xs)-1)}, edges: make([]cellEdge, 0, len(xs)-1)}
	text := false
	grid := onGrid(band)
	for c := 0; c+1 < len(xs); {
		end := c + 1
		for end+1 < len(xs) && merged(xs[end]) {
			end++
		}
		bounds := func(i int) (lo, hi float64) {
			bx := xs
			if lineXs != nil {
				bx = lineXs[i]
			}
			lo, hi = bx[c], bx[end]
			if c == 0 {
				lo = math.Inf(-1)
			}
			if end == len(xs)-1 {
				hi = math.Inf(1)
			}
			return lo, hi
		}
		n := 0 // the lines reaching into the cell: room for its parts
		for i := range band {
			if lo, hi := bounds(i); band[i].x1 >= lo && band[i].x0 < hi {
				n++
			}
		}
		cl := make([]tline, 0, n)
		for i := range band {
			lo, hi := bounds(i)
			if part, ok := band[i].clip(lo, hi); ok {
				// On a character grid (layout text) every gap is a
				// whole number of cells and a justified line is padded
				// with whole spaces, so a gap one cell narrower than
				// the others is a space, not a renderer's stretch.
				if !grid {
					part = joinExpanded(part)
				}
				cl = append(cl, part)
			}
		}
		var filled gapFill
		if grid {
			filled = func(y0, y1 float64) (in, stride bool) {
				for i := range band {
					if band[i].y0 >= y0 && band[i].y1 <= y1 {
						in = true
						stride = stride || inStride(band, i)
					}
				}
				return in, stride
			}
		}
		paras, _ := splitParagraphs(cl, right[end-1], cellPitch(cl), lx, filled)
		cell := hesabat.Cell{Paras: paras, Box: boxOf(cl, pageNo)}
		row.edges = append(row.edges, edgeOf(cl, right[end-1], bottom))
		if end-c > 1 {
			cell.Span = end - c
		}
		text = text || len(cell.Paras) > 0
		row.Cells = append(row.Cells, cell)
		c = end
	}
	return row, text
}

// inStride reports whether a word of line i of a band on a character grid
// overlaps, across the page, a word on the line position right above or
// below it (see gapFill).
func inStride(band []tline, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(band) || math.Abs(band[j].y0-band[i].y0) > 1.5*band[i].height() {
			continue // no line right above or below
		}
		for wi := range band[i].ws {
			w := &band[i].ws[wi]
			for vi := range band[j].ws {
				v := &band[j].ws[vi]
				if v.X0 < w.X1 && w.X0 < v.X1 {
					return true
				}
			}
		}
	}
	return false
}

// onGrid reports whether lines stand on a grid of fixed line positions,
// as layout text does: all as high as the first, at whole multiples of
// that height from it.
func onGrid(ls []tline) bool {
	if len(ls) < 2 {
		return false
	}
	h := ls[0].height()
	for i := range ls {
		k := (ls[i].y0 - ls[0].y0) / h
		if ls[i].height() != h || k != math.Trunc(k) {
			return false
		}
	}
	return true
}

// boxOf returns the box around lines on page n (the zero Box for none).
func boxOf(ls []tline, n int) hesabat.Box {
	if len(ls) == 0 {
		return hesabat.Box{}
	}
	b := hesabat.Box{Page: n, X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}
	for i := range ls {
		b.X0, b.Y0 = fmin(b.X0, ls[i].x0), fmin(b.Y0, ls[i].y0)
		b.X1, b.Y1 = fmax(b.X1, ls[i].x1), fmax(b.Y1, ls[i].y1)
	}
	// To a hundredth of a point: finer is noise (PDFium reports float32
	// positions, the Go reader float64), and a box is for finding a cell
	// on its page.
	round := func(v float64) float64 { return math.Round(v*100) / 100 }
	b.X0, b.Y0, b.X1, b.Y1 = round(b.X0), round(b.Y0), round(b.X1), round(b.Y1)
	return b
}

// paragraphRows turns lines outside any table into one row per paragraph.
func paragraphRows(ls []tline, pageNo int, lx lexicon) []built {
	if len(ls) == 0 {
		return nil
	}
	right := math.Inf(-1)
	for i := range ls {
		right = fmax(right, ls[i].x1)
	}
	var rows []built
	paras, ends := splitParagraphs(ls, right, 0, lx, nil)
	start := 0
	for i, p := range paras {
		box := boxOf(ls[start:ends[i]], pageNo)
		start = ends[i]
		rows = append(rows, built{Row: hesabat.Row{Cells: []hesabat.Cell{{Paras: []string{p}, Box: box}}, Page: pageNo, Offset: -1}})
	}
	return rows
}

// punctuationOnly reports whether s has no letter or digit.
func punctuationOnly(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// numberRow reports whether r opens a measure: its first cell is a
// measure number and the row is not the column-number row under a header.
func numberRow(r *hesabat.Row) bool {
	if len(r.Cells) == 0 {
		return false
	}
	texts := make([]string, len(r.Cells))
	for i, c := range r.Cells {
		texts[i] = c.Text()
	}
	_, ok := hesabat.MeasureNumber(texts[0])
	return ok && !hesabat.ColumnNumbers(texts)
}

// edgeOf describes the top and bottom of a cell's lines; right and bottom
// are where its text can reach.
func edgeOf(ls []tline, right, bottom float64) cellEdge {
	e := cellEdge{right: right, ls: ls}
	for i := range ls {
		if ws := ls[i].words(); len(ws) > 0 {
			if !e.has {
				e.first, e.has = ws[0], true
			}
			e.last, e.lh = ws[len(ws)-1], ls[i].height()
			e.room = right - e.last.X1
			e.below = bottom - ls[i].y1
		}
	}
	return e
}

// glueCut moves the first word of cell cur, which continues cell above
// across a page break, onto the end of above when above's last line ends
// with a piece of that word (see cutAt), so that the stitcher's one
// joiner, which puts a space between the pages' texts, joins whole words.
// The word's paragraph goes with it when it held only that word.
func glueCut(above, cur *hesabat.Cell, a, b cellEdge, lx lexicon) {
	prev, l := lastWithWords(a.ls), firstWithWords(b.ls, 0)
	if prev == nil || l == nil || len(above.Paras) == 0 || len(cur.Paras) == 0 {
		return
	}
	after := firstWithWords(b.ls, 1)
	word := l.ws[0].Text
	first, ok := strings.CutPrefix(cur.Paras[0], word)
	if !ok || !cutAt(prev, l, after, a.right, b.right, lx) {
		return
	}
	above.Paras[len(above.Paras)-1] += word
	if first = strings.TrimLeft(first, " "); first != "" {
		cur.Paras[0] = first
	} else {
		cur.Paras, cur.Continues = cur.Paras[1:], false
	}
}

// justifiedEnd reports whether the last of a cell's lines, whose full
// lines end at right, is the last line of a justified paragraph: the cell
// is justified (at least three of its lines of three words or more, and
// four in five of them, end at right, as ragged text cannot) and the last
// line, of two words or more, stops short of right (a renderer stretches
// every line of a justified paragraph but its last). The tolerance, a
// tenth of a line, is rounding: justified lines end at the edge to a
// hundredth of a point.
func justifiedEnd(ls []tline, right float64) bool {
	last := lastWithWords(ls)
	if last == nil || len(last.ws) < 2 {
		return false
	}
	tol := 0.1 * last.height()
	if right-last.x1 <= tol {
		return false
	}
	full, long := 0, 0
	for i := range ls {
		if l := &ls[i]; l != last && len(l.ws) >= 3 {
			long++
			if right-l.x1 <= tol {
				full++
			}
		}
	}
	return full >= 3 && 5*full >= 4*long
}

// lastWithWords returns the last of ls that has words, or nil.
func lastWithWords(ls []tline) *tline {
	for i := len(ls) - 1; i >= 0; i-- {
		if len(ls[i].ws) > 0 {
			return &ls[i]
		}
	}
	return nil
}

// firstWithWords returns the (k+1)th of ls that has words, or nil.
func firstWithWords(ls []tline, k int) *tline {
	for i := range ls {
		if len(ls[i].ws) > 0 {
			if k == 0 {
				return &ls[i]
			}
			k--
		}
	}
	return nil
}

// markContinuations sets Cell.Continues on the continuation row at the top
// of each page (the first table row with an empty first cell, before any
// numbered row on that page): a cell continues the paragraph above unless
// the previous page's text in that column ended a paragraph, that is ended
// a sentence on a line with room for the first word of this one, or with
// room for another line under it (the next paragraph's spacing did not
// fit). The end of a measure number cut by the page break ("10.4" + ".")
// moves back to the number.
func markContinuations(rows []built, lx lexicon) {
	var prev *built // the last table row of the previous page
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].Page == rows[i].Page {
			j++
		}
		var last *built
		numbered := false
		for k := i; k < j; k++ {
			r := &rows[k]
			if !r.InTable || len(r.Cells) < 2 {
				continue
			}
			first := r.Cells[0].Text()
			if !numbered && prev != nil && len(prev.Cells) == len(r.Cells) && first != "" && punctuationOnly(first) {
				if p := prev.Cells[0].Paras; len(p) > 0 {
					p[len(p)-1] += first
					r.Cells[0].Paras, r.Cells[0].Box, r.edges[0].has, first = nil, hesabat.Box{}, false, ""
				}
			}
			if !numbered && first == "" && prev != nil && len(prev.Cells) == len(r.Cells) {
				for c := range r.Cells {
					a, b := prev.edges[c], r.edges[c]
					if a.has && b.has {
						ended := sentenceEnd(a.last.Text) && !a.last.Hyphen &&
							(a.room > (b.first.X1-b.first.X0)+0.3*a.lh+gridSlack(a) || a.below > 1.1*a.lh || justifiedEnd(a.ls, a.right))
						r.Cells[c].Continues = !ended
						if !ended {
							glueCut(&prev.Row.Cells[c], &r.Cells[c], a, b, lx)
						}
					}
				}
				numbered = true // only the first such row continues
			}
			numbered = numbered || numberRow(&r.Row)
			last = r
		}
		if last != nil {
			prev = last
		}
		i = j
	}
}
