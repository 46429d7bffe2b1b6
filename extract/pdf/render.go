package pdf

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"math"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// MaxRenderDPI bounds RenderPage's resolution: an A4 page at 600 dpi is
// already 35 megapixels.
const MaxRenderDPI = 600

// RenderPage renders page (from 1) of the PDF in data at dpi dots per inch
// and returns it as an image in the frame of the page's cell boxes
// (hesabat.Box): the display frame (/Rotate and the crop box applied),
// turned upright when most of the page's text runs turned, as extraction
// reads it (a landscape table printed sideways on a portrait page). A
// point (x, y) of a Box is the pixel (x, y)·dpi/72. It takes a PDFium instance from the pool Extract
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
	ctx, cancel := context.WithTimeoutCause(ctx, e.opts.Timeout, errTimeLimit)
	defer cancel()
	var img image.Image
	err := e.withPDFium(ctx, "", func(inst pdfium.Pdfium) (err error) {
		img, err = render(inst, data, page, dpi)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("pdf: render page %d: %w", page, err)
	}
	return img, nil
}

// render opens data in inst and draws page at dpi into an image of its
// own (PDFium's buffer is released before returning), in the frame the
// page's glyphs are read in (see readChars).
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
	display, text, err := frames(inst, od.Document, page-1)
	if err != nil {
		return nil, fmt.Errorf("pdf: render page %d: %w", page, err)
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
	if text.rot == display.rot {
		img := image.NewRGBA(src.Bounds())
		draw.Draw(img, img.Bounds(), src, src.Bounds().Min, draw.Src)
		return img, nil
	}
	return turn(src, display, text, float64(dpi)/72), nil
}

// frames returns the display frame of a page (what PDFium renders) and
// the frame its glyphs are read in, which is turned when most of its
// text runs turned (readChars).
func frames(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index int) (display, text frame, err error) {
	lp, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return display, text, fmt.Errorf("load page: %w", err)
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
	ref := requests.Page{ByReference: &lp.Page}
	bb, err := inst.FPDF_GetPageBoundingBox(&requests.FPDF_GetPageBoundingBox{Page: ref})
	if err != nil {
		return display, text, fmt.Errorf("page box: %w", err)
	}
	rot, err := inst.FPDFPage_GetRotation(&requests.FPDFPage_GetRotation{Page: ref})
	if err != nil {
		return display, text, fmt.Errorf("page rotation: %w", err)
	}
	display = frame{
		rot:    int(rot.PageRotation) & 3,
		width:  float64(bb.Rect.Right - bb.Rect.Left),
		height: float64(bb.Rect.Top - bb.Rect.Bottom),
	}
	text = display
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: ref})
	if err != nil {
		return display, text, nil // no text layer: nothing is read turned
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	cc, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil || cc.Count <= 0 {
		return display, text, nil
	}
	units, err := pageUnits(inst, tp.TextPage, cc.Count)
	if err != nil {
		return display, text, nil
	}
	if q, ok := textTurn(inst, tp.TextPage, cc.Count, units); ok {
		text.rot = q
	}
	return display, text, nil
}

// turn redraws src, a page rendered in frame from at scale pixels a
// point, in frame to: each pixel of the result takes the pixel of src
// that shows the same point of the page.
func turn(src image.Image, from, to frame, scale float64) *image.RGBA {
	w, h := to.size()
	dst := image.NewRGBA(image.Rect(0, 0, int(math.Round(w*scale)), int(math.Round(h*scale))))
	b := src.Bounds()
	for py := 0; py < dst.Rect.Dy(); py++ {
		for px := 0; px < dst.Rect.Dx(); px++ {
			x, y := to.user((float64(px)+0.5)/scale, (float64(py)+0.5)/scale)
			sx, sy := from.point(x, y)
			ix := min(max(int(sx*scale), 0), b.Dx()-1) + b.Min.X
			iy := min(max(int(sy*scale), 0), b.Dy()-1) + b.Min.Y
			dst.Set(px, py, src.At(ix, iy))
		}
	}
	return dst
}

// user maps (x, y) in the frame back to user space: the inverse of point.
func (f frame) user(x, y float64) (float64, float64) {
	switch f.rot {
	case 1:
		x, y = y, x
	case 2:
		x = f.width - x
	case 3:
		x, y = f.width-y, f.height-x
	default:
		y = f.height - y
	}
	return x + f.left, y + f.bottom
}
