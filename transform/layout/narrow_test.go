package layout

import (
	"slices"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
)

// TestNarrowRuledColumnJoins joins the lines of narrow cells of ruled
// tables (issue #11 variant tmpl-chrome-grid: Chromium, cells padded 4.5
// pt): a word the renderer broke because it is longer than its column
// joins without a space, two words wrapped between keep it. Positions
// are the variants'. The column's edge is its right rule less the
// padding its text keeps from the left rule (see ruledRights): the
// widest line of a narrow column of long words stops well short of it.
func TestNarrowRuledColumnJoins(t *testing.T) {
	tests := []struct {
		name   string
		xs     [2]float64 // the column's rules
		lines  [][]word
		lexica []string // words the document uses inside lines
		want   string
	}{
		// "Davam" ends 14 pt short of the edge: "e" (5.6 pt) would have
		// fitted, so the renderer wrapped between words. The column's
		// widest line ("olunub") ends at 534.7, 0.4 pt after "Davam".
		{"words wrapped in a narrow column", [2]float64{496.87, 553.12},
			[][]word{{{"Davam", 501.4, 534.3, 7.30}}, {{"edir", 501.4, 519.9, 5.64}}, {{"olunub", 501.4, 534.7, 6.05}}}, nil, "Davam edir olunub"},
		// "mütəmad" leaves 1 pt, less than "i" (2.6 pt): a cut word.
		{"word longer than its column", [2]float64{364.12, 420.37},
			[][]word{{{"mütəmad", 368.8, 414.7, 9.35}}, {{"i", 368.8, 371.4, 2.58}}}, nil, "mütəmadi"},
		// "Hidrometeorol" leaves 3.2 pt, less than "o" (5.5 pt), and
		// neither piece is a word of the document.
		{"long name cut", [2]float64{190.87, 267.37},
			[][]word{{{"Milli", 195.4, 213.1, 7.76}}, {{"Hidrometeorol", 195.4, 259.7, 6.76}}, {{"ogiya", 195.4, 219.9, 5.50}, {"Xidməti", 222.8, 257.5, 6.16}}}, nil, "Milli Hidrometeorologiya Xidməti"},
		// A whole word the document uses elsewhere, filling the line.
		{"known word filling the line", [2]float64{190.87, 267.37},
			[][]word{{{"departamenti", 195.4, 262.0, 5.71}}, {{"rəhbəri", 195.4, 230.0, 5.5}}}, []string{"departamenti"}, "departamenti rəhbəri"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := stack(tt.lines...)
			xs := []float64{tt.xs[0], tt.xs[1]}
			lx := lexicon{}
			for _, w := range tt.lexica {
				lx[w] = true
			}
			right := widest(columnRights(ls, xs), ruledRights(ls, xs))[0]
			if got := paragraphs(ls, right, lx); !slices.Equal(got, []string{tt.want}) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLexiconCellLines keeps the first and last words of a ruled table's
// cell lines out of the lexicon: "ogiya", the rest of "Hidrometeorol"
// cut in the executor column, stands a gutter narrower than a line
// height after the title cell's "vaxt" (tmpl-chrome-grid/
// t-bolmeler-alti-sutun) and was taken for a word of the document, so the
// cut was not joined.
func TestLexiconCellLines(t *testing.T) {
	ws := []hesabat.Word{
		{Text: "real", X0: 150, X1: 170, Y0: 380.9, Y1: 391.4},
		{Text: "vaxt", X0: 173, X1: 186.5, Y0: 380.9, Y1: 391.4},
		{Text: "ogiya", X0: 195.4, X1: 219.9, Y0: 380.9, Y1: 391.4},
		{Text: "Xidməti", X0: 222.8, X1: 257.5, Y0: 380.9, Y1: 391.4},
	}
	pl := &pageLines{lines: []tline{newLine(ws)}, grid: &grid{xs: []float64{79.12, 190.87, 267.37}, top: 300, bot: 500}}
	lx := lexicon{}
	lx.addPage(pl, nil)
	if lx["ogiya"] || lx["vaxt"] {
		t.Errorf("lexicon %v holds a cell line's end", lx)
	}
	pl.grid = nil
	lx = lexicon{}
	lx.addPage(pl, nil)
	if !lx["vaxt"] {
		t.Errorf("lexicon %v: without a grid, the line's inner words count", lx)
	}
}

// TestNarrowColumnVariants reads the variants themselves: the cells hold
// "Davam edir" and "Milli Hidrometeorologiya Xidməti".
func TestNarrowColumnVariants(t *testing.T) {
	for _, tt := range []struct{ variant, want string }{
		{"tmpl-chrome-grid/t-uc-tedbir", "Davam edir"},
		{"tmpl-chrome-grid/t-bolmeler-alti-sutun", "Milli Hidrometeorologiya Xidməti"},
	} {
		found := false
		for _, r := range variantRows(t, tt.variant) {
			for _, c := range r.Cells {
				found = found || strings.Contains(c.Text(), tt.want)
			}
		}
		if !found {
			t.Errorf("%s: no cell holds %q", tt.variant, tt.want)
		}
	}
}
