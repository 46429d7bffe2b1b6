package transform

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
)

var (
	// yearsRe finds "2020-2022", "2020 – 2022" and single years.
	yearsRe = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)\d\d)(?:\s*[-–—]\s*((?:19|20)\d\d))?(?:[^0-9]|$)`)
	// reportYearRe finds the year a report covers: "2022-ci il üzrə".
	reportYearRe = regexp.MustCompile(`((?:19|20)\d\d)\s*[-‐‑–]?\s*(?:c[iıuü])\s+il(?:in)?\s+(?:üzrə|ərzində|üçün)`)
	// quotedRe finds a quoted name: “…”, «…» or "…".
	quotedRe = regexp.MustCompile(`[“«"„]([^”»"“]{10,})[”»"“]`)
	// agencyRe finds the agency before the report year: "… dair Dövlət
	// Statistika Komitəsinin 2022-ci il üzrə".
	agencyRe = regexp.MustCompile(`(?:dair|barədə|haqqında|bağlı|üzrə)\s+((?:\p{Lu}[\p{L}-]*|və)(?:\s+(?:\p{Lu}[\p{L}-]*|və))*)\s+(?:19|20)\d\d\s*[-‐‑–]?\s*c[iıuü]\s+il`)
)

// recurringWords mark a term that recurs rather than ends (as Keys).
var recurringWords = []string{"mütəmadi", "daim", "hər il", "müntəzəm", "davamlı", "hər rüb", "hər ay", "ildə bir"}

// parseTerm reads a measure's term: years where written ("2020-2022",
// "2021-ci il"), and whether it recurs ("mütəmadi", "daim", "hər il").
func parseTerm(raw string) hesabat.Term {
	t := hesabat.Term{Raw: raw}
	if m := yearsRe.FindStringSubmatch(raw); m != nil {
		t.Start = atoi(m[1])
		t.End = t.Start
		if m[2] != "" {
			t.End = atoi(m[2])
		}
	}
	k := aztext.Key(raw)
	for _, w := range recurringWords {
		if strings.Contains(k, w) {
			t.Recurring = true
		}
	}
	return t
}

// readMetadata fills the report's title, agency, year and plan from the
// paragraphs above the table and returns the index of the title among
// them (-1 when there are none). The title is the paragraph nearest the
// table that names a report ("hesabat"), else the last one.
func readMetadata(r *hesabat.Report, pre []string) int {
	at := len(pre) - 1
	for i := len(pre) - 1; i >= 0; i-- {
		if strings.Contains(aztext.Key(pre[i]), "hesabat") {
			at = i
			break
		}
	}
	if at < 0 {
		return at
	}
	r.Title = pre[at]
	if m := reportYearRe.FindStringSubmatch(r.Title); m != nil {
		r.Year = atoi(m[1])
	}
	for _, m := range quotedRe.FindAllStringSubmatch(r.Title, -1) {
		k := aztext.Key(m[1])
		if strings.Contains(k, "plan") || strings.Contains(k, "proqram") || strings.Contains(k, "strategiya") {
			r.Plan.Title = strings.TrimSpace(m[1])
			if y := yearsRe.FindStringSubmatch(m[1]); y != nil {
				r.Plan.Start = atoi(y[1])
				r.Plan.End = r.Plan.Start
				if y[2] != "" {
					r.Plan.End = atoi(y[2])
				}
			}
			break
		}
	}
	rest := r.Title
	if r.Plan.Title != "" {
		rest = rest[strings.Index(rest, r.Plan.Title)+len(r.Plan.Title):]
	}
	if m := agencyRe.FindStringSubmatch(rest); m != nil {
		r.Agency = nominative(m[1])
	}
	return at
}

// nominative turns an agency name in the genitive into the nominative by
// its last word: "Komitəsinin" → "Komitəsi", "Bankın" → "Bank".
func nominative(name string) string {
	words := strings.Fields(name)
	last := []rune(words[len(words)-1])
	n := len(last)
	if n > 4 && last[n-3] == 'n' && isVowel(last[n-4]) && isGenitive(last[n-2:]) {
		last = last[:n-3]
	} else if n > 3 && isGenitive(last[n-2:]) && !isVowel(last[n-3]) {
		last = last[:n-2]
	}
	words[len(words)-1] = string(last)
	return strings.Join(words, " ")
}

func isGenitive(s []rune) bool {
	return len(s) == 2 && s[1] == 'n' && strings.ContainsRune("ıiuü", s[0])
}

func isVowel(r rune) bool { return strings.ContainsRune("aıoueəiöü", r) }

func atoi(s string) *int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return nil
	}
	return &n
}
