package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/pdf"
)

// startPDF starts PDFium, with --pdf-engine pdfium, when files holds a
// PDF, before the first is read, as a step of its own: compiling PDFium takes seconds when its
// cache is empty. The step is shown on w when w is a terminal or verbose
// is set; verbose also says where the compiled module is cached. A failure
// to start is printed: each PDF then fails with it.
func (p *pipeline) startPDF(ctx context.Context, files []string, verbose bool, w io.Writer) {
	if p.limits.pdfEngine != pdf.EnginePDFium {
		return // the Go reader starts PDFium only for a page it declines
	}
	if !slices.ContainsFunc(files, func(f string) bool { format, _ := formatOf(f); return format == hesabat.PDF }) {
		return
	}
	show := verbose || isTerminal(w)
	if show {
		fmt.Fprint(w, "preparing PDF engine… ")
	}
	t := time.Now()
	err := p.pdf.Start(ctx)
	if show {
		fmt.Fprintf(w, "%.1fs\n", time.Since(t).Seconds())
	}
	if err != nil {
		fmt.Fprintf(w, "hesabat: %v\n", err)
	}
	switch dir := p.pdf.CacheDir(); {
	case !verbose:
	case dir != "":
		fmt.Fprintf(w, "PDF engine: compiled-module cache in %s\n", dir)
	default:
		fmt.Fprintf(w, "PDF engine: no writable cache folder, so PDFium is compiled in every run (set %s)\n", pdf.CacheEnv)
	}
}
