package textenc

import (
	"errors"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// Decode is tested through extract/txt, whose files it reads; these cases
// are DecodeAs, for declared encodings.
func TestDecodeAs(t *testing.T) {
	tr, _ := charmap.Windows1254.NewEncoder().String("Hesabatın icrası üçün")
	for _, tc := range []struct {
		name, label, in, want string
		err                   bool
	}{
		{"utf-8", "UTF-8", "Tədbirin adı", "Tədbirin adı", false},
		{"utf-8 with its mark", "utf8", "\xef\xbb\xbfTədbir", "Tədbir", false},
		{"utf-8 declared, bytes not", "utf-8", tr, "", true},
		{"iso-8859-9 is read as windows-1254", "iso-8859-9", tr, "Hesabatın icrası üçün", false},
		{"unknown label", "x-klingon", "abc", "", true},
		{"binary", "windows-1251", "\x01\x02\x03\x04\x05", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := DecodeAs([]byte(tc.in), tc.label)
			if (err != nil) != tc.err || (err == nil && d.Text != tc.want) {
				t.Errorf("got %+v, %v; want %q, error %v", d, err, tc.want, tc.err)
			}
			if tc.name == "binary" && !errors.Is(err, ErrBinary) {
				t.Errorf("err = %v, want ErrBinary", err)
			}
		})
	}
}
