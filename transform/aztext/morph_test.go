package aztext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAnalyzeNoun(t *testing.T) {
	for _, c := range []struct {
		name, word     string
		dative         bool
		stem, head, cs string
		poss           bool
	}{
		{"locative after possessive", "iclasında", false, "iclas", "iclası", "nda", true},
		{"genitive after possessive", "əməkdaşının", false, "əməkdaş", "əməkdaşı", "nın", true},
		{"compound head keeps possessive", "komitəsinin", false, "komitə", "komitəsi", "nin", true},
		{"genitive on a consonant", "bankın", false, "bank", "bank", "ın", false},
		{"possessive after a vowel", "məsələsi", false, "məsələ", "məsələsi", "", true},
		{"plural and possessive", "məktəbləri", false, "məktəb", "məktəbi", "", true},
		{"plural and locative", "rayonlarda", false, "rayon", "rayonlar", "da", false},
		{"genitive after a vowel", "məsələnin", false, "məsələ", "məsələ", "nin", false},
		{"root ending like a genitive", "qanun", false, "qanun", "qanun", "", false},
		{"root ending like a dative", "qayda", false, "qayda", "qayda", "", false},
		{"bare a kept without a dative", "sahə", false, "sahə", "sahə", "", false},
		{"bare a removed in a dative", "nəfərə", true, "nəfər", "nəfər", "ə", false},
		{"unit takes a bare dative", "metrə", false, "metr", "metr", "ə", false},
		{"dative after -ət", "şikayətə", false, "şikayət", "şikayət", "ə", false},
		{"dative with y after a vowel", "ölkəyə", false, "ölkə", "ölkə", "yə", false},
		{"no possessive before a y dative", "çağrıya", false, "çağrı", "çağrı", "ya", false},
		{"loan in -iya", "komissiya", false, "komissiya", "komissiya", "", false},
		{"dative -yə after i", "kişiyə", false, "kişi", "kişi", "yə", false},
		{"loan in -iyyə", "nəzəriyyə", false, "nəzəriyyə", "nəzəriyyə", "", false},
		{"terminative after a dative vowel", "yaşadək", false, "yaş", "yaş", "adək", false},
		{"softened q restored", "bayrağı", false, "bayraq", "bayrağı", "", true},
		{"softened k restored", "dəyişikliyin", false, "dəyişiklik", "dəyişikliy", "in", false},
		{"loan keeps q", "hüququ", false, "hüquq", "hüququ", "", true},
		{"dropped vowel restored", "şəkli", false, "şəkil", "şəkli", "", true},
		{"short word protected", "ili", false, "il", "ili", "", true},
		{"nisba word not cut", "əcnəbi", false, "əcnəbi", "əcnəbi", "", false},
		{"agent noun in -çı", "iştirakçı", false, "iştirakçı", "iştirakçı", "", false},
		{"agent noun in -ıcı", "ötürücü", false, "ötürücü", "ötürücü", "", false},
		{"deverbal noun in -gi", "vergi", false, "vergi", "vergi", "", false},
		{"adjective in -lı not a possessive", "yerli", false, "yerli", "yerli", "", false},
		{"pronominal n shows a possessive after -li", "mislindən", false, "misl", "misli", "ndən", true},
		{"softened q before a bare dative", "uşağa", false, "uşaq", "uşağ", "a", false},
		{"1st person plural possessive", "məktəbimiz", false, "məktəb", "məktəb", "", true},
		{"copula", "tondur", false, "ton", "ton", "", false},
		{"locative and copula", "anbardadır", false, "anbar", "anbar", "da", false},
		{"verb with copula untouched", "edilmişdir", false, "edilmişdir", "edilmişdir", "", false},
		{"relative -kı", "ildəki", false, "il", "il", "də", false},
		{"instrumental after a consonant", "qatarla", false, "qatar", "qatar", "la", false},
		{"no instrumental cut in məhəllə", "məhəllə", false, "məhəllə", "məhəllə", "", false},
		{"single letter", "m", false, "m", "m", "", false},
		{"empty", "", false, "", "", "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			n := AnalyzeNoun(c.word, c.dative)
			if n.Stem != c.stem || n.Head != c.head || n.Case != c.cs || n.Possessive != c.poss {
				t.Errorf("AnalyzeNoun(%q, %v) = %+v, want stem %q head %q case %q possessive %v",
					c.word, c.dative, n, c.stem, c.head, c.cs, c.poss)
			}
		})
	}
}

func TestStemAndStripCase(t *testing.T) {
	for _, c := range []struct{ word, stem, stripped string }{
		{"statistika", "statistika", "statistika"},
		{"komitəsinin", "komitə", "komitəsi"},
		{"mərkəzi", "mərkəz", "mərkəzi"},
		{"bankın", "bank", "bank"},
		{"təminatında", "təminat", "təminatı"},
		{"dollarının", "dollar", "dolları"},
		{"iclasında", "iclas", "iclası"},
	} {
		if got := Stem(c.word); got != c.stem {
			t.Errorf("Stem(%q) = %q, want %q", c.word, got, c.stem)
		}
		if got := StripCase(c.word); got != c.stripped {
			t.Errorf("StripCase(%q) = %q, want %q", c.word, got, c.stripped)
		}
	}
}

func TestStripCasePhrase(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Dövlət Statistika Komitəsinin", "Dövlət Statistika Komitəsi"},
		{"Mərkəzi Bankın", "Mərkəzi Bank"},
		{"Mərkəzi Bankı", "Mərkəzi Bankı"},
		{"Elm və Təhsil Nazirliyindən", "Elm və Təhsil Nazirliyi"},
		{"İCBARİ TİBBİ SIĞORTA ÜZRƏ DÖVLƏT AGENTLİYİNƏ", "İCBARİ TİBBİ SIĞORTA ÜZRƏ DÖVLƏT AGENTLİYİ"},
		{"Fövqəladə Hallar Nazirliyinin,", "Fövqəladə Hallar Nazirliyi"},
		{"Komitə", "Komitə"},
		{"DÖVLƏT STATİSTİKA KOMİTƏSİNİN", "DÖVLƏT STATİSTİKA KOMİTƏSİ"},
		{"Agentlik 2", "Agentlik 2"}, // a number has no case ending
		{"", ""},
	} {
		if got := StripCasePhrase(c.in); got != c.want {
			t.Errorf("StripCasePhrase(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestAnalyzeNounIn checks the document evidence: a plural of the whole
// word keeps its final vowel, a bare form licenses a dative and blocks a
// consonant restoration.
func TestAnalyzeNounIn(t *testing.T) {
	for _, c := range []struct {
		name, word, doc, stem string
	}{
		{"no evidence: possessive cut", "dəri", "", "dər"},
		{"plural in the document keeps the vowel", "dəri", "Fabrikə dəri gətirilib, dərilər emal olunur.", "dəri"},
		{"no evidence: bare ə kept", "sentnerə", "", "sentner"},
		{"bare form licenses a dative", "setnerə", "hər hektardan 42 setner, orta hesabla 40 setnerə", "setner"},
		{"no evidence: y restored to k", "xokkeyi", "", "xokkek"},
		{"bare form blocks the restoration", "xokkeyi", "Xokkey federasiyası xokkeyi inkişaf etdirir", "xokkey"},
		{"instrumental after l needs evidence", "intervalla", "1,5 interval; 2 intervalla", "interval"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var doc Words
			if c.doc != "" {
				doc = NewWordSet(c.doc)
			}
			if got := AnalyzeNounIn(c.word, false, doc).Stem; got != c.stem {
				t.Errorf("AnalyzeNounIn(%q, %q).Stem = %q, want %q", c.word, c.doc, got, c.stem)
			}
		})
	}
}

func TestAttributiveBase(t *testing.T) {
	for _, c := range []struct {
		word, base string
		ok         bool
	}{
		{"kilometrlik", "kilometr", true},
		{"faizlik", "faiz", true},
		{"aylıq", "ay", true},
		{"aylığında", "ay", true},
		{"manatlıq", "manat", true},
		{"yaşlı", "yaş", true},
		{"çarpayılıq", "çarpayı", true},
		{"illik", "il", true},
		{"dəyişiklik", "", false},
		{"məhsuldarlıq", "", false},
		{"uğursuzluq", "", false},
		{"iştirakçılıq", "", false},
		{"məktəb", "", false},
		{"lı", "", false},
	} {
		if base, ok := AttributiveBase(c.word); base != c.base || ok != c.ok {
			t.Errorf("AttributiveBase(%q) = %q, %v; want %q, %v", c.word, base, ok, c.base, c.ok)
		}
	}
}

func TestLexiconHelpers(t *testing.T) {
	for _, w := range []string{"kilometr", "sm", "hektar", "sentner", "nəfər", "gün", "manat"} {
		if !IsUnit(w) || !InLexicon(w) {
			t.Errorf("%q should be a unit in the lexicon", w)
		}
	}
	for _, w := range []string{"iş", "qanun", "əcnəbi"} {
		if IsUnit(w) || !InLexicon(w) {
			t.Errorf("%q should be in the lexicon and no unit", w)
		}
	}
	if InLexicon("məktəb") {
		t.Error("məktəb should not be in the lexicon: rules carry ordinary nouns")
	}
	for _, c := range []struct {
		stem, suffix string
		want         bool
	}{{"min", "dən", true}, {"yüz", "ə", true}, {"on", "dən", false}, {"altı", "ya", true}, {"min", "dan", false}} {
		if got := VowelHarmony(c.stem, c.suffix); got != c.want {
			t.Errorf("VowelHarmony(%q, %q) = %v, want %v", c.stem, c.suffix, got, c.want)
		}
	}
	ws := NewWordSet("İclasda 45 MƏSƏLƏ, «Komitənin» qərarı")
	for _, w := range []string{"iclasda", "məsələ", "komitənin", "qərarı"} {
		if !ws.Has(w) {
			t.Errorf("NewWordSet lacks %q", w)
		}
	}
	if ws.Has("45") {
		t.Error("NewWordSet holds a number")
	}
}

// FuzzAnalyzeNoun checks that the analyser never panics, never returns an
// empty stem for a word and keeps the word's first two letters: suffixes
// come off the end, and a restored consonant or vowel (bayraq, şəkil) is
// at the end too.
func FuzzAnalyzeNoun(f *testing.F) {
	for _, w := range []string{"iclasında", "bayrağı", "şəkli", "məktəbimiz", "tondur", "a", "ğı", "lıq", "ədək"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if !utf8.ValidString(w) {
			return
		}
		n := AnalyzeNoun(w, true)
		if w != "" && n.Stem == "" {
			t.Fatalf("empty stem for %q", w)
		}
		if !strings.HasPrefix(w, firstRunes(n.Stem, 2)) {
			t.Fatalf("stem %q does not start like %q", n.Stem, w)
		}
		AttributiveBase(w)
	})
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}
