package layout

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/hesabat/hesabat"
)

// Furniture zones: a line is a running header, footer or page number
// candidate when it lies in the top or bottom band of a page (as a share
// of the page's height), outside any ruled table. The bands are those of
// A4 margins; text between them is the body.
const (
	topZone    = 0.065
	bottomZone = 0.92
)

// pageNumber matches what a page number looks like: "5", "- 5 -", "5/12",
// "Səhifə 5". Looks are not enough ("iclas 11", "Bakı 2022" look alike):
// see isPageNumber.
var pageNumber = regexp.MustCompile(`^(?:\p{L}+\s+)?[-–—]?\s*(\d{1,4})\s*(?:[-–—]|/\s*\d{1,4}|\p{L}+\s+\d{1,4})?$`)

// maskDigits replaces each run of ASCII digits in s by one '#', so that
// running lines and page numbers compare with their numbers masked ("- 4 -"
// and "- 5 -" are one pattern).
func maskDigits(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			b = append(b, c)
		} else if i == 0 || s[i-1] < '0' || s[i-1] > '9' {
			b = append(b, '#')
		}
	}
	return string(b)
}

// zone says where a line stands: 0 in the body, -1 in the top band, +1 in
// the bottom band. A page's first and last lines are in the bands too,
// for pages cropped to their text (layout text has no margins).
func zone(pl *pageLines, l *tline) int {
	if g := pl.grid; g != nil && l.mid() > g.top && l.mid() < g.bot {
		return 0
	}
	n := len(pl.lines)
	switch {
	case l.y1 < topZone*pl.h || n > 1 && l.y0 == pl.lines[0].y0:
		return -1
	case l.y0 > bottomZone*pl.h || n > 1 && l.y0 == pl.lines[n-1].y0:
		return 1
	}
	return 0
}

// takeFurniture removes the page furniture from the pages' lines and
// returns it:
//   - running headers and footers: lines in a page's top or bottom band
//     that recur at the same height (digits masked, within a third of a
//     line) on at least half of the pages, and two;
//   - page numbers: lines in those bands that look like one (pageNumber)
//     and either recur in the same band on two pages or more (digits
//     masked: "- 4 -" and "- 5 -" are one pattern), or are a bare number
//     equal to the page's own. A line that only looks like a page number
//     once ("iclas 11" at a page's foot, "Bakı 2022" above a title) is
//     text and stays.
func takeFurniture(pls []*pageLines) []hesabat.Furniture {
	type key struct {
		text string
		y    int // height in thirds of a line (running lines), or the zone (page numbers)
	}
	lh := 0.0
	var all []tline
	for _, pl := range pls {
		all = append(all, pl.lines...)
	}
	if lh = lineHeight(all); lh == 0 {
		return nil
	}
	running := func(masked string, l *tline) key {
		return key{masked, int(math.Round(l.y0 / (lh / 3)))}
	}
	seenRunning, seenNumber := map[key]int{}, map[key]int{}
	zones := make([][]int, len(pls))
	masked := make([][]string, len(pls)) // the text of the lines in a band, digits masked
	for p, pl := range pls {
		r, n := map[key]bool{}, map[key]bool{}
		sg := spaceGap(pl.lines)
		zones[p] = make([]int, len(pl.lines))
		masked[p] = make([]string, len(pl.lines))
		for i := range pl.lines {
			l := &pl.lines[i]
			// A line in columns (a gap wider than a space) is a table's,
			// as a header repeated on every page is: not furniture.
			if z := zone(pl, l); z != 0 && !columned(l, sg) {
				zones[p][i] = z
				m := maskDigits(l.text())
				masked[p][i] = m
				r[running(m, l)] = true
				n[key{m, z}] = true
			}
		}
		for k := range r {
			seenRunning[k]++
		}
		for k := range n {
			seenNumber[k]++
		}
	}
	var out []hesabat.Furniture
	for p, pl := range pls {
		zs, ms := zones[p], masked[p]
		kept := pl.lines[:0:0]
		for i, l := range pl.lines {
			if zs[i] == 0 {
				kept = append(kept, l) // in the body: never furniture
				continue
			}
			if f, ok := furnitureOf(pl.n, &l, zs[i], len(pls), seenRunning[running(ms[i], &l)], seenNumber[key{ms[i], zs[i]}]); ok {
				out = append(out, f)
			} else {
				kept = append(kept, l)
			}
		}
		pl.lines = kept
	}
	return out
}

// columned reports whether a line has a gap wider than sg between two
// of its words.
func columned(l *tline, sg float64) bool {
	for i := 1; i < len(l.ws); i++ {
		if l.ws[i].X0-l.ws[i-1].X1 > sg {
			return true
		}
	}
	return false
}

// furnitureOf returns the furniture that line l of page n is, if it is:
// z is its zone, pages the document's page count, running how many pages
// have the line at its height and numbering how many have its pattern in
// its band.
func furnitureOf(n int, l *tline, z, pages, running, numbering int) (hesabat.Furniture, bool) {
	if z == 0 {
		return hesabat.Furniture{}, false
	}
	kind := "header"
	if z > 0 {
		kind = "footer"
	}
	text := strings.TrimSpace(l.text())
	switch {
	case isPageNumber(text, n, numbering):
		kind = "page number"
	case running < 2 || 2*running < pages:
		return hesabat.Furniture{}, false
	}
	return hesabat.Furniture{Page: n, Kind: kind, Text: text}, true
}

// isPageNumber reports whether text, in a page's top or bottom band, is
// the number of page n: it looks like one and its pattern recurs on pages
// (on recurring pages of the document), or it is a bare number equal to
// n (a one-page document, or numbering that starts on page 1).
func isPageNumber(text string, n, recurring int) bool {
	m := pageNumber.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	if recurring >= 2 {
		return true
	}
	v, err := strconv.Atoi(m[1])
	return err == nil && v == n && strings.Trim(text, "-–— ") == m[1]
}
