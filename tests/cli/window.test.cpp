// The real window under Xvfb: opens, renders N frames, writes a screenshot of its content, exits 0.
#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>

#include "test_support.hpp"

using namespace briefmap;
namespace fs = std::filesystem;

TEST_CASE("the window renders under Xvfb and writes a screenshot") {
    if (test::runProgram({"sh", "-c", "command -v xvfb-run"}).exitCode != 0) {
        MESSAGE("xvfb-run not installed: skipped");
        return;
    }
    const fs::path dir = test::makeTempDir("briefmap-window");
    const fs::path shot = dir / "window.png";
    const auto run = test::runProgram({"xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", BRIEFMAP_BINARY, "--frames",
                                       "4", "--size", "1280x720", "--screenshot", shot.string()});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    test::Image image;
    REQUIRE(test::readPng(shot.string(), image));
    CHECK(image.width == 1280);
    CHECK(image.height == 720);
    // Not a blank window: ocean, land and the ImGui panel's pixels all differ from one another.
    size_t distinct = 0;
    const uint8_t* first = image.at(0, 0);
    for (int y = 0; y < image.height; y += 7)
        for (int x = 0; x < image.width; x += 7)
            if (std::memcmp(image.at(x, y), first, 3) != 0) ++distinct;
    CHECK(distinct > 1000);
    fs::remove_all(dir);
}
