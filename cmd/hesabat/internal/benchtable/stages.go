//go:build linux || darwin

package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"

	hes "github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/pdf"
	"github.com/hesabat/hesabat/load"
	"github.com/hesabat/hesabat/transform"
)

// stages is the cost of each stage of the pipeline over the corpus, run in
// this process in one goroutine, one stage over every file before the next.
type stages struct {
	pages                    int
	extract, transform, load cost
}

// runStages measures the stages in a child process (this command with
// -stages) and returns what it printed. The table's process stays small so:
// Linux gives an exec'd child the peak RSS of the process that started it
// as the floor of its own (ru_maxrss survives exec), so the stages, which
// hold the corpus's documents, would raise every later ingest's and
// pdftotext's peak RSS to theirs.
func runStages(ctx context.Context, c config, cache, db string) (stages, error) {
	self, err := os.Executable()
	if err != nil {
		return stages{}, err
	}
	var out bytes.Buffer
	if _, err := exe(ctx, &out, nil, self, "-stages", db, "-cache", cache, "-corpus", c.corpus, "-seed", c.seed); err != nil {
		return stages{}, err
	}
	var w stagesJSON
	if err := json.Unmarshal(out.Bytes(), &w); err != nil {
		return stages{}, fmt.Errorf("benchtable -stages: %v", err)
	}
	return stages{pages: w.Pages,
		extract:   cost{wall: w.Wall[0], cpu: w.CPU[0]},
		transform: cost{wall: w.Wall[1], cpu: w.CPU[1]},
		load:      cost{wall: w.Wall[2], cpu: w.CPU[2]}}, nil
}

// stagesJSON is stages as -stages prints them: wall and CPU times of the
// PDF read, transform and load.
type stagesJSON struct {
	Pages     int
	Wall, CPU [3]time.Duration
}

// printStages measures the stages of c's corpus and prints them as JSON.
func printStages(ctx context.Context, c config, cache, db string) error {
	files, err := filepath.Glob(filepath.Join(c.corpus, "*.pdf"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no PDFs in %s", c.corpus)
	}
	s, err := measureStages(ctx, files, c.seed, cache, db)
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(stagesJSON{Pages: s.pages,
		Wall: [3]time.Duration{s.extract.wall, s.transform.wall, s.load.wall},
		CPU:  [3]time.Duration{s.extract.cpu, s.transform.cpu, s.load.cpu}})
}

// measureStages reads files with the default PDF engine, builds their
// reports and saves them into a fresh database at db. The engine is
// started, with its compiled-module cache in cache, by reading warmUp
// before the clock runs: the stage rows are the steady state; start-up has
// rows of its own.
func measureStages(ctx context.Context, files []string, warmUp, cache, db string) (stages, error) {
	var s stages
	x, err := pdf.New(pdf.Options{Workers: 1, CacheDir: cache})
	if err != nil {
		return s, err
	}
	defer x.Close()
	srcs := make([]hes.Source, len(files))
	data := make([][]byte, len(files))
	for i, f := range files {
		if data[i], err = os.ReadFile(f); err != nil {
			return s, err
		}
		sum := sha256.Sum256(data[i])
		srcs[i] = hes.Source{Path: f, Format: hes.PDF, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data[i]))}
	}
	if _, err := extractFile(ctx, x, warmUp); err != nil {
		return s, err
	}

	docs := make([]*hes.Document, len(files))
	s.extract, err = measure(func() error {
		for i := range files {
			if docs[i], err = x.Extract(ctx, srcs[i], bytes.NewReader(data[i]), srcs[i].Size); err != nil {
				return err
			}
			s.pages += docs[i].Pages
		}
		return nil
	})
	if err != nil {
		return s, err
	}
	reports := make([]*hes.Report, len(docs))
	s.transform, err = measure(func() error {
		for i, d := range docs {
			if reports[i], err = transform.Build(d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return s, err
	}
	d, err := load.Open(db)
	if err != nil {
		return s, err
	}
	defer d.Close()
	s.load, err = measure(func() error {
		for _, r := range reports {
			if _, err := d.SaveReport(ctx, r); err != nil {
				return err
			}
		}
		return nil
	})
	return s, err
}

// extractFile reads the PDF at path with x.
func extractFile(ctx context.Context, x *pdf.Extractor, path string) (*hes.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return x.Extract(ctx, hes.Source{Path: path, Format: hes.PDF, Size: int64(len(data))}, bytes.NewReader(data), int64(len(data)))
}

// measure runs f and returns its wall time and the CPU time this process
// spent meanwhile (all its threads: the garbage collector's work counts).
func measure(f func() error) (cost, error) {
	cpu0, t := cpuTime(), time.Now()
	err := f()
	return cost{wall: time.Since(t), cpu: cpuTime() - cpu0}, err
}

// cpuTime is the user and system time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
