#include "model/briefing_json.hpp"

#include <cmath>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/confined_path.hpp"
#include "core/text_fold.hpp"
#include "model/annotation_json.hpp"
#include "model/json_fields.hpp"
#include "model/tour.hpp"
#include "model/json_locator.hpp"

namespace briefmap::model {

using nlohmann::json;

namespace {

constexpr size_t kMaxArticleBytes = 16u << 20;

std::string shortened(const std::string& s, size_t limit = 48) {
    if (s.size() <= limit) return s;
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return s.substr(0, cut) + "…";
}

class BriefingReader {
public:
    BriefingReader(const std::string& baseDir, const std::vector<std::string>& articleRoots, Briefing& out,
                   std::vector<PlaceRef>& placePaths, Diagnostics& problems)
        : m_baseDir(baseDir), m_out(out), m_placePaths(placePaths), m_fields(problems) {
        m_articleFolders.push_back(baseDir);
        m_articleFolders.insert(m_articleFolders.end(), articleRoots.begin(), articleRoots.end());
    }

    // Called by the parser for every value; consumes each element of the top-level "events" array.
    bool onParse(int depth, json::parse_event_t event, json& parsed) {
        using E = json::parse_event_t;
        if (depth == 1) {
            if (event == E::key) m_topKey = parsed.get<std::string>();
            else if (event == E::array_start) m_inEvents = m_topKey == "events";
            else if (event == E::array_end || event == E::object_end) m_inEvents = false;
            return true;
        }
        if (depth == 2 && m_inEvents && (event == E::object_end || event == E::array_end || event == E::value)) {
            readEvent(parsed, m_eventCount++);
            return false;  // drop the element: the model has it now
        }
        return true;
    }

    // Everything but the events: format, title, articles (read from disk), places.
    bool readHeader(const json& doc) {
        m_headerRead = true;
        if (!m_fields.object(doc, "", {"format", "title", "description", "view", "articles", "places", "events", "rejected", "views", "annotations"}))
            return false;
        if (auto f = m_fields.string(doc, "", "format", false); f && *f != "briefmap-briefing/1")
            m_fields.problem("format", "unsupported format '" + shortened(*f) + "'; expected briefmap-briefing/1");
        m_out.title = m_fields.string(doc, "", "title", false).value_or("");
        m_out.description = m_fields.string(doc, "", "description", false).value_or("");
        m_out.extras = JsonFields::extras(doc);
        readView(doc);
        if (const json* a = m_fields.member(doc, "", "articles", json::value_t::array, false))
            for (size_t i = 0; i < a->size(); ++i) readArticle((*a)[i], JsonFields::join("articles", i));
        if (const json* p = m_fields.member(doc, "", "places", json::value_t::array, false))
            for (size_t i = 0; i < p->size(); ++i) readPlace((*p)[i], JsonFields::join("places", i));
        if (const json* r = m_fields.member(doc, "", "rejected", json::value_t::array, false))
            for (size_t i = 0; i < r->size(); ++i) readRejected((*r)[i], JsonFields::join("rejected", i));
        if (const json* v = m_fields.member(doc, "", "views", json::value_t::array, false))
            for (size_t i = 0; i < v->size(); ++i) readView((*v)[i], JsonFields::join("views", i));
        if (const json* a = m_fields.member(doc, "", "annotations", json::value_t::array, false))
            for (size_t i = 0; i < a->size(); ++i)
                if (auto annotation = readAnnotation(m_fields, (*a)[i], JsonFields::join("annotations", i),
                                                     [&](const std::string& name, const std::string& path) { place(name, path); }))
                    m_out.annotations.push_back(std::move(*annotation));
        return true;
    }

    // A saved view: a tour step whose caption is its "name" (model/tour_step.hpp).
    void readView(const json& v, const std::string& path) {
        if (!v.is_object()) return m_fields.problem(path, std::string("expected an object, got ") + JsonFields::typeName(v));
        json step = v;
        if (step.contains("caption")) return m_fields.problem(JsonFields::join(path, "caption"), "a saved view has a name, not a caption");
        if (auto name = step.find("name"); name != step.end()) {
            step["caption"] = *name;
            step.erase("name");
        }
        TourStep view;
        const size_t before = m_fields.problemCount();
        readTourStep(m_fields, step, path, view);
        if (m_fields.problemCount() != before) return;
        if (view.caption.empty()) return m_fields.problem(JsonFields::join(path, "name"), "missing: a saved view needs a name");
        m_out.views.push_back(std::move(view));
    }

    // {"id", "kind", "summary", "sources": [{"article", "start", "end"}]}: after the articles, which
    // the sources name.
    void readRejected(const json& r, const std::string& path) {
        if (!m_fields.object(r, path, {"id", "kind", "summary", "sources"})) return;
        RejectedDraft rejected;
        rejected.id = m_fields.string(r, path, "id", true).value_or("");
        rejected.summary = m_fields.string(r, path, "summary", false).value_or("");
        if (auto kind = m_fields.string(r, path, "kind", true)) {
            if (auto k = eventKindFromName(*kind)) rejected.kind = *k;
            else return m_fields.problem(JsonFields::join(path, "kind"), "unknown kind '" + shortened(*kind) + "'");
        }
        const json* sources = m_fields.member(r, path, "sources", json::value_t::array, true);
        for (size_t i = 0; sources && i < sources->size(); ++i) {
            const std::string at = JsonFields::join(JsonFields::join(path, "sources"), i);
            const json& s = (*sources)[i];
            if (!m_fields.object(s, at, {"article", "start", "end"})) continue;
            Source source;
            const auto article = m_fields.string(s, at, "article", true);
            const auto start = m_fields.number(s, at, "start", true), end = m_fields.number(s, at, "end", true);
            if (!article || !start || !end) continue;
            source.article = m_out.findArticle(*article);
            if (source.article == kNone) {
                m_fields.problem(JsonFields::join(at, "article"), "unknown article '" + shortened(*article) + "'");
                continue;
            }
            if (*start < 0 || *end < *start || *end > 4294967295.0 || *start != std::floor(*start) || *end != std::floor(*end)) {
                m_fields.problem(JsonFields::join(at, "end"), "expected whole byte offsets with start <= end");
                continue;
            }
            source.start = static_cast<uint32_t>(*start);
            source.end = static_cast<uint32_t>(*end);
            rejected.sources.push_back(std::move(source));
        }
        m_out.rejected.push_back(std::move(rejected));
    }

    // "view": {"bbox": [W, S, E, N]}: the frame the window and export open on.
    void readView(const json& doc) {
        const json* view = m_fields.member(doc, "", "view", json::value_t::object, false);
        if (!view || !m_fields.object(*view, "view", {"bbox"})) return;
        const json* box = m_fields.member(*view, "view", "bbox", json::value_t::array, true);
        if (!box) return;
        if (box->size() != 4 || !std::all_of(box->begin(), box->end(), [](const json& v) { return v.is_number(); })) {
            m_fields.problem("view.bbox", "expected [west, south, east, north] in degrees");
            return;
        }
        GeoBounds b{(*box)[0].get<double>(), (*box)[1].get<double>(), (*box)[2].get<double>(), (*box)[3].get<double>()};
        if (b.east < b.west) b.east += 360;  // across the antimeridian
        if (!std::isfinite(b.west) || !std::isfinite(b.east) || std::abs(b.west) > 180 || b.east > 540 ||
            !(b.south < b.north) || b.south < -90 || b.north > 90 || b.east - b.west > 360 || b.east <= b.west) {
            m_fields.problem("view.bbox", "not a box: west and east within ±180, -90 ≤ south < north ≤ 90");
            return;
        }
        m_out.view = b;
    }

    // Quotes are checked as sources are read against these articles (the parallel readers share the
    // main reader's); without them, sources wait in m_pendingSources until the articles are read.
    void checkSourcesAgainst(const std::vector<Article>* articles) { m_articles = articles; }
    const std::vector<Article>& articles() const { return m_out.articles; }

    // Orders this reader's events by start day (file order within a day), with their element indices.
    void sortEvents() {
        std::vector<uint32_t> order(m_out.events.size());
        for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](uint32_t a, uint32_t b) { return m_out.events[a].startDay < m_out.events[b].startDay; });
        std::vector<Event> events;
        std::vector<size_t> elements;
        events.reserve(order.size());
        elements.reserve(order.size());
        for (uint32_t i : order) {
            events.push_back(std::move(m_out.events[i]));
            elements.push_back(m_eventElements[i]);
        }
        m_out.events = std::move(events);
        m_eventElements = std::move(elements);
    }

    void read(const json& doc) {
        if (!m_headerRead && !readHeader(doc)) return;
        m_fields.member(doc, "", "events", json::value_t::array, true);  // consumed while parsing
        // Events may be in day order here: the later one in the file is the duplicate.
        std::unordered_map<std::string_view, size_t> firstElement;
        for (size_t i = 0; i < m_out.events.size(); ++i) {
            const std::string& id = m_out.events[i].id;
            if (id.empty()) continue;
            const auto [it, inserted] = firstElement.try_emplace(id, m_eventElements[i]);
            if (inserted) continue;
            const size_t duplicate = std::max(it->second, m_eventElements[i]);
            it->second = std::min(it->second, m_eventElements[i]);
            m_fields.problem(JsonFields::join(JsonFields::join("events", duplicate), "id"), "duplicate event id '" + shortened(id) + "'");
        }
        // Sources were read before the articles may have been: resolve and check them now.
        for (const PendingSource& pending : m_pendingSources) {
            Source& source = m_out.events[pending.event].sources[pending.source];
            source.article = m_out.findArticle(pending.articleId);
            if (source.article == kNone)
                m_fields.problem(JsonFields::join(pending.path, "article"), "unknown article '" + shortened(pending.articleId) + "'");
            else if (!source.quote.empty())
                checkQuote(source, pending.path);
        }
        m_pendingSources.clear();
    }

private:
    uint32_t place(const std::string& name, const std::string& path) {
        const uint32_t index = internPlace(m_out, name);
        if (index == m_placePaths.size()) m_placePaths.push_back({path});
        return index;
    }

    void readArticle(const json& a, const std::string& path) {
        if (!m_fields.object(a, path, {"id", "file", "title", "outlet", "published", "published_note", "url", "original"}))
            return;
        Article article;
        article.id = m_fields.string(a, path, "id", true).value_or("");
        article.file = m_fields.string(a, path, "file", true).value_or("");
        article.title = m_fields.string(a, path, "title", true).value_or("");
        article.outlet = m_fields.string(a, path, "outlet", false).value_or("");
        article.publishedNote = m_fields.string(a, path, "published_note", false).value_or("");
        article.url = m_fields.string(a, path, "url", false).value_or("");
        article.original = m_fields.string(a, path, "original", false).value_or("");
        article.extras = JsonFields::extras(a);
        if (auto d = m_fields.string(a, path, "published", true)) {
            if (Result<PartialDate> date = parsePartialDate(*d)) article.published = *date;
            else m_fields.problem(JsonFields::join(path, "published"), date.error().message);
        }
        if (!article.id.empty() && m_out.findArticle(article.id) != kNone)
            m_fields.problem(JsonFields::join(path, "id"), "duplicate article id '" + shortened(article.id) + "'");
        if (!article.file.empty()) {
            const std::filesystem::path file(article.file);
            if (file.is_absolute()) {
                m_fields.problem(JsonFields::join(path, "file"), "must be relative to the briefing file");
            } else {
                article.path = (std::filesystem::path(m_baseDir) / file).lexically_normal().string();
                Result<std::string> inside = confinedPath(article.path, m_articleFolders);
                Result<std::string> text = inside ? readArticleText(article.path) : Result<std::string>(inside.error());
                if (text) article.text = std::move(*text);
                else m_fields.problem(JsonFields::join(path, "file"), text.error().message);
            }
        }
        m_out.articles.push_back(std::move(article));
    }

    void readPlace(const json& p, const std::string& path) {
        if (!m_fields.object(p, path, {"name", "country", "lat", "lon", "why", "uncertainty_km"})) return;
        const auto name = m_fields.string(p, path, "name", true);
        if (!name) return;
        if (!m_declaredPlaces.insert(*name).second) {
            m_fields.problem(JsonFields::join(path, "name"), "duplicate place '" + shortened(*name) + "'");
            return;
        }
        Place& place = m_out.places[this->place(*name, JsonFields::join(path, "name"))];
        place.declared = true;
        place.extras = JsonFields::extras(p);
        if (auto c = m_fields.string(p, path, "country", false)) {
            if (c->size() == 2 && std::isupper(static_cast<unsigned char>((*c)[0])) &&
                std::isupper(static_cast<unsigned char>((*c)[1])))
                place.countryHint = *c;
            else
                m_fields.problem(JsonFields::join(path, "country"), "expected an ISO 3166-1 alpha-2 code like 'RU', got '" + shortened(*c) + "'");
        }
        if (const auto km = m_fields.number(p, path, "uncertainty_km", false)) {
            if (*km >= 0 && *km <= 5000) place.uncertaintyKm = *km;
            else m_fields.problem(JsonFields::join(path, "uncertainty_km"), "expected kilometres from 0 to 5000");
        }
        const auto lat = m_fields.number(p, path, "lat", false);
        const auto lon = m_fields.number(p, path, "lon", false);
        const auto why = m_fields.string(p, path, "why", false);
        if (!lat && !lon) return;
        if (!lat || !lon) {
            m_fields.problem(JsonFields::join(path, lat ? "lon" : "lat"), "missing: a coordinate override needs both lat and lon");
            return;
        }
        if (std::abs(*lat) > 90 || std::abs(*lon) > 180) {
            m_fields.problem(JsonFields::join(path, std::abs(*lat) > 90 ? "lat" : "lon"), "out of range");
            return;
        }
        if (!why || why->empty()) {
            m_fields.problem(JsonFields::join(path, "why"), "missing: a coordinate override must say why the gazetteer's answer is not used");
            return;
        }
        place.lat = *lat;
        place.lon = *lon;
        place.overridden = place.resolved = true;
        place.why = *why;
    }

public:
    void readEvent(const json& e, size_t element) {
        const std::string path = JsonFields::join("events", element);
        if (!m_fields.object(e, path, {"id", "kind", "start", "end", "precision", "places", "flow", "quantity",
                                       "actors", "attribution", "status", "summary", "sources", "review",
                                       "confidence"}))
            return;
        Event event;
        event.order = static_cast<uint32_t>(element);
        event.extras = JsonFields::extras(e);
        event.id = m_fields.string(e, path, "id", true).value_or("");
        if (auto k = m_fields.string(e, path, "kind", true)) {
            if (auto kind = eventKindFromName(*k)) event.kind = *kind;
            else m_fields.problem(JsonFields::join(path, "kind"), "unknown kind '" + shortened(*k) + "'; expected one of " + kindList());
        }
        readDates(e, path, event);
        if (const json* places = m_fields.member(e, path, "places", json::value_t::array, false)) {
            const std::string placesPath = JsonFields::join(path, "places");
            for (size_t i = 0; i < places->size(); ++i) {
                const std::string itemPath = JsonFields::join(placesPath, i);
                if ((*places)[i].is_string() && !(*places)[i].get_ref<const std::string&>().empty())
                    event.places.push_back(place((*places)[i].get<std::string>(), itemPath));
                else
                    m_fields.problem(itemPath, std::string("expected a place name, got ") + JsonFields::typeName((*places)[i]));
            }
        }
        if (const json* flow = m_fields.member(e, path, "flow", json::value_t::object, false))
            readFlow(*flow, JsonFields::join(path, "flow"), event);
        if (event.places.empty() && !event.flow && !e.contains("places"))
            m_fields.problem(JsonFields::join(path, "places"), "missing: an event needs places or a flow");
        if (const json* q = m_fields.member(e, path, "quantity", json::value_t::object, false))
            readQuantity(*q, JsonFields::join(path, "quantity"), event);
        event.actors = m_fields.strings(e, path, "actors");
        event.attribution = m_fields.strings(e, path, "attribution");
        if (auto s = m_fields.string(e, path, "status", false)) {
            if (auto status = claimStatusFromName(*s)) event.status = *status;
            else m_fields.problem(JsonFields::join(path, "status"), "unknown status '" + shortened(*s) + "'; expected confirmed, claimed or disputed");
        }
        if (event.status != ClaimStatus::Confirmed && event.attribution.empty())
            m_fields.problem(JsonFields::join(path, "attribution"), "missing: a claimed or disputed event must say who claims it");
        event.summary = m_fields.string(e, path, "summary", true).value_or("");
        if (auto r = m_fields.string(e, path, "review", false)) {
            if (*r == "draft") event.review = ReviewState::Draft;
            else m_fields.problem(JsonFields::join(path, "review"), "unknown review state '" + shortened(*r) + "'; expected draft (or no key once reviewed)");
        }
        if (const json* c = m_fields.member(e, path, "confidence", json::value_t::object, false))
            readConfidence(*c, JsonFields::join(path, "confidence"), event);
        if (const json* sources = m_fields.member(e, path, "sources", json::value_t::array, true)) {
            const std::string sourcesPath = JsonFields::join(path, "sources");
            if (sources->empty()) m_fields.problem(sourcesPath, "empty: every event needs at least one quoted source");
            for (size_t i = 0; i < sources->size(); ++i)
                readSource((*sources)[i], JsonFields::join(sourcesPath, i), event);
        }
        m_out.events.push_back(std::move(event));
        m_eventElements.push_back(element);
    }

private:
    void readDates(const json& e, const std::string& path, Event& event) {
        const auto start = m_fields.string(e, path, "start", true);
        const auto end = m_fields.string(e, path, "end", false);
        bool ok = start.has_value();
        if (start) {
            if (Result<PartialDate> d = parsePartialDate(*start)) event.start = *d;
            else m_fields.problem(JsonFields::join(path, "start"), d.error().message), ok = false;
        }
        event.end = event.start;
        if (end) {
            if (Result<PartialDate> d = parsePartialDate(*end)) event.end = *d;
            else m_fields.problem(JsonFields::join(path, "end"), d.error().message), ok = false;
        }
        const DatePrecision implied = !event.start.month ? DatePrecision::Year
                                      : !event.start.day ? DatePrecision::Month
                                                         : DatePrecision::Day;
        event.precision = implied;
        if (auto p = m_fields.string(e, path, "precision", false)) {
            const std::string precisionPath = JsonFields::join(path, "precision");
            if (auto precision = datePrecisionFromName(*p)) {
                event.precision = *precision;
                event.precisionGiven = true;
                const bool fits = *precision == DatePrecision::Season ? event.start.month && !event.start.day && end
                                                                      : *precision == implied;
                if (ok && !fits)
                    m_fields.problem(precisionPath, *precision == DatePrecision::Season
                                                        ? "'season' needs a start and an end of the form YYYY-MM"
                                                        : "'" + *p + "' does not match start '" + *start + "'");
            } else {
                m_fields.problem(precisionPath, "unknown precision '" + shortened(*p) + "'; expected day, month, season or year");
            }
        }
        if (!ok) return;
        event.startDay = event.start.firstDay();
        event.endDay = event.end.lastDay();
        if (event.endDay < event.startDay)
            m_fields.problem(JsonFields::join(path, "end"), "'" + event.end.text() + "' is before start '" + event.start.text() + "'");
    }

    void readFlow(const json& f, const std::string& path, Event& event) {
        if (!m_fields.object(f, path, {"from", "to", "via", "cargo"})) return;
        Flow flow;
        const auto from = m_fields.string(f, path, "from", true);
        const auto to = m_fields.string(f, path, "to", true);
        if (from) flow.from = place(*from, JsonFields::join(path, "from"));
        if (to) flow.to = place(*to, JsonFields::join(path, "to"));
        const std::vector<std::string> via = m_fields.strings(f, path, "via");
        for (size_t i = 0; i < via.size(); ++i)
            flow.via.push_back(place(via[i], JsonFields::join(JsonFields::join(path, "via"), i)));
        if (auto c = m_fields.string(f, path, "cargo", true)) {
            if (auto cargo = cargoFromName(*c)) flow.cargo = *cargo;
            else m_fields.problem(JsonFields::join(path, "cargo"), "unknown cargo '" + shortened(*c) + "'; expected troops, munitions, missiles, technology, aid_energy or people");
        }
        if (from && to && *from == *to) m_fields.problem(JsonFields::join(path, "to"), "a flow must go somewhere else than it starts");
        if (from && to) event.flow = std::move(flow);
    }

    void readConfidence(const json& c, const std::string& path, Event& event) {
        static constexpr std::array<const char*, 8> kFields = {"event", "kind", "date", "places", "flow", "quantity",
                                                               "attribution", "status"};
        if (!m_fields.object(c, path, {"event", "kind", "date", "places", "flow", "quantity", "attribution", "status"}))
            return;
        DraftConfidence confidence;
        float* values[] = {&confidence.event, &confidence.kind,     &confidence.date,        &confidence.places,
                           &confidence.flow,  &confidence.quantity, &confidence.attribution, &confidence.status};
        for (size_t i = 0; i < kFields.size(); ++i) {
            const auto v = m_fields.number(c, path, kFields[i], i == 0);
            if (!v) continue;
            if (*v < 0 || *v > 1) m_fields.problem(JsonFields::join(path, kFields[i]), "expected a number from 0 to 1");
            else *values[i] = static_cast<float>(*v);
        }
        event.confidence = confidence;
    }

    void readQuantity(const json& q, const std::string& path, Event& event) {
        if (!m_fields.object(q, path, {"value", "unit", "qualifier", "text"})) return;
        Quantity quantity;
        const auto value = m_fields.number(q, path, "value", true);
        if (value && *value < 0) m_fields.problem(JsonFields::join(path, "value"), "must not be negative");
        quantity.value = value.value_or(0);
        quantity.unit = m_fields.string(q, path, "unit", true).value_or("");
        quantity.qualifier = m_fields.string(q, path, "qualifier", false).value_or("");
        quantity.text = m_fields.string(q, path, "text", false).value_or("");
        event.quantity = std::move(quantity);
    }

    void readSource(const json& s, const std::string& path, Event& event) {
        if (!m_fields.object(s, path, {"article", "quote", "start", "end"})) return;
        Source source;
        const auto article = m_fields.string(s, path, "article", true);
        source.quote = m_fields.string(s, path, "quote", true).value_or("");
        const auto start = m_fields.number(s, path, "start", true);
        const auto end = m_fields.number(s, path, "end", true);
        if (!start || !end) return;
        if (*start < 0 || *end < *start || *end > 1e9 || *start != std::floor(*start) || *end != std::floor(*end)) {
            m_fields.problem(JsonFields::join(path, "start"), "expected byte offsets 0 ≤ start ≤ end");
            return;
        }
        source.start = static_cast<uint32_t>(*start);
        source.end = static_cast<uint32_t>(*end);
        if (source.quote.empty()) m_fields.problem(JsonFields::join(path, "quote"), "empty");
        if (article && m_articles) {
            for (size_t i = 0; i < m_articles->size() && source.article == kNone; ++i)
                if ((*m_articles)[i].id == *article) source.article = static_cast<uint32_t>(i);
            if (source.article == kNone)
                m_fields.problem(JsonFields::join(path, "article"), "unknown article '" + shortened(*article) + "'");
            else if (!source.quote.empty())
                checkQuote(source, path);
        } else if (article) {
            m_pendingSources.push_back({m_out.events.size(), event.sources.size(), *article, path});
        }
        event.sources.push_back(std::move(source));
    }

    void checkQuote(const Source& source, const std::string& path) {
        const Article& a = (m_articles ? *m_articles : m_out.articles)[source.article];
        if (a.text.empty()) return;  // the unreadable file is reported once, at the article
        const std::string_view text = a.text;
        if (source.end <= text.size() && text.substr(source.start, source.end - source.start) == source.quote) return;
        const size_t at = text.find(source.quote);
        std::string message = "quote not found in " + a.file + " at " + std::to_string(source.start) + ".." +
                              std::to_string(source.end);
        if (at != std::string_view::npos)
            message += " (it is at " + std::to_string(at) + ".." + std::to_string(at + source.quote.size()) + ")";
        else
            message += " (nor anywhere else in it)";
        m_fields.problem(JsonFields::join(path, "quote"), message);
    }

public:
    const std::string& baseDir() const { return m_baseDir; }

    // Appends the events another reader read (over a slice of the same events array), renumbering
    // its places into this briefing's.
    void absorb(BriefingReader&& other, std::vector<PlaceRef>& otherPaths, Diagnostics& otherProblems) {
        std::vector<uint32_t> remap(other.m_out.places.size());
        for (size_t p = 0; p < remap.size(); ++p) {
            remap[p] = internPlace(m_out, other.m_out.places[p].name);
            if (remap[p] == m_placePaths.size()) m_placePaths.push_back(std::move(otherPaths[p]));
        }
        for (Event& e : other.m_out.events) {
            for (uint32_t& p : e.places) p = remap[p];
            if (e.flow) {
                e.flow->from = remap[e.flow->from];
                e.flow->to = remap[e.flow->to];
                for (uint32_t& p : e.flow->via) p = remap[p];
            }
        }
        // Both sides are sorted by start day and the other reader's elements come later in the file:
        // a stable merge keeps "by day, then file order" and moves each event once.
        const size_t base = m_out.events.size();
        std::vector<Event> merged;
        std::vector<size_t> elements;
        merged.reserve(base + other.m_out.events.size());
        elements.reserve(merged.capacity());
        size_t a = 0, b = 0;
        while (a < base || b < other.m_out.events.size()) {
            const bool takeOther = a == base || (b < other.m_out.events.size() &&
                                                 other.m_out.events[b].startDay < m_out.events[a].startDay);
            if (takeOther) {
                merged.push_back(std::move(other.m_out.events[b]));
                elements.push_back(other.m_eventElements[b++]);
            } else {
                merged.push_back(std::move(m_out.events[a]));
                elements.push_back(m_eventElements[a++]);
            }
        }
        m_out.events = std::move(merged);
        m_eventElements = std::move(elements);
        // Readers running in parallel check their quotes themselves (checkSourcesAgainst).
        for (Diagnostic& d : otherProblems) m_fields.problem(d.path, std::move(d.message), d.line, d.column);
    }

private:
    static const std::string& kindList() {
        static const std::string list = [] {
            std::string s;
            for (size_t k = 0; k < static_cast<size_t>(EventKind::Count); ++k)
                s += std::string(k ? ", " : "") + std::string(eventKindName(static_cast<EventKind>(k)));
            return s;
        }();
        return list;
    }

    const std::string m_baseDir;
    std::vector<std::string> m_articleFolders;  // the briefing's folder, then the roots named on the command line
    Briefing& m_out;
    std::vector<PlaceRef>& m_placePaths;
    JsonFields m_fields;
    std::vector<size_t> m_eventElements;  // events[] index of each event read, for reporting
    std::unordered_set<std::string> m_declaredPlaces;
    struct PendingSource {
        size_t event, source;
        std::string articleId, path;
    };
    std::vector<PendingSource> m_pendingSources;
    std::string m_topKey;
    bool m_inEvents = false;
    bool m_headerRead = false;
    const std::vector<Article>* m_articles = nullptr;
    size_t m_eventCount = 0;
};

}  // namespace

Result<std::string> readArticleText(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return Error{"cannot read '" + path + "': not a regular file"};
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size > kMaxArticleBytes) return Error{"cannot read '" + path + "': larger than 16 MiB"};
    std::ifstream in(path, std::ios::binary);
    std::string text(size, '\0');
    if (!in.read(text.data(), static_cast<std::streamsize>(size))) return Error{"cannot read '" + path + "'"};
    if (!isValidUtf8(text)) return Error{"'" + path + "' is not valid UTF-8"};
    return text;
}

struct BriefingJsonReader::Impl {
    Impl(const std::string& baseDir, const std::vector<std::string>& articleRoots, Briefing& out,
         std::vector<PlaceRef>& placePaths, Diagnostics& problems)
        : reader(baseDir, articleRoots, out, placePaths, problems) {}
    BriefingReader reader;
};

BriefingJsonReader::BriefingJsonReader(const std::string& baseDir, const std::vector<std::string>& articleRoots, Briefing& out,
                                       std::vector<PlaceRef>& placePaths, Diagnostics& problems)
    : m_impl(std::make_unique<Impl>(baseDir, articleRoots, out, placePaths, problems)) {}

BriefingJsonReader::~BriefingJsonReader() = default;

json::parser_callback_t BriefingJsonReader::callback() {
    return [this](int depth, json::parse_event_t event, json& parsed) { return m_impl->reader.onParse(depth, event, parsed); };
}

void BriefingJsonReader::finish(const json& doc) { m_impl->reader.read(doc); }

std::optional<json> BriefingJsonReader::readEventsInParallel(std::string_view text) {
    constexpr size_t kParallelBytes = 4u << 20;
    if (text.size() < kParallelBytes) return std::nullopt;
    const std::optional<ArrayElements> events = findTopLevelArray(text, "events");
    if (!events || events->elements.size() < 1024) return std::nullopt;
    // The rest of the document first (small): its articles are needed to check quotes in the workers.
    std::string restText;
    restText.reserve(text.size() - (events->close - events->open));
    restText.append(text.substr(0, events->open + 1));
    restText.append(text.substr(events->close));
    json rest;
    try {
        rest = json::parse(restText);
    } catch (const json::exception&) {
        return std::nullopt;  // the serial parse reports it, with its true position
    }
    BriefingReader& main = m_impl->reader;
    if (!main.readHeader(rest)) return rest;
    const size_t threads = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8);
    struct Shard {
        Briefing out;
        std::vector<PlaceRef> placePaths;
        Diagnostics problems;
        std::optional<BriefingReader> reader;
        bool failed = false;
    };
    std::vector<Shard> shards(threads);
    const size_t count = events->elements.size();
    const auto work = [&](size_t t) {
        Shard& shard = shards[t];
        shard.reader.emplace(main.baseDir(), std::vector<std::string>{}, shard.out, shard.placePaths, shard.problems);
        shard.reader->checkSourcesAgainst(&main.articles());
        for (size_t k = count * t / threads; k < count * (t + 1) / threads; ++k) {
            const auto [begin, end] = events->elements[k];
            try {
                shard.reader->readEvent(json::parse(text.data() + begin, text.data() + end), k);
            } catch (const json::exception&) {
                shard.failed = true;  // the serial parse will report it, with its position
                return;
            }
        }
        shard.reader->sortEvents();
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (std::thread& th : pool) th.join();
    for (const Shard& shard : shards)
        if (shard.failed) return std::nullopt;
    for (Shard& shard : shards) main.absorb(std::move(*shard.reader), shard.placePaths, shard.problems);
    return rest;
}

}  // namespace briefmap::model
