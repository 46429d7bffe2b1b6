#!/usr/bin/env bash
# make.sh builds the PDF extractor's test inputs in this folder from the seed
# report (../seed/seed.gold.json, ../seed/seed.docx, ../seed/seed.pdf).
#
# The tests never run it: its outputs are committed, and README.md describes
# each one. Rerun it only to regenerate them (outputs differ byte for byte
# from run to run: producers stamp dates and IDs).
#
# Renderings of the seed (each must extract to exactly ../seed/seed.gold.json):
#   seed-lo-landscape.pdf              LibreOffice from seed.docx with an A4
#                                      landscape page, ruled (TrueType fonts)
#   seed-chromium.pdf                  Chromium print of an HTML rendering,
#                                      borderless, A4 portrait (Type0 Identity-H)
#   seed-chromium-ruled-landscape.pdf  Chromium print, ruled, A4 landscape,
#                                      justified work-done text
# Bad inputs:
#   encrypted-user.pdf  seed.pdf with a user password (AES-256)
#   owner-only.pdf      seed.pdf with an owner password only (opens normally)
#   truncated.pdf       the first half of seed.pdf's bytes
#   broken-xref.pdf     seed.pdf with its xref offsets and startxref corrupted
#   not-a-pdf.pdf       a small HTML page
#   empty.pdf           0 bytes
#   scan-page.pdf       page 1 an image only (no text layer), page 2 seed.pdf's page 2
#
# Needs (Debian): libreoffice-writer-nogui (or libreoffice-writer), chromium,
# qpdf, poppler-utils, fonts-dejavu-core, python3.
#   apt-get install -y libreoffice-writer-nogui chromium qpdf poppler-utils fonts-dejavu-core
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
seed=$here/../seed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# chromium_pdf HTML OUT prints HTML (a file) to the PDF OUT with headless
# Chromium, without its date/title/URL header and footer.
chromium_pdf() {
	# --no-sandbox: Chromium refuses to run as root without it.
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$work/chromium-profile" --no-pdf-header-footer \
		--print-to-pdf="$2" "file://$1" 2>"$work/chromium.log" ||
		{ cat "$work/chromium.log" >&2; return 1; }
}

# html_from_gold RULES ORIENTATION ALIGN writes the seed as an HTML page to
# stdout: the title as a centred <h3>, then one table of the measures with a
# header row that repeats on every page and rows that may break across pages.
# RULES is "ruled" or "borderless", ORIENTATION "portrait" or "landscape",
# ALIGN the CSS text-align of the work-done paragraphs.
html_from_gold() {
	python3 - "$seed/seed.gold.json" "$@" <<'EOF'
import html, json, sys

gold_path, rules, orientation, align = sys.argv[1:]
gold = json.load(open(gold_path, encoding="utf-8"))
border = "0.75pt solid #000" if rules == "ruled" else "none"
e = html.escape
out = [f"""<!doctype html>
<html lang="az"><head><meta charset="utf-8"><title>{e(gold["title"])}</title>
<style>
@page {{ size: A4 {orientation}; margin: 18mm 15mm; }}
body {{ font-family: "DejaVu Sans", sans-serif; font-size: 9pt; line-height: 1.25; margin: 0; }}
h3 {{ text-align: center; font-size: 11pt; margin: 0 0 10pt; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: auto; }}
th, td {{ border: {border}; vertical-align: top; padding: 3pt 5pt 6pt; text-align: left; }}
th {{ text-align: center; vertical-align: middle; }}
td.work p {{ text-align: {align}; }}
p {{ margin: 0 0 4pt; }}
col.number {{ width: 9%; }} col.title {{ width: 27%; }} col.term {{ width: 12%; }}
</style></head><body>
<h3>{e(gold["title"])}</h3>
<table>
<colgroup><col class="number"><col class="title"><col class="term"><col></colgroup>
<thead><tr><th>Sıra <span style="white-space: nowrap">N-si</span></th><th>Tədbirin adı</th><th>İcra müddəti</th><th>Görülmüş işlər</th></tr></thead>
<tbody>"""]
for m in gold["measures"]:
    paragraphs = "".join(f"<p>{e(p)}</p>" for p in m["paragraphs"])
    out.append(f'<tr><td>{e(m["number"])}.</td><td>{e(m["title"])}</td>'
               f'<td>{e(m["term"]["raw"])}</td><td class="work">{paragraphs}</td></tr>')
out.append("</tbody></table></body></html>")
print("\n".join(out))
EOF
}

# LibreOffice, ruled, landscape: seed.docx with the page turned to landscape
# and the table's columns widened in proportion to the wider text area.
python3 - "$seed/seed.docx" "$work/seed-lo-landscape.docx" <<'EOF'
import re, sys, zipfile

src, dst = sys.argv[1:]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "word/document.xml":
            xml = data.decode("utf-8")
            page = re.search(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"/>', xml)
            w, h = int(page[1]), int(page[2])
            margins = re.search(r'<w:pgMar w:left="(\d+)" w:right="(\d+)"', xml)
            side = int(margins[1]) + int(margins[2])
            xml = xml.replace(page[0], f'<w:pgSz w:w="{h}" w:h="{w}" w:orient="landscape"/>')
            # The number and term columns keep their widths (so the header
            # still wraps as "Sıra" / "N-si"); title and work done share the
            # extra width in proportion.
            widths = [int(x) for x in re.findall(r'<w:gridCol w:w="(\d+)"/>', xml)]
            table = sum(widths)
            assert len(widths) == 4 and len({*widths, table}) == 5, widths
            extra = (h - side) - table
            wide = widths[1] + widths[3]
            new = dict(zip(widths, widths))
            for i in (1, 3):
                new[widths[i]] = widths[i] + round(extra * widths[i] / wide)
            new[table] = h - side
            widen = lambda m: f'{m[1]}{new[int(m[2])]}"'
            xml = re.sub(r'(<w:(?:tblW|gridCol|tcW) w:w=")(\d+)"', widen, xml)
            data = xml.encode("utf-8")
        zout.writestr(item, data)
EOF
soffice --headless --norestore "-env:UserInstallation=file://$work/lo-profile" \
	--convert-to pdf --outdir "$work" "$work/seed-lo-landscape.docx" >/dev/null
cp "$work/seed-lo-landscape.pdf" "$here/"

# Chromium, borderless, portrait.
html_from_gold borderless portrait left >"$work/seed-chromium.html"
chromium_pdf "$work/seed-chromium.html" "$here/seed-chromium.pdf"

# Chromium, ruled, landscape, justified.
html_from_gold ruled landscape justify >"$work/seed-chromium-ruled-landscape.html"
chromium_pdf "$work/seed-chromium-ruled-landscape.html" "$here/seed-chromium-ruled-landscape.pdf"

# Encryption: a user password blocks opening; an owner password alone does not.
qpdf --encrypt userpw ownerpw 256 -- "$seed/seed.pdf" "$here/encrypted-user.pdf"
qpdf --encrypt "" ownerpw 256 -- "$seed/seed.pdf" "$here/owner-only.pdf"

# Damaged files.
size=$(stat -c %s "$seed/seed.pdf")
head -c $((size / 2)) "$seed/seed.pdf" >"$here/truncated.pdf"
: >"$here/empty.pdf"
# Every xref entry's 10-digit offset and the startxref number point 7 bytes
# past their objects, inside other data: same length, so nothing else moves.
python3 - "$seed/seed.pdf" "$here/broken-xref.pdf" <<'EOF'
import re, sys

src, dst = sys.argv[1:]
pdf = open(src, "rb").read()
shift = lambda m: b"%010d" % (int(m[1]) + 7) + m[2]
body, xref = pdf.split(b"\nxref\n", 1)
xref, n = re.subn(rb"(?m)^(\d{10})( \d{5} n)", shift, xref)
assert n > 0, "no xref entries found"
start = re.search(rb"startxref\s+(\d+)", xref)
pos = start.start(1)
bad = str(int(start[1]) + 7).encode()
xref = xref[:pos] + bad + xref[start.end(1):]
open(dst, "wb").write(body + b"\nxref\n" + xref)
EOF
cat >"$here/not-a-pdf.pdf" <<'EOF'
<!doctype html>
<html lang="az"><head><meta charset="utf-8"><title>Hesabat</title></head>
<body><h1>Səhifə tapılmadı</h1><p>Axtardığınız hesabat mövcud deyil.</p></body></html>
EOF

# A scan: page 1 of seed.pdf as a grey JPEG printed by Chromium on a page of
# its own (no text layer), followed by seed.pdf's page 2, which has text.
pdftoppm -f 1 -l 1 -r 100 -gray -jpeg -jpegopt quality=60 -singlefile "$seed/seed.pdf" "$work/scan"
cat >"$work/scan.html" <<'EOF'
<!doctype html>
<html><head><style>
@page { size: A4 portrait; margin: 0; }
body { margin: 0; }
img { display: block; width: 210mm; height: 297mm; }
</style></head><body><img src="scan.jpg" alt=""></body></html>
EOF
chromium_pdf "$work/scan.html" "$work/scan.pdf"
qpdf --empty --pages "$work/scan.pdf" 1 "$seed/seed.pdf" 2 -- "$here/scan-page.pdf"
