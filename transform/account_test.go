package transform

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
)

// lostWarnings returns the lost_text warnings of r.
func lostWarnings(r *hesabat.Report) []hesabat.Warning {
	var out []hesabat.Warning
	for _, w := range r.Warnings {
		if w.Kind == hesabat.WarnLostText {
			out = append(out, w)
		}
	}
	return out
}

// TestAccountRuleOff switches the notes rule off and checks that the text
// it would have kept is lost with a warning naming its page, not silently.
func TestAccountRuleOff(t *testing.T) {
	doc := func() *hesabat.Document {
		return table("P Təsdiq edirəm", "P X Nazirliyinin 2021-ci il üzrə hesabatı", header, "1.1. | A | 2020 | a",
			"#2", "1.2. | B | 2021 | b", "P Qeyd: məlumatlar ilkindir.")
	}
	on := stitched(t, doc())
	if on.Text.Notes != aztext.NonSpace("Təsdiq edirəm")+aztext.NonSpace("Qeyd: məlumatlar ilkindir.") || len(lostWarnings(on)) != 0 {
		t.Fatalf("with notes kept: account %+v, warnings %v", on.Text, on.Warnings)
	}

	d := doc()
	read := CountRead(d)
	Normalize(d)
	s := newStitcher(d, nil)
	s.dropNotes = true
	off, err := s.run(read)
	if err != nil {
		t.Fatal(err)
	}
	a := off.Text
	if a.Lost != on.Text.Notes || a.Notes != 0 || a.Read != on.Text.Read || a.Share >= 1 ||
		a.Read != a.Fields+a.Extras+a.Notes+a.Furniture+a.Lost {
		t.Errorf("with notes dropped: account %+v, want the %d characters of notes lost", a, on.Text.Notes)
	}
	got := lostWarnings(off)
	want := []hesabat.Warning{
		{Kind: hesabat.WarnLostText, Page: 1, Message: "12 characters went into no field, extra, note or furniture", Text: "Təsdiq edirəm"},
		{Kind: hesabat.WarnLostText, Page: 2, Message: "24 characters went into no field, extra, note or furniture", Text: "Qeyd: məlumatlar ilkindir."},
	}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("warnings:\n got %v\nwant %v", got, want)
	}
}

// TestAccountLayoutLoss plays a layout engine that drops a line: the words
// read from doc.Layout that reach no row are lost, with a warning on their
// page quoting them; doc.Furniture counts as furniture.
func TestAccountLayoutLoss(t *testing.T) {
	doc := table(header, "1.1. | Ad | 2020 | İş görülüb", "#2", "1.2. | B | 2021 | Yeni iş")
	page2 := doc.Rows[2:]
	doc.Rows = doc.Rows[:2]
	doc.Layout = []hesabat.Page{{Number: 2}}
	for _, w := range strings.Fields("1.2. B 2021 Yeni iş Bu sətir itir 7") {
		doc.Layout[0].Words = append(doc.Layout[0].Words, hesabat.Word{Text: w})
	}
	read := CountRead(doc)
	// The layout engine: rows from the words, the page number as
	// furniture, and "Bu sətir itir" nowhere.
	doc.Rows = append(doc.Rows, page2...)
	doc.Furniture = []hesabat.Furniture{{Page: 2, Kind: "page number", Text: "7"}}
	Normalize(doc)
	r, err := Stitch(doc, read)
	if err != nil {
		t.Fatal(err)
	}
	lost := aztext.NonSpace("Bu sətir itir")
	a := r.Text
	if a.Lost != lost || a.Furniture != aztext.NonSpace(header)-3+1 || a.Read != a.Fields+a.Extras+a.Notes+a.Furniture+a.Lost {
		t.Errorf("account %+v, want %d lost and the header and page number as furniture", a, lost)
	}
	w := lostWarnings(r)
	if len(w) != 1 || w[0].Page != 2 || w[0].Text != "Bu sətir itir" {
		t.Errorf("lost_text warnings = %v, want one on page 2 quoting the lost line", w)
	}
}

// TestAccountRowOverPageBreak plays a layout engine that makes one row of
// text read on two pages: the row belongs to the page it starts on, and the
// second page's text, delivered under the first, is not lost.
func TestAccountRowOverPageBreak(t *testing.T) {
	doc := table(header)
	words := func(page int, text string) hesabat.Page {
		p := hesabat.Page{Number: page}
		for _, w := range strings.Fields(text) {
			p.Words = append(p.Words, hesabat.Word{Text: w})
		}
		return p
	}
	doc.Layout = []hesabat.Page{words(1, "1.1. Ad 2020 Birinci səhifə"), words(2, "ikinci səhifə")}
	read := CountRead(doc)
	doc.Rows = append(doc.Rows, table("1.1. | Ad | 2020 | Birinci səhifə ikinci səhifə").Rows...)
	Normalize(doc)
	r, err := Stitch(doc, read)
	if err != nil {
		t.Fatal(err)
	}
	if a := r.Text; a.Lost != 0 || a.Read != a.Fields+a.Extras+a.Notes+a.Furniture || len(lostWarnings(r)) != 0 {
		t.Errorf("account %+v, warnings %v: want nothing lost", a, r.Warnings)
	}
}

// TestCounted holds the counts normalize hands the ledger to the rule
// they replace: each text's aztext.NonSpace, counted anew; and checks that the
// cells' Raw and Paras, carved from one array, grow apart. The documents' cells
// and furniture hold random texts that need no rule, need one, or
// normalise to nothing.
func TestCounted(t *testing.T) {
	pieces := []string{"İcra", "müddəti", "2022-ci", " ", "  ", "\t", "\u00a0", "\u2009", "Tädbir", "É™", "\u00ad", "ж", "“", "…", "\xc3", "a\u0308", "\n"}
	rnd := rand.New(rand.NewPCG(41, 42))
	text := func() string {
		var b strings.Builder
		for range rnd.IntN(8) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		return b.String()
	}
	for range 300 {
		doc := &hesabat.Document{}
		for range 1 + rnd.IntN(4) {
			row := hesabat.Row{Page: 1}
			for range 1 + rnd.IntN(3) {
				c := hesabat.Cell{}
				for range rnd.IntN(3) {
					c.Paras = append(c.Paras, text())
				}
				row.Cells = append(row.Cells, c)
			}
			doc.Rows = append(doc.Rows, row)
		}
		doc.Furniture = append(doc.Furniture, hesabat.Furniture{Page: 1, Text: text()})
		counted := normalize(doc)
		for s, n := range counted {
			if want := aztext.NonSpace(s); n != want {
				t.Fatalf("counted[%q] = %d, NonSpace %d", s, n, want)
			}
		}
		for _, row := range doc.Rows {
			for _, c := range row.Cells {
				for _, p := range c.Paras {
					if _, ok := counted[p]; !ok {
						t.Fatalf("paragraph %q not counted", p)
					}
				}
			}
		}
		if normalize(doc) != nil {
			t.Fatal("a normalised document normalised again")
		}
		// The cells' Raw and Paras share one array: a cell that grows
		// leaves its neighbours as they were, and Raw stays the raw
		// form of each paragraph.
		var before [][]string
		for _, row := range doc.Rows {
			for _, c := range row.Cells {
				before = append(before, slices.Clone(c.Raw), slices.Clone(c.Paras))
			}
		}
		for i := range doc.Rows {
			for j := range doc.Rows[i].Cells {
				c := &doc.Rows[i].Cells[j]
				if len(c.Raw) != len(c.Paras) {
					t.Fatalf("cell %q, raw %q", c.Paras, c.Raw)
				}
				c.Raw, c.Paras = append(c.Raw, "x"), append(c.Paras, "y")
			}
		}
		k := 0
		for _, row := range doc.Rows {
			for _, c := range row.Cells {
				if !slices.Equal(c.Raw[:len(c.Raw)-1], before[k]) || !slices.Equal(c.Paras[:len(c.Paras)-1], before[k+1]) {
					t.Fatalf("a cell's neighbour grew into it: %q %q, were %q %q", c.Raw, c.Paras, before[k], before[k+1])
				}
				k += 2
			}
		}
	}
}
