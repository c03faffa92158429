// Time on the briefing map: which events show at a moment, how bright, which pass the filters, and
// where "previous / next event" lands. Time is a fractional day number: day D covers [D, D + 1).
#pragma once
#include <bitset>
#include <set>
#include <string>
#include <vector>

#include "model/briefing.hpp"

namespace briefmap::model {

// Days an event takes to fade in; after its end it stays, dimmer.
inline constexpr double kFadeInDays = 3.0;
inline constexpr float kPastOpacity = 0.45f;

enum class EventPhase { Future, Active, Past };

EventPhase eventPhase(const Event& e, double day);
// 0 before the start, rising to 1 over kFadeInDays, 1 through the end day, kPastOpacity after.
float eventOpacity(const Event& e, double day);

// What the analyst chose to see; an empty set means "all".
struct EventFilter {
    std::bitset<static_cast<size_t>(EventKind::Count)> kinds = ~std::bitset<static_cast<size_t>(EventKind::Count)>();
    std::bitset<static_cast<size_t>(ClaimStatus::Count)> statuses = ~std::bitset<static_cast<size_t>(ClaimStatus::Count)>();
    std::set<std::string> attributions;  // show events attributed to any of these (empty: all)
    std::set<uint32_t> articles;         // show events quoting any of these articles (empty: all)

    bool passes(const Event& e) const;
    bool operator==(const EventFilter&) const = default;
};

// Every attribution named in the briefing, sorted, for the filter panel.
std::vector<std::string> attributionsOf(const Briefing& b);

// The first day the briefing shows and the last (padded a little so the ends are visible).
struct TimeRange {
    DayNumber first = 0, last = 0;
};
TimeRange timeRangeOf(const Briefing& b);
// The moment a briefing opens at and exports by default: the last event's start, when every event
// has appeared (not the padded end of the time range); the range's end when nothing has a time.
DayNumber closingDay(const Briefing& b);

// Start day of the first event (passing `filter`) starting after / before `day` (strictly); `day`
// itself when there is none. Events starting the same day are one stop.
DayNumber nextEventDay(const Briefing& b, const EventFilter& filter, double day);
DayNumber previousEventDay(const Briefing& b, const EventFilter& filter, double day);
// Indices of the events (passing `filter`) that start on `day`.
std::vector<uint32_t> eventsStartingOn(const Briefing& b, const EventFilter& filter, DayNumber day);

// Events starting in each of `bins` equal spans of `range`, for the slider's histogram.
std::vector<uint32_t> startHistogram(const Briefing& b, const EventFilter& filter, TimeRange range, size_t bins);

// "19 June 2024"; with precision month "June 2024"; year "2024".
std::string formatLongDate(DayNumber day);
void formatLongDate(DayNumber day, std::string& out);
// A time window's days: "17 July – 15 August 2025", "3–9 June 2024", "28 December 2024 – 3 January 2025".
void formatDayRange(DayNumber first, DayNumber last, std::string& out);
std::string formatEventDate(const Event& e);  // honest to the precision: "winter 2023–24", "Sept 2024 – 13 Aug 2025"

}  // namespace briefmap::model
