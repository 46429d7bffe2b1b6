package pdf

import (
	"testing"
	"time"

	"github.com/hesabat/hesabat"
)

// TestBlankPage: a page that draws nothing gets the blank-page warning and
// is not read by OCR, so PDFium is not started for it; a page that paints
// an image (XObject or inline), a shading or a path, but has no text, is
// still a page without a text layer, for OCR.
func TestBlankPage(t *testing.T) {
	tests := []struct {
		name  string
		data  []byte
		blank bool
	}{
		{"empty content", minimalPDF(595, 842, 0, ""), true},
		{"white fill only", minimalPDF(595, 842, 0, "1 g 0 0 595 842 re f"), true},
		{"inline image", minimalPDF(595, 842, 0, "q 100 0 0 100 100 100 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q"), false},
		{"shading", minimalPDF(595, 842, 0, "/Sh1 sh"), false},
		{"path", minimalPDF(595, 842, 0, "0 0 0 RG 100 100 m 300 100 l S"), false},
		{"scanned page (image XObject)", readFile(t, "../../testdata/pdf/scan-page.pdf"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New(Options{Timeout: 10 * time.Second, Engine: EngineGo, OCR: OCROff})
			if err != nil {
				t.Fatal(err)
			}
			defer e.Close()
			doc, err := extractBytes(t, e, "blank.pdf", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			want := "page has no text layer; OCR is off (--ocr off)"
			if tt.blank {
				want = blankPage
			}
			if len(doc.Warnings) != 1 || doc.Warnings[0] != hesabat.Warnf(hesabat.WarnNoTextLayer, 1, "%s", want) {
				t.Errorf("warnings %v, want one: %q", doc.Warnings, want)
			}
		})
	}
	t.Run("PDFium", func(t *testing.T) {
		e, err := New(Options{Timeout: 10 * time.Second, Engine: EnginePDFium, OCR: OCROff})
		if err != nil {
			t.Fatal(err)
		}
		defer e.Close()
		for _, tt := range []struct {
			content string
			blank   bool
		}{{"", true}, {"0 0 0 RG 100 100 m 300 100 l S", false}} {
			doc, err := extractBytes(t, e, "blank.pdf", minimalPDF(595, 842, 0, tt.content))
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Warnings) != 1 || isBlank(doc.Warnings[0]) != tt.blank {
				t.Errorf("content %q: warnings %v, want one, blank %v", tt.content, doc.Warnings, tt.blank)
			}
		}
	})
	t.Run("no OCR, no PDFium", func(t *testing.T) {
		e, err := New(Options{Timeout: 10 * time.Second}) // OCR and engine auto
		if err != nil {
			t.Fatal(err)
		}
		defer e.Close()
		doc, err := extractBytes(t, e, "blank.pdf", minimalPDF(595, 842, 0, ""))
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Warnings) != 1 || !isBlank(doc.Warnings[0]) {
			t.Errorf("warnings %v, want the blank page's", doc.Warnings)
		}
		if e.pool != nil {
			t.Error("PDFium started for a blank page")
		}
	})
}
