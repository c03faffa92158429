// Golden images of headless exports (maplibre-style): a pixel threshold and an image threshold;
// actual.png and diff.png are written next to expected.png on failure; UPDATE=1 rebaselines.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "test_support.hpp"

using namespace briefmap;

namespace {

constexpr int kPixelThreshold = 24;         // per-channel difference that counts a pixel as different
constexpr double kImageThreshold = 0.002;   // fraction of pixels allowed to differ

void checkGolden(const std::string& name, const std::vector<std::string>& exportArgs) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(BRIEFMAP_TEST_DIR) / "golden" / name;
    const fs::path tmp = test::makeTempDir("briefmap-golden");
    const fs::path actualPath = tmp / "actual.png";
    std::vector<std::string> args{"export", "--out", actualPath.string()};
    args.insert(args.end(), exportArgs.begin(), exportArgs.end());
    const test::CommandResult run = test::runBriefmap(args);
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    test::Image actual;
    REQUIRE(test::readPng(actualPath.string(), actual));

    const fs::path expectedPath = dir / "expected.png";
    if (std::getenv("UPDATE") || !fs::exists(expectedPath)) {
        fs::create_directories(dir);
        fs::copy_file(actualPath, expectedPath, fs::copy_options::overwrite_existing);
        MESSAGE("rebaselined " << expectedPath.string());
        fs::remove_all(tmp);
        return;
    }
    test::Image expected;
    REQUIRE(test::readPng(expectedPath.string(), expected));
    REQUIRE(expected.width == actual.width);
    REQUIRE(expected.height == actual.height);
    test::Image diff{actual.width, actual.height, std::vector<uint8_t>(actual.rgb.size(), 0)};
    size_t differing = 0;
    for (size_t i = 0; i < actual.rgb.size(); i += 3) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(actual.rgb[i + c]) - int(expected.rgb[i + c])));
        if (worst > kPixelThreshold) {
            ++differing;
            diff.rgb[i] = 255;
        } else {
            diff.rgb[i + 1] = diff.rgb[i + 2] = static_cast<uint8_t>(expected.rgb[i + 1] / 4);
        }
    }
    const double fraction = double(differing) / (double(actual.width) * actual.height);
    if (fraction > kImageThreshold) {
        fs::copy_file(actualPath, dir / "actual.png", fs::copy_options::overwrite_existing);
        test::writePngFile((dir / "diff.png").string(), diff);
    }
    CHECK_MESSAGE(fraction <= kImageThreshold, name << ": " << differing << " pixels differ (" << fraction * 100
                                                    << "%); see actual.png and diff.png in " << dir.string());
    fs::remove_all(tmp);
}

}  // namespace

TEST_CASE("golden: default briefing view, dark, Mercator") {
    checkGolden("default-dark-mercator", {"--size", "960x540", "--layers", "basemap,labels"});
}

TEST_CASE("golden: across the antimeridian, light, equirectangular with graticule") {
    checkGolden("bering-light-equirect", {"--size", "800x500", "--bbox", "150,45,-150,75", "--theme", "light",
                                          "--projection", "equirect", "--graticule", "--layers", "basemap,labels"});
}

TEST_CASE("golden: Korean peninsula zoomed in, admin-1 labels in Hangul and Cyrillic") {
    checkGolden("korea-light-mercator", {"--size", "900x600", "--bbox", "118,33,142,46", "--theme", "light",
                                         "--layers", "basemap,labels"});
}

// The seed briefing at the moments a presenter stops at: the Vostochny summit, Putin in Pyongyang,
// the Alaska summit. Markers, flows (growing, dimmed when over), place labels, legend, title, date.
TEST_CASE("golden: seed briefing on 13 September 2023 (Vostochny summit), dark") {
    checkGolden("briefing-2023-09-13-dark", {"--size", "1280x720", "--time", "2023-09-13"});
}

TEST_CASE("golden: seed briefing on 19 June 2024 (Putin in Pyongyang), light") {
    checkGolden("briefing-2024-06-19-light", {"--size", "1280x720", "--time", "2024-06-19", "--theme", "light"});
}

TEST_CASE("golden: seed briefing on 15 August 2025 (Alaska summit), dark, across the Pacific") {
    checkGolden("briefing-2025-08-15-dark", {"--size", "1280x720", "--time", "2025-08-15", "--bbox", "25,20,-145,70"});
}

// Imported data: polygons (one with a hole) transformed from EPSG:3857, a point, framed on the data.
TEST_CASE("golden: imported polygons from EPSG:3857, framed on the data, dark") {
    checkGolden("import-areas-dark", {"--size", "960x540", "--data",
                                      std::string(BRIEFMAP_TEST_DIR) + "/fixtures/import/areas_3857.geojson", "--time", "2024-05-04"});
}

// Lines, a collection and a polygon from one GeoJSON, light theme: flows along their own lines.
TEST_CASE("golden: imported lines, a geometry collection and a polygon, light") {
    checkGolden("import-mixed-light", {"--size", "960x540", "--theme", "light", "--data",
                                       std::string(BRIEFMAP_TEST_DIR) + "/fixtures/import/mixed_geometries.geojson", "--time", "2024-03-01"});
}

// A 4K export is laid out at 1080p and rasterised at 3840x2160 (default scale 2): text, markers,
// flows, lines and the legend twice their 1080p size in pixels, the coast at its finer level.
TEST_CASE("golden: 4K export of the seed briefing over Korea at the default scale 2") {
    checkGolden("briefing-korea-4k-dark", {"--size", "3840x2160", "--time", "2024-06-19", "--bbox", "118,33,142,46"});
}

// A time window: only the 90 days up to 1 November 2024 (Kursk), older events gone, the date box
// naming the days, the legend counting "events in the window".
TEST_CASE("golden: seed briefing in a 90-day time window up to 1 November 2024, dark") {
    checkGolden("briefing-window-2024-11-01-dark", {"--size", "1280x720", "--time", "2024-11-01", "--window", "90"});
}

// Annotations: a 900 km range ring around Pyongyang with its caption, a second ring in its own
// colour, a ruler measuring Pyongyang–Vladivostok, an arrow and a text label.
TEST_CASE("golden: annotations over Korea (range rings, ruler, arrow, label), dark") {
    checkGolden("annotations-korea-dark", {"--size", "1280x720", "--time", "2024-07-01", "--data",
                                           std::string(BRIEFMAP_TEST_DIR) + "/fixtures/annotations/annotated.json"});
}

// Clustered markers (--cluster): the whole seed briefing on a small picture, Pyongyang with its
// neighbours and Moscow with its own merged into discs that carry their event counts.
TEST_CASE("golden: seed briefing with clustered markers, dark") {
    checkGolden("briefing-clusters-dark", {"--size", "960x540", "--time", "2025-08-31", "--cluster"});
}

// A close-up (Kursk, the 2024 incursion): the 1:10m border, rivers, and towns and villages from the
// gazetteer as reference dots and labels, kept clear of the briefing's places and the region names.
TEST_CASE("golden: close-up of Kursk with towns rivers and the 1:10m border, light") {
    checkGolden("closeup-kursk-light", {"--size", "1366x768", "--time", "2024-12-31", "--theme", "light", "--bbox",
                                        "32.5,50.2,38.5,52.9"});
}
