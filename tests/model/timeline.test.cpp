// Time on the map: which events show at a moment and how, filters, stepping from event to event in
// order, the histogram, and dates written as honestly as the sources give them.
#include <doctest/doctest.h>

#include "model/briefing_loader.hpp"
#include "model/timeline.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include "test_support.hpp"

using namespace briefmap;
using namespace briefmap::model;

namespace {

const Briefing& seed() {
    static const LoadedBriefing loaded = loadBriefingFile(defaultBriefingPath(), test::geocoder());
    REQUIRE(loaded.ok());
    return loaded.briefing;
}

const Event& event(const std::string& id) {
    for (const Event& e : seed().events)
        if (e.id == id) return e;
    FAIL("no event " << id);
    return seed().events.front();
}

}  // namespace

TEST_CASE("an event is invisible before its date, fades in, stays dimmer after its end") {
    const Event& summit = event("2023-09-13-vostochny-summit");
    const double day = dayNumber(2023, 9, 13);
    CHECK(eventPhase(summit, day - 1) == EventPhase::Future);
    CHECK(eventOpacity(summit, day - 0.01) == 0.0f);
    CHECK(eventPhase(summit, day + 0.5) == EventPhase::Active);
    CHECK(eventOpacity(summit, day + 0.5) > 0.25f);
    CHECK(eventOpacity(summit, day + 0.5) < 1.0f);
    CHECK(eventPhase(summit, day + 1) == EventPhase::Past);
    CHECK(eventOpacity(summit, day + 30) == kPastOpacity);
}

TEST_CASE("interval events ('since last fall') are shown across their whole span") {
    const Event& troops = event("2024-fall-troops-to-kursk");
    CHECK(eventPhase(troops, dayNumber(2024, 8, 31)) == EventPhase::Future);
    for (DayNumber d = dayNumber(2024, 9, 1); d <= dayNumber(2025, 8, 13); d += 17)
        CHECK_MESSAGE(eventPhase(troops, d + 0.5) == EventPhase::Active, formatDay(d));
    CHECK(eventPhase(troops, dayNumber(2025, 8, 14) + 0.5) == EventPhase::Past);
    CHECK(formatEventDate(troops) == "from autumn 2024 to 13 August 2025");
    CHECK(formatEventDate(event("2023-12-missiles-fired-at-ukraine")) == "winter 2023–24");
    CHECK(formatEventDate(event("2024-03-un-panel-veto")) == "March 2024");
    CHECK(formatEventDate(event("2019-vladivostok-summit")) == "2019");
}

TEST_CASE("stepping forward visits every event start in order, and back again") {
    const Briefing& b = seed();
    const EventFilter all;
    std::vector<DayNumber> starts;
    for (const Event& e : b.events)
        if (starts.empty() || starts.back() != e.startDay) starts.push_back(e.startDay);
    std::vector<DayNumber> visited;
    double day = timeRangeOf(b).first;
    while (true) {
        const DayNumber next = nextEventDay(b, all, day);
        if (next <= std::floor(day)) break;
        visited.push_back(next);
        day = next + 0.5;  // where the window lands: the event's noon
    }
    CHECK(visited == starts);
    std::vector<DayNumber> back;
    while (true) {
        const DayNumber previous = previousEventDay(b, all, day);
        if (previous >= std::floor(day)) break;
        back.push_back(previous);
        day = previous + 0.5;
    }
    std::reverse(back.begin(), back.end());
    starts.pop_back();  // the last start is where the walk back begins
    CHECK(back == starts);
    // Same-day events are one stop, listed together.
    CHECK(eventsStartingOn(b, all, dayNumber(2023, 9, 13)).size() == 2);
}

TEST_CASE("filters: by kind, by who claims it, by article, stepping honours them") {
    const Briefing& b = seed();
    EventFilter troopsOnly;
    troopsOnly.kinds.reset();
    troopsOnly.kinds.set(static_cast<size_t>(EventKind::TroopDeployment));
    size_t passing = 0;
    for (const Event& e : b.events) passing += troopsOnly.passes(e);
    CHECK(passing == 3);  // the 2022 invasion, the 2024 troops, the 2025 workers and deminers
    CHECK(nextEventDay(b, troopsOnly, dayNumber(2023, 1, 1)) == dayNumber(2024, 9, 1));

    EventFilter kyiv;
    kyiv.attributions = {"Ukrainian officials"};
    for (const Event& e : b.events)
        if (kyiv.passes(e))
            CHECK(std::find(e.attribution.begin(), e.attribution.end(), "Ukrainian officials") != e.attribution.end());

    EventFilter alaskaArticle;
    alaskaArticle.articles = {b.findArticle("000")};
    for (const Event& e : b.events) {
        const bool quotes000 = std::any_of(e.sources.begin(), e.sources.end(), [&](const Source& s) { return b.articles[s.article].id == "000"; });
        CHECK(alaskaArticle.passes(e) == quotes000);
    }
    const std::vector<uint32_t> bins = startHistogram(b, EventFilter{}, timeRangeOf(b), 40);
    CHECK(std::accumulate(bins.begin(), bins.end(), 0u) == b.events.size());
}

// The map opens (and exports by default) at the last event's date, not at the padded end of the
// slider: the seed briefing ends with the Alaska summit, 15 August 2025, though a month-precision
// event runs to the 31st and the slider to late September.
TEST_CASE("a briefing opens at its last event's date and undated data at the range's end") {
    const Briefing& b = seed();
    CHECK(closingDay(b) == dayNumber(2025, 8, 15));
    CHECK(timeRangeOf(b).last > dayNumber(2025, 9, 1));
    Briefing undated;
    Event e;
    e.timeless = true;
    e.startDay = kTimelessStartDay;
    e.endDay = kTimelessEndDay;
    undated.events.push_back(e);
    CHECK(closingDay(undated) == timeRangeOf(undated).last);
}

TEST_CASE("a time window's days are written as briefly as they read") {
    std::string out;
    formatDayRange(dayNumber(2025, 7, 17), dayNumber(2025, 8, 15), out);
    CHECK(out == "17 July – 15 August 2025");
    formatDayRange(dayNumber(2024, 6, 3), dayNumber(2024, 6, 9), out);
    CHECK(out == "3–9 June 2024");
    formatDayRange(dayNumber(2024, 12, 28), dayNumber(2025, 1, 3), out);
    CHECK(out == "28 December 2024 – 3 January 2025");
}
