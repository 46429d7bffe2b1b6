// Package xmlsafe reads the XML parts of documents (DOCX, ODT) token by
// token with the limits a reader of untrusted files needs: element nesting
// is bounded (xml.Decoder.Token has no limit of its own, and nested tables
// recurse), DTDs are refused (encoding/xml never expands them, but a part
// that holds one is not what its writer wrote), and the end of input
// inside the document is an error.
package xmlsafe

import (
	"encoding/xml"
	"errors"
	"io"
)

// MaxDepth bounds element nesting.
const MaxDepth = 256

var (
	// ErrDepth is the error of elements nested deeper than MaxDepth.
	ErrDepth = errors.New("elements nested deeper than 256")
	// ErrEnd is the error of a part that ends before its root element
	// (the decoder reports one cut inside an element as a syntax error).
	ErrEnd = errors.New("the part ends before the document does")
	// ErrDirective is the error of a <!...> directive (a DTD).
	ErrDirective = errors.New("unexpected <!...> directive")
)

// Tokens reads tokens from D, tracking the depth of open elements and
// where the last token started.
type Tokens struct {
	D     *xml.Decoder
	Depth int   // elements open
	Start int64 // input offset of the token last read
}

// New returns Tokens reading r. charset is the error for an XML
// declaration naming an encoding other than UTF-8.
func New(r io.Reader, charset func(label string) error) Tokens {
	d := xml.NewDecoder(r)
	d.CharsetReader = func(label string, _ io.Reader) (io.Reader, error) {
		return nil, charset(label)
	}
	return Tokens{D: d}
}

// Next returns the next token.
func (t *Tokens) Next() (xml.Token, error) {
	t.Start = t.D.InputOffset()
	tok, err := t.D.Token()
	if err != nil {
		if err == io.EOF {
			return nil, ErrEnd
		}
		return nil, err
	}
	switch tok.(type) {
	case xml.StartElement:
		t.Depth++
		if t.Depth > MaxDepth {
			return nil, ErrDepth
		}
	case xml.EndElement:
		t.Depth--
	case xml.Directive:
		return nil, ErrDirective
	}
	return tok, nil
}

// Skip reads to the end of the element just started.
func (t *Tokens) Skip() error {
	for depth := t.Depth; ; {
		if _, err := t.Next(); err != nil {
			return err
		}
		if t.Depth < depth {
			return nil
		}
	}
}

// Finish reads the rest of the input: trailing markup must be well formed
// too, and a zip entry's checksum is verified only at its end.
func (t *Tokens) Finish() error {
	for {
		if _, err := t.D.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}
