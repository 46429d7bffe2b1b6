package layout

import (
	"maps"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
)

// borderless holds what the borderless pages of a document share: column
// boundaries, the header lines repeated at the top of the table on each
// page, and the vertical gap that separates rows.
type borderless struct {
	xs     []float64
	header []string // texts of the header lines
	// headWords is the repeated header as its words (see headWords), on
	// scans: OCR reads a header's lines differently from page to page.
	headWords string
	// rowGap is the smallest gap between rows, wider than the gaps
	// between paragraphs of a cell; 0 when the document's gaps do not
	// tell rows from paragraphs, and rows are anchored at measure numbers.
	rowGap float64
	// top is true when the rows that gaps cut start at their measure
	// number (cells aligned to the top): a line with a measure number
	// then starts a row even after a narrow gap (see topAligned).
	top       bool
	lh        float64 // the document's line height
	space     float64 // the width of a space between words (see spaceGap)
	firstPage int     // the number of the table's first page
	// anchors are the middles of the repeated header's words, by word,
	// at their median place among pages (layout text; see headerAnchors).
	anchors map[string]float64
	// bottom is true when the table aligns its cells to the bottom, rows
	// anchored at measure numbers (see bottomAligned).
	bottom bool
	// starts are, per column, the places (to a quarter line) where the
	// text of three of the table's lines or more starts (see colStarts).
	starts [][]float64
	// foot is where the table's text ends on its fullest page: the lowest
	// line of all pages' tables, the nearest to the bottom margin.
	foot float64
}

// minTableLines is the fewest aligned lines a block must have to be a
// table, and minTableColumns the fewest columns holding text in it: a
// signature block ("Sədr … A. Əliyev") or a two-part line is not a table,
// while a small table of a header and three rows is.
const (
	minTableLines   = 3
	minTableColumns = 3
)

// proseLine reports whether a line is running text across the page
// rather than a table line: it is at least half as wide as the page's
// text and no gap between its words is wider than spaceGap. Prose lines
// do not vote on column gutters (a paragraph above a small table would
// otherwise cross them all).
func proseLine(l *tline, textWidth, spaceGap float64) bool {
	if l.x1-l.x0 < 0.5*textWidth {
		return false
	}
	for i := 1; i < len(l.ws); i++ {
		if l.ws[i].X0-l.ws[i-1].X1 > spaceGap {
			return false
		}
	}
	return true
}

// gapBufs recycles spaceGap's buffers: it runs on every page, and on
// every line of a document.
var gapBufs = sync.Pool{New: func() any { return new([]float64) }}

// spaceGap returns the widest gap between two words of running text on
// these lines: two and a half times the lower quartile of the gaps
// between words (a quarter of the gaps at least are plain spaces, even in
// a table; justified lines stretch them, but not that far).
func spaceGap(ls []tline) float64 {
	n := 0
	for i := range ls {
		n += max(0, len(ls[i].ws)-1)
	}
	buf := gapBufs.Get().(*[]float64)
	gaps := slices.Grow((*buf)[:0], n)
	defer func() { *buf = gaps[:0]; gapBufs.Put(buf) }()
	for i := range ls {
		for j := 1; j < len(ls[i].ws); j++ {
			gaps = append(gaps, ls[i].ws[j].X0-ls[i].ws[j-1].X1)
		}
	}
	if len(gaps) == 0 {
		return 0
	}
	return 2.5 * fmax(nth(gaps, len(gaps)/4), 0)
}

// tableSpan returns the indexes of the first and last lines of a page's
// table: lines that cross no column boundary or are set in columns (once
// the table started, where rows are anchored at measure numbers, any
// line: such text drifts across the columns), from the first to the last
// such line, ending before a gap of more than two lines followed only by
// lines without a measure number (the text after a table: a signature, a
// note). first is -1 when the block is not a table (see minTableLines).
func (b *borderless) tableSpan(ls []tline) (first, last int) {
	first, last = -1, -1
	inner := b.xs[1 : len(b.xs)-1]
	aligned := 0
	cols := make([]bool, len(b.xs)-1)
	left, right := math.Inf(1), math.Inf(-1)
	for i := range ls {
		left, right = fmin(left, ls[i].x0), fmax(right, ls[i].x1)
	}
	// On a line grid (layout text) columns stand a space apart at least
	// and pdftotext sets a table's lines with wider gaps, so a line whose
	// words are all one space apart is a phrase (a title's centred second
	// line across the columns), not the table's first line. Once the
	// table started, any line is the table's there, as where rows are
	// anchored at numbers: pdftotext places each page on its own, and a
	// column's lines cross the document's boundaries.
	grid := onGrid(ls)
	for i := range ls {
		ws := ls[i].words()
		// A line is the table's when it crosses no boundary, or when it
		// is set in columns itself (a gap wider than a space): columns
		// that drift from row to row cross the document's boundaries.
		if crossesAny(ws, inner) && !columned(&ls[i], 2.5*b.space) && (first < 0 || b.rowGap > 0 && !grid) {
			continue
		}
		// The table starts at its first line with text in two columns
		// or more (its header, or a row): a short title above it is not
		// in a column.
		if first < 0 && (b.spread(ws) < 2 || grid && !columned(&ls[i], 2.5*b.space)) {
			continue
		}
		if first < 0 {
			first = i
		}
		// A gap of more than two lines before lines without a measure
		// number, at the end of the page, ends the table there.
		if last >= 0 && ls[i].y0-ls[last].y1 > 2*b.lh && !b.numbered(ls[i:]) {
			break
		}
		// So does a line of running text that starts in the first
		// column, with no measure number after it: a note or a caption
		// below the table ("Qeyd: …"), which a paragraph's space sets
		// apart, no more. No cell's line starts in the number column and
		// runs across half the page; a section row has measures after it.
		if last >= 0 && ls[i].x0 < b.xs[1] && proseLine(&ls[i], right-left, 2.5*b.space) && !b.numbered(ls[i:]) {
			break
		}
		last = i
		aligned++
		for wi := range ws {
			w := &ws[wi]
			if c := column(b.xs, (w.X0+w.X1)/2); c >= 0 {
				cols[c] = true
			}
		}
	}
	filled := 0
	for _, c := range cols {
		if c {
			filled++
		}
	}
	if aligned < minTableLines || filled < minTableColumns {
		return -1, -1
	}
	// Lines in one column each whose band overlaps the first line's are
	// the top of the same header: a header centred vertically in tall
	// cells ("İcra" / "müddə" / "ti" over a one-line "Tədbirin adı")
	// starts above the first line that spans two columns, its lines
	// offset by less than a line. Lines of one column of running text
	// never overlap, and a title above the table stands apart (on a line
	// grid, layout text, lines touch but never overlap).
	for first > 0 && ls[first].y0 < ls[first-1].y1 && !crossesAny(ls[first-1].words(), inner) {
		first--
	}
	return first, last
}

// pruneColumns removes the boundaries that separate no columns: a
// boundary stands only where two lines or more have words on both sides
// of it, in the columns next to it, and on one of them at least the gap
// across it is wider than a space (sg, see spaceGap) or the text left of
// it a measure number (set a space before its title). A gutter found only
// at the ragged right end of a few long lines, or between words that
// chance aligned, falls. It returns nil when fewer than three columns
// remain.
func pruneColumns(xs []float64, ls []tline, sg float64) []float64 {
	// On a character grid (layout text) every word starts at a character
	// cell, so the starts of a column's lines align by chance as often as
	// not: leftAligned would keep boundaries inside a column.
	grid := onGrid(ls)
	for len(xs) >= 3 {
		weakest, least := 0, 1
		for k := 1; k+1 < len(xs); k++ {
			both, wide := 0, 0
			for i := range ls {
				left, right := math.Inf(-1), math.Inf(1) // the words' edges next to the boundary
				var leftText []string
				for wi := range ls[i].ws {
					w := &ls[i].ws[wi]
					m := (w.X0 + w.X1) / 2
					if m >= xs[k-1] && m < xs[k] {
						left = fmax(left, w.X1)
						leftText = append(leftText, w.Text)
					}
					if m >= xs[k] && m < xs[k+1] {
						right = fmin(right, w.X0)
					}
				}
				if !math.IsInf(left, 0) && !math.IsInf(right, 0) {
					both++
					_, number := hesabat.MeasureNumber(strings.Join(leftText, " "))
					if right-left > sg || number {
						wide++
					}
				}
			}
			if !grid && leftAligned(ls, xs[k], xs[k+1]) {
				continue // a column's left edge
			}
			if n := min(both-1, wide); n < least {
				weakest, least = k, n
			}
		}
		if weakest == 0 {
			break
		}
		xs = slices.Delete(slices.Clone(xs), weakest, weakest+1)
	}
	if len(xs) < 4 {
		return nil
	}
	return xs
}

// leftAligned reports whether most lines with text in [lo, hi) that do
// not cross lo, and three at least, start it at one place (within a
// quarter line): the left edge of a column. A table that centres its
// cells vertically sets the lines of neighbouring columns at other
// heights, so that few lines have text on both sides of a gutter; the
// starts of a column's lines still align. Words after a gap inside a
// column start anywhere; a title across the table crosses lo.
func leftAligned(ls []tline, lo, hi float64) bool {
	n := 0
	for i := range ls {
		if _, ok := ls[i].clip(lo, hi); ok && !crosses(ls[i].ws, lo) {
			n++
		}
	}
	a := alignedStarts(ls, lo, hi, lineHeight(ls))
	return a >= 3 && 2*a > n
}

// column returns the column of xs holding x, clamped to the table.
func column(xs []float64, x float64) int {
	for c := len(xs) - 2; c > 0; c-- {
		if x >= xs[c] {
			return c
		}
	}
	return 0
}

// spread returns the number of columns the words stand in.
func (b *borderless) spread(ws []hesabat.Word) int {
	seen := map[int]bool{}
	for wi := range ws {
		w := &ws[wi]
		seen[column(b.xs, (w.X0+w.X1)/2)] = true
	}
	return len(seen)
}

// numbered reports whether one of the lines has a measure number in the
// first column.
func (b *borderless) numbered(ls []tline) bool {
	for i := range ls {
		if b.numberLine(&ls[i]) {
			return true
		}
	}
	return false
}

// numberLine reports whether the line's first-column text is a measure
// number.
func (b *borderless) numberLine(l *tline) bool {
	part, ok := l.clip(math.Inf(-1), b.xs[1])
	if !ok {
		return false
	}
	_, ok = hesabat.MeasureNumber(part.text())
	return ok
}

// band is a run of a page's table lines with no blank between them (or
// a part of one holding one measure number; see anchorRows).
type band struct {
	lines    []tline
	number   int  // index of the line with the measure number; -1 if none
	nextText bool // text in the column right of the numbers
	apart    bool // set apart from the row below in every column
}

// numberMid returns the middle of a number line's measure number: in a
// table that centres its cells, the middle of its row. (Not the line's:
// the words of other columns that share the number's line stand up to
// half a line lower or higher, each centred in its own cell.)
func (b *borderless) numberMid(l *tline) float64 {
	if part, ok := l.clip(math.Inf(-1), b.xs[1]); ok {
		return part.mid()
	}
	return l.mid()
}

// labelLine reports whether the line has text in the first column that
// is no measure number.
func (b *borderless) labelLine(l *tline) bool {
	part, ok := l.clip(math.Inf(-1), b.xs[1])
	if !ok {
		return false
	}
	_, num := hesabat.MeasureNumber(part.text())
	return !num
}

// newBorderless studies the pages without ruled grids. It returns nil when
// their text has fewer than two columns.
func newBorderless(pls []*pageLines) *borderless {
	var candidates, all []tline
	var perPage [][]tline // each page's candidates
	for _, pl := range pls {
		all = append(all, pl.lines...)
		if len(pl.lines) == 0 {
			continue
		}
		from := len(candidates)
		left, right := math.Inf(1), math.Inf(-1)
		for i := range pl.lines {
			left, right = fmin(left, pl.lines[i].x0), fmax(right, pl.lines[i].x1)
		}
		sg := spaceGap(pl.lines)
		for i := range pl.lines {
			if !proseLine(&pl.lines[i], right-left, sg) {
				candidates = append(candidates, pl.lines[i])
			}
		}
		perPage = append(perPage, candidates[from:len(candidates):len(candidates)])
	}
	sg := spaceGap(all)
	b := &borderless{xs: alignColumns(candidates, sg), lh: lineHeight(candidates), space: sg / 2.5}
	if onGrid(candidates) {
		b.xs = gridDocColumns(perPage, b.space, b.xs)
	}
	if b.xs == nil || !(b.lh > 0) {
		return nil // no columns, or no text with a height to measure by
	}
	var tables [][]tline
	var rules [][]rule // the horizontal rules of each table's page
	for _, pl := range pls {
		if first, last := b.tableSpan(pl.lines); first >= 0 {
			if len(tables) == 0 {
				b.firstPage = pl.n
			}
			tables = append(tables, pl.lines[first:last+1])
			rules = append(rules, pl.hs)
		}
	}
	b.header = repeatedHead(tables)
	if slices.ContainsFunc(pls, func(pl *pageLines) bool { return pl.ocr }) {
		b.headWords = repeatedHeadWords(tables)
	}
	b.starts = colStarts(tables, b.xs, b.lh)
	b.foot = math.Inf(-1)
	for _, t := range tables {
		b.foot = fmax(b.foot, t[len(t)-1].y1)
	}
	if onGrid(candidates) {
		b.anchors = b.refAnchors(tables)
	}
	var gaps []float64
	numbered, hard := 0, 0
	for _, t := range tables {
		t = t[b.headerLen(t):]
		bottom := math.Inf(1)
		for i := range t {
			if i > 0 {
				gaps = append(gaps, t[i].y0-bottom)
				bottom = fmax(bottom, t[i].y1)
			} else {
				bottom = t[i].y1
			}
			if b.numberLine(&t[i]) {
				numbered++
			}
		}
	}
	if len(gaps) == 0 {
		return b
	}
	b.rowGap = naturalBreak(gaps, b.lh)
	for _, g := range gaps {
		if g >= b.rowGap {
			hard++
		}
	}
	b.top = b.topAligned(tables)
	// Gaps tell rows only when there are about as many wide gaps as
	// measures; layout text, where a row break and a paragraph break are
	// both one blank line, has few or none. Nor do they when a row cut
	// at them holds two measure numbers: rows whose cells are aligned to
	// the bottom leave no gap between them (the next row's title starts
	// right under the last line of this one's work done), and rows
	// centred in tall cells may leave less between them than the
	// paragraphs of a cell do.
	if hard < numbered/2 || b.gapsJoinNumbers(tables, rules) {
		b.rowGap = 0
		tables = tables[:0]
		for _, pl := range pls {
			if first, last := b.tableSpan(pl.lines); first >= 0 {
				tables = append(tables, pl.lines[first:last+1])
			}
		}
		b.rowWise(tables)
		b.bottom = b.bottomAligned(tables)
	}
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

// headerLen returns how many lines at the top of t are the header: the
// repeated header lines, and the lines above them when they start the
// second or third line (a header line that recurs at the same height on
// the other pages is their running furniture, but on the first page,
// lower down, it stays). On scans the header may also be its words in
// other lines (see headWords); the longer match wins.
func (b *borderless) headerLen(t []tline) int {
	exact, n := 0, len(b.header)
	for skip := 0; n > 0 && skip <= 2 && skip+n <= len(t); skip++ {
		if slices.Equal(linesText(t[skip:skip+n]), b.header) {
			exact = skip + n
			break
		}
	}
	for skip := 0; b.headWords != "" && skip <= 2; skip++ {
		for k := 1; k <= maxHeadLines && skip+k <= len(t); k++ {
			if headWords(t[skip:skip+k]) == b.headWords {
				return max(exact, skip+k)
			}
		}
	}
	return exact
}

// opensNumber reports whether l opens with a measure number: a row, not
// a header line.
func opensNumber(l *tline) bool {
	if len(l.ws) == 0 {
		return false
	}
	_, ok := hesabat.MeasureNumber(l.ws[0].Text)
	return ok
}

// maxHeadLines is the most lines a header found by its words may take: a
// header of two or three staggered lines ("Sıra" over "N-si", a centred
// "Tədbirin adı" between), which OCR may split into one more.
const maxHeadLines = 4

// headWords returns the words of ls as a key that OCR's ways with a
// table header leave alone: the words with letters, punctuation stripped
// (specks read as "." or "-"), in loose key form (Tesseract reads "Sıra"
// as "Sira" on some pages), sorted (it groups a header's staggered lines
// into lines differently from page to page).
func headWords(ls []tline) string {
	var ws []string
	for i := range ls {
		for wi := range ls[i].ws {
			w := &ls[i].ws[wi]
			t := strings.TrimFunc(w.Text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			if strings.IndexFunc(t, unicode.IsLetter) >= 0 {
				ws = append(ws, aztext.LooseKey(t))
			}
		}
	}
	slices.Sort(ws)
	return strings.Join(ws, " ")
}

// repeatedHeadWords returns the words (see headWords) of the most lines,
// up to maxHeadLines and above the first line that opens with a measure
// number, that open the table on at least half of the pages (and two):
// the repeated header of a scan, whatever lines OCR made of it; "" without
// one.
func repeatedHeadWords(tables [][]tline) string {
	if len(tables) < 2 {
		return ""
	}
	counts := map[string]int{}
	for _, t := range tables {
		seen := map[string]bool{}
		for k := 1; k <= maxHeadLines && k <= len(t) && !opensNumber(&t[k-1]); k++ {
			if w := headWords(t[:k]); w != "" && !seen[w] {
				seen[w] = true
				counts[w]++
			}
		}
	}
	best := ""
	for w, c := range counts {
		if c >= 2 && 2*c >= len(tables) && (len(w) > len(best) || (len(w) == len(best) && w < best)) {
			best = w
		}
	}
	return best
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

// topAligned reports whether three in four at least of the rows that
// b.rowGap cuts from the tables (below their headers, the first of each
// table apart: a header not known to repeat may have run into it) and
// that hold a measure number hold it on their first line: the table
// aligns its cells to the top. (Where it centres them, a number stands on
// the first line of a row whose cells are one line high, and below it in
// the others: half the rows or so.) A header whose
// cells hold no paragraphs is closer to the first row than rows are to
// each other (Chromium puts a paragraph's space after the last paragraph
// of a cell too), and a narrow gap after a long cell's last line is not
// rare: in such a table a measure number starts a row whatever the gap.
func (b *borderless) topAligned(tables [][]tline) bool {
	first, numbered := 0, 0
	for _, t := range tables {
		t = t[b.headerLen(t):]
		for start := 0; start < len(t); {
			end, bottom := start+1, t[start].y1
			for end < len(t) && t[end].y0-bottom < b.rowGap {
				bottom = fmax(bottom, t[end].y1)
				end++
			}
			for k := start; k < end && start > 0; k++ {
				if b.numberLine(&t[k]) {
					numbered++
					if k == start {
						first++
					}
					break
				}
			}
			start = end
		}
	}
	return numbered > 0 && 4*first >= 3*numbered
}

// borderlessRows builds the rows of a page whose table has no rules: the
// table is the page's block of aligned lines (see tableSpan); the repeated
// header lines are one row, and below them rows are cut at gaps of at
// least b.rowGap, or anchored at measure numbers (see anchorRows).
func borderlessRows(pl *pageLines, b *borderless, lx lexicon, carry []carried) []built {
	if b == nil {
		return paragraphRows(pl.lines, pl.n, lx)
	}
	first, last := b.tableSpan(pl.lines)
	if pl.n > b.firstPage && b.firstPage > 0 {
		if first < 0 {
			// A page of one column's text carried on from the table
			// above is the table's, down to its first other line.
			n := 0
			for n < len(pl.lines) && b.carriedLine(&pl.lines[n]) {
				n++
			}
			first, last = 0, n-1
		} else {
			for first > 0 && b.carriedLine(&pl.lines[first-1]) {
				first--
			}
		}
	}
	if first < 0 || last < first {
		return paragraphRows(pl.lines, pl.n, lx)
	}
	table := pl.lines[first : last+1]
	b = b.onPage(table)
	rows := paragraphRows(pl.lines[:first], pl.n, lx)
	right := widest(columnRights(table, b.xs), pl.right)
	if onGrid(table) {
		right = gridRights(table, b.xs) // see tableRights
	}
	// On a line grid (layout text) each line is cut on its own (see
	// lineCuts); cells never merge.
	grid := onGrid(table)
	tableBottom := math.Inf(-1)
	for i := range table {
		tableBottom = fmax(tableBottom, table[i].y1)
	}
	pitch := table[0].pitch
	if pitch <= 0 {
		pitch = b.lh
	}
	headRows := -1 // the rows before the table's first band of rows, once known
	emitIn := func(band []tline, xs, right []float64) {
		merged := func(x float64) bool {
			for i := range band {
				if crosses(band[i].words(), x) {
					return true
				}
			}
			// A band of one line set as a phrase (no gap wider than a
			// space) across x is one cell: a section heading over the
			// table's columns ("2. Ekoloji məlumatlara çıxışın
			// genişləndirilməsi"), its number a space from its words. A
			// row's cells stand a gutter apart.
			return len(band) == 1 && band[0].x0 < x && band[0].x1 > x && !columned(&band[0], 2.5*b.space)
		}
		bottom := math.Inf(-1)
		for i := range band {
			bottom = fmax(bottom, band[i].y1)
		}
		if bottom >= tableBottom && !grid {
			// The page's last row reaches down to a line above where the
			// text of the document's fullest page ends: no rule shows
			// where the page cut it, and a cell that ends with room for
			// another line above that point ended its paragraph there
			// (see markContinuations). A line less: renderers keep two
			// lines of a paragraph together (widows and orphans), so a
			// paragraph the page cut can leave a line's room, and a bit.
			// Not on a character grid (layout text): pdftotext gives each
			// baseline a line of the grid, and where two columns' lines
			// stand off each other's baselines they interleave, so pages
			// of one height hold different counts of grid lines (r036:
			// 51 to 67) and the fullest page's foot says nothing of
			// where another page's text could end.
			bottom = fmax(bottom, b.foot-pitch)
		}
		var lineXs [][]float64
		if grid {
			num := slices.IndexFunc(band, func(l tline) bool { return b.numberLine(&l) })
			var top []carried
			if num < 0 && len(rows) == headRows {
				top = carry // the row the page carries on
			}
			lineXs, merged = lineCuts(band, xs, num, lx, top), func(float64) bool { return false }
		}
		if r, ok := tableRow(band, bottom, xs, lineXs, right, merged, pl.n, lx); ok {
			rows = append(rows, r)
		}
	}
	emit := func(band []tline) {
		if grid {
			emitIn(band, b.rowXs(band, grid), right)
		} else {
			emitIn(band, b.xs, right)
		}
	}
	if h := b.headerLen(table); h > 0 {
		if b.rowGap > 0 {
			emit(table[:h])
		} else {
			emitIn(table[:h], b.rowXs(table[:h], grid), right)
		}
		table = table[h:]
	}
	headRows = len(rows)
	if b.rowGap > 0 {
		for _, r := range b.gapRows(table, pl.hs, true) {
			emit(r)
		}
	} else {
		for _, r := range b.anchorRows(table, pl.n == b.firstPage) {
			emitIn(r, b.rowXs(r, grid), right)
		}
	}
	return append(rows, paragraphRows(pl.lines[last+1:], pl.n, lx)...)
}

// carriedLine reports whether a line above a page's table (or on a page
// without one), after the table's first page, carries on the table's
// columns from the page before: its text stands in one column other than
// the first, crosses no boundary, and starts where that column's text
// starts (see colStarts). Where the header is not repeated on every page,
// a cell's paragraphs that run over the page break open the next page in
// their column alone, above the first line with text in two columns, or
// fill it; a title or a heading above a table is set across the columns
// or at their left edge, and a note after a table at the page's left.
func (b *borderless) carriedLine(l *tline) bool {
	if len(l.ws) == 0 || b.spread(l.ws) != 1 || crossesAny(l.ws, b.xs[1:len(b.xs)-1]) {
		return false
	}
	c := column(b.xs, (l.ws[0].X0+l.ws[0].X1)/2)
	return c > 0 && slices.ContainsFunc(b.starts[c], func(x float64) bool { return math.Abs(x-l.x0) <= b.lh/4 })
}

// colStarts returns, per column of xs, the places (to a quarter of a line
// height lh) where the text of three of the tables' lines or more starts
// in it. Chance puts a word of running text at a column's edge now and
// then, but not in as many lines as start a column's lines.
func colStarts(tables [][]tline, xs []float64, lh float64) [][]float64 {
	counts := make([]map[int]int, len(xs)-1)
	for c := range counts {
		counts[c] = map[int]int{}
	}
	for _, t := range tables {
		for i := range t {
			seen := map[int]bool{}
			for wi := range t[i].ws {
				w := &t[i].ws[wi]
				if c := column(xs, (w.X0+w.X1)/2); !seen[c] {
					seen[c] = true
					counts[c][int(math.Round(w.X0/(lh/4)))]++
				}
			}
		}
	}
	starts := make([][]float64, len(counts))
	for c, m := range counts {
		for k, n := range m {
			if n >= 3 {
				starts[c] = append(starts[c], float64(k)*lh/4)
			}
		}
	}
	return starts
}

// bottomAligned reports whether the table aligns its cells to the
// bottom: of the measure numbers whose title (the text in the column next
// to the numbers) runs over several lines, most stand at or below the
// title's last line, none of its lines below them. (Set at the top, a
// number stands level with its title's first line; centred, with its
// middle.) A title's lines follow each other with no blank between them,
// nor more than half a line (a row's padding) from the number's line.
func (b *borderless) bottomAligned(tables [][]tline) bool {
	if len(b.xs) < 3 {
		return false
	}
	bottom, other := 0, 0
	for _, t := range tables {
		t = t[b.headerLen(t):]
		var title []tline // the lines' parts in the title column
		for i := range t {
			part, _ := t[i].clip(b.xs[1], b.xs[2])
			title = append(title, part)
		}
		has := func(i int) bool { return len(title[i].ws) > 0 }
		// The last number of the page votes only for the bottom: the page
		// break may cut its row, and LibreOffice sets the first part of a
		// cut row from the top, whatever the table's alignment.
		lastNumber := -1
		for n := range t {
			if b.numberLine(&t[n]) {
				lastNumber = n
			}
		}
		for n := range t {
			if !b.numberLine(&t[n]) {
				continue
			}
			// above and below count the title lines joined to the number
			// line's, up and down.
			above, below := 0, 0
			lastY := t[n].y0
			for i := n - 1; i >= 0; i-- {
				if !has(i) {
					continue
				}
				if lastY-title[i].y1 > 0.5*b.lh {
					break
				}
				above, lastY = above+1, title[i].y0
			}
			lastY = t[n].y1
			for i := n + 1; i < len(t); i++ {
				if !has(i) {
					continue
				}
				if title[i].y0-lastY > 0.5*b.lh {
					break
				}
				below, lastY = below+1, title[i].y1
			}
			// A title run longer on one side than the other by more
			// than a line is not the number's alone: the next row's
			// title may start right under a row aligned to the bottom.
			switch {
			case above > 0 && below == 0:
				bottom++
			case n == lastNumber:
			case above == 0 && below > 0, above > 0 && below > 0 && max(above-below, below-above) <= 1:
				other++
			}
		}
	}
	return bottom > other
}

// columnBreak returns where, above the first measure number of lines,
// two columns or more each leave a gap and no column runs on across it
// (see apartAt): the index of the first line below the lowest such
// place, or 0 if there is none. In a table that centres its cells
// vertically, the lines of one cell touch, and rows stand apart by their
// padding in every column, while the lines of the columns interleave, so
// no gap across the whole table need show between them. Two columns,
// because a paragraph break in one long cell above a shorter centred
// cell is a gap in one column only.
func (b *borderless) columnBreak(ls []tline) int {
	n := slices.IndexFunc(ls, func(l tline) bool { return b.numberLine(&l) })
	for k := n; k > 0; k-- {
		if apart, joined := b.apartAt(ls, k); apart >= 2 && !joined {
			return k
		}
	}
	return 0
}

// restAbove returns where the rest of a row that the page break cut
// ends, at the top of a page's first band of lines ls holding one
// measure number, in a table that centres its cells: the index of the
// first line of the numbered row, or 0. That row's top is as far above
// its number as its bottom (the band's) is below; lines standing above
// that top (their middles), set apart from the row's in every column
// with text on both sides (see apartAt; one column suffices: LibreOffice
// sets the rest of a cut row from the top, often in the title column
// only), are the rest of the row above. A paragraph break in the
// numbered row's own tallest cell is no such place: the number is
// centred on the whole cell, so its first paragraph does not stand
// above the row's top.
func (b *borderless) restAbove(ls []tline) int {
	n := -1
	for i := range ls {
		if b.numberLine(&ls[i]) {
			if n >= 0 {
				return 0
			}
			n = i
		}
	}
	if n <= 0 {
		return 0
	}
	bottom := math.Inf(-1)
	for i := range ls {
		bottom = fmax(bottom, ls[i].y1)
	}
	top := 2*b.numberMid(&ls[n]) - bottom
	for k := n; k > 0; k-- {
		above := math.Inf(-1)
		for i := range ls[:k] {
			above = fmax(above, ls[i].mid())
		}
		if apart, joined := b.apartAt(ls, k); above < top && apart >= 1 && !joined {
			return k
		}
	}
	return 0
}

// gridRestAbove is restAbove for a page of layout text, whose columns'
// lines pdftotext interleaves, so that no gap sets a row apart: it
// returns the index in ls (the page's first band of table lines) of the
// first measure number's line when fewer of the title's lines (the
// column next to the numbers) stand above it than below it, up to the
// next number, by two or more, else 0. A centred title stands as far
// above its row's number as below it (a line more on one side where its
// lines are even in number); a row set from the top starts at its
// number's line (LibreOffice sets a row the page break cuts so), and the
// lines above it are the rest of the row the page break cut.
func (b *borderless) gridRestAbove(ls []tline) int {
	n := slices.IndexFunc(ls, func(l tline) bool { return b.numberLine(&l) })
	if n <= 0 || len(b.xs) < 3 {
		return 0
	}
	title := func(l *tline) bool { _, ok := l.clip(b.xs[1], b.xs[2]); return ok }
	above, below := 0, 0
	for i := range n {
		if title(&ls[i]) {
			above++
		}
	}
	for i := n + 1; i < len(ls) && !b.numberLine(&ls[i]); i++ {
		if title(&ls[i]) {
			below++
		}
	}
	if above+2 <= below {
		return n
	}
	return 0
}

// apartAt counts the columns with text both above and below line k of
// ls that leave a gap there, and tells whether one with text on both
// sides runs on across it. A column's gap is told by its boxes (more than
// half a line) or, where the document's line pitch is known, by its
// baselines: more than 1.15 pitches apart is no next line of a paragraph
// (those stand one pitch apart, within a few per cent; see densest),
// though LibreOffice's loose and tight boxes, side by side, can leave
// less than half a line between a cell's last line and the next row's
// first.
func (b *borderless) apartAt(ls []tline, k int) (apart int, joined bool) {
	base := func(w hesabat.Word) float64 {
		if w.Base != 0 {
			return w.Base
		}
		return w.Y1
	}
	cols := len(b.xs) - 1
	above, below := make([]float64, cols), make([]float64, cols)
	aboveBase, belowBase := make([]float64, cols), make([]float64, cols)
	for c := range cols {
		above[c], below[c] = math.Inf(-1), math.Inf(1)
		aboveBase[c], belowBase[c] = math.Inf(-1), math.Inf(1)
	}
	for i := range ls {
		for wi := range ls[i].ws {
			w := &ls[i].ws[wi]
			c := column(b.xs, (w.X0+w.X1)/2)
			if i < k {
				above[c], aboveBase[c] = fmax(above[c], w.Y1), fmax(aboveBase[c], base(*w))
			} else {
				below[c], belowBase[c] = fmin(below[c], w.Y0), fmin(belowBase[c], base(*w))
			}
		}
	}
	pitch := ls[0].pitch
	for c := range cols {
		if math.IsInf(above[c], 0) || math.IsInf(below[c], 0) {
			continue
		}
		if below[c]-above[c] > 0.5*b.lh || pitch > 0 && belowBase[c]-aboveBase[c] > 1.15*pitch {
			apart++
		} else {
			joined = true
		}
	}
	return apart, joined
}

// splitBand cuts a band of lines with no blank between them into parts
// holding one measure number each (the first part may hold none; where
// the table aligns its cells to the bottom, so may the last): rows set
// close together. Where the table aligns its cells to the top, a
// part starts at each number line; to the bottom (b.bottom), it ends at
// one. Where it centres them, a row reaches as far below its number's
// middle as above it, so a part ends, after each number line but the
// last, before the first line whose middle is below that point: the row's
// lines end at it, the next row's start there, at least half a line
// from it either way. (Not at the widest gap near it: LibreOffice sets a
// line in a tight glyph box beside loose ones, and the gap under it,
// inside a cell, is as wide as two rows' padding.) On a character grid,
// a number on its part's first line sets its row from the top, and the
// rows after it are found from the band's end up (see topsFromBottom).
func (b *borderless) splitBand(ls []tline, centre bool) [][]tline {
	grid := onGrid(ls)
	var nums []int
	for i := range ls {
		if b.numberLine(&ls[i]) {
			nums = append(nums, i)
		}
	}
	if len(nums) == 0 || len(nums) == 1 && !b.bottom {
		return [][]tline{ls}
	}
	var parts [][]tline
	start := 0
	for k, n := range nums {
		cut := -1 // the index of the first line of the next part
		switch {
		case b.bottom:
			cut = n + 1
		case !centre:
			if k+1 < len(nums) {
				cut = nums[k+1]
			}
		case k+1 < len(nums) && grid && n == start:
			// On a character grid, a number on its part's first line
			// sets its row from the top (LibreOffice does so with a row
			// whose title is its tallest cell, among centred rows): its
			// row ends where the next one starts, found from the band's
			// end up (see topsFromBottom).
			for _, c := range b.topsFromBottom(ls, nums[k:]) {
				parts = append(parts, ls[start:c])
				start = c
			}
			return append(parts, ls[start:])
		case k+1 < len(nums):
			end := 2*b.numberMid(&ls[n]) - ls[start].y0
			for i := n + 1; i <= nums[k+1] && !grid; i++ {
				if ls[i].mid() > end {
					cut = i
					break
				}
			}
			// On a character grid (layout text) lines are whole grid
			// lines apart, and pdftotext sets the title's lines between
			// the work done's where they fall between them, so the
			// mirrored end is known to a line only: of the places within
			// a line of it, the one that leaves as many of the title's
			// lines (the column next to the numbers) below the number as
			// above it, or the fewest more or less (r057's 1.5: four
			// grid lines above its number, three below); on a tie the
			// widest gap, then the nearest to it (rows set with no blank
			// line between them, every gap the same: the line right
			// after the mirrored end opens the next row, not the one
			// before it).
			titles := func(i, j int) int {
				c := 0
				for ; i < j && len(b.xs) > 2; i++ {
					if _, ok := ls[i].clip(b.xs[1], b.xs[2]); ok {
						c++
					}
				}
				return c
			}
			above := titles(start, n)
			bottom, odd, widest, near := math.Inf(-1), math.MaxInt, math.Inf(-1), math.Inf(1)
			for i := start; i < nums[k+1] && grid; i++ {
				bottom = fmax(bottom, ls[i].y1)
				gap, d := ls[i+1].y0-bottom, math.Abs(ls[i+1].y0-end)
				if i+1 <= n || d > b.lh {
					continue
				}
				o := titles(n+1, i+1) - above
				o = max(o, -o)
				if o < odd || o == odd && (gap > widest || gap == widest && d < near) {
					cut, odd, widest, near = i+1, o, gap, d
				}
			}
			if cut < 0 {
				cut = nums[k+1]
			}
		}
		if cut < 0 || cut >= len(ls) {
			break
		}
		parts = append(parts, ls[start:cut])
		start = cut
	}
	return append(parts, ls[start:])
}

// topsFromBottom returns, for a band of layout-text lines ls in a table
// that centres its cells, the first line of the rows of the measure
// numbers at nums[1:] (indexes in ls, in order; nums[0] opens the first
// row), working up from the band's end: a centred row reaches as far
// above its number's middle as its last line is below it, and the line
// there, within a line, where no column's text runs on from the row
// above (pdftotext sets the two rows' columns one line apart or more;
// on a tie the widest gap, then the nearest) opens it. A row whose
// mirrored top has no line within a line of it below the number before
// it (a tall row above it) is set from the top: its number's line opens
// it.
func (b *borderless) topsFromBottom(ls []tline, nums []int) []int {
	tops := make([]int, len(nums)-1)
	end := len(ls)
	for j := len(nums) - 1; j > 0; j-- {
		top := 2*b.numberMid(&ls[nums[j]]) - ls[end-1].y1
		cut, clean, widest, near := nums[j], false, math.Inf(-1), math.Inf(1)
		for i := nums[j-1] + 1; i <= nums[j]; i++ {
			d := math.Abs(ls[i].y0 - top)
			if d > b.lh {
				continue
			}
			apart, joined := b.apartAt(ls[nums[j-1]:end], i-nums[j-1])
			c := apart > 0 && !joined
			gap := ls[i].y0 - ls[i-1].y1
			if c && !clean || c == clean && (gap > widest || gap == widest && d < near) {
				cut, clean, widest, near = i, c, gap, d
			}
		}
		tops[j-1], end = cut, cut
	}
	return tops
}

// gapRows cuts a page's table lines (below its header) into rows at gaps
// of at least b.rowGap and at the page's horizontal rules hs, and, when
// numbers is true, before measure numbers that open a row (see below).
func (b *borderless) gapRows(table []tline, hs []rule, numbers bool) [][]tline {
	// A rule across most of the table between the middles of two lines
	// ends a row, whatever the gap: tables ruled only between rows set
	// rows as close as paragraphs, and a letter from a fallback font with
	// a taller box reaches over the rule.
	width := b.xs[len(b.xs)-1] - b.xs[0]
	ruled := func(a, b *tline) bool {
		return slices.ContainsFunc(hs, func(h rule) bool { return h.y0 > a.mid() && h.y0 < b.mid() && h.x1-h.x0 >= 0.6*width })
	}
	var rows [][]tline
	for start := 0; start < len(table); {
		end, bottom := start+1, table[start].y1
		// A line with a measure number opens a row even where the gap
		// above it is narrower than the row gap: in a table whose cells
		// align to the top (see topAligned), or after a blank gap (more
		// than half a line): rows whose number stands on their first
		// line are set one blank line apart where the page is tight
		// (layout text), or under a header the document does not repeat
		// (a one-page table). A number centred in its row has lines of
		// the row right above it. Under a row whose number stands on its
		// first line (set at the top of its cell), a numbered line opens
		// a row even with no gap at all (a tight page).
		for end < len(table) && table[end].y0-bottom < b.rowGap &&
			!(numbers && b.numberLine(&table[end]) && (b.top || table[end].y0-bottom > 0.5*b.lh || b.numberLine(&table[start]))) &&
			!ruled(&table[end-1], &table[end]) {
			bottom = fmax(bottom, table[end].y1)
			end++
		}
		rows = append(rows, table[start:end])
		start = end
	}
	return rows
}

// gapsJoinNumbers reports whether a row cut at the gaps and rules alone
// (see gapRows; hs are the horizontal rules of each table's page) holds
// two lines with a measure number in the first column: two rows that no
// gap tells apart, so rows are anchored at the numbers instead. Numbers
// do not cut these rows: in a table that centres its cells, the next
// row's number stands below the top of its row.
func (b *borderless) gapsJoinNumbers(tables [][]tline, hs [][]rule) bool {
	for k, t := range tables {
		for _, r := range b.gapRows(t[b.headerLen(t):], hs[k], false) {
			n := 0
			for i := range r {
				if b.numberLine(&r[i]) {
					n++
				}
			}
			if n > 1 {
				return true
			}
		}
	}
	return false
}

// ownColumns returns the boundaries that a row's own lines set: the
// gutters none of them crosses, each kept where two lines or more start
// the column right of it at the same place (columns are aligned left; a
// gap that chance leaves between words of running text is not); nil when
// they find fewer than three columns.
func (b *borderless) ownColumns(ls []tline) []float64 {
	xs := gutters(ls, 0)
	for k := len(xs) - 2; k >= 1; k-- {
		if b.alignedStarts(ls, xs[k], xs[k+1]) < 2 {
			xs = slices.Delete(xs, k, k+1)
		}
	}
	if len(xs) < 4 {
		return nil
	}
	return xs
}

// alignedStarts returns how many lines start their text in [lo, hi) at
// the place most of them do (within a quarter line).
func (b *borderless) alignedStarts(ls []tline, lo, hi float64) int {
	return alignedStarts(ls, lo, hi, b.lh)
}

// alignedStarts is borderless.alignedStarts for line height lh.
func alignedStarts(ls []tline, lo, hi, lh float64) int {
	count := map[int]int{}
	best := 0
	for i := range ls {
		for wi := range ls[i].ws {
			w := &ls[i].ws[wi]
			if m := (w.X0 + w.X1) / 2; m >= lo && m < hi {
				k := int(math.Round(w.X0 / (lh / 4)))
				count[k]++
				best = max(best, count[k])
				break
			}
		}
	}
	return best
}

// rowWise sets the document's columns from its rows when the rows agree
// on more columns than the document's lines do together (columns that
// drift from row to row blur the gutters between them): the largest
// number of columns that a quarter of the numbered rows (and two) find
// on their own (see ownColumns; a row whose lines of two columns take
// turns on the grid finds fewer), at the median place of each boundary
// among the rows that find that many.
func (b *borderless) rowWise(tables [][]tline) {
	byCount := map[int][][]float64{}
	for _, t := range tables {
		for _, r := range b.anchorRows(t[b.headerLen(t):], false) {
			if !b.numbered(r) {
				continue
			}
			if xs := b.ownColumns(r); xs != nil {
				byCount[len(xs)] = append(byCount[len(xs)], xs)
			}
		}
	}
	total := 0
	for _, rows := range byCount {
		total += len(rows)
	}
	best := 0
	for n, rows := range byCount {
		if len(rows) >= max(2, total/4) && n > best {
			best = n
		}
	}
	if best <= len(b.xs) {
		return
	}
	xs := medianColumns(byCount[best])
	xs[0], xs[best-1] = b.xs[0], b.xs[len(b.xs)-1]
	// The document's boundaries that the rows' are not near (two lines)
	// stay where hardly a line crosses them (one in fifty, as
	// alignColumns allows): a column whose cells are one line each (a
	// term) gives no row two aligned starts, though its gutter is plain
	// across the document.
	var ls []tline
	for _, t := range tables {
		ls = append(ls, t...)
	}
	// (Not in layout text, whose pages set their columns each on its
	// own: there the rows' columns are the ones to follow.)
	for _, x := range b.xs[1 : len(b.xs)-1] {
		if len(tables) > 0 && onGrid(tables[0]) {
			break
		}
		if slices.ContainsFunc(xs, func(y float64) bool { return math.Abs(x-y) < 2*b.lh }) {
			continue
		}
		crossing := 0
		for i := range ls {
			if crosses(ls[i].ws, x) {
				crossing++
			}
		}
		if crossing <= max(1, len(ls)/50) {
			xs = append(xs, x)
		}
	}
	slices.Sort(xs)
	b.xs = xs
}

// near reports whether each inner boundary of xs is within two lines'
// height (four characters of layout text) of the document's.
func (b *borderless) near(xs []float64) bool {
	for k := 1; k+1 < len(xs); k++ {
		if math.Abs(xs[k]-b.xs[k]) > 2*b.lh {
			return false
		}
	}
	return true
}

// rowXs returns the column boundaries for one row of lines: those of
// rowColumns, and on a line grid (layout text), where lineCuts then
// cuts each line on its own, the page's where a numbered row would
// otherwise leave a column empty.
func (b *borderless) rowXs(ls []tline, grid bool) []float64 {
	xs := b.rowColumns(ls, grid)
	if !grid || !b.numbered(ls) {
		return xs
	}
	// A numbered row has text in each column. Where following the
	// row's gutters would leave a column empty (a term centred in its
	// cell, "2020-" over "2022", one space after the title's lines, moved
	// into the title), the page's boundary stays when text reaches into
	// both columns next to it then, and lineCuts cuts the lines that
	// cross it. Only a boundary moved right is put back: one moved left
	// to where the row's next column starts (its work done set left of
	// the page's, a term left of both) would take that column's text.
	for k := 1; k+1 < len(xs); k++ {
		if xs[k] > b.xs[k] && !(hasText(ls, xs[k-1], xs[k]) && hasText(ls, xs[k], xs[k+1])) &&
			overlaps(ls, xs[k-1], b.xs[k]) && overlaps(ls, b.xs[k], xs[k+1]) {
			xs[k] = b.xs[k]
		}
	}
	return xs
}

// rowColumns returns the column boundaries for one row of lines: its own
// (see ownColumns) when they are as many as the document's and near them,
// else the document's, each moved, when a word of the row crosses it, to
// a place within four lines' height of it (eight characters of layout
// text) that no word of the row crosses and where the gap is a space wide
// at least, between its neighbours: of those, the one where the text of
// the two columns starts at the fewest places (the nearest, on a tie).
// Columns that drift from row to row (`pdftotext -layout` packs each
// row's text on its own) are followed; a boundary with no such gap stays,
// and the row's cells merge there.
func (b *borderless) rowColumns(ls []tline, grid bool) []float64 {
	if own := b.ownColumns(ls); len(own) == len(b.xs) && b.near(own) {
		own[0], own[len(own)-1] = b.xs[0], b.xs[len(b.xs)-1]
		return own
	}
	xs := slices.Clone(b.xs)
	free := func(x float64) bool {
		for i := range ls {
			if crosses(ls[i].ws, x) {
				return false
			}
		}
		return true
	}
	// gap returns the width of the free run around x (x free), up to a
	// space on either side (all that is asked of it): from the nearest
	// word's edge on each side, not in steps (a gutter of 4.3 points
	// between a term and the work done is narrower than two steps of a
	// quarter line).
	gap := func(x float64) float64 {
		if grid {
			// On a character grid gaps are whole cells: steps of a
			// quarter line measure them.
			lo, hi, step := x, x, b.lh/4
			for lo > x-b.space && free(lo-step) {
				lo -= step
			}
			for hi < x+b.space && free(hi+step) {
				hi += step
			}
			return hi - lo
		}
		lo, hi := x-b.space, x+b.space
		for i := range ls {
			for wi := range ls[i].ws {
				w := &ls[i].ws[wi]
				if w.X1 <= x {
					lo = fmax(lo, w.X1)
				}
				if w.X0 >= x {
					hi = fmin(hi, w.X0)
				}
			}
		}
		return hi - lo
	}
	// starts counts the distinct places (to a quarter line) where the
	// lines' text starts in the columns left and right of x, and two more
	// for a column left empty: columns are aligned left and hold text, so
	// the right place for a boundary has few.
	starts := func(lo, x, hi float64) int {
		seen := map[[2]int]bool{}
		for i := range ls {
			var left, right *hesabat.Word
			for j := range ls[i].ws {
				w := &ls[i].ws[j]
				m := (w.X0 + w.X1) / 2
				if left == nil && m >= lo && m < x {
					left = w
				}
				if right == nil && m >= x && m < hi {
					right = w
				}
			}
			if left != nil {
				seen[[2]int{0, int(math.Round(left.X0 / (b.lh / 4)))}] = true
			}
			if right != nil {
				seen[[2]int{1, int(math.Round(right.X0 / (b.lh / 4)))}] = true
			}
		}
		n := len(seen)
		for side := range 2 { // a column left empty is worse than a ragged one
			if !slices.ContainsFunc(slices.Collect(maps.Keys(seen)), func(k [2]int) bool { return k[0] == side }) {
				n += 2
			}
		}
		return n
	}
	// In a row without a number on a line grid (layout text: a work-done
	// cell carried on, often of one line) a boundary moves only into a
	// gap of two spaces: one space is a gap between words as often as
	// between columns, and lineCuts settles the lines that cross where it
	// stays. (grid tells it for the page: a row of one line is on it.)
	minGap := b.space
	if grid && !b.numbered(ls) {
		minGap = 2 * b.space
	}
	for k := 1; k+1 < len(xs); k++ {
		if free(xs[k]) {
			continue
		}
		step := b.lh / 4
		best, score := xs[k], math.MaxInt
		for d := step; d <= 4*b.lh; d += step {
			for _, x := range []float64{xs[k] - d, xs[k] + d} {
				if x > xs[k-1] && x < xs[k+1] && free(x) && gap(x) >= minGap {
					if n := starts(xs[k-1], x, xs[k+1]); n < score {
						best, score = x, n
					}
				}
			}
		}
		xs[k] = best
	}
	return xs
}

// centredMid returns the middle of the span of the lines that hold text
// in the number column or the column next to it (the title, in these
// reports): in a table that centres its cells, the row's middle. It is
// the middle of the number and title's own lines, not of the number's:
// on a character grid pdftotext gives title lines set between the work
// done's lines positions of their own, above the number and below it in
// unequal numbers.
func (b *borderless) centredMid(ls []tline) float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range ls {
		if _, ok := ls[i].clip(math.Inf(-1), b.xs[min(2, len(b.xs)-1)]); ok {
			lo, hi = fmin(lo, ls[i].mid()), fmax(hi, ls[i].mid())
		}
	}
	return (lo + hi) / 2
}

// anchorRows cuts a page's table lines (below its header) into rows where
// gaps do not tell rows from paragraphs. The lines are first cut into
// bands at blank gaps (half a line more than the line pitch), and a band holding two
// measure numbers or more is cut between them (see splitBand); a band
// holding a measure number opens a row, and a band without one carries
// on the row above (at the top of the page: a continuation of the
// previous page's row, a row of its own). When the table centres its
// cells vertically (most numbers stand below their band's first line),
// the bands without a number right above a numbered one that hold text
// in the column next to the numbers (the title, in these reports) are
// the top of that row, and so are those that start below the middle of
// the open row's span around its number.
// When it aligns them to the top, a numbered band's lines above its
// number are the end of the row above (or the header). When it aligns
// them to the bottom (see b.bottom), a row ends at its number: the bands
// after it are the top of the next numbered band's row, or, at the foot
// of the page, the rest of a row the page break cut (LibreOffice sets
// such a row's first part from the top). first tells that the table
// starts on this page (nothing carries on at its top).
func (b *borderless) anchorRows(table []tline, first bool) [][]tline {
	// A blank is more than half a line between the lines' boxes, or
	// between their baselines more than half a line pitch beyond one
	// pitch: LibreOffice's loose boxes overlap by a quarter of the pitch,
	// so a row's padding leaves less than half a box between them.
	blankAbove := func(j int) bool {
		a, l := &table[j-1], &table[j]
		return l.y0-a.y1 > 0.5*b.lh || l.pitch > 0 && l.base-a.base > 1.5*l.pitch
	}
	var blank [][]tline
	for i := 0; i < len(table); {
		j := i + 1
		for j < len(table) && !blankAbove(j) {
			j++
		}
		blank = append(blank, table[i:j])
		i = j
	}
	// The page's last numbered band votes only for centring: the page
	// break may cut its row, and LibreOffice sets the first part of a cut
	// row from the top, whatever the table's alignment (see
	// bottomAligned).
	last := -1
	for i, ls := range blank {
		if slices.ContainsFunc(ls, func(l tline) bool { return b.numberLine(&l) }) {
			last = i
		}
	}
	centred, numbered := 0, 0
	for i, ls := range blank {
		if k := slices.IndexFunc(ls, func(l tline) bool { return b.numberLine(&l) }); k > 0 || k == 0 && i != last {
			numbered++
			if k > 0 {
				centred++
			}
		}
	}
	centre := 2*centred >= numbered && centred > 0 && !b.bottom
	// apart marks the blank bands that a column break sets apart from
	// the numbered row below them (see columnBreak): rows of their own.
	apart := map[int]bool{}
	if centre && !first && onGrid(table) && len(blank) > 0 {
		if k := b.gridRestAbove(blank[0]); k > 0 {
			blank = slices.Insert(blank, 1, blank[0][k:])
			blank[0] = blank[0][:k]
			apart[0] = true
		}
	}
	for i := 0; centre && !onGrid(table) && i < len(blank); i++ {
		// The rest of a row the page break cut, at the top of the page,
		// or a header the document does not repeat (a one-page table,
		// one table per section), may stand closer to the next row than
		// half a line. (Not on a character grid: pdftotext interleaves
		// the lines of a row's columns, one grid line apart, so every
		// column leaves gaps of a line and two of them do so at any
		// place.)
		k := b.columnBreak(blank[i])
		if k == 0 && i == 0 && !first {
			k = b.restAbove(blank[i])
		}
		if k > 0 {
			blank = slices.Insert(blank, i+1, blank[i][k:])
			blank[i] = blank[i][:k]
			apart[i] = true
			i++
		}
	}
	var bands []band
	for bi, ls := range blank {
		for _, part := range b.splitBand(ls, centre) {
			bd := band{lines: part, number: -1, apart: apart[bi]}
			for k := range bd.lines {
				if bd.number < 0 && b.numberLine(&bd.lines[k]) {
					bd.number = k
				}
				if len(b.xs) > 2 {
					if _, ok := bd.lines[k].clip(b.xs[1], b.xs[2]); ok {
						bd.nextText = true
					}
				}
			}
			bands = append(bands, bd)
		}
	}
	if b.bottom {
		var rows [][]tline
		var pending []tline // lines of a row whose number is to come
		open := false
		for _, bd := range bands {
			switch {
			case bd.number >= 0:
				rows, pending, open = append(rows, append(pending, bd.lines...)), nil, true
			case open:
				pending = append(pending, bd.lines...)
			default:
				rows = append(rows, slices.Clone(bd.lines))
			}
		}
		if len(pending) > 0 {
			rows[len(rows)-1] = append(rows[len(rows)-1], pending...)
		}
		return rows
	}
	var rows [][]tline
	open := false         // a numbered row is open on this page
	var numberMid float64 // the open row's number line's middle
	// opens appends a numbered row of lines, whose number line is n.
	opens := func(r []tline, n *tline) {
		rows, open, numberMid = append(rows, r), true, n.mid()
	}
	// opensAt opens a row of bands i to j, the numbered one.
	opensAt := func(i, j int) {
		var r []tline
		for _, x := range bands[i : j+1] {
			r = append(r, x.lines...)
		}
		opens(r, &bands[j].lines[bands[j].number])
	}
	for i := 0; i < len(bands); i++ {
		bd := bands[i]
		if bd.apart {
			// A header, or the rest of a row the page break cut.
			rows, open = append(rows, slices.Clone(bd.lines)), false
			continue
		}
		if bd.number < 0 && !centre && open && b.labelLine(&bd.lines[0]) {
			// Text other than a number in the number column of a table
			// aligned to the top, after a blank gap, is no continuation:
			// a section heading ("2. Ekoloji …"), or the header of the
			// next table. It is a row of its own, and so are the bands
			// after it until the next number.
			rows, open = append(rows, slices.Clone(bd.lines)), false
			continue
		}
		if bd.number > 0 && !centre {
			above := bd.lines[:bd.number]
			if open {
				rows[len(rows)-1] = append(rows[len(rows)-1], above...)
			} else {
				rows = append(rows, slices.Clone(above))
			}
			bd.lines, bd.number = bd.lines[bd.number:], 0
		}
		if bd.number >= 0 {
			opens(slices.Clone(bd.lines), &bd.lines[bd.number])
			continue
		}
		if centre && open {
			// Bands with next-column text leading up to a numbered band
			// are the top of that row.
			j := i
			for j < len(bands) && bands[j].number < 0 && bands[j].nextText {
				j++
			}
			if j > i && j < len(bands) && bands[j].number >= 0 {
				opensAt(i, j)
				i = j
				continue
			}
			// A band below the middle the open row must have around its
			// number (its top is as far above as its bottom is below),
			// with a numbered band to come, is the next row's top, and so
			// are the bands after it.
			top := rows[len(rows)-1][0].y0
			j = i
			for j < len(bands) && bands[j].number < 0 {
				j++
			}
			if j < len(bands) && bd.lines[0].mid() > 2*numberMid-top+0.5*b.lh {
				opensAt(i, j)
				i = j
				continue
			}
		}
		if centre {
			// A band above a numbered band whose number stands below
			// its first line (centred in its row, not a row the page
			// break cut, which is set from the top) is that row's top
			// when it starts at or below where the row must start to
			// have its centred cells (see centredMid) at its middle, as
			// far above as the numbered band's last line is below: the
			// row reaches at least that far down, so at least that far
			// up. The bands after it up to the number go with it. On a
			// character grid (layout text) a break between paragraphs
			// and one between rows are the same blank line, and without
			// this the work done's first paragraph, above a short
			// title, joins the row above.
			j := i
			for j < len(bands) && bands[j].number < 0 {
				j++
			}
			if j < len(bands) && bands[j].number > 0 {
				nb := bands[j]
				top := 2*b.centredMid(nb.lines) - nb.lines[len(nb.lines)-1].mid()
				if bd.lines[0].mid() >= top-0.5*b.lh {
					opensAt(i, j)
					i = j
					continue
				}
			}
		}
		if centre && first && !open {
			// At the top of the table's first page nothing carries on:
			// bands above the first number are its row's top (a tall
			// work-done cell starts at the row's top, its number and
			// title centred below).
			j := i
			for j < len(bands) && bands[j].number < 0 {
				j++
			}
			if j < len(bands) {
				opensAt(i, j)
				i = j
				continue
			}
		}
		if centre && !first && !open && !onGrid(table) && b.rowTop(bands[i:]) {
			// At the top of a later page, bands above the first number
			// whose row is centred on them too are its row's top (a
			// paragraph of its work done set apart by a paragraph's
			// space), not the rest of the row the page break cut.
			j := i
			for bands[j].number < 0 {
				j++
			}
			opensAt(i, j)
			i = j
			continue
		}
		if open {
			rows[len(rows)-1] = append(rows[len(rows)-1], bd.lines...)
		} else {
			rows = append(rows, slices.Clone(bd.lines))
		}
	}
	return rows
}

// rowTop reports whether the first of bands, which holds no measure
// number, is the top of the row of the first numbered band after it, in
// a table that centres its cells: of the bands up to that one, its top is
// the nearest to the row's top that the number mirrors (as far above the
// number's middle as the numbered band's bottom is below it), and within
// two lines of it (LibreOffice counts the space after a cell's last
// paragraph in its height, and pads cells: up to a line each). A row the
// page break cut is set from the top: its number mirrors no top near
// any band.
func (b *borderless) rowTop(bands []band) bool {
	j := slices.IndexFunc(bands, func(bd band) bool { return bd.number >= 0 })
	if j <= 0 {
		return false
	}
	nb := &bands[j]
	bottom := math.Inf(-1)
	for i := range nb.lines {
		bottom = fmax(bottom, nb.lines[i].y1)
	}
	top := 2*b.numberMid(&nb.lines[nb.number]) - bottom
	off := func(k int) float64 { return math.Abs(bands[k].lines[0].y0 - top) }
	for k := 1; k <= j; k++ {
		if off(k) < off(0) {
			return false
		}
	}
	return off(0) <= 2*b.lh
}
