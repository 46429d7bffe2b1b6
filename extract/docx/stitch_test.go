package docx

import (
	"slices"
	"testing"

	"github.com/hesabat/hesabat/transform"
)

// TestFiveColumnStitched runs the five-column report through the
// stitcher: sections come from the spanning rows, executors from the
// İcraçı column, and the measure merged over two rows gets the work done of
// both.
func TestFiveColumnStitched(t *testing.T) {
	doc, err := extractBytes(buildDocx(t, fiveColumn, "", ""))
	if err != nil {
		t.Fatal(err)
	}
	r, err := transform.Build(doc)
	if err != nil {
		t.Fatal(err)
	}
	type measure struct {
		number, section, title, executor, term string
		work                                   []string
	}
	want := []measure{
		{"1.1", "1. Şəffaflığın artırılması", "Açıq məlumatların dərci", "Ədliyyə Nazirliyi", "2020-2022", []string{"50 data dəsti dərc edilmişdir."}},
		{"1.2", "1. Şəffaflığın artırılması", "İctimai müzakirələrin keçirilməsi", "Məhkəmə-Hüquq Şurası", "mütəmadi", []string{"12 ictimai müzakirə keçirilmişdir.", "Nəticələr saytda yerləşdirilmişdir.", "Təkliflər nəzərə alınmışdır."}},
		{"2.1", "2. Hesabatlılığın gücləndirilməsi", "İllik hesabatların dərci", "Maliyyə şöbəsi", "2021", []string{"İllik hesabat dərc edilmişdir."}},
	}
	if len(r.Measures) != len(want) {
		t.Fatalf("%d measures, want %d: %+v", len(r.Measures), len(want), r.Measures)
	}
	for i, m := range r.Measures {
		got := measure{m.Number, m.Section, m.Title, m.Executor, m.Term.Raw, m.Paragraphs}
		w := want[i]
		if got.number != w.number || got.section != w.section || got.title != w.title || got.executor != w.executor || got.term != w.term || !slices.Equal(got.work, w.work) {
			t.Errorf("measure %d:\n got %+v\nwant %+v", i, got, w)
		}
	}
	if r.Title != doc.Rows[0].Cells[0].Paras[0] {
		t.Errorf("title %q, want the paragraph above the table", r.Title)
	}
}
