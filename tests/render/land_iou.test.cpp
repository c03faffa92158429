// The land pixels of a Mercator export agree with GDAL's own rasterization of the same countries,
// projected by PROJ to EPSG:3857 at the same extent and size.
#include <doctest/doctest.h>
#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/map_view.hpp"
#include "geo/basemap.hpp"
#include "render/glyph_atlas.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/render_target.hpp"
#include "test_support.hpp"

using namespace briefmap;

namespace {

double iouAgainstGdal(const GeoBounds& bounds, int width, int height) {
    Result<geo::Basemap> data = geo::loadBasemap(geo::defaultGeodataDir());
    REQUIRE(data.ok());
    auto context = render::HeadlessContext::create();
    REQUIRE_MESSAGE(context.ok(), (context.ok() ? "" : context.error().message));
    render::MapRenderer renderer;
    REQUIRE(renderer.init(data.value(), render::GlyphAtlas::defaultFontPath()).ok());
    auto target = render::RenderTarget::create(width, height);
    REQUIRE(target.ok());
    target->bind();
    const MapView view = MapView::fitBounds(Projection::Mercator, bounds, width, height);
    render::MapStyle style;
    style.theme = render::ThemeName::Light;
    style.admin1 = style.countryLabels = style.regionLabels = style.coastlines = style.countryBorders = false;
    renderer.render(view, style);
    std::vector<uint8_t> rgba;  // bottom row first, like GDAL's raster read below once flipped
    target->readRgba(rgba);

    // GDAL's side: every country as one polygon (all rings: GDAL fills by parity like our stencil),
    // vertices projected by PROJ; longitudes beyond ±180 (unwrapped Chukotka) projected in their
    // own world copy.
    GDALAllRegister();
    const auto ct = test::makeWgs84ToWebMercator();
    REQUIRE(ct);
    const double worldX = 2 * 20037508.342789244;
    std::vector<std::unique_ptr<OGRPolygon>> polygons;
    for (const geo::Country& c : data->countries) {
        for (int copy = -1; copy <= 1; ++copy) {  // world copies, as the map draws them
            auto polygon = std::make_unique<OGRPolygon>();
            for (const Ring& r : c.rings) {
                OGRLinearRing ring;
                for (const LonLat& p : r) {
                    const double k = std::floor((p.lon + 180.0) / 360.0);
                    double x = p.lon - 360.0 * k, y = std::clamp(p.lat, -85.0, 85.0);
                    REQUIRE(ct->Transform(1, &x, &y));
                    ring.addPoint(x + (k + copy) * worldX, y);
                }
                polygon->addRing(&ring);
            }
            polygons.push_back(std::move(polygon));
        }
    }
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    REQUIRE(mem);
    GDALDatasetUniquePtr raster(mem->Create("", width, height, 1, GDT_Byte, nullptr));
    const ProjectedExtent e = view.projectedExtent();
    double geoTransform[6] = {e.xmin, view.unitsPerPixel(), 0, e.ymax, 0, -view.unitsPerPixel()};
    raster->SetGeoTransform(geoTransform);
    std::vector<OGRGeometryH> handles;
    std::vector<double> burn;
    for (auto& p : polygons) {
        handles.push_back(OGRGeometry::ToHandle(p.get()));
        burn.push_back(1.0);
    }
    int band = 1;
    REQUIRE(GDALRasterizeGeometries(GDALDataset::ToHandle(raster.get()), 1, &band, static_cast<int>(handles.size()),
                                    handles.data(), nullptr, nullptr, burn.data(), nullptr, nullptr, nullptr) == CE_None);
    std::vector<uint8_t> gdalLand(static_cast<size_t>(width) * height);
    REQUIRE(raster->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, width, height, gdalLand.data(), width, height, GDT_Byte,
                                               0, 0) == CE_None);

    const render::Theme& theme = render::themeFor(style.theme);
    auto distance = [](const uint8_t* px, render::Rgba c) {
        const double dr = px[0] - c.r * 255, dg = px[1] - c.g * 255, db = px[2] - c.b * 255;
        return dr * dr + dg * dg + db * db;
    };
    size_t both = 0, either = 0;
    for (size_t i = 0; i < gdalLand.size(); ++i) {
        const size_t x = i % static_cast<size_t>(width), yTop = i / static_cast<size_t>(width);
        const uint8_t* px = &rgba[((static_cast<size_t>(height) - 1 - yTop) * static_cast<size_t>(width) + x) * 4];
        const bool ours = distance(px, theme.land) < distance(px, theme.ocean);
        const bool theirs = gdalLand[i] != 0;
        both += ours && theirs;
        either += ours || theirs;
    }
    return either ? double(both) / double(either) : 0.0;
}

}  // namespace

TEST_CASE("land pixels match gdal_rasterize's: Ukraine to Korea") {
    const double iou = iouAgainstGdal(kDefaultBriefingBounds, 1024, 576);
    MESSAGE("IoU " << iou);
    CHECK(iou >= 0.97);
}

TEST_CASE("land pixels match gdal_rasterize's: Bering Strait across the antimeridian") {
    const double iou = iouAgainstGdal({160, 52, 215, 72}, 800, 500);
    MESSAGE("IoU " << iou);
    CHECK(iou >= 0.97);
}
