package aztext

import (
	"strings"
	"unicode"
)

// Nominative turns a name in the genitive into the nominative by its last
// word: "Komitəsinin" → "Komitəsi", "Bankın" → "Bank", "KOMİTƏSİNİN" →
// "KOMİTƏSİ". It knows the genitive ending only (-ın/-in/-un/-ün, -nın/-nin/
// -nun/-nün after a vowel) and keeps the possessive before it; a word
// without that ending is returned as it is. Case is kept.
func Nominative(name string) string {
	words := strings.Fields(name)
	if len(words) == 0 {
		return name
	}
	last := []rune(words[len(words)-1])
	low := []rune(Lower(string(last)))
	if len(low) != len(last) {
		return name // a rune whose case change is not one rune: leave it
	}
	n := len(low)
	if n > 4 && low[n-3] == 'n' && isVowel(low[n-4]) && isGenitive(low[n-2:]) {
		last = last[:n-3]
	} else if n > 3 && isGenitive(low[n-2:]) && !isVowel(low[n-3]) && unicode.IsLetter(low[n-3]) {
		last = last[:n-2]
	}
	words[len(words)-1] = string(last)
	return strings.Join(words, " ")
}

func isGenitive(s []rune) bool {
	return len(s) == 2 && s[1] == 'n' && strings.ContainsRune("ıiuü", s[0])
}

func isVowel(r rune) bool { return strings.ContainsRune("aıoueəiöü", r) }
