package aztext

// lexicon holds lemmas the noun analyser never cuts into (see AnalyzeNoun)
// and after which it accepts a bare dative -a/-ə ("metrə", "sentnerə").
// Sources:
//   - units: the long and short unit names of the CLDR Azerbaijani locale
//     (unicode-org/cldr, common/main/az.xml, <units>): kilometr km, metr m,
//     sm, millimetr mm, dm, hektar, ton t tn, kiloqram kq, qram, litr,
//     il, ay, həftə, gün, saat, dəqiqə, saniyə, əsr; the derived square and
//     cubic names as written in Azerbaijani statistics releases
//     (kvadratmetr, kubmetr); sentner, the 100 kg unit of crop yields in
//     the State Statistics Committee's agricultural tables;
//   - counters of docs/azerbaijani.md (nəfər, ədəd, dəfə, növ) and faiz;
//   - the short words of the exception list of docs/azerbaijani.md (ad,
//     il, ay, iş) and other one-syllable nouns a suffix cut would ruin;
//   - nouns whose last letters look like a suffix to the rules: vowel + s
//     before which the possessive -ı looks like -sı (iclas), -un/-in/-ın
//     endings that look like a genitive (qanun, maşın), final a/ə that
//     looks like a dative (qayda, maddə), and the Arabic-Persian -i
//     adjectives used as nouns, whose -i looks like a possessive (əcnəbi).
//     No machine-readable public Azerbaijani lexicon is packaged for this
//     machine (Debian has no hunspell-az), so this list is compiled by hand
//     from the grammar notes and kept short: the rules, not the list, carry
//     the analysis.
var lexicon = func() map[string]bool {
	m := map[string]bool{
		// short words
		"ad": true, "iş": true, "su": true, "yer": true, "yaş": true, "bal": true,
		// look-alike endings
		"qanun": true, "məzmun": true, "maşın": true, "benzin": true, "vitamin": true,
		"qayda": true, "maddə": true, "ifadə": true, "istifadə": true, "iradə": true, "fayda": true,
		"ərazi": true, "qapı": true, "ordu": true, "sənaye": true, "əcnəbi": true,
		"bina": true, "kitabxana": true, "xəstəxana": true, "nümayəndə": true,
		"iclas": true, "əsas": true, "status": true, "proses": true, "ixtisas": true,
		"ofis": true, "servis": true, "bonus": true, "atlas": true,
		"sərnişin": true, "qadın": true, "mədən": true, "bədən": true,
		// Arabic-Persian adjectives in -i, not possessives
		"rəsmi": true, "milli": true, "elmi": true, "dini": true, "siyasi": true, "iqtisadi": true,
		"hərbi": true, "tibbi": true, "ictimai": true, "hüquqi": true, "fiziki": true, "ali": true,
	}
	for u := range units {
		m[u] = true
	}
	return m
}()

// maxLexicon is the length in runes of the longest word of lexicon.
var maxLexicon = func() int {
	n := 0
	for w := range lexicon {
		n = max(n, runeLen(w))
	}
	return n
}()

// units are the units of measure, time and money and the counter words,
// from the sources listed for lexicon.
var units = map[string]bool{
	"kilometr": true, "km": true, "metr": true, "m": true, "sm": true, "santimetr": true, "millimetr": true,
	"mm": true, "dm": true, "hektar": true, "ha": true, "ton": true, "tn": true, "kiloqram": true,
	"kq": true, "qram": true, "litr": true, "kvadratmetr": true, "kubmetr": true, "sentner": true,
	"il": true, "ay": true, "həftə": true, "gün": true, "saat": true, "dəqiqə": true, "saniyə": true, "əsr": true,
	"nəfər": true, "ədəd": true, "dəfə": true, "növ": true, "faiz": true, "manat": true, "dollar": true,
}

// IsUnit reports whether the lower-cased lemma w is a unit of measure, of
// time or of money, or a counter word (nəfər, ədəd, dəfə, növ): a word that
// names what a number measures by itself and heads no compound ("5 sm
// qalınlığında" counts centimetres).
func IsUnit(w string) bool { return units[w] }

// dropped restores the vowel some nouns lose before a vowel suffix
// (şəkil → şəkli), keyed by the shortened stem.
var dropped = map[string]string{
	"şəkl": "şəkil", "fikr": "fikir", "ağz": "ağız", "oğl": "oğul", "ism": "isim",
	"sinf": "sinif", "nəsl": "nəsil", "fəsl": "fəsil", "qədr": "qədir", "ömr": "ömür", "ağl": "ağıl",
}

// InLexicon reports whether the lower-cased lemma w is one the analyser
// knows as a whole word: a unit of measure (CLDR az), a counter, a short
// word or a noun whose ending looks like a suffix. See lexicon.
func InLexicon(w string) bool { return lexicon[w] }
