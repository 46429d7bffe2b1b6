#!/usr/bin/env bash
# Makes the test scans in this folder from text PDFs of the repository.
# Needs poppler-utils (pdftoppm, pdfseparate, pdfunite) and Go.
#
#   seed-scan.pdf       the seed (ruled, portrait), every page a scan
#   r013-2020-scan.pdf  a corpus report (ruled, landscape)
#   r005-2021-scan.pdf  a corpus report (no table borders)
#   seed-mixed.pdf      the seed with pages 1-3 as text and 4-7 as scans
#
# Pages are rendered at 200 dpi in grey, turned by 1-2 degrees (alternating),
# given noise and dust and stored as JPEG (quality 45) without text.
set -euo pipefail
cd "$(dirname "$0")"
root=../..
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

scan() { # scan SRC.pdf OUT.pdf ANGLE SEED
	rm -f "$tmp"/p-*.png
	pdftoppm -r 200 -gray -png "$1" "$tmp/p"
	(cd "$root" && go run ./testdata/ocr/scanify -dpi 200 -angle "$3" -seed "$4" -out "testdata/ocr/$2" $(ls "$tmp"/p-*.png | sort -V))
}

scan "$root/testdata/seed/seed.pdf" seed-scan.pdf 1.5 1
scan "$root/fixtures/corpus/pdf/r013-2020.pdf" r013-2020-scan.pdf 1.2 2
scan "$root/fixtures/corpus/pdf/r005-2021.pdf" r005-2021-scan.pdf 2.0 3

pdfseparate -f 1 -l 3 "$root/testdata/seed/seed.pdf" "$tmp/text-%d.pdf"
pdfseparate -f 4 -l 7 seed-scan.pdf "$tmp/scan-%d.pdf"
pdfunite "$tmp"/text-{1,2,3}.pdf "$tmp"/scan-{4,5,6,7}.pdf seed-mixed.pdf
ls -l *.pdf
