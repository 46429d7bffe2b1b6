package main

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/ocr"
)

// similarity is 2·M / T for the runes of a and b, M their longest common
// subsequence and T their total length: the measure of Python's
// difflib.SequenceMatcher.ratio (which counts matching blocks, at most M).
func similarity(a, b string) float64 {
	x, y := []rune(a), []rune(b)
	if len(x)+len(y) == 0 {
		return 1
	}
	prev, cur := make([]int, len(y)+1), make([]int, len(y)+1)
	for i := range x {
		for j := range y {
			switch {
			case x[i] == y[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return 2 * float64(prev[len(y)]) / float64(len(x)+len(y))
}

func TestSimilarity(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"", "", 1}, {"abc", "abc", 1}, {"abc", "", 0}, {"abcd", "abxd", 0.75}, {"iclas", "İclas", 0.8},
	} {
		if got := similarity(c.a, c.b); got != c.want {
			t.Errorf("similarity(%q, %q) = %g, want %g", c.a, c.b, got, c.want)
		}
	}
}

// minOCRSimilarity is how alike an OCR'd measure's title and work done must
// be to the gold (see similarity): the bar for scans.
const minOCRSimilarity = 0.95

// TestOCRGold extracts the test scans (testdata/ocr, made by its make.sh
// from the seed and two corpus reports: noisy, turned 1-2°, JPEG) and a PDF
// with text and scanned pages, and compares them with the gold. Every
// measure found must have a number of the gold (a wrong number is worse
// than a missing measure), the gold's term (its years and recurrence), and
// a title and work done at least minOCRSimilarity alike; the measures not
// found are logged, and at least minFound of each report's must be found
// (issue #15 asks for all of them).
func TestOCRGold(t *testing.T) {
	if err := ocr.Check(context.Background(), ocr.Options{}); err != nil {
		t.Skipf("%v (CI installs them)", err)
	}
	if _, err := exec.LookPath("tesseract"); err != nil {
		t.Skip("tesseract not installed")
	}
	var l limits
	l.register(pflag.NewFlagSet("test", pflag.PanicOnError))
	l.timeout = 30 * time.Minute // a 10-page scan on a busy 2-core machine took 7 minutes
	p, err := newPipeline(l)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	for _, c := range []struct {
		scan, gold string
		minFound   float64 // share of the gold's measures
		textPages  bool    // some pages have a text layer
	}{
		// All found today (Tesseract 5.3, aze); r005 has no table rules.
		{"seed-scan.pdf", "testdata/seed/seed.gold.json", 1, false},
		{"seed-mixed.pdf", "testdata/seed/seed.gold.json", 1, true},
		{"r013-2020-scan.pdf", "fixtures/corpus/gold/r013-2020.gold.json", 1, false},
		{"r005-2021-scan.pdf", "fixtures/corpus/gold/r005-2021.gold.json", 1, false},
	} {
		t.Run(c.scan, func(t *testing.T) {
			t.Parallel()
			var gold goldReport
			readJSON(t, filepath.Join(root, c.gold), &gold)
			in, err := read(filepath.Join(root, "testdata/ocr", c.scan), l.maxFile)
			if err != nil {
				t.Fatal(err)
			}
			got, err := p.report(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			byNumber := map[string]int{}
			for i, m := range gold.Measures {
				byNumber[m.Number] = i
			}
			found := map[string]bool{}
			ocrMeasures := 0
			for _, m := range got.Measures {
				i, ok := byNumber[m.Number]
				if !ok {
					t.Errorf("measure %q is not in the gold (title %.60q)", m.Number, m.Title)
					continue
				}
				found[m.Number] = true
				g := gold.Measures[i]
				// The term's meaning must be exact; its raw text may carry a
				// speck read as punctuation ("2020-2022.").
				switch {
				case intStr(m.Term.Start) != intStr(g.Term.Start) || intStr(m.Term.End) != intStr(g.Term.End) || m.Term.Recurring != g.Term.Recurring:
					t.Errorf("%s: term %q (%s-%s, recurring %v), want %q", m.Number, m.Term.Raw,
						intStr(m.Term.Start), intStr(m.Term.End), m.Term.Recurring, g.Term.Raw)
				case m.Term.Raw != g.Term.Raw:
					t.Logf("%s: term written %q, the gold %q", m.Number, m.Term.Raw, g.Term.Raw)
				}
				ts := similarity(canon(m.Title), canon(g.Title))
				ws := similarity(canon(strings.Join(m.Paragraphs, "\n")), canon(strings.Join(g.Paragraphs, "\n")))
				if ts < minOCRSimilarity || ws < minOCRSimilarity {
					t.Errorf("%s: title %.3f, work done %.3f alike to the gold, want %g", m.Number, ts, ws, minOCRSimilarity)
				}
				if m.OCR {
					ocrMeasures++
					if m.Confidence == nil || *m.Confidence <= 0 || *m.Confidence > 1 {
						t.Errorf("%s: OCR measure with confidence %v", m.Number, m.Confidence)
					}
				}
				t.Logf("%s: title %.3f, work done %.3f alike; ocr %v", m.Number, ts, ws, m.OCR)
			}
			var missing []string
			for _, g := range gold.Measures {
				if !found[g.Number] {
					missing = append(missing, g.Number)
				}
			}
			t.Logf("%d of %d measures found; not found: %v", len(found), len(gold.Measures), missing)
			if float64(len(found)) < c.minFound*float64(len(gold.Measures)) {
				t.Errorf("%d of %d measures found, want at least %.0f%%", len(found), len(gold.Measures), 100*c.minFound)
			}
			if ocrMeasures == 0 {
				t.Error("no measure marked as read by OCR")
			}
			if c.textPages && ocrMeasures == len(got.Measures) {
				t.Error("every measure marked OCR, though some pages have a text layer")
			}
			for _, w := range got.Warnings {
				if w.Kind == hesabat.WarnNoTextLayer {
					t.Errorf("page %d left unread: %s", w.Page, w.Message)
				}
			}
		})
	}
}
