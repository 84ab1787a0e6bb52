#!/usr/bin/env python3
"""Compares `vixens-lint report --format json` with the Vixens repository's own TIER-EVALUATION.md.

Reads our report (JSON), their published tier table (Markdown) and the hand-written verdicts
(src/tools/maturity_comparison_verdicts.tsv: which of our applications each of theirs is, the class of the
difference and a one-line reason), and prints the comparison table plus counts per class. With --update FILE it
replaces the text between the `<!-- generated:begin -->` and `<!-- generated:end -->` markers of FILE instead.

Run from the repository root:
  dotnet run --project src/Vixens.Lint.Cli -c Release -- report ../shared/corpus/vixens --format json --output /tmp/ours.json
  python3 src/tools/maturity_comparison.py /tmp/ours.json --update docs/maturity-comparison.md

A verdict row whose application is missing from either side, or an application of either side without a verdict,
is reported on stderr and makes the script exit 1, so a stale verdicts file is noticed when the corpus changes.
"""
import argparse
import collections
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_THEIRS = os.path.join(ROOT, "..", "shared", "corpus", "vixens", "docs", "reports", "TIER-EVALUATION.md")
DEFAULT_VERDICTS = os.path.join(ROOT, "src", "tools", "maturity_comparison_verdicts.tsv")
BEGIN, END = "<!-- generated:begin -->", "<!-- generated:end -->"
CLASSES = {
    "agree": "same tier",
    "our-bug": "our bug",
    "their-bug": "their bug / laxness",
    "live-data": "needs live data",
    "repo-changed": "repo changed since their report",
    "not-assessed": "not assessed offline by us",
    "only-theirs": "only in their report",
    "only-ours": "only in our report",
}
TIER_NAMES = ["none", "bronze", "silver", "gold", "platinum", "emerald", "diamond", "orichalcum"]


def their_tiers(path):
    """App → tier name (lower case) from the 'Détail par Application' table."""
    tiers = {}
    for line in open(path, encoding="utf-8"):
        match = re.match(r"\|\s*\*\*(.+?)\*\*\s*\|\s*(\S+)\s+(\w+)\s*\|", line)
        if match:
            tiers[match.group(1)] = match.group(3).lower()
    return tiers


def our_cells(path):
    """(app, env) → display cell, from the report's rated and not-assessed applications."""
    report = json.load(open(path, encoding="utf-8"))
    cells = {}
    for app in report["applications"]:
        cell = app["tier"].capitalize()
        if app.get("deployedByArgoCD") is False:
            cell += " (no Application)"
        cells[(app["application"], app["environment"])] = cell
    for app in report.get("notAssessed", []):
        cells.setdefault((app["application"], app["environment"]), "not assessed")
    return cells


def verdicts(path):
    rows = []
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 4 or fields[2] not in CLASSES:
            sys.exit(f"{path}:{number}: expected 4 tab-separated fields with a known class, got {fields!r}")
        rows.append(dict(theirs=fields[0], ours=fields[1], verdict=fields[2], reason=fields[3]))
    return rows


def render(theirs, ours, rows):
    problems = []
    our_apps = sorted({app for app, _ in ours})
    covered = {r["ours"] for r in rows if r["ours"] != "-"}
    for row in rows:
        if row["theirs"] != "-" and row["theirs"] not in theirs:
            problems.append(f"verdict for {row['theirs']}, which is not in their report")
        if row["ours"] != "-" and row["ours"] not in our_apps:
            problems.append(f"verdict names our application {row['ours']}, which is not in our report")
    problems += [f"their application {a} has no verdict" for a in theirs if a not in {r['theirs'] for r in rows}]
    problems += [f"our application {a} has no verdict" for a in our_apps if a not in covered]

    lines = ["| Their app | Their tier | Our app | Our prod | Our dev | Verdict | Reason |", "|---|---|---|---|---|---|---|"]
    for row in rows:
        app = row["ours"]
        prod = ours.get((app, "prod"), "—") if app != "-" else "—"
        dev = ours.get((app, "dev"), "—") if app != "-" else "—"
        their = theirs.get(row["theirs"], "—").capitalize() if row["theirs"] != "-" else "—"
        lines.append(f"| {row['theirs']} | {their} | {app} | {prod} | {dev} | {CLASSES[row['verdict']]} | {row['reason']} |")

    counts = collections.Counter(r["verdict"] for r in rows)
    lines += ["", "| Verdict | Rows |", "|---|---:|"]
    lines += [f"| {CLASSES[c]} | {counts[c]} |" for c in CLASSES if counts[c]]
    lines.append(f"| total | {len(rows)} |")
    return "\n".join(lines) + "\n", problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ours", help="vixens-lint report --format json output")
    parser.add_argument("--theirs", default=DEFAULT_THEIRS)
    parser.add_argument("--verdicts", default=DEFAULT_VERDICTS)
    parser.add_argument("--update", help="Markdown file whose generated section is replaced")
    args = parser.parse_args()

    table, problems = render(their_tiers(args.theirs), our_cells(args.ours), verdicts(args.verdicts))
    if args.update:
        text = open(args.update, encoding="utf-8").read()
        start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
        open(args.update, "w", encoding="utf-8").write(text[:start] + "\n" + table + text[end:])
    else:
        sys.stdout.write(table)
    for problem in problems:
        print(f"maturity_comparison: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
