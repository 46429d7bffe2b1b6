package txt

import (
	"strings"
	"unicode/utf8"

	"github.com/hesabat/hesabat"
)

// The space layout is what `pdftotext -layout` writes: each table row is a
// block of lines, separated from the next by a blank line; the columns are
// runs of text between gutters, runs of blank positions that go down the
// whole page. Each page finds its own gutters, since page scale varies.
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

// spaceRows reads the space layout page by page.
func spaceRows(lines []line) []hesabat.Row {
	var rows []hesabat.Row
	for start := 0; start < len(lines); {
		end := start
		for end < len(lines) && lines[end].page == lines[start].page {
			end++
		}
		rows = append(rows, pageRows(lines[start:end])...)
		start = end
	}
	return rows
}

// pageRows reads one page: lines before the first line with two or more
// fragments are paragraphs; from there on, blocks of lines are table rows.
func pageRows(lines []line) []hesabat.Row {
	frags := make([][]fragment, len(lines))
	first := -1
	for i, l := range lines {
		frags[i] = fragments(l.text)
		if first < 0 && len(frags[i]) >= 2 {
			first = i
		}
	}
	if first < 0 {
		return tabRows(lines) // no columns: paragraphs only
	}
	rows := tabRows(lines[:first])
	starts := columnStarts(lines[first:])
	var block []int
	continues := true // the first block of a page may carry on a paragraph
	flush := func() {
		if len(block) > 0 {
			rows = append(rows, blockRow(lines, frags, block, starts, continues))
			block = block[:0]
		}
	}
	for i := first; i < len(lines); i++ {
		switch {
		case len(frags[i]) == 0:
			flush()
			continues = false
		case isPageNumber(frags[i]):
		default:
			if len(block) > 0 && headerLike(frags[block[0]]) && !headerLike(frags[i]) {
				flush()
				continues = true
			}
			block = append(block, i)
		}
	}
	flush()
	return rows
}

// columnStarts finds where the columns of a page start: after each gutter,
// a run of rune positions blank on every line that holds two or more
// fragments. The first column starts at 0.
func columnStarts(lines []line) []int {
	width := 0
	for _, l := range lines {
		width = max(width, utf8.RuneCountInString(l.text))
	}
	used := make([]bool, width+1)
	for _, l := range lines {
		if len(fragments(l.text)) < 2 {
			continue // a lone fragment may run across gutters (a section)
		}
		col := 0
		for _, r := range l.text {
			if r != ' ' {
				used[col] = true
			}
			col++
		}
	}
	starts := []int{0}
	for c := 1; c < len(used); c++ {
		if used[c] && !used[c-1] {
			gap := 0
			for g := c - 1; g >= 0 && !used[g]; g-- {
				gap++
			}
			if gap >= 2 {
				starts = append(starts, c)
			}
		}
	}
	return starts
}

// blockRow makes one table row of a block of lines: each fragment goes to
// the column it starts in, and a column's fragments join with spaces.
func blockRow(lines []line, frags [][]fragment, block []int, starts []int, continues bool) hesabat.Row {
	texts := make([][]string, len(starts))
	for _, i := range block {
		for _, f := range frags[i] {
			c := len(starts) - 1
			for c > 0 && f.col < starts[c] {
				c--
			}
			texts[c] = append(texts[c], f.text)
		}
	}
	first := lines[block[0]]
	row := hesabat.Row{InTable: true, Page: first.page, Offset: first.offset}
	nonEmpty := 0
	for _, t := range texts {
		if len(t) > 0 {
			nonEmpty++
		}
	}
	if nonEmpty == 1 && len(frags[block[0]]) == 1 && len(starts) > 1 && frags[block[0]][0].col < starts[1] {
		// One run of text from the left edge: a section across the table.
		for _, t := range texts {
			if len(t) > 0 {
				row.Cells = []hesabat.Cell{{Paras: []string{strings.Join(t, " ")}, Span: len(starts)}}
			}
		}
		return row
	}
	for _, t := range texts {
		c := hesabat.Cell{Continues: continues}
		if len(t) > 0 {
			c.Paras = []string{strings.Join(t, " ")}
		}
		row.Cells = append(row.Cells, c)
	}
	return row
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
