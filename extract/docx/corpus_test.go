package docx

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// extractFile extracts a file of the repository.
func extractFile(t testing.TB, path string) *hesabat.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src := hesabat.Source{Path: path, Format: hesabat.DOCX, Size: int64(len(data))}
	doc, err := New(Options{}).Extract(context.Background(), src, bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestSeedGolden compares the seed report's rows with
// testdata/seed.rows.json; go test -update rewrites it.
func TestSeedGolden(t *testing.T) {
	doc := extractFile(t, "../../testdata/seed/seed.docx")
	got, err := json.MarshalIndent(doc.Rows, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "seed.rows.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("rows differ from %s; run go test -update and review the diff", golden)
	}
}

// goldReport is the part of a gold file checked at the row level.
type goldReport struct {
	Title    string
	Measures []struct {
		Number     string
		Title      string
		Term       struct{ Raw string }
		Paragraphs []string
	}
}

// TestGoldRows checks, for the seed and every corpus DOCX, that the rows
// carry each gold measure in order: one title paragraph above the table,
// a header row marked by the file, then one row per measure whose four
// cells are the number (with Word's trailing dot), title, term and the
// work-done paragraphs exactly as the gold has them.
func TestGoldRows(t *testing.T) {
	files, err := filepath.Glob("../../fixtures/corpus/docx/*.docx")
	if err != nil || len(files) != 42 {
		t.Fatalf("want 42 corpus files, found %d (%v)", len(files), err)
	}
	files = append(files, "../../testdata/seed/seed.docx")
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".docx")
		t.Run(name, func(t *testing.T) {
			goldPath := filepath.Join(filepath.Dir(f), "..", "gold", name+".gold.json")
			if name == "seed" {
				goldPath = "../../testdata/seed/seed.gold.json"
			}
			b, err := os.ReadFile(goldPath)
			if err != nil {
				t.Fatal(err)
			}
			var gold goldReport
			if err := json.Unmarshal(b, &gold); err != nil {
				t.Fatal(err)
			}
			doc := extractFile(t, f)
			rows := doc.Rows
			if len(rows) != len(gold.Measures)+2 {
				t.Fatalf("%d rows, want title, header and %d measures", len(rows), len(gold.Measures))
			}
			if r := rows[0]; r.InTable || r.Cells[0].Text() != gold.Title {
				t.Errorf("first row %q, want the title paragraph %q", r.Cells[0].Text(), gold.Title)
			}
			if r := rows[1]; !r.InTable || !r.Header || len(r.Cells) != 4 {
				t.Errorf("second row is not a 4-cell header: %+v", r)
			}
			for i, m := range gold.Measures {
				r := rows[i+2]
				if !r.InTable || r.Header || len(r.Cells) != 4 || r.Page != 1 {
					t.Errorf("measure %s: row %+v, want a 4-cell table row on page 1", m.Number, r)
					continue
				}
				c := r.Cells
				got := []string{c[0].Text(), c[1].Text(), c[2].Text(), strings.Join(c[3].Paras, "\n")}
				want := []string{m.Number + ".", m.Title, m.Term.Raw, strings.Join(m.Paragraphs, "\n")}
				for k := range got {
					if got[k] != want[k] {
						t.Errorf("measure %s cell %d:\n got %.200q\nwant %.200q", m.Number, k, got[k], want[k])
					}
				}
				if len(c[3].Paras) != len(m.Paragraphs) {
					t.Errorf("measure %s: %d paragraphs, want %d", m.Number, len(c[3].Paras), len(m.Paragraphs))
				}
			}
			if doc.Pages != 1 {
				t.Errorf("Pages = %d, want 1 (the file has no page breaks)", doc.Pages)
			}
		})
	}
}

// BenchmarkExtract extracts the seed report and the corpus DOCX files.
func BenchmarkExtract(b *testing.B) {
	files, err := filepath.Glob("../../fixtures/corpus/docx/*.docx")
	if err != nil {
		b.Fatal(err)
	}
	files = append(files, "../../testdata/seed/seed.docx")
	var data [][]byte
	var total int64
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, d)
		total += int64(len(d))
	}
	x := New(Options{})
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range data {
			if _, err := x.Extract(context.Background(), hesabat.Source{Path: "b.docx"}, bytes.NewReader(d), int64(len(d))); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestConcurrent extracts the seed from several goroutines with one
// Extractor (run it with -race): the results must all be the same.
func TestConcurrent(t *testing.T) {
	data, err := os.ReadFile("../../testdata/seed/seed.docx")
	if err != nil {
		t.Fatal(err)
	}
	x := New(Options{})
	want := strings.Join(dump(extractFile(t, "../../testdata/seed/seed.docx")), "\n")
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			doc, err := x.Extract(context.Background(), hesabat.Source{Path: "c.docx"}, bytes.NewReader(data), int64(len(data)))
			if err == nil && strings.Join(dump(doc), "\n") != want {
				err = errors.New("rows differ from a lone extraction")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
