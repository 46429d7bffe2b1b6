package zipsafe

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// TestCapReader checks the caps hold while reading, whatever the headers
// declared: the budget over all parts and the ratio of one part.
func TestCapReader(t *testing.T) {
	cases := []struct {
		name       string
		n          int
		budget     int64
		compressed uint64
		tooLarge   bool
	}{
		{"within both caps", 2 << 20, 3 << 20, 1 << 20, false},
		{"over the budget", 2 << 20, 1 << 20, 1 << 20, true},
		{"over the ratio", 2 << 20, 3 << 20, 1000, true},
		{"small parts are not ratio-checked", 1 << 19, 3 << 20, 1, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := &Archive{budget: tc.budget, limits: Limits{}.WithDefaults()}
			c := &capReader{rc: io.NopCloser(bytes.NewReader(make([]byte, tc.n))), a: a, compressed: tc.compressed}
			_, err := io.Copy(io.Discard, c)
			if got := errors.Is(err, ErrTooLarge); got != tc.tooLarge {
				t.Errorf("err = %v, want too large %v", err, tc.tooLarge)
			}
		})
	}
}

func TestName(t *testing.T) {
	for in, want := range map[string]string{
		"/Word/Document.xml":  "word/document.xml",
		`word\media\..\a%20b`: "word/a b",
		"../../etc/passwd":    "etc/passwd",
	} {
		if got := Name(in); got != want {
			t.Errorf("Name(%q) = %q, want %q", in, got, want)
		}
	}
}
