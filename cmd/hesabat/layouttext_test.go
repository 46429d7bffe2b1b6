package main

import (
	"context"
	"flag"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
)

// layoutTextFailing lists the layout-text renderings of corpus PDFs that
// do not yet match their gold, each for a reason of the rendering: the
// test fails when one of them starts to match (take it off the list) or
// another stops matching.
var layoutTextFailing = map[string]string{}

// TestLayoutTextGold reads `pdftotext -layout` of every corpus PDF
// (testdata/layout, made by its make.sh) with the text extractor and the
// layout engine, and compares the reports with the corpus gold, as
// TestGold does for the PDFs themselves.
func TestLayoutTextGold(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(root, "testdata/layout/*.txt"))
	if err != nil || len(files) < 42 {
		t.Fatalf("%d layout-text files in testdata/layout, want 42", len(files))
	}
	var l limits
	l.register(flag.NewFlagSet("test", flag.PanicOnError))
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
		in, err := read(f)
		if err == nil {
			var r *hesabat.Report
			if r, err = p.report(context.Background(), in); err == nil {
				diffs = compareGold(r, &gold)
			}
		}
		if err != nil {
			diffs = append(diffs, err.Error())
		}
		_, known := layoutTextFailing[name]
		switch {
		case len(diffs) > 0 && !known:
			failed = append(failed, name)
			if len(diffs) > 5 {
				diffs = append(diffs[:5], "…")
			}
			t.Errorf("%s differs from its gold:\n  %s", name, strings.Join(diffs, "\n  "))
		case len(diffs) == 0 && known:
			t.Errorf("%s now matches its gold: take it off layoutTextFailing", name)
		}
	}
	sort.Strings(failed)
	t.Logf("%d of %d match; failing: %v", len(files)-len(failed)-len(layoutTextFailing), len(files), failed)
}
