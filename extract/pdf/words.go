package pdf

import (
	"math"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/hesabat/hesabat"
)

// This file turns a page's glyphs into the positioned words the layout
// engine (package transform/layout) reads: ligatures expanded, control
// characters and fake-bold strokes dropped, glyphs grouped into lines and
// split into words at real spaces and gaps.

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

// addLayout appends pages to doc's layout as the engine's pages, and the
// warnings of those without readable text to its warnings. Nil pages (not
// read, with a warning of their own) are left out.
func addLayout(doc *hesabat.Document, pages []*page) {
	var l layouter
	for _, p := range pages {
		if p != nil {
			lp, w := l.page(p)
			addPage(doc, lp, w)
		}
	}
}

// addPage appends a page of the layout engine and its warning, if any,
// to doc.
func addPage(doc *hesabat.Document, p hesabat.Page, w *hesabat.Warning) {
	doc.Layout = append(doc.Layout, p)
	if w != nil {
		doc.Warnings = append(doc.Warnings, *w)
	}
}

// layouter turns pages into the layout engine's pages. Its buffers are
// reused page after page (a page's glyphs, lines and words' text cost no
// allocation once the first pages have sized them); the pages it returns
// share none of them.
type layouter struct {
	chars   []glyph // the Go reader's glyphs of the page being read (see readGoPage)
	runs    []run
	xs      []run    // byX's
	sorted  []run    // radixSortRuns's scratch
	keys    []uint64 // radixSortRuns's keys
	words   []hesabat.Word
	all     []glyph // the lines' glyphs, one line after another
	lines   [][]glyph
	tail    []glyph // mergeByX's scratch
	text    []byte  // the line's words' text
	ends    []int   // where each word's text ends in text
	bottoms []bottom
}

// layouters holds layouters between documents, so that a document's
// first pages do not grow their buffers again.
var layouters = sync.Pool{New: func() any { return new(layouter) }}

// page turns a page read from the file into the engine's page: its
// words and rules. A page whose text has no Unicode mapping or no text at
// all gets no words and a warning (nil when the page has words), unless it
// is blank: it paints nothing, so no text is missing and OCR would find
// none.
func (l *layouter) page(p *page) (hesabat.Page, *hesabat.Warning) {
	out := hesabat.Page{Number: p.n, Width: p.w, Height: p.h}
	if len(p.rules) > 0 {
		out.Rules = make([]hesabat.Rule, 0, len(p.rules))
	}
	for _, r := range p.rules {
		out.Rules = append(out.Rules, hesabat.Rule{X0: r.x0, Y0: r.y0, X1: r.x1, Y1: r.y1})
	}
	gs, pua := p.chars, 0
	if plain, n := plainGlyphs(gs); plain {
		pua = n
	} else {
		gs = cleanGlyphs(gs)
		pua = privateUse(gs)
	}
	switch {
	case pua > 0 && 2*pua >= len(gs): // most characters private-use: what PDFium gives for fonts without a Unicode mapping
		w := hesabat.Warnf(hesabat.WarnUnmapped, p.n, "text has no Unicode mapping (a font without ToUnicode); page skipped")
		return out, &w
	case len(gs) == 0 && p.blank:
		return out, nil
	case len(gs) == 0:
		w := hesabat.Warnf(hesabat.WarnNoTextLayer, p.n, "page has no text layer; OCR not enabled")
		return out, &w
	}
	// The words are gathered in l.words, then copied at their size: a
	// page has about nine glyphs a word, and a guess made room for twice
	// as many words as there were.
	words := l.words[:0]
	lines := l.glyphLines(gs)
	for _, line := range lines {
		words = l.splitWords(words, line)
	}
	clear(lines) // they may share the page's glyphs, which the pooled layouter must not keep
	l.words = words
	out.Words = append(make([]hesabat.Word, 0, len(words)), words...)
	return out, nil
}

// privateUse returns how many of gs are private-use code points.
func privateUse(gs []glyph) int {
	pua := 0
	for _, g := range gs {
		if g.r >= 0xE000 && unicode.Is(unicode.Co, g.r) { // private use starts at U+E000
			pua++
		}
	}
	return pua
}

// plainGlyphs reports whether cleanGlyphs would return gs as it is, and
// returns privateUse(gs), in one pass over gs: the characters it looks
// at start at U+E000 (ligatures, U+FFFD, private use) or are control
// characters, and the glyphs it changes lie within half a point of the
// one before in x0.
func plainGlyphs(gs []glyph) (plain bool, pua int) {
	plain = true
	for k := range gs {
		g := &gs[k]
		r := g.r
		if r >= 0xE000 {
			if r >= 0xFB00 && r <= 0xFB06 || r == unicode.ReplacementChar {
				plain = false
			} else if unicode.Is(unicode.Co, r) {
				pua++
			}
		} else if (r < 0x20 || r >= 0x7F && r <= 0x9F) && r != hyphenMark && unicode.IsControl(r) {
			plain = false
		}
		if k > 0 && math.Abs(g.x0-gs[k-1].x0) <= 0.5 {
			if p := &gs[k-1]; p.r == r && near(*p, *g, 0.5) || near(*p, *g, 0.01) {
				plain = false
			}
		}
	}
	return plain, pua
}

// cleanGlyphs expands ligatures into one glyph per letter (splitting the
// box evenly), drops control characters other than hyphenMark, and drops a
// glyph drawn twice at the same place (fake bold).
func cleanGlyphs(in []glyph) []glyph {
	in = splitShared(in)
	k := 0 // glyphs before k need no change: in is returned when all are
	for ; k < len(in); k++ {
		if g := in[k]; g.r >= 0xFB00 && g.r <= 0xFB06 || g.r != hyphenMark && (unicode.IsControl(g.r) || g.r == unicode.ReplacementChar) ||
			k > 0 && in[k-1].r == g.r && near(in[k-1], g, 0.5) {
			break
		}
	}
	if k == len(in) {
		return in
	}
	out := make([]glyph, k, len(in)+8)
	copy(out, in[:k])
	for _, g := range in[k:] {
		if g.r >= 0xFB00 && g.r <= 0xFB06 { // the keys of ligatures
			s := ligatures[g.r]
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

// splitShared shares out the box of a glyph the font maps to several
// letters ("ffi" in "office", as LibreOffice embeds it; the readers give
// each letter the glyph's box) evenly among its letters, left to right:
// consecutive glyphs in one box. Two equal letters in one box are a fake
// bold instead when the glyphs before or after them are drawn twice too
// (a fake bold draws all of its text twice). It returns gs, or a copy
// when it changes any.
func splitShared(gs []glyph) []glyph {
	same := func(i, j int) bool { return i >= 0 && j < len(gs) && near(gs[i], gs[j], 0.01) }
	cloned := false
	for i := 0; i < len(gs); {
		j := i + 1
		// same(i, j), inlined and x0 compared first: this runs on every
		// glyph, and glyphs in a line differ in x0.
		for j < len(gs) && math.Abs(gs[i].x0-gs[j].x0) <= 0.01 && near(gs[i], gs[j], 0.01) {
			j++
		}
		bold := j-i == 2 && gs[i].r == gs[i+1].r && (same(i-2, i-1) || same(j, j+1))
		if j-i > 1 && !bold {
			if !cloned {
				gs, cloned = slices.Clone(gs), true
			}
			w := (gs[i].x1 - gs[i].x0) / float64(j-i)
			x0 := gs[i].x0
			for k := i; k < j; k++ {
				gs[k].x0, gs[k].x1 = x0+float64(k-i)*w, x0+float64(k-i+1)*w
			}
		}
		i = j
	}
	return gs
}

func near(a, b glyph, tol float64) bool {
	return math.Abs(a.x0-b.x0) <= tol && math.Abs(a.y0-b.y0) <= tol &&
		math.Abs(a.x1-b.x1) <= tol && math.Abs(a.y1-b.y1) <= tol
}

// glyphLines groups glyphs into lines: sorted by vertical midpoint, a
// glyph whose midpoint is within 0.4 of a glyph's height of the line's
// belongs to it. Lines are returned top to bottom, glyphs in each left to
// right. Words are split within a line, so that a word drawn in two runs
// (a letter from a fallback font, a change of style) stays one word.
//
// A PDF draws text a run at a time, so the glyphs are first cut into runs
// (consecutive glyphs with the same vertical extent, left to right), and
// runs are sorted rather than glyphs.
// The lines are valid until the next call, and may share gs's memory.
func (l *layouter) glyphLines(gs []glyph) [][]glyph {
	runs := l.runs[:0]
	for i := 0; i < len(gs); {
		// The run goes on while glyphs have the first's vertical extent
		// and do not stand left of the glyph before.
		f := &gs[i]
		j, x0 := i+1, f.x0
		for ; j < len(gs); j++ {
			g := &gs[j]
			if !(g.y0 == f.y0 && g.y1 == f.y1 && g.x0 >= x0) {
				break
			}
			x0 = g.x0
		}
		runs = append(runs, run{f.y0 + f.y1, f.x0, int32(i), int32(j)})
		i = j
	}
	l.runs = runs
	l.sorted, l.keys = radixSortRuns(runs, l.sorted, l.keys)
	lines := l.lines[:0]
	tail := l.tail
	if cap(l.all) < len(gs) {
		l.all = make([]glyph, len(gs))
	}
	all := l.all[:len(gs)]
	off := 0
	for k := 0; k < len(runs); {
		m, lo, hi := k+1, gs[runs[k].i].y0, gs[runs[k].i].y1
		for m < len(runs) {
			r := &gs[runs[m].i] // the run's first glyph: its extent is the run's
			// d > 0.4*max(r's height, the line's), without max: the
			// products keep max's order.
			if d := math.Abs((r.y0+r.y1)/2 - (lo+hi)/2); d > 0.4*(r.y1-r.y0) && d > 0.4*(hi-lo) {
				break
			}
			lo, hi = min(lo, r.y0), max(hi, r.y1)
			m++
		}
		n, first, end := 0, runs[k].i, runs[k].j
		for q := k; q < m; q++ {
			r := &runs[q]
			n += int(r.j - r.i)
			first, end = min(first, r.i), max(end, r.j)
		}
		// Runs that make up one stretch of gs with x0 increasing
		// throughout (a line drawn in one piece, as most are) are the
		// line as it is: byX would put them in the page's order.
		if int(end-first) == n && (m == k+1 || increasingX0(gs[first:end])) {
			lines = append(lines, gs[first:end:end])
			k = m
			continue
		}
		line := all[off : off : off+n]
		if l.byX(gs, runs[k:m]) {
			for _, r := range l.xs {
				line = append(line, gs[r.i:r.j]...)
			}
		} else {
			for _, r := range runs[k:m] {
				line, tail = mergeByX(line, gs[r.i:r.j], tail)
			}
		}
		lines = append(lines, line)
		off += n
		k = m
	}
	l.lines, l.tail = lines, tail
	return lines
}

// increasingX0 reports whether each glyph's x0 is greater than the one
// before.
func increasingX0(gs []glyph) bool {
	for i := 1; i < len(gs); i++ {
		if !(gs[i-1].x0 < gs[i].x0) {
			return false
		}
	}
	return true
}

// before orders runs by vertical midpoint, then x0, then place on the
// page: a total order, so that runs drawn at the same place keep the
// order the page draws them in, whatever the sort algorithm.
func before(a, b run) bool {
	if a.mid != b.mid {
		return a.mid < b.mid
	}
	if a.x0 != b.x0 {
		return a.x0 < b.x0
	}
	return a.i < b.i
}

// sortRuns sorts runs by before: a quicksort with before inlined (a page
// has a thousand runs with tight glyph boxes, and a comparison function
// called through a pointer was most of the sort), insertion sort for
// short spans, and slices.SortFunc past depth 48, which no sane page
// reaches (at most quadratic time on hostile input).
func sortRuns(rs []run, depth int) {
	for len(rs) > 12 {
		if depth > 48 {
			slices.SortFunc(rs, func(a, b run) int {
				switch {
				case before(a, b):
					return -1
				case before(b, a):
					return 1
				}
				return 0
			})
			return
		}
		depth++
		// Median of three as the pivot, moved to the end.
		m, h := len(rs)/2, len(rs)-1
		if before(rs[m], rs[0]) {
			rs[m], rs[0] = rs[0], rs[m]
		}
		if before(rs[h], rs[0]) {
			rs[h], rs[0] = rs[0], rs[h]
		}
		if before(rs[h], rs[m]) {
			rs[h], rs[m] = rs[m], rs[h]
		}
		rs[m], rs[h] = rs[h], rs[m]
		pivot, p := rs[h], 0
		for k := range h {
			if before(rs[k], pivot) {
				rs[k], rs[p] = rs[p], rs[k]
				p++
			}
		}
		rs[p], rs[h] = rs[h], rs[p]
		// Recurse into the shorter side, loop on the longer.
		if p < len(rs)-p {
			sortRuns(rs[:p], depth)
			rs = rs[p+1:]
		} else {
			sortRuns(rs[p+1:], depth)
			rs = rs[:p]
		}
	}
	for k := 1; k < len(rs); k++ {
		for j := k; j > 0 && before(rs[j], rs[j-1]); j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

// radixSortRuns sorts runs by before, as sortRuns does, with fewer
// mispredicted branches on the thousand runs of a page: a stable radix
// sort on the bits of mid rounded to float32 (a byte at a time, least
// significant first, passing over bytes all runs share), which orders
// runs as mid does but for ties among nearly equal midpoints, then
// sortRuns on each span of runs with equal such keys. The radix sort
// moves each run's key and index, one word, and the runs follow once.
// scratch and keys are reused between calls; the new ones are returned.
func radixSortRuns(rs, scratch []run, keys []uint64) ([]run, []uint64) {
	if len(rs) < 64 {
		sortRuns(rs, 0)
		return scratch, keys
	}
	n := len(rs)
	keys = slices.Grow(keys[:0], 2*n)[:2*n]
	src, dst := keys[:n], keys[n:]
	var counts [4][256]int32
	for i := range rs {
		k := midKey(rs[i].mid)
		src[i] = uint64(k)<<32 | uint64(i)
		counts[0][byte(k)]++
		counts[1][byte(k>>8)]++
		counts[2][byte(k>>16)]++
		counts[3][byte(k>>24)]++
	}
	for d := range counts {
		c := &counts[d]
		shift := 32 + 8*d
		if c[byte(src[0]>>shift)] == int32(n) {
			continue // every run has this byte
		}
		var sum int32
		for b := range c {
			c[b], sum = sum, sum+c[b]
		}
		for _, v := range src {
			b := byte(v >> shift)
			dst[c[b]] = v
			c[b]++
		}
		src, dst = dst, src
	}
	scratch = slices.Grow(scratch[:0], n)[:n]
	for i, v := range src {
		scratch[i] = rs[uint32(v)]
	}
	copy(rs, scratch)
	for i := 0; i < n; {
		j, k := i+1, src[i]>>32
		for j < n && src[j]>>32 == k {
			j++
		}
		if j-i > 1 {
			sortRuns(rs[i:j], 0)
		}
		i = j
	}
	return scratch, keys
}

// midKey maps a midpoint to an integer whose order is that of the
// midpoint rounded to float32 (which never reverses two midpoints): its
// IEEE bits, a negative number's flipped; -0 is +0, as they compare
// equal. Midpoints are never NaN: keepOnPage drops such glyphs.
func midKey(f float64) uint32 {
	v := float32(f)
	if v == 0 {
		v = 0
	}
	b := math.Float32bits(v)
	if b>>31 != 0 {
		return ^b
	}
	return b | 1<<31
}

// run is a run of glyphs of glyphLines.
type run struct {
	mid, x0 float64 // the sort keys: y0+y1 and x0 of the run's glyphs
	i, j    int32   // gs[i:j]; small, so that sorting moves less
}

// byX reports whether the runs of a line follow one another from left to
// right once put in order of their first glyph's x0 (in l.xs): each run's
// glyphs left of the next run's, as the pieces of a line of text are.
// Their concatenation in that order is then the line mergeByX would
// build, without merging.
func (l *layouter) byX(gs []glyph, runs []run) bool {
	xs := append(l.xs[:0], runs...)
	l.xs = xs
	for i := 1; i < len(xs); i++ { // insertion sort: a line has a few dozen runs
		for j := i; j > 0 && xs[j-1].x0 > xs[j].x0; j-- {
			xs[j-1], xs[j] = xs[j], xs[j-1]
		}
	}
	for i := 1; i < len(xs); i++ {
		if !(gs[xs[i-1].j-1].x0 < xs[i].x0) {
			return false
		}
	}
	return true
}

// mergeByX appends to line, sorted by x0, the glyphs of run, sorted by x0
// too, keeping the result sorted by x0 and, among equal x0, line's glyphs
// first: the line a stable sort of the runs' glyphs in order by x0 gives,
// in one pass over the end of line that run overlaps (none when the runs
// follow each other, as they mostly do). scratch is reused between calls;
// the new one is returned.
func mergeByX(line, run, scratch []glyph) ([]glyph, []glyph) {
	if len(run) == 0 {
		return line, scratch
	}
	// From i on, line's glyphs lie right of the run's first: they are
	// merged with the run.
	i := len(line)
	for i > 0 && line[i-1].x0 > run[0].x0 {
		i--
	}
	if i == len(line) {
		return append(line, run...), scratch
	}
	scratch = append(scratch[:0], line[i:]...)
	line = line[:i]
	a, b := 0, 0
	for a < len(scratch) && b < len(run) {
		if run[b].x0 < scratch[a].x0 {
			line = append(line, run[b])
			b++
		} else {
			line = append(line, scratch[a])
			a++
		}
	}
	line = append(line, scratch[a:]...)
	return append(line, run[b:]...), scratch
}

// splitWords splits a line's glyphs at real spaces, at gaps wider than
// wordGap of the glyph height (loose boxes touch inside a word), and
// around a footnote reference mark (see superscript; marked Word.Super). PDFium's
// hyphen mark always ends the word before it and is recorded as
// Word.Hyphen, a soft hyphen as Word.Soft; neither is in the text. A word
// followed by a real space is marked Word.Space; Word.Lead is its first
// glyph's box width. The words are appended to out.
func (l *layouter) splitWords(out []hesabat.Word, gs []glyph) []hesabat.Word {
	first := len(out)
	// The words' text goes to l.text one after another (the current
	// word's from start on), and becomes one string for the line, which
	// the words' Text share. l.bottoms are the word's glyph bottoms, to a
	// quarter point.
	l.text, l.ends, l.bottoms = l.text[:0], l.ends[:0], l.bottoms[:0]
	start := 0
	var cur hesabat.Word
	open := false
	flush := func() {
		if open && len(l.text) > start {
			cur.Size = cur.Y1 - cur.Y0
			cur.Base = commonBottom(l.bottoms, (cur.Y0+cur.Y1)/2)
			out = append(out, cur)
			l.ends = append(l.ends, len(l.text))
		}
		start, l.bottoms = len(l.text), l.bottoms[:0]
		open = false
	}
	prev := &glyph{} // the last glyph other than a space; r 0 before the first
	// The bottom rounded of the glyph before, and its bottom: a line's
	// glyphs mostly share one.
	lastY1, lastBottom := math.NaN(), 0.0
	for i := range gs {
		g := &gs[i]
		r := g.r
		// unicode.IsSpace, with its Latin-1 spaces inlined (tab to
		// carriage return, U+0085, U+00A0) and the letters up to U+1680,
		// the next space, kept off it.
		if r == ' ' || r < ' ' && unicode.IsSpace(r) || r == 0x85 || r == 0xA0 || r >= 0x1680 && unicode.IsSpace(r) {
			if open {
				cur.Space = true
			} else if n := len(out); n > first {
				out[n-1].Space = true
			}
			flush()
			continue
		}
		if open && r != hyphenMark {
			// gap > wordGap*max(size, prevSize), without max: the
			// products keep max's order.
			size, prevSize := g.size(), prev.size()
			if gap := g.x0 - prev.x1; gap > wordGap*size && gap > wordGap*prevSize ||
				!cur.Super && size < 0.75*prevSize && superscript(g, prev) || // superscript's first test inlined: most glyphs fail it
				cur.Super && !(markRune(r) && size < 1.1*prevSize) {
				flush()
			}
		}
		if !open {
			cur = hesabat.Word{X0: g.x0, Y0: g.y0, X1: g.x1, Y1: g.y1, Lead: g.x1 - g.x0}
			cur.Super = prev.r != 0 && superscript(g, prev)
			open = true
		}
		if !(g.x0 > cur.X0) { // a line's glyphs go left to right: min's answer is mostly cur.X0
			cur.X0 = min(cur.X0, g.x0)
		}
		// A line's glyphs mostly share their bottom, and often their
		// top: min and max of a number and itself (but zero, which may
		// be -0) are that number.
		if g.y0 != cur.Y0 || g.y0 == 0 {
			cur.Y0 = min(cur.Y0, g.y0)
		}
		cur.X1 = max(cur.X1, g.x1)
		if g.y1 != cur.Y1 || g.y1 == 0 {
			cur.Y1 = max(cur.Y1, g.y1)
		}
		cur.Hyphen, cur.Soft = r == hyphenMark, r == softHyphen
		if !cur.Hyphen && !cur.Soft {
			l.text = utf8.AppendRune(l.text, r)
			if g.y1 != lastY1 {
				lastY1, lastBottom = g.y1, math.Round(g.y1*4)/4
			}
			if bs := l.bottoms; len(bs) > 0 && bs[0].y == lastBottom { // countBottom's usual answer
				bs[0].n++
			} else {
				l.bottoms = countBottom(bs, lastBottom)
			}
		}
		prev = g
	}
	flush()
	text, from := string(l.text), 0
	for k, end := range l.ends {
		out[first+k].Text = text[from:end]
		from = end
	}
	return out
}

// bottom is how many glyphs of a word have their bottom at y.
type bottom struct {
	y float64
	n int
}

// countBottom counts one more glyph with its bottom at y (a word has a
// few distinct bottoms).
func countBottom(bs []bottom, y float64) []bottom {
	for i := range bs {
		if bs[i].y == y {
			bs[i].n++
			return bs
		}
	}
	return append(bs, bottom{y, 1})
}

// superscript reports whether glyph g, after glyph prev of its line, is a
// footnote reference mark: a digit or an asterisk less than three
// quarters as high as prev and raised by more than a quarter of prev's
// height (LibreOffice sets its footnote marks at 58 % of the size, their
// bottom 40 % of the letters' box above theirs). Only such marks: a
// closing quote is small and raised too where glyph boxes are tight.
func superscript(g, prev *glyph) bool {
	return g.size() < 0.75*prev.size() && prev.y1-g.y1 > 0.25*prev.size() && markRune(g.r) // the rune last: most glyphs fail the sizes
}

// markRune reports whether r may make up a footnote reference mark.
func markRune(r rune) bool {
	return r >= '0' && r <= '9' || r == '*' || r > unicode.MaxLatin1 && unicode.IsDigit(r) // the ASCII digits inlined
}

// commonBottom returns the bottom most glyphs share: with tight glyph
// boxes (LibreOffice's PDFs) the baseline, which a descender does not
// move; with loose boxes every glyph's bottom. On a tie it returns the
// highest below the word's middle mid: glyphs reach below the baseline
// (a descender, ş ç y; a letter from a fallback font with a loose box, ə
// in a font that has none, among tight ones, "və"), never above it but
// for raised marks (an opening quote, “A), which stand above the middle.
// The lowest bottom on a tie set lines of "Əmək və" two points low, more
// than a line's spacing allows, and their cell's paragraph was cut there.
func commonBottom(bottoms []bottom, mid float64) float64 {
	best, n := 0.0, 0
	for _, b := range bottoms {
		if b.n > n || b.n == n && betterTie(b.y, best, mid) {
			best, n = b.y, b.n
		}
	}
	return best
}

// betterTie reports whether bottom y is a likelier baseline than bottom
// best for a word whose box's middle is mid (see commonBottom): one below
// the middle over one above it; below it, the higher; above it, the lower.
func betterTie(y, best, mid float64) bool {
	if below := y > mid; below != (best > mid) {
		return below
	} else if below {
		return y < best
	}
	return y > best
}

// wordGap is the narrowest gap between two glyphs, as a share of their
// (loose) box height, that separates words where the PDF draws no space
// glyph (Chromium sets text that way; so does LibreOffice in justified
// lines). A loose box is the font's ascent to descent, 1.1 to 1.4 times
// its size, and a space is 0.2 to 0.33 of the size: in Liberation Sans
// Narrow, Liberation Serif and Noto Sans a space is 0.16 to 0.23 of the
// box height, so the quarter this once was glued their words. Inside a
// word loose boxes touch: kerning and a letter taken from a fallback font
// leave at most 0.09 of the box height (measured on the Chromium,
// LibreOffice and pandoc renderings under testdata/variants), which this
// must stay above.
const wordGap = 0.12

// maxPageSize bounds a page's width and height, in points (PDF pages are
// at most 14,400 points wide): a larger page is damaged or hostile.
const maxPageSize = 15000
