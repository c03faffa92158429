#!/usr/bin/python3
"""briefmap against QGIS 3.22 on the same data-heavy 4K map, side by side on this machine.

Builds the scene (10,000 random points over Eurasia and 2,000 random straight flows between them,
fixed seed, no time properties) as a GeoJSON FeatureCollection, then runs `briefmap export` and QGIS
(render_qgis.py: QgsMapRendererParallelJob, PNG saved) alternately, three times each, timing each whole
process, and prints one JSON object with the medians and their ratio. Both draw the same extent in
EPSG:3857 over Natural Earth countries (briefmap's geodata/countries-50m.fgb).

Usage: compare.py [--briefmap build/briefmap] [--size 3840x2160] [--runs 3] [--keep DIR]
Needs: apt-get install qgis python3-qgis (not part of `make test`)."""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def make_scene(path, seed=20):
    rng = random.Random(seed)
    points = [(round(rng.uniform(-10, 140), 5), round(rng.uniform(5, 70), 5)) for _ in range(10000)]
    features = [{"type": "Feature", "properties": {"id": i}, "geometry": {"type": "Point", "coordinates": list(p)}}
                for i, p in enumerate(points)]
    for j in range(2000):
        a, b = rng.sample(range(len(points)), 2)
        features.append({"type": "Feature", "properties": {"id": 10000 + j},
                         "geometry": {"type": "LineString", "coordinates": [list(points[a]), list(points[b])]}})
    with open(path, "w") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f)
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return min(lons) - 3, min(lats) - 3, max(lons) + 3, max(lats) + 3


def timed(command):
    start = time.monotonic()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.monotonic() - start
    if done.returncode != 0:
        sys.exit("compare.py: %s failed (%d): %s" % (command[0], done.returncode, done.stderr.strip()[-500:]))
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--briefmap", default=os.path.join(ROOT, "build", "briefmap"))
    parser.add_argument("--size", default="3840x2160")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", help="keep the scene and both PNGs in this folder")
    args = parser.parse_args()
    try:
        import qgis.core  # noqa: F401  (only to say clearly what is missing)
    except ImportError:
        sys.exit("compare.py: QGIS is not installed for /usr/bin/python3: apt-get install qgis python3-qgis")
    width, height = (int(v) for v in args.size.split("x"))
    work = args.keep or tempfile.mkdtemp(prefix="briefmap-qgis-")
    os.makedirs(work, exist_ok=True)
    scene = os.path.join(work, "scene.geojson")
    bbox = ",".join("%.5f" % v for v in make_scene(scene))
    countries = os.path.join(ROOT, "geodata", "countries-50m.fgb")
    ours = [args.briefmap, "export", "--data", scene, "--size", args.size, "--bbox", bbox,
            "--out", os.path.join(work, "briefmap.png")]
    peer = ["/usr/bin/python3", os.path.join(HERE, "render_qgis.py"), scene, countries,
            os.path.join(work, "qgis.png"), str(width), str(height), bbox]
    timed(ours)  # first runs warm the page cache and Mesa's shader cache; not counted
    timed(peer)
    briefmap_s, qgis_s = [], []
    for _ in range(args.runs):
        briefmap_s.append(timed(ours))
        qgis_s.append(timed(peer))
    result = {
        "bench": "qgis", "size": args.size, "points": 10000, "flows": 2000, "runs": args.runs,
        "briefmap_s": [round(v, 3) for v in briefmap_s], "qgis_s": [round(v, 3) for v in qgis_s],
        "briefmap_median_s": round(statistics.median(briefmap_s), 3),
        "qgis_median_s": round(statistics.median(qgis_s), 3),
        "speedup": round(statistics.median(qgis_s) / statistics.median(briefmap_s), 2),
        "briefmap_png_bytes": os.path.getsize(os.path.join(work, "briefmap.png")),
        "qgis_png_bytes": os.path.getsize(os.path.join(work, "qgis.png")),
        "target": {"speedup": 3, "aim": 5},
    }
    if not args.keep:
        shutil.rmtree(work)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
