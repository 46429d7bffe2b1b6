package pdf

import (
	"context"
	"errors"
	"slices"
	"sync"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/ocr"
)

// OCR modes (Options.OCR).
const (
	// OCRAuto recognises the pages without a text layer (scans) when
	// Tesseract and its Azerbaijani model are installed.
	OCRAuto = "auto"
	// OCROff never recognises: a scanned page stays a warning.
	OCROff = "off"
	// OCRForce recognises every page, text layer or not (for files whose
	// text layer is garbage).
	OCRForce = "force"
)

// ocrDPI is the resolution at which pages are rendered for Tesseract,
// which reads body text best at 300 dpi.
const ocrDPI = 300

// ocrState remembers whether OCR can run, found out once per Extractor.
type ocrState struct {
	once sync.Once
	err  error
}

// recognize reads by OCR the pages of doc that need it (by the Extractor's
// OCR mode), replacing their empty layout pages and their warnings. A page
// that cannot be recognised keeps its warning, with the reason. It fails
// only when ctx ends.
func (e *Extractor) recognize(ctx context.Context, src hesabat.Source, data []byte, doc *hesabat.Document) error {
	var want []int
	switch e.opts.OCR {
	case OCROff:
		setMessage(doc, "page has no text layer; OCR is off (--ocr off)")
		return nil
	case OCRForce:
		for _, p := range doc.Layout {
			want = append(want, p.Number)
		}
	default:
		for _, w := range doc.Warnings {
			if w.Kind == hesabat.WarnNoTextLayer || w.Kind == hesabat.WarnUnmapped {
				want = append(want, w.Page)
			}
		}
	}
	if len(want) == 0 {
		return nil
	}
	if err := e.OCRAvailable(ctx); err != nil {
		setMessage(doc, "page has no text layer; OCR needs "+ocr.Packages+" (apt-get install "+ocr.Packages+")")
		return nil
	}
	for _, n := range want {
		img, err := e.RenderPage(ctx, data, n, ocrDPI)
		if err == nil {
			var p *ocr.Page
			if p, err = ocr.Recognize(ctx, img, ocrDPI, e.opts.OCROptions); err == nil {
				replacePage(doc, n, p)
				e.ocrPages.Add(1)
				continue
			}
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		doc.Warnings = append(doc.Warnings, hesabat.Warnf(hesabat.WarnOCR, n, "OCR failed: %v", err))
	}
	return nil
}

// OCRAvailable reports whether this Extractor can recognise scanned pages:
// nil when its OCR mode is not OCROff and Tesseract with its model can be
// run (checked once), else an error saying why.
func (e *Extractor) OCRAvailable(ctx context.Context) error {
	if e.opts.OCR == OCROff {
		return errors.New("OCR is off")
	}
	e.ocr.once.Do(func() { e.ocr.err = ocr.Check(ctx, e.opts.OCROptions) })
	return e.ocr.err
}

// setMessage rewrites the message of doc's no-text-layer warnings.
func setMessage(doc *hesabat.Document, msg string) {
	for i, w := range doc.Warnings {
		if w.Kind == hesabat.WarnNoTextLayer {
			doc.Warnings[i].Message = msg
		}
	}
}

// replacePage puts the OCR page p in place of page n of doc's layout and
// its warnings about a missing or unreadable text layer.
func replacePage(doc *hesabat.Document, n int, p *ocr.Page) {
	page := hesabat.Page{Number: n, Width: p.Width, Height: p.Height, Words: p.Words, Rules: p.Rules, OCR: true}
	i := slices.IndexFunc(doc.Layout, func(lp hesabat.Page) bool { return lp.Number == n })
	if i >= 0 {
		doc.Layout[i] = page
	} else {
		doc.Layout = append(doc.Layout, page)
		slices.SortFunc(doc.Layout, func(a, b hesabat.Page) int { return a.Number - b.Number })
	}
	doc.Warnings = slices.DeleteFunc(doc.Warnings, func(w hesabat.Warning) bool {
		return w.Page == n && (w.Kind == hesabat.WarnNoTextLayer || w.Kind == hesabat.WarnUnmapped)
	})
	var sum, chars float64
	for _, w := range p.Words {
		l := float64(len([]rune(w.Text)))
		sum += w.Conf * l
		chars += l
	}
	conf := 0.0
	if chars > 0 {
		conf = sum / chars
	}
	doc.Warnings = append(doc.Warnings, hesabat.Warnf(hesabat.WarnOCR, n,
		"page read by OCR (Tesseract, %d words, mean confidence %.2f, turned back %.2f°)", len(p.Words), conf, p.Skew))
}
