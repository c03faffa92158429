// The event types of the field's data sets mapped to briefmap's kinds, honestly: ACLED's six event
// types (with sub-event types), UCDP's types of violence, GDELT's CAMEO root codes. A type with no
// fitting kind becomes "other", and its label is kept to be shown.
#pragma once
#include <string>
#include <string_view>

#include "model/briefing.hpp"

namespace briefmap::model {

struct SourceKind {
    EventKind kind = EventKind::Other;
    std::string label;  // the source's own words: "Battles: Armed clash", "CAMEO 14: Protest", "earthquake"
};

// `column` is the normalized name of the column the type came from ("eventtype", "typeofviolence",
// "eventrootcode", "kind", "type"…); `subType` the sub-type column's value, or "".
SourceKind sourceKind(std::string_view column, std::string_view type, std::string_view subType);

}  // namespace briefmap::model
