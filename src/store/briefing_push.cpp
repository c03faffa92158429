// One transaction per push: the briefing's row is locked first (FOR UPDATE), so writers of one
// briefing take turns and a version read under the lock is still current when it is written; rows go
// in through COPY into temporary tables and one INSERT … ON CONFLICT each.
#include "store/briefing_push.hpp"

#include <nlohmann/json.hpp>

#include <unordered_set>

#include "model/briefing_writer.hpp"
#include "store/schema.hpp"
#include "store/store_rows.hpp"

namespace briefmap::store {

namespace {

void field(std::string& row, const std::optional<std::string>& v) {
    if (v) appendCopyField(row, *v);
    else row += kCopyNull;
}
void field(std::string& row, const std::string& v) { appendCopyField(row, v); }
void next(std::string& row) { row += '\t'; }
void end(std::string& row) { row += '\n'; }

// bytea's text input: "\\x" and two hex digits a byte.
std::string byteaHex(std::string_view bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out = "\\x";
    out.reserve(2 + bytes.size() * 2);
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

std::string jsonArray(const std::vector<std::string>& ids) { return nlohmann::json(ids).dump(); }

struct StoredEvent {
    int version = 0;
    std::string digest;
};

Result<std::unordered_map<std::string, StoredEvent>> storedEvents(Connection& conn, const std::string& name,
                                                                  const std::vector<std::string>& ids, bool all) {
    Result<PgResult> r = all ? conn.exec("SELECT id, version, digest FROM briefmap_events WHERE briefing = $1", {name})
                             : conn.exec("SELECT id, version, digest FROM briefmap_events WHERE briefing = $1 AND id IN "
                                         "(SELECT jsonb_array_elements_text($2::jsonb))",
                                         {name, jsonArray(ids)});
    if (!r) return r.error();
    std::unordered_map<std::string, StoredEvent> out;
    out.reserve(static_cast<size_t>(r->rows()));
    for (int i = 0; i < r->rows(); ++i)
        out.emplace(std::string(r->text(i, 0)), StoredEvent{static_cast<int>(r->integer(i, 1)), std::string(r->text(i, 2))});
    return out;
}

Status writeEvents(Connection& conn, const std::string& name, const std::vector<const EventRow*>& rows) {
    if (rows.empty()) return Done{};
    if (Status s = conn.execScript("CREATE TEMP TABLE IF NOT EXISTS briefmap_incoming_events (id text, ord integer, digest text, "
                                   "kind text, review text, status text, first_day date, last_day date, geom geometry, body json) "
                                   "ON COMMIT DROP; CREATE TEMP TABLE IF NOT EXISTS briefmap_incoming_flows (event_id text, cargo text, "
                                   "geom geometry) ON COMMIT DROP; CREATE TEMP TABLE IF NOT EXISTS briefmap_incoming_sources "
                                   "(event_id text, n integer, article_id text, start_byte integer, end_byte integer, quote text, "
                                   "citation text) ON COMMIT DROP");
        !s)
        return s;
    std::string events, flows, sources;
    for (const EventRow* e : rows) {
        field(events, e->id), next(events), events += std::to_string(e->ord), next(events), field(events, e->digest), next(events);
        field(events, e->kind), next(events), field(events, e->review), next(events), field(events, e->status), next(events);
        field(events, e->firstDay), next(events), field(events, e->lastDay), next(events), field(events, e->geom), next(events);
        field(events, e->body), end(events);
        if (e->flow) {
            field(flows, e->id), next(flows), field(flows, e->flow->cargo), next(flows), field(flows, e->flow->geom), end(flows);
        }
        for (size_t n = 0; n < e->sources.size(); ++n) {
            const EventRow::SourceRow& s = e->sources[n];
            field(sources, e->id), next(sources), sources += std::to_string(n), next(sources), field(sources, s.article), next(sources);
            sources += std::to_string(s.start), next(sources), sources += std::to_string(s.end), next(sources);
            field(sources, s.quote), next(sources), field(sources, s.citation), end(sources);
        }
    }
    if (Status s = conn.copyIn("COPY briefmap_incoming_events FROM STDIN", events); !s) return s;
    if (Status s = conn.copyIn("COPY briefmap_incoming_flows FROM STDIN", flows); !s) return s;
    if (Status s = conn.copyIn("COPY briefmap_incoming_sources FROM STDIN", sources); !s) return s;
    // A rewritten event's flows and sources are replaced whole.
    if (Result<PgResult> r = conn.exec("DELETE FROM briefmap_flows f USING briefmap_incoming_events i WHERE f.briefing = $1 AND f.event_id = i.id", {name}); !r)
        return r.error();
    if (Result<PgResult> r = conn.exec("DELETE FROM briefmap_sources s USING briefmap_incoming_events i WHERE s.briefing = $1 AND s.event_id = i.id", {name}); !r)
        return r.error();
    if (Result<PgResult> r = conn.exec(
            "INSERT INTO briefmap_events AS e (briefing, id, ord, digest, kind, review, status, first_day, last_day, geom, body) "
            "SELECT $1, id, ord, digest, kind, review, status, first_day, last_day, geom, body FROM briefmap_incoming_events "
            "ON CONFLICT (briefing, id) DO UPDATE SET ord = EXCLUDED.ord, version = e.version + 1, digest = EXCLUDED.digest, "
            "kind = EXCLUDED.kind, review = EXCLUDED.review, status = EXCLUDED.status, first_day = EXCLUDED.first_day, "
            "last_day = EXCLUDED.last_day, geom = EXCLUDED.geom, body = EXCLUDED.body, updated_at = now(), updated_by = current_user",
            {name});
        !r)
        return r.error();
    if (Result<PgResult> r = conn.exec("INSERT INTO briefmap_flows (briefing, event_id, cargo, geom) SELECT $1, event_id, cargo, geom "
                                       "FROM briefmap_incoming_flows", {name});
        !r)
        return r.error();
    if (Result<PgResult> r = conn.exec("INSERT INTO briefmap_sources (briefing, event_id, n, article_id, start_byte, end_byte, quote, citation) "
                                       "SELECT $1, event_id, n, article_id, start_byte, end_byte, quote, citation FROM briefmap_incoming_sources",
                                       {name});
        !r)
        return r.error();
    return conn.execScript("TRUNCATE briefmap_incoming_events, briefmap_incoming_flows, briefmap_incoming_sources");
}

Status writePlaces(Connection& conn, const std::string& name, const std::vector<PlaceRow>& places) {
    if (places.empty()) return Done{};
    if (Status s = conn.execScript("CREATE TEMP TABLE IF NOT EXISTS briefmap_incoming_places (name text, ord integer, declared boolean, "
                                   "body json, geom geometry, kind text, country text) ON COMMIT DROP");
        !s)
        return s;
    std::string rows;
    for (const PlaceRow& p : places) {
        field(rows, p.name), next(rows), rows += std::to_string(p.ord), next(rows), rows += p.declared ? "t" : "f", next(rows);
        field(rows, p.body), next(rows), field(rows, p.geom), next(rows), field(rows, p.kind), next(rows), field(rows, p.country), end(rows);
    }
    if (Status s = conn.copyIn("COPY briefmap_incoming_places FROM STDIN", rows); !s) return s;
    // A declaration made by another writer is kept when this one only names the place.
    Result<PgResult> r = conn.exec(
        "INSERT INTO briefmap_places AS p (briefing, name, ord, declared, body, geom, kind, country) "
        "SELECT $1, name, ord, declared, body, geom, kind, country FROM briefmap_incoming_places "
        "ON CONFLICT (briefing, name) DO UPDATE SET ord = CASE WHEN EXCLUDED.declared THEN EXCLUDED.ord ELSE p.ord END, "
        "declared = p.declared OR EXCLUDED.declared, body = coalesce(EXCLUDED.body, p.body), geom = EXCLUDED.geom, "
        "kind = EXCLUDED.kind, country = EXCLUDED.country "
        "WHERE p.body::text IS DISTINCT FROM coalesce(EXCLUDED.body, p.body)::text OR NOT ST_OrderingEquals(p.geom, EXCLUDED.geom) "
        "OR (p.geom IS NULL) <> (EXCLUDED.geom IS NULL) OR p.declared <> (p.declared OR EXCLUDED.declared)",
        {name});
    if (!r) return r.error();
    return conn.execScript("TRUNCATE briefmap_incoming_places");
}

Status writeArticles(Connection& conn, const std::string& name, const std::vector<ArticleRow>& articles) {
    for (const ArticleRow& a : articles) {
        Result<PgResult> r = conn.exec(
            "INSERT INTO briefmap_articles AS a (briefing, id, ord, body, digest, title, published, text, original) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (briefing, id) DO UPDATE SET "
            "ord = EXCLUDED.ord, body = EXCLUDED.body, digest = EXCLUDED.digest, title = EXCLUDED.title, "
            "published = EXCLUDED.published, text = EXCLUDED.text, original = EXCLUDED.original WHERE a.digest <> EXCLUDED.digest",
            {name, a.id, std::to_string(a.ord), a.body, a.digest, a.title, a.published, a.text,
             a.original ? std::optional<std::string>(byteaHex(*a.original)) : std::nullopt});
        if (!r) return r.error();
    }
    return Done{};
}

}  // namespace

namespace {

// The write shared by a whole push and an edit's write-through: `rows` are the events (and places,
// articles) written, `removed` the ids the writer took out; the head is written when `withHead`.
// `fileJson`: the canonical JSON of the file pushed (empty: no file).
Result<PushReport> writeRows(Connection& conn, const BriefingRows& rows, bool withHead, const std::vector<std::string>& removed,
                             const BaseVersions& base, const PushOptions& options, const std::string& fileJson) {
    PushReport report;
    Transaction tx(conn);
    if (Status s = tx.begin(); !s) return s.error();
    const std::string& name = options.name;
    Result<PgResult> head = conn.exec("SELECT version, head_digest FROM briefmap_briefings WHERE name = $1 FOR UPDATE", {name});
    if (!head) return head.error();
    if (head->rows() == 0 && !withHead)
        return Error{conn.address().shown + ": briefing '" + name + "' is no longer in the store; nothing written"};
    if (head->rows() == 0) {
        Result<PgResult> r = conn.exec("INSERT INTO briefmap_briefings (name, head, head_digest, file_text, file_json) VALUES ($1, $2, $3, $4, $5)",
                                       {name, rows.head, rows.headDigest,
                                        options.fileText.empty() ? std::nullopt : std::optional<std::string>(options.fileText),
                                        fileJson.empty() ? std::nullopt : std::optional<std::string>(fileJson)});
        if (!r) return r.error();
        report.headChanged = true;
        report.versions.head = 1;
    } else {
        const int version = static_cast<int>(head->integer(0, 0));
        report.versions.head = version;
        if (withHead && head->text(0, 1) != rows.headDigest) {
            if (base.head != version && !options.force)
                report.conflicts.push_back(base.head == 0
                    ? "briefing '" + name + "' is already in the store and this file was never pulled from it: pull it first, "
                      "push under another --name, or --force to replace"
                    : "the briefing's own fields (title, description, views, rejected drafts) changed in the store since you "
                      "last pulled (version " + std::to_string(version) + ", yours " + std::to_string(base.head) + ")");
            report.headChanged = true;
            report.versions.head = version + 1;
        }
    }
    // Which events this write touches, and the store's versions of them.
    std::vector<std::string> ids;
    ids.reserve(rows.events.size() + base.events.size());
    for (const EventRow& e : rows.events) ids.push_back(e.id);
    for (const std::string& id : removed) ids.push_back(id);
    Result<std::unordered_map<std::string, StoredEvent>> stored = storedEvents(conn, name, ids, ids.size() > 20000);
    if (!stored) return stored.error();
    std::vector<const EventRow*> toWrite;
    std::unordered_set<std::string> mine;
    for (const EventRow& e : rows.events) {
        mine.insert(e.id);
        auto s = stored->find(e.id);
        if (s == stored->end()) {
            ++report.inserted;
            toWrite.push_back(&e);
            report.versions.events[e.id] = 1;
            continue;
        }
        if (s->second.digest == e.digest) {
            ++report.unchanged;
            report.versions.events[e.id] = s->second.version;
            continue;
        }
        auto b = base.events.find(e.id);
        const int seen = b == base.events.end() ? 0 : b->second;
        if (seen != s->second.version && !options.force)
            report.conflictingEvents.push_back(e.id);
        if (seen != s->second.version && !options.force)
            report.conflicts.push_back("event '" + e.id + "': changed in the store since you " +
                                       (seen ? "saw version " + std::to_string(seen) : std::string("last pulled")) +
                                       " (now version " + std::to_string(s->second.version) + ")");
        ++report.updated;
        toWrite.push_back(&e);
        report.versions.events[e.id] = s->second.version + 1;
    }
    std::vector<std::string> deleted;
    for (const std::string& id : removed) {
        if (mine.count(id)) continue;
        auto s = stored->find(id);
        if (s == stored->end()) continue;  // already gone
        auto b = base.events.find(id);
        if (b == base.events.end()) continue;  // never seen by this writer: not its to remove
        if (s->second.version != b->second && !options.force) {
            report.conflictingEvents.push_back(id);
            report.conflicts.push_back("event '" + id + "': you removed it, but it changed in the store since version " +
                                       std::to_string(b->second) + " (now " + std::to_string(s->second.version) + ")");
            continue;
        }
        deleted.push_back(id);
    }
    if (!report.conflicts.empty()) return report;  // the transaction rolls back: nothing written
    if (report.headChanged && head->rows() != 0)
        if (Result<PgResult> r = conn.exec("UPDATE briefmap_briefings SET head = $2, head_digest = $3, version = version + 1, "
                                           "updated_at = now(), updated_by = current_user WHERE name = $1",
                                           {name, rows.head, rows.headDigest});
            !r)
            return r.error();
    if (!options.fileText.empty() && head->rows() != 0)
        if (Result<PgResult> r = conn.exec("UPDATE briefmap_briefings SET file_text = $2, file_json = $3 WHERE name = $1",
                                           {name, options.fileText, fileJson});
            !r)
            return r.error();
    if (Status s = writeArticles(conn, name, rows.articles); !s) return s.error();
    if (Status s = writePlaces(conn, name, rows.places); !s) return s.error();
    if (!deleted.empty()) {
        if (Result<PgResult> r = conn.exec("DELETE FROM briefmap_events WHERE briefing = $1 AND id IN (SELECT jsonb_array_elements_text($2::jsonb))",
                                           {name, jsonArray(deleted)});
            !r)
            return r.error();
        report.deleted = deleted.size();
    }
    if (Status s = writeEvents(conn, name, toWrite); !s) return s.error();
    if (Status s = tx.commit(); !s) return s.error();
    return report;
}

}  // namespace

Result<PushReport> pushBriefing(Connection& conn, const model::Briefing& briefing, const BaseVersions& base,
                                const PushOptions& options) {
    if (Status s = migrateSchema(conn); !s) return s.error();
    const BriefingRows rows = briefingRows(briefing, options.briefingDir);
    std::unordered_set<std::string> mine;
    for (const EventRow& e : rows.events) mine.insert(e.id);
    std::vector<std::string> removed;
    for (const auto& [id, v] : base.events)
        if (!mine.count(id)) removed.push_back(id);
    return writeRows(conn, rows, true, removed, base, options, options.fileText.empty() ? std::string() : model::briefingJson(briefing));
}

Result<PushReport> writeChanges(Connection& conn, const model::Briefing& briefing, const model::Touched& touched,
                                const BaseVersions& base, const PushOptions& options) {
    if (touched.everything) return pushBriefing(conn, briefing, base, options);
    BriefingRows rows;
    std::vector<std::string> removed;
    std::unordered_set<std::string> seen;
    std::unordered_set<uint32_t> places;
    for (const std::string& id : touched.events) {
        if (!seen.insert(id).second) continue;
        const uint32_t e = briefing.findEvent(id);
        if (e == model::kNone) {
            removed.push_back(id);
            continue;
        }
        const model::Event& event = briefing.events[e];
        rows.events.push_back(eventRow(briefing, event));
        // The places it names, so that the store knows where they resolved.
        for (uint32_t p : event.places) places.insert(p);
        if (event.flow) {
            places.insert(event.flow->from);
            places.insert(event.flow->to);
            places.insert(event.flow->via.begin(), event.flow->via.end());
        }
    }
    for (const std::string& name : touched.places)
        if (const uint32_t p = briefing.findPlace(name); p != model::kNone) places.insert(p);
    for (uint32_t p : places)
        if (p < briefing.places.size()) rows.places.push_back(placeRow(briefing, p));
    for (const std::string& id : touched.articles)
        if (const uint32_t a = briefing.findArticle(id); a != model::kNone) rows.articles.push_back(articleRow(briefing, a, options.briefingDir));
    if (touched.head) {
        rows.head = headOf(briefing);
        rows.headDigest = digestOf(rows.head);
    }
    PushOptions partial = options;
    partial.fileText.clear();
    return writeRows(conn, rows, touched.head, removed, base, partial, std::string());
}

}  // namespace briefmap::store
