// Package textenc decodes the text of files that do not say their
// encoding, or say it in a way to check: plain text and web pages. It
// knows the encodings Azerbaijani documents come in: UTF-8 and UTF-16 with
// their marks, and the legacy Windows code pages 1254 (Turkish, used for
// Azerbaijani Latin) and 1251 (Cyrillic).
package textenc

import (
	"bytes"
	"errors"
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	xunicode "golang.org/x/text/encoding/unicode"
)

// ErrBinary reports bytes that are not text in any encoding we read.
var ErrBinary = errors.New("binary data, not text")

// Decoded is a file's text with what is needed to map positions in it back
// to byte offsets in the file.
type Decoded struct {
	Text     string
	Encoding string // "utf-8", "utf-16le", "utf-16be", "windows-1254", "windows-1251"
	BOM      int    // length of the byte order mark in the file
	Unit     int    // bytes per rune for fixed-width encodings; 0 for UTF-8
}

// Offset returns the file byte offset of the text position i (a byte index
// into d.Text), given the number of runes before it.
func (d *Decoded) Offset(i, runes int) int64 {
	if d.Unit == 0 {
		return int64(d.BOM + i)
	}
	return int64(d.BOM + runes*d.Unit)
}

// Decode detects the encoding of b and returns its text. UTF-8 with or
// without BOM and UTF-16 with BOM are recognised by their marks; other
// bytes that are not valid UTF-8 are legacy Windows code pages, Turkish
// 1254 or Cyrillic 1251, told apart by which one yields fewer words that
// mix Latin and Cyrillic letters. Bytes with NULs (outside UTF-16) or many
// control characters are binary and yield ErrBinary.
func Decode(b []byte) (*Decoded, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		d := &Decoded{Text: string(b[3:]), Encoding: "utf-8", BOM: 3}
		return d, checkText(d.Text)
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeWith(b[2:], xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), "utf-16le", 2)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeWith(b[2:], xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), "utf-16be", 2)
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return nil, ErrBinary
	}
	if utf8.Valid(b) {
		d := &Decoded{Text: string(b), Encoding: "utf-8"}
		return d, checkText(d.Text)
	}
	tr, err := decodeWith(b, charmap.Windows1254, "windows-1254", 0)
	if err != nil {
		return nil, err
	}
	cy, err := decodeWith(b, charmap.Windows1251, "windows-1251", 0)
	if err != nil {
		return nil, err
	}
	if oddWords(cy.Text) < oddWords(tr.Text) {
		return cy, nil
	}
	return tr, nil
}

// DecodeAs decodes b in the encoding named label, a WHATWG encoding
// label as web pages declare them ("utf-8", "windows-1254", "iso-8859-9",
// "cp1251"). It fails on an unknown label, on UTF-8 that is not valid, and
// on binary data.
func DecodeAs(b []byte, label string) (*Decoded, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("unknown encoding %q", label)
	}
	name, _ := htmlindex.Name(enc)
	if name == "utf-8" {
		bom := 0
		if bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) {
			bom = 3
		}
		if !utf8.Valid(b[bom:]) {
			return nil, errors.New("declared utf-8, but the bytes are not")
		}
		d := &Decoded{Text: string(b[bom:]), Encoding: name, BOM: bom}
		return d, checkText(d.Text)
	}
	return decodeWith(b, enc, name, 0)
}

// decodeWith decodes b with enc. bom is the length of a mark already cut
// from b; single-byte code pages map one byte to one rune.
func decodeWith(b []byte, enc encoding.Encoding, name string, bom int) (*Decoded, error) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return nil, err
	}
	d := &Decoded{Text: string(out), Encoding: name, BOM: bom, Unit: 1}
	if bom == 2 {
		d.Unit = 2 // BUG(textenc): offsets in UTF-16 files are off after characters outside the BMP.
	}
	return d, checkText(d.Text)
}

// checkText rejects text in which more than 1 in 20 runes are control
// characters other than tab, newline, carriage return and form feed: such
// "text" is a binary file in disguise. C1 controls (U+0080-U+009F) inside
// a run of U+0080-U+00FF that is UTF-8 when each rune is taken as a byte
// are the trace of UTF-8 read as ISO-8859-1 ("É" U+0099 for ə), which
// aztext repairs: they are text, not binary.
func checkText(s string) error {
	n, bad := 0, 0
	var run []byte // the current run of runes in U+0080-U+00FF, as bytes
	controls := 0  // the C1 controls in run
	end := func() {
		if controls > 0 && !latin1Mojibake(run) {
			bad += controls
		}
		run, controls = run[:0], 0
	}
	for _, r := range s {
		n++
		if r >= 0x80 && r <= 0xFF {
			run = append(run, byte(r))
			if r <= 0x9F {
				controls++
			}
			continue
		}
		end()
		if r == utf8.RuneError || (unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' && r != '\f') {
			bad++
		}
	}
	end()
	if bad*20 > n {
		return ErrBinary
	}
	return nil
}

// latin1Mojibake reports whether b, a run of bytes 0x80-0xFF, is whole
// UTF-8 sequences of characters beyond ASCII: what UTF-8 text becomes when
// each of its bytes is read as one ISO-8859-1 character.
func latin1Mojibake(b []byte) bool {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError || size < 2 {
			return false
		}
		b = b[size:]
	}
	return true
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
