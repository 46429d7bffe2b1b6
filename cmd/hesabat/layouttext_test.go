package main

import (
	"context"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/hesabat/hesabat"
)

// layoutTextFull lists the layout-text renderings that match their gold
// in full (titles, terms, paragraphs): the floor. The test fails when one
// of them stops matching, and when another starts to (add it here, and
// take it off layoutTextDiffers).
var layoutTextFull = []string{"r002-2021", "r004-2020", "r005-2021", "r006-2022", "r010-2020", "r011-2021", "r012-2022", "r015-2022", "r016-2020", "r022-2020", "r023-2021", "r031-2020", "r040-2020", "r041-2021", "r042-2022", "r043-2020", "r046-2020", "r052-2020", "r054-2022", "r060-2022"}

// Why the other renderings differ from their gold: the class of their
// first difference (there may be others after it).
const (
	// A term one space after a title line, or split over lines, that no
	// line of the term column stands next to and that is not level with
	// the measure number, stays in the title ("… həmin 2022", a term
	// "mütəmad" / "i" whose lines pdftotext set apart).
	termInTitle = "term read into the title"
	// A word of the title or of the work done lands in the term column
	// where pdftotext set the columns closer than on the rest of the page.
	wordInTerm = "a word read into the term"
	// On the character grid a full line can look short (characters at one
	// average width) and a short one full: a paragraph break is guessed
	// where the PDF had none, or missed, within a cell or across a page
	// break.
	paragraphs = "paragraph breaks guessed from the character grid"
)

// layoutTextDiffers gives, for each rendering that does not match its gold
// in full, the reason (see above). Every rendering is in layoutTextFull or
// here.
var layoutTextDiffers = map[string]string{
	"r001-2020": paragraphs,
	"r003-2022": termInTitle,
	"r013-2020": paragraphs,
	"r014-2021": termInTitle,
	"r020-2021": paragraphs,
	"r021-2022": paragraphs,
	"r024-2022": wordInTerm,
	"r025-2020": termInTitle,
	"r026-2021": termInTitle,
	"r030-2022": termInTitle,
	"r032-2021": paragraphs,
	"r033-2022": paragraphs,
	"r034-2020": termInTitle,
	"r035-2021": termInTitle,
	"r036-2022": paragraphs,
	"r044-2021": paragraphs,
	"r045-2022": paragraphs,
	"r050-2021": paragraphs,
	"r051-2022": paragraphs,
	"r053-2021": termInTitle,
	"r055-2020": paragraphs,
	"r056-2021": paragraphs,
}

// TestLayoutTextGold reads `pdftotext -layout` of every corpus PDF
// (testdata/layout, made by its make.sh) with the text extractor and the
// layout engine, and compares the reports with the corpus gold. Every one
// must find the gold's measures, by number and in order; those in
// layoutTextFull must match the gold in full, and the others must still
// differ (so that the floor is raised when one starts to match). Each
// difference is logged with the count of differences, the measure of
// progress for those that differ.
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
	total := 0
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
		if len(numbers) > 0 {
			t.Errorf("%s: measures differ from its gold:\n  %s", name, strings.Join(numbers, "\n  "))
		}
		full := slices.Contains(layoutTextFull, name)
		reason, known := layoutTextDiffers[name]
		switch {
		case full == known:
			t.Errorf("%s: list it in layoutTextFull or in layoutTextDiffers (one of them)", name)
		case full && len(diffs) > 0:
			t.Errorf("%s no longer matches its gold in full (%d differences):\n  %s", name, len(diffs), strings.Join(diffs[:min(len(diffs), 5)], "\n  "))
		case known && len(diffs) == 0:
			t.Errorf("%s now matches its gold in full: move it to layoutTextFull", name)
		case known:
			t.Logf("%s (%s): %d differences, the first: %s", name, reason, len(diffs), diffs[0])
		}
		if len(diffs) > 0 {
			failed = append(failed, name)
		}
		total += len(diffs)
	}
	sort.Strings(failed)
	t.Logf("%d of %d match their gold in full; %d differences in the others: %v", len(files)-len(failed), len(files), total, failed)
}
