package layout

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hesabat/hesabat"
)

// gridFits returns the room, on a character grid (layout text), that a
// line holding only word w must leave against its column's edge (where
// its full lines end, see gridRights) to end a word the renderer cut there:
// one cell, as the word's cells show it (a line a whole cell short had
// room for one more character, and the renderer would have set it there
// had the word gone on).
//
// A URL, an address or a path (see pathLike) is the exception. pdftotext
// starts each word at its place on the page but gives each of its
// characters a cell, so a word ends on the grid where its count of
// characters, not its width, puts it; measured over the 42 corpus
// renderings against the PDFs' word boxes (pdftotext -bbox), a word's
// width on the grid is its width on the page within 2.4 cells either way
// for 98 % of words of 15 to 24 characters (gridErr); of longer ones,
// mostly URLs and addresses, 1 % fall short by 4.7 cells or more. The
// room read against the edge thus errs by the edge's own error and by
// the word's, besides the glyph the cut left out: a URL the renderer
// cut at the column's edge ends 2 to 5 cells short of it (r036, r055,
// r056: "…/neshrlər_v3.0/baxı" over "ş.php”"). A whole word in a narrow
// column leaves as little ("İcra" over "müddəti", 2 cells; "ekspertiza"
// over "şöbəsi", 3), and the grid cannot tell those apart, so the
// allowance is only for a token whose pieces a line break never parts
// but by cutting it: a URL, an address or a path has no space in it, and
// a whole one alone on its line, leaving that little room, is as long as
// the column.
func gridFits(w hesabat.Word) float64 {
	cell := (w.X1 - w.X0) / float64(utf8.RuneCountInString(w.Text))
	if pathLike(w.Text) {
		return (1 + 2*gridErr) * cell
	}
	return cell
}

// pathLike reports whether s is a URL ("https://…"), an e-mail address
// (an "@" between other characters) or a path of two slashes or more
// between other characters ("a/b/c"); a lone "və/və" is none.
func pathLike(s string) bool {
	if strings.Contains(s, "://") {
		return true
	}
	if i := strings.Index(s, "@"); i > 0 && i+1 < len(s) {
		return true
	}
	inner := strings.Trim(s, "/")
	return strings.Count(inner, "/") >= 2
}

// gridRights returns, per column of a page of layout text whose columns
// are xs, the edge its full lines reach. A line's end on the grid errs by
// its last word's width error (see gridFits) and more: pdftotext moves a
// word right when the words before it on the line, a cell a character,
// ran past where it starts on the page, so a line of parentheses, quotes
// and narrow letters, "(göstəricilərin) verilməsi", "Statistik
// nəşrlərin (kitabların)", ends 5 cells past the page's other full lines
// (r036), and a line that ends a paragraph, read against it, seems to
// leave room for the next page's first word. The edge is the widest end
// that two more lines reach within gridErr cells (three full lines; a
// page's column holds many where its lines are long enough to fill it),
// gridCap cells left of the widest end at most; a column without such
// lines keeps its widest line's end (see columnRights).
func gridRights(ls []tline, xs []float64) []float64 {
	right := columnRights(ls, xs)
	ends := make([][]float64, len(xs)-1)
	cw := 0.0
	for i := range ls {
		cw = ls[i].height() / 2 // a character of layout text (see extract/txt)
		end := make([]float64, len(xs)-1)
		for c := range end {
			end[c] = math.Inf(-1)
		}
		for wi := range ls[i].words() {
			w := &ls[i].words()[wi]
			m := (w.X0 + w.X1) / 2
			if c := sort.SearchFloat64s(xs, m) - 1; c >= 0 && c < len(end) && (c+1 == len(end) || w.X1 <= xs[c+1]+1) {
				end[c] = fmax(end[c], w.X1)
			}
		}
		for c, e := range end {
			if !math.IsInf(e, -1) {
				ends[c] = append(ends[c], e)
			}
		}
	}
	for c, e := range ends {
		slices.SortFunc(e, func(a, b float64) int { return cmp.Compare(b, a) })
		for i := 0; i+2 < len(e) && e[0]-e[i] <= gridCap*cw; i++ {
			if e[i]-e[i+2] <= gridErr*cw {
				right[c] = e[i]
				break
			}
		}
	}
	return right
}

// gridErr is how far, in cells, a word's width on the character grid
// stands from its width on the page, either way, for 98 % of words of 15
// to 24 characters (see gridFits).
const gridErr = 2.4

// gridCap is the most, in cells, by which gridRights puts a column's edge
// left of its widest line: the overshoot of r036's line of narrow glyphs
// (5 cells). Over the 42 corpus renderings, where they differ, the
// work-done column's widest line stands 1 to 5 cells past the edge three
// lines confirm on 256 pages' tables, 6 or 9 on 6; in the narrow, ragged
// title and term columns three lines within gridErr of each other may
// stand up to 10 cells left of the widest end, which is then no
// overshoot but a fuller line.
const gridCap = 5.0

// gridSlack is how much more room than the next page's first word needs
// a cell's last line, ending a sentence, must leave on a character grid
// to end its paragraph there (see markContinuations), beyond the 0.3 of a
// line (0.6 of a cell) every reading allows. On the grid the room is
// counted in whole cells, and the line's end and the next word's width
// each err (see gridFits). Measured over the 42 corpus renderings, at
// the 54 page breaks after a sentence end in work done, against the
// gold: every break but one leaves 2 cells or more over the next word
// (r050's, -2, is in cmd/hesabat's unseenBreaks), and the paragraphs
// that run on leave 1 cell or less, but after a URL or an address (see
// pathLike), whose end the grid may set 4.7 cells short of its width on
// the page or more (r034, r020, r033: 3, 5 and 6 cells over "Həmçinin",
// where the PDF had 34 pt for its 47). One cell more, and twice gridErr
// (4.8) after a URL or an address: r033's 6 stays a break the gold has
// not (unseenBreaks).
func gridSlack(e cellEdge) float64 {
	if !onGrid(e.ls) {
		return 0
	}
	cw := e.lh / 2
	if pathLike(e.last.Text) {
		return 2 * gridErr * cw
	}
	return cw
}
