package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/pdf"
	"github.com/hesabat/hesabat/extract/txt"
	"github.com/hesabat/hesabat/transform/layout"
)

// TestLayoutKeepsText extracts every PDF under testdata/ and fixtures/,
// and every layout text (testdata/layout, the seed's), and rebuilds
// their rows with the layout engine: the non-space characters
// of the pages' words must all be in the rows or the furniture, each as
// often (a hyphen may be added, where a marked line-end hyphen joins a
// compound). It lives here, with the corpus suites, to run without the
// race detector.
func TestLayoutKeepsText(t *testing.T) {
	var files []string
	for _, pattern := range []string{"testdata/*/*.pdf", "fixtures/*/*/*.pdf"} {
		m, _ := filepath.Glob(filepath.Join(root, pattern))
		files = append(files, m...)
	}
	if len(files) < 40 {
		t.Fatalf("only %d PDFs found", len(files))
	}
	texts, _ := filepath.Glob(filepath.Join(root, "testdata/layout/*.txt"))
	files = append(files, append(texts, filepath.Join(root, "testdata/seed/seed.layout.txt"))...)
	e, err := pdf.New(pdf.Options{Workers: 2, Timeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var x hesabat.Extractor = e
			if filepath.Ext(f) == ".txt" {
				x = txt.Extractor{}
			}
			doc, err := x.Extract(context.Background(), hesabat.Source{Path: f}, bytes.NewReader(data), int64(len(data)))
			if err != nil {
				if errors.Is(err, hesabat.ErrInternal) {
					t.Fatal(err)
				}
				return // a broken file: nothing read
			}
			in, out := map[rune]int{}, map[rune]int{}
			count := func(m map[rune]int, s string) {
				for _, r := range s {
					if !unicode.IsSpace(r) {
						m[r]++
					}
				}
			}
			for _, p := range doc.Layout {
				for _, w := range p.Words {
					count(in, w.Text)
				}
			}
			rows, furniture, _ := layout.Rows(doc.Layout)
			for _, r := range rows {
				for _, c := range r.Cells {
					for _, p := range c.Paras {
						count(out, p)
					}
				}
			}
			for _, fu := range furniture {
				count(out, fu.Text)
			}
			for r, n := range in {
				if out[r] != n && !(r == '-' && out[r] > n) {
					t.Errorf("%q: %d read, %d in rows and furniture", r, n, out[r])
				}
			}
			for r, n := range out {
				if in[r] == 0 && r != '-' {
					t.Errorf("%q: %d in rows and furniture, none read", r, n)
				}
			}
		})
	}
}
