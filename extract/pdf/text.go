package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
		if ws[i].x0-ws[i-1].x1 > gap || ws[i+1].x0-ws[i].x1 > gap {
			continue
		}
		w := trimWord(ws[i].text)
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
// first word. Inside a paragraph lines are joined with one space, except:
//   - PDFium's line-end hyphen is dropped when the lexicon knows the joined
//     word, and kept otherwise (also at the end of the cell, for the
//     stitcher to join across the page break);
//   - a line ending in "-" or "–" after a word (as "2020-"), or in a soft
//     hyphen, joins without a space;
//   - a line holding one word that fills the column without a trailing
//     space (a word too long for the column, "mütəmad" + "i") joins without
//     a space, unless the next starts upper-case, the word ends in
//     punctuation, or both are words the lexicon knows.
func paragraphs(lines []tline, right float64, lx lexicon) []string {
	var paras []string
	var b strings.Builder
	var prev *tline
	var prevWords []word
	for i := range lines {
		l := &lines[i]
		ws := l.words()
		if len(ws) == 0 {
			continue
		}
		if prev != nil {
			if newParagraph(prev, prevWords, l, ws, right) {
				paras = append(paras, b.String()+openHyphen(prevWords))
				b.Reset()
			} else {
				b.WriteString(joiner(prev, prevWords, ws[0], right, lx))
			}
		}
		for j, w := range ws {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w.text)
		}
		prev, prevWords = l, ws
	}
	if prev != nil {
		paras = append(paras, b.String()+openHyphen(prevWords))
	}
	return paras
}

// openHyphen returns "-" when a paragraph's last line ends with PDFium's
// hyphen mark (the word goes on past a page or cell break), else "".
func openHyphen(ws []word) string {
	if ws[len(ws)-1].hyphen {
		return "-"
	}
	return ""
}

// newParagraph reports whether line l starts a new paragraph after prev.
func newParagraph(prev *tline, pw []word, l *tline, ws []word, right float64) bool {
	lh := prev.height()
	if l.y0-prev.y1 > 0.5*lh {
		return true
	}
	last := pw[len(pw)-1]
	room := right - last.x1
	return sentenceEnd(last.text) && !last.hyphen && room > (ws[0].x1-ws[0].x0)+0.3*lh
}

// joiner returns what goes between the text of line prev (whose words are
// pw) and next, the first word of the line below.
func joiner(prev *tline, pw []word, next word, right float64, lx lexicon) string {
	last := pw[len(pw)-1]
	lh := prev.height()
	switch {
	case last.hyphen:
		if lx.joinHyphen(last.text, next.text) {
			return ""
		}
		return "-"
	case last.soft:
		return ""
	case utf8.RuneCountInString(last.text) > 1 && (strings.HasSuffix(last.text, "-") || strings.HasSuffix(last.text, "–")):
		return ""
	case len(pw) == 1 && !prev.trailingSpace() && endsAlnum(last.text) && last.x1 >= right-0.6*lh && !startsUpper(next.text) &&
		!(lx[trimWord(last.text)] && lx[trimWord(next.text)]):
		return ""
	}
	return " "
}
