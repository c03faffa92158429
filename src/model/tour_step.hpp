// A tour step: a moment or span, a view, a caption, layers, theme and filters. Also what a briefing's
// saved views are (their caption is the view's name), so a view and a tour step show the same way.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/geo_types.hpp"
#include "model/moment.hpp"

namespace briefmap::model {

struct TourView {
    std::optional<GeoBounds> bbox;   // shown whole (letterboxed to the screen)
    std::optional<LonLat> center;    // with zoom: web zoom level (256-pixel tiles)
    double zoom = 4;
    bool operator==(const TourView&) const = default;
};

struct TourStep {
    std::string caption;
    Moment from, to;             // equal for a single moment
    TourView view;
    double holdSeconds = 4;      // time on the step (time plays from `from` to `to` meanwhile)
    double transitionSeconds = 2.5;
    bool cut = false;            // jump instead of flying
    std::vector<std::string> layers;  // empty: as given on the command line / in the window
    std::string theme;                // "" / "dark" / "light"
    // Filters: only events of these kinds / statuses are shown on the step (empty: all).
    std::vector<std::string> kinds, statuses;
    bool operator==(const TourStep&) const = default;
};

}  // namespace briefmap::model
