package layout

import (
	"path/filepath"
	"strings"
	"testing"
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

// TestLayoutTextFullLineEdge checks that a line ending a sentence with no
// room on the grid for the next line's first word carries its paragraph
// on, though the page's widest line, a line of narrow glyphs, overshoots
// the column's edge by enough for it (see gridRights): r014's
// "…cavablandırılmışdır." ends at 93, the page's full lines at 95 or 96,
// its widest at 99, and "Eyni" needs 5 cells.
func TestLayoutTextFullLineEdge(t *testing.T) {
	rows := layoutFileRows(t, filepath.Join("..", "..", "testdata", "layout", "r014-2021.txt"))
	found := 0
	for i, r := range rows {
		if !r.InTable || len(r.Cells) == 0 || !strings.HasPrefix(r.Cells[0].Text(), "1.3") {
			continue
		}
		last := r.Cells[len(r.Cells)-1]
		if !strings.HasSuffix(last.Text(), "onların sualları cavablandırılmışdır.") {
			continue
		}
		found++
		for _, n := range rows[i+1:] {
			if n.InTable && len(n.Cells) == len(r.Cells) && !strings.Contains(n.Cells[1].Text(), "Tədbirin") {
				if c := n.Cells[len(n.Cells)-1]; !c.Continues || !strings.HasPrefix(c.Text(), "Eyni zamanda") {
					t.Errorf("r014-2021 1.3: the next page's work done %q (continues %v), want \"Eyni zamanda…\" carrying on the paragraph", c.Text()[:min(len(c.Text()), 40)], c.Continues)
				}
				break
			}
		}
	}
	if found != 1 {
		t.Errorf("r014-2021: %d rows 1.3 ending a page with the sentence, want 1", found)
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
