package layout

import (
	"math"
	"slices"
	"strings"

	"github.com/hesabat/hesabat"
)

// tline is one visual text line: words sharing a baseline, left to right.
type tline struct {
	ws             []hesabat.Word
	x0, y0, x1, y1 float64
	// base is the median of the words' baselines (Word.Base, else their
	// bottoms): where the line stands, unmoved by a descender or by a
	// letter from a fallback font with a taller box.
	base float64
	// pitch is the document's line pitch (see setPitch); 0 when unknown.
	pitch float64
}

// newLine makes a line of ws, which must be sorted left to right.
func newLine(ws []hesabat.Word) tline {
	l := tline{ws: ws, x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1)}
	bs := make([]float64, len(ws))
	for i, w := range ws {
		l.x0, l.y0 = math.Min(l.x0, w.X0), math.Min(l.y0, w.Y0)
		l.x1, l.y1 = math.Max(l.x1, w.X1), math.Max(l.y1, w.Y1)
		bs[i] = w.Y1
		if w.Base != 0 {
			bs[i] = w.Base
		}
	}
	if len(ws) > 0 {
		slices.Sort(bs)
		l.base = bs[len(bs)/2]
	}
	return l
}

// setPitch sets every line's pitch to the document's line pitch: the
// median distance between the baselines of consecutive lines of a page,
// among those between 0.6 and 3 times the taller line's height (closer
// lines are lines of columns whose cells start at other heights, half a
// line apart in cells centred vertically; further ones are rows or blocks
// apart; LibreOffice's loose boxes, from the font's ascent to its
// descent, are up to 1.25 times its single line pitch, so a bound of 0.8
// left only the pitch of every second line). Most such pairs are lines of one
// paragraph. Producers space lines differently (Chromium at the font's
// own height, LibreOffice at 1.15 times the size, around twice its tight
// glyph boxes), so only the document itself can tell a paragraph's line
// pitch from a paragraph break.
func setPitch(pls []*pageLines) {
	var ds []float64
	for _, pl := range pls {
		for i := 1; i < len(pl.lines); i++ {
			a, b := &pl.lines[i-1], &pl.lines[i]
			h := math.Max(a.height(), b.height())
			if d := b.base - a.base; d > 0.6*h && d < 3*h {
				ds = append(ds, d)
			}
		}
	}
	if len(ds) == 0 {
		return
	}
	slices.Sort(ds)
	p := ds[len(ds)/2]
	for _, pl := range pls {
		for i := range pl.lines {
			pl.lines[i].pitch = p
		}
	}
}

func (l *tline) mid() float64    { return (l.y0 + l.y1) / 2 }
func (l *tline) height() float64 { return l.y1 - l.y0 }

// words returns the line's words left to right.
func (l *tline) words() []hesabat.Word { return l.ws }

// text returns the line's words joined by single spaces.
func (l *tline) text() string {
	var b strings.Builder
	for i, w := range l.ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
	}
	return b.String()
}

// trailingSpace reports whether the line ends with a real space, as
// LibreOffice writes where it wrapped a line between words.
func (l *tline) trailingSpace() bool {
	return len(l.ws) > 0 && l.ws[len(l.ws)-1].Space
}

// buildLines groups words into lines: sorted by vertical midpoint, a word
// whose midpoint is within 0.4 of a word's height of the line's belongs to
// it (a line's words differ in height by their fonts, never by half).
// Lines are returned top to bottom, words in each left to right.
func buildLines(ws []hesabat.Word) []tline {
	ws = slices.Clone(ws)
	slices.SortStableFunc(ws, func(a, b hesabat.Word) int {
		if c := cmpFloat(a.Y0+a.Y1, b.Y0+b.Y1); c != 0 {
			return c
		}
		return cmpFloat(a.X0, b.X0)
	})
	var lines []tline
	for k := 0; k < len(ws); {
		m, lo, hi := k+1, ws[k].Y0, ws[k].Y1
		for m < len(ws) {
			w := ws[m]
			if math.Abs((w.Y0+w.Y1)/2-(lo+hi)/2) > 0.4*math.Max(w.Y1-w.Y0, hi-lo) {
				break
			}
			lo, hi = math.Min(lo, w.Y0), math.Max(hi, w.Y1)
			m++
		}
		line := ws[k:m:m]
		slices.SortStableFunc(line, func(a, b hesabat.Word) int { return cmpFloat(a.X0, b.X0) })
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

// clip returns the part of the line whose words have their midpoints in
// [x0, x1).
func (l *tline) clip(x0, x1 float64) (tline, bool) {
	i := 0
	for i < len(l.ws) && (l.ws[i].X0+l.ws[i].X1)/2 < x0 {
		i++
	}
	j := i
	for j < len(l.ws) && (l.ws[j].X0+l.ws[j].X1)/2 < x1 {
		j++
	}
	if i == j {
		return tline{}, false
	}
	if i == 0 && j == len(l.ws) {
		return *l, true
	}
	part := newLine(l.ws[i:j:j])
	part.pitch = l.pitch
	return part, true
}
