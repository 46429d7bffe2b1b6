package transform

import (
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/internal/corpus"
)

// BenchmarkBuild measures Build (layout engine, normalisation, stitching,
// facts, text accounting) over the corpus PDFs in fixtures/, in pages per
// second of wall and of CPU time. The PDFs are read once before the timer; each pass builds from a
// fresh copy of the documents (copied with the timer stopped), since Build
// changes its document.
//
//	go test ./transform -run '^$' -bench Build -cpu 1 -cpuprofile cpu.out
func BenchmarkBuild(b *testing.B) {
	docs := corpus.Docs(b, "../fixtures/corpus/pdf")
	pages := 0
	var cpu time.Duration // CPU time of the builds alone: steadier than wall time on a busy machine
	for b.Loop() {
		b.StopTimer()
		fresh := make([]*hesabat.Document, len(docs))
		for i, d := range docs {
			fresh[i] = cloneDoc(d)
		}
		runtime.GC() // the copies' garbage is not the builds' to collect
		b.StartTimer()
		t0 := corpus.CPUTime()
		for _, d := range fresh {
			if _, err := Build(d); err != nil {
				b.Fatal(err)
			}
			pages += d.Pages
		}
		cpu += corpus.CPUTime() - t0
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(pages)/cpu.Seconds(), "pages/cpu-s")
}

// cloneDoc copies d deeply enough that Build on the copy leaves d as it was.
func cloneDoc(d *hesabat.Document) *hesabat.Document {
	c := *d
	c.Rows = slices.Clone(d.Rows)
	for i := range c.Rows {
		c.Rows[i].Cells = slices.Clone(c.Rows[i].Cells)
		for j := range c.Rows[i].Cells {
			cell := &c.Rows[i].Cells[j]
			cell.Paras, cell.Raw = slices.Clone(cell.Paras), slices.Clone(cell.Raw)
		}
	}
	c.Layout = slices.Clone(d.Layout)
	for i := range c.Layout {
		p := &c.Layout[i]
		p.Words, p.Rules, p.LineOffsets = slices.Clone(p.Words), slices.Clone(p.Rules), slices.Clone(p.LineOffsets)
	}
	c.Furniture, c.Warnings = slices.Clone(d.Furniture), slices.Clone(d.Warnings)
	return &c
}
