package pdf

import (
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
		slices.SortStableFunc(want, func(a, b glyph) int { return cmpFloat(a.x0, b.x0) })
		var got, scratch []glyph
		for _, r := range runs {
			got, scratch = mergeByX(got, r, scratch)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("runs %v: merged %v, want %v", runs, got, want)
		}
	}
}
