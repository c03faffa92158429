#include "model/briefing_search.hpp"

#include <algorithm>

#include "core/text_fold.hpp"
#include "model/timeline.hpp"

namespace briefmap::model {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Case-insensitive (ASCII letters) find from `from`.
size_t findInsensitive(std::string_view text, std::string_view needle, size_t from) {
    if (needle.empty() || needle.size() > text.size()) return std::string_view::npos;
    for (size_t i = from; i + needle.size() <= text.size(); ++i) {
        size_t k = 0;
        while (k < needle.size() && lower(text[i + k]) == lower(needle[k])) ++k;
        if (k == needle.size()) return i;
    }
    return std::string_view::npos;
}

// The words around [start, end), on one line, cut at character boundaries.
std::string around(std::string_view text, size_t start, size_t end) {
    size_t a = start > 60 ? start - 60 : 0, b = std::min(text.size(), end + 80);
    while (a > 0 && (static_cast<unsigned char>(text[a]) & 0xC0) == 0x80) --a;
    while (b < text.size() && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) ++b;
    std::string s = (a > 0 ? "…" : "") + std::string(text.substr(a, b - a)) + (b < text.size() ? "…" : "");
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
}

}  // namespace

std::vector<SearchHit> searchBriefing(const Briefing& b, std::string_view query, size_t perKind) {
    std::vector<SearchHit> hits;
    const std::string folded = foldName(query);
    if (folded.empty()) return hits;
    const auto contains = [&](std::string_view text) { return !text.empty() && foldName(text).find(folded) != std::string::npos; };
    size_t n = 0;
    for (uint32_t i = 0; i < b.places.size() && n < perKind; ++i) {
        const Place& p = b.places[i];
        if (p.events.empty() && !p.declared) continue;
        if (contains(p.name) || contains(p.resolvedName) || contains(p.nativeName)) {
            hits.push_back({SearchHit::Kind::Place, i, 0, 0, p.name, p.resolvedName != p.name ? p.resolvedName : std::string()});
            ++n;
        }
    }
    n = 0;
    for (uint32_t i = 0; i < b.events.size() && n < perKind; ++i) {
        const Event& e = b.events[i];
        bool match = contains(e.id) || contains(e.summary) || (e.quantity && contains(e.quantity->text));
        for (const std::string& a : e.actors) match = match || contains(a);
        for (const std::string& a : e.attribution) match = match || contains(a);
        if (match) {
            hits.push_back({SearchHit::Kind::Event, i, 0, 0, formatEventDate(e) + "  " + e.summary, e.id});
            ++n;
        }
    }
    n = 0;
    const std::string_view needle = query.substr(0, 256);
    for (uint32_t i = 0; i < b.articles.size() && n < perKind; ++i) {
        const std::string_view text = b.articles[i].text;
        for (size_t at = findInsensitive(text, needle, 0); at != std::string_view::npos && n < perKind;
             at = findInsensitive(text, needle, at + needle.size())) {
            hits.push_back({SearchHit::Kind::Article, i, static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size()),
                            b.articles[i].title, around(text, at, at + needle.size())});
            ++n;
        }
    }
    return hits;
}

}  // namespace briefmap::model
