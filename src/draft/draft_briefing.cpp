#include "draft/draft_briefing.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/geo_types.hpp"
#include "core/text_fold.hpp"
#include "draft/occurrence.hpp"

namespace briefmap::draft {

using model::EventKind;

namespace {

std::string slug(std::string_view text, size_t limit = 32) {
    std::string folded = foldName(text);
    std::string out;
    for (char c : folded) {
        if (out.size() >= limit) break;
        out.push_back(c == ' ' ? '-' : c);
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "x" : out;
}

std::string_view kindSlug(EventKind k) {
    switch (k) {
        case EventKind::Meeting: return "meeting";
        case EventKind::Visit: return "visit";
        case EventKind::Agreement: return "agreement";
        case EventKind::TroopDeployment: return "troops";
        case EventKind::MunitionsTransfer: return "munitions";
        case EventKind::MissileStrike: return "strike";
        case EventKind::TechnologyTransfer: return "technology";
        case EventKind::AidTrade: return "aid-trade";
        case EventKind::Sanction: return "sanction";
        case EventKind::Statement: return "statement";
        case EventKind::Battle: return "battle";
        case EventKind::ViolenceAgainstCivilians: return "violence";
        case EventKind::Protest: return "protest";
        case EventKind::Riot: return "riot";
        case EventKind::Other: return "other";
        case EventKind::Count: break;
    }
    return "event";
}

std::string uniqueId(std::string base, std::set<std::string>& used) {
    std::string id = base;
    for (int n = 2; used.count(id); ++n) id = base + "-" + std::to_string(n);
    used.insert(id);
    return id;
}

struct Pending {
    DraftEvent event;
    std::vector<std::pair<size_t, TextSpan>> sources;  // (input index, sentence)
};

Occurrence occurrenceWithArticle(const Pending& p, const geo::Gazetteer& gaz, const std::vector<std::string>& articleIds) {
    Occurrence o = occurrenceOf(p.event, gaz);
    if (!p.sources.empty()) {
        o.article = articleIds[p.sources.front().first];
        o.sentenceStart = p.sources.front().second.start;
    }
    return o;
}

model::Quantity quantityOf(const QuantityPhrase& q) {
    model::Quantity out;
    out.value = q.value;
    out.unit = q.unit;
    out.qualifier = q.qualifier;
    out.text = q.text;
    return out;
}

// The portable model event of a drafted one (places by name, articles by id).
model::PortableEvent portableOf(const Pending& p, const std::vector<DraftInput>& inputs, const std::vector<std::string>& articleIds,
                                std::string id) {
    const DraftEvent& d = p.event;
    model::PortableEvent pe;
    model::Event& e = pe.event;
    const auto placeIndex = [&](const std::string& name) {
        auto it = std::find(pe.placeNames.begin(), pe.placeNames.end(), name);
        if (it != pe.placeNames.end()) return static_cast<uint32_t>(it - pe.placeNames.begin());
        pe.placeNames.push_back(name);
        return static_cast<uint32_t>(pe.placeNames.size() - 1);
    };
    e.id = std::move(id);
    e.kind = d.kind;
    e.start = d.date.start;
    e.end = d.date.end.lastDay() >= d.date.start.firstDay() ? d.date.end : d.date.start;
    e.precision = d.date.precision;
    e.precisionGiven = d.date.precision == model::DatePrecision::Season;
    e.startDay = e.start.firstDay();
    e.endDay = e.end.lastDay();
    if (d.from && d.to && d.from->name != d.to->name) {
        model::Flow f;
        f.from = placeIndex(d.from->name);
        f.to = placeIndex(d.to->name);
        f.cargo = d.cargo;
        for (const DraftPlace& v : d.via)
            if (v.name != d.from->name && v.name != d.to->name) f.via.push_back(placeIndex(v.name));
        e.flow = f;
    }
    for (const DraftPlace& pl : d.places) {
        const uint32_t i = placeIndex(pl.name);
        if (std::find(e.places.begin(), e.places.end(), i) == e.places.end()) e.places.push_back(i);
    }
    if (!e.flow && e.places.empty() && d.from) e.places.push_back(placeIndex(d.from->name));
    if (d.quantity) {
        e.quantity = quantityOf(*d.quantity);
        if (!d.quantity->note.empty()) e.extras.emplace_back("note", nlohmann::json(d.quantity->note).dump());
    }
    e.actors = d.actors;
    e.attribution = d.attribution;
    e.status = d.status;
    if (e.status != model::ClaimStatus::Confirmed && e.attribution.empty()) e.attribution.push_back("reports");
    e.summary = d.summary;
    e.review = model::ReviewState::Draft;
    e.confidence = d.confidence;
    for (const auto& [input, span] : p.sources) {
        const std::string& articleId = articleIds[input];
        auto it = std::find(pe.articleIds.begin(), pe.articleIds.end(), articleId);
        if (it == pe.articleIds.end()) pe.articleIds.push_back(articleId), it = pe.articleIds.end() - 1;
        model::Source s;
        s.article = static_cast<uint32_t>(it - pe.articleIds.begin());
        s.quote = std::string(std::string_view(inputs[input].article.text).substr(span.start, span.size()));
        s.start = span.start;
        s.end = span.end;
        e.sources.push_back(std::move(s));
    }
    return pe;
}

// Where the briefing would put a place given only its name and country hint: the gazetteer's
// answer, to compare with the article context's.
std::optional<uint32_t> nameAlone(const geo::Geocoder& geocoder, const std::string& name, const std::string& hint) {
    geo::GeocodeOptions options;
    options.countryHint = hint;
    options.top = 0;
    const geo::GeocodeResult r = geocoder.geocode(name, options);
    if (!r.best || r.best->typo) return std::nullopt;
    return r.best->place;
}

}  // namespace

std::optional<model::PortableEvent> draftEventFromSpan(const model::Briefing& b, uint32_t article, TextSpan span,
                                                       const geo::Geocoder& geocoder) {
    if (article >= b.articles.size() || span.end <= span.start || span.end > b.articles[article].text.size()) return std::nullopt;
    const model::Article& a = b.articles[article];
    std::vector<DraftInput> inputs(1);
    inputs[0].article.text = a.text;
    inputs[0].article.path = a.path;
    inputs[0].drafted = draftArticle(a.text, a.published, geocoder);
    const DraftEvent* best = nullptr;
    uint32_t bestOverlap = 0;
    for (const DraftEvent& e : inputs[0].drafted.events)
        for (TextSpan s : e.sources)
            if (s.overlaps(span)) {
                const uint32_t overlap = std::min(s.end, span.end) - std::max(s.start, span.start);
                if (overlap > bestOverlap) best = &e, bestOverlap = overlap;
            }
    if (!best) return std::nullopt;
    Pending p;
    p.event = *best;
    p.sources = {{0, span}};
    std::set<std::string> used;
    for (const model::Event& e : b.events) used.insert(e.id);
    const DraftPlace* main = p.event.to ? &*p.event.to : !p.event.places.empty() ? &p.event.places.front() : p.event.from ? &*p.event.from : nullptr;
    std::string id = uniqueId(p.event.date.start.text() + "-" + std::string(kindSlug(p.event.kind)) + (main ? "-" + slug(main->name) : ""), used);
    return portableOf(p, inputs, {a.id}, std::move(id));
}

DraftResult draftEdits(const model::Briefing& target, std::vector<DraftInput>& inputs, const geo::Geocoder& geocoder) {
    const geo::Gazetteer& gaz = geocoder.gazetteer();
    DraftResult result;
    std::vector<std::unique_ptr<model::Edit>> edits;
    // Articles: one already in the briefing (the same text) keeps its id and is not added again.
    std::set<std::string> usedArticleIds;
    for (const model::Article& a : target.articles) usedArticleIds.insert(a.id);
    std::vector<std::string> articleIds(inputs.size());
    std::vector<bool> repeated(inputs.size(), false);  // the same text given twice in one run
    for (size_t i = 0; i < inputs.size(); ++i) {
        const ArticleInput& in = inputs[i].article;
        const auto same = std::find_if(target.articles.begin(), target.articles.end(),
                                       [&](const model::Article& a) { return a.text == in.text; });
        if (same != target.articles.end()) {
            articleIds[i] = same->id;
            continue;
        }
        const auto sameInBatch = std::find_if(inputs.begin(), inputs.begin() + static_cast<long>(i),
                                              [&](const DraftInput& o) { return o.article.text == in.text; });
        if (sameInBatch != inputs.begin() + static_cast<long>(i)) {
            articleIds[i] = articleIds[static_cast<size_t>(sameInBatch - inputs.begin())];
            repeated[i] = true;
            continue;
        }
        articleIds[i] = uniqueId(slug(std::filesystem::path(in.path).stem().string(), 48), usedArticleIds);
        model::Article a;
        a.id = articleIds[i];
        a.file = inputs[i].file;
        a.original = inputs[i].original;
        a.title = in.title;
        a.outlet = in.byline;
        a.published = *in.published;
        a.publishedNote = in.publishedFrom == "--published" ? "" : "Found in the article: " + in.publishedFrom + ".";
        a.url = in.url;
        a.text = in.text;
        edits.push_back(model::addArticle(std::move(a)));
    }
    // Events of all the new articles, one per occurrence.
    std::vector<Pending> pending;
    for (size_t i = 0; i < inputs.size(); ++i) {
        if (repeated[i]) continue;
        for (DraftEvent& e : inputs[i].drafted.events) {
            Pending p;
            for (TextSpan s : e.sources) p.sources.emplace_back(i, s);
            p.event = std::move(e);
            const Occurrence o = occurrenceWithArticle(p, gaz, articleIds);
            auto same = std::find_if(pending.begin(), pending.end(),
                                     [&](const Pending& q) { return sameOccurrence(occurrenceWithArticle(q, gaz, articleIds), o); });
            if (same == pending.end()) {
                pending.push_back(std::move(p));
                continue;
            }
            for (auto& s : p.sources) same->sources.push_back(s);
            mergeInto(same->event, std::move(p.event));
            settleClaims(same->event);
        }
    }
    std::set<std::string> usedEventIds;
    for (const model::Event& e : target.events) usedEventIds.insert(e.id);
    std::vector<Occurrence> existing;
    for (const model::Event& e : target.events) existing.push_back(occurrenceOf(target, e));
    std::vector<std::unique_ptr<model::Edit>> eventEdits;
    std::vector<model::Place> declared;
    for (Pending& p : pending) {
        // A draft the analyst rejected before (same kind, from the same sentence) stays rejected.
        const bool rejected = std::any_of(target.rejected.begin(), target.rejected.end(), [&](const model::RejectedDraft& r) {
            return r.kind == p.event.kind && std::any_of(r.sources.begin(), r.sources.end(), [&](const model::Source& s) {
                       return std::any_of(p.sources.begin(), p.sources.end(), [&](const auto& mine) {
                           return target.articles[s.article].id == articleIds[mine.first] && mine.second.start < s.end &&
                                  s.start < mine.second.end;
                       });
                   });
        });
        if (rejected) continue;
        const Occurrence o = occurrenceWithArticle(p, gaz, articleIds);
        size_t match = existing.size();
        for (size_t k = 0; k < existing.size(); ++k)
            if (sameOccurrence(existing[k], o)) {
                match = k;
                break;
            }
        if (match < existing.size()) {
            // Known already: only sentences it does not cite yet are added.
            const model::Event& known = target.events[match];
            bool extended = false;
            for (const auto& [input, span] : p.sources) {
                const bool cited = std::any_of(known.sources.begin(), known.sources.end(), [&](const model::Source& s) {
                    return s.article != model::kNone && target.articles[s.article].id == articleIds[input] &&
                           s.start == span.start && s.end == span.end;
                });
                if (cited) continue;
                model::Source s;
                s.quote = std::string(std::string_view(inputs[input].article.text).substr(span.start, span.size()));
                s.start = span.start;
                s.end = span.end;
                eventEdits.push_back(model::addSource(known.id, articleIds[input], std::move(s)));
                extended = true;
            }
            if (extended) {
                result.extendedEventIds.push_back(known.id);
                result.explanations.emplace_back(known.id, p.event.explanation);
            }
            continue;
        }
        const DraftEvent& d = p.event;
        const DraftPlace* main = d.to ? &*d.to : !d.places.empty() ? &d.places.front() : d.from ? &*d.from : nullptr;
        const std::string id = uniqueId(d.date.start.text() + "-" + std::string(kindSlug(d.kind)) + (main ? "-" + slug(main->name) : ""),
                                        usedEventIds);
        // The places it names, declared with the country the article meant, and with coordinates
        // where the name alone would land elsewhere.
        std::vector<const DraftPlace*> places;
        if (d.from) places.push_back(&*d.from);
        if (d.to) places.push_back(&*d.to);
        for (const DraftPlace& v : d.via) places.push_back(&v);
        for (const DraftPlace& pl : d.places) places.push_back(&pl);
        for (const DraftPlace* pl : places) {
            const uint32_t known = target.findPlace(pl->name);
            if (known != model::kNone && target.places[known].declared) continue;
            if (std::any_of(declared.begin(), declared.end(), [&](const model::Place& q) { return q.name == pl->name; })) continue;
            model::Place place;
            place.name = pl->name;
            place.countryHint = pl->country.size() == 2 && pl->country != "  " ? pl->country : "";
            const geo::PlaceRecord& meant = gaz.place(pl->place);
            const std::optional<uint32_t> alone = nameAlone(geocoder, pl->name, place.countryHint);
            if (!alone || (*alone != pl->place && greatCircleKm({meant.lon, meant.lat}, {gaz.place(*alone).lon, gaz.place(*alone).lat}) > 50)) {
                place.overridden = true;
                place.lat = meant.lat;
                place.lon = meant.lon;
                place.why = "resolved in the article's context as " + std::string(gaz.placeName(pl->place)) +
                            (alone ? "; the name alone gives " + std::string(gaz.placeName(*alone)) : "; the name alone is not in the gazetteer");
            }
            declared.push_back(std::move(place));
        }
        result.newEventIds.push_back(id);
        result.explanations.emplace_back(id, d.explanation);
        eventEdits.push_back(model::addEvent(portableOf(p, inputs, articleIds, id)));
    }
    for (model::Place& place : declared) edits.push_back(model::declarePlace(std::move(place)));
    for (auto& e : eventEdits) edits.push_back(std::move(e));
    result.edit = model::editGroup("Draft " + std::to_string(inputs.size()) + " article(s)", std::move(edits));
    return result;
}

}  // namespace briefmap::draft
