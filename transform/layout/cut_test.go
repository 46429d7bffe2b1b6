package layout

import (
	"slices"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
)

// The positions below are taken from the rendered variants under
// testdata/variants/out (Chromium, DejaVu Sans 9 pt, a title column 12 %
// of the table wide: text from x 94.38, the column's edge near 144.83,
// lines 11.25 pt apart), issue #11 failure 2.

// word is a word of a variant: its text, left and right edges, and its
// first glyph's width (Word.Lead).
type word struct {
	text   string
	x0, x1 float64
	lead   float64
}

// stack stacks one line per slice of words, 11.25 pt apart.
func stack(rows ...[]word) []tline {
	var ls []tline
	y := 500.0
	for _, r := range rows {
		var ws []hesabat.Word
		for _, w := range r {
			ws = append(ws, hesabat.Word{Text: w.text, X0: w.x0, X1: w.x1, Y0: y, Y1: y + 10.46, Base: y + 10.35, Size: 10.46, Lead: w.lead})
		}
		ls = append(ls, newLine(ws))
		y += 11.25
	}
	return ls
}

func TestLineEndCuts(t *testing.T) {
	const right = 144.83
	tests := []struct {
		name  string
		lines []tline
		lx    lexicon
		want  string
	}{
		// "Sisteminə" leaves 6 pt: "q" (5.71 pt) would have fitted, so a
		// renderer cutting a long word would have set it there.
		{"next glyph would have fitted", stack(
			[]word{{"Sisteminə", 94.38, 138.82, 6.33}},
			[]word{{"qoşulan", 94.38, 129.66, 5.71}},
			[]word{{"informasiy", 94.38, 141.57, 2.49}}), lexicon{}, "Sisteminə qoşulan informasiy"},
		// The same room before a word the grammar cannot tell from a
		// piece: only the geometry speaks.
		{"next glyph would have fitted, unknown words", stack(
			[]word{{"elektron", 94.38, 138.83, 5.53}},
			[]word{{"xidmətlər", 94.38, 138.0, 5.32}}), lexicon{}, "elektron xidmətlər"},
		// "monitorinq" leaves 1.4 pt, less than "i" (2.49 pt), and "i" is
		// a word of the document ("1-i"): the grammar reads "monitorinqi".
		{"suffix the document also uses as a word", stack(
			[]word{{"monitorinq", 94.38, 143.46, 5.53}},
			[]word{{"i", 94.38, 96.88, 2.49}, {"orqanına", 99.73, 139.40, 5.71}}), lexicon{"i": true}, "monitorinqi orqanına"},
		{"word that is also the start of a longer one", stack(
			[]word{{"təşkilatları", 94.38, 141.80, 3.43}},
			[]word{{"nın", 94.38, 108.27, 5.70}, {"iştirakı", 111.12, 143.01, 2.49}}), lexicon{"təşkilatları": true}, "təşkilatlarının iştirakı"},
		// Both unknown to the document, the room less than "q": the
		// morphology reads "qərarların" as a finished form (plural and
		// genitive on a stem of two syllables) that "qəbulu" does not
		// inflect.
		{"finished form before a new word", stack(
			[]word{{"qərarların", 94.38, 139.93, 5.71}},
			[]word{{"qəbulu", 94.38, 124.97, 5.71}, {"və", 127.82, 138.68, 5.32}}), lexicon{}, "qərarların qəbulu və"},
		// "müddə" looks like a locative on a stem of one syllable: a
		// piece, not a finished form.
		{"short piece that looks inflected", stack(
			[]word{{"müddə", 94.38, 144.50, 8.77}},
			[]word{{"ti", 94.38, 102.5, 3.53}}), lexicon{}, "müddəti"},
		{"word cut into unknown pieces", stack(
			[]word{{"təkmilləşdi", 94.38, 143.32, 5.71}},
			[]word{{"rilməsi", 94.38, 124.54, 3.70}, {"və", 127.39, 138.25, 5.32}}), lexicon{}, "təkmilləşdirilməsi və"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := paragraphs(tt.lines, right, tt.lx)
			if !slices.Equal(got, []string{tt.want}) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestGlueCutAcrossPages joins a word cut by a page break: "monitorinq"
// ends the title cell on one page, "i orqanına" begins it on the next
// (chrome-narrow-title-none/r010-2020), while a whole word ending a page
// stays apart from the next page's first word.
func TestGlueCutAcrossPages(t *testing.T) {
	const right = 144.97
	tests := []struct {
		name         string
		above, below []tline
		want         [2]string
	}{
		{"cut word", stack([]word{{"maliyyə", 94.38, 130.2, 8.2}}, []word{{"monitorinq", 94.38, 142.78, 8.2}}),
			stack([]word{{"i", 94.38, 96.88, 2.49}, {"orqanına", 99.73, 139.40, 5.71}}, []word{{"təqdim", 94.38, 126.12, 3.53}}),
			[2]string{"maliyyə monitorinqi", "orqanına təqdim"}},
		{"whole word", stack([]word{{"elektron", 94.38, 130.72, 5.53}}, []word{{"xidmətlərin", 94.38, 144.97, 5.53}}),
			stack([]word{{"sayının", 94.38, 125.59, 4.68}}, []word{{"artırılması", 94.38, 139.06, 5.51}}),
			[2]string{"elektron xidmətlərin", "sayının artırılması"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			above := hesabat.Cell{Paras: paragraphs(tt.above, right, lexicon{})}
			below := hesabat.Cell{Paras: paragraphs(tt.below, right, lexicon{}), Continues: true}
			glueCut(&above, &below, edgeOf(tt.above, right, 800), edgeOf(tt.below, right, 800), lexicon{})
			if got := [2]string{above.Text(), below.Text()}; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestJoinExpanded joins "№-li", which a justified line of Chromium's
// stretched apart without a space (chrome-justified-sans10-horizontal,
// Liberation Sans 10 pt: spaces 13.1 pt wide, "№" to "-li" 10.3 pt).
func TestJoinExpanded(t *testing.T) {
	at := func(ws ...word) tline {
		var out []hesabat.Word
		for _, w := range ws {
			out = append(out, hesabat.Word{Text: w.text, X0: w.x0, X1: w.x1, Y0: 243.7, Y1: 254.86})
		}
		return newLine(out)
	}
	texts := func(l tline) []string {
		var s []string
		for _, w := range l.ws {
			s = append(s, w.Text)
		}
		return s
	}
	justified := at(word{"№", 292.89, 303.60, 0}, word{"-li", 313.94, 321.71, 0}, word{"illik", 334.81, 348.71, 0},
		word{"rəsmi", 361.80, 386.31, 0}, word{"statistik", 399.40, 430.1, 0})
	if got := texts(joinExpanded(justified)); !slices.Equal(got, []string{"№-li", "illik", "rəsmi", "statistik"}) {
		t.Errorf("justified line: got %q", got)
	}
	// Gaps of many widths (a ragged line with a wide gap before a
	// column): nothing is joined.
	ragged := at(word{"bir", 100, 115, 0}, word{"iki", 118, 130, 0}, word{"üç", 140, 150, 0}, word{"dörd", 153, 170, 0}, word{"beş", 190, 205, 0})
	if got := texts(joinExpanded(ragged)); len(got) != 5 {
		t.Errorf("ragged line: got %q", got)
	}
}

// TestJustifiedEnd tells the last line of a justified paragraph (ending
// short of the edge, when the cell's other lines reach it) from a line of
// ragged text.
func TestJustifiedEnd(t *testing.T) {
	full := []word{{"bir", 292.89, 320, 0}, {"iki", 333, 400, 0}, {"üç", 413, 548.5, 0}}
	last := []word{{"Vergi", 400.19, 422.97, 0}, {"Xidmətinə", 425.75, 470.36, 0}, {"göndərilmişdir.", 473.13, 537.65, 0}}
	if !justifiedEnd(stack(full, full, full, last), 548.5) {
		t.Error("last line of a justified cell not seen")
	}
	ragged := []word{{"bir", 292.89, 320, 0}, {"iki", 323, 400, 0}, {"üç", 403, 530, 0}}
	if justifiedEnd(stack(full, ragged, ragged, last), 548.5) {
		t.Error("ragged cell taken for justified")
	}
}

// TestRowsRuledOnlyBetween reads a table ruled only between its rows (no
// vertical rules: chrome-horizontal-serif11): where two rows stand as
// close as the lines of a paragraph, the rule between them ends the row.
func TestRowsRuledOnlyBetween(t *testing.T) {
	p := plainPage(1,
		borderlessRow(56, "Sıra", []string{"Tədbirin adı"}, []string{"Müddət"}, []string{"Görülmüş işlər"}),
		borderlessRow(86, "1.1.", []string{"Birinci tədbirin", "adı"}, []string{"2021"}, []string{"İşlər görülmüşdür və", "davam edir."}),
		borderlessRow(114, "1.2.", []string{"İkinci tədbir"}, []string{"mütəmadi"}, []string{"Təlim keçirilmişdir."}),
		borderlessRow(150, "1.3.", []string{"Üçüncü tədbir"}, []string{"2022"}, []string{"Hesabat hazırlanmışdır", "və dərc edilmişdir."}),
		borderlessRow(200, "1.4.", []string{"Dördüncü tədbir"}, []string{"2023"}, []string{"Sorğu keçirilmişdir."}),
	)
	for _, y := range []float64{54, 84, 113, 148, 198, 214} {
		p.Rules = append(p.Rules, hesabat.Rule{X0: 45, Y0: y, X1: 520, Y1: y})
	}
	rows, _ := rowsOf(t, p)
	want := []string{
		"T Sıra | Tədbirin adı | Müddət | Görülmüş işlər",
		"T 1.1. | Birinci tədbirin adı | 2021 | İşlər görülmüşdür və davam edir.",
		"T 1.2. | İkinci tədbir | mütəmadi | Təlim keçirilmişdir.",
		"T 1.3. | Üçüncü tədbir | 2022 | Hesabat hazırlanmışdır və dərc edilmişdir.",
		"T 1.4. | Dördüncü tədbir | 2023 | Sorğu keçirilmişdir.",
	}
	if got := rowTexts(rows); !slices.Equal(got, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCutWordOnGrid: on a character grid (layout text, 6 points a
// character, 12 a line, as tmpl-layout/t-uc-tedbir's "Qeyd" column sets
// "Davam" over "edir"), a lone word a whole cell short of the column's
// edge had room for one more character, so it is no piece of a longer
// word; one ending in the edge's cell may be.
func TestCutWordOnGrid(t *testing.T) {
	prev := newLine([]hesabat.Word{{Text: "Davam", X0: 648, Y0: 240, X1: 678, Y1: 252}})
	l := newLine([]hesabat.Word{{Text: "edir", X0: 648, Y0: 252, X1: 672, Y1: 264}})
	lx := lexicon{}
	if cutWord(&prev, &l, 684, lx) {
		t.Errorf("a word one cell short of the edge read as cut")
	}
	if !cutWord(&prev, &l, 678, lx) {
		t.Errorf("a word ending in the edge's cell not read as cut")
	}
}

// TestBoundPiece checks a word cut where a renderer wraps between words as
// well (pandoc-pdf-furnished, LibreOffice: "telekommunikasi" ends 2.3 pt
// short of the column's widest line, less than "y" and than " ya"), whose
// second piece the document uses as a word, but only in one phrase ("və
// ya"): joined, as the line before ends with another word; after that
// word, or where the piece follows several words inside lines, the pair
// stays two words.
func TestBoundPiece(t *testing.T) {
	lx := lexicon{"ya": true}
	lx.pair("və ya", "ya")
	if !lx.bound("ya", "telekommunikasi") || lx.bound("ya", "və") || lx.bound("və", "telekommunikasi") {
		t.Errorf("bound: %v, want ya bound to və only", lx)
	}
	free := lexicon{"ya": true}
	free.pair("və ya", "ya")
	free.pair("bu ya", "ya")
	if free.bound("ya", "telekommunikasi") || free.bound("ya", "və") {
		t.Errorf("bound: %v, want ya free", free)
	}
	for _, r := range variantRows(t, "pandoc-pdf-furnished/seed") {
		for _, c := range r.Cells {
			if s := c.Text(); strings.Contains(s, "telekommunikasi ya") {
				t.Errorf("cell holds %q", s)
			}
		}
	}
	const right = 144.83
	for _, tt := range []struct {
		lines []tline
		want  string
	}{
		{stack([]word{{"telekommunikasi", 94.38, 142.5, 6.1}}, []word{{"ya", 94.38, 105.0, 6.1}, {"və", 108.0, 118.0, 5.3}, {"poçt", 121.0, 140.0, 5.7}}), "telekommunikasiya və poçt"},
		{stack([]word{{"və", 131.0, 142.5, 5.3}}, []word{{"ya", 94.38, 105.0, 6.1}, {"poçt", 108.0, 127.0, 5.7}}), "və ya poçt"},
	} {
		if got := paragraphs(tt.lines, right, lx); !slices.Equal(got, []string{tt.want}) {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
