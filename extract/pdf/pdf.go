// Package pdf extracts the positioned words and rules of PDF reports with
// PDFium, run as WebAssembly by wazero (no cgo).
//
// Each page's characters come with their loose boxes; PDFium's generated
// spaces and line breaks are dropped (words are split by real spaces and
// gaps), ligatures expanded, and pages read in the orientation of their
// text, which handles /Rotate and content drawn turned alike. Line and
// rectangle paths become rules.
//
// The extractor delivers Document.Layout, one hesabat.Page of words and
// rules per page; it builds no rows. The layout engine (package
// transform/layout) rebuilds the rows, and the stitcher in package
// transform the measures.
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdfiumerr "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/ocr"
)

// Options configure an Extractor. Zero values select the defaults.
type Options struct {
	// Workers is the number of PDFium instances, and so of documents read
	// at once (default 1).
	Workers int
	// Timeout bounds the work on one document (default 60s).
	Timeout time.Duration
	// MaxPages is the largest page count accepted (default 2000).
	MaxPages int
	// CacheDir holds wazero's compiled PDFium module between runs: "-"
	// disables the cache, "" selects a default (see openCache).
	CacheDir string
	// OCR says which pages are recognised by OCR: OCRAuto ("" too),
	// OCROff or OCRForce. OCROptions configure Tesseract.
	OCR        string
	OCROptions ocr.Options
}

// Extractor reads PDF files. It is safe for concurrent use. The PDFium
// runtime is started on the first call to Extract, once per Extractor;
// Close releases it.
type Extractor struct {
	opts Options

	once    sync.Once
	pool    pdfium.Pool
	cache   wazero.CompilationCache
	cacheAt string // the cache's folder; see CacheDir
	initErr error
	ocr     ocrState

	mu     sync.Mutex
	closed bool
}

// New returns an Extractor with opts, defaults filled in. It does not start
// PDFium.
func New(opts Options) (*Extractor, error) {
	if opts.Workers < 0 || opts.MaxPages < 0 || opts.Timeout < 0 {
		return nil, errors.New("pdf: negative option")
	}
	if opts.Workers == 0 {
		opts.Workers = 1
	}
	if opts.Timeout == 0 {
		opts.Timeout = 60 * time.Second
	}
	if opts.MaxPages == 0 {
		opts.MaxPages = 2000
	}
	return &Extractor{opts: opts}, nil
}

// start starts the PDFium runtime and its pool of instances.
func (e *Extractor) start() {
	e.cache, e.cacheAt = openCache(e.opts.CacheDir)
	// PDFium's setjmp/longjmp are lowered to exception handling. The
	// runtime is not made WithCloseOnContextDone: that starts a goroutine
	// per call and makes extraction 4-5 times slower; Extract stops waiting
	// instead (see BUG below).
	rc := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
	if e.cache != nil {
		rc = rc.WithCompilationCache(e.cache)
	}
	e.pool, e.initErr = webassembly.Init(webassembly.Config{
		MinIdle:       0,
		MaxIdle:       e.opts.Workers,
		MaxTotal:      e.opts.Workers,
		RuntimeConfig: rc,
		FSConfig:      wazero.NewFSConfig(), // documents come as bytes: no file system
		Stdout:        io.Discard,
		Stderr:        io.Discard,
		ReuseWorkers:  true,
	})
}

// Close stops the PDFium runtime. Extract fails after Close.
func (e *Extractor) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil
	}
	e.closed = true
	e.once.Do(func() {}) // never start after Close
	var errs []error
	if e.pool != nil {
		errs = append(errs, e.pool.Close())
	}
	if e.cache != nil {
		errs = append(errs, e.cache.Close(context.Background()))
	}
	return errors.Join(errs...)
}

// Extract reads the PDF in r (size bytes) and returns its pages of words and rules (Document.Layout). Errors are
// *hesabat.Error values naming src.Path: ErrEmpty, ErrUnsupported (not a
// PDF), ErrEncrypted (a user password is needed), ErrCorrupt, ErrTooLarge
// (more than Options.MaxPages pages) and ErrTimeout (over Options.Timeout);
// a cancelled ctx returns its error. Pages without a text layer and a
// repaired cross-reference table are reported in Document.Warnings.
func (e *Extractor) Extract(ctx context.Context, src hesabat.Source, r io.ReaderAt, size int64) (*hesabat.Document, error) {
	path := src.Path
	if size == 0 {
		return nil, hesabat.Errorf(path, hesabat.ErrEmpty, "the file has no content; check the download", "")
	}
	data := make([]byte, size)
	if _, err := r.ReadAt(data, 0); err != nil && !errors.Is(err, io.EOF) {
		return nil, &hesabat.Error{Path: path, Err: fmt.Errorf("read: %w", err)}
	}
	if !isPDF(data) {
		return nil, hesabat.Errorf(path, hesabat.ErrUnsupported, "the file is named .pdf but holds something else; save it as PDF", "not a PDF")
	}
	e.once.Do(e.start)
	e.mu.Lock()
	closed := e.closed
	e.mu.Unlock()
	if closed || e.pool == nil && e.initErr == nil {
		return nil, &hesabat.Error{Path: path, Err: errors.New("pdf: extractor closed")}
	}
	if e.initErr != nil {
		return nil, &hesabat.Error{Path: path, Err: fmt.Errorf("start PDFium: %w", e.initErr)}
	}

	outer := ctx // the caller's: OCR runs under it, not under the PDFium time limit
	ctx, cancel := context.WithTimeoutCause(ctx, e.opts.Timeout, errTimeLimit)
	defer cancel()
	inst, err := e.pool.GetInstanceWithContext(ctx)
	if err != nil {
		return nil, e.ctxError(ctx, path, fmt.Errorf("no PDFium instance: %w", err))
	}
	// PDFium runs in its own goroutine so that Extract returns when ctx
	// ends even if a PDFium call does not: the call is abandoned and its
	// instance killed at once, taken out of the pool, which makes a new
	// one. An instance that failed is killed too; only one that read its
	// document to the end goes back to the pool. A panic in this goroutine
	// is a bug in our code (PDFium's own failures come back as errors).
	//
	// BUG(pdf): an abandoned call runs on in its goroutine until PDFium
	// returns (wazero stops a call only with WithCloseOnContextDone, which
	// slows every call); its instance is already discarded, its result
	// dropped.
	var release sync.Once
	discard := func() { release.Do(func() { inst.Kill() }) }
	type result struct {
		doc *hesabat.Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if v := recover(); v != nil {
				r = result{err: hesabat.Bug(path, v)}
			}
			if r.err != nil || ctx.Err() != nil {
				discard()
			} else {
				release.Do(func() { inst.Close() })
			}
			done <- r
		}()
		r.doc, r.err = e.extract(ctx, inst, src, data)
	}()
	select {
	case r := <-done:
		if ctx.Err() != nil && !errors.Is(r.err, hesabat.ErrInternal) {
			return nil, e.ctxError(ctx, path, r.err)
		}
		if r.err == nil {
			if err := e.recognize(outer, src, data, r.doc); err != nil {
				return nil, &hesabat.Error{Path: path, Err: err}
			}
		}
		return r.doc, r.err
	case <-ctx.Done():
		discard()
		return nil, e.ctxError(ctx, path, ctx.Err())
	}
}

var errTimeLimit = errors.New("pdf: document time limit")

// ctxError turns a failure after ctx ended into ErrTimeout (our limit) or
// the context's error (the caller cancelled).
func (e *Extractor) ctxError(ctx context.Context, path string, err error) error {
	if context.Cause(ctx) == errTimeLimit {
		return hesabat.Errorf(path, hesabat.ErrTimeout, "raise the time limit if the file is just large", "more than %s", e.opts.Timeout)
	}
	if ctx.Err() != nil {
		return &hesabat.Error{Path: path, Err: ctx.Err()}
	}
	return &hesabat.Error{Path: path, Err: err}
}

// isPDF reports whether data starts with a PDF header (within the first KB,
// as readers allow).
func isPDF(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// extract opens data in inst and reads every page.
func (e *Extractor) extract(ctx context.Context, inst pdfium.Pdfium, src hesabat.Source, data []byte) (*hesabat.Document, error) {
	path := src.Path
	od, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return nil, openError(path, err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: od.Document})
	doc := &hesabat.Document{Source: src}
	if v, err := inst.FPDF_DocumentHasValidCrossReferenceTable(&requests.FPDF_DocumentHasValidCrossReferenceTable{Document: od.Document}); err == nil && !v.DocumentHasValidCrossReferenceTable {
		doc.Warnings = append(doc.Warnings, hesabat.Warnf(hesabat.WarnRepaired, 0, "damaged cross-reference table; PDFium rebuilt it, so pages may be missing"))
	}
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: od.Document})
	if err != nil {
		return nil, hesabat.Errorf(path, hesabat.ErrCorrupt, "", "page count: %v", err)
	}
	if pc.PageCount == 0 {
		return nil, hesabat.Errorf(path, hesabat.ErrCorrupt, "the file may be truncated; download it again", "no pages")
	}
	if pc.PageCount > e.opts.MaxPages {
		return nil, hesabat.Errorf(path, hesabat.ErrTooLarge, "raise the page limit if the file is genuine", "%d pages, limit %d", pc.PageCount, e.opts.MaxPages)
	}
	doc.Pages = pc.PageCount
	pages := make([]*page, 0, pc.PageCount)
	for i := 0; i < pc.PageCount; i++ {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		p, err := readPage(inst, od.Document, i)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			doc.Warnings = append(doc.Warnings, hesabat.Warnf(hesabat.WarnPageSkipped, i+1, "page skipped: %v", err))
			continue
		}
		pages = append(pages, p)
	}
	for _, p := range pages {
		lp, w := layoutPage(p)
		doc.Layout = append(doc.Layout, lp)
		if w != nil {
			doc.Warnings = append(doc.Warnings, *w)
		}
	}
	return doc, nil
}

// openError classifies PDFium's failure to open a document.
func openError(path string, err error) error {
	switch {
	case errors.Is(err, pdfiumerr.ErrPassword):
		return hesabat.Errorf(path, hesabat.ErrEncrypted, "open it with its password and save an unprotected copy", "a user password is needed to open it")
	case errors.Is(err, pdfiumerr.ErrSecurity):
		return hesabat.Errorf(path, hesabat.ErrEncrypted, "the PDF uses an unsupported encryption; save an unprotected copy", "unsupported security handler")
	}
	msg := err.Error()
	switch {
	case errors.Is(err, pdfiumerr.ErrFormat):
		msg = "PDFium cannot parse it"
	case errors.Is(err, pdfiumerr.ErrFile):
		msg = "PDFium cannot read it"
	}
	return hesabat.Errorf(path, hesabat.ErrCorrupt, "the file may be truncated or damaged; download it again or re-save it", "%s", msg)
}
