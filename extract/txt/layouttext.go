package txt

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hesabat/hesabat"
)

// The space layout is what `pdftotext -layout` writes: text placed on a
// character grid, columns aligned with runs of spaces, a form feed between
// pages. The reader does not rebuild tables itself: it turns each page
// into positioned words for the layout engine (package transform/layout),
// which reads them as it reads a PDF's.
//
// The scale: one character is charWidth points wide and one line
// lineHeight points high, so that a line of text is as high as in a PDF
// set in a 10-point font and a character as wide as an average one. A
// word's box runs from its first character's column to its last one's end
// and over its whole line; a page is as wide as its longest line and as
// high as its lines.
const (
	charWidth  = 6.0
	lineHeight = 12.0
)

// layoutPages turns the lines of the space layout into pages of words.
// Pages are split at form feeds; a file without them is split where the
// table's header line repeats (see pagesFromHeaders).
func layoutPages(lines []line) []hesabat.Page {
	var pages []hesabat.Page
	for start := 0; start < len(lines); {
		end := start
		for end < len(lines) && lines[end].page == lines[start].page {
			end++
		}
		p := hesabat.Page{Number: lines[start].page, Height: float64(end-start) * lineHeight}
		for i, l := range lines[start:end] {
			ws := lineWords(l.text, float64(i)*lineHeight)
			p.Words = append(p.Words, ws...)
			p.Width = max(p.Width, float64(utf8.RuneCountInString(l.text))*charWidth)
			p.LineOffsets = append(p.LineOffsets, l.offset)
		}
		pages = append(pages, p)
		start = end
	}
	return pages
}

// lineWords returns the words of one line of the grid whose top is at y:
// runs of characters without white space, at their columns. A tab counts
// as one column (layout text has none; a stray one costs nothing).
func lineWords(s string, y float64) []hesabat.Word {
	var ws []hesabat.Word
	col, start, startCol := 0, -1, 0
	flush := func(end int) {
		if start >= 0 {
			ws = append(ws, hesabat.Word{
				Text: s[start:end],
				X0:   float64(startCol) * charWidth, X1: float64(col) * charWidth,
				Y0: y, Y1: y + lineHeight, Size: lineHeight,
			})
			start = -1
		}
	}
	for i, r := range s {
		if unicode.IsSpace(r) {
			flush(i)
		} else if start < 0 {
			start, startCol = i, col
		}
		col++
	}
	flush(len(s))
	return ws
}

// columnLine reports whether s has text, a run of two or more spaces, and
// text again.
func columnLine(s string) bool {
	t := strings.TrimSpace(s)
	return strings.Contains(t, "  ")
}
