// Package doccheck holds what the extractors' tests share: a check of the
// invariants every Document must keep, for fuzz targets, and a compact
// print of rows, for table tests.
package doccheck

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hesabat/hesabat"
)

// Sane returns the first broken invariant of doc, nil when none is: rows
// on pages 1 to doc.Pages, spans of at least 1, paragraphs non-empty,
// trimmed, valid UTF-8.
func Sane(doc *hesabat.Document) error {
	for i, r := range doc.Rows {
		if r.Page < 1 || r.Page > doc.Pages {
			return fmt.Errorf("row %d on page %d of %d", i, r.Page, doc.Pages)
		}
		for _, c := range r.Cells {
			if c.Span < 1 {
				return fmt.Errorf("row %d: span %d", i, c.Span)
			}
			for _, p := range c.Paras {
				if !utf8.ValidString(p) || p == "" || strings.TrimSpace(p) != p {
					return fmt.Errorf("row %d: bad paragraph %q", i, p)
				}
			}
		}
	}
	return nil
}

// Show prints rows one line each: "T H p1 [2:a|b] [1:]" is a table row
// (T), marked header (H), on page 1, with a cell spanning two columns
// holding paragraphs a and b and an empty cell; "P p2 [1:text]" is a
// paragraph on page 2.
func Show(rows []hesabat.Row) []string {
	var out []string
	for _, r := range rows {
		var b strings.Builder
		if r.InTable {
			b.WriteString("T ")
		} else {
			b.WriteString("P ")
		}
		if r.Header {
			b.WriteString("H ")
		}
		fmt.Fprintf(&b, "p%d", r.Page)
		for _, c := range r.Cells {
			fmt.Fprintf(&b, " [%d:%s]", c.Columns(), strings.Join(c.Paras, "|"))
		}
		out = append(out, b.String())
	}
	return out
}
