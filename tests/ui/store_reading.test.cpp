// What the window reads from a store too large to read at once (ui/store_reading): nothing more when
// the store was read whole; the area in view and a year around the slider otherwise, read again when
// the view leaves the area, zooms well inside a read that was cut off, or the slider nears the year's end.
#include <doctest/doctest.h>

#include "model/date.hpp"
#include "ui/store_reading.hpp"

using namespace briefmap;
using Read = model::LoadedBriefing::StoreVersions;

namespace {
MapView viewOf(GeoBounds b) { return MapView::fitBounds(Projection::Mercator, b, 1600, 900); }
const model::DayNumber kDay = model::dayNumber(2024, 6, 1);
}  // namespace

TEST_CASE("a store read whole is never read again") {
    Read read;
    read.partial = false;
    CHECK(!ui::storeReadFor(read, viewOf({30, 45, 40, 55}), kDay));
}

TEST_CASE("a first read cut off by the limit is narrowed to the view and a year around the slider") {
    Read read;
    read.partial = read.truncated = true;
    const auto next = ui::storeReadFor(read, viewOf({30, 45, 40, 55}), kDay + 0.5);
    REQUIRE(next);
    REQUIRE(next->area);
    CHECK(next->area->west < 30);
    CHECK(next->area->east > 40);
    CHECK(*next->from == kDay - 183);
    CHECK(*next->to == kDay + 183);
    // With the whole world in view only the time narrows.
    const auto world = ui::storeReadFor(read, viewOf({-180, -80, 180, 80}), kDay);
    REQUIRE(world);
    CHECK(!world->area);
    CHECK(world->from);
}

TEST_CASE("a read covering the view and the slider stands until the view leaves it or the slider nears its end") {
    Read read;
    read.partial = true;
    read.truncated = true;
    read.area = GeoBounds{20, 40, 50, 60};
    read.from = kDay - 183;
    read.to = kDay + 183;
    CHECK(!ui::storeReadFor(read, viewOf({30, 45, 40, 55}), kDay));
    CHECK(!ui::storeReadFor(read, viewOf({30, 45, 40, 55}), kDay + 150));
    const auto later = ui::storeReadFor(read, viewOf({30, 45, 40, 55}), kDay + 160);
    REQUIRE(later);
    CHECK(*later->from == kDay + 160 - 183);
    const auto panned = ui::storeReadFor(read, viewOf({100, 30, 110, 40}), kDay);
    REQUIRE(panned);
    CHECK(panned->area->west < 100);
    CHECK(panned->area->east > 110);
    // Zoomed far inside a read that was cut off: read the smaller area in full.
    CHECK(ui::storeReadFor(read, viewOf({34, 49, 36, 51}), kDay));
    read.truncated = false;
    read.from = read.to = std::nullopt;
    CHECK(!ui::storeReadFor(read, viewOf({34, 49, 36, 51}), kDay));
}
