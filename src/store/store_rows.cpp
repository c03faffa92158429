// Rows from the model: bodies through the briefing writer (so a pull reads back what was pushed) and
// typed columns for SQL.
#include "store/store_rows.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/briefing_writer.hpp"

namespace briefmap::store {

using ordered = nlohmann::ordered_json;

namespace {

double wrapLon(double lon) {
    if (lon >= -180 && lon <= 180) return lon;
    lon = std::fmod(lon + 180.0, 360.0);
    if (lon < 0) lon += 360;
    return lon - 180;
}

void appendCoord(std::string& out, double lon, double lat) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.7g %.7g", wrapLon(lon), lat);
    out += buf;
}

// The event's points (places, flow ends and waypoints) and area rings, as one geometry.
std::optional<std::string> eventGeometry(const model::Briefing& b, const model::Event& e) {
    std::vector<uint32_t> places = e.places;
    if (e.flow) {
        places.push_back(e.flow->from);
        places.push_back(e.flow->to);
        places.insert(places.end(), e.flow->via.begin(), e.flow->via.end());
    }
    std::vector<std::string> parts;
    std::string points;
    for (uint32_t p : places) {
        if (p >= b.places.size() || !b.places[p].resolved) continue;
        if (!points.empty()) points += ',';
        points += '(';
        appendCoord(points, b.places[p].lon, b.places[p].lat);
        points += ')';
    }
    if (!points.empty()) parts.push_back("MULTIPOINT(" + points + ")");
    if (e.area)
        for (const Ring& ring : e.area->rings) {
            if (ring.size() < 3) continue;
            std::string poly = "POLYGON((";
            for (const LonLat& p : ring) {
                appendCoord(poly, p.lon, p.lat);
                poly += ',';
            }
            appendCoord(poly, ring.front().lon, ring.front().lat);  // closed, whether or not the ring repeats it
            poly += "))";
            parts.push_back(std::move(poly));
        }
    if (parts.empty()) return std::nullopt;
    if (parts.size() == 1) return "SRID=4326;" + parts.front();
    std::string all = "SRID=4326;GEOMETRYCOLLECTION(";
    for (size_t i = 0; i < parts.size(); ++i) all += (i ? "," : "") + parts[i];
    return all + ")";
}

std::optional<std::string> flowGeometry(const model::Briefing& b, const model::Flow& f) {
    std::vector<LonLat> line = f.line;
    if (line.empty()) {
        std::vector<uint32_t> stops{f.from};
        stops.insert(stops.end(), f.via.begin(), f.via.end());
        stops.push_back(f.to);
        for (uint32_t p : stops)
            if (p < b.places.size() && b.places[p].resolved) line.push_back({b.places[p].lon, b.places[p].lat});
    }
    if (line.size() < 2) return std::nullopt;
    std::string out = "SRID=4326;LINESTRING(";
    for (size_t i = 0; i < line.size(); ++i) {
        if (i) out += ',';
        appendCoord(out, line[i].lon, line[i].lat);
    }
    return out + ")";
}

std::optional<std::string> readBytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

std::string digestOf(std::string_view text) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

std::string pointEwkt(double lon, double lat) {
    std::string out = "SRID=4326;POINT(";
    appendCoord(out, lon, lat);
    return out + ")";
}

EventRow eventRow(const model::Briefing& b, const model::Event& e) {
    EventRow row;
    row.id = e.id;
    row.ord = static_cast<int>(e.order);
    row.body = model::eventJsonValue(b, e).dump();
    row.digest = digestOf(row.body);
    row.kind = std::string(model::eventKindName(e.kind));
    row.review = e.review == model::ReviewState::Draft ? "draft" : "reviewed";
    row.status = std::string(model::claimStatusName(e.status));
    if (!e.timeless) {
        row.firstDay = model::formatDay(e.startDay);
        row.lastDay = model::formatDay(e.endDay);
    }
    row.geom = eventGeometry(b, e);
    if (e.flow) row.flow = EventRow::FlowRow{std::string(model::cargoName(e.flow->cargo)), flowGeometry(b, *e.flow)};
    for (const model::Source& s : e.sources) {
        EventRow::SourceRow out;
        if (s.article < b.articles.size()) out.article = b.articles[s.article].id;
        out.start = s.start;
        out.end = s.end;
        out.quote = s.quote;
        out.citation = s.citation;
        row.sources.push_back(std::move(out));
    }
    return row;
}

namespace {

// A briefing holding only what is needed to write some of its members: the writer does the JSON.
model::Briefing lightCopy(const model::Briefing& b) {
    model::Briefing h;
    h.title = b.title;
    h.description = b.description;
    h.extras = b.extras;
    h.view = b.view;
    h.views = b.views;
    h.rejected = b.rejected;
    h.articles.reserve(b.articles.size());
    for (const model::Article& a : b.articles) {
        model::Article copy = a;
        copy.text.clear();  // not written; can be megabytes
        h.articles.push_back(std::move(copy));
    }
    return h;
}

}  // namespace

std::string headOf(const model::Briefing& b) {
    ordered head = ordered::parse(model::briefingJson(lightCopy(b)));
    for (const char* key : {"articles", "places", "events"}) head[key] = ordered::array();
    return head.dump();
}

namespace {

// A row from the element and its body as the writer wrote it; ord is its position in the file.
PlaceRow placeRowWith(const model::Place& p, int ord, std::optional<std::string> body) {
    PlaceRow row;
    row.name = p.name;
    row.ord = ord;
    row.declared = body.has_value();
    row.body = std::move(body);
    if (p.resolved) row.geom = pointEwkt(p.lon, p.lat);
    row.kind = p.kind;
    row.country = p.country;
    return row;
}

ArticleRow articleRowWith(const model::Article& a, int ord, std::string body, const std::string& briefingDir) {
    ArticleRow row;
    row.id = a.id;
    row.ord = ord;
    row.body = std::move(body);
    row.title = a.title;
    row.published = a.published.text();
    row.text = a.text;
    if (!a.original.empty() && !briefingDir.empty()) row.original = readBytes(std::filesystem::path(briefingDir) / a.original);
    row.digest = digestOf(row.body + '\n' + row.text + '\n' + row.original.value_or(""));
    return row;
}

}  // namespace

PlaceRow placeRow(const model::Briefing& b, uint32_t i) {
    const model::Place& p = b.places[i];
    std::optional<std::string> body;
    if (p.declared) {
        model::Briefing one;
        one.places.push_back(p);
        const ordered written = ordered::parse(model::briefingJson(one));
        if (written.contains("places") && !written["places"].empty()) body = written["places"][0].dump();
    }
    return placeRowWith(p, static_cast<int>(i), std::move(body));
}

ArticleRow articleRow(const model::Briefing& b, uint32_t i, const std::string& briefingDir) {
    model::Briefing one;
    one.articles.push_back(b.articles[i]);
    one.articles.back().text.clear();
    const ordered written = ordered::parse(model::briefingJson(one));
    return articleRowWith(b.articles[i], static_cast<int>(i), written["articles"][0].dump(), briefingDir);
}

BriefingRows briefingRows(const model::Briefing& b, const std::string& briefingDir) {
    BriefingRows rows;
    const ordered whole = ordered::parse(model::briefingJson(b));
    // The declarations as the file writes them, in its order.
    std::unordered_map<std::string, std::pair<int, std::string>> declared;
    if (whole.contains("places"))
        for (size_t k = 0; k < whole["places"].size(); ++k)
            declared[whole["places"][k].value("name", "")] = {static_cast<int>(k), whole["places"][k].dump()};
    if (whole.contains("articles"))
        for (size_t i = 0; i < whole["articles"].size() && i < b.articles.size(); ++i)
            rows.articles.push_back(articleRowWith(b.articles[i], static_cast<int>(i), whole["articles"][i].dump(), briefingDir));
    rows.head = headOf(b);
    rows.headDigest = digestOf(rows.head);
    for (size_t i = 0; i < b.places.size(); ++i) {
        auto d = declared.find(b.places[i].name);
        rows.places.push_back(d != declared.end() ? placeRowWith(b.places[i], d->second.first, d->second.second)
                                                  : placeRowWith(b.places[i], static_cast<int>(declared.size() + i), std::nullopt));
    }
    rows.events.reserve(b.events.size());
    for (const model::Event& e : b.events) rows.events.push_back(eventRow(b, e));
    return rows;
}

}  // namespace briefmap::store
