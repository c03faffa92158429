// The briefing as the map draws it, on the CPU (no GL): places merged into map sites, per-instance
// marker and pulse data, flows as great-circle polylines cut into segments, arrowheads — all static
// per data set and filter, with time handled in the shaders by comparing each instance's days with
// the current one. Also answers "what is under this pixel at this time" for clicks and hovers.
#pragma once
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "core/map_view.hpp"
#include "model/briefing.hpp"
#include "model/timeline.hpp"

namespace briefmap::render {

// Marker radius in pixels for a site with `count` events so far (the marker shader uses the same).
inline float markerRadius(float count) { return count <= 0 ? 0.0f : std::min(18.0f, 4.5f + 2.0f * std::sqrt(count)); }
// Marker radius when sized by the reported quantity so far (troops, shells, dollars: one scale, the
// logarithmic one the flows' widths use, since their units differ): the smallest marker for places
// whose events give no figure. site.vert computes the same.
inline float quantityRadius(double quantity) {
    return std::min(22.0f, 4.5f + 2.0f * static_cast<float>(std::log10(1.0 + std::max(0.0, quantity))));
}

// Places at the same point (Pyongyang and "North Korea" geocode to the capital) share one marker.
struct SceneSite {
    LonLat position;
    std::string label, nativeLabel;
    std::vector<uint32_t> places;
    std::vector<uint32_t> events;       // passing the filter, by start day
    std::vector<model::DayNumber> starts;      // events' start days, for counting at a time
    std::vector<float> activeUntil;            // per event: the latest end + 1 of it and those before
    std::vector<uint8_t> kinds;                // per event: the kind the marker shows once it has started
    std::vector<double> quantities;            // per event: the reported quantity of it and those before
    bool country = false;      // its places are countries (events known only at country level)
    double uncertaintyKm = 0;  // the largest of its places' (render/uncertainty_layer)
    bool countryArea = false;  // moved to its country's label point; tinted there while it has events
};

struct SceneFlow {
    uint32_t event = 0;
    std::vector<LonLat> path;  // great-circle polyline, longitudes continuous across ±180
    float widthPx = 2.5f;
};

// Instance layouts shared with the shaders (floats only, so attributes map one to one).
struct MarkerInstance {
    float lon, lat, start, next;   // shown while start <= day < next
    float count, kind, activeUntil, draft;  // activeUntil: some event here is ongoing before this day;
                                           // draft: 1 while every event here so far is a draft
};
// What the GPU draws for markers and rings: one instance per site, its events' (start, next, kind,
// active-until) in a buffer texture that the shader binary-searches for the current day, so the
// instance count is the number of places, not of events.
struct SiteInstance {
    float lon, lat, firstEvent, eventCount;
};
struct FlowSegmentInstance {
    float lon0, lat0, lon1, lat1;
    float flow;
    float along0;  // projected distance along the flow at the start (set when projected)
    float pad0, pad1;
};
struct FlowInfo {               // two RGBA texels per flow in a buffer texture
    float start, endPlusOne, widthPx, cargo;
    float status;
    float projectedLength;  // set when projected (the shaders measure growth and patterns along it)
    float draft;            // 1: a draft event (drawn hollow)
    float pad1;
};
// A filled area (an imported Polygon or MultiPolygon): stencil triangles and outline in lon/lat.
struct SceneArea {
    uint32_t event = 0;
    float start = 0;              // shown from this day on (timeless: always)
    float endPlusOne = 0;         // a time window that starts later leaves it out
    float kind = 0;
    std::vector<float> triangles; // lon, lat × 3 per triangle
    std::vector<float> outline;   // lon0, lat0, lon1, lat1 per segment
    bool country = false;         // a country-level site's country (drawn lighter than an imported area)
};

struct ArrowInstance {
    float lon, lat, fromLon, fromLat;  // tip and a point just before it along the path
    float flow, pad0, pad1, pad2;
};

class CountryShapes;

class SceneGeometry {
public:
    void build(const model::Briefing& briefing, const model::EventFilter& filter);
    // Country-level sites become their country: the marker moves from the capital to the country's
    // label point and the country is filled like an area (from its first event on). Once per build.
    void placeCountries(const CountryShapes& countries);

    const std::vector<SceneSite>& sites() const { return m_sites; }
    const std::vector<SceneFlow>& flows() const { return m_flows; }
    const std::vector<MarkerInstance>& markers() const { return m_markers; }
    const std::vector<SiteInstance>& siteInstances() const { return m_siteInstances; }
    const std::vector<FlowSegmentInstance>& segments() const { return m_segments; }
    const std::vector<FlowInfo>& flowInfo() const { return m_flowInfo; }
    const std::vector<ArrowInstance>& arrows() const { return m_arrows; }
    const std::vector<SceneArea>& areas() const { return m_areas; }
    // Flows are ordered by the day after their end, so "over by day D" is a prefix: flowEnds()[k] is
    // flow k's end + 1 and flowFirstSegment()[k] its first segment (one entry more than flows).
    const std::vector<float>& flowEnds() const { return m_flowEnds; }
    const std::vector<uint32_t>& flowFirstSegment() const { return m_flowFirstSegment; }
    // How many flows are over at `day` (the prefix that no longer changes while time moves forward).
    size_t flowsOverAt(double day) const;
    // A bound past which no flow has started by `day`: flows from here on are all still to come, so
    // drawing [flowsOverAt, flowsStartedBy) shows exactly what drawing every flow would. Sorted by
    // end, flows after a position start no earlier than the least start from there on.
    size_t flowsStartedBy(double day) const;
    uint64_t version() const { return m_version; }  // changes on every build
    // The world copies (multiples of 360° added to longitude) in which some flow reaches into `view`.
    // Flow paths keep their longitudes continuous from their origin, so one across the antimeridian
    // can lie anywhere in [-360°, 360°], not only in the copy a view's own longitudes are in.
    void flowWorldCopies(const MapView& view, int& first, int& last) const;

    // Events at a site so far.
    size_t countAt(const SceneSite& site, double day) const;
    // Events at a site in a time window [since, day] (0 when nothing there started by `day` or all
    // of it ended before `since`; an event begun earlier and still going on counts): what the
    // marker shows, and whether it shows at all.
    size_t countIn(const SceneSite& site, double day, double since) const;
    // The reported quantity of the events countIn counts.
    double quantityIn(const SceneSite& site, double day, double since) const;
    // The marker's radius at a moment (0: not shown): by event count, or by quantity when the style
    // says so (MapStyle::sizeByQuantity, set on the geometry by the renderer each frame).
    float radiusIn(const SceneSite& site, double day, double since) const;
    void setSizeByQuantity(bool on) { m_sizeByQuantity = on; }
    bool sizeByQuantity() const { return m_sizeByQuantity; }

    // What the legend lists: bit k of `kinds` for each EventKind a marker in `view` shows at `day`
    // (within the window from `since`), bit c of `cargos` for each Cargo a flow drawn then carries.
    void shownAt(const MapView& view, double day, double since, uint32_t& kinds, uint32_t& cargos) const;

    // The site whose marker covers the pixel (nearest first), or the flow drawn under it.
    std::optional<uint32_t> pickSite(const MapView& view, double px, double py, double day, double since = -1e9) const;
    std::optional<uint32_t> pickFlow(const MapView& view, double px, double py, double day) const;
    // A site's marker centre on screen, in the world copy nearest the view centre.
    Vec2d siteOnScreen(const MapView& view, const SceneSite& site) const;
    // The same for many sites: the view centre's longitude (screenCenterLon) worked out once.
    static double screenCenterLon(const MapView& view);
    static Vec2d siteOnScreen(const MapView& view, const SceneSite& site, double centerLon);

private:
    std::vector<SceneArea> m_areas;
    std::vector<SceneSite> m_sites;
    std::vector<SceneFlow> m_flows;
    bool m_sizeByQuantity = false;
    std::vector<MarkerInstance> m_markers;
    std::vector<SiteInstance> m_siteInstances;
    std::vector<FlowSegmentInstance> m_segments;
    std::vector<FlowInfo> m_flowInfo;
    std::vector<ArrowInstance> m_arrows;
    std::vector<float> m_flowEnds;
    std::vector<float> m_laterStartMin;
    double m_flowLonMin = 0, m_flowLonMax = 0;  // over every flow's path  // per flow: the earliest start of it and every flow after it
    std::vector<uint32_t> m_flowFirstSegment;
    uint64_t m_version = 0;
};

// Width of a flow line for a quantity (log scale); flows without a figure get a thin line.
float flowWidth(const std::optional<model::Quantity>& quantity);

// The great circle from a to b in steps of at most `maxStepDegrees`, longitudes unwrapped from a.
std::vector<LonLat> greatCircle(LonLat a, LonLat b, double maxStepDegrees = 1.5);
// A flow's path: the great circle, unless it passes nearer a pole than kPolarFlowLatitude while both
// ends lie below it (Hanoi → Washington): then an arc in the Mercator plane, bowed towards that
// pole, so that it stays on the map instead of running off its top edge.
inline constexpr double kPolarFlowLatitude = 72.0;
std::vector<LonLat> flowPath(LonLat a, LonLat b, double maxStepDegrees = 1.5);

}  // namespace briefmap::render
