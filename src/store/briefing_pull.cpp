// Pull: the head with its arrays filled from the rows, in file order; the places and articles a
// partial read needs are those its events name.
#include "store/briefing_pull.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>

#include "model/briefing_writer.hpp"
#include "store/schema.hpp"

namespace briefmap::store {

using ordered = nlohmann::ordered_json;

namespace {

std::string envelope(double west, double south, double east, double north) {
    return "SRID=4326;POLYGON((" + std::to_string(west) + " " + std::to_string(south) + "," + std::to_string(east) + " " +
           std::to_string(south) + "," + std::to_string(east) + " " + std::to_string(north) + "," + std::to_string(west) + " " +
           std::to_string(north) + "," + std::to_string(west) + " " + std::to_string(south) + "))";
}

std::string jsonArray(const std::set<std::string>& values) { return nlohmann::json(values).dump(); }

}  // namespace

bool isContainedPath(const std::string& relative) {
    const std::filesystem::path p(relative);
    if (relative.empty() || p.is_absolute() || p.has_root_name()) return false;
    for (const auto& part : p)
        if (part == "..") return false;
    return true;
}

Result<std::string> resolveBriefingName(Connection& conn, const std::string& requested) {
    if (Status s = checkSchema(conn); !s) return s.error();
    Result<PgResult> r = conn.exec("SELECT name FROM briefmap_briefings ORDER BY name");
    if (!r) return r.error();
    std::vector<std::string> names;
    for (int i = 0; i < r->rows(); ++i) names.emplace_back(r->text(i, 0));
    const auto list = [&] {
        std::string all;
        for (const std::string& n : names) all += (all.empty() ? "" : ", ") + n;
        return all;
    };
    if (!requested.empty()) {
        for (const std::string& n : names)
            if (n == requested) return n;
        return Error{conn.address().shown + ": no briefing '" + requested + "' in the store" +
                     (names.empty() ? std::string(" (it holds none)") : " (it holds: " + list() + ")")};
    }
    if (names.empty()) return Error{conn.address().shown + ": the store holds no briefing yet (briefmap push adds one)"};
    if (names.size() > 1) return Error{conn.address().shown + ": the store holds " + std::to_string(names.size()) +
                                       " briefings (" + list() + "): add briefing=NAME to the address"};
    return names.front();
}

Result<PulledBriefing> pullBriefing(Connection& conn, const std::string& name, const StoreQuery& query) {
    PulledBriefing out;
    out.name = name;
    // One snapshot for every read below: a concurrent push is seen whole or not at all.
    Transaction tx(conn);
    if (Status s = tx.begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); !s) return s.error();
    Result<PgResult> head = conn.exec("SELECT head, version, file_text, file_json FROM briefmap_briefings WHERE name = $1", {name});
    if (!head) return head.error();
    if (head->rows() == 0) return Error{conn.address().shown + ": no briefing '" + name + "' in the store"};
    ordered whole;
    try {
        whole = ordered::parse(head->text(0, 0));
    } catch (const nlohmann::json::exception&) {
        return Error{conn.address().shown + ": briefing '" + name + "': its head is not JSON"};
    }
    out.versions.head = static_cast<int>(head->integer(0, 1));
    if (!head->isNull(0, 2)) out.fileText = std::string(head->text(0, 2));
    if (!head->isNull(0, 3)) out.fileJson = std::string(head->text(0, 3));

    std::optional<std::string> areaA, areaB, from, to;
    if (query.area) {
        const GeoBounds& a = *query.area;
        if (a.east > 180) {  // across the antimeridian: two boxes
            areaA = envelope(a.west, a.south, 180, a.north);
            areaB = envelope(-180, a.south, a.east - 360, a.north);
        } else {
            areaA = envelope(a.west, a.south, a.east, a.north);
        }
    }
    if (query.from) from = model::formatDay(*query.from);
    if (query.to) to = model::formatDay(*query.to);
    const bool partial = query.area || query.from || query.to || query.limit;
    Result<PgResult> events = conn.exec(
        "SELECT id, version, body FROM briefmap_events WHERE briefing = $1 "
        "AND (($2::date IS NULL AND $3::date IS NULL) OR days IS NULL OR days && daterange($2::date, $3::date, '[]')) "
        "AND ($4::geometry IS NULL OR geom IS NULL OR geom && $4::geometry OR ($5::geometry IS NOT NULL AND geom && $5::geometry)) "
        "ORDER BY ord, id" + std::string(query.limit ? " LIMIT " + std::to_string(query.limit + 1) : ""),
        {name, from, to, areaA, areaB});
    if (!events) return events.error();
    int n = events->rows();
    if (query.limit && static_cast<size_t>(n) > query.limit) {
        out.truncated = true;
        n = static_cast<int>(query.limit);
    }
    std::set<std::string> names, articleIds;
    ordered eventArray = ordered::array();
    for (int i = 0; i < n; ++i) {
        out.versions.events[std::string(events->text(i, 0))] = static_cast<int>(events->integer(i, 1));
        try {
            ordered body = ordered::parse(events->text(i, 2));
            if (partial) model::eventJsonReferences(body, names, articleIds);
            eventArray.push_back(std::move(body));
        } catch (const nlohmann::json::exception&) {
            return Error{conn.address().shown + ": event '" + std::string(events->text(i, 0)) + "': its body is not JSON"};
        }
    }
    out.events = static_cast<size_t>(n);
    if (partial) {
        // The whole time range, so that a window's slider spans the store and not only what was read.
        Result<PgResult> range = conn.exec("SELECT min(first_day) - date '1970-01-01', max(last_day) - date '1970-01-01' "
                                           "FROM briefmap_events WHERE briefing = $1", {name});
        if (!range) return range.error();
        if (range->rows() && !range->isNull(0, 0)) {
            out.firstDay = static_cast<model::DayNumber>(range->integer(0, 0));
            out.lastDay = static_cast<model::DayNumber>(range->integer(0, 1));
        }
    }
    Result<PgResult> places = partial ? conn.exec("SELECT body FROM briefmap_places WHERE briefing = $1 AND declared AND name IN "
                                                  "(SELECT jsonb_array_elements_text($2::jsonb)) ORDER BY ord, name",
                                                  {name, jsonArray(names)})
                                      : conn.exec("SELECT body FROM briefmap_places WHERE briefing = $1 AND declared ORDER BY ord, name", {name});
    if (!places) return places.error();
    ordered placeArray = ordered::array();
    for (int i = 0; i < places->rows(); ++i) placeArray.push_back(ordered::parse(places->text(i, 0), nullptr, false));
    Result<PgResult> articles = partial
        ? conn.exec("SELECT body, text, original FROM briefmap_articles WHERE briefing = $1 AND id IN "
                    "(SELECT jsonb_array_elements_text($2::jsonb)) ORDER BY ord, id", {name, jsonArray(articleIds)})
        : conn.exec("SELECT body, text, original FROM briefmap_articles WHERE briefing = $1 ORDER BY ord, id", {name});
    if (!articles) return articles.error();
    ordered articleArray = ordered::array();
    for (int i = 0; i < articles->rows(); ++i) {
        ordered body = ordered::parse(articles->text(i, 0), nullptr, false);
        if (!body.is_object() || !body.contains("file") || !body["file"].is_string())
            return Error{conn.address().shown + ": an article of '" + name + "' has no file"};
        out.files.push_back({body["file"].get<std::string>(), std::string(articles->text(i, 1))});
        if (!articles->isNull(i, 2) && body.contains("original") && body["original"].is_string()) {
            // bytea comes back in hex ("\x…").
            std::string_view hex = articles->text(i, 2);
            std::string bytes;
            if (hex.size() >= 2 && hex[0] == '\\' && hex[1] == 'x') {
                bytes.reserve((hex.size() - 2) / 2);
                const auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
                for (size_t k = 2; k + 1 < hex.size(); k += 2) bytes += static_cast<char>(nibble(hex[k]) * 16 + nibble(hex[k + 1]));
            }
            // An HTML page drafted from outside the briefing's folder ("../pages/a.html") is provenance,
            // not something the reader needs: its bytes stay in the store, nothing is written outside.
            const std::string original = body["original"].get<std::string>();
            if (isContainedPath(original)) out.files.push_back({original, std::move(bytes)});
            else out.notes.push_back("article '" + body.value("id", "") + "': original '" + original +
                                     "' lies outside the briefing's folder; kept in the store, not written");
        }
        articleArray.push_back(std::move(body));
    }
    for (const StoredFile& f : out.files)
        if (!isContainedPath(f.path))
            return Error{conn.address().shown + ": briefing '" + name + "': article file '" + f.path + "' leaves the briefing's folder"};
    if (whole.contains("articles") || !articleArray.empty()) whole["articles"] = std::move(articleArray);
    if (whole.contains("places") || !placeArray.empty()) whole["places"] = std::move(placeArray);
    whole["events"] = std::move(eventArray);
    out.json = whole.dump(2);
    if (Status s = tx.commit(); !s) return s.error();
    return out;
}

}  // namespace briefmap::store
