// The import dialog in the real window under Xvfb (scripts/import-session.sh, xdotool): opened on an
// ACLED export with --import, Enter imports it, and the map shows that file's events in place of the
// seed briefing.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "test_support.hpp"

using namespace briefmap;
namespace fs = std::filesystem;

TEST_CASE("import dialog in the real window: Enter imports the file shown, the map switches to it") {
    if (!test::haveWindowTools()) {
        MESSAGE("xvfb-run or xdotool not installed: skipped");
        return;
    }
    const fs::path dir = test::makeTempDir("briefmap-import-window");
    const std::string data = std::string(BRIEFMAP_TEST_DIR) + "/fixtures/import/acled_export.csv";
    const auto run = test::runWindowSession("import-session.sh", dir, {data});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    const std::vector<nlohmann::json> trace = test::readSessionTrace(dir);
    REQUIRE(!trace.empty());
    CHECK(trace.back()["action"] == "imported");
    CHECK(trace.back()["imported_events"] == 20);  // 22 rows, 2 skipped
    fs::remove_all(dir);
}
