// Which column of an imported table is which: recognises the names the field's files use (ACLED,
// UCDP, GDELT, USGS, kepler.gl, QGIS exports) in any case, pairs of coordinate columns that make a
// flow (pickup_lat/pickup_lng → dropoff_lat/dropoff_lng), and the user's own mapping
// (`--columns lat=Y,lon=X,time=when`).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace briefmap::model {

enum class ColumnRole : uint8_t {
    Lat, Lon, Time, End, Place, Kind, SubKind, Quantity, Unit, Text, Id, Actor1, Actor2, Source, Cargo, Status,
    FromLat, FromLon, ToLat, ToLon, FromPlace, ToPlace, Geometry, Precision, Count
};
inline constexpr size_t kColumnRoles = static_cast<size_t>(ColumnRole::Count);
std::string_view columnRoleName(ColumnRole role);  // "lat", "from_lat", "geometry"
std::optional<ColumnRole> columnRoleFromName(std::string_view name);

inline constexpr int kNoColumn = -1;

struct ColumnPlan {
    std::array<int, kColumnRoles> column{};  // index into the columns, or kNoColumn
    int at(ColumnRole r) const { return column[static_cast<size_t>(r)]; }
    bool has(ColumnRole r) const { return at(r) != kNoColumn; }
    std::vector<std::string> notes;          // how pairs were read: "pickup_latitude/pickup_longitude → dropoff_… as flows"
};

// role=column pairs as the user wrote them ("lat=Y,lon=X,time=when"); the error names the bad item.
using ColumnMapping = std::vector<std::pair<ColumnRole, std::string>>;
Result<ColumnMapping> parseColumnMapping(std::string_view text);

// Recognises roles from the column names, then applies the user's mapping on top. Errors: a mapped
// column that does not exist; no way to place rows (`needPlacement` and no coordinates, geometry or
// place column) — each names everything missing at once and lists the columns found.
Result<ColumnPlan> planColumns(const std::vector<std::string>& columns, const ColumnMapping& mapping,
                               bool hasNativeGeometry);

// "DateTime" → "datetime", "ActionGeo_Lat" → "actiongeolat": lower case, letters and digits only.
std::string normalizedColumnName(std::string_view name);

}  // namespace briefmap::model
