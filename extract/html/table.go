package html

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/hesabat/hesabat"
)

// section is a table's row group: its rows, and whether they are header
// rows (<thead>).
type section struct {
	rows   []*html.Node
	header bool
}

// sections returns t's row groups in display order: <thead>, then the
// bodies and rows outside any group, then <tfoot>.
func sections(t *html.Node) []section {
	var head, body, foot []section
	var loose []*html.Node
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Tr:
			loose = append(loose, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			if len(loose) > 0 {
				body = append(body, section{rows: loose})
				loose = nil
			}
			s := section{rows: children(c, atom.Tr), header: c.DataAtom == atom.Thead}
			switch c.DataAtom {
			case atom.Thead:
				head = append(head, s)
			case atom.Tfoot:
				foot = append(foot, s)
			default:
				body = append(body, s)
			}
		}
	}
	if len(loose) > 0 {
		body = append(body, section{rows: loose})
	}
	return append(append(head, body...), foot...)
}

// children returns n's element children of kind a (any cell for atom.Td).
func children(n *html.Node, a atom.Atom) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == a || (a == atom.Td && c.DataAtom == atom.Th)) {
			out = append(out, c)
		}
	}
	return out
}

// tableStats is what pick weighs of one table.
type tableStats struct {
	n                     *html.Node
	numbered, rows, width int
}

// pick returns the measure tables. The first is the table with the most
// rows whose first non-empty cell is a measure number, then with the most
// rows; the others are tables as wide (in grid columns) with numbered rows
// too, neither inside nor around a table taken: the pieces of a table that
// the page splits, each with its own header (a document saved as a web
// page splits its tables at page breaks). None when the page has no table.
func (w *walker) pick(root *html.Node) map[*html.Node]bool {
	var tables []tableStats
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && skipped[n.DataAtom] {
			continue
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			tables = append(tables, stats(n))
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	if len(tables) == 0 {
		return nil
	}
	best := tables[0]
	for _, t := range tables[1:] {
		if t.numbered > best.numbered || (t.numbered == best.numbered && t.rows > best.rows) {
			best = t
		}
	}
	taken := map[*html.Node]bool{best.n: true}
	for _, t := range tables {
		if t.n == best.n || t.numbered == 0 || t.width != best.width || within(t.n, taken) || within(best.n, map[*html.Node]bool{t.n: true}) {
			continue
		}
		taken[t.n] = true
	}
	return taken
}

// stats counts a table's rows, its numbered rows and its width.
func stats(t *html.Node) tableStats {
	st := tableStats{n: t}
	for _, s := range sections(t) {
		for _, r := range s.rows {
			st.rows++
			width, first := 0, true
			for _, c := range children(r, atom.Td) {
				width += spanAttr(c, "colspan", maxSpan)
				if !first {
					continue
				}
				// A number is the cell's text, or the number of an <ol>
				// item that the cell starts with.
				if text := textOf(c); text != "" || numberedList(c) {
					first = false
					if _, ok := hesabat.MeasureNumber(text); ok || text == "" {
						st.numbered++
					}
				}
			}
			st.width = max(st.width, width)
		}
	}
	return st
}

// numberedList reports whether n holds an <ol> item.
func numberedList(n *html.Node) bool {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && n.DataAtom == atom.Li && n.Parent != nil && n.Parent.DataAtom == atom.Ol {
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return false
}

// within reports whether an ancestor of n is in set.
func within(n *html.Node, set map[*html.Node]bool) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if set[p] {
			return true
		}
	}
	return false
}

// textOf returns the text of n, white space collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			continue
		case n.Type == html.ElementNode && skipped[n.DataAtom]:
			continue
		case n.Type == html.ElementNode && !inline[n.DataAtom]:
			b.WriteByte(' ')
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// spanAttr reads a colspan or rowspan: def when absent or junk, clamped to
// [1, hi]; rowspan="0" (to the end of the row group) is hi.
func spanAttr(n *html.Node, key string, hi int) int {
	for _, a := range n.Attr {
		if a.Key == key {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			switch {
			case err != nil || v < 0:
				return 1
			case v == 0 && key == "rowspan":
				return hi
			case v == 0:
				return 1
			}
			return min(v, hi)
		}
	}
	return 1
}

// vspan is a rowspan running down from a row above: rows it still covers,
// and its width.
type vspan struct{ rows, span int }

// table emits the rows of the measure table t.
func (w *walker) table(t *html.Node, depth int) error {
	cells := 0
	for _, s := range sections(t) {
		below := map[int]vspan{} // grid column -> rowspan covering it
		for _, tr := range s.rows {
			row := hesabat.Row{InTable: true, Header: s.header, Page: 1, Offset: -1}
			col := 0
			// cover adds the empty cells that rowspans from above put at col.
			cover := func() {
				for {
					v, ok := below[col]
					if !ok {
						return
					}
					row.Cells = append(row.Cells, hesabat.Cell{Span: v.span})
					delete(below, col)
					if v.rows > 1 {
						below[col] = vspan{v.rows - 1, v.span}
					}
					col += v.span
				}
			}
			for _, td := range children(tr, atom.Td) {
				cover()
				if cells++; cells > maxCells {
					return fmt.Errorf("%w: a table of more than %d cells", hesabat.ErrTooLarge, maxCells)
				}
				var paras []string
				w.out = &paras
				err := w.block(td, depth+1)
				w.flush()
				w.out = nil
				if err != nil {
					return err
				}
				span := spanAttr(td, "colspan", maxSpan)
				if rows := spanAttr(td, "rowspan", maxRows); rows > 1 {
					below[col] = vspan{rows - 1, span}
				}
				row.Cells = append(row.Cells, hesabat.Cell{Paras: paras, Span: span})
				col += span
			}
			// Rowspans past the row's last cell.
			for len(below) > 0 {
				next := -1
				for c := range below {
					if c >= col && (next < 0 || c < next) {
						next = c
					}
				}
				if next < 0 {
					break
				}
				if next > col {
					row.Cells = append(row.Cells, hesabat.Cell{Span: next - col})
					col = next
				}
				cover()
			}
			if len(row.Cells) > 0 {
				w.doc.Rows = append(w.doc.Rows, row)
			}
		}
	}
	return nil
}
