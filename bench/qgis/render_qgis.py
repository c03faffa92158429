#!/usr/bin/python3
"""Renders the comparison scene with QGIS 3.22 (QgsMapRendererParallelJob) and saves a PNG: the peer
that bench/qgis/compare.py times. Usage: render_qgis.py SCENE.geojson COUNTRIES.fgb OUT.png W H W,S,E,N

The styling mirrors briefmap's dark theme closely enough that both draw the same kind of picture:
land with borders, 10,000 small circles with an outline, 2,000 lines."""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFillSymbol,
                       QgsLineSymbol, QgsMapRendererParallelJob, QgsMapSettings, QgsMarkerSymbol, QgsProject,
                       QgsRectangle, QgsSingleSymbolRenderer, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

scene, countries, out = sys.argv[1], sys.argv[2], sys.argv[3]
width, height = int(sys.argv[4]), int(sys.argv[5])
west, south, east, north = (float(v) for v in sys.argv[6].split(","))

app = QgsApplication([], False)
app.setPrefixPath("/usr", True)
app.initQgis()
land = QgsVectorLayer(countries, "countries", "ogr")
points = QgsVectorLayer(scene + "|geometrytype=Point", "points", "ogr")
flows = QgsVectorLayer(scene + "|geometrytype=LineString", "flows", "ogr")
for layer in (land, points, flows):
    if not layer.isValid():
        sys.exit("render_qgis.py: cannot open layer " + layer.name())
land.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
    {"color": "40,48,60", "outline_color": "90,100,115", "outline_width": "0.3"})))
flows.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"color": "110,160,255", "width": "0.5"})))
points.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
    {"name": "circle", "color": "220,180,90", "size": "1.6", "outline_color": "20,20,20"})))

mercator = QgsCoordinateReferenceSystem("EPSG:3857")
settings = QgsMapSettings()
settings.setLayers([points, flows, land])
settings.setDestinationCrs(mercator)
settings.setOutputSize(QSize(width, height))
settings.setBackgroundColor(QColor(15, 22, 32))
to_mercator = QgsCoordinateTransform(points.crs(), mercator, QgsProject.instance())
settings.setExtent(to_mercator.transformBoundingBox(QgsRectangle(west, south, east, north)))
job = QgsMapRendererParallelJob(settings)
job.start()
job.waitForFinished()
if not job.renderedImage().save(out, "PNG"):
    sys.exit("render_qgis.py: cannot write " + out)
sys.stdout.flush()
# QGIS 3.22 crashes in exitQgis() when run as a script; the PNG is written, so leave at once.
os._exit(0)
