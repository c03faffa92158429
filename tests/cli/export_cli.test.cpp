// `briefmap export` as a user runs it: good output, world files GDAL understands, and one clear error
// line with exit code 2 and no file left behind for every kind of bad input.
#include <doctest/doctest.h>
#include <gdal_priv.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/read_file.hpp"
#include "model/briefing_loader.hpp"
#include "test_support.hpp"

using namespace briefmap;
namespace fs = std::filesystem;

namespace {
bool folderIsEmpty(const fs::path& dir) { return fs::is_empty(dir); }

// `briefmap export --out OUT ARGS…`, which must succeed; the PNG it wrote.
test::Image exportedImage(const fs::path& out, const std::vector<std::string>& args) {
    std::vector<std::string> all{"export", "--out", out.string()};
    all.insert(all.end(), args.begin(), args.end());
    const auto run = test::runBriefmap(all);
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    test::Image image;
    REQUIRE(test::readPng(out.string(), image));
    return image;
}
}  // namespace

TEST_CASE("export writes a PNG of the requested size and prints the fitted extent") {
    const fs::path dir = test::makeTempDir("briefmap-export");
    const fs::path out = dir / "map.png";
    const auto run = test::runBriefmap({"export", "--out", out.string(), "--size", "640x360", "--bbox", "20,33,148,60"});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    test::Image image;
    REQUIRE(test::readPng(out.string(), image));
    CHECK(image.width == 640);
    CHECK(image.height == 360);
    CHECK(run.output.find("extent lon/lat 20.000000,") != std::string::npos);
    CHECK(run.output.find(",148.000000,") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("--world-file places the image exactly for GDAL, --bbox shows the whole box, letterboxed") {
    const fs::path dir = test::makeTempDir("briefmap-export");
    for (const char* projection : {"mercator", "equirect"}) {
        const fs::path out = dir / (std::string(projection) + ".png");
        const auto run = test::runBriefmap({"export", "--out", out.string(), "--size", "500x300", "--bbox",
                                            "30,40,40,55", "--projection", projection, "--world-file"});
        REQUIRE_MESSAGE(run.exitCode == 0, run.output);
        REQUIRE(fs::exists(dir / (std::string(projection) + ".pgw")));
        REQUIRE(fs::exists(dir / (std::string(projection) + ".prj")));
        GDALAllRegister();
        GDALDatasetUniquePtr ds(GDALDataset::Open(out.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
        REQUIRE(ds);
        double gt[6];
        REQUIRE(ds->GetGeoTransform(gt) == CE_None);
        const OGRSpatialReference* srs = ds->GetSpatialRef();
        REQUIRE(srs);
        // The box is 10° wide and 15° high in a 5:3 image: its height fills the image exactly (top and
        // bottom edges), its width is centred with margin on both sides, nothing of the box is cut.
        const double west = gt[0], east = gt[0] + 500 * gt[1], north = gt[3], south = gt[3] + 300 * gt[5];
        if (std::string(projection) == "equirect") {
            CHECK(north == doctest::Approx(55.0).epsilon(1e-9));
            CHECK(south == doctest::Approx(40.0).epsilon(1e-9));
            CHECK(west < 30.0);
            CHECK(east > 40.0);
            CHECK((west + east) / 2 == doctest::Approx(35.0).epsilon(1e-9));
            CHECK(srs->GetEPSGGeogCS() == 4326);
        } else {
            const double x30 = 3339584.723798207, x40 = 4452779.631730943;  // 30°E, 40°E in EPSG:3857
            CHECK(west < x30);
            CHECK(east > x40);
            CHECK((west + east) / 2 == doctest::Approx((x30 + x40) / 2).epsilon(1e-9));
            CHECK(north == doctest::Approx(7361866.113).epsilon(1e-6));  // 55°N
            CHECK(srs->IsProjected());
        }
        CHECK(run.output.find("extent lon/lat") != std::string::npos);  // the extent used is printed
        CHECK(gt[5] == doctest::Approx(-gt[1]));  // square pixels
    }
    fs::remove_all(dir);
}

TEST_CASE("bad export input: one clear line, exit 2, nothing written") {
    const fs::path dir = test::makeTempDir("briefmap-export");
    const std::string out = (dir / "x.png").string();
    struct Case {
        std::vector<std::string> args;
        const char* mentions;
    };
    const Case cases[] = {
        {{"export", "--out", out, "--size", "0x100"}, "--size"},
        {{"export", "--out", out, "--size", "-5x100"}, "--size"},
        {{"export", "--out", out, "--size", "16385x100"}, "--size"},
        {{"export", "--out", out, "--size", "big"}, "--size"},
        {{"export", "--out", out, "--bbox", "20,60,148,33"}, "south"},
        {{"export", "--out", out, "--bbox", "20,33,148,95"}, "--bbox"},
        {{"export", "--out", out, "--bbox", "20,33"}, "--bbox"},
        {{"export", "--out", out, "--projection", "lambert"}, "--projection"},
        {{"export", "--out", out, "--theme", "neon"}, "--theme"},
        {{"export", "--out", out, "--scale", "0"}, "--scale"},
        {{"export", "--out", out, "--legend", "middle"}, "--legend"},
        {{"export", "--out", out, "--window", "0"}, "--window"},
        {{"export", "--out", out, "--size-by", "weight"}, "--size-by"},
        {{"export", "--out", out, "--window", "30", "--since", "2024-01-01"}, "choose one"},
        {{"export", "--out", out, "--since", "2024-02-30"}, "--since"},
        {{"export", "--out", out, "--time", "2024-01-01", "--since", "2024-06-01"}, "not before"},
        {{"export", "--out", out, "--scale", "two"}, "--scale"},
        {{"export", "--out", out, "--size", "400x300", "--scale", "4"}, "too small"},
        {{"export", "--out", out, "--frobnicate"}, "unknown flag"},
        {{"export", "--out", (dir / "missing" / "x.png").string()}, "does not exist"},
        {{"export", "--out", dir.string()}, "directory"},
        {{"export"}, "--out"},
        {{"export", "--out"}, "missing value"},
    };
    for (const Case& c : cases) {
        const auto run = test::runBriefmap(c.args);
        CHECK_MESSAGE(run.exitCode == 2, run.output);
        CHECK_MESSAGE(run.output.find(c.mentions) != std::string::npos, run.output);
        CHECK_MESSAGE(run.output.rfind("briefmap export: ", 0) == 0, run.output);
        CHECK(folderIsEmpty(dir));
    }
    const auto unknown = test::runBriefmap({"frobnicate"});
    CHECK(unknown.exitCode == 2);
    fs::remove_all(dir);
}

TEST_CASE("an unwritable output folder is refused before rendering") {
    if (geteuid() == 0) return;  // root can write anywhere; the 'does not exist' case covers the path
    const auto run = test::runBriefmap({"export", "--out", "/proc/briefmap.png"});
    CHECK(run.exitCode == 2);
}

TEST_CASE("an output that is a symlink is refused by every command that writes, and its target is untouched") {
    const fs::path dir = test::makeTempDir("briefmap-symlink-out");
    test::writeTextFile(dir / "precious.txt", "precious");
    fs::create_symlink(dir / "precious.txt", dir / "out.png");
    fs::create_symlink(dir / "precious.txt", dir / "out.json");
    const std::string png = (dir / "out.png").string(), json = (dir / "out.json").string();
    const std::vector<std::vector<std::string>> runs = {
        {"export", "--out", png},
        {"convert", "--to", "geojson", "--out", json, model::defaultBriefingPath()},
        {"draft", std::string(BRIEFMAP_SOURCE_DIR) + "/assets/briefings/articles/000_8929c387e07e48fb.txt", "--published",
         "2025-08-13", "--out", json},
        {"extract", std::string(BRIEFMAP_SOURCE_DIR) + "/assets/briefings/articles/000_8929c387e07e48fb.txt", "--out", json},
        {"--screenshot", png, "--frames", "1"},
    };
    for (const auto& args : runs) {
        CAPTURE(args.front());
        const auto run = test::runBriefmap(args);
        CHECK(run.exitCode == 2);
        CHECK_MESSAGE(run.output.find("is a symlink") != std::string::npos, run.output);
        CHECK(fs::is_symlink(dir / "out.png"));
        CHECK(readWholeFile((dir / "precious.txt").string(), 100).value() == "precious");
    }
    fs::remove_all(dir);
}

TEST_CASE("a corrupt geodata folder fails with the file named and no output") {
    const fs::path dir = test::makeTempDir("briefmap-export");
    const fs::path geodata = dir / "geodata";
    fs::create_directories(geodata);
    std::ofstream(geodata / "countries-50m.fgb") << "not a flatgeobuf";
    const auto run = test::runBriefmap({"export", "--out", (dir / "x.png").string(), "--geodata", geodata.string()});
    CHECK(run.exitCode == 1);
    CHECK(run.output.find("countries-50m.fgb") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "x.png"));
    fs::remove_all(dir);
}

TEST_CASE("export --data/--time/--layers: the briefing at a moment, layer choice, and clear errors") {
    const fs::path dir = test::makeTempDir("briefmap-export-briefing");
    const fs::path out = dir / "map.png";
    // A date before the data shows the bare map; one in it shows the briefing: the images differ.
    auto run = test::runBriefmap({"export", "--out", out.string(), "--size", "480x270", "--time", "2010-01-01"});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    test::Image before;
    REQUIRE(test::readPng(out.string(), before));
    run = test::runBriefmap({"export", "--out", out.string(), "--size", "480x270", "--time", "2024-06-19"});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    test::Image during;
    REQUIRE(test::readPng(out.string(), during));
    CHECK(before.rgb != during.rgb);
    // Only the base map: the same pixels whatever the date.
    run = test::runBriefmap({"export", "--out", out.string(), "--size", "480x270", "--time", "2024-06-19", "--layers", "basemap"});
    REQUIRE(run.exitCode == 0);
    test::Image bare1;
    REQUIRE(test::readPng(out.string(), bare1));
    run = test::runBriefmap({"export", "--out", out.string(), "--size", "480x270", "--time", "2019-06-19", "--layers", "basemap"});
    test::Image bare2;
    REQUIRE(test::readPng(out.string(), bare2));
    CHECK(bare1.rgb == bare2.rgb);
    fs::remove(out);

    for (const std::vector<std::string>& bad : std::vector<std::vector<std::string>>{
             {"--time", "2024-13-01"}, {"--time", "19 June 2024"}, {"--time", "2024-06"}, {"--layers", "basemap,roads"},
             {"--layers", ""}}) {
        std::vector<std::string> args{"export", "--out", out.string()};
        args.insert(args.end(), bad.begin(), bad.end());
        const auto r = test::runBriefmap(args);
        CHECK_MESSAGE(r.exitCode == 2, bad[1] << ": " << r.output);
        CHECK(!fs::exists(out));
    }
    CHECK(test::runBriefmap({"export", "--out", out.string(), "--layers", "basemap,roads"}).output.find("unknown layer 'roads'") !=
          std::string::npos);

    // Imported data opens the same way; bad data is reported and nothing is written.
    const fs::path csv = dir / "acled.csv";
    test::writeTextFile(csv, "event_date,event_type,sub_event_type,actor1,location,latitude,longitude,notes,source\n"
                             "2024-01-02,Explosions/Remote violence,Shelling/artillery/missile attack,Russia,Kharkiv,,,Missile strike,Media\n");
    run = test::runBriefmap({"export", "--out", out.string(), "--size", "480x270", "--data", csv.string(), "--time", "2024-01-02"});
    CHECK_MESSAGE(run.exitCode == 0, run.output);
    CHECK(fs::exists(out));
    fs::remove(out);
    // A bad row is skipped with its reason (lenient); --strict refuses the file and writes nothing.
    test::writeTextFile(csv, "event_date,event_type,location\nnot a date,Battles,Kursk\n2024-01-03,Battles,Kursk\n");
    run = test::runBriefmap({"export", "--out", out.string(), "--size", "480x270", "--data", csv.string()});
    CHECK_MESSAGE(run.exitCode == 0, run.output);
    CHECK(run.output.find("acled.csv: row 1 (event_date): not a date in ISO 8601: 'not a date' (row skipped)") != std::string::npos);
    CHECK(run.output.find("acled.csv: 2 rows read, 1 event imported, 1 skipped: 1 bad dates") != std::string::npos);
    fs::remove(out);
    run = test::runBriefmap({"export", "--out", out.string(), "--data", csv.string(), "--strict"});
    CHECK(run.exitCode == 1);
    CHECK(run.output.find("acled.csv: row 1 (event_date): not a date") != std::string::npos);
    CHECK(!fs::exists(out));
    CHECK(test::runBriefmap({"export", "--out", out.string(), "--data", csv.string(), "--columns", "lat"}).exitCode == 2);
    CHECK(!fs::exists(out));
    fs::remove_all(dir);
}

TEST_CASE("export --articles and the mentions layer: rings where the articles name places, clear errors") {
    const fs::path dir = test::makeTempDir("briefmap-export");
    test::writeTextFile(dir / "a.txt", "Officials in Beijing and Harbin said the talks went well.");
    const std::vector<std::string> common{"--size", "400x300", "--bbox", "110,35,130,50", "--time", "2025-01-01"};
    auto exportWith = [&](const std::string& name, std::vector<std::string> extra) {
        extra.insert(extra.begin(), common.begin(), common.end());
        return exportedImage(dir / name, extra);
    };
    const test::Image without = exportWith("none.png", {"--layers", "basemap"});
    const test::Image with = exportWith("rings.png", {"--layers", "basemap,mentions", "--articles", (dir / "a.txt").string()});
    // Harbin (45.75 N, 126.65 E) has a ring only when its article is loaded and the layer is on.
    const MapView view = MapView::fitBounds(Projection::Mercator, {110, 35, 130, 50}, 400, 300);
    const Vec2d harbin = view.projectedToScreen(project(Projection::Mercator, {126.65, 45.75}));
    int changed = 0;
    for (int dy = -12; dy <= 12; ++dy)
        for (int dx = -12; dx <= 12; ++dx) {
            const int x = static_cast<int>(harbin.x) + dx, y = static_cast<int>(harbin.y) + dy;
            changed += std::memcmp(without.at(x, y), with.at(x, y), 3) != 0;
        }
    CHECK(changed > 40);
    CHECK(without.rgb != with.rgb);

    auto run = test::runBriefmap({"export", "--out", (dir / "x.png").string(), "--articles", (dir / "nope.txt").string()});
    CHECK(run.exitCode == 1);
    CHECK(run.output.find("--articles: " + (dir / "nope.txt").string() + ": no such file") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "x.png"));
    run = test::runBriefmap({"export", "--out", (dir / "x.png").string(), "--layers", "basemap,rings"});
    CHECK(run.exitCode == 2);
    CHECK(run.output.find("expected basemap, places, flows, labels, legend, mentions, annotations") != std::string::npos);
    fs::remove_all(dir);
}

namespace {

// `big` reduced by averaging `factor` x `factor` blocks: what a screen of the smaller size would show.
test::Image boxDownsample(const test::Image& big, int factor) {
    test::Image small{big.width / factor, big.height / factor, {}};
    small.rgb.resize(static_cast<size_t>(small.width) * small.height * 3);
    for (int y = 0; y < small.height; ++y)
        for (int x = 0; x < small.width; ++x)
            for (int c = 0; c < 3; ++c) {
                int sum = 0;
                for (int dy = 0; dy < factor; ++dy)
                    for (int dx = 0; dx < factor; ++dx) sum += big.at(x * factor + dx, y * factor + dy)[c];
                small.rgb[(static_cast<size_t>(y) * small.width + x) * 3 + c] = static_cast<uint8_t>(sum / (factor * factor));
            }
    return small;
}

// Mean absolute difference per channel.
double meanDifference(const test::Image& a, const test::Image& b) {
    double total = 0;
    for (size_t i = 0; i < a.rgb.size(); ++i) total += std::abs(int(a.rgb[i]) - int(b.rgb[i]));
    return total / static_cast<double>(a.rgb.size());
}

}  // namespace

// A presenter's 4K screen shows the 1080p map, only sharper: text, markers, lines and the legend
// twice as big in pixels, so the 4K export reduced to 1080p is (almost) the 1080p export; --scale 1
// keeps 1080p sizes (small text), and the world file describes the image's own pixels.
TEST_CASE("a 4K export is laid out like 1080p at scale 2 and --scale overrides it") {
    const fs::path dir = test::makeTempDir("briefmap-export-scale");
    const auto exportAt = [&](const std::string& name, std::vector<std::string> extra) {
        extra.insert(extra.begin(), {"--time", "2024-06-19"});
        return exportedImage(dir / name, extra);
    };
    const test::Image hd = exportAt("hd.png", {"--size", "1920x1080"});
    const test::Image uhd = exportAt("uhd.png", {"--size", "3840x2160", "--world-file"});
    const test::Image uhdSmall = exportAt("uhd-small.png", {"--size", "3840x2160", "--scale", "1"});
    const test::Image hdBig = exportAt("hd-big.png", {"--size", "1920x1080", "--scale", "2"});
    REQUIRE(uhd.width == 3840);
    REQUIRE(uhd.height == 2160);
    const double scaled = meanDifference(boxDownsample(uhd, 2), hd);
    const double unscaled = meanDifference(boxDownsample(uhdSmall, 2), hd);
    MESSAGE("mean difference from the 1080p export: scale 2 " << scaled << ", scale 1 " << unscaled);
    CHECK(scaled < 2.0);
    CHECK(unscaled > 2 * scaled);
    // --scale 2 at 1080p lays out a 960x540 map: bigger text than the default, so a different image.
    CHECK(meanDifference(hdBig, hd) > 2 * scaled);

    // The world file's pixel is the image's: the extent over 3840 pixels, not over the 1920 of the layout.
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "uhd.png").c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(ds);
    double gt[6];
    REQUIRE(ds->GetGeoTransform(gt) == CE_None);
    const double x20 = 2226389.8158654715, x148 = 16475284.637404488;  // 20°E, 148°E in EPSG:3857
    CHECK(gt[0] == doctest::Approx(x20).epsilon(1e-9));
    CHECK(gt[0] + 3840 * gt[1] == doctest::Approx(x148).epsilon(1e-9));
    fs::remove_all(dir);
}
