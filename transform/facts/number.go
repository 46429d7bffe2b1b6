package facts

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/hesabat/hesabat/transform/aztext"
)

// dec is the exact decimal m × 10^e, so that "493,9 mln." becomes 4939 × 10^5
// and not 493.9 × 1e6 with a binary rounding error.
type dec struct {
	m int64
	e int
}

// float returns the float64 nearest to d.
func (d dec) float() float64 {
	if d.e >= 0 {
		return float64(d.m) * math.Pow10(d.e)
	}
	return float64(d.m) / math.Pow10(-d.e)
}

// scale returns d × 10^n.
func (d dec) scale(n int) dec { return dec{d.m, d.e + n} }

// plus returns d + o; ok is false on overflow.
func (d dec) plus(o dec) (dec, bool) {
	if d.e < o.e {
		d, o = o, d
	}
	for d.e > o.e { // bring d down to o's exponent
		if d.m > math.MaxInt64/10 || d.m < math.MinInt64/10 {
			return dec{}, false
		}
		d.m *= 10
		d.e--
	}
	if o.m > 0 && d.m > math.MaxInt64-o.m {
		return dec{}, false
	}
	return dec{d.m + o.m, d.e}, true
}

// integer returns d as an int when it is a whole number below 10^9.
func (d dec) integer() (int, bool) {
	m, e := d.m, d.e
	for e < 0 && m%10 == 0 {
		m /= 10
		e++
	}
	for e > 0 && m < 1e9 {
		m *= 10
		e--
	}
	if e != 0 || m < 0 || m >= 1e9 {
		return 0, false
	}
	return int(m), true
}

// shape says what a run of digits and separators is.
type shape uint8

const (
	plain    shape = iota + 1 // a number: "2278", "3,0", "1.234.567,89", "1 290,7", "4.1"
	dotDate                   // "01.12.2022"
	clock                     // "09:00"
	fraction                  // "1/3"
	other                     // anything else: "1.2.3", "2020,2021,2022"
)

// number is the meaning of a tNum token.
type number struct {
	shape shape
	val   dec    // plain: the value
	whole bool   // plain: written as digits only, no separator
	lead0 bool   // starts with "0" followed by another digit ("012", "09")
	parts [3]int // dotDate: day, month, year; clock: hour, minute; fraction and plain with one dot ("10.00"): the two sides
	dot2  bool   // plain: written as d.dd, which after "saat" is a time
	dot3  bool   // plain: written as d.ddd, read as thousands ("2.500") unless a scale word follows
}

// maxGroups bounds the digit groups kept for one number.
const maxGroups = 8

// scanNumber reads a number starting at the digit s[i] and returns where it
// ends and what it means. Digit groups may be joined by ".", ",", ":", "/"
// and, when they are groups of three after a first group of one to three
// digits ("1 290,7"), by a space of any kind.
func scanNumber(s string, i int) (int, number) {
	var (
		groups [maxGroups]string
		seps   [maxGroups]byte // seps[k] joins groups[k] and groups[k+1]; ' ' for any space
		ng     int
	)
	j := digitsEnd(s, i)
	groups[0], ng = s[i:j], 1
	for ng < maxGroups && j < len(s) {
		c := s[j]
		if (c == '.' || c == ',' || c == ':' || c == '/') && j+1 < len(s) && isDigit(s[j+1]) {
			e := digitsEnd(s, j+1)
			seps[ng-1], groups[ng] = c, s[j+1:e]
			ng++
			j = e
			continue
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		if r == '\n' || !isSpace(r) || !spaceGroupable(groups[:ng], seps[:ng-1]) {
			break
		}
		e := digitsEnd(s, j+w)
		if e-(j+w) != 3 || e < len(s) && (isLetter(rune(s[e])) || s[e] == ':' || s[e] == '/') {
			break
		}
		seps[ng-1], groups[ng] = ' ', s[j+w:e]
		ng++
		j = e
	}
	return j, interpret(groups[:ng], seps[:ng-1])
}

func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// spaceGroupable reports whether a space may join another group of three
// digits to the number read so far: only digits and spaces so far, a first
// group of one to three digits without a leading zero.
func spaceGroupable(groups []string, seps []byte) bool {
	for _, c := range seps {
		if c != ' ' {
			return false
		}
	}
	g := groups[0]
	return len(g) <= 3 && (g[0] != '0' || len(groups) > 1)
}

// interpret gives digit groups joined by separators their meaning. A comma
// followed by digits at the end is a decimal comma; dots, commas or spaces
// between groups of three are thousands separators; a single dot before
// exactly three digits is a thousands separator too ("2.500" = 2500, the
// Azerbaijani standard), any other single dot a decimal point ("4.1").
func interpret(groups []string, seps []byte) number {
	n := number{shape: other, lead0: len(groups[0]) > 1 && groups[0][0] == '0'}
	if len(seps) == 0 {
		n.val, n.shape, n.whole = digitsDec(groups[0], ""), plainOr(len(groups[0]) <= 18), true
		return n
	}
	first := seps[0]
	same := strings.Count(string(seps), string(first)) == len(seps)
	switch {
	case same && first == ':' && len(groups) == 2 && len(groups[1]) == 2 && len(groups[0]) <= 2:
		n.parts[0], n.parts[1] = atoi(groups[0]), atoi(groups[1])
		if n.parts[0] <= 24 && n.parts[1] < 60 {
			n.shape = clock
		}
		return n
	case same && first == '/' && len(groups) == 2:
		n.shape = fraction
		n.parts[0], n.parts[1] = atoi(groups[0]), atoi(groups[1])
		return n
	case same && first == '.' && len(groups) == 3 && len(groups[0]) <= 2 && len(groups[1]) <= 2 && len(groups[2]) == 4:
		d, m, y := atoi(groups[0]), atoi(groups[1]), atoi(groups[2])
		if validDate(y, m, d) {
			n.shape, n.parts = dotDate, [3]int{d, m, y}
		}
		return n
	case same && first == '.' && len(groups) == 2 && !thousands(groups):
		n.val = digitsDec(groups[0]+groups[1], groups[1])
		n.shape = plainOr(len(groups[0])+len(groups[1]) <= 18)
		n.parts[0], n.parts[1] = atoi(groups[0]), atoi(groups[1])
		n.dot2 = len(groups[1]) == 2
		return n
	case same && first == ',' && len(groups) == 2:
		n.val = digitsDec(groups[0]+groups[1], groups[1])
		n.shape = plainOr(len(groups[0])+len(groups[1]) <= 18)
		return n
	}
	// Thousands groups, then at most one decimal part after a different separator.
	last := len(seps)
	frac := ""
	if k := len(seps) - 1; (seps[k] == ',' || seps[k] == '.') && seps[k] != first {
		last, frac = k, groups[k+1]
	}
	for _, c := range seps[:last] {
		if c != first || c == ':' || c == '/' {
			return n
		}
	}
	if !thousands(groups[:last+1]) {
		return n
	}
	all := strings.Join(groups[:last+1], "") + frac
	n.val, n.shape = digitsDec(all, frac), plainOr(len(all) <= 18)
	n.dot3 = len(seps) == 1 && seps[0] == '.'
	return n
}

func plainOr(ok bool) shape {
	if ok {
		return plain
	}
	return other
}

// thousands reports whether groups are a valid thousands grouping: a first
// group of one to three digits not starting with 0, then groups of three.
func thousands(groups []string) bool {
	if len(groups[0]) > 3 || groups[0][0] == '0' {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

// digitsDec returns the decimal whose digits are all and whose fractional
// part is the last len(frac) of them.
func digitsDec(all, frac string) dec {
	var m int64
	for i := 0; i < len(all) && i < 18; i++ {
		m = m*10 + int64(all[i]-'0')
	}
	return dec{m, -len(frac)}
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func validDate(y, m, d int) bool {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
	if m == 2 && (y%4 != 0 || y%100 == 0 && y%400 != 0) {
		days = 28
	}
	return d <= days
}

// Number words. A compound is written as separate words, largest first:
// "iki min on səkkiz" = 2018.
var (
	cardinals = map[string]int64{
		"sıfır": 0, "bir": 1, "iki": 2, "üç": 3, "dörd": 4, "beş": 5, "altı": 6,
		"yeddi": 7, "səkkiz": 8, "doqquz": 9, "on": 10, "iyirmi": 20, "otuz": 30,
		"qırx": 40, "əlli": 50, "altmış": 60, "yetmiş": 70, "səksən": 80, "doxsan": 90,
		"yüz": 100,
	}
	// scales maps a scale word or abbreviation to its power of ten.
	scales = map[string]int{
		"min": 3, "milyon": 6, "mln": 6, "milyard": 9, "mlrd": 9, "trilyon": 12, "trln": 12,
	}
	// ordinalWords maps ordinal number words to their cardinal.
	ordinalWords = map[string]int64{
		"birinci": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4, "beşinci": 5, "altıncı": 6,
		"yeddinci": 7, "səkkizinci": 8, "doqquzuncu": 9, "onuncu": 10, "iyirminci": 20,
		"otuzuncu": 30, "qırxıncı": 40, "əllinci": 50, "altmışıncı": 60, "yetmişinci": 70,
		"səksəninci": 80, "doxsanıncı": 90, "yüzüncü": 100, "mininci": 1000,
	}
)

// wordNumber is a number written in words.
type wordNumber struct {
	val     int64
	words   int    // how many words it spans
	ordinal bool   // the last word is an ordinal ("on birinci")
	suffix  string // a case suffix on the last word: "yüzdən" → "dən"
}

// numberSuffixes are the case endings a number word may carry when a
// qualifier follows ("mindən çox", "yüzə yaxın", "mindək").
var numberSuffixes = []string{"dən", "dan", "ədək", "adək", "dək", "yə", "ya", "ə", "a"}

// numberWordStart reports whether w may start a number in words: a
// cardinal, ordinal or scale word, possibly with a case suffix.
func numberWordStart(w string) bool {
	if len(w) >= 2 { // most words: their first two bytes start no number word
		k := uint16(w[0])<<8 | uint16(w[1])
		if numberWordHeads[k/64]&(1<<(k%64)) == 0 {
			return false
		}
	}
	return numberWordSet[w]
}

// numberWordHeads has a bit for the first two bytes of each word of
// numberWordSet.
var numberWordHeads = func() (heads [1 << 16 / 64]uint64) {
	for w := range numberWordSet {
		if len(w) >= 2 {
			k := uint16(w[0])<<8 | uint16(w[1])
			heads[k/64] |= 1 << (k % 64)
		}
	}
	return heads
}()

// numberWordSet holds every word numberWordStart accepts.
var numberWordSet = func() map[string]bool {
	set := map[string]bool{}
	for _, m := range []map[string]int64{cardinals, ordinalWords} {
		for w := range m {
			set[w] = true
		}
	}
	for w := range scales {
		set[w] = true
	}
	var bases []string
	for w := range set {
		if _, ord := ordinalWords[w]; !ord {
			bases = append(bases, w)
		}
	}
	for _, w := range bases {
		for _, s := range numberSuffixes {
			if parseWords([]string{w + s}).words == 1 {
				set[w+s] = true
			}
		}
	}
	return set
}()

// suffixFits reports whether the case suffix s can follow the number word
// base: vowel harmony holds, "y" joins a dative to a vowel, and base is not
// "on" or "bir", whose suffixed forms are mostly the pronoun "o" ("ondan",
// "ona") and "birdən" (suddenly).
func suffixFits(base, s string) bool {
	if base == "on" || base == "bir" {
		return false
	}
	if !aztext.VowelHarmony(base, s) {
		return false
	}
	if s[0] == 'y' || strings.HasPrefix(s, "a") || strings.HasPrefix(s, "ə") {
		last, _ := utf8.DecodeLastRuneInString(base)
		return aztext.IsVowel(last) == (s[0] == 'y')
	}
	return true
}

// parseWords reads a number written in words from the lower-cased words ws.
// It stops before a word that would make the compound ill-formed ("bir iki"
// is two numbers) and returns words == 0 when ws[0] is not a number word.
func parseWords(ws []string) wordNumber {
	var (
		n                   wordNumber
		total, group        int64
		seenH, seenT, seenU bool
		inGroup             bool
		lastScale           = 100
		hasScale            bool
	)
	for k, w := range ws {
		v, isCard := cardinals[w]
		sc, isScale := scales[w]
		ov, isOrd := ordinalWords[w]
		suffix := ""
		if !isCard && !isScale && !isOrd {
			// A case suffix on the last word: "mindən", "yüzə".
			for _, s := range numberSuffixes {
				if base := strings.TrimSuffix(w, s); base != w && suffixFits(base, s) {
					if bv, ok := cardinals[base]; ok {
						v, isCard, suffix = bv, true, s
					} else if bs, ok := scales[base]; ok && base != "mln" && base != "mlrd" && base != "trln" {
						sc, isScale, suffix = bs, true, s
					}
					if suffix != "" {
						break
					}
				}
			}
		}
		if isOrd {
			v, isCard = ov, true
			if ov == 1000 {
				v, isCard, sc, isScale = 0, false, 3, true
			}
		}
		ok := false
		switch {
		case isCard && v == 0:
			ok = k == 0 && !isOrd
			if ok {
				inGroup = true
			}
		case isCard && v < 10:
			ok = !seenU
			group += v
			seenU = ok
		case isCard && v < 100:
			ok = !seenT && !seenU
			group += v
			seenT = ok
		case isCard: // yüz
			ok = !seenH && !seenT
			if ok {
				if seenU {
					group *= 100
				} else {
					group += 100
				}
				seenH, seenU = true, false
			}
		case isScale:
			ok = sc < lastScale && (inGroup || !hasScale && k == 0 || group > 0)
			if ok {
				if group == 0 {
					group = 1
				}
				total += group * pow10i(sc)
				group, seenH, seenT, seenU, inGroup = 0, false, false, false, false
				lastScale, hasScale = sc, true
			}
		}
		if !ok {
			break
		}
		if isCard {
			inGroup = true
		}
		n.words = k + 1
		n.val = total + group
		n.ordinal = isOrd
		n.suffix = suffix
		if isOrd || suffix != "" {
			break
		}
	}
	return n
}

func pow10i(n int) int64 {
	p := int64(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// OrdinalWords reads an ordinal number written in words at the start of
// the lower-cased words ws ("iki min iyirmi birinci il" → 2021, 4 words),
// as titles write a year. n is 0 when ws does not start with a number in
// words that ends in an ordinal.
func OrdinalWords(ws []string) (val int64, n int) {
	w := parseWords(ws)
	if w.words == 0 || !w.ordinal {
		return 0, 0
	}
	return w.val, w.words
}
