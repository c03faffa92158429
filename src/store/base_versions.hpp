// The store versions a briefing file was last pulled at or pushed from, kept outside the file (in
// $XDG_STATE_HOME/briefmap/store/) so that the file stays exactly the briefing: the next push
// compares against them to tell the user's own edits from edits made by others since.
#pragma once
#include <string>

#include "store/briefing_push.hpp"
#include "store/pg_connection.hpp"

namespace briefmap::store {

// Versions recorded for `file` against this store and briefing; empty when none.
BaseVersions loadBaseVersions(const std::string& file, const StoreAddress& address, const std::string& briefing);
Status saveBaseVersions(const std::string& file, const StoreAddress& address, const std::string& briefing,
                        const BaseVersions& versions);

}  // namespace briefmap::store
