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
	"github.com/hesabat/hesabat/transform/facts"
)

// Build runs the transform steps over doc, in order: Normalize, Stitch,
// then fact extraction. It modifies doc's cells in place.
func Build(doc *hesabat.Document) (*hesabat.Report, error) {
	read := CountRead(doc) // before any step can lose text: see Report.Text
	Normalize(doc)
	r, err := Stitch(doc, read)
	if err != nil {
		return nil, err
	}
	for i := range r.Measures {
		facts.ForMeasure(&r.Measures[i])
	}
	return r, nil
}

// Normalize puts every paragraph of every cell through aztext.NormalizeDoc,
// which decides once for the whole document whether it is Azerbaijani (so
// that a lone "mütämadi" in a Windows-1254 report is repaired too), and
// keeps the text as extracted in Cell.Raw. Paragraphs that normalise to
// nothing are dropped. A document already normalised is left alone.
func Normalize(doc *hesabat.Document) {
	var fields []string
	for _, row := range doc.Rows {
		for _, c := range row.Cells {
			if c.Raw != nil {
				return // already normalised
			}
			fields = append(fields, c.Paras...)
		}
	}
	norm := aztext.NormalizeDoc(fields)
	for i := range doc.Rows {
		cells := doc.Rows[i].Cells
		for j := range cells {
			c := &cells[j]
			raw, paras := c.Paras, norm[:len(c.Paras)]
			norm = norm[len(c.Paras):]
			c.Raw, c.Paras = make([]string, 0, len(raw)), make([]string, 0, len(raw))
			for k, p := range paras {
				if p != "" {
					c.Paras = append(c.Paras, p)
					c.Raw = append(c.Raw, raw[k])
				}
			}
		}
	}
}
