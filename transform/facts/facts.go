// Package facts finds numeric facts in normalised Azerbaijani text:
// quantities with what they count, percentages, sums of money, dates, years,
// year and time ranges, ordinals and document numbers.
//
// Extract tokenizes the text (numbers with their separators, words of
// letters, single punctuation runes; URLs, e-mail addresses and letter-digit
// codes such as "V2" or "AZ1022" become opaque tokens) and matches patterns
// over the tokens; it uses no regular expressions. Functions are safe for
// concurrent use.
//
// How facts are encoded (see hesabat.Fact):
//   - quantity: Value, Unit the lemma of the counted noun ("11 iclasında" →
//     "iclas"; a two-word unit keeps its head's possessive: "24 proqram
//     təminatında" → "proqram təminatı"); a range "10-15 nəfər" sets ValueEnd.
//     A unit may be "" when no noun follows the number.
//   - percent: Value (and ValueEnd for "10-15%").
//   - money: Value in currency units, Currency its ISO 4217 code
//     ("21 mlrd. 493,9 mln. manat" → 21493900000 AZN).
//   - date: Date as ISO "2022-01-26", or "--05-10" when the text has no year;
//     a range of days "5-7 oktyabr" has its first day in Date and the ISO
//     interval "--10-05/--10-07" in Ref.
//   - year: Value; year_range: Value and ValueEnd.
//   - time_range: Value and ValueEnd in minutes since midnight and Ref the
//     clock times as "09:00-18:00" ("saat 09:00-dan 18:00-dək" → 540, 1080).
//     A single time ("saat 10.00-da") has Value 600, no ValueEnd, Ref "10:00".
//   - ordinal: Value and Unit ("3-cü yeri" → 3 "yer").
//   - doc_number: Ref as written ("1/3", "930", "212-VQD"), Unit the document
//     noun ("qərar"), Value nil.
//   - Qualifier: "about" (təxminən), "at least" (ən azı), "at most" (ən çox),
//     "more than" (N-dən çox/artıq), "less than" (N-dən az), "nearly"
//     (N-ə yaxın), "up to" (N-dək, N-ə qədər).
//
// Ranges: "10-15 nəfər", "8-dən 30-a qədər", "üç min manatdan beş min
// manatadək" set Value and ValueEnd; ordinals sharing one suffix ("12, 13
// və 14-cü küçələrində") are one ordinal each with the last one's unit, and
// "143-157-ci kilometrlik hissə" is one ordinal with ValueEnd. A quantity
// without a unit followed by a comma takes the unit of measure of the next
// quantity ("uzunluğu 900, eni 6 metr"). Units are lemmas from
// aztext.AnalyzeNounIn with the text as evidence; an adjective in -lıq/-lı
// counts its noun ("36 kilometrlik", "7 faizlik" is a percent).
//
// Not facts: versions ("Hosting V2", "v3.0"), form codes ("3-əmək №-li"),
// phone numbers, short service numbers ("“1002” qısa nömrəsi", "Çağrı
// Mərkəzi 142", "16-58" in a paragraph about telephones), account and tax
// numbers (ten or more digits, after VÖEN or IBAN), postcodes, URLs, e-mail
// addresses, list markers ("1." at the start of a paragraph), footnote
// marks ("[2]", "(1, 119)"), section and article references ("1.2.3", "4.1
// bəndi", "326-1", "244-1-ci maddə"), codes glued to words ("COVID-19"),
// place names ("İkinci Şıxlı", "20-ci sahə qəsəbəsi"), and a small number
// word used as a determiner ("hər iki qurum", "iki qurum arasında").
package facts

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
)

// BUG(facts): A number word counts only the noun right after it: in "üç
// ən yaxşı şeiri" (three best poems) nothing is read, and a lone "bir" is
// the article "a" and never counts.

// BUG(facts): A number with a locative or genitive suffix and nothing that
// qualifies it ("məktəblərin 10-da", "5-in") yields no fact unless it is a
// year ("2022-də") or a date.

// BUG(facts): A bare "-a/-ə" after a noun is taken for a dative only before
// "yaxın"/"qədər", after a counter, after -at/-ət, on a unit of the aztext
// lexicon or when the text has the word without it, so a lone "5
// əməkdaşa" keeps the unit "əməkdaşa". Multi-word units are read to two
// words (three after an adjective): "15 saylı tam orta məktəb" has the unit
// "tam"; coordinated adjectives ("54 stasionar və səyyar nasos") give the
// first adjective.

// BUG(facts): A noun ending in a vowel before a genitive or accusative
// ("quyunun", well's) reads as a consonant stem with a possessive ("quy")
// unless the aztext lexicon has it or the text has its plural ("quyular").

// Extract returns the facts in text in order of position. Start and End are
// rune offsets into text and Text is the matched span, with the unit,
// currency and qualifier words it read ("təxminən 500 milyon dollar"); no
// span crosses a paragraph break. text is expected to be normalised (NFC,
// single spaces, "\n" between paragraphs).
func Extract(text string) []hesabat.Fact {
	found := extract(text)
	if len(found) == 0 {
		return nil
	}
	out := make([]hesabat.Fact, len(found))
	for i, f := range found {
		out[i] = f.Fact
	}
	return out
}

// ForMeasure sets m.Facts to the facts of m.WorkDone, leaving out any whose
// number is the measure's own number (m.Number, "4.1") as written.
func ForMeasure(m *hesabat.Measure) {
	m.Facts = []hesabat.Fact{} // never nil: JSON shows "facts": []
	for _, f := range extract(m.WorkDone) {
		if m.Number != "" && f.num == m.Number {
			continue
		}
		m.Facts = append(m.Facts, f.Fact)
	}
}

// found is a fact with the first number of its span as written and the
// token after its span.
type found struct {
	hesabat.Fact
	num string
	end int
}

// tokenBufs recycles token slices between calls of extract.
var tokenBufs = sync.Pool{New: func() any { return new([]token) }}

func extract(text string) []found {
	buf := tokenBufs.Get().(*[]token)
	m := matcher{src: text, toks: tokenize(text, (*buf)[:0])}
	for i := 0; i < len(m.toks); {
		i = m.at(i)
	}
	m.elliptic()
	clear(m.toks) // drop references to text before pooling
	*buf = m.toks
	tokenBufs.Put(buf)
	return m.out
}

// matcher matches fact patterns over the tokens of one text. Its pattern
// methods take the index of a token and return the index just after what
// they consumed, or 0 when the pattern does not apply there. Consuming
// without emitting a fact is how non-facts ("3-əmək", phone numbers) are
// kept from matching other patterns.
type matcher struct {
	src  string
	toks []token
	out  []found
}

// Has reports whether the text uses the lower-cased word w; it makes the
// matcher an aztext.Words, the evidence the noun analyser may ask for. It
// scans the tokens: the analyser asks seldom, and a map of every word
// would cost more than the scans.
func (m *matcher) Has(w string) bool {
	for k := range m.toks {
		if t := &m.toks[k]; t.kind == tWord && len(t.low) == len(w) && t.low == w {
			return true
		}
	}
	return false
}

// noun analyses the lower-cased noun w with the text's words as evidence.
func (m *matcher) noun(w string, dative bool) aztext.Noun {
	return aztext.AnalyzeNounIn(w, dative, m)
}

func (m *matcher) tok(i int) *token {
	if i < 0 || i >= len(m.toks) {
		return nil
	}
	return &m.toks[i]
}

// low returns the lower-cased word at i when it is a separate word in the
// same paragraph as what precedes it, else "". Patterns read the words
// after a number with it, so no fact spans two paragraphs.
func (m *matcher) low(i int) string {
	if t := m.tok(i); t != nil && t.kind == tWord && t.space && !t.para {
		return t.low
	}
	return ""
}

// num returns the number at i when it is a plain number in the same
// paragraph as what precedes it, else nil.
func (m *matcher) num(i int) *token {
	if t := m.tok(i); t != nil && t.kind == tNum && t.num.shape == plain && !t.para {
		return t
	}
	return nil
}

func isHyphen(s string) bool {
	switch s {
	case "-", "‐", "‑", "–", "—", "'", "’", "ʼ":
		return true
	}
	return false
}

// suffixAt returns, lower-cased, the word glued by a hyphen or apostrophe
// at i to the token before it: in "2022-ci", at the index of "-" it
// returns "ci".
func (m *matcher) suffixAt(i int) string {
	h, w := m.tok(i), m.tok(i+1)
	if h == nil || w == nil || h.kind != tPunct || h.space || !isHyphen(h.text) || w.kind != tWord || w.space {
		return ""
	}
	return w.low
}

// joined reports whether tokens i and i+2 are numbers glued by a hyphen or dash at i+1.
func (m *matcher) joined(i int) bool {
	h, n := m.tok(i+1), m.tok(i+2)
	return h != nil && n != nil && h.kind == tPunct && !h.space && isHyphen(h.text) && n.kind == tNum && !n.space
}

// emit records a fact spanning tokens from..to-1.
func (m *matcher) emit(f hesabat.Fact, from, to int, num string) {
	a, b := &m.toks[from], &m.toks[to-1]
	f.Start, f.End, f.Text = a.r0, b.r1, m.src[a.b0:b.b1]
	m.out = append(m.out, found{f, num, to})
}

// elliptic completes a quantity without a unit (and no range) from the
// fact after it in the same paragraph:
//   - a percent after a comma and at most four words makes it a percent
//     ("23,4 faiz artıb, ölüm halları 13,3, boşanmalar 6,2 faiz");
//   - a quantity right after "və" lends its unit ("91067 və 2614 nəfər");
//   - a quantity after a comma and at most four words lends its unit when
//     it is one of measure ("uzunluğu 900, eni 6 metr" is 900 metres), not
//     a counter such as nəfər, which may count something else there.
func (m *matcher) elliptic() {
	for k := 0; k+1 < len(m.out); k++ {
		f, g := &m.out[k], &m.out[k+1]
		if f.Kind != hesabat.Quantity || f.Unit != "" || f.ValueEnd != nil {
			continue
		}
		if g.Kind == hesabat.Percent && m.tok(f.end) != nil && m.toks[f.end].text == "," && m.gapWords(f.end+1, g.Start) <= 4 {
			f.Kind = hesabat.Percent // "nikahlar 23,4 faiz artıb, ölüm halları 13,3, boşanmalar 6,2 faiz azalıb"
			continue
		}
		if g.Kind != hesabat.Quantity || !aztext.IsUnit(g.Unit) {
			continue
		}
		c := m.tok(f.end)
		if c != nil && c.kind == tWord && c.low == "və" && m.tok(f.end+1) != nil && m.toks[f.end+1].r0 == g.Start {
			f.Unit = g.Unit // "91067 və 2614 nəfər": one noun for both
			continue
		}
		if c == nil || c.text != "," || counters[g.Unit] {
			continue
		}
		if m.gapWords(f.end+1, g.Start) <= 4 {
			f.Unit = g.Unit
		}
	}
}

// gapWords counts the tokens from t up to the rune offset end, or returns
// 99 when one of them is not a word or starts a paragraph.
func (m *matcher) gapWords(t, end int) int {
	gap := 0
	for ; t < len(m.toks) && m.toks[t].r0 < end; t++ {
		if m.toks[t].kind != tWord || m.toks[t].para {
			return 99
		}
		gap++
	}
	return gap
}

func ptr(v float64) *float64 { return &v }

// at matches the patterns that may start at token i and returns where to go on.
func (m *matcher) at(i int) int {
	t := &m.toks[i]
	var e int
	switch t.kind {
	case tNum:
		e = m.fromNumber(i, i, "")
	case tWord:
		e = m.fromWord(i)
	case tPunct:
		e = m.fromPunct(i)
	}
	return max(e, i+1)
}

func (m *matcher) fromWord(i int) int {
	t := &m.toks[i]
	if q, j := m.qualifierBefore(i); q != "" {
		return m.numeric(j, i, q)
	}
	if e := m.monthFirst(i); e > 0 {
		return e
	}
	switch {
	case t.low == "saat":
		return m.timeAt(i+1, true)
	case phoneCue(t.low):
		if m.tok(i+1) != nil && m.tok(i+1).text == ":" {
			i++
		}
		return m.skipDigits(i + 1)
	case t.text == "AZ": // postcode "AZ 1022", "AZ-1022"
		j := i + 1
		if h := m.tok(j); h != nil && h.kind == tPunct && isHyphen(h.text) {
			j++
		}
		if n := m.num(j); n != nil && len(n.text) == 4 {
			return j + 1
		}
	}
	if len(t.text) == 3 { // the length of every currency code: most words skip the lookup
		if cur := currencyCodes[t.text]; cur != "" {
			return m.moneyFirst(i, cur)
		}
	}
	return m.words(i, i, "")
}

func (m *matcher) fromPunct(i int) int {
	t := &m.toks[i]
	next := m.tok(i + 1)
	if next == nil || next.kind != tNum {
		if t.text == "№" && m.suffixAt(i+1) != "" {
			return i + 3 // "№-li"
		}
		return 0
	}
	switch t.text {
	case "%":
		if !next.space && next.num.shape == plain {
			m.emit(hesabat.Fact{Kind: hesabat.Percent, Value: ptr(next.num.val.float())}, i, i+2, next.text)
			return i + 2
		}
	case "№":
		return m.numero(i)
	case "+":
		if !next.space {
			return m.skipDigits(i + 1)
		}
	case "(":
		if next.num.lead0 && m.tok(i+2) != nil && m.tok(i+2).text == ")" {
			return m.skipDigits(i + 1) // "(012) 538-98-16"
		}
	default:
		if cur := currencySymbols[t.text]; cur != "" {
			return m.moneyFirst(i, cur)
		}
	}
	return 0
}

// numeric matches a number starting at j, in digits or in words, with the
// qualifier q that precedes it from token from.
func (m *matcher) numeric(j, from int, q string) int {
	t := m.tok(j)
	switch {
	case t == nil:
		return 0
	case t.kind == tNum:
		return m.fromNumber(j, from, q)
	case t.kind == tWord:
		return m.words(j, from, q)
	}
	return 0
}

// qualifierBefore recognises a qualifier written before a number.
func (m *matcher) qualifierBefore(i int) (string, int) {
	switch w := m.toks[i].low; w {
	case "təxminən", "təqribən":
		return "about", i + 1
	case "ən":
		switch m.low(i + 1) {
		case "azı", "az":
			return "at least", i + 2
		case "çox", "çoxu":
			return "at most", i + 2
		}
	}
	return "", 0
}

// fromNumber matches the patterns that start with the digits at i.
func (m *matcher) fromNumber(i, from int, q string) int {
	t := &m.toks[i]
	if m.listMarker(i) {
		return i + 1
	}
	if m.phone(i) || m.serviceNumber(i) {
		return m.skipDigits(i)
	}
	if e := m.footnote(i); e > 0 {
		return e
	}
	if h, w := m.tok(i-1), m.tok(i-2); !t.space && h != nil && w != nil && h.kind == tPunct && isHyphen(h.text) && !h.space && w.kind == tWord {
		return m.skipDigits(i) // a code: "COVID-19"
	}
	switch t.num.shape {
	case dotDate:
		return m.dotDate(i)
	case clock:
		return m.timeAt(i, false)
	case fraction:
		if a, b := t.num.parts[0], t.num.parts[1]; a >= 1900 && b == a+1 && b <= 2100 {
			return m.yearRange(i, i+1, a, b) // "2021/2022-ci tədris ili"
		}
		return m.docNumber(i, i+1, t.text)
	case other:
		return i + 1
	}
	if t.num.whole && q == "" {
		if e := m.ordinalList(i); e > 0 {
			return e
		}
	}
	if e := m.hyphenated(i, from, q); e > 0 {
		return e
	}
	if e := m.bareDate(i); e > 0 {
		return e
	}
	if s, w := m.tok(i+1), m.tok(i+2); s != nil && w != nil && s.text == "/" && !s.space && w.kind == tWord && !w.space && len(w.text) <= 2 {
		if e := m.docNumber(i, i+3, m.src[t.b0:w.b1]); e > 0 {
			return e // "417/a nömrəli əmri"
		}
	}
	if e := m.docNumber(i, i+1, t.text); e > 0 {
		return e
	}
	return m.amount(from, i+1, q, t.num.val, nil, false, t.text)
}

// listMarker reports whether the number at i numbers a list item: "1." at
// the start of a paragraph, or "1)".
func (m *matcher) listMarker(i int) bool {
	next := m.tok(i + 1)
	if next == nil || next.space || next.kind != tPunct {
		return false
	}
	if next.text == ")" {
		prev := m.tok(i - 1)
		return prev == nil || prev.text != "(" || m.toks[i].space
	}
	return next.text == "." && m.toks[i].para && (m.tok(i+2) == nil || m.tok(i+2).space)
}

// phone reports whether the number at i is part of a telephone number:
// after "tel"/"telefon"/"faks", or starting with a 0 ("012 538 98 16").
func (m *matcher) phone(i int) bool {
	t := &m.toks[i]
	if t.num.lead0 && t.num.whole && len(t.text) >= 3 {
		return true
	}
	p := i - 1
	if pt := m.tok(p); pt != nil && pt.kind == tPunct && pt.text == ":" {
		p--
	}
	pt := m.tok(p)
	return pt != nil && pt.kind == tWord && phoneCue(pt.low)
}

func phoneCue(w string) bool {
	switch w {
	case "tel", "telefon", "telefonu", "telefonlar", "faks", "mob", "mobil", "nömrə", "nömrəsi",
		"vöen", "iban", "swift", "kod", "kodu":
		return true
	}
	return false
}

// lowAt returns the lower-cased word at k, or "" when k is not a word.
func (m *matcher) lowAt(k int) string {
	if t := m.tok(k); t != nil && t.kind == tWord {
		return t.low
	}
	return ""
}

// serviceNumber reports whether the number at i names a telephone service
// rather than counting: a short number in quotes alone ("“1002” qısa
// nömrəsi", "“966” qaynar xətti"), a number after "Çağrı Mərkəzi" or
// "qaynar xətt", or before "qısa nömrə…" or "qaynar xətt…"; an account,
// tax or telephone number written as ten or more digits without grouping
// (no quantity is written so); and, in a paragraph about telephones, two
// groups of two digits joined by a hyphen ("16-58"), the way short numbers
// are written.
func (m *matcher) serviceNumber(i int) bool {
	t := &m.toks[i]
	if t.num.whole && len(t.text) >= 10 {
		return true
	}
	if p, n := m.tok(i-1), m.tok(i+1); p != nil && n != nil && p.kind == tPunct && n.kind == tPunct && !t.space && !n.space &&
		strings.Contains("“\"«„'", p.text) && strings.Contains("”\"»“'", n.text) {
		return true
	}
	p1, p2 := m.lowAt(i-1), m.lowAt(i-2)
	if p1 == "mərkəzi" && p2 == "çağrı" || strings.HasPrefix(p1, "xətt") && p2 == "qaynar" {
		return true
	}
	j := i + 1
	if m.joined(i) {
		j = i + 3
	}
	if n1, n2 := m.low(j), m.low(j+1); n1 == "qısa" && strings.HasPrefix(n2, "nömrə") || n1 == "qaynar" && strings.HasPrefix(n2, "xətt") {
		return true
	}
	return m.joined(i) && len(t.text) == 2 && len(m.toks[i+2].text) == 2 && m.phoneParagraph(i)
}

// phoneParagraph reports whether the paragraph around token i speaks of
// telephones: it has a word starting with "telefon", "qaynar" or "zəng".
func (m *matcher) phoneParagraph(i int) bool {
	a, b := i, i
	for a > 0 && !m.toks[a].para {
		a--
	}
	for b+1 < len(m.toks) && !m.toks[b+1].para {
		b++
	}
	for k := a; k <= b; k++ {
		if w := m.lowAt(k); strings.HasPrefix(w, "telefon") || strings.HasPrefix(w, "qaynar") || strings.HasPrefix(w, "zəng") {
			return true
		}
	}
	return false
}

// footnote matches a footnote mark at i and returns its end, else 0: one
// number in square brackets ("[2]"), or two or more numbers separated by
// commas in round brackets ("(1, 119)"), the references to amending acts
// printed after articles of a code.
func (m *matcher) footnote(i int) int {
	p := m.tok(i - 1)
	if p == nil || p.kind != tPunct || (p.text != "[" && p.text != "(") {
		return 0
	}
	j, count := i, 0
	for {
		n := m.tok(j)
		if n == nil || n.kind != tNum || !n.num.whole {
			return 0
		}
		count++
		s := m.tok(j + 1)
		switch {
		case s == nil:
			return 0
		case s.text == "]" && p.text == "[" || s.text == ")" && p.text == "(" && count >= 2:
			return j + 2
		case s.text != ",":
			return 0
		}
		j += 2
	}
}

// skipDigits consumes a run of numbers joined by hyphens, brackets or
// spaces from i, such as a telephone number, and returns its end (i when
// there is none).
func (m *matcher) skipDigits(i int) int {
	j := i
	for t := m.tok(j); t != nil; t = m.tok(j) {
		if t.kind != tNum && (t.kind != tPunct || !isHyphen(t.text) && t.text != "(" && t.text != ")" && t.text != "+") {
			break
		}
		j++
	}
	return j
}

// hyphenated matches digits followed by a hyphen: a suffix ("2022-ci",
// "3-cü"), a code ("212-VQD", "3-əmək") or more digits ("2015-2021",
// "01-12-2022", "538-98-16", "10-15").
func (m *matcher) hyphenated(i, from int, q string) int {
	t := &m.toks[i]
	if m.joined(i) {
		n := &m.toks[i+2]
		if n.num.shape != plain {
			return i + 3
		}
		if e := m.dashDate(i); e > 0 {
			return e
		}
		if e := m.bareDate(i); e > 0 {
			return e // "5-7 oktyabr"
		}
		if m.joined(i + 2) { // three or more groups: a phone number or a code
			return m.skipDigits(i)
		}
		a, b := yearOf(t), yearOf(n)
		if a > 0 && b > a {
			return m.yearRange(i, i+3, a, b)
		}
		if x, y := t.num.val.float(), n.num.val.float(); y <= x {
			return i + 3 // "326-1", "244-1-ci": an article number, not a range
		}
		if suf := m.suffixAt(i + 3); suf != "" && classify(suf) == sOrdinal {
			return m.ordinalRange(i)
		}
		return m.amount(from, i+3, q, t.num.val, &n.num.val, false, t.text)
	}
	suf := m.suffixAt(i + 1)
	if suf == "" {
		return 0
	}
	switch k := classify(suf); {
	case k == sOrdinal:
		if y := yearOf(t); y > 0 {
			if e := m.year(i, i+3, y); e > 0 {
				return e
			}
		}
		return m.ordinal(i)
	case isCode(m.toks[i+2].text):
		return m.lawNumber(i)
	case k == sNone || k == sOther:
		return i + 3 // a form code such as "3-əmək"
	case yearOf(t) > 0:
		// "2021-də", "2022-nin", "2030-a qədər"; but "2000-dən çox" and
		// "2000-ə yaxın" are amounts.
		if q, _ := m.qualifierAfter(k, i+3); q == "more than" || q == "less than" || q == "nearly" {
			return 0
		}
		m.emit(hesabat.Fact{Kind: hesabat.Year, Value: ptr(float64(yearOf(t)))}, i, i+3, t.text)
		return i + 3
	}
	return 0
}

// yearOf returns the value of an integer token written with four digits
// between 1900 and 2100, else 0.
func yearOf(t *token) int {
	if t == nil || t.kind != tNum || t.num.shape != plain || !t.num.whole || len(t.text) != 4 {
		return 0
	}
	if y, ok := t.num.val.integer(); ok && y >= 1900 && y <= 2100 {
		return y
	}
	return 0
}

// dayOf returns the value of a one- or two-digit integer token from 1 to 31, else 0.
func dayOf(t *token) int {
	if t == nil || t.kind != tNum || t.num.shape != plain || !t.num.whole || len(t.text) > 2 {
		return 0
	}
	d, _ := t.num.val.integer()
	if d < 1 || d > 31 {
		return 0
	}
	return d
}

// ilWords are the forms of "il" (year) that follow a year.
var ilWords = map[string]bool{
	"il": true, "illə": true, "ildə": true, "ildən": true, "ilin": true, "ilə": true, "ilədək": true, "ildək": true,
	"ili": true, "ilində": true, "ilindən": true, "ilinə": true, "ilinin": true, "ildəki": true,
	"illər": true, "illərdə": true, "illərdən": true, "illərin": true, "illərə": true,
	"illəri": true, "illərində": true, "illərinə": true, "illərdək": true, "illərədək": true,
}

// yearKinds are the words between a year and "il" in "2022-ci tədris ili".
var yearKinds = map[string]bool{
	"tədris": true, "maliyyə": true, "büdcə": true, "təsərrüfat": true, "hesabat": true, "təqvim": true,
}

// yearRange matches "2015-2021", "2020-2022-ci illər" and "2021/2022-ci
// tədris ili" from a to b, whose digits span tokens i..end-1.
func (m *matcher) yearRange(i, end, a, b int) int {
	if suf := m.suffixAt(end); suf != "" && classify(suf) == sOrdinal {
		end += 2
		if yearKinds[m.low(end)] && ilWords[m.low(end+1)] {
			end++
		}
		if ilWords[m.low(end)] {
			end++
		}
	}
	m.emit(hesabat.Fact{Kind: hesabat.YearRange, Value: ptr(float64(a)), ValueEnd: ptr(float64(b))}, i, end, m.toks[i].text)
	return end
}

// year matches "2022-ci il…" or "2019 ildə" with the year y at i and the
// year word at j, and a date that follows "il": "2022-ci il 26 yanvar",
// "2022-ci il may ayının 10-da".
func (m *matcher) year(i, j, y int) int {
	w := m.low(j)
	if yearKinds[w] && ilWords[m.low(j+1)] {
		j++
		w = m.low(j)
	}
	if !ilWords[w] {
		return 0
	}
	if w == "il" || w == "ilin" {
		if md := m.monthDay(j + 1); md.end > 0 && !m.toks[j+1].para && validDate(y, md.month, md.day) && validDate(y, md.month, md.last) {
			m.emitDate(i, md.end, y, md)
			return md.end
		}
	}
	m.emit(hesabat.Fact{Kind: hesabat.Year, Value: ptr(float64(y))}, i, j+1, m.toks[i].text)
	return j + 1
}

// dayMonth is a day (or days) of a month.
type dayMonth struct {
	month, day int
	last       int // the last day of a range "5-7 oktyabr", else day
	end        int // the token after the match; 0 for no match
}

// monthDay matches a day and month without a year starting at j: "26
// yanvar", "5-7 oktyabr", "oktyabrın 1-i", "may ayının 10-dan".
func (m *matcher) monthDay(j int) dayMonth {
	t := m.tok(j)
	if t == nil {
		return dayMonth{}
	}
	if d := dayOf(t); d > 0 {
		md := dayMonth{day: d, last: d, end: j + 1}
		if m.joined(j) {
			if md.last = dayOf(&m.toks[j+2]); md.last <= d {
				return dayMonth{}
			}
			md.end = j + 3
		}
		if md.month, _ = month(m.low(md.end)); md.month == 0 || !t.space {
			return dayMonth{}
		}
		md.end++
		return md
	}
	if t.kind != tWord {
		return dayMonth{}
	}
	mo, suf := month(t.low) // t may start the paragraph: its own position is no break
	if mo == 0 {
		return dayMonth{}
	}
	k := j + 1
	switch c := classify(m.suffixAt(k + 1)); {
	case suf == "" && (m.low(k) == "ayının" || m.low(k) == "ayın"):
		k++
	case suf == "" && c != sNone && c != sOther && c != sOrdinal:
		// "yanvar 1-də": a bare month, then a day with a case suffix
	case classify(suf) != sGen:
		return dayMonth{}
	}
	d := dayOf(m.tok(k))
	if d == 0 || !m.toks[k].space || m.toks[k].para {
		return dayMonth{}
	}
	md := dayMonth{month: mo, day: d, last: d, end: k + 1}
	sk := sNone
	if suf := m.suffixAt(md.end); suf != "" {
		if sk = classify(suf); sk != sNone && sk != sOther {
			md.end += 2
		}
	}
	// A range of days: "fevral ayının 5-dən 12-dək", "-dən 12-nə qədər".
	if n := m.num(md.end); sk == sAbl && n != nil && n.space {
		if last := dayOf(n); last > d {
			switch c := classify(m.suffixAt(md.end + 1)); {
			case c == sTerm:
				md.last, md.end = last, md.end+3
			case c == sDat && (m.low(md.end+3) == "qədər" || m.low(md.end+3) == "kimi"):
				md.last, md.end = last, md.end+4
			}
		}
	}
	return md
}

// emitDate emits the date md of year y (0 when the text gives none) spanning
// tokens i..end-1. A range of days sets Ref to the ISO interval.
func (m *matcher) emitDate(i, end, y int, md dayMonth) {
	iso := func(d int) string {
		if y == 0 {
			return fmt.Sprintf("--%02d-%02d", md.month, d)
		}
		return fmt.Sprintf("%04d-%02d-%02d", y, md.month, d)
	}
	f := hesabat.Fact{Kind: hesabat.Date, Date: iso(md.day)}
	if md.last != md.day {
		f.Ref = iso(md.day) + "/" + iso(md.last)
	}
	m.emit(f, i, end, m.toks[m.firstNum(i, end)].text)
}

// monthFirst matches a day-month date that starts with the month at i.
func (m *matcher) monthFirst(i int) int {
	if t := &m.toks[i]; t.kind == tWord && !mayNameMonth(t.low) {
		return 0 // most words: no month, so no date (see monthDay)
	}
	md := m.monthDay(i)
	if md.end == 0 || !validDate(2000, md.month, md.day) {
		return 0
	}
	m.emitDate(i, md.end, 0, md)
	return md.end
}

// firstNum returns the index of the first number token in from..to-1.
func (m *matcher) firstNum(from, to int) int {
	for k := from; k < to; k++ {
		if m.toks[k].kind == tNum {
			return k
		}
	}
	return from
}

// bareDate matches dates and years that start with unsuffixed digits:
// "26 yanvar", "5-7 oktyabr", "15 mart 2012-ci il", "2022 ildə".
func (m *matcher) bareDate(i int) int {
	if md := m.monthDay(i); md.end > 0 && validDate(2000, md.month, md.last) {
		end, y := md.end, 0
		if yy, e := m.yearAfter(end); yy > 0 && validDate(yy, md.month, md.last) {
			end, y = e, yy
		}
		m.emitDate(i, end, y, md)
		return end
	}
	if y := yearOf(&m.toks[i]); y > 0 {
		return m.year(i, i+1, y) // "2019 ildə", "2022 hesabat ilində"
	}
	return 0
}

// yearAfter matches the year that ends a date: "2012", "2012-ci il", "2012-ci ildə".
func (m *matcher) yearAfter(j int) (int, int) {
	t := m.tok(j)
	y := yearOf(t)
	if y == 0 || !t.space || t.para {
		return 0, 0
	}
	end := j + 1
	if suf := m.suffixAt(end); suf != "" && classify(suf) == sOrdinal {
		end += 2
	}
	if ilWords[m.low(end)] {
		end++
	}
	return y, end
}

// dotDate matches "01.12.2022" with an optional "-ci il".
func (m *matcher) dotDate(i int) int {
	p := m.toks[i].num.parts
	end := m.yearTail(i + 1)
	m.emit(hesabat.Fact{Kind: hesabat.Date, Date: fmt.Sprintf("%04d-%02d-%02d", p[2], p[1], p[0])}, i, end, m.toks[i].text)
	return end
}

// yearTail consumes an optional "-ci il" or case suffix after a date
// ending before j and returns the new end.
func (m *matcher) yearTail(j int) int {
	if suf := m.suffixAt(j); suf != "" {
		if c := classify(suf); c == sOrdinal {
			j += 2
			if ilWords[m.low(j)] {
				j++
			}
		} else if c != sNone && c != sOther {
			j += 2
		}
	}
	return j
}

// dashDate matches "01-12-2022" starting at i.
func (m *matcher) dashDate(i int) int {
	a, b := &m.toks[i], &m.toks[i+2]
	if !m.joined(i+2) || len(a.text) > 2 || len(b.text) > 2 {
		return 0
	}
	c := &m.toks[i+4]
	y := yearOf(c)
	d, _ := a.num.val.integer()
	mo, _ := b.num.val.integer()
	if y == 0 || !validDate(y, mo, d) {
		return 0
	}
	end := m.yearTail(i + 5)
	m.emit(hesabat.Fact{Kind: hesabat.Date, Date: fmt.Sprintf("%04d-%02d-%02d", y, mo, d)}, i, end, a.text)
	return end
}

// timeAt matches a time or a time range starting at i: "09:00-dan
// 18:00-dək", "09:00-18:00", and after "saat" (saat true) also "10.00-da"
// and whole hours "9-dan 18-dək".
func (m *matcher) timeAt(i int, saat bool) int {
	h, mi, ok := clockOf(m.tok(i), saat)
	if !ok {
		return 0
	}
	num := m.toks[i].text
	j := i + 1
	if m.joined(i) {
		j++ // "09:00-18:00"
	} else if suf := m.suffixAt(j); suf != "" && classify(suf) == sAbl {
		j += 2
		if t := m.tok(j); t != nil && !t.space {
			return 0
		}
	}
	if h2, m2, ok := clockOf(m.tok(j), saat); ok && j > i+1 && !m.toks[j].para {
		end := j + 1
		if suf := m.suffixAt(end); suf != "" {
			if c := classify(suf); c == sTerm || c == sDat {
				end += 2
				if w := m.low(end); c == sDat && (w == "qədər" || w == "kimi") {
					end++
				}
			}
		}
		m.emit(hesabat.Fact{Kind: hesabat.TimeRange,
			Value: ptr(float64(h*60 + mi)), ValueEnd: ptr(float64(h2*60 + m2)),
			Ref: fmt.Sprintf("%02d:%02d-%02d:%02d", h, mi, h2, m2)}, i, end, num)
		return end
	}
	if m.toks[i].num.shape != clock && !m.toks[i].num.dot2 {
		return 0 // a whole hour alone is too weak
	}
	end := i + 1
	if suf := m.suffixAt(end); suf != "" && classify(suf) != sNone {
		end += 2
	}
	m.emit(hesabat.Fact{Kind: hesabat.TimeRange, Value: ptr(float64(h*60 + mi)),
		Ref: fmt.Sprintf("%02d:%02d", h, mi)}, i, end, num)
	return end
}

// clockOf reads a clock time: "09:00" anywhere; after "saat" also "10.00"
// and a whole hour "9".
func clockOf(t *token, saat bool) (h, mi int, ok bool) {
	if t == nil || t.kind != tNum {
		return 0, 0, false
	}
	switch n := t.num; {
	case n.shape == clock:
		return n.parts[0], n.parts[1], true
	case !saat || n.shape != plain:
		// no other form is a time without "saat"
	case n.dot2 && n.parts[0] <= 24 && n.parts[1] < 60:
		return n.parts[0], n.parts[1], true
	case n.whole && len(t.text) <= 2:
		if v, _ := n.val.integer(); v <= 24 {
			return v, 0, true
		}
	}
	return 0, 0, false
}

// ordinal matches "3-cü yeri" with the number at i.
func (m *matcher) ordinal(i int) int {
	t := &m.toks[i]
	v, ok := t.num.val.integer()
	end := i + 3
	if !ok || !t.num.whole {
		return end
	}
	unit, end, name := m.ordinalUnit(end)
	if !name {
		m.emit(hesabat.Fact{Kind: hesabat.Ordinal, Value: ptr(float64(v)), Unit: unit}, i, end, t.text)
	}
	return end
}

// ordinalUnit reads the noun after an ordinal at j and returns its lemma
// (the noun of an adjective in -lıq: "143-157-ci kilometrlik hissə" →
// "kilometr") and the end. name reports that the ordinal and its noun are
// part of a place name: a settlement word follows ("20-ci sahə
// qəsəbəsi").
func (m *matcher) ordinalUnit(j int) (unit string, end int, name bool) {
	w := m.low(j)
	if w == "" || notUnit(w) {
		return "", j, false
	}
	if base, ok := aztext.AttributiveBase(w); ok {
		unit = base
	} else {
		unit = m.noun(w, false).Stem
	}
	return unit, j + 1, settlements[m.noun(m.low(j+1), false).Stem]
}

// settlements are the nouns that make an ordinal and the noun before them
// a place name ("20-ci sahə qəsəbəsi", "8-ci kilometr qəsəbəsi").
var settlements = map[string]bool{"qəsəbə": true, "kənd": true, "massiv": true, "mikrorayon": true, "məhəllə": true}

// ordinalRange matches a range of ordinals "143-157-ci kilometrlik", "9-11-ci
// sinif" with the first number at i, the second at i+2 and the suffix at i+3.
func (m *matcher) ordinalRange(i int) int {
	a, okA := m.toks[i].num.val.integer()
	b, okB := m.toks[i+2].num.val.integer()
	if !okA || !okB || !m.toks[i].num.whole || !m.toks[i+2].num.whole {
		return i + 5
	}
	unit, end, name := m.ordinalUnit(i + 5)
	if !name {
		m.emit(hesabat.Fact{Kind: hesabat.Ordinal, Value: ptr(float64(a)), ValueEnd: ptr(float64(b)), Unit: unit}, i, end, m.toks[i].text)
	}
	return end
}

// ordinalList matches ordinals that share one suffix, "12, 13 və 14-cü
// küçələrində", "5 və 7-ci döngələri": whole numbers separated by commas
// or "və", the last with an ordinal suffix. Each number is an ordinal with
// the noun after the last. It returns 0 when i starts no such list.
func (m *matcher) ordinalList(i int) int {
	nums := []int{i}
	j := i
	for {
		sep := m.tok(j + 1)
		if sep == nil || !(sep.kind == tPunct && sep.text == "," || sep.kind == tWord && sep.low == "və" && !sep.para) {
			return 0
		}
		n := m.num(j + 2)
		if n == nil || !n.num.whole || !n.space {
			return 0
		}
		j += 2
		nums = append(nums, j)
		if suf := m.suffixAt(j + 1); suf != "" {
			if classify(suf) != sOrdinal {
				return 0
			}
			break
		}
	}
	for _, k := range nums {
		if _, ok := m.toks[k].num.val.integer(); !ok || yearOf(&m.toks[k]) > 0 {
			return 0 // "2020, 2021 və 2022-ci illər" are years
		}
	}
	unit, end, name := m.ordinalUnit(j + 3)
	if name {
		return end
	}
	for _, k := range nums {
		v, _ := m.toks[k].num.val.integer()
		e := k + 1
		if k == j {
			e = end
		}
		m.emit(hesabat.Fact{Kind: hesabat.Ordinal, Value: ptr(float64(v)), Unit: unit}, k, e, m.toks[k].text)
	}
	return end
}

// isCode reports whether s is an upper-case letter code such as "VQD" in
// "212-VQD".
func isCode(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return s != ""
}

// lawNumber matches a law number "212-VQD" at i, with "nömrəli X" after it.
func (m *matcher) lawNumber(i int) int {
	ref := m.src[m.toks[i].b0:m.toks[i+2].b1]
	if e := m.docNumber(i, i+3, ref); e > 0 {
		return e
	}
	return m.docRef(i, i+3, ref)
}

// docNumber matches "930 nömrəli Fərmanı" where the reference ref spans
// tokens i..j-1; it returns 0 unless "nömrəli" or "saylı" follows.
func (m *matcher) docNumber(i, j int, ref string) int {
	if w := m.low(j); w != "nömrəli" && w != "saylı" {
		return 0
	}
	return m.docRef(i, j+1, ref)
}

// docRef emits a document number ref spanning i..j-1, with the document
// noun at j as its unit when there is one.
func (m *matcher) docRef(i, j int, ref string) int {
	unit := ""
	if w := m.low(j); w != "" && !notUnit(w) {
		if a := m.noun(w, false); docTypes[a.Stem] || m.low(j-1) == "nömrəli" || m.low(j-1) == "saylı" {
			unit, j = a.Stem, j+1
		}
	}
	m.emit(hesabat.Fact{Kind: hesabat.DocNumber, Ref: ref, Unit: unit}, i, j, m.toks[m.firstNum(i, j)].text)
	return j
}

// numero matches "№ 930", "№930", "№ 212-VQD" at i.
func (m *matcher) numero(i int) int {
	n := m.tok(i + 1)
	if n.num.shape != plain && n.num.shape != fraction {
		return i + 2
	}
	j := i + 2
	if m.suffixAt(j) != "" && isCode(m.toks[j+1].text) {
		j += 2
	}
	return m.docRef(i, j, m.src[n.b0:m.toks[j-1].b1])
}

// docTypes are the nouns a document number refers to.
var docTypes = map[string]bool{
	"qərar": true, "fərman": true, "sərəncam": true, "qanun": true, "əmr": true, "məktub": true,
	"protokol": true, "müqavilə": true, "qətnamə": true, "akt": true, "saziş": true,
	"göstəriş": true, "əsasnamə": true, "qayda": true, "təlimat": true, "memorandum": true,
}

// sufKind classifies a suffix written after digits.
type sufKind uint8

const (
	sNone    sufKind = iota // not a suffix: "əmək" in "3-əmək"
	sOrdinal                // -ci
	sAbl                    // -dən
	sDat                    // -ə, -yə
	sLoc                    // -də
	sGen                    // -in, -nin
	sAcc                    // -i, -nı (also the possessive "1-i")
	sTerm                   // -dək, -can
	sOther                  // another suffix: -li, -lik
)

// classify returns the kind of the lower-cased suffix s. All four vowels are
// accepted in every row of the harmony table, since documents contain typos.
func classify(s string) sufKind {
	switch s {
	case "ci", "cı", "cu", "cü", "nci", "ncı", "ncu", "ncü", "inci", "ıncı", "uncu", "üncü":
		return sOrdinal
	case "dan", "dən", "ndan", "ndən", "tan", "tən":
		return sAbl
	case "a", "ə", "ya", "yə", "na", "nə":
		return sDat
	case "da", "də", "nda", "ndə", "dakı", "dəki", "ta", "tə":
		return sLoc
	case "in", "ın", "un", "ün", "nin", "nın", "nun", "nün":
		return sGen
	case "i", "ı", "u", "ü", "ni", "nı", "nu", "nü", "si", "sı", "su", "sü":
		return sAcc
	case "dək", "dəkən", "can", "cən", "ədək", "adək", "yədək", "yadək", "nadək", "nədək":
		return sTerm
	case "li", "lı", "lu", "lü", "lik", "lık", "luq", "lük", "lıq", "lüq":
		return sOther
	}
	return sNone
}

// months are the month names; a month's number is its index plus one.
var months = [12]string{"yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr"}

// monthPrefix reports whether p is the first three bytes of a month name,
// a cheap filter for month (a switch: no hashing, for every word).
func monthPrefix(p string) bool {
	switch p {
	case "yan", "fev", "mar", "apr", "may", "iyu", "avq", "sen", "okt", "noy", "dek":
		return true
	}
	return false
}

// mayNameMonth reports whether the lower-cased word w may name a month
// (see month): its first three bytes start a month's name.
func mayNameMonth(w string) bool {
	return len(w) >= 3 && monthPrefix(w[:3])
}

// month returns the month a lower-cased word names ("yanvar", "oktyabrın",
// "mayda") with the suffix after the name, or 0.
func month(w string) (int, string) {
	if len(w) < 3 || !monthPrefix(w[:3]) {
		return 0, ""
	}
	for k, name := range months {
		if len(w) >= len(name) && w[:len(name)] == name {
			suf := w[len(name):]
			switch classify(suf) {
			case sNone:
				if suf != "" && suf != "ında" && suf != "ində" && suf != "unda" {
					continue
				}
			case sOrdinal, sOther:
				continue
			}
			return k + 1, suf
		}
	}
	return 0, ""
}
