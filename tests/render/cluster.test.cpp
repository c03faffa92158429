// Marker clustering: at a zoom where markers would overlap, they merge into clusters whose counts add
// up to what the hidden markers showed; zoomed in, the same places stand apart again.
#include <doctest/doctest.h>

#include <cmath>
#include <numeric>

#include "render/cluster_layer.hpp"
#include "test_support.hpp"

using namespace briefmap;
using namespace briefmap::render;

namespace {

struct Clustered {
    std::vector<MarkerCluster> clusters;
    std::vector<uint8_t> hidden, hiddenSites;
};

Clustered clusterSeed(const MapView& view, double day) {
    SceneGeometry g;
    g.build(test::seedBriefing(), {});
    SceneFrame frame;
    frame.day = day;
    Clustered out;
    clusterSites(g, view, frame, out.clusters, out.hidden, out.hiddenSites);
    // Every hidden site is in exactly one cluster, and each cluster counts its members' events.
    size_t members = 0;
    for (const MarkerCluster& c : out.clusters) {
        CHECK(c.sites.size() >= 2);
        size_t events = 0;
        for (uint32_t s : c.sites) {
            CHECK(out.hiddenSites[s] == 1);
            events += g.countIn(g.sites()[s], day, frame.windowStart());
        }
        CHECK(c.events == events);
        CHECK(c.radius == clusterRadius(c.events));
        CHECK(c.bounds.west <= c.bounds.east);
        members += c.sites.size();
    }
    CHECK(static_cast<size_t>(std::count(out.hiddenSites.begin(), out.hiddenSites.end(), 1)) == members);
    CHECK(static_cast<size_t>(std::count(out.hidden.begin(), out.hidden.end(), 1)) == members);
    return out;
}

}  // namespace

TEST_CASE("zoomed out overlapping markers merge into clusters that add up and zoomed in they stand apart") {
    const double day = model::dayNumber(2025, 8, 31);
    // The whole briefing on a small picture: Pyongyang, "North Korea" and Seoul overlap, as do
    // Moscow and its neighbours.
    const Clustered far = clusterSeed(MapView::fitBounds(Projection::Mercator, {20, 19, 148, 67}, 480, 270), day);
    REQUIRE(!far.clusters.empty());
    const auto pyongyang = std::find_if(far.clusters.begin(), far.clusters.end(), [&](const MarkerCluster& c) {
        return c.bounds.west <= 125.8 && c.bounds.east >= 125.7 && c.bounds.south <= 39.1 && c.bounds.north >= 39.0;
    });
    CHECK(pyongyang != far.clusters.end());
    // No two clusters on top of each other.
    for (size_t i = 0; i < far.clusters.size(); ++i)
        for (size_t j = i + 1; j < far.clusters.size(); ++j)
            CHECK(std::hypot(far.clusters[i].center.x - far.clusters[j].center.x, far.clusters[i].center.y - far.clusters[j].center.y) > 20);
    // Close up on Kursk and Kharkiv at 1920x1080: every marker on its own.
    const Clustered near = clusterSeed(MapView::fitBounds(Projection::Mercator, {34, 49, 38, 52}, 1920, 1080), day);
    CHECK(near.clusters.empty());
}
