#!/usr/bin/env python3
"""style.py prints a hand-written template (an HTML file) with the style of
one presentation put in place of its /*VARIANT*/ comment.

    style.py TEMPLATE.html KEY=VALUE...

Keys: orient portrait|landscape (default portrait); rules grid|none
(default grid); gap (space after each paragraph, pt; default the
template's own 4 pt). Other keys are accepted and ignored, so make.sh can pass
the keys it passes to gen.py. The text of the template is never changed:
its gold (NAME.gold.json) was written by hand from it.
"""
import sys

src, args = sys.argv[1], sys.argv[2:]
o = {"orient": "portrait", "rules": "grid"}
o.update(a.partition("=")[::2] for a in args)
border = "0.75pt solid #000" if o["rules"] == "grid" else "none"
css = f"""@page {{ size: A4 {o["orient"]}; margin: 18mm 15mm; }}
th, td {{ border: {border}; }}"""
if "gap" in o:
    css += f"\np {{ margin: 0 0 {o['gap']}pt; }}"
sys.stdout.write(open(src, encoding="utf-8").read().replace("/*VARIANT*/", css))
