package txt

import (
	"strings"
	"unicode/utf8"

	"github.com/hesabat/hesabat"
)

// The space layout is what `pdftotext -layout` writes: each table row is a
// block of lines, separated from the next by a blank line, and a column is
// a left edge at which text starts on many lines. Page scale varies, so
// each page finds its own columns; they are matched to the columns of the
// page with the most, by their position relative to the page's width.
//
// BUG(txt): in the space layout a paragraph break inside a cell looks like
// a row break. A block without a number continues the measure above, which
// is right unless the number of the row below is vertically centred under
// such a break.

// fragment is a run of text on a line, separated from the next by two or
// more spaces.
type fragment struct {
	col  int // rune column where it starts
	text string
}

// fragments splits a line at runs of two or more spaces.
func fragments(s string) []fragment {
	var out []fragment
	col, start, startCol, spaces := 0, -1, 0, 0
	for i, r := range s {
		if r == ' ' || r == '\t' {
			spaces++
			if spaces == 2 && start >= 0 {
				out = append(out, fragment{startCol, strings.TrimSpace(s[start:i])})
				start = -1
			}
		} else {
			if start < 0 {
				start, startCol = i, col
			}
			spaces = 0
		}
		col++
	}
	if start >= 0 {
		out = append(out, fragment{startCol, strings.TrimSpace(s[start:])})
	}
	return out
}

// page is one page of the space layout.
type page struct {
	lines  []line
	frags  [][]fragment
	first  int     // the first line with two or more fragments; -1 if none
	starts []int   // rune columns where the page's columns start
	width  float64 // the longest line, in runes
}

// minEdge is how many lines must start text at a column for it to count.
const minEdge = 3

// spaceRows reads the space layout page by page.
func spaceRows(lines []line) []hesabat.Row {
	var pages []*page
	for start := 0; start < len(lines); {
		end := start
		for end < len(lines) && lines[end].page == lines[start].page {
			end++
		}
		pages = append(pages, newPage(lines[start:end]))
		start = end
	}
	var tmpl *page
	for _, p := range pages {
		if p.first >= 0 && (tmpl == nil || len(p.starts) > len(tmpl.starts)) {
			tmpl = p
		}
	}
	var rows []hesabat.Row
	for _, p := range pages {
		rows = append(rows, p.rows(tmpl)...)
	}
	return rows
}

func newPage(lines []line) *page {
	p := &page{lines: lines, frags: make([][]fragment, len(lines)), first: -1}
	count := map[int]int{}
	for i, l := range lines {
		p.frags[i] = fragments(l.text)
		if p.first < 0 && len(p.frags[i]) >= 2 {
			p.first = i
		}
		if p.first >= 0 {
			for _, f := range p.frags[i] {
				count[f.col]++
			}
		}
		p.width = max(p.width, float64(utf8.RuneCountInString(l.text)))
	}
	p.starts = []int{0}
	for col := 1; col <= int(p.width); col++ {
		n := count[col-1] + count[col] + count[col+1]
		last := p.starts[len(p.starts)-1]
		if n >= minEdge && count[col] >= count[col-1] && count[col] >= count[col+1] && col-last > 2 {
			p.starts = append(p.starts, col)
		}
	}
	return p
}

// column returns the index, among tmpl's columns, of the page column in
// which text starting at col stands.
func (p *page) column(col int, tmpl *page) int {
	c := len(p.starts) - 1
	for c > 0 && col < p.starts[c]-1 {
		c--
	}
	if tmpl == p {
		return c
	}
	best, dist := 0, 2.0
	for i, s := range tmpl.starts {
		d := float64(s)/tmpl.width - float64(p.starts[c])/p.width
		if d < 0 {
			d = -d
		}
		if d < dist {
			best, dist = i, d
		}
	}
	return best
}

// rows reads one page: lines before the first line with two or more
// fragments are paragraphs; from there on, blocks of lines are table rows
// with tmpl's columns.
func (p *page) rows(tmpl *page) []hesabat.Row {
	if p.first < 0 {
		return tabRows(p.lines) // no columns: paragraphs only
	}
	rows := tabRows(p.lines[:p.first])
	var block []int
	continues := true // the first block of a page may carry on a paragraph
	flush := func() {
		if len(block) > 0 {
			rows = append(rows, p.blockRow(block, tmpl, continues))
			block = block[:0]
		}
	}
	for i := p.first; i < len(p.lines); i++ {
		switch {
		case len(p.frags[i]) == 0:
			flush()
			continues = false
		case isPageNumber(p.frags[i]):
		default:
			if len(block) > 0 && headerLike(p.frags[block[0]]) && !headerLike(p.frags[i]) {
				flush()
				continues = true
			}
			block = append(block, i)
		}
	}
	flush()
	return rows
}

// blockRow makes one table row of a block of lines: each fragment goes to
// the column it starts in, and a column's fragments join with spaces.
func (p *page) blockRow(block []int, tmpl *page, continues bool) hesabat.Row {
	n := len(tmpl.starts)
	first := p.lines[block[0]]
	row := hesabat.Row{InTable: true, Page: first.page, Offset: first.offset}
	if len(block) == 1 && len(p.frags[block[0]]) == 1 && p.column(p.frags[block[0]][0].col, tmpl) == 0 && n > 1 {
		// One run of text from the left edge: a section across the table.
		row.Cells = []hesabat.Cell{{Paras: []string{p.frags[block[0]][0].text}, Span: n}}
		return row
	}
	texts := make([]string, n)
	for _, i := range block {
		for _, f := range p.frags[i] {
			for _, piece := range p.split(f) {
				c := p.column(piece.col, tmpl)
				texts[c] = hesabat.JoinText(texts[c], piece.text)
			}
		}
	}
	for _, t := range texts {
		c := hesabat.Cell{Continues: continues}
		if t != "" {
			c.Paras = []string{t}
		}
		row.Cells = append(row.Cells, c)
	}
	return row
}

// split cuts a fragment where one of its words starts at a column of the
// page: "1.6. sahədə" is a number and the start of a title, set one
// space apart.
func (p *page) split(f fragment) []fragment {
	var out []fragment
	start, col := 0, f.col
	for i, r := range f.text {
		if r == ' ' && i+1 < len(f.text) {
			next := col + 1
			for _, s := range p.starts {
				if next >= s-1 && next <= s+1 && next-1 > f.col && i > start {
					out = append(out, fragment{f.col + utf8.RuneCountInString(f.text[:start]), f.text[start:i]})
					start = i + 1
					break
				}
			}
		}
		col++
	}
	return append(out, fragment{f.col + utf8.RuneCountInString(f.text[:start]), f.text[start:]})
}

// headerLike reports a line of short labels in two or more columns, as a
// table header is: no fragment has more than three words.
func headerLike(fs []fragment) bool {
	if len(fs) < 2 {
		return false
	}
	for _, f := range fs {
		if len(strings.Fields(f.text)) > 3 {
			return false
		}
	}
	return true
}

// isPageNumber reports a line that is only a page number ("3", "- 3 -").
func isPageNumber(fs []fragment) bool {
	if len(fs) != 1 {
		return false
	}
	t := strings.Trim(fs[0].text, "-–— ")
	if t == "" || len(t) > 4 {
		return false
	}
	for _, r := range t {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
