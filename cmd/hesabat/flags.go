package main

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/spf13/pflag"

	"github.com/hesabat/hesabat/extract/pdf"
)

// Exit codes.
const (
	exitOK          = 0   // every file done (or still failing as before)
	exitFailed      = 1   // some file failed for the first time, or a fatal error
	exitMisuse      = 2   // bad command line
	exitInterrupted = 130 // SIGINT or SIGTERM: stopped between documents
)

// stdio is what a command reads and writes.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// flags returns the flag set of command name. synopsis is the usage line
// after "hesabat NAME", about what the command does; -h and --help print
// both with the flags on standard output.
func flags(name, synopsis, about string, std stdio) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SortFlags = false
	fs.SetOutput(io.Discard) // parse errors are printed by parse
	fs.Usage = func() {
		fmt.Fprintf(std.out, "Usage: hesabat %s %s\n\n%s\n", name, synopsis, about)
		if fs.HasFlags() {
			fmt.Fprintf(std.out, "\nFlags:\n%s", fs.FlagUsages())
		}
	}
	return fs
}

// parse parses args with fs. ok is false when the command must stop and
// return code: 0 after -h, 2 after a bad flag (the error printed with a
// pointer to -h).
func parse(fs *pflag.FlagSet, args []string, std stdio) (code int, ok bool) {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return 0, true
	case errors.Is(err, pflag.ErrHelp):
		return exitOK, false
	}
	misuse(std, fs.Name(), "%v", err)
	return exitMisuse, false
}

// misuse prints a command-line mistake and where to find help.
func misuse(std stdio, cmd, format string, args ...any) {
	fmt.Fprintf(std.err, "hesabat %s: %s\nRun 'hesabat %s -h' for help.\n", cmd, fmt.Sprintf(format, args...), cmd)
}

// limits are the flags that bound the work on one document. Each message
// about a limit names its flag.
type limits struct {
	workers   int
	timeout   time.Duration
	maxFile   int64
	maxPages  int
	maxDOCX   int64
	maxRatio  float64
	ocr       string
	pdfEngine string
}

func (l *limits) register(fs *pflag.FlagSet) {
	fs.IntVar(&l.workers, "workers", runtime.NumCPU(), "documents processed at once")
	fs.DurationVar(&l.timeout, "timeout", 60*time.Second, "time limit per document")
	fs.Int64Var(&l.maxFile, "max-file-size", 1<<30, "limit on an input file's size, in bytes")
	fs.IntVar(&l.maxPages, "max-pages", 2000, "page limit per PDF")
	fs.Int64Var(&l.maxDOCX, "max-docx-size", 256<<20, "limit on a DOCX or ODT file's uncompressed size, in bytes")
	fs.Float64Var(&l.maxRatio, "max-ratio", 100, "limit on a DOCX or ODT part's compression ratio")
	fs.StringVar(&l.ocr, "ocr", pdf.OCRAuto, "scanned PDF pages: auto (recognise pages without text when tesseract-ocr and tesseract-ocr-aze are installed), off, or force (every page)")
	fs.StringVar(&l.pdfEngine, "pdf-engine", pdf.EngineAuto, "PDF reader: auto (Go, PDFium for the pages it declines), go or pdfium")
}

// check returns what is wrong with the limits, naming the flag, or nil.
func (l *limits) check() error {
	switch {
	case l.workers < 1:
		return fmt.Errorf("--workers %d: must be at least 1", l.workers)
	case l.timeout <= 0:
		return fmt.Errorf("--timeout %s: must be positive, as in --timeout 2m", l.timeout)
	case l.maxFile < 1:
		return fmt.Errorf("--max-file-size %d: must be positive", l.maxFile)
	case l.maxPages < 1:
		return fmt.Errorf("--max-pages %d: must be at least 1", l.maxPages)
	case l.maxDOCX < 1:
		return fmt.Errorf("--max-docx-size %d: must be positive", l.maxDOCX)
	case l.maxRatio < 1:
		return fmt.Errorf("--max-ratio %g: must be at least 1", l.maxRatio)
	case l.ocr != pdf.OCRAuto && l.ocr != pdf.OCROff && l.ocr != pdf.OCRForce:
		return fmt.Errorf("--ocr %q: use auto, off or force", l.ocr)
	case l.pdfEngine != pdf.EngineAuto && l.pdfEngine != pdf.EngineGo && l.pdfEngine != pdf.EnginePDFium:
		return fmt.Errorf("--pdf-engine %q: must be auto, go or pdfium", l.pdfEngine)
	}
	return nil
}

// parseWithLimits is parse for commands that take limits: it also checks
// them.
func parseWithLimits(fs *pflag.FlagSet, l *limits, args []string, std stdio) (code int, ok bool) {
	if code, ok := parse(fs, args, std); !ok {
		return code, false
	}
	if err := l.check(); err != nil {
		misuse(std, fs.Name(), "%v", err)
		return exitMisuse, false
	}
	return 0, true
}
