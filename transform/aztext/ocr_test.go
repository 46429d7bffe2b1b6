package aztext

import "testing"

func TestOCRRepair(t *testing.T) {
	lx := make(OCRLexicon)
	lx.Add("Dövlət Statistika Komitəsi məlumatların təqdim edilməsi üçün iclas keçirmişdir.")
	lx.Add("Komitəsi iclas keçirmişdir; məlumatların təqdim edilməsi. Dövlət orqanları")
	lx.Add("Almaniya kitab") // seen once: no evidence
	for _, c := range []struct{ name, in, want string }{
		{"schwa read as e", "Komitesi", "Komitəsi"},
		{"schwa read as a, keeps capitals", "DÖVLAT", "DÖVLƏT"},
		{"two letters", "malumatlarin", "məlumatların"},
		{"dotless read as l", "keçlrmişdir", "keçirmişdir"},
		{"two cedillas lost", "kecirmisdir", "keçirmişdir"},
		{"three changes are another word", "kecirmısdir", "kecirmısdir"},
		{"known word stays", "iclas", "iclas"},
		{"unknown word stays", "Bakı", "Bakı"},
		{"one sighting is no evidence", "Almanıya", "Almanıya"},
		{"punctuation and digits kept", "(Komitesi, 2022-ci il)", "(Komitəsi, 2022-ci il)"},
		{"empty", "", ""},
	} {
		if got := lx.Repair(c.in); got != c.want {
			t.Errorf("%s: Repair(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}
