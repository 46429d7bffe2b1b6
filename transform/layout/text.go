package layout

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hesabat/hesabat"
)

// lexicon is the set of words a document uses inside lines (where no line
// end can have cut them), with the parts of hyphenated words. It decides
// whether a hyphen PDFium found at a line end breaks a word
// ("kommuni-" + "kasiya") or joins a compound ("qeyri-" + "hökumət").
type lexicon map[string]bool

// addLine records the words of a page line except those at either end of
// it or of one of its column segments (runs of words with no gap wider
// than a line height), which may be pieces of a word cut by a line end.
func (lx lexicon) addLine(l *tline) {
	ws := l.words()
	gap := l.height()
	for i := 1; i+1 < len(ws); i++ {
		if ws[i].X0-ws[i-1].X1 > gap || ws[i+1].X0-ws[i].X1 > gap {
			continue
		}
		w := trimWord(ws[i].Text)
		if w == "" {
			continue
		}
		lx[w] = true
		if strings.Contains(w, "-") {
			for _, part := range strings.Split(w, "-") {
				if part != "" {
					lx[part] = true
				}
			}
		}
	}
}

// trimWord strips punctuation around a word.
func trimWord(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// joinHyphen reports whether prefix (a line's last word, before PDFium's
// hyphen mark) and next (the following line's first word) are the pieces
// of one word: the document uses the joined word elsewhere, and not the
// hyphenated one. Otherwise the hyphen stays: compounds are common
// ("qeyri-hökumət", "veb-səhifəsi", "Elmi-metodoloji", addresses), and a
// stray hyphen in a cut word is the lesser error.
func (lx lexicon) joinHyphen(prefix, next string) bool {
	p, n := trimWord(prefix), trimWord(next)
	return p != "" && n != "" && lx[p+n] && !lx[p+"-"+n]
}

// sentenceEnd reports whether s ends a sentence or a list item.
func sentenceEnd(s string) bool {
	s = strings.TrimRight(s, "\"”»’)")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".:;!?", r)
}

// endsAlnum reports whether s ends with a letter or digit.
func endsAlnum(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// startsUpper reports whether s begins with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// paragraphs joins lines (top to bottom, one column of one row) into
// paragraphs. right is where the column's text ends when a line is full.
//
// A new paragraph starts after a vertical gap of more than half a line, or
// after a line that ends a sentence with room to spare for the next line's
// first word. Inside a paragraph lines are joined by hesabat.JoinText (the
// one rule for text a line or page break split), except where the layout
// knows more:
//   - a line-end hyphen the producer marked (Word.Hyphen) is dropped when
//     the lexicon knows the joined word, and kept otherwise (also at the
//     end of the cell, for the stitcher to join across the page break);
//   - after a soft hyphen the lines join without a space;
//   - a line holding one word that fills the column without a trailing
//     space (a word too long for the column, "mütəmad" + "i") joins without
//     a space, unless the next starts upper-case, the word ends in
//     punctuation, or both are words the lexicon knows.
func paragraphs(lines []tline, right float64, lx lexicon) []string {
	paras, _ := splitParagraphs(lines, right, lx, nil)
	return paras
}

// splitParagraphs is paragraphs that also returns, for each paragraph,
// the index of the line after its last one. filled, when not nil, tells
// whether other text of the row stands in a vertical gap between two
// lines: on a page of fixed line positions (layout text), lines of
// different columns take turns on the grid, and a gap filled so is no
// paragraph break.
func splitParagraphs(lines []tline, right float64, lx lexicon, filled func(y0, y1 float64) bool) (paras []string, ends []int) {
	// On a line grid characters are set at one average width, so where
	// a line would have ended is known only to a sixth of the column.
	slack := 0.0
	if filled != nil && len(lines) > 0 {
		left := lines[0].x0
		for i := range lines {
			left = math.Min(left, lines[i].x0)
		}
		slack = (right - left) / 6
	}
	var cur string
	var prev *tline
	for i := range lines {
		l := &lines[i]
		if len(l.ws) == 0 {
			continue
		}
		switch {
		case prev == nil:
			cur = l.text()
		case newParagraph(prev, l, right, slack, filled):
			paras, ends = append(paras, cur+openHyphen(prev)), append(ends, i)
			cur = l.text()
		default:
			cur = joinLine(cur, prev, l, right, lx)
		}
		prev = l
	}
	if prev != nil {
		paras, ends = append(paras, cur+openHyphen(prev)), append(ends, len(lines))
	}
	return paras, ends
}

// openHyphen returns "-" when a paragraph's last line ends with a marked
// line-end hyphen (the word goes on past a page or cell break), else "".
func openHyphen(l *tline) string {
	if l.ws[len(l.ws)-1].Hyphen {
		return "-"
	}
	return ""
}

// newParagraph reports whether line l starts a new paragraph after prev
// (see splitParagraphs for filled; slack is room a full line may leave). Both thresholds are in the line's own
// height: a gap of half a line is more than any line spacing and less
// than a blank line; a sentence end followed by room for the next line's
// first word (plus a little, for the space) cannot be where the text
// wrapped.
func newParagraph(prev, l *tline, right, slack float64, filled func(y0, y1 float64) bool) bool {
	lh := prev.height()
	gap := l.y0-prev.y1 > 0.5*lh
	if gap && (filled == nil || !filled(prev.y1, l.y0)) {
		return true
	}
	last, first := prev.ws[len(prev.ws)-1], l.ws[0]
	room := right - last.X1
	// A sentence end before a gap that other text fills is a break too.
	return sentenceEnd(last.Text) && !last.Hyphen && (gap || room > (first.X1-first.X0)+0.3*lh+slack)
}

// joinLine appends line l to paragraph text cur, whose last line is prev.
func joinLine(cur string, prev, l *tline, right float64, lx lexicon) string {
	last, next := prev.ws[len(prev.ws)-1], l.ws[0]
	text := l.text()
	switch {
	case last.Hyphen:
		if lx.joinHyphen(last.Text, next.Text) {
			return cur + text
		}
		return cur + "-" + text
	case last.Soft:
		return cur + text
	// A single word reaching the column's edge (within 0.6 of a line
	// height, about one character) was cut by the column's width.
	case len(prev.ws) == 1 && !prev.trailingSpace() && endsAlnum(last.Text) && last.X1 >= right-0.6*prev.height() && !startsUpper(next.Text) &&
		!(lx[trimWord(last.Text)] && lx[trimWord(next.Text)]):
		return cur + text
	}
	return hesabat.JoinText(cur, text)
}
