#include "model/timeline.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace briefmap::model {

namespace {

constexpr std::array<const char*, 12> kMonthNames = {"January", "February", "March",     "April",   "May",      "June",
                                                     "July",    "August",   "September", "October", "November", "December"};

std::string monthYear(const PartialDate& d) { return std::string(kMonthNames[d.month - 1]) + " " + std::to_string(d.year); }

std::string seasonName(const Event& e) {
    const int m = e.start.month;
    const char* name = m == 12 || m <= 2 ? "winter" : m <= 5 ? "spring" : m <= 8 ? "summer" : "autumn";
    std::string s = name;
    s += " " + std::to_string(e.start.year);
    if (m == 12) s += "–" + std::to_string((e.start.year + 1) % 100);
    return s;
}

}  // namespace

EventPhase eventPhase(const Event& e, double day) {
    if (day < e.startDay) return EventPhase::Future;
    if (day < e.endDay + 1.0) return EventPhase::Active;
    return EventPhase::Past;
}

float eventOpacity(const Event& e, double day) {
    switch (eventPhase(e, day)) {
    case EventPhase::Future: return 0.0f;
    case EventPhase::Active: return static_cast<float>(std::min(1.0, 0.25 + 0.75 * (day - e.startDay) / kFadeInDays));
    case EventPhase::Past: return kPastOpacity;
    }
    return 0.0f;
}

bool EventFilter::passes(const Event& e) const {
    if (!kinds.test(static_cast<size_t>(e.kind)) || !statuses.test(static_cast<size_t>(e.status))) return false;
    if (!attributions.empty() &&
        std::none_of(e.attribution.begin(), e.attribution.end(), [&](const std::string& a) { return attributions.count(a) > 0; }))
        return false;
    if (!articles.empty() &&
        std::none_of(e.sources.begin(), e.sources.end(), [&](const Source& s) { return articles.count(s.article) > 0; }))
        return false;
    return true;
}

std::vector<std::string> attributionsOf(const Briefing& b) {
    std::set<std::string> all;
    for (const Event& e : b.events) all.insert(e.attribution.begin(), e.attribution.end());
    return {all.begin(), all.end()};
}

TimeRange timeRangeOf(const Briefing& b) {
    if (b.events.empty()) return {dayNumber(2019, 1, 1), dayNumber(2025, 12, 31)};
    const DayNumber first = b.firstDay(), last = b.lastDay();
    const DayNumber pad = std::max<DayNumber>(7, (last - first) / 100);
    return {first - pad, last + pad};
}

DayNumber closingDay(const Briefing& b) {
    // Events are sorted by start, timeless first: the last one's start is the latest start.
    if (b.events.empty() || b.events.back().timeless) return timeRangeOf(b).last;
    return b.events.back().startDay;
}

DayNumber nextEventDay(const Briefing& b, const EventFilter& filter, double day) {
    // Events are sorted by start day: the first start after `day` that passes the filter.
    const auto from = std::upper_bound(b.events.begin(), b.events.end(), std::floor(day),
                                       [](double d, const Event& e) { return d < e.startDay; });
    for (auto it = from; it != b.events.end(); ++it)
        if (filter.passes(*it)) return it->startDay;
    return static_cast<DayNumber>(std::floor(day));
}

DayNumber previousEventDay(const Briefing& b, const EventFilter& filter, double day) {
    // A cursor sitting just after a start (it fades in) still steps back past that start's day.
    const double current = std::floor(day);
    auto it = std::lower_bound(b.events.begin(), b.events.end(), current,
                               [](const Event& e, double d) { return e.startDay < d; });
    while (it != b.events.begin()) {
        --it;
        if (filter.passes(*it)) return it->startDay;
    }
    return static_cast<DayNumber>(current);
}

std::vector<uint32_t> eventsStartingOn(const Briefing& b, const EventFilter& filter, DayNumber day) {
    std::vector<uint32_t> out;
    auto it = std::lower_bound(b.events.begin(), b.events.end(), day,
                               [](const Event& e, DayNumber d) { return e.startDay < d; });
    for (; it != b.events.end() && it->startDay == day; ++it)
        if (filter.passes(*it)) out.push_back(static_cast<uint32_t>(it - b.events.begin()));
    return out;
}

std::vector<uint32_t> startHistogram(const Briefing& b, const EventFilter& filter, TimeRange range, size_t bins) {
    std::vector<uint32_t> counts(bins, 0);
    const double span = std::max(1, range.last - range.first + 1);
    for (const Event& e : b.events) {
        if (!filter.passes(e) || e.startDay < range.first || e.startDay > range.last) continue;
        const auto bin = static_cast<size_t>((e.startDay - range.first) / span * static_cast<double>(bins));
        ++counts[std::min(bin, bins - 1)];
    }
    return counts;
}

std::string formatLongDate(DayNumber day) {
    std::string out;
    formatLongDate(day, out);
    return out;
}

void formatLongDate(DayNumber day, std::string& out) {
    const PartialDate d = dateOfDay(day);
    char text[48];
    std::snprintf(text, sizeof text, "%d %s %d", d.day, kMonthNames[d.month - 1], d.year);
    out.assign(text);  // keeps out's buffer: the map's date changes every frame while time plays
}

void formatDayRange(DayNumber first, DayNumber last, std::string& out) {
    const PartialDate a = dateOfDay(first), z = dateOfDay(last);
    char text[96];
    if (a.year != z.year)
        std::snprintf(text, sizeof text, "%d %s %d – %d %s %d", a.day, kMonthNames[a.month - 1], a.year, z.day, kMonthNames[z.month - 1], z.year);
    else if (a.month != z.month)
        std::snprintf(text, sizeof text, "%d %s – %d %s %d", a.day, kMonthNames[a.month - 1], z.day, kMonthNames[z.month - 1], z.year);
    else
        std::snprintf(text, sizeof text, "%d–%d %s %d", a.day, z.day, kMonthNames[z.month - 1], z.year);
    out.assign(text);
}

std::string formatEventDate(const Event& e) {
    if (e.timeless) return "No time given";
    const auto one = [](const PartialDate& d) {
        if (!d.month) return std::to_string(d.year);
        if (!d.day) return monthYear(d);
        return formatLongDate(d.firstDay());
    };
    if (e.precision == DatePrecision::Season) {
        if (e.end.year == e.start.year + (e.start.month == 12) && e.end.month - e.start.month <= 2 + 12 * (e.start.month == 12))
            return seasonName(e);
        return "from " + seasonName(e) + " to " + one(e.end);
    }
    if (e.end == e.start) return one(e.start);
    return one(e.start) + " – " + one(e.end);
}

}  // namespace briefmap::model
