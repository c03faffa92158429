// Search over a briefing (the window's Ctrl+F): places by name (as written, as the gazetteer has
// it, and in its own script), events by id, summary, actors, attribution and quantity, and the
// articles' text, each hit with what to show and where it is.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/briefing.hpp"

namespace briefmap::model {

struct SearchHit {
    enum class Kind { Place, Event, Article } kind = Kind::Place;
    uint32_t index = 0;            // into places, events or articles
    uint32_t start = 0, end = 0;   // articles: the match's bytes in the text
    std::string label;             // the place's name, the event's date and summary, the article's title
    std::string context;           // the event's id, the words around an article match
};

// Places first, then events, then article text; at most `perKind` of each. Names and events match
// folded (case, accents and script aside: "pyongyang" finds Pyongyang and 평양); article text
// matches case-insensitively on the bytes as written, so a hit's offsets are exact.
std::vector<SearchHit> searchBriefing(const Briefing& briefing, std::string_view query, size_t perKind = 40);

}  // namespace briefmap::model
