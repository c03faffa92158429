// Quantity parsing: figures with their hedges and the noun they count, vague amounts as lower bounds.
#include <doctest/doctest.h>

#include "draft/quantities.hpp"

using namespace briefmap;
using namespace briefmap::draft;

namespace {

std::vector<QuantityPhrase> quantities(const std::string& text) {
    return findQuantities(text, splitWords(text, {0, static_cast<uint32_t>(text.size())}));
}

}  // namespace

TEST_CASE("figures keep their qualifier, unit and text as written") {
    struct Case {
        const char* sentence;
        double value;
        const char* unit;
        const char* qualifier;
        const char* text;
    };
    const Case cases[] = {
        {"North Korea has sent around 15,000 troops to Russia.", 15000, "troops", "around", "around 15,000 troops"},
        {"More than 11,000 North Korean soldiers fought.", 11000, "soldiers", "more than", "More than 11,000 North Korean soldiers"},
        {"Containers with up to 4.8 million artillery shells left.", 4.8e6, "artillery shells", "up to", "up to 4.8 million artillery shells"},
        {"Russia launched about 50 North Korean ballistic missiles.", 50, "ballistic missiles", "about", "about 50 North Korean ballistic missiles"},
        {"Seoul tracked at least 10,000 containers.", 10000, "containers", "at least", "at least 10,000 containers"},
        {"Trade reached $34.4 million in 2023.", 34.4e6, "US dollars", "", "$34.4 million"},
        {"The EU pledged €1.5 billion in aid.", 1.5e9, "euros", "", "€1.5 billion"},
        {"Iran delivered 2,400 Shahed drones.", 2400, "Shahed drones", "", "2,400 Shahed drones"},
        {"The Pentagon sent a dozen ships.", 12, "ships", "", "a dozen ships"},
        {"Nearly three hundred drones were shot down.", 300, "drones", "nearly", "Nearly three hundred drones"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.sentence);
        const auto q = quantities(c.sentence);
        REQUIRE_FALSE(q.empty());
        CHECK(q.front().value == doctest::Approx(c.value));
        CHECK(q.front().unit == c.unit);
        CHECK(q.front().qualifier == c.qualifier);
        CHECK(q.front().text == c.text);
    }
}

TEST_CASE("vague amounts are lower bounds with a note") {
    const auto shells = quantities("Moscow had purchased millions of artillery shells.");
    REQUIRE(shells.size() == 1);
    CHECK(shells[0].value == 2e6);
    CHECK(shells[0].qualifier == "millions of");
    CHECK(shells[0].unit == "artillery shells");
    CHECK(shells[0].note.find("lower bound") != std::string::npos);
    CHECK(quantities("Tens of thousands of troops massed.").front().value == 20000);
    CHECK(quantities("Hundreds of thousands of shells were sent.").front().value == 200000);
    CHECK(quantities("Hundreds of drones struck.").front().value == 200);
    const auto workers = quantities("Kim agreed to send thousands of military construction workers and deminers to Kursk.");
    REQUIRE(workers.size() == 1);
    CHECK(workers[0].value == 2000);
    CHECK(workers[0].unit == "military construction workers and deminers");
}

TEST_CASE("years, ages, dates and percentages are not quantities of anything moved") {
    for (const char* s : {"They met in 2019.", "A 15-year-old panel expired.", "Putin left on June 18.", "Trade rose 9% to a record.",
                          "The war has lasted 24 months.", "It was the 17th attack."}) {
        CAPTURE(s);
        CHECK(quantities(s).empty());
    }
}
