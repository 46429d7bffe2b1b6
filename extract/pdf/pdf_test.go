package pdf

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/pdf/internal/pdftest"
	"github.com/hesabat/hesabat/transform/layout"
)

var update = flag.Bool("update", false, "rewrite the golden row files in testdata/")

// shared is one Extractor for the tests: starting PDFium is the slow part.
var shared = sync.OnceValues(func() (*Extractor, error) {
	return New(Options{Workers: 2, Timeout: 10 * time.Second, OCR: OCROff}) // these tests read text layers; OCR is tested in cmd/hesabat
})

func extractor(t testing.TB) *Extractor {
	t.Helper()
	e, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func extractBytes(t testing.TB, e *Extractor, path string, data []byte) (*hesabat.Document, error) {
	t.Helper()
	src := hesabat.Source{Path: path, Format: hesabat.PDF, Size: int64(len(data))}
	return e.Extract(context.Background(), src, bytes.NewReader(data), int64(len(data)))
}

// rows runs the layout engine over the document's pages, as the
// transform does: the extractor's rows.
func rows(doc *hesabat.Document) ([]hesabat.Row, []hesabat.Furniture) {
	r, f, _ := layout.Rows(doc.Layout)
	return r, f
}

func dumpRows(rows []hesabat.Row) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString("  ")
		if r.InTable {
			b.WriteString("table ")
		}
		for _, c := range r.Cells {
			b.WriteString("| ")
			if c.Continues {
				b.WriteString("(cont) ")
			}
			b.WriteString(strings.Join(c.Paras, " ¶ "))
			b.WriteString(" ")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestRowsGolden extracts the seed and its renderings with each engine,
// rebuilds their rows with the layout engine and compares rows and
// furniture with testdata/NAME.rows.json (rewritten from the default
// engine with -update): the Go reader alone, PDFium alone and both
// together must give the same rows. The golden files are written by the
// code: change detectors, not evidence.
func TestRowsGolden(t *testing.T) {
	inputs := []string{"../../testdata/seed/seed.pdf"}
	more, _ := filepath.Glob("../../testdata/pdf/seed-*.pdf")
	inputs = append(inputs, more...)
	inputs = append(inputs, "../../testdata/pdf/scan-page.pdf", "../../testdata/pdf/owner-only.pdf", "../../testdata/pdf/broken-xref.pdf")
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".pdf")
		for _, engine := range []string{EngineAuto, EngineGo, EnginePDFium} {
			t.Run(name+"/"+engine, func(t *testing.T) {
				rowsGolden(t, engineExtractor(t, engine), in, name, engine == EngineAuto)
			})
		}
	}
}

// engineExtractor returns a shared Extractor for engine.
func engineExtractor(t testing.TB, engine string) *Extractor {
	if engine == EngineAuto {
		return extractor(t)
	}
	enginesMu.Lock()
	defer enginesMu.Unlock()
	if e := engines[engine]; e != nil {
		return e
	}
	e, err := New(Options{Workers: 2, Timeout: 10 * time.Second, Engine: engine, OCR: OCROff})
	if err != nil {
		t.Fatal(err)
	}
	engines[engine] = e
	return e
}

var (
	enginesMu sync.Mutex
	engines   = map[string]*Extractor{}
)

// rowsGolden extracts in with e and compares the rows with
// testdata/NAME.rows.json, which -update rewrites when rewrite is set.
func rowsGolden(t *testing.T, e *Extractor, in, name string, rewrite bool) {
	t.Helper()
	doc, err := extractBytes(t, e, in, readFile(t, in))
	if err != nil {
		t.Fatal(err)
	}
	rs, furniture := rows(doc)
	got, err := json.MarshalIndent(struct {
		Pages     int
		Warnings  []hesabat.Warning
		Rows      []hesabat.Row
		Furniture []hesabat.Furniture
	}{doc.Pages, doc.Warnings, rs, furniture}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", name+".rows.json")
	if *update && rewrite {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := readFile(t, golden)
	if !sameRows(got, want) {
		t.Errorf("rows differ from %s (run with -update and review the diff)", golden)
	}
}

// boxTolerance is how far, in points, a cell's box may stand from the
// golden's: the readers' glyph boxes differ by up to 0.02 pt plus 1.5 % of
// a glyph's height (TestGoMatchesPDFium), and the engine rounds boxes to
// 0.01 pt.
const boxTolerance = 0.5

// sameRows reports whether two rows goldens are equal, cell boxes within
// boxTolerance.
func sameRows(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	var same func(x, y any, box bool) bool
	same = func(x, y any, box bool) bool {
		switch xv := x.(type) {
		case map[string]any:
			yv, ok := y.(map[string]any)
			if !ok || len(xv) != len(yv) {
				return false
			}
			for k, v := range xv {
				if !same(v, yv[k], box || k == "Box") {
					return false
				}
			}
			return true
		case []any:
			yv, ok := y.([]any)
			if !ok || len(xv) != len(yv) {
				return false
			}
			for i := range xv {
				if !same(xv[i], yv[i], box) {
					return false
				}
			}
			return true
		case float64:
			yv, ok := y.(float64)
			if box {
				return ok && math.Abs(xv-yv) <= boxTolerance
			}
			return ok && xv == yv
		}
		return x == y
	}
	return same(x, y, false)
}

// TestSeedRows checks the seed's rows for what the stitcher relies on.
func TestSeedRows(t *testing.T) {
	doc, err := extractBytes(t, extractor(t), "seed.pdf", readFile(t, "../../testdata/seed/seed.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Pages != 7 {
		t.Errorf("pages %d, want 7", doc.Pages)
	}
	rs, _ := rows(doc)
	if r := rs[0]; r.InTable || !strings.HasPrefix(r.Cells[0].Text(), "“Açıq hökumətin") || !strings.HasSuffix(r.Cells[0].Text(), "2022-ci il üzrə hesabatı") {
		t.Errorf("first row is not the title paragraph: %+v", r)
	}
	numbers := map[string]bool{}
	headers := 0
	for _, r := range rs {
		if !r.InTable {
			continue
		}
		if len(r.Cells) != 4 {
			t.Errorf("page %d: row with %d cells: %s", r.Page, len(r.Cells), dumpRows([]hesabat.Row{r}))
			continue
		}
		switch first := r.Cells[0].Text(); {
		case first == "Sıra N-si":
			headers++
		case first != "":
			numbers[first] = true
		}
	}
	if headers != 7 {
		t.Errorf("%d header rows, want one per page", headers)
	}
	for _, n := range []string{"1.2.", "1.6.", "1.9.", "3.3.", "4.1.", "4.2.", "4.7.", "5.4.", "5.5.", "5.6.", "6.3."} {
		if !numbers[n] {
			t.Errorf("no row numbered %s", n)
		}
	}
	if len(numbers) != 11 {
		t.Errorf("numbered rows %v, want 11", numbers)
	}
}

// corrupt derives bad inputs from the seed's bytes.
func TestBadInput(t *testing.T) {
	seed := readFile(t, "../../testdata/seed/seed.pdf")
	brokenXref := regexp.MustCompile(`startxref\s+\d+`).ReplaceAll(bytes.Clone(seed), []byte("startxref\n999999999"))
	brokenXref = regexp.MustCompile(`\d{10} \d{5} n`).ReplaceAll(brokenXref, []byte("0000000001 00000 n"))
	tests := []struct {
		name    string
		data    []byte
		kind    error  // nil: extraction succeeds
		message string // in the error
	}{
		{"empty", nil, hesabat.ErrEmpty, ""},
		{"html", []byte("<!DOCTYPE html><html><body><p>Hesabat</p></body></html>"), hesabat.ErrUnsupported, "not a PDF"},
		{"header only", []byte("%PDF-1.7\n"), hesabat.ErrCorrupt, ""},
		{"truncated", seed[:len(seed)/2], hesabat.ErrCorrupt, ""},
		{"encrypted", readFile(t, "../../testdata/pdf/encrypted-user.pdf"), hesabat.ErrEncrypted, "password"},
		{"owner password only", readFile(t, "../../testdata/pdf/owner-only.pdf"), nil, ""},
		{"broken xref", brokenXref, nil, ""},
	}
	e := extractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := "reports/" + tt.name + ".pdf"
			doc, err := extractBytes(t, e, path, tt.data)
			if tt.kind == nil {
				if err != nil {
					t.Fatalf("error %v", err)
				}
				if rs, _ := rows(doc); len(rs) == 0 {
					t.Error("no rows")
				}
				return
			}
			checkError(t, err, path, tt.kind)
			if !strings.Contains(err.Error(), tt.message) {
				t.Errorf("error %q does not mention %q", err, tt.message)
			}
		})
	}
}

// checkError asserts err is a one-line *hesabat.Error naming path, of kind
// and with a hint.
func checkError(t *testing.T, err error, path string, kind error) {
	t.Helper()
	var he *hesabat.Error
	if !errors.As(err, &he) {
		t.Fatalf("error %v (%T), want *hesabat.Error", err, err)
	}
	if !errors.Is(err, kind) {
		t.Errorf("error %q, want kind %q", err, kind)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, path+": ") || strings.Contains(msg, "\n") || he.Hint == "" {
		t.Errorf("error %q: want one line naming %s with a hint", msg, path)
	}
}

func TestLimits(t *testing.T) {
	seed := readFile(t, "../../testdata/seed/seed.pdf")
	t.Run("pages", func(t *testing.T) {
		e, err := New(Options{MaxPages: 3})
		if err != nil {
			t.Fatal(err)
		}
		defer e.Close()
		_, err = extractBytes(t, e, "big.pdf", seed)
		checkError(t, err, "big.pdf", hesabat.ErrTooLarge)
	})
	t.Run("time", func(t *testing.T) {
		e, err := New(Options{Timeout: time.Millisecond, Engine: EnginePDFium})
		if err != nil {
			t.Fatal(err)
		}
		defer e.Close()
		e.once.Do(e.start) // start PDFium outside the time limit
		_, err = extractBytes(t, e, "slow.pdf", seed)
		checkError(t, err, "slow.pdf", hesabat.ErrTimeout)
		// The killed instance is replaced: the next document works.
		e.opts.Timeout = time.Minute
		if _, err := extractBytes(t, e, "seed.pdf", seed); err != nil {
			t.Errorf("after a timeout: %v", err)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := extractor(t).Extract(ctx, hesabat.Source{Path: "x.pdf"}, bytes.NewReader(seed), int64(len(seed)))
		if !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want context.Canceled", err)
		}
	})
	t.Run("closed", func(t *testing.T) {
		e, _ := New(Options{})
		e.Close()
		if _, err := extractBytes(t, e, "x.pdf", seed); err == nil {
			t.Error("Extract after Close succeeded")
		}
	})
}

// TestConcurrent extracts the seed from several goroutines at once: the
// rows must equal a lone extraction's.
func TestConcurrent(t *testing.T) {
	e := extractor(t)
	seed := readFile(t, "../../testdata/seed/seed.pdf")
	want, err := extractBytes(t, e, "seed.pdf", seed)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	docs := make([]*hesabat.Document, 4)
	errs := make([]error, 4)
	for i := range docs {
		wg.Go(func() { docs[i], errs[i] = extractBytes(t, e, "seed.pdf", seed) })
	}
	wg.Wait()
	for i := range docs {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if !jsonEqual(docs[i].Layout, want.Layout) {
			t.Errorf("goroutine %d: pages differ", i)
		}
	}
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// FuzzExtract feeds mutated PDFs to the extractor and the layout engine:
// they must return words and rows of valid UTF-8 or an *hesabat.Error, and
// never panic; a panic the Go reader recovered from in its own code (the
// page went to PDFium) fails too.
func FuzzExtract(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/pdf/*.pdf")
	seeds = append(seeds, "../../testdata/seed/seed.pdf")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	e := extractor(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := extractBytes(t, e, "fuzz.pdf", data)
		if p := e.lastPanic.Load(); p != nil {
			t.Fatalf("the Go reader panicked: %v\n%s", p.v, p.stack)
		}
		if err != nil {
			var he *hesabat.Error
			if !errors.As(err, &he) {
				t.Fatalf("error %v (%T), want *hesabat.Error", err, err)
			}
			if errors.Is(err, hesabat.ErrInternal) {
				t.Fatalf("bug: %v\n%s", err, he.Stack)
			}
			return
		}
		for _, p := range doc.Layout {
			for _, w := range p.Words {
				if !utf8.ValidString(w.Text) {
					t.Fatalf("invalid UTF-8 %q", w.Text)
				}
			}
		}
		rs, _ := rows(doc)
		for _, r := range rs {
			for _, c := range r.Cells {
				for _, p := range c.Paras {
					if !utf8.ValidString(p) {
						t.Fatalf("invalid UTF-8 %q", p)
					}
				}
			}
		}
	})
}

// minimalPDF returns a one-page PDF (Helvetica as F1) with the given media
// box size, /Rotate and content stream.
func minimalPDF(w, h, rotate int, content string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Rotate %d /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>", w, h, rotate),
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	return pdftest.File(objs...)
}

// landscapeTable is a content stream drawing, in an 842 x 595 landscape
// space, a title and a ruled two-column table with a header and one row.
const landscapeTable = `0 0 0 RG 1 w
50 500 m 750 500 l S 50 470 m 750 470 l S 50 400 m 750 400 l S
50 500 m 50 400 l S 150 500 m 150 400 l S 750 500 m 750 400 l S
BT /F1 12 Tf 300 530 Td (Hesabat basligi) Tj ET
BT /F1 10 Tf 55 482 Td (Sira) Tj ET
BT /F1 10 Tf 155 482 Td (Gorulmus isler) Tj ET
BT /F1 10 Tf 55 452 Td (1.1.) Tj ET
BT /F1 10 Tf 155 452 Td (Birinci setir davam) Tj ET
BT /F1 10 Tf 155 438 Td (edir.) Tj ET`

// TestRotation reads the same landscape table drawn four ways: on a
// landscape page; turned a quarter on a portrait page shown with /Rotate
// 90; turned without /Rotate; and upright but shown turned by /Rotate 90.
func TestRotation(t *testing.T) {
	turned := "q 0 1 -1 0 595 0 cm\n" + landscapeTable + "\nQ"
	tests := []struct {
		name string
		pdf  []byte
	}{
		{"landscape", minimalPDF(842, 595, 0, landscapeTable)},
		{"Rotate 90 with turned content", minimalPDF(595, 842, 90, turned)},
		{"turned content without Rotate", minimalPDF(595, 842, 0, turned)},
		{"Rotate 90 over upright content", minimalPDF(842, 595, 90, landscapeTable)},
	}
	want := []hesabat.Row{
		{Cells: []hesabat.Cell{{Paras: []string{"Hesabat basligi"}}}, Page: 1, Offset: -1},
		{Cells: []hesabat.Cell{{Paras: []string{"Sira"}}, {Paras: []string{"Gorulmus isler"}}}, InTable: true, Page: 1, Offset: -1},
		{Cells: []hesabat.Cell{{Paras: []string{"1.1."}}, {Paras: []string{"Birinci setir davam edir."}}}, InTable: true, Page: 1, Offset: -1},
	}
	e := extractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := extractBytes(t, e, "rotated.pdf", tt.pdf)
			if err != nil {
				t.Fatal(err)
			}
			rs, _ := rows(doc)
			for i := range rs {
				for j := range rs[i].Cells {
					rs[i].Cells[j].Box = hesabat.Box{} // compared below
				}
			}
			if !jsonEqual(rs, want) {
				t.Errorf("rows:\n%s\nwant:\n%s", dumpRows(rs), dumpRows(want))
			}
		})
	}
}
