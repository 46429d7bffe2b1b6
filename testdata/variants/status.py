#!/usr/bin/env python3
"""status.py rewrites the per-variant table of STATUS.md from a test run.

    go test -tags sqlite_fts5 -run 'TestVariants$' -json ./cmd/hesabat/ \\
        | python3 testdata/variants/status.py testdata/variants/STATUS.md

Everything in STATUS.md above the line "## Variants" (the failure classes,
written by hand from the differences) is kept; the table below it is
replaced: one row per variant, `presentation | report | pass/fail | first
difference`. Standard library only.
"""
import collections
import json
import sys

MARK = "## Variants"  # a line of its own

path = sys.argv[1]
result, output = {}, collections.defaultdict(list)
for line in sys.stdin:
    e = json.loads(line)
    name = e.get("Test", "")
    # TestVariants/presentation/report only: the input may hold a whole
    # package's run.
    if not name.startswith("TestVariants/") or name.count("/") != 2:
        continue
    if e["Action"] == "output":
        output[name].append(e["Output"])
    elif e["Action"] in ("pass", "fail", "skip"):
        result[name] = e["Action"]

# TestVariants logs a known failure and passes: a variant fails when its
# output says it differs from its gold.
for name in result:
    if any("differs from" in line for line in output[name]):
        result[name] = "fail"
    elif result[name] == "fail":  # it matches but is recorded as failing
        result[name] = "pass"


def first_difference(lines):
    """The first line of the test's report that names a difference."""
    for line in lines:
        text = line.strip()
        if not text or text.startswith(("=== ", "--- ")) or "differs from" in text:
            continue
        return text.replace("|", "\\|")[:300]
    return ""


text = open(path, encoding="utf-8").read()
head = text.split("\n" + MARK + "\n")[0] + "\n" if "\n" + MARK + "\n" in text else text
rows = []
for name in sorted(result):
    _, presentation, report = name.split("/")
    diff = first_difference(output[name]) if result[name] == "fail" else ""
    # A pass owed to the test-side rule of cmd/hesabat/pagebreak_test.go
    # (paragraphs joined at page breaks the file does not show) says so.
    side = [l.strip() for l in output[name] if "TEST-SIDE RULE" in l]
    if result[name] == "pass" and side:
        diff = "test-side rule: " + side[0].split(": ", 2)[-1].replace("|", "\\|")
    rows.append(f"| {presentation} | {report} | {result[name]} | {diff} |")
count = collections.Counter(result.values())
with open(path, "w", encoding="utf-8") as w:
    w.write(head.rstrip("\n") + "\n\n")
    w.write(f"{MARK}\n\n{count['pass']} pass, {count['fail']} fail, {count['skip']} skipped.\n\n")
    w.write("| presentation | report | result | first difference |\n|---|---|---|---|\n")
    w.write("\n".join(rows) + "\n")
