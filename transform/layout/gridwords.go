package layout

import "slices"

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
// layout-lo variants, in LibreOffice's serif type.) A word written whole
// nowhere in the document ("işl ənilməsi") stays two.
func joinSplitWords(pls []*pageLines) {
	var grid []*pageLines
	for _, pl := range pls {
		if onGrid(pl.lines) {
			grid = append(grid, pl)
		}
	}
	whole := map[string]bool{}
	next := map[string]map[string]bool{} // what follows each word: "" a gap or a line's end
	for _, pl := range grid {
		for _, l := range pl.lines {
			for i, w := range l.ws {
				k := trimWord(w.Text)
				whole[k] = true
				f := ""
				if i+1 < len(l.ws) && oneSpace(&l, i) {
					f = trimWord(l.ws[i+1].Text)
				}
				if next[k] == nil {
					next[k] = map[string]bool{}
				}
				next[k][f] = true
			}
		}
	}
	for _, pl := range grid {
		for j := range pl.lines {
			l := &pl.lines[j]
			joined := false
			for i := len(l.ws) - 2; i >= 0; i-- {
				a, b := trimWord(l.ws[i].Text), trimWord(l.ws[i+1].Text)
				if a == "" || b == "" || !oneSpace(l, i) || !whole[a+b] || len(next[a]) != 1 || !next[a][b] {
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

// oneSpace reports whether word i of line l and the next stand one space
// apart on the character grid (a character is half a line high; see
// extract/txt).
func oneSpace(l *tline, i int) bool {
	return l.ws[i+1].X0-l.ws[i].X1 < 1.5*l.height()/2
}
