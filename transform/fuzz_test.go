package transform

import (
	"errors"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
)

// FuzzStitch stitches random tables, written as table reads them (one row
// a line), and checks that the stitcher never panics and never loses text
// silently: every character read is in a field, an extra, a note or
// furniture; with the notes rule switched off, what is lost is counted and
// warned about.
func FuzzStitch(f *testing.F) {
	for _, seed := range [][]string{
		{header, "1.2. | Ad | 2020-2022 | Bir ¶ İki"},
		{"P Təsdiq edirəm", "P X Nazirliyinin hesabatı", header, "1 | 2 | 3 | 4", "S 1. Bölmə", "1.1. | A | 2020 | a | artıq",
			" |  |  | davamı", "#2", header, "~  |  |  | davamı", "P Qeyd: ilkin", "1.2 | B | 2021 | b"},
		{"№ | Tədbirlər | İcraçılar | İcra vəziyyəti | Qeyd", "3.3 | A | Nazirlik | a | x", "3.4. Dövlət | B |  | b",
			" | c |  |  | y", "S 3.5", "1.2.3.4 | C | | c"},
		{"Sıra | Tədbirin adı | İcra | Görülmüş işlər", "N-si |  | müddəti | ", " | giriş |  | ", "1.1. | A | 2020 | a"},
		{"H Həyata keçirilmiş işlər | № | Tədbir | Məsul qurum | İcra tarixi", "a |  | | |", "b | 1) | T | Q | 2022 | z | w"},
	} {
		f.Add(strings.Join(seed, "\n"))
	}
	f.Fuzz(func(t *testing.T, text string) {
		lines := strings.Split(text, "\n")
		if len(lines) > 200 {
			lines = lines[:200]
		}
		for _, drop := range []bool{false, true} {
			doc := table(lines...)
			read := CountRead(doc)
			Normalize(doc)
			s := newStitcher(doc, nil)
			s.dropNotes = drop
			r, err := s.run(read)
			if err != nil {
				if !errors.Is(err, hesabat.ErrNoTable) {
					t.Fatalf("error %v is not ErrNoTable", err)
				}
				return
			}
			a := r.Text
			if a.Read != a.Fields+a.Extras+a.Notes+a.Furniture+a.Lost {
				t.Fatalf("account %+v does not add up", a)
			}
			if !drop && a.Lost != 0 {
				t.Fatalf("account %+v: text lost with every rule on; warnings %v", a, r.Warnings)
			}
			if drop && a.Notes != 0 {
				t.Fatalf("account %+v: notes with the notes rule off", a)
			}
			if a.Lost > 0 && len(lostWarnings(r)) == 0 {
				t.Fatalf("account %+v: text lost without a warning", a)
			}
		}
		layoutLoss(t, lines)
	})
}

// layoutLoss reads the table of lines as words on pages, plays a layout
// engine that rebuilds every row but the last one with text, and checks
// that the loss is counted and warned about on that row's page. The text
// is made valid UTF-8, as extractors deliver it (hesabat.Word): a string
// with invalid bytes may normalise as a whole otherwise than word by word
// (Windows-1254 when most of its non-ASCII bytes are invalid), and then
// the counts cannot show what a layout engine dropped.
func layoutLoss(t *testing.T, lines []string) {
	valid := make([]string, len(lines))
	for i, l := range lines {
		valid[i] = strings.ToValidUTF8(l, "\uFFFD")
	}
	doc := table(valid...)
	rows := doc.Rows
	last := -1
	for i, row := range rows {
		doc.Layout = append(doc.Layout, hesabat.Page{Number: row.Page})
		for _, c := range row.Cells {
			for _, p := range c.Paras {
				for _, w := range strings.Fields(p) {
					pg := &doc.Layout[len(doc.Layout)-1]
					pg.Words = append(pg.Words, hesabat.Word{Text: w})
					last = i
				}
			}
		}
	}
	if last < 0 {
		return
	}
	doc.Rows = nil
	read := CountRead(doc)
	doc.Rows = append(rows[:last:last], rows[last+1:]...)
	dropped := rowText(rows[last])
	Normalize(doc)
	r, err := Stitch(doc, read)
	if err != nil || aztext.NonSpace(aztext.Normalize(dropped)) == 0 {
		return
	}
	page := rows[last].Page
	for _, w := range lostWarnings(r) {
		if w.Page == page && r.Text.Lost > 0 && r.Text.Share < 1 {
			return
		}
	}
	t.Fatalf("row %q dropped by the layout engine on page %d: account %+v, warnings %v", dropped, page, r.Text, r.Warnings)
}
