//go:build linux || darwin

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sync/errgroup"
)

// cost is what some work took: wall time, CPU time (user + system) and the
// largest peak resident set of the processes involved.
type cost struct {
	wall, cpu time.Duration
	rss       int64 // bytes; 0 when not measured (in-process stages)
}

// median is the median wall time and the median CPU time of cs (each
// on its own; of an even number, the upper), and their largest peak RSS.
func median(cs []cost) cost {
	if len(cs) == 0 {
		return cost{}
	}
	walls, cpus := make([]time.Duration, len(cs)), make([]time.Duration, len(cs))
	var m cost
	for i, c := range cs {
		walls[i], cpus[i] = c.wall, c.cpu
		m.rss = max(m.rss, c.rss)
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	m.wall, m.cpu = walls[len(cs)/2], cpus[len(cs)/2]
	return m
}

// exe runs name with args and env added to the environment, and returns
// its cost from the child's rusage. stdout receives the standard output
// (nil discards it); the error quotes the end of the standard error.
func exe(ctx context.Context, stdout io.Writer, env []string, name string, args ...string) (cost, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout = stdout
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	t := time.Now()
	err := cmd.Run()
	c := cost{wall: time.Since(t)}
	if ps := cmd.ProcessState; ps != nil {
		c.cpu = ps.UserTime() + ps.SystemTime()
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			c.rss = maxRSS(ru)
		}
	}
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 500 {
			msg = "…" + msg[len(msg)-500:]
		}
		return c, fmt.Errorf("%s %s: %v: %s", filepath.Base(name), strings.Join(args, " "), err, msg)
	}
	return c, nil
}

// maxRSS is the peak resident set in ru, in bytes: Linux counts it in
// kilobytes, macOS in bytes.
func maxRSS(ru *syscall.Rusage) int64 {
	if runtime.GOOS == "darwin" {
		return int64(ru.Maxrss)
	}
	return int64(ru.Maxrss) * 1024
}

// selfRSS is this process's peak resident set, in bytes.
func selfRSS() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return maxRSS(&ru)
}

// pdftotext runs `pdftotext -layout` over files, n processes at a time,
// and returns the total: CPU time summed, the largest peak RSS.
func pdftotext(ctx context.Context, files []string, n int) (cost, error) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return cost{}, fmt.Errorf("pdftotext not installed (apt-get install poppler-utils)")
	}
	var total cost
	var mu sync.Mutex
	var g errgroup.Group
	g.SetLimit(n)
	t := time.Now()
	for _, f := range files {
		g.Go(func() error {
			c, err := exe(ctx, nil, nil, bin, "-layout", f, "-")
			mu.Lock()
			total.cpu += c.cpu
			total.rss = max(total.rss, c.rss)
			mu.Unlock()
			return err
		})
	}
	err = g.Wait()
	total.wall = time.Since(t)
	return total, err
}

// hesabat runs the built binary with its compiled-module cache in a folder
// of the run's own, empty at first.
type hesabat struct {
	bin, cache string
}

func (h hesabat) env() []string { return []string{"HESABAT_CACHE_DIR=" + h.cache} }

// describe returns the binary's version lines and the PDF engines to
// measure, the default first: only "" (no --pdf-engine given) when the
// binary has no --pdf-engine flag, else each engine the flag takes (issue
// 17: auto, go, pdfium), the default by name when the help shows it.
func (h hesabat) describe(ctx context.Context) (version string, engines []string, err error) {
	var out bytes.Buffer
	if _, err := exe(ctx, &out, nil, h.bin, "--version"); err != nil {
		version = err.Error() // an older binary: measured all the same
	} else {
		version = strings.TrimSpace(out.String())
	}
	out.Reset()
	if _, err := exe(ctx, &out, nil, h.bin, "ingest", "-h"); err != nil {
		return "", nil, err
	}
	help := out.String()
	i := strings.Index(help, "-pdf-engine ")
	if i < 0 {
		return version, []string{""}, nil
	}
	usage := help[i:] // the flag's usage runs until the next flag's line
	if j := regexp.MustCompile(`\n\s*-`).FindStringIndex(usage); j != nil {
		usage = usage[:j[0]]
	}
	def := ""
	if m := regexp.MustCompile(`\(default "([^"]+)"\)`).FindStringSubmatch(usage); m != nil {
		def = m[1]
	}
	engines = []string{def}
	for _, e := range []string{"auto", "go", "pdfium"} {
		if e != def {
			engines = append(engines, e)
		}
	}
	return version, engines, nil
}

// extract times `hesabat extract FILE`, its output discarded.
func (h hesabat) extract(ctx context.Context, file string) (cost, error) {
	return exe(ctx, nil, h.env(), h.bin, "extract", file)
}

// ingestRun is one `hesabat ingest` of a fresh database.
type ingestRun struct {
	engine string // --pdf-engine, "" for none given
	files  int
	pages  int
	read   pagesRead // the PDF pages each reader read, from the summary
	cost
	base cost // pdftotext -layout over the same files at the same parallelism, just before
}

// ingest loads paths into a fresh database db with workers workers and
// engine (when not ""), and checks from its --json summary that all of
// the files files and pages pages were loaded.
func (h hesabat) ingest(ctx context.Context, db string, workers int, engine string, files, pages int, paths ...string) (ingestRun, error) {
	args := []string{"ingest", "--db", db, "--json", "--workers", fmt.Sprint(workers)}
	if engine != "" {
		args = append(args, "--pdf-engine", engine)
	}
	var out bytes.Buffer
	c, err := exe(ctx, &out, h.env(), h.bin, append(args, paths...)...)
	if err != nil {
		return ingestRun{}, err
	}
	var sum struct {
		Loaded, Failed, Pages int
		Read                  pagesRead `json:"pdf_pages"` // absent from an older binary's
	}
	if err := json.Unmarshal(out.Bytes(), &sum); err != nil {
		return ingestRun{}, fmt.Errorf("hesabat ingest --json: %v", err)
	}
	if sum.Loaded != files || sum.Failed != 0 || sum.Pages != pages {
		return ingestRun{}, fmt.Errorf("hesabat ingest%s: %d files loaded, %d failed, %d pages; want %d files and %d pages",
			engineFlag(engine), sum.Loaded, sum.Failed, sum.Pages, files, pages)
	}
	return ingestRun{engine: engine, files: files, pages: pages, read: sum.Read, cost: c}, nil
}

// pagesRead is ingest --json's pdf_pages: the PDF pages read by the Go
// reader and by PDFium, and of these the pages OCR recognised.
type pagesRead struct{ Go, PDFium, OCR int }

// String gives each reader's share, or says the binary does not count.
func (r pagesRead) String() string {
	all := r.Go + r.PDFium
	if all == 0 {
		return "not counted by this binary"
	}
	pc := func(n int) float64 { return 100 * float64(n) / float64(all) }
	return fmt.Sprintf("Go %.1f%%, PDFium %.1f%%, OCR %.1f%%", pc(r.Go), pc(r.PDFium), pc(r.OCR))
}

// engineFlag is the --pdf-engine flag for engine, as shown in messages.
func engineFlag(engine string) string {
	if engine == "" {
		return ""
	}
	return " --pdf-engine " + engine
}

// repeatCorpus writes n copies of files into folders under dir and returns
// the folders. Each copy ends with one more comment line after %%EOF,
// which PDF readers ignore: the content is the same, the SHA-256 differs,
// so ingest reads every copy anew instead of finding it unchanged.
func repeatCorpus(files []string, dir string, n int) ([]string, error) {
	var dirs []string
	for i := 1; i <= n; i++ {
		d := filepath.Join(dir, fmt.Sprintf("copy%02d", i))
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			data = fmt.Appendf(data, "\n%% hesabat bench copy %d\n", i)
			if err := os.WriteFile(filepath.Join(d, filepath.Base(f)), data, 0o644); err != nil {
				return nil, err
			}
		}
		dirs = append(dirs, d)
	}
	return dirs, nil
}
