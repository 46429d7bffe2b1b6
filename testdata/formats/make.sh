#!/bin/sh
# Renders the seed and ten corpus reports from DOCX to Word 97-2003 (.doc),
# OpenDocument (.odt, flat .fodt) and HTML with LibreOffice, for the gold
# tests of extract/doc, extract/odt and extract/html. Run from the
# repository root: sh testdata/formats/make.sh. The output is committed;
# tests never need LibreOffice.
set -eu
out=testdata/formats
reports="testdata/seed/seed.docx"
# Ten corpus reports of different shapes: landscape (r003, r013), without
# table borders (r005, r015), and plain portrait ones over the three years.
for r in r001-2020 r003-2022 r005-2021 r010-2020 r013-2020 r015-2022 r022-2020 r033-2022 r044-2021 r056-2021; do
	reports="$reports fixtures/corpus/docx/$r.docx"
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for fmt in doc odt fodt html; do
	mkdir -p "$out/$fmt"
	# A private profile, so that a running LibreOffice does not take the job.
	soffice -env:UserInstallation=file://$tmp/profile --headless \
		--convert-to "$fmt" --outdir "$out/$fmt" $reports >/dev/null
done
# LibreOffice may export images next to the HTML; the tests need none.
find "$out/html" -type f ! -name '*.html' -delete
# The hand-written page (html/seed-handwritten.html, not made here) in DOC
# and ODT: its rowspan and colspan become merged cells there. Word and
# LibreOffice keep <br> as a line break inside one paragraph, which the
# readers join with a space as DOCX soft returns are; <br> becomes a
# paragraph break first so that the seed gold holds.
sed 's#<br>#</p><p>#g' "$out/html/seed-handwritten.html" >"$tmp/seed-handwritten.html"
for fmt in doc odt; do
	soffice -env:UserInstallation=file://$tmp/profile --headless --infilter="HTML (StarWriter)" \
		--convert-to "$fmt" --outdir "$out/$fmt" "$tmp/seed-handwritten.html" >/dev/null
done
# The features page and the numbered list (features.fodt, numbered.fodt,
# written by hand) in DOC.
soffice -env:UserInstallation=file://$tmp/profile --headless \
	--convert-to doc --outdir "$out" "$out/features.fodt" "$out/numbered.fodt" >/dev/null
