package transform

import (
	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
)

// sureOCR is the confidence from which an OCR word counts as read right:
// Tesseract gives words it is sure of 0.9 and more, and its misread
// diacritics (ə/e, ı/i, ş/s) come with lower values.
const sureOCR = 0.9

// RepairOCR puts right, in the words of doc's OCR pages that Tesseract was
// not sure of, the letters OCR confuses in Azerbaijani (ə/e/a, ı/i/l, ş/s,
// ğ/g, ç/c, ö/o, ü/u), where the document's own vocabulary shows the right
// form: the words of its text layer and the OCR words read with confidence
// (see aztext.OCRLexicon). Call it before Layout.
func RepairOCR(doc *hesabat.Document) {
	lx := make(aztext.OCRLexicon)
	ocr := false
	for _, p := range doc.Layout {
		ocr = ocr || p.OCR
		for _, w := range p.Words {
			if !p.OCR || w.Conf >= sureOCR {
				lx.Add(aztext.Normalize(w.Text))
			}
		}
	}
	for _, r := range doc.Rows {
		for _, c := range r.Cells {
			for _, p := range c.Paras {
				lx.Add(aztext.Normalize(p))
			}
		}
	}
	if !ocr {
		return
	}
	for i := range doc.Layout {
		p := &doc.Layout[i]
		if !p.OCR {
			continue
		}
		for j := range p.Words {
			if w := &p.Words[j]; w.Conf < sureOCR {
				w.Text = lx.Repair(aztext.Normalize(w.Text))
			}
		}
	}
}
