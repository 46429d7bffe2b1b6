package main

import "fmt"

// pdfPages counts the PDF pages read in a run by each reader (issue 17):
// the Go reader, PDFium for the pages the Go reader declines, and, among
// those, the pages without text that OCR then recognised.
type pdfPages struct {
	Go     int64 `json:"go"`
	PDFium int64 `json:"pdfium"`
	OCR    int64 `json:"ocr"`
}

// pdfPages returns the pages p's PDF extractor has read so far.
func (p *pipeline) pdfPages() pdfPages {
	g, f := p.pdf.PagesRead()
	return pdfPages{Go: g, PDFium: f, OCR: p.pdf.OCRPages()}
}

// String is the line -v prints: each reader's pages and share of all,
// "" when no PDF page was read.
func (n pdfPages) String() string {
	all := n.Go + n.PDFium
	if all == 0 {
		return ""
	}
	share := func(k int64) float64 { return 100 * float64(k) / float64(all) }
	return fmt.Sprintf("PDF pages read: %d, %d by the Go reader (%.1f%%), %d by PDFium (%.1f%%); %d of them recognised by OCR (%.1f%%)",
		all, n.Go, share(n.Go), n.PDFium, share(n.PDFium), n.OCR, share(n.OCR))
}
