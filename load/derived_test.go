package load

import (
	"context"
	"math"
	"testing"

	"github.com/hesabat/hesabat"
)

// TestSaveReportDerived checks the columns SaveReport derives as it
// inserts (facts.count and amount, measures.fact_count and number_sort)
// against the SQL rules that migration 0005 applies to rows stored before
// it: a fact's count is its value when a quantity equals its INTEGER cast,
// its amount the value of any other quantity, money or percent; a
// measure's fact count its facts, its sort key NumberSort of its number.
func TestSaveReportDerived(t *testing.T) {
	db := MustOpenDB(t)
	r := sampleReport()
	m := &r.Measures[1]
	m.Number = "4.10"
	for _, f := range []hesabat.Fact{
		{Kind: hesabat.Quantity, Value: ptr(2.5), Unit: "ton"},
		{Kind: hesabat.Quantity, Value: ptr(0.0), Unit: "iclas"},
		{Kind: hesabat.Quantity, Value: ptr(-7.0), Unit: "nəfər"},
		{Kind: hesabat.Quantity, Value: ptr(1e20), Unit: "ədəd"},
		{Kind: hesabat.Quantity, Value: ptr(-math.Pow(2, 63)), Unit: "ədəd"},
		{Kind: hesabat.Quantity, Value: ptr(math.Pow(2, 63)), Unit: "ədəd"},
		{Kind: hesabat.Money, Value: ptr(3e6), Currency: "USD"},
		{Kind: hesabat.Money, Value: ptr(1500.5), Currency: "AZN"},
		{Kind: hesabat.Percent, Value: ptr(100.0)},
		{Kind: hesabat.Date, Date: "2022-03-01"},
		{Kind: hesabat.Year, Value: ptr(2022.0)},
		{Kind: hesabat.Ordinal, Value: ptr(3.0)},
		{Kind: hesabat.Quantity, Unit: "iclas"}, // no value
	} {
		f.Text = "x"
		m.Facts = append(m.Facts, f)
	}
	if _, err := db.SaveReport(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM facts`); n != 17 {
		t.Fatalf("%d facts stored, want 17", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM facts WHERE
		count IS NOT CASE WHEN kind = 'quantity' AND value = CAST(value AS INTEGER) THEN CAST(value AS INTEGER) END
		OR typeof(count) NOT IN ('integer', 'null')
		OR amount IS NOT CASE WHEN kind IN ('quantity', 'money', 'percent')
			AND NOT (kind = 'quantity' AND value = CAST(value AS INTEGER)) THEN value END
		OR typeof(amount) NOT IN ('real', 'null')`); n != 0 {
		t.Errorf("%d facts whose count or amount differ from migration 0005's rule", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM facts WHERE count IS NOT NULL`); n != 6 {
		t.Errorf("%d counts, want 6 (3, 12, 1250, 0, -7, -2^63)", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM measures WHERE
		fact_count <> (SELECT count(*) FROM facts WHERE facts.measure_id = measures.id)`); n != 0 {
		t.Errorf("%d measures with a wrong fact_count", n)
	}
	for number, want := range map[string]any{"1.1": int64(1_001_000), "4.10": int64(4_010_000)} {
		var got any
		if err := db.db.QueryRow(`SELECT number_sort FROM measures WHERE number = ?`, number).Scan(&got); err != nil || got != want {
			t.Errorf("number_sort of %s = %v, %v; want %v", number, got, err, want)
		}
	}
	if n := queryInt(t, db, `SELECT count(*) FROM measures WHERE number IS NULL AND number_sort IS NULL`); n != 1 {
		t.Errorf("the measure without a number: %d without a sort key, want 1", n)
	}
}
