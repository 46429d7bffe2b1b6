package aztext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// confusable lists, for each letter OCR misreads in Azerbaijani text, the
// letters it is read as or instead of: ə/e/a (the schwa loses its bowl),
// ı/i/l (the dot comes and goes), ş/s, ğ/g, ç/c (the cedilla, breve), ö/o
// and ü/u (the dots).
var confusable = map[rune][]rune{
	'ə': {'e', 'a'}, 'e': {'ə'}, 'a': {'ə'},
	'ı': {'i', 'l'}, 'i': {'ı', 'l'}, 'l': {'ı', 'i'},
	'ş': {'s'}, 's': {'ş'},
	'ğ': {'g'}, 'g': {'ğ'},
	'ç': {'c'}, 'c': {'ç'},
	'ö': {'o'}, 'o': {'ö'},
	'ü': {'u'}, 'u': {'ü'},
}

// maxRepairs is the most letters OCRLexicon.Repair changes in one word:
// one or two misread diacritics are common; a word needing more is more
// likely another word.
const maxRepairs = 2

// minEvidence is how often the lexicon must hold a repaired form: a form
// seen once may itself be a misreading.
const minEvidence = 2

// OCRLexicon counts the word forms of one document that were read reliably
// (from a text layer, or by OCR with high confidence), lower-cased by
// Azerbaijani rules. It is the evidence Repair needs: a misread letter is
// put right only where the document itself writes the word that way.
// The zero value is not usable; make one with make(OCRLexicon).
type OCRLexicon map[string]int

// Add counts each word of text.
func (lx OCRLexicon) Add(text string) {
	for _, w := range strings.FieldsFunc(text, notWordRune) {
		lx[Lower(w)]++
	}
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) }

// Repair returns text with each word the lexicon does not know replaced by
// the most frequent known form that differs from it only in letters OCR
// confuses (at most maxRepairs of them), keeping the word's capitals.
// Words the lexicon knows, words with no known form seen at least
// minEvidence times, and everything between words stay as they are.
func (lx OCRLexicon) Repair(text string) string {
	var b strings.Builder
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if notWordRune(r) {
			b.WriteString(text[i : i+n])
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if notWordRune(r) {
				break
			}
			j += n
		}
		b.WriteString(lx.repairWord(text[i:j]))
		i = j
	}
	return b.String()
}

func (lx OCRLexicon) repairWord(w string) string {
	low := []rune(Lower(w))
	if lx[string(low)] >= minEvidence {
		return w
	}
	best, bestN := "", minEvidence-1
	var try func(from, changes int)
	try = func(from, changes int) {
		if changes > 0 {
			if n := lx[string(low)]; n > bestN {
				best, bestN = string(low), n
			}
		}
		if changes == maxRepairs {
			return
		}
		for k := from; k < len(low); k++ {
			orig := low[k]
			for _, alt := range confusable[orig] {
				low[k] = alt
				try(k+1, changes+1)
			}
			low[k] = orig
		}
	}
	try(0, 0)
	if best == "" {
		return w
	}
	// Keep the capitals of the word as read.
	out := []rune(best)
	for k, r := range []rune(w) {
		if k < len(out) && unicode.IsUpper(r) {
			out[k] = unicode.AzeriCase.ToUpper(out[k])
		}
	}
	return string(out)
}
