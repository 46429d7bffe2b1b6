package pdf

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
)

// Synthetic text: every glyph is charW wide and lineH high, so positions
// are easy to reason about.
const (
	charW = 5.0
	lineH = 12.0
)

// text lays s out as glyphs from (x, y) (top-left); "\x02" stands for
// PDFium's hyphen mark.
func text(s string, x, y float64) []glyph {
	var gs []glyph
	for _, r := range s {
		gs = append(gs, glyph{r: r, x0: x, y0: y, x1: x + charW, y1: y + lineH})
		x += charW
	}
	return gs
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
	lx := lexicon{"kommunikasiya": true, "hökumət": true, "sosial-iqtisadi": true}
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
		{"full single word followed by a known word", []string{"kommunikasiya", "hökumət"}, 100 + 13*charW, []string{"kommunikasiya hökumət"}},
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

func TestWords(t *testing.T) {
	tests := []struct {
		name string
		gs   []glyph
		want []string
	}{
		{"real spaces", text("bir iki", 0, 0), []string{"bir", "iki"}},
		{"gap without a space", append(text("bir", 0, 0), text("iki", 30, 0)...), []string{"bir", "iki"}},
		{"touching glyphs", append(text("bir", 0, 0), text("iki", 15, 0)...), []string{"biriki"}},
		{"detached hyphen mark stays with its word", append(text("qeyri", 0, 0), glyph{r: hyphenMark, x0: 40, y0: 0, x1: 44, y1: lineH}), []string{"qeyri"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := buildLines(tt.gs)
			if len(ls) != 1 {
				t.Fatalf("got %d lines, want 1", len(ls))
			}
			var got []string
			for _, w := range ls[0].words() {
				got = append(got, w.text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCleanGlyphs(t *testing.T) {
	in := []glyph{
		{r: '\uFB01', x0: 0, x1: 10, y1: lineH},          // fi ligature
		{r: 'x', x0: 10, x1: 15, y1: lineH},              // drawn twice: fake bold
		{r: 'x', x0: 10.2, x1: 15.2, y0: 0.1, y1: lineH}, // the second stroke
		{r: '\u0007', x0: 15, x1: 20, y1: lineH},         // control character
		{r: hyphenMark, x0: 20, x1: 24, y1: lineH},       // kept: marks a line-end hyphen
	}
	var got []rune
	for _, g := range cleanGlyphs(in) {
		got = append(got, g.r)
	}
	if want := []rune{'f', 'i', 'x', hyphenMark}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestFrame(t *testing.T) {
	// An A4 page (595 x 842 unrotated) with its crop box at (10, 20).
	tests := []struct {
		rot          int
		x, y         float64
		wantX, wantY float64
		wantW, wantH float64
	}{
		{0, 10, 862, 0, 0, 595, 842}, // top-left corner
		{0, 110, 762, 100, 100, 595, 842},
		{1, 10, 20, 0, 0, 842, 595},     // Rotate 90: bottom-left goes to top-left
		{1, 10, 862, 842, 0, 842, 595},  // top-left goes to top-right
		{2, 10, 20, 595, 0, 595, 842},   // Rotate 180
		{3, 10, 20, 842, 595, 842, 595}, // Rotate 270: bottom-left goes to bottom-right
	}
	for _, tt := range tests {
		f := frame{rot: tt.rot, left: 10, bottom: 20, width: 595, height: 842}
		x, y := f.point(tt.x, tt.y)
		w, h := f.size()
		if x != tt.wantX || y != tt.wantY || w != tt.wantW || h != tt.wantH {
			t.Errorf("rot %d: (%g, %g) -> (%g, %g) in %gx%g, want (%g, %g) in %gx%g",
				tt.rot, tt.x, tt.y, x, y, w, h, tt.wantX, tt.wantY, tt.wantW, tt.wantH)
		}
	}
}

func TestRuledGrid(t *testing.T) {
	// A three-column table drawn cell by cell, as LibreOffice does, with a
	// double rule under the header and a merged (section) row at 200-230
	// whose inner column rules are missing.
	var rs []rule
	vert := func(x, y0, y1 float64) { rs = append(rs, rule{x, y0, x, y1}) }
	horiz := func(y, x0, x1 float64) { rs = append(rs, rule{x0, y, x1, y}) }
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
	xs := alignColumns(buildLinesOf(ls))
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
	var gs []glyph
	for _, l := range ls {
		gs = append(gs, l.g...)
	}
	return buildLines(gs)
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

// ruledPage builds a page with a two-column ruled table from x 50 to 450
// (boundary at 150) whose row rules are at ys, and the given glyphs.
func ruledPage(n int, ys []float64, gs ...[]glyph) *page {
	p := &page{n: n, w: 595, h: 842}
	for _, x := range []float64{50, 150, 450} {
		p.rules = append(p.rules, rule{x, ys[0], x, ys[len(ys)-1]})
	}
	for _, y := range ys {
		p.rules = append(p.rules, rule{50, y, 450, y})
	}
	for _, g := range gs {
		p.chars = append(p.chars, g...)
	}
	return p
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
	rows, warnings := layout([]*page{p1, p2})
	if len(warnings) != 0 {
		t.Errorf("warnings %q", warnings)
	}
	cell := func(paras ...string) hesabat.Cell { return hesabat.Cell{Paras: paras} }
	// boxed gives a table cell the union of its lines' glyph boxes.
	boxed := func(c hesabat.Cell, page int, x0, y0, x1, y1 float64) hesabat.Cell {
		c.Box = hesabat.Box{Page: page, X0: x0, Y0: y0, X1: x1, Y1: y1}
		return c
	}
	want := []hesabat.Row{
		{Cells: []hesabat.Cell{cell("Hesabat")}, Page: 1, Offset: -1},
		{Cells: []hesabat.Cell{boxed(cell("Sıra"), 1, 55, 110, 75, 122), boxed(cell("İşlər"), 1, 155, 110, 180, 122)}, InTable: true, Page: 1, Offset: -1},
		{Cells: []hesabat.Cell{boxed(cell("10.4."), 1, 55, 140, 75, 152), boxed(cell("Dövlət orqanları tərəfindən görülmüş işlərin böyük bir"), 1, 155, 140, 290, 166)}, InTable: true, Page: 1, Offset: -1},
		{Cells: []hesabat.Cell{boxed(cell("Sıra"), 2, 55, 50, 75, 62), boxed(cell("İşlər"), 2, 155, 50, 180, 62)}, InTable: true, Page: 2, Offset: -1},
		{Cells: []hesabat.Cell{{}, boxed(hesabat.Cell{Paras: []string{"hissəsi tamamlanmışdır."}, Continues: true}, 2, 155, 80, 270, 92)}, InTable: true, Page: 2, Offset: -1},
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
	rows, _ := layout([]*page{p})
	if len(rows) != 3 || rows[1].Cells[1].Text() != "birinci sətir ikinci sətir" || rows[2].InTable {
		t.Errorf("rows:\n%s", dumpRows(rows))
	}
}

func TestFurniture(t *testing.T) {
	// Three pages with a running header, a footer with the page number and
	// a table header near the top that must stay.
	var pages []*page
	for n := 1; n <= 3; n++ {
		pages = append(pages, ruledPage(n, []float64{70, 100, 130},
			text("Dövlət Statistika Komitəsi", 200, 20),
			text("Sıra", 55, 80), text("İşlər", 155, 80),
			text(fmt.Sprintf("%d.1", n), 55, 110), text("Görüldü.", 155, 110),
			text(fmt.Sprintf("%d/3", n), 290, 800),
		))
	}
	pages[1].chars = append(pages[1].chars, text("Qeyd: yalnız bu səhifədə.", 55, 780)...)
	rows, _ := layout(pages)
	var got []string
	for _, r := range rows {
		got = append(got, r.Cells[0].Text())
	}
	want := []string{"Sıra", "1.1", "Sıra", "2.1", "Qeyd: yalnız bu səhifədə.", "Sıra", "3.1"}
	if !slices.Equal(got, want) {
		t.Errorf("first cells %q, want %q", got, want)
	}
}

func TestSectionRow(t *testing.T) {
	// A row whose inner column rule is missing is one cell spanning both.
	p := ruledPage(1, []float64{100, 130, 160, 190},
		text("Sıra", 55, 110), text("İşlər", 155, 110),
		text("1. Şəffaflıq", 55, 140),
		text("1.1", 55, 170), text("Görüldü.", 155, 170),
	)
	p.rules = slices.DeleteFunc(p.rules, func(r rule) bool { return r.x0 == 150 })
	p.rules = append(p.rules, rule{150, 100, 150, 130}, rule{150, 160, 150, 190})
	rows, _ := layout([]*page{p})
	if len(rows) != 3 || len(rows[1].Cells) != 1 || rows[1].Cells[0].Span != 2 || rows[1].Cells[0].Text() != "1. Şəffaflıq" {
		t.Errorf("rows:\n%s", dumpRows(rows))
	}
}

func TestUnmappedText(t *testing.T) {
	garbage := &page{n: 1, w: 595, h: 842, chars: text("\ue001\ue002\ue003 \ue004", 55, 110)}
	rows, warnings := layout([]*page{garbage})
	if len(rows) != 0 || len(warnings) != 1 || !strings.Contains(warnings[0].String(), "page 1: text has no Unicode mapping") || warnings[0].Kind != hesabat.WarnUnmapped {
		t.Errorf("rows %d, warnings %q", len(rows), warnings)
	}
}

func TestNoTextLayer(t *testing.T) {
	scan := &page{n: 1, w: 595, h: 842}
	p2 := ruledPage(2, []float64{100, 130, 160}, text("Sıra", 55, 110), text("İşlər", 155, 110), text("1.1", 55, 140), text("Görüldü.", 155, 140))
	rows, warnings := layout([]*page{scan, p2})
	if want := []hesabat.Warning{hesabat.Warnf(hesabat.WarnNoTextLayer, 1, "page has no text layer; OCR not enabled")}; !slices.Equal(warnings, want) {
		t.Errorf("warnings %q, want %q", warnings, want)
	}
	if len(rows) != 2 || rows[1].Cells[1].Text() != "Görüldü." {
		t.Errorf("rows from page 2:\n%s", dumpRows(rows))
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
