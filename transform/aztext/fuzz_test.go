package aztext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzNormalize checks, for any input, that Normalize and NormalizeDoc
// return valid UTF-8 and are idempotent, and that Key and LooseKey are
// stable under themselves and agree with their rules (checkKey). The
// corpus is the seed's lines, their damaged variants and the table cases.
func FuzzNormalize(f *testing.F) {
	for _, line := range seedLines(f) {
		f.Add(line)
		for _, v := range variants {
			f.Add(v.make(line))
		}
	}
	for _, tt := range normalizeTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q, not valid UTF-8", s, n)
		}
		if again := Normalize(n); again != n {
			t.Fatalf("Normalize(%q) = %q, but Normalize of that = %q", s, n, again)
		}
		d := NormalizeDoc([]string{s, n})
		if again := NormalizeDoc(d); again[0] != d[0] || again[1] != d[1] {
			t.Fatalf("NormalizeDoc(%q) = %q, but NormalizeDoc of that = %q", s, d, again)
		}
		checkKey(t, s)
		// BareKey is LooseKey without marks, also when made from Key.
		if want := strings.Map(bare, LooseKey(s)); BareKey(s) != want || BareKeyOf(Key(s)) != want {
			t.Fatalf("BareKey(%q) = %q, BareKeyOf(Key) = %q, want %q", s, BareKey(s), BareKeyOf(Key(s)), want)
		}
		for _, key := range []func(string) string{Key, LooseKey} {
			k := key(s)
			if again := key(k); again != k {
				t.Fatalf("key of %q = %q, but key of that = %q", s, k, again)
			}
		}
	})
}
