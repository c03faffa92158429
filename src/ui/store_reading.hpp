// The window on a store too large to read at once: what to read for the view and the time shown.
// At most storeWindowEvents() events are read: the whole store when it is that small; else the area
// in view (with a margin) and a year around the time on the slider, read again when the view settles
// outside that area or the slider leaves that year. Pure decisions, no GL or ImGui (unit-tested).
#pragma once
#include <optional>
#include <string>

#include "core/geo_types.hpp"
#include "core/map_view.hpp"
#include "model/briefing_loader.hpp"

namespace briefmap::ui {

struct StoreRead {
    std::optional<GeoBounds> area;
    std::optional<model::DayNumber> from, to;
};

// 200,000, or $BRIEFMAP_STORE_WINDOW_EVENTS (tests use a small store).
size_t storeWindowEvents();

// `options` with the read's area, time and limit set when `path` is a store address.
model::ImportOptions storeQuery(model::ImportOptions options, const std::string& path, const StoreRead& read);

// What to read next, when what was read (`read`) does not cover the view and the day: nothing when the
// store was read whole.
std::optional<StoreRead> storeReadFor(const model::LoadedBriefing::StoreVersions& read, const MapView& view, double day);

}  // namespace briefmap::ui
