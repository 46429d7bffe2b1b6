package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tkind classifies a token.
type tkind uint8

const (
	tWord   tkind = iota + 1 // a run of letters
	tNum                     // a number as written: "2278", "1 290,7", "01.12.2022", "09:00", "1/3"
	tPunct                   // one other rune: "-", "%", "№", "₼", "(", …
	tOpaque                  // never a fact: a URL, an e-mail address, letters glued to digits ("V2", "AZ1022")
)

// token is one lexical unit of the input with its offsets.
type token struct {
	kind   tkind
	space  bool   // whitespace or the start of the text comes right before the token
	para   bool   // the token starts a paragraph
	b0, b1 int    // byte offsets into the text
	r0, r1 int    // rune offsets into the text
	text   string // the token as written
	low    string // tWord: text lower-cased with Azerbaijani rules
	num    number // tNum: what the digits mean
}

// isSpace reports whether r separates tokens. No-break and thin spaces
// count: documents put them inside numbers ("1 290,7").
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u2009', '\u2007':
		return true
	}
	return false
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// lower lower-cases an Azerbaijani word: "İCLAS" → "iclas", "ILIN" → "ılın".
// It returns s itself when s has no upper-case letter.
func lower(s string) string {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return strings.ToLowerSpecial(unicode.AzeriCase, s)
		}
	}
	return s
}

// tokenize splits normalised text into tokens, appending to toks. A
// whitespace-delimited chunk holding "@", "://" or starting with "www." is
// one opaque token; so is a run of letters and digits glued together.
func tokenize(s string, toks []token) []token {
	space, para := true, true
	rn := 0 // rune offset of byte i
	first, nUpper := len(toks), 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			space = true
			if r == '\n' {
				para = true
			}
			i += w
			rn++
			continue
		}
		t := token{space: space, para: para, b0: i, r0: rn}
		space, para = false, false
		switch {
		case t.space && isLink(s[i:chunkEnd(s, i)]):
			t.kind, t.b1 = tOpaque, chunkEnd(s, i)
		case r < utf8.RuneSelf && isDigit(byte(r)):
			t.kind = tNum
			t.b1, t.num = scanNumber(s, i)
			if e := alnumEnd(s, t.b1); e > t.b1 {
				t.kind, t.b1 = tOpaque, e // "5G", "2x"
			}
		case isLetter(r):
			t.kind = tWord
			t.b1 = i + w
			for t.b1 < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[t.b1:])
				if !isLetter(r2) {
					break
				}
				t.b1 += w2
			}
			if t.b1 < len(s) && isDigit(s[t.b1]) {
				t.kind, t.b1 = tOpaque, alnumEnd(s, t.b1) // "V2", "AZ1022", "v3.0"
			}
		default:
			t.kind, t.b1 = tPunct, i+w
		}
		t.text = s[t.b0:t.b1]
		if t.kind == tWord {
			t.low = t.text
			if hasUpper(t.text) {
				nUpper++
				t.low = "" // filled in below
			}
		}
		t.r1 = t.r0 + utf8.RuneCountInString(t.text)
		toks = append(toks, t)
		i, rn = t.b1, t.r1
	}
	if nUpper > 0 {
		lowerWords(toks[first:])
	}
	return toks
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// lowerWords sets low for the words that have upper-case letters, writing
// all of them into one string so that a text costs one allocation.
func lowerWords(toks []token) {
	var buf []byte
	var ends []int
	for k := range toks {
		if t := &toks[k]; t.kind == tWord && t.low == "" {
			for _, r := range t.text {
				buf = utf8.AppendRune(buf, unicode.AzeriCase.ToLower(r))
			}
			ends = append(ends, len(buf))
		}
	}
	all, n, start := string(buf), 0, 0
	for k := range toks {
		if t := &toks[k]; t.kind == tWord && t.low == "" {
			t.low = all[start:ends[n]]
			start = ends[n]
			n++
		}
	}
}

// chunkEnd returns the byte offset of the first ASCII whitespace at or after i.
func chunkEnd(s string, i int) int {
	for j := i; j < len(s); j++ {
		switch s[j] {
		case ' ', '\n', '\t', '\r':
			return j
		}
	}
	return len(s)
}

// isLink reports whether a whitespace-delimited chunk is a URL or an
// e-mail address.
func isLink(c string) bool {
	return strings.IndexByte(c, '@') >= 0 || strings.Contains(c, "://") ||
		strings.HasPrefix(c, "www.") || strings.HasPrefix(c, "WWW.")
}

// alnumEnd extends a glued letter-digit run starting at i over letters,
// digits, and dots or underscores between them ("v3.0"). It returns i when
// s[i] starts no such run.
func alnumEnd(s string, i int) int {
	j := i
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		switch {
		case isLetter(r) || r < utf8.RuneSelf && isDigit(byte(r)):
			j += w
		case (r == '.' || r == '_') && j+1 < len(s) && j > i && (isDigit(s[j+1]) || s[j+1] >= 'A'):
			j++
		default:
			return j
		}
	}
	return j
}
