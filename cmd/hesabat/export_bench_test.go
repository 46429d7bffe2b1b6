package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/load"
)

// benchMeasures is the size of the database BenchmarkExport exports.
const benchMeasures = 100_000

// bigDB builds, once per benchmark run, a database of benchMeasures
// measures: 1,000 reports of 100 measures, each with two paragraphs of
// work done and two facts.
var bigDB = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "hesabat-bench-")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "big.db")
	db, err := load.Open(path)
	if err != nil {
		return "", err
	}
	defer db.Close()
	db.KeepAll = true // every report current: 100,000 measures in the views
	ctx := context.Background()
	per := 100
	for r := 0; r < benchMeasures/per; r++ {
		year := 2020 + r%3
		rep := &hesabat.Report{
			Source: fmt.Sprintf("bench/r%04d.pdf", r), Format: hesabat.PDF,
			SHA256: fmt.Sprintf("%064x", r+1), Pages: 40,
			Title: "Hesabat", Agency: fmt.Sprintf("Agentlik %d", r%50), Year: &year,
			Plan: hesabat.Plan{Title: "Açıq hökumətin təşviqinə dair Milli Fəaliyyət Planı"},
		}
		for m := 0; m < per; m++ {
			v, w := float64(m*7), float64(m)*1.5
			work := fmt.Sprintf("Hesabat dövründə %d iclas keçirilmiş, %d elektron arayış verilmiş və 3,5 milyon manat vəsait xərclənmişdir. ", m*7, m) +
				"Dövlət Statistika Komitəsinin internet səhifəsində məlumatlar mütəmadi yerləşdirilmişdir.\nİclaslarda müzakirə olunan məsələlər üzrə müvafiq qərarlar qəbul edilmişdir."
			rep.Measures = append(rep.Measures, hesabat.Measure{
				Number: fmt.Sprintf("%d.%d", m/10+1, m%10+1), Title: "Dövlət xidmətlərinin göstərilməsində səmərəliliyin artırılması",
				Term:       hesabat.Term{Raw: "2020-2022"},
				Paragraphs: []string{work}, WorkDone: work, Pages: [2]int{m/3 + 1, m/3 + 1}, Offset: -1,
				Facts: []hesabat.Fact{
					{Kind: hesabat.Quantity, Value: &v, Unit: "iclas", Text: "iclas", Start: 0, End: 5},
					{Kind: hesabat.Money, Value: &w, Currency: "AZN", Text: "manat", Start: 6, End: 11},
				},
			})
		}
		if _, err := db.SaveReport(ctx, rep); err != nil {
			return "", err
		}
	}
	return path, nil
})

// peakHeap samples the heap in use until stop is closed and returns its
// largest value, in MB.
func peakHeap(stop <-chan struct{}) <-chan float64 {
	out := make(chan float64, 1)
	go func() {
		var peak uint64
		var ms runtime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-stop:
				out <- float64(peak) / (1 << 20)
				return
			case <-tick.C:
			}
		}
	}()
	return out
}

// BenchmarkExport exports the current measures of a 100,000-measure
// database in each format, reporting rows/s and the peak heap, beside
// Debian's sqlite3 shell writing the same view as CSV (the baseline, in the
// same run, where installed).
func BenchmarkExport(b *testing.B) {
	path, err := bigDB()
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range []string{"csv", "jsonl", "xlsx"} {
		b.Run(format, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "out."+format)
			runtime.GC()
			stop := make(chan struct{})
			peak := peakHeap(stop)
			b.ResetTimer()
			for range b.N {
				if code := run(context.Background(), []string{"export", "--db", path, "--format", format, "--out", out}, stdio{out: io.Discard, err: os.Stderr}); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
			b.StopTimer()
			close(stop)
			b.ReportMetric(float64(benchMeasures*b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(<-peak, "peak-heap-MB")
		})
	}
	b.Run("sqlite3-shell-csv", func(b *testing.B) {
		if _, err := exec.LookPath("sqlite3"); err != nil {
			b.Skip("sqlite3 shell not installed (apt-get install sqlite3)")
		}
		for range b.N {
			cmd := exec.Command("sqlite3", "-csv", "-header", path, "SELECT * FROM current_measures")
			cmd.Stdout = io.Discard
			if err := cmd.Run(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(benchMeasures*b.N)/b.Elapsed().Seconds(), "rows/s")
	})
}
