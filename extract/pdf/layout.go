package pdf

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/hesabat/hesabat"
)

// pageLines is one page after text clean-up: its lines (running headers,
// footers and page numbers removed) and its ruled grid, if any.
type pageLines struct {
	*page
	lines []tline
	grid  *grid
}

// layout rebuilds the rows of a document from its pages. Pages without a
// text layer give a warning and no rows.
func layout(pages []*page) ([]hesabat.Row, []hesabat.Warning) {
	var warnings []hesabat.Warning
	pls := make([]*pageLines, len(pages))
	for i, p := range pages {
		gs := cleanGlyphs(p.chars)
		if unmapped(gs) {
			warnings = append(warnings, hesabat.Warnf(hesabat.WarnUnmapped, p.n, "text has no Unicode mapping (a font without ToUnicode); page skipped"))
			gs = nil
		} else if len(gs) == 0 {
			warnings = append(warnings, hesabat.Warnf(hesabat.WarnNoTextLayer, p.n, "page has no text layer; OCR not enabled"))
		}
		pls[i] = &pageLines{page: p, lines: buildLines(gs), grid: ruledGrid(p.rules)}
	}
	dropFurniture(pls)
	lx := lexicon{}
	var loose []*pageLines // pages without ruled grids
	for _, pl := range pls {
		for i := range pl.lines {
			lx.addLine(&pl.lines[i])
		}
		if pl.grid == nil {
			loose = append(loose, pl)
		}
	}
	bl := newBorderless(loose)
	var rows []built
	for _, pl := range pls {
		if pl.grid != nil {
			rows = append(rows, ruledRows(pl, lx)...)
		} else {
			rows = append(rows, borderlessRows(pl, bl, lx)...)
		}
	}
	markContinuations(rows)
	out := make([]hesabat.Row, len(rows))
	for i, r := range rows {
		out[i] = r.Row
	}
	return out, warnings
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
	first word    // the first word of the first line
	last  word    // the last word of the last line
	room  float64 // white space after the last line, up to the column's text edge
	below float64 // white space under the last line, down to the row's bottom
	lh    float64 // height of the last line
}

// unmapped reports whether most of a page's characters are private-use
// code points: what PDFium gives for fonts without a Unicode mapping.
func unmapped(gs []glyph) bool {
	pua := 0
	for _, g := range gs {
		if unicode.In(g.r, unicode.Co) {
			pua++
		}
	}
	return pua > 0 && 2*pua >= len(gs)
}

// Furniture zones: a line is a running header or footer candidate when it
// lies in the top or bottom band of a page, outside any ruled table.
const (
	topZone    = 0.065
	bottomZone = 0.92
)

// pageNumber matches a lone page number: "5", "- 5 -", "5/12", "Səhifə 5".
var pageNumber = regexp.MustCompile(`^(?:\p{L}+\s+)?[-–—]?\s*\d{1,4}\s*(?:[-–—]|/\s*\d{1,4}|\p{L}+\s+\d{1,4})?$`)

// digits matches runs of digits, masked when comparing running lines.
var digits = regexp.MustCompile(`\d+`)

// dropFurniture removes running headers and footers: lines in a page's
// top or bottom zone, outside its ruled table, that recur at the same
// height (digits masked) on at least half of the pages (and two), or that
// are lone page numbers.
func dropFurniture(pls []*pageLines) {
	type key struct {
		text string
		y    int
	}
	isZone := func(pl *pageLines, l *tline) bool {
		if g := pl.grid; g != nil && l.mid() > g.top && l.mid() < g.bot {
			return false
		}
		return l.y1 < topZone*pl.h || l.y0 > bottomZone*pl.h
	}
	keyOf := func(l *tline) key {
		return key{digits.ReplaceAllString(l.text(), "#"), int(math.Round(l.y0 / 4))}
	}
	seen := map[key]int{}
	for _, pl := range pls {
		page := map[key]bool{}
		for i := range pl.lines {
			if l := &pl.lines[i]; isZone(pl, l) {
				page[keyOf(l)] = true
			}
		}
		for k := range page {
			seen[k]++
		}
	}
	for _, pl := range pls {
		pl.lines = slices.DeleteFunc(pl.lines, func(l tline) bool {
			if !isZone(pl, &l) {
				return false
			}
			n := seen[keyOf(&l)]
			return (n >= 2 && 2*n >= len(pls)) || pageNumber.MatchString(strings.TrimSpace(l.text()))
		})
	}
}

// alignColumns finds the column boundaries of a borderless table from the
// lines of all its pages: x ranges that (almost) no word crosses, between
// the leftmost and rightmost text. A single line never decides (justified
// text has wide gaps): a boundary needs every other line to leave it empty
// too. It returns nil unless at least two columns are found among at least
// minAlignedLines lines.
func alignColumns(lines []tline) []float64 {
	if len(lines) == 0 {
		return nil
	}
	minX, maxX := math.Inf(1), math.Inf(-1)
	var ws []word
	for i := range lines {
		for _, w := range lines[i].words() {
			ws = append(ws, w)
			minX, maxX = math.Min(minX, w.x0), math.Max(maxX, w.x1)
		}
	}
	if len(lines) < minAlignedLines || len(ws) == 0 || maxX-minX > maxPageSize {
		return nil
	}
	lo := int(math.Floor(minX))
	cover := make([]int, int(math.Ceil(maxX))-lo+1)
	for _, w := range ws {
		for x := int(math.Ceil(w.x0)) - lo; x <= int(math.Floor(w.x1))-lo; x++ {
			cover[x]++
		}
	}
	tol := max(1, len(lines)/50)
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
		if x > 0 && end < len(cover) && end-x >= minGutter {
			xs = append(xs, float64(lo)+float64(x+end)/2)
		}
		x = end
	}
	xs = append(xs, maxX+1)
	if len(xs) < 4 {
		return nil
	}
	return xs
}

// minAlignedLines is the fewest lines from which alignColumns finds
// columns: a signature block or a short note is not a table.
const minAlignedLines = 8

// maxPageSize bounds the width alignColumns scans, in points (PDF pages
// are at most 14,400 points wide).
const maxPageSize = 15000

// minGutter is the narrowest white gap between borderless columns, in points.
const minGutter = 2

// crosses reports whether one of the line's words straddles boundary x.
func crosses(ws []word, x float64) bool {
	for _, w := range ws {
		if w.x0 < x-1 && w.x1 > x+1 {
			return true
		}
	}
	return false
}

// ruledRows builds the rows of a page with a ruled table: text above and
// below the table becomes paragraphs, each band between row rules a row.
// Lines that run on right under the table, inside its columns, extend its
// last row.
func ruledRows(pl *pageLines, lx lexicon) []built {
	g := pl.grid
	var above, below, inside []tline
	for _, l := range pl.lines {
		switch m := l.mid(); {
		case m < g.top:
			above = append(above, l)
		case m > g.bot:
			below = append(below, l)
		default:
			inside = append(inside, l)
		}
	}
	// Close the last row: text that runs on just under the table's end,
	// within its columns, belongs to it (a row no rule closes).
	ys := g.ys
	for len(below) > 0 && below[0].y0-ys[len(ys)-1] < below[0].height() &&
		below[0].x0 >= g.xs[0] && below[0].x1 <= g.xs[len(g.xs)-1] {
		ys = append(ys[:len(ys)-1:len(ys)-1], below[0].y1+1)
		inside, below = append(inside, below[0]), below[1:]
	}
	rows := paragraphRows(above, pl.n, lx)
	right := columnRights(inside, g.xs)
	for i := 0; i+1 < len(ys); i++ {
		y0, y1 := ys[i], ys[i+1]
		if y1-y0 < 1 {
			continue
		}
		var band []tline
		for _, l := range inside {
			if m := l.mid(); m >= y0 && m < y1 {
				band = append(band, l)
			}
		}
		if r, ok := tableRow(band, y1, g.xs, right, func(x float64) bool { return !g.ruledAt(x, y0, y1) }, pl.n, lx); ok {
			rows = append(rows, r)
		}
	}
	return append(rows, paragraphRows(below, pl.n, lx)...)
}

// borderless holds what the borderless pages of a document share: column
// boundaries, the header lines repeated at the top of the table on each
// page, and the vertical gap that separates rows.
type borderless struct {
	xs     []float64
	header []string // texts of the header lines
	rowGap float64
}

// tableSpan returns the indexes of the first and last lines of a page that
// cross no column boundary (-1, -1 when none does).
func (b *borderless) tableSpan(ls []tline) (first, last int) {
	first, last = -1, -1
	inner := b.xs[1 : len(b.xs)-1]
	for i := range ls {
		ws := ls[i].words()
		aligned := true
		for _, x := range inner {
			aligned = aligned && !crosses(ws, x)
		}
		if aligned {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}

// newBorderless studies the pages without ruled grids. It returns nil when
// their text has fewer than two columns.
func newBorderless(pls []*pageLines) *borderless {
	var loose []tline
	for _, pl := range pls {
		loose = append(loose, pl.lines...)
	}
	b := &borderless{xs: alignColumns(loose)}
	if b.xs == nil {
		return nil
	}
	var tables [][]tline
	for _, pl := range pls {
		if first, _ := b.tableSpan(pl.lines); first >= 0 {
			_, last := b.tableSpan(pl.lines)
			tables = append(tables, pl.lines[first:last+1])
		}
	}
	b.header = repeatedHead(tables)
	var gaps []float64
	var heights []float64
	for _, t := range tables {
		t = t[b.headerLen(t):]
		bottom := math.Inf(1)
		for i := range t {
			heights = append(heights, t[i].height())
			if i > 0 {
				gaps = append(gaps, t[i].y0-bottom)
				bottom = math.Max(bottom, t[i].y1)
			} else {
				bottom = t[i].y1
			}
		}
	}
	if len(heights) == 0 {
		return b
	}
	slices.Sort(heights)
	b.rowGap = naturalBreak(gaps, heights[len(heights)/2])
	return b
}

// repeatedHead returns the texts of the lines that open the table on at
// least half of the pages (and two), in order: the repeated header.
func repeatedHead(tables [][]tline) []string {
	if len(tables) < 2 {
		return nil
	}
	var head []string
	for k := 0; ; k++ {
		counts := map[string]int{}
		for _, t := range tables {
			if k < len(t) && slices.Equal(linesText(t[:k]), head) {
				counts[t[k].text()]++
			}
		}
		best, n := "", 0
		for text, c := range counts {
			if c > n || (c == n && text < best) {
				best, n = text, c
			}
		}
		if n < 2 || 2*n < len(tables) {
			return head
		}
		head = append(head, best)
	}
}

func linesText(ls []tline) []string {
	out := make([]string, len(ls))
	for i := range ls {
		out[i] = ls[i].text()
	}
	return out
}

// headerLen returns how many lines at the top of t are the header.
func (b *borderless) headerLen(t []tline) int {
	if len(b.header) > 0 && len(t) >= len(b.header) && slices.Equal(linesText(t[:len(b.header)]), b.header) {
		return len(b.header)
	}
	return 0
}

// naturalBreak returns the gap size that separates rows: among the gaps
// wider than half a line (paragraph and row breaks), the middle of the
// widest relative jump between sorted values. Without a clear jump it is
// 1.6 line heights.
func naturalBreak(gaps []float64, lh float64) float64 {
	var big []float64
	for _, g := range gaps {
		if g > 0.5*lh {
			big = append(big, g)
		}
	}
	slices.Sort(big)
	best, at := 1.2, 1.6*lh
	for i := 1; i < len(big); i++ {
		if r := big[i] / big[i-1]; r > best {
			best, at = r, (big[i]+big[i-1])/2
		}
	}
	return at
}

// borderlessRows builds the rows of a page whose table has no rules: the
// table runs from the first to the last line that crosses no column
// boundary; the repeated header lines are one row, and below them rows are
// separated by gaps of at least b.rowGap.
func borderlessRows(pl *pageLines, b *borderless, lx lexicon) []built {
	if b == nil {
		return paragraphRows(pl.lines, pl.n, lx)
	}
	first, last := b.tableSpan(pl.lines)
	if first < 0 {
		return paragraphRows(pl.lines, pl.n, lx)
	}
	table := pl.lines[first : last+1]
	rows := paragraphRows(pl.lines[:first], pl.n, lx)
	right := columnRights(table, b.xs)
	emit := func(band []tline) {
		merged := func(x float64) bool {
			for i := range band {
				if crosses(band[i].words(), x) {
					return true
				}
			}
			return false
		}
		bottom := math.Inf(-1)
		for i := range band {
			bottom = math.Max(bottom, band[i].y1)
		}
		if r, ok := tableRow(band, bottom, b.xs, right, merged, pl.n, lx); ok {
			rows = append(rows, r)
		}
	}
	if h := b.headerLen(table); h > 0 {
		emit(table[:h])
		table = table[h:]
	}
	for start := 0; start < len(table); {
		end, bottom := start+1, table[start].y1
		for end < len(table) && table[end].y0-bottom < b.rowGap {
			bottom = math.Max(bottom, table[end].y1)
			end++
		}
		emit(table[start:end])
		start = end
	}
	return append(rows, paragraphRows(pl.lines[last+1:], pl.n, lx)...)
}

// columnRights returns, per column, the right edge of its widest line: the
// edge a full line reaches. Words count in the column of their midpoint.
func columnRights(ls []tline, xs []float64) []float64 {
	right := slices.Clone(xs[:len(xs)-1])
	for i := range ls {
		for _, w := range ls[i].words() {
			m := (w.x0 + w.x1) / 2
			if c := sort.SearchFloat64s(xs, m) - 1; c >= 0 && c < len(right) {
				right[c] = math.Max(right[c], w.x1)
			}
		}
	}
	return right
}

// tableRow builds one table row from the lines of a band ending at bottom. merged(x) tells
// whether the interior boundary x is absent in this band, so the cells on
// either side are one. ok is false when the band holds no text.
func tableRow(band []tline, bottom float64, xs, right []float64, merged func(x float64) bool, pageNo int, lx lexicon) (built, bool) {
	row := built{Row: hesabat.Row{InTable: true, Page: pageNo, Offset: -1}}
	text := false
	for c := 0; c+1 < len(xs); {
		end := c + 1
		for end+1 < len(xs) && merged(xs[end]) {
			end++
		}
		var cl []tline
		for i := range band {
			if part, ok := band[i].clip(xs[c], xs[end]); ok {
				cl = append(cl, part)
			}
		}
		cell := hesabat.Cell{Paras: paragraphs(cl, right[end-1], lx)}
		if len(cell.Paras) > 0 {
			cell.Box = linesBox(cl, pageNo)
		}
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

// linesBox returns the union of the boxes of ls on page pageNo.
func linesBox(ls []tline, pageNo int) hesabat.Box {
	b := hesabat.Box{Page: pageNo, X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}
	for i := range ls {
		b.X0, b.Y0 = math.Min(b.X0, ls[i].x0), math.Min(b.Y0, ls[i].y0)
		b.X1, b.Y1 = math.Max(b.X1, ls[i].x1), math.Max(b.Y1, ls[i].y1)
	}
	return b
}

// paragraphRows turns lines outside any table into one row per paragraph.
func paragraphRows(ls []tline, pageNo int, lx lexicon) []built {
	if len(ls) == 0 {
		return nil
	}
	right := math.Inf(-1)
	for i := range ls {
		right = math.Max(right, ls[i].x1)
	}
	var rows []built
	for _, p := range paragraphs(ls, right, lx) {
		rows = append(rows, built{Row: hesabat.Row{Cells: []hesabat.Cell{{Paras: []string{p}}}, Page: pageNo, Offset: -1}})
	}
	return rows
}

// punctuationOnly reports whether s has no letter or digit.
func punctuationOnly(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// columnNumbers reports whether every cell of r is a bare number, as in
// the "1 2 3 4" row under a table's header.
func columnNumbers(r *hesabat.Row) bool {
	for _, c := range r.Cells {
		if !bareNumber.MatchString(c.Text()) {
			return false
		}
	}
	return true
}

var bareNumber = regexp.MustCompile(`^\d+$`)

// measureNumber matches a measure number as written in the first column.
var measureNumber = regexp.MustCompile(`^\d+(?:\.\d+)*\.?$`)

// edgeOf describes the top and bottom of a cell's lines; right and bottom
// are where its text can reach.
func edgeOf(ls []tline, right, bottom float64) cellEdge {
	var e cellEdge
	for i := range ls {
		if ws := ls[i].words(); len(ws) > 0 {
			if !e.has {
				e.first, e.has = ws[0], true
			}
			e.last, e.lh = ws[len(ws)-1], ls[i].height()
			e.room = right - e.last.x1
			e.below = bottom - ls[i].y1
		}
	}
	return e
}

// markContinuations sets Cell.Continues on the continuation row at the top
// of each page (the first table row with an empty first cell, before any
// numbered row on that page): a cell continues the paragraph above unless
// the previous page's text in that column ended a paragraph, that is ended
// a sentence on a line with room for the first word of this one, or with
// room for another line under it (the next paragraph's spacing did not fit). The end of
// a measure number cut by the page break ("10.4" + ".") moves back to the
// number.
func markContinuations(rows []built) {
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
						ended := sentenceEnd(a.last.text) && !a.last.hyphen &&
							(a.room > (b.first.x1-b.first.x0)+0.3*a.lh || a.below > 1.1*a.lh)
						r.Cells[c].Continues = !ended
					}
				}
				numbered = true // only the first such row continues
			}
			numbered = numbered || (measureNumber.MatchString(first) && !columnNumbers(&r.Row))
			last = r
		}
		if last != nil {
			prev = last
		}
		i = j
	}
}
