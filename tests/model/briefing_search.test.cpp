// Ctrl+F's search: places in any spelling, events by what they say, article text at exact offsets.
#include <doctest/doctest.h>

#include "model/briefing_search.hpp"
#include "test_support.hpp"

using namespace briefmap;
using namespace briefmap::model;

TEST_CASE("search finds places, events and article text, with exact offsets in the text") {
    const Briefing& seed = test::seedBriefing();
    const auto hits = searchBriefing(seed, "kursk");
    bool place = false, event = false, article = false;
    for (const SearchHit& h : hits) {
        if (h.kind == SearchHit::Kind::Place) place = place || seed.places[h.index].name == "Kursk region";
        if (h.kind == SearchHit::Kind::Event) event = true;
        if (h.kind == SearchHit::Kind::Article) {
            article = true;
            const std::string_view found = std::string_view(seed.articles[h.index].text).substr(h.start, h.end - h.start);
            CHECK(found == "Kursk");  // as written, whatever case was typed
            CHECK(h.context.find("Kursk") != std::string::npos);
        }
    }
    CHECK(place);
    CHECK(event);
    CHECK(article);
    // The place in its own script and in any case; nothing for nonsense; nothing for nothing.
    bool pyongyang = false;
    for (const SearchHit& h : searchBriefing(seed, "평양")) pyongyang = pyongyang || (h.kind == SearchHit::Kind::Place && seed.places[h.index].name == "Pyongyang");
    CHECK(pyongyang);
    CHECK(searchBriefing(seed, "qzxwv").empty());
    CHECK(searchBriefing(seed, "  ").empty());
    CHECK(searchBriefing(seed, "the", 5).size() <= 15);
}
