package main

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/pflag"
	"golang.org/x/text/unicode/norm"

	"github.com/hesabat/hesabat"
)

// root is the repository root, seen from this package's folder.
const root = "../.."

// goldReport is the part of a report the gold files fix.
type goldReport struct {
	Title    string       `json:"title"`
	Agency   string       `json:"agency"`
	Year     *int         `json:"year"`
	Plan     hesabat.Plan `json:"plan"`
	Measures []struct {
		Number     string       `json:"number"`
		Title      string       `json:"title"`
		Term       hesabat.Term `json:"term"`
		Paragraphs []string     `json:"paragraphs"`
		Section    *string      `json:"section"`
		Executor   *string      `json:"executor"`
		// Extras are the cells of columns the measure has no field for
		// ("Qeyd"), by header text; only templates with such columns
		// have them.
		Extras map[string]string `json:"extras"`
	} `json:"measures"`
}

// goldCases lists every input with a gold file: the seed in each format,
// the PDFs made from the seed, and the corpus.
func goldCases(t *testing.T) map[string]string {
	cases := map[string]string{}
	seedGold := filepath.Join(root, "testdata/seed/seed.gold.json")
	for _, ext := range []string{"txt", "docx", "pdf"} {
		cases[filepath.Join(root, "testdata/seed/seed."+ext)] = seedGold
	}
	made, _ := filepath.Glob(filepath.Join(root, "testdata/pdf/seed-*.pdf"))
	for _, f := range made {
		cases[f] = seedGold
	}
	for _, dir := range []string{"txt", "docx", "pdf"} {
		files, err := filepath.Glob(filepath.Join(root, "fixtures/corpus", dir, "*."+dir))
		if err != nil || len(files) == 0 {
			t.Fatalf("no corpus files in fixtures/corpus/%s", dir)
		}
		for _, f := range files {
			name := strings.TrimSuffix(filepath.Base(f), "."+dir)
			cases[f] = filepath.Join(root, "fixtures/corpus/gold", name+".gold.json")
		}
	}
	// The seed and ten corpus reports in the other formats, rendered by
	// testdata/formats/make.sh, and the seed as hand-written pages.
	for _, ext := range []string{"doc", "odt", "fodt", "html"} {
		files, _ := filepath.Glob(filepath.Join(root, "testdata/formats", ext, "*."+ext))
		if len(files) < 11 {
			t.Fatalf("%d files in testdata/formats/%s, want the seed and ten corpus reports", len(files), ext)
		}
		for _, f := range files {
			name := strings.TrimSuffix(filepath.Base(f), "."+ext)
			if strings.HasPrefix(name, "seed") {
				cases[f] = seedGold
			} else {
				cases[f] = filepath.Join(root, "fixtures/corpus/gold", name+".gold.json")
			}
		}
	}
	return cases
}

// TestGold extracts every gold case with the CLI's pipeline (one for all,
// as one ingest run has) and compares it with its gold file: title, agency,
// year, plan and every measure's number, title, term and paragraphs (and
// section and executor where the gold has them), and that the report
// accounts for its text, naming each report and measure that differs.
func TestGold(t *testing.T) {
	p := testPipeline(t)
	for input, goldFile := range goldCases(t) {
		rel, _ := filepath.Rel(root, input)
		t.Run(rel, func(t *testing.T) {
			t.Parallel()
			var gold goldReport
			readJSON(t, goldFile, &gold)
			if diffs := goldDiffs(p, input, &gold); len(diffs) > 0 {
				t.Errorf("%s differs from %s:\n  %s", rel, filepath.Base(goldFile), strings.Join(diffs, "\n  "))
			}
		})
	}
}

// testPipeline returns the CLI's pipeline with the default limits, closed
// when t ends. One serves all of a test's cases, as one ingest run does.
func testPipeline(t *testing.T) *pipeline {
	var l limits
	l.register(pflag.NewFlagSet("test", pflag.PanicOnError))
	p, err := newPipeline(l)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// goldDiffs extracts input with p and lists its differences from gold (the
// error alone when it cannot be extracted), at most 20 and a count.
func goldDiffs(p *pipeline, input string, gold *goldReport) []string {
	var diffs []string
	in, err := read(input, p.limits.maxFile)
	var got *hesabat.Report
	if err == nil {
		got, err = p.report(context.Background(), in)
	}
	if err != nil {
		diffs = append(diffs, err.Error())
	} else {
		diffs = compareGold(got, gold)
	}
	if len(diffs) > 20 {
		diffs = append(diffs[:20], fmt.Sprintf("… and %d more", len(diffs)-20))
	}
	return diffs
}

// compareGold lists the differences between a report and its gold.
func compareGold(got *hesabat.Report, gold *goldReport) []string {
	var d []string
	cmp := func(what, g, w string) {
		if canon(g) != canon(w) {
			d = append(d, fmt.Sprintf("%s: got %q, want %q", what, clip(g), clip(w)))
		}
	}
	cmp("title", got.Title, gold.Title)
	cmp("agency", got.Agency, gold.Agency)
	cmp("year", intStr(got.Year), intStr(gold.Year))
	cmp("plan.title", got.Plan.Title, gold.Plan.Title)
	cmp("plan.period", intStr(got.Plan.Start)+"-"+intStr(got.Plan.End), intStr(gold.Plan.Start)+"-"+intStr(gold.Plan.End))
	// A gold case is a well-formed report: below 99 % of its text accounted
	// for, something read went nowhere (the warnings say where).
	if a := got.Text; a.Share < 0.99 || a.Read == 0 {
		d = append(d, fmt.Sprintf("text: %d of %d characters lost (share %.4f): %v", a.Lost, a.Read, a.Share, got.Warnings))
	}
	byNumber := map[string]*hesabat.Measure{}
	for i := range got.Measures {
		byNumber[got.Measures[i].Number] = &got.Measures[i]
	}
	if len(got.Measures) != len(gold.Measures) {
		d = append(d, fmt.Sprintf("measures: got %d, want %d", len(got.Measures), len(gold.Measures)))
	}
	for i, w := range gold.Measures {
		g := byNumber[w.Number]
		if g == nil {
			d = append(d, fmt.Sprintf("measure %s: missing", w.Number))
			continue
		}
		if i < len(got.Measures) && got.Measures[i].Number != w.Number {
			d = append(d, fmt.Sprintf("measure %s: at position %d, got %s there", w.Number, i+1, got.Measures[i].Number))
		}
		at := "measure " + w.Number + " "
		cmp(at+"title", g.Title, w.Title)
		cmp(at+"term", fmt.Sprintf("%s %s-%s %v", g.Term.Raw, intStr(g.Term.Start), intStr(g.Term.End), g.Term.Recurring),
			fmt.Sprintf("%s %s-%s %v", w.Term.Raw, intStr(w.Term.Start), intStr(w.Term.End), w.Term.Recurring))
		if w.Section != nil {
			cmp(at+"section", g.Section, *w.Section)
		}
		if w.Executor != nil {
			cmp(at+"executor", g.Executor, *w.Executor)
		}
		if w.Extras != nil {
			d = append(d, compareExtras(at, g, w.Extras)...)
		}
		if len(g.Paragraphs) != len(w.Paragraphs) {
			d = append(d, fmt.Sprintf("%sparagraphs: got %d, want %d", at, len(g.Paragraphs), len(w.Paragraphs)))
		}
		for j := 0; j < len(g.Paragraphs) && j < len(w.Paragraphs); j++ {
			cmp(fmt.Sprintf("%sparagraph %d", at, j+1), g.Paragraphs[j], w.Paragraphs[j])
		}
	}
	return d
}

// compareExtras compares a measure's extra columns (Measure.Extra, "extra"
// in the report JSON) with the gold's "extras". The gold writes an empty
// cell as "", which Extra holds as no key.
func compareExtras(at string, g *hesabat.Measure, want map[string]string) []string {
	var d []string
	for _, h := range slices.Sorted(maps.Keys(want)) {
		if v, ok := g.Extra[h]; !ok && want[h] != "" {
			d = append(d, fmt.Sprintf("%sextras: no %q", at, h))
		} else if canon(v) != canon(want[h]) {
			d = append(d, fmt.Sprintf("%sextras %q: got %q, want %q", at, h, clip(v), clip(want[h])))
		}
	}
	for _, h := range slices.Sorted(maps.Keys(g.Extra)) {
		if _, ok := want[h]; !ok {
			d = append(d, fmt.Sprintf("%sextras: unexpected %q", at, h))
		}
	}
	return d
}

var spaces = regexp.MustCompile(`\s+`)

// canon is the form in which gold text compares: NFC, whitespace runs
// collapsed, typographic quotes equal to straight ones, soft hyphens gone.
func canon(s string) string {
	s = norm.NFC.String(s)
	s = strings.NewReplacer("\u00ad", "", "“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`, "‘", "'", "’", "'").Replace(s)
	return strings.TrimSpace(spaces.ReplaceAllString(s, " "))
}

func intStr(p *int) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprint(*p)
}

// clip shortens long text for messages.
func clip(s string) string {
	if r := []rune(s); len(r) > 160 {
		return string(r[:160]) + "…"
	}
	return s
}

func readJSON(t testing.TB, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
