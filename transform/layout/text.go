package layout

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
)

// lexicon is the set of words a document uses inside lines (where no line
// end can have cut them), with the parts of hyphenated words, and the
// pairs of words it sets there one after the other, as "a b" (a word has
// no space in it; see bound). It decides whether a hyphen PDFium found at
// a line end breaks a word ("kommuni-" + "kasiya") or joins a compound
// ("qeyri-" + "hökumət").
type lexicon map[string]bool

// addLine records the words of a page line except those at either end of
// it or of one of its column segments (runs of words with no gap wider
// than a line height), which may be pieces of a word cut by a line end,
// and each such word's pair with the word before it. seen, when not nil,
// maps the texts of the words recorded so far, as read, to their trimmed
// form: a text recorded again is not trimmed again, and adds only its
// pair.
func (lx lexicon) addLine(l *tline, seen map[string]string) {
	lx.addWords(l.words(), l.height(), seen)
}

// addWords is addLine for a line's words ws, gap its height.
func (lx lexicon) addWords(ws []hesabat.Word, gap float64, seen map[string]string) {
	// trim trims s, or takes its trimmed form from seen; met tells
	// whether s was recorded before.
	trim := func(s string) (w string, met bool) {
		if w, met = seen[s]; !met {
			w = trimWord(s)
		}
		return w, met
	}
	prev, prevAt := "", -1 // the trimmed form of ws[prevAt], to pair with the next word
	var buf [64]byte
	key := buf[:0]
	for i := 1; i+1 < len(ws); i++ {
		if ws[i].X0-ws[i-1].X1 > gap || ws[i+1].X0-ws[i].X1 > gap {
			continue
		}
		w, met := trim(ws[i].Text)
		if seen != nil && !met {
			seen[ws[i].Text] = w
		}
		p := prev
		if prevAt != i-1 {
			p, _ = trim(ws[i-1].Text)
		}
		prev, prevAt = w, i
		if w == "" {
			continue
		}
		// The pair "p w" is looked up in a reused buffer first: a pair met
		// before costs no new string.
		if p != "" {
			key = append(append(append(key[:0], p...), ' '), w...)
			if !lx[string(key)] {
				lx.pair(string(key), w)
			}
		}
		if met {
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

// addPage records the words of a page's lines (see addLine), each line
// of a ruled table cut at the table's column rules first: a cell's line
// starts and ends at the rules, though the gap between two cells'
// words, twice the cells' padding, is narrower than a line height (the
// end of "Hidrometeorol" + "ogiya" is no word of the document's because
// the title cell's line beside it ends a gutter away). seen is as for
// addLine.
func (lx lexicon) addPage(pl *pageLines, seen map[string]string) {
	for i := range pl.lines {
		l := &pl.lines[i]
		g := pl.grid
		if g == nil || l.mid() < g.top || l.mid() > g.bot {
			lx.addLine(l, seen)
			continue
		}
		for c := 0; c+1 < len(g.xs); c++ {
			// l.clip's part, without building it: its words and height.
			switch i, j := l.span(g.xs[c], g.xs[c+1]); {
			case i == 0 && j == len(l.ws):
				lx.addLine(l, seen)
			case j-i > 2: // addWords takes no end word
				y0, y1 := math.Inf(1), math.Inf(-1)
				for wi := range l.ws[i:j] {
					w := &l.ws[i:j][wi]
					y0, y1 = fmin(y0, w.Y0), fmax(y1, w.Y1)
				}
				lx.addWords(l.ws[i:j], y1-y0, seen)
			}
		}
	}
}

// addCellEnds records, on a page of layout text (lines on a character
// grid), the last word of each run of a line's words (no gap wider than a
// line height) that follows another word of the run, when no word of the
// lines within two grid lines below stands under the run: the column's
// text ends there, and a word that ends a cell's text is whole ("Hüquq
// şöbəsi", a cell of one line, where "şöbəsi" stands elsewhere only
// first or last on its lines). A cell's lines stand at most two grid
// lines apart (pdftotext may set another column's line between them).
// The page's last line is left out: its cells may carry on over the page
// break.
func (lx lexicon) addCellEnds(pl *pageLines) {
	ls := pl.lines
	if !onGrid(ls) {
		return
	}
	for i := 0; i+1 < len(ls); i++ {
		ws, h := ls[i].ws, ls[i].height()
		for start, j := 0, 0; j < len(ws); j++ {
			if j+1 < len(ws) && ws[j+1].X0-ws[j].X1 <= h {
				continue
			}
			x0, x1 := ws[start].X0, ws[j].X1
			below := false
			for k := i + 1; k < len(ls) && ls[k].y0-ls[i].y0 < 2.5*h && !below; k++ {
				below = slices.ContainsFunc(ls[k].ws, func(w hesabat.Word) bool { return w.X0 < x1 && w.X1 > x0 })
			}
			if w := trimWord(ws[j].Text); j > start && !below && w != "" {
				lx[w] = true
			}
			start = j + 1
		}
	}
}

// trimWord strips punctuation around a word and lower-cases it (the
// Azerbaijani way): the lexicon knows a word whatever its case, as a
// heading writes "İcra" where the text writes "icra".
func trimWord(s string) string {
	// Most words need nothing but ASCII punctuation trimmed.
	i, j := 0, len(s)
	for i < j && s[i] < utf8.RuneSelf && !isAlnum(s[i]) {
		i++
	}
	for j > i && s[j-1] < utf8.RuneSelf && !isAlnum(s[j-1]) {
		j--
	}
	if lowerWord(s[i:j]) {
		return s[i:j]
	}
	// A capitalised word: its first letter lower-cased.
	if r, n := utf8.DecodeRuneInString(s[i:j]); r != utf8.RuneError && unicode.IsLetter(r) && lowerWord(s[i+n:j]) {
		return string(aztext.LowerRune(r)) + s[i+n:j]
	}
	return aztext.Lower(strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
}

// isAlnum reports whether the ASCII byte c is a letter or digit.
func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// lowerWord reports whether s is made only of digits, ASCII lower-case
// letters and the Azerbaijani lower-case letters ə ı ş ç ğ ö ü, which
// trimWord leaves as they are.
func lowerWord(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case aztext.LowerLetterAt(s, i):
			i++
		default:
			return false
		}
	}
	return true
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

// cut reports whether a, a line's only word, filling the column, and b,
// the next line's first word, may be the pieces of one word too long for
// the column, as far as the words tell: yes when the document uses the
// joined word elsewhere or b is only suffixes of a (inflects); else no
// when the document uses either piece as a word of its own or a is a
// finished form (complete); else yes. Browsers, Word and LibreOffice
// break inside a word only when it is longer than the column: a long
// word goes to a line of its own first, so the whole word before it
// often fills the line too ("risklərinin" over "qiymətlən" + "dirilməsi",
// "keçirilməsi" over "üçün"), and a full line alone does not show a cut.
func (lx lexicon) cut(a, b string) bool {
	switch {
	case lx.known(a, b) || inflects(a, b):
		return true
	case lx[trimWord(a)] || lx[trimWord(b)] && !lx.bound(b, a) || complete(a):
		return false
	}
	return true
}

// pair records key, the pair "p w" of words the document sets one after
// the other, new to the lexicon, and counts w's first two words before
// it under keys that start with a space (no word or pair does), so that
// bound needs no scan: " <w" for one, " <<w" for two or more.
func (lx lexicon) pair(key, w string) {
	lx[key] = true
	// The count keys are built in a buffer and looked up first: a key
	// already there costs no new string.
	var buf [64]byte
	k := append(append(buf[:0], " <"...), w...)
	if lx[string(k)] {
		k = append(append(k[:0], " <<"...), w...)
	}
	if !lx[string(k)] {
		lx[string(k)] = true
	}
}

// bound reports whether the document sets b inside lines only right
// after one word, and that word is not a: b is a word there only in one
// phrase ("ya" of "və ya"), so its standing as a word says nothing of a
// line that ends with another word ("telekommunikasi" over "ya və
// poçt", a word cut where a renderer wraps between words as well).
func (lx lexicon) bound(b, a string) bool {
	b, a = trimWord(b), trimWord(a)
	return lx[" <"+b] && !lx[" <<"+b] && !lx[a+" "+b]
}

// complete reports whether a is a noun form that ends a word: the noun
// morphology finds a case ending at its end ("qərarların", "tərəfindən"),
// or a 3rd-person possessive -sı⁴ after a vowel ("pozulması"). Only more
// case endings can follow such a form, and inflects finds those. Any
// letters may end a piece of a cut word, and a short one often looks
// like a suffix ("müddə" + "ti"): the form must have a stem of two
// syllables or more, or two suffixes.
func complete(a string) bool {
	p := trimWord(a)
	n := aztext.AnalyzeNoun(p, false)
	r := []rune(p)
	k := len(r)
	if n.Case == "" && !(n.Possessive && k >= 3 && r[k-2] == 's' && aztext.IsVowel(r[k-3])) {
		return false
	}
	suffixes := 0
	for _, b := range []bool{n.Plural, n.Possessive, n.Case != ""} {
		if b {
			suffixes++
		}
	}
	return suffixes >= 2 || strings.IndexFunc(n.Stem, aztext.IsVowel) != strings.LastIndexFunc(n.Stem, aztext.IsVowel)
}

// inflects reports whether b carries on a with noun suffixes only: the
// noun morphology finds the stem of a+b within a ("təşkilatları" + "nın",
// "orqanların" + "da", "monitorinq" + "i"). A piece that is a word of its
// own ("da", "i" of "1-i") or a word that is also the start of a longer
// one ("təşkilatları") says nothing about the line end; the grammar does.
func inflects(a, b string) bool {
	p, n := trimWord(a), trimWord(b)
	if p == "" || n == "" {
		return false
	}
	return utf8.RuneCountInString(aztext.AnalyzeNoun(p+n, false).Stem) <= utf8.RuneCountInString(p)
}

// known reports whether the document uses a and b joined as a word.
func (lx lexicon) known(a, b string) bool {
	return lx[trimWord(a)+trimWord(b)]
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
//     space, leaving less room than the next line's first glyph (a word
//     too long for the column, "mütəmad" + "i"), joins without a space,
//     unless the next starts upper-case, the word ends in punctuation, or
//     the lexicon, the grammar or the next lines show a word boundary
//     (see cutAt).
func paragraphs(lines []tline, right float64, lx lexicon) []string {
	paras, _ := splitParagraphs(lines, right, 0, lx, nil)
	return paras
}

// splitParagraphs is paragraphs that also returns, for each paragraph,
// the index of the line after its last one. pitch is the line pitch to
// judge vertical gaps by (see cellPitch; 0: by the lines' boxes, for text
// outside a table, whose title block is set in other sizes than the
// table's text). filled, when not nil, describes the text of the row
// in a vertical gap between two lines of a page of fixed line positions
// (layout text; see gapFill).
func splitParagraphs(lines []tline, right, pitch float64, lx lexicon, filled gapFill) (paras []string, ends []int) {
	// On a line grid characters are set at one average width, so where
	// a line would have ended is known only to a sixth of the column.
	slack := 0.0
	if filled != nil && len(lines) > 0 {
		left := lines[0].x0
		for i := range lines {
			left = fmin(left, lines[i].x0)
		}
		slack = (right - left) / 6
	}
	indented := indentation(lines, right, filled != nil)
	// The paragraphs are written one after another into one string, sized
	// up front (a line adds its words, the spaces between them, and at
	// most one separator or hyphen before it and one hyphen after it),
	// and cut from it at the end: one allocation for the lines' text.
	size := 0
	for i := range lines {
		for wi := range lines[i].ws {
			w := &lines[i].ws[wi]
			size += len(w.Text) + 1
		}
		size += 2
	}
	var cur strings.Builder
	cur.Grow(size)
	var cuts []int // where each paragraph ends in cur
	start := 0     // where the current paragraph starts in cur
	var prev *tline
	for i := range lines {
		l := &lines[i]
		if len(l.ws) == 0 {
			continue
		}
		switch {
		case prev == nil:
			l.writeText(&cur)
		case newParagraph(prev, l, right, slack, pitch, filled, indented(l)):
			cur.WriteString(openHyphen(prev))
			start = cur.Len()
			cuts, ends = append(cuts, start), append(ends, i)
			l.writeText(&cur)
		default:
			var after *tline
			if i+1 < len(lines) && len(lines[i+1].ws) > 0 {
				after = &lines[i+1]
			}
			joinLine(&cur, start, prev, l, after, right, lx)
		}
		prev = l
	}
	if prev == nil {
		return nil, nil
	}
	cur.WriteString(openHyphen(prev))
	cuts, ends = append(cuts, cur.Len()), append(ends, len(lines))
	all, from := cur.String(), 0
	paras = make([]string, len(cuts))
	for k, end := range cuts {
		paras[k], from = all[from:end], end
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

// gapFill tells whether other text of a row stands in the vertical gap
// (y0, y1) between two lines of a cell on a page of fixed line positions
// (layout text), and whether some of it goes on in stride: a word of it
// overlaps, across the page, a word on the line position right above or
// below it. pdftotext gives each line a position of its own, so lines of
// two columns set half a line apart (a title beside the work done, a
// measure number centred in its row, "12.1" over ".") take turns on the
// grid, and a cell's lines stand two positions apart with no break
// between them; text that goes on in stride held its pitch where the
// cell's did not, so the cell has a paragraph's spacing there. Over the
// 42 corpus PDFs as layout text, of the steps of two positions filled
// by other text after a sentence end, 324 are paragraph breaks and 38
// not; the text in stride finds 321 of them and none of the others (the
// 3 missed: a break that sets the cell half a line off a title starting
// beside it, as the title's own start does).
type gapFill func(y0, y1 float64) (filled, stride bool)

// newParagraph reports whether line l starts a new paragraph after prev
// (see splitParagraphs for filled; slack is room a full line may leave;
// pitch is the cell's own line pitch, see cellPitch). A vertical gap is a
// paragraph break when l stands more than 1.15 line pitches below prev:
// paragraphs spaced 4 pt apart in 14 pt type are 1.2 pitches apart, while
// the lines of one paragraph vary by less than a tenth (a taller glyph
// from a fallback font). Without a known pitch (lines not from Rows) the
// gap is a break when it is more than half a line, more than any line
// spacing and less than a blank line. A sentence end followed by room
// for the next line's first word (plus a little, for the space) cannot
// be where the text wrapped, nor one followed by an indented line
// (indented, see indentation).
func newParagraph(prev, l *tline, right, slack, pitch float64, filled gapFill, indented bool) bool {
	lh := prev.height()
	var gap bool
	if pitch > 0 {
		gap = l.base-prev.base > 1.15*pitch
	} else {
		gap = l.y0-prev.y1 > 0.5*lh
	}
	if gap && filled != nil {
		in, stride := filled(prev.y1, l.y0)
		if !in {
			return true
		}
		// A sentence end before a gap that other text fills is a break
		// when that text went on in stride, or when the gap is longer
		// than one line set between (two positions; see gapFill).
		gap = stride || pitch > 0 && l.base-prev.base > 2.15*pitch
	} else if gap {
		return true
	}
	last, first := prev.ws[len(prev.ws)-1], l.ws[0]
	room := right - last.X1
	return sentenceEnd(last.Text) && !last.Hyphen && (gap || indented || room > (first.X1-first.X0)+0.3*lh+slack)
}

// indentation returns whether a line of lines (one column of one row,
// full lines ending at right) starts indented: further right than the
// column's left edge by more than 0.8 of its height (two characters or
// so) and by less than a third of the column's width, where two lines or
// more start at that edge (within a quarter line), so that the text is
// set flush left. A paragraph whose first line is indented
// ("text-indent", a tab, spaces in a word processor) starts there after a
// sentence end, even when the line above is full and no gap stands
// between them (see newParagraph). Centred text, where two lines of one
// width may chance to share an edge, ends no sentence on a line of its
// own; a list's hanging indent indents the lines after an item's first,
// which ends no sentence either. Lines on a character grid (layout text,
// grid) drift a character or two from row to row: no cue there.
func indentation(lines []tline, right float64, grid bool) func(l *tline) bool {
	left, at := math.Inf(1), 0
	for i := range lines {
		if len(lines[i].ws) > 0 {
			left = fmin(left, lines[i].x0)
		}
	}
	for i := range lines {
		if len(lines[i].ws) > 0 && lines[i].x0-left <= lines[i].height()/4 {
			at++
		}
	}
	return func(l *tline) bool {
		d := l.x0 - left
		return !grid && at >= 2 && d > 0.8*l.height() && d < (right-left)/3
	}
}

// cellPitch returns the line pitch to judge the gaps between lines of one
// table cell by: the document's, or, when the cell's
// lines are all further apart than that (a cell set with looser line
// spacing than the rest; it takes three lines to tell), the cell's own
// smallest pitch. 0 when the document's pitch is unknown.
func cellPitch(lines []tline) float64 {
	if len(lines) == 0 || lines[0].pitch <= 0 {
		return 0
	}
	own, n := math.Inf(1), 0
	for i := 1; i < len(lines); i++ {
		if len(lines[i].ws) > 0 && len(lines[i-1].ws) > 0 {
			own = fmin(own, lines[i].base-lines[i-1].base)
			n++
		}
	}
	if n >= 2 && own > lines[0].pitch {
		return own
	}
	return lines[0].pitch
}

// joinLine appends line l to the paragraph that starts at byte start of
// cur, whose last line is prev; after is the line under l, if any.
func joinLine(cur *strings.Builder, start int, prev, l, after *tline, right float64, lx lexicon) {
	last, next := prev.ws[len(prev.ws)-1], l.ws[0]
	switch {
	case last.Hyphen:
		if !lx.joinHyphen(last.Text, next.Text) {
			cur.WriteString("-")
		}
	case last.Soft:
	case cutAt(prev, l, after, right, right, lx):
	case pathBreak(last.Text, next.Text):
	default:
		cur.WriteString(hesabat.JoinSep(cur.String()[start:], l.head()))
	}
	l.writeText(cur)
}

// pathBreak reports whether a line ending with word a and the next line
// starting with word b split a URL or a path after one of its slashes:
// a ends with "/" and holds another before it ("https://…/xidmetler/",
// "a/b/"), and b starts with a letter or digit. Renderers may break a
// line after a slash (LibreOffice does, as Unicode's line breaking
// allows), and a URL's parts have no space between them; a lone "və/"
// ends no path.
func pathBreak(a, b string) bool {
	r, _ := utf8.DecodeRuneInString(b)
	return strings.HasSuffix(a, "/") && strings.Contains(a[:len(a)-1], "/") && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// cutAt reports whether prev, a line of a column whose full lines end at
// right, ends with a piece of a word that l, the next line of the column
// (ending at rightNext: another page's), carries on; after is the line
// under l, if any (see cutWord). Renderers move a word too long for the
// column to a line of its own before they cut it, so when l is such a
// line too, cut again into the line after it, prev ended a word ("İcra"
// over "müdd" + "əti", "bölməsinin" over "yaradılmas" + "ı"), unless the
// document knows the joined word.
func cutAt(prev, l, after *tline, right, rightNext float64, lx lexicon) bool {
	switch {
	case !cutWord(prev, l, right, lx):
		return false
	case lx.known(prev.ws[len(prev.ws)-1].Text, l.ws[0].Text):
		return true
	case after == nil:
		// l ends the cell's text here: a lone word ending within half
		// of one of its characters of the column's edge may be cut
		// again across a page break, and then prev is a whole word. (A
		// cut leaves less than the next glyph; half a character is the
		// middle of that, and leaves the tail of a word cut once, short
		// of the edge, joined.)
		w := l.ws[0]
		return len(l.ws) > 1 || rightNext-w.X1 >= 0.5*(w.X1-w.X0)/float64(utf8.RuneCountInString(w.Text))
	}
	return !cutWord(l, after, rightNext, lx)
}

// cutWord reports whether prev, a line holding one word that ends closer
// to the column's edge than the width of l's first glyph, may end with a
// piece of a word too long for the column that l carries on (see
// lexicon.cut).
func cutWord(prev, l *tline, right float64, lx lexicon) bool {
	last, next := prev.ws[len(prev.ws)-1], l.ws[0]
	// A renderer cutting a word sets as many glyphs as fit, so the room
	// left is less than the next glyph's width (right is where the
	// column's widest line ends, at or left of its true edge, so the room
	// is never overestimated). Where that width is unknown, about one
	// character: 0.6 of a line height.
	fits := 0.6 * prev.height()
	switch {
	case next.Lead > 0:
		fits = next.Lead
	case onGrid([]tline{*prev, *l}):
		fits = gridFits(last) // a character grid (layout text)
	}
	return len(prev.ws) == 1 && !prev.trailingSpace() && endsAlnum(last.Text) && right-last.X1 < fits &&
		!startsUpper(next.Text) && lx.cut(last.Text, next.Text)
}
