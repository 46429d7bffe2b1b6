package layout

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/hesabat/hesabat/transform/aztext"
)

// TestNth checks the quickselect against a sort, on runs with many equal
// values (line heights) and on spread ones (gaps between words).
func TestNth(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for n := 1; n < 300; n += 7 {
		for _, spread := range []int{3, 1000} {
			xs := make([]float64, n)
			for i := range xs {
				xs[i] = float64(rnd.IntN(spread)) - float64(spread)/4
			}
			sorted := slices.Clone(xs)
			slices.Sort(sorted)
			for _, k := range []int{0, n / 4, n / 2, n - 1} {
				if got := nth(slices.Clone(xs), k); got != sorted[k] {
					t.Fatalf("n %d spread %d: nth(%d) = %v, want %v", n, spread, k, got, sorted[k])
				}
			}
		}
	}
}

// TestSortKeys checks the quicksort of word keys against a stable sort,
// with many equal keys (words of one line) and NaN.
func TestSortKeys(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 400; n += 13 {
		ks := make([]wordKey, n)
		for i := range ks {
			ks[i] = wordKey{float64(rnd.IntN(n/4 + 1)), float64(rnd.IntN(5)), i}
			if rnd.IntN(50) == 0 {
				ks[i].k1 = math.NaN()
			}
		}
		want := slices.Clone(ks)
		slices.SortStableFunc(want, func(a, b wordKey) int {
			if c := cmp.Compare(a.k1, b.k1); c != 0 {
				return c
			}
			return cmp.Compare(a.k2, b.k2)
		})
		sortKeys(ks)
		for i := range ks {
			if ks[i].i != want[i].i {
				t.Fatalf("n %d: at %d key %d, want %d", n, i, ks[i].i, want[i].i)
			}
		}
	}
}

// TestLowerWord checks trimWord's shortcut: the words it passes are those
// the full rule leaves as they are.
func TestLowerWord(t *testing.T) {
	for _, s := range []string{"", "icra", "müddəti", "ışığı", "çöküş", "2022", "a1", "İcra", "ICRA",
		"icra,", "(icra)", "qeyri-hökumət", "Ə", "é", "ä", "\xc9", "ab\xc4", "ж"} {
		slow := aztext.Lower(strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		if lowerWord(s) && slow != s {
			t.Errorf("lowerWord(%q) but trimWord's rule gives %q", s, slow)
		}
		if got := trimWord(s); got != slow {
			t.Errorf("trimWord(%q) = %q, want %q", s, got, slow)
		}
	}
	for _, s := range []string{"icra", "müddəti", "ışığı", "çöküş", "2022", "a1"} {
		if !lowerWord(s) {
			t.Errorf("lowerWord(%q) = false", s)
		}
	}
}
