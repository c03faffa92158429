#include "model/geojson_export.hpp"

#include <cmath>

namespace briefmap::model {

using nlohmann::json;

namespace {

double rounded(double v) { return std::round(v * 1e6) / 1e6; }

std::string joined(const std::vector<std::string>& items) {
    std::string s;
    for (const std::string& i : items) s += (s.empty() ? "" : "; ") + i;
    return s;
}

json position(const Place& p) { return json::array({rounded(p.lon), rounded(p.lat)}); }

}  // namespace

json briefingToGeoJson(const Briefing& b) {
    json features = json::array();
    for (const Event& e : b.events) {
        json geometry;
        json placeNames = json::array();
        if (e.area) {
            // Rings as read (even-odd); one Polygon per ring group is not known here, so a MultiPolygon
            // of one polygon holding every ring keeps the holes where they were.
            json rings = json::array();
            for (const Ring& ring : e.area->rings) {
                json r = json::array();
                for (const LonLat& v : ring) r.push_back(json::array({rounded(v.lon), rounded(v.lat)}));
                rings.push_back(std::move(r));
            }
            geometry = {{"type", "Polygon"}, {"coordinates", std::move(rings)}};
        } else if (e.flow) {
            json line = json::array();
            if (!e.flow->line.empty()) {
                for (const LonLat& v : e.flow->line) line.push_back(json::array({rounded(v.lon), rounded(v.lat)}));
            } else {
                line.push_back(position(b.places[e.flow->from]));
                for (uint32_t v : e.flow->via) line.push_back(position(b.places[v]));
                line.push_back(position(b.places[e.flow->to]));
            }
            // RFC 7946 §3.1.9: a line crossing the antimeridian is cut into a MultiLineString; here the
            // longitudes are unwrapped instead and kept continuous, which QGIS and kepler.gl draw right.
            for (size_t i = 1; i < line.size(); ++i) {
                double lon = line[i][0].get<double>();
                const double prev = line[i - 1][0].get<double>();
                while (lon - prev > 180) lon -= 360;
                while (lon - prev < -180) lon += 360;
                line[i][0] = lon;
            }
            geometry = {{"type", "LineString"}, {"coordinates", line}};
        } else if (e.places.size() == 1) {
            geometry = {{"type", "Point"}, {"coordinates", position(b.places[e.places[0]])}};
        } else {
            json points = json::array();
            for (uint32_t p : e.places) points.push_back(position(b.places[p]));
            geometry = {{"type", "MultiPoint"}, {"coordinates", points}};
        }
        for (uint32_t p : e.places) placeNames.push_back(b.places[p].name);
        json props = {{"id", e.id},
                      {"kind", eventKindName(e.kind)},
                      {"summary", e.summary},
                      {"places", placeNames},
                      {"actors", joined(e.actors)},
                      {"attribution", joined(e.attribution)},
                      {"status", claimStatusName(e.status)}};
        if (!e.timeless) {  // a feature without a time stays without one (kepler.gl and QGIS show it always)
            props["start"] = formatDay(e.startDay);
            props["end"] = formatDay(e.endDay);
            props["date_as_given"] = e.start == e.end ? e.start.text() : e.start.text() + "/" + e.end.text();
            props["precision"] = datePrecisionName(e.precision);
        }
        if (!e.sourceType.empty()) props["source_type"] = e.sourceType;
        if (e.attributeRow != kNone)
            for (size_t c = 0; c < b.attributes.columns.size(); ++c) {
                const std::string& name = b.attributes.columns[c];
                if (!props.contains(name)) props[name] = std::string(b.attributes.value(e.attributeRow, c));
            }
        if (e.flow) {
            props["cargo"] = cargoName(e.flow->cargo);
            props["from"] = b.places[e.flow->from].name;
            props["to"] = b.places[e.flow->to].name;
        }
        if (e.quantity) {
            props["quantity"] = e.quantity->value;
            props["unit"] = e.quantity->unit;
            props["quantity_text"] = e.quantity->text;
        }
        json sources = json::array();
        for (const Source& s : e.sources) {
            json js = {{"quote", s.quote}};
            if (s.article != kNone) {
                const Article& a = b.articles[s.article];
                js["article"] = a.id;
                js["title"] = a.title;
                js["outlet"] = a.outlet;
                js["published"] = a.published.text();
                js["start"] = s.start;
                js["end"] = s.end;
            } else {
                js["citation"] = s.citation;
            }
            sources.push_back(std::move(js));
        }
        if (!e.sources.empty()) props["quote"] = e.sources.front().quote;
        props["sources"] = std::move(sources);
        features.push_back({{"type", "Feature"}, {"geometry", std::move(geometry)}, {"properties", std::move(props)}});
    }
    json out = {{"type", "FeatureCollection"}, {"features", std::move(features)}};
    if (!b.title.empty()) out["title"] = b.title;
    return out;
}

}  // namespace briefmap::model
