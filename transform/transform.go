// Package transform turns an extracted hesabat.Document into a
// hesabat.Report: it normalises every text field (package aztext), stitches
// rows into measures with one format-independent stitcher, and finds the
// numeric facts in each measure's work-done text (package facts).
//
// All functions are synchronous and safe for concurrent use on distinct
// documents.
package transform

import (
	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
)

// Build runs the transform steps over doc, in order: Normalize, Stitch,
// then fact extraction. It modifies doc's cells in place.
func Build(doc *hesabat.Document) (*hesabat.Report, error) {
	Normalize(doc)
	r, err := Stitch(doc)
	if err != nil {
		return nil, err
	}
	return r, nil
}

// Normalize puts every paragraph of every cell through aztext.Normalize,
// keeping the text as extracted in Cell.Raw. Paragraphs that normalise to
// nothing are dropped.
func Normalize(doc *hesabat.Document) {
	for i := range doc.Rows {
		cells := doc.Rows[i].Cells
		for j := range cells {
			c := &cells[j]
			if c.Raw != nil {
				continue // already normalised
			}
			c.Raw = make([]string, 0, len(c.Paras))
			norm := c.Paras[:0:0]
			for _, p := range c.Paras {
				if n := aztext.Normalize(p); n != "" {
					norm = append(norm, n)
					c.Raw = append(c.Raw, p)
				}
			}
			c.Paras = norm
		}
	}
}
