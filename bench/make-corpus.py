#!/usr/bin/python3
"""Writes a synthetic corpus for scripts/draft-corpus throughput: N HTML pages made from the annotated
real articles in bench/data/draft/gold (none on Russia and North Korea), each with its own
publication date (the original's shifted by up to two years, in <meta property="article:published_time">)
and its places varied (city names swapped within the same country). Not real reporting: it exists
to measure docs per second at scale. Fixed seed.

    bench/make-corpus.py OUT_DIR [COUNT=5000] [SEED=7]
"""
import datetime
import html
import json
import random
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "data" / "draft" / "gold"
# Names swapped for one another (same country) to vary the places of the copies.
SWAPS = [
    ["Kyiv", "Kharkiv", "Odesa", "Dnipro", "Lviv", "Zaporizhzhia"],
    ["Moscow", "St. Petersburg", "Rostov-on-Don", "Belgorod", "Kursk"],
    ["Tehran", "Isfahan", "Tabriz", "Shiraz"],
    ["Sanaa", "Hodeidah", "Aden"],
    ["Bamako", "Timbuktu", "Gao"],
    ["Khartoum", "Port Sudan", "Omdurman"],
]


def main():
    out = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    sources = []
    for gold in sorted(GOLD.glob("*.json")):
        doc = json.loads(gold.read_text(encoding="utf-8"))
        article = doc["articles"][0]
        text = (gold.parent / article["file"]).read_text(encoding="utf-8")
        sources.append((article.get("title") or text.splitlines()[0], article["published"], text))
    out.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        title, published, text = sources[i % len(sources)]
        for names in SWAPS:
            present = [n for n in names if n in text]
            if present and rng.random() < 0.7:
                old = rng.choice(present)
                text = text.replace(old, rng.choice(names))
        day = datetime.date.fromisoformat(published) + datetime.timedelta(days=rng.randint(-365, 365))
        paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n")[1:] if p.strip())
        page = (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>\n"
                f"<meta property=\"article:published_time\" content=\"{day.isoformat()}T09:00:00Z\"></head>\n"
                f"<body><article><h1>{html.escape(title)}</h1>\n{paragraphs}\n"
                f"<p>Copy {i} of the synthetic corpus.</p></article></body></html>\n")
        (out / f"{i:05d}.html").write_text(page, encoding="utf-8")
    print(f"wrote {count} articles to {out}")


if __name__ == "__main__":
    main()
