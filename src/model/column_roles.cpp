#include "model/column_roles.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace briefmap::model {

namespace {

constexpr std::array<std::string_view, kColumnRoles> kRoleNames = {
    "lat", "lon", "time", "end", "place", "kind", "subkind", "quantity", "unit", "text", "id", "actor1", "actor2",
    "source", "cargo", "status", "from_lat", "from_lon", "to_lat", "to_lon", "from", "to", "geometry", "precision"};

// Names each role goes by, normalized, best first: the first present wins, whatever its position.
const std::vector<std::vector<std::string_view>>& knownNames() {
    static const std::vector<std::vector<std::string_view>> names = {
        /* Lat */ {"latitude", "lat", "y", "ycoord", "ycoordinate", "decimallatitude", "latdd", "latdeg", "geolat", "actiongeolat"},
        /* Lon */ {"longitude", "lon", "lng", "long", "x", "xcoord", "xcoordinate", "decimallongitude", "londd", "londeg", "geolon", "geolong", "geolng", "actiongeolong"},
        /* Time */ {"eventdate", "date", "datetime", "time", "timestamp", "sqldate", "datestart", "startdate", "starttime", "start",
                    "begin", "begindate", "when", "acqdate", "datetimeutc", "occurredat", "occurred", "epoch",
                    "unixtime", "epochtime", "timestampms"},
        /* End */ {"dateend", "enddate", "endtime", "enddatetime", "end", "until", "stop", "stopdate"},
        /* Place */ {"location", "place", "placename", "locationname", "wherecoordinates", "actiongeofullname", "city", "town",
                     "village", "site", "locality", "lieu", "localite", "ville", "lugar", "ort", "name"},
        /* Kind */ {"kind", "eventtype", "type", "category", "eventcategory", "typeofviolence", "eventrootcode", "class"},
        /* SubKind */ {"subeventtype", "subtype", "subcategory", "eventcode"},
        /* Quantity */ {"quantity", "fatalities", "best", "deaths", "casualties", "killed", "count", "number"},
        /* Unit */ {"unit", "units"},
        /* Text */ {"notes", "summary", "description", "text", "comment", "comments", "details", "sourceheadline", "headline", "title", "desc"},
        /* Id */ {"id", "eventid", "eventidcnty", "globaleventid", "uid", "identifier", "fid"},
        /* Actor1 */ {"actor1", "sidea", "actor1name", "actor", "perpetrator"},
        /* Actor2 */ {"actor2", "sideb", "actor2name", "target"},
        /* Source */ {"attribution", "source", "sourceurl", "url", "sourceoffice", "link", "citation", "reference"},
        /* Cargo */ {"cargo"},
        /* Status */ {"status"},
        /* FromLat */ {}, /* FromLon */ {}, /* ToLat */ {}, /* ToLon */ {},
        /* FromPlace */ {"from", "origin", "fromplace"},
        /* ToPlace */ {"to", "destination", "toplace"},
        /* Geometry */ {},
        // How precisely a row is placed: ACLED's and UCDP's codes, or a distance (model/table_import).
        /* Precision */ {"geoprecision", "whereprec", "uncertaintykm", "precisionkm", "accuracykm", "locationaccuracykm"},
    };
    return names;
}

// Splits "ActionGeo_Lat", "pickup_latitude", "beginLon" into lower-case words.
std::vector<std::string> words(std::string_view name) {
    std::vector<std::string> out;
    std::string word;
    for (size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        const bool boundary = std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(name[i - 1]));
        if (!std::isalnum(c) || boundary) {
            if (!word.empty()) out.push_back(word);
            word.clear();
        }
        if (std::isalnum(c)) word += static_cast<char>(std::tolower(c));
    }
    if (!word.empty()) out.push_back(word);
    return out;
}

bool isOneOf(const std::string& w, std::initializer_list<std::string_view> set) {
    return std::find(set.begin(), set.end(), w) != set.end();
}

// A coordinate column with a qualifier: "pickup_latitude" → {key "pickup", lat}.
struct CoordinateColumn {
    std::string key;
    bool lat = false;
    int column = kNoColumn;
};

std::optional<CoordinateColumn> coordinateColumn(std::string_view name, int column) {
    const std::vector<std::string> ws = words(name);
    if (ws.size() < 2) return std::nullopt;
    int latWords = 0, lonWords = 0;
    std::string key;
    for (const std::string& w : ws) {
        if (isOneOf(w, {"lat", "latitude"})) ++latWords;
        else if (isOneOf(w, {"lon", "lng", "long", "longitude"})) ++lonWords;
        else key += (key.empty() ? "" : "_") + w;
    }
    if (latWords + lonWords != 1 || key.empty()) return std::nullopt;
    return CoordinateColumn{key, latWords == 1, column};
}

bool startLike(const std::string& key) {
    for (const std::string& w : words(key))
        if (isOneOf(w, {"pickup", "begin", "start", "from", "origin", "src", "departure", "launch", "source"})) return true;
    return false;
}

bool endLike(const std::string& key) {
    for (const std::string& w : words(key))
        if (isOneOf(w, {"dropoff", "end", "stop", "to", "destination", "dest", "target", "arrival", "impact"})) return true;
    return false;
}

std::string columnList(const std::vector<std::string>& columns) {
    std::string s;
    for (size_t i = 0; i < columns.size() && i < 60; ++i) s += (i ? ", " : "") + columns[i];
    if (columns.size() > 60) s += ", … (" + std::to_string(columns.size()) + " in all)";
    return s.empty() ? "(none)" : s;
}

bool dateLikeWords(const std::vector<std::string>& ws) {
    for (const std::string& w : ws)
        if (isOneOf(w, {"date", "time", "datetime", "timestamp"})) return true;
    return false;
}

bool endLikeWords(const std::vector<std::string>& ws) {
    for (const std::string& w : ws)
        if (isOneOf(w, {"end", "dropoff", "stop", "finish", "arrival", "until"})) return true;
    return false;
}

bool bookkeepingWords(const std::vector<std::string>& ws) {
    for (const std::string& w : ws)
        if (isOneOf(w, {"updated", "added", "modified", "created", "edited", "dateadded", "tz", "timezone", "precision", "prec"})) return true;
    return false;
}

}  // namespace

std::string_view columnRoleName(ColumnRole role) { return kRoleNames[static_cast<size_t>(role)]; }

std::optional<ColumnRole> columnRoleFromName(std::string_view name) {
    for (size_t i = 0; i < kColumnRoles; ++i)
        if (kRoleNames[i] == name) return static_cast<ColumnRole>(i);
    if (name == "latitude") return ColumnRole::Lat;
    if (name == "lng" || name == "longitude") return ColumnRole::Lon;
    if (name == "start" || name == "date") return ColumnRole::Time;
    return std::nullopt;
}

std::string normalizedColumnName(std::string_view name) {
    std::string out;
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    }
    return out;
}

Result<ColumnMapping> parseColumnMapping(std::string_view text) {
    ColumnMapping mapping;
    while (!text.empty()) {
        const size_t comma = text.find(',');
        const std::string_view item = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        if (item.empty()) continue;
        const size_t eq = item.find('=');
        if (eq == std::string_view::npos || eq == 0 || eq + 1 == item.size())
            return Error{"--columns: expected ROLE=COLUMN, got '" + std::string(item) + "'"};
        const std::optional<ColumnRole> role = columnRoleFromName(item.substr(0, eq));
        if (!role) {
            std::string roles;
            for (std::string_view r : kRoleNames) roles += (roles.empty() ? "" : ", ") + std::string(r);
            return Error{"--columns: unknown role '" + std::string(item.substr(0, eq)) + "'; roles: " + roles};
        }
        mapping.emplace_back(*role, std::string(item.substr(eq + 1)));
    }
    return mapping;
}

Result<ColumnPlan> planColumns(const std::vector<std::string>& columns, const ColumnMapping& mapping, bool hasNativeGeometry) {
    ColumnPlan plan;
    plan.column.fill(kNoColumn);
    std::vector<std::string> normalized;
    for (const std::string& c : columns) normalized.push_back(normalizedColumnName(c));
    const auto& names = knownNames();
    for (size_t r = 0; r < kColumnRoles; ++r)
        for (std::string_view want : names[r]) {
            const auto it = std::find(normalized.begin(), normalized.end(), want);
            if (it != normalized.end()) {
                plan.column[r] = static_cast<int>(it - normalized.begin());
                break;
            }
        }
    // One column, one role: a later role does not take a column an earlier one holds (GDELT's "x"?).
    const auto taken = [&](int c, size_t except) {
        for (size_t r = 0; r < kColumnRoles; ++r)
            if (r != except && plan.column[r] == c) return true;
        return false;
    };
    // Times by their words when no known name is there: "tpep_pickup_datetime", "Incident Date".
    for (size_t c = 0; c < columns.size(); ++c) {
        const std::vector<std::string> ws = words(columns[c]);
        if (!dateLikeWords(ws) || bookkeepingWords(ws) || taken(static_cast<int>(c), kColumnRoles)) continue;
        const ColumnRole role = endLikeWords(ws) ? ColumnRole::End : ColumnRole::Time;
        if (!plan.has(role)) plan.column[static_cast<size_t>(role)] = static_cast<int>(c);
    }
    if (plan.at(ColumnRole::End) == plan.at(ColumnRole::Time)) plan.column[static_cast<size_t>(ColumnRole::End)] = kNoColumn;

    // Qualified coordinate pairs.
    std::vector<CoordinateColumn> coords;
    for (size_t c = 0; c < columns.size(); ++c)
        if (auto cc = coordinateColumn(columns[c], static_cast<int>(c))) coords.push_back(*cc);
    struct Pair {
        std::string key;
        int lat = kNoColumn, lon = kNoColumn;
    };
    std::vector<Pair> pairs;
    for (const CoordinateColumn& cc : coords) {
        auto it = std::find_if(pairs.begin(), pairs.end(), [&](const Pair& p) { return p.key == cc.key; });
        if (it == pairs.end()) it = pairs.insert(pairs.end(), Pair{cc.key});
        (cc.lat ? it->lat : it->lon) = cc.column;
    }
    std::erase_if(pairs, [](const Pair& p) { return p.lat == kNoColumn || p.lon == kNoColumn; });
    const auto setPair = [&](ColumnRole lat, ColumnRole lon, const Pair& p) {
        plan.column[static_cast<size_t>(lat)] = p.lat;
        plan.column[static_cast<size_t>(lon)] = p.lon;
    };
    const auto pairName = [&](const Pair& p) { return columns[static_cast<size_t>(p.lat)] + "/" + columns[static_cast<size_t>(p.lon)]; };
    if (!pairs.empty()) {
        const auto action = std::find_if(pairs.begin(), pairs.end(), [](const Pair& p) { return p.key == "action_geo"; });
        const auto from = std::find_if(pairs.begin(), pairs.end(), [](const Pair& p) { return startLike(p.key); });
        const auto to = std::find_if(pairs.begin(), pairs.end(), [](const Pair& p) { return endLike(p.key); });
        const bool plain = plan.has(ColumnRole::Lat) && plan.has(ColumnRole::Lon);
        if (action != pairs.end()) {
            // GDELT: the action's place is where it happened; the actors' places stay attributes.
            if (!plain) {
                setPair(ColumnRole::Lat, ColumnRole::Lon, *action);
                plan.notes.push_back("events placed at " + pairName(*action));
            }
        } else if (from != pairs.end() && to != pairs.end() && from != to) {
            setPair(ColumnRole::FromLat, ColumnRole::FromLon, *from);
            setPair(ColumnRole::ToLat, ColumnRole::ToLon, *to);
            if (!plain) setPair(ColumnRole::Lat, ColumnRole::Lon, *from);
            plan.notes.push_back("flows from " + pairName(*from) + " to " + pairName(*to));
        } else if (!plain && pairs.size() >= 2) {
            setPair(ColumnRole::Lat, ColumnRole::Lon, pairs[0]);
            setPair(ColumnRole::FromLat, ColumnRole::FromLon, pairs[0]);
            setPair(ColumnRole::ToLat, ColumnRole::ToLon, pairs[1]);
            plan.notes.push_back("flows from " + pairName(pairs[0]) + " to " + pairName(pairs[1]));
        } else if (!plain) {
            setPair(ColumnRole::Lat, ColumnRole::Lon, pairs[0]);
            plan.notes.push_back("events placed at " + pairName(pairs[0]));
        }
    }

    // The user's word wins.
    for (const auto& [role, name] : mapping) {
        int found = kNoColumn;
        for (size_t c = 0; c < columns.size() && found == kNoColumn; ++c)
            if (columns[c] == name) found = static_cast<int>(c);
        for (size_t c = 0; c < columns.size() && found == kNoColumn; ++c)
            if (normalizedColumnName(columns[c]) == normalizedColumnName(name) && !normalizedColumnName(name).empty())
                found = static_cast<int>(c);
        if (found == kNoColumn && role != ColumnRole::Geometry)
            return Error{"--columns " + std::string(columnRoleName(role)) + "=" + name + ": no such column; columns: " +
                         columnList(columns)};
        for (size_t r = 0; r < kColumnRoles; ++r)
            if (plan.column[r] == found) plan.column[r] = kNoColumn;  // the column now means only this
        plan.column[static_cast<size_t>(role)] = found;
    }

    // Everything missing, said at once.
    std::vector<std::string> missing;
    const bool lat = plan.has(ColumnRole::Lat), lon = plan.has(ColumnRole::Lon);
    if (lat && !lon) missing.push_back("a longitude column (lon, lng, long, longitude, x) to go with '" + columns[static_cast<size_t>(plan.at(ColumnRole::Lat))] + "'");
    if (lon && !lat) missing.push_back("a latitude column (lat, latitude, y) to go with '" + columns[static_cast<size_t>(plan.at(ColumnRole::Lon))] + "'");
    if (!lat && !lon && !hasNativeGeometry && !plan.has(ColumnRole::Place))
        missing.push_back("coordinates: latitude and longitude columns (lat/latitude/y and lon/lng/longitude/x), a WKT "
                          "geometry column (geometry, the_geom, wkt) or a place-name column (location, place, name)");
    if (!missing.empty()) {
        std::string message = "missing ";
        for (size_t i = 0; i < missing.size(); ++i) message += (i ? "; and " : "") + missing[i];
        return Error{message + "; columns found: " + columnList(columns) + "; map them with --columns lat=…,lon=…"};
    }
    return plan;
}

}  // namespace briefmap::model
