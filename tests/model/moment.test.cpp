// Moments (`--time`, `--from`, `--to`) and the animation clock's frame arithmetic.
#include <doctest/doctest.h>

#include "model/moment.hpp"

using namespace briefmap::model;

TEST_CASE("moments: dates are noon, times to the second, text round-trips, bad ones say why") {
    CHECK(parseMoment("2024-06-19").value() == noonOf(dayNumber(2024, 6, 19)));
    CHECK(parseMoment("2024-06-19T12:00").value() == parseMoment("2024-06-19").value());
    CHECK(parseMoment("2024-06-19T00:00:01Z").value().seconds == static_cast<int64_t>(dayNumber(2024, 6, 19)) * 86400 + 1);
    CHECK(parseMoment("1969-12-31T23:59:59").value().seconds == -1);
    for (const char* text : {"2024-06-19T06:07:08", "1969-12-31T23:59:59", "2000-02-29T00:00:00"})
        CHECK(formatMoment(parseMoment(text).value()) == text);
    CHECK(parseMoment("2024-06-19T00:00:00").value().day() == doctest::Approx(dayNumber(2024, 6, 19)));
    for (const char* bad : {"2024-06", "2024-02-30", "2024-06-19T24:00", "2024-06-19T12:60", "2024-06-19T1:00", "2024-06-19T12:00:00+02",
                            "", "noon"})
        CHECK_MESSAGE(!parseMoment(bad), bad);
}

TEST_CASE("animation clock: N = round(fps x duration) frames from --from to --to, whole seconds") {
    AnimationClock c;
    c.from = parseMoment("2024-01-01T00:00:00").value();
    c.to = parseMoment("2024-01-11T00:00:00").value();
    c.durationSeconds = 2;
    c.fps = 5;
    REQUIRE(c.frameCount() == 10);
    CHECK(c.frameMoment(0) == c.from);
    CHECK(c.frameMoment(9) == c.to);
    CHECK(formatMoment(c.frameMoment(1)) == "2024-01-02T02:40:00");  // 10 days · 1/9
    CHECK(c.daysPerSecond() == doctest::Approx(5.0));
    CHECK(c.videoSecondsAt(c.to) == doctest::Approx(2.0));
    CHECK(c.videoSecondsAt(c.frameMoment(9)) == doctest::Approx(2.0));
    CHECK(animationProblem(c).empty());
    c.durationSeconds = 0.1;
    CHECK(c.frameCount() == 1);  // round(0.5) = 1: one frame, at --from
    CHECK(c.frameMoment(0) == c.from);
    c.fps = 0;
    CHECK(animationProblem(c).find("--fps") == 0);
    c.fps = 30;
    c.durationSeconds = 1;
    std::swap(c.from, c.to);
    CHECK(animationProblem(c).find("before --from") != std::string::npos);
}
