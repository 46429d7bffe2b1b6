package layout

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/hesabat/hesabat"
)

// Layout text (`pdftotext -layout`) sets characters on a grid of one
// width: a column's text starts at one character position on most lines,
// and the gutter between two columns can be as narrow as the one space
// that pdftotext keeps between them on a line, or narrower still across
// lines (a title column's longest line ends right where the term column
// starts, "tərəfindən 2020-2022"). The gutter search of alignColumns,
// made for proportional text, wants a gutter wider than a fifth of a line
// and a gap wider than a space on some line, and finds neither there; and
// pdftotext places each page on its own, so a column stands a few
// characters apart from one page to the next. gridColumns finds a page's
// columns on the grid itself.

// gridColumns returns the column boundaries of a block of layout-text
// lines whose characters are cw wide: character positions that at most
// one line in twenty crosses with a word (a title or a section row across
// the table) and where two lines or more start a word (columns are set
// left-aligned; inside running text, where a word starts is chance, and
// most lines cross any position). In a run of such positions the
// boundary is where most lines start, the left edge of the column right
// of it. A boundary must have text on both sides of it, in the columns
// next to it, on a line, and be a gutter: those sides two spaces apart or
// more on a line, or three lines starting their text at it set apart. It
// returns nil unless at least three columns are found.
func gridColumns(ls []tline, cw float64) []float64 {
	if len(ls) == 0 || !(cw > 0) {
		return nil
	}
	pos := func(x float64) int { return int(math.Round(x / cw)) }
	lo, hi := math.MaxInt, 0
	for i := range ls {
		lo, hi = min(lo, pos(ls[i].x0)), max(hi, pos(ls[i].x1))
	}
	if hi <= lo || float64(hi)*cw > maxScanWidth {
		return nil
	}
	cross := make([]int, hi+1)
	starts := make([]int, hi+1)
	for i := range ls {
		for _, w := range ls[i].ws {
			s, e := pos(w.X0), pos(w.X1)
			for p := s + 1; p < e; p++ {
				cross[p]++
			}
			starts[s]++
		}
	}
	tol := len(ls) / 20
	xs := []float64{float64(lo)*cw - 1}
	for p := lo + 1; p < hi; {
		if cross[p] > tol {
			p++
			continue
		}
		end := p
		best := -1
		for end < hi && cross[end] <= tol {
			if starts[end] >= 1 && (best < 0 || starts[end] >= starts[best]) {
				best = end
			}
			end++
		}
		if best >= 0 {
			xs = append(xs, float64(best)*cw)
		}
		p = end
	}
	xs = append(xs, float64(hi)*cw+1)
	// Drop boundaries without text on both sides on a line, two spaces
	// apart or more on one such line (a page may hold one row, whose term
	// stands on one line), or a measure number left of it (set a space
	// before its title where the page is tight), or three lines or more
	// whose text starts at it set apart from what stands left of it (or
	// first on the line: a term set one space before the work done on
	// every line that holds both, "2020-2022 tədbirlər planı”", where the
	// work done's other lines start at its edge alone; layout-lo):
	// words of running text that chance aligned on a few lines ("burada
	// yazılır" over "davam edir") are a space apart on every line.
	for k := 1; k+1 < len(xs); {
		both, wide, lead := 0, false, 0
		for i := range ls {
			if j := slices.IndexFunc(ls[i].ws, func(w hesabat.Word) bool { return w.X0 >= xs[k]-cw/2 }); j >= 0 && math.Abs(ls[i].ws[j].X0-xs[k]) <= cw/2 && apart(&ls[i], j, cw) {
				lead++
			}
			left, right := math.Inf(-1), math.Inf(1)
			var leftText []string
			for _, w := range ls[i].ws {
				if m := (w.X0 + w.X1) / 2; m >= xs[k-1] && m < xs[k] {
					left = w.X1
					leftText = append(leftText, w.Text)
				} else if m >= xs[k] && m < xs[k+1] {
					right = math.Min(right, w.X0)
				}
			}
			if !math.IsInf(left, 0) && !math.IsInf(right, 0) {
				both++
				_, number := hesabat.MeasureNumber(strings.Join(leftText, " "))
				wide = wide || right-left > 1.5*cw || number
			}
		}
		if both < 1 || !wide && lead < 3 {
			xs = append(xs[:k], xs[k+1:]...)
			continue
		}
		k++
	}
	if len(xs) < 4 {
		return nil
	}
	return xs
}

// onPage returns the document's borderless table as it stands on a page
// whose table lines are table: for layout text, with the page's own
// columns (see gridColumns) when they are at least as many as the
// document's, which pdftotext's page-by-page placement blurs; otherwise b,
// with the boundaries the page does find moved to (see followed).
func (b *borderless) onPage(table []tline) *borderless {
	if !onGrid(table) {
		return b
	}
	xs := gridColumns(table, b.space)
	if len(xs) < len(b.xs) {
		// The header moves the columns only where the page was squeezed,
		// a boundary by more than eight characters (see anchored): its
		// centred words place a boundary less surely than the document's
		// gutters, which lineCuts follows a few characters either way.
		own := xs
		if xs = b.anchored(table); xs == nil || !slices.ContainsFunc(xs, func(x float64) bool {
			return !slices.ContainsFunc(b.xs, func(d float64) bool { return math.Abs(x-d) <= 4*b.lh })
		}) {
			return b.followed(table, own)
		}
		pb := *b
		pb.xs = xs
		return &pb
	}
	// A page that finds no more columns than the document must find the
	// document's, each moved by four characters at most (pdftotext's
	// drift from page to page): as many columns elsewhere are misread (a
	// ragged edge taken for a gutter, the number column lost on a page of
	// few rows). More columns than the document's are the page's own:
	// the drift blurs gutters document-wide.
	for k := 1; k+1 < len(b.xs) && len(xs) == len(b.xs); k++ {
		if !slices.ContainsFunc(xs[1:len(xs)-1], func(x float64) bool { return math.Abs(x-b.xs[k]) <= 2*b.lh }) {
			return b
		}
	}
	pb := *b
	pb.xs = xs
	return &pb
}

// followed returns the document's borderless table with each inner
// boundary moved to the page's own (own, see gridColumns) within four
// characters of it, the drift of pdftotext's page-by-page placement: a
// page whose grid finds fewer columns than the document (a term column
// holding one short term beside a long work-done cell, crossed by the
// title's longest lines) still shows where the columns it does find
// start on it ("Komitə" two characters left of the document's
// work-done boundary, read into the term). Where the column left of
// the boundary is the narrower of the two next to it (the term left of
// the work done), the boundary moves only where most runs of text that
// start at the page's are wider than that column (see wideStarts): else
// the page's boundary is that narrow column's own left edge (terms
// "2020-", "2022" at 40, work done at 49, where the grid sees no gutter
// after "mütəmadi"), not the next column's. The boundary right of such a
// narrow column also moves, by eight characters at most, to the page's
// own left edge of the wide column (see wideEdge).
func (b *borderless) followed(ls []tline, own []float64) *borderless {
	var inner []float64 // the page's own inner boundaries
	if len(own) >= 3 {
		inner = own[1 : len(own)-1]
	}
	xs := slices.Clone(b.xs)
	moved := false
	for k := 1; k+1 < len(xs); k++ {
		narrow := b.xs[k]-b.xs[k-1] < b.xs[k+1]-b.xs[k]
		for _, x := range inner {
			if math.Abs(x-xs[k]) <= 2*b.lh && x > xs[k-1] && x != xs[k] && (!narrow || wideStarts(ls, x, b.xs[k]-b.xs[k-1], b.space)) {
				xs[k], moved = x, true
				break
			}
		}
		if e, ok := wideEdge(ls, xs[k-1], xs[k], b.space); ok && narrow && e != xs[k] && math.Abs(e-xs[k]) <= 4*b.lh {
			xs[k], moved = e, true
		}
	}
	if !moved || !slices.IsSorted(xs) {
		return b
	}
	pb := *b
	pb.xs = xs
	return &pb
}

// wideEdge returns where the lines (cw the width of a character) start
// most of their runs of text set apart (see apart) between lo and x, more
// than a character right of lo, where no word crosses, three lines or
// more, when most of those runs are wider than x-lo (see wideStarts): the
// left edge of a wide column (work done) that pdftotext set left of the
// document's boundary x on a page where the narrow column left of it
// (the term) is empty, its room squeezed out.
func wideEdge(ls []tline, lo, x, cw float64) (float64, bool) {
	count := map[int]int{}
	for i := range ls {
		for j, w := range ls[i].ws {
			if w.X0 > lo+cw && w.X0 < x && apart(&ls[i], j, cw) {
				count[int(math.Round(w.X0/cw))]++
			}
		}
	}
	best, n := 0, 0
	for c, m := range count {
		if m > n || m == n && c < best {
			best, n = c, m
		}
	}
	e := float64(best) * cw
	if n < 3 || crossing(ls, e) > len(ls)/20 || !wideStarts(ls, e, x-lo, cw) {
		return 0, false
	}
	return e, true
}

// crossing counts the lines with a word across x.
func crossing(ls []tline, x float64) int {
	n := 0
	for i := range ls {
		if crosses(ls[i].ws, x) {
			n++
		}
	}
	return n
}

// wideStarts reports whether most runs of text (words a space apart, cw
// the width of a character) that start within half a character of x on
// the lines are wider than width: a work-done column's lines are long,
// a term column's ("2020-2022", "mütəmadi") short.
func wideStarts(ls []tline, x, width, cw float64) bool {
	wide, n := 0, 0
	for i := range ls {
		ws := ls[i].ws
		for j := range ws {
			if math.Abs(ws[j].X0-x) > cw/2 {
				continue
			}
			end := j
			for end+1 < len(ws) && ws[end+1].X0-ws[end].X1 < 1.5*cw {
				end++
			}
			n++
			if ws[end].X1-ws[j].X0 > width {
				wide++
			}
			break
		}
	}
	return 2*wide > n
}

// lineCuts returns each line's own column boundaries in a row of layout
// text whose columns are xs; num is the index of the row's line with the
// measure number, -1 for none. pdftotext places each line's text on the
// grid by itself, so a column's text drifts by a character or two from
// line to line, and a title line may reach past where the term column
// starts on another line ("tərəfindən 2020-2022" over "barədə illik").
// Where a word of a line crosses a boundary, the boundary moves, on that
// line only, to the word's left or right edge (see joinsRight); the lines
// at the number first. Then the narrow column right of a wider one (the
// term) takes and gives back words the grid set on the wrong side of
// its boundary (see gluedLeft, setApart, hyphenPiece), and pieces of a
// word or term are joined (wordEnd, termOnGap). carry, for the row at a
// page's top that carries on a row of the page before (nil otherwise),
// tells what that row holds per column there (see carriedCells): a
// narrow column whose cell is whole there takes no word glued to the
// column left of it (its short cell is found), and one ending with a
// hyphen takes its other piece (see openPiece).
func lineCuts(ls []tline, xs []float64, num int, lx lexicon, carry []carried) [][]float64 {
	if len(carry) != len(xs)-1 {
		carry = nil
	}
	out := make([][]float64, len(ls))
	// The lines at the measure number are cut first: a term stands
	// level with it, and once found there it is the short cell found
	// elsewhere for the other lines (see joinsRight).
	order := make([]int, 0, len(ls))
	if num >= 0 {
		for _, i := range []int{num, num - 1, num + 1} {
			if i >= 0 && i < len(ls) {
				order = append(order, i)
			}
		}
	}
	for i := range ls {
		if !slices.Contains(order, i) {
			order = append(order, i)
		}
	}
	// inColumn reports whether word v of line j is in column k: on a line
	// cut already, by its cut; else wholly right of the boundary.
	inColumn := func(j, k int, v hesabat.Word) bool {
		if out[j] != nil {
			m := (v.X0 + v.X1) / 2
			return m >= out[j][k] && m < out[j][k+1]
		}
		return v.X0 >= xs[k] && v.X1 <= xs[k+1]
	}
	for _, i := range order {
		bx := slices.Clone(xs)
		for k := 1; k+1 < len(xs); k++ {
			x := xs[k]
			for j, w := range ls[i].ws {
				if w.X0 < x && w.X1 > x {
					last := j+1 == len(ls[i].ws) || ls[i].ws[j+1].X0 >= xs[k+1]
					// Only a column narrower than the one left of it (the
					// term right of the title) holds a short cell that,
					// found on other lines, is whole.
					elsewhere := carry != nil && carry[k] == carriedClosed && xs[k+1]-xs[k] < xs[k]-xs[k-1]
					for c := range ls {
						if c != i && xs[k+1]-xs[k] < xs[k]-xs[k-1] && slices.ContainsFunc(ls[c].ws, func(v hesabat.Word) bool { return inColumn(c, k, v) }) {
							elsewhere = true
							break
						}
					}
					// A word of a line cut already is in the right column
					// by its cut when it and w are a term's two pieces
					// broken after a hyphen (the upper one ends in it).
					right := func(j int, v hesabat.Word) bool {
						upper := v
						if j > i {
							upper = w
						}
						return v.X0 >= x || out[j] != nil && inColumn(j, k, v) && strings.HasSuffix(upper.Text, "-")
					}
					if joinsRight(ls, i, w, xs[k-1], x, last && num >= 0 && i >= num-1 && i <= num+1, elsewhere, right) {
						x = w.X0
					} else {
						x = w.X1
					}
					break
				}
			}
			bx[k] = max(x, bx[k-1])
		}
		out[i] = bx
	}
	for k := 1; k+1 < len(xs); k++ {
		if xs[k+1]-xs[k] < xs[k]-xs[k-1] {
			gluedLeft(ls, out, k, num, lx, carry != nil && carry[k] == carriedClosed)
			setApart(ls, out, k, xs[k+1]-xs[k])
			if num >= 0 {
				hyphenPiece(ls, out, k, num)
			}
			if carry != nil && carry[k] == carriedOpen {
				openPiece(ls, out, k)
			}
			if carry != nil && carry[k] == carriedClosed {
				wholeLeft(ls, out, xs, k)
			}
		}
	}
	for i := 1; i < len(ls); i++ {
		for k := 1; k+1 < len(xs); k++ {
			wordEnd(ls, out, i, k, lx)
		}
	}
	if num >= 0 {
		for k := 1; k+1 < len(xs); k++ {
			termOnGap(ls, out, k, num)
		}
	}
	return out
}

// gluedLeft gives back to column k-1 the words at the start of narrow
// column k on a line (the term right of the title) that follow a word of
// column k-1 one space after it and start left of where column k's own
// text starts in the row: the left edge of the words set apart from
// their left neighbours by two spaces or more, or first on their line,
// on the other lines. A title line may run a word or two past where the
// term column starts on other pages ("iştirakının və" with "və" at 33,
// the row's "daim" and "mütəmadi" at 36), and a word that starts left
// of the column's text, glued to the title's run, is the title's, unless
// a word of the column right above or below it is its other piece (see
// pieceNear; pdftotext sets a term's lines up to two characters apart).
// When whole, the row's cell in column k was found whole on the page
// before (see carriedClosed) and the column has no own text here: every
// word so glued is the title's ("təşkilatlarının iştirakının və", its
// "və" at 35, the page's term boundary at 34, under a term "2021" on the
// page before; r055). A word so glued is the title's too, wherever it
// starts, when column k has text on the number line num (-1 if none; a
// term stands level with the measure number) but none within two lines
// of it: a cell's lines follow each other, one grid line apart or two
// where pdftotext sets another column's line between them ("onların
// qarşısının alınması ilə", its "ilə" at 33 three lines under
// "tərəfindən mütəmadi" with "mütəmadi" at 33, both glued; layout-lo).
func gluedLeft(ls []tline, cuts [][]float64, k, num int, lx lexicon, whole bool) {
	if len(ls) == 0 {
		return
	}
	cw := ls[0].height() / 2
	edge := func(skip int) float64 {
		e := math.Inf(1)
		for i := range ls {
			if i == skip {
				continue
			}
			for j, w := range ls[i].ws {
				if w.X0 >= cuts[i][k] && w.X1 <= cuts[i][k+1] && apart(&ls[i], j, cw) {
					e = math.Min(e, w.X0)
				}
			}
		}
		return e
	}
	// far reports whether column k has text on the number line, and none
	// within two lines of line i.
	far := func(i int) bool {
		if num < 0 || i == num || len(wordsIn(&ls[num], cuts[num][k], cuts[num][k+1])) == 0 {
			return false
		}
		for c := range ls {
			if c != i && math.Abs(ls[c].mid()-ls[i].mid()) < 2.5*ls[i].height() && len(wordsIn(&ls[c], cuts[c][k], cuts[c][k+1])) > 0 {
				return false
			}
		}
		return true
	}
	for i := range ls {
		ws := ls[i].ws
		j := slices.IndexFunc(ws, func(w hesabat.Word) bool { m := (w.X0 + w.X1) / 2; return m >= cuts[i][k] && m < cuts[i][k+1] })
		if j <= 0 || apart(&ls[i], j, cw) {
			continue
		}
		e := edge(i)
		if far(i) {
			e = math.Inf(1)
		} else if math.IsInf(e, 1) && !whole || ws[j].X0 >= e-cw/2 || pieceNear(ls, cuts, i, k, ws[j], lx) {
			continue
		}
		for j < len(ws) && ws[j].X0 < e-cw/2 && ws[j].X1 <= cuts[i][k+1] && !apart(&ls[i], j, cw) {
			j++
		}
		if j < len(ws) {
			cuts[i][k] = math.Min(ws[j].X0, cuts[i][k+1])
		} else {
			cuts[i][k] = cuts[i][k+1]
		}
	}
}

// setApart gives to narrow column k (width wide) the last run of words
// (a space apart) of column k-1 on a line with no text in column k, when
// it is set apart from the words before it by two spaces or more (or
// first on its line), starts more than two characters right of where
// most of column k-1's lines start in the row, and is no wider than
// column k: columns are set left-aligned, so a short run standing in
// the middle of the title column is the next column's text where
// pdftotext set that column left of the page's boundary ("2022" alone
// on a line at 38, the page's term boundary at 43; "Açıq Hökumətin
// 2022" four spaces apart).
func setApart(ls []tline, cuts [][]float64, k int, wide float64) {
	if len(ls) == 0 {
		return
	}
	cw := ls[0].height() / 2
	starts := map[int]int{} // first word's cell in column k-1, by line
	for i := range ls {
		if ws := wordsIn(&ls[i], cuts[i][k-1], cuts[i][k]); len(ws) > 0 {
			starts[int(math.Round(ws[0].X0/cw))]++
		}
	}
	edge, n := 0, 0
	for c, m := range starts {
		if m > n || m == n && c < edge {
			edge, n = c, m
		}
	}
	for i := range ls {
		if len(wordsIn(&ls[i], cuts[i][k], cuts[i][k+1])) > 0 {
			continue
		}
		ws := ls[i].ws
		last := -1
		for j, w := range ws {
			if m := (w.X0 + w.X1) / 2; m >= cuts[i][k-1] && m < cuts[i][k] {
				last = j
			}
		}
		if last < 0 {
			continue
		}
		first := last
		for first > 0 && ws[first].X0-ws[first-1].X1 < 1.5*cw {
			first--
		}
		if first > 0 && (ws[first-1].X0+ws[first-1].X1)/2 < cuts[i][k-1] {
			continue // the run starts the column's text after another column's
		}
		if ws[first].X0 > float64(edge+2)*cw && ws[last].X1-ws[first].X0 <= wide && (first == 0 || ws[first].X0-ws[first-1].X1 >= 1.5*cw) {
			cuts[i][k] = ws[first].X0
		}
	}
}

// hyphenPiece gives to column k the last word of column k-1 on the
// number line (i; a term stands level with the measure number, and
// where the number line has none it is a piece glued to the title's
// line) with no text in column k when it and a word of column k right above
// or below it (see nearLine), within two characters of it, are the two
// pieces of a term broken after a hyphen, the upper one ending in it:
// "2020-" over "2022", one of them glued to the title's line ("Sisteminə
// 2022" under "2020-", "Təşviqinə 2020-" over "2022").
func hyphenPiece(ls []tline, cuts [][]float64, k, i int) {
	if len(wordsIn(&ls[i], cuts[i][k], cuts[i][k+1])) > 0 {
		return
	}
	left := wordsIn(&ls[i], cuts[i][k-1], cuts[i][k])
	if len(left) < 2 {
		return
	}
	w := left[len(left)-1]
	cw := ls[i].height() / 2
	for _, d := range []int{-1, 1} {
		j := nearLine(ls, i, d, w.X0-2*cw, w.X1+2*cw)
		if j < 0 {
			continue
		}
		piece := false
		for _, v := range wordsIn(&ls[j], cuts[j][k], cuts[j][k+1]) {
			upper := v
			if d > 0 {
				upper = w
			}
			if v.X0 < w.X1+2*cw && v.X1 > w.X0-2*cw && strings.HasSuffix(upper.Text, "-") {
				piece = true
			}
		}
		// The term has no other piece in column k on the row's
		// lines past the pair (below it, or above it): its
		// continuation, or its start, is not found elsewhere.
		lo, hi := j+1, len(ls)
		if d > 0 {
			lo, hi = 0, i
		}
		for m := lo; m < hi && piece; m++ {
			if m != i && len(wordsIn(&ls[m], cuts[m][k], cuts[m][k+1])) > 0 {
				piece = false
			}
		}
		if piece {
			cuts[i][k] = w.X0
			break
		}
	}
}

// pieceNear reports whether a word of column k on the line right above
// or below line i (see nearLine) comes within a character of w and is
// its other piece: a term broken after a hyphen, the upper piece ending
// in it ("2020-" glued to the title's line, "2022" under it two
// characters right), or a word cut that the document uses joined
// ("mütəmad" over "i", see lexicon). A title word over the term's first
// line ("ilə" two lines over "2021-") is none.
func pieceNear(ls []tline, cuts [][]float64, i, k int, w hesabat.Word, lx lexicon) bool {
	cw := ls[i].height() / 2
	for _, d := range []int{-1, 1} {
		j := nearLine(ls, i, d, w.X0-cw, w.X1+cw)
		if j < 0 {
			continue
		}
		for _, v := range ls[j].ws {
			upper, lower := v, w
			if d > 0 {
				upper, lower = w, v
			}
			if m := (v.X0 + v.X1) / 2; m >= cuts[j][k] && m < cuts[j][k+1] && v.X0 < w.X1+cw && v.X1 > w.X0-cw &&
				(strings.HasSuffix(upper.Text, "-") || lx.known(upper.Text, lower.Text)) {
				return true
			}
		}
	}
	return false
}

// wordEnd moves to column k the last word of line i left of it when it
// ends the word that a word of column k on the line above starts, within
// four characters of it: pdftotext sets the end of a word the renderer
// cut ("mütəmad" over "i") where the line's own text ends, one space after
// the title's words ("korrupsiya i", "maliyyə i" four characters left of
// "mütəmad"). The document must use the joined word, and not the piece,
// as a word (see lexicon), which keeps title words out.
func wordEnd(ls []tline, cuts [][]float64, i, k int, lx lexicon) {
	if math.Abs(ls[i].y0-ls[i-1].y0) > 1.5*ls[i].height() {
		return // no line right above
	}
	cw := ls[i].height() / 2
	left := wordsIn(&ls[i], cuts[i][k-1], cuts[i][k])
	if len(left) < 2 {
		return
	}
	w := left[len(left)-1]
	var above *hesabat.Word
	for j, v := range ls[i-1].ws {
		if m := (v.X0 + v.X1) / 2; m >= cuts[i-1][k] && m < cuts[i-1][k+1] {
			above = &ls[i-1].ws[j]
			break
		}
	}
	if above == nil || above.X0-w.X1 > 4*cw || w.X0-above.X1 > 4*cw {
		return
	}
	// A piece with no letter or digit ("-" in "Hökumət - Vətəndaş") ends
	// no word: the lexicon would see the word above alone.
	if piece := trimWord(w.Text); piece != "" && lx.known(above.Text, w.Text) && !lx[piece] {
		cuts[i][k] = w.X0
	}
}

// termOnGap fills column k of a numbered row (number line num) left
// empty by the cuts: a numbered row has text in each column, and a term
// set one space after the title's line can end right where the page's
// column starts, crossing no boundary ("həmin 2022" level with "2.1.").
// Of the lines at the number line and next to it, the one whose last
// word left of the column ends nearest to it, within two characters, and
// follows another word of its column gives that word to the column.
func termOnGap(ls []tline, cuts [][]float64, k, num int) {
	for i := range ls {
		for _, w := range ls[i].ws {
			if m := (w.X0 + w.X1) / 2; m >= cuts[i][k] && m < cuts[i][k+1] {
				return // the column has text
			}
		}
	}
	best, at, dist := -1, 0.0, math.Inf(1)
	for i := max(num-1, 0); i <= min(num+1, len(ls)-1); i++ {
		cw := ls[i].height() / 2
		left := wordsIn(&ls[i], cuts[i][k-1], cuts[i][k])
		if len(left) < 2 {
			continue
		}
		w := left[len(left)-1]
		if d := cuts[i][k] - w.X1; d >= 0 && d <= 2*cw && d < dist && w.X0-left[len(left)-2].X1 < 2*cw {
			best, at, dist = i, w.X0, d
		}
	}
	if best >= 0 {
		cuts[best][k] = at
	}
}

// joinsRight reports whether word w of line i, which crosses boundary x,
// belongs right of it. In order:
//   - yes when it and the word right above or below it start at one
//     place, each set apart from the words before it (see apart; w after
//     a word of its line, or first on it but more than a character right
//     of where the left column starts, lo, which is no such place): a
//     column starts there ("Statistik" over "üzrə", "556" between
//     "subyektlərinin" and "Nazirliyi", two characters left of the
//     page's boundary);
//   - yes when a word of the right column (right reports it: right of x,
//     or cut so on its line) right above or below it (see nearLine)
//     overlaps it or comes within a character of it, starting at most
//     four characters right of it: a term split over lines, "2020-" over
//     "2022", or centred, "mütəmad" over "i" (a title word that starts
//     far left of the term's line, "planlarının" under "həmin 2022", is
//     no piece of it);
//   - no when the right column, narrower than the left, has text on
//     another line of the row (elsewhere): its short cell is found, and a
//     title line reaching into it ("davranış məsələləri ilə" five lines
//     above a term "mütəmad" / "i") is the title's;
//   - yes when it is the last word of its column on the number line or a
//     line next to it (nearNumber: a term stands level with the measure
//     number, at the top of the row or at its middle, one space after the
//     title's line, "həmin 2022");
//   - no when a word of the left column right above or below overlaps it
//     (a title's long line: "barədə illik");
//   - else yes when most of it stands right of x.
func joinsRight(ls []tline, i int, w hesabat.Word, lo, x float64, nearNumber, elsewhere bool, right func(j int, v hesabat.Word) bool) bool {
	cw := ls[i].height() / 2 // a character of layout text (see extract/txt)
	left := false
	wj := slices.Index(ls[i].ws, w)
	wApart := apart(&ls[i], wj, cw) && (wj > 0 || w.X0 > lo+cw)
	for _, d := range []int{-1, 1} {
		j := nearLine(ls, i, d, w.X0-cw, w.X1+cw)
		if j < 0 {
			continue
		}
		for jv, v := range ls[j].ws {
			switch {
			case wApart && math.Abs(v.X0-w.X0) < cw/2 && apart(&ls[j], jv, cw):
				return true // a column's left edge, two lines starting there
			case right(j, v) && v.X0 < w.X1+cw && v.X1 > w.X0-cw && v.X0-w.X0 <= 4*cw:
				return true
			case v.X1 <= x && v.X0 < w.X1 && v.X1 > w.X0:
				left = true
			}
		}
	}
	switch {
	case elsewhere:
		return false
	case nearNumber:
		return true
	case left:
		return false
	}
	return x-w.X0 < w.X1-x
}

// apart reports whether word j of the line is set apart from the word
// before it by two spaces or more (cw the width of a character), or
// first on the line: where a column's text may start. Words of one
// column's line are a space apart.
func apart(l *tline, j int, cw float64) bool {
	return j == 0 || j > 0 && l.ws[j].X0-l.ws[j-1].X1 >= 1.5*cw
}

// nearLine returns the index of the line right above line i (d = -1)
// or below it (d = 1) that has a word reaching into (lo, hi), -1 for
// none: pdftotext sets the lines of each column on its own baselines, so
// a line of another column's text (work done only) may stand between
// two lines of a column; up to two such lines are passed over. A blank
// line (a paragraph or row break) ends the search.
func nearLine(ls []tline, i, d int, lo, hi float64) int {
	h := ls[i].height()
	for j := i + d; j >= 0 && j < len(ls) && math.Abs(ls[j].y0-ls[j-d].y0) <= 1.5*h && math.Abs(ls[j].y0-ls[i].y0) <= 3.5*h; j += d {
		for _, v := range ls[j].ws {
			if v.X0 < hi && v.X1 > lo {
				return j
			}
		}
	}
	return -1
}

// overlaps reports whether a word of the lines reaches into (lo, hi).
func overlaps(ls []tline, lo, hi float64) bool {
	for i := range ls {
		for _, w := range ls[i].ws {
			if w.X0 < hi && w.X1 > lo {
				return true
			}
		}
	}
	return false
}

// hasText reports whether a word of the lines has its midpoint in [lo, hi).
func hasText(ls []tline, lo, hi float64) bool {
	for i := range ls {
		for _, w := range ls[i].ws {
			if m := (w.X0 + w.X1) / 2; m >= lo && m < hi {
				return true
			}
		}
	}
	return false
}

// gridDocColumns returns the columns of a layout-text document from its
// pages' own (see gridColumns; pages holds each page's table-line
// candidates) when most pages that find columns find more than the
// document's lines together (xs; pdftotext places each page on its own,
// and the drift blurs the gutters document-wide), or as many but one of
// them more than four characters from each of xs (the drift made a
// gutter of a column's ragged edge: a term column one character wide):
// that count, at the median place of each boundary among those pages.
// Otherwise xs.
func gridDocColumns(pages [][]tline, cw float64, xs []float64) []float64 {
	byCount := map[int][][]float64{}
	total := 0
	for _, ls := range pages {
		if own := gridColumns(ls, cw); own != nil {
			byCount[len(own)] = append(byCount[len(own)], own)
			total++
		}
	}
	best := 0
	for n, found := range byCount {
		if len(found) > len(byCount[best]) || len(found) == len(byCount[best]) && n > best {
			best = n
		}
	}
	found := byCount[best]
	if best < len(xs) || 2*len(found) <= total {
		return xs
	}
	med := medianColumns(found)
	if best == len(xs) && !slices.ContainsFunc(med[1:best-1], func(m float64) bool {
		return !slices.ContainsFunc(xs, func(x float64) bool { return math.Abs(x-m) <= 4*cw })
	}) {
		return xs
	}
	return med
}

// medianColumns returns the median place of each boundary among sets of
// column boundaries of one count.
func medianColumns(found [][]float64) []float64 {
	out := make([]float64, len(found[0]))
	for k := range out {
		at := make([]float64, len(found))
		for i, f := range found {
			at[i] = f[k]
		}
		slices.Sort(at)
		out[k] = at[len(at)/2]
	}
	return out
}

// wordsIn returns the words of the line whose middles are in [lo, hi).
func wordsIn(l *tline, lo, hi float64) []hesabat.Word {
	var out []hesabat.Word
	for _, w := range l.ws {
		if m := (w.X0 + w.X1) / 2; m >= lo && m < hi {
			out = append(out, w)
		}
	}
	return out
}

// headerAnchors returns the middles of the words of a table's repeated
// header lines (none if it has none), keyed by their text and how many
// words of that text came before them.
func (b *borderless) headerAnchors(t []tline) map[string]float64 {
	h := b.headerLen(t)
	if h == 0 {
		return nil
	}
	out := map[string]float64{}
	seen := map[string]int{}
	for i := h - len(b.header); i < h; i++ {
		for _, w := range t[i].ws {
			key := fmt.Sprintf("%s#%d", w.Text, seen[w.Text])
			seen[w.Text]++
			out[key] = (w.X0 + w.X1) / 2
		}
	}
	return out
}

// refAnchors returns the median middle of each header word among the
// tables that repeat the header.
func (b *borderless) refAnchors(tables [][]tline) map[string]float64 {
	at := map[string][]float64{}
	for _, t := range tables {
		for k, x := range b.headerAnchors(t) {
			at[k] = append(at[k], x)
		}
	}
	out := map[string]float64{}
	for k, xs := range at {
		slices.Sort(xs)
		out[k] = xs[len(xs)/2]
	}
	return out
}

// anchored returns the document's columns as they stand on a page of
// layout text whose table lines are t, mapped through its repeated
// header: pdftotext places each page on its own and squeezes out the
// room of columns empty on the page (a page carrying on a long work-done
// cell sets it far left), but it sets the header, centred in the same
// columns, with them. Each boundary moves by piecewise-linear
// interpolation between the header words around it, from their places
// in the document (see refAnchors) to theirs on this page. It returns
// nil when fewer than two header words are found.
func (b *borderless) anchored(t []tline) []float64 {
	type pair struct{ ref, at float64 }
	var ps []pair
	for k, x := range b.headerAnchors(t) {
		if r, ok := b.anchors[k]; ok {
			ps = append(ps, pair{r, x})
		}
	}
	if len(ps) < 2 {
		return nil
	}
	slices.SortFunc(ps, func(a, c pair) int { return cmp.Compare(a.ref, c.ref) })
	// Words of one column stacked on header lines ("İcra" over
	// "müddəti") stand within a character of each other: keep the first
	// of those whose order differs.
	kept := ps[:1]
	for _, p := range ps[1:] {
		if last := kept[len(kept)-1]; p.ref > last.ref && p.at > last.at {
			kept = append(kept, p)
		}
	}
	if ps = kept; len(ps) < 2 {
		return nil
	}
	xs := slices.Clone(b.xs)
	for k := 1; k+1 < len(xs); k++ {
		i := 1
		for i+1 < len(ps) && ps[i].ref < xs[k] {
			i++
		}
		a, c := ps[i-1], ps[i]
		xs[k] = a.at + (xs[k]-a.ref)*(c.at-a.at)/(c.ref-a.ref)
		if xs[k] <= xs[k-1] {
			return nil
		}
	}
	return xs
}

// markOffsets sets the Offset of each row of a layout-text page (one with
// Page.LineOffsets) to the file offset of its top line: the line of the
// grid its cells' highest box starts on.
func markOffsets(rows []hesabat.Row, pages []hesabat.Page) {
	byNumber := map[int]*hesabat.Page{}
	for i := range pages {
		if len(pages[i].LineOffsets) > 0 && pages[i].Height > 0 {
			byNumber[pages[i].Number] = &pages[i]
		}
	}
	if len(byNumber) == 0 {
		return
	}
	for i := range rows {
		r := &rows[i]
		top, p := math.Inf(1), (*hesabat.Page)(nil)
		for _, c := range r.Cells {
			if q := byNumber[c.Box.Page]; q != nil && c.Box != (hesabat.Box{}) && c.Box.Y0 < top {
				top, p = c.Box.Y0, q
			}
		}
		if p == nil {
			continue
		}
		h := p.Height / float64(len(p.LineOffsets))
		if k := int(math.Round(top / h)); k >= 0 && k < len(p.LineOffsets) {
			r.Offset = p.LineOffsets[k]
		}
	}
}
