package aztext

import "testing"

func TestNominative(t *testing.T) {
	for in, want := range map[string]string{
		"Dövlət Statistika Komitəsinin": "Dövlət Statistika Komitəsi",
		"DÖVLƏT STATİSTİKA KOMİTƏSİNİN": "DÖVLƏT STATİSTİKA KOMİTƏSİ",
		"Mərkəzi Bankın":                "Mərkəzi Bank",
		"Ədliyyə Nazirliyi":             "Ədliyyə Nazirliyi",
		"Dövlət Gömrük Komitəsi":        "Dövlət Gömrük Komitəsi",
		"":                              "",
	} {
		if got := Nominative(in); got != want {
			t.Errorf("Nominative(%q) = %q, want %q", in, got, want)
		}
	}
}
