// Composes the map's layers into the bound framebuffer: one renderer for the window and headless.
#pragma once
#include <climits>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/map_view.hpp"
#include "geo/basemap.hpp"
#include "model/briefing.hpp"
#include "model/timeline.hpp"
#include "render/basemap_cache.hpp"
#include "render/basemap_layer.hpp"
#include "render/cluster_layer.hpp"
#include "render/country_shapes.hpp"
#include "render/flow_backdrop.hpp"
#include "render/annotation_layer.hpp"
#include "render/area_layer.hpp"
#include "render/flow_layer.hpp"
#include "render/label_layer.hpp"
#include "render/marker_layer.hpp"
#include "render/mention_layer.hpp"
#include "render/overlay_layer.hpp"
#include "render/scene_frame.hpp"
#include "render/scene_geometry.hpp"
#include "render/scene_text.hpp"
#include "render/site_label_layer.hpp"
#include "render/theme.hpp"
#include "render/town_layer.hpp"
#include "render/uncertainty_layer.hpp"

namespace briefmap::render {

// The layers `export --layers` and the window's toggles choose from.
struct MapLayers {
    bool basemap = true, places = true, flows = true, labels = true, legend = true;
    bool mentions = true;  // the loaded articles' places (rings)
    bool annotations = true;  // range rings, rulers, labels and arrows
    bool operator==(const MapLayers&) const = default;
};

struct MapStyle {
    ThemeName theme = ThemeName::Dark;
    MapLayers layers;
    bool graticule = false;
    bool coastlines = true;
    bool countryBorders = true;
    bool admin1 = true;
    bool countryLabels = true;
    bool regionLabels = true;
    bool water = true;  // rivers and lakes in close-ups
    bool towns = true;  // towns and villages in close-ups (with the labels layer)
    LegendCorner legendCorner = LegendCorner::Auto;
    bool legendCollapsed = false;
    bool interactive = false;  // the window: the legend may say what a click does
    bool clusterMarkers = false;  // markers that would overlap merge into one with their count
    bool sizeByQuantity = false;  // markers (and clusters) sized by the reported quantity, not the count
    std::string caption;  // a tour step's caption (drawn with the legend layer's overlay)
    float captionAlpha = 1;
};

// Everything the renderer needs from the data, computed on the CPU (any thread, no GL): the base
// map's geometry sources and the laid-out labels with their glyph atlas.
struct PreparedMap {
    BasemapGeometry basemap;
    LabelGeometry labels;
    CountryShapes countries;
    // Where the close-up map (detail geodata, towns from the gazetteer) is read from when first zoomed
    // into; empty: the default geodata folder.
    std::string geodataDir, fontPath;
};

// The close-up map, read on first need (a worker thread in the window): 1:10m outlines, rivers and
// lakes, and towns. Either part may be missing (its error says why); the map then goes without it.
struct CloseUpMap {
    std::shared_ptr<const geo::DetailMap> detail;
    std::shared_ptr<const TownSet> towns;
    std::string detailError, townsError;
};
CloseUpMap loadCloseUpMap(const std::string& geodataDir, const std::string& fontPath);

// The briefing as drawn (CPU, any thread): markers, flows, place labels and the overlay's text.
struct PreparedScene {
    SceneGeometry geometry;
    SceneText text;
    AnnotationGeometry annotations;
    std::string title;
    uint32_t kinds = 0, cargos = 0;  // legend: which kinds and cargos occur
    bool timeless = false;           // some events have no time
    bool dated = false;              // some events have a time, or none at all (else: "Undated")
    bool drafts = false;             // some events are drafts not yet reviewed (drawn hollow)
};
// `mentions`: the loaded articles' places, labelled where the briefing has no marker (may be null).
Result<PreparedScene> prepareScene(const model::Briefing& briefing, const model::EventFilter& filter,
                                   const std::string& fontPath, bool nativeNames,
                                   const model::ArticleMentions* mentions = nullptr,
                                   const std::vector<std::string>& extraTexts = {});

class MapRenderer {
public:
    // CPU half of init: runs on the geodata worker so it overlaps window/context creation.
    static Result<PreparedMap> prepareData(const geo::Basemap& data, const std::string& fontPath);

    // Compiles the shaders and draws a tiny map once, so the GL driver compiles its pipeline variants
    // (on llvmpipe ~90 ms of LLVM work) while geodata is still loading on another thread. Optional.
    Status prepare(const std::string& fontPath);
    // GL half: compiles shaders (once) and uploads; needs a current GL 3.3 context with glad loaded.
    Status init(PreparedMap prepared);
    // Both halves on this thread.
    Status init(const geo::Basemap& data, const std::string& fontPath);
    // Draws a full frame of `view` into the bound framebuffer (which needs a stencil buffer). Labels
    // keep clear of `obstacles` (UI panels over the map, pixels, y down). `useCache` false renders the
    // base map directly even when the cache is on (exports: the same pixels as `briefmap export`).
    void render(const MapView& view, const MapStyle& style, const std::vector<ScreenBox>& obstacles = {},
                bool useCache = true);
    const LabelLayer& labels() const { return m_labels; }

    // The briefing layer: set once per data set; the frame (time, playback clock) per render.
    Status setScene(PreparedScene scene);
    // A new filter over the same data: markers and flows change, place labels and atlas stay.
    void setSceneGeometry(SceneGeometry geometry);
    const SceneGeometry* scene() const { return m_scene ? &m_scene->geometry : nullptr; }
    void setSceneFrame(const SceneFrame& frame) { m_frame = frame; }
    // Pixels at the bottom the overlay keeps free (the window's time panel; 0 for exports).
    void setOverlayInsetBottom(float pixels) { m_overlayContent.insetBottom = pixels; }
    const SceneFrame& sceneFrame() const { return m_frame; }
    // What the last frame's title, date, legend and caption covered (pixels): camera moves frame
    // their targets clear of them (core/clear_area).
    const std::vector<ScreenBox>& overlayBoxes() const { return m_overlay.boxes(); }
    const ScreenBox& legendBox() const { return m_overlay.legendBox(); }  // empty when not drawn
    const SiteLabelLayer& siteLabels() const { return m_siteLabels; }
    // A shape drawn with the annotations until cleared (the window's ruler while it is dragged; its
    // caption's glyphs are in every scene's atlas).
    void setTransientAnnotation(std::optional<AnnotationShape> shape) { m_annotations.setTransient(std::move(shape)); }
    const AnnotationGeometry* annotations() const { return m_scene ? &m_scene->annotations : nullptr; }
    // The cluster marker under a pixel in the last frame (MapStyle::clusterMarkers), if any.
    const MarkerCluster* clusterAt(double px, double py) const { return m_clustered ? m_clusters.at(px, py) : nullptr; }

    // The loaded articles' places (rings under the markers); set once per set of articles.
    Status setMentions(MentionGeometry geometry);
    const MentionGeometry* mentions() const { return m_mentions ? &*m_mentions : nullptr; }

    // The window turns this on: pans become framebuffer blits (see BasemapCache). Exports leave it off.
    void setBasemapCache(bool enabled);
    // Builds the cache for `view` if it does not match yet; the window calls this when idle, so the
    // next pan is a blit. Returns true when it did work.
    bool warmCache(const MapView& view, const MapStyle& style);
    // Settled flows drawn once onto a copy of the cache (the window, while time moves forward). Off,
    // every frame draws all its flows, so a frame depends on its moment only, never on the frames
    // before it (animation exports, whose frames must equal stills).
    void setFlowBackdrop(bool enabled) { m_flowBackdrop = enabled; }
    // What the last render did with the cache (Full when the cache is off), for the benchmark.
    BasemapCache::Work lastBasemapWork() const { return m_lastWork; }
    // The close-up map: whether it is loaded, and the towns the last frame showed (for tests).
    bool closeUpLoaded() const { return m_closeUpApplied; }
    const TownLayer& towns() const { return m_townLayer; }

private:
    // Starts reading the close-up map when `view` first needs it; applies it once read (waiting for it
    // when `wait`). True when this call applied it (the frame changes).
    bool updateCloseUp(const MapView& view, bool wait);
    std::string m_geodataDir, m_fontPath;
    std::future<CloseUpMap> m_closeUpLoading;
    bool m_closeUpRequested = false, m_closeUpApplied = false;
    TownLayer m_townLayer;

    bool m_flowBackdrop = true;
    void drawBasemapDirect(const MapView& view, const Theme& theme, const BasemapStyle& style);

    void drawScene(const MapView& view, const MapStyle& style, const Theme& theme, const std::vector<ScreenBox>& obstacles,
                   size_t firstLiveFlow);

    BasemapLayer m_basemap;
    CountryShapes m_countries;
    // Country-level sites become their countries, compiling the area shaders if that made areas.
    Status placeCountries(SceneGeometry& geometry);
    std::optional<BasemapCache> m_cache;
    BasemapCache::Work m_lastWork = BasemapCache::Work::Full;
    LabelLayer m_labels;
    std::optional<PreparedScene> m_scene;
    SceneFrame m_frame;
    AreaLayer m_areas;
    FlowLayer m_flows;
    FlowBackdrop m_backdrop;
    MarkerLayer m_markers;
    std::optional<MentionGeometry> m_mentions;
    MentionLayer m_mentionLayer;
    SiteLabelLayer m_siteLabels;
    OverlayLayer m_overlay;
    AnnotationLayer m_annotations;
    ClusterLayer m_clusters;
    UncertaintyLayer m_uncertainty;
    bool m_clustered = false;  // the last frame drew clusters
    OverlayContent m_overlayContent;
    model::DayNumber m_overlayDay = INT32_MIN;
    double m_overlayWindow = 0;
    // The legend's corner when the style says Auto: the one covering the fewest places in view.
    bool chooseLegendCorner(const MapView& view, const std::vector<ScreenBox>& panels);
    LegendCorner m_autoCorner = LegendCorner::BottomLeft;
    bool m_autoChosen = false;  // the first choice takes the best corner outright
    MapView m_autoFor;
    std::pair<float, float> m_autoSize{};
    uint64_t m_autoSceneVersion = 0;
    std::vector<ScreenBox> m_autoPanels;
    std::vector<Vec2d> m_autoSites;  // reused
    std::vector<ScreenBox> m_obstacles, m_labelObstacles;  // reused every frame
};

// Labels follow their sites where placeCountries moved them (label glyphs carry their anchor).
void moveSiteLabels(const SceneGeometry& geometry, SceneText& text);

// Reads the geodata and prepares it: the CPU part of start-up, for a worker thread.
Result<PreparedMap> loadPreparedMap(const std::string& geodataDir, const std::string& fontPath);

// Loads the GL entry points for the current context (glad); false when GL 3.3 is unavailable.
bool loadGlFunctions(void* (*getProcAddress)(const char*));

}  // namespace briefmap::render
