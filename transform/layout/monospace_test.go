package layout

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/txt"
)

// layoutTextRows reads a layout-text file of the project's variants
// (testdata/variants/out) the way the pipeline does: the text extractor
// turns it into words on a character grid, and Rows rebuilds its rows.
func layoutTextRows(t *testing.T, rel string) []hesabat.Row {
	t.Helper()
	return layoutFileRows(t, filepath.Join("..", "..", "testdata", "variants", "out", rel))
}

// layoutFileRows reads a layout-text file as the pipeline does (see
// layoutTextRows).
func layoutFileRows(t *testing.T, path string) []hesabat.Row {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := txt.Extractor{}.Extract(context.Background(), hesabat.Source{Path: path}, f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	rows, _, _ := Rows(doc.Layout)
	return rows
}

// TestLayoutTextColumns checks rows of `pdftotext -layout` renderings
// whose columns the grid alone tells: a term set one space after the
// title's line ("tərəfindən 2020-2022"), the next row's title lines
// reaching past where the term starts, a page of one row, and a page that
// only carries on the work done, squeezed to the left.
func TestLayoutTextColumns(t *testing.T) {
	cases := []struct {
		file  string
		first string   // the row's first cell, its measure number ("" for the first continuation row of page)
		page  int      // for continuation rows
		want  []string // each cell's text starts so; "" is an empty cell
	}{
		// narrow gutters: the term one space after the title, on the
		// number line; title lines of 1.9 reach past the term's start.
		{"layout-narrow-gutter/seed.txt", "1.2.", 0, []string{"1.2.", "Dövlət qurumları tərəfindən korrupsiya", "2020-2022", "“Açıq hökumətin"}},
		{"layout-narrow-gutter/seed.txt", "1.9.", 0, []string{"1.9.", "Dövlət qurumları tərəfindən etik", "2020-2022", "Dövlət Statistika Komitəsi"}},
		// wide gutters: a page of one row; a page that only carries on
		// 4.1's work done, set far left by pdftotext.
		{"layout-wide-gutter/r012-2022.txt", "1.1.", 0, []string{"1.1.", "Dövlət xidmətlərinin göstərilməsində", "2020-2022", "2012-ci ildən"}},
		{"layout-wide-gutter/seed.txt", "", 3, []string{"", "", "", "ödənilməsi\" elektron xidməti"}},
	}
	for _, c := range cases {
		var row *hesabat.Row
		for _, r := range layoutTextRows(t, c.file) {
			if r.InTable && len(r.Cells) > 0 && r.Cells[0].Text() == c.first && (c.page == 0 || r.Page == c.page) && !strings.Contains(r.Cells[1].Text(), "Tədbirin") {
				row = &r
				break
			}
		}
		if row == nil {
			t.Errorf("%s: no row %q", c.file, c.first)
			continue
		}
		if len(row.Cells) != len(c.want) {
			t.Errorf("%s %q: %d cells %q, want %d", c.file, c.first, len(row.Cells), cellTexts(row), len(c.want))
			continue
		}
		for i, w := range c.want {
			if got := row.Cells[i].Text(); w == "" && got != "" || !strings.HasPrefix(got, w) {
				t.Errorf("%s %q: cell %d = %q, want it to start %q", c.file, c.first, i, got, w)
			}
		}
	}
}

// TestLayoutTextOffsets checks that rows of layout text carry the file
// offset of their top line.
func TestLayoutTextOffsets(t *testing.T) {
	const rel = "layout-narrow-gutter/seed.txt"
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "variants", "out", rel))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range layoutTextRows(t, rel) {
		if r.Offset < 0 || r.Offset >= int64(len(b)) {
			t.Errorf("row %q: offset %d", cellTexts(&r), r.Offset)
			continue
		}
		if first := r.Cells[0].Text(); r.InTable && strings.HasSuffix(first, ".") && !strings.Contains(first, " ") {
			n++
			if line := string(b[r.Offset:]); !strings.HasPrefix(line, first+" ") {
				t.Errorf("row %s: offset %d is at %.30q", first, r.Offset, line)
			}
		}
	}
	if n < 5 {
		t.Errorf("%d numbered rows checked, want 5 at least", n)
	}
}

func cellTexts(r *hesabat.Row) []string {
	var out []string
	for _, c := range r.Cells {
		out = append(out, c.Text())
	}
	return out
}

// TestLayoutTextTermColumn checks rows of `pdftotext -layout` renderings
// of corpus reports (testdata/layout) where the grid alone puts a word on
// the wrong side of the term column's boundary: each case names the rule
// of lineCuts or onPage that settles it.
func TestLayoutTextTermColumn(t *testing.T) {
	cases := []struct {
		file, number string
		title        string // a piece the title must hold
		term         string // the term cell
		work         string // the work-done cell starts so
	}{
		// followed: the page's work-done column starts two characters
		// left of the document's; "Komitə" stays in the work done.
		{"r003-2022", "3.4.", "", "daim", "Komitə tərəfindən"},
		// setApart: "2022" alone on a line in the middle of the title
		// column, the page's term boundary five characters right of it.
		{"r043-2020", "1.4.", "bölməsinin yaradılması", "2022", ""},
		// hyphenPiece: "2022" glued to the title on the number line,
		// under "2020-".
		{"r013-2020", "2.5.", "", "2020-2022", ""},
		// gluedLeft: "və" one space after the title's run, left of the
		// row's term "daim".
		{"r055-2020", "2.5.", "iştirakının və", "daim", ""},
		// joinsRight, elsewhere: the term found at the number line;
		// "illik" and "planlarının" cross the boundary on other lines.
		{"r022-2020", "5.8.", "bağlı illik", "2022", ""},
		// joinsRight, a column's edge: "Statistik" over "üzrə", both
		// after a gap, two characters left of the page's boundary.
		{"r002-2021", "2.4.", "", "2022", "Statistik məlumat"},
		// pieceNear: "ilə" two lines over the term's first piece "2021-"
		// is the title's.
		{"r020-2021", "6.1.", "qaydaları ilə bağlı", "2021-2022", ""},
	}
	for _, c := range cases {
		rows := layoutFileRows(t, filepath.Join("..", "..", "testdata", "layout", c.file+".txt"))
		var row *hesabat.Row
		for i := range rows {
			if rows[i].InTable && len(rows[i].Cells) == 4 && rows[i].Cells[0].Text() == c.number {
				row = &rows[i]
				break
			}
		}
		if row == nil {
			t.Errorf("%s: no row %s", c.file, c.number)
			continue
		}
		got := cellTexts(row)
		if got[2] != c.term || !strings.HasPrefix(got[3], c.work) || c.title != "" && !strings.Contains(got[1], c.title) {
			t.Errorf("%s %s: cells %q, want term %q, title with %q, work done starting %q", c.file, c.number, got, c.term, c.title, c.work)
		}
	}
}
