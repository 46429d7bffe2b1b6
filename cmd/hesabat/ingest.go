package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/sync/errgroup"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/load"
)

// ingestOptions are ingest's flags.
type ingestOptions struct {
	db          string
	quiet       bool
	verbose     bool
	json        bool
	retryFailed bool
	keepAll     bool
	limits      limits
}

// runIngest loads files and folders into the database. Files are read
// and extracted by --workers goroutines; one goroutine writes, in the
// order the files were listed, one transaction per document.
//
// Each file found ends loaded, unchanged, failed or skipped with a reason.
// A file is not extracted again when its content is stored by the current
// extraction rules (unchanged: a report made by older rules is extracted
// again and replaced), nor when the same content failed before under the
// same rules and capabilities (still failing), unless --retry-failed.
// Only a new failure makes the exit code 1; SIGINT or SIGTERM stops between
// documents with exit code 130.
func runIngest(ctx context.Context, args []string, std stdio) int {
	fs := flags("ingest", "[flags] PATH...", `Loads reports into SQLite: files, and folders searched recursively. A file
already stored, or that failed before and has not changed, is not read again.`, std)
	var o ingestOptions
	var w walker
	fs.StringVar(&o.db, "db", load.DefaultPath, "SQLite database `FILE`, created if missing")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing but new failures (for cron)")
	fs.BoolVarP(&o.verbose, "verbose", "v", false, "print each file, its warnings, why files were skipped and the PDF pages each reader read")
	fs.BoolVar(&o.json, "json", false, "print the summary as one JSON object on stdout (see README)")
	fs.BoolVar(&o.retryFailed, "retry-failed", false, "read again the files that failed before, changed or not")
	fs.BoolVar(&o.keepAll, "keep-all", false, "keep every report current: no merging of sources, no superseding (see README)")
	fs.BoolVar(&w.followLinks, "follow-links", false, "follow symbolic links inside folders (loops are detected)")
	fs.StringArrayVar(&w.exclude, "exclude", nil, "skip files and folders whose name or path matches `GLOB` (repeatable)")
	o.limits.register(fs)
	if code, ok := parseWithLimits(fs, &o.limits, args, std); !ok {
		return code
	}
	if fs.NArg() == 0 {
		misuse(std, "ingest", "no file or folder given (hint: hesabat ingest --db reports.db reports/)")
		return exitMisuse
	}
	for _, g := range w.exclude {
		if _, err := filepath.Match(g, ""); err != nil {
			misuse(std, "ingest", "--exclude %q: %v", g, err)
			return exitMisuse
		}
	}
	for _, path := range fs.Args() {
		w.add(path)
	}
	tuneGC()
	db, err := load.Open(o.db)
	if err != nil {
		fmt.Fprintf(std.err, "hesabat: %v\n", err)
		return exitFailed
	}
	defer db.Close()
	db.KeepAll = o.keepAll
	p, err := newPipeline(o.limits)
	if err != nil {
		fmt.Fprintf(std.err, "hesabat: %v\n", err)
		return exitFailed
	}
	defer p.Close()
	in := &ingest{opts: o, db: db, p: p, std: std, start: time.Now()}
	in.caps = sync.OnceValue(func() string { return p.capabilities(context.WithoutCancel(ctx)) })
	return in.run(ctx, &w)
}

// ingest is one run of the ingest command.
type ingest struct {
	opts ingestOptions
	db   *load.DB
	p    *pipeline
	std  stdio
	// caps returns the pipeline's capabilities (see pipeline.capabilities),
	// found when a failure first needs them: finding whether OCR can run
	// starts Tesseract, which a run without failures need not wait for.
	caps  func() string
	start time.Time
	sum   summary
	con   console
}

// aheadPerWorker is how many files per worker may be read and not yet
// written (see ingest.run): enough that the workers never wait for the
// writer on files of similar size.
const aheadPerWorker = 4

// outcome is what a worker made of one file.
type outcome struct {
	path   string
	sha256 string // "" when the file could not be read
	report *hesabat.Report
	ready  *load.Prepared // report, prepared for the writer
	redo   bool           // report replaces one made by older rules
	err    error          // the file failed in this run
	known  *load.Failure  // the file fails as recorded; not read again
	same   bool           // content stored by the current rules
	fatal  error          // the database failed: stop
}

func (in *ingest) run(ctx context.Context, w *walker) int {
	s := &in.sum
	s.init(in.opts.db, len(w.files)+len(w.skipped)+len(w.errs))
	for _, sk := range w.skipped {
		s.Skipped[sk.Reason]++
		s.SkippedFiles = append(s.SkippedFiles, sk)
		if in.opts.verbose {
			fmt.Fprintf(in.std.out, "%s: skipped: %s\n", sk.Path, skipText[sk.Reason])
		}
	}
	if !in.opts.quiet {
		in.p.startPDF(ctx, w.files, in.opts.verbose, in.std.err)
	}
	if !in.opts.quiet && !in.opts.verbose && isTerminal(in.std.err) && len(w.files) > 1 {
		in.con.bar = progressbar.NewOptions(len(w.files), progressbar.OptionSetWriter(in.std.err),
			progressbar.OptionSetDescription("ingest"), progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true), progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
	}
	in.con.w = in.std.err

	for _, err := range w.errs {
		if err := in.record(ctx, in.unread(ctx, pathOf(err), err)); err != nil {
			return in.fatal(err)
		}
	}

	outcomes := make([]outcome, len(w.files))
	done := make([]chan struct{}, len(w.files))
	for i := range done {
		done[i] = make(chan struct{})
	}
	workCtx, stopWork := context.WithCancel(ctx)
	defer stopWork()
	var work errgroup.Group
	work.SetLimit(in.opts.limits.workers)
	// ahead holds a place for each file started and not yet written: the
	// writer takes files in order, so a slow one holds back the writing of
	// the files after it, whose reports wait in memory; at most
	// aheadPerWorker·workers of them do, and memory stays flat however
	// many files follow.
	ahead := make(chan struct{}, aheadPerWorker*in.opts.limits.workers)
	launched := make(chan struct{})
	go func() {
		defer close(launched)
		for i, path := range w.files {
			select {
			case ahead <- struct{}{}:
			case <-workCtx.Done():
				return
			}
			if workCtx.Err() != nil {
				return
			}
			work.Go(func() error {
				outcomes[i] = in.process(workCtx, path)
				close(done[i])
				return nil
			})
		}
	}()
	var fatal error
	for i := range w.files {
		select {
		case <-done[i]:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break // what is not written yet is not written: no half document
		}
		o := outcomes[i]
		outcomes[i] = outcome{} // let the report go
		if fatal = in.record(ctx, o); fatal != nil {
			break
		}
		<-ahead
		in.progress()
	}
	stopWork() // after a fatal error, or when done
	<-launched
	work.Wait()
	if in.con.bar != nil {
		in.con.bar.Finish()
	}
	if fatal != nil {
		return in.fatal(fatal)
	}
	s.Interrupted = ctx.Err() != nil
	s.Seconds = time.Since(in.start).Seconds()
	s.PDFPages = in.p.pdfPages()
	if s.Interrupted {
		fmt.Fprintln(in.std.err, "hesabat: interrupted; the documents written are complete, run again to load the rest")
	}
	if err := in.report(); err != nil {
		return in.fatal(err)
	}
	switch {
	case s.Interrupted:
		return exitInterrupted
	case s.Failed > 0:
		return exitFailed
	}
	return exitOK
}

// fatal reports an error that stops the run.
func (in *ingest) fatal(err error) int {
	fmt.Fprintf(in.std.err, "hesabat: %v\n", err)
	return exitFailed
}

// unread is the outcome of a path that could not be read: known when the
// same kind of failure is recorded for it under the current rules.
func (in *ingest) unread(ctx context.Context, path string, err error) outcome {
	f, ferr := in.db.UnreadFailure(ctx, path)
	switch {
	case ferr != nil:
		return outcome{path: path, fatal: ferr}
	case f != nil && f.Kind == load.Kind(err) && !in.opts.retryFailed && !f.Stale(hesabat.RulesVersion, in.caps()):
		return outcome{path: path, known: f}
	}
	return outcome{path: path, err: err}
}

// process reads and identifies one file and, unless the database already
// holds what would come of it, extracts it.
func (in *ingest) process(ctx context.Context, path string) outcome {
	data, err := read(path, in.opts.limits.maxFile)
	if err != nil {
		return in.unread(ctx, path, err)
	}
	o := outcome{path: path, sha256: data.src.SHA256}
	st, err := in.db.State(ctx, o.sha256)
	switch {
	case err != nil:
		o.fatal = err
		return o
	case st.Stored && st.RulesVersion >= hesabat.RulesVersion:
		o.same = true
		return o
	case st.Stored:
		o.redo = true
	case st.Failure != nil && !in.opts.retryFailed && !st.Failure.Stale(hesabat.RulesVersion, in.caps()):
		o.known = st.Failure
		return o
	}
	if o.report, o.err = in.p.report(ctx, data); o.report != nil {
		o.ready = load.Prepare(o.report)
	}
	return o
}

// record writes one outcome to the database and the summary, and prints
// it. It returns only errors that must stop the run.
func (in *ingest) record(ctx context.Context, o outcome) error {
	// A document being written when a signal comes is finished.
	ctx = context.WithoutCancel(ctx)
	s := &in.sum
	if o.fatal != nil {
		return o.fatal
	}
	if o.report != nil {
		saved, err := in.db.SavePrepared(ctx, o.ready)
		switch {
		case err != nil:
			o.err = &hesabat.Error{Path: o.path, Err: err, Hint: "the database was not changed for this file"}
		case !saved:
			o.same = true // stored a moment ago from another path
		}
	}
	switch {
	case o.known != nil:
		s.StillFailing++
		s.addError(o.path, o.known, false)
		if in.opts.verbose {
			fmt.Fprintf(in.std.out, "%s: still failing (since %s): %s\n", o.path, o.known.First.Local().Format(time.DateTime), o.known.Message)
		}
		return in.db.SeenFailing(ctx, o.known.ID, o.path)
	case o.err != nil:
		prior, err := in.db.SaveError(ctx, o.path, o.sha256, o.err, in.caps())
		if err != nil {
			return err
		}
		f := load.FailureOf(o.path, o.err)
		if prior != nil && prior.Kind == f.Kind {
			s.StillFailing++
			s.addError(o.path, &f, false)
			if in.opts.verbose {
				fmt.Fprintf(in.std.out, "%s: still failing: %s\n", o.path, f.Message)
			}
			return nil
		}
		s.Failed++
		s.addError(o.path, &f, true)
		in.con.println(o.err.Error())
	case o.same:
		s.Unchanged++
		if in.opts.verbose {
			fmt.Fprintf(in.std.out, "%s: unchanged\n", o.path)
		}
		return in.db.Resolve(ctx, o.path, o.sha256)
	default:
		r := o.report
		if o.redo {
			s.Reextracted++
		} else {
			s.Loaded++
		}
		s.addReport(r)
		if in.opts.verbose {
			fmt.Fprintf(in.std.out, "%s: %d measures\n", o.path, len(r.Measures))
			for _, w := range r.Warnings {
				fmt.Fprintf(in.std.err, "%s: warning: %s\n", o.path, w)
			}
		}
	}
	return nil
}

// progress moves the bar on by one file and shows the pages read a second.
func (in *ingest) progress() {
	if in.con.bar == nil {
		return
	}
	if secs := time.Since(in.start).Seconds(); secs > 0 {
		in.con.bar.Describe(fmt.Sprintf("%.0f pages/s", float64(in.sum.Pages)/secs))
	}
	in.con.bar.Add(1)
}

// report prints the summary: as JSON with --json, else in words unless
// -q.
func (in *ingest) report() error {
	if in.opts.json {
		return writeJSON(in.std.out, &in.sum, false)
	}
	if in.opts.quiet {
		return nil
	}
	c, err := in.db.Counts(context.Background())
	if err != nil {
		return err
	}
	in.sum.print(in.std.out, c)
	if line := in.sum.PDFPages.String(); in.opts.verbose && line != "" {
		fmt.Fprintln(in.std.out, line)
	}
	return nil
}

// capabilities names what this build can read, space-separated: the
// formats it has an extractor for, and "ocr" when scanned pages can be
// recognised (tesseract with its Azerbaijani data installed, --ocr not
// off). A failure recorded without one of them is retried (see
// load.Failure.Stale), so that a file stays "still failing" only for a
// reason the current build shares.
func (p *pipeline) capabilities(ctx context.Context) string {
	var caps []string
	for f := range p.extractors {
		caps = append(caps, string(f))
	}
	if p.pdf.OCRAvailable(ctx) == nil {
		caps = append(caps, "ocr")
	}
	slices.Sort(caps)
	return strings.Join(caps, " ")
}

// pathOf returns the file an error names.
func pathOf(err error) string {
	var e *hesabat.Error
	if errors.As(err, &e) {
		return e.Path
	}
	return ""
}

// console prints messages on the terminal above the progress bar, never
// onto it.
type console struct {
	w   io.Writer
	bar *progressbar.ProgressBar // nil when there is none
}

func (c *console) println(line string) {
	if c.bar != nil {
		c.bar.Clear()
	}
	fmt.Fprintln(c.w, line)
	if c.bar != nil {
		c.bar.RenderBlank()
	}
}
