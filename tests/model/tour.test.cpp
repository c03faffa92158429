// Tours: the file format (errors with positions, a lossless round trip), the timeline (holds,
// flights, time through each step) and the smooth camera path.
#include <doctest/doctest.h>

#include <cmath>

#include "core/smooth_zoom.hpp"
#include "model/tour.hpp"

using namespace briefmap;
using namespace briefmap::model;

namespace {
const char* kTour = R"({"format": "briefmap-tour/1", "title": "t", "steps": [
  {"caption": "Vladivostok", "time": "2019-04-25", "view": {"center": [131.9, 43.1], "zoom": 5}, "hold": 2},
  {"caption": "Kursk", "from": "2024-10-01", "to": "2024-12-01", "view": {"bbox": [30, 48, 42, 55]}, "hold": 4,
   "transition": {"seconds": 3}, "layers": ["basemap", "flows"], "theme": "light",
   "filters": {"kinds": ["troop_deployment"], "status": ["claimed", "confirmed"]}},
  {"caption": "Alaska", "time": "2025-08-15", "view": {"bbox": [120, 35, -135, 70]}, "transition": {"seconds": 1, "style": "cut"}}
]})";
}  // namespace

TEST_CASE("tour files: read, written and read back the same, every mistake named with its position") {
    const LoadedTour loaded = parseTour(kTour, "t.json");
    REQUIRE_MESSAGE(loaded.ok(), loaded.problems.front().text());
    const Tour& t = loaded.tour;
    REQUIRE(t.steps.size() == 3);
    CHECK(t.steps[0].from == parseMoment("2019-04-25").value());
    CHECK(t.steps[1].to == parseMoment("2024-12-01").value());
    CHECK(t.steps[1].layers == std::vector<std::string>{"basemap", "flows"});
    CHECK(t.steps[2].cut);
    const EventFilter filter = stepFilter(t.steps[1]);
    CHECK(filter.kinds.count() == 1);
    CHECK(filter.kinds.test(static_cast<size_t>(EventKind::TroopDeployment)));
    CHECK(filter.statuses.count() == 2);
    CHECK(stepFilter(t.steps[0]) == EventFilter{});
    CHECK(t.steps[2].view.bbox->east == 225);  // across the antimeridian
    const LoadedTour again = parseTour(tourJson(t), "again.json");
    REQUIRE(again.ok());
    CHECK(again.tour == t);

    const struct {
        const char* text;
        const char* expected;
    } bad[] = {
        {R"({"format": "briefmap-tour/1", "steps": []})", "steps: expected a list of at least one step"},
        {R"({"format": "briefmap-tour/2", "steps": [{"time": "2024-01-01", "view": {"bbox": [0, 0, 1, 1]}}]})", "format"},
        {R"({"format": "briefmap-tour/1", "steps": [{"time": "2024-02-30", "view": {"bbox": [0, 0, 1, 1]}}]})",
         "t.json:1:50: steps[0].time: expected YYYY-MM-DD[THH:MM[:SS]], got '2024-02-30' (no such day: February 2024 has 29 days)"},
        {R"({"format": "briefmap-tour/1", "steps": [{"from": "2024-03-01", "to": "2024-02-01", "view": {"bbox": [0, 0, 1, 1]}}]})",
         "steps[0].to: before from"},
        {R"({"format": "briefmap-tour/1", "steps": [{"time": "2024-01-01"}]})", "steps[0].view: missing"},
        {R"({"format": "briefmap-tour/1", "steps": [{"time": "2024-01-01", "view": {"bbox": [0, 10, 1, 5]}}]})", "south < north"},
        {R"({"format": "briefmap-tour/1", "steps": [{"time": "2024-01-01", "view": {"center": [0, 0], "zoom": 40}}]})", "zoom"},
        {R"({"format": "briefmap-tour/1", "steps": [{"time": "2024-01-01", "view": {"bbox": [0, 0, 1, 1]}, "hold": -1}]})", "hold"},
        {R"({"format": "briefmap-tour/1", "steps": [{"time": "2024-01-01", "view": {"bbox": [0, 0, 1, 1]}, "layers": ["roads"]}]})",
         "steps[0].layers[0]"},
        {R"({"format": "briefmap-tour/1", "steps": [{"time": "2024-01-01", "view": {"bbox": [0, 0, 1, 1]}, "transition": {"style": "swoosh"}}]})",
         "fly or cut"},
        {R"({"format": "briefmap-tour/1", "steps": [{"time": "2024-01-01", "view": {"bbox": [0, 0, 1, 1]}, "captoin": "typo"}]})", "captoin"},
        {R"({"format": "briefmap-tour/1", "steps": [)", "t.json:1:41: invalid JSON: syntax error"},
        {R"({"format": "briefmap-tour/1", "steps": [{"time": "2024-01-01", "view": {"bbox": [0, 0, 1, 1]}, "filters": {"kinds": ["parade"]}}]})",
         "steps[0].filters.kinds[0]: not an event kind"},
    };
    for (const auto& b : bad) {
        CAPTURE(b.text);
        const LoadedTour l = parseTour(b.text, "t.json");
        REQUIRE_FALSE(l.ok());
        std::string all;
        for (const Diagnostic& d : l.problems) all += d.text() + "\n";
        CHECK_MESSAGE(all.find(b.expected) != std::string::npos, all);
    }
}

TEST_CASE("tour timeline: steps hold their view while time plays, flights zoom out and back in") {
    const Tour t = parseTour(kTour, "t.json").tour;
    const TourTimeline line(t, Projection::Mercator, 1280, 720);
    CHECK(line.durationSeconds() == doctest::Approx(2 + 3 + 4 + 1 + 4));  // holds 2, 4, 4 (default); flights 3, 1
    CHECK(line.stepStart(1) == doctest::Approx(5));
    // Step 0 holds at its view and moment.
    const TourFrame a = line.at(1.0);
    CHECK(a.holding);
    CHECK(a.step == 0);
    CHECK(a.center.x == doctest::Approx(line.stepCenter(0).x));
    CHECK(a.moment == t.steps[0].from);
    // Step 1 holds while its span plays from start to end.
    CHECK(line.at(5.0).moment == t.steps[1].from);
    CHECK(line.at(9.0).moment == t.steps[1].to);
    CHECK(line.at(7.0).moment.seconds == doctest::Approx((t.steps[1].from.seconds + t.steps[1].to.seconds) / 2.0).epsilon(1e-6));
    // Mid-flight from Vladivostok to Kursk: wider than either end, between them, time in between.
    const TourFrame mid = line.at(3.5);
    CHECK_FALSE(mid.holding);
    CHECK(mid.width > std::max(line.stepWidth(0), line.stepWidth(1)));
    CHECK(mid.center.x < line.stepCenter(0).x);
    CHECK(mid.center.x > line.stepCenter(1).x);
    CHECK(mid.moment > t.steps[0].to);
    CHECK(mid.moment < t.steps[1].from);
    CHECK(mid.captionAlpha < 0.1);  // the old caption has faded out, the new one not yet in
    // A cut jumps: no frame between the two views.
    const TourFrame before = line.at(9.4), after = line.at(9.6);
    CHECK(before.center.x == doctest::Approx(line.stepCenter(1).x));
    CHECK(after.center.x == doctest::Approx(line.stepCenter(2).x));
    // Time never runs backwards over the whole tour.
    Moment last = line.at(0).moment;
    for (double s = 0; s <= line.durationSeconds(); s += 0.05) {
        const Moment m = line.at(s).moment;
        CHECK(m >= last);
        last = m;
    }
}

TEST_CASE("smooth zoom: exact ends, a zoom-out arc between far views, pure zoom in place") {
    const ZoomView a{{0, 0}, 100}, b{{1000, 0}, 100};
    const SmoothZoom path(a, b);
    CHECK(path.at(0).center.x == doctest::Approx(0));
    CHECK(path.at(0).width == doctest::Approx(100));
    CHECK(path.at(1).center.x == doctest::Approx(1000));
    CHECK(path.at(0.5).center.x == doctest::Approx(500));
    CHECK(path.at(0.5).width > 300);  // zooms out to see both
    double previous = -1;
    for (double t = 0; t <= 1.0; t += 0.01) {  // the centre moves one way only
        CHECK(path.at(t).center.x >= previous);
        previous = path.at(t).center.x;
    }
    const SmoothZoom zoom({{5, 5}, 100}, {{5, 5}, 25});
    CHECK(zoom.at(0.5).width == doctest::Approx(50));  // geometric: equal time per zoom level
    CHECK(zoom.at(0.5).center.x == doctest::Approx(5));
    CHECK(zoom.length() > 0);
    CHECK(easeInOut(0) == 0);
    CHECK(easeInOut(1) == 1);
    CHECK(easeInOut(0.5) == doctest::Approx(0.5));
}
