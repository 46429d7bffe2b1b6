package transform

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestShort holds short, which counts ASCII letters and digits without
// the unicode tables, to the rule it replaces (unicode.IsLetter or
// IsDigit for every rune, № as five), on every ASCII character alone and
// on random texts around the limit.
func TestShort(t *testing.T) {
	old := func(text string, limit int) bool {
		n := 0
		for _, r := range text {
			switch {
			case r == '№':
				n += 5
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				n++
			}
			if n > limit {
				return false
			}
		}
		return true
	}
	for c := range 128 {
		s := strings.Repeat(string(rune(c)), 3)
		if got, want := short(s, 2), old(s, 2); got != want {
			t.Errorf("short(%q, 2) = %v, want %v", s, got, want)
		}
	}
	pieces := []string{"a", "Z", "9", " ", "-", "№", "ə", "İ", "ı", "“", "\u00a0", "²", "٣", "\xff", "_", "@"}
	rnd := rand.New(rand.NewPCG(51, 52))
	for range 20000 {
		var b strings.Builder
		for range rnd.IntN(20) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		s, limit := b.String(), rnd.IntN(12)
		if got, want := short(s, limit), old(s, limit); got != want {
			t.Fatalf("short(%q, %d) = %v, want %v", s, limit, got, want)
		}
	}
}
