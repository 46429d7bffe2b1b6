package pdf

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/draw"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/requests"
)

// MaxRenderDPI bounds RenderPage's resolution: an A4 page at 600 dpi is
// already 35 megapixels.
const MaxRenderDPI = 600

// RenderPage renders page (from 1) of the PDF in data at dpi dots per inch
// and returns it as an image in the display frame (/Rotate and the crop
// box applied), the frame of hesabat.Box: a point (x, y) of a Box is the
// pixel (x, y)·dpi/72. It takes a PDFium instance from the pool Extract
// uses, so it waits while all are busy, and it is bounded by
// Options.Timeout. A page out of range or a dpi outside 1…MaxRenderDPI is
// an error; so is a file PDFium cannot open, classified as Extract does.
func (e *Extractor) RenderPage(ctx context.Context, data []byte, page, dpi int) (image.Image, error) {
	if dpi < 1 || dpi > MaxRenderDPI {
		return nil, fmt.Errorf("pdf: render at %d dpi: must be 1 to %d", dpi, MaxRenderDPI)
	}
	if page < 1 {
		return nil, fmt.Errorf("pdf: render page %d: pages count from 1", page)
	}
	if !isPDF(data) {
		return nil, errors.New("pdf: render: not a PDF")
	}
	if err := e.Start(ctx); err != nil {
		return nil, err
	}
	e.mu.Lock()
	closed := e.closed
	e.mu.Unlock()
	if closed || e.pool == nil {
		return nil, errors.New("pdf: extractor closed")
	}
	ctx, cancel := context.WithTimeoutCause(ctx, e.opts.Timeout, errTimeLimit)
	defer cancel()
	inst, err := e.pool.GetInstanceWithContext(ctx)
	if err != nil {
		return nil, fmt.Errorf("pdf: render: no PDFium instance: %w", err)
	}
	// As in Extract: PDFium runs in its own goroutine so that a stuck call
	// does not hold the caller past ctx; a failed or abandoned instance is
	// killed, and the pool makes a new one.
	type result struct {
		img image.Image
		err error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if v := recover(); v != nil {
				r = result{err: fmt.Errorf("pdf: render: PDFium failed: %v", v)}
			}
			if r.err != nil || ctx.Err() != nil {
				inst.Kill()
			} else {
				inst.Close()
			}
			done <- r
		}()
		r.img, r.err = render(inst, data, page, dpi)
	}()
	select {
	case r := <-done:
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("pdf: render page %d: %w", page, context.Cause(ctx))
		}
		return r.img, r.err
	case <-ctx.Done():
		return nil, fmt.Errorf("pdf: render page %d: %w", page, context.Cause(ctx))
	}
}

// render opens data in inst and draws page at dpi into an image of its
// own (PDFium's buffer is released before returning).
func render(inst pdfium.Pdfium, data []byte, page, dpi int) (image.Image, error) {
	od, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return nil, openError("", err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: od.Document})
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: od.Document})
	if err != nil {
		return nil, fmt.Errorf("pdf: render: page count: %w", err)
	}
	if page > pc.PageCount {
		return nil, fmt.Errorf("pdf: render page %d: the document has %d pages", page, pc.PageCount)
	}
	res, err := inst.RenderPageInDPI(&requests.RenderPageInDPI{
		Page: requests.Page{ByIndex: &requests.PageByIndex{Document: od.Document, Index: page - 1}},
		DPI:  dpi,
	})
	if err != nil {
		return nil, fmt.Errorf("pdf: render page %d: %w", page, err)
	}
	defer res.Cleanup()
	src := res.Result.RenderedImage
	if src == nil {
		return nil, fmt.Errorf("pdf: render page %d: no image", page)
	}
	img := image.NewRGBA(src.Bounds())
	draw.Draw(img, img.Bounds(), src, src.Bounds().Min, draw.Src)
	return img, nil
}
