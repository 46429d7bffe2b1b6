package layout

import (
	"testing"

	"github.com/hesabat/hesabat/transform/internal/corpus"
)

// BenchmarkRows measures the layout engine alone over the pages of the
// corpus PDFs in fixtures/ (read once, before the timer), in pages per
// second of wall and of CPU time. Rows leaves its pages as they were, so
// each pass reads the same.
//
//	go test ./transform/layout -run '^$' -bench Rows -cpu 1
func BenchmarkRows(b *testing.B) {
	docs := corpus.Docs(b, "../../fixtures/corpus/pdf")
	pages := 0
	t0 := corpus.CPUTime()
	for b.Loop() {
		for _, d := range docs {
			Rows(d.Layout)
			pages += len(d.Layout)
		}
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(pages)/(corpus.CPUTime()-t0).Seconds(), "pages/cpu-s")
}
