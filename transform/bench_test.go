package transform

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/pdf"
)

// BenchmarkBuild measures Build (layout engine, normalisation, stitching,
// facts, text accounting) over the corpus PDFs in fixtures/, in pages per
// second. The PDFs are read once before the timer; each pass builds from a
// fresh copy of the documents (copied with the timer stopped), since Build
// changes its document.
//
//	go test ./transform -run '^$' -bench Build -cpu 1 -cpuprofile cpu.out
func BenchmarkBuild(b *testing.B) {
	paths, _ := filepath.Glob("../fixtures/corpus/pdf/*.pdf")
	if len(paths) == 0 {
		b.Fatal("no PDFs in fixtures/corpus/pdf")
	}
	x, err := pdf.New(pdf.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	docs := make([]*hesabat.Document, len(paths))
	for i, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		src := hesabat.Source{Path: p, Format: hesabat.PDF, Size: int64(len(data))}
		if docs[i], err = x.Extract(context.Background(), src, bytes.NewReader(data), int64(len(data))); err != nil {
			b.Fatal(err)
		}
	}
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
		t0 := cpuTime()
		for _, d := range fresh {
			if _, err := Build(d); err != nil {
				b.Fatal(err)
			}
			pages += d.Pages
		}
		cpu += cpuTime() - t0
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(pages)/cpu.Seconds(), "pages/cpu-s")
}

// cpuTime returns the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
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
