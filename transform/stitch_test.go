package transform

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
)

// table builds a document from rows written as "a | b | c": cells split
// at " | ", paragraphs at " ¶ ". A row prefixed "P " is a paragraph
// outside the table; "H " a row the file marks as header; "~ " a row whose
// cells continue the paragraph above; "S " a single cell spanning 4 columns;
// a cell prefixed "<N>" spans N columns;
// "#N " sets the page for the rows that follow.
func table(lines ...string) *hesabat.Document {
	doc := &hesabat.Document{Source: hesabat.Source{Path: "t.txt", Format: hesabat.TXT}, Pages: 1}
	page := 1
	for _, l := range lines {
		row := hesabat.Row{InTable: true, Page: page}
		var cont bool
		switch n, err := strconv.Atoi(strings.TrimPrefix(l, "#")); {
		case strings.HasPrefix(l, "#") && err == nil && n > 0:
			page = n
			doc.Pages = max(doc.Pages, page)
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
			if span, rest, ok := strings.Cut(c, ">"); ok && strings.HasPrefix(span, "<") {
				if n, err := strconv.Atoi(span[1:]); err == nil {
					cell.Span, c = n, rest
				}
			}
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
		name: "a numbered heading cut at the gutters of a table without rules (tmpl-chrome-none-landscape), then the next table's header",
		doc: table("Sıra № | Tədbirin adı | Məsul qurum | İcra müddəti | Görülmüş işlər",
			"1.2 | Hesabatların toplanması | Hüquq şöbəsi | hər il | a",
			"2. Ekoloji | <2>məlumatlara çıxışın genişləndirilməsi |  | ",
			"Sıra № | Tədbirin adı | Məsul qurum | İcra müddəti | Görülmüş işlər",
			"2.1 | Rəylərin açıqlanması | Ekspertiza şöbəsi | 2023 | b"),
		want: []string{"1.2 [] Hesabatların toplanması {Hüquq şöbəsi} (hər il) a",
			"2.1 [2. Ekoloji məlumatlara çıxışın genişləndirilməsi] Rəylərin açıqlanması {Ekspertiza şöbəsi} (2023) b"},
	}, {
		name: "a heading row over the title and the columns after it, the number cell empty (borderless section rows)",
		doc: table(header, "3.3) | Risk qiymətləndirilməsi | 2020-2022 | a",
			" | <3>4. Elektron hökumətin inkişafı və informasiya təhlükəsizliyi", "4.1) | Dövlət xidmətləri | 2020-2022 | b"),
		want: []string{"3.3 [] Risk qiymətləndirilməsi {} (2020-2022) a",
			"4.1 [4. Elektron hökumətin inkişafı və informasiya təhlükəsizliyi] Dövlət xidmətləri {} (2020-2022) b"},
	}, {
		name: "a header cell run over the number and title columns names both, repeated or not",
		doc: table("<2>Sıra N-Tədbirin adı si | İcra müddəti | Görülmüş işlər", "1.2. | Dövlət qurumları | 2020-2022 | a",
			"#2", "<2>Sıra N-Tədbirin adı si | İcra müddəti | Görülmüş işlər", "3.3. | Risk | 2020-2022 | b"),
		want: []string{"1.2 [] Dövlət qurumları {} (2020-2022) a", "3.3 [] Risk {} (2020-2022) b p2-2"},
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
		name: "a repeated header run into one cell is a header piece",
		doc: table(header, "1.1. | A | 2020 | a", "#2", "Sıra İcra Tədbirin adı Görülmüş işlər N-si müddəti",
			"~  |  |  | davamı"),
		want: []string{"1.1 [] A {} (2020) a davamı p1-2"},
	}, {
		name: "a number run together with the start of the title is split",
		doc: table(header, "3.3 | A | 2020 | a", "3.4. Dövlət qurumları | tərəfindən | 2021 | b",
			"10.4 Risk | qiymətləndirilməsi | 2022 | c", "2. Hesabatlılıq | x | 2022 | d"),
		want: []string{"3.3 [] A {} (2020) a", "3.4 [] Dövlət qurumları tərəfindən {} (2021) b",
			"10.4 [] Risk qiymətləndirilməsi {} (2022) c"},
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
		{"no header", table("P Sadəcə mətn.", "a | b"), `t.txt: no measure table: no table header naming the title column and another (number, executor, term, work done)`},
		{"no measures", table(header, "x | y | z | w"), "t.txt: page 1: no measure table: no numbered measure rows"},
		{"letters of vertical headings read one by one are no header", table("s r e t o v d er n | eger b m ad a | sem aj n ho j", "1 | 2 | 3"),
			`t.txt: no measure table: no table header`},
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
		raw, want  string // want: the raw text taken, when not raw
		start, end int
		recurring  bool
	}{
		{"2020-2022", "", 2020, 2022, false},
		{"2020 – 2022-ci illər", "", 2020, 2022, false},
		{"2021", "", 2021, 2021, false},
		{"mütəmadi", "", 0, 0, true},
		{"Daim", "", 0, 0, true},
		{"hər il", "", 0, 0, true},
		{"2020-2022 (hər il)", "", 2020, 2022, true},
		{"2021-2002", "", 0, 0, false}, // ends before it starts: a misread, years unknown
		{"", "", 0, 0, false},
		// A recurring word the renderer cut in a narrow column is
		// joined; words that spell none stay apart, and so do the
		// words of a term that has years or recurs already.
		{"mütəma di", "mütəmadi", 0, 0, true},
		{"Müntə zəm olaraq", "Müntəzəm olaraq", 0, 0, true},
		{"mü tə madi", "mütəmadi", 0, 0, true},
		{"Davam edir", "", 0, 0, false},
		{"2021 da im", "", 2021, 2021, false},
		{"hər il da im", "", 0, 0, true},
		{"Vəsait ayrıldıqda imkan daxilində", "", 0, 0, false},
		{"(mütə madi)", "(mütəmadi)", 0, 0, true},
	} {
		if tc.want == "" {
			tc.want = tc.raw
		}
		got := parseTerm(tc.raw)
		if deref(got.Start) != tc.start || deref(got.End) != tc.end || got.Recurring != tc.recurring || got.Raw != tc.want {
			t.Errorf("parseTerm(%q) = %q %d-%d %v", tc.raw, got.Raw, deref(got.Start), deref(got.End), got.Recurring)
		}
	}
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

// stitched normalises doc, stitches it and checks the text accounting:
// every character read is accounted for, and none is lost.
func stitched(t testing.TB, doc *hesabat.Document) *hesabat.Report {
	t.Helper()
	read := CountRead(doc)
	Normalize(doc)
	r, err := Stitch(doc, read)
	if err != nil {
		t.Fatal(err)
	}
	a := r.Text
	if a.Read != a.Fields+a.Extras+a.Notes+a.Furniture+a.Lost || a.Lost != 0 || a.Share != 1 {
		t.Errorf("text account %+v: want every character in a field, extra, note or furniture", a)
	}
	return r
}

func TestStitchKeepsEverything(t *testing.T) {
	type extra = map[string]string
	for _, tc := range []struct {
		name     string
		doc      *hesabat.Document
		measures []string
		extras   []extra // by measure
		notes    []string
		warnings []string // kind and page of each warning
	}{{
		name: "columns without a role are extras under their header",
		doc: table("№ | Tədbirin adı | İcra müddəti | Görülmüş işlər | Qeyd | Maliyyə mənbəyi",
			"1.1 | A | 2020 | a | ilkin | büdcə", " | A2 |  | a2 | məlumat | ", "1.2 | B | 2021 | b |  | "),
		measures: []string{"1.1 [] A A2 {} (2020) a ¶ a2", "1.2 [] B {} (2021) b"},
		extras:   []extra{{"Qeyd": "ilkin məlumat", "Maliyyə mənbəyi": "büdcə"}, {}},
	}, {
		name: "a second column of one role is an extra; the better name keeps the role",
		doc: table("№ | Tədbirin adı | İcraçı | Məsul icraçı qurum | İcra müddəti | Görülmüş işlər",
			"1.1 | A | X | Y | 2020 | a"),
		measures: []string{"1.1 [] A {Y} (2020) a"},
		extras:   []extra{{"İcraçı": "X"}},
	}, {
		name:     "cells beyond the header's width are extras that say so",
		doc:      table(header, "1.1 | A | 2020 | a | artıq | daha", "1.2 | B | 2021 | b"),
		measures: []string{"1.1 [] A {} (2020) a", "1.2 [] B {} (2021) b"},
		extras:   []extra{{"column 5 (beyond the header)": "artıq", "column 6 (beyond the header)": "daha"}, {}},
	}, {
		name:     "a header cell without text names its column by number",
		doc:      table("№ | Tədbirin adı |  | Görülmüş işlər", "1.1 | A | x | a"),
		measures: []string{"1.1 [] A {} () a"},
		extras:   []extra{{"column 3": "x"}},
	}, {
		name: "a skipped row's continuations stay with it, not with the measure above",
		doc: table(header, "3.3 | A | 2020 | a", "3.4.Dövlət qurumları | tərəfindən | 2021 | bir",
			" | etik |  | iki", "3.5 | C | 2022 | d"),
		measures: []string{"3.3 [] A {} (2020) a", "3.5 [] C {} (2022) d"},
		notes:    []string{"3.4.Dövlət qurumları tərəfindən etik 2021 bir iki"},
		warnings: []string{"skipped_row 1"},
	}, {
		name: "a repeated header run together with text is a note; the measure goes on below it",
		doc: table(header, "6.9 | A | 2020 | bir", "#2", "Sıra N-si | Tədbirin adı | İcra | Görülmüş işlər elektron xidmətlərin",
			" |  |  | iki"),
		measures: []string{"6.9 [] A {} (2020) bir ¶ iki p1-2"},
		notes:    []string{"Sıra N-si Tədbirin adı İcra Görülmüş işlər elektron xidmətlərin"},
		warnings: []string{"skipped_row 2"},
	}, {
		name:     "a row with a number and nothing else is a note",
		doc:      table(header, "1.1 | A | 2020 | a", "S 1.2", "1.3 | C | 2022 | d"),
		measures: []string{"1.1 [] A {} (2020) a", "1.3 [] C {} (2022) d"},
		notes:    []string{"1.2"},
		warnings: []string{"skipped_row 1"},
	}, {
		name:     "table text before the first measure is a note",
		doc:      table(header, " | giriş |  | ", "#2", " | davamı |  | ", "1.1 | A | 2020 | a"),
		measures: []string{"1.1 [] A {} (2020) a p2-2"},
		notes:    []string{"giriş davamı"},
		warnings: []string{"skipped_row 1"},
	}, {
		name:     "text between rows is a note; the measure goes on after it",
		doc:      table(header, "1.1 | A | 2020 | bir", "P Cədvəlin davamı növbəti səhifədədir", "~  |  |  | iki"),
		measures: []string{"1.1 [] A {} (2020) bir iki"},
		notes:    []string{"Cədvəlin davamı növbəti səhifədədir"},
	}, {
		name: "text above the table other than the title, and after the table, are notes",
		doc: table("P Təsdiq edirəm", "P X Nazirliyinin 2021-ci il üzrə hesabatı", header, "1.1. | A | 2020 | a",
			"P Qeyd: məlumatlar ilkindir.", "P Nazir                 İ.İmzalı"),
		measures: []string{"1.1 [] A {} (2020) a"},
		notes:    []string{"Təsdiq edirəm", "Qeyd: məlumatlar ilkindir.", "Nazir İ.İmzalı"},
	}, {
		name:     "a table above the measure table is a note",
		doc:      table("Təsdiq | edirəm", header, "1.1. | A | 2020 | a"),
		measures: []string{"1.1 [] A {} (2020) a"},
		notes:    []string{"Təsdiq edirəm"},
	}, {
		name: "a number column headed by a sign no header word names (№ written ? in Windows-1254) is found by its numbers",
		doc: table("? | Tədbirlər | İcraçılar | İcra müddəti | Həyata keçirilmiş işlər", "2.1. | A | Ədliyyə Nazirliyi | 2020-2022 | a",
			"#2", "? | Tədbirlər | İcraçılar | İcra müddəti | Həyata keçirilmiş işlər", " |  |  |  | davamı", "2.4. | B | Penitensiar Xidmət | mütəmadi | b"),
		measures: []string{"2.1 [] A {Ədliyyə Nazirliyi} (2020-2022) a ¶ davamı p1-2", "2.4 [] B {Penitensiar Xidmət} (mütəmadi) b p2-2"},
	}, {
		name:     "a section heading no measure falls under is a note",
		doc:      table(header, "S 1. Şəffaflıq", "1.1. | A | 2020 | a", "S 2. Boş bölmə"),
		measures: []string{"1.1 [1. Şəffaflıq] A {} (2020) a"},
		notes:    []string{"2. Boş bölmə"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			r := stitched(t, tc.doc)
			if got := summary(r); !reflect.DeepEqual(got, tc.measures) {
				t.Errorf("measures:\n got %q\nwant %q", got, tc.measures)
			}
			for i, m := range r.Measures {
				want := extra{}
				if i < len(tc.extras) {
					want = tc.extras[i]
				}
				if !reflect.DeepEqual(m.Extra, want) {
					t.Errorf("measure %s extra = %q, want %q", m.Number, m.Extra, want)
				}
			}
			if tc.notes == nil {
				tc.notes = []string{}
			}
			if !reflect.DeepEqual(r.Notes, tc.notes) {
				t.Errorf("notes:\n got %q\nwant %q", r.Notes, tc.notes)
			}
			var warnings []string
			for _, w := range r.Warnings {
				warnings = append(warnings, fmt.Sprintf("%s %d", w.Kind, w.Page))
				if w.Text == "" {
					t.Errorf("warning %v quotes no text", w)
				}
			}
			if !reflect.DeepEqual(warnings, tc.warnings) {
				t.Errorf("warnings = %q, want %q (%v)", warnings, tc.warnings, r.Warnings)
			}
		})
	}
}

// TestHeaderWordings stitches one table under headers worded in the ways
// reports word them, in other orders and with five and six columns.
func TestHeaderWordings(t *testing.T) {
	row := map[role]string{number: "2.1.", title: "Ad", term: "2021", executor: "Nazirlik", work: "İş görülüb", note: "qeyd"}
	for _, h := range []struct{ header string }{
		{"Sıra N-si | Tədbirlər | İcra müddəti | Həyata keçirilmiş işlər"},
		{"№ | Tədbirlər | İcraçılar | İcra vəziyyəti | İcra tarixi"},
		{"Tədbirin adı | № | Məsul qurum | Görülmüş işlər | Qeyd | İcra vaxtı"},
		{"Nömrə | Tədbirin məzmunu | İcra edən qurum | İcra müddəti | Tədbirin icrası"},
		{"Həyata keçirilmiş işlər | Qeyd | İcraçılar | Tədbirlər | № | İcra müddəti"},
		{"SIRA № | TƏDBİRLƏR | MƏSUL İCRAÇI | ICRA MUDDETI | GORULMUS ISLER | QEYD"},
	} {
		t.Run(h.header, func(t *testing.T) {
			var cells []string
			heads := strings.Split(h.header, " | ")
			for _, c := range heads {
				cells = append(cells, row[roleOf(c)])
			}
			r := stitched(t, table(h.header, strings.Join(cells, " | ")))
			if len(r.Measures) != 1 {
				t.Fatalf("got %d measures, want 1", len(r.Measures))
			}
			m := r.Measures[0]
			got := map[role]string{number: m.Number, title: m.Title, term: m.Term.Raw, executor: m.Executor, work: m.WorkDone}
			for i, c := range heads {
				rl := roleOf(c)
				if rl == note {
					if m.Extra[c] != row[note] {
						t.Errorf("column %q: extra %q, want %q", c, m.Extra, row[note])
					}
					continue
				}
				want := row[rl]
				if rl == number {
					want = "2.1"
				}
				if rl == none || got[rl] != want {
					t.Errorf("column %d %q: role %d holds %q, want %q", i+1, c, rl, got[rl], want)
				}
			}
		})
	}
}

// TestRoleOf lists header cells and the role each names.
func TestRoleOf(t *testing.T) {
	for _, tc := range []struct {
		text string
		want role
	}{
		{"Sıra N-si", number}, {"№", number}, {"№ п/п", number}, {"Nömrə", number}, {"N", number},
		{"Tədbirin adı", title}, {"Tədbirlər", title}, {"TӘDBİRİN ADI", title}, {"Tədbirin adı və məzmunu", title},
		{"İcraçı", executor}, {"Məsul icraçılar", executor}, {"Məsul qurum", executor}, {"İcra edən qurum", executor},
		{"Tədbirin icrasına məsul qurum", executor},
		{"İcra müddəti", term}, {"Icra muddeti", term}, {"İcra müddəti (il)", term}, {"İcra tarixi", term}, {"İcra vaxtı", term},
		{"Tədbirin icra müddəti", term},
		{"Görülmüş işlər", work}, {"GORULMUS ISLER", work}, {"Həyata keçirilmiş işlər", work}, {"İcra vəziyyəti", work},
		{"Tədbirin icrası", work}, {"Görülmüş işlər barədə məlumat", work}, {"Nəticə", work},
		{"Qeyd", note}, {"Qeydlər", note}, {"İzahat", note},
		{"Maliyyə mənbəyi", none}, {"", none}, {"eger b m ad a", none},
		{"Dövlət qurumlarının rəsmi internet informasiya ehtiyatlarında tədbirlər görülmüşdür", none},
	} {
		if got := roleOf(tc.text); got != tc.want {
			t.Errorf("roleOf(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

// TestSectionTables stitches a report in the shape of the bolmeler-alti-sutun
// and uc-tedbir templates: a title block of two lines, one table per
// section with the section's heading above it (the first one between the
// title and the first header), six columns, and after the tables the plan
// named in a caption and a signature, which stay notes.
func TestSectionTables(t *testing.T) {
	head := "Sıra № | Tədbirin adı | Məsul qurum | İcra müddəti | İcra vəziyyəti | Qeyd"
	caption := "Cədvəl: “Açıq hökumətin təşviqinə dair 2020-2022-ci illər üçün Milli Fəaliyyət Planı”nın Nazirlik tərəfindən icrası"
	r := stitched(t, table("P Azərbaycan Respublikasının Gənclər və İdman Nazirliyi", "P 2022-ci il üzrə hesabat",
		"P 1. Dövlət satınalmalarında şəffaflığın təmin edilməsi", head,
		"1.1 | Satınalma müqavilələrinin dərci | Maliyyə şöbəsi | 2022-2026 | Dərc edilmişdir. | İcra olunub",
		"P 2. Ekoloji məlumatlara çıxışın genişləndirilməsi", head,
		"2.1 | Rəylərin açıqlanması | Ekspertiza şöbəsi | mütəmadi | Yerləşdirilmişdir. | ",
		"P "+caption, "P Nazirin müavini İ. Hüseynov"))
	want := []string{
		"1.1 [1. Dövlət satınalmalarında şəffaflığın təmin edilməsi] Satınalma müqavilələrinin dərci {Maliyyə şöbəsi} (2022-2026) Dərc edilmişdir.",
		"2.1 [2. Ekoloji məlumatlara çıxışın genişləndirilməsi] Rəylərin açıqlanması {Ekspertiza şöbəsi} (mütəmadi) Yerləşdirilmişdir.",
	}
	if got := summary(r); !reflect.DeepEqual(got, want) {
		t.Errorf("measures:\n got %q\nwant %q", got, want)
	}
	if e := r.Measures[0].Extra; !reflect.DeepEqual(e, map[string]string{"Qeyd": "İcra olunub"}) {
		t.Errorf("extra %q", e)
	}
	got := []any{r.Title, r.Agency, deref(r.Year), r.Plan.Title, deref(r.Plan.Start), deref(r.Plan.End), r.Notes}
	wantMeta := []any{"Azərbaycan Respublikasının Gənclər və İdman Nazirliyi 2022-ci il üzrə hesabat", "Gənclər və İdman Nazirliyi", 2022,
		"Açıq hökumətin təşviqinə dair 2020-2022-ci illər üçün Milli Fəaliyyət Planı", 2020, 2022,
		[]string{caption, "Nazirin müavini İ. Hüseynov"}}
	if !reflect.DeepEqual(got, wantMeta) {
		t.Errorf("report:\n got %q\nwant %q", got, wantMeta)
	}
}
