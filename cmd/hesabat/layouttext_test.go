package main

import (
	"context"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/hesabat/hesabat"
)

// layoutTextNoTable lists the layout-text renderings in which the layout
// engine finds no table yet, with the reason: the test fails when one of
// them starts to work (take it off the list).
var layoutTextNoTable = map[string]string{
	"r053-2021": "no column boundaries found: the columns drift from row to row more than the document-wide gutter search tolerates",
}

// TestLayoutTextGold reads `pdftotext -layout` of every corpus PDF
// (testdata/layout, made by its make.sh) with the text extractor and the
// layout engine, and compares the reports with the corpus gold. It
// asserts that each finds the gold's measures, by number and in order
// (but those in layoutTextNoTable); how many match the gold in full
// (titles, terms, paragraphs) it logs, with the names of those that do
// not: pdftotext packs each row's columns on its own, and sets a cell's
// lines of different columns on lines of their own, which the engine
// reads only in part (see transform/layout, rowColumns and anchorRows).
func TestLayoutTextGold(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(root, "testdata/layout/*.txt"))
	if err != nil || len(files) < 42 {
		t.Fatalf("%d layout-text files in testdata/layout, want 42", len(files))
	}
	var l limits
	l.register(pflag.NewFlagSet("test", pflag.PanicOnError))
	p, err := newPipeline(l)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	var failed []string
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		var gold goldReport
		readJSON(t, filepath.Join(root, "fixtures/corpus/gold", name+".gold.json"), &gold)
		var diffs []string
		in, err := read(f, l.maxFile)
		if err == nil {
			var r *hesabat.Report
			if r, err = p.report(context.Background(), in); err == nil {
				diffs = compareGold(r, &gold)
			}
		}
		if err != nil {
			diffs = append(diffs, err.Error())
		}
		var numbers []string // differences in which measures were found
		for _, d := range diffs {
			if strings.HasPrefix(d, "measures:") || strings.HasSuffix(d, ": missing") || strings.Contains(d, " at position ") || !strings.HasPrefix(d, "measure") && !strings.Contains(d, ": got ") {
				numbers = append(numbers, d)
			}
		}
		_, known := layoutTextNoTable[name]
		switch {
		case len(numbers) > 0 && !known:
			t.Errorf("%s: measures differ from its gold:\n  %s", name, strings.Join(numbers, "\n  "))
		case len(numbers) == 0 && known:
			t.Errorf("%s now finds its measures: take it off layoutTextNoTable", name)
		}
		if len(diffs) > 0 {
			failed = append(failed, name)
			t.Logf("%s: %d differences, the first: %s", name, len(diffs), strings.Join(diffs[:min(len(diffs), 3)], "\n  "))
		}
	}
	sort.Strings(failed)
	t.Logf("%d of %d match their gold in full; the others: %v", len(files)-len(failed), len(files), failed)
}
