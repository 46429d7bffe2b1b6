package transform

import (
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
