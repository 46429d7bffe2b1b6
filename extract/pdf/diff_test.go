package pdf

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/requests"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/pdf/internal/gopdf"
	"github.com/hesabat/hesabat/extract/pdf/internal/pdftest"
)

// Tolerances of the differential test, in points. PDFium computes in
// 32-bit floats, the Go reader in 64-bit ones, and a glyph outline's box
// comes to PDFium through FreeType's metrics, to the Go reader from the
// font's glyph table, both rounded to 1/1000 em: box edges agree within
// 2/1000 em of a 10-pt font. A composite glyph reaching above the font's
// ascent (İ in DejaVu Sans) is a little taller in FreeType's outline than
// in the sum of its components' boxes: vertical edges may differ by a
// further glyphTolY of the box height, which cannot change how lines are
// grouped (that takes a quarter of the height). Rules come from path
// bounds that PDFium widens by the line width with its own join geometry:
// a tenth of a point.
const (
	glyphTol  = 0.02
	glyphTolY = 0.015
	ruleTol   = 0.1
)

// diffInputs are every PDF in testdata/ and fixtures/.
func diffInputs(t testing.TB) []string {
	var files []string
	for _, g := range []string{"../../testdata/seed/*.pdf", "../../testdata/pdf/*.pdf", "../../fixtures/corpus/pdf/*.pdf"} {
		m, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 50 {
		t.Fatalf("only %d PDFs found", len(files))
	}
	return files
}

// TestGoMatchesPDFium reads every PDF of the repository with both readers
// and compares, page by page, the characters (same runes in the same
// order, boxes within glyphTol) and the rules (within ruleTol), then the
// rows and warnings of the whole document. Pages the Go reader declines
// are counted, not compared; a document it cannot open must be one PDFium
// cannot open either.
func TestGoMatchesPDFium(t *testing.T) {
	e := extractor(t)
	goE, err := New(Options{Engine: EngineAuto, Timeout: e.opts.Timeout, OCR: OCROff})
	if err != nil {
		t.Fatal(err)
	}
	pdfiumE, err := New(Options{Engine: EnginePDFium, Timeout: e.opts.Timeout, OCR: OCROff})
	if err != nil {
		t.Fatal(err)
	}
	defer pdfiumE.Close()
	var goPages, declinedPages, hyphens int
	for _, in := range diffInputs(t) {
		t.Run(filepath.Base(in), func(t *testing.T) {
			data := readFile(t, in)
			gd, err := openGo(data)
			if err != nil {
				if _, perr := extractBytes(t, pdfiumE, in, data); perr == nil {
					t.Errorf("the Go reader cannot open it (%v), PDFium can", err)
				}
				return
			}
			var want []*page
			err = e.withPDFium(context.Background(), in, func(inst pdfium.Pdfium) error {
				idx := make([]int, gd.Pages)
				for i := range idx {
					idx[i] = i
				}
				var err error
				want, _, err = readPages(context.Background(), inst, in, data, idx)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			for i, w := range want {
				got, err := readGoPage(gd, i, nil)
				if err != nil {
					failOnOurPanic(t, err)
					declinedPages++
					t.Logf("page %d declined: %v", i+1, err)
					continue
				}
				goPages++
				if w == nil {
					t.Errorf("page %d: PDFium cannot read it, the Go reader can", i+1)
					continue
				}
				comparePages(t, i+1, got, w)
				hyphens += strings.Count(runes(w.chars), string(hyphenMark))
			}
			gdoc, gerr := extractBytes(t, goE, in, data)
			pdoc, perr := extractBytes(t, pdfiumE, in, data)
			if (gerr == nil) != (perr == nil) {
				t.Fatalf("errors differ: go %v, PDFium %v", gerr, perr)
			}
			if gerr != nil {
				return
			}
			gw := slices.DeleteFunc(slices.Clone(gdoc.Warnings), declineWarning)
			// The rows the layout engine builds from each reader's words:
			// the same text in the same cells (boxes may differ within the
			// glyph tolerance above).
			grows, _ := rows(gdoc)
			prows, _ := rows(pdoc)
			if dumpRows(grows) != dumpRows(prows) || !slices.Equal(gw, pdoc.Warnings) || gdoc.Pages != pdoc.Pages {
				t.Errorf("documents differ:\ngo (%d pages) %q\n%s\nPDFium (%d pages) %q\n%s", gdoc.Pages, gw, dumpRows(grows), pdoc.Pages, pdoc.Warnings, dumpRows(prows))
			}
		})
	}
	t.Logf("pages read by the Go reader: %d; declined: %d; PDFium line-end hyphen marks compared: %d", goPages, declinedPages, hyphens)
	if n := goE.goPanics.Load(); n > 0 {
		t.Errorf("%d panics in the Go reader; last:\n%s", n, goE.lastPanic.Load().stack)
	}
}

// TestContentChecksum reads a page whose content stream fails its
// Adler-32 checksum, or has none, as PDFium reads it: the Go reader keeps
// the inflated content (PDFium keeps what zlib inflates when the check
// fails) instead of declining the page, and the two read the same glyphs.
func TestContentChecksum(t *testing.T) {
	e := extractor(t)
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write([]byte(landscapeTable))
	w.Close()
	good := z.Bytes()
	wrong := append([]byte(nil), good...)
	wrong[len(wrong)-1] ^= 0xff
	for name, stream := range map[string][]byte{"wrong": wrong, "missing": good[:len(good)-4]} {
		t.Run(name, func(t *testing.T) {
			data := pdftest.File(
				"<< /Type /Catalog /Pages 2 0 R >>",
				"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
				fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", len(stream), stream),
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
			got, want := firstPages(t, e, name, data)
			if r := runes(got.chars); !strings.Contains(r, "Birinci setir davam") {
				t.Errorf("the Go reader read %q", r)
			}
			comparePages(t, 1, got, want)
		})
	}
}

// TestPageTree numbers pages as PDFium does in page trees that are not
// what the standard asks: page objects without /Type or with another, a
// kid that is no object, a /Count that says more or fewer pages than the
// tree holds or that lies in a node, a /Page with /Kids, a /Pages without,
// attributes inherited from a node. The Go reader reads page i where PDFium
// reads page i, and declines it where PDFium cannot read it: were the two
// to number pages differently, auto would put text on the wrong pages and
// read some twice.
func TestPageTree(t *testing.T) {
	e := extractor(t)
	content := func(text string) string {
		c := "BT /F1 12 Tf 20 200 Td (" + text + ") Tj ET"
		return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(c), c)
	}
	// pageObj is a page object under node parent whose content is object c.
	pageObj := func(typ string, parent, c int) string {
		return fmt.Sprintf("<< %s /Parent %d 0 R /MediaBox [0 0 300 300] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", typ, parent, c)
	}
	const (
		catalog = "<< /Type /Catalog /Pages 2 0 R >>"
		font    = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
	)
	// reads is how many pages of each file can be read, from its objects.
	reads := map[string]int{"untyped pages": 2, "a page of another type": 2, "a kid that is no object": 2,
		"count too low": 2, "count too high": 2, "a node's count lies": 3, "a node without kids": 1,
		"a page with kids": 1, "inherited attributes": 2}
	for name, objs := range map[string][]string{
		"untyped pages": {catalog, "<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>", font,
			pageObj("", 2, 5), content("one"), pageObj("", 2, 7), content("two")},
		"a page of another type": {catalog, "<< /Type /Pages /Kids [4 0 R 6 0 R 8 0 R] /Count 3 >>", font,
			pageObj("/Type /Page", 2, 5), content("one"), pageObj("/Type /Foo", 2, 7), content("two"), pageObj("/Type /Page", 2, 9), content("three")},
		"a kid that is no object": {catalog, "<< /Type /Pages /Kids [4 0 R 99 0 R 6 0 R] /Count 3 >>", font,
			pageObj("/Type /Page", 2, 5), content("one"), pageObj("/Type /Page", 2, 7), content("two")},
		"count too low": {catalog, "<< /Type /Pages /Kids [4 0 R 6 0 R 8 0 R] /Count 2 >>", font,
			pageObj("/Type /Page", 2, 5), content("one"), pageObj("/Type /Page", 2, 7), content("two"), pageObj("/Type /Page", 2, 9), content("three")},
		"count too high": {catalog, "<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 3 >>", font,
			pageObj("/Type /Page", 2, 5), content("one"), pageObj("/Type /Page", 2, 7), content("two")},
		"a node's count lies": {catalog, "<< /Type /Pages /Kids [8 0 R 6 0 R] /Count 3 >>", font,
			pageObj("/Type /Page", 8, 5), content("one"), pageObj("/Type /Page", 2, 7), content("three"),
			"<< /Type /Pages /Parent 2 0 R /Kids [4 0 R 9 0 R] /Count 0 >>", pageObj("/Type /Page", 8, 10), content("two")},
		"a node without kids": {catalog, "<< /Type /Pages /Kids [4 0 R 6 0 R 8 0 R] /Count 2 >>", font,
			pageObj("/Type /Page", 2, 5), content("one"), "<< /Type /Pages /Parent 2 0 R /Count 0 >>", content("x"), pageObj("/Type /Page", 2, 9), content("two")},
		"a page with kids": {catalog, "<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>", font,
			"<< /Type /Page /Kids [] /Parent 2 0 R /MediaBox [0 0 300 300] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>", content("one"),
			pageObj("/Type /Page", 2, 7), content("two")},
		"inherited attributes": {catalog, "<< /Type /Pages /Kids [6 0 R] /Count 2 /MediaBox [0 0 200 400] >>", font,
			"<< /Type /Page /Parent 6 0 R /Contents 5 0 R >>", content("one"),
			"<< /Type /Pages /Parent 2 0 R /Kids [4 0 R 7 0 R] /Count 2 /Rotate 90 /Resources << /Font << /F1 3 0 R >> >> >>",
			"<< /Type /Page /Parent 6 0 R /Rotate 0 /CropBox [10 10 150 300] /Contents 8 0 R >>", content("two")},
	} {
		t.Run(name, func(t *testing.T) {
			data := pdftest.File(objs...)
			gd, err := openGo(data)
			if err != nil {
				t.Fatal(err)
			}
			want, _, err := pdfiumPages(e, name, data, gd.Pages)
			if err != nil {
				t.Fatal(err)
			}
			read := 0
			for i, w := range want {
				got, err := readGoPage(gd, i, nil)
				if err == nil {
					read++
				}
				var d *gopdf.Decline
				switch {
				case err != nil && !errors.As(err, &d):
					t.Errorf("page %d: %v", i+1, err)
				case err != nil && w != nil:
					t.Errorf("page %d declined (%v), PDFium reads %q", i+1, err, runes(w.chars))
				case err == nil && w == nil:
					t.Errorf("page %d: PDFium cannot read it, the Go reader reads %q", i+1, runes(got.chars))
				case err == nil:
					comparePages(t, i+1, got, w)
				}
			}
			if read != reads[name] {
				t.Errorf("%d pages read, want %d", read, reads[name])
			}
		})
	}
}

// TestOnePointPaths draws paths of a single point, which PDFium's content
// parser takes apart: painted, nothing (but a closed move with square
// caps); as a clip, an empty rectangle, which hides the rules after it as
// a rectangle does. The Go reader finds the rules PDFium finds.
func TestOnePointPaths(t *testing.T) {
	e := extractor(t)
	const rule = " 50 400 m 300 400 l S"
	// hidden are the cases whose rule a clip hides: in the others, the
	// rule is the page's one.
	hidden := map[string]bool{"a clip": true, "a rectangular clip": true}
	for name, content := range map[string]string{
		"stroked":                 "2 w 100 100 m S" + rule,
		"filled and stroked":      "0 0 m B" + rule,
		"closed, square caps":     "2 J 3 w 100 100 m h S" + rule,
		"closed, butt caps":       "3 w 100 100 m h S" + rule,
		"a clip":                  "q 100 100 m W n" + rule + " Q",
		"a clip, then restored":   "q 100 100 m W n Q" + rule,
		"a rectangular clip":      "q 0 0 10 10 re W n" + rule + " Q",
		"a clip the rule crosses": "q 0 0 100 842 re W n" + rule + " Q",
		"a rectangle's own rule":  "q 50 390 m W n Q 40 390 300 0.5 re f",
	} {
		t.Run(name, func(t *testing.T) {
			got, want := firstPages(t, e, name, minimalPDF(595, 842, 0, content))
			comparePages(t, 1, got, want)
			if n := len(got.rules); n != 1 && !hidden[name] || n != 0 && hidden[name] {
				t.Errorf("%d rules; hidden by a clip: %v", n, hidden[name])
			}
		})
	}
}

// firstPages reads the first page of data with the Go reader, which must
// not decline it, and with PDFium, which must read it.
func firstPages(t *testing.T, e *Extractor, name string, data []byte) (got, want *page) {
	t.Helper()
	gd, err := openGo(data)
	if err != nil {
		t.Fatal(err)
	}
	if got, err = readGoPage(gd, 0, nil); err != nil {
		t.Fatalf("the Go reader declines the page: %v", err)
	}
	pages, _, err := pdfiumPages(e, name, data, -1)
	if err != nil || len(pages) == 0 || pages[0] == nil {
		t.Fatalf("PDFium cannot read the page: %v", err)
	}
	return got, pages[0]
}

// pdfiumPages reads every page of data with PDFium, nil where it cannot
// read one, and returns its page count; when n >= 0, a count other than n
// is an error, before any page is read.
func pdfiumPages(e *Extractor, name string, data []byte, n int) (pages []*page, count int, err error) {
	err = e.withPDFium(context.Background(), name, func(inst pdfium.Pdfium) error {
		od, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
		if err != nil {
			return err
		}
		defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: od.Document})
		pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: od.Document})
		if err != nil {
			return err
		}
		if count = pc.PageCount; n >= 0 && count != n {
			return fmt.Errorf("PDFium counts %d pages, not %d", count, n)
		}
		pages, _, err = readDocPages(context.Background(), inst, od.Document, nil, count)
		return err
	})
	return pages, count, err
}

func declineWarning(w hesabat.Warning) bool {
	return strings.Contains(w.Message, "the Go PDF reader declined")
}

func asPanic(err error, p **goPanic) bool {
	v, ok := err.(*goPanic)
	*p = v
	return ok
}

// comparePages reports where got (the Go reader) and want (PDFium)
// differ.
func comparePages(t *testing.T, n int, got, want *page) {
	t.Helper()
	if math.Abs(got.w-want.w) > glyphTol || math.Abs(got.h-want.h) > glyphTol {
		t.Errorf("page %d: size %gx%g, PDFium %gx%g", n, got.w, got.h, want.w, want.h)
	}
	if g, w := runes(got.chars), runes(want.chars); g != w {
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		t.Errorf("page %d: text differs at rune %d:\ngo     %q\nPDFium %q", n, i, excerpt(g, i), excerpt(w, i))
		return
	}
	bad := 0
	for i := range got.chars {
		g, w := got.chars[i], want.chars[i]
		dy := glyphTol + glyphTolY*(w.y1-w.y0)
		if max(math.Abs(g.x0-w.x0), math.Abs(g.x1-w.x1)) > glyphTol || max(math.Abs(g.y0-w.y0), math.Abs(g.y1-w.y1)) > dy {
			if bad++; bad <= 3 {
				t.Errorf("page %d: char %d %q box %.3f %.3f %.3f %.3f, PDFium %.3f %.3f %.3f %.3f", n, i, g.r, g.x0, g.y0, g.x1, g.y1, w.x0, w.y0, w.x1, w.y1)
			}
		}
	}
	gr, wr := sortedRules(got.rules), sortedRules(want.rules)
	if len(gr) != len(wr) {
		t.Errorf("page %d: %d rules, PDFium %d\ngo     %v\nPDFium %v", n, len(gr), len(wr), gr, wr)
		return
	}
	for i := range gr {
		g, w := gr[i], wr[i]
		if boxDist(g.x0, g.y0, g.x1, g.y1, w.x0, w.y0, w.x1, w.y1) > ruleTol {
			t.Errorf("page %d: rule %v, PDFium %v", n, g, w)
		}
	}
}

func boxDist(a0, a1, a2, a3, b0, b1, b2, b3 float64) float64 {
	return max(math.Abs(a0-b0), math.Abs(a1-b1), math.Abs(a2-b2), math.Abs(a3-b3))
}

func runes(gs []glyph) string {
	var b strings.Builder
	for _, g := range gs {
		b.WriteRune(g.r)
	}
	return b.String()
}

func excerpt(s string, i int) string {
	r := []rune(s)
	k := len([]rune(s[:min(i, len(s))]))
	return string(r[max(0, k-20):min(len(r), k+20)])
}

func sortedRules(rs []rule) []rule {
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b rule) int {
		for _, d := range []float64{a.x0 - b.x0, a.y0 - b.y0, a.x1 - b.x1, a.y1 - b.y1} {
			if math.Abs(d) > ruleTol {
				if d < 0 {
					return -1
				}
				return 1
			}
		}
		return 0
	})
	return rs
}

// FuzzGoAgrees feeds mutated PDFs to both readers: the Go reader must not
// panic in its own code, and each page it reads must be PDFium's page
// (text, boxes and rules, as TestGoMatchesPDFium compares them) or be
// declined. Pages are compared only when both readers see the same page
// count, so that page i is the same page.
func FuzzGoAgrees(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/pdf/*.pdf")
	seeds = append(seeds, "../../testdata/seed/seed.pdf")
	for _, s := range seeds {
		f.Add(readFile(f, s))
	}
	f.Add(minimalPDF(842, 595, 0, landscapeTable))
	f.Add(minimalPDF(595, 842, 90, "q 0 1 -1 0 595 0 cm\n"+landscapeTable+"\nQ"))
	e := extractor(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		gd, err := openGo(data)
		if err != nil {
			failOnOurPanic(t, err)
			return
		}
		const maxPages = 50 // bounds the work per input
		if gd.Pages > maxPages {
			return
		}
		want, _, perr := pdfiumPages(e, "fuzz.pdf", data, gd.Pages)
		for i := range gd.Pages {
			got, err := readGoPage(gd, i, nil)
			if err != nil {
				failOnOurPanic(t, err)
				continue
			}
			if perr == nil && want[i] != nil {
				comparePages(t, i+1, got, want[i])
			}
		}
	})
}

// failOnOurPanic fails the test on a panic recovered from the Go reader's
// own code.
func failOnOurPanic(t *testing.T, err error) {
	t.Helper()
	var p *goPanic
	if asPanic(err, &p) && p.ours {
		t.Fatalf("%v\n%s", err, p.stack)
	}
}
