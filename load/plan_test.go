package load

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
)

// planReport is a report on testPlan by agency for 2021 with the given
// measures ("number|title").
func planReport(name, agency, plan string, measures ...string) *hesabat.Report {
	r := &hesabat.Report{Source: name, Format: hesabat.DOCX, SHA256: hash(name), Pages: 2,
		Agency: agency, Year: ptr(2021)}
	if plan != "" {
		r.Plan = hesabat.Plan{Title: plan}
	}
	for _, m := range measures {
		number, title, _ := strings.Cut(m, "|")
		r.Measures = append(r.Measures, hesabat.Measure{Number: number, Title: title, Pages: [2]int{1, 1}, Offset: -1})
	}
	return r
}

// TestPlanLinks: the number path (same number, title with a small edit),
// the title path (another number, a similar title), a new plan measure (a
// number already taken by another title, no similar title: the number
// alone does not link), and unlinked measures; then coverage.
func TestPlanLinks(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	for _, r := range []*hesabat.Report{
		planReport("a.docx", "Dövlət Statistika Komitəsi", testPlan,
			"1.1|Dövlət qurumlarının rəsmi internet saytlarında açıq məlumatlar bölməsinin yaradılması",
			"1.2|İctimai şuraların fəaliyyətinin gücləndirilməsi və onların sayının artırılması",
			"2.1|Elektron xidmətlərin sayının artırılması və əlçatanlığının təmin edilməsi"),
		planReport("b.docx", "Dövlət Gömrük Komitəsi", testPlan,
			"1.1|Dövlət orqanlarının rəsmi internet saytlarında açıq məlumatlar bölməsinin yaradılması",
			"1.2|Elektron xidmətlərin sayının artırılması və onların əlçatanlığının təmin edilməsi",
			"2.1|Korrupsiya risklərinin qiymətləndirilməsi",
			"3.1|"),
		planReport("c.docx", "Maliyyə Nazirliyi", "",
			"1.1|Dövlət qurumlarının rəsmi internet saytlarında açıq məlumatlar bölməsinin yaradılması"),
	} {
		if _, err := db.SaveReport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := db.db.Query(`SELECT r.path, m.number, m.plan_link, coalesce(pm.number, '-')
		FROM measures AS m JOIN reports AS r ON r.id = m.report_id
		LEFT JOIN plan_measures AS pm ON pm.id = m.plan_measure_id ORDER BY m.id`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for rows.Next() {
		var path, number, link, pm string
		if err := rows.Scan(&path, &number, &link, &pm); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s %s %s → %s", path[len(path)-6:], number, link, pm))
	}
	want := []string{
		"a.docx 1.1 new → 1.1",
		"a.docx 1.2 new → 1.2",
		"a.docx 2.1 new → 2.1",
		"b.docx 1.1 number → 1.1",
		"b.docx 1.2 title → 2.1",
		"b.docx 2.1 new → 2.1",
		"b.docx 3.1 unlinked → -",
		"c.docx 1.1 unlinked → -",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("links:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	rows, err = db.db.Query(`SELECT agency, plan_measure_title, reported FROM coverage ORDER BY plan_measure_id, agency`)
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for rows.Next() {
		var agency, title string
		var reported int
		if err := rows.Scan(&agency, &title, &reported); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s|%.20s|%d", agency, title, reported))
	}
	want = []string{
		"Dövlət Gömrük Komitəsi|Dövlət qurumlarının |1",
		"Dövlət Statistika Komitəsi|Dövlət qurumlarının |1",
		"Dövlət Gömrük Komitəsi|İctimai şuraların fə|0",
		"Dövlət Statistika Komitəsi|İctimai şuraların fə|1",
		"Dövlət Gömrük Komitəsi|Elektron xidmətlərin|1",
		"Dövlət Statistika Komitəsi|Elektron xidmətlərin|1",
		"Dövlət Gömrük Komitəsi|Korrupsiya risklərin|1",
		"Dövlət Statistika Komitəsi|Korrupsiya risklərin|0",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("coverage:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestPlanMeasureTitles: a plan measure's title and number are the most
// common among the measures linked to it, and stay so when files are
// deleted from the database by hand.
func TestPlanMeasureTitles(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	const common, rare = "Açıq məlumatlar bölməsinin yaradılması və onun mütəmadi yenilənməsi",
		"Açıq məlumatlar bölməsinin yaradılması və onun daim yenilənməsi"
	for i, m := range []string{"2.1|" + rare, "1.1|" + common, "1.1|" + common} {
		r := planReport(fmt.Sprintf("t%d.docx", i), fmt.Sprintf("Agentlik %d", i), testPlan, m)
		if _, err := db.SaveReport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	check := func(wantNumber, wantTitle string, wantCount int) {
		t.Helper()
		var number, title string
		var count int
		if err := db.db.QueryRow(`SELECT number, title, measure_count FROM plan_measures`).Scan(&number, &title, &count); err != nil {
			t.Fatal(err)
		}
		if number != wantNumber || title != wantTitle || count != wantCount {
			t.Errorf("plan measure %s %q (%d measures), want %s %q (%d)", number, title, count, wantNumber, wantTitle, wantCount)
		}
	}
	check("1.1", common, 3)
	if n := queryInt(t, db, `SELECT count(*) FROM plan_measures`); n != 1 {
		t.Fatalf("%d plan measures, want 1", n)
	}
	if _, err := db.db.Exec(`DELETE FROM reports WHERE path LIKE '%t1.docx' OR path LIKE '%t2.docx'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveReport(ctx, planReport("t3.docx", "Agentlik 3", testPlan, "2.1|"+rare)); err != nil {
		t.Fatal(err)
	}
	check("2.1", rare, 2)
}

// TestSimilarityThresholds pins what the thresholds mean on real titles:
// a one-word edit stays above minSameTitle; two distinct measures of one
// plan that share its stock phrases stay below minSimilarTitle.
func TestSimilarityThresholds(t *testing.T) {
	words := testWords()
	edit := similarity(words("Dövlət qurumlarının rəsmi internet saytlarında açıq məlumatlar bölməsinin yaradılması"),
		words("Dövlət orqanlarının rəsmi internet saytlarında açıq məlumatlar bölməsinin yaradılması"))
	if edit < minSameTitle {
		t.Errorf("one word changed: similarity %.2f < %.2f", edit, minSameTitle)
	}
	distinct := similarity(words("Dövlət qurumlarının rəsmi internet informasiya ehtiyatlarında açıq məlumatlar bölməsinin yaradılması"),
		words("Dövlət qurumlarının rəsmi internet resurslarında ictimai şuraların fəaliyyətinin əks etdirilməsi"))
	if distinct >= minSimilarTitle {
		t.Errorf("two measures sharing stock phrases: similarity %.2f ≥ %.2f", distinct, minSimilarTitle)
	}
}

// TestSimilaritySets: similarity compares titles as sets of LooseKey
// words: repeats count once, case and punctuation do not count.
func TestSimilaritySets(t *testing.T) {
	words := testWords()
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"bir iki iki üç", "İKİ, bir; dörd", 2 * 2 / 6.0},
		{"Tədbirin adı", "tədbirin ADI tədbirin", 1},
		{"alfa", "beta", 0},
		{"", "", 0},
	} {
		if got := similarity(words(c.a), words(c.b)); got != c.want {
			t.Errorf("similarity(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// testWords returns the word sets of titles as one linker numbers them.
func testWords() func(title string) []int32 {
	l := &linker{}
	return func(title string) []int32 { return l.words(aztext.LooseKey(title)) }
}

// TestLinkerWords holds similarity over the sets of numbers linker.words
// gives to the Dice coefficient of the titles' sets of LooseKey words,
// over random titles of a small vocabulary (repeats, case, punctuation),
// compared in random order with one linker.
func TestLinkerWords(t *testing.T) {
	vocab := []string{"Dövlət", "dövlət", "qurumlarının", "İnternet", "ınternet", "açıq", "AÇIQ", "məlumatlar", "bölməsinin", "yaradılması", "2020-2022", "a", "b", ",", "—"}
	rng := rand.New(rand.NewPCG(1, 17))
	title := func() string {
		var b strings.Builder
		for range rng.IntN(9) {
			b.WriteString(vocab[rng.IntN(len(vocab))] + " ")
		}
		return b.String()
	}
	dice := func(a, b string) float64 {
		set := func(s string) map[string]bool {
			m := map[string]bool{}
			for _, w := range strings.Fields(aztext.LooseKey(s)) {
				m[w] = true
			}
			return m
		}
		sa, sb := set(a), set(b)
		if len(sa)+len(sb) == 0 {
			return 0
		}
		common := 0
		for w := range sa {
			if sb[w] {
				common++
			}
		}
		return 2 * float64(common) / float64(len(sa)+len(sb))
	}
	words := testWords()
	for range 5000 {
		a, b := title(), title()
		if got, want := similarity(words(a), words(b)), dice(a, b); got != want {
			t.Fatalf("similarity(%q, %q) = %v, want %v", a, b, got, want)
		}
	}
}
