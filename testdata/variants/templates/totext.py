#!/usr/bin/env python3
"""totext.py prints a template (an HTML file) as tab-separated text, the
way the seed's text form is written: the heading lines in **…**, other
paragraphs as lines, each table row as its cells joined by tabs, a cell of
several paragraphs as <p>…</p> each, a blank line between blocks.

    totext.py TEMPLATE.html

Nothing of the template's text is dropped or changed, so its hand-written
gold holds for the result. Standard library only.
"""
import html.parser
import sys

BLOCKS = {"p", "h1", "h2", "h3", "h4"}


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.out, self.row, self.cell, self.paras = [], None, None, None
        self.block, self.bold, self.skip = None, False, 0

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class", "")
        if tag in ("style", "title"):
            self.skip += 1
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell, self.paras = "", []
        elif tag in BLOCKS:
            if self.cell is not None:
                self.cell = ""
            else:
                self.block = ""
                self.bold = tag.startswith("h") or "agency" in cls

    def handle_endtag(self, tag):
        if tag in ("style", "title"):
            self.skip -= 1
        elif tag in BLOCKS and self.cell is not None:
            self.paras.append(" ".join(self.cell.split()))
            self.cell = ""
        elif tag in BLOCKS and self.block is not None:
            text = " ".join(self.block.split())
            self.out += ["**" + text + "**" if self.bold else text, ""]
            self.block = None
        elif tag in ("td", "th"):
            if self.cell.strip():
                self.paras.append(" ".join(self.cell.split()))
            if len(self.paras) > 1:
                self.row.append("".join(f"<p>{p}</p>" for p in self.paras))
            else:
                self.row.append("".join(self.paras))
            self.cell = None
        elif tag == "tr":
            self.out.append("\t".join(self.row))
        elif tag == "table":
            self.out.append("")

    def handle_data(self, data):
        if self.skip:
            return
        if self.cell is not None:
            self.cell += data
        elif self.block is not None:
            self.block += data


t = Text()
t.feed(open(sys.argv[1], encoding="utf-8").read())
sys.stdout.write("\n".join(t.out).replace("\xa0", " ") + "\n")
