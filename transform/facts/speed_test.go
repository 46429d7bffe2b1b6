package facts

import (
	"testing"

	"github.com/hesabat/hesabat/transform/aztext"
)

// TestShortcuts checks what the matcher's shortcuts assume of its word
// lists: every currency code has three letters (fromWord looks only
// those up) and monthPrefix passes every month name.
func TestShortcuts(t *testing.T) {
	for code := range currencyCodes {
		if len(code) != 3 {
			t.Errorf("currency code %q: fromWord looks up three-letter words only", code)
		}
	}
	for _, name := range months {
		if !monthPrefix(name[:3]) {
			t.Errorf("monthPrefix(%q) = false", name[:3])
		}
	}
}

// TestLowerWords checks the ASCII shortcut of lowerWords against
// LowerRune applied to every rune of the word.
func TestLowerWords(t *testing.T) {
	text := "İCRA Icra ILIN Müddəti ÇÖL AZN x\xffY ŞəKİ Ǝ Bakı QEYRİ-HÖKUMƏT"
	for _, tok := range tokenize(text, nil) {
		if tok.kind != tWord {
			continue
		}
		var want []rune
		for _, r := range tok.text {
			want = append(want, aztext.LowerRune(r))
		}
		if tok.low != string(want) {
			t.Errorf("low of %q = %q, want %q", tok.text, tok.low, string(want))
		}
	}
}
