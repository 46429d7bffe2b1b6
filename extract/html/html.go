// Package html reads reports published as web pages (.html, .htm) into a
// hesabat.Document, through golang.org/x/net/html's HTML5 parser.
//
// The measure table is the page's table with the most rows whose first
// cell holds a measure number ("4.1"), then the one with most rows, with
// the tables of its width that have numbered rows too (a table the page
// splits into pieces); their rows become table rows: colspan is the cell's Span, a cell under a
// rowspan is an empty cell as wide as the spanning one (as DOCX vertical
// merges are), rows of <thead> are Header rows, <p>, <br>, <li> and other
// blocks inside a cell separate its paragraphs, an <ol> item's number is
// written in front of its text as a browser shows it, and a nested
// table's text stays in its cell. Everything else in <body> read as text (headings and
// paragraphs before the table, which hold the report's title, notes after
// it, the cells of layout tables) becomes paragraph rows outside tables,
// in document order. White space collapses as browsers collapse it.
// Scripts, styles, templates, forms' option lists, embedded objects and
// the <head> are never read, let alone run.
//
// The text's encoding is taken from a byte order mark, else from a
// <meta> charset declaration, else guessed from the bytes (UTF-8, or
// Windows-1254 or -1251; see extract/internal/textenc). A page declaring
// an unknown charset, or UTF-8 when its bytes are not, is guessed, with a
// warning. A web page has no
// pages: every row is on page 1; offsets are unknown (-1).
package html

// BUG(html): Text hidden with CSS (display: none) is read.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/internal/listnum"
	"github.com/hesabat/hesabat/extract/internal/textenc"
)

// Extractor reads web pages. It has no state, so one Extractor may be used
// by several goroutines at once.
type Extractor struct{}

// Limits on one page. A report's page is well under a megabyte, with a
// table of a few hundred cells.
const (
	MaxSize  = 64 << 20
	maxCells = 50_000 // cells in the measure table: 50 times a long report's
	maxDepth = 512    // element nesting walked
	maxSpan  = 1000   // the HTML limit on colspan
	maxRows  = 65534  // the HTML limit on rowspan
)

// Extract reads the page r of size bytes. It fails with an *hesabat.Error
// naming src.Path and wrapping hesabat.ErrEmpty, ErrUnsupported (binary
// data), ErrTooLarge (over MaxSize, a measure table of more than 50,000
// cells, elements nested deeper than 512) or, when ctx is done, ctx.Err().
// Extract never panics.
func (Extractor) Extract(ctx context.Context, src hesabat.Source, r io.ReaderAt, size int64) (doc *hesabat.Document, err error) {
	defer func() {
		if v := recover(); v != nil {
			doc, err = nil, hesabat.Bug(src.Path, v)
		}
	}()
	if size == 0 {
		return nil, hesabat.Errorf(src.Path, hesabat.ErrEmpty, "", "")
	}
	if size > MaxSize {
		return nil, hesabat.Errorf(src.Path, hesabat.ErrTooLarge, "", "%d bytes, the limit for a web page is %d", size, MaxSize)
	}
	b := make([]byte, size)
	if _, err := r.ReadAt(b, 0); err != nil && err != io.EOF {
		return nil, &hesabat.Error{Path: src.Path, Err: err}
	}
	doc = &hesabat.Document{Source: src, Pages: 1}
	text, err := decode(b, doc)
	if err != nil {
		return nil, hesabat.Errorf(src.Path, hesabat.ErrUnsupported, "is it really a web page? save it from the browser again", "%v", err)
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil { // the parser's only failure: elements nested too deep
		return nil, hesabat.Errorf(src.Path, hesabat.ErrTooLarge, "", "%v", err)
	}
	w := &walker{ctx: ctx, doc: doc}
	w.measures = w.pick(root)
	if err := w.block(root, 0); err != nil {
		return nil, &hesabat.Error{Path: src.Path, Err: err}
	}
	w.flush()
	return doc, nil
}

// decode returns the page's text: by its byte order mark, its <meta>
// declaration, or its bytes.
func decode(b []byte, doc *hesabat.Document) (string, error) {
	if bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		d, err := textenc.Decode(b)
		if err != nil {
			return "", err
		}
		return d.Text, nil
	}
	if label := metaCharset(b); label != "" {
		d, err := textenc.DecodeAs(b, label)
		if err == nil {
			return d.Text, nil
		}
		if errors.Is(err, textenc.ErrBinary) {
			return "", err
		}
		doc.Warnings = append(doc.Warnings, hesabat.Warnf(hesabat.WarnPartial, 0, "the page declares charset %q, but %v; the encoding was guessed from the bytes", label, err))
	}
	d, err := textenc.Decode(b)
	if err != nil {
		return "", err
	}
	return d.Text, nil
}

// metaPrescan is how far into the page a charset declaration is looked
// for, as browsers do (the HTML standard's prescan reads 1024 bytes; pages
// with long <head> scripts put it later, so this reads more).
const metaPrescan = 4096

// metaCharset returns the charset a <meta charset> or <meta
// http-equiv="content-type" content="…; charset=…"> element declares near
// the start of the page, "" when none does.
func metaCharset(b []byte) string {
	z := html.NewTokenizer(bytes.NewReader(b[:min(len(b), metaPrescan)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "meta" || !hasAttr {
				continue
			}
			var charset, content string
			var httpEquiv bool
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "charset":
					charset = string(v)
				case "content":
					content = string(v)
				case "http-equiv":
					httpEquiv = strings.EqualFold(string(v), "content-type")
				}
			}
			if charset != "" {
				return strings.TrimSpace(charset)
			}
			if httpEquiv {
				if _, after, ok := strings.Cut(strings.ToLower(content), "charset="); ok {
					return strings.Trim(strings.TrimSpace(strings.SplitN(after, ";", 2)[0]), `"'`)
				}
			}
		}
	}
}

// skipped are elements whose content is never text of the page: scripts
// and styles (never run), the head, templates, embedded content, the
// options of form controls.
var skipped = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Template: true,
	atom.Noscript: true, atom.Svg: true, atom.Math: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Select: true,
	atom.Textarea: true, atom.Button: true, atom.Audio: true, atom.Video: true,
}

// inline are elements that do not break a paragraph; every other element
// does.
var inline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true,
	atom.Big: true, atom.Cite: true, atom.Code: true, atom.Data: true, atom.Dfn: true,
	atom.Em: true, atom.Font: true, atom.I: true, atom.Img: true, atom.Ins: true,
	atom.Kbd: true, atom.Label: true, atom.Mark: true, atom.Nobr: true, atom.Q: true,
	atom.S: true, atom.Samp: true, atom.Small: true, atom.Span: true, atom.Strike: true,
	atom.Strong: true, atom.Sub: true, atom.Sup: true, atom.Time: true, atom.Tt: true,
	atom.U: true, atom.Var: true, atom.Wbr: true, atom.Input: true,
}

// walker turns a parsed page into rows.
type walker struct {
	ctx      context.Context
	doc      *hesabat.Document
	measures map[*html.Node]bool // the measure tables (see pick)
	buf      strings.Builder
	out      *[]string // paragraphs go here instead of becoming rows, inside a cell
	nodes    int
	label    string // the number of the list item being read, until its first text
}

// olTypes are the number formats of <ol type>.
var olTypes = map[string]listnum.Style{"a": listnum.LowerLetter, "A": listnum.UpperLetter, "i": listnum.LowerRoman, "I": listnum.UpperRoman}

// orderedList reads an <ol>: each item's number, as a browser shows it
// ("3." for the third item of <ol>, <ol start>, <li value>, <ol type>),
// goes in front of the item's first text; an item without text is its
// number alone. Reports number their measure column so when saved as a
// web page.
func (w *walker) orderedList(ol *html.Node, depth int) error {
	if depth > maxDepth {
		return errDepth
	}
	n := 1
	if v, ok := intAttr(ol, "start"); ok {
		n = v
	}
	style := olTypes[attrOf(ol, "type")]
	for li := ol.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode || li.DataAtom != atom.Li {
			if err := w.node(li, depth); err != nil { // stray content: text all the same
				return err
			}
			continue
		}
		if v, ok := intAttr(li, "value"); ok {
			n = v
		}
		w.flush()
		w.endLabel()
		w.label = listnum.Format(n, style) + "."
		if err := w.block(li, depth+1); err != nil {
			return err
		}
		w.flush()
		w.endLabel()
		n++
	}
	return nil
}

// endLabel writes a list item's number that no text followed as a
// paragraph of its own.
func (w *walker) endLabel() {
	if l := w.label; l != "" {
		w.label = ""
		w.buf.WriteString(l)
		w.flush()
	}
}

// attrOf returns n's attribute key, "" when absent.
func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// intAttr returns n's attribute key as an integer, and whether it is one.
func intAttr(n *html.Node, key string) (int, bool) {
	v, err := strconv.Atoi(strings.TrimSpace(attrOf(n, key)))
	return v, err == nil && v > -1<<20 && v < 1<<20
}

var errDepth = fmt.Errorf("%w: elements nested deeper than %d", hesabat.ErrTooLarge, maxDepth)

// block walks the children of n, sending text to the open paragraph and
// ending paragraphs at block elements and <br>; the measure tables' rows
// go to the document as they are reached.
func (w *walker) block(n *html.Node, depth int) error {
	if depth > maxDepth {
		return errDepth
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if err := w.node(c, depth); err != nil {
			return err
		}
	}
	return nil
}

// node handles one child of a node at depth (see block).
func (w *walker) node(c *html.Node, depth int) error {
	if w.nodes++; w.nodes%4096 == 0 {
		if err := w.ctx.Err(); err != nil {
			return err
		}
	}
	switch c.Type {
	case html.TextNode:
		w.buf.WriteString(c.Data)
	case html.ElementNode:
		switch {
		case skipped[c.DataAtom]:
		case w.measures[c] && w.out == nil:
			w.flush()
			return w.table(c, depth+1)
		case c.DataAtom == atom.Br:
			w.flush()
		case c.DataAtom == atom.Ol:
			w.flush()
			return w.orderedList(c, depth+1)
		case inline[c.DataAtom]:
			return w.block(c, depth+1)
		default:
			w.flush()
			if err := w.block(c, depth+1); err != nil {
				return err
			}
			w.flush()
		}
	default:
		return w.block(c, depth+1) // the document node
	}
	return nil
}

// flush ends the open paragraph: its text, white space collapsed, goes to
// the open cell or becomes a paragraph row.
func (w *walker) flush() {
	s := strings.Join(strings.Fields(w.buf.String()), " ")
	w.buf.Reset()
	if s == "" {
		return
	}
	if w.label != "" {
		s = w.label + " " + s
		w.label = ""
	}
	if w.out != nil {
		*w.out = append(*w.out, s)
		return
	}
	w.doc.Rows = append(w.doc.Rows, hesabat.Row{Cells: []hesabat.Cell{{Paras: []string{s}, Span: 1}}, Page: 1, Offset: -1})
}
