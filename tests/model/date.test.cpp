// Partial dates: the forms the briefing allows, the calendar checks, and day-number round trips.
#include <doctest/doctest.h>

#include "model/date.hpp"

using namespace briefmap::model;

TEST_CASE("partial dates parse to honest intervals") {
    const auto year = parsePartialDate("2024");
    REQUIRE(year.ok());
    CHECK(formatDay(year->firstDay()) == "2024-01-01");
    CHECK(formatDay(year->lastDay()) == "2024-12-31");
    const auto month = parsePartialDate("2024-02");
    REQUIRE(month.ok());
    CHECK(formatDay(month->lastDay()) == "2024-02-29");  // leap year
    const auto day = parsePartialDate("2023-09-13");
    REQUIRE(day.ok());
    CHECK(day->firstDay() == day->lastDay());
    CHECK(day->text() == "2023-09-13");
}

TEST_CASE("impossible or malformed dates are refused with the text shown") {
    for (const char* bad : {"2024-13-01", "2023-02-29", "2024-04-31", "24-01-01", "2024/01/01", "2024-1-5", "", "0000",
                            "2024-00", "2024-06-19T10:00"}) {
        const auto d = parsePartialDate(bad);
        CHECK_MESSAGE(!d.ok(), bad);
        if (!d.ok()) CHECK(d.error().message.find(std::string("got '") + bad + "'") != std::string::npos);
    }
    CHECK(parsePartialDate("2024-13-01").error().message == "expected YYYY[-MM[-DD]], got '2024-13-01' (no such month: months run 01 to 12)");
}

TEST_CASE("day numbers round-trip across centuries") {
    CHECK(dayNumber(1970, 1, 1) == 0);
    CHECK(dayNumber(2000, 3, 1) - dayNumber(2000, 2, 28) == 2);
    for (DayNumber d = -800000; d < 800000; d += 997) {
        const PartialDate p = dateOfDay(d);
        CHECK(dayNumber(p.year, p.month, p.day) == d);
    }
}
