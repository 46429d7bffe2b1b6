package aztext

import (
	"unicode"
	"unicode/utf8"
)

// isAzerbaijani decides from the evidence counts whether ä/Ä in a text
// stands for ə/Ə (the 1991 alphabet, Windows-1254 files): only when the
// Azerbaijani evidence outweighs the German evidence tenfold. A field or
// short paragraph therefore needs some Azerbaijani evidence and none
// German, while a long document survives a stray "die" or "von" in a
// quotation. A German name inside an otherwise Azerbaijani text is folded
// too (see BUG in doc.go).
func isAzerbaijani(az, de int) bool {
	return az > 10*de
}

// azWords are common Azerbaijani words written with ä for ə, or without ə
// at all, that count as Azerbaijani evidence.
var azWords = map[string]bool{
	"vä": true, "ilä": true, "üzrä": true, "üçün": true, "häm": true,
	"hämçinin": true, "barädä": true, "görä": true, "qädär": true,
	"täräfindän": true,
}

// maxWord is the length in bytes of the longest word of azWords and deWords.
const maxWord = len("täräfindän")

// isOrdinal reports whether w is the ordinal suffix -ci/-cı/-cu/-cü.
func isOrdinal(w []byte) bool {
	switch string(w) {
	case "ci", "cı", "cu", "cü":
		return true
	}
	return false
}

// deWords are frequent German words; any of them is German evidence.
var deWords = map[string]bool{
	"und": true, "der": true, "die": true, "das": true, "den": true,
	"dem": true, "des": true, "ein": true, "eine": true, "einen": true,
	"einer": true, "eines": true, "ist": true, "sind": true, "nicht": true,
	"mit": true, "für": true, "von": true, "auf": true, "zu": true,
	"im": true, "sich": true, "auch": true, "oder": true, "wird": true,
	"werden": true, "bei": true, "über": true,
}

// evidence counts Azerbaijani and German evidence in the UTF-8 text b.
// Azerbaijani evidence is each of the letters ə Ə ı İ ğ Ğ ş Ş (in any of
// their forms ә ǝ), each q not followed by u, each word of azWords, and each
// ordinal suffix -ci/-cı/-cu/-cü after a digit ("2022-ci"). German evidence
// is each ß and each word of deWords. Words are compared in lower case.
func evidence(b []byte) (az, de int) {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if !wordRune(r) {
			i += n
			continue
		}
		j := i
		for j < len(b) {
			r, n := utf8.DecodeRune(b[j:])
			if !wordRune(r) {
				break
			}
			switch r {
			case 'ə', 'Ə', 'ә', 'Ә', 'ǝ', 'Ǝ', 'ı', 'İ', 'ğ', 'Ğ', 'ş', 'Ş':
				az++
			case 'ß':
				de++
			case 'q', 'Q':
				if next, _ := utf8.DecodeRune(b[j+n:]); next != 'u' && next != 'U' {
					az++
				}
			}
			j += n
		}
		if j-i <= maxWord {
			var buf [maxWord]byte
			w := buf[:0]
			for _, r := range string(b[i:j]) {
				switch {
				case 'A' <= r && r <= 'Z' && r != 'I':
					r += 'a' - 'A'
				case r >= utf8.RuneSelf || r == 'I':
					r = unicode.AzeriCase.ToLower(r)
				}
				w = utf8.AppendRune(w, r)
			}
			switch {
			case azWords[string(w)]:
				az++
			case deWords[string(w)]:
				de++
			case isOrdinal(w) && i >= 2 && b[i-1] == '-' && b[i-2] >= '0' && b[i-2] <= '9':
				az++
			}
		}
		i = j
	}
	return az, de
}
