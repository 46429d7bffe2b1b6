package aztext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lower lower-cases s by Azerbaijani rules: İ → i and I → ı, every other rune
// by its Unicode simple lower case. It maps rune by rune, so s should be
// normalised first (Normalize composes "I" + U+0307 into "İ").
func Lower(s string) string {
	return strings.Map(LowerRune, s)
}

// LowerRune is unicode.AzeriCase.ToLower (I → ı, İ → i), with shortcuts
// for ASCII and the Azerbaijani letters: Lower for one rune.
func LowerRune(r rune) rune {
	switch {
	case r == 'I':
		return 'ı'
	case 'A' <= r && r <= 'Z':
		return r + 'a' - 'A'
	case r < utf8.RuneSelf:
		return r
	}
	if l, ok := azLower(r); ok {
		return l
	}
	return unicode.AzeriCase.ToLower(r)
}

// LowerLetterAt reports whether s[i:] starts with one of the lower-case
// Azerbaijani letters outside ASCII, ə ı ş ç ğ ö ü (each two bytes in
// UTF-8): a shortcut for scanners of Azerbaijani words, which meet these
// letters more than any other non-ASCII rune.
func LowerLetterAt(s string, i int) bool {
	if i+1 >= len(s) {
		return false
	}
	switch c, d := s[i], s[i+1]; c {
	case 0xc9:
		return d == 0x99 // ə
	case 0xc4:
		return d == 0xb1 || d == 0x9f // ı ğ
	case 0xc5:
		return d == 0x9f // ş
	case 0xc3:
		return d == 0xa7 || d == 0xb6 || d == 0xbc // ç ö ü
	}
	return false
}

// Upper upper-cases s by Azerbaijani rules: i → İ and ı → I, every other rune
// by its Unicode simple upper case (ß stays ß).
func Upper(s string) string {
	return strings.Map(unicode.AzeriCase.ToUpper, s)
}

// Fold maps a rune that looks like an Azerbaijani letter to that letter and
// returns any other rune unchanged: the Cyrillic schwa ә/Ә, the turned e
// ǝ/Ǝ and the 1991-alphabet ä/Ä become ə/Ə, and Cyrillic letters drawn like
// Latin ones (а е о р с у х і ј һ ԛ ѕ and their capitals) become those Latin
// letters. Fold is meant for comparison keys; it does not look at context,
// so it also folds a German ä.
func Fold(r rune) rune {
	switch r {
	case 'ә', 'ǝ', 'ä':
		return 'ə'
	case 'Ә', 'Ǝ', 'Ä':
		return 'Ə'
	case 'а':
		return 'a'
	case 'е':
		return 'e'
	case 'о':
		return 'o'
	case 'р':
		return 'p'
	case 'с':
		return 'c'
	case 'у':
		return 'y'
	case 'х':
		return 'x'
	case 'і':
		return 'i'
	case 'ј':
		return 'j'
	case 'һ':
		return 'h'
	case 'ԛ':
		return 'q'
	case 'ѕ':
		return 's'
	case 'А':
		return 'A'
	case 'В':
		return 'B'
	case 'Е':
		return 'E'
	case 'К':
		return 'K'
	case 'М':
		return 'M'
	case 'Н':
		return 'H'
	case 'О':
		return 'O'
	case 'Р':
		return 'P'
	case 'С':
		return 'C'
	case 'Т':
		return 'T'
	case 'Х':
		return 'X'
	case 'У':
		return 'Y'
	case 'І':
		return 'I'
	case 'Ј':
		return 'J'
	case 'Ѕ':
		return 'S'
	case 'Һ':
		return 'H'
	case 'Ԛ':
		return 'Q'
	}
	return r
}

// Key returns the search and comparison key of s: s normalised, lower-cased
// by Azerbaijani rules, look-alike runes folded (see Fold), combining marks
// dropped, and every run of other runes (punctuation, symbols, spaces)
// turned into one space between words; no space leads or trails. Two
// headings that an analyst would call the same, such as "İcra müddəti:" and
// "İCRA  MÜDDƏTİ", have the same Key. Key keeps ı and i apart.
func Key(s string) string {
	return key(s, false)
}

// LooseKey is Key with ı merged into i, for headings typed with an ASCII I
// where İ was meant: LooseKey("Icra müddəti") == LooseKey("İcra müddəti").
// It does not restore other missing diacritics: "ICRA MUDDETI" still differs.
func LooseKey(s string) string {
	return key(s, true)
}

// BareKey is LooseKey with the Azerbaijani letters written without their
// marks (ə→e, ı→i, ö→o, ü→u, ş→s, ç→c, ğ→g), as text typed on a keyboard
// without them reads: BareKey("Müddəti") == BareKey("muddeti"). It is for
// finding such text, never for storing or showing it.
func BareKey(s string) string {
	return BareKeyOf(Key(s))
}

// BareKeyOf returns BareKey(s) from Key(s), without normalising s again:
// BareKeyOf(Key(s)) == BareKey(s).
func BareKeyOf(key string) string {
	return strings.Map(func(r rune) rune {
		if r == 'ı' {
			return 'i' // what LooseKey does
		}
		return bare(r)
	}, key)
}

func bare(r rune) rune {
	switch r {
	case 'ə':
		return 'e'
	case 'ö':
		return 'o'
	case 'ü':
		return 'u'
	case 'ş':
		return 's'
	case 'ç':
		return 'c'
	case 'ğ':
		return 'g'
	}
	return r
}

func key(s string, loose bool) string {
	if scan(s) == other {
		// Text that Normalize would change beyond its white space: a run
		// of white space is one gap between words below anyway.
		s = Normalize(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	gap := false
	for _, r := range s {
		if r < utf8.RuneSelf && r != 'I' {
			// ASCII, but for I (lowered to ı): Fold keeps it, and its
			// letters and digits are the ASCII ones.
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				if gap && b.Len() > 0 {
					b.WriteByte(' ')
				}
				gap = false
				b.WriteByte(byte(r))
			} else {
				gap = true
			}
			continue
		}
		if l, ok := azLower(r); ok {
			// An Azerbaijani letter, most of the non-ASCII runes of a
			// report: what the general rules below make of it, without
			// their table searches.
			if loose && l == 'ı' {
				l = 'i'
			}
			if gap && b.Len() > 0 {
				b.WriteByte(' ')
			}
			gap = false
			b.WriteRune(l)
			continue
		}
		r = Fold(unicode.AzeriCase.ToLower(r))
		if loose && r == 'ı' {
			r = 'i'
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if gap && b.Len() > 0 {
				b.WriteByte(' ')
			}
			gap = false
			b.WriteRune(r)
		case unicode.Is(unicode.M, r):
			// A mark left over after NFC carries no letter of its own.
		default:
			gap = true
		}
	}
	return b.String()
}

// azLower returns the lower case of r by Azerbaijani rules when r is one
// of the non-ASCII Azerbaijani letters or İ, and ok.
func azLower(r rune) (l rune, ok bool) {
	switch r {
	case 'ə', 'ı', 'ş', 'ç', 'ğ', 'ö', 'ü':
		return r, true
	case 'Ə':
		return 'ə', true
	case 'İ':
		return 'i', true
	case 'Ş':
		return 'ş', true
	case 'Ç':
		return 'ç', true
	case 'Ğ':
		return 'ğ', true
	case 'Ö':
		return 'ö', true
	case 'Ü':
		return 'ü', true
	}
	return r, false
}
