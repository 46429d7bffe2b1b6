package layout

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/pdf"
)

// BenchmarkRows measures the layout engine alone over the pages of the
// corpus PDFs in fixtures/ (read once, before the timer), in pages per
// second. Rows leaves its pages as they were, so each pass reads the same.
//
//	go test ./transform/layout -run '^$' -bench Rows -cpu 1
func BenchmarkRows(b *testing.B) {
	paths, _ := filepath.Glob("../../fixtures/corpus/pdf/*.pdf")
	if len(paths) == 0 {
		b.Fatal("no PDFs in fixtures/corpus/pdf")
	}
	x, err := pdf.New(pdf.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	var docs [][]hesabat.Page
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		src := hesabat.Source{Path: p, Format: hesabat.PDF, Size: int64(len(data))}
		doc, err := x.Extract(context.Background(), src, bytes.NewReader(data), int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc.Layout)
	}
	pages := 0
	t0 := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			Rows(d)
			pages += len(d)
		}
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(pages)/(cpuTime()-t0).Seconds(), "pages/cpu-s")
}

// cpuTime returns the CPU time the process has used, user and system:
// steadier than wall time on a busy machine.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
