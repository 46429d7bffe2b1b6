package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hesabat/hesabat/transform/aztext"
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
	// num is, for tNum, what the digits mean; for other tokens noNumber.
	// Out of line, as few tokens are numbers: a token is 80 bytes, not
	// 136, to write and to copy.
	num *number
}

// noNumber is the num of every token that is not a number: the zero
// number, never written.
var noNumber number

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
	switch r {
	case 'ə', 'ı', 'ş', 'ç', 'ğ', 'ö', 'ü', 'Ə', 'İ', 'Ş', 'Ç', 'Ğ', 'Ö', 'Ü': // the common ones, cheaply
		return true
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// tokenize splits normalised text into tokens, appending to toks. A
// whitespace-delimited chunk holding "@", "://" or starting with "www." is
// one opaque token; so is a run of letters and digits glued together.
func tokenize(s string, toks []token) []token {
	space, para := true, true
	rn := 0 // rune offset of byte i
	upperBytes := 0
	var buf [64]int  // most texts: no allocation
	upper := buf[:0] // the indexes of the words with upper-case letters
	// Most texts hold no link at all: then no chunk needs linkEnd.
	links := strings.IndexByte(s, '@') >= 0 || strings.Contains(s, "://") ||
		strings.Contains(s, "www.") || strings.Contains(s, "WWW.")
	lf := linkFinder{mark: -1}
	for i := 0; i < len(s); {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if isSpace(r) {
			space = true
			if r == '\n' {
				para = true
			}
			i += w
			rn++
			continue
		}
		toks = append(toks, token{space: space, para: para, b0: i, r0: rn, num: &noNumber}) // filled in place
		t := &toks[len(toks)-1]
		space, para = false, false
		runes := -1 // counted below unless known
		link := i
		if t.space && links {
			link = lf.end(s, i)
		}
		switch {
		case link > i:
			t.kind, t.b1 = tOpaque, link
		case r < utf8.RuneSelf && isDigit(byte(r)):
			t.kind = tNum
			var n number
			t.b1, n = scanNumber(s, i)
			t.num = &n
			if e := alnumEnd(s, t.b1); e > t.b1 {
				t.kind, t.b1 = tOpaque, e // "5G", "2x"
			}
		case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && isLetter(r): // isLetter, ASCII inline
			var up bool
			t.kind = tWord
			t.b1, runes, up = scanWord(s, i)
			if t.b1 < len(s) && isDigit(s[t.b1]) {
				t.kind, t.b1, runes = tOpaque, alnumEnd(s, t.b1), -1 // "V2", "AZ1022", "v3.0"
			} else if t.low = s[i:t.b1]; up {
				t.low = "" // filled in by lowerWords
				upperBytes += t.b1 - i
				upper = append(upper, len(toks)-1)
			}
		default:
			t.kind, t.b1, runes = tPunct, i+w, 1
		}
		t.text = s[t.b0:t.b1]
		if runes < 0 {
			runes = utf8.RuneCountInString(t.text)
		}
		t.r1 = t.r0 + runes
		i, rn = t.b1, t.r1
	}
	if upperBytes > 0 {
		lowerWords(toks, upper, upperBytes)
	}
	return toks
}

// scanWord reads the letters starting at i and returns where they end, how
// many runes they are and whether one of them is upper-case.
func scanWord(s string, i int) (end, runes int, upper bool) {
	for end = i; end < len(s); runes++ {
		if c := s[end]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				end++
				continue
			}
			if 'A' <= c && c <= 'Z' {
				end, upper = end+1, true
				continue
			}
			break
		}
		if aztext.LowerLetterAt(s, end) {
			end += 2 // a letter, and lower-case
			continue
		}
		r, w := utf8.DecodeRuneInString(s[end:])
		if !isLetter(r) {
			break
		}
		switch r {
		case 'ə', 'ı', 'ş', 'ç', 'ğ', 'ö', 'ü': // the common letters, cheaply
		case 'Ə', 'İ', 'Ş', 'Ç', 'Ğ', 'Ö', 'Ü':
			upper = true
		default:
			upper = upper || unicode.IsUpper(r)
		}
		end += w
	}
	return end, runes, upper
}

// linkFinder finds the links of one text for tokenize, which asks at the
// start of each chunk, in order. It keeps the first "@" or "://" at or
// after the place asked last (mark; len(s) for none, -1 before the first
// question) and the last chunk separator before it (sep), so that a chunk
// holds a mark when it starts after sep and not after mark, and no chunk
// is searched.
type linkFinder struct{ mark, sep int }

// end returns the end of the whitespace-delimited chunk of s at i when it
// is a URL or an e-mail address (it holds "@" or "://", or starts with
// "www."), else i. i must not be less than at the last call.
func (f *linkFinder) end(s string, i int) int {
	if f.mark < i {
		f.mark = min(nextIndex(s, i, "@"), nextIndex(s, i, "://"))
		f.sep = f.mark - 1
		for f.sep >= 0 && !chunkSep(s[f.sep]) {
			f.sep--
		}
	}
	// "://" holds no separator: when it starts in the chunk, it ends in it.
	if f.mark < len(s) && f.sep < i || len(s)-i >= 4 && (s[i:i+4] == "www." || s[i:i+4] == "WWW.") {
		j := i
		for j < len(s) && !chunkSep(s[j]) {
			j++
		}
		return j
	}
	return i
}

// chunkSep reports whether c ends a chunk that may be a link.
func chunkSep(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// nextIndex returns the index of the first sep in s at or after i, or
// len(s).
func nextIndex(s string, i int, sep string) int {
	if k := strings.Index(s[i:], sep); k >= 0 {
		return i + k
	}
	return len(s)
}

// lowerWords sets low for the words toks[k], k in upper, which have
// upper-case letters, writing all of them into one string so that a text
// costs one allocation. size is the number of bytes of those words.
func lowerWords(toks []token, upper []int, size int) {
	var buf strings.Builder // its String is the one allocation
	buf.Grow(size + size/8)
	ends := make([]int, 0, len(upper))
	for _, k := range upper {
		t := &toks[k]
		for i := 0; i < len(t.text); {
			if c := t.text[i]; c < utf8.RuneSelf && c != 'I' { // LowerRune of ASCII but I
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf.WriteByte(c)
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(t.text[i:])
			buf.WriteRune(aztext.LowerRune(r))
			i += n
		}
		ends = append(ends, buf.Len())
	}
	all, start := buf.String(), 0
	for n, k := range upper {
		toks[k].low = all[start:ends[n]]
		start = ends[n]
	}
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
