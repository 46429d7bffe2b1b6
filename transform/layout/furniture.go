package layout

import (
	"math"
	"regexp"
	"slices"
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
	n := 0
	for _, pl := range pls {
		n += len(pl.lines)
	}
	if n == 0 {
		return nil
	}
	hs := make([]float64, 0, n) // lineHeight of all lines, without copying them
	for _, pl := range pls {
		for i := range pl.lines {
			hs = append(hs, pl.lines[i].height())
		}
	}
	lh := nth(hs, n/2)
	if lh == 0 {
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
		var kept []tline // the lines left, copied once a line is taken
		for i, l := range pl.lines {
			if zs[i] == 0 { // in the body: never furniture
				if kept != nil {
					kept = append(kept, l)
				}
				continue
			}
			if f, ok := furnitureOf(pl.n, &l, zs[i], len(pls), seenRunning[running(ms[i], &l)], seenNumber[key{ms[i], zs[i]}]); ok {
				out = append(out, f)
				if kept == nil {
					kept = append(make([]tline, 0, len(pl.lines)), pl.lines[:i]...)
				}
			} else if kept != nil {
				kept = append(kept, l)
			}
		}
		if kept != nil {
			pl.lines = kept
		}
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

// footnoteZone is where a page's footnotes may start, as a share of its
// height: its lowest quarter. A line higher up that starts with a mark's
// label is text (a list item "1 …", a column-number row).
const footnoteZone = 0.75

// takeFootnotes sets aside the footnotes of each page and the marks that
// cite them (hesabat.Word.Super, set by the PDF reader): a mark whose
// label starts a line of running text (no gap wider than a space) in the
// lowest quarter of the page, below the mark, cites that footnote, which
// runs from that line to the next footnote or the end of the page. The
// footnote is furniture of kind "footnote", the mark furniture of kind
// "footnote reference": a mark glued into its word ("hesabatı1") would
// change a title. A mark without such a footnote is joined back to the
// word it follows (a superscript digit: "m2").
func takeFootnotes(pls []*pageLines) []hesabat.Furniture {
	var out []hesabat.Furniture
	for _, pl := range pls {
		marked := false
		for i := 0; i < len(pl.lines) && !marked; i++ {
			marked = hasSuper(pl.lines[i].ws)
		}
		if !marked {
			// No marks: no footnotes either; only what the end of the
			// loop does to every page is left to do.
			if slices.ContainsFunc(pl.lines, func(l tline) bool { return len(l.ws) == 0 }) {
				pl.lines = slices.DeleteFunc(slices.Clone(pl.lines), func(l tline) bool { return len(l.ws) == 0 })
			}
			continue
		}
		sg := spaceGap(pl.lines)
		// label returns the line where the footnote labelled s starts
		// (-1 if none), from line i down.
		label := func(s string, from int) int {
			for j := from; j < len(pl.lines); j++ {
				l := &pl.lines[j]
				if l.y0 > footnoteZone*pl.h && len(l.ws) > 1 && l.ws[0].Text == s && !columned(l, sg) {
					return j
				}
			}
			return -1
		}
		notes := map[int]bool{} // lines that start a footnote
		for i := range pl.lines {
			for wi := range pl.lines[i].ws {
				w := &pl.lines[i].ws[wi]
				if w.Super {
					if j := label(w.Text, i+1); j >= 0 {
						notes[j] = true
					}
				}
			}
		}
		kept := make([]tline, 0, len(pl.lines))
		for i := 0; i < len(pl.lines); i++ {
			if notes[i] {
				j := i + 1
				for j < len(pl.lines) && !notes[j] {
					j++
				}
				out = append(out, hesabat.Furniture{Page: pl.n, Kind: "footnote", Text: linesJoined(pl.lines[i:j])})
				i = j - 1
				continue
			}
			kept = append(kept, pl.lines[i])
		}
		for k := range kept {
			if !hasSuper(kept[k].ws) {
				continue // the line stays as it is: no copy of its words
			}
			var ws []hesabat.Word
			changed := false
			for _, w := range kept[k].ws {
				switch {
				case !w.Super:
					ws = append(ws, w)
					continue
				case slices.ContainsFunc(out, func(f hesabat.Furniture) bool {
					return f.Page == pl.n && f.Kind == "footnote" && strings.HasPrefix(f.Text, w.Text+" ")
				}):
					out = append(out, hesabat.Furniture{Page: pl.n, Kind: "footnote reference", Text: w.Text})
				case len(ws) > 0 && w.X0-ws[len(ws)-1].X1 < 0.2*w.Size:
					p := &ws[len(ws)-1]
					p.Text += w.Text
					p.X1, p.Y0, p.Space = fmax(p.X1, w.X1), fmin(p.Y0, w.Y0), w.Space
				default:
					w.Super = false
					ws = append(ws, w)
				}
				changed = true
			}
			if changed {
				if len(ws) == 0 {
					kept[k] = tline{}
					continue
				}
				kept[k] = newLine(ws)
			}
		}
		pl.lines = slices.DeleteFunc(kept, func(l tline) bool { return len(l.ws) == 0 })
	}
	return out
}

// hasSuper reports whether one of ws is a superscript (Word.Super). It
// reads the words in place: takeFootnotes asks it of every line.
func hasSuper(ws []hesabat.Word) bool {
	for i := range ws {
		if ws[i].Super {
			return true
		}
	}
	return false
}

// linesJoined returns the texts of lines joined by single spaces.
func linesJoined(ls []tline) string {
	return strings.Join(linesText(ls), " ")
}
