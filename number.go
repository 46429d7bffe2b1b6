package hesabat

import (
	"strconv"
	"strings"
)

// MeasureNumber reads a measure number as written in a table's number
// column: one to three groups of one to three digits separated by dots,
// optionally ended by "." or ")": "4", "4.1", "4.1.", "4.1)", "1)",
// "12.3.4". It returns the number without the trailing mark ("4.1") and
// whether s is one. Four-digit numbers ("2022") are years, not measures;
// a bare "0" or a group with a leading zero ("4.01") is a date or a code.
func MeasureNumber(s string) (string, bool) {
	s = strings.TrimSpace(s)
	num := strings.TrimRight(s, ".)")
	if num == "" || len(s)-len(num) > 1 {
		return "", false
	}
	groups := strings.Split(num, ".")
	if len(groups) > 3 {
		return "", false
	}
	for _, g := range groups {
		if len(g) == 0 || len(g) > 3 || (len(g) > 1 && g[0] == '0') || g == "0" {
			return "", false
		}
		for _, r := range g {
			if r < '0' || r > '9' {
				return "", false
			}
		}
	}
	return num, true
}

// ColumnNumbers reports whether texts (a row's cell texts, empty cells
// ignored) number the table's columns: "1", "2", "3", … in order, at
// least two of them, as in the row that often follows a header.
func ColumnNumbers(texts []string) bool {
	want := 1
	for _, t := range texts {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		if n, err := strconv.Atoi(t); err != nil || n != want || t[0] == '+' {
			return false
		}
		want++
	}
	return want > 2
}
