// Package listnum writes the numbers of automatically numbered lists, as
// Word and LibreOffice show them, for the readers of DOCX, DOC and ODT.
package listnum

import (
	"strconv"
	"strings"
)

// Style is a list number format.
type Style int

// The formats written; a reader maps its file's names onto them and
// anything else onto Decimal.
const (
	Decimal     Style = iota // 1, 2, 3
	DecimalZero              // 01, 02, …, 10
	LowerLetter              // a, …, z, aa, …
	UpperLetter              // A, …, Z, AA, …
	LowerRoman               // i, ii, iii
	UpperRoman               // I, II, III
	None                     // no number (bullets, "none")
)

// Format writes v in style s. Values a style cannot write (letters past
// zzzzzzzzzzzzzzzzzzzz, Roman numerals from 4000, zero and negatives
// outside Decimal) are written as decimal.
func Format(v int, s Style) string {
	switch s {
	case None:
		return ""
	case DecimalZero:
		if v >= 0 && v < 10 {
			return "0" + strconv.Itoa(v)
		}
	case LowerLetter, UpperLetter:
		if v > 0 && v <= 26*20 {
			first := 'a'
			if s == UpperLetter {
				first = 'A'
			}
			return strings.Repeat(string(first+rune(v-1)%26), (v-1)/26+1)
		}
	case LowerRoman, UpperRoman:
		if v > 0 && v < 4000 {
			r := roman(v)
			if s == LowerRoman {
				r = strings.Map(func(c rune) rune { return c + 'a' - 'A' }, r) // ASCII capitals only
			}
			return r
		}
	}
	return strconv.Itoa(v)
}

// roman writes 0 < v < 4000 in Roman numerals.
func roman(v int) string {
	var b strings.Builder
	for _, d := range []struct {
		n int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for ; v >= d.n; v -= d.n {
			b.WriteString(d.s)
		}
	}
	return b.String()
}
