package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"
)

// runExtract prints one JSON object per report: indented on a terminal,
// one per line otherwise. A file that fails prints one line on stderr and
// makes the exit code 1; the other files are still extracted.
func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var l limits
	l.register(fs)
	pretty := fs.Bool("pretty", isTerminal(stdout), "indent the JSON")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: hesabat extract [flags] FILE...\n\nPrints each report as a JSON object. Flags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "hesabat extract: no file given (hint: hesabat extract report.pdf)")
		return 2
	}
	p, err := newPipeline(l)
	if err != nil {
		fmt.Fprintln(stderr, "hesabat:", err)
		return 1
	}
	defer p.Close()
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	if *pretty {
		enc.SetIndent("", "  ")
	}
	code := 0
	for _, path := range fs.Args() {
		in, err := read(path)
		if err == nil {
			var r any
			if r, err = p.report(ctx, in); err == nil {
				err = enc.Encode(r)
			}
		}
		if err != nil {
			fmt.Fprintln(stderr, err)
			code = 1
		}
	}
	return code
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
