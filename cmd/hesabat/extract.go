package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/hesabat/hesabat"
)

// reportJSON is a report as extract prints it: the report's fields after
// the version of this output's shape.
type reportJSON struct {
	SchemaVersion int `json:"schema_version"`
	*hesabat.Report
}

// runExtract prints one JSON object per report: indented on a terminal,
// one per line otherwise. "-" reads standard input, its format told by its
// content. A file that fails prints one line on stderr and makes the exit
// code 1; the other files are still extracted.
func runExtract(ctx context.Context, args []string, std stdio) int {
	fs := flags("extract", "[flags] FILE...|-", "Prints each report as a JSON object; - reads standard input.", std)
	var l limits
	l.register(fs)
	pretty := fs.Bool("pretty", isTerminal(std.out), "indent the JSON (the default on a terminal)")
	verbose := fs.BoolP("verbose", "v", false, "print on stderr the PDF pages each reader read")
	if code, ok := parseWithLimits(fs, &l, args, std); !ok {
		return code
	}
	if fs.NArg() == 0 {
		misuse(std, "extract", "no file given (hint: hesabat extract report.pdf)")
		return exitMisuse
	}
	for _, path := range fs.Args() {
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			misuse(std, "extract", "%s is a folder: 'hesabat ingest %s' loads the reports in a folder", path, path)
			return exitMisuse
		}
	}
	p, err := newPipeline(l)
	if err != nil {
		fmt.Fprintln(std.err, "hesabat:", err)
		return exitFailed
	}
	defer p.Close()
	p.startPDF(ctx, fs.Args(), false, std.err)
	enc := json.NewEncoder(std.out)
	enc.SetEscapeHTML(false)
	if *pretty {
		enc.SetIndent("", "  ")
	}
	code := exitOK
	for _, path := range fs.Args() {
		var in *input
		if path == "-" {
			in, err = readStdin(std.in, l.maxFile)
		} else {
			in, err = read(path, l.maxFile)
		}
		if err == nil {
			var r *hesabat.Report
			if r, err = p.report(ctx, in); err == nil {
				err = enc.Encode(reportJSON{outputVersion, r})
			}
		}
		if ctx.Err() != nil {
			return exitInterrupted
		}
		if err != nil {
			fmt.Fprintln(std.err, err)
			code = exitFailed
		}
	}
	if line := p.pdfPages().String(); *verbose && line != "" {
		fmt.Fprintln(std.err, line)
	}
	return code
}

// stdinName is the source path of a report read from standard input.
const stdinName = "-"

// readStdin reads standard input, at most maxSize bytes, and identifies
// its format by its content.
func readStdin(r io.Reader, maxSize int64) (*input, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, &hesabat.Error{Path: stdinName, Err: err}
	}
	if int64(len(data)) > maxSize {
		return nil, tooBig(stdinName, int64(len(data)), maxSize)
	}
	return newInput(stdinName, formatOfContent(data), data), nil
}

// formatOfContent names the format of data by its first bytes: a PDF
// header, a zip archive (DOCX), else text, which the text extractor
// checks further.
func formatOfContent(data []byte) hesabat.Format {
	switch {
	case bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")):
		return hesabat.PDF
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return hesabat.DOCX
	}
	return hesabat.TXT
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
