package layout

import (
	"math/rand/v2"
	"slices"
	"testing"
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
