package layout

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// joinSplitWords joins, on pages of layout text (lines on a character
// grid), two words of a line one space apart that are one word: the
// document writes them joined elsewhere, as a word of its own, and never
// writes the first but before the second. pdftotext sets a space inside a
// word where the PDF leaves a gap in it (LibreOffice sets a letter its
// font lacks, "ə" in a serif font, from a fallback font, and pdftotext
// reads the gap at it as a space: "t əmin", "Komit ənin"), and nothing
// else on the page tells that space from one between words. Two words of
// the language ("bu gün") fail the test: the first stands elsewhere
// before other words, or at a line's end. (Over the 42 corpus renderings
// and the layout-text variants it joins only the pieces of the
// layout-lo variants, in LibreOffice's serif type.)
//
// A word the document writes whole nowhere ("işl ənilməsi") is joined when
// both pieces stand nowhere but beside each other, the first piece with
// the second's first letter begins a longer word of the document ("işlə"
// of "işləri"), and the second ends a longer word ("ənilməsi" of
// "ödənilməsi") or starts with a letter before which the document shows
// such a space in a word it writes whole elsewhere ("t əmin": a fallback
// glyph, "r əqəmlərdə"). A language's words start words, not the middles
// of others: "Bundan əlavə", "meyarları əvvəlcədən" and "sorğu edən"
// (whose pieces also stand nowhere else) fail the first test, "da
// iştirakı" and "R. Əliyev" (in documents with no such space) the
// second. (Over the 42 corpus renderings and all layout-text variants it
// joins only "işl ənilməsi" and "r əqəmlərdə", in layout-lo.)
func joinSplitWords(pls []*pageLines) {
	var grid []*pageLines
	for _, pl := range pls {
		if onGrid(pl.lines) {
			grid = append(grid, pl)
		}
	}
	whole := map[string]bool{}
	next := map[string]map[string]bool{} // what follows each word: "" a gap or a line's end
	prev := map[string]map[string]bool{} // what precedes each word, the same way
	add := func(m map[string]map[string]bool, k, f string) {
		if m[k] == nil {
			m[k] = map[string]bool{}
		}
		m[k][f] = true
	}
	for _, pl := range grid {
		for _, l := range pl.lines {
			for i, w := range l.ws {
				k := trimWord(w.Text)
				whole[k] = true
				f := ""
				if i+1 < len(l.ws) && oneSpace(&l, i) {
					f = trimWord(l.ws[i+1].Text)
					add(prev, f, k)
				}
				add(next, k, f)
				if i == 0 || !oneSpace(&l, i-1) {
					add(prev, k, "")
				}
			}
		}
	}
	split := func(l *tline, i int) (a, b string, ok bool) {
		a, b = trimWord(l.ws[i].Text), trimWord(l.ws[i+1].Text)
		return a, b, a != "" && b != "" && oneSpace(l, i) && len(next[a]) == 1 && next[a][b]
	}
	// The letters before which the document shows pdftotext's space in
	// a word it writes whole elsewhere.
	before := map[rune]bool{}
	for _, pl := range grid {
		for j := range pl.lines {
			for i := range len(pl.lines[j].ws) - 1 {
				if a, b, ok := split(&pl.lines[j], i); ok && whole[a+b] {
					r, _ := utf8.DecodeRuneInString(b)
					before[r] = true
				}
			}
		}
	}
	inner := innerPieces(whole, before)
	for _, pl := range grid {
		for j := range pl.lines {
			l := &pl.lines[j]
			joined := false
			for i := len(l.ws) - 2; i >= 0; i-- {
				a, b, ok := split(l, i)
				if !ok || !whole[a+b] && !(len(prev[b]) == 1 && inner(a, b)) {
					continue
				}
				l.ws[i] = joinWords(l.ws[i], l.ws[i+1])
				l.ws = slices.Delete(l.ws, i+1, i+2)
				joined = true
			}
			if joined {
				nl := newLine(l.ws)
				nl.pitch = l.pitch
				*l = nl
			}
		}
	}
}

// innerPieces returns a test of whether a and b are the inner parts of
// words of whole (a set of the document's words) on the sides they
// stand: a with b's first letter begins a longer word, and b ends a
// longer word or starts with a letter of before (see joinSplitWords).
// Both must be letters where they meet.
func innerPieces(whole map[string]bool, before map[rune]bool) func(a, b string) bool {
	return func(a, b string) bool {
		r, n := utf8.DecodeRuneInString(b)
		l, _ := utf8.DecodeLastRuneInString(a)
		if !unicode.IsLetter(r) || !unicode.IsLetter(l) {
			return false
		}
		head := a + b[:n]
		begins, ends := false, before[r]
		for w := range whole {
			begins = begins || len(w) > len(head) && strings.HasPrefix(w, head)
			ends = ends || len(w) > len(b) && strings.HasSuffix(w, b)
			if begins && ends {
				return true
			}
		}
		return false
	}
}

// oneSpace reports whether word i of line l and the next stand one space
// apart on the character grid (a character is half a line high; see
// extract/txt).
func oneSpace(l *tline, i int) bool {
	return l.ws[i+1].X0-l.ws[i].X1 < 1.5*l.height()/2
}
