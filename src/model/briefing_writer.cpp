#include "model/briefing_writer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "model/annotation_json.hpp"
#include "model/tour.hpp"

namespace briefmap::model {

using ordered = nlohmann::ordered_json;

namespace {

void putExtras(ordered& obj, const Extras& extras) {
    for (const auto& [key, text] : extras) {
        try {
            obj[key] = ordered::parse(text);
        } catch (const nlohmann::json::exception&) {
            obj[key] = text;  // kept as written; cannot happen for extras the reader made
        }
    }
}

// Whole numbers as integers ("value": 15000, not 15000.0).
ordered number(double v) {
    if (std::abs(v) < 9e15 && v == std::floor(v)) return static_cast<int64_t>(v);
    return v;
}

double rounded2(float v) { return std::round(static_cast<double>(v) * 100.0) / 100.0; }

ordered strings(const std::vector<std::string>& list) {
    ordered a = ordered::array();
    for (const std::string& s : list) a.push_back(s);
    return a;
}

DatePrecision impliedPrecision(const PartialDate& d) {
    return !d.month ? DatePrecision::Year : !d.day ? DatePrecision::Month : DatePrecision::Day;
}

ordered articleJson(const Article& a) {
    ordered j;
    j["id"] = a.id;
    j["file"] = a.file;
    j["title"] = a.title;
    j["outlet"] = a.outlet;
    j["published"] = a.published.text();
    if (!a.publishedNote.empty()) j["published_note"] = a.publishedNote;
    if (!a.url.empty()) j["url"] = a.url;
    if (!a.original.empty()) j["original"] = a.original;
    putExtras(j, a.extras);
    return j;
}

ordered placeJson(const Place& p) {
    ordered j;
    j["name"] = p.name;
    if (!p.countryHint.empty()) j["country"] = p.countryHint;
    if (p.overridden) {
        j["lat"] = p.lat;
        j["lon"] = p.lon;
        j["why"] = p.why;
    }
    if (p.uncertaintyKm > 0) j["uncertainty_km"] = p.uncertaintyKm;
    putExtras(j, p.extras);
    return j;
}

ordered eventJson(const Briefing& b, const Event& e) {
    const auto placeName = [&](uint32_t p) { return b.places[p].name; };
    ordered j;
    j["id"] = e.id;
    j["kind"] = eventKindName(e.kind);
    j["start"] = e.start.text();
    if (!(e.end == e.start)) j["end"] = e.end.text();
    if (e.precisionGiven || e.precision != impliedPrecision(e.start)) j["precision"] = datePrecisionName(e.precision);
    if (!e.places.empty()) {
        ordered places = ordered::array();
        for (uint32_t p : e.places) places.push_back(placeName(p));
        j["places"] = std::move(places);
    }
    if (e.flow) {
        ordered f;
        f["from"] = placeName(e.flow->from);
        f["to"] = placeName(e.flow->to);
        if (!e.flow->via.empty()) {
            ordered via = ordered::array();
            for (uint32_t p : e.flow->via) via.push_back(placeName(p));
            f["via"] = std::move(via);
        }
        f["cargo"] = cargoName(e.flow->cargo);
        j["flow"] = std::move(f);
    }
    if (e.quantity) {
        ordered q;
        q["value"] = number(e.quantity->value);
        q["unit"] = e.quantity->unit;
        if (!e.quantity->qualifier.empty()) q["qualifier"] = e.quantity->qualifier;
        if (!e.quantity->text.empty()) q["text"] = e.quantity->text;
        j["quantity"] = std::move(q);
    }
    if (!e.actors.empty()) j["actors"] = strings(e.actors);
    if (!e.attribution.empty()) j["attribution"] = strings(e.attribution);
    j["status"] = claimStatusName(e.status);
    j["summary"] = e.summary;
    if (e.review == ReviewState::Draft) j["review"] = "draft";
    if (e.confidence) {
        const DraftConfidence& c = *e.confidence;
        j["confidence"] = {{"event", rounded2(c.event)},     {"kind", rounded2(c.kind)},
                           {"date", rounded2(c.date)},       {"places", rounded2(c.places)},
                           {"flow", rounded2(c.flow)},       {"quantity", rounded2(c.quantity)},
                           {"attribution", rounded2(c.attribution)}, {"status", rounded2(c.status)}};
    }
    ordered sources = ordered::array();
    for (const Source& s : e.sources) {
        if (s.article == kNone) continue;  // imported rows cite a file line, not an article
        ordered src;
        src["article"] = b.articles[s.article].id;
        src["quote"] = s.quote;
        src["start"] = s.start;
        src["end"] = s.end;
        sources.push_back(std::move(src));
    }
    j["sources"] = std::move(sources);
    putExtras(j, e.extras);
    return j;
}

}  // namespace

ordered eventJsonValue(const Briefing& b, const Event& e) { return eventJson(b, e); }

std::string eventJsonLine(const Briefing& b, const Event& e) {
    return eventJson(b, e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string briefingJson(const Briefing& b) {
    ordered doc;
    doc["format"] = "briefmap-briefing/1";
    doc["title"] = b.title;
    if (!b.description.empty()) doc["description"] = b.description;
    if (b.view) {
        const double east = b.view->east > 180 ? b.view->east - 360 : b.view->east;
        doc["view"] = ordered{{"bbox", ordered::array({b.view->west, b.view->south, east, b.view->north})}};
    }
    putExtras(doc, b.extras);
    ordered articles = ordered::array();
    for (const Article& a : b.articles) articles.push_back(articleJson(a));
    doc["articles"] = std::move(articles);
    ordered places = ordered::array();
    for (const Place& p : b.places)
        if (p.declared) places.push_back(placeJson(p));
    doc["places"] = std::move(places);
    // The model keeps events by time; the file keeps the order people wrote them in.
    std::vector<uint32_t> order(b.events.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t x, uint32_t y) { return b.events[x].order < b.events[y].order; });
    ordered events = ordered::array();
    for (uint32_t i : order) events.push_back(eventJson(b, b.events[i]));
    doc["events"] = std::move(events);
    if (!b.rejected.empty()) {
        ordered rejected = ordered::array();
        for (const RejectedDraft& r : b.rejected) {
            ordered sources = ordered::array();
            for (const Source& s : r.sources)
                sources.push_back({{"article", b.articles[s.article].id}, {"start", s.start}, {"end", s.end}});
            rejected.push_back({{"id", r.id}, {"kind", eventKindName(r.kind)}, {"summary", r.summary}, {"sources", std::move(sources)}});
        }
        doc["rejected"] = std::move(rejected);
    }
    if (!b.views.empty()) {
        ordered views = ordered::array();
        for (const TourStep& v : b.views) views.push_back(tourStepJson(v, true));
        doc["views"] = std::move(views);
    }
    if (!b.annotations.empty()) {
        ordered annotations = ordered::array();
        for (const Annotation& a : b.annotations) annotations.push_back(annotationJson(a));
        doc["annotations"] = std::move(annotations);
    }
    return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void eventJsonReferences(const nlohmann::ordered_json& event, std::set<std::string>& placeNames, std::set<std::string>& articleIds) {
    if (!event.is_object()) return;
    const auto names = [&](const ordered& v) {
        if (v.is_string()) placeNames.insert(v.get<std::string>());
        if (v.is_array())
            for (const ordered& n : v)
                if (n.is_string()) placeNames.insert(n.get<std::string>());
    };
    if (auto p = event.find("places"); p != event.end()) names(*p);
    if (auto f = event.find("flow"); f != event.end() && f->is_object())
        for (const char* key : {"from", "to", "via"})
            if (auto v = f->find(key); v != f->end()) names(*v);
    if (auto s = event.find("sources"); s != event.end() && s->is_array())
        for (const ordered& source : *s)
            if (source.is_object())
                if (auto a = source.find("article"); a != source.end() && a->is_string()) articleIds.insert(a->get<std::string>());
}

}  // namespace briefmap::model
