// The label-collision grid answers exactly what testing every placed box would, including boxes on
// cell edges, boxes bigger than a cell, boxes partly off screen and degenerate ones.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "render/screen_box.hpp"

using briefmap::render::ScreenBox;
using briefmap::render::ScreenBoxGrid;

TEST_CASE("screen box grid: the same answers as testing every box") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> pos(-100.0f, 1100.0f), size(0.0f, 300.0f);
    const auto randomBox = [&] {
        const float x = pos(rng), y = pos(rng);
        // Every fourth box snapped to the 64-pixel cells' edges.
        if (rng() % 4 == 0) return ScreenBox{std::round(x / 64) * 64, std::round(y / 64) * 64, std::round(x / 64) * 64 + 64, std::round(y / 64) * 64 + 64};
        return ScreenBox{x, y, x + size(rng), y + size(rng) / 4};
    };
    for (int round = 0; round < 20; ++round) {
        ScreenBoxGrid grid;
        grid.clear(1000, 700);
        std::vector<ScreenBox> placed;
        for (int i = 0; i < 200; ++i) {
            const ScreenBox box = randomBox();
            const bool brute = std::any_of(placed.begin(), placed.end(), [&](const ScreenBox& b) { return b.overlaps(box); });
            // Placement only asks about boxes on the screen; the grid may drop wholly off-screen ones.
            const bool onScreen = box.x0 >= 0 && box.y0 >= 0 && box.x1 <= 1000 && box.y1 <= 700;
            if (onScreen) REQUIRE(grid.overlapsAny(box) == brute);
            if (rng() % 2) {
                grid.insert(box);
                placed.push_back(box);
            }
        }
    }
    ScreenBoxGrid grid;
    grid.clear(640, 480);
    grid.insert({std::nanf(""), 0, 10, 10});  // ignored, not undefined behaviour
    grid.insert({-1e30f, -1e30f, 1e30f, 1e30f});  // covers everything
    CHECK(grid.overlapsAny({100, 100, 110, 110}));
    grid.clear(640, 480);  // empties it
    CHECK_FALSE(grid.overlapsAny({100, 100, 110, 110}));
}
