package main

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/load"
)

// BenchmarkSaveCorpus stores the reports made from the corpus PDFs into a
// fresh database, one SaveReport each, as ingest's single writer does:
// the load stage alone (the reports are made before the timer starts), to
// set beside BenchmarkIngest's pages/s. While it is well above, the writer
// is not what holds ingest back.
func BenchmarkSaveCorpus(b *testing.B) {
	p, err := newPipeline(limits{workers: 1, timeout: time.Minute, maxFile: 1 << 30, maxPages: 2000,
		maxDOCX: 1 << 28, maxRatio: 100, ocr: "off", pdfEngine: "auto"})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	paths, err := filepath.Glob("../../fixtures/corpus/pdf/*.pdf")
	if err != nil || len(paths) == 0 {
		b.Fatalf("no corpus PDFs: %v", err)
	}
	var reports []*hesabat.Report
	pages, measures := 0, 0
	for _, path := range paths {
		in, err := read(path, 1<<30)
		if err != nil {
			b.Fatal(err)
		}
		r, err := p.report(context.Background(), in)
		if err != nil {
			b.Fatal(err)
		}
		reports = append(reports, r)
		pages += r.Pages
		measures += len(r.Measures)
	}
	b.ResetTimer()
	for i := range b.N {
		db, err := load.Open(filepath.Join(b.TempDir(), fmt.Sprint(i, ".db")))
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range reports {
			if _, err := db.SaveReport(context.Background(), r); err != nil {
				b.Fatal(err)
			}
		}
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(measures*b.N)/b.Elapsed().Seconds(), "measures/s")
}
