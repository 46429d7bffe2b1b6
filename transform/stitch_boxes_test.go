package transform

import (
	"slices"
	"testing"

	"github.com/hesabat/hesabat"
)

// A measure collects the boxes of its cells, from its first row and its
// continuation rows, and only the known ones.
func TestStitchBoxes(t *testing.T) {
	doc := table(header, "1.1. | Ad | 2020 | Bir", "1.2. | Ad | 2021 | İki", "#2", "~  |  |  | davamı")
	box := func(page int, x float64) hesabat.Box {
		return hesabat.Box{Page: page, X0: x, Y0: 10, X1: x + 5, Y1: 20}
	}
	// Rows: header, 1.1, 1.2, continuation of 1.2. Box the cells of 1.1
	// and 1.2 (not 1.2's title) and the continuation.
	for i := range doc.Rows[1].Cells {
		doc.Rows[1].Cells[i].Box = box(1, float64(100*i+1))
	}
	doc.Rows[2].Cells[0].Box = box(1, 7)
	doc.Rows[2].Cells[3].Box = box(1, 307)
	doc.Rows[3].Cells[3].Box = box(2, 308)
	r := stitched(t, doc)
	if len(r.Measures) != 2 {
		t.Fatalf("%d measures, want 2", len(r.Measures))
	}
	want := [][]hesabat.Box{
		{box(1, 1), box(1, 101), box(1, 201), box(1, 301)},
		{box(1, 7), box(1, 307), box(2, 308)},
	}
	for i, m := range r.Measures {
		if !slices.Equal(m.Boxes, want[i]) {
			t.Errorf("measure %s: boxes %v, want %v", m.Number, m.Boxes, want[i])
		}
	}
}
