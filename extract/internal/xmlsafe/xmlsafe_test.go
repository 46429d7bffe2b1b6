package xmlsafe

import (
	"errors"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	charset := func(label string) error { return errors.New("charset " + label) }
	read := func(s string) error {
		tk := New(strings.NewReader(s), charset)
		if _, err := tk.Next(); err != nil {
			return err
		}
		if err := tk.Skip(); err != nil {
			return err
		}
		return tk.Finish()
	}
	deep := strings.Repeat("<a>", MaxDepth+1) + strings.Repeat("</a>", MaxDepth+1)
	for _, tc := range []struct {
		in   string
		want error
	}{
		{"<a><b>x</b><c/></a>", nil},
		{strings.Repeat("<a>", MaxDepth) + strings.Repeat("</a>", MaxDepth), nil},
		{deep, ErrDepth},
		{"", ErrEnd},
		{`<a><!DOCTYPE a [<!ENTITY x "y">]></a>`, ErrDirective},
	} {
		if err := read(tc.in); !errors.Is(err, tc.want) {
			t.Errorf("%.40q: err = %v, want %v", tc.in, err, tc.want)
		}
	}
	if err := read(`<?xml version="1.0" encoding="windows-1251"?><a/>`); err == nil || !strings.Contains(err.Error(), "charset windows-1251") {
		t.Errorf("declared charset: err = %v", err)
	}
	for _, bad := range []string{"<a><b>", "<a></a><b"} {
		if err := read(bad); err == nil {
			t.Errorf("%q passed", bad)
		}
	}
}
