// Write-through: writeChanges with the versions this editor read; the versions it wrote become its
// base for the next change. A lost connection is opened again once per write.
#include "store/store_session.hpp"

namespace briefmap::store {

Result<StoreSession> StoreSession::open(const std::string& address, const model::LoadedBriefing::StoreVersions& versions) {
    Result<StoreAddress> parsed = parseStoreAddress(address);
    if (!parsed) return parsed.error();
    Result<Connection> conn = Connection::open(*parsed);
    if (!conn) return conn.error();
    StoreSession s;
    s.m_conn = std::make_shared<Connection>(std::move(*conn));
    s.m_address = *parsed;
    s.m_shown = parsed->shown + " briefing=" + versions.name;
    s.m_options.name = versions.name;
    s.m_base.head = versions.head;
    for (const auto& [id, v] : versions.events) s.m_base.events[id] = v;
    return s;
}

Status StoreSession::write(const model::Briefing& briefing, const model::Touched& changed) {
    m_conflict = false;
    if (changed.empty()) return Done{};
    Result<PushReport> report = writeChanges(*m_conn, briefing, changed, m_base, m_options);
    if (!report) {
        // Perhaps the server restarted: one new connection, one more try.
        Result<Connection> again = Connection::open(m_address);
        if (!again) return report.error();
        *m_conn = std::move(*again);
        report = writeChanges(*m_conn, briefing, changed, m_base, m_options);
        if (!report) return report.error();
    }
    if (!report->conflicts.empty()) {
        m_conflict = true;
        m_conflictIds = report->conflictingEvents;
        std::string all = "conflict: " + report->conflicts.front();
        if (report->conflicts.size() > 1) all += " (and " + std::to_string(report->conflicts.size() - 1) + " more)";
        return Error{all};
    }
    for (const auto& [id, v] : report->versions.events) m_base.events[id] = v;
    for (const std::string& id : changed.events)
        if (briefing.findEvent(id) == model::kNone) m_base.events.erase(id);
    if (changed.head || changed.everything) m_base.head = report->versions.head;
    return Done{};
}

Result<std::vector<std::pair<std::string, std::optional<std::string>>>> StoreSession::theirs() {
    std::vector<std::pair<std::string, std::optional<std::string>>> out;
    for (const std::string& id : m_conflictIds) {
        Result<PgResult> r = m_conn->exec("SELECT body, version FROM briefmap_events WHERE briefing = $1 AND id = $2",
                                          {m_options.name, id});
        if (!r) return r.error();
        if (r->rows() == 0) {
            out.emplace_back(id, std::nullopt);
            m_base.events.erase(id);
            continue;
        }
        out.emplace_back(id, std::string(r->text(0, 0)));
        m_base.events[id] = static_cast<int>(r->integer(0, 1));
    }
    m_conflictIds.clear();
    return out;
}

}  // namespace briefmap::store
