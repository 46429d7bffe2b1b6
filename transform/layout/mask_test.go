package layout

import "testing"

// TestMaskDigits: each run of ASCII digits becomes one '#', as the regexp
// \d+ it replaces did; other digits and letters stay.
func TestMaskDigits(t *testing.T) {
	for in, want := range map[string]string{
		"":                   "",
		"- 4 -":              "- # -",
		"Səhifə 12/30":       "Səhifə #/#",
		"2022-ci il 15 iyun": "#-ci il # iyun",
		"4.10.":              "#.#.",
		"٣ 7":                "٣ #",
		"İcra":               "İcra",
	} {
		if got := maskDigits(in); got != want {
			t.Errorf("maskDigits(%q) = %q, want %q", in, got, want)
		}
	}
}
