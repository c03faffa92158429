// Date normalisation: a table of phrases in sentences, each with a publication date and the dates
// and precision an analyst would write down.
#include <doctest/doctest.h>

#include "draft/date_phrases.hpp"

using namespace briefmap;
using namespace briefmap::draft;

namespace {

struct Case {
    const char* sentence;
    const char* published;
    const char* start;
    const char* end;
    model::DatePrecision precision;
    TimeRole role = TimeRole::At;
};

std::vector<TimePhrase> phrases(const std::string& text, const char* published) {
    const auto words = splitWords(text, {0, static_cast<uint32_t>(text.size())});
    return findTimePhrases(text, words, *model::parsePartialDate(published));
}

}  // namespace

TEST_CASE("time phrases resolve against the publication date, with precision") {
    using P = model::DatePrecision;
    const Case cases[] = {
        // Weekdays: the last one for the past tense, the next one for the future.
        {"Putin will travel to North Korea on Tuesday.", "2024-06-17", "2024-06-18", "2024-06-18", P::Day},
        {"The two met on Tuesday in Kyiv.", "2024-06-17", "2024-06-11", "2024-06-11", P::Day},
        {"State media said Wednesday that the call took place.", "2025-08-13", "2025-08-13", "2025-08-13", P::Day},
        {"Talks are scheduled to take place Friday in Alaska.", "2025-08-13", "2025-08-15", "2025-08-15", P::Day},
        {"Kyiv said last Tuesday that the drones came from Iran.", "2024-06-17", "2024-06-11", "2024-06-11", P::Day},
        // Explicit dates.
        {"The summit was held on 13 September 2023 at Vostochny.", "2024-06-17", "2023-09-13", "2023-09-13", P::Day},
        {"On March 3, 2024, the ship was hit.", "2024-06-17", "2024-03-03", "2024-03-03", P::Day},
        {"The train left on Sept. 12 for Vladivostok.", "2024-06-17", "2023-09-12", "2023-09-12", P::Day},
        {"Drones struck the port on 2024-01-02.", "2024-06-17", "2024-01-02", "2024-01-02", P::Day},
        // Months, years and seasons.
        {"Russia vetoed the renewal in March.", "2024-06-17", "2024-03", "2024-03", P::Month},
        {"Shoigu visited Pyongyang in July.", "2024-06-17", "2023-07", "2023-07", P::Month},
        {"Kim will visit Moscow in July.", "2024-06-17", "2024-07", "2024-07", P::Month},
        {"The deal was signed in March 2022.", "2024-06-17", "2022-03", "2022-03", P::Month},
        {"They first met in 2019.", "2024-06-17", "2019", "2019", P::Year},
        {"Trade rose sharply last year.", "2024-06-17", "2023", "2023", P::Year},
        {"About 50 missiles were launched last winter.", "2024-06-17", "2023-12", "2024-02", P::Season},
        {"Troops were sent last fall.", "2025-08-13", "2024-09", "2024-11", P::Season},
        {"Shipments began in mid-2023.", "2024-06-17", "2023-05", "2023-08", P::Month},
        {"The first drones arrived late last year.", "2024-06-17", "2023-09", "2023-12", P::Month},
        // Relative phrases.
        {"The minister spoke last week.", "2024-06-17", "2024-06-10", "2024-06-16", P::Day},
        {"The attack came yesterday.", "2024-06-17", "2024-06-16", "2024-06-16", P::Day},
        {"Deliveries resumed earlier this year.", "2024-06-17", "2024-01", "2024-06", P::Month},
        {"Nine months ago, Kim arrived by train.", "2024-06-17", "2023-09", "2023-09", P::Month},
        {"The port was hit two weeks ago.", "2024-06-17", "2024-06-03", "2024-06-09", P::Day},
        {"Attacks have grown in recent weeks.", "2024-06-17", "2024-05-20", "2024-06-17", P::Day},
        {"Shipments of advanced weaponry to Ukraine over the past 17 months.", "2023-09-12", "2022-04", "2023-09", P::Month},
        // Intervals.
        {"North Korea has sent troops to Russia since last fall.", "2025-08-13", "2024-09", "2024-11", P::Season, TimeRole::Since},
        {"Fighting has continued since August.", "2024-06-17", "2023-08", "2023-08", P::Month, TimeRole::Since},
        {"Ships were attacked between October and December.", "2024-06-17", "2023-10", "2023-12", P::Month, TimeRole::Between},
        {"Wagner operated in Mali from 2021 to 2023.", "2024-06-17", "2021", "2023", P::Year, TimeRole::Between},
        {"Aid has flowed since the full-scale invasion.", "2024-06-17", "2022-02-24", "2022-02-24", P::Day, TimeRole::Since},
    };
    for (const Case& c : cases) {
        CAPTURE(c.sentence);
        const auto found = phrases(c.sentence, c.published);
        REQUIRE(found.size() == 1);
        CHECK(found[0].range.start.text() == c.start);
        CHECK(found[0].range.end.text() == c.end);
        CHECK(found[0].range.precision == c.precision);
        CHECK(found[0].role == c.role);
    }
}

TEST_CASE("words that only look like dates are not time phrases") {
    for (const char* s : {"The May Day parade was cancelled.", "Officials may meet again.", "Troops march on.",
                          "He paid $2,019 for it.", "A 24-year-old soldier was hurt.", "It rose by 2024%."}) {
        CAPTURE(s);
        CHECK(phrases(s, "2024-06-17").empty());
    }
}

TEST_CASE("a publication date known only to the month still dates what it can") {
    const auto found = phrases("The call took place on Tuesday, after talks in March.", "2023-09");
    REQUIRE(found.size() == 2);
    CHECK(found[0].range.start.text() == "2023-09");  // the weekday is unknowable: the month stands
    CHECK(found[0].range.precision == model::DatePrecision::Month);
    CHECK(found[1].range.start.text() == "2023-03");
}

TEST_CASE("datelines and bylines give a full date") {
    CHECK(findDatelineDate("KYIV, Ukraine, March 3, 2024 /Interfax/ - Russian drones struck.")->text() == "2024-03-03");
    CHECK(findDatelineDate("By Jane Doe | Published 12 March 2024\n\nText.")->text() == "2024-03-12");
    CHECK(findDatelineDate("Updated 2024-06-17T09:30Z\nText")->text() == "2024-06-17");
    CHECK_FALSE(findDatelineDate("SEOUL, Sept. 12 (Yonhap) -- Kim left.").has_value());  // no year: not a date to stand on
    CHECK_FALSE(findDatelineDate("No date here at all.").has_value());
}
