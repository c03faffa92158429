#!/usr/bin/env python3
"""Fills in `start`/`end` (UTF-8 byte offsets, end exclusive) of every quoted source in a briefing.

Authors write the quote; this finds it in the article file. A quote that occurs nowhere, or more than
once with no offsets to choose between them, is an error. Usage: scripts/locate-quotes.py BRIEFING.json
"""
import json
import os
import sys


def main(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    base = os.path.dirname(path)
    texts = {}
    for a in doc["articles"]:
        with open(os.path.join(base, a["file"]), "rb") as f:
            texts[a["id"]] = f.read()
    failed = False
    for e in doc["events"]:
        for s in e["sources"]:
            text = texts[s["article"]]
            quote = s["quote"].encode("utf-8")
            hits = []
            at = text.find(quote)
            while at >= 0:
                hits.append(at)
                at = text.find(quote, at + 1)
            if not hits:
                print(f"{path}: {e['id']}: quote not found in article {s['article']}: {s['quote'][:60]!r}")
                failed = True
                continue
            current = s.get("start")
            start = current if current in hits else hits[0]
            if len(hits) > 1 and current not in hits:
                print(f"{path}: {e['id']}: quote occurs {len(hits)} times in {s['article']}; using the first")
            s["start"], s["end"] = start, start + len(quote)
    if failed:
        return 1
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    os.replace(tmp, path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
