package transform

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
)

// table builds a document from rows written as "a | b | c": cells split
// at " | ", paragraphs at " ¶ ". A row prefixed "P " is a paragraph
// outside the table; "H " a row the file marks as header; "~ " a row whose
// cells continue the paragraph above; "S " a single cell spanning 4 columns;
// "#N " sets the page for the rows that follow.
func table(lines ...string) *hesabat.Document {
	doc := &hesabat.Document{Source: hesabat.Source{Path: "t.txt", Format: hesabat.TXT}, Pages: 1}
	page := 1
	for _, l := range lines {
		row := hesabat.Row{InTable: true, Page: page}
		var cont bool
		switch {
		case strings.HasPrefix(l, "#"):
			page = int(l[1] - '0')
			doc.Pages = page
			continue
		case strings.HasPrefix(l, "P "):
			row.InTable, l = false, l[2:]
		case strings.HasPrefix(l, "H "):
			row.Header, l = true, l[2:]
		case strings.HasPrefix(l, "~ "):
			cont, l = true, l[2:]
		case strings.HasPrefix(l, "S "):
			row.Cells = []hesabat.Cell{{Paras: []string{l[2:]}, Span: 4}}
			doc.Rows = append(doc.Rows, row)
			continue
		}
		for _, c := range strings.Split(l, " | ") {
			cell := hesabat.Cell{Continues: cont}
			for _, p := range strings.Split(c, " ¶ ") {
				if p = strings.TrimSpace(p); p != "" {
					cell.Paras = append(cell.Paras, p)
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		doc.Rows = append(doc.Rows, row)
	}
	return doc
}

const header = "Sıra N-si | Tədbirin adı | İcra müddəti | Görülmüş işlər"

// summary writes measures one per line: number, section, title, executor,
// term raw, pages and paragraphs joined by " ¶ ".
func summary(r *hesabat.Report) []string {
	var out []string
	for _, m := range r.Measures {
		s := m.Number + " [" + m.Section + "] " + m.Title + " {" + m.Executor + "} (" + m.Term.Raw + ") " +
			strings.Join(m.Paragraphs, " ¶ ")
		if m.Pages[0] != m.Pages[1] || m.Pages[0] != 1 {
			s += " p" + string(rune('0'+m.Pages[0])) + "-" + string(rune('0'+m.Pages[1]))
		}
		out = append(out, s)
	}
	return out
}

func TestStitch(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  *hesabat.Document
		want []string
	}{{
		name: "basic",
		doc:  table(header, "1.2. | Ad | 2020-2022 | Bir ¶ İki"),
		want: []string{"1.2 [] Ad {} (2020-2022) Bir ¶ İki"},
	}, {
		name: "header found by meaning in any case, look-alike letters, other order",
		doc: table("GÖRÜLMÜŞ İŞLƏR | № | TӘDBİRİN ADI | Icra muddeti",
			"x | 1. | Ad | 2021"),
		want: []string{"1 [] Ad {} (2021) x"},
	}, {
		name: "fifth column: executor",
		doc: table("№ | Tədbirin adı | Məsul icraçılar | İcra müddəti | Görülmüş işlər",
			"1.1 | Ad | Nazirlik ¶ Komitə | daim | İş"),
		want: []string{"1.1 [] Ad {Nazirlik; Komitə} (daim) İş"},
	}, {
		name: "repeated header and column numbers dropped",
		doc:  table(header, "1 | 2 | 3 | 4", "1.1. | A | 2020 | a", "#2", header, "H 1 | 2 | 3 | 4", "1.2. | B | 2021 | b"),
		want: []string{"1.1 [] A {} (2020) a", "1.2 [] B {} (2021) b p2-2"},
	}, {
		name: "continuation across a page break joins a split paragraph",
		doc:  table(header, "4.7. | Elektron | 2020-2022 | Qərarına əsasən", "#2", header, "~  | Hökumət |  | İqtisadiyyat Nazirliyi"),
		want: []string{"4.7 [] Elektron Hökumət {} (2020-2022) Qərarına əsasən İqtisadiyyat Nazirliyi p1-2"},
	}, {
		name: "continuation with its own paragraphs starts new ones",
		doc:  table(header, "4.1. | A | 2020 | bir", " |  |  | iki ¶ üç"),
		want: []string{"4.1 [] A {} (2020) bir ¶ iki ¶ üç"},
	}, {
		name: "section rows",
		doc:  table(header, "S 1. Şəffaflığın artırılması", "1.1. | A | 2020 | a", "S 2. Hesabatlılıq", "2.1. | B | 2020 | b"),
		want: []string{"1.1 [1. Şəffaflığın artırılması] A {} (2020) a", "2.1 [2. Hesabatlılıq] B {} (2020) b"},
	}, {
		name: "section heading in the number column, the rest of the row empty",
		doc:  table(header, "1. Şəffaflıq |  |  | ", "1.1. | A | 2020 | a", "P 2. Hesabatlılıq", "2.1. | B | 2020 | b"),
		want: []string{"1.1 [1. Şəffaflıq] A {} (2020) a", "2.1 [2. Hesabatlılıq] B {} (2020) b"},
	}, {
		name: "a continuation that reads like a heading stays text",
		doc:  table(header, "1.1. | A | 2020 | a", " |  |  | 2. Bəndin icrası", "1.2. | B | 2020 | b"),
		want: []string{"1.1 [] A {} (2020) a ¶ 2. Bəndin icrası", "1.2 [] B {} (2020) b"},
	}, {
		name: "title above the table; notes and signatures below ignored",
		doc: table("P Təsdiq edirəm", "P X Nazirliyinin 2021-ci il üzrə hesabatı", header, "1.1. | A | 2020 | a",
			"P Qeyd: məlumatlar ilkindir.", "P Nazir                 İ.İmzalı"),
		want: []string{"1.1 [] A {} (2020) a"},
	}, {
		name: "header wrapped over two rows",
		doc:  table("Sıra | Tədbirin adı | İcra | Görülmüş işlər", "N-si |  | müddəti | ", "1.1. | A | 2020 | a"),
		want: []string{"1.1 [] A {} (2020) a"},
	}, {
		name: "a continuation under a repeated header is text, even with № in it",
		doc: table(header, "3.2. | A | 2021 | Dövlət İmtahan Mərkəzindən əldə olunan", "#2", header,
			"~  |  |  | qulluqçulara dair 3-əmək №-li hesabat ¶ Yeni abzas"),
		want: []string{"3.2 [] A {} (2021) Dövlət İmtahan Mərkəzindən əldə olunan qulluqçulara dair 3-əmək №-li hesabat ¶ Yeni abzas p1-2"},
	}, {
		name: "a short continuation under a repeated header that reads like a heading is text",
		doc: table(header, "1.11. | A | 2021 | Zəruri", "#2", header, "~  |  |  | tədbirlər həyata keçirilmişdir",
			"1.12. | B | 2020 | İş görülüb."),
		want: []string{"1.11 [] A {} (2021) Zəruri tədbirlər həyata keçirilmişdir p1-2", "1.12 [] B {} (2020) İş görülüb. p2-2"},
	}, {
		name: "a continuation of short cells with header words is text",
		doc:  table(header, "1.1. | A | 2020- | a", " | və tədbirlərin | 2022 müddətində | ", "1.2. | B | 2021 | b"),
		want: []string{"1.1 [] A və tədbirlərin {} (2020-2022 müddətində) a", "1.2 [] B {} (2021) b"},
	}, {
		name: "header labels run together in one cell are a header piece",
		doc: table(header, "1.1. | A | 2020 | a", "#2", "Sıra İcra Tədbirin adı N-si müddəti |  |  | Görülmüş işlər",
			"~  |  |  | davamı"),
		want: []string{"1.1 [] A {} (2020) a davamı p1-2"},
	}, {
		name: "hyphen at a split keeps the word whole",
		doc:  table(header, "1.1. | A | 2020- | a", "~  |  | 2022 | "),
		want: []string{"1.1 [] A {} (2020-2022) a"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			Normalize(tc.doc)
			r, err := Stitch(tc.doc, CountRead(tc.doc))
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(r); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("measures:\n got %q\nwant %q\nwarnings %q", got, tc.want, r.Warnings)
			}
		})
	}
}

func TestStitchNoTable(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  *hesabat.Document
		msg  string
	}{
		{"no header", table("P Sadəcə mətn.", "a | b"), `t.txt: no measure table: no header with "Tədbirin adı"`},
		{"no measures", table(header, "x | y | z | w"), "t.txt: page 1: no measure table: no numbered measure rows"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Stitch(tc.doc, CountRead(tc.doc))
			if !errors.Is(err, hesabat.ErrNoTable) || !strings.HasPrefix(err.Error(), tc.msg) {
				t.Errorf("err = %v, want %q", err, tc.msg)
			}
		})
	}
}

func TestMetadata(t *testing.T) {
	for _, tc := range []struct {
		title, agency, plan string
		year, start, end    int
	}{
		{"“Açıq hökumətin təşviqinə dair 2020-2022-ci illər üçün Milli Fəaliyyət Planı”nın icra vəziyyətinə dair Dövlət Statistika Komitəsinin 2022-ci il üzrə hesabatı",
			"Dövlət Statistika Komitəsi", "Açıq hökumətin təşviqinə dair 2020-2022-ci illər üçün Milli Fəaliyyət Planı", 2022, 2020, 2022},
		{"“Korrupsiyaya qarşı mübarizəyə dair 2022–2026-cı illər üçün Milli Fəaliyyət Planı”nın icrası barədə Mərkəzi Bankın 2023-cü il üzrə hesabatı",
			"Mərkəzi Bank", "Korrupsiyaya qarşı mübarizəyə dair 2022–2026-cı illər üçün Milli Fəaliyyət Planı", 2023, 2022, 2026},
		{"“Milli Fəaliyyət Planı”nın icrası ilə bağlı Rəqəmsal İnkişaf və Nəqliyyat Nazirliyinin 2021-ci il üzrə hesabatı",
			"Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi", "Milli Fəaliyyət Planı", 2021, 0, 0},
	} {
		r := &hesabat.Report{}
		readMetadata(r, []string{"Təsdiq edirəm", tc.title})
		got := []any{r.Title, r.Agency, r.Plan.Title, deref(r.Year), deref(r.Plan.Start), deref(r.Plan.End)}
		want := []any{tc.title, tc.agency, tc.plan, tc.year, tc.start, tc.end}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("metadata:\n got %q\nwant %q", got, want)
		}
	}
}

func TestParseTerm(t *testing.T) {
	for _, tc := range []struct {
		raw        string
		start, end int
		recurring  bool
	}{
		{"2020-2022", 2020, 2022, false},
		{"2020 – 2022-ci illər", 2020, 2022, false},
		{"2021", 2021, 2021, false},
		{"mütəmadi", 0, 0, true},
		{"Daim", 0, 0, true},
		{"hər il", 0, 0, true},
		{"2020-2022 (hər il)", 2020, 2022, true},
		{"", 0, 0, false},
	} {
		got := parseTerm(tc.raw)
		if deref(got.Start) != tc.start || deref(got.End) != tc.end || got.Recurring != tc.recurring || got.Raw != tc.raw {
			t.Errorf("parseTerm(%q) = %d-%d %v", tc.raw, deref(got.Start), deref(got.End), got.Recurring)
		}
	}
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}
