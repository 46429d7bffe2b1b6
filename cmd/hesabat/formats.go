package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"time"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/docx"
	"github.com/hesabat/hesabat/extract/pdf"
	"github.com/hesabat/hesabat/extract/txt"
	"github.com/hesabat/hesabat/transform"
	"github.com/hesabat/hesabat/transform/aztext"
)

// maxFile is the largest input file read at all; each extractor has
// tighter limits of its own.
const maxFile = 1 << 30

// limits are the flags that bound the work on one document.
type limits struct {
	workers   int
	timeout   time.Duration
	maxPages  int
	maxDOCX   int64
	maxRatio  float64
	pdfEngine string
}

func (l *limits) register(fs *flag.FlagSet) {
	fs.IntVar(&l.workers, "workers", runtime.NumCPU(), "documents processed at once")
	fs.DurationVar(&l.timeout, "timeout", 60*time.Second, "time limit per document")
	fs.IntVar(&l.maxPages, "max-pages", 2000, "page limit per PDF")
	fs.Int64Var(&l.maxDOCX, "max-docx-size", 256<<20, "limit on a DOCX file's uncompressed size, in bytes")
	fs.Float64Var(&l.maxRatio, "max-ratio", 100, "limit on a DOCX part's compression ratio")
	fs.StringVar(&l.pdfEngine, "pdf-engine", pdf.EngineAuto, "PDF reader: auto (Go, PDFium for the pages it declines), go or pdfium")
}

// pipeline holds the configured extractors, one per format.
type pipeline struct {
	limits     limits
	extractors map[hesabat.Format]hesabat.Extractor
	pdf        *pdf.Extractor // owns the PDFium runtime
}

// newPipeline builds the extractor of each format. Close releases them.
func newPipeline(l limits) (*pipeline, error) {
	pdfx, err := pdf.New(pdf.Options{Workers: l.workers, Timeout: l.timeout, MaxPages: l.maxPages, Engine: l.pdfEngine})
	if err != nil {
		return nil, err
	}
	return &pipeline{limits: l, pdf: pdfx, extractors: map[hesabat.Format]hesabat.Extractor{
		hesabat.TXT:  txt.Extractor{},
		hesabat.DOCX: docx.New(docx.Options{MaxUncompressed: l.maxDOCX, MaxRatio: l.maxRatio}),
		hesabat.PDF:  pdfx,
	}}, nil
}

// Close releases the extractors' resources.
func (p *pipeline) Close() error { return p.pdf.Close() }

// formatOf names the format of a path by its extension; ok is false for
// files hesabat does not read.
func formatOf(path string) (hesabat.Format, bool) {
	switch aztext.Lower(filepath.Ext(path)) {
	case ".txt", ".text":
		return hesabat.TXT, true
	case ".docx", ".doc", ".docm":
		return hesabat.DOCX, true
	case ".pdf":
		return hesabat.PDF, true
	}
	return "", false
}

// input is one file read into memory.
type input struct {
	src  hesabat.Source
	data []byte
}

// read reads path and identifies it. The error names the file.
func read(path string) (*input, error) {
	f, ok := formatOf(path)
	if !ok {
		return nil, hesabat.Errorf(path, hesabat.ErrUnsupported, "hesabat reads .pdf, .docx and .txt files", "unknown extension %q", filepath.Ext(path))
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, &hesabat.Error{Path: path, Err: unwrapPath(err)}
	}
	if st.Size() > maxFile {
		return nil, hesabat.Errorf(path, hesabat.ErrTooLarge, "", "%d bytes", st.Size())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &hesabat.Error{Path: path, Err: unwrapPath(err)}
	}
	sum := sha256.Sum256(data)
	return &input{
		src:  hesabat.Source{Path: path, Format: f, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data))},
		data: data,
	}, nil
}

// unwrapPath drops the path from an *fs.PathError: our errors name the
// file themselves.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// report extracts and transforms one input. It never panics: a panic in
// a stage becomes an error naming the file.
func (p *pipeline) report(ctx context.Context, in *input) (r *hesabat.Report, err error) {
	defer func() {
		if v := recover(); v != nil {
			r, err = nil, hesabat.Errorf(in.src.Path, hesabat.ErrCorrupt, "please report this file to the hesabat developers", "internal error: %v", v)
		}
	}()
	x, ok := p.extractors[in.src.Format]
	if !ok {
		return nil, hesabat.Errorf(in.src.Path, hesabat.ErrUnsupported, "this build does not read "+string(in.src.Format), "")
	}
	ctx, cancel := context.WithTimeout(ctx, p.limits.timeout)
	defer cancel()
	doc, err := x.Extract(ctx, in.src, bytes.NewReader(in.data), int64(len(in.data)))
	if err == nil {
		r, err = transform.Build(doc)
	}
	if err != nil {
		return nil, named(in.src.Path, err)
	}
	return r, nil
}

// named makes sure err names the file and, for timeouts, says what to do.
func named(path string, err error) error {
	var he *hesabat.Error
	switch {
	case errors.As(err, &he):
		return err
	case errors.Is(err, context.DeadlineExceeded):
		return hesabat.Errorf(path, hesabat.ErrTimeout, "raise --timeout if the file is just large", "")
	}
	return &hesabat.Error{Path: path, Err: err}
}

// expand lists the files under paths: files as given, folders walked
// recursively for the extensions hesabat reads, in lexical order.
func expand(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &hesabat.Error{Path: p, Err: unwrapPath(err)})
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &hesabat.Error{Path: path, Err: unwrapPath(err)})
				return nil
			}
			if _, ok := formatOf(path); ok && d.Type().IsRegular() {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, errs
}
