package aztext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A light Azerbaijani noun morphology: enough to name what a number counts
// ("iclasında" → "iclas"), to match an agency name in any case
// ("Statistika Komitəsinin" → "Statistika Komitəsi") and to let a search
// word find its suffixed forms. It works on lower-cased words (see Lower).
//
// After a noun come, in this order: a plural (-lar/-lər), a 3rd-person
// possessive (-ı⁴ after a consonant, -sı⁴ after a vowel), a case ending
// (genitive -(n)ın⁴, dative -(y)a², accusative -(n)ı⁴, locative -da²,
// ablative -dan², terminative -(y)a²dək, instrumental -(y)la²), with the pronominal "n" after a
// possessive (iclas-ı-n-da), then the copula -dır⁴ ("tondur"). The
// analyser removes them from the end, checking vowel harmony against the
// stem so that "qanun" does not lose "-un". It never leaves a stem without
// a vowel, never cuts into a word of the lexicon (see lexicon in
// morph_lexicon.go: short words such as ad, il, ay, iş; units; nouns whose
// endings look like suffixes, such as əcnəbi or maşın), and removes a bare
// final -a/-ə only where a dative is known to be there, since countless
// nouns end in a or ə (məsələ, sahə, qayda).

// Noun is a word split at its noun suffixes by AnalyzeNoun.
type Noun struct {
	// Stem is the lemma, the nominative singular: "iclas" for "iclasında",
	// "bayraq" for "bayrağı", "şəkil" for "şəkli".
	Stem string
	// Head is the word without its case ending and copula, its
	// 3rd-person possessive kept: "iclası" for "iclasında", "komitəsi"
	// for "komitəsinin". It is the form the second word of a two-word
	// compound takes in the nominative singular, so a plural before a
	// possessive is dropped ("qurumlarında" → "qurumu"); a plural alone is
	// kept ("rayonlarda" → "rayonlar"), and a 1st or 2nd person plural
	// possessive is dropped ("məktəbimiz" → "məktəb").
	Head string
	// Possessive reports that a 3rd-person possessive (or the accusative
	// -ı⁴, which looks the same) was removed.
	Possessive bool
	// Plural reports that -lar/-lər was removed.
	Plural bool
	// Case is the case ending removed, if any, as written: "da", "nın",
	// "nda", "dan", "ya", "ə", "adək", "la", "yla", …
	Case string
	// Copula reports that a final -dır⁴ ("is") was removed: "tondur".
	Copula bool
}

// Bare reports whether the word carried no suffix at all.
func (n Noun) Bare() bool {
	return !n.Possessive && !n.Plural && !n.Copula && n.Case == "" && n.Stem == n.Head
}

// Words is a set of lower-cased word forms, usually those of one document.
// AnalyzeNounIn consults it for evidence about a stem.
type Words interface {
	Has(word string) bool
}

// WordSet is a Words built from a text.
type WordSet map[string]bool

// NewWordSet returns the lower-cased words (runs of letters) of text.
func NewWordSet(text string) WordSet {
	ws := WordSet{}
	for _, f := range strings.FieldsFunc(Lower(text), func(r rune) bool { return !isLetter(r) }) {
		ws[f] = true
	}
	return ws
}

// Has reports whether w is in the set.
func (s WordSet) Has(w string) bool { return s[w] }

// Stem returns the lemma of the lower-cased noun w: AnalyzeNoun(w, false).Stem.
// "iclasında" → "iclas", "əməkdaşının" → "əməkdaş", "əcnəbi" → "əcnəbi".
func Stem(w string) string { return AnalyzeNoun(w, false).Stem }

// StripCase returns the Head of the lower-cased noun w (see Noun.Head):
// w without its case ending and copula, its possessive kept, for the head
// of a compound: "komitəsinin" → "komitəsi", "bankın" → "bank",
// "təminatında" → "təminatı".
func StripCase(w string) string { return AnalyzeNoun(w, false).Head }

// StripCasePhrase returns the noun phrase s with the case ending and
// copula of its last word removed, keeping the spelling and capitals of
// the text, for agency and other names that head a phrase in any case:
// "Dövlət Statistika Komitəsinin" → "Dövlət Statistika Komitəsi", "Mərkəzi
// Bankın" → "Mərkəzi Bank". s need not be lower-cased; punctuation and
// spaces after the last word are dropped. A phrase that ends in a number
// ("Agentlik 2") has no case ending to remove and is returned as it is.
func StripCasePhrase(s string) string {
	end := len(s)
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if isLetter(r) {
			break
		}
		if unicode.IsDigit(r) {
			return s
		}
		end -= size
	}
	start := end
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !isLetter(r) {
			break
		}
		start -= size
	}
	word := s[start:end]
	keep := runeLen(StripCase(Lower(word)))
	b := 0
	for k := 0; k < keep && b < len(word); k++ {
		_, size := utf8.DecodeRuneInString(word[b:])
		b += size
	}
	return s[:start] + word[:b]
}

// AnalyzeNoun splits the lower-cased noun w at its suffixes. dative tells
// that the context asks for a dative ("nəfərə yaxın", "N-ə qədər"): only
// then, or when the rest is a word of the lexicon ("metrə", "sentnerə"),
// is a bare final -a/-ə removed. It is AnalyzeNounIn without a document.
func AnalyzeNoun(w string, dative bool) Noun { return AnalyzeNounIn(w, dative, nil) }

// AnalyzeNounIn is AnalyzeNoun with the words of the document w comes from
// as evidence (doc may be nil):
//   - a final -ı⁴ or -sı⁴ is not taken for a possessive when the document
//     also has the word with a plural after it ("dərilər": the plural comes
//     before a possessive, so "dəri" is the stem);
//   - a bare final -a/-ə is a dative when the document has the word without
//     it ("metr" beside "metrə");
//   - the instrumental -la/-lə after an l is removed only when the document
//     has the word without it ("interval" beside "intervalla"; "məhəllə"
//     stays);
//   - a stem of two or more syllables that ends in ğ, or in y after a front
//     vowel, before a vowel suffix is restored to q or k (bayrağı → bayraq,
//     dəyişikliyin → dəyişiklik) unless the document has that stem as a
//     word of its own ("xokkey" beside "xokkeyi").
func AnalyzeNounIn(w string, dative bool, doc Words) Noun {
	r := []rune(w)
	if len(r) < 2 {
		return Noun{Stem: w, Head: w}
	}
	// floor is the length of the longest lexicon word w starts with.
	floor, k := 2, 0
	for b := range w {
		if k >= 2 && k <= maxLexicon && lexicon[w[:b]] {
			floor = k
		}
		k++
	}
	if k <= maxLexicon && lexicon[w] {
		floor = k
	}
	// fits reports whether removing k runes leaves a long enough stem with a vowel.
	fits := func(k int) bool { return len(r)-k >= floor && syllables(r[:len(r)-k]) > 0 }
	var a Noun
	if k := copulaLen(r); k > 0 && fits(k) {
		r, a.Copula = r[:len(r)-k], true
	}
	if (hasSuffix(r, "dakı") || hasSuffix(r, "dəki")) && fits(4) {
		r = r[:len(r)-2] // "ildəki" → "ildə"
	}
	has := func(s string) bool { return doc != nil && doc.Has(s) }
	a.Case = caseEnding(r, dative, fits, has)
	r = r[:len(r)-runeLen(a.Case)]
	a.Head = string(r)

	n := len(r)
	// After a case ending with the buffer y (ölkə-yə, çağrı-ya) the vowel
	// before is the stem's: a possessive would take the pronominal n.
	afterY := strings.HasPrefix(a.Case, "y")
	// A pronominal n (iclas-ı-n-da, misl-i-n-dən) follows only a possessive.
	afterN := n >= 2 && isHigh(r[n-1]) && (strings.HasPrefix(a.Case, "n") && a.Case != "nın" && a.Case != "nin" &&
		a.Case != "nun" && a.Case != "nün" && a.Case != "nı" && a.Case != "ni" && a.Case != "nu" && a.Case != "nü")
	switch {
	case afterY:
	case afterN && n >= 3 && r[n-2] == 'l' && !IsVowel(r[n-3]) && fits(1) && !has(string(r)+pluralAfter(r)):
		r, a.Possessive = r[:n-1], true // misl-i-n-dən, not the adjective -li
	case n >= 5 && plural12(r) > 0 && fits(plural12(r)):
		k := plural12(r) // 1st/2nd person plural possessive: məktəbimiz
		r, a.Possessive = r[:n-k], true
		a.Head = string(r)
	case (hasSuffix(r, "ları") || hasSuffix(r, "ləri")) && fits(4) && harmony2(lastVowel(r[:n-4]), r[n-3]):
		a.Head = string(r[:n-4]) + string(r[n-1])
		r, a.Possessive, a.Plural = r[:n-4], true, true
	case n >= 3 && r[n-2] == 's' && isHigh(r[n-1]) && IsVowel(r[n-3]) && fits(2) && harmony4(lastVowel(r[:n-2]), r[n-1]) &&
		!has(string(r)+pluralAfter(r)):
		r, a.Possessive = r[:n-2], true // məsələsi
	case n >= 3 && isHigh(r[n-1]) && !IsVowel(r[n-2]) && fits(1) && harmony4(lastVowel(r[:n-1]), r[n-1]) &&
		r[n-2] != 'ç' && !(r[n-2] == 'c' && isHigh(r[n-3])) && !((r[n-2] == 'g' || r[n-2] == 'ğ') && !IsVowel(r[n-3])) &&
		!(r[n-2] == 'l' && !IsVowel(r[n-3]) && dropped[string(r[:n-1])] == "") && !has(string(r)+pluralAfter(r)):
		// ç+i and -ıcı⁴ are agent suffixes (iştirakçı, ötürücü); consonant+gi/ğu a deverbal
		// noun (vergi, sorğu); consonant+lı an adjective (yerli, yaşlı):
		// none is a possessive. The document's own plural of the word
		// (əcnəbilər) shows that its final vowel is part of the stem.
		r, a.Possessive = r[:n-1], true
	}
	n = len(r)
	if (hasSuffix(r, "lar") || hasSuffix(r, "lər")) && fits(3) && harmony2(lastVowel(r[:n-3]), r[n-2]) {
		r, a.Plural = r[:n-3], true
	}
	if full := []rune(w); len(r) < len(full) && IsVowel(full[len(r)]) {
		// a vowel suffix followed the stem
		if rr := restoreConsonant(r); rr[len(rr)-1] != r[len(r)-1] && !has(string(r)) {
			r = rr
		}
	}
	a.Stem = string(r)
	if a.Stem != w {
		if full, ok := dropped[a.Stem]; ok {
			a.Stem = full
		}
	}
	return a
}

// AttributiveBase splits an adjective made from a noun with -lı⁴ or -lıq⁴,
// as written after a number ("36 kilometrlik yol", "12 yaşlı", "62 milyard
// manatlıq", "6 aylıq"), and returns the noun: "kilometr", "yaş", "manat",
// "ay". Case endings after the suffix are removed first ("aylığında").
// ok is false when w has no such suffix or is an abstract noun: when the
// rest ends in an adjective-forming suffix (dəyişik-lik, uğursuz-luq,
// məhsuldar-lıq, iştirakçı-lıq) or would have no vowel. The noun is not
// analysed further: the base of -lıq is a bare noun.
func AttributiveBase(w string) (string, bool) {
	tail := w[max(0, len(w)-14):] // -lığından, the longest ending, fits in 14 bytes
	if !strings.Contains(tail, "lı") && !strings.Contains(tail, "li") && !strings.Contains(tail, "lu") && !strings.Contains(tail, "lü") {
		return "", false
	}
	a := AnalyzeNoun(w, false)
	r := []rune(a.Head)
	n := len(r)
	var base []rune
	switch {
	case a.Possessive && a.Stem != a.Head && strings.HasPrefix(a.Case, "n") && n >= 3 && r[n-2] == 'l':
		return "", false // misl-i-n-dən: the pronominal n shows a possessive, not -lı
	case n >= 4 && r[n-3] == 'l' && isHigh(r[n-2]) && (r[n-1] == 'q' || r[n-1] == 'k') && (r[n-1] == 'k') == isFront(r[n-2]):
		base = r[:n-3] // kilometrlik
	case n >= 5 && r[n-4] == 'l' && isHigh(r[n-3]) && (r[n-2] == 'ğ' || r[n-2] == 'y') && isHigh(r[n-1]):
		base = r[:n-4] // aylığı: the possessive of aylıq
	case n >= 3 && r[n-2] == 'l' && isHigh(r[n-1]):
		base = r[:n-2] // yaşlı
	default:
		return "", false
	}
	if syllables(base) == 0 || !harmony4(lastVowel(base), r[len(base)+1]) {
		return "", false
	}
	s := string(base)
	for _, suf := range adjectiveSuffixes {
		if strings.HasSuffix(s, suf) && len(s) > len(suf) && !lexicon[s] {
			return "", false
		}
	}
	return s, true
}

// adjectiveSuffixes end adjectives and agent nouns, from which -lıq forms
// abstract nouns rather than "worth N" adjectives.
var adjectiveSuffixes = []string{
	"ıq", "ik", "uq", "ük", "sız", "siz", "suz", "süz", "maz", "məz", "dar", "kar", "gar",
	"çı", "çi", "çu", "çü", "lı", "li", "lu", "lü", "cıl", "cil",
}

// plural12 returns the length of a 1st or 2nd person plural possessive at
// the end of r (-ımız⁴/-mız⁴, -ınız⁴/-nız⁴: "məktəbimiz", "ailəniz"), or 0.
func plural12(r []rune) int {
	n := len(r)
	if n < 5 || r[n-1] != 'z' || !isHigh(r[n-2]) || (r[n-3] != 'm' && r[n-3] != 'n') || r[n-2] != r[n-4] && IsVowel(r[n-4]) {
		return 0
	}
	if !harmony4(lastVowel(r[:n-3]), r[n-2]) {
		return 0
	}
	if isHigh(r[n-4]) && r[n-4] == r[n-2] && !IsVowel(r[n-5]) {
		return 4 // məktəb-imiz
	}
	if IsVowel(r[n-4]) {
		return 3 // ailə-miz
	}
	return 0
}

// pluralAfter returns the plural suffix that follows the stem r.
func pluralAfter(r []rune) string {
	if isFront(lastVowel(r)) {
		return "lər"
	}
	return "lar"
}

// copulaLen returns the length in runes of a final copula -dır⁴ on r, or 0
// when there is none or the rest is a verb form (-mış⁴, -ıb⁴, -acaq/-əcək,
// -malı/-məli, -maqda/-məkdə, -ır⁴: "edilmişdir", "artıbdır").
func copulaLen(r []rune) int {
	n := len(r)
	if n < 4 || r[n-3] != 'd' || r[n-1] != 'r' || !isHigh(r[n-2]) || !harmony4(lastVowel(r[:n-3]), r[n-2]) {
		return 0
	}
	rest := string(r[:n-3])
	for _, v := range verbEnds {
		if strings.HasSuffix(rest, v) {
			return 0
		}
	}
	return 3
}

// verbEnds end the verb forms that take the copula.
var verbEnds = []string{
	"mış", "miş", "muş", "müş", "ıb", "ib", "ub", "üb", "acaq", "əcək", "malı", "məli", "maqda", "məkdə",
}

// VowelHarmony reports whether the first vowel of suffix, one of a e ə ı i
// o ö u ü, may follow the last vowel of stem by two-way harmony (back a ı o
// u, front e ə i ö ü): "min"+"dən", "yüz"+"ə".
func VowelHarmony(stem, suffix string) bool {
	return harmony2(lastVowel([]rune(stem)), firstVowel([]rune(suffix)))
}

// IsVowel reports whether r is an Azerbaijani vowel, either case.
func IsVowel(r rune) bool { return strings.ContainsRune("aıoueəiöüAIOUEƏİÖÜ", r) }

// isHigh reports whether r is one of the four vowels of the possessive and
// accusative endings.
func isHigh(r rune) bool { return r == 'ı' || r == 'i' || r == 'u' || r == 'ü' }

func isFront(r rune) bool { return r == 'e' || r == 'ə' || r == 'i' || r == 'ö' || r == 'ü' }

// lastVowel returns the last vowel of r, or 0.
func lastVowel(r []rune) rune {
	for i := len(r) - 1; i >= 0; i-- {
		if IsVowel(r[i]) {
			return r[i]
		}
	}
	return 0
}

// firstVowel returns the first vowel of r, or 0.
func firstVowel(r []rune) rune {
	for _, c := range r {
		if IsVowel(c) {
			return c
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

// harmony2 reports whether the suffix vowel s follows the stem vowel v by
// front/back harmony.
func harmony2(v, s rune) bool {
	if v == 0 || s == 0 {
		return false
	}
	return isFront(v) == isFront(s)
}

// syllables counts the vowels of r.
func syllables(r []rune) int {
	n := 0
	for _, c := range r {
		if IsVowel(c) {
			n++
		}
	}
	return n
}

func hasSuffix(r []rune, suf string) bool {
	i := len(r)
	for len(suf) > 0 {
		c, size := utf8.DecodeLastRuneInString(suf)
		if i == 0 || r[i-1] != c {
			return false
		}
		i--
		suf = suf[:len(suf)-size]
	}
	return true
}

// runeLen returns the number of runes of s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

var (
	// pronominal case endings: after a possessive they take an "n".
	pronominal = []string{"nadək", "nədək", "ndan", "ndən", "nda", "ndə", "na", "nə"}
	// afterVowel are genitive and accusative endings after a vowel. After e
	// or ə they are the ending (məsələnin); after a possessive vowel too
	// (əməkdaş-ı-nın). Otherwise they are read as a stem in -n with a
	// possessive or genitive ("fərmanı", "orqanın", "günü") unless the stem
	// is a loan in -ya (komissiyanın) or in the lexicon (qaydanın).
	afterVowel = []string{"nın", "nin", "nun", "nün", "nı", "ni", "nu", "nü"}
	// plainCases are locative, ablative and terminative endings; the
	// terminative -dək keeps ə whatever the stem, so its harmony is that
	// of the dative vowel before it (yaş-a-dək).
	plainCases = []string{"yadək", "yədək", "adək", "ədək", "dək", "dan", "dən", "da", "də"}
	// genitive endings after a consonant.
	genitive = []string{"ın", "in", "un", "ün"}
)

// caseEnding returns the case ending at the end of r, or "". has reports
// whether the document has a word.
func caseEnding(r []rune, dative bool, fits func(int) bool, has func(string) bool) string {
	n := len(r)
	for _, s := range pronominal {
		k := runeLen(s)
		if hasSuffix(r, s) && fits(k+1) && isHigh(r[n-k-1]) {
			return s
		}
	}
	for _, s := range afterVowel {
		k := runeLen(s)
		if hasSuffix(r, s) && fits(k) && IsVowel(r[n-k-1]) && harmony4(r[n-k-1], lastVowel([]rune(s))) &&
			(r[n-k-1] == 'ə' || r[n-k-1] == 'e' || isHigh(r[n-k-1]) && syllables(r[:n-k-1]) > 0 ||
				r[n-k-1] == 'a' && r[n-k-2] == 'y' || lexicon[string(r[:n-k])]) {
			return s
		}
	}
	for _, s := range plainCases {
		k := runeLen(s)
		if hasSuffix(r, s) && fits(k) && harmony2(lastVowel(r[:n-k]), firstVowel([]rune(s))) {
			return s
		}
	}
	for _, s := range genitive {
		if hasSuffix(r, s) && fits(2) && !IsVowel(r[n-3]) && harmony4(lastVowel(r[:n-2]), lastVowel([]rune(s))) {
			return s
		}
	}
	if (hasSuffix(r, "la") || hasSuffix(r, "lə")) && fits(2) && n >= 5 && !IsVowel(r[n-3]) && harmony2(lastVowel(r[:n-2]), r[n-1]) &&
		(r[n-3] != 'l' || has(string(r[:n-2])) || lexicon[string(r[:n-2])]) {
		// the instrumental -la/-lə (the clitic ilə): "qatarla"; after l
		// only with evidence, since "məhəllə" and "molla" end so; after a
		// vowel it is -yla/-ylə
		return string(r[n-2:])
	}
	if (hasSuffix(r, "yla") || hasSuffix(r, "ylə")) && fits(3) && IsVowel(r[n-4]) && harmony2(lastVowel(r[:n-3]), r[n-1]) {
		return string(r[n-3:])
	}
	if (hasSuffix(r, "ya") || hasSuffix(r, "yə")) && fits(2) && IsVowel(r[n-3]) &&
		(r[n-3] != 'i' || r[n-1] == 'ə' && r[n-4] != 'y') && harmony2(lastVowel(r[:n-2]), r[n-1]) {
		return string(r[n-2:]) // ölkəyə, kişiyə; not the loans in -iya, -iyyə (komissiya, nəzəriyyə)
	}
	if (r[n-1] == 'a' || r[n-1] == 'ə') && fits(1) && !IsVowel(r[n-2]) && harmony2(lastVowel(r[:n-1]), r[n-1]) &&
		(dative || lexicon[string(r[:n-1])] || has(string(r[:n-1])) || r[n-2] == 'ğ' && syllables(r[:n-1]) >= 2 ||
			r[n-2] == 't' && (r[n-3] == 'a' || r[n-3] == 'ə') && fits(3)) {
		// Nouns in -at/-ət (müraciət, təşkilat) end in a consonant, so a
		// final a/ə after them is a dative: "4 şikayətə". No word of two
		// or more syllables ends in ğ, so "uşağa" is uşaq with a dative.
		return string(r[n-1:])
	}
	return ""
}

// restoreConsonant undoes the softening of a final q or k before a vowel
// suffix in words of two or more syllables: bayrağ → bayraq,
// dəyişikliy → dəyişiklik. Azerbaijani spells no word of two or more
// syllables with a final ğ, and front-vowel words in final y are rare
// loans (a document that has the word bare keeps it, see AnalyzeNounIn).
func restoreConsonant(r []rune) []rune {
	n := len(r)
	if n < 3 || syllables(r) < 2 || !IsVowel(r[n-2]) {
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

// isLetter reports whether r belongs to a word for NewWordSet.
func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }
