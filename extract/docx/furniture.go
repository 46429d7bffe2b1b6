package docx

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"strconv"
	"strings"

	"github.com/hesabat/hesabat"
)

// The parts around the main document: footnotes and endnotes (read before
// it, so that a paragraph can take the notes it cites), running headers and
// footers (read after it, as the sections it holds name them), and the
// page count Word saved in docProps/app.xml.

// noteKey names a note: its kind (0 footnote, 1 endnote) and w:id.
type noteKey struct {
	kind int
	id   string
}

// noteKinds are the Furniture kinds of notes, by noteKey.kind.
var noteKinds = [2]string{"footnote", "endnote"}

// optional runs read, the reading of an optional part, and keeps its
// failure as a warning in doc (the main text is still whole; what the part
// held before the fault is kept) unless the document must fail: over the
// size caps, or cancelled.
func (pk *pkg) optional(ctx context.Context, doc *hesabat.Document, what string, read func() error) error {
	err := read()
	if err == nil {
		return nil
	}
	if errors.Is(err, hesabat.ErrTooLarge) || ctx.Err() != nil {
		return err
	}
	doc.Warnings = append(doc.Warnings, hesabat.Warnf(hesabat.WarnPartial, 0, "%s read only up to a fault: %v", what, err))
	return nil
}

// parsePart streams part through a parser of its own, filling doc (a
// scratch Document when nil), and runs read on it; errors come back as
// *hesabat.Error. A part in UTF-16, which OPC allows and Word does not
// write, is refused.
func (pk *pkg) parsePart(ctx context.Context, part string, num *numbering, doc *hesabat.Document, read func(p *parser) error) error {
	rc, err := pk.Open(part)
	if err != nil {
		return err
	}
	defer rc.Close()
	br := bufio.NewReader(rc)
	if bom, _ := br.Peek(2); string(bom) == "\xff\xfe" || string(bom) == "\xfe\xff" {
		return hesabat.Errorf(pk.path, hesabat.ErrUnsupported, "re-save the file in Word (it writes UTF-8)", "%s is encoded in UTF-16", part)
	}
	if doc == nil {
		doc = &hesabat.Document{}
	}
	p := newParser(ctx, br, num, doc)
	if err := read(p); err != nil {
		return pk.wrap(part, p, err)
	}
	return nil
}

// readNotes reads the footnotes and endnotes parts into a map from note to
// its text: its paragraphs (and tables' cells) joined by spaces. Separator
// notes (w:type other than normal) are not text.
func (pk *pkg) readNotes(ctx context.Context, num *numbering, doc *hesabat.Document) (map[noteKey]string, error) {
	notes := map[noteKey]string{}
	for kind, rel := range [2]string{relFootnotes, relEndnotes} {
		part := pk.rels[rel]
		if part == "" || pk.parts[part] == nil {
			continue
		}
		root, elem := strings.TrimPrefix(rel, "/"), noteKinds[kind]
		err := pk.optional(ctx, doc, root, func() error {
			return pk.parsePart(ctx, part, num, nil, func(p *parser) error {
				return p.parseRoot(root, func(e xml.StartElement) (bool, error) {
					if !isW(e.Name, elem) {
						return false, nil
					}
					if t, _ := attr(e, "type"); t != "" && t != "normal" {
						return true, p.Skip()
					}
					id, _ := attr(e, "id")
					var paras []string
					if err := p.walk(false, p.blocks(&paras)); err != nil {
						return true, err
					}
					notes[noteKey{kind, strings.TrimSpace(id)}] = strings.Join(paras, " ")
					return true, nil
				})
			})
		})
		if err != nil {
			return nil, err
		}
	}
	return notes, nil
}

// readRunning reads the headers and footers the main part's sections
// named (ids, relationship ids in the order met) into doc.Furniture, one
// entry per paragraph or table row, kind "header" or "footer", page 0: a
// running header stands on every page of its section. A part several
// sections share is read once.
func (pk *pkg) readRunning(ctx context.Context, num *numbering, doc *hesabat.Document, ids []string) error {
	seen := map[string]bool{}
	for _, id := range ids {
		r, ok := pk.ids[id]
		if !ok || seen[r.part] || pk.parts[r.part] == nil || (r.typ != relHeader && r.typ != relFooter) {
			continue
		}
		seen[r.part] = true
		kind, root := "header", "hdr"
		if r.typ == relFooter {
			kind, root = "footer", "ftr"
		}
		err := pk.optional(ctx, doc, "running "+kind+" "+r.part, func() error {
			return pk.parsePart(ctx, r.part, num, nil, func(p *parser) error {
				err := p.parseRoot(root, p.bodyBlock)
				for _, row := range p.doc.Rows {
					var texts []string
					for _, c := range row.Cells {
						if t := c.Text(); t != "" {
							texts = append(texts, t)
						}
					}
					if len(texts) > 0 {
						doc.Furniture = append(doc.Furniture, hesabat.Furniture{Kind: kind, Text: strings.Join(texts, " ")})
					}
				}
				return err
			})
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// maxSavedPages bounds the page count read from docProps/app.xml: a value
// above it is junk, not a report.
const maxSavedPages = 100000

// savedPages returns the page count the producer saved in docProps/app.xml
// (<Pages>), or 0 when there is none or it is unreadable. Word and
// LibreOffice write the count of their last layout; some writers (pandoc)
// write a template's constant 1.
func (pk *pkg) savedPages() int {
	if pk.props == "" || pk.parts[pk.props] == nil {
		return 0
	}
	b, err := pk.ReadAll(pk.props)
	if err != nil {
		return 0
	}
	var props struct {
		Pages string `xml:"Pages"`
	}
	if xml.NewDecoder(bytes.NewReader(b)).Decode(&props) != nil {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSpace(props.Pages))
	if err != nil || n < 1 || n > maxSavedPages {
		return 0
	}
	return n
}
