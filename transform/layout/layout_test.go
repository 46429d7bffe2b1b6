package layout

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/hesabat/hesabat"
)

// Synthetic text: every glyph is charW wide and lineH high, so positions
// are easy to reason about.
const (
	charW = 5.0
	lineH = 12.0
)

// text lays s out as words from (x, y) (top-left), one character per
// charW; "\x02" stands for a producer's line-end hyphen mark, "\u00ad" for
// a soft hyphen, and a space after a word marks Word.Space.
func text(s string, x, y float64) []hesabat.Word {
	var ws []hesabat.Word
	var cur *hesabat.Word
	for _, r := range s {
		switch {
		case r == ' ':
			if cur != nil {
				cur.Space = true
			}
			cur = nil
		case r == '\x02' || r == '\u00ad':
			if cur != nil {
				cur.Hyphen, cur.Soft = r == '\x02', r == '\u00ad'
				cur.X1 += charW
			}
		default:
			if cur == nil {
				ws = append(ws, hesabat.Word{X0: x, Y0: y, X1: x, Y1: y + lineH, Size: lineH})
				cur = &ws[len(ws)-1]
			}
			cur.Text += string(r)
			cur.X1 += charW
		}
		x += charW
	}
	return ws
}

// line builds a tline from s at (x, y).
func line(s string, x, y float64) tline {
	return newLine(text(s, x, y))
}

// lines stacks texts at x from y, one line height plus 2 apart; an empty
// text leaves a blank line (a paragraph gap).
func lines(x, y float64, texts ...string) []tline {
	var ls []tline
	for _, t := range texts {
		if t != "" {
			ls = append(ls, line(t, x, y))
		}
		y += lineH + 2
	}
	return ls
}

func TestParagraphs(t *testing.T) {
	lx := lexicon{"kommunikasiya": true, "hökumət": true, "sosial-iqtisadi": true, "üçün": true}
	tests := []struct {
		name  string
		lines []string
		right float64 // text edge; 0 means 100 + 20 chars
		want  []string
	}{
		{"wrapped at spaces", []string{"Dövlət qurumları ", "tərəfindən"}, 0, []string{"Dövlət qurumları tərəfindən"}},
		{"hyphen mark inside a word used elsewhere", []string{"yeni kommuni\x02", "kasiya xətti"}, 0, []string{"yeni kommunikasiya xətti"}},
		{"hyphen mark between unknown pieces", []string{"rəsmi veb\x02", "səhifəsi"}, 0, []string{"rəsmi veb-səhifəsi"}},
		{"hyphen mark in a compound of known words", []string{"bu qeyri\x02", "hökumət təşkilatları"}, 0, []string{"bu qeyri-hökumət təşkilatları"}},
		{"hyphen mark in a compound used elsewhere", []string{"bu sosial\x02", "iqtisadi inkişaf"}, 0, []string{"bu sosial-iqtisadi inkişaf"}},
		{"hyphen mark after a capital", []string{"Komitənin Elmi\x02", "metodoloji şurası"}, 0, []string{"Komitənin Elmi-metodoloji şurası"}},
		{"hyphen mark in an e-mail address", []string{"office@commission\x02", "anticorruption.gov.az"}, 0, []string{"office@commission-anticorruption.gov.az"}},
		{"year range", []string{"2020-", "2022"}, 0, []string{"2020-2022"}},
		{"lone dash keeps its space", []string{"sistemi -", "ADİS"}, 0, []string{"sistemi - ADİS"}},
		{"lone en dash keeps its space", []string{"sistemi –", "ADİS"}, 0, []string{"sistemi – ADİS"}},
		{"en dash in a range", []string{"2020–", "2022"}, 0, []string{"2020–2022"}},
		{"soft hyphen", []string{"kommuni\u00ad", "kasiya"}, 0, []string{"kommunikasiya"}},
		{"word longer than the column", []string{"mütəmad", "i"}, 100 + 7*charW, []string{"mütəmadi"}},
		{"URL cut before its closing quote", []string{"baxış.php", "” veb-səhifəsi"}, 100 + 9*charW, []string{"baxış.php” veb-səhifəsi"}},
		{"full line ending in punctuation", []string{"baxış.php”", "veb-səhifəsi"}, 100 + 10*charW, []string{"baxış.php” veb-səhifəsi"}},
		// LibreOffice breaks a URL after a slash (pandoc-pdf-furnished).
		{"URL broken after a slash", []string{"https://www.azstat.org/xidmetler/", "neshrlər_v3.0/baxış.php”"}, 0, []string{"https://www.azstat.org/xidmetler/neshrlər_v3.0/baxış.php”"}},
		{"lone slash word keeps its space", []string{"bu və/", "və ya"}, 0, []string{"bu və/ və ya"}},
		{"full single word followed by a known word", []string{"kommunikasiya", "hökumət"}, 100 + 13*charW, []string{"kommunikasiya hökumət"}},
		{"whole word over a long word cut on its own line", []string{"İcra", "müdd", "əti"}, 100 + 4*charW, []string{"İcra müddəti"}},
		{"full single word followed by a known word", []string{"keçirilməsi", "üçün bu"}, 100 + 11*charW, []string{"keçirilməsi üçün bu"}},
		{"known word in another case", []string{"Hökumət", "təşkilatı"}, 100 + 7*charW, []string{"Hökumət təşkilatı"}},
		{"short single word is not cut", []string{"təlimlər", "keçirilmişdir."}, 0, []string{"təlimlər keçirilmişdir."}},
		{"paragraph gap", []string{"Birinci abzas.", "", "İkinci abzas."}, 0, []string{"Birinci abzas.", "İkinci abzas."}},
		{"sentence ends with room to spare", []string{"Qısa sətir.", "Yeni abzas"}, 0, []string{"Qısa sətir.", "Yeni abzas"}},
		{"sentence ends on a full line", []string{"dolu sətir.", "Davamı"}, 100 + 11*charW, []string{"dolu sətir. Davamı"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			right := tt.right
			if right == 0 {
				right = 100 + 20*charW
			}
			got := paragraphs(lines(100, 50, tt.lines...), right, lx)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestParagraphsByPitch judges vertical gaps in a table cell by the
// document's line pitch (issue #11 variants: term-wrap-space,
// paragraphs-joined-pdf), not by the gap between the lines' boxes.
func TestParagraphsByPitch(t *testing.T) {
	at := func(pitch float64, texts ...string) []tline {
		var ls []tline
		y := 50.0
		for _, s := range texts {
			if s == "" {
				y += 0.35 * lineH // a 4 pt gap after a paragraph in 9 pt type
				continue
			}
			ls = append(ls, line(s, 100, y))
			y += pitch
		}
		return ls
	}
	tests := []struct {
		name  string
		lines []tline
		pitch float64
		want  []string
	}{
		// LibreOffice: lines 1.7 boxes apart, a blank of 0.7 lines between
		// the boxes of one paragraph's lines.
		{"wide line pitch", at(1.7*lineH, "2020-", "2022"), 1.7 * lineH, []string{"2020-2022"}},
		{"wide line pitch, no pitch known", at(1.7*lineH, "2020-", "2022"), 0, []string{"2020-", "2022"}},
		// Chromium: lines touching, paragraphs 0.35 lines apart.
		{"narrow paragraph gap", at(lineH, "birinci abzasın dolu sətri", "", "ikinci abzas"), lineH, []string{"birinci abzasın dolu sətri", "ikinci abzas"}},
		{"narrow paragraph gap, no pitch known", at(lineH, "birinci abzasın dolu sətri", "", "ikinci abzas"), 0, []string{"birinci abzasın dolu sətri ikinci abzas"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := splitParagraphs(tt.lines, 100+26*charW, tt.pitch, lexicon{}, nil)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRuledGrid(t *testing.T) {
	// A three-column table drawn cell by cell, as LibreOffice does, with a
	// double rule under the header and a merged (section) row at 200-230
	// whose inner column rules are missing.
	var rs []hesabat.Rule
	vert := func(x, y0, y1 float64) { rs = append(rs, hesabat.Rule{X0: x, Y0: y0, X1: x, Y1: y1}) }
	horiz := func(y, x0, x1 float64) { rs = append(rs, hesabat.Rule{X0: x0, Y0: y, X1: x1, Y1: y}) }
	for _, band := range [][2]float64{{100, 150}, {150, 200}, {230, 300}} {
		for _, x := range []float64{50, 150, 300, 500} {
			vert(x, band[0], band[1])
		}
	}
	vert(50, 200, 230)
	vert(500, 200, 230)
	for _, y := range []float64{100, 200, 230, 300} {
		for _, seg := range [][2]float64{{50, 150}, {150, 300}, {300, 500}} {
			horiz(y, seg[0], seg[1])
		}
	}
	horiz(150, 50, 500)
	horiz(151, 50, 500)  // double rule
	horiz(180, 160, 170) // a short stroke inside a cell: not a row rule

	g := ruledGrid(rs)
	if g == nil {
		t.Fatal("no grid")
	}
	if want := []float64{50, 150, 300, 500}; !slices.Equal(g.xs, want) {
		t.Errorf("columns %v, want %v", g.xs, want)
	}
	if want := []float64{100, 150.5, 200, 230, 300}; !slices.Equal(g.ys, want) {
		t.Errorf("rows %v, want %v", g.ys, want)
	}
	if !g.ruledAt(150, 100, 150) || g.ruledAt(150, 200, 230) {
		t.Errorf("merged cells: ruledAt(150) = %v in the header, %v in the section row; want true, false",
			g.ruledAt(150, 100, 150), g.ruledAt(150, 200, 230))
	}
	if ruledGrid(rs[:2]) != nil {
		t.Error("two rules make a grid")
	}
}

func TestAlignColumns(t *testing.T) {
	// Three columns at x 50, 120 and 250 over many lines, with justified
	// (wide-gapped) text in the last one, and one title line across all.
	var ls []tline
	ls = append(ls, line("Hesabat başlığı bütün sütunların üstündən keçir", 60, 0))
	titles := []string{"Dövlət qurumları", "tərəfindən korrupsiya", "risklərinin", "qiymətləndirilməsi və", "onların qarşısının"}
	work := []string{"Görülmüş", "işlər barədə", "məlumat", "verilmiş, interaktiv", "fikir"}
	for i := 0; i < 40; i++ {
		y := 20 + float64(i)*14
		if i%10 == 0 {
			ls = append(ls, line("1.1.", 50, y))
		}
		ls = append(ls, line(titles[i%len(titles)], 120, y))
		w := work[i%len(work)]
		gap := 5 + float64(i%3)*3
		ls = append(ls, line(w, 250, y+1), line(work[(i+2)%len(work)], 250+float64(len([]rune(w)))*charW+gap, y+1))
	}
	xs := alignColumns(buildLinesOf(ls), 2.5*charW)
	if len(xs) != 4 {
		t.Fatalf("boundaries %v, want 4", xs)
	}
	for i, want := range []float64{50, 120, 250} {
		if xs[i] > want || xs[i+1] < want+charW {
			t.Errorf("column %d (%g..%g) does not hold text at %g", i, xs[i], xs[i+1], want)
		}
	}
}

// buildLinesOf regroups lines built separately into page lines.
func buildLinesOf(ls []tline) []tline {
	var ws []hesabat.Word
	for _, l := range ls {
		ws = append(ws, l.ws...)
	}
	return buildLines(ws)
}

func TestNaturalBreak(t *testing.T) {
	gaps := []float64{1.8, 1.7, 16, 15.8, 1.8, 22, 21.8, 14.5, 1.8}
	if got := naturalBreak(gaps, 12); got <= 16 || got >= 21.8 {
		t.Errorf("row gap %g, want between paragraph (16) and row (21.8) gaps", got)
	}
	if got := naturalBreak([]float64{1.8, 2}, 12); math.Abs(got-19.2) > 1e-9 {
		t.Errorf("row gap without paragraph gaps %g, want 1.6 line heights", got)
	}
}

// ruledPage builds an A4 page with a two-column ruled table from x 50 to
// 450 (boundary at 150) whose row rules are at ys, and the given words.
func ruledPage(n int, ys []float64, ws ...[]hesabat.Word) hesabat.Page {
	p := plainPage(n, ws...)
	for _, x := range []float64{50, 150, 450} {
		p.Rules = append(p.Rules, hesabat.Rule{X0: x, Y0: ys[0], X1: x, Y1: ys[len(ys)-1]})
	}
	for _, y := range ys {
		p.Rules = append(p.Rules, hesabat.Rule{X0: 50, Y0: y, X1: 450, Y1: y})
	}
	return p
}

// plainPage builds an A4 page without rules holding the given words.
func plainPage(n int, ws ...[]hesabat.Word) hesabat.Page {
	p := hesabat.Page{Number: n, Width: 595, Height: 842}
	for _, w := range ws {
		p.Words = append(p.Words, w...)
	}
	return p
}

// rowsOf runs the engine and checks that nothing was lost: every word's
// characters are in the rows or the furniture.
func rowsOf(t *testing.T, pages ...hesabat.Page) ([]hesabat.Row, []hesabat.Furniture) {
	t.Helper()
	rows, furniture, warnings := Rows(pages)
	if len(warnings) != 0 {
		t.Errorf("warnings %q", warnings)
	}
	checkKept(t, pages, rows, furniture)
	return rows, furniture
}

// noBoxes clears the rows' boxes, for comparing text and structure.
func noBoxes(rows []hesabat.Row) []hesabat.Row {
	for i := range rows {
		for j := range rows[i].Cells {
			rows[i].Cells[j].Box = hesabat.Box{}
		}
	}
	return rows
}

func TestLayout(t *testing.T) {
	// Page 1: title, header, measure 10.4 whose number and work text are
	// cut by the page break, page number. Page 2: header, the rest, a
	// text-less row, page number.
	p1 := ruledPage(1, []float64{100, 130, 800},
		text("Hesabat", 200, 60),
		text("Sıra", 55, 110), text("İşlər", 155, 110),
		text("10.4", 55, 140), text("Dövlət orqanları tərəfindən", 155, 140), text("görülmüş işlərin böyük bir", 155, 154),
		text("3", 290, 820),
	)
	p2 := ruledPage(2, []float64{40, 70, 200, 230},
		text("Sıra", 55, 50), text("İşlər", 155, 50),
		text(".", 55, 80), text("hissəsi tamamlanmışdır.", 155, 80),
		text("4", 290, 820),
	)
	rows, furniture := rowsOf(t, p1, p2)
	wantFurniture := []hesabat.Furniture{{Page: 1, Kind: "page number", Text: "3"}, {Page: 2, Kind: "page number", Text: "4"}}
	if !slices.Equal(furniture, wantFurniture) {
		t.Errorf("furniture %+v, want %+v", furniture, wantFurniture)
	}
	if b := rows[2].Cells[1].Box; b != (hesabat.Box{Page: 1, X0: 155, Y0: 140, X1: 155 + 27*charW, Y1: 154 + lineH}) {
		t.Errorf("box of 10.4's work text %+v", b)
	}
	rows = noBoxes(rows)
	cell := func(paras ...string) hesabat.Cell { return hesabat.Cell{Paras: paras} }
	want := []hesabat.Row{
		{Cells: []hesabat.Cell{cell("Hesabat")}, Page: 1, Offset: -1},
		{Cells: []hesabat.Cell{cell("Sıra"), cell("İşlər")}, InTable: true, Page: 1, Offset: -1},
		{Cells: []hesabat.Cell{cell("10.4."), cell("Dövlət orqanları tərəfindən görülmüş işlərin böyük bir")}, InTable: true, Page: 1, Offset: -1},
		{Cells: []hesabat.Cell{cell("Sıra"), cell("İşlər")}, InTable: true, Page: 2, Offset: -1},
		{Cells: []hesabat.Cell{{}, {Paras: []string{"hissəsi tamamlanmışdır."}, Continues: true}}, InTable: true, Page: 2, Offset: -1},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", dumpRows(rows), dumpRows(want))
	}
}

func TestOpenLastRow(t *testing.T) {
	// The table's rules end at 160, but the row's text runs on to 174
	// (a row split by the page break, drawn without a bottom rule); a
	// paragraph under the table stays outside it.
	p := ruledPage(1, []float64{100, 130, 160},
		text("Sıra", 55, 110), text("İşlər", 155, 110),
		text("1.1", 55, 140), text("birinci sətir", 155, 140), text("ikinci sətir", 155, 156),
		text("Qeyd.", 55, 300),
	)
	p.Rules = p.Rules[:len(p.Rules)-1] // no rule closes the table
	rows, _ := rowsOf(t, p)
	if len(rows) != 3 || rows[1].Cells[1].Text() != "birinci sətir ikinci sətir" || rows[2].InTable {
		t.Errorf("rows:\n%s", dumpRows(rows))
	}
}

func TestParagraphUnderRuledTable(t *testing.T) {
	// A closed ruled table with a note and a signature right under it:
	// the last row keeps its cells, the note and the signature are
	// paragraphs. Without the closing rule, a note crossing the column
	// rule is still not the row's.
	p := ruledPage(1, []float64{100, 130, 160},
		text("Sıra", 55, 110), text("İşlər", 155, 110),
		text("1.1", 55, 140), text("Görüldü.", 155, 140),
		text("Qeyd: hesabat komitənin iclasında təsdiq edilmişdir.", 55, 162),
		text("Sədr", 55, 176), text("A. Əliyev", 300, 176),
	)
	open := p
	open.Rules = p.Rules[:len(p.Rules)-1]
	for name, p := range map[string]hesabat.Page{"closed": p, "open": open} {
		t.Run(name, func(t *testing.T) {
			rows, _ := rowsOf(t, p)
			if len(rows) < 3 || len(rows[1].Cells) != 2 || rows[1].Cells[0].Text() != "1.1" || rows[1].Cells[1].Text() != "Görüldü." {
				t.Fatalf("last row stretched:\n%s", dumpRows(rows))
			}
			for _, r := range rows[2:] {
				if r.InTable {
					t.Errorf("text under the table in a table row:\n%s", dumpRows(rows))
				}
			}
		})
	}
}

func TestFurniture(t *testing.T) {
	// Three pages with a running header, a footer with the page number and
	// a table header near the top that must stay.
	var pages []hesabat.Page
	for n := 1; n <= 3; n++ {
		pages = append(pages, ruledPage(n, []float64{70, 100, 130},
			text("Dövlət Statistika Komitəsi", 200, 20),
			text("Sıra", 55, 80), text("İşlər", 155, 80),
			text(fmt.Sprintf("%d.1", n), 55, 110), text("Görüldü.", 155, 110),
			text(fmt.Sprintf("%d/3", n), 290, 800),
		))
	}
	pages[1].Words = append(pages[1].Words, text("Qeyd: yalnız bu səhifədə.", 55, 780)...)
	rows, furniture := rowsOf(t, pages...)
	var got []string
	for _, r := range rows {
		got = append(got, r.Cells[0].Text())
	}
	want := []string{"Sıra", "1.1", "Sıra", "2.1", "Qeyd: yalnız bu səhifədə.", "Sıra", "3.1"}
	if !slices.Equal(got, want) {
		t.Errorf("first cells %q, want %q", got, want)
	}
	var kinds []string
	for _, f := range furniture {
		kinds = append(kinds, fmt.Sprintf("%d %s %s", f.Page, f.Kind, f.Text))
	}
	wantKinds := []string{"1 header Dövlət Statistika Komitəsi", "1 page number 1/3", "2 header Dövlət Statistika Komitəsi", "2 page number 2/3", "3 header Dövlət Statistika Komitəsi", "3 page number 3/3"}
	if !slices.Equal(kinds, wantKinds) {
		t.Errorf("furniture %q, want %q", kinds, wantKinds)
	}
}

func TestPageNumbers(t *testing.T) {
	// Lines at a page's foot or head that look like page numbers: which
	// are (furniture) and which are text (kept in rows).
	foot, head := 800.0, 20.0
	tests := []struct {
		name   string
		pages  [][]hesabat.Word // the band lines of each page
		number []bool           // per page: is its band line a page number
	}{
		{"numbers on every page", [][]hesabat.Word{text("1", 290, foot), text("2", 290, foot), text("3", 290, foot)}, []bool{true, true, true}},
		{"dashed numbers", [][]hesabat.Word{text("- 4 -", 280, foot), text("- 5 -", 280, foot)}, []bool{true, true}},
		{"Səhifə N recurring", [][]hesabat.Word{text("Səhifə 1", 280, head), text("Səhifə 2", 280, head)}, []bool{true, true}},
		{"lone page's own number", [][]hesabat.Word{text("1", 290, foot)}, []bool{true}},
		{"iclas 11 at a foot", [][]hesabat.Word{text("iclas 11", 55, foot), nil}, []bool{false, false}},
		{"Bakı 2022 at a head", [][]hesabat.Word{text("Bakı 2022", 250, head), nil}, []bool{false, false}},
		{"a number that is not the page's", [][]hesabat.Word{text("11", 55, foot)}, []bool{false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pages []hesabat.Page
			for i, band := range tt.pages {
				pages = append(pages, plainPage(i+1, text("Hesabatın mətni burada yazılıb.", 55, 400), band))
			}
			rows, furniture := rowsOf(t, pages...)
			for i, want := range tt.number {
				if len(tt.pages[i]) == 0 {
					continue
				}
				got := slices.ContainsFunc(furniture, func(f hesabat.Furniture) bool { return f.Page == i+1 && f.Kind == "page number" })
				kept := slices.ContainsFunc(rows, func(r hesabat.Row) bool {
					return r.Page == i+1 && strings.Contains(r.Cells[0].Text(), tt.pages[i][0].Text)
				})
				if got != want || kept == want {
					t.Errorf("page %d: page number %v, kept in rows %v; want page number %v", i+1, got, kept, want)
				}
			}
		})
	}
}

func TestSectionRow(t *testing.T) {
	// A row whose inner column rule is missing is one cell spanning both.
	p := ruledPage(1, []float64{100, 130, 160, 190},
		text("Sıra", 55, 110), text("İşlər", 155, 110),
		text("1. Şəffaflıq", 55, 140),
		text("1.1", 55, 170), text("Görüldü.", 155, 170),
	)
	p.Rules = slices.DeleteFunc(p.Rules, func(r hesabat.Rule) bool { return r.X0 == 150 })
	p.Rules = append(p.Rules, hesabat.Rule{X0: 150, Y0: 100, X1: 150, Y1: 130}, hesabat.Rule{X0: 150, Y0: 160, X1: 150, Y1: 190})
	rows, _ := rowsOf(t, p)
	if len(rows) != 3 || len(rows[1].Cells) != 1 || rows[1].Cells[0].Span != 2 || rows[1].Cells[0].Text() != "1. Şəffaflıq" {
		t.Errorf("rows:\n%s", dumpRows(rows))
	}
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

// checkKept asserts that the non-space characters of the pages' words
// are those of the rows and the furniture, in number: nothing dropped,
// nothing made up (but a hyphen: a marked line-end hyphen, not in the
// word's text, is kept where it joins a compound).
func checkKept(t *testing.T, pages []hesabat.Page, rows []hesabat.Row, furniture []hesabat.Furniture) {
	t.Helper()
	in, out := map[rune]int{}, map[rune]int{}
	count := func(m map[rune]int, s string) {
		for _, r := range s {
			if !unicode.IsSpace(r) {
				m[r]++
			}
		}
	}
	for _, p := range pages {
		for _, w := range p.Words {
			count(in, w.Text)
		}
	}
	for _, r := range rows {
		for _, c := range r.Cells {
			for _, p := range c.Paras {
				count(out, p)
			}
		}
	}
	for _, f := range furniture {
		count(out, f.Text)
	}
	for r, n := range in {
		if out[r] < n {
			t.Errorf("%d of %d %q lost", n-out[r], n, r)
		}
	}
	for r, n := range out {
		if n > in[r] && r != '-' {
			t.Errorf("%d %q made up", n-in[r], r)
		}
	}
}

// borderlessRow lays out a table row without rules at y: number, title,
// term and work text in columns at x 50, 90, 250 and 320, the i-th line
// of each one line (lineH + 2) below the other.
func borderlessRow(y float64, number string, title, term, work []string) []hesabat.Word {
	ws := text(number, 50, y)
	for i, s := range title {
		ws = append(ws, text(s, 90, y+float64(i)*(lineH+2))...)
	}
	for i, s := range term {
		ws = append(ws, text(s, 250, y+float64(i)*(lineH+2))...)
	}
	for i, s := range work {
		ws = append(ws, text(s, 320, y+float64(i)*(lineH+2))...)
	}
	return ws
}

func TestSmallBorderlessTable(t *testing.T) {
	// A title paragraph, a header and three rows without rules, then a
	// signature: a table of four rows, decided by its own block.
	p := plainPage(1,
		text("“Açıq hökumətin təşviqinə dair Milli Fəaliyyət Planı”nın icra vəziyyətinə dair hesabat", 50, 40),
		borderlessRow(70, "Sıra", []string{"Tədbirin adı"}, []string{"Müddət"}, []string{"Görülmüş işlər"}),
		borderlessRow(100, "1.1.", []string{"Birinci tədbirin", "adı"}, []string{"2021"}, []string{"İşlər görülmüşdür və", "davam edir."}),
		borderlessRow(142, "1.2.", []string{"İkinci tədbir"}, []string{"mütəmadi"}, []string{"Təlim keçirilmişdir."}),
		borderlessRow(172, "1.3.", []string{"Üçüncü tədbir"}, []string{"2022"}, []string{"Hesabat hazırlanmışdır", "və dərc edilmişdir."}),
		text("Sədr", 50, 260), text("A. Əliyev", 400, 260),
	)
	rows, _ := rowsOf(t, p)
	want := []string{
		"P “Açıq hökumətin təşviqinə dair Milli Fəaliyyət Planı”nın icra vəziyyətinə dair hesabat",
		"T Sıra | Tədbirin adı | Müddət | Görülmüş işlər",
		"T 1.1. | Birinci tədbirin adı | 2021 | İşlər görülmüşdür və davam edir.",
		"T 1.2. | İkinci tədbir | mütəmadi | Təlim keçirilmişdir.",
		"T 1.3. | Üçüncü tədbir | 2022 | Hesabat hazırlanmışdır və dərc edilmişdir.",
		"P Sədr A. Əliyev",
	}
	if got := rowTexts(rows); !slices.Equal(got, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSignatureIsNoTable(t *testing.T) {
	// Prose and a signature block in two parts over two lines: no table.
	p := plainPage(1,
		text("Hesabat dövründə komitə tərəfindən bütün tədbirlər vaxtında icra edilmişdir.", 50, 100),
		text("Komitənin sədri", 50, 200), text("A. Əliyev", 400, 200),
		text("Bakı şəhəri", 50, 214), text("12 yanvar 2023", 400, 214),
	)
	rows, _ := rowsOf(t, p)
	for _, r := range rows {
		if r.InTable {
			t.Errorf("table row from a signature:\n%s", strings.Join(rowTexts(rows), "\n"))
			break
		}
	}
}

func TestIclasAtFoot(t *testing.T) {
	// A borderless table whose work text on page 1 ends, at the page's
	// foot, with a line reading "iclas 11": text, not a page number.
	work := []string{"Komitənin şurasında məsələlər müzakirə", "edilmiş, keçirilmiş"}
	p1 := plainPage(1,
		borderlessRow(60, "Sıra", []string{"Tədbirin adı"}, []string{"Müddət"}, []string{"Görülmüş işlər"}),
		borderlessRow(80, "1.1.", []string{"Birinci tədbir"}, []string{"2021"}, work),
		borderlessRow(120, "1.2.", []string{"İkinci tədbir"}, []string{"2022"}, []string{"Şuranın 15", "iclasında 49 məsələ", "baxılmışdır, cəmi", "iclas 11"}),
	)
	for i := range p1.Words { // move row 1.2 to the page's foot
		if p1.Words[i].Y0 >= 120 {
			p1.Words[i].Y0 += 650
			p1.Words[i].Y1 += 650
		}
	}
	p2 := plainPage(2,
		borderlessRow(60, "Sıra", []string{"Tədbirin adı"}, []string{"Müddət"}, []string{"Görülmüş işlər"}),
		borderlessRow(80, "", nil, nil, []string{"olmuşdur."}),
		borderlessRow(100, "1.3.", []string{"Üçüncü tədbir"}, []string{"2022"}, []string{"Hesabat hazırlanmışdır."}),
	)
	rows, furniture := rowsOf(t, p1, p2)
	if len(furniture) != 0 {
		t.Errorf("furniture %+v", furniture)
	}
	found := false
	for _, r := range rows {
		if r.InTable && len(r.Cells) == 4 && strings.HasSuffix(r.Cells[3].Text(), "cəmi iclas 11") && r.Cells[0].Text() == "1.2." {
			found = true
		}
	}
	if !found {
		t.Errorf("iclas 11 not in 1.2's work cell:\n%s", strings.Join(rowTexts(rows), "\n"))
	}
}

// rowTexts returns the rows as text: "T " for table rows, "P " for
// paragraphs, cells joined by " | ".
func rowTexts(rows []hesabat.Row) []string {
	var out []string
	for _, r := range rows {
		var cs []string
		for _, c := range r.Cells {
			cs = append(cs, c.Text())
		}
		prefix := "P "
		if r.InTable {
			prefix = "T "
		}
		out = append(out, prefix+strings.Join(cs, " | "))
	}
	return out
}

// TestTitleBlockAndNotesAroundSmallTable lays out a table of three
// measures without rules as the variant template tedbirler-bes-sutun
// renders it (tmpl-chrome-none-landscape): a centred title block (agency,
// year in words, "HESABAT") whose lines cross the gutters, five columns
// with narrow gutters, a header nearer to the first row than rows are to
// each other (its cells have no paragraph space after them), cells
// aligned to the top, and after the table a note at a paragraph's
// distance and a signature. The title block's lines are more than one in
// fifty, but they cross the gutters as phrases (see phraseCrossed); the
// header is a row of its own (see borderless.top); the note ends the
// table (see tableSpan).
func TestTitleBlockAndNotesAroundSmallTable(t *testing.T) {
	row := func(y float64, cells ...[]string) []hesabat.Word {
		var ws []hesabat.Word
		for c, x := range []float64{50, 90, 210, 280, 335} {
			for i, s := range cells[c] {
				ws = append(ws, text(s, x, y+float64(i)*(lineH+2))...)
			}
		}
		return ws
	}
	// Work paragraphs: lines 2 apart, paragraphs 5 apart.
	work := func(y float64, paras ...[]string) []hesabat.Word {
		var ws []hesabat.Word
		for _, p := range paras {
			for _, s := range p {
				ws = append(ws, text(s, 335, y)...)
				y += lineH + 2
			}
			y += 3
		}
		return ws
	}
	p := plainPage(1,
		text("AZƏRBAYCAN RESPUBLİKASININ ƏDLİYYƏ NAZİRLİYİ", 202, 40),
		text("İki min iyirmi birinci il üzrə", 237, 56),
		text("HESABAT", 295, 72),
		row(100, []string{"№"}, []string{"Tədbirlər"}, []string{"İcraçılar"}, []string{"Müddət"}, []string{"Həyata keçirilmiş işlər"}),
		// Header bottom 112; the first row 7 below it, rows 10 apart.
		row(119, []string{"2.1."}, []string{"Notariat hərəkətlərinin", "genişləndirilməsi"}, []string{"Ədliyyə", "Nazirliyi"}, []string{"2020-2022"}, nil),
		work(119, []string{"Hesabat ilində 14 notariat ofisi sistemə", "qoşulmuşdur."}, []string{"Yeni bölmə istifadəyə verilmişdir."}),
		row(182, []string{"2.4."}, []string{"Maarifləndirmə", "tədbirləri"}, []string{"Penitensiar", "Xidmət"}, []string{"mütəmadi"}, nil),
		work(182, []string{"Penitensiar müəssisələrdə 37 görüş", "keçirilmişdir."}),
		row(220, []string{"3.2."}, []string{"Statistik məlumatların", "dərc edilməsi"}, []string{"Ədliyyə", "Nazirliyi"}, []string{"2021"}, nil),
		work(220, []string{"Rüblük statistik məlumatlar dərc", "olunmuşdur."}, []string{"Siyahı 9 göstərici ilə genişləndirilmişdir."}),
		// The last row ends at 281; the note 10 below, the signature after.
		text("Qeyd: Hesabat Milli Fəaliyyət Planının icrası ilə bağlı hazırlanmışdır və ilkin məlumatlara əsaslanır.", 50, 291),
		text("Nazir müavini", 50, 330), text("R. Əliyev", 200, 330),
	)
	rows, _ := rowsOf(t, p)
	var table, after []string
	for i, r := range rowTexts(rows) {
		switch {
		case rows[i].InTable:
			table = append(table, r)
		case len(table) > 0:
			after = append(after, r)
		}
	}
	want := []string{
		"T № | Tədbirlər | İcraçılar | Müddət | Həyata keçirilmiş işlər",
		"T 2.1. | Notariat hərəkətlərinin genişləndirilməsi | Ədliyyə Nazirliyi | 2020-2022 | Hesabat ilində 14 notariat ofisi sistemə qoşulmuşdur. Yeni bölmə istifadəyə verilmişdir.",
		"T 2.4. | Maarifləndirmə tədbirləri | Penitensiar Xidmət | mütəmadi | Penitensiar müəssisələrdə 37 görüş keçirilmişdir.",
		"T 3.2. | Statistik məlumatların dərc edilməsi | Ədliyyə Nazirliyi | 2021 | Rüblük statistik məlumatlar dərc olunmuşdur. Siyahı 9 göstərici ilə genişləndirilmişdir.",
	}
	if !slices.Equal(table, want) {
		t.Errorf("table rows:\n%s\nwant:\n%s", strings.Join(table, "\n"), strings.Join(want, "\n"))
	}
	if len(after) == 0 || !strings.HasPrefix(after[0], "P Qeyd:") {
		t.Errorf("after the table: %q, want the note, then the signature", after)
	}
}

// TestDensestPitch: the distances between baselines of consecutive lines
// of the variant tmpl-chrome-none-landscape/t-uc-tedbir (a table of three
// measures, cells of one to four lines): row gaps are half of them, so
// their median (16.6) is no line pitch, and the paragraph break in 5.1's
// work done (17.3) was read as a line; the densest cluster is the pitch.
func TestDensestPitch(t *testing.T) {
	ds := []float64{23.7, 25.7, 21, 12.8, 13.5, 12.7, 17.3, 12.7, 24.8, 13.5, 12.7, 24.8, 12.8, 13.4, 16.6, 13.4, 27.8, 33}
	if p := densest(ds); p < 12.7 || p > 13.5 {
		t.Errorf("pitch %g, want the lines' 12.7-13.5", p)
	}
	// Lines of cells centred at other heights do not cluster; the
	// paragraphs' lines do.
	if p := densest([]float64{10.2, 11.9, 14, 14.1, 14, 14.2, 13.9, 15.3, 17.7, 20.4}); p < 13.9 || p > 14.2 {
		t.Errorf("pitch %g, want 14", p)
	}
}

// TestSectionAndHeaderBetweenAnchoredRows: in a table without rules whose
// gaps do not tell rows from paragraphs (rows anchored at measure
// numbers) and whose cells are aligned to the top, a section heading
// across the table and the next table's header, each after a blank gap,
// are rows of their own, not the end of the measure above (variant
// tmpl-chrome-none-landscape/t-bolmeler-alti-sutun).
func TestSectionAndHeaderBetweenAnchoredRows(t *testing.T) {
	const gap = lineH + 8 // every band 8 below the one above: rows and paragraphs alike
	p := plainPage(1,
		borderlessRow(100, "Sıra", []string{"Tədbirin adı"}, []string{"Müddət"}, []string{"Görülmüş işlər"}),
		borderlessRow(100+gap, "1.1", []string{"Birinci tədbir"}, []string{"2021"}, []string{"İşlər görülmüşdür."}),
		text("Yeni bənd əlavə edilmişdir.", 320, 100+2*gap),
		borderlessRow(100+3*gap, "1.2", []string{"İkinci tədbir"}, []string{"2022"}, []string{"Təlim keçirilmişdir."}),
		text("2. Ekoloji məlumatlara çıxışın genişləndirilməsi", 50, 100+4*gap),
		borderlessRow(100+5*gap, "Sıra", []string{"Tədbirin adı"}, []string{"Müddət"}, []string{"Görülmüş işlər"}),
		borderlessRow(100+6*gap, "2.1", []string{"Üçüncü tədbir"}, []string{"mütəmadi"}, []string{"Hesabat dərc edilmişdir."}),
		text("Əlavə məlumat verilmişdir.", 320, 100+7*gap),
	)
	rows, _ := rowsOf(t, p)
	got := rowTexts(rows)
	var section, second int
	for i, r := range got {
		if strings.Contains(r, "Ekoloji") {
			section = i
		}
		if strings.HasPrefix(r, "T Sıra") {
			second = i
		}
	}
	if len(got) != 6 || !strings.HasPrefix(got[section-1], "T 1.2 ") || strings.Contains(got[section-1], "Sıra") ||
		second != section+1 || !strings.HasPrefix(got[second+1], "T 2.1 ") {
		t.Errorf("rows:\n%s", strings.Join(got, "\n"))
	}
}

// TestCentredColumnsStand: LibreOffice centres cells vertically
// (tmpl-lo-pdf): the executor and term columns' lines stand at other
// heights, so no line has text on both sides of the gutter between them,
// and the gutter is narrower than two spaces; the term column's lines
// start at one place, and the boundary stands (see leftAligned).
func TestCentredColumnsStand(t *testing.T) {
	var ls []tline
	for i, r := range [][2]string{{"Ədliyyə", "2020-2022"}, {"Penitensiar", "mütəmadi"}, {"Nazirliyi", "2021-2022"}, {"Məhkəmə", "2021"}} {
		y := 100 + float64(i)*70
		ls = append(ls, line(fmt.Sprintf("%d.%d.", 2, i+1), 50, y+14), line("Tədbirin adı", 90, y+14),
			line(r[0], 160, y), line(r[1], 220, y+28), line("Görülmüş işlər barədə məlumat", 290, y+42))
	}
	ls = buildLinesOf(ls)
	xs := pruneColumns([]float64{49, 85, 155, 216, 285, 440}, ls, 2.5*charW)
	if !slices.Contains(xs, 216) {
		t.Errorf("boundaries %v: the one at 216 (executor | term) fell", xs)
	}
}

// TestTopAligned: a table is aligned to the top when three in four of its
// gap-cut numbered rows, the first apart, hold the number on their first
// line. In corpus PDFs that centre their cells, numbers stand on the
// first line of about half the rows (those one line high): with "most"
// as the bar, their rows were split above the number (TestGold r005-2021).
func TestTopAligned(t *testing.T) {
	b := &borderless{xs: []float64{45, 85, 245, 600}, rowGap: 8, lh: lineH}
	table := func(first ...bool) []tline {
		var ls []tline
		y := 100.0
		for i, f := range first {
			num := fmt.Sprintf("1.%d", i+1)
			if f {
				ls = append(ls, buildLinesOf([]tline{line(num, 50, y), line("Tədbirin adı", 90, y)})...)
				ls = append(ls, line("davamı", 90, y+lineH+2))
			} else {
				ls = append(ls, line("Tədbirin adı", 90, y))
				ls = append(ls, buildLinesOf([]tline{line(num, 50, y+lineH+2), line("davamı", 90, y+lineH+2)})...)
			}
			y += 2*(lineH+2) + 12
		}
		return ls
	}
	for _, tc := range []struct {
		name  string
		first []bool
		want  bool
	}{
		{"all rows at the top, a header run into the first", []bool{false, true, true, true}, true},
		{"two in three at the top: centred", []bool{true, true, true, false}, false},
		{"half at the top: centred", []bool{true, false, true, false, true}, false},
	} {
		if got := b.topAligned([][]tline{table(tc.first...)}); got != tc.want {
			t.Errorf("%s: topAligned = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestParagraphsByIndent splits a cell's lines at a first-line indent
// after a sentence end, though the line above is full and no gap stands
// between them, and nowhere else: not at a list item's hanging indent,
// not at an indented line after a line that ends no sentence, not where
// no two lines share the left edge (centred text).
func TestParagraphsByIndent(t *testing.T) {
	right := 100 + 30*charW
	at := func(spec ...any) []tline { // x offset in characters, text; one line pitch apart
		var ls []tline
		for i := 0; i+1 < len(spec); i += 2 {
			ls = append(ls, line(spec[i+1].(string), 100+float64(spec[i].(int))*charW, 50+float64(i/2)*lineH))
		}
		return ls
	}
	tests := []struct {
		name  string
		lines []tline
		want  []string
	}{
		{"indented first line", at(0, "Birinci abzasın sətri tam dolu", 0, "sətirdə bitir tam dolu sətir.", 4, "İkinci abzas burada başlayır", 0, "və bitir."),
			[]string{"Birinci abzasın sətri tam dolu sətirdə bitir tam dolu sətir.", "İkinci abzas burada başlayır və bitir."}},
		{"hanging indent", at(0, "1) Birinci bənd uzun mətn ilə", 3, "davam edir və bitir burada.", 0, "2) İkinci bənd"),
			[]string{"1) Birinci bənd uzun mətn ilə davam edir və bitir burada. 2) İkinci bənd"}},
		{"no sentence end", at(0, "Birinci abzasın sətri tam dolu", 0, "sətirdə davam edir belə ki", 4, "bu sətir sürüşüb"),
			[]string{"Birinci abzasın sətri tam dolu sətirdə davam edir belə ki bu sətir sürüşüb"}},
		{"centred", at(0, "Mərkəzdə duran çox uzun sətir.", 5, "İkinci sətir bitir."),
			[]string{"Mərkəzdə duran çox uzun sətir. İkinci sətir bitir."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := splitParagraphs(tt.lines, right, lineH, lexicon{}, nil)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
