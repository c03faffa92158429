#include "draft/draft_score.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "core/geo_types.hpp"
#include "core/sentences.hpp"
#include "core/text_fold.hpp"
#include "draft/draft_briefing.hpp"
#include "model/briefing_loader.hpp"
#include "geo/name_words.hpp"

namespace briefmap::draft {

using model::Briefing;
using model::Event;
using model::Place;

namespace {

constexpr double kPlaceKm = 161;

// (reference article, sentence) pairs an event's sources touch.
using Touches = std::set<std::pair<uint32_t, size_t>>;

Touches touches(const Briefing& b, const Event& e, const std::vector<uint32_t>& toReference,
                const std::vector<std::vector<TextSpan>>& sentences) {
    Touches out;
    for (const model::Source& s : e.sources) {
        if (s.article == model::kNone || toReference[s.article] == model::kNone) continue;
        const uint32_t a = toReference[s.article];
        const TextSpan quote{s.start, s.end};
        for (size_t k = 0; k < sentences[a].size(); ++k)
            if (sentences[a][k].overlaps(quote)) out.emplace(a, k);
    }
    (void)b;
    return out;
}

size_t overlap(const Touches& a, const Touches& b) {
    size_t n = 0;
    for (const auto& t : a) n += b.count(t);
    return n;
}

int tolerance(model::DatePrecision p) {
    switch (p) {
        case model::DatePrecision::Day: return 3;
        case model::DatePrecision::Month: return 31;
        case model::DatePrecision::Season: return 45;
        case model::DatePrecision::Year: return 183;
    }
    return 3;
}

bool dateCorrect(const Event& ref, const Event& d) {
    const int t = tolerance(ref.precision);
    return std::abs(d.startDay - ref.startDay) <= t && std::abs(d.endDay - ref.endDay) <= t;
}

// A reference place is met by a drafted one within 161 km, or anywhere in it when the reference
// names a country.
bool placeMet(const Place& ref, const Place& d) {
    if (!ref.resolved || !d.resolved) return false;
    if (ref.kind == "country" && !ref.country.empty() && ref.country == d.country) return true;
    return greatCircleKm({ref.lon, ref.lat}, {d.lon, d.lat}) <= kPlaceKm;
}

std::vector<const Place*> locations(const Briefing& b, const Event& e, bool withFlow) {
    std::vector<const Place*> out;
    for (uint32_t p : e.places) out.push_back(&b.places[p]);
    if (withFlow && e.flow) {
        out.push_back(&b.places[e.flow->from]);
        out.push_back(&b.places[e.flow->to]);
    }
    return out;
}

bool placesCorrect(const Briefing& rb, const Event& r, const Briefing& db, const Event& d) {
    const std::vector<const Place*> drafted = locations(db, d, true);
    for (uint32_t p : r.places)
        if (!std::any_of(drafted.begin(), drafted.end(), [&](const Place* q) { return placeMet(rb.places[p], *q); })) return false;
    const std::vector<const Place*> reference = locations(rb, r, true);
    for (uint32_t p : d.places)
        if (!std::any_of(reference.begin(), reference.end(), [&](const Place* q) { return placeMet(*q, db.places[p]); })) return false;
    return true;
}

bool flowCorrect(const Briefing& rb, const Event& r, const Briefing& db, const Event& d) {
    if (!d.flow) return false;
    return placeMet(rb.places[r.flow->from], db.places[d.flow->from]) && placeMet(rb.places[r.flow->to], db.places[d.flow->to]);
}

bool quantityCorrect(const Event& r, const Event& d) {
    if (!r.quantity || !d.quantity) return false;
    return std::abs(d.quantity->value - r.quantity->value) <= 0.1 * std::abs(r.quantity->value);
}

// The words of an attribution that say who it is: folded, generic words dropped, demonyms as
// their country ("South Korean assessments" → {south korea, assessments}).
std::set<std::string> whoWords(const std::string& attribution) {
    static const std::set<std::string> kGeneric = {"the", "a", "an", "of", "and", "in", "s", "said", "says", "officials",
                                                   "official", "news", "agency", "media", "state", "reports", "report",
                                                   "according", "to", "by", "its", "his", "her", "their", "spokesman",
                                                   "spokesperson", "spokeswoman"};
    std::set<std::string> out;
    const std::string folded = foldName(attribution);
    std::vector<std::string> words;
    for (size_t i = 0; i < folded.size();) {
        size_t j = folded.find(' ', i);
        if (j == std::string::npos) j = folded.size();
        words.push_back(folded.substr(i, j - i));
        i = j + 1;
    }
    for (size_t i = 0; i < words.size(); ++i) {
        if (i + 1 < words.size()) {
            const std::string pair = words[i] + " " + words[i + 1];
            if (auto c = geo::demonymCountry(pair); !c.empty()) {
                out.insert(foldName(c));
                ++i;
                continue;
            }
        }
        if (auto c = geo::demonymCountry(words[i]); !c.empty()) out.insert(foldName(c));
        else if (!kGeneric.count(words[i])) out.insert(words[i]);
    }
    // "South Korea" written out: the pair is its own word too.
    for (size_t i = 0; i + 1 < words.size(); ++i) out.insert(words[i] + " " + words[i + 1]);
    return out;
}

// Two attributions name the same source: a shared word that says who ("U.S. officials" and "US
// intelligence"), or, for words that only say what kind of source ("reports"), the same words.
bool sameSource(const std::string& a, const std::string& b) {
    const std::set<std::string> wa = whoWords(a), wb = whoWords(b);
    if (wa.empty() || wb.empty()) return foldName(a) == foldName(b);
    for (const std::string& w : wa)
        if (wb.count(w)) return true;
    return false;
}

// Right when every drafted source is one the reference names and at least one of the reference's
// sources is drafted: a draft may name fewer sources, never invented ones.
bool attributionCorrect(const Event& r, const Event& d) {
    if (r.attribution.empty() || d.attribution.empty()) return false;
    const auto named = [](const std::vector<std::string>& list, const std::string& s) {
        return std::any_of(list.begin(), list.end(), [&](const std::string& x) { return sameSource(x, s); });
    };
    return std::all_of(d.attribution.begin(), d.attribution.end(), [&](const std::string& s) { return named(r.attribution, s); });
}

std::string joined(const std::vector<std::string>& list) {
    std::string out;
    for (const std::string& s : list) out += (out.empty() ? "" : ", ") + s;
    return "[" + out + "]";
}

// One field of an event in a line, for reading misses.
std::string describe(const Briefing& b, const Event& e, std::string_view field) {
    const auto name = [&](uint32_t p) { return b.places[p].name; };
    if (field == "date") return e.start.text() + ".." + e.end.text();
    if (field == "places") {
        std::vector<std::string> names;
        for (uint32_t p : e.places) names.push_back(name(p));
        return joined(names);
    }
    if (field == "flow") return e.flow ? name(e.flow->from) + " → " + name(e.flow->to) : "none";
    if (field == "quantity") return e.quantity ? e.quantity->text : "none";
    if (field == "attribution") return joined(e.attribution);
    if (field == "status") return std::string(model::claimStatusName(e.status));
    return {};
}

void count(FieldScore& f, bool correct) {
    ++f.scored;
    f.correct += correct;
}

}  // namespace

double DraftScore::fieldAccuracy() const {
    const FieldScore* all[] = {&date, &places, &flow, &quantity, &attribution, &status};
    int c = 0, n = 0;
    for (const FieldScore* f : all) c += f->correct, n += f->scored;
    return n ? static_cast<double>(c) / n : 1.0;
}

void DraftScore::add(const DraftScore& o) {
    reference += o.reference;
    drafted += o.drafted;
    matched += o.matched;
    FieldScore* mine[] = {&date, &places, &flow, &quantity, &attribution, &status};
    const FieldScore* theirs[] = {&o.date, &o.places, &o.flow, &o.quantity, &o.attribution, &o.status};
    for (size_t i = 0; i < 6; ++i) mine[i]->correct += theirs[i]->correct, mine[i]->scored += theirs[i]->scored;
    quotes += o.quotes;
    quotesVerbatim += o.quotesVerbatim;
    misses.insert(misses.end(), o.misses.begin(), o.misses.end());
}

DraftScore scoreDraft(const Briefing& ref, const Briefing& drafted) {
    DraftScore score;
    // Articles pair by their text: ids differ between a hand-built briefing and a drafted one.
    std::vector<uint32_t> refOfRef(ref.articles.size()), refOfDraft(drafted.articles.size(), model::kNone);
    std::vector<std::vector<TextSpan>> sentences(ref.articles.size());
    for (uint32_t a = 0; a < ref.articles.size(); ++a) {
        refOfRef[a] = a;
        sentences[a] = splitSentences(ref.articles[a].text);
    }
    for (uint32_t a = 0; a < drafted.articles.size(); ++a)
        for (uint32_t r = 0; r < ref.articles.size(); ++r)
            if (drafted.articles[a].text == ref.articles[r].text) refOfDraft[a] = r;
    std::vector<Touches> refTouches, draftTouches;
    for (const Event& e : ref.events) refTouches.push_back(touches(ref, e, refOfRef, sentences));
    for (const Event& e : drafted.events) draftTouches.push_back(touches(drafted, e, refOfDraft, sentences));
    score.reference = static_cast<int>(ref.events.size());
    score.drafted = static_cast<int>(drafted.events.size());
    // Candidate pairs, most shared sentences first; then a maximum matching (Kuhn's augmenting paths).
    std::vector<std::vector<size_t>> candidates(ref.events.size());
    for (size_t r = 0; r < ref.events.size(); ++r) {
        std::vector<std::pair<size_t, size_t>> ranked;
        for (size_t d = 0; d < drafted.events.size(); ++d)
            if (ref.events[r].kind == drafted.events[d].kind)
                if (const size_t n = overlap(refTouches[r], draftTouches[d])) ranked.emplace_back(n, d);
        std::stable_sort(ranked.begin(), ranked.end(), [](auto a, auto b) { return a.first > b.first; });
        for (auto [n, d] : ranked) candidates[r].push_back(d);
    }
    std::vector<size_t> matchOfDraft(drafted.events.size(), SIZE_MAX);
    std::function<bool(size_t, std::vector<bool>&)> augment = [&](size_t r, std::vector<bool>& seen) {
        for (size_t d : candidates[r]) {
            if (seen[d]) continue;
            seen[d] = true;
            if (matchOfDraft[d] == SIZE_MAX || augment(matchOfDraft[d], seen)) {
                matchOfDraft[d] = r;
                return true;
            }
        }
        return false;
    };
    for (size_t r = 0; r < ref.events.size(); ++r) {
        std::vector<bool> seen(drafted.events.size(), false);
        augment(r, seen);
    }
    // Among matchings of that size, prefer pairs that agree on where: swap partners while it helps
    // (two strikes from one sentence on Iraq and on Syria are paired by their targets).
    const auto similarity = [&](size_t r, size_t d) {
        const Event& re = ref.events[r];
        const Event& de = drafted.events[d];
        int agree = 0;
        if (re.flow && de.flow) agree += flowCorrect(ref, re, drafted, de) ? 2 : 0;
        if (!re.places.empty()) agree += placesCorrect(ref, re, drafted, de) ? 2 : 0;
        agree += dateCorrect(re, de) ? 1 : 0;
        agree += (re.quantity || de.quantity) && quantityCorrect(re, de) ? 1 : 0;
        agree += re.status == de.status ? 1 : 0;
        return agree;
    };
    const auto allowed = [&](size_t r, size_t d) {
        return std::find(candidates[r].begin(), candidates[r].end(), d) != candidates[r].end();
    };
    for (bool improved = true; improved;) {
        improved = false;
        for (size_t d1 = 0; d1 < drafted.events.size(); ++d1)
            for (size_t d2 = d1 + 1; d2 < drafted.events.size(); ++d2) {
                const size_t r1 = matchOfDraft[d1], r2 = matchOfDraft[d2];
                if (r1 == SIZE_MAX && r2 == SIZE_MAX) continue;
                const int now = (r1 != SIZE_MAX ? similarity(r1, d1) : 0) + (r2 != SIZE_MAX ? similarity(r2, d2) : 0);
                const bool ok = (r1 == SIZE_MAX || allowed(r1, d2)) && (r2 == SIZE_MAX || allowed(r2, d1));
                if (!ok) continue;
                const int swapped = (r1 != SIZE_MAX ? similarity(r1, d2) : 0) + (r2 != SIZE_MAX ? similarity(r2, d1) : 0);
                if (swapped > now) {
                    std::swap(matchOfDraft[d1], matchOfDraft[d2]);
                    improved = true;
                }
            }
        // A reference event left out may fit a drafted event better than its partner does.
        std::vector<bool> refMatched(ref.events.size(), false);
        for (size_t d = 0; d < drafted.events.size(); ++d)
            if (matchOfDraft[d] != SIZE_MAX) refMatched[matchOfDraft[d]] = true;
        for (size_t d = 0; d < drafted.events.size(); ++d) {
            if (matchOfDraft[d] == SIZE_MAX) continue;
            for (size_t r = 0; r < ref.events.size(); ++r) {
                if (refMatched[r] || !allowed(r, d) || similarity(r, d) <= similarity(matchOfDraft[d], d)) continue;
                refMatched[matchOfDraft[d]] = false;
                matchOfDraft[d] = r;
                refMatched[r] = true;
                improved = true;
            }
        }
    }
    std::vector<size_t> matchOfRef(ref.events.size(), SIZE_MAX);
    for (size_t d = 0; d < drafted.events.size(); ++d)
        if (matchOfDraft[d] != SIZE_MAX) matchOfRef[matchOfDraft[d]] = d;
    for (size_t r = 0; r < ref.events.size(); ++r) {
        const Event& re = ref.events[r];
        if (matchOfRef[r] == SIZE_MAX) {
            score.misses.push_back("missed " + re.id + " (" + std::string(model::eventKindName(re.kind)) + ")");
            continue;
        }
        const Event& de = drafted.events[matchOfRef[r]];
        ++score.matched;
        const auto check = [&](FieldScore& f, bool ok, const char* field) {
            count(f, ok);
            if (!ok)
                score.misses.push_back("wrong " + std::string(field) + ": " + re.id + " ~ " + de.id + " (reference " +
                                       describe(ref, re, field) + "; drafted " + describe(drafted, de, field) + ")");
        };
        check(score.date, dateCorrect(re, de), "date");
        if (!re.places.empty()) check(score.places, placesCorrect(ref, re, drafted, de), "places");
        if (re.flow) check(score.flow, flowCorrect(ref, re, drafted, de), "flow");
        if (re.quantity || de.quantity) check(score.quantity, quantityCorrect(re, de), "quantity");
        if (!re.attribution.empty() || !de.attribution.empty()) check(score.attribution, attributionCorrect(re, de), "attribution");
        check(score.status, re.status == de.status, "status");
    }
    for (size_t d = 0; d < drafted.events.size(); ++d)
        if (matchOfDraft[d] == SIZE_MAX)
            score.misses.push_back("invented " + drafted.events[d].id + " (" + std::string(model::eventKindName(drafted.events[d].kind)) + ")");
    for (const Event& e : drafted.events)
        for (const model::Source& s : e.sources) {
            if (s.article == model::kNone) continue;
            ++score.quotes;
            const std::string& text = drafted.articles[s.article].text;
            score.quotesVerbatim += s.end <= text.size() && s.start <= s.end && text.compare(s.start, s.end - s.start, s.quote) == 0;
        }
    return score;
}

model::Briefing redraft(const Briefing& reference, const geo::Geocoder& geocoder) {
    std::vector<DraftInput> inputs;
    for (const model::Article& a : reference.articles) {
        DraftInput in;
        in.article.path = a.path.empty() ? a.file : a.path;
        in.article.text = a.text;
        in.article.title = a.title;
        in.article.byline = a.outlet;
        in.article.published = a.published;
        in.article.publishedFrom = "--published";
        in.file = a.file;
        in.drafted = draftArticle(a.text, a.published, geocoder);
        inputs.push_back(std::move(in));
    }
    Briefing drafted;
    drafted.title = "Redrafted: " + reference.title;
    DraftResult result = draftEdits(drafted, inputs, geocoder);
    result.edit->apply(drafted);
    model::Diagnostics problems;
    model::resolvePlaces(drafted, geocoder, {}, "", problems);
    return drafted;
}

}  // namespace briefmap::draft
