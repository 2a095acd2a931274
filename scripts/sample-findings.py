#!/usr/bin/env python3
"""Counts findings per rule in `wetlint check --output-format json-lines` output and prints a
reproducible random sample with the surrounding source lines, for precision checks by reading.

    wetlint check --profile batch DIR --output-format json-lines --exit-zero > batch.jsonl
    python3 scripts/sample-findings.py batch.jsonl --n 20 --seed 2026 [--code LEG-002]
"""
import argparse
import collections
import json
import random
import sys


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("jsonl")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--code", action="append", help="only these rule codes")
    ap.add_argument("--context", type=int, default=2, help="lines of context")
    args = ap.parse_args()
    rows = []
    with open(args.jsonl, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                rows.append(json.loads(line))
    counts = collections.Counter((r["code"], r["name"]) for r in rows)
    files = len({r["filename"] for r in rows})
    print(f"{len(rows)} findings in {files} files")
    for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:8d}  {code:<11} {name}")
    pool = [r for r in rows if not args.code or r["code"] in args.code]
    random.Random(args.seed).shuffle(pool)
    for i, r in enumerate(pool[: args.n], 1):
        row = r["location"]["row"]
        print(f"\n--- {i}. {r['filename']}:{row}:{r['location']['column']} {r['code']} [{r['severity']}]")
        print(f"    {r['message']}")
        try:
            with open(r["filename"], encoding="utf-8") as f:
                lines = f.read().splitlines()
            lo, hi = max(0, row - 1 - args.context), min(len(lines), row + args.context)
            for j in range(lo, hi):
                mark = ">" if j == row - 1 else " "
                print(f"  {mark}{j + 1:6d} | {lines[j][:300]}")
        except OSError as e:
            print(f"    (source not readable: {e})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
