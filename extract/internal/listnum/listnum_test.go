package listnum

import "testing"

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		v    int
		s    Style
		want string
	}{
		{4, Decimal, "4"}, {4, DecimalZero, "04"}, {12, DecimalZero, "12"},
		{1, LowerLetter, "a"}, {28, UpperLetter, "BB"}, {0, LowerLetter, "0"},
		{14, LowerRoman, "xiv"}, {1994, UpperRoman, "MCMXCIV"}, {4000, UpperRoman, "4000"},
		{3, None, ""},
	} {
		if got := Format(tc.v, tc.s); got != tc.want {
			t.Errorf("Format(%d, %d) = %q, want %q", tc.v, tc.s, got, tc.want)
		}
	}
}
