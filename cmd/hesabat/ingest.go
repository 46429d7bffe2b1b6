package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/sync/errgroup"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/load"
)

// outcome is what became of one file.
type outcome struct {
	in        *input
	report    *hesabat.Report
	err       error
	unchanged bool // already in the database
}

// tally counts what an ingest run did.
type tally struct {
	loaded, unchanged, failed, measures, facts int
}

// runIngest loads files and folders into the database. Files are read
// and extracted by --workers goroutines; one goroutine writes, in the
// order the files were listed, one transaction per document. A file that
// fails is recorded in ingest_errors, printed on stderr, and makes the exit
// code 1; the others are still loaded. Files already stored (same SHA-256)
// are not extracted again.
func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "hesabat.db", "SQLite database file, created if missing")
	quiet := fs.Bool("q", false, "quiet: print nothing but errors (for cron)")
	verbose := fs.Bool("v", false, "print each file and its warnings")
	var l limits
	l.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: hesabat ingest [flags] PATH...\n\nLoads reports (files, or folders searched recursively) into SQLite. Flags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "hesabat ingest: no file or folder given (hint: hesabat ingest --db reports.db reports/)")
		return 2
	}
	files, missing := expand(fs.Args())
	db, err := load.Open(*dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "hesabat: %v\n", err)
		return 1
	}
	defer db.Close()
	p, err := newPipeline(l)
	if err != nil {
		fmt.Fprintf(stderr, "hesabat: %v\n", err)
		return 1
	}
	defer p.Close()

	var t tally
	for _, err := range missing {
		fmt.Fprintln(stderr, err)
		t.failed++
		if err := db.SaveError(ctx, pathOf(err), "", err); err != nil {
			fmt.Fprintf(stderr, "hesabat: %v\n", err)
			return 1
		}
	}
	var bar *progressbar.ProgressBar
	if !*quiet && !*verbose && isTerminal(stderr) && len(files) > 1 {
		bar = progressbar.NewOptions(len(files), progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("ingest"), progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
	}

	outcomes := make([]outcome, len(files))
	done := make([]chan struct{}, len(files))
	for i := range done {
		done[i] = make(chan struct{})
	}
	work, workCtx := errgroup.WithContext(ctx)
	work.SetLimit(max(1, l.workers))
	go func() {
		for i, path := range files {
			if workCtx.Err() != nil {
				outcomes[i].err = &hesabat.Error{Path: path, Err: workCtx.Err()}
				close(done[i])
				continue
			}
			work.Go(func() error {
				outcomes[i] = p.process(workCtx, db, path)
				close(done[i])
				return nil
			})
		}
	}()
	for i := range files {
		<-done[i]
		o := outcomes[i]
		outcomes[i] = outcome{} // let the report go
		if err := t.record(ctx, db, o, stdout, stderr, *verbose); err != nil {
			fmt.Fprintf(stderr, "hesabat: %v\n", err)
			return 1
		}
		if bar != nil {
			bar.Add(1)
		}
	}
	work.Wait()
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "hesabat: interrupted; documents already written are complete, run again to load the rest")
		return 1
	}
	if !*quiet {
		c, err := db.Counts(ctx)
		if err != nil {
			fmt.Fprintf(stderr, "hesabat: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "%s: loaded %d reports (%d measures, %d facts), %d unchanged, %d failed; the database holds %d reports, %d measures, %d facts\n",
			*dbPath, t.loaded, t.measures, t.facts, t.unchanged, t.failed, c.Reports, c.Measures, c.Facts)
	}
	if goPages, pdfiumPages := p.pdf.PagesRead(); *verbose && goPages+pdfiumPages > 0 {
		fmt.Fprintf(stdout, "PDF pages read: %d by the Go reader, %d by PDFium\n", goPages, pdfiumPages)
	}
	if t.failed > 0 {
		return 1
	}
	return 0
}

// process reads, identifies and, unless already stored, extracts one file.
func (p *pipeline) process(ctx context.Context, db *load.DB, path string) outcome {
	in, err := read(path)
	if err != nil {
		return outcome{err: err}
	}
	o := outcome{in: &input{src: in.src}}
	if o.unchanged, err = db.Has(ctx, in.src.SHA256); err != nil || o.unchanged {
		o.err = err
		return o
	}
	o.report, o.err = p.report(ctx, in)
	return o
}

// record writes one outcome to the database and reports it.
func (t *tally) record(ctx context.Context, db *load.DB, o outcome, stdout, stderr io.Writer, verbose bool) error {
	if ctx.Err() != nil {
		return nil // not written; the summary says so
	}
	if o.err == nil && o.report != nil {
		saved, err := db.SaveReport(ctx, o.report)
		if err != nil {
			o.err = &hesabat.Error{Path: o.in.src.Path, Err: err, Hint: "the database was not changed for this file"}
		} else {
			o.unchanged = !saved
		}
	}
	switch {
	case o.err != nil:
		t.failed++
		fmt.Fprintln(stderr, o.err)
		sha := ""
		if o.in != nil {
			sha = o.in.src.SHA256
		}
		return db.SaveError(ctx, pathOf(o.err), sha, o.err)
	case o.unchanged:
		t.unchanged++
		if verbose {
			fmt.Fprintf(stdout, "%s: unchanged\n", o.in.src.Path)
		}
	default:
		t.loaded++
		t.measures += len(o.report.Measures)
		for _, m := range o.report.Measures {
			t.facts += len(m.Facts)
		}
		if verbose {
			fmt.Fprintf(stdout, "%s: %d measures\n", o.report.Source, len(o.report.Measures))
			for _, w := range o.report.Warnings {
				fmt.Fprintf(stderr, "%s: warning: %s\n", o.report.Source, w)
			}
		}
	}
	return nil
}

// pathOf returns the file an error names.
func pathOf(err error) string {
	var e *hesabat.Error
	if errors.As(err, &e) {
		return e.Path
	}
	return ""
}
