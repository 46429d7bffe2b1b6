package pdf

import (
	"math"
	"slices"
	"strings"
	"unicode"
)

// hyphenMark is what PDFium puts in place of a hyphen it judges to end a
// line inside a word.
const hyphenMark = '\u0002'

// softHyphen marks where a word may be broken; it is never printed inside
// a line.
const softHyphen = '\u00AD'

// ligatures maps the Latin presentation forms U+FB00–FB06 to their letters.
var ligatures = map[rune]string{
	'\uFB00': "ff", '\uFB01': "fi", '\uFB02': "fl", '\uFB03': "ffi",
	'\uFB04': "ffl", '\uFB05': "st", '\uFB06': "st",
}

// cleanGlyphs expands ligatures into one glyph per letter (splitting the
// box evenly), drops control characters other than hyphenMark, and drops a
// glyph drawn twice at the same place (fake bold).
func cleanGlyphs(in []glyph) []glyph {
	out := make([]glyph, 0, len(in))
	for _, g := range in {
		if s, ok := ligatures[g.r]; ok {
			w := (g.x1 - g.x0) / float64(len(s))
			for i, r := range s {
				out = append(out, glyph{r: r, x0: g.x0 + float64(i)*w, y0: g.y0, x1: g.x0 + float64(i+1)*w, y1: g.y1})
			}
			continue
		}
		if g.r != hyphenMark && (unicode.IsControl(g.r) || g.r == unicode.ReplacementChar) {
			continue
		}
		if n := len(out); n > 0 && out[n-1].r == g.r && near(out[n-1], g, 0.5) {
			continue
		}
		out = append(out, g)
	}
	return out
}

func near(a, b glyph, tol float64) bool {
	return math.Abs(a.x0-b.x0) <= tol && math.Abs(a.y0-b.y0) <= tol &&
		math.Abs(a.x1-b.x1) <= tol && math.Abs(a.y1-b.y1) <= tol
}

// tline is one visual text line: glyphs sharing a baseline, left to right,
// and the words they make.
type tline struct {
	g              []glyph
	ws             []word
	x0, y0, x1, y1 float64
}

// newLine makes a line of gs, which must be sorted left to right.
func newLine(gs []glyph) tline {
	l := tline{g: gs, x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1)}
	for _, g := range gs {
		l.x0, l.y0 = math.Min(l.x0, g.x0), math.Min(l.y0, g.y0)
		l.x1, l.y1 = math.Max(l.x1, g.x1), math.Max(l.y1, g.y1)
	}
	l.ws = splitWords(gs)
	return l
}

func (l *tline) mid() float64    { return (l.y0 + l.y1) / 2 }
func (l *tline) height() float64 { return l.y1 - l.y0 }

// words returns the line's words left to right.
func (l *tline) words() []word { return l.ws }

// text returns the line's words joined by single spaces.
func (l *tline) text() string {
	var b strings.Builder
	for i, w := range l.ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	return b.String()
}

// buildLines groups glyphs into lines: sorted by vertical midpoint, a glyph
// whose midpoint is within 0.4 of a glyph's height of the line's belongs to
// it. Lines are returned top to bottom, glyphs in each left to right.
//
// A PDF draws text a run at a time, so the glyphs are first cut into runs
// (consecutive glyphs with the same vertical extent, left to right), and
// runs are sorted rather than glyphs.
func buildLines(gs []glyph) []tline {
	type run struct {
		i, j   int
		y0, y1 float64
		x0     float64
	}
	runs := make([]run, 0, len(gs)/8+1)
	for i := 0; i < len(gs); {
		j := i + 1
		for j < len(gs) && gs[j].y0 == gs[i].y0 && gs[j].y1 == gs[i].y1 && gs[j].x0 >= gs[j-1].x0 {
			j++
		}
		runs = append(runs, run{i, j, gs[i].y0, gs[i].y1, gs[i].x0})
		i = j
	}
	slices.SortFunc(runs, func(a, b run) int {
		if c := cmpFloat(a.y0+a.y1, b.y0+b.y1); c != 0 {
			return c
		}
		return cmpFloat(a.x0, b.x0)
	})
	var lines []tline
	for k := 0; k < len(runs); {
		m, lo, hi := k+1, runs[k].y0, runs[k].y1
		for m < len(runs) {
			r := runs[m]
			if math.Abs((r.y0+r.y1)/2-(lo+hi)/2) > 0.4*math.Max(r.y1-r.y0, hi-lo) {
				break
			}
			lo, hi = math.Min(lo, r.y0), math.Max(hi, r.y1)
			m++
		}
		n := 0
		for _, r := range runs[k:m] {
			n += r.j - r.i
		}
		line := make([]glyph, 0, n)
		for _, r := range runs[k:m] {
			line = append(line, gs[r.i:r.j]...)
		}
		byX := func(a, b glyph) int { return cmpFloat(a.x0, b.x0) }
		if !slices.IsSortedFunc(line, byX) {
			slices.SortStableFunc(line, byX)
		}
		lines = append(lines, newLine(line))
		k = m
	}
	return lines
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// word is a run of glyphs with no space between them.
type word struct {
	text           string
	x0, y0, x1, y1 float64
	hyphen         bool // ends with PDFium's line-end hyphen mark (dropped from text)
	soft           bool // ends with a soft hyphen (dropped from text)
}

// splitWords splits a line's glyphs at real spaces and at gaps wider than
// a quarter of the glyph height (loose boxes touch inside a word). PDFium's
// hyphen mark always ends the word before it.
func splitWords(gs []glyph) []word {
	var out []word
	var b strings.Builder
	var cur word
	open := false
	flush := func() {
		if open {
			cur.text = b.String()
			if cur.text != "" {
				out = append(out, cur)
			}
		}
		b.Reset()
		open = false
	}
	var prev glyph
	for _, g := range gs {
		if unicode.IsSpace(g.r) {
			flush()
			continue
		}
		if open && g.r != hyphenMark && g.x0-prev.x1 > 0.25*math.Max(g.size(), prev.size()) {
			flush()
		}
		if !open {
			cur = word{x0: g.x0, y0: g.y0, x1: g.x1, y1: g.y1}
			open = true
		}
		cur.x0, cur.y0 = math.Min(cur.x0, g.x0), math.Min(cur.y0, g.y0)
		cur.x1, cur.y1 = math.Max(cur.x1, g.x1), math.Max(cur.y1, g.y1)
		cur.hyphen, cur.soft = g.r == hyphenMark, g.r == softHyphen
		if !cur.hyphen && !cur.soft {
			b.WriteRune(g.r)
		}
		prev = g
	}
	flush()
	return out
}

// trailingSpace reports whether the line ends with a real space glyph, as
// LibreOffice writes where it wrapped a line between words.
func (l *tline) trailingSpace() bool {
	return len(l.g) > 0 && unicode.IsSpace(l.g[len(l.g)-1].r)
}

// clip returns the part of the line whose glyph midpoints lie in [x0, x1).
func (l *tline) clip(x0, x1 float64) (tline, bool) {
	i := 0
	for i < len(l.g) && (l.g[i].x0+l.g[i].x1)/2 < x0 {
		i++
	}
	j := i
	for j < len(l.g) && (l.g[j].x0+l.g[j].x1)/2 < x1 {
		j++
	}
	if i == j {
		return tline{}, false
	}
	if i == 0 && j == len(l.g) {
		return *l, true
	}
	return newLine(l.g[i:j:j]), true
}
