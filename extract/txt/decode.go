package txt

import (
	"bytes"
	"errors"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// errBinary reports bytes that are not text in any encoding we read.
var errBinary = errors.New("binary data, not text")

// decoded is a file's text with what is needed to map positions in it back
// to byte offsets in the file.
type decoded struct {
	text     string
	encoding string // "utf-8", "utf-16le", "utf-16be", "windows-1254", "windows-1251"
	bom      int    // length of the byte order mark in the file
	unit     int    // bytes per rune for fixed-width encodings; 0 for UTF-8
}

// offset returns the file byte offset of the text position i (a byte index
// into d.text), given the number of runes before it.
func (d *decoded) offset(i, runes int) int64 {
	if d.unit == 0 {
		return int64(d.bom + i)
	}
	return int64(d.bom + runes*d.unit)
}

// decode detects the encoding of b and returns its text. UTF-8 with or
// without BOM and UTF-16 with BOM are recognised by their marks; other
// bytes that are not valid UTF-8 are legacy Windows code pages, Turkish
// 1254 or Cyrillic 1251, told apart by which one yields fewer words that
// mix Latin and Cyrillic letters. Bytes with NULs (outside UTF-16) or many
// control characters are binary and yield errBinary.
func decode(b []byte) (*decoded, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		d := &decoded{text: string(b[3:]), encoding: "utf-8", bom: 3}
		return d, checkText(d.text)
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeWith(b[2:], xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), "utf-16le", 2)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeWith(b[2:], xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), "utf-16be", 2)
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return nil, errBinary
	}
	if utf8.Valid(b) {
		d := &decoded{text: string(b), encoding: "utf-8"}
		return d, checkText(d.text)
	}
	tr, err := decodeWith(b, charmap.Windows1254, "windows-1254", 0)
	if err != nil {
		return nil, err
	}
	cy, err := decodeWith(b, charmap.Windows1251, "windows-1251", 0)
	if err != nil {
		return nil, err
	}
	if oddWords(cy.text) < oddWords(tr.text) {
		return cy, nil
	}
	return tr, nil
}

// decodeWith decodes b with enc. bom is the length of a mark already cut
// from b; single-byte code pages map one byte to one rune.
func decodeWith(b []byte, enc encoding.Encoding, name string, bom int) (*decoded, error) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return nil, err
	}
	d := &decoded{text: string(out), encoding: name, bom: bom, unit: 1}
	if bom == 2 {
		d.unit = 2 // BUG(txt): offsets in UTF-16 files are off after characters outside the BMP.
	}
	return d, checkText(d.text)
}

// checkText rejects text in which more than 1 in 20 runes are control
// characters other than tab, newline, carriage return and form feed: such
// "text" is a binary file in disguise.
func checkText(s string) error {
	n, bad := 0, 0
	for _, r := range s {
		n++
		if r == utf8.RuneError || (unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' && r != '\f') {
			bad++
		}
	}
	if bad*20 > n {
		return errBinary
	}
	return nil
}

// oddWords counts the words a wrong code page betrays itself by: words
// that mix Latin and Cyrillic letters (Azerbaijani Latin read as 1251), and
// Latin words of three letters or more without one ASCII letter (Cyrillic
// read as 1254).
func oddWords(s string) int {
	n := 0
	ascii, latin, cyrillic := 0, 0, 0
	flush := func() {
		if (latin > 0 && cyrillic > 0) || (ascii == 0 && latin >= 3) {
			n++
		}
		ascii, latin, cyrillic = 0, 0, 0
	}
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			ascii++
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
		case !unicode.IsLetter(r):
			flush()
		}
	}
	flush()
	return n
}
