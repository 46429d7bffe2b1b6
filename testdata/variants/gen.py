#!/usr/bin/env python3
"""gen.py writes the source of one variant from a gold report.

The tests never run it; make.sh does, and renders what it writes. Standard
library only.

    gen.py html GOLD KEY=VALUE...   an HTML page of the report (stdout)
    gen.py tsv  GOLD KEY=VALUE...   the report as tab-separated text (stdout, UTF-8)
    gen.py furnish IN.docx OUT.docx HEADER
                                    adds a running header (HEADER), a footer
                                    with the page number and a footnote on the
                                    title to a DOCX
    gen.py restyle IN.docx OUT.docx KEY=VALUE...
                                    the DOCX with its page turned, rules
                                    removed or cells aligned otherwise (see
                                    restyle)
    gen.py lost ENCODING GOLD...    the characters of the golds that ENCODING
                                    cannot hold, as JSON {char: replacement}

HTML keys (defaults in DEFAULTS): orient portrait|landscape; rules
grid|none|horizontal|frame; widths N,T,E (percent of the page width for the
number, title and term columns; work done takes the rest); font (a CSS
font-family); size (pt); bold (header weight: 1 or 0); valign
top|middle|bottom (number and term cells); number "4.1"|"4.1."|"4.1)";
sections 1|0 (a row naming the section before each group of measures);
repeat 1|0 (the header row repeated on every page, or a plain first row);
keep para|none (paragraphs of work done kept whole, so pages break only
between them); align left|justify; pad (cell padding, pt: sets the gutter
between columns); gap (space after each work-done paragraph, pt);
titlebreak 1|0 (the title as two lines with a line break before "icra
vəziyyətinə", or one paragraph wrapped by the renderer).
In every presentation a word longer than its column is broken by the
renderer (CSS overflow-wrap: anywhere), as Word and LibreOffice break it;
without that Chromium lets it run into the next cell, which no published
report shows.

TSV keys: number (as above); paras tags|rows (each paragraph in <p>…</p>
inside one cell, or each paragraph after the first on a continuation row
whose number cell is empty); repeat N (repeat the header every N measures, 0
never).
"""

import html
import json
import re
import sys
import zipfile

DEFAULTS = {
    "orient": "portrait", "rules": "grid", "widths": "9,27,12",
    "font": '"DejaVu Sans"', "size": "9", "bold": "1", "valign": "top",
    "number": "4.1.", "sections": "0", "repeat": "1", "keep": "none",
    "align": "left", "pad": "3", "titlebreak": "0", "gap": "4",
}

HEADER = ["Sıra N-si", "Tədbirin adı", "İcra müddəti", "Görülmüş işlər"]

# Section headings for the section rows: invented for these variants (the
# gold reports have no section names), one per leading number of a measure.
SECTIONS = {
    "1": "Dövlət orqanlarının fəaliyyətində şəffaflığın artırılması",
    "2": "Dövlət xidmətlərinin göstərilməsinin təkmilləşdirilməsi",
    "3": "İctimai iştirakçılığın genişləndirilməsi",
    "4": "Elektron hökumətin inkişafı və informasiya təhlükəsizliyi",
    "5": "Maarifləndirmə və təlim tədbirləri",
    "6": "Beynəlxalq əməkdaşlığın genişləndirilməsi",
}


def options(args):
    opts = dict(DEFAULTS)
    for a in args:
        k, _, v = a.partition("=")
        if k not in DEFAULTS and k not in ("paras",):
            sys.exit(f"gen.py: unknown key {k}")
        opts[k] = v
    return opts


def number(n, style):
    return {"4.1": n, "4.1.": n + ".", "4.1)": n + ")"}[style]


def groups(gold):
    """Yields (section, measures) runs of measures sharing a leading number."""
    run, key = [], None
    for m in gold["measures"]:
        k = m["number"].split(".")[0]
        if run and k != key:
            yield key, run
            run = []
        key = k
        run.append(m)
    if run:
        yield key, run


def title_lines(gold):
    """The title as two lines, split before "icra vəziyyətinə" as the seed has it."""
    t = gold["title"]
    i = t.find(" icra vəziyyətinə")
    return [t] if i < 0 else [t[:i], t[i + 1:]]


def page_html(gold, o):
    e = html.escape
    n, t, term = (int(x) for x in o["widths"].split(","))
    rule = "0.75pt solid #000"
    cell = {"grid": f"border: {rule};", "none": "border: none;",
            "horizontal": f"border: none; border-top: {rule}; border-bottom: {rule};",
            "frame": "border: none;"}[o["rules"]]
    frame = f"border: 1.2pt solid #000;" if o["rules"] == "frame" else ""
    keep = "p { break-inside: avoid; }" if o["keep"] == "para" else ""
    weight = "bold" if o["bold"] == "1" else "normal"
    pad = float(o["pad"])
    out = [f"""<!doctype html>
<html lang="az"><head><meta charset="utf-8"><title>{e(gold["title"])}</title>
<style>
@page {{ size: A4 {o["orient"]}; margin: 18mm 15mm; }}
body {{ font-family: {o["font"]}; font-size: {o["size"]}pt; line-height: 1.25; margin: 0; }}
h3 {{ text-align: center; font-size: {float(o["size"]) + 2}pt; margin: 0 0 10pt; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; {frame} }}
thead {{ display: table-header-group; }}
tr {{ break-inside: auto; }}
th, td {{ {cell} vertical-align: top; padding: {pad}pt {pad + 2}pt {pad + 3}pt; text-align: left; overflow-wrap: anywhere; }}
th {{ text-align: center; vertical-align: middle; font-weight: {weight}; }}
td.number, td.term {{ vertical-align: {o["valign"]}; }}
td.section {{ font-weight: bold; text-align: center; }}
td.work p {{ text-align: {o["align"]}; }}
p {{ margin: 0 0 {o["gap"]}pt; }}
{keep}
col.number {{ width: {n}%; }} col.title {{ width: {t}%; }} col.term {{ width: {term}%; }}
</style></head><body>
<h3>{"<br>".join(e(x) for x in title_lines(gold)) if o["titlebreak"] == "1" else e(gold["title"])}</h3>
<table>
<colgroup><col class="number"><col class="title"><col class="term"><col></colgroup>"""]
    head = "<tr>" + "".join(f"<th>{e(h)}</th>" for h in HEADER) + "</tr>"
    if o["repeat"] == "1":
        out.append(f"<thead>{head}</thead><tbody>")
    else:
        out.append("<tbody>" + head.replace("<th>", "<td class=\"head\"><b>" if o["bold"] == "1" else "<td class=\"head\">")
                   .replace("</th>", "</b></td>" if o["bold"] == "1" else "</td>"))
    for sec, ms in groups(gold):
        if o["sections"] == "1":
            out.append(f'<tr><td class="section" colspan="4">{e(sec)}. {e(SECTIONS[sec])}</td></tr>')
        for m in ms:
            paragraphs = "".join(f"<p>{e(p)}</p>" for p in m["paragraphs"])
            out.append(f'<tr><td class="number">{e(number(m["number"], o["number"]))}</td>'
                       f'<td class="title">{e(m["title"])}</td>'
                       f'<td class="term">{e(m["term"]["raw"])}</td><td class="work">{paragraphs}</td></tr>')
    out.append("</tbody></table></body></html>")
    return "\n".join(out)


def page_tsv(gold, o):
    style = o.get("number", "4.1.")
    paras = o.get("paras", "tags")
    every = int(o.get("repeat", "0")) if o.get("repeat", "0").isdigit() else 0
    lines = ["", "", "**" + "\n".join(title_lines(gold)) + "**", ""]
    head = "\t".join(HEADER)
    lines.append(head)
    for i, m in enumerate(gold["measures"]):
        if every and i and i % every == 0:
            lines += ["", head]
        num = number(m["number"], style)
        if paras == "tags":
            work = "".join(f"<p>{p}</p>" for p in m["paragraphs"])
            lines.append("\t".join([num, m["title"], m["term"]["raw"], work]))
        else:
            lines.append("\t".join([num, m["title"], m["term"]["raw"], m["paragraphs"][0]]))
            lines += ["\t".join(["", "", "", p]) for p in m["paragraphs"][1:]]
    return "\n".join(lines) + "\n"


# OOXML parts added by furnish.
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def furnish(src, dst, header):
    """Adds a running header, a page-number footer and a footnote on the
    report's first paragraph (its title) to the DOCX src."""
    e = html.escape
    hdr = f'<w:hdr {W}><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:i/><w:sz w:val="16"/></w:rPr><w:t>{e(header)}</w:t></w:r></w:p></w:hdr>'
    ftr = (f'<w:ftr {W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
           '<w:r><w:t xml:space="preserve">Səhifə </w:t></w:r>'
           '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
           '</w:p></w:ftr>')
    note = ('<w:footnote w:id="91"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            '<w:r><w:t xml:space="preserve"> Hesabat elektron qaydada təqdim edilmişdir.</w:t></w:r></w:p></w:footnote>')
    ref = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="91"/></w:r>'
    with zipfile.ZipFile(src) as zin:
        parts = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    doc = parts["word/document.xml"].decode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    rels = rels.replace("</Relationships>",
                        f'<Relationship Id="rIdVarHdr" Type="{REL}/header" Target="varheader.xml"/>'
                        f'<Relationship Id="rIdVarFtr" Type="{REL}/footer" Target="varfooter.xml"/></Relationships>')
    types = types.replace("</Types>",
                          f'<Override PartName="/word/varheader.xml" ContentType="{CT}.header+xml"/>'
                          f'<Override PartName="/word/varfooter.xml" ContentType="{CT}.footer+xml"/></Types>')
    refs = '<w:headerReference w:type="default" r:id="rIdVarHdr"/><w:footerReference w:type="default" r:id="rIdVarFtr"/>'
    i = doc.rfind("<w:sectPr")
    j = doc.index(">", i) + 1
    if doc[j - 2] == "/":  # an empty <w:sectPr/>
        doc = doc[:i] + doc[i:j - 2] + ">" + refs + "</w:sectPr>" + doc[j:]
    else:
        doc = doc[:j] + refs + doc[j:]
    # The footnote reference goes at the end of the first paragraph with text.
    k = doc.index("</w:p>", re.search(r"<w:t[ >]", doc).start())
    doc = doc[:k] + ref + doc[k:]
    if "word/footnotes.xml" in parts:
        fn = parts["word/footnotes.xml"].decode("utf-8")
        fn = fn.replace("</w:footnotes>", note + "</w:footnotes>")
    else:
        fn = (f'<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
              f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
              f'{note}</w:footnotes>')
        rels = rels.replace("</Relationships>",
                            f'<Relationship Id="rIdVarFn" Type="{REL}/footnotes" Target="footnotes.xml"/></Relationships>')
        types = types.replace("</Types>",
                              f'<Override PartName="/word/footnotes.xml" ContentType="{CT}.footnotes+xml"/></Types>')
    parts.update({"word/document.xml": doc.encode(), "word/_rels/document.xml.rels": rels.encode(),
                  "[Content_Types].xml": types.encode(), "word/footnotes.xml": fn.encode(),
                  "word/varheader.xml": hdr.encode(), "word/varfooter.xml": ftr.encode()})
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        zout.writestr("[Content_Types].xml", parts.pop("[Content_Types].xml"))
        for name, data in parts.items():
            zout.writestr(name, data)


def restyle(src, dst, args):
    """Writes the DOCX src with another page and table style: orient
    landscape (the page turned, the title and work-done columns widened to
    the wider text area, number and term keeping their widths), rules none
    (every table and cell border removed), valign top|center|bottom (every
    cell)."""
    o = dict(a.partition("=")[::2] for a in args)
    with zipfile.ZipFile(src) as zin:
        parts = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    page = re.search(r"<w:pgSz[^>]*/>", xml)
    w, h = (int(re.search(f'w:{a}="(\\d+)"', page[0])[1]) for a in ("w", "h"))
    if o.get("orient") == "landscape" and w < h:
        pgmar = re.search(r"<w:pgMar[^>]*/>", xml)[0]
        side = sum(int(re.search(f'w:{a}="(\\d+)"', pgmar)[1]) for a in ("left", "right"))
        xml = xml.replace(page[0], f'<w:pgSz w:w="{h}" w:h="{w}" w:orient="landscape"/>')
        widths = [int(x) for x in re.findall(r'<w:gridCol w:w="(\d+)"/>', xml)]
        # Widths are matched by value below, so they must differ.
        assert len(widths) == 4 and len({*widths, sum(widths)}) == 5, widths
        extra = (h - side) - sum(widths)
        wide = widths[1] + widths[3]
        new = {widths[i]: widths[i] + round(extra * widths[i] / wide) for i in (1, 3)}
        new[sum(widths)] = h - side
        xml = re.sub(r'(<w:(?:tblW|gridCol|tcW) w:w=")(\d+)"',
                     lambda m: f'{m[1]}{new.get(int(m[2]), int(m[2]))}"', xml)
    if o.get("rules") == "none":
        xml = re.sub(r'<w:(tblBorders|tcBorders)>.*?</w:\1>', "", xml, flags=re.S)
        xml = re.sub(r'<w:(tblBorders|tcBorders)/>', "", xml)
    if "valign" in o:
        xml = re.sub(r'<w:vAlign w:val="\w+"/>', f'<w:vAlign w:val="{o["valign"]}"/>', xml)
    parts["word/document.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)


def lost(encoding, golds):
    """Characters of the golds' text (every string in them) that encoding cannot hold, each
    with what the variant writes instead: "?" (Python's replacement), or,
    for ə/Ə in Windows-1254, ä/Ä as such files do (which the reader folds
    back, so they are not lost)."""
    def strings(v):
        if isinstance(v, str):
            yield v
        elif isinstance(v, dict):
            for x in v.values():
                yield from strings(x)
        elif isinstance(v, list):
            for x in v:
                yield from strings(x)

    chars = set()
    for g in golds:
        gold = json.load(open(g, encoding="utf-8"))
        chars |= {c for s in strings(gold) for c in s if ord(c) > 127}
    out = {}
    for c in sorted(chars):
        try:
            c.encode(encoding)
        except UnicodeEncodeError:
            if not (encoding == "cp1254" and c in "əƏ"):
                out[c] = "?"
    return out


def main():
    cmd, rest = sys.argv[1], sys.argv[2:]
    if cmd == "html":
        gold = json.load(open(rest[0], encoding="utf-8"))
        sys.stdout.write(page_html(gold, options(rest[1:])))
    elif cmd == "tsv":
        gold = json.load(open(rest[0], encoding="utf-8"))
        o = dict(a.partition("=")[::2] for a in rest[1:])
        sys.stdout.write(page_tsv(gold, o))
    elif cmd == "furnish":
        furnish(*rest)
    elif cmd == "restyle":
        restyle(rest[0], rest[1], rest[2:])
    elif cmd == "lost":
        print(json.dumps(lost(rest[0], rest[1:]), ensure_ascii=False))
    else:
        sys.exit(f"gen.py: unknown command {cmd}")


if __name__ == "__main__":
    main()
