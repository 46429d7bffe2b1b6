package facts

import (
	"math"
	"strings"
	"unicode"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
)

// amount matches what follows a number ending before j: scale words
// ("mln."), a percent sign or "faiz", a currency, qualifiers ("-dən çox",
// "nəfərə yaxın") and the unit. from is the first token of the fact, q a
// qualifier already read, v the value and end the end of a range (or nil).
// When strict is set, as for a number written in one word, only a percent,
// money or a counter unit makes a fact. num is the first number as written.
func (m *matcher) amount(from, j int, q string, v dec, end *dec, strict bool, num string) int {
	lastWord := -1 // the last word consumed, whose suffix may carry a qualifier
	// Scales, chained from large to small: "21 mlrd. 493,9 mln.".
	if sc, k := m.scaleAt(j); k > 0 {
		if t := m.tok(j - 1); t.kind == tNum && t.num.dot3 && end == nil {
			// Before a scale word a dot is a decimal point: "1.680 mlrd." is
			// 1.68 billion; nobody writes thousands of billions so.
			v = dec{v.m, v.e - 3}
		}
		v, lastWord, j = v.scale(sc), j, k
		if end != nil {
			e := end.scale(sc)
			end = &e
		}
		for last := sc; end == nil; {
			n := m.num(j)
			if n == nil || !n.space {
				break
			}
			sc2, k2 := m.scaleAt(j + 1)
			if k2 == 0 || sc2 >= last {
				break
			}
			sum, ok := v.plus(n.num.val.scale(sc2))
			if !ok {
				return k2
			}
			v, lastWord, j, last = sum, j+1, k2, sc2
		}
		// A last group below the scale: "3 min 500", "20 min 231,8 ton".
		if n := m.num(j); end == nil && n != nil && n.space && !n.num.lead0 {
			if x := n.num.val.float(); x < 1000 && m.tok(j+1) != nil && m.tok(j+1).kind != tNum {
				if _, k := m.scaleAt(j + 1); k == 0 {
					if sum, ok := v.plus(n.num.val); ok {
						v, lastWord, j = sum, -1, j+1
					}
				}
			}
		}
	}

	f := hesabat.Fact{Kind: hesabat.Quantity, Qualifier: q}
	if t := m.tok(j); t != nil && t.kind == tPunct && t.text == "%" {
		f.Kind, j = hesabat.Percent, j+1
	}
	if f.Kind == hesabat.Quantity {
		if cur, k := m.currency(j); k > 0 {
			f.Kind, f.Currency, lastWord, j = hesabat.Money, cur, k-1, k
		}
	}
	// A suffix on the digits, on "%" or on a currency code: "100-dən çox",
	// "25%-ə qədər", "50 000 AZN-dir".
	if suf := m.suffixAt(j); suf != "" {
		sq, k := m.qualifierAfter(classify(suf), j+2)
		switch {
		case sq != "":
			f.Qualifier, j = sq, k
		case classify(suf) == sAbl && m.toks[j-1].kind == tNum && end == nil:
			// "8-dən 30-a qədər": a range, else a case form we do not read
			e, k := m.rangeEnd(j+2, f)
			if k == 0 {
				if n := m.num(j + 2); n != nil && n.space && classify(m.suffixAt(j+3)) == sDat && f.Kind == hesabat.Quantity {
					// "12,3-dən 11,2-yə enib": a change from one value to
					// another, each a quantity of what was named before
					f.Value = ptr(v.float())
					m.emit(f, from, j+2, num)
				}
				return j + 2
			}
			end, j = &e, k
		case m.toks[j-1].kind == tNum && (classify(suf) == sAcc || classify(suf) == sDat) && f.Kind == hesabat.Quantity:
			// "onlardan 5659-u", "sayı 79500-ə çatıb": a count whose noun
			// was named before
			j += 2
			f.Value = ptr(v.float())
			m.emit(f, from, j, num)
			return j
		case m.toks[j-1].kind == tNum:
			return j + 2 // "10-da", "5-in": a case form we do not read
		default:
			j += 2
		}
	} else if lastWord >= 0 {
		if wq, k := m.wordQualifier(lastWord, j); wq != "" {
			f.Qualifier, j = wq, k
		}
	}
	if f.Kind == hesabat.Quantity {
		if w := m.low(j); strings.HasPrefix(w, "faiz") && (m.noun(w, true).Stem == "faiz" || attributiveOf(w, "faiz")) {
			f.Kind, lastWord, j = hesabat.Percent, j, j+1
		} else if cur, k := m.currency(j); k > 0 {
			f.Kind, f.Currency, lastWord, j = hesabat.Money, cur, k-1, k
		} else {
			j = m.spelledOut(j, v)
			if k := m.andMore(j); k > j && f.Qualifier == "" {
				f.Qualifier, j = "at least", k // "3 və daha çox uşağı", "65 və yuxarı yaşda"
			}
			u, k := m.unit(j)
			if strict && !counters[u] {
				return 0
			}
			if k > j {
				f.Unit, lastWord, j = u, k-1, k
				if end == nil {
					if v2, u2, k2 := m.twoUnits(v, u, j); k2 > j {
						v, f.Unit, lastWord, j = v2, u2, k2-1, k2
					}
				}
			}
		}
		if lastWord >= 0 && lastWord == j-1 {
			if wq, k := m.wordQualifier(lastWord, j); wq != "" {
				f.Qualifier, j = wq, k
			}
		}
	}
	if f.Kind == hesabat.Money && lastWord >= 0 && strings.HasPrefix(m.toks[lastWord].low, "qəpik") {
		v = v.scale(-2) // "50 qəpik" = 0.50 AZN
	} else if f.Kind == hesabat.Money && f.Currency == "AZN" {
		// "12 manat 50 qəpik", "1 manat, 10 qəpik"
		k := j
		if t := m.tok(k); t != nil && t.text == "," {
			k++
		}
		if n := m.num(k); n != nil && n.num.whole && len(n.text) <= 2 && strings.HasPrefix(m.low(k+1), "qəpik") {
			if sum, ok := v.plus(dec{n.num.val.m, -2}); ok {
				v, j = sum, k+2
			}
		}
	}
	if strict && f.Kind == hesabat.Quantity && f.Unit == "" {
		return 0
	}
	// "üç min manatdan beş min manatadək", "10 nəfərdən 15 nəfərədək".
	if end == nil && f.Qualifier == "" && lastWord == j-1 && ablative(m.toks[lastWord].low) {
		if e, k := m.rangeEnd(j, f); k > 0 {
			end, j = &e, k
		}
	}
	if f.Kind == hesabat.Quantity && (f.Unit == "" || sectionNouns[f.Unit]) && strings.Contains(num, ".") {
		return j // "4.1 bəndinə", "5.1 və 5.2-ci": references to sections, not counts
	}
	f.Value = ptr(v.float())
	if end != nil {
		f.ValueEnd = ptr(end.float())
	}
	m.emit(f, from, j, num)
	return j
}

// andMore matches "və daha çox", "və daha artıq", "və (daha) yuxarı" at j
// (N or more) and returns its end, or j.
func (m *matcher) andMore(j int) int {
	if m.low(j) != "və" {
		return j
	}
	k := j + 1
	if m.low(k) == "daha" {
		k++
	}
	switch w := m.low(k); {
	case w == "yuxarı", k > j+1 && (w == "çox" || w == "artıq"):
		return k + 1
	}
	return j
}

// measures are units of mass and length with their power of ten in grams
// or metres, for twoUnits.
var measures = map[string]struct {
	dim byte
	exp int
}{
	"ton": {'g', 6}, "tn": {'g', 6}, "t": {'g', 6}, "kiloqram": {'g', 3}, "kq": {'g', 3}, "qram": {'g', 0}, "q": {'g', 0},
	"kilometr": {'m', 3}, "km": {'m', 3}, "metr": {'m', 0}, "m": {'m', 0}, "santimetr": {'m', -2}, "sm": {'m', -2},
	"millimetr": {'m', -3}, "mm": {'m', -3},
}

// twoUnits reads the second part of a measure written in two units, "6
// ton 523 kq", "70 kiloqram 410 qram", "3 metr 20 sm", after the value v
// in unit u ending before j. It returns the whole in the smaller unit and
// the end, or end j when no such part follows.
func (m *matcher) twoUnits(v dec, u string, j int) (dec, string, int) {
	big, ok := measures[u]
	n := m.num(j)
	if !ok || n == nil || !n.space || !n.num.whole {
		return v, u, j
	}
	u2, k := m.unit(j + 1)
	small, ok := measures[u2]
	if k == j+1 || !ok || small.dim != big.dim || small.exp >= big.exp || n.num.val.float() >= math.Pow10(big.exp-small.exp) {
		return v, u, j
	}
	sum, ok := v.scale(big.exp - small.exp).plus(n.num.val)
	if !ok {
		return v, u, j
	}
	return sum, u2, k
}

// ablative reports whether the lower-cased word w ends in the ablative.
func ablative(w string) bool { return strings.HasSuffix(w, "dan") || strings.HasSuffix(w, "dən") }

// rangeEnd reads the end of a range whose start, the fact f so far, ended
// in the ablative before j ("-dən … -dək", "-dən … -ə qədər"): a number
// in digits or words with its scale, closed by "-dək" or "-ə qədər/kimi"
// on the digits, or on the same currency or unit word. It returns the
// value and the end, or end 0.
func (m *matcher) rangeEnd(j int, f hesabat.Fact) (dec, int) {
	v, k := m.valueAt(j)
	if k == 0 {
		return dec{}, 0
	}
	if suf := m.suffixAt(k); suf != "" && m.toks[k-1].kind == tNum {
		switch c := classify(suf); {
		case c == sTerm:
			return v, k + 2
		case c == sDat && (m.low(k+2) == "qədər" || m.low(k+2) == "kimi"):
			return v, k + 3
		}
		return dec{}, 0
	}
	var w string
	switch f.Kind {
	case hesabat.Money:
		cur, k2 := m.currency(k)
		if cur != f.Currency {
			return dec{}, 0
		}
		w, k = m.toks[k2-1].low, k2
	case hesabat.Quantity:
		w2, k2 := m.word(k)
		if f.Unit == "" || w2 == "" || m.noun(w2, true).Stem != f.Unit {
			return dec{}, 0
		}
		w, k = w2, k2
	default:
		return dec{}, 0
	}
	switch {
	case strings.HasSuffix(w, "dək"):
		return v, k
	case (strings.HasSuffix(w, "a") || strings.HasSuffix(w, "ə")) && (m.low(k) == "qədər" || m.low(k) == "kimi"):
		return v, k + 1
	}
	return dec{}, 0
}

// valueAt reads a number at j, in digits with an optional scale word ("5
// min") or in words ("beş min", "min iki yüz"), and returns its value and
// end, or end 0.
func (m *matcher) valueAt(j int) (dec, int) {
	if n := m.num(j); n != nil {
		v, k := n.num.val, j+1
		if sc, e := m.scaleAt(k); e > 0 {
			v, k = v.scale(sc), e
		}
		return v, k
	}
	var ws []string
	for k := j; len(ws) < 8 && m.low(k) != ""; k++ {
		ws = append(ws, m.low(k))
	}
	if len(ws) == 0 {
		return dec{}, 0
	}
	wn := parseWords(ws)
	if wn.words == 0 || wn.suffix != "" || wn.ordinal {
		return dec{}, 0
	}
	return dec{wn.val, 0}, j + wn.words
}

// spelledOut skips the number v written again in words in brackets at j,
// as in "15 (on beş) müraciət", and returns where the text goes on.
func (m *matcher) spelledOut(j int, v dec) int {
	if t := m.tok(j); t == nil || t.text != "(" {
		return j
	}
	var ws []string
	k := j + 1
	for ; k < len(m.toks) && m.toks[k].kind == tWord && len(ws) < 8; k++ {
		ws = append(ws, m.toks[k].low)
	}
	if t := m.tok(k); t != nil && t.text == ")" && len(ws) > 0 {
		if wn := parseWords(ws); wn.words == len(ws) && float64(wn.val) == v.float() {
			return k + 1
		}
		return j
	}
	// Digits with scale words: "1096,6 min (1 milyon 96 min 600) nəfər".
	var total, cur float64
	for k = j + 1; k < len(m.toks) && k < j+12; k++ {
		t := &m.toks[k]
		switch {
		case t.kind == tNum && t.num.shape == plain && t.num.whole:
			cur = t.num.val.float()
			continue
		case t.kind == tWord:
			if sc, ok := scales[t.low]; ok {
				total, cur = total+cur*math.Pow10(sc), 0
				continue
			}
		case t.text == ")":
			if k > j+1 && total+cur == v.float() {
				return k + 1
			}
		}
		return j
	}
	return j
}

// scaleAt matches a scale word at j ("min", "milyon", "mln.") and returns
// its power of ten and the end, or end 0.
func (m *matcher) scaleAt(j int) (int, int) {
	w := m.low(j)
	sc, ok := scales[w]
	if !ok {
		for _, s := range numberSuffixes { // "milyondan çox"
			if base, cut := strings.CutSuffix(w, s); cut && (base == "min" || base == "milyon" || base == "milyard" || base == "trilyon") && suffixFits(base, s) {
				if sc, ok = scales[base]; ok {
					return sc, j + 1
				}
			}
		}
		return 0, 0
	}
	if t := m.tok(j + 1); t != nil && !t.space && t.text == "." && (w == "mln" || w == "mlrd" || w == "trln") {
		return sc, j + 2
	}
	return sc, j + 1
}

var (
	currencyCodes   = map[string]string{"AZN": "AZN", "USD": "USD", "EUR": "EUR", "RUB": "RUB", "GBP": "GBP", "TRY": "TRY"}
	currencySymbols = map[string]string{"₼": "AZN", "$": "USD", "€": "EUR", "₽": "RUB", "£": "GBP"}
	// currencyWords maps the stem of a currency word to its code; the word
	// may carry suffixes ("manatlıq", "dollarının").
	currencyWords = []struct{ stem, code string }{
		{"manat", "AZN"}, {"qəpik", "AZN"}, {"dollar", "USD"}, {"avro", "EUR"}, {"yevro", "EUR"}, {"rubl", "RUB"},
	}
)

// currency matches a currency at j and returns its ISO code and the end.
func (m *matcher) currency(j int) (string, int) {
	t := m.tok(j)
	if t == nil {
		return "", 0
	}
	if t.kind == tPunct {
		if c := currencySymbols[t.text]; c != "" {
			return c, j + 1
		}
		return "", 0
	}
	if t.kind != tWord || !t.space && (j == 0 || m.toks[j-1].text != ".") { // "mln.ABŞ dolları"
		return "", 0
	}
	if c := currencyCodes[t.text]; c != "" {
		return c, j + 1
	}
	w := t.low
	switch {
	case w == "abş" && strings.HasPrefix(m.low(j+1), "dollar"):
		return "USD", j + 2
	case w == "türk" && strings.HasPrefix(m.low(j+1), "lirə"):
		return "TRY", j + 2
	case strings.HasPrefix(w, "funt"):
		if strings.HasPrefix(m.low(j+1), "sterlinq") {
			return "GBP", j + 2
		}
		return "GBP", j + 1
	}
	for _, c := range currencyWords {
		if strings.HasPrefix(w, c.stem) && len(w)-len(c.stem) <= 8 {
			return c.code, j + 1
		}
	}
	return "", 0
}

// moneyFirst matches a currency written before its number: "₼ 500", "AZN 3 mln.".
func (m *matcher) moneyFirst(i int, cur string) int {
	n := m.num(i + 1)
	if n == nil {
		return 0
	}
	v, j := n.num.val, i+2
	if sc, k := m.scaleAt(j); k > 0 {
		v, j = v.scale(sc), k
	}
	m.emit(hesabat.Fact{Kind: hesabat.Money, Value: ptr(v.float()), Currency: cur}, i, j, n.text)
	return j
}

// qualifierAfter returns the qualifier that a case suffix of kind k makes
// with the word at j ("-dən çox", "-ə yaxın"), and the end; a terminative
// suffix ("-dək") is a qualifier by itself.
func (m *matcher) qualifierAfter(k sufKind, j int) (string, int) {
	w := m.low(j)
	switch k {
	case sAbl:
		switch w {
		case "çox", "çoxu", "artıq":
			return "more than", j + 1
		case "az", "aşağı":
			return "less than", j + 1
		}
	case sDat:
		switch w {
		case "yaxın":
			return "nearly", j + 1
		case "qədər", "kimi":
			return "up to", j + 1
		}
	case sTerm:
		return "up to", j
	}
	return "", 0
}

// wordQualifier returns the qualifier made by the case ending of the word
// at w and the word at j: "nəfərdən çox", "manata qədər", "faizədək".
func (m *matcher) wordQualifier(w, j int) (string, int) {
	s := m.toks[w].low
	switch {
	case strings.HasSuffix(s, "dək"):
		return "up to", j
	case strings.HasSuffix(s, "dan") || strings.HasSuffix(s, "dən"):
		return m.qualifierAfter(sAbl, j)
	case strings.HasSuffix(s, "a") || strings.HasSuffix(s, "ə"):
		return m.qualifierAfter(sDat, j)
	}
	return "", 0
}

// words matches a number written in words at i ("on bir iclas", "iki min
// on səkkiz", "birinci yeri").
func (m *matcher) words(i, from int, q string) int {
	if !numberWordStart(m.toks[i].low) {
		return 0
	}
	var ws [12]string
	var at [12]int // token index after each word
	n := 0
	for j := i; n < len(ws); n++ {
		w := m.low(j)
		if w == "" && j == i && m.toks[i].kind == tWord {
			w = m.toks[i].low // a number word glued to what precedes
		}
		if w == "" {
			break
		}
		ws[n] = w
		j++
		if t := m.tok(j); t != nil && t.text == "." && !t.space && (w == "mln" || w == "mlrd" || w == "trln") {
			j++
		}
		at[n] = j
	}
	wn := parseWords(ws[:n])
	if wn.words == 0 {
		return 0
	}
	end := at[wn.words-1]
	if wn.ordinal {
		if m.placeName(i) {
			return end + 1 // "İkinci Şıxlı" (a village), "Birinci vitse-prezident" (a title)
		}
		f := hesabat.Fact{Kind: hesabat.Ordinal, Value: ptr(float64(wn.val))}
		if w := m.low(end); w != "" && !notUnit(w) {
			f.Unit, end = m.noun(w, false).Stem, end+1
		}
		m.emit(f, i, end, "")
		return end
	}
	if wn.words == 1 && ws[0] == "bir" {
		return 0 // the article "a", or "once" in "bir dəfə"
	}
	if wn.words == 1 && ws[0] == "altı" && genitive(m.noun(m.lowAt(i-1), false).Case) {
		return 0 // "masanın altı": the postposition "under"
	}
	if wn.suffix != "" {
		sq, k := m.qualifierAfter(classify(wn.suffix), end)
		if sq == "" {
			return 0
		}
		q, end = sq, k
	}
	// A lone small number counts the noun after it ("altı məktəb", "üç
	// rayondan") except as a determiner: "hər iki qurum" (both bodies),
	// "iki qurum arasında" (between the two bodies); "yüz" also means face.
	// Those count only before a counter, a currency or "faiz". The tens and
	// the scales are unambiguous.
	_, scale := scales[ws[0]]
	strict := false
	if wn.words == 1 && wn.suffix == "" && !scale && (wn.val < 20 || wn.val >= 100) {
		u, k := m.unit(end)
		lw := m.low(k)
		if u == "" && m.tok(end) != nil && m.tok(end).text != "(" {
			return 0 // a number word with no noun after it is no count
		}
		strict = ws[0] == "yüz" || m.lowAt(i-1) == "hər" || strings.HasPrefix(lw, "arası") || lw == "arasında"
	}
	return m.amount(from, end, q, dec{wn.val, 0}, nil, strict, "")
}

// placeName reports whether the ordinal word at i starts a
// name or a title: written with a capital inside a sentence, after a word
// or a comma ("İkinci Şıxlı", "Birinci vitse-prezident"); Azerbaijani
// writes an ordinal that counts in lower case there.
func (m *matcher) placeName(i int) bool {
	t, p := &m.toks[i], m.tok(i-1)
	if t.text == t.low || p == nil || t.para {
		return false
	}
	return p.kind == tWord || p.text == ","
}

// genitive reports whether the case ending c is a genitive.
func genitive(c string) bool {
	switch c {
	case "ın", "in", "un", "ün", "nın", "nin", "nun", "nün":
		return true
	}
	return false
}

// unit reads the noun phrase that a number counts, starting at j. It
// returns the lemma and the end (j when there is no unit).
//
//   - a counter is its own unit: "50 nəfər" → "nəfər";
//   - "N adda X" counts X: "273 adda xidmət" → "xidmət";
//   - an attributive adjective joins its noun: "2278 elektron arayış";
//   - a bare noun followed by a possessive noun is a compound that keeps
//     the possessive: "28 dövlət qurumu", "24 proqram təminatında" →
//     "proqram təminatı";
//   - an adjective in -lıq⁴/-lı⁴ counts its noun: "36 kilometrlik yol" →
//     "kilometr", "12 yaşlı" → "yaş" (aztext.AttributiveBase);
//   - a unit of measure never starts a compound: "5 sm qalınlığında" → "sm";
//   - otherwise the stem of the first noun: "100 əməkdaşının" → "əməkdaş".
func (m *matcher) unit(j int) (string, int) {
	w1, n1 := m.word(j)
	if w1 == "" || notUnit(w1) {
		return "", j
	}
	if base, ok := aztext.AttributiveBase(w1); ok {
		return base, n1
	}
	a1 := m.noun(w1, dativeNext(m.low(n1)))
	if strings.HasSuffix(w1, "a") || strings.HasSuffix(w1, "ə") {
		if d := m.noun(w1, true); d.Case != a1.Case && counters[d.Stem] {
			return d.Stem, n1 // "12 nəfərə": counters take a dative freely
		}
	}
	switch {
	case counters[a1.Stem]:
		return a1.Stem, n1
	case a1.Stem == "ad" && a1.Case != "":
		if u, e := m.unit(n1); e > n1 {
			return u, e
		}
		return "ad", n1
	}
	if attributive[w1] || privative(w1) {
		if w2, n2 := m.word(n1); w2 != "" && !notUnit(w2) {
			a2 := m.noun(w2, dativeNext(m.low(n2)))
			if u, e := m.compound(w2, a2, n2); e > 0 {
				return w1 + " " + u, e // "1500 ictimai iaşə obyekti"
			}
			return w1 + " " + a2.Stem, n2
		}
	}
	if aztext.IsUnit(a1.Stem) {
		if u, e := m.abbreviation(w1, n1); e > n1 {
			return u, e // "kv.m", "kv. metr", "m²", "s/ha"
		}
		return a1.Stem, n1
	}
	if len([]rune(w1)) <= 3 || abbreviated(m.toks[j].text) || m.slashUnit(n1) {
		if u, e := m.abbreviation(w1, n1); e > n1 {
			return u, e // "kVt/saat", "kv.m"
		}
	}
	if u, e := m.compound(w1, a1, n1); e > 0 {
		return u, e
	}
	return a1.Stem, n1
}

// attributiveOf reports whether w is the adjective in -lıq⁴ of noun:
// "faizlik" of "faiz".
func attributiveOf(w, noun string) bool {
	b, ok := aztext.AttributiveBase(w)
	return ok && b == noun
}

// privative reports whether w is an adjective in -sız⁴ ("icazəsiz",
// "pulsuz"), which joins the noun after it like an attributive adjective.
func privative(w string) bool {
	for _, s := range []string{"sız", "siz", "suz", "süz"} {
		if strings.HasSuffix(w, s) && len(w) > len(s)+2 {
			return true
		}
	}
	return false
}

// slashUnit reports whether a slash and a word of at most three letters
// are glued at j: the "/ha" of "sent/ha".
func (m *matcher) slashUnit(j int) bool {
	s, w := m.tok(j), m.tok(j+1)
	return s != nil && w != nil && s.text == "/" && !s.space && w.kind == tWord && !w.space && len([]rune(w.low)) <= 3
}

// abbreviation reads a unit written as an abbreviation whose first part w
// ends before j: "kv.m", "kv. metr" (a dot, then a unit), "m²", "m3"
// (a power), "s/ha", "p/m" (a slash and a word). It returns the unit as
// written, lower-cased, and the end, or end j.
func (m *matcher) abbreviation(w string, j int) (string, int) {
	t := m.tok(j)
	if t == nil || t.space || t.kind != tPunct {
		return w, j
	}
	switch t.text {
	case "²", "³":
		return w + t.text, j + 1
	case "/":
		if n := m.tok(j + 1); n != nil && !n.space && n.kind == tWord {
			return w + "/" + n.low, j + 2
		}
	case ".":
		if n := m.tok(j + 1); n != nil && n.kind == tWord && !n.para && aztext.IsUnit(m.noun(n.low, false).Stem) {
			sep := "."
			if n.space {
				sep = ". "
			}
			return w + sep + m.noun(n.low, false).Stem, j + 2
		}
	}
	return w, j
}

// compound matches a two-word compound whose first word w1, analysed as
// a1, ends before j: a bare noun and a possessive head ("dövlət qurumu").
// It returns the unit and the end, or end 0.
func (m *matcher) compound(w1 string, a1 aztext.Noun, j int) (string, int) {
	w2, n2 := m.word(j)
	if !a1.Bare() || w2 == "" || notUnit(w2) {
		return "", 0
	}
	a2 := m.noun(w2, dativeNext(m.low(n2)))
	if !a2.Possessive || postpositions[a2.Stem] || counters[a2.Stem] {
		return "", 0
	}
	return w1 + " " + a2.Head, n2
}

// word returns the lower-cased word at j with the words joined to it by
// hyphens ("mini-stansiya", "vətəndaş-məmur"), and the index after it; ""
// when there is no separate word at j.
func (m *matcher) word(j int) (string, int) {
	w := m.low(j)
	if w == "" {
		return "", j
	}
	k := j + 1
	for m.suffixAt(k) != "" && (m.toks[k].text == "-" || m.toks[k].text == "‐" || m.toks[k].text == "‑") {
		if c := classify(m.toks[k+1].low); abbreviated(m.toks[k-1].text) && c != sNone && c != sOrdinal {
			return w, k + 2 // a case suffix on an abbreviation: "809 mVt-a"
		}
		w += "-" + m.toks[k+1].low
		k += 2
	}
	return w, k
}

// abbreviated reports whether the word s as written is an abbreviation:
// a capital after its first letter ("mVt", "kVt", "AZN").
func abbreviated(s string) bool {
	for i, r := range s {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// dativeNext reports whether the word after a noun asks for a dative.
func dativeNext(w string) bool { return w == "yaxın" || w == "qədər" }

var (
	// counters are the words that count by themselves.
	counters = map[string]bool{"nəfər": true, "ədəd": true, "dəfə": true, "növ": true}
	// attributive are adjectives that join the noun after them into the unit.
	attributive = map[string]bool{
		"elektron": true, "yeni": true, "onlayn": true, "mobil": true, "rəqəmsal": true,
		"interaktiv": true, "müasir": true, "yerli": true, "xarici": true, "beynəlxalq": true,
		"regional": true, "kiçik": true, "böyük": true, "orta": true, "iri": true, "ictimai": true,
	}
	// postpositions are possessive nouns that head a postpositional phrase,
	// not a compound: "5 il ərzində", "3 ay müddətində".
	postpositions = map[string]bool{
		"ərz": true, "müddət": true, "ara": true, "üzər": true, "iç": true, "nəticə": true,
		"əsas": true, "çərçivə": true, "zaman": true, "vaxt": true, "tərəf": true, "yan": true,
		"daxil": true, "hesab": true, "səbəb": true, "məqsəd": true, "sonra": true,
		// measure nouns: "2–3 səhifə həcmində", "100 manat məbləğində"
		"həcm": true, "məbləğ": true, "miqdar": true, "dəyər": true,
	}
	// sectionNouns name parts of a document; a dotted number before one
	// is a reference ("4.1 bəndi"), not a count.
	sectionNouns = map[string]bool{
		"bənd": true, "yarımbənd": true, "maddə": true, "hissə": true, "fəsil": true,
		"bölmə": true, "tədbir": true, "cədvəl": true, "əlavə": true,
	}
	// stopWords are words that never name a unit.
	stopWords = map[string]bool{
		"və": true, "ilə": true, "ya": true, "yaxud": true, "həm": true, "da": true, "də": true,
		"ki": true, "üçün": true, "üzrə": true, "kimi": true, "qədər": true, "yaxın": true,
		"çox": true, "artıq": true, "az": true, "aşağı": true, "isə": true, "bu": true, "o": true,
		"həmin": true, "hər": true, "bütün": true, "olan": true, "olaraq": true, "olmaqla": true,
		"olub": true, "təşkil": true, "tarixli": true, "tarixində": true, "tarixinə": true,
		"tarixdən": true, "nömrəli": true, "saylı": true, "ərzində": true, "sonra": true,
		"əvvəl": true, "arasında": true, "barədə": true, "haqqında": true, "dair": true,
		"görə": true, "tərəfindən": true, "var": true, "yox": true, "ən": true, "daha": true,
	}
	// verbEndings mark participles and converbs, which never name a unit.
	verbEndings = []string{"mış", "miş", "muş", "müş", "araq", "ərək"}
)

// notUnit reports whether the lower-cased word w cannot be a unit.
func notUnit(w string) bool {
	if stopWords[w] {
		return true
	}
	if _, ok := scales[w]; ok {
		return true
	}
	if _, ok := cardinals[w]; ok {
		return true
	}
	for _, e := range verbEndings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	// A final -dır⁴ is a verb's unless it is the copula of a noun
	// ("edilmişdir" against "tondur").
	for _, e := range []string{"dır", "dir", "dur", "dür"} {
		if strings.HasSuffix(w, e) && !aztext.AnalyzeNoun(w, false).Copula {
			return true
		}
	}
	mo, _ := month(w)
	return mo > 0
}
