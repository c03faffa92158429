#!/usr/bin/env python3
"""Writes the bad-input corpus into tests/fixtures/bad/ (run once; the files are committed).

Each file is one way a real file goes wrong; tests/cli/bad_input.test.cpp runs every command that
reads such a file over it and checks the outcome listed in tests/fixtures/bad/expected.tsv.
"""
import json, os, random, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "bad")
os.makedirs(os.path.join(root, "articles"), exist_ok=True)
rnd = random.Random(19)

def put(name, data):
    with open(os.path.join(root, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

article = "Officials met in Vladivostok on 25 April 2019 to discuss trade.\n"
put("articles/short.txt", article)
quote = "Officials met in Vladivostok on 25 April 2019"

def briefing(**over):
    doc = {"format": "briefmap-briefing/1", "title": "Bad-input corpus", "description": "",
           "articles": [{"id": "a", "file": "articles/short.txt", "title": "Short", "published": "2019-04-26"}],
           "events": [{"id": "e1", "kind": "meeting", "start": "2019-04-25", "places": ["Vladivostok"],
                       "summary": "A meeting.", "sources": [{"article": "a", "quote": quote, "start": 0, "end": len(quote)}]}]}
    doc.update(over)
    return doc

good = json.dumps(briefing(), indent=1)
put("truncated.json", good[: len(good) // 2])
put("empty.json", b"")
put("binary.json", bytes(rnd.randrange(256) for _ in range(4096)))
put("deep.json", "[" * 100000 + "]" * 100000)
put("deep-in-event.json", good.replace('"summary": "A meeting."', '"summary": ' + "[" * 5000 + "]" * 5000))
put("invalid-utf8.json", good.replace("Bad-input corpus", "Bad\udcff").encode("utf-8", "surrogateescape"))
put("bom.json", b"\xef\xbb\xbf" + good.encode())
put("crlf.json", good.replace("\n", "\r\n"))
put("nan.json", good.replace('"start": "2019-04-25"', '"start": "2019-04-25", "quantity": {"value": NaN, "unit": "shells"}'))
put("infinity.json", good.replace('"start": "2019-04-25"', '"start": "2019-04-25", "quantity": {"value": Infinity, "unit": "shells"}'))
put("impossible-date.json", good.replace('"start": "2019-04-25"', '"start": "2019-02-30"'))
put("out-of-range-coordinate.json", json.dumps(briefing(places=[{"name": "Vladivostok", "lat": 91.5, "lon": 131.9, "why": "test"}]), indent=1))
put("nul-byte.json", good.replace("Bad-input corpus", "Bad\0corpus"))
put("long-line.json", good.replace('"description": ""', '"description": "' + "x" * ((1 << 20) + 1000) + '"'))

rows = ["event_date,latitude,longitude,event_type,fatalities,notes"]
rows += [f"2024-01-{d:02d},50.{d},30.5,Battles,{d},row {d}" for d in range(1, 11)]
csv = "\n".join(rows) + "\n"
put("truncated.csv", csv[: len(csv) - 20])
put("unbalanced-quotes.csv", csv.replace("row 5", '"row 5, never closed'))
put("empty.csv", b"")
put("header-only.csv", rows[0] + "\n")
put("binary.csv", bytes(rnd.randrange(256) for _ in range(4096)))
put("invalid-utf8.csv", csv.replace("row 3", "row \udce9t\udce9").encode("utf-8", "surrogateescape"))
put("bom.csv", b"\xef\xbb\xbf" + csv.encode())
put("crlf.csv", csv.replace("\n", "\r\n"))
put("nul-byte.csv", csv.replace("row 4", "row\0 4"))
put("long-line.csv", csv.replace("row 2", "y" * ((1 << 20) + 1000)))
put("impossible-dates.csv", "\n".join([rows[0]] + [f"2024-02-{30 + d % 2},50.1,30.5,Battles,1,x" for d in range(5)]) + "\n")
put("out-of-range-coordinates.csv", "\n".join([rows[0]] + [f"2024-01-0{d},{95 + d},30.5,Battles,1,x" for d in range(1, 6)]) + "\n")
put("nan-coordinates.csv", "\n".join([rows[0]] + [f"2024-01-0{d},NaN,inf,Battles,1,x" for d in range(1, 6)]) + "\n")

fc = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"date": "2024-01-02", "name": "Kyiv"}, "geometry": {"type": "Point", "coordinates": [30.5, 50.4]}}]}
gj = json.dumps(fc)
put("truncated.geojson", gj[: len(gj) // 2])
put("deep.geojson", gj.replace("[30.5, 50.4]", "[" * 50000 + "30.5, 50.4" + "]" * 50000))
put("nan.geojson", gj.replace("[30.5, 50.4]", "[NaN, 50.4]"))
put("empty.geojson", b"")

text = ("Russia sent 1,000 shells to Ukraine's border on Tuesday, officials said. " * 3).strip() + "\n"
put("empty.txt", b"")
put("binary.txt", bytes(rnd.randrange(256) for _ in range(4096)))
put("invalid-utf8.txt", text.replace("officials", "offici\udce9ls").encode("utf-8", "surrogateescape"))
put("nul-byte.txt", text.replace("shells", "she\0lls"))
put("bom.txt", b"\xef\xbb\xbf" + text.encode())
put("crlf.txt", text.replace("\n", "\r\n"))
put("long-line.txt", ("North Korea sent shells to Russia in October 2024, officials said, " * 16000).strip() + "\n")
put("empty.html", b"")
put("no-article.html", "<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
put("binary.html", bytes(rnd.randrange(256) for _ in range(4096)))
