package facts

import "testing"

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
