// Time expressions in a sentence, normalised against the article's publication date: explicit dates
// ("13 September 2023", "Sept. 12"), months and years, seasons ("last winter"), weekdays ("on
// Tuesday": the last one for the past tense, the next one for the future), relative phrases ("last
// week", "earlier this year", "in recent weeks", "nine months ago", "over the past 17 months") and
// intervals ("since August", "between October and December", "from 2019 to 2021").
#pragma once
#include <string>
#include <vector>

#include "draft/words.hpp"
#include "model/briefing.hpp"

namespace briefmap::draft {

struct DateRange {
    model::PartialDate start, end;  // end == start for a single day, month, season start, year
    model::DatePrecision precision = model::DatePrecision::Day;
};

enum class TimeRole : uint8_t {
    At,       // the event happened then ("in July", "on Tuesday")
    Since,    // it began then and goes on to the publication date ("since August")
    Until,    // it lasted until then ("until March")
    Between,  // an interval named at both ends
};

struct TimePhrase {
    TextSpan span;            // the words as written, prepositions included ("since last fall")
    size_t firstWord = 0, endWord = 0;  // word range in the sentence
    DateRange range;
    TimeRole role = TimeRole::At;
    bool future = false;      // read in a future context ("will travel on Tuesday")
    bool relative = false;    // computed from the publication date rather than written out
    float confidence = 0;     // explicit dates ~0.95, relative ~0.85, vague ("recently") ~0.5
};

// `published` may be partial (a month or a year); phrases that need the day then fall back to the
// publication month. Phrases are returned in text order and never overlap.
std::vector<TimePhrase> findTimePhrases(std::string_view text, const std::vector<Word>& words,
                                        const model::PartialDate& published);

// The publication date's range as an event date when the article gives none: its month.
DateRange publicationMonth(const model::PartialDate& published);

// Finds a full date written out near the start of a text: a dateline or byline ("Published 12 March
// 2024", "March 12, 2024", "2024-03-12"). Nothing when there is none in the first `limit` bytes.
std::optional<model::PartialDate> findDatelineDate(std::string_view text, size_t limit = 600);

}  // namespace briefmap::draft
