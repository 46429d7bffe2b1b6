package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

// BenchmarkIngest ingests the corpus PDFs into a fresh database in this
// process, with --workers = GOMAXPROCS, in pages per second: the work of
// the ingest row of make bench's table (internal/benchtable runs the built
// binary), here where a CPU profile sees it:
//
//	make profile
func BenchmarkIngest(b *testing.B) {
	pages := 0
	for b.Loop() {
		var out bytes.Buffer
		args := []string{"ingest", "--db", filepath.Join(b.TempDir(), "bench.db"), "--json",
			"--workers", strconv.Itoa(runtime.GOMAXPROCS(0)), "../../fixtures/corpus/pdf"}
		if code := run(context.Background(), args, stdio{out: &out, err: os.Stderr}); code != exitOK {
			b.Fatalf("exit %d", code)
		}
		var s summary
		if err := json.Unmarshal(out.Bytes(), &s); err != nil {
			b.Fatal(err)
		}
		pages += s.Pages
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}
