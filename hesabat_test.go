package hesabat

import (
	"errors"
	"strings"
	"testing"
)

func TestJoinText(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"", "b", "b"},
		{"a", "", "a"},
		{"bir", "iki", "bir iki"},
		{"2020-", "2022", "2020-2022"},
		{"qeyri-", "hökumət", "qeyri-hökumət"},
		{"2020–", "2022", "2020–2022"},
		{"3-əmək №-", "li", "3-əmək №-li"},
		{"Planı”-", "nın", "Planı”-nın"},
		{"--", "Bakı", "-- Bakı"},
		{"sistemi –", "ADİS", "sistemi – ADİS"},
		{"-", "5", "- 5"},
		{"Azərbaycan -", "faktlar", "Azərbaycan - faktlar"},
		{"baxış.php", "”", "baxış.php”"},
		{"mütəmad", "i", "mütəmadi"},
		{"mütəmad", "İ", "mütəmad İ"},
		{"sözlər", "(mötərizə)", "sözlər (mötərizə)"},
	} {
		if got := JoinText(tc.a, tc.b); got != tc.want {
			t.Errorf("JoinText(%q, %q) = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestError(t *testing.T) {
	err := error(&Error{Path: "a/x.pdf", Page: 3, Err: ErrCorrupt, Hint: "re-export it"})
	if got, want := err.Error(), "a/x.pdf: page 3: corrupt (hint: re-export it)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	err = Errorf("r.docx", ErrEncrypted, "", "needs a password\non two lines")
	if got, want := err.Error(), "r.docx: encrypted: needs a password on two lines"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(err, ErrEncrypted) || errors.Is(err, ErrCorrupt) {
		t.Error("the sentinel must be found by errors.Is, and only it")
	}
}

func TestBug(t *testing.T) {
	err := Bug("r.pdf", "index out of range")
	if !errors.Is(err, ErrInternal) || errors.Is(err, ErrCorrupt) {
		t.Errorf("Bug wraps %v, want ErrInternal only", err.Err)
	}
	if !strings.Contains(err.Stack, "TestBug") || strings.Contains(err.Error(), "\n") {
		t.Errorf("stack %q, message %q: want the stack kept apart from a one-line message", err.Stack, err.Error())
	}
}
