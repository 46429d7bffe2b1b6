package aztext

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Mojibake is UTF-8 that was decoded with a single-byte code page: each
// byte of a multi-byte sequence became a rune of its own, "ə" (C9 99)
// became "É™" in Windows-1252, "Й™" in Windows-1251 and "É" followed by
// the C1 control U+0099 in ISO-8859-1. repair maps such a run of runes back
// to its bytes and decodes them as UTF-8.
//
// A repair is accepted only when the decoded rune is a target of the code
// page: an Azerbaijani letter, or punctuation that Azerbaijani text uses
// (see target1252 and target1251). That keeps genuine text alone: a German
// "Ä" followed by a closing quote decodes to "Ĕ", not a target. Windows-1254
// spells every byte of such sequences as Windows-1252 does, except the
// undefined 0x8E and 0x9E, so one table serves both.

// codepage holds how one code page spells the bytes 0x80–0xFF.
type codepage struct {
	enc    map[rune]byte // rune → byte, for bytes 0x80–0xFF
	target func(r rune) bool
}

var (
	cp1252 = newCodepage(charmap.Windows1252, target1252)
	cp1251 = newCodepage(charmap.Windows1251, target1251)
)

// newCodepage builds the reverse table of m. Every byte 0x80–0x9F is also
// accepted as the C1 control of the same number: WHATWG decoders pass the
// bytes m leaves undefined through so, and ISO-8859-1 (true Latin-1) reads
// every one of them so ("ə", C9 99, read as Latin-1 is "É" and U+0099). A
// text never mixes the code page's mark for such a byte with the control,
// but one table then serves all three readings. Genuine text holds no C1
// controls, so this never repairs what was not mojibake.
func newCodepage(m *charmap.Charmap, target func(rune) bool) *codepage {
	enc := make(map[rune]byte, 192)
	for c := 0x80; c <= 0xff; c++ {
		if r := m.DecodeByte(byte(c)); r != utf8.RuneError {
			enc[r] = byte(c)
		}
		if c <= 0x9f {
			enc[rune(c)] = byte(c)
		}
	}
	return &codepage{enc: enc, target: target}
}

// azLetter reports whether r is one of the Azerbaijani letters outside ASCII.
func azLetter(r rune) bool {
	switch r {
	case 'ə', 'Ə', 'ı', 'İ', 'ş', 'Ş', 'ç', 'Ç', 'ğ', 'Ğ', 'ö', 'Ö', 'ü', 'Ü':
		return true
	}
	return false
}

// punctuation reports whether r is one of the three-byte punctuation marks
// a repair may yield: General Punctuation (dashes, quotes, spaces,
// zero-width characters, ellipsis), the minus sign, №, € and ₼.
func punctuation(r rune) bool {
	return r >= 0x2000 && r <= 0x206f || r == 0x2212 || r == '№' || r == '€' || r == '₼'
}

// target1252 also accepts the Latin-1 letters, spelt "Ã" plus a mark
// ("Ã¤" for ä of the 1991 alphabet, "Ã©" for é in a foreign name), and the
// Latin-1 marks NBSP, soft hyphen, « » § °, spelt "Â" plus the mark.
func target1252(r rune) bool {
	switch r {
	case 0xa0, 0xad, '«', '»', '§', '°':
		return true
	}
	return r >= 0xc0 && r <= 0xff && r != '×' && r != '÷' || azLetter(r) || punctuation(r)
}

// target1251 leaves out the two-byte marks: "В" (0xC2) followed by a
// NBSP or « is ordinary Russian typesetting.
func target1251(r rune) bool {
	return azLetter(r) || punctuation(r)
}

// isLead reports whether r spells, in Windows-1252 or Windows-1251, the
// first byte of a UTF-8 sequence that can decode to a target: C2–C6, C9
// (two bytes) or E2 (three bytes).
func isLead(r rune) bool {
	switch r {
	case 'Â', 'Ã', 'Ä', 'Å', 'Æ', 'É', 'â', // Windows-1252
		'Г', 'Д', 'Е', 'Ж', 'Й', 'в': // Windows-1251
		return true
	}
	return false
}

// lostByte repairs a sequence whose last byte the decoder did not know and
// replaced with U+FFFD, keyed by the runes before it (0 for none). The byte
// is the one an Azerbaijani text most likely had there: 0x8F (Ə = C6 8F)
// and 0x9D (” = E2 80 9D) are undefined in Windows-1252 and 1254, 0x9E
// (Ğ = C4 9E, Ş = C5 9E) in Windows-1254, 0x98 (‘ = E2 80 98) in 1251.
var lostByte = map[[2]rune]rune{
	{'Æ', 0}: 'Ə', {'Ä', 0}: 'Ğ', {'Å', 0}: 'Ş', {'â', '€'}: '”', {'в', 'Ђ'}: '‘',
}

// unmojibake decodes the runes lead, mid (0 for a two-byte sequence) and
// last as one UTF-8 sequence spelt in Windows-1252 or 1251, and reports
// whether that yields a target.
func unmojibake(lead, mid, last rune) (rune, bool) {
	if !isLead(lead) {
		return 0, false
	}
	if last == utf8.RuneError {
		r, ok := lostByte[[2]rune{lead, mid}]
		return r, ok
	}
	for _, cp := range [...]*codepage{cp1252, cp1251} {
		var buf [3]byte
		seq := buf[:0]
		for _, r := range [...]rune{lead, mid, last} {
			if r == 0 {
				continue
			}
			c, ok := cp.enc[r]
			if !ok || len(seq) > 0 && (c < 0x80 || c > 0xbf) {
				seq = nil
				break
			}
			seq = append(seq, c)
		}
		if seq == nil {
			continue
		}
		if r, n := utf8.DecodeRune(seq); n == len(seq) && r != utf8.RuneError && cp.target(r) {
			return r, true
		}
	}
	return 0, false
}

// repair returns s as valid UTF-8 with mojibake repaired and droppable runes
// removed (C1 controls only after every repair), and reports whether the result holds only inert runes (and so
// is in NFC).
//
// Invalid UTF-8 is read as Windows-1254: the whole of s when most of its
// non-ASCII bytes are not valid UTF-8 (a legacy file, where "Ä”" must not
// be taken for the UTF-8 of "Ĕ"), otherwise only the invalid bytes (UTF-8
// with a stray byte).
//
// repair works as a stack: each rune is pushed, then any mojibake sequence
// that now ends at the top is replaced by its rune (which may complete
// another one), and a droppable rune left on top is popped. So the result
// holds no repairable sequence, even where a sequence was split by a
// dropped rune or nested ("ÃÂ§").
func repair(s string) (b []byte, simple bool) {
	b = make([]byte, 0, len(s))
	simple = true
	leads, c1 := false, false
	whole := legacy(s) // read every non-ASCII byte as Windows-1254
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // never part of mojibake
			if !droppable(rune(c)) {
				b = append(b, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if whole || r == utf8.RuneError && n == 1 {
			r, n = charmap.Windows1254.DecodeByte(s[i]), 1
		}
		i += n
		leads = leads || isLead(r)
		b = utf8.AppendRune(b, r)
		if leads {
			b, r = reduce(b, r)
		}
		switch {
		case isC1(r):
			// Kept until the end: in a Latin-1 reading it may be the middle
			// byte of a three-byte sequence (“ is "â", U+0080, U+009C).
			c1 = true
		case droppable(r):
			b = b[:len(b)-utf8.RuneLen(r)]
		case !inert(r):
			simple = false
		}
	}
	if c1 {
		b = bytes.Map(func(r rune) rune {
			if isC1(r) {
				return -1
			}
			return r
		}, b)
	}
	return b, simple
}

// isC1 reports whether r is a C1 control that Normalize drops (all but NEL,
// which is a line break).
func isC1(r rune) bool {
	return r >= 0x80 && r <= 0x9f && droppable(r)
}

// legacy reports whether s holds more bytes that are not valid UTF-8 than
// valid multi-byte UTF-8 sequences.
func legacy(s string) bool {
	if utf8.ValidString(s) {
		return false
	}
	bad, good := 0, 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			good++
		}
		i += n
	}
	return bad > good
}

// reduce replaces mojibake sequences ending with top, the last rune of b,
// until none is left, and returns b and its new last rune.
func reduce(b []byte, top rune) ([]byte, rune) {
	for {
		end := len(b) - utf8.RuneLen(top)
		p1, n1 := utf8.DecodeLastRune(b[:end])
		if n1 == 0 {
			return b, top
		}
		if r, ok := unmojibake(p1, 0, top); ok {
			b, top = utf8.AppendRune(b[:end-n1], r), r
			continue
		}
		p2, n2 := utf8.DecodeLastRune(b[:end-n1])
		if n2 == 0 {
			return b, top
		}
		if r, ok := unmojibake(p2, p1, top); ok {
			b, top = utf8.AppendRune(b[:end-n1-n2], r), r
			continue
		}
		return b, top
	}
}
