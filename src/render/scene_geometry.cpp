#include "render/scene_geometry.hpp"

#include "render/basemap_geometry.hpp"
#include "render/country_shapes.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <tuple>

namespace briefmap::render {

namespace {

constexpr double kRad = std::numbers::pi / 180.0;
constexpr float kNever = 1e9f;

struct Vec3 {
    double x, y, z;
};

Vec3 toVector(LonLat p) {
    const double lon = p.lon * kRad, lat = p.lat * kRad;
    return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

LonLat toLonLat(Vec3 v) {
    return {std::atan2(v.y, v.x) / kRad, std::atan2(v.z, std::hypot(v.x, v.y)) / kRad};
}

// Which place names a site: a city over a facility in it ("Moscow", not "Kremlin"), over the region or
// country that geocodes to it.
int specificity(const model::Place& p) {
    if (p.kind == "country") return 0;
    if (p.kind == "admin1" || p.kind == "region" || p.kind == "water") return 1;
    if (p.kind == "capital" || p.kind == "admin_seat" || p.kind == "city") return 3;
    return 2;
}

// When several events start the same day at a place, the marker takes the weightiest kind: a summit
// over the statements made at it.
int kindWeight(model::EventKind k) {
    using K = model::EventKind;
    switch (k) {
    case K::Meeting: return 9;
    case K::Agreement: return 8;
    case K::MissileStrike: return 7;
    case K::TroopDeployment: return 6;
    case K::MunitionsTransfer: return 5;
    case K::TechnologyTransfer: return 4;
    case K::Visit: return 3;
    case K::AidTrade: return 2;
    case K::Sanction: return 1;
    default: return 0;
    }
}

double distanceToSegment(Vec2d p, Vec2d a, Vec2d b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

}  // namespace

std::vector<LonLat> greatCircle(LonLat a, LonLat b, double maxStepDegrees) {
    const Vec3 u = toVector(a), v = toVector(b);
    const double omega = std::acos(std::clamp(u.x * v.x + u.y * v.y + u.z * v.z, -1.0, 1.0));
    const int steps = std::max(2, static_cast<int>(std::ceil(omega / kRad / maxStepDegrees)));
    std::vector<LonLat> out;
    out.reserve(static_cast<size_t>(steps) + 1);
    for (int i = 0; i <= steps; ++i) {
        const double t = static_cast<double>(i) / steps;
        LonLat p;
        if (omega < 1e-9) {
            p = a;
        } else {
            const double s0 = std::sin((1 - t) * omega) / std::sin(omega), s1 = std::sin(t * omega) / std::sin(omega);
            p = toLonLat({s0 * u.x + s1 * v.x, s0 * u.y + s1 * v.y, s0 * u.z + s1 * v.z});
        }
        // Continuous longitudes: the line never jumps across the map at ±180°.
        p.lon = wrapNear(p.lon, out.empty() ? a.lon : out.back().lon);
        out.push_back(p);
    }
    return out;
}

namespace {
// Versions are unique across every SceneGeometry, so a layer holding another geometry's upload never
// mistakes a new geometry for the one it has.
uint64_t nextSceneVersion() {
    static std::atomic<uint64_t> next{0};
    return ++next;
}
}  // namespace

void SceneGeometry::placeCountries(const CountryShapes& countries) {
    size_t instance = 0;
    bool moved = false;
    for (SceneSite& site : m_sites) {
        SiteInstance* si = site.events.empty() ? nullptr : &m_siteInstances[instance++];
        if (!site.country || site.countryArea) continue;
        const CountryShape* shape = countries.at(site.position);
        if (!shape) continue;
        // Every country site moves, with events under this filter or not: its label (laid out once
        // per data set) then sits where any later filter draws its marker.
        site.countryArea = true;
        site.position = shape->anchor;
        moved = true;
        if (!si) continue;
        si->lon = static_cast<float>(shape->anchor.lon);
        si->lat = static_cast<float>(shape->anchor.lat);
        const auto first = static_cast<size_t>(si->firstEvent);
        for (size_t k = first; k < first + site.events.size() && k < m_markers.size(); ++k) {
            m_markers[k].lon = si->lon;
            m_markers[k].lat = si->lat;
        }
        SceneArea area;
        area.event = site.events.front();
        area.start = static_cast<float>(site.starts.front());
        area.endPlusOne = site.activeUntil.back();
        area.kind = static_cast<float>(site.kinds.front());
        area.country = true;
        // Simplified to about a kilometre: the fill is translucent, the outline thin.
        stencilFanTriangles(shape->rings, 0.01, area.triangles);
        for (const Ring& ring : shape->rings)
            for (size_t i = 0; i + 1 < ring.size(); ++i)
                area.outline.insert(area.outline.end(), {static_cast<float>(ring[i].lon), static_cast<float>(ring[i].lat),
                                                         static_cast<float>(ring[i + 1].lon), static_cast<float>(ring[i + 1].lat)});
        m_areas.push_back(std::move(area));
    }
    if (moved) m_version = nextSceneVersion();
}

std::vector<LonLat> flowPath(LonLat a, LonLat b, double maxStepDegrees) {
    std::vector<LonLat> path = greatCircle(a, b, maxStepDegrees);
    double top = 0;
    for (const LonLat& p : path) top = std::max(top, std::abs(p.lat));
    if (top <= kPolarFlowLatitude || std::abs(a.lat) > kPolarFlowLatitude || std::abs(b.lat) > kPolarFlowLatitude) return path;
    // Near a pole a great circle runs off the top of a Mercator map and back down as two vertical
    // lines. Such a flow is drawn as an arc in the map plane instead: the straight Mercator line
    // from a to b (the short way round) bowed towards the nearer pole by an eighth of its length.
    const Vec2d pa = project(Projection::Mercator, a);
    Vec2d pb = project(Projection::Mercator, {wrapNear(b.lon, a.lon), b.lat});
    const double dx = pb.x - pa.x, dy = pb.y - pa.y, chord = std::hypot(dx, dy);
    double nx = -dy / std::max(chord, 1e-9), ny = dx / std::max(chord, 1e-9);
    if ((ny < 0) == (a.lat + b.lat >= 0)) nx = -nx, ny = -ny;  // towards the nearer pole
    const int steps = std::max(2, static_cast<int>(path.size()) - 1);
    path.clear();
    for (int i = 0; i <= steps; ++i) {
        const double t = static_cast<double>(i) / steps, bow = 0.125 * chord * std::sin(std::numbers::pi * t);
        LonLat p = unproject(Projection::Mercator, {pa.x + dx * t + nx * bow, pa.y + dy * t + ny * bow});
        p.lon = wrapNear(p.lon, path.empty() ? a.lon : path.back().lon);
        path.push_back(p);
    }
    return path;
}

float flowWidth(const std::optional<model::Quantity>& q) {
    if (!q || q->value <= 0) return 2.5f;
    return static_cast<float>(std::clamp(1.5 + 1.15 * std::log10(std::max(1.0, q->value)), 2.0, 10.0));
}

void SceneGeometry::build(const model::Briefing& b, const model::EventFilter& filter) {
    m_version = nextSceneVersion();
    m_sites.clear();
    m_flows.clear();
    m_markers.clear();
    m_siteInstances.clear();
    m_segments.clear();
    m_flowInfo.clear();
    m_arrows.clear();
    m_areas.clear();

    // Areas, under everything else.
    for (uint32_t e = 0; e < b.events.size(); ++e) {
        const model::Event& event = b.events[e];
        if (!event.area || !filter.passes(event)) continue;
        SceneArea area;
        area.event = e;
        area.start = static_cast<float>(event.startDay);
        area.endPlusOne = static_cast<float>(event.endDay + 1);
        area.kind = static_cast<float>(event.kind);
        stencilFanTriangles(event.area->rings, 0.0, area.triangles);
        for (const Ring& ring : event.area->rings)
            for (size_t i = 0; i + 1 < ring.size(); ++i)
                area.outline.insert(area.outline.end(), {static_cast<float>(ring[i].lon), static_cast<float>(ring[i].lat),
                                                         static_cast<float>(ring[i + 1].lon), static_cast<float>(ring[i + 1].lat)});
        m_areas.push_back(std::move(area));
    }

    // Sites: places at the same point (to ~1 km) merge.
    // A country named alone is not its capital: it gets a site of its own (see placeCountries).
    std::map<std::tuple<long, long, bool>, uint32_t> siteOf;
    std::vector<uint32_t> placeSite(b.places.size(), model::kNone);
    for (uint32_t p = 0; p < b.places.size(); ++p) {
        const model::Place& place = b.places[p];
        if (!place.resolved) continue;
        const bool country = place.kind == "country" && !place.overridden;
        const std::tuple<long, long, bool> key{std::lround(place.lat * 100), std::lround(place.lon * 100), country};
        auto [it, inserted] = siteOf.try_emplace(key, static_cast<uint32_t>(m_sites.size()));
        if (inserted) {
            m_sites.emplace_back().position = {place.lon, place.lat};
            m_sites.back().country = country;
        }
        m_sites[it->second].places.push_back(p);
        m_sites[it->second].uncertaintyKm = std::max(m_sites[it->second].uncertaintyKm, place.uncertaintyKm);
        placeSite[p] = it->second;
    }
    for (SceneSite& site : m_sites) {
        const auto best = std::max_element(site.places.begin(), site.places.end(), [&](uint32_t x, uint32_t y) {
            const int sx = specificity(b.places[x]), sy = specificity(b.places[y]);
            return sx != sy ? sx < sy : b.places[x].events.size() < b.places[y].events.size();
        });
        site.label = b.places[*best].unnamed ? "" : b.places[*best].name;
        site.nativeLabel = b.places[*best].nativeName;
    }

    // Events at each site: as a place, or as a flow's origin, waypoint or destination (Kursk is
    // where the troops go; it gets a marker and a label like any place in the news).
    for (uint32_t e = 0; e < b.events.size(); ++e) {
        const model::Event& event = b.events[e];
        if (!filter.passes(event)) continue;
        const auto add = [&](uint32_t p) {
            const uint32_t s = placeSite[p];
            if (s == model::kNone) return;
            SceneSite& site = m_sites[s];
            if (!site.events.empty() && site.events.back() == e) return;
            site.events.push_back(e);
            site.starts.push_back(event.startDay);
        };
        for (uint32_t p : event.places) add(p);
        // A flow that starts or ends in a country as a whole is drawn from or to its capital but
        // puts no marker there: that would pin the event on the capital.
        const auto addEnd = [&](uint32_t p) {
            if (placeSite[p] == model::kNone || !m_sites[placeSite[p]].country) add(p);
        };
        if (event.flow) {
            addEnd(event.flow->from);
            for (uint32_t p : event.flow->via) addEnd(p);
            addEnd(event.flow->to);
        }
    }
    for (SceneSite& site : m_sites) {
        float activeUntil = -kNever;
        bool draftsOnly = true;  // every event here so far is a draft: the marker is drawn hollow
        double quantity = 0;
        int dayKind = -1;  // the weightiest kind among the events starting the same day
        for (size_t k = 0; k < site.events.size(); ++k) {
            const model::Event& e = b.events[site.events[k]];
            activeUntil = std::max(activeUntil, static_cast<float>(e.endDay + 1));
            site.activeUntil.push_back(activeUntil);
            if (e.quantity && e.quantity->value > 0) quantity += e.quantity->value;
            site.quantities.push_back(quantity);
            draftsOnly = draftsOnly && e.review == model::ReviewState::Draft;
            const float next = k + 1 < site.events.size() ? static_cast<float>(b.events[site.events[k + 1]].startDay) : kNever;
            const auto count = static_cast<float>(k + 1);
            if (dayKind < 0 || kindWeight(static_cast<model::EventKind>(dayKind)) < kindWeight(e.kind)) dayKind = static_cast<int>(e.kind);
            const auto kind = static_cast<float>(dayKind);
            site.kinds.push_back(static_cast<uint8_t>(dayKind));
            if (next != static_cast<float>(e.startDay)) dayKind = -1;
            m_markers.push_back({static_cast<float>(site.position.lon), static_cast<float>(site.position.lat),
                                 static_cast<float>(e.startDay), next, count, kind, activeUntil, draftsOnly ? 1.0f : 0.0f});
        }
        if (!site.events.empty())
            m_siteInstances.push_back({static_cast<float>(site.position.lon), static_cast<float>(site.position.lat),
                                       static_cast<float>(m_markers.size() - site.events.size()),
                                       static_cast<float>(site.events.size())});
    }

    // Flows: great circles through their waypoints; repeated flows between the same two sites bow out
    // to alternate sides so each stays visible.
    std::map<std::pair<uint32_t, uint32_t>, int> lanes;
    std::vector<uint32_t> flowEvents;
    for (uint32_t e = 0; e < b.events.size(); ++e)
        if (b.events[e].flow && filter.passes(b.events[e])) flowEvents.push_back(e);
    std::stable_sort(flowEvents.begin(), flowEvents.end(),
                     [&](uint32_t x, uint32_t y) { return b.events[x].endDay < b.events[y].endDay; });
    m_flowEnds.clear();
    m_flowFirstSegment.clear();
    for (const uint32_t e : flowEvents) {
        const model::Event& event = b.events[e];
        std::vector<uint32_t> stops{event.flow->from};
        stops.insert(stops.end(), event.flow->via.begin(), event.flow->via.end());
        stops.push_back(event.flow->to);
        if (std::any_of(stops.begin(), stops.end(), [&](uint32_t p) { return !b.places[p].resolved; })) continue;
        SceneFlow flow;
        flow.event = e;
        flow.widthPx = flowWidth(event.quantity);
        if (event.review == model::ReviewState::Draft) flow.widthPx = std::max(flow.widthPx, 5.0f);  // room to be hollow
        const uint32_t sa = placeSite[stops.front()], sb = placeSite[stops.back()];
        // A flow drawn along its own line (an imported LineString) keeps that line and its lane.
        const int lane = event.flow->line.empty() ? lanes[{std::min(sa, sb), std::max(sa, sb)}]++ : 0;
        for (const LonLat& p : event.flow->line)
            flow.path.push_back(flow.path.empty() ? p : LonLat{wrapNear(p.lon, flow.path.back().lon), p.lat});
        for (size_t k = 0; event.flow->line.empty() && k + 1 < stops.size(); ++k) {
            const model::Place &pa = b.places[stops[k]], &pb = b.places[stops[k + 1]];
            // 3° steps: a smooth curve at any zoom a briefing uses, and few primitives (software GL
            // pays per triangle: 10,000 flows are ~100,000 segments).
            std::vector<LonLat> leg = flowPath({pa.lon, pa.lat}, {pb.lon, pb.lat}, 3.0);
            if (!flow.path.empty()) {
                const double shift = wrapNear(leg.front().lon, flow.path.back().lon) - leg.front().lon;
                for (LonLat& p : leg) p.lon += shift;
                leg.erase(leg.begin());
            }
            flow.path.insert(flow.path.end(), leg.begin(), leg.end());
        }
        if (lane > 0 && flow.path.size() >= 2) {
            // Bow sideways by a share of the chord, as a sine over the path (ends stay put).
            const LonLat a = flow.path.front(), z = flow.path.back();
            const double midLat = 0.5 * (a.lat + z.lat), cosLat = std::max(0.2, std::cos(midLat * kRad));
            const double dx = (z.lon - a.lon) * cosLat, dy = z.lat - a.lat, chord = std::hypot(dx, dy);
            // Lanes alternate sides and step out by 3.5% of the chord, up to four steps (then share).
            const double side = (lane % 2 ? 1.0 : -1.0) * std::min(4, (lane + 1) / 2) * 0.035 * chord;
            const double nx = -dy / std::max(chord, 1e-9), ny = dx / std::max(chord, 1e-9);
            for (size_t i = 0; i < flow.path.size(); ++i) {
                const double s = std::sin(std::numbers::pi * static_cast<double>(i) / static_cast<double>(flow.path.size() - 1));
                flow.path[i].lon += side * s * nx / cosLat;
                flow.path[i].lat += side * s * ny;
            }
        }
        const auto index = static_cast<float>(m_flows.size());
        m_flowFirstSegment.push_back(static_cast<uint32_t>(m_segments.size()));
        m_flowEnds.push_back(static_cast<float>(event.endDay + 1));
        for (size_t i = 0; i + 1 < flow.path.size(); ++i)
            m_segments.push_back({static_cast<float>(flow.path[i].lon), static_cast<float>(flow.path[i].lat),
                                  static_cast<float>(flow.path[i + 1].lon), static_cast<float>(flow.path[i + 1].lat), index, 0,
                                  0, 0});
        m_flowInfo.push_back({static_cast<float>(event.startDay), static_cast<float>(event.endDay + 1), flow.widthPx,
                              static_cast<float>(event.flow->cargo), static_cast<float>(event.status), 0,
                              event.review == model::ReviewState::Draft ? 1.0f : 0.0f, 0});
        const LonLat tip = flow.path.back(), before = flow.path[flow.path.size() - 2];
        m_arrows.push_back({static_cast<float>(tip.lon), static_cast<float>(tip.lat), static_cast<float>(before.lon),
                            static_cast<float>(before.lat), index, 0, 0, 0});
        m_flows.push_back(std::move(flow));
    }
    m_flowFirstSegment.push_back(static_cast<uint32_t>(m_segments.size()));
    m_flowLonMin = std::numeric_limits<double>::infinity(), m_flowLonMax = -m_flowLonMin;
    for (const SceneFlow& flow : m_flows)
        for (const LonLat& p : flow.path) m_flowLonMin = std::min(m_flowLonMin, p.lon), m_flowLonMax = std::max(m_flowLonMax, p.lon);
    m_laterStartMin.resize(m_flowInfo.size());
    float earliest = std::numeric_limits<float>::infinity();
    for (size_t k = m_flowInfo.size(); k-- > 0;) m_laterStartMin[k] = earliest = std::min(earliest, m_flowInfo[k].start);
}

void SceneGeometry::flowWorldCopies(const MapView& view, int& first, int& last) const {
    if (m_flows.empty()) {
        first = 1, last = 0;
        return;
    }
    const ProjectedExtent e = view.projectedExtent();
    const double w = worldWidth(view.projection()), unitsPerDegree = w / 360.0;
    // Lines and arrowheads reach a few dozen pixels past a path's points.
    const double reach = 64.0 * view.unitsPerPixel();
    first = static_cast<int>(std::ceil((e.xmin - m_flowLonMax * unitsPerDegree - reach) / w));
    last = static_cast<int>(std::floor((e.xmax - m_flowLonMin * unitsPerDegree + reach) / w));
}

size_t SceneGeometry::flowsStartedBy(double day) const {
    return static_cast<size_t>(std::upper_bound(m_laterStartMin.begin(), m_laterStartMin.end(), day,
                                                [](double d, float start) { return d < start; }) -
                               m_laterStartMin.begin());
}

size_t SceneGeometry::flowsOverAt(double day) const {
    return static_cast<size_t>(std::upper_bound(m_flowEnds.begin(), m_flowEnds.end(), day,
                                                [](double d, float end) { return d < end; }) -
                               m_flowEnds.begin());
}

size_t SceneGeometry::countAt(const SceneSite& site, double day) const {
    return static_cast<size_t>(std::upper_bound(site.starts.begin(), site.starts.end(), day,
                                                [](double d, model::DayNumber s) { return d < s; }) -
                               site.starts.begin());
}

size_t SceneGeometry::countIn(const SceneSite& site, double day, double since) const {
    const size_t started = countAt(site, day);
    if (started == 0) return 0;
    const double lastSeen = std::max(static_cast<double>(site.starts[started - 1]), static_cast<double>(site.activeUntil[started - 1]) - 1.0);
    if (lastSeen < since) return 0;
    const auto before = static_cast<size_t>(std::lower_bound(site.starts.begin(), site.starts.end(), since,
                                                             [](model::DayNumber s, double d) { return s < d; }) -
                                            site.starts.begin());
    return std::max<size_t>(1, started - std::min(before, started));
}

double SceneGeometry::quantityIn(const SceneSite& site, double day, double since) const {
    if (countIn(site, day, since) == 0) return 0;
    const size_t started = countAt(site, day);
    const auto before = static_cast<size_t>(std::lower_bound(site.starts.begin(), site.starts.end(), since,
                                                             [](model::DayNumber s, double d) { return s < d; }) -
                                            site.starts.begin());
    const size_t from = std::min(before, started);
    // An older event still ongoing keeps the marker (countIn counts it as 1): then its own quantity.
    if (from == started) return site.quantities[started - 1] - (started >= 2 ? site.quantities[started - 2] : 0.0);
    return site.quantities[started - 1] - (from > 0 ? site.quantities[from - 1] : 0.0);
}

float SceneGeometry::radiusIn(const SceneSite& site, double day, double since) const {
    const size_t count = countIn(site, day, since);
    if (count == 0) return 0;
    return m_sizeByQuantity ? quantityRadius(quantityIn(site, day, since)) : markerRadius(static_cast<float>(count));
}

void SceneGeometry::shownAt(const MapView& view, double day, double since, uint32_t& kinds, uint32_t& cargos) const {
    kinds = cargos = 0;
    const double margin = 20, centerLon = screenCenterLon(view);  // per frame: the centre once
    for (const SceneSite& site : m_sites) {
        if (countIn(site, day, since) == 0) continue;
        const Vec2d p = siteOnScreen(view, site, centerLon);
        if (p.x < -margin || p.y < -margin || p.x > view.width() + margin || p.y > view.height() + margin) continue;
        kinds |= 1u << site.kinds[countAt(site, day) - 1];
    }
    for (const FlowInfo& f : m_flowInfo)
        if (f.start <= day && f.endPlusOne >= since) cargos |= 1u << static_cast<unsigned>(f.cargo);
}

double SceneGeometry::screenCenterLon(const MapView& view) { return view.screenToLonLat(view.width() / 2.0, view.height() / 2.0).lon; }

Vec2d SceneGeometry::siteOnScreen(const MapView& view, const SceneSite& site, double centerLon) {
    return view.projectedToScreen(project(view.projection(), {wrapNear(site.position.lon, centerLon), site.position.lat}));
}

Vec2d SceneGeometry::siteOnScreen(const MapView& view, const SceneSite& site) const {
    return siteOnScreen(view, site, screenCenterLon(view));
}

std::optional<uint32_t> SceneGeometry::pickSite(const MapView& view, double px, double py, double day, double since) const {
    std::optional<uint32_t> best;
    double bestDistance = std::numeric_limits<double>::max();
    for (uint32_t s = 0; s < m_sites.size(); ++s) {
        const float radius = radiusIn(m_sites[s], day, since);
        if (radius <= 0) continue;
        const Vec2d c = siteOnScreen(view, m_sites[s]);
        const double d = std::hypot(c.x - px, c.y - py);
        if (d <= radius + 4.0 && d < bestDistance) {
            bestDistance = d;
            best = s;
        }
    }
    return best;
}

std::optional<uint32_t> SceneGeometry::pickFlow(const MapView& view, double px, double py, double day) const {
    std::optional<uint32_t> best;
    double bestDistance = std::numeric_limits<double>::max();
    // The world copies the flows are drawn in (a path across the antimeridian may be seen in another).
    int firstCopy = 0, lastCopy = 0;
    flowWorldCopies(view, firstCopy, lastCopy);
    for (uint32_t f = 0; f < m_flows.size(); ++f) {
        const SceneFlow& flow = m_flows[f];
        if (day < m_flowInfo[f].start) continue;
        for (int k = firstCopy; k <= lastCopy; ++k) {
            Vec2d previous{};
            for (size_t i = 0; i < flow.path.size(); ++i) {
                const Vec2d p = view.projectedToScreen(project(view.projection(), {flow.path[i].lon + 360.0 * k, flow.path[i].lat}));
                if (i > 0) {
                    const double d = distanceToSegment({px, py}, previous, p);
                    if (d <= flow.widthPx / 2 + 5.0 && d < bestDistance) {
                        bestDistance = d;
                        best = f;
                    }
                }
                previous = p;
            }
        }
    }
    return best;
}

}  // namespace briefmap::render
