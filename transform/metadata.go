package transform

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
	"github.com/hesabat/hesabat/transform/facts"
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

// longestRecurring is the length in bytes of the longest of recurringWords.
var longestRecurring = len(slices.MaxFunc(recurringWords, func(a, b string) int { return len(a) - len(b) }))

// parseTerm reads a measure's term: years where written ("2020-2022",
// "2021-ci il"), and whether it recurs ("mütəmadi", "daim", "hər il").
// A term with neither whose words, two or more of them run together,
// spell a recurring word of one word, and nothing more, was cut inside
// that word by the renderer (a narrow term column, "mütəma" over "di"),
// and its raw text is taken with that run joined; a run that only holds
// one ("ayrıldıqda imkan" holds "daim") stays apart. The layout joins a
// cut word where it can tell (see layout's cutAt), but on a character
// grid a word cut one cell short of the column's edge and two short
// words wrapped between them look alike (see layout's gridFits); a
// term's own vocabulary tells them apart.
func parseTerm(raw string) hesabat.Term {
	t := hesabat.Term{Raw: raw}
	if m := yearsRe.FindStringSubmatch(raw); m != nil {
		t.Start = atoi(m[1])
		t.End = t.Start
		if m[2] != "" {
			t.End = atoi(m[2])
		}
		// A term cannot end before it starts: "2021-2002" is a misread
		// (OCR) or a typo, and unknown years are better than wrong ones.
		if *t.End < *t.Start {
			t.Start, t.End = nil, nil
		}
	}
	t.Recurring = recurs(raw)
	if t.Start == nil && !t.Recurring {
		ws := strings.Fields(raw)
		for i := range ws {
			for j := i + 2; j <= len(ws) && !t.Recurring; j++ {
				w := strings.Join(ws[i:j], "")
				k := strings.TrimSpace(aztext.Key(w))
				if len(k) > longestRecurring {
					break // longer runs only grow: a term cell of prose costs no more than its words
				}
				if slices.Contains(recurringWords, k) {
					t.Raw = strings.Join(slices.Concat(ws[:i], []string{w}, ws[j:]), " ")
					t.Recurring = true
				}
			}
		}
	}
	return t
}

// recurs reports whether s holds a recurring word (see recurringWords).
func recurs(s string) bool {
	k := aztext.Key(s)
	for _, w := range recurringWords {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// readMetadata fills the report's title, agency, year, period and plan
// from the paragraphs above the table and returns the indexes of the
// title block among them, from and to inclusive (-1, -1 when there are
// none). The title ends at the paragraph nearest the table that names a
// report ("hesabat"), else at the last one; it takes in the paragraphs
// before that one that are lines of one title block (see titleLine), as
// when the agency and the year stand on lines of their own above the word
// "HESABAT", or a title is set as several paragraphs.
func readMetadata(r *hesabat.Report, pre []string) (from, to int) {
	to = len(pre) - 1
	for i := len(pre) - 1; i >= 0; i-- {
		if strings.Contains(aztext.Key(pre[i]), "hesabat") {
			to = i
			break
		}
	}
	if to < 0 {
		return -1, -1
	}
	from = to
	for from > 0 && titleLine(pre[from-1], pre[from]) {
		from--
	}
	r.Title = strings.Join(pre[from:to+1], " ")
	var at int
	r.Year, r.Period, at = reportYear(r.Title)
	rest := r.Title
	if readPlan(r, r.Title) {
		rest = rest[strings.Index(rest, r.Plan.Title)+len(r.Plan.Title):]
	}
	if m := agencyRe.FindStringSubmatch(rest); m != nil {
		r.Agency = aztext.StripCasePhrase(m[1])
	} else {
		// The agency on a line of its own, or, where the block's lines
		// were run into one paragraph, all that stands before the year
		// ("AZƏRBAYCAN RESPUBLİKASININ ƏDLİYYƏ NAZİRLİYİ İki min iyirmi
		// birinci il üzrə HESABAT").
		lines := pre[from : to+1]
		if r.Year != nil {
			lines = append(lines[:len(lines):len(lines)], r.Title[:at])
		}
		for _, p := range lines {
			if a := agencyLine(p); a != "" {
				r.Agency = a
				break
			}
		}
	}
	return from, to
}

// titleLine reports whether the paragraph prev, just above next, is a line
// of the same title block: next starts in lower case (prev was cut
// mid-title), or prev names the agency on its own (see agencyLine) or the
// report's year. A sentence (ending in ".", ":" or ";") or a section
// heading is no title line: it keeps "Təsdiq edirəm" and introductions out.
func titleLine(prev, next string) bool {
	p := strings.TrimSpace(prev)
	if p == "" || strings.ContainsAny(p[len(p)-1:], ".:;") || sectionRe.MatchString(p) {
		return false
	}
	for _, r := range next {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return true
			}
			break
		}
	}
	y, _, _ := reportYear(p)
	return y != nil || agencyLine(p) != ""
}

// reportYear reads the year a title reports on and the part of it
// (readPeriod): "2022-ci il üzrə", or the year in words, as formal title
// blocks write it: "İki min iyirmi birinci il üzrə" (an ordinal number in
// words before "il"). at is where the year starts in title (its byte
// offset); a nil year has none.
func reportYear(title string) (year *int, period string, at int) {
	if m := reportYearRe.FindStringSubmatchIndex(title); m != nil {
		return atoi(title[m[2]:m[3]]), readPeriod(title[m[0]:m[1]]), m[0]
	}
	var ws []string
	var starts []int // where each word starts in title
	for i := 0; i < len(title); {
		j := strings.IndexFunc(title[i:], unicode.IsSpace)
		if j < 0 {
			j = len(title) - i
		}
		if j > 0 {
			starts = append(starts, i)
			ws = append(ws, strings.TrimFunc(aztext.Lower(title[i:i+j]), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		}
		_, size := utf8.DecodeRuneInString(title[i+j:])
		i += j + size
	}
	for i := range ws {
		v, n := facts.OrdinalWords(ws[i:])
		if n > 0 && i+n < len(ws) && strings.HasPrefix(ws[i+n], "il") && v >= 1900 && v <= 2100 {
			y := int(v)
			return &y, readPeriod(strings.Join(ws[i+n:], " ")), starts[i]
		}
	}
	return nil, "", 0
}

// readPlan sets the report's plan from the first quoted name in text that
// names a plan, programme or strategy, with the years in it; it reports
// whether it found one.
func readPlan(r *hesabat.Report, text string) bool {
	for _, m := range quotedRe.FindAllStringSubmatch(text, -1) {
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
			return true
		}
	}
	return false
}

// agencyLine returns the agency a line names on its own, as title blocks
// put it above the title ("AZƏRBAYCAN RESPUBLİKASININ ƏDLİYYƏ
// NAZİRLİYİ", "Azərbaycan Respublikasının Gənclər və İdman Nazirliyi"),
// else "". Such a line is a proper name: two words or more, each
// capitalised but "və", no digits, and it ends, once its case ending is
// removed, in a noun with the possessive of a compound name ("Nazirliyi",
// "Komitəsi", "Xidməti", "Fondu"), which keeps out capitalised phrases
// that are no name ("TƏSDİQ EDİRƏM"); names without one ("Mərkəzi Bank")
// are not taken. A line in capitals is written with initial capitals, and
// the "Azərbaycan Respublikası" before a state body's name dropped.
func agencyLine(line string) string {
	words := strings.Fields(line)
	if len(words) < 2 {
		return ""
	}
	caps := aztext.Upper(line) == line
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		if strings.ContainsFunc(w, unicode.IsDigit) {
			return ""
		}
		switch {
		case aztext.Lower(w) == "və":
			words[i] = "və"
		case !unicode.IsUpper(r):
			return ""
		case caps:
			words[i] = w[:size] + aztext.Lower(w[size:])
		}
	}
	name := aztext.StripCasePhrase(strings.Join(words, " "))
	for _, prefix := range []string{"Azərbaycan Respublikasının ", "Azərbaycan Respublikası "} {
		name = strings.TrimPrefix(name, prefix)
	}
	last, _ := utf8.DecodeLastRuneInString(name)
	if !strings.ContainsRune("ıiuü", last) || name == "Azərbaycan Respublikası" {
		return "" // no compound name, or the country alone
	}
	return name
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
