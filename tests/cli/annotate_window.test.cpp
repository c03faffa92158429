// Annotating in the real window under Xvfb (scripts/annotate-session.sh): M and a drag measure the
// geodesic distance between two points; kept as a ruler and a range ring placed with a click, both
// are saved in the briefing's "annotations"; Ctrl+Z takes the ring back out.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/geodesic.hpp"
#include "test_support.hpp"

using namespace briefmap;
namespace fs = std::filesystem;

namespace {
nlohmann::json readJson(const fs::path& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}
}  // namespace

TEST_CASE("a distance measured in the real window is kept as a ruler and a range ring placed with a click is undone") {
    if (!test::haveWindowTools()) {
        MESSAGE("xvfb-run or xdotool not installed: skipped");
        return;
    }
    const fs::path dir = test::makeTempDir("briefmap-annotate-window");
    fs::copy(fs::path(BRIEFMAP_TEST_DIR) / "fixtures" / "annotations", dir / "briefing");
    const fs::path briefing = dir / "briefing" / "annotated.json";
    setenv("XDG_STATE_HOME", (dir / "state").c_str(), 1);
    const auto run = test::runWindowSession("annotate-session.sh", dir / "session", {briefing.string()});
    unsetenv("XDG_STATE_HOME");
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    nlohmann::json measure;
    std::vector<nlohmann::json> annotated;
    for (const auto& t : test::readSessionTrace(dir / "session")) {
        if (t["action"] == "measure") measure = t;
        if (t["action"] == "annotate") annotated.push_back(t["annotation"]);
    }
    REQUIRE(measure.is_object());
    // The drag ran 300 pixels east over the sea east of Korea: a few hundred kilometres, and what the
    // window says is the WGS84 geodesic between the two points it reports.
    const LonLat from{measure["from"][0].get<double>(), measure["from"][1].get<double>()};
    const LonLat to{measure["to"][0].get<double>(), measure["to"][1].get<double>()};
    CHECK(measure["km"].get<double>() > 200);
    CHECK(measure["km"].get<double>() < 900);
    CHECK(measure["km"].get<double>() == doctest::Approx(geodesicInverse(from, to)->metres / 1000).epsilon(1e-6));
    REQUIRE(annotated.size() == 2);
    CHECK(annotated[0]["kind"] == "ruler");
    CHECK(annotated[1]["kind"] == "range_ring");
    CHECK(annotated[1]["radius_km"] == 500);

    const nlohmann::json saved = readJson(dir / "session" / "saved-with-annotations.json");
    REQUIRE(saved["annotations"].size() == 7);
    CHECK(saved["annotations"][5] == annotated[0]);
    CHECK(saved["annotations"][5]["from"][0].get<double>() == doctest::Approx(from.lon).epsilon(1e-6));
    CHECK(saved["annotations"][6]["kind"] == "range_ring");
    const nlohmann::json undone = readJson(dir / "session" / "saved-after-undo.json");
    REQUIRE(undone["annotations"].size() == 6);
    CHECK(undone["annotations"][5]["kind"] == "ruler");
    // The rest of the file is as it was.
    nlohmann::json original = readJson(fs::path(BRIEFMAP_TEST_DIR) / "fixtures" / "annotations" / "annotated.json");
    nlohmann::json rest = undone;
    rest["annotations"].erase(5);
    CHECK(rest == original);
}
