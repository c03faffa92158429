#include "model/briefing.hpp"

#include <algorithm>
#include <array>

namespace briefmap::model {

namespace {

template <typename E, size_t N>
std::optional<E> lookupName(const std::array<std::string_view, N>& names, std::string_view name) {
    for (size_t i = 0; i < N; ++i)
        if (names[i] == name) return static_cast<E>(i);
    return std::nullopt;
}

constexpr std::array<std::string_view, static_cast<size_t>(EventKind::Count)> kKindNames = {
    "meeting", "visit", "agreement", "troop_deployment", "munitions_transfer", "missile_strike",
    "technology_transfer", "aid_trade", "sanction", "statement", "battle", "violence_against_civilians",
    "protest", "riot", "other"};
constexpr std::array<std::string_view, static_cast<size_t>(EventKind::Count)> kKindLabels = {
    "Meeting / summit", "Visit / travel", "Agreement", "Troop deployment", "Munitions transfer",
    "Missile strike / use", "Technology transfer", "Aid / trade", "Sanctions / UN action", "Statement",
    "Battle / armed clash", "Violence against civilians", "Protest", "Riot", "Other"};
constexpr std::array<std::string_view, 4> kPrecisionNames = {"day", "month", "season", "year"};
constexpr std::array<std::string_view, static_cast<size_t>(Cargo::Count)> kCargoNames = {
    "troops", "munitions", "missiles", "technology", "aid_energy", "people"};
constexpr std::array<std::string_view, static_cast<size_t>(Cargo::Count)> kCargoLabels = {
    "Troops", "Munitions", "Missiles", "Technology", "Food / energy", "People"};
constexpr std::array<std::string_view, static_cast<size_t>(ClaimStatus::Count)> kStatusNames = {
    "confirmed", "claimed", "disputed"};

}  // namespace

std::string_view eventKindName(EventKind k) { return kKindNames[static_cast<size_t>(k)]; }
std::string_view eventKindLabel(EventKind k) { return kKindLabels[static_cast<size_t>(k)]; }
std::optional<EventKind> eventKindFromName(std::string_view n) { return lookupName<EventKind>(kKindNames, n); }
std::string_view datePrecisionName(DatePrecision p) { return kPrecisionNames[static_cast<size_t>(p)]; }
std::optional<DatePrecision> datePrecisionFromName(std::string_view n) {
    return lookupName<DatePrecision>(kPrecisionNames, n);
}
std::string_view cargoName(Cargo c) { return kCargoNames[static_cast<size_t>(c)]; }
std::string_view cargoLabel(Cargo c) { return kCargoLabels[static_cast<size_t>(c)]; }
std::optional<Cargo> cargoFromName(std::string_view n) { return lookupName<Cargo>(kCargoNames, n); }
std::string_view claimStatusName(ClaimStatus s) { return kStatusNames[static_cast<size_t>(s)]; }
std::optional<ClaimStatus> claimStatusFromName(std::string_view n) {
    return lookupName<ClaimStatus>(kStatusNames, n);
}

uint32_t Briefing::findPlace(std::string_view name) const {
    const auto it = placeIndex.find(std::string(name));
    return it == placeIndex.end() ? kNone : it->second;
}

uint32_t Briefing::findArticle(std::string_view id) const {
    for (size_t i = 0; i < articles.size(); ++i)
        if (articles[i].id == id) return static_cast<uint32_t>(i);
    return kNone;
}

uint32_t Briefing::findEvent(std::string_view id) const {
    for (size_t i = 0; i < events.size(); ++i)
        if (events[i].id == id) return static_cast<uint32_t>(i);
    return kNone;
}

DayNumber Briefing::firstDay() const {
    bool any = false;
    DayNumber d = 0;
    for (const Event& e : events)
        if (!e.timeless) d = any ? std::min(d, e.startDay) : e.startDay, any = true;
    return d;
}

DayNumber Briefing::lastDay() const {
    bool any = false;
    DayNumber d = 0;
    for (const Event& e : events)
        if (!e.timeless) d = any ? std::max(d, e.endDay) : e.endDay, any = true;
    return d;
}

void Briefing::finish() {
    // By start day, then file order: a counting sort over days (events cluster in a few thousand
    // days), moving each event once: events are big, and a comparison sort moves them many times.
    const bool inOrder = std::is_sorted(events.begin(), events.end(),
                                       [](const Event& a, const Event& b) { return a.startDay < b.startDay; });
    if (!events.empty() && !inOrder) {
        // Timeless events take slot 0, before every dated day.
        DayNumber first = 0, last = 0;
        bool any = false;
        for (const Event& e : events)
            if (!e.timeless) {
                first = any ? std::min(first, e.startDay) : e.startDay;
                last = any ? std::max(last, e.startDay) : e.startDay;
                any = true;
            }
        const auto slot = [&](const Event& e) { return e.timeless ? size_t{0} : static_cast<size_t>(e.startDay - first) + 1; };
        std::vector<uint32_t> start(static_cast<size_t>(last - first) + 3, 0);
        for (const Event& e : events) ++start[slot(e) + 1];
        for (size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
        // Each event's place in the sorted order, then the permutation applied in place by following
        // its cycles: no second array of events (a million events are half a gigabyte).
        std::vector<uint32_t> target(events.size());
        for (size_t i = 0; i < events.size(); ++i) target[i] = start[slot(events[i])]++;
        for (size_t i = 0; i < events.size(); ++i)
            while (target[i] != i) {
                const uint32_t j = target[i];
                std::swap(events[i], events[j]);
                std::swap(target[i], target[j]);
            }
    }
    locateAnnotations(*this);
    for (Place& p : places) p.events.clear();
    for (size_t i = 0; i < events.size(); ++i) {
        const Event& e = events[i];
        auto add = [&](uint32_t place) {
            if (place == kNone) return;
            std::vector<uint32_t>& list = places[place].events;
            if (list.empty() || list.back() != i) list.push_back(static_cast<uint32_t>(i));
        };
        for (uint32_t p : e.places) add(p);
        if (e.flow) {
            add(e.flow->from);
            for (uint32_t p : e.flow->via) add(p);
            add(e.flow->to);
        }
    }
}

void locateAnnotations(Briefing& b) {
    const auto locate = [&](AnnotationPoint& point) {
        if (point.place.empty()) return;
        const uint32_t i = b.findPlace(point.place);
        point.located = i != kNone && b.places[i].resolved;
        if (point.located) point.at = {b.places[i].lon, b.places[i].lat};
    };
    for (Annotation& a : b.annotations) {
        locate(a.at);
        locate(a.to);
    }
}

uint32_t internPlace(Briefing& b, std::string_view name) {
    auto [it, inserted] = b.placeIndex.try_emplace(std::string(name), static_cast<uint32_t>(b.places.size()));
    if (inserted) {
        Place p;
        p.name = std::string(name);
        b.places.push_back(std::move(p));
    }
    return it->second;
}

}  // namespace briefmap::model
