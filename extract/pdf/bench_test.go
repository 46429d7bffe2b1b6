package pdf

import (
	"bytes"
	"io"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// benchFiles are the PDFs the benchmarks read: the corpus in fixtures/.
func benchFiles(b *testing.B) (paths []string, data [][]byte) {
	paths, _ = filepath.Glob("../../fixtures/corpus/pdf/*.pdf")
	if len(paths) == 0 {
		b.Fatal("no PDFs in fixtures/corpus/pdf")
	}
	for _, p := range paths {
		data = append(data, readFile(b, p))
	}
	return paths, data
}

// BenchmarkExtract measures extraction (text, rules and rows rebuilt) over
// the corpus PDFs, one document at a time, in pages per second, with each
// engine: "go" the Go reader alone, "pdfium" PDFium alone (started before
// the timer), "auto" the default; pdftotext -layout over the same files is
// the baseline. The "go" and "auto" runs report the share of pages PDFium
// read (pdfium-share).
//
//	go test ./extract/pdf -run '^$' -bench Extract -benchtime 1x -cpu 1
func BenchmarkExtract(b *testing.B) {
	paths, data := benchFiles(b)
	for _, engine := range []string{EngineGo, EngineAuto} {
		b.Run(engine, func(b *testing.B) {
			e, err := New(Options{Engine: engine})
			if err != nil {
				b.Fatal(err)
			}
			defer e.Close()
			pages := 0
			cpu := cpuSeconds()
			for b.Loop() {
				for i, d := range data {
					doc, err := extractBytes(b, e, paths[i], d)
					if err != nil {
						b.Fatal(err)
					}
					pages += doc.Pages
				}
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
			b.ReportMetric(float64(pages)/(cpuSeconds()-cpu), "pages/CPU-s")
			goPages, pdfiumPages := e.PagesRead()
			b.ReportMetric(float64(pdfiumPages)/float64(max(1, goPages+pdfiumPages)), "pdfium-share")
		})
	}
	b.Run("pdfium", func(b *testing.B) {
		e, err := New(Options{Engine: EnginePDFium})
		if err != nil {
			b.Fatal(err)
		}
		defer e.Close()
		e.once.Do(e.start)
		pages := 0
		b.ResetTimer()
		for b.Loop() {
			for i, d := range data {
				doc, err := extractBytes(b, e, paths[i], d)
				if err != nil {
					b.Fatal(err)
				}
				pages += doc.Pages
			}
		}
		b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
	})
	b.Run("pdftotext", func(b *testing.B) {
		bin, err := exec.LookPath("pdftotext")
		if err != nil {
			b.Skip("pdftotext not installed (apt-get install poppler-utils)")
		}
		pages := 0
		counts := pageCounts(b, paths)
		for b.Loop() {
			for i, p := range paths {
				cmd := exec.Command(bin, "-layout", p, "-")
				cmd.Stdout = io.Discard
				if err := cmd.Run(); err != nil {
					b.Fatalf("pdftotext %s: %v", p, err)
				}
				pages += counts[i]
			}
		}
		b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
	})
}

// pageCounts returns each file's page count, from PDFium.
func pageCounts(b *testing.B, paths []string) []int {
	e := extractor(b)
	counts := make([]int, len(paths))
	for i, p := range paths {
		doc, err := extractBytes(b, e, p, readFile(b, p))
		if err != nil {
			b.Fatal(err)
		}
		counts[i] = doc.Pages
	}
	return counts
}

// BenchmarkStartup measures a new Extractor reading the seed: "go" with
// the Go reader (PDFium never starts), "cold" starting PDFium by compiling
// the WebAssembly module, "cached" loading it from a warm compilation
// cache.
func BenchmarkStartup(b *testing.B) {
	seed := readFile(b, "../../testdata/seed/seed.pdf")
	b.Run("go", func(b *testing.B) {
		for b.Loop() {
			e, err := New(Options{CacheDir: "-"})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := extractBytes(b, e, "seed.pdf", bytes.Clone(seed)); err != nil {
				b.Fatal(err)
			}
			if e.pool != nil {
				b.Fatal("PDFium started")
			}
			e.Close()
		}
	})
	run := func(b *testing.B, dir string) {
		for b.Loop() {
			e, err := New(Options{CacheDir: dir, Engine: EnginePDFium})
			if err != nil {
				b.Fatal(err)
			}
			t0 := time.Now()
			e.once.Do(e.start)
			if e.initErr != nil {
				b.Fatal(e.initErr)
			}
			start := time.Since(t0)
			if _, err := extractBytes(b, e, "seed.pdf", bytes.Clone(seed)); err != nil {
				b.Fatal(err)
			}
			e.Close()
			b.ReportMetric(start.Seconds(), "s/start")
		}
	}
	b.Run("cold", func(b *testing.B) { run(b, "-") })
	b.Run("cached", func(b *testing.B) {
		dir := b.TempDir()
		e, _ := New(Options{CacheDir: dir, Engine: EnginePDFium})
		e.once.Do(e.start) // fills the cache
		e.Close()
		b.ResetTimer()
		run(b, dir)
	})
}

// BenchmarkRead measures the readers alone, glyphs and rules without the
// layout, over the corpus PDFs in pages per second: the stage the engines
// differ in.
func BenchmarkRead(b *testing.B) {
	_, data := benchFiles(b)
	b.Run("go", func(b *testing.B) {
		pages := 0
		var chars []glyph // reused page after page, as extractGo does
		cpu := cpuSeconds()
		for b.Loop() {
			for _, d := range data {
				gd, err := openGo(d)
				if err != nil {
					b.Fatal(err)
				}
				for i := range gd.Pages {
					p, err := readGoPage(gd, i, chars)
					if err != nil {
						b.Fatal(err)
					}
					chars = p.chars
					pages++
				}
				gd.Close()
			}
		}
		b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
		b.ReportMetric(float64(pages)/(cpuSeconds()-cpu), "pages/CPU-s")
	})
	b.Run("pdfium", func(b *testing.B) {
		e, err := New(Options{Engine: EnginePDFium})
		if err != nil {
			b.Fatal(err)
		}
		defer e.Close()
		e.once.Do(e.start)
		pages := 0
		b.ResetTimer()
		for b.Loop() {
			for _, d := range data {
				ps, _, err := pdfiumPages(e, "bench.pdf", d, -1)
				pages += len(ps)
				if err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
	})
}

// cpuSeconds returns the CPU time the process has used, all threads (the
// collector's too): on a machine shared with other work, pages per
// CPU-second compare runs that wall time cannot.
func cpuSeconds() float64 {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano()).Seconds()
}
