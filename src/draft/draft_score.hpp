// How good a drafted briefing is against a hand-built one over the same articles: event precision,
// recall and F1 (a drafted event matches a reference event when their sources touch the same
// sentence and their kinds agree; one-to-one, as many pairs as possible), then, over matched pairs,
// the accuracy of each field: date, places (within 161 km), flow ends, quantity (within 10%),
// attribution and status. Both briefings must have their places resolved.
#pragma once
#include <string>
#include <vector>

#include "geo/geocoder.hpp"
#include "model/briefing.hpp"

namespace briefmap::draft {

struct FieldScore {
    int correct = 0, scored = 0;
    double accuracy() const { return scored ? static_cast<double>(correct) / scored : 1.0; }
};

struct DraftScore {
    int reference = 0, drafted = 0, matched = 0;
    FieldScore date, places, flow, quantity, attribution, status;
    int quotes = 0, quotesVerbatim = 0;
    std::vector<std::string> misses;  // one line per unmatched or wrong field, for reading

    double precision() const { return drafted ? static_cast<double>(matched) / drafted : 0; }
    double recall() const { return reference ? static_cast<double>(matched) / reference : 0; }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
    // Micro-average over every scored field of every matched event.
    double fieldAccuracy() const;
    void add(const DraftScore& other);
};

// Articles are paired by their text; sentences come from core/sentences over each article's text.
DraftScore scoreDraft(const model::Briefing& reference, const model::Briefing& drafted);

// Drafts a reference briefing's articles (with its publication dates) into a new briefing the way
// `briefmap draft --out` does, its places resolved as loading would resolve them.
model::Briefing redraft(const model::Briefing& reference, const geo::Geocoder& geocoder);

}  // namespace briefmap::draft
