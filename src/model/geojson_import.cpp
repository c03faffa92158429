#include "model/geojson_import.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "model/json_fields.hpp"

namespace briefmap::model {

using nlohmann::json;

namespace {

std::string coordinateName(double lat, double lon) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f°%c %.2f°%c", std::abs(lat), lat >= 0 ? 'N' : 'S', std::abs(lon),
                  lon >= 0 ? 'E' : 'W');
    return buf;
}

bool readPosition(const json& p, double& lon, double& lat) {
    if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) return false;
    lon = p[0].get<double>();
    lat = p[1].get<double>();
    return std::isfinite(lon) && std::isfinite(lat) && std::abs(lat) <= 90 && std::abs(lon) <= 180;
}

EventKind defaultKind(Cargo cargo) {
    switch (cargo) {
    case Cargo::Troops: return EventKind::TroopDeployment;
    case Cargo::Munitions:
    case Cargo::Missiles: return EventKind::MunitionsTransfer;
    case Cargo::Technology: return EventKind::TechnologyTransfer;
    case Cargo::AidEnergy: return EventKind::AidTrade;
    default: return EventKind::Visit;
    }
}

std::optional<std::string> firstString(const json& props, std::initializer_list<const char*> keys) {
    for (const char* k : keys) {
        const auto it = props.find(k);
        if (it != props.end() && it->is_string() && !it->get_ref<const std::string&>().empty()) return it->get<std::string>();
    }
    return std::nullopt;
}

// Dates may be strings or epoch timestamps (kepler.gl writes milliseconds).
std::optional<PartialDate> readDate(const json& props, const std::string& path, const char* key,
                                    JsonFields& fields) {
    const auto it = props.find(key);
    if (it == props.end() || it->is_null()) return std::nullopt;
    const std::string at = JsonFields::join(path, key);
    if (it->is_number()) {
        double t = it->get<double>();
        if (std::abs(t) > 1e11) t /= 1000;
        if (!std::isfinite(t) || std::abs(t) > 2.5e11) {
            fields.problem(at, "timestamp out of range");
            return std::nullopt;
        }
        return dateOfDay(static_cast<DayNumber>(std::floor(t / 86400)));
    }
    if (!it->is_string()) {
        fields.problem(at, std::string("expected a date string or a timestamp, got ") + JsonFields::typeName(*it));
        return std::nullopt;
    }
    Result<PartialDate> d = parseImportedDate(it->get<std::string>());
    if (!d) {
        fields.problem(at, d.error().message);
        return std::nullopt;
    }
    return *d;
}

}  // namespace

Result<PartialDate> parseImportedDate(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    if (s.size() > 10 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == ' ')) s = s.substr(0, 10);
    if (Result<PartialDate> d = parsePartialDate(s)) return d;
    // "02 January 2024" / "2 Jan 2024" (ACLED spreadsheets)
    static constexpr std::array<const char*, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                            "jul", "aug", "sep", "oct", "nov", "dec"};
    int day = 0, year = 0;
    char month[16] = {};
    int used = 0;
    const std::string copy(s.substr(0, 40));
    if (std::sscanf(copy.c_str(), "%2d %15s %4d%n", &day, month, &year, &used) == 3 &&
        used == static_cast<int>(copy.size())) {
        for (size_t m = 0; m < 12; ++m) {
            std::string name(month);
            for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (name.size() >= 3 && name.compare(0, 3, kMonths[m]) == 0) {
                char iso[16];
                std::snprintf(iso, sizeof iso, "%04d-%02zu-%02d", year, m + 1, day);
                if (Result<PartialDate> d = parsePartialDate(iso)) return d;
            }
        }
    }
    return Error{"expected a date like 2024-01-02 or 02 January 2024, got '" + copy + "'"};
}

uint32_t placeAt(Briefing& out, std::string name, double lat, double lon, const std::string& why,
                 std::vector<PlaceRef>& placePaths, const std::string& path) {
    if (name.empty()) name = coordinateName(lat, lon);
    uint32_t index = out.findPlace(name);
    // The same name at other coordinates (two villages called Ivanovka) is a different place.
    if (index != kNone && out.places[index].overridden &&
        (std::abs(out.places[index].lat - lat) > 1e-6 || std::abs(out.places[index].lon - lon) > 1e-6))
        name += " (" + coordinateName(lat, lon) + ")";
    index = internPlace(out, name);
    if (index == placePaths.size()) {
        placePaths.push_back({path});
        Place& p = out.places[index];
        p.lat = lat;
        p.lon = lon;
        p.resolved = p.overridden = true;
        p.why = why;
    }
    return index;
}

void readGeoJson(const json& doc, const std::string& file, Briefing& out, std::vector<PlaceRef>& placePaths,
                 Diagnostics& problems) {
    JsonFields fields(problems);
    out.title = firstString(doc, {"title", "name"}).value_or(file);
    const json* features = fields.member(doc, "", "features", json::value_t::array, true);
    if (!features) return;
    const std::string fileName = std::filesystem::path(file).filename().string();
    for (size_t i = 0; i < features->size(); ++i) {
        const json& f = (*features)[i];
        const std::string path = JsonFields::join("features", i);
        if (!f.is_object() || f.value("type", "") != "Feature") {
            fields.problem(path, "expected a Feature object");
            continue;
        }
        static const json kEmpty = json::object();
        const json* propsPtr = fields.member(f, path, "properties", json::value_t::object, false);
        const json& props = propsPtr ? *propsPtr : kEmpty;
        const std::string propsPath = JsonFields::join(path, "properties");
        Event event;
        event.id = firstString(props, {"id"}).value_or(fileName + "#" + std::to_string(i + 1));
        const auto start = readDate(props, propsPath, props.contains("time") ? "time" : props.contains("start") ? "start" : "date", fields);
        if (!start) {
            if (!props.contains("time") && !props.contains("start") && !props.contains("date"))
                fields.problem(JsonFields::join(propsPath, "time"), "missing: a feature needs a time, start or date");
            continue;
        }
        event.start = event.end = *start;
        if (auto end = readDate(props, propsPath, "end", fields)) event.end = *end;
        event.precision = !event.start.month ? DatePrecision::Year : !event.start.day ? DatePrecision::Month : DatePrecision::Day;
        event.startDay = event.start.firstDay();
        event.endDay = event.end.lastDay();
        if (event.endDay < event.startDay) {
            fields.problem(JsonFields::join(propsPath, "end"), "before the start");
            continue;
        }
        std::optional<Cargo> cargo;
        if (auto c = firstString(props, {"cargo"})) {
            cargo = cargoFromName(*c);
            if (!cargo) fields.problem(JsonFields::join(propsPath, "cargo"), "unknown cargo '" + *c + "'");
        }
        const json* geometry = f.contains("geometry") && f["geometry"].is_object() ? &f["geometry"] : nullptr;
        const std::string geomType = geometry ? geometry->value("type", "") : "";
        const std::string geomPath = JsonFields::join(path, "geometry");
        const std::string why = "coordinates from " + fileName + " feature " + std::to_string(i + 1);
        const auto name = firstString(props, {"place", "name", "location"});
        if (geomType == "Point") {
            double lon = 0, lat = 0;
            if (!readPosition(geometry->value("coordinates", json()), lon, lat)) {
                fields.problem(JsonFields::join(geomPath, "coordinates"), "expected [lon, lat] within ±180, ±90");
                continue;
            }
            event.places.push_back(placeAt(out, name.value_or(""), lat, lon, why, placePaths, geomPath));
        } else if (geomType == "LineString") {
            const json coords = geometry->value("coordinates", json());
            std::vector<std::pair<double, double>> points;
            bool ok = coords.is_array() && coords.size() >= 2;
            for (size_t k = 0; ok && k < coords.size(); ++k) {
                double lon = 0, lat = 0;
                ok = readPosition(coords[k], lon, lat);
                points.emplace_back(lat, lon);
            }
            if (!ok) {
                fields.problem(JsonFields::join(geomPath, "coordinates"), "expected two or more [lon, lat] positions within ±180, ±90");
                continue;
            }
            Flow flow;
            flow.cargo = cargo.value_or(Cargo::Munitions);
            flow.from = placeAt(out, firstString(props, {"from"}).value_or(""), points.front().first, points.front().second, why, placePaths, geomPath);
            flow.to = placeAt(out, firstString(props, {"to"}).value_or(""), points.back().first, points.back().second, why, placePaths, geomPath);
            for (size_t k = 1; k + 1 < points.size(); ++k)
                flow.via.push_back(placeAt(out, "", points[k].first, points[k].second, why, placePaths, geomPath));
            if (flow.from == flow.to) {
                fields.problem(geomPath, "a flow must end somewhere else than it starts");
                continue;
            }
            event.flow = flow;
        } else if (!geometry && name) {
            event.places.push_back(internPlace(out, *name));  // geocoded later
            if (event.places.back() == placePaths.size()) placePaths.push_back({propsPath});
        } else {
            fields.problem(geomPath, geometry ? "unsupported geometry '" + geomType + "'; expected Point or LineString"
                                              : "missing: a feature needs a geometry or a place name");
            continue;
        }
        if (auto k = firstString(props, {"kind"})) {
            if (auto kind = eventKindFromName(*k)) event.kind = *kind;
            else fields.problem(JsonFields::join(propsPath, "kind"), "unknown kind '" + *k + "'");
        } else {
            event.kind = event.flow ? defaultKind(event.flow->cargo) : EventKind::Statement;
        }
        event.summary = firstString(props, {"summary", "title", "description", "notes"}).value_or(event.id);
        if (props.contains("quantity") && props["quantity"].is_number()) {
            Quantity q;
            q.value = std::max(0.0, props["quantity"].get<double>());
            q.unit = firstString(props, {"unit"}).value_or("");
            event.quantity = q;
        }
        event.actors = fields.strings(props, propsPath, "actors");
        event.attribution = fields.strings(props, propsPath, props.contains("attribution") ? "attribution" : "source");
        if (auto s = firstString(props, {"status"})) {
            if (auto status = claimStatusFromName(*s)) event.status = *status;
            else fields.problem(JsonFields::join(propsPath, "status"), "unknown status '" + *s + "'");
        }
        Source source;
        source.quote = firstString(props, {"quote", "notes", "description"}).value_or("");
        source.citation = fileName + " feature " + std::to_string(i + 1);
        if (auto src = firstString(props, {"source", "url"})) source.citation += ": " + *src;
        event.sources.push_back(std::move(source));
        out.events.push_back(std::move(event));
    }
}

}  // namespace briefmap::model
