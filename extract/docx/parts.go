package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"path"
	"strings"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/internal/zipsafe"
)

// unmarshalPart reads a small part whole and decodes it into v. Parts other
// than the main document are small, so a tree is fine there.
func (pk *pkg) unmarshalPart(part string, v any) error {
	b, err := pk.ReadAll(part)
	if err != nil {
		return err
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	if err := d.Decode(v); err != nil {
		return hesabat.Errorf(pk.path, hesabat.ErrCorrupt, "the document is damaged; open and re-save it in Word", "%s: malformed XML at byte %d: %v", part, d.InputOffset(), err)
	}
	return nil
}

// rel is one internal relationship: its type suffix ("/header") and the
// part it targets.
type rel struct{ typ, part string }

// relationships reads the relationships part rels, if present, and returns
// the internal targets by type suffix ("/officeDocument", "/numbering",
// ...) and by relationship id, resolved against dir (the source part's
// folder) and normalised. The first relationship of each type wins.
func (pk *pkg) relationships(rels, dir string) (map[string]string, map[string]rel, error) {
	out, ids := map[string]string{}, map[string]rel{}
	if pk.parts[rels] == nil {
		return out, ids, nil
	}
	var doc struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := pk.unmarshalPart(rels, &doc); err != nil {
		return nil, nil, err
	}
	for _, r := range doc.Rels {
		if r.Mode == "External" || r.Target == "" {
			continue
		}
		t := r.Target
		if !strings.HasPrefix(t, "/") {
			t = path.Join(dir, t)
		}
		if i := strings.LastIndexByte(r.Type, '/'); i >= 0 {
			key := r.Type[i:]
			if _, seen := out[key]; !seen {
				out[key] = zipsafe.Name(t)
			}
			if _, seen := ids[r.ID]; !seen {
				ids[r.ID] = rel{typ: key, part: zipsafe.Name(t)}
			}
		}
	}
	return out, ids, nil
}

// contentType returns the content type [Content_Types].xml gives part, or
// "" when it cannot tell.
func (pk *pkg) contentType(part string) string {
	const ct = "[content_types].xml"
	if pk.parts[ct] == nil {
		return ""
	}
	var types struct {
		Defaults []struct {
			Ext  string `xml:"Extension,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Default"`
		Overrides []struct {
			Part string `xml:"PartName,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if pk.unmarshalPart(ct, &types) != nil {
		return "" // the main part itself will tell whether the file is usable
	}
	for _, o := range types.Overrides {
		if zipsafe.Name(o.Part) == part {
			return o.Type
		}
	}
	ext := strings.TrimPrefix(path.Ext(part), ".")
	for _, d := range types.Defaults {
		if zipsafe.ASCIILower(d.Ext) == ext && ext != "xml" {
			return d.Type
		}
	}
	return ""
}

// numbering reads the numbering and styles parts the main part refers to.
// A damaged part is a warning in doc, as the text is still readable and
// only Word's automatic numbers are lost; a part over the size caps fails.
func (pk *pkg) numbering(doc *hesabat.Document) (*numbering, error) {
	read := func(rel string, v any) (bool, error) {
		part := pk.rels[rel]
		if part == "" || pk.parts[part] == nil {
			return false, nil
		}
		err := pk.unmarshalPart(part, v)
		if errors.Is(err, hesabat.ErrTooLarge) {
			return false, err
		}
		if err != nil {
			doc.Warnings = append(doc.Warnings, hesabat.Warnf(hesabat.WarnPartial, 0, "automatic numbers may be missing: %v", err))
			return false, nil
		}
		return true, nil
	}
	var rs rawStyles
	ok, err := read(relStyles, &rs)
	if err != nil {
		return nil, err
	}
	var st styles
	if ok {
		st = rs.index()
	}
	var rn rawNumbering
	if ok, err = read(relNumbering, &rn); err != nil || !ok {
		return newNumbering(nil, st), err
	}
	return newNumbering(&rn, st), nil
}
