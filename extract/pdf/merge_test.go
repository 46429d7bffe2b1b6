package pdf

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestMergeByX: merging runs sorted by x0 one after another gives what a
// stable sort by x0 of their glyphs in order gives, ties included.
func TestMergeByX(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var runs [][]glyph
		var all []glyph
		id := 0
		for range 1 + rng.IntN(5) {
			var run []glyph
			x := float64(rng.IntN(20))
			for range rng.IntN(6) {
				x += float64(rng.IntN(3)) // steps of 0 make ties
				run = append(run, glyph{r: rune('a' + id), x0: x})
				id++
			}
			runs = append(runs, run)
			all = append(all, run...)
		}
		want := slices.Clone(all)
		slices.SortStableFunc(want, func(a, b glyph) int { return cmp.Compare(a.x0, b.x0) })
		var got, scratch []glyph
		for _, r := range runs {
			got, scratch = mergeByX(got, r, scratch)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("runs %v: merged %v, want %v", runs, got, want)
		}
	}
}

// TestSortRuns checks sortRuns and radixSortRuns against slices.SortFunc
// with the same total order on random runs with many equal midpoints and
// x0 (as on a page), and on sorted and reversed ones, through sortRuns's
// quicksort and its fallback.
func TestSortRuns(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		rs := make([]run, n)
		for k := range rs {
			// Midpoints negative, -0 and +0, and some a hair apart
			// (equal as float32: radixSortRuns's first key).
			mid := float64(rng.IntN(8)-3) + float64(rng.IntN(3))*1e-9
			if mid == 0 && rng.IntN(2) == 0 {
				mid = math.Copysign(0, -1)
			}
			rs[k] = run{mid: mid, x0: float64(rng.IntN(4)), i: int32(k)}
		}
		switch n % 3 {
		case 1:
			slices.SortFunc(rs, func(a, b run) int { return cmp.Compare(a.mid, b.mid) })
		case 2:
			slices.SortFunc(rs, func(a, b run) int { return cmp.Compare(b.mid, a.mid) })
		}
		want := slices.Clone(rs)
		slices.SortFunc(want, func(a, b run) int {
			if c := cmp.Compare(a.mid, b.mid); c != 0 {
				return c
			}
			if c := cmp.Compare(a.x0, b.x0); c != 0 {
				return c
			}
			return int(a.i - b.i)
		})
		depth := 0
		if n%5 == 0 {
			depth = 49 // the fallback past the depth limit
		}
		radix := slices.Clone(rs)
		sortRuns(rs, depth)
		if !slices.Equal(rs, want) {
			t.Fatalf("%d runs: got %v, want %v", n, rs, want)
		}
		radixSortRuns(radix, nil, nil)
		if !slices.Equal(radix, want) {
			t.Fatalf("%d runs: radixSortRuns gave %v, want %v", n, radix, want)
		}
	}
}
