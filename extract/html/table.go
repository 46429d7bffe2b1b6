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

// pick returns the measure table: the table with the most rows whose
// first non-empty cell is a measure number, then with the most rows, then
// the first; nil when the page has no table.
func (w *walker) pick(root *html.Node) *html.Node {
	var best *html.Node
	bestNumbered, bestRows := -1, -1
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && skipped[n.DataAtom] {
			continue
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			numbered, rows := 0, 0
			for _, s := range sections(n) {
				for _, r := range s.rows {
					rows++
					for _, c := range children(r, atom.Td) {
						if t := textOf(c); t != "" {
							if _, ok := hesabat.MeasureNumber(t); ok {
								numbered++
							}
							break
						}
					}
				}
			}
			if numbered > bestNumbered || (numbered == bestNumbered && rows > bestRows) {
				best, bestNumbered, bestRows = n, numbered, rows
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return best
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
