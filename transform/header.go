package transform

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
)

// role is what a table column holds.
type role int

const (
	none role = iota
	number
	title
	executor
	term
	work
	// note is a column of remarks ("Qeyd"): recognised as a column name,
	// but not a measure field, so its cells are kept as extras.
	note
	nRoles
)

// stems are the words by which a header cell names its column, as
// headerWords writes them. A stem of four letters or more matches any word
// it begins ("icraci" matches "icracilar"); a shorter one only the word
// itself ("n", "adi", "isler"), since short stems begin unrelated words.
var stems = []struct {
	stem string
	role role
}{
	{"sira", number}, {"nomre", number}, {"n", number}, {"no", number}, {"nsi", number},
	{"tedbir", title}, {"adi", title}, {"ad", title}, {"mezmun", title},
	{"icraci", executor}, {"mesul", executor}, {"qurum", executor}, {"eden", executor}, {"orqan", executor}, {"teskilat", executor},
	{"muddet", term}, {"vaxt", term}, {"tarix", term}, {"muhlet", term},
	{"gorul", work}, {"is", work}, {"isi", work}, {"isler", work}, {"heyata", work}, {"kecir", work},
	{"veziyyet", work}, {"netice", work}, {"icrasi", work}, {"melumat", work},
	{"qeyd", note}, {"izah", note},
}

// Header cells longer than this, in letters, are prose rather than a
// column's name: it keeps a sentence that happens to hold "işlər" or
// "tədbir" from being read as a label, and a continuation line from being
// read as the next line of a header cell.
const maxLabel = 40

// A run of labels, a whole header run into one cell ("Sıra İcra Tədbirin
// adı Görülmüş işlər N-si müddəti", 42 letters; 55 for six columns), is at
// most this long.
const maxLabels = 2 * maxLabel

// headerWords folds a header cell to words of ASCII letters and digits:
// look-alikes and case by aztext.LooseKey, then the Azerbaijani letters to
// their bare forms, so that headings typed without them ("Icra muddeti")
// match too. "№" reads as "nomre" (aztext.LooseKey drops it); other
// punctuation separates words. It returns nil for text of more than limit
// letters and digits (see maxLabel and maxLabels).
func headerWords(text string, limit int) []string {
	if !short(text, limit) {
		return nil
	}
	var words []string
	var b strings.Builder
	end := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, r := range aztext.LooseKey(strings.ReplaceAll(text, "№", " nömrə ")) {
		switch r {
		case 'ə':
			r = 'e'
		case 'ü':
			r = 'u'
		case 'ö':
			r = 'o'
		case 'ş':
			r = 's'
		case 'ç':
			r = 'c'
		case 'ğ':
			r = 'g'
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else {
			end()
		}
	}
	end()
	return words
}

// short reports whether text has at most limit letters and digits,
// counting "№" as the five of "nömrə", without folding it: most cells are
// prose, and this keeps headerWords from folding all of it.
func short(text string, limit int) bool {
	n := 0
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf: // ASCII, without the unicode tables
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
				n++
			}
		case r == '№':
			n += 5
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			n++
		}
		if n > limit {
			return false
		}
	}
	return true
}

// stemRole returns the role a header word names, or none.
func stemRole(w string) role {
	for _, s := range stems {
		if w == s.stem || (len(s.stem) >= 4 && strings.HasPrefix(w, s.stem)) {
			return s.role
		}
	}
	return none
}

// roleScores scores a header cell for each role: one point for each word
// naming the role, two for the last such word. In an Azerbaijani noun
// phrase the last word is the head ("Tədbirin icrası" is an execution,
// "İcra müddəti" a period, "Məsul qurum" a body), and the words before it
// modify it. A cell in which fewer than a third of the words name a role
// scores nothing: it is text that happens to hold a short stem ("ad", "n"),
// such as letters of a vertical heading read one by one, not a label.
func roleScores(text string) (sc [nRoles]int) {
	words := headerWords(text, maxLabel)
	var buf [16]role
	roles := buf[:0] // each word's stemRole
	head, named := -1, 0
	for i, w := range words {
		if roles = append(roles, stemRole(w)); roles[i] != none {
			head = i
			named++
		}
	}
	if 3*named < len(words) {
		return sc
	}
	for i, r := range roles {
		if r != none {
			sc[r]++
			if i == head {
				sc[r]++
			}
		}
	}
	return sc
}

// best returns the role with the highest score and the score; none, 0 when
// no role scores. Ties go to the role listed first.
func best(sc [nRoles]int) (role, int) {
	r, top := none, 0
	for i := number; i < nRoles; i++ {
		if sc[i] > top {
			r, top = i, sc[i]
		}
	}
	return r, top
}

// roleOf names the column a header cell stands for: "Sıra N-si", "№"
// (number), "Tədbirin adı", "Tədbirlər" (title), "Məsul icraçı", "Məsul
// qurum", "İcra edən qurum" (executor), "İcra müddəti" (term), "Görülmüş
// işlər", "Həyata keçirilmiş işlər", "İcra vəziyyəti" (work done), "Qeyd"
// (note).
func roleOf(text string) role {
	r, _ := best(roleScores(text))
	return r
}

// headerRoles maps grid columns to roles when texts are a table header's:
// each column takes its best-scoring role, and when several columns claim
// one role the highest score keeps it (the first on a tie) and the others
// get none, so that their cells are kept as extras. The header must name
// the title column and at least one more, and hold no measure number; ok
// is false otherwise.
func headerRoles(texts []string) (cols []role, ok bool) {
	scores := make([]int, len(texts))
	owner := [nRoles]int{}
	for i := range owner {
		owner[i] = -1
	}
	for i, t := range texts {
		if _, isNum := hesabat.MeasureNumber(t); isNum {
			return nil, false // a measure row
		}
		r, sc := best(roleScores(t))
		cols, scores[i] = append(cols, r), sc
		if r == none {
			continue
		}
		if o := owner[r]; o >= 0 && scores[o] >= sc {
			cols[i] = none
			continue
		} else if o >= 0 {
			cols[o] = none
		}
		owner[r] = i
	}
	n := 0
	for _, o := range owner[number:] {
		if o >= 0 {
			n++
		}
	}
	return cols, owner[title] >= 0 && n >= 2
}

// named counts the columns whose role is known.
func named(cols []role) int {
	n := 0
	for _, r := range cols {
		if r != none {
			n++
		}
	}
	return n
}
