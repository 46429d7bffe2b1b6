package layout

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

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
	var buf [32]float64 // most lines: no allocation
	bs := buf[:0]
	if len(ws) > len(buf) {
		bs = make([]float64, len(ws))
	}
	bs = bs[:len(ws)]
	same := true // every word's base the same, to the bit: no sort needed
	for i := range ws {
		w := &ws[i]
		l.x0, l.y0 = fmin(l.x0, w.X0), fmin(l.y0, w.Y0)
		l.x1, l.y1 = fmax(l.x1, w.X1), fmax(l.y1, w.Y1)
		bs[i] = w.Y1
		if w.Base != 0 {
			bs[i] = w.Base
		}
		same = same && math.Float64bits(bs[i]) == math.Float64bits(bs[0])
	}
	if len(ws) > 0 && same {
		l.base = bs[0]
	} else if len(ws) > 0 {
		// The median; of two middle values the higher on the page: a
		// word's base can only sit below the baseline (a word of one
		// letter from a fallback font with a loose box, "ə" of a word cut
		// in a narrow column, has its box's bottom for base), which set
		// a line "ə müxtəlif" two points low, past a paragraph break.
		slices.Sort(bs)
		l.base = bs[(len(bs)-1)/2]
	}
	return l
}

// setPitch sets every line's pitch to the document's line pitch: the
// middle of the densest cluster of distances between the baselines of
// consecutive lines of a page (see densest), among those between 0.6 and
// 3 times the taller line's height (closer lines are lines of columns
// whose cells start at other heights, half a line apart in cells centred
// vertically; further ones are rows or blocks apart; LibreOffice's loose
// boxes, from the font's ascent to its descent, are up to 1.25 times its
// single line pitch, so a bound of 0.8 left only the pitch of every second
// line). Pairs of lines of one paragraph cluster there. Producers space
// lines differently (Chromium at the font's
// own height, LibreOffice at 1.15 times the size, around twice its tight
// glyph boxes), so only the document itself can tell a paragraph's line
// pitch from a paragraph break.
func setPitch(pls []*pageLines) {
	var ds []float64
	for _, pl := range pls {
		for i := 1; i < len(pl.lines); i++ {
			a, b := &pl.lines[i-1], &pl.lines[i]
			h := fmax(a.height(), b.height())
			if d := b.base - a.base; d > 0.6*h && d < 3*h {
				ds = append(ds, d)
			}
		}
	}
	if len(ds) == 0 {
		return
	}
	p := densest(ds)
	for _, pl := range pls {
		for i := range pl.lines {
			pl.lines[i].pitch = p
		}
	}
}

// densest returns the middle of the densest cluster of distances: the
// median of the most values that lie within 8 % of the smallest of them
// (the smaller cluster on a tie). Lines of one paragraph stand one pitch
// apart, within a few per cent (a taller glyph from a fallback font);
// paragraph breaks and rows add gaps of many sizes, and in a small table
// of short cells they are as many as the lines of paragraphs (their median
// is no line pitch); cells that start at other heights give distances
// that do not cluster. ds is sorted in place.
func densest(ds []float64) float64 {
	slices.Sort(ds)
	best, n := 0, 0
	for i, j := 0, 0; i < len(ds); i++ {
		for j < len(ds) && ds[j] <= 1.08*ds[i] {
			j++
		}
		if j-i > n {
			best, n = i, j-i
		}
	}
	return ds[best+n/2]
}

func (l *tline) mid() float64    { return (l.y0 + l.y1) / 2 }
func (l *tline) height() float64 { return l.y1 - l.y0 }

// words returns the line's words left to right.
func (l *tline) words() []hesabat.Word { return l.ws }

// text returns the line's words joined by single spaces.
func (l *tline) text() string {
	var b strings.Builder
	n := len(l.ws)
	for i := range l.ws {
		n += len(l.ws[i].Text)
	}
	b.Grow(n)
	l.writeText(&b)
	return b.String()
}

// writeText writes l.text() to b.
func (l *tline) writeText(b *strings.Builder) {
	for i := range l.ws { // by index: a Word is 88 bytes to copy
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(l.ws[i].Text)
	}
}

// head returns a string that hesabat.JoinSep reads as it reads l.text()
// (its first rune, and whether that is all of it) without joining the
// line's words: their text for one word, else the first word when it has
// two runes or more.
func (l *tline) head() string {
	t := l.ws[0].Text
	_, n := utf8.DecodeRuneInString(t)
	switch {
	case len(l.ws) == 1 || n < len(t):
		return t
	case t == "":
		return "  " // the text starts with the space after an empty word
	}
	return t + " "
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
	return buildLinesIn(ws, nil)
}

// buildLinesIn is buildLines with the lines' words held in s (see
// scratch); nil allocates.
func buildLinesIn(ws []hesabat.Word, s *scratch) []tline {
	ws = s.sortedWords(ws)
	var ends []int // where each line ends, found first to hold the lines in one array
	if s != nil {
		ends = s.ends[:0]
	}
	for k := 0; k < len(ws); {
		k = lineEnd(ws, k)
		ends = append(ends, k)
	}
	if s != nil {
		s.ends = ends
	}
	lines := make([]tline, len(ends))
	var keys []wordKey // free once the page's words are sorted
	if s != nil {
		keys = s.keys
	}
	k := 0
	for i, m := range ends {
		line := ws[k:m:m]
		sortLeftToRight(line, keys)
		lines[i] = newLine(line)
		k = m
	}
	return lines
}

// lineEnd returns the end of the line that starts with ws[k] (see
// buildLines): the words after it whose midpoints are within 0.4 of a
// word's height of the line's.
func lineEnd(ws []hesabat.Word, k int) int {
	m, lo, hi := k+1, ws[k].Y0, ws[k].Y1
	for m < len(ws) {
		w := &ws[m]
		if math.Abs((w.Y0+w.Y1)/2-(lo+hi)/2) > 0.4*fmax(w.Y1-w.Y0, hi-lo) {
			break
		}
		lo, hi = fmin(lo, w.Y0), fmax(hi, w.Y1)
		m++
	}
	return m
}

// clip returns the part of the line whose words have their midpoints in
// [x0, x1).
func (l *tline) clip(x0, x1 float64) (tline, bool) {
	i, j := l.span(x0, x1)
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

// clipX returns the left and right edges of l.clip(x0, x1), without
// building the part.
func (l *tline) clipX(x0, x1 float64) (left, right float64, ok bool) {
	i, j := l.span(x0, x1)
	switch {
	case i == j:
		return 0, 0, false
	case i == 0 && j == len(l.ws):
		return l.x0, l.x1, true
	}
	left, right = math.Inf(1), math.Inf(-1)
	for wi := range l.ws[i:j] {
		w := &l.ws[i:j][wi]
		left, right = fmin(left, w.X0), fmax(right, w.X1)
	}
	return left, right, true
}

// span returns the words l.ws[i:j] whose midpoints are in [x0, x1).
func (l *tline) span(x0, x1 float64) (i, j int) {
	for i < len(l.ws) && (l.ws[i].X0+l.ws[i].X1)/2 < x0 {
		i++
	}
	j = i
	for j < len(l.ws) && (l.ws[j].X0+l.ws[j].X1)/2 < x1 {
		j++
	}
	return i, j
}

// joinExpanded returns l with the words that a justified line's stretch
// alone parted joined: renderers justify a line by widening every space
// by the same amount, and Chromium also widens after some symbols ("№",
// which it spaces as an ideograph), so "№-li" stands apart by the stretch
// without a space. A gap narrower than the line's other gaps by about a
// space (a fifth to a third of a line height: a space is 0.25 to 0.33 of
// the font size, the line 1.1 to 1.2 times it) is no space, when the
// other gaps, three or more, are all one width (to half a point: the
// stretch is the same at every space) and wider than a space, as only
// justification sets them.
func joinExpanded(l tline) tline {
	n := len(l.ws)
	if n < 5 {
		return l
	}
	var buf [2][64]float64 // most lines: no allocation
	gaps, sorted := buf[0][:0], buf[1][:0]
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := 1; i < n; i++ {
		g := l.ws[i].X0 - l.ws[i-1].X1
		gaps = append(gaps, g)
		lo, hi = min(lo, g), max(hi, g)
	}
	if hi-lo <= 0.5 {
		// Every gap within half a point of every other, so of the
		// median: none narrow (most lines, justified or not).
		return l
	}
	sorted = append(sorted, gaps...)
	m := nth(sorted, len(gaps)/2)
	h := math.Inf(1)
	for wi := range l.ws {
		w := &l.ws[wi]
		h = fmin(h, w.Y1-w.Y0)
	}
	var narrow []int
	for i, g := range gaps {
		switch d := m - g; {
		case math.Abs(d) <= 0.5:
		case d >= 0.15*h && d <= 0.35*h && g > 0:
			narrow = append(narrow, i)
		default:
			return l // gaps of many widths: not a justified line
		}
	}
	if len(narrow) == 0 || n-1-len(narrow) < 3 || m < 0.35*h {
		return l
	}
	ws := slices.Clone(l.ws)
	for k := len(narrow) - 1; k >= 0; k-- {
		i := narrow[k]
		ws[i] = joinWords(ws[i], ws[i+1])
		ws = slices.Delete(ws, i+1, i+2)
	}
	out := newLine(ws)
	out.pitch = l.pitch
	return out
}

// joinWords returns words a and b, b right after a on a line, as one word:
// a's text and b's, the box around both, and b's line-end marks.
func joinWords(a, b hesabat.Word) hesabat.Word {
	a.Text += b.Text
	a.X1, a.Y0, a.Y1 = b.X1, fmin(a.Y0, b.Y0), fmax(a.Y1, b.Y1)
	a.Hyphen, a.Soft, a.Space = b.Hyphen, b.Soft, b.Space
	return a
}

// wordKey is a word's sort key and its place in the input: words are
// sorted by key and place (as a stable sort would), then moved once,
// which is cheaper than moving whole words in the sort.
type wordKey struct {
	k1, k2 uint64 // see floatKey
	i      int
}

// floatKey maps f to an integer of the same order as cmp.Compare gives
// floats: NaN first (0), then -Inf up to +Inf, -0 equal to +0. Integers
// compare faster than floats with their NaN checks.
func floatKey(f float64) uint64 {
	if f != f {
		return 0
	}
	b := math.Float64bits(f + 0) // -0 + 0 is +0
	if b>>63 != 0 {
		return ^b
	}
	return b | 1<<63
}

// keyLess orders keys by k1, k2 and i: a strict total order, so any sort
// gives the stable sort's order.
func keyLess(a, b *wordKey) bool {
	if a.k1 != b.k1 {
		return a.k1 < b.k1
	}
	if a.k2 != b.k2 {
		return a.k2 < b.k2
	}
	return a.i < b.i
}

// sortKeys sorts ks by keyLess: a quicksort with the comparison inlined,
// which slices.SortFunc cannot do, over the words of a page.
func sortKeys(ks []wordKey) {
	for len(ks) > 12 {
		n, m := len(ks)-1, len(ks)/2
		if keyLess(&ks[m], &ks[0]) {
			ks[m], ks[0] = ks[0], ks[m]
		}
		if keyLess(&ks[n], &ks[m]) {
			ks[n], ks[m] = ks[m], ks[n]
			if keyLess(&ks[m], &ks[0]) {
				ks[m], ks[0] = ks[0], ks[m]
			}
		}
		p := ks[m]
		i, j := 0, n
		for i <= j {
			for keyLess(&ks[i], &p) {
				i++
			}
			for keyLess(&p, &ks[j]) {
				j--
			}
			if i <= j {
				ks[i], ks[j] = ks[j], ks[i]
				i++
				j--
			}
		}
		if j+1 < len(ks)-i { // recurse into the smaller part
			sortKeys(ks[:j+1])
			ks = ks[i:]
		} else {
			sortKeys(ks[i:])
			ks = ks[:j+1]
		}
	}
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0 && keyLess(&ks[j], &ks[j-1]); j-- {
			ks[j], ks[j-1] = ks[j-1], ks[j]
		}
	}
}

// sortedWords returns a copy of ws, held in s, sorted top to bottom by
// vertical midpoint, then left to right, the order of equal words kept.
func (s *scratch) sortedWords(ws []hesabat.Word) []hesabat.Word {
	var keys []wordKey
	var out []hesabat.Word
	if s == nil {
		keys, out = make([]wordKey, len(ws)), make([]hesabat.Word, len(ws))
	} else {
		keys, out = s.keys[:len(ws)], s.words[:len(ws):len(ws)]
		s.words = s.words[len(ws):]
	}
	for i := range ws {
		keys[i] = wordKey{floatKey(ws[i].Y0 + ws[i].Y1), floatKey(ws[i].X0), i}
	}
	sorted := true // as producers that draw line by line leave them
	for i := 1; i < len(keys) && sorted; i++ {
		sorted = keyLess(&keys[i-1], &keys[i])
	}
	if !sorted {
		sortKeys(keys)
	}
	for j, k := range keys {
		out[j] = ws[k.i]
	}
	return out
}

// scratch holds the memory Rows needs for one document only: the words
// of every page in line order, and the sort keys of one page. Nothing
// Rows returns refers to it, so it is recycled between calls (see
// newScratch), which spares the collector most of what line building
// allocates.
type scratch struct {
	arena *[]hesabat.Word // all of the words' array, for release
	words []hesabat.Word  // what is left of it
	keys  []wordKey
	ends  []int // a page's line ends (see buildLinesIn)
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// newScratch returns a scratch for pages; call release when done with
// the lines built in it.
func newScratch(pages []hesabat.Page) *scratch {
	s := scratchPool.Get().(*scratch)
	n, most := 0, 0
	for i := range pages {
		n, most = n+len(pages[i].Words), max(most, len(pages[i].Words))
	}
	if s.arena == nil || cap(*s.arena) < n {
		a := make([]hesabat.Word, n)
		s.arena = &a
	}
	if cap(s.keys) < most {
		s.keys = make([]wordKey, most)
	}
	s.words = (*s.arena)[:n]
	return s
}

// release clears the words (so that their text can be collected) and
// recycles s.
func (s *scratch) release() {
	clear((*s.arena)[:cap(*s.arena)])
	s.words = nil
	scratchPool.Put(s)
}

// sortLeftToRight sorts a line's words by X0 in place, the order of
// equal ones kept: an insertion sort of their keys (a line has few words,
// nearly in order), then each word moved once along the permutation's
// cycles. buf, when its capacity is enough, holds the keys.
func sortLeftToRight(ws []hesabat.Word, buf []wordKey) {
	sorted := true // as most lines are: then nothing moves
	for i := 1; i < len(ws) && sorted; i++ {
		sorted = floatKey(ws[i-1].X0) <= floatKey(ws[i].X0)
	}
	if sorted {
		return
	}
	keys := buf[:0]
	if len(ws) > cap(buf) {
		keys = make([]wordKey, 0, len(ws))
	}
	moved := false
	for i := range ws {
		k := wordKey{k1: floatKey(ws[i].X0), i: i}
		j := len(keys)
		keys = append(keys, k)
		for ; j > 0 && keys[j-1].k1 > k.k1; j-- {
			keys[j] = keys[j-1]
			moved = true
		}
		keys[j] = k
	}
	if !moved {
		return
	}
	// ws[j] must become the word now at keys[j].i; a key whose i is -1
	// is done.
	for j := range keys {
		if keys[j].i < 0 || keys[j].i == j {
			continue
		}
		tmp, k := ws[j], j
		for {
			next := keys[k].i
			keys[k].i = -1
			if next == j {
				ws[k] = tmp
				break
			}
			ws[k], k = ws[next], next
		}
	}
}

// nth returns the value that slices.Sort would put at xs[k], 0 <= k <
// len(xs), reordering xs: a quickselect, linear on average where a sort
// takes n log n, for the medians and quartiles of a page's measures.
func nth(xs []float64, k int) float64 {
	lo, hi := 0, len(xs)-1
	for hi-lo >= 12 {
		a, b, c := xs[lo], xs[lo+(hi-lo)/2], xs[hi]
		if cmp.Less(b, a) {
			a, b = b, a
		}
		if cmp.Less(c, b) {
			b = c
			if cmp.Less(b, a) {
				b = a
			}
		}
		// Three-way partition around the median of three, b:
		// xs[lo:lt] < b, xs[lt:i] == b, xs[gt+1:hi+1] > b.
		lt, i, gt := lo, lo, hi
		for i <= gt {
			var c int // cmp.Compare(xs[i], b), asked only with a NaN
			switch x := xs[i]; {
			case x < b:
				c = -1
			case x > b:
				c = 1
			case x != b:
				c = cmp.Compare(x, b)
			}
			switch {
			case c < 0:
				xs[lt], xs[i] = xs[i], xs[lt]
				lt++
				i++
			case c > 0:
				xs[i], xs[gt] = xs[gt], xs[i]
				gt--
			default:
				i++
			}
		}
		switch {
		case k < lt:
			hi = lt - 1
		case k > gt:
			lo = gt + 1
		default:
			return xs[k]
		}
	}
	slices.Sort(xs[lo : hi+1])
	return xs[k]
}
