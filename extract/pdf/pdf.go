// Package pdf extracts the positioned words and rules of PDF reports for
// the layout engine. Pages are read by a pure-Go reader (package
// internal/gopdf, over pdfcpu's object reader) or, for a page it declines,
// by PDFium run as WebAssembly by wazero (no cgo), which starts only then;
// Options.Engine chooses. Both give the same glyphs and rules
// (TestGoMatchesPDFium). Pages without a text layer are read by OCR
// (Options.OCR, package ocr).
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
	"sync/atomic"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdfiumerr "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/ocr"
	"github.com/hesabat/hesabat/extract/pdf/internal/gopdf"
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
	// Engine chooses the reader: EngineAuto (""), EngineGo or
	// EnginePDFium.
	Engine string
	// PagesRead, when set, is called after each document read with the
	// number of its pages each reader read.
	PagesRead func(path string, goPages, pdfiumPages int)
}

// Extractor reads PDF files. It is safe for concurrent use. The PDFium
// runtime is started when a page first needs it, once per Extractor;
// Close releases it.
type Extractor struct {
	opts Options

	goPages, pdfiumPages atomic.Int64
	ocrPages             atomic.Int64 // pages recognised, read (empty) by one of the two first
	goPanics             atomic.Int64 // panics in package gopdf itself: bugs
	lastPanic            atomic.Pointer[goPanic]

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
	switch opts.Engine {
	case "":
		opts.Engine = EngineAuto
	case EngineAuto, EngineGo, EnginePDFium:
	default:
		return nil, fmt.Errorf("pdf: unknown engine %q (want auto, go or pdfium)", opts.Engine)
	}
	return &Extractor{opts: opts}, nil
}

// PagesRead returns how many pages the Go reader and PDFium have read
// since the Extractor was made.
func (e *Extractor) PagesRead() (goPages, pdfiumPages int64) {
	return e.goPages.Load(), e.pdfiumPages.Load()
}

// OCRPages returns how many pages have been recognised by OCR since the
// Extractor was made. Each was read first, without text, by the Go reader
// or PDFium, and is counted by PagesRead too.
func (e *Extractor) OCRPages() int64 { return e.ocrPages.Load() }

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
	if e.isClosed() {
		return nil, &hesabat.Error{Path: path, Err: errors.New("pdf: extractor closed")}
	}
	outer := ctx // the caller's: OCR runs under it, not under the PDF time limit
	ctx, cancel := context.WithTimeoutCause(ctx, e.opts.Timeout, errTimeLimit)
	defer cancel()
	doc, err := e.read(ctx, src, data)
	if err != nil {
		return nil, err
	}
	if err := e.recognize(outer, src, data, doc); err != nil {
		return nil, &hesabat.Error{Path: path, Err: err}
	}
	return doc, nil
}

// read reads the pages of data with the Go reader, PDFium or both, by the
// Extractor's engine, under ctx's time limit.
func (e *Extractor) read(ctx context.Context, src hesabat.Source, data []byte) (*hesabat.Document, error) {
	if e.opts.Engine != EnginePDFium {
		doc, err := e.runGo(ctx, src, data)
		if !errors.Is(err, errWholeDocument) {
			return doc, err
		}
	}
	var doc *hesabat.Document
	err := e.withPDFium(ctx, src.Path, func(inst pdfium.Pdfium) (err error) {
		doc, err = e.extract(ctx, inst, src, data)
		return err
	})
	if err != nil {
		return nil, err
	}
	e.counted(src.Path, 0, doc.Pages)
	return doc, nil
}

func (e *Extractor) isClosed() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.closed
}

// counted records how many pages of a document each reader read.
func (e *Extractor) counted(path string, goPages, pdfiumPages int) {
	e.goPages.Add(int64(goPages))
	e.pdfiumPages.Add(int64(pdfiumPages))
	if e.opts.PagesRead != nil {
		e.opts.PagesRead(path, goPages, pdfiumPages)
	}
}

// runGo runs extractGo in its own goroutine, so that Extract returns when
// ctx ends even if the reader does not (a loop in a library on hostile
// input), and turns a panic outside the per-page recovery (in the layout)
// into an error.
func (e *Extractor) runGo(ctx context.Context, src hesabat.Source, data []byte) (*hesabat.Document, error) {
	type result struct {
		doc *hesabat.Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if v := recover(); v != nil {
				r = result{err: hesabat.Bug(src.Path, v)}
			}
			done <- r
		}()
		r.doc, r.err = e.extractGo(ctx, src, data)
	}()
	select {
	case r := <-done:
		return r.doc, r.err
	case <-ctx.Done():
		return nil, e.ctxError(ctx, src.Path, ctx.Err())
	}
}

// errWholeDocument is extractGo leaving the whole document to PDFium.
var errWholeDocument = errors.New("pdf: the Go reader leaves the document to PDFium")

// extractGo reads data with the Go reader, and the pages it declines with
// PDFium (EngineAuto) or not at all (EngineGo). It returns
// errWholeDocument when, with EngineAuto, PDFium should read the whole
// document: one the Go reader cannot open or finds no pages in.
func (e *Extractor) extractGo(ctx context.Context, src hesabat.Source, data []byte) (*hesabat.Document, error) {
	path := src.Path
	auto := e.opts.Engine == EngineAuto
	gd, err := openGo(data)
	if err == nil && gd.Pages == 0 {
		err = errors.New("no pages")
	}
	if err != nil {
		e.notePanic(err)
		switch {
		case auto:
			return nil, errWholeDocument
		case errors.Is(err, gopdf.ErrPassword):
			return nil, hesabat.Errorf(path, hesabat.ErrEncrypted, "open it with its password and save an unprotected copy", "%v", err)
		}
		return nil, hesabat.Errorf(path, hesabat.ErrCorrupt, "the file may be truncated or damaged; try --pdf-engine auto, or re-save it", "the Go PDF reader cannot open it: %v", err)
	}
	if gd.Pages > e.opts.MaxPages {
		if auto {
			return nil, errWholeDocument // a page tree's /Count can lie: PDFium counts the pages
		}
		return nil, hesabat.Errorf(path, hesabat.ErrTooLarge, "raise the page limit if the file is genuine", "%d pages, limit %d", gd.Pages, e.opts.MaxPages)
	}
	doc := &hesabat.Document{Source: src, Pages: gd.Pages}
	if gd.Repaired {
		doc.Warnings = append(doc.Warnings, xrefWarning())
	}
	defer gd.Close()
	// Each page the Go reader reads is turned into the layout engine's
	// page at once, so that its glyphs' memory serves the next page.
	type laid struct {
		p    hesabat.Page
		w    *hesabat.Warning
		read bool
	}
	pages := make([]laid, gd.Pages)
	l := layouters.Get().(*layouter)
	defer layouters.Put(l)
	var left []int // pages for PDFium
	reasons := map[int]error{}
	for i := range gd.Pages {
		if ctx.Err() != nil {
			return nil, e.ctxError(ctx, path, ctx.Err())
		}
		p, err := readGoPage(gd, i, l.chars)
		if err != nil {
			e.notePanic(err)
			left = append(left, i)
			reasons[i] = err
			continue
		}
		l.chars = p.chars
		pages[i].p, pages[i].w = l.page(p)
		pages[i].read = true
	}
	goPages := gd.Pages - len(left)
	var warnings []hesabat.Warning
	switch {
	case len(left) > 0 && auto:
		var read []*page // the pages in left
		err := e.withPDFium(ctx, path, func(inst pdfium.Pdfium) error {
			var err error
			read, warnings, err = readPages(ctx, inst, path, data, left)
			return err
		})
		if err != nil {
			return nil, err
		}
		for k, i := range left {
			if read[k] != nil {
				pages[i].p, pages[i].w = l.page(read[k])
				pages[i].read = true
			}
		}
	case len(left) > 0:
		for _, i := range left {
			warnings = append(warnings, hesabat.Warnf(hesabat.WarnPageSkipped, i+1, "page skipped: the Go PDF reader %v (--pdf-engine auto reads it with PDFium)", reasons[i]))
		}
	}
	doc.Warnings = append(doc.Warnings, warnings...)
	for _, p := range pages {
		if p.read {
			addPage(doc, p.p, p.w)
		}
	}
	pdfiumPages := 0
	if auto {
		pdfiumPages = len(left)
	}
	e.counted(path, goPages, pdfiumPages)
	return doc, nil
}

// notePanic counts a panic of the Go reader's own code.
func (e *Extractor) notePanic(err error) {
	var p *goPanic
	if errors.As(err, &p) && p.ours {
		e.goPanics.Add(1)
		e.lastPanic.Store(p)
	}
}

// xrefWarning reports a cross-reference table rebuilt by either reader.
func xrefWarning() hesabat.Warning {
	return hesabat.Warnf(hesabat.WarnRepaired, 0, "damaged cross-reference table; it was rebuilt from the objects in the file, so pages may be missing")
}

// withPDFium runs fn with a PDFium instance, starting the runtime on first
// use. PDFium runs in its own goroutine so that the call returns when ctx
// ends even if a PDFium call does not: the call is abandoned and its
// instance killed at once, taken out of the pool, which makes a new one.
// An instance that failed is killed too; only one whose fn succeeded goes
// back to the pool. A panic in this goroutine is a bug in our code
// (PDFium's own failures come back as errors).
//
// BUG(pdf): an abandoned call runs on in its goroutine until PDFium
// returns (wazero stops a call only with WithCloseOnContextDone, which
// slows every call); its instance is already discarded, its result
// dropped.
func (e *Extractor) withPDFium(ctx context.Context, path string, fn func(pdfium.Pdfium) error) error {
	e.once.Do(e.start)
	e.mu.Lock()
	closed := e.closed
	e.mu.Unlock()
	if closed || e.pool == nil && e.initErr == nil {
		return &hesabat.Error{Path: path, Err: errors.New("pdf: extractor closed")}
	}
	if e.initErr != nil {
		return &hesabat.Error{Path: path, Err: fmt.Errorf("start PDFium: %w", e.initErr)}
	}
	inst, err := e.pool.GetInstanceWithContext(ctx)
	if err != nil {
		return e.ctxError(ctx, path, fmt.Errorf("no PDFium instance: %w", err))
	}
	var release sync.Once
	discard := func() { release.Do(func() { inst.Kill() }) }
	done := make(chan error, 1)
	go func() {
		var err error
		defer func() {
			if v := recover(); v != nil {
				err = hesabat.Bug(path, v)
			}
			if err != nil || ctx.Err() != nil {
				discard()
			} else {
				release.Do(func() { inst.Close() })
			}
			done <- err
		}()
		err = fn(inst)
	}()
	select {
	case err := <-done:
		if ctx.Err() != nil && !errors.Is(err, hesabat.ErrInternal) {
			return e.ctxError(ctx, path, err)
		}
		return err
	case <-ctx.Done():
		discard()
		return e.ctxError(ctx, path, ctx.Err())
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
		doc.Warnings = append(doc.Warnings, xrefWarning())
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
	pages, warnings, err := readDocPages(ctx, inst, od.Document, nil, pc.PageCount)
	if err != nil {
		return nil, err
	}
	doc.Warnings = append(doc.Warnings, warnings...)
	addLayout(doc, pages)
	return doc, nil
}

// readPages opens data in inst and reads the pages in indexes (0-based),
// returning them in that order (nil for a page skipped with a warning).
func readPages(ctx context.Context, inst pdfium.Pdfium, path string, data []byte, indexes []int) ([]*page, []hesabat.Warning, error) {
	od, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return nil, nil, openError(path, err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: od.Document})
	return readDocPages(ctx, inst, od.Document, indexes, 0)
}

// readDocPages reads the pages in indexes of doc, or its first n pages
// when indexes is nil. A page PDFium cannot read is nil, with a warning.
func readDocPages(ctx context.Context, inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, indexes []int, n int) ([]*page, []hesabat.Warning, error) {
	if indexes == nil {
		indexes = make([]int, n)
		for i := range indexes {
			indexes[i] = i
		}
	}
	pages := make([]*page, len(indexes))
	var warnings []hesabat.Warning
	for k, i := range indexes {
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		p, err := readPage(inst, doc, i)
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil, ctx.Err()
			}
			warnings = append(warnings, hesabat.Warnf(hesabat.WarnPageSkipped, i+1, "page skipped: %v", err))
			continue
		}
		pages[k] = p
	}
	return pages, warnings, nil
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
