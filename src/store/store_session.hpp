// An editor's connection to the store it opened (the window with --data PG:…): each change is
// written as it is made (model::Touched: only what changed), against the versions it read. A change
// to something another editor changed meanwhile is refused and reported as a conflict.
#pragma once
#include <memory>
#include <optional>
#include <vector>
#include <string>

#include "model/briefing_edits.hpp"
#include "model/briefing_loader.hpp"
#include "store/briefing_push.hpp"
#include "store/pg_connection.hpp"

namespace briefmap::store {

class StoreSession {
public:
    static Result<StoreSession> open(const std::string& address, const model::LoadedBriefing::StoreVersions& versions);
    // Writes what changed; on refusal the error starts "conflict: " and conflict() is true.
    Status write(const model::Briefing& briefing, const model::Touched& changed);
    bool conflict() const { return m_conflict; }
    // After a conflict: the store's version of each event in conflict (its JSON body, or nothing
    // when it was removed there), now the versions this editor has seen.
    Result<std::vector<std::pair<std::string, std::optional<std::string>>>> theirs();
    const std::string& shown() const { return m_shown; }

private:
    std::shared_ptr<Connection> m_conn;
    StoreAddress m_address;
    std::string m_shown;
    PushOptions m_options;
    BaseVersions m_base;
    bool m_conflict = false;
    std::vector<std::string> m_conflictIds;
};

}  // namespace briefmap::store
