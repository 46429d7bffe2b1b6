package ocr

import (
	"context"
	"image"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/hesabat/hesabat"
)

// A measure number alone in a tall cell is what Tesseract misreads most:
// read with its column it loses dots ("1.2." as "12") or turns into
// letters ("3.3." as "ə,"). Read alone, its line cut out of the cell,
// given a white margin and enlarged, it comes out right. rereadCells
// does that for the cells of a ruled table's number column.

// Geometry of a re-read line, in inches.
const (
	// lineMargin: the white margin put around a part read again;
	// Tesseract reads a line that touches its image's edge badly.
	lineMargin = 0.05
	// lineGap: the widest run of empty pixel rows inside one line of
	// text (between the dots of "1.2." and the digits, between accents
	// and letters); a wider run separates lines or specks.
	lineGap = 0.02
	// minLine: the lowest band of ink taken for a line of text; digits
	// at 8 pt are about 0.08 in tall, dust left by despeckle smaller
	// than maxSpeck (read alone, a speck comes out as "1" or ".").
	minLine = 0.04
)

// rereadScale is how much a re-read line is enlarged: at twice the page's
// 300 dpi, Tesseract's line recogniser keeps the dots of a short number
// that it drops at the page's own size.
const rereadScale = 2

// whitelist is what a measure number is written with.
const whitelist = "0123456789.)"

// tableGrid returns the cells of a ruled table in the picture, column by
// column from the left, each column's cells from the top; nil without a
// ruled table (see tableColumns). A column's cells are parted by the
// horizontal rules that cross all of it.
func tableGrid(rules []segment, pad int) [][]image.Rectangle {
	xs, top, bottom := tableColumns(rules)
	if xs == nil {
		return nil
	}
	var grid [][]image.Rectangle
	p := float64(pad)
	for i := 0; i+1 < len(xs); i++ {
		x0, x1 := xs[i], xs[i+1]
		ys := []float64{top, bottom}
		for _, r := range rules {
			if r.y0 == r.y1 && r.x0 <= x0+p && r.x1 >= x1-p && r.y0 > top+p && r.y0 < bottom-p {
				ys = append(ys, r.y0)
			}
		}
		slices.Sort(ys)
		var col []image.Rectangle
		for j := 0; j+1 < len(ys); j++ {
			c := image.Rect(int(x0)+pad, int(ys[j])+pad, int(x1)-pad, int(ys[j+1])-pad)
			if c.Dx() > 2*pad && c.Dy() > 2*pad {
				col = append(col, c)
			}
		}
		grid = append(grid, col)
	}
	return grid
}

// maxShortCell is the most words in a cell of a column that may hold
// measure numbers: its header ("Sıra N-si") or a number misread as
// letters ("ə ,"). A cell with more (a title, work done) means the column
// holds something else.
const maxShortCell = 3

// shortColumns returns the indexes of the columns of grid whose cells all
// hold at most maxShortCell words (words in points, cells in pixels at
// 72/scale dpi), at least one of them some.
func shortColumns(grid [][]image.Rectangle, words []hesabat.Word, scale float64) []int {
	var out []int
	for i, col := range grid {
		short, some := true, false
		for _, c := range col {
			n := len(strings.Fields(cellText(words, c, scale)))
			short = short && n <= maxShortCell
			some = some || n > 0
		}
		if short && some {
			out = append(out, i)
		}
	}
	return out
}

// inCell reports whether the middle of w (in points) lies in c (in pixels
// at 72/scale dpi).
func inCell(w hesabat.Word, c image.Rectangle, scale float64) bool {
	x, y := (w.X0+w.X1)/2/scale, (w.Y0+w.Y1)/2/scale
	return x >= float64(c.Min.X) && x < float64(c.Max.X) && y >= float64(c.Min.Y) && y < float64(c.Max.Y)
}

// cellText returns the words of cell c joined by spaces.
func cellText(words []hesabat.Word, c image.Rectangle, scale float64) string {
	return joinWords(slices.DeleteFunc(slices.Clone(words), func(w hesabat.Word) bool { return !inCell(w, c, scale) }))
}

// inkLines returns the bands of c holding lines of ink (rows with ink,
// gaps of at most lineGap, at least minLine high), from the top, each the
// full width of c, and the index of the heaviest (-1 for none).
func inkLines(g *image.Gray, c image.Rectangle, ink uint8, dpi float64) ([]image.Rectangle, int) {
	gap := max(1, int(lineGap*dpi))
	var bands []image.Rectangle
	heaviest, mostInk := -1, 0
	start, sum, empty := -1, 0, 0
	flush := func(end int) {
		if start >= 0 && end-start >= int(minLine*dpi) {
			if sum > mostInk {
				heaviest, mostInk = len(bands), sum
			}
			bands = append(bands, image.Rect(c.Min.X, start, c.Max.X, end))
		}
		start, sum, empty = -1, 0, 0
	}
	for y := c.Min.Y; y < c.Max.Y; y++ {
		n := 0
		for _, v := range g.Pix[g.PixOffset(c.Min.X, y):g.PixOffset(c.Max.X, y)] {
			if v < ink {
				n++
			}
		}
		switch {
		case n > 0:
			if start < 0 {
				start = y
			}
			sum += n
			empty = 0
		case start >= 0:
			if empty++; empty > gap {
				flush(y - empty + 1)
			}
		}
	}
	flush(c.Max.Y - empty)
	return bands, heaviest
}

// enlarge returns the part r of g with a white margin of m pixels,
// enlarged k times with bilinear interpolation (the blocky edges of a
// nearest-pixel enlargement read as other digits: "5" as "B") and made
// black where darker than ink, else white (on grey paper with its noise,
// Tesseract read a clear "5.5." as nothing or "2.").
func enlarge(g *image.Gray, r image.Rectangle, ink uint8, m, k int) *image.Gray {
	out := image.NewGray(image.Rect(0, 0, (r.Dx()+2*m)*k, (r.Dy()+2*m)*k))
	for i := range out.Pix {
		out.Pix[i] = 255
	}
	at := func(x, y int) float64 {
		x, y = min(max(x, r.Min.X), r.Max.X-1), min(max(y, r.Min.Y), r.Max.Y-1)
		return float64(g.Pix[g.PixOffset(x, y)])
	}
	for oy := m * k; oy < (r.Dy()+m)*k; oy++ {
		fy := float64(oy-m*k)/float64(k) - 0.5 + 0.5/float64(k)
		y0 := int(math.Floor(fy))
		ty := fy - float64(y0)
		for ox := m * k; ox < (r.Dx()+m)*k; ox++ {
			fx := float64(ox-m*k)/float64(k) - 0.5 + 0.5/float64(k)
			x0 := int(math.Floor(fx))
			tx := fx - float64(x0)
			x, y := r.Min.X+x0, r.Min.Y+y0
			v := (at(x, y)*(1-tx)+at(x+1, y)*tx)*(1-ty) + (at(x, y+1)*(1-tx)+at(x+1, y+1)*tx)*ty
			if v < float64(ink) {
				out.Pix[oy*out.Stride+ox] = 0
			}
		}
	}
	return out
}

// rereadCells reads again the cells of the table in g (its grid, see
// tableGrid and gutterGrid) that
// Tesseract misreads most when it reads them with their column: measure
// numbers and the years of terms. It reads each cell of the short columns
// (see shortColumns; its heaviest line, see inkLines and enlarge) alone
// with only the characters of measure numbers; the first such column
// where at least half the cells that read as letters or digits read as
// measure numbers, in either reading, is the number column (its header is the other half on a
// page with one number), and there the second reading replaces the first
// where keepFirst says. In the other short columns (terms), a cell whose
// years cannot be right (see badYears) is read again whole, its lines cut
// out, enlarged and binarised, and that reading replaces the first where
// its years can be right. (Reading all the other short columns' cells
// again and keeping the surer reading put right a year read as "2002",
// but disordered the titles of the r013 scan: only impossible years are
// read again.) words are in points (pixels times scale); dir is a scratch
// directory.
func rereadCells(ctx context.Context, g *image.Gray, grid [][]image.Rectangle, words []hesabat.Word, dpi, scale float64, dir string, o Options) ([]hesabat.Word, error) {
	ink := inkLevel(g)
	type cell struct {
		col   int
		box   image.Rectangle
		lines []image.Rectangle // its bands of ink (see inkLines)
		first string
	}
	var cells []cell
	var heaviest []image.Rectangle
	for _, i := range shortColumns(grid, words, scale) {
		for _, c := range grid[i] {
			if lines, h := inkLines(g, c, ink, dpi); h >= 0 {
				cells = append(cells, cell{i, c, lines, cellText(words, c, scale)})
				heaviest = append(heaviest, lines[h])
			}
		}
	}
	if len(cells) == 0 {
		return words, nil
	}
	numbers, err := readParts(ctx, g, heaviest, ink, dpi, scale, dir, "numbers", "7", o, "-c", "tessedit_char_whitelist="+whitelist)
	if err != nil {
		return nil, err
	}
	// The number column: the first where numbers are read in most cells
	// that read as something (a speck of dust, read as "." or nothing, is
	// no cell: between a table's rows without rules it makes one).
	number, count, inked := -1, map[int]int{}, map[int]int{}
	for i, c := range cells {
		second := joinWords(numbers[i])
		_, n1 := hesabat.MeasureNumber(c.first)
		_, n2 := hesabat.MeasureNumber(second)
		if strings.IndexFunc(c.first+second, isAlnum) >= 0 {
			inked[c.col]++
		}
		if n1 || n2 {
			count[c.col]++
		}
	}
	for _, c := range cells {
		if count[c.col] > 0 && 2*count[c.col] >= inked[c.col] {
			number = c.col
			break
		}
	}
	var texts []string
	for i, c := range cells {
		if c.col == number {
			texts = append(texts, c.first, joinWords(numbers[i]))
		}
	}
	depth := numberingDepth(texts)
	replace := func(c image.Rectangle, read []hesabat.Word) {
		words = slices.DeleteFunc(words, func(w hesabat.Word) bool { return inCell(w, c, scale) })
		words = append(words, read...)
	}
	for i, c := range cells {
		if c.col == number && !keepFirst(c.first, joinWords(numbers[i]), depth) {
			replace(c.box, numbers[i])
		}
	}
	var terms []cell
	var whole []image.Rectangle
	for _, c := range cells {
		if c.col != number && badYears(c.first) {
			terms = append(terms, c)
			whole = append(whole, c.lines[0].Union(c.lines[len(c.lines)-1]))
		}
	}
	if len(terms) == 0 {
		return words, nil
	}
	// Page segmentation mode 6, a block: the cell's lines ("2021-" over
	// "2022") come back as lines, read in order.
	again, err := readParts(ctx, g, whole, ink, dpi, scale, dir, "terms", "6", o)
	if err != nil {
		return nil, err
	}
	for i, c := range terms {
		if t := joinWords(again[i]); strings.ContainsAny(t, "0123456789") && !badYears(t) {
			replace(c.box, again[i])
		}
	}
	return words, nil
}

// digitsRe finds runs of digits; yearRangeRe two years joined by a dash.
var (
	digitsRe    = regexp.MustCompile(`[0-9]+`)
	yearRangeRe = regexp.MustCompile(`([0-9]{4})\s*[-‐‑–—]\s*([0-9]{4})`)
)

// badYears reports whether the years written in a term cell's text cannot
// be right: a run of three digits or more that is no year from 1900 to
// 2099 ("202", "20222", "3021": a digit lost, doubled or misread), or a
// range that ends before it starts ("2021-2002"). Shorter numbers (days,
// months, quarters) are no years and pass.
func badYears(s string) bool {
	for _, d := range digitsRe.FindAllString(s, -1) {
		if len(d) >= 3 && (len(d) != 4 || (d[:2] != "19" && d[:2] != "20")) {
			return true
		}
	}
	for _, m := range yearRangeRe.FindAllStringSubmatch(s, -1) {
		if m[2] < m[1] {
			return true
		}
	}
	return false
}

// readParts reads each part of g alone (enlarged, on a margin, see
// enlarge) in one Tesseract run with page segmentation mode psm and the
// extra options, and returns each part's words in points (pixels times
// scale). name names the scratch files in dir.
func readParts(ctx context.Context, g *image.Gray, parts []image.Rectangle, ink uint8, dpi, scale float64, dir, name, psm string, o Options, extra ...string) ([][]hesabat.Word, error) {
	m := int(lineMargin * dpi)
	offsets := make([]image.Point, len(parts))
	for i, r := range parts {
		offsets[i] = r.Min.Sub(image.Pt(m, m)).Mul(rereadScale)
	}
	listFile, err := writeImages(dir, name, len(parts), func(i int) image.Image { return enlarge(g, parts[i], ink, m, rereadScale) })
	if err != nil {
		return nil, err
	}
	tsv, err := run(ctx, listFile, psm, dpi*rereadScale, o, extra...)
	if err != nil {
		return nil, err
	}
	read, pages, err := parseTSV(tsv, scale/rereadScale, offsets)
	if err != nil {
		return nil, err
	}
	out := make([][]hesabat.Word, len(parts))
	for i, w := range read {
		out[pages[i]] = append(out[pages[i]], w)
	}
	return out, nil
}

// isAlnum reports whether r is a letter or a digit.
func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// joinWords returns the texts of ws joined by spaces.
func joinWords(ws []hesabat.Word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.Text
	}
	return strings.Join(parts, " ")
}

// numberingDepth returns the commonest depth ("4.1" is 2) of the measure
// numbers among texts, the deeper on a tie (a lost dot makes numbers
// shallower, never deeper); 0 without numbers.
func numberingDepth(texts []string) int {
	count := map[int]int{}
	best := 0
	for _, t := range texts {
		if n, ok := hesabat.MeasureNumber(t); ok {
			d := strings.Count(n, ".") + 1
			count[d]++
			if count[d] > count[best] || (count[d] == count[best] && d > best) {
				best = d
			}
		}
	}
	return best
}

// keepFirst reports whether a number cell keeps its first reading (with
// its column) rather than its second (alone): it does when the first is a
// measure number of the column's numbering depth, or the second is no
// measure number at all.
func keepFirst(first, second string, depth int) bool {
	if n, ok := hesabat.MeasureNumber(first); ok && strings.Count(n, ".")+1 == depth {
		return true
	}
	_, ok := hesabat.MeasureNumber(second)
	return !ok
}
