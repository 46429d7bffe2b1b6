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

// LooseKeyOf returns LooseKey(s) from Key(s), without normalising s
// again: LooseKeyOf(Key(s)) == LooseKey(s).
func LooseKeyOf(key string) string {
	return strings.ReplaceAll(key, "ı", "i")
}

// BareKey is LooseKey with the Azerbaijani letters written without their
// marks (ə→e, ı→i, ö→o, ü→u, ş→s, ç→c, ğ→g), as text typed on a keyboard
// without them reads: BareKey("Müddəti") == BareKey("muddeti"). It is for
// finding such text, never for storing or showing it.
func BareKey(s string) string {
	return BareKeyOf(Key(s))
}

// BareKeyOf returns BareKey(s) from Key(s), without normalising s again:
// BareKeyOf(Key(s)) == BareKey(s). It returns key itself when nothing
// changes.
func BareKeyOf(key string) string {
	var b []byte // nil while nothing has changed
	done := 0    // key[:done] is in b
	for i := 0; i < len(key); {
		c := key[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if i+1 < len(key) {
			if m := bareByte(c, key[i+1]); m != 0 {
				if b == nil {
					b = make([]byte, 0, len(key))
				}
				b = append(append(b, key[done:i]...), m)
				i += 2
				done = i
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(key[i:])
		if r == utf8.RuneError && n == 1 {
			// Not UTF-8, which no key is: strings.Map's U+FFFD for the
			// byte, as BareKeyOf always gave.
			return strings.Map(bareLoose, key)
		}
		i += n
	}
	if b == nil {
		return key
	}
	return string(append(b, key[done:]...))
}

// bareByte returns bareLoose of the rune whose UTF-8 is the two bytes c
// and d, when it changes it (each letter it changes is two bytes long),
// and 0 otherwise.
func bareByte(c, d byte) byte {
	if c&0xe0 != 0xc0 || d&0xc0 != 0x80 {
		return 0 // not a two-byte rune
	}
	return bareTwo[c&0x1f][d&0x3f]
}

// bareTwo holds bareByte of every rune of two bytes, by the low bits of its
// bytes: what bareLoose makes of it when it changes it, 0 otherwise.
var bareTwo = func() (t [32][64]byte) {
	for r := rune(0x80); r < 0x800; r++ {
		if m := bareLoose(r); m != r {
			t[r>>6][r&0x3f] = byte(m)
		}
	}
	return t
}()

// bareLoose is bare after LooseKey: ı is i.
func bareLoose(r rune) rune {
	if r == 'ı' {
		return 'i'
	}
	return bare(r)
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

// key returns Key(s), or LooseKey(s) when loose. Text that Normalize
// leaves as it is but for white space (printable ASCII, ASCII white space
// and the runes plain takes, as scan tells) it keys as it reads it: a run
// of white space is one gap between words anyway. At the first rune of
// other text it starts again from Normalize(s) (keyNormal).
func key(s string, loose bool) string {
	var b strings.Builder
	b.Grow(len(s))
	gap := false
	for i := 0; i < len(s); {
		// A run of runes that are their own key: ASCII lower-case letters
		// and digits and the lower-case Azerbaijani letters (but for ı in
		// a LooseKey), the most of a report's text, and each single space
		// after one of them and before a lower-case letter or digit: the
		// key writes that letter (ı too) right after one space.
		j := i
		for j < len(s) {
			if asciiClass[s[j]] == lowerOrDigit {
				j++
			} else if LowerLetterAt(s, j) && !(loose && s[j] == 0xc4 && s[j+1] == 0xb1) {
				j += 2
			} else if s[j] == ' ' && j > i && j+1 < len(s) && (asciiClass[s[j+1]] == lowerOrDigit || LowerLetterAt(s, j+1)) {
				j++
			} else {
				break
			}
		}
		if j > i {
			if gap && b.Len() > 0 {
				b.WriteByte(' ')
			}
			gap = false
			b.WriteString(s[i:j])
			i = j
			continue
		}
		c := s[i]
		switch asciiClass[c] {
		case upper:
			if gap && b.Len() > 0 {
				b.WriteByte(' ')
			}
			gap = false
			switch {
			case c != 'I':
				b.WriteByte(c + 'a' - 'A')
			case loose:
				b.WriteByte('i')
			default:
				b.WriteString("ı") // I lowers to ı by Azerbaijani rules
			}
			i++
			continue
		case gapASCII:
			gap = true // punctuation, symbols and white space
			i++
			continue
		case control: // Normalize drops it
			return keyNormal(Normalize(s), loose)
		}
		r, n := rune(c&0x1f)<<6|rune(s[min(i+1, len(s)-1)]&0x3f), 2
		if c < 0xc2 || c >= 0xe0 || i+1 == len(s) || s[i+1]&0xc0 != 0x80 {
			r, n = utf8.DecodeRuneInString(s[i:]) // not a valid rune of two bytes
		}
		if !plain(r) {
			return keyNormal(Normalize(s), loose)
		}
		if l, ok := azLower(r); ok {
			if gap && b.Len() > 0 {
				b.WriteByte(' ')
			}
			gap = false
			switch {
			case loose && l == 'ı':
				b.WriteByte('i')
			case l == r:
				b.WriteString(s[i : i+n])
			default:
				b.WriteRune(l)
			}
		} else {
			gap = true // the plain runes other than letters are punctuation
		}
		i += n
	}
	return b.String()
}

// Classes of bytes for key: ASCII letters and digits, ASCII punctuation,
// symbols and white space (gaps between words), ASCII control characters
// (which Normalize drops), and the bytes of other runes (0).
const (
	lowerOrDigit = 1 + iota
	upper
	gapASCII
	control
)

var asciiClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			t[c] = lowerOrDigit
		case 'A' <= c && c <= 'Z':
			t[c] = upper
		case c > ' ' && c < 0x7f || c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			t[c] = gapASCII
		default:
			t[c] = control
		}
	}
	return t
}()

// keyNormal returns Key(s), or LooseKey(s) when loose, of s as
// Normalize returns it.
func keyNormal(s string, loose bool) string {
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
