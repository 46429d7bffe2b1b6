package facts

import "strings"

// A light stemmer for the nouns that numbers count. After a noun come, in
// order, a plural (-lar/-lər), a 3rd-person possessive (-ı⁴ after a
// consonant, -sı⁴ after a vowel) and a case ending, with a pronominal "n"
// after the possessive (iclas-ı-n-da). The stemmer removes them from the
// end, checking vowel harmony against the stem so that "qanun" (law) does
// not lose "-un", and removes a bare "-a/-ə" only where a dative is expected
// so that "məsələ" keeps its "ə". It keeps a vowel in every stem and never
// cuts into a word of the protected list.

// analysis is a noun split at its suffixes.
type analysis struct {
	stem string // the lemma: "iclas" for "iclasında"
	head string // the word without its case ending, possessive kept: "iclası"
	poss bool   // a 3rd-person possessive (or the look-alike accusative) was removed
	cas  string // the case ending removed, if any: "da", "nın", "dan", "ya", …
}

// bare reports whether the word carried no suffix at all.
func (a analysis) bare() bool { return !a.poss && a.cas == "" && a.stem == a.head }

// protected are lemmas whose endings look like suffixes, or which are too
// short to strip safely; a word starting with one is never cut shorter.
var protected = map[string]bool{
	"ad": true, "il": true, "ay": true, "iş": true, "su": true, "yer": true,
	"qanun": true, "məzmun": true, "maşın": true, "benzin": true, "vitamin": true,
	"qayda": true, "maddə": true, "ifadə": true, "istifadə": true, "iradə": true, "fayda": true,
	"ərazi": true, "qapı": true, "ordu": true, "dollar": true, "sənaye": true,
	"bina": true, "kitabxana": true, "xəstəxana": true, "nümayəndə": true,
	// nouns in vowel + s, whose possessive "-ı" looks like "-sı" after a vowel
	"iclas": true, "əsas": true, "status": true, "proses": true, "ixtisas": true,
	"ofis": true, "servis": true, "bonus": true, "atlas": true,
}

// dropped restores the vowel some nouns lose before a vowel suffix
// (şəkil → şəkli).
var dropped = map[string]string{
	"şəkl": "şəkil", "fikr": "fikir", "ağz": "ağız", "oğl": "oğul", "ism": "isim",
	"sinf": "sinif", "nəsl": "nəsil", "fəsl": "fəsil", "qədr": "qədir", "ömr": "ömür", "ağl": "ağıl",
}

func isVowel(r rune) bool { return strings.ContainsRune("aıoueəiöüAIOUEƏİÖÜ", r) }

// isHigh reports whether r is one of the four vowels of the possessive and
// accusative endings.
func isHigh(r rune) bool { return r == 'ı' || r == 'i' || r == 'u' || r == 'ü' }

func isFront(r rune) bool { return r == 'e' || r == 'ə' || r == 'i' || r == 'ö' || r == 'ü' }

// lastVowel returns the last vowel of r, or 0.
func lastVowel(r []rune) rune {
	for i := len(r) - 1; i >= 0; i-- {
		if isVowel(r[i]) {
			return r[i]
		}
	}
	return 0
}

// harmony4 reports whether the suffix vowel s (ı i u ü) follows the stem vowel v.
func harmony4(v, s rune) bool {
	switch v {
	case 'a', 'ı':
		return s == 'ı'
	case 'e', 'ə', 'i':
		return s == 'i'
	case 'o', 'u':
		return s == 'u'
	case 'ö', 'ü':
		return s == 'ü'
	}
	return false
}

// harmony2 reports whether the suffix vowel s (a ə) follows the stem vowel v.
func harmony2(v, s rune) bool {
	if v == 0 {
		return false
	}
	return isFront(v) == (s == 'ə')
}

// suffixVowel returns the vowel of a suffix, or 0.
func suffixVowel(suf string) rune { return lastVowel([]rune(suf)) }

// syllables counts the vowels of r.
func syllables(r []rune) int {
	n := 0
	for _, c := range r {
		if isVowel(c) {
			n++
		}
	}
	return n
}

func hasSuffix(r []rune, suf string) bool {
	s := []rune(suf)
	if len(s) > len(r) {
		return false
	}
	for i := range s {
		if r[len(r)-len(s)+i] != s[i] {
			return false
		}
	}
	return true
}

var (
	// pronominal case endings: after a possessive they take an "n".
	pronominal = []string{"nadək", "nədək", "ndan", "ndən", "nda", "ndə", "na", "nə"}
	// afterVowel are genitive and accusative endings after a vowel. After e
	// or ə they are the ending (məsələnin); after a possessive vowel too
	// (əməkdaş-ı-nın). Otherwise they are read as a stem in -n with a
	// possessive or genitive ("fərmanı", "orqanın", "günü") unless the stem
	// is a loan in -ya (komissiyanın) or protected (qaydanın).
	afterVowel = []string{"nın", "nin", "nun", "nün", "nı", "ni", "nu", "nü"}
	// plainCases are locative, ablative and terminative endings.
	plainCases = []string{"yadək", "yədək", "adək", "ədək", "dək", "dan", "dən", "da", "də"}
	// genitive endings after a consonant.
	genitive = []string{"ın", "in", "un", "ün"}
)

// analyze splits the lower-cased noun w. dative tells that the context
// expects a dative ("nəfərə yaxın"): only then is a bare "-a/-ə" removed,
// since countless nouns end in a or ə (məsələ, sahə, qayda).
func analyze(w string, dative bool) analysis {
	r := []rune(w)
	floor := 2
	for k := len(r); k >= 2; k-- {
		if protected[string(r[:k])] {
			floor = k
			break
		}
	}
	// fits reports whether removing k runes leaves a long enough stem with a vowel.
	fits := func(k int) bool { return len(r)-k >= floor && syllables(r[:len(r)-k]) > 0 }
	var a analysis
	if (hasSuffix(r, "dakı") || hasSuffix(r, "dəki")) && fits(4) {
		r = r[:len(r)-2] // "ildəki" → "ildə"
	}
	a.cas = caseEnding(r, dative, fits)
	r = r[:len(r)-len([]rune(a.cas))]
	a.head = string(r)

	n := len(r)
	switch {
	case (hasSuffix(r, "ları") || hasSuffix(r, "ləri")) && fits(4) && harmony2(lastVowel(r[:n-4]), r[n-3]):
		a.head = string(r[:n-4]) + string(r[n-1])
		r, a.poss = r[:n-4], true
	case n >= 3 && r[n-2] == 's' && isHigh(r[n-1]) && isVowel(r[n-3]) && fits(2) && harmony4(lastVowel(r[:n-2]), r[n-1]):
		r, a.poss = r[:n-2], true // məsələsi
	case n >= 4 && r[n-2] == 'l' && isHigh(r[n-1]) && !isVowel(r[n-3]) && fits(2) && dropped[string(r[:n-1])] == "" &&
		harmony4(lastVowel(r[:n-2]), r[n-1]):
		r = r[:n-2] // the adjective suffix -lı: "12 yaşlı" → yaş
	case n >= 3 && isHigh(r[n-1]) && !isVowel(r[n-2]) && fits(1) && harmony4(lastVowel(r[:n-1]), r[n-1]) &&
		r[n-2] != 'ç' && !((r[n-2] == 'g' || r[n-2] == 'ğ') && !isVowel(r[n-3])):
		// ç+i is the agent suffix (iştirakçı); consonant+gi/ğu a deverbal
		// noun (vergi, sorğu): neither is a possessive.
		r, a.poss = r[:n-1], true
	}
	n = len(r)
	if (hasSuffix(r, "lar") || hasSuffix(r, "lər")) && fits(3) && harmony2(lastVowel(r[:n-3]), r[n-2]) {
		r = r[:n-3]
	}
	if full := []rune(w); len(r) < len(full) && isVowel(full[len(r)]) {
		r = restoreConsonant(r) // a vowel suffix followed the stem
	}
	a.stem = string(r)
	if a.stem != w {
		if full, ok := dropped[a.stem]; ok {
			a.stem = full
		}
	}
	return a
}

// caseEnding returns the case ending at the end of r, or "".
func caseEnding(r []rune, dative bool, fits func(int) bool) string {
	n := len(r)
	for _, s := range pronominal {
		k := len([]rune(s))
		if hasSuffix(r, s) && fits(k+1) && isHigh(r[n-k-1]) {
			return s
		}
	}
	for _, s := range afterVowel {
		k := len([]rune(s))
		if hasSuffix(r, s) && fits(k) && isVowel(r[n-k-1]) && harmony4(r[n-k-1], suffixVowel(s)) &&
			(r[n-k-1] == 'ə' || r[n-k-1] == 'e' || isHigh(r[n-k-1]) && syllables(r[:n-k-1]) > 0 ||
				r[n-k-1] == 'a' && r[n-k-2] == 'y' || protected[string(r[:n-k])]) {
			return s
		}
	}
	for _, s := range plainCases {
		k := len([]rune(s))
		if hasSuffix(r, s) && fits(k) && harmony2(lastVowel(r[:n-k]), suffixVowel(s)) {
			return s
		}
	}
	for _, s := range genitive {
		if hasSuffix(r, s) && fits(2) && !isVowel(r[n-3]) && harmony4(lastVowel(r[:n-2]), suffixVowel(s)) {
			return s
		}
	}
	if (hasSuffix(r, "ya") || hasSuffix(r, "yə")) && fits(2) && isVowel(r[n-3]) && r[n-3] != 'i' &&
		harmony2(lastVowel(r[:n-2]), r[n-1]) {
		return string(r[n-2:]) // ölkəyə; not the loans in -iya (komissiya)
	}
	if (r[n-1] == 'a' || r[n-1] == 'ə') && fits(1) && !isVowel(r[n-2]) && harmony2(lastVowel(r[:n-1]), r[n-1]) &&
		(dative || r[n-2] == 't' && (r[n-3] == 'a' || r[n-3] == 'ə') && fits(3)) {
		// Nouns in -at/-ət (müraciət, təşkilat) end in a consonant, so a
		// final a/ə after them is a dative: "4 şikayətə".
		return string(r[n-1:])
	}
	return ""
}

// restoreConsonant undoes the softening of a final q or k before a vowel
// suffix in words of two or more syllables: bayrağ → bayraq,
// dəyişikliy → dəyişiklik.
func restoreConsonant(r []rune) []rune {
	n := len(r)
	if n < 3 || syllables(r) < 2 || !isVowel(r[n-2]) {
		return r
	}
	switch {
	case r[n-1] == 'ğ':
		r = append(r[:n-1:n-1], 'q')
	case r[n-1] == 'y' && isFront(r[n-2]):
		r = append(r[:n-1:n-1], 'k')
	}
	return r
}
