//go:build linux || darwin

// Command benchtable measures hesabat on the corpus PDFs and prints one
// table, every figure from the same run, every ratio against a baseline
// measured in that run: pages/s of each stage in one goroutine (PDF read,
// transform, load), a full `hesabat ingest` with the built binary beside
// `pdftotext -layout` at the same parallelism, the ingest's peak RSS, the
// start-up of `hesabat extract` on one PDF (cold and warm compiled-module
// cache), and the corpus repeated to show time growing linearly and memory
// staying flat. Each row states its target and whether it is met; targets
// are shown, never asserted. `make bench` runs it:
//
//	go run -tags sqlite_fts5 ./cmd/hesabat/internal/benchtable -bin bin/hesabat
//
// Wall times on a shared machine are noisy, so CPU time (user + system,
// from rusage) is shown beside them: a ratio of CPU times does not move
// when other processes compete for the cores.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"syscall"
)

// config is what the command line sets.
type config struct {
	bin     string // the built hesabat binary
	corpus  string // folder of the corpus PDFs
	seed    string // the PDF whose extraction start-up is timed
	workers int    // --workers of the ingest and pdftotext processes at once
	repeat  int    // copies of the corpus in the linearity rows
	runs    int    // runs of each ingest and its baseline, of which the table shows the median
}

func main() {
	var c config
	flag.StringVar(&c.bin, "bin", "bin/hesabat", "the hesabat binary, built with -tags sqlite_fts5")
	flag.StringVar(&c.corpus, "corpus", "fixtures/corpus/pdf", "folder of the corpus PDFs")
	flag.StringVar(&c.seed, "seed", "testdata/seed/seed.pdf", "PDF whose 'hesabat extract' start-up is timed")
	flag.IntVar(&c.workers, "workers", runtime.NumCPU(), "ingest --workers, and pdftotext processes at once")
	flag.IntVar(&c.repeat, "repeat", 10, "copies of the corpus ingested to show cost grows linearly")
	flag.IntVar(&c.runs, "runs", 5, "runs of each ingest, each after a run of its baseline; the table shows the medians")
	stagesDB := flag.String("stages", "", "measure the stages alone, into the database `FILE`, and print them as JSON (run by the table itself; see runStages)")
	cache := flag.String("cache", "", "compiled-module cache `DIR` of -stages")
	flag.Parse()
	if flag.NArg() > 0 || c.workers < 1 || c.repeat < 2 || c.runs < 1 {
		flag.Usage()
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if *stagesDB != "" {
		if err := printStages(ctx, c, *cache, *stagesDB); err != nil {
			fmt.Fprintln(os.Stderr, "benchtable -stages:", err)
			os.Exit(1)
		}
		return
	}
	tmp, err := os.MkdirTemp("", "hesabat-bench-")
	if err == nil {
		err = run(ctx, c, tmp)
		os.RemoveAll(tmp)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}

// run measures everything, in tmp, and prints the table on stdout.
func run(ctx context.Context, c config, tmp string) error {
	bin, err := filepath.Abs(c.bin)
	if err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(c.corpus, "*.pdf"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no PDFs in %s", c.corpus)
	}
	h := hesabat{bin: bin, cache: filepath.Join(tmp, "cache")}
	t := table{workers: c.workers, load0: loadAvg()}
	if t.version, t.engines, err = h.describe(ctx); err != nil {
		return err
	}
	progress("start-up of hesabat extract %s, cold then warm", c.seed)
	if t.cold, err = h.extract(ctx, c.seed); err != nil { // the cache folder is empty: a fresh machine
		return err
	}
	if t.warm, err = h.extract(ctx, c.seed); err != nil {
		return err
	}

	progress("stages in one goroutine: PDF read, transform, load")
	if t.stages, err = runStages(ctx, c, h.cache, filepath.Join(tmp, "stages.db")); err != nil {
		return err
	}
	t.pages = t.stages.pages
	progress("pdftotext -layout, 1 process")
	if t.poppler1, err = pdftotext(ctx, files, 1); err != nil {
		t.popplerErr = err
	}
	t.runs = c.runs
	for i, engine := range t.engines {
		// The baseline runs just before each ingest, so that both meet
		// much the same load from other processes; a run of a second
		// or so moves by a fifth or more from one to the next on a
		// shared machine, so each is run several times and the medians
		// are shown.
		var r ingestRun
		var ingests, bases []cost
		for k := range c.runs {
			progress("pdftotext -layout, %d at a time (%d of %d)", c.workers, k+1, c.runs)
			base, err := pdftotext(ctx, files, c.workers)
			if err != nil {
				t.popplerErr = err
			}
			bases = append(bases, base)
			progress("hesabat ingest --workers %d%s (%d of %d)", c.workers, engineFlag(engine), k+1, c.runs)
			if r, err = h.ingest(ctx, filepath.Join(tmp, fmt.Sprintf("ingest-%d-%d.db", i, k)), c.workers, engine, len(files), t.pages, c.corpus); err != nil {
				return err
			}
			ingests = append(ingests, r.cost)
		}
		r.cost, r.base = median(ingests), median(bases)
		t.ingests = append(t.ingests, r)
	}

	copies, err := repeatCorpus(files, filepath.Join(tmp, "repeat"), c.repeat)
	if err != nil {
		return err
	}
	progress("hesabat ingest of the corpus %d times over", c.repeat)
	t.repeat = c.repeat
	if t.repeated, err = h.ingest(ctx, filepath.Join(tmp, "repeat.db"), c.workers, t.engines[0], c.repeat*len(files), c.repeat*t.pages, copies...); err != nil {
		return err
	}
	progress("hesabat ingest of the same %d copies, one run each, into one database", c.repeat)
	for _, d := range copies {
		r, err := h.ingest(ctx, filepath.Join(tmp, "copies.db"), c.workers, t.engines[0], len(files), t.pages, d)
		if err != nil {
			return err
		}
		t.perCopy = append(t.perCopy, r.cost)
	}
	t.files, t.load1, t.selfRSS = len(files), loadAvg(), selfRSS()
	t.print(os.Stdout)
	return nil
}

// progress says on stderr what is being measured, so that a long run shows
// where it is; the table alone goes to stdout.
func progress(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
}

// loadAvg returns the system's 1-minute load average as /proc/loadavg
// gives it, or "" where there is none.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	var one string
	fmt.Sscan(string(b), &one)
	return one
}
