#!/usr/bin/env bash
# make.sh renders the variants in this folder: whole gold reports (the seed
# and ten short corpus reports) and the hand-written templates of
# templates/, each in many presentations, with the producers agencies use.
# README.md describes every presentation; variants.json (written here) lists
# every rendered file with its presentation, report, gold and the letters
# it cannot hold.
#
# The tests never run it: its outputs are committed. Rerun it only to
# regenerate them (PDF and DOCX bytes change from run to run: producers
# stamp dates and IDs).
#
# Needs (Debian): libreoffice-writer (soffice), chromium, pandoc,
# poppler-utils, fonts-dejavu, fonts-liberation, fonts-noto-core, python3,
# and Go (for mojibake/, which uses the module's golang.org/x/text).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=$here/out
rm -rf "$out"
mkdir -p "$out"
gen() { python3 "$here/gen.py" "$@"; }
list=$work/list.tsv
: >"$list"

# Reports: the seed and the ten corpus reports with the least work-done text.
reports=(seed r010-2020 r035-2021 r013-2020 r056-2021 r005-2021 r039-2022 r023-2021 r012-2022 r026-2021 r057-2022)
gold_of() {
	case $1 in
	seed) echo testdata/seed/seed.gold.json ;;
	t-*) echo testdata/variants/templates/${1#t-}.gold.json ;;
	*) echo fixtures/corpus/gold/$1.gold.json ;;
	esac
}

# Each presentation renders the seed and three corpus reports, taken in
# turn, so every corpus report appears in a dozen presentations.
# targets sets sel to the reports of the next presentation: the words of
# $only when set.
turn=0
targets() {
	if [ -n "${only:-}" ]; then
		read -ra sel <<<"$only"
		return
	fi
	sel=(seed "${reports[$((1 + (3 * turn) % 10))]}" "${reports[$((1 + (3 * turn + 1) % 10))]}" "${reports[$((1 + (3 * turn + 2) % 10))]}")
	turn=$((turn + 1))
}

# record PRESENTATION REPORT FILE [ADJUST] adds a rendered file to the list.
record() {
	local adjust='{}'
	[ $# -gt 3 ] && adjust=$4
	printf '%s\t%s\t%s\t%s\n' "$1" "$2" "${3#"$repo"/}" "$adjust" >>"$list"
}

# chromium_pdf HTML OUT prints an HTML file to PDF with headless Chromium,
# without its date/title/URL header and footer.
chromium_pdf() {
	# --no-sandbox: Chromium refuses to run as root without it.
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$work/chromium-profile" --no-pdf-header-footer \
		--print-to-pdf="$2" "file://$1" 2>"$work/chromium.log" ||
		{ cat "$work/chromium.log" >&2; return 1; }
}

# soffice_to FILTER OUTDIR FILE converts with LibreOffice; HTML is read with
# the Writer (print layout) filter, not Writer/Web. soffice exits 0 when it
# cannot convert, so the output is checked.
soffice_to() {
	local filter=$1 dir=$2 file=$3 in=()
	[ "${file##*.}" = html ] && in=(--infilter="HTML (StarWriter)")
	soffice --headless --norestore "-env:UserInstallation=file://$work/lo-profile" \
		"${in[@]}" --convert-to "$filter" --outdir "$dir" "$file" >/dev/null 2>"$work/lo.log"
	local made=$dir/$(basename "${file%.*}").${filter%%:*}
	[ -s "$made" ] || { cat "$work/lo.log" >&2; echo "make.sh: soffice did not write $made" >&2; return 1; }
}

# source REPORT KEY=VALUE... writes the HTML of a report to $work and prints
# its path: generated from the gold, or the hand-written template.
source_html() {
	local r=$1
	shift
	case $r in
	t-*) python3 "$here/templates/style.py" "$here/templates/${r#t-}.html" "$@" >"$work/$r.html" ;;
	*) gen html "$repo/$(gold_of "$r")" "$@" >"$work/$r.html" ;;
	esac
	echo "$work/$r.html"
}

# source_tsv REPORT KEY=VALUE... prints a report as tab-separated text:
# generated from the gold, or the hand-written template as text.
source_tsv() {
	local r=$1
	shift
	case $r in
	t-*) python3 "$here/templates/totext.py" "$here/templates/${r#t-}.html" ;;
	*) gen tsv "$repo/$(gold_of "$r")" "$@" ;;
	esac
}

# Forms. Each takes the presentation name (and some a form), then gen.py's
# HTML or TSV keys.
chrome() { # Chromium PDF of the HTML
	local p=$1 r
	shift
	mkdir -p "$out/$p"
	targets
	for r in "${sel[@]}"; do
		chromium_pdf "$(source_html "$r" "$@")" "$out/$p/$r.pdf"
		record "$p" "$r" "$out/$p/$r.pdf"
	done
}
# deliver FORM DOCX P R puts what FORM makes of the DOCX in out/P/R.*:
# the DOCX itself (docx), the DOCX with a running header, a footer and a
# footnote (docx+furnish), or that DOCX printed by LibreOffice (pdf+furnish).
deliver() {
	local form=$1 docx=$2 p=$3 r=$4
	case $form in
	docx) cp "$docx" "$out/$p/$r.docx" ;;
	docx+furnish) gen furnish "$docx" "$out/$p/$r.docx" "$(agency "$r")" ;;
	pdf+furnish)
		gen furnish "$docx" "$work/$p/f-$r.docx" "$(agency "$r")"
		soffice_to pdf:writer_pdf_Export "$work/$p" "$work/$p/f-$r.docx"
		mv "$work/$p/f-$r.pdf" "$out/$p/$r.pdf"
		;;
	esac
	record "$p" "$r" "$out/$p/$r.${form%+furnish}"
}
lo() { # LibreOffice from the HTML: FORM pdf, or a DOCX delivered as FORM (see deliver)
	local p=$1 form=$2 r
	shift 2
	mkdir -p "$out/$p" "$work/$p"
	targets
	for r in "${sel[@]}"; do
		cp "$(source_html "$r" "$@")" "$work/$p/$r.html"
		if [ "$form" = pdf ]; then
			soffice_to pdf:writer_pdf_Export "$out/$p" "$work/$p/$r.html"
			record "$p" "$r" "$out/$p/$r.pdf"
		else
			soffice_to 'docx:MS Word 2007 XML' "$work/$p" "$work/$p/$r.html"
			deliver "$form" "$work/$p/$r.docx" "$p" "$r"
		fi
	done
}
pandoc_docx() { # pandoc DOCX of the HTML, delivered as FORM (see deliver)
	local p=$1 form=$2 r
	shift 2
	mkdir -p "$out/$p" "$work/$p"
	targets
	for r in "${sel[@]}"; do
		# Without its <title>, which pandoc would print as a Title paragraph
		# above the page's own heading.
		sed 's#<title>.*</title>##' "$(source_html "$r" "$@")" >"$work/$p/$r.html"
		pandoc -f html -t docx -o "$work/$p/$r.docx" "$work/$p/$r.html"
		deliver "$form" "$work/$p/$r.docx" "$p" "$r"
	done
}
restyled() { # LibreOffice PDF of a report's committed DOCX restyled by gen.py restyle KEY=VALUE...
	local p=$1 r src
	shift
	mkdir -p "$out/$p" "$work/$p"
	targets
	for r in "${sel[@]}"; do
		src=$repo/fixtures/corpus/docx/$r.docx
		[ "$r" = seed ] && src=$repo/testdata/seed/seed.docx
		gen restyle "$src" "$work/$p/$r.docx" "$@"
		soffice_to pdf:writer_pdf_Export "$out/$p" "$work/$p/$r.docx"
		record "$p" "$r" "$out/$p/$r.pdf"
	done
}
agency() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["agency"])' "$repo/$(gold_of "$1")"; }
text() { # tab-separated text in ENCODING (utf-8, utf-16, cp1254-charref, cp1254-qmark)
	local p=$1 enc=$2 r adjust
	shift 2
	mkdir -p "$out/$p"
	targets
	for r in "${sel[@]}"; do
		source_tsv "$r" "$@" >"$work/$r.txt"
		adjust='{}'
		case $enc in
		utf-8) cp "$work/$r.txt" "$out/$p/$r.txt" ;;
		utf-16) python3 -c 'import sys; open(sys.argv[2], "wb").write(open(sys.argv[1], encoding="utf-8").read().encode("utf-16"))' "$work/$r.txt" "$out/$p/$r.txt" ;;
		cp1254-*)
			# Windows-1254 has no ə: such files write ä (folded back by the reader).
			# Other letters it lacks become an HTML character reference
			# (charref) or "?" (qmark: lost; the adjustment says which).
			python3 -c 'import sys
t = open(sys.argv[1], encoding="utf-8").read().replace("ə", "ä").replace("Ə", "Ä")
open(sys.argv[2], "wb").write(t.encode("cp1254", sys.argv[3]))' "$work/$r.txt" "$out/$p/$r.txt" \
				"$([ "$enc" = cp1254-charref ] && echo xmlcharrefreplace || echo replace)"
			[ "$enc" = cp1254-qmark ] && adjust=$(gen lost cp1254 "$repo/$(gold_of "$r")")
			;;
		esac
		record "$p" "$r" "$out/$p/$r.txt" "$adjust"
	done
}
layout() { # pdftotext -layout of a PRODUCER (chrome or lo) PDF of the HTML
	local p=$1 producer=$2 r
	shift 2
	mkdir -p "$out/$p" "$work/$p"
	targets
	for r in "${sel[@]}"; do
		if [ "$producer" = chrome ]; then
			chromium_pdf "$(source_html "$r" "$@")" "$work/$p/$r.pdf"
		else
			cp "$(source_html "$r" "$@")" "$work/$p/$r.html"
			soffice_to pdf:writer_pdf_Export "$work/$p" "$work/$p/$r.html"
		fi
		pdftotext -layout "$work/$p/$r.pdf" "$out/$p/$r.txt"
		record "$p" "$r" "$out/$p/$r.txt"
	done
}
mojibake() { # UTF-8 tab-separated text decoded with CODEPAGE, saved as UTF-8
	local p=$1 cp=$2 r
	shift 2
	mkdir -p "$out/$p"
	targets
	for r in "${sel[@]}"; do
		source_tsv "$r" "$@" | (cd "$repo" && go run ./testdata/variants/mojibake "$cp") >"$out/$p/$r.txt"
		record "$p" "$r" "$out/$p/$r.txt"
	done
}

# Presentations of the gold reports. README.md describes each.
chrome chrome-grid-portrait rules=grid
chrome chrome-none-portrait rules=none
chrome chrome-none-landscape-centred orient=landscape rules=none valign=middle widths=6,30,6
chrome chrome-horizontal-serif11 rules=horizontal 'font="Liberation Serif"' size=11 number=4.1
chrome chrome-frame-condensed10 rules=frame 'font="DejaVu Sans Condensed"' size=10 'number=4.1)'
chrome chrome-narrow-title widths=9,12,11
chrome chrome-narrow-title-none rules=none widths=9,12,11
chrome chrome-wide-title-landscape orient=landscape widths=6,45,10 number=4.1
chrome chrome-bottom-aligned valign=bottom
chrome chrome-middle-aligned-horizontal valign=middle rules=horizontal widths=9,27,8
chrome chrome-header-first-page repeat=0
chrome chrome-header-first-page-none-landscape repeat=0 rules=none orient=landscape
chrome chrome-sections sections=1
chrome chrome-sections-none-paren sections=1 rules=none 'number=4.1)'
chrome chrome-noto-serif14-landscape 'font="Noto Serif"' size=14 orient=landscape
chrome chrome-noto-sans12-plain-header 'font="Noto Sans"' size=12 bold=0 number=4.1
chrome chrome-para-breaks keep=para
chrome chrome-justified-sans10-horizontal 'font="Liberation Sans"' size=10 align=justify rules=horizontal
chrome chrome-sans-narrow-tight-columns 'font="Liberation Sans Narrow"' size=9 widths=6,20,7
chrome chrome-title-two-lines titlebreak=1 rules=frame
lo lo-pdf-grid-serif11 pdf 'font="Liberation Serif"' size=11
lo lo-pdf-landscape-none pdf orient=landscape rules=none
lo lo-docx-grid docx
lo lo-docx-horizontal-sections docx rules=horizontal sections=1
lo lo-docx-furnished docx+furnish
lo lo-pdf-furnished pdf+furnish 'font="DejaVu Serif"' size=10
pandoc_docx pandoc-docx docx
pandoc_docx pandoc-docx-furnished docx+furnish
pandoc_docx pandoc-pdf-furnished pdf+furnish
text txt-utf8-tsv utf-8 number=4.1. paras=tags
text txt-utf8-tsv-rows utf-8 number=4.1 paras=rows repeat=5
text txt-utf16-tsv utf-16 number=4.1. paras=tags
text txt-1254-charref cp1254-charref number=4.1. paras=tags
text txt-1254-qmark cp1254-qmark 'number=4.1)' paras=rows
# pdftotext -layout writes a blank line between paragraphs only where the
# gap is about a line high; with a 4 pt gap a paragraph whose last line is
# full would run into the next one in the text itself, so these use 12 pt.
layout layout-narrow-gutter chrome pad=0.4 rules=none gap=12
layout layout-wide-gutter chrome pad=14 orient=landscape widths=8,26,12 gap=12
layout layout-lo lo 'font="Liberation Serif"' size=10 gap=12
mojibake mojibake-1252 windows-1252 number=4.1. paras=tags
mojibake mojibake-1254 windows-1254 number=4.1. paras=rows
mojibake mojibake-1251 windows-1251 number=4.1. paras=tags
mojibake mojibake-latin1 iso-8859-1 number=4.1. paras=tags
# The seed's and the corpus's own DOCX (LibreOffice tables), restyled and
# printed by LibreOffice; only reports that have a DOCX.
only="seed r010-2020 r035-2021" restyled lo-restyled-landscape-none-centred orient=landscape rules=none valign=center
only="seed r005-2021 r012-2022" restyled lo-restyled-none-bottom rules=none valign=bottom
only="seed r023-2021 r026-2021" restyled lo-restyled-landscape-top orient=landscape valign=top

# The hand-written templates (templates/README.md), each in several forms.
if [ -d "$here/templates" ]; then
	for t in "$here"/templates/*.html; do
		r=t-$(basename "$t" .html)
		only=$r chrome tmpl-chrome-grid rules=grid
		only=$r chrome tmpl-chrome-none-landscape rules=none orient=landscape
		only=$r lo tmpl-lo-docx docx
		only=$r lo tmpl-lo-pdf pdf
		only=$r pandoc_docx tmpl-pandoc-docx docx
		only=$r layout tmpl-layout chrome gap=12
		only=$r text tmpl-txt-utf8 utf-8
		only=$r text tmpl-txt-1254-qmark cp1254-qmark
		only=$r mojibake tmpl-mojibake-1252 windows-1252
	done
fi

# variants.json: every rendered file with its presentation, report, gold and
# adjustment (letters the file cannot hold: gold text → what the file has).
python3 - "$list" "$here/variants.json" <<'EOF'
import json, sys
rows = []
for line in open(sys.argv[1], encoding="utf-8"):
    p, r, f, adjust = line.rstrip("\n").split("\t")
    gold = {"seed": "testdata/seed/seed.gold.json"}.get(r)
    if gold is None:
        gold = (f"testdata/variants/templates/{r[2:]}.gold.json" if r.startswith("t-")
                else f"fixtures/corpus/gold/{r}.gold.json")
    rows.append({"presentation": p, "report": r, "file": f, "gold": gold, "lost": json.loads(adjust)})
with open(sys.argv[2], "w", encoding="utf-8") as w:
    json.dump(rows, w, ensure_ascii=False, indent=1)
    w.write("\n")
EOF
echo "$(wc -l <"$list") variants, $(du -sh "$out" | cut -f1)"
