#include "draft/occurrence.hpp"

#include <algorithm>

#include "core/geo_types.hpp"

namespace briefmap::draft {

namespace {

// The same place: within 50 km, or the same country named twice.
bool samePlace(const OccurrencePlace& a, const OccurrencePlace& b) {
    if (a.countryLevel && b.countryLevel) return !a.country.empty() && a.country == b.country;
    return greatCircleKm({a.lon, a.lat}, {b.lon, b.lat}) < 50;
}

// A place inside a country that the other side names only as the country.
bool within(const OccurrencePlace& place, const OccurrencePlace& country) {
    return country.countryLevel && !place.countryLevel && !country.country.empty() && place.country == country.country;
}

bool anySame(const std::vector<OccurrencePlace>& a, const std::vector<OccurrencePlace>& b) {
    for (const OccurrencePlace& p : a)
        for (const OccurrencePlace& q : b)
            if (samePlace(p, q)) return true;
    return false;
}

}  // namespace

bool sameOccurrence(const Occurrence& a, const Occurrence& b) {
    if (a.kind != b.kind) return false;
    // Dates must overlap; two single days may differ by one (a night, a time zone).
    const int slack = a.firstDay == a.lastDay && b.firstDay == b.lastDay ? 1 : 0;
    if (a.dated && b.dated && !(a.firstDay <= b.lastDay + slack && b.firstDay <= a.lastDay + slack)) return false;
    // A campaign of years and one delivery inside it are two events, not one.
    if (a.dated && b.dated) {
        const int spanA = a.lastDay - a.firstDay + 1, spanB = b.lastDay - b.firstDay + 1;
        if (std::max(spanA, spanB) > 180 && std::max(spanA, spanB) > 6 * std::min(spanA, spanB)) return false;
    }
    if (a.quantity && b.quantity) {
        const double ratio = *a.quantity / std::max(1.0, *b.quantity);
        if (ratio > 2.5 || ratio < 0.4) return false;
    }
    if (a.kind == model::EventKind::Statement && (a.sentenceStart != b.sentenceStart || a.article != b.article)) return false;
    if (!a.topic.empty() && !b.topic.empty() && a.topic != b.topic) return false;
    if (a.from && a.to && b.from && b.to) {
        // "sent troops to Russia" and "troops in Kursk": one destination written at two scales.
        const bool toSame = samePlace(*a.to, *b.to) || within(*a.to, *b.to) || within(*b.to, *a.to);
        return toSame && samePlace(*a.from, *b.from);
    }
    // A flow and an event at a place: the same when the place is the flow's destination.
    if (a.to && !b.to) return anySame({*a.to}, b.places);
    if (b.to && !a.to) return anySame({*b.to}, a.places);
    return anySame(a.places, b.places);
}

Occurrence occurrenceOf(const model::Briefing& b, const model::Event& e) {
    const auto place = [&](uint32_t p) {
        const model::Place& pl = b.places[p];
        return OccurrencePlace{pl.lat, pl.lon, pl.country, pl.kind == "country"};
    };
    Occurrence o;
    o.kind = e.kind;
    o.firstDay = e.startDay;
    o.lastDay = e.endDay;
    for (uint32_t p : e.places) o.places.push_back(place(p));
    if (e.flow) {
        o.from = place(e.flow->from);
        o.to = place(e.flow->to);
    }
    if (e.quantity && e.quantity->unit.find("dollar") == std::string::npos) o.quantity = e.quantity->value;
    if (!e.sources.empty()) {
        o.sentenceStart = e.sources.front().start;
        if (e.sources.front().article != model::kNone) o.article = b.articles[e.sources.front().article].id;
    }
    return o;
}

}  // namespace briefmap::draft
