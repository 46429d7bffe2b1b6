package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hesabat/hesabat/load"
	"github.com/hesabat/hesabat/transform/aztext"
)

// runSearch finds measures by words, Azerbaijani-aware (see load.Search),
// and prints agency, year, number and a snippet with the matches marked:
// in bold colour on a terminal, in [brackets] otherwise; with --json, one
// JSON array. No match is not an error.
func runSearch(ctx context.Context, args []string, std stdio) int {
	stdout, stderr := std.out, std.err
	fs := flags("search", "[flags] QUERY...", `Finds the current measures whose title, work done or extra columns contain
every word of QUERY, best matches first. Case follows Azerbaijani rules
(İ/i, I/ı), Cyrillic look-alikes are folded, a word finds its suffixed forms
("iclas" finds "iclasında"), and words typed without Azerbaijani letters
("arayis") are found too, ranked below exact spellings. "Quoted words" must
stand together in that order.`, std)
	dbPath := fs.String("db", load.DefaultPath, "SQLite database file")
	agency := fs.String("agency", "", "only reports of this agency (any part of its name, any case or ending)")
	year := fs.Int("year", 0, "only reports for this year")
	limit := fs.Int("limit", 20, "at most this many measures")
	asJSON := fs.Bool("json", false, "print the hits as a JSON array")
	if code, ok := parse(fs, args, std); !ok {
		return code
	}
	if fs.NArg() == 0 {
		misuse(std, "search", `no query given (hint: hesabat search "elektron arayış")`)
		return exitMisuse
	}
	if *limit < 1 {
		misuse(std, "search", "--limit %d: must be at least 1", *limit)
		return exitMisuse
	}
	db, err := load.Open(*dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "hesabat: %v\n", err)
		return 1
	}
	defer db.Close()
	text := strings.Join(fs.Args(), " ")
	hits, err := db.Search(ctx, load.Query{Text: text, Agency: *agency, Year: *year, Limit: *limit})
	if err != nil {
		fmt.Fprintf(stderr, "hesabat: %v\n", err)
		return 1
	}
	terms := load.ParseQuery(text)
	if *asJSON {
		type hit struct {
			Agency  string `json:"agency"`
			Year    *int   `json:"year"`
			Number  string `json:"number"`
			Title   string `json:"title"`
			Snippet string `json:"snippet"`
			Path    string `json:"path"`
		}
		out := []hit{}
		for _, h := range hits {
			out = append(out, hit{h.Agency, h.Year, h.Number, h.Title, snippet(h, terms, "[", "]"), h.Path})
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return 1
		}
		return 0
	}
	open, shut := "[", "]"
	if isTerminal(stdout) {
		open, shut = "\x1b[1;31m", "\x1b[0m"
	}
	for _, h := range hits {
		year := "?"
		if h.Year != nil {
			year = fmt.Sprint(*h.Year)
		}
		agency := h.Agency
		if agency == "" {
			agency = "(agency unknown)"
		}
		fmt.Fprintf(stdout, "%s · %s · %s %s\n    %s\n", agency, year, h.Number, h.Title, snippet(h, terms, open, shut))
	}
	if len(hits) == 0 && isTerminal(stdout) {
		fmt.Fprintf(stdout, "no measure matches %q\n", text)
	}
	return 0
}

// snippetWords is how many words a snippet shows around its first match.
const snippetWords = 12

// snippet returns the part of a hit's work done (or its title, when the
// match is there) around the first word that matches a term, with each
// matching word between open and shut.
func snippet(h load.Hit, terms []load.Term, open, shut string) string {
	for _, text := range []string{h.WorkDone, h.Title} {
		words := splitWords(text)
		first := -1
		for i, w := range words {
			if w.match = matches(w.text, terms); w.match && first < 0 {
				first = i
			}
			words[i] = w
		}
		if first < 0 {
			continue
		}
		from, to := max(0, first-snippetWords/3), min(len(words), first+snippetWords)
		var b strings.Builder
		if from > 0 {
			b.WriteString("…")
		}
		for i := from; i < to; i++ {
			if i > from {
				b.WriteByte(' ')
			}
			w := words[i]
			if w.match {
				b.WriteString(w.prefix + open + w.text + shut + w.suffix)
			} else {
				b.WriteString(w.prefix + w.text + w.suffix)
			}
		}
		if to < len(words) {
			b.WriteString("…")
		}
		return b.String()
	}
	return ""
}

// word is a space-separated piece of text: the word in it and the
// punctuation around it.
type word struct {
	prefix, text, suffix string
	match                bool
}

func splitWords(text string) []word {
	var out []word
	for _, f := range strings.Fields(text) {
		i := strings.IndexFunc(f, isWordRune)
		if i < 0 {
			out = append(out, word{prefix: f})
			continue
		}
		j := strings.LastIndexFunc(f, isWordRune)
		_, n := utf8.DecodeRuneInString(f[j:])
		out = append(out, word{prefix: f[:i], text: f[i : j+n], suffix: f[j+n:]})
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// matches reports whether a word of text is one a query term finds: its
// folded form starts with one of the term's folded words, or its form
// without marks with one of the term's bare words.
func matches(text string, terms []load.Term) bool {
	if text == "" {
		return false
	}
	keys := strings.Fields(aztext.Key(text))
	bares := strings.Fields(aztext.BareKey(text))
	for _, t := range terms {
		for i, w := range t.Words {
			for _, k := range keys {
				if strings.HasPrefix(k, w) {
					return true
				}
			}
			for _, k := range bares {
				if strings.HasPrefix(k, t.Bare[i]) {
					return true
				}
			}
		}
	}
	return false
}
