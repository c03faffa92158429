// What makes two reports the same event, for drafted events and events already in a briefing alike:
// the same kind, dates that agree, the same flow ends or places (within 50 km, or a place and its
// country when one side knows only the country), and no clash of quantities.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/briefing.hpp"

namespace briefmap::draft {

struct OccurrencePlace {
    double lat = 0, lon = 0;
    std::string country;  // ISO2, may be empty
    bool countryLevel = false;
};

struct Occurrence {
    model::EventKind kind = model::EventKind::Statement;
    model::DayNumber firstDay = 0, lastDay = 0;
    bool dated = true;  // false: the date is only the publication month
    std::vector<OccurrencePlace> places;
    std::optional<OccurrencePlace> from, to;
    std::optional<double> quantity;  // counted things, not money
    uint32_t sentenceStart = UINT32_MAX;  // first source's start (statements merge only within a sentence)
    std::string article;                  // first source's article
    std::string topic;                    // agreements: "agreement", "membership"… (empty: unknown)
};

bool sameOccurrence(const Occurrence& a, const Occurrence& b);

// A briefing's event as an occurrence (its places must be resolved).
Occurrence occurrenceOf(const model::Briefing& briefing, const model::Event& event);

}  // namespace briefmap::draft
