package transform

import (
	"reflect"
	"testing"

	"github.com/hesabat/hesabat"
)

// TestReadPeriod checks the part of the year read from titles (evidence:
// the phrases as agencies write them).
func TestReadPeriod(t *testing.T) {
	const plan = "“Açıq hökumətin təşviqinə dair 2020-2022-ci illər üçün Milli Fəaliyyət Planı”nın icra vəziyyətinə dair Dövlət Statistika Komitəsinin "
	for _, tc := range []struct {
		tail, period string
		year         int
	}{
		{"2022-ci il üzrə hesabatı", "", 2022},
		{"2022-ci ilin birinci yarımili üzrə hesabatı", "H1", 2022},
		{"2022-ci ilin İkinci yarımili üzrə hesabatı", "H2", 2022},
		{"2022-ci ilin 6 aylıq icrası üzrə hesabatı", "H1", 2022},
		{"2021-ci ilin I rübü üzrə hesabatı", "Q1", 2021},
		{"2021-ci ilin III rübü üzrə hesabatı", "Q3", 2021},
		{"2021-ci ilin 3-cü rübü ərzində görülmüş işlər", "Q3", 2021},
		{"2021-ci ilin 9 ayı ərzində görülmüş işlər haqqında", "9M", 2021},
		{"2021-ci ilin 12 ayı üzrə hesabatı", "", 2021},
	} {
		r := &hesabat.Report{}
		readMetadata(r, []string{plan + tc.tail})
		if r.Period != tc.period || deref(r.Year) != tc.year || r.Agency != "Dövlət Statistika Komitəsi" {
			t.Errorf("%q: period %q, year %d, agency %q; want %q, %d", tc.tail, r.Period, deref(r.Year), r.Agency, tc.period, tc.year)
		}
	}
}

// TestTitleBlock reads title blocks of other shapes, as the variant
// templates (testdata/variants/templates) set them: the agency on a line
// of its own above the title, in capitals or not, the year in words, the
// word "HESABAT" alone; a title cut into paragraphs; and what stays out of
// the block (an approval line, a section heading).
func TestTitleBlock(t *testing.T) {
	for _, tc := range []struct {
		name       string
		pre        []string
		from, to   int
		agency     string
		year       int
		plan       string
		start, end int
	}{
		{"agency in capitals, year in words, HESABAT", []string{"Təsdiq edirəm", "AZƏRBAYCAN RESPUBLİKASININ ƏDLİYYƏ NAZİRLİYİ", "İki min iyirmi birinci il üzrə", "HESABAT"},
			1, 3, "Ədliyyə Nazirliyi", 2021, "", 0, 0},
		{"agency line above a short title", []string{"Azərbaycan Respublikasının Gənclər və İdman Nazirliyi", "2022-ci il üzrə hesabat"},
			0, 1, "Gənclər və İdman Nazirliyi", 2022, "", 0, 0},
		{"a title cut into two paragraphs", []string{"“Açıq hökumətin təşviqinə dair 2020-2022-ci illər üçün Milli Fəaliyyət Planı”nın icra",
			"vəziyyətinə dair Dövlət Gömrük Komitəsinin 2020-ci il üzrə hesabatı"},
			0, 1, "Dövlət Gömrük Komitəsi", 2020, "Açıq hökumətin təşviqinə dair 2020-2022-ci illər üçün Milli Fəaliyyət Planı", 2020, 2022},
		{"a section heading below the title is not in it", []string{"“Korrupsiyaya qarşı mübarizəyə dair 2022-2026-cı illər üçün Milli Fəaliyyət Planı”nın icrası barədə Ekologiya və Təbii Sərvətlər Nazirliyinin 2023-cü il üzrə hesabatı",
			"1. Dövlət satınalmalarında şəffaflığın təmin edilməsi"},
			0, 0, "Ekologiya və Təbii Sərvətlər Nazirliyi", 2023, "Korrupsiyaya qarşı mübarizəyə dair 2022-2026-cı illər üçün Milli Fəaliyyət Planı", 2022, 2026},
		{"agency, year in words and HESABAT run into one paragraph", []string{"AZƏRBAYCAN RESPUBLİKASININ ƏDLİYYƏ NAZİRLİYİ İki min iyirmi birinci il üzrə HESABAT"},
			0, 0, "Ədliyyə Nazirliyi", 2021, "", 0, 0},
		{"agency and year run into one paragraph", []string{"Azərbaycan Respublikasının Gənclər və İdman Nazirliyi 2022-ci il üzrə hesabat"},
			0, 0, "Gənclər və İdman Nazirliyi", 2022, "", 0, 0},
		{"lower-case words before the year are no agency", []string{"Nazirliyin fəaliyyəti haqqında 2022-ci il üzrə hesabat"},
			0, 0, "", 2022, "", 0, 0},
		{"an approval in capitals is no agency", []string{"TƏSDİQ EDİRƏM", "Mərkəzi Bankın 2023-cü il üzrə hesabatı"},
			1, 1, "", 2023, "", 0, 0},
		{"a sentence above is no title line", []string{"Hesabat Nazirliyin 2021-ci il üzrə fəaliyyətini əhatə edir.", "Hesabat"},
			1, 1, "", 0, "", 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &hesabat.Report{}
			from, to := readMetadata(r, tc.pre)
			got := []any{from, to, r.Agency, deref(r.Year), r.Plan.Title, deref(r.Plan.Start), deref(r.Plan.End)}
			want := []any{tc.from, tc.to, tc.agency, tc.year, tc.plan, tc.start, tc.end}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %q, want %q (title %q)", got, want, r.Title)
			}
		})
	}
}
