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
	// reportYearRe finds the year a report covers: "2022-ci il üzrə", and
	// with a part of the year between: "2022-ci ilin birinci yarımili
	// üzrə", "2022-ci ilin 9 ayı ərzində" (at most three words, so that a
	// year far from "üzrə" is not taken).
	reportYearRe = regexp.MustCompile(`((?:19|20)\d\d)\s*[-‐‑–]?\s*(?:c[iıuü])\s+il(?:in)?\s+(?:\S+\s+){0,3}?(?:üzrə|ərzində|üçün)`)
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

// readMetadata fills the report's title, agency, year, period and plan
// from the paragraphs above the table and returns the index of the title
// among them (-1 when there are none). The title is the paragraph nearest
// the table that names a report ("hesabat"), else the last one.
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
		r.Period = readPeriod(m[0])
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
		r.Agency = aztext.StripCasePhrase(m[1])
	}
	return at
}

// Parts of a year as written in titles, matched on the LooseKey of the
// words after the year ("2021-ci ilin birinci yarımili üzrə" → "ilin
// birinci yarimili üzrə"): an ordinal (a word, a Roman numeral or
// "1-ci") before "yarımil" or "rüb", or a number of months before "ay",
// "ayı", "aylıq".
var (
	ordinalRe = `(birinci|ikinci|üçüncü|dördüncü|iv|iii|ii|i|[1-4] c[iuü])`
	halfRe    = regexp.MustCompile(`(?:^| )` + ordinalRe + ` yarim ?il`)
	quarterRe = regexp.MustCompile(`(?:^| )` + ordinalRe + ` rüb`)
	monthsRe  = regexp.MustCompile(`(?:^| )(\d{1,2}) ay(?:i|liq)?(?: |$)`)
)

// readPeriod returns the part of the year that s (the words of a title
// around the report's year) names, as hesabat.Report.Period spells it:
// "H1", "H2", "Q1"…"Q4", "NM" for the first N months, "" for the whole
// year or when s names no part. Six months are "H1", three "Q1", twelve "".
func readPeriod(s string) string {
	k := aztext.LooseKey(s)
	if m := halfRe.FindStringSubmatch(k); m != nil {
		if n := ordinal(m[1]); n == 1 || n == 2 {
			return "H" + strconv.Itoa(n)
		}
	}
	if m := quarterRe.FindStringSubmatch(k); m != nil {
		return "Q" + strconv.Itoa(ordinal(m[1]))
	}
	if m := monthsRe.FindStringSubmatch(k); m != nil {
		switch n, _ := strconv.Atoi(m[1]); {
		case n == 3:
			return "Q1"
		case n == 6:
			return "H1"
		case n >= 1 && n < 12:
			return strconv.Itoa(n) + "M"
		}
	}
	return ""
}

// ordinal reads an ordinal matched by ordinalRe: 1 to 4.
func ordinal(s string) int {
	switch s {
	case "birinci", "i":
		return 1
	case "ikinci", "ii":
		return 2
	case "üçüncü", "iii":
		return 3
	case "dördüncü", "iv":
		return 4
	}
	n, _ := strconv.Atoi(s[:1])
	return n
}

func atoi(s string) *int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return nil
	}
	return &n
}
