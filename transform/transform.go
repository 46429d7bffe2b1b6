// Package transform turns an extracted hesabat.Document into a
// hesabat.Report: it rebuilds rows from positioned words with the one
// layout engine (package layout), normalises every text field (package
// aztext), stitches rows into measures with one format-independent
// stitcher, and finds the numeric facts in each measure's work-done text
// (package facts).
//
// All functions are synchronous and safe for concurrent use on distinct
// documents.
package transform

import (
	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
	"github.com/hesabat/hesabat/transform/facts"
	"github.com/hesabat/hesabat/transform/layout"
)

// Build runs the transform steps over doc, in order: the text account of
// what was read, RepairOCR, Layout, Normalize, Stitch,
// dropUnsureNumbers, then fact extraction. It
// modifies doc in place. A panic in these steps is a bug, returned as an
// error wrapping hesabat.ErrInternal.
func Build(doc *hesabat.Document) (r *hesabat.Report, err error) {
	defer func() {
		if v := recover(); v != nil {
			r, err = nil, hesabat.Bug(doc.Source.Path, v)
		}
	}()
	read := CountRead(doc) // before any step can lose text: see Report.Text
	RepairOCR(doc)
	Layout(doc)
	counted := normalize(doc)
	r, err = newStitcher(doc, counted).run(read)
	if err != nil {
		return nil, err
	}
	dropUnsureNumbers(r)
	for i := range r.Measures {
		facts.ForMeasure(&r.Measures[i])
	}
	return r, nil
}

// Layout rebuilds the rows of doc's pages (doc.Layout) with the layout
// engine, appending them to doc.Rows, their furniture to doc.Furniture
// and the engine's warnings to doc.Warnings; call it once per document.
// doc.Layout stays, for the text accounting. It runs before Normalize, on
// the words as extracted, so that Normalize keeps each cell's raw text in
// Cell.Raw (the engine's decisions rest on positions, digits and
// punctuation, which normalisation does not change).
func Layout(doc *hesabat.Document) {
	if len(doc.Layout) == 0 {
		return
	}
	rows, furniture, warnings := layout.Rows(doc.Layout)
	doc.Rows = append(doc.Rows, rows...)
	doc.Furniture = append(doc.Furniture, furniture...)
	doc.Warnings = append(doc.Warnings, warnings...)
}

// Normalize puts every paragraph of every cell through aztext.NormalizeDoc,
// which decides once for the whole document whether it is Azerbaijani (so
// that a lone "mütämadi" in a Windows-1254 report is repaired too), and
// keeps the text as extracted in Cell.Raw. Paragraphs that normalise to
// nothing are dropped. Furniture text is normalised alike (its raw form is
// not kept). A document already normalised is left alone.
func Normalize(doc *hesabat.Document) {
	normalize(doc)
}

// normalize is Normalize that returns the texts it made with the count
// of each one's non-space runes (aztext.NonSpace), which NormalizeDocCount
// found: the text accounting need not count them again. It returns nil
// when doc was normalised already.
func normalize(doc *hesabat.Document) (counted map[string]int) {
	var fields []string
	for _, row := range doc.Rows {
		for _, c := range row.Cells {
			if c.Raw != nil {
				return nil // already normalised
			}
			fields = append(fields, c.Paras...)
		}
	}
	for _, f := range doc.Furniture {
		fields = append(fields, f.Text)
	}
	norm, counts := aztext.NormalizeDocCount(fields)
	counted = make(map[string]int, len(norm))
	for i, t := range norm {
		counted[t] = counts[i]
	}
	// Each cell's Raw and Paras are carved from one array, each with the
	// room of the cell's paragraphs as read (a cell appending more gets
	// an array of its own).
	slab := make([]string, 2*(len(norm)-len(doc.Furniture)))
	for i := range doc.Rows {
		cells := doc.Rows[i].Cells
		for j := range cells {
			c := &cells[j]
			raw, paras := c.Paras, norm[:len(c.Paras)]
			norm = norm[len(c.Paras):]
			n := len(raw)
			c.Raw, c.Paras, slab = slab[0:0:n], slab[n:n:2*n], slab[2*n:]
			for k, p := range paras {
				if p != "" {
					c.Paras = append(c.Paras, p)
					c.Raw = append(c.Raw, raw[k])
				}
			}
		}
	}
	for i := range doc.Furniture {
		doc.Furniture[i].Text, norm = norm[0], norm[1:]
	}
	return counted
}
