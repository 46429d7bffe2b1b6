package facts

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/hesabat/hesabat/transform/aztext"
)

// TestShortcuts checks what the matcher's shortcuts assume of its word
// lists: every currency code has three letters (fromWord looks only
// those up) and monthPrefix passes every month name.
func TestShortcuts(t *testing.T) {
	for code := range currencyCodes {
		if len(code) != 3 {
			t.Errorf("currency code %q: fromWord looks up three-letter words only", code)
		}
	}
	for _, name := range months {
		if !monthPrefix(name[:3]) {
			t.Errorf("monthPrefix(%q) = false", name[:3])
		}
	}
}

// TestLowerWords checks the ASCII shortcut of lowerWords against
// LowerRune applied to every rune of the word.
func TestLowerWords(t *testing.T) {
	text := "İCRA Icra ILIN Müddəti ÇÖL AZN x\xffY ŞəKİ Ǝ Bakı QEYRİ-HÖKUMƏT"
	for _, tok := range tokenize(text, nil) {
		if tok.kind != tWord {
			continue
		}
		var want []rune
		for _, r := range tok.text {
			want = append(want, aztext.LowerRune(r))
		}
		if tok.low != string(want) {
			t.Errorf("low of %q = %q, want %q", tok.text, tok.low, string(want))
		}
	}
}

// TestLinkFinder checks linkFinder against the rule it replaces: the
// chunk at i searched for a "www." prefix, "@" and "://", asked at
// every byte, in order, of texts with links in all places (tokenize asks
// after any space, which may be a no-break one inside a chunk).
func TestLinkFinder(t *testing.T) {
	old := func(s string, i int) int {
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' && s[j] != '\r' {
			j++
		}
		c := s[i:j]
		if strings.HasPrefix(c, "www.") || strings.HasPrefix(c, "WWW.") || strings.IndexByte(c, '@') >= 0 || strings.Contains(c, "://") {
			return j
		}
		return i
	}
	texts := []string{
		"", "@", "://", "a://", ":/ /", "www.", "www", "WWW.x", "xwww.y", "a@b", "e-poçt: info@mincom.gov.az, sayt: https://www.gov.az.",
		"1. http://x.az\n2. www.e-gov.az və info@x.az 3. ://", "ftp:// x @ y", "a\u00a0b@c d", "a\t@b\rc\nhttps://a/b www.a",
	}
	rnd := rand.New(rand.NewPCG(5, 6))
	for range 2000 { // and random texts of the characters that matter
		var b []byte
		for range rnd.IntN(30) {
			b = append(b, "aw.:/@ \n\t"[rnd.IntN(9)])
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		lf := linkFinder{mark: -1}
		for i := 0; i < len(s); i++ {
			if got, want := lf.end(s, i), old(s, i); got != want {
				t.Errorf("%q at %d: end %d, want %d", s, i, got, want)
			}
		}
	}
}

// TestLetterShortcuts checks the Azerbaijani letters that isLetter and
// scanWord answer for without package unicode against it.
func TestLetterShortcuts(t *testing.T) {
	for _, r := range "əışçğöüƏİŞÇĞÖÜ" {
		if !unicode.IsLetter(r) || !isLetter(r) {
			t.Errorf("%q: isLetter %v, unicode.IsLetter %v", r, isLetter(r), unicode.IsLetter(r))
		}
		if _, _, upper := scanWord(string(r), 0); upper != unicode.IsUpper(r) {
			t.Errorf("%q: scanWord upper %v, unicode.IsUpper %v", r, upper, unicode.IsUpper(r))
		}
	}
	// tokenize's inline test for ASCII letters, against isLetter: a
	// character that is no digit, space or link starts a word exactly
	// when isLetter says it is a letter.
	for c := rune(0); c < utf8.RuneSelf; c++ {
		if isSpace(c) || isDigit(byte(c)) {
			continue
		}
		if toks := tokenize(string(c)+"x", nil); (toks[0].kind == tWord) != isLetter(c) {
			t.Errorf("%q starts a %v token; isLetter %v", c, toks[0].kind, isLetter(c))
		}
	}
}

// TestNumberOutOfLine holds tokens' numbers, kept out of line, to the
// rule of a number in the token: each number token's num is what
// scanNumber reads at its start, every other token's is the zero number,
// and extracting the facts of every test sentence writes none of them
// (noNumber stays zero).
func TestNumberOutOfLine(t *testing.T) {
	numbers := 0
	for _, c := range extractCases {
		for _, tk := range tokenize(c.in, nil) {
			switch {
			case tk.kind == tNum:
				numbers++
				if _, want := scanNumber(c.in, tk.b0); *tk.num != want || tk.num == &noNumber {
					t.Errorf("%q: token %q holds %+v, scanNumber %+v", c.in, tk.text, *tk.num, want)
				}
			case tk.num != &noNumber:
				t.Errorf("%q: token %q, not a number, holds %+v", c.in, tk.text, *tk.num)
			}
		}
		Extract(c.in)
	}
	if noNumber != (number{}) {
		t.Errorf("noNumber written: %+v", noNumber)
	}
	if numbers < 100 {
		t.Errorf("only %d numbers among the sentences", numbers)
	}
}

// TestNumberWordStart holds numberWordStart, which tells most words from
// their first two bytes, to its set: every word of the set, the set's
// words cut, extended and with a letter changed, and every token of the
// test sentences.
func TestNumberWordStart(t *testing.T) {
	var words []string
	for w := range numberWordSet {
		words = append(words, w, w[:len(w)-1], w+"a", w[:1], "x"+w)
		if len(w) >= 2 {
			words = append(words, w[:1]+"z"+w[2:])
		}
	}
	for _, c := range extractCases {
		for _, tk := range tokenize(c.in, nil) {
			words = append(words, tk.low, tk.text)
		}
	}
	in := 0
	for _, w := range words {
		if got, want := numberWordStart(w), numberWordSet[w]; got != want {
			t.Errorf("numberWordStart(%q) = %v, the set says %v", w, got, want)
		}
		if numberWordSet[w] {
			in++
		}
	}
	if in < len(numberWordSet) || in == len(words) {
		t.Errorf("%d of %d words in the set: the cases do not tell", in, len(words))
	}
}

// TestMonthFirstShortcut holds monthFirst, which looks no further at a
// word that mayNameMonth rejects, to the rule it replaces (monthDay at
// every token), on every token of the test sentences and of sentences
// that put each month's forms first: the same end and the same facts.
func TestMonthFirstShortcut(t *testing.T) {
	old := func(m *matcher, i int) int {
		md := m.monthDay(i)
		if md.end == 0 || !validDate(2000, md.month, md.day) {
			return 0
		}
		m.emitDate(i, md.end, 0, md)
		return md.end
	}
	texts := []string{}
	for _, c := range extractCases {
		texts = append(texts, c.in)
	}
	for _, name := range months {
		texts = append(texts, name+" 5-də", name+"ın 1-i", name+" ayının 10-dan", "1 "+name, aztext.Upper(name[:1])+name[1:]+" 3-də")
	}
	matched := 0
	for _, s := range texts {
		toks := tokenize(s, nil)
		for i := range toks {
			got, want := &matcher{src: s, toks: toks}, &matcher{src: s, toks: toks}
			g, w := got.monthFirst(i), old(want, i)
			if g != w || len(got.out) != len(want.out) || len(got.out) > 0 && got.out[0].Fact.Text != want.out[0].Fact.Text {
				t.Errorf("%q at %q: monthFirst %d %v, the rule %d %v", s, toks[i].text, g, got.out, w, want.out)
			}
			if w > 0 {
				matched++
			}
		}
	}
	if matched < len(months) {
		t.Errorf("monthFirst matched %d times: the sentences do not tell", matched)
	}
}
