package aztext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxRounds bounds how often Normalize re-applies its rules. One round
// settles nearly every input; a second is needed only when removing a
// character or composing a mark exposes new work (a mojibake pair that was
// split by a zero-width space). The bound guards against a bug turning into
// an endless loop; were it ever reached with work left, Normalize would not
// be idempotent, which FuzzNormalize checks.
const maxRounds = 8

// foldMode says whether Normalize turns ä/Ä into ə/Ə.
type foldMode int

const (
	foldAuto foldMode = iota // decide from the text itself (isAzerbaijani)
	foldYes
	foldNo
)

// Normalize returns the display form of one field or paragraph of
// Azerbaijani text. The result is valid UTF-8 in NFC, whatever s holds, and
// Normalize(Normalize(s)) == Normalize(s). The rules, in order:
//
//   - bytes that are not valid UTF-8 are read as Windows-1254, the code page
//     of legacy Azerbaijani Latin files; when most non-ASCII bytes of s are
//     invalid, all of s is read so;
//   - mojibake, UTF-8 that was read as Windows-1252/1254 ("É™", "Ä±", "ÅŸ"),
//     Windows-1251 ("Й™", "Д±") or ISO-8859-1 ("É" and the C1 control
//     U+0099), is repaired where the repair yields an Azerbaijani letter or
//     a punctuation mark (see repair), before controls are dropped;
//   - control characters and invisible format characters (soft hyphen,
//     zero-width spaces and joiners, byte order mark, bidi marks) are
//     dropped;
//   - the text is put in NFC, so a letter followed by a combining mark
//     ("s" + U+0327) becomes one rune ("ş");
//   - a U+0307 dot left after i or ı, as a naive lower-casing of İ leaves
//     it, is dropped (ı + U+0307 becomes i);
//   - Cyrillic ә/Ә becomes ə/Ə unless its word is Cyrillic script (holds
//     other Cyrillic letters and no Latin one); the turned e ǝ/Ǝ always
//     becomes ə/Ə;
//   - a Cyrillic letter drawn like a Latin one (see latinLookalike) becomes
//     that Latin letter when its word holds a Latin letter ("ІCLAS" becomes
//     "İCLAS", "Аzərbaycan" "Azərbaycan"); in a word of Cyrillic letters
//     only it stays;
//   - ä/Ä becomes ə/Ə only when the text is Azerbaijani (isAzerbaijani), so
//     "Müller und Bär" keeps its ä; NormalizeDoc decides this per document;
//   - the hyphens U+2010/U+2011 become "-", and the dashes U+2012, U+2013
//     and U+2212 become "-" between two digits ("2015–2021");
//   - the ligatures U+FB00–U+FB06 (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) are spelt out; no other
//     NFKC folding is done;
//   - every whitespace rune (tab, newline, NBSP, narrow NBSP, thin and other
//     Unicode spaces, line and paragraph separators) becomes a space, runs
//     of spaces become one, and leading and trailing spaces are trimmed.
//
// Typographic quotes, dashes elsewhere and all other characters are kept
// as written. Text that needs none of this (ASCII and Azerbaijani letters
// and common punctuation, single spaces) is returned as is, without
// allocating. Normalize is safe for concurrent use.
func Normalize(s string) string {
	return normalize(s, foldAuto)
}

// NormalizeDoc normalises the fields of one document, like Normalize, but
// decides once for the whole document whether ä/Ä stands for ə/Ə, so that
// a short cell such as "Müddät" in a Windows-1254 report is repaired too.
// It returns a new slice of the same length; NormalizeDoc applied to its own
// result returns it unchanged.
func NormalizeDoc(fields []string) []string {
	out, _ := NormalizeDocCount(fields)
	return out
}

// NormalizeDocCount is NormalizeDoc that also returns, per field, the
// number of runes of its normalised form that are not white space
// (unicode.IsSpace), the measure of the text accounting: most fields need
// no change, and the scan that finds so counts them.
func NormalizeDocCount(fields []string) (out []string, counts []int) {
	out, counts = make([]string, len(fields)), make([]int, len(fields))
	hasA := false
	for i, f := range fields {
		if res, n := scanCount(f); res == normal { // as normalize returns it, and holding no ä (not a plain rune)
			out[i], counts[i] = f, n
			continue
		}
		out[i] = normalize(f, foldNo)
		counts[i] = -1 // counted at the end
		hasA = hasA || strings.Contains(out[i], "ä") || strings.Contains(out[i], "Ä")
	}
	if hasA {
		var az, de int
		for _, f := range out {
			a, d := evidence([]byte(f))
			az += a
			de += d
		}
		if isAzerbaijani(az, de) {
			for i, f := range out {
				if t := normalize(f, foldYes); t != f {
					out[i], counts[i] = t, -1
				}
			}
		}
	}
	for i, f := range out {
		if counts[i] < 0 {
			counts[i] = NonSpace(f)
		}
	}
	return out, counts
}

// NonSpace counts the runes of s that are not white space
// (unicode.IsSpace), an invalid byte as one: the measure of the text
// accounting.
func NonSpace(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			n += int(asciiNonSpace[c]) // no branch to mispredict at every space
			i++
			continue
		}
		if c := s[i]; c >= 0xc2 && c < 0xe0 && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
			// A rune of two bytes, as Azerbaijani letters are: of those
			// only NEL and NBSP are spaces.
			if r := rune(c&0x1f)<<6 | rune(s[i+1]&0x3f); r != 0x85 && r != 0xa0 {
				n++
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			n++
		}
		i += size
	}
	return n
}

// asciiNonSpace is 1 for the ASCII bytes that are not white space
// (unicode.IsSpace: tab, newline, vertical tab, form feed, carriage
// return, space), else 0.
var asciiNonSpace = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		if !unicode.IsSpace(rune(c)) {
			t[c] = 1
		}
	}
	return t
}()

// CountNonSpace returns the number of runes of Normalize(s) that are not
// white space (unicode.IsSpace), without building Normalize(s) when s
// needs no change (as most words and paragraphs): the measure of the
// text accounting.
func CountNonSpace(s string) int {
	if res, n := scanCount(s); res == normal { // no whitespace but single spaces, no change
		return n
	}
	return NonSpace(Normalize(s))
}

func normalize(s string, mode foldMode) string {
	for range maxRounds {
		t := normalizeOnce(s, mode)
		if t == s {
			break
		}
		s = t
	}
	return s
}

// normalizeOnce applies every rule once; see Normalize.
func normalizeOnce(s string, mode foldMode) string {
	switch scan(s) {
	case normal:
		return s
	case spaced:
		return collapse(s)
	}
	b, simple := repair(s)
	if !simple && !norm.NFC.IsNormal(b) {
		b = norm.NFC.Bytes(b)
	}
	foldA := mode == foldYes
	if mode == foldAuto && hasA(b) {
		foldA = isAzerbaijani(evidence(b))
	}
	return finish(b, foldA)
}

// Results of scan.
const (
	normal = iota // nothing to do
	spaced        // only whitespace to collapse (see collapse)
	other         // anything else: the full set of rules
)

// scan tells how much work s needs. It is normal when it holds printable
// ASCII and plain runes, single spaces, none leading or trailing; spaced
// when it holds only those and ASCII whitespace. Neither can hold mojibake,
// because no plain rune can start a mojibake sequence.
func scan(s string) int {
	res, _ := scanCount(s)
	return res
}

// scanCount is scan that also counts the runes of s that are not spaces,
// a count that holds when s is normal. The loop reads printable ASCII,
// spaces and runes of two bytes without a call, so that its state stays
// in registers; other runes go to scanRune.
func scanCount(s string) (res, runes int) {
	res = normal
	space := true // a space here would be leading
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c-'!' < 0x7f-'!': // a run of printable ASCII, the most common case
			j := i + 1
			for j < len(s) && s[j]-'!' < 0x7f-'!' {
				j++
			}
			space = false
			runes += j - i
			i = j
		case c == ' ':
			if space {
				res = spaced
			}
			space = true
			i++
		case c >= 0xc2 && c < 0xe0 && i+1 < len(s) && s[i+1]&0xc0 == 0x80: // a valid rune of two bytes
			if !plain(rune(c&0x1f)<<6 | rune(s[i+1]&0x3f)) {
				return other, runes
			}
			space = false
			runes++
			i += 2
		default:
			n, ws, ok := scanRune(s[i:])
			switch {
			case !ok:
				return other, runes
			case ws:
				res, space = spaced, true
			default:
				space = false
				runes++
			}
			i += n
		}
	}
	if space && s != "" {
		res = spaced
	}
	return res, runes
}

// scanRune reads for scanCount the rune at the start of s, which is
// neither printable ASCII, a space nor a valid rune of two bytes: its
// length, whether it is ASCII whitespace, and whether a normal or spaced
// text may hold it (ASCII whitespace and DEL aside from controls, plain
// runes of three bytes or more).
func scanRune(s string) (n int, ws, ok bool) {
	switch c := s[0]; {
	case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
		return 1, true, true
	case c < ' ' || c == 0x7f:
		return 1, false, false
	}
	r, n := utf8.DecodeRuneInString(s)
	return n, false, plain(r)
}

// collapse turns each run of ASCII whitespace in s into one space and trims
// s; it is all that a spaced string needs. Bytes of plain runes are copied.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\v', '\f', '\r':
			space = true
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
		}
	}
	return b.String()
}

// plain reports whether r is a non-ASCII rune that Normalize never changes
// in any context: the Azerbaijani letters and common punctuation.
func plain(r rune) bool {
	switch r {
	case 'ə', 'Ə', 'ı', 'İ', 'ş', 'Ş', 'ç', 'Ç', 'ğ', 'Ğ', 'ö', 'Ö', 'ü', 'Ü',
		'“', '”', '„', '«', '»', '‘', '’', '—', '…', '№', '₼', '°', '§':
		return true
	}
	return false
}

// inert reports whether r is in NFC on its own and cannot combine with a
// rune before it, so that text made only of inert runes is in NFC:
// Latin-1 and the Latin extensions up to the combining marks, the basic
// Cyrillic letters, most of General Punctuation, and the plain runes.
func inert(r rune) bool {
	return r < 0x300 || r >= 0x400 && r < 0x483 || r >= 0x48a && r < 0x530 ||
		r >= 0x2002 && r < 0x2070 || plain(r)
}

// isSpace reports whether Normalize turns r into a space: ASCII whitespace,
// NEL, the Unicode space separators (Zs) and the line and paragraph
// separators.
func isSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xa0, 0x1680, 0x202f, 0x205f, 0x3000, 0x2028, 0x2029:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// droppable reports whether Normalize removes r: control characters other
// than whitespace, and format characters (Cf) such as the soft hyphen,
// zero-width space and joiners, bidi marks and the byte order mark.
func droppable(r rune) bool {
	switch {
	case r < 0x20 || r >= 0x7f && r <= 0x9f:
		return !isSpace(r)
	case r < 0x600: // below the first Cf rune other than the soft hyphen
		return r == 0xad
	}
	return unicode.Is(unicode.Cf, r)
}

// ligatures spells out the Latin ligatures U+FB00–U+FB06, as NFKC would.
var ligatures = map[rune]string{
	0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl",
	0xFB05: "st", 0xFB06: "st",
}

// hasA reports whether the UTF-8 text b holds ä or Ä.
func hasA(b []byte) bool {
	for i := 0; i+1 < len(b); i++ {
		if b[i] == 0xc3 && (b[i+1] == 0xa4 || b[i+1] == 0x84) { // ä Ä
			return true
		}
	}
	return false
}

// finish applies the rules that follow NFC (see Normalize) to b, which
// holds valid UTF-8 without droppable runes, and returns the result.
func finish(b []byte, foldA bool) string {
	out := make([]byte, 0, len(b))
	space := false // a space is due before the next rune
	sep := func() {
		if space && len(out) > 0 {
			out = append(out, ' ')
		}
		space = false
	}
	var prev rune // the rune before the current one in b
	// The end and script of the word of the last Cyrillic letter seen.
	wordEnd, cyrillic, latin := 0, false, false
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf { // ASCII: a space or itself
			if isSpace(rune(c)) {
				space = true
			} else {
				sep()
				out = append(out, c)
			}
			prev = rune(c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		cur := r
		switch {
		case plain(r):
		case isSpace(r):
			space = true
			r = -1
		case r == 0x307 && !space && endsWithI(out):
			if out[len(out)-1] != 'i' { // ı
				out = append(out[:len(out)-2], 'i')
			}
			r = -1
		case r == 'ә' || r == 'Ә':
			if i >= wordEnd {
				wordEnd, cyrillic, latin = wordScript(b, i)
			}
			if !cyrillic || latin {
				r = Fold(r)
			}
		case r >= 0x400 && r < 0x530 && latinLookalike(r) != r:
			if i >= wordEnd {
				wordEnd, cyrillic, latin = wordScript(b, i)
			}
			if latin {
				r = latinLookalike(r)
			}
		case r == 'ǝ' || r == 'Ǝ' || foldA && (r == 'ä' || r == 'Ä'):
			r = Fold(r)
		case r == 0x2010 || r == 0x2011:
			r = '-'
		case r == 0x2012 || r == 0x2013 || r == 0x2212:
			if next, _ := utf8.DecodeRune(b[i+n:]); unicode.IsDigit(prev) && unicode.IsDigit(next) {
				r = '-'
			}
		}
		switch {
		case r < 0: // dropped, or a space
		case r >= 0xfb00 && r <= 0xfb06:
			sep()
			out = append(out, ligatures[r]...)
		default:
			sep()
			out = utf8.AppendRune(out, r)
		}
		prev = cur
		i += n
	}
	return string(out)
}

// endsWithI reports whether b ends in i or ı.
func endsWithI(b []byte) bool {
	n := len(b)
	return n > 0 && b[n-1] == 'i' || n > 1 && b[n-2] == 0xc4 && b[n-1] == 0xb1
}

// wordRune reports whether r belongs to a word: a letter or a mark.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.M, r)
}

// wordScript finds the word around the rune at b[i] and reports where it
// ends, whether it holds a Cyrillic letter other than ә/Ә and whether it
// holds a Latin letter.
func wordScript(b []byte, i int) (end int, cyrillic, latin bool) {
	start := i
	for start > 0 {
		r, n := utf8.DecodeLastRune(b[:start])
		if !wordRune(r) {
			break
		}
		start -= n
	}
	for end = start; end < len(b); {
		r, n := utf8.DecodeRune(b[end:])
		if !wordRune(r) {
			break
		}
		switch {
		case r < utf8.RuneSelf || unicode.Is(unicode.Latin, r):
			latin = true
		case r != 'ә' && r != 'Ә' && unicode.Is(unicode.Cyrillic, r):
			cyrillic = true
		}
		end += n
	}
	return end, cyrillic, latin
}

// latinLookalike returns the Latin letter that the Cyrillic r is drawn like
// and mistyped for (see Fold), or r. The Cyrillic і/І, dotted in lower
// case, stands for the Azerbaijani i/İ, so І becomes İ, not I. The
// Azerbaijani Cyrillic ј/Ј stays: it is the letter y, drawn like j, and
// which of the two was meant cannot be told.
func latinLookalike(r rune) rune {
	switch r {
	case 'І':
		return 'İ'
	case 'ј', 'Ј', 'ә', 'Ә':
		return r
	}
	return Fold(r)
}
