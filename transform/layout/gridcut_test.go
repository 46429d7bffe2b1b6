package layout

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
)

// corpusLayoutRows reads a corpus rendering's layout text
// (testdata/layout) as the pipeline does.
func corpusLayoutRows(t *testing.T, name string) []string {
	t.Helper()
	var paras []string
	for _, r := range layoutFileRows(t, filepath.Join("..", "..", "testdata", "layout", name+".txt")) {
		for _, c := range r.Cells {
			paras = append(paras, c.Paras...)
		}
	}
	return paras
}

// TestLayoutTextCutURL checks that a URL the renderer cut at its
// column's edge, which on the character grid ends 2 to 5 cells short of
// the page's widest line, is read whole (see gridFits).
func TestLayoutTextCutURL(t *testing.T) {
	for _, name := range []string{"r036-2022", "r055-2020", "r056-2021"} {
		n := 0
		for _, p := range corpusLayoutRows(t, name) {
			if strings.Contains(p, "https://www.azstat.org/xidmetler/neshrlər_v3.0/baxış.php” veb-səhifəsi") {
				n++
			}
		}
		if n == 0 {
			t.Errorf("%s: the cut URL is not read whole", name)
		}
	}
}

// TestLayoutTextFullLineEdge checks that a page's last line of work done
// that ends a sentence with no room on the grid for the next page's
// first word carries its paragraph on to that page, though the page's
// widest line, a line of narrow glyphs, overshoots the column's edge by
// enough for it (see gridRights), and though the page's text ends many
// grid lines above another page's (see borderlessRows): r014's
// "…cavablandırılmışdır." ends at 93, the page's full lines at 95 or 96,
// its widest at 99, and "Eyni" needs 5 cells; and one that leaves as
// little more than the next word needs as the grid cannot tell from none
// (see gridSlack).
func TestLayoutTextFullLineEdge(t *testing.T) {
	for _, c := range []struct{ file, measure, end, next string }{
		{"r014-2021", "1.3", "onların sualları cavablandırılmışdır.", "Eyni zamanda"},
		{"r036-2022", "7.2", "şəxslərə göndərilməsi tam təmin edilmişdir.", "“Rəsmi statistik"},
		{"r045-2022", "2.2", "şəxslərə göndərilməsi tam təmin edilmişdir.", "“Rəsmi statistik"},
		// one cell over the next word (see gridSlack)
		{"r044-2021", "2.2", "Dövlət Vergi Xidmətinə müraciət edirlər.", "Prosesin"},
		{"r045-2022", "3.1", "onların sualları cavablandırılmışdır.", "Eyni zamanda"},
		// an address, 5 cells over the next word
		{"r020-2021", "2.1", "(email:office@commission-anticorruption.gov.az).", "Həmçinin"},
	} {
		rows := layoutFileRows(t, filepath.Join("..", "..", "testdata", "layout", c.file+".txt"))
		found := 0
		measure := ""
		for i, r := range rows {
			if !r.InTable || len(r.Cells) < 2 {
				continue
			}
			if n := r.Cells[0].Text(); n != "" && !strings.Contains(r.Cells[1].Text(), "Tədbirin") {
				measure = strings.TrimSuffix(n, ".")
			}
			if measure != c.measure || !strings.HasSuffix(r.Cells[len(r.Cells)-1].Text(), c.end) {
				continue
			}
			found++
			for _, n := range rows[i+1:] {
				if n.InTable && len(n.Cells) == len(r.Cells) && !strings.Contains(n.Cells[1].Text(), "Tədbirin") {
					if w := n.Cells[len(n.Cells)-1]; !w.Continues || !strings.HasPrefix(w.Text(), c.next) {
						t.Errorf("%s %s: the next page's work done %q (continues %v), want %q… carrying on the paragraph", c.file, c.measure, w.Text()[:min(len(w.Text()), 40)], w.Continues, c.next)
					}
					break
				}
			}
		}
		if found != 1 {
			t.Errorf("%s: %d rows of %s end with %q, want 1", c.file, found, c.measure, c.end)
		}
	}
}

func TestPathLike(t *testing.T) {
	for s, want := range map[string]bool{
		"https://www.azstat.org/xidmetler/neshrlər_v3.0/baxı": true,
		"(email:office@commission-anticorruption.gov.az).":    true,
		"xidmetler/neshrlər/v3.0":                             true,
		"və/və":                                               false,
		"qiymətləndirilməsi":                                  false,
		"@":                                                   false,
		"/a/":                                                 false,
	} {
		if got := pathLike(s); got != want {
			t.Errorf("pathLike(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestLayoutTextCarriedRow checks the row at a page's top that carries on
// a row of the page before (see carriedCells): a term broken after its
// hyphen at the foot of one page takes its other piece, glued one space
// after the title's line on the next ("2020-" / "qoşulan informasiya
// 2022"), and a term found whole on the page before takes no title word
// glued so ("təşkilatlarının iştirakının və").
func TestLayoutTextCarriedRow(t *testing.T) {
	for _, c := range []struct {
		file, measure string
		term          string // the carried-on row's term cell
		title         string // its title cell holds this
	}{
		{"r025-2020", "7.8", "2022", "qoşulan informasiya sistemləri"},
		{"r030-2022", "1.7", "2022", "qoşulan informasiya sistemləri"},
		{"r055-2020", "3.3", "", "təşkilatlarının iştirakının və təmsilçiliyinin"},
	} {
		rows := layoutFileRows(t, filepath.Join("..", "..", "testdata", "layout", c.file+".txt"))
		found := false
		for i, r := range rows {
			if !r.InTable || len(r.Cells) != 4 || strings.TrimSuffix(r.Cells[0].Text(), ".") != c.measure {
				continue
			}
			for _, n := range rows[i+1:] {
				if n.Page != r.Page && n.InTable && len(n.Cells) == 4 && !strings.Contains(n.Cells[1].Text(), "Tədbirin") {
					found = true
					if n.Cells[2].Text() != c.term || !strings.Contains(n.Cells[1].Text(), c.title) {
						t.Errorf("%s %s: carried-on row's title %q, term %q; want the title to hold %q, the term %q", c.file, c.measure, n.Cells[1].Text(), n.Cells[2].Text(), c.title, c.term)
					}
					break
				}
			}
			break
		}
		if !found {
			t.Errorf("%s: no row %s carried on to the next page", c.file, c.measure)
		}
	}
}

// TestLayoutTextSqueezedCarriedRow checks a page that carries on a row
// whose term was found whole on the page before, and sets the work done
// left of the page's term boundary, where the empty term column's room
// was squeezed out (see wholeLeft): layout-narrow-gutter r005's 4.9 goes
// on at 42, the term boundary at 52.
func TestLayoutTextSqueezedCarriedRow(t *testing.T) {
	rows := layoutTextRows(t, "layout-narrow-gutter/r005-2021.txt")
	for i, r := range rows {
		if !r.InTable || len(r.Cells) != 4 || r.Cells[0].Text() != "4.9." {
			continue
		}
		for _, n := range rows[i+1:] {
			if n.Page != r.Page && n.InTable && len(n.Cells) == 4 && !strings.Contains(n.Cells[1].Text(), "Tədbirin") {
				if n.Cells[2].Text() != "" || !strings.HasPrefix(n.Cells[3].Text(), "sahəsində milli risk") {
					t.Errorf("4.9 carried on: term %q, work done %q; want no term and the work done from \"sahəsində milli risk\"", n.Cells[2].Text(), n.Cells[3].Text())
				}
				return
			}
		}
	}
	t.Error("no row 4.9 carried on to the next page")
}

// TestLayoutTextCentredRowsNoGap checks layout text of LibreOffice PDFs
// whose cells are centred vertically in tall rows (layout-lo): the term
// column stands one space from the work done on every line that holds
// both, and the work done's lines start at its left edge alone (see
// gridColumns); and two rows set with no blank line between them part
// right after the end the first row's number mirrors (see splitBand).
func TestLayoutTextCentredRowsNoGap(t *testing.T) {
	cases := []struct {
		file  string
		first string   // the row's measure number
		want  []string // each cell's text starts so
		end   string   // the title ends so
	}{
		{"layout-lo/seed.txt", "1.2.", []string{"1.2.", "Dövlət qurumları tərəfindən korrupsiya", "2020-2022", "“Açıq hökumətin təşviqinə"}, "Komissiyaya təqdim edilməsi"},
		{"layout-lo/r026-2021.txt", "1.2.", []string{"1.2.", "Dövlət qurumları tərəfindən etik", "2020-2022", "Səhiyyə Nazirliyi aparatının"}, "bu barədə məlumatların açıqlanması"},
		{"layout-lo/r026-2021.txt", "1.3.", []string{"1.3.", "Dövlət qurumları tərəfindən etik", "2020-2022", "Səhiyyə Nazirliyi aparatının"}, "bu barədə məlumatların açıqlanması"},
	}
	for _, c := range cases {
		var row *hesabat.Row
		for _, r := range layoutTextRows(t, c.file) {
			if r.InTable && len(r.Cells) > 0 && r.Cells[0].Text() == c.first {
				row = &r
				break
			}
		}
		if row == nil {
			t.Errorf("%s: no row %q", c.file, c.first)
			continue
		}
		got := cellTexts(row)
		if len(got) != len(c.want) {
			t.Errorf("%s %s: cells %q, want %d", c.file, c.first, got, len(c.want))
			continue
		}
		for i, w := range c.want {
			if !strings.HasPrefix(got[i], w) {
				t.Errorf("%s %s: cell %d %q, want it to start %q", c.file, c.first, i, got[i], w)
			}
		}
		if !strings.HasSuffix(got[1], c.end) {
			t.Errorf("%s %s: title %q, want it to end %q", c.file, c.first, got[1], c.end)
		}
	}
}

// TestLayoutTextMixedAlignment checks layout text of LibreOffice PDFs
// whose rows are centred but some set from the top (layout-lo: a row
// whose title is its tallest cell, and rows the page break cuts): a row
// whose number stands on its band's first line ends where the next,
// centred, row starts, found from the band's end up (see
// topsFromBottom), and the page's vote on centring leaves out its last
// numbered band (r010 1.4, 1.5); a title word glued one space after its
// line, three lines under the term on the number line, is the title's
// (see gluedLeft; r010 3.4); at a page's top, lines above a number with
// fewer of the title's lines above it than below are the rest of the
// row the page break cut (see gridRestAbove; r057 1.4); and two centred
// rows with no blank line between them part where the title's lines
// stand as many above the number as below (see splitBand; r057 1.5,
// whose mirrored end is a line off).
func TestLayoutTextMixedAlignment(t *testing.T) {
	cases := []struct {
		file       string
		first      string   // the row's measure number
		want       []string // each cell's text starts so
		titleEnd   string
		term       string // the whole term cell
		titleHolds string
	}{
		{"layout-lo/r010-2020.txt", "1.4.", []string{"1.4.", "Dövlət qurumlarının rəsmi internet", "2020-2022", "Dövlət Gömrük Komitəsinin internet"}, "bölməsinin yaradılması", "2020-2022", ""},
		{"layout-lo/r010-2020.txt", "1.5.", []string{"1.5.", "Dövlət qurumları tərəfindən korrupsiya", "2021", "“Açıq hökumətin təşviqinə"}, "Komissiyaya təqdim edilməsi", "2021", ""},
		{"layout-lo/r010-2020.txt", "3.4.", []string{"3.4.", "Dövlət qurumları tərəfindən korrupsiya", "mütəmadi", "“Açıq hökumətin təşviqinə"}, "bağlı illik tədbirlər", "mütəmadi", "qarşısının alınması ilə bağlı"},
		{"layout-lo/r057-2022.txt", "1.4.", []string{"1.4.", "Dövlət xidmətlərinin göstərilməsində", "2021", "Komitə tərəfindən göstərilən"}, "imkanlarının genişləndirilməsi", "2021", ""},
		{"layout-lo/r057-2022.txt", "1.5.", []string{"1.5.", "Dövlət qurumlarının rəsmi internet", "2021-2022", "Dövlət Turizm Agentliyinin"}, "bölməsinin yaradılması", "2021-2022", ""},
		{"layout-lo/r057-2022.txt", "1.6.", []string{"1.6.", "Dövlət qurumlarının rəsmi internet", "2021-2022", "Dövlət Turizm Agentliyinin"}, "bölməsinin yaradılması", "2021-2022", ""},
	}
	for _, c := range cases {
		var got []string
		for _, r := range layoutTextRows(t, c.file) {
			if r.InTable && len(r.Cells) == 4 && r.Cells[0].Text() == c.first {
				got = cellTexts(&r)
				break
			}
		}
		if got == nil {
			t.Errorf("%s: no row %q", c.file, c.first)
			continue
		}
		for i, w := range c.want {
			if !strings.HasPrefix(got[i], w) {
				t.Errorf("%s %s: cell %d %q, want it to start %q", c.file, c.first, i, got[i], w)
			}
		}
		if !strings.HasSuffix(got[1], c.titleEnd) || !strings.Contains(got[1], c.titleHolds) {
			t.Errorf("%s %s: title %q, want it to hold %q and end %q", c.file, c.first, got[1], c.titleHolds, c.titleEnd)
		}
		if got[2] != c.term {
			t.Errorf("%s %s: term %q, want %q", c.file, c.first, got[2], c.term)
		}
	}
}

// TestLayoutTextCellEnd checks a word that ends a cell in layout text
// (tmpl-layout/t-bolmeler-alti-sutun: "Hüquq şöbəsi", a cell of one line)
// counted as a word of the document (see addCellEnds), so that the
// executor column's "iqtisadiyyat", the widest line of its column on its
// page, over "şöbəsi", is no cut word.
func TestLayoutTextCellEnd(t *testing.T) {
	for _, r := range layoutTextRows(t, "tmpl-layout/t-bolmeler-alti-sutun.txt") {
		if r.InTable && len(r.Cells) > 2 && r.Cells[0].Text() == "1.1" {
			if got := r.Cells[2].Text(); got != "Maliyyə və iqtisadiyyat şöbəsi" {
				t.Errorf("1.1 executor %q", got)
			}
			return
		}
	}
	t.Error("no row 1.1")
}
