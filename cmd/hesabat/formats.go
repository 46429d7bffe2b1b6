package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/doc"
	"github.com/hesabat/hesabat/extract/docx"
	"github.com/hesabat/hesabat/extract/html"
	"github.com/hesabat/hesabat/extract/odt"
	"github.com/hesabat/hesabat/extract/pdf"
	"github.com/hesabat/hesabat/extract/txt"
	"github.com/hesabat/hesabat/transform"
	"github.com/hesabat/hesabat/transform/aztext"
)

// pipeline holds the configured extractors, one per format.
type pipeline struct {
	limits     limits
	extractors map[hesabat.Format]hesabat.Extractor
	pdf        *pdf.Extractor // owns the PDFium runtime
}

// newPipeline builds the extractor of each format. Close releases them.
func newPipeline(l limits) (*pipeline, error) {
	pdfx, err := pdf.New(pdf.Options{Workers: l.workers, Timeout: l.timeout, MaxPages: l.maxPages, OCR: l.ocr, Engine: l.pdfEngine})
	if err != nil {
		return nil, err
	}
	return &pipeline{limits: l, pdf: pdfx, extractors: map[hesabat.Format]hesabat.Extractor{
		hesabat.TXT:  txt.Extractor{},
		hesabat.DOCX: docx.New(docx.Options{MaxUncompressed: l.maxDOCX, MaxRatio: l.maxRatio}),
		hesabat.PDF:  pdfx,
		hesabat.DOC:  doc.Extractor{},
		hesabat.HTML: html.Extractor{},
		hesabat.ODT:  odt.New(odt.Options{MaxUncompressed: l.maxDOCX, MaxRatio: l.maxRatio}),
	}}, nil
}

// Close releases the extractors' resources.
func (p *pipeline) Close() error { return p.pdf.Close() }

// formatOf names the format of a path by its extension; ok is false for
// files hesabat does not read. The content has the last word (identify).
func formatOf(path string) (hesabat.Format, bool) {
	switch aztext.Lower(filepath.Ext(path)) {
	case ".txt", ".text":
		return hesabat.TXT, true
	case ".docx", ".docm":
		return hesabat.DOCX, true
	case ".doc":
		return hesabat.DOC, true
	case ".odt", ".fodt":
		return hesabat.ODT, true
	case ".html", ".htm":
		return hesabat.HTML, true
	case ".pdf":
		return hesabat.PDF, true
	}
	return "", false
}

// input is one file read into memory.
type input struct {
	src      hesabat.Source
	data     []byte
	warnings []hesabat.Warning // found before extraction: a format mismatch
}

// read reads path, at most maxSize bytes, and identifies it. The error
// names the file.
func read(path string, maxSize int64) (*input, error) {
	f, ok := formatOf(path)
	if !ok {
		return nil, hesabat.Errorf(path, hesabat.ErrUnsupported, "hesabat reads .pdf, .docx, .doc, .odt, .fodt, .html, .htm and .txt files", "unknown extension %q", filepath.Ext(path))
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, &hesabat.Error{Path: path, Err: unwrapPath(err)}
	}
	if st.Size() > maxSize {
		return nil, tooBig(path, st.Size(), maxSize)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &hesabat.Error{Path: path, Err: unwrapPath(err)}
	}
	return newInput(path, f, data), nil
}

// tooBig is the error for a file of size bytes over the --max-file-size
// limit.
func tooBig(path string, size, limit int64) error {
	return hesabat.Errorf(path, hesabat.ErrTooLarge, fmt.Sprintf("raise --max-file-size (now %d) if the file is genuine", limit), "%d bytes", size)
}

// newInput identifies data, read from path, as a file of format f.
func newInput(path string, f hesabat.Format, data []byte) *input {
	sum := sha256.Sum256(data)
	f, warnings := identify(f, data)
	return &input{
		src:      hesabat.Source{Path: path, Format: f, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data))},
		data:     data,
		warnings: warnings,
	}
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
			r, err = nil, hesabat.Bug(in.src.Path, v)
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
		doc.Warnings = append(in.warnings, doc.Warnings...)
		r, err = transform.Build(doc)
		if errors.Is(err, hesabat.ErrNoTable) && isScan(doc) {
			hint := ocrHint
			if p.limits.ocr == pdf.OCROff {
				hint = ocrOffHint
			}
			err = hesabat.Errorf(in.src.Path, hesabat.ErrScanned, hint, "no text on any of its %d pages: a scan, or blank pages", doc.Pages)
		}
	}
	if err != nil {
		return nil, mismatched(p.explain(in.src, err), in.warnings)
	}
	return r, nil
}

// mismatched adds to a failure the format warnings found before it: a
// file that fails as what its content is may be misnamed, and says so.
func mismatched(err error, warnings []hesabat.Warning) error {
	var he *hesabat.Error
	if len(warnings) == 0 || !errors.As(err, &he) {
		return err
	}
	e := *he
	e.Err = fmt.Errorf("%w (%s)", he.Err, warnings[0].Message)
	return &e
}

// ocrHint and ocrOffHint say what a scanned file needs: OCR installed, or
// not turned off.
const (
	ocrHint    = "a scan needs OCR, with tesseract-ocr and tesseract-ocr-aze installed; ingest retries it once OCR is available"
	ocrOffHint = "a scan: run without --ocr off to read it by OCR (with tesseract-ocr and tesseract-ocr-aze installed)"
)

// isScan reports whether every page of doc was found to have no text: a
// scan, as far as the extractor can tell (it does not tell blank pages
// apart, so the message names both).
func isScan(doc *hesabat.Document) bool {
	n := 0
	for _, w := range doc.Warnings {
		if w.Kind == hesabat.WarnNoTextLayer {
			n++
		}
	}
	return doc.Pages > 0 && n >= doc.Pages
}

// explain makes sure err names the file and that a limit's hint names its
// flag and value.
func (p *pipeline) explain(src hesabat.Source, err error) error {
	var he *hesabat.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		he = hesabat.Errorf(src.Path, hesabat.ErrTimeout, "", "more than %s", p.limits.timeout)
	case errors.As(err, &he):
	default:
		return &hesabat.Error{Path: src.Path, Err: err}
	}
	l := p.limits
	switch {
	case errors.Is(he, hesabat.ErrTimeout):
		he.Hint = fmt.Sprintf("raise --timeout (now %s) if the file is just large", l.timeout)
	case errors.Is(he, hesabat.ErrTooLarge) && src.Format == hesabat.PDF && strings.Contains(he.Error(), " pages"):
		he.Hint = fmt.Sprintf("raise --max-pages (now %d) if the file is genuine", l.maxPages)
	case errors.Is(he, hesabat.ErrTooLarge) && (src.Format == hesabat.DOCX || src.Format == hesabat.ODT) && strings.Contains(he.Error(), "compression ratio"):
		he.Hint = fmt.Sprintf("a zip bomb, or raise --max-ratio (now %g) if the file is genuine", l.maxRatio)
	case errors.Is(he, hesabat.ErrTooLarge) && (src.Format == hesabat.DOCX || src.Format == hesabat.ODT) && strings.Contains(he.Error(), "uncompressed"):
		he.Hint = fmt.Sprintf("a zip bomb, or raise --max-docx-size (now %d) if the file is genuine", l.maxDOCX)
	case errors.Is(he, hesabat.ErrTooLarge) && he.Hint == "":
		he.Hint = "a fixed limit of this build, with no flag to raise it; split the file"
	}
	return he
}
