// Frame composition: clear to ocean, land and lines, then labels on top.
#include "render/map_renderer.hpp"

#include "geo/basemap_cache.hpp"
#include "geo/detail_map.hpp"
#include "geo/gazetteer.hpp"
#include "render/render_target.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>

namespace briefmap::render {

bool loadGlFunctions(void* (*getProcAddress)(const char*)) {
    return gladLoadGL(reinterpret_cast<GLADloadfunc>(getProcAddress)) != 0;
}

namespace {
// One small country with a hole, a border, a coast, an admin-1 line and labels: every draw path.
geo::Basemap warmUpBasemap() {
    geo::Basemap map;
    map.countries.push_back(geo::Country{
        "0", "Aa", {{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, {{4, 4}, {6, 4}, {6, 6}, {4, 6}, {4, 4}}}, {5, 5}, 1000});
    map.coastlines = {{{0, 0}, {10, 0}}};
    map.countryBorders = {{{10, 0}, {10, 10}}};
    map.admin1Borders = {{{0, 5}, {10, 5}}};
    map.admin1Labels = {{{2, 2}, "Aa", "Аа", "XX", 0}};
    return map;
}
}  // namespace

Status MapRenderer::prepare(const std::string& fontPath) {
    if (Status s = init(warmUpBasemap(), fontPath); !s) return s;
    Result<RenderTarget> target = RenderTarget::create(64, 64);
    if (!target) return target.error();
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    target->bind();
    MapStyle style;
    style.graticule = true;
    render(MapView::fitBounds(Projection::Mercator, {-1, -1, 11, 11}, 64, 64), style);
    glFinish();
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    return Done{};
}

CloseUpMap loadCloseUpMap(const std::string& geodataDir, const std::string& fontPath) {
    CloseUpMap out;
    const std::string dir = geodataDir.empty() ? geo::defaultGeodataDir() : geodataDir;
    if (Result<geo::DetailMap> detail = geo::loadDetailMap(geo::detailGeodataDir(dir)); detail)
        out.detail = std::make_shared<const geo::DetailMap>(std::move(*detail));
    else
        out.detailError = detail.error().message;
    std::error_code ec;
    const std::string gazetteer = std::filesystem::is_regular_file(dir + "/gazetteer.bin", ec)
                                      ? dir + "/gazetteer.bin"
                                      : geo::Gazetteer::defaultPath();
    if (Result<TownSet> towns = TownSet::build(gazetteer, fontPath); towns)
        out.towns = std::make_shared<const TownSet>(std::move(*towns));
    else
        out.townsError = towns.error().message;
    return out;
}

bool MapRenderer::updateCloseUp(const MapView& view, bool wait) {
    if (m_closeUpApplied) return false;
    if (!m_closeUpRequested) {
        if (pixelsPerDegree(view) < kDetailFromPixelsPerDegree) return false;
        m_closeUpRequested = true;
        m_closeUpLoading = std::async(std::launch::async, loadCloseUpMap, m_geodataDir, m_fontPath);
    }
    if (!m_closeUpLoading.valid()) return false;
    if (!wait && m_closeUpLoading.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    CloseUpMap map = m_closeUpLoading.get();
    m_closeUpApplied = true;
    // Reference detail: without it the map still works, so a missing part is one line, not an error.
    if (!map.detailError.empty()) std::fprintf(stderr, "briefmap: close-up map without rivers, lakes and 1:10m coast: %s\n", map.detailError.c_str());
    if (!map.townsError.empty()) std::fprintf(stderr, "briefmap: close-up map without towns: %s\n", map.townsError.c_str());
    if (map.detail) m_basemap.setDetail(std::move(map.detail));
    if (map.towns && m_townLayer.compileShaders()) m_townLayer.setTowns(std::move(map.towns));
    if (m_cache) m_cache.emplace();  // cached pixels lack the detail
    return true;
}

bool MapRenderer::warmCache(const MapView& view, const MapStyle& style) {
    if (updateCloseUp(view, false)) return true;
    const BasemapStyle basemapStyle{style.graticule, style.coastlines, style.countryBorders, style.admin1, style.water};
    if (!m_cache || view.pixelRatio() != 1.0 || m_cache->matches(view, style.theme, basemapStyle)) return false;
    m_cache->rebuild(m_basemap, view, style.theme, basemapStyle);
    return true;
}

void MapRenderer::drawBasemapDirect(const MapView& view, const Theme& theme, const BasemapStyle& style) {
    glClearColor(theme.ocean.r, theme.ocean.g, theme.ocean.b, 1.0f);
    glClearStencil(0);
    glStencilMask(0xFF);
    glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    m_basemap.draw(view, theme, style);
}

void MapRenderer::setBasemapCache(bool enabled) {
    if (enabled && !m_cache) m_cache.emplace();
    if (!enabled) m_cache.reset();
}

Result<PreparedMap> MapRenderer::prepareData(const geo::Basemap& data, const std::string& fontPath) {
    Result<LabelGeometry> labels = LabelGeometry::build(data, fontPath);
    if (!labels) return labels.error();
    // Levels of detail are not built here: the first draw builds the one it needs on all cores, which
    // measured faster than lengthening this (already critical) worker path on 2 cores.
    return PreparedMap{BasemapGeometry(data), std::move(labels.value()), CountryShapes(data), "", fontPath};
}

Result<PreparedMap> loadPreparedMap(const std::string& geodataDir, const std::string& fontPath) {
    Result<geo::Basemap> data = geo::loadBasemapCached(geodataDir);
    if (!data) return data.error();
    Result<PreparedMap> prepared = MapRenderer::prepareData(data.value(), fontPath);
    if (prepared) prepared->geodataDir = geodataDir;
    return prepared;
}

Result<PreparedScene> prepareScene(const model::Briefing& briefing, const model::EventFilter& filter,
                                   const std::string& fontPath, bool nativeNames, const model::ArticleMentions* mentions,
                                   const std::vector<std::string>& extraTexts) {
    PreparedScene scene;
    scene.geometry.build(briefing, filter);
    scene.annotations = buildAnnotationGeometry(briefing);
    std::vector<std::string> texts = annotationTexts(scene.annotations);
    texts.insert(texts.end(), extraTexts.begin(), extraTexts.end());
    Result<SceneText> text = buildSceneText(scene.geometry, briefing.title, fontPath, nativeNames,
                                            mentions ? mentionLabels(*mentions, scene.geometry) : std::vector<MentionLabel>{},
                                            texts);
    if (!text) return text.error();
    scene.text = std::move(*text);
    scene.title = briefing.title;
    scene.dated = !briefing.undated();  // an empty briefing still shows the moment on the slider
    for (const model::Event& e : briefing.events) {
        scene.kinds |= 1u << static_cast<unsigned>(e.kind);
        if (e.flow) scene.cargos |= 1u << static_cast<unsigned>(e.flow->cargo);
        scene.timeless = scene.timeless || e.timeless;
        scene.drafts = scene.drafts || e.review == model::ReviewState::Draft;
    }
    return scene;
}

Status MapRenderer::setScene(PreparedScene scene) {
    // The briefing layer's shaders compile here, not in init: the window's first frame (the base map)
    // does not wait for them (LLVM compiles each for ~20 ms on software GL).
    if (Status s = m_flows.compileShaders(); !s) return s;
    if (Status s = m_markers.compileShaders(); !s) return s;
    if (Status s = placeCountries(scene.geometry); !s) return s;
    moveSiteLabels(scene.geometry, scene.text);
    if (Status s = m_siteLabels.compileShaders(); !s) return s;
    if (Status s = m_overlay.compileShaders(); !s) return s;
    m_scene = std::move(scene);
    m_flows.upload(m_scene->geometry);
    m_markers.upload(m_scene->geometry);
    m_siteLabels.upload(m_scene->text);
    m_overlay.setAtlas(&m_scene->text.atlas, &m_siteLabels.atlasTexture());
    m_annotations.setGeometry(m_scene->annotations);
    m_annotations.setAtlas(&m_scene->text.atlas, &m_siteLabels.atlasTexture());
    m_clusters.setAtlas(&m_scene->text.atlas, &m_siteLabels.atlasTexture());
    m_clustered = false;
    m_overlayContent.title = m_scene->title;
    m_overlayContent.kinds = m_scene->kinds;
    m_overlayContent.cargos = m_scene->cargos;
    m_overlayContent.timelessRow = m_scene->timeless;
    m_overlayContent.undated = !m_scene->dated;
    m_overlayContent.draftRow = m_scene->drafts;
    m_overlayDay = INT32_MIN;
    return Done{};
}

void moveSiteLabels(const SceneGeometry& geometry, SceneText& text) {
    const std::vector<SceneSite>& sites = geometry.sites();
    for (size_t i = 0; i < sites.size() && i < text.siteLabels.size() && i < text.firstVertex.size(); ++i) {
        if (text.siteLabels[i].anchor == sites[i].position) continue;
        text.siteLabels[i].anchor = sites[i].position;
        for (int v = text.firstVertex[i]; v < text.firstVertex[i] + text.vertexCount[i]; ++v) {
            text.vertices[static_cast<size_t>(v)].lon = static_cast<float>(sites[i].position.lon);
            text.vertices[static_cast<size_t>(v)].lat = static_cast<float>(sites[i].position.lat);
        }
    }
}

Status MapRenderer::placeCountries(SceneGeometry& geometry) {
    if (!m_countries.empty()) geometry.placeCountries(m_countries);
    if (!geometry.areas().empty())
        if (Status s = m_areas.compileShaders(); !s) return s;
    return Done{};
}

Status MapRenderer::setMentions(MentionGeometry geometry) {
    if (Status s = m_mentionLayer.compileShaders(); !s) return s;
    m_mentions = std::move(geometry);
    m_mentionLayer.upload(*m_mentions);
    m_overlayContent.mentionsRow = !m_mentions->empty();
    return Done{};
}

void MapRenderer::setSceneGeometry(SceneGeometry geometry) {
    if (!m_scene) return;
    (void)placeCountries(geometry);  // the area shaders compiled, or areas left undrawn
    m_scene->geometry = std::move(geometry);
    m_flows.upload(m_scene->geometry);
    m_markers.upload(m_scene->geometry);
}

void MapRenderer::drawScene(const MapView& view, const MapStyle& style, const Theme& theme,
                            const std::vector<ScreenBox>& obstacles, size_t firstLiveFlow) {
    const MapLayers& layers = style.layers;
    if (m_scene && layers.places && !m_scene->geometry.areas().empty()) m_areas.draw(view, m_frame, m_scene->geometry);
    if (m_scene && layers.flows) m_flows.draw(view, m_frame, m_scene->geometry, firstLiveFlow);
    const bool mentions = m_mentions && layers.mentions && !m_mentions->empty();
    if (mentions) m_mentionLayer.draw(view, style.theme, m_frame);
    // Clusters first: the markers they stand for are hidden from the marker layer.
    const bool clustered = m_scene && layers.places && style.clusterMarkers;
    if (clustered) {
        if (m_clusters.update(m_scene->geometry, view, m_frame, style.theme) || !m_clustered) m_markers.setHidden(&m_clusters.hidden());
    } else if (m_clustered) {
        m_clusters.clear();
        m_markers.setHidden(nullptr);
    }
    m_clustered = clustered;
    if (m_scene && layers.places) {
        m_uncertainty.update(m_scene->geometry, view, m_frame, style.theme, clustered ? &m_clusters.hiddenSites() : nullptr);
        m_uncertainty.draw(m_overlay.program(), m_siteLabels.atlasTexture(), view.width(), view.height());
    }
    if (m_scene && layers.places) m_markers.draw(view, theme, m_frame, m_scene->geometry);
    if (clustered) m_clusters.draw(m_overlay.program(), view.width(), view.height());

    // The overlay and the markers are obstacles for every label; place labels then are for the
    // base map's labels.
    m_obstacles.assign(obstacles.begin(), obstacles.end());
    if (m_scene && (layers.legend)) {
        const auto day = static_cast<model::DayNumber>(std::floor(m_frame.day));
        if (!m_scene->dated) {
            m_overlayContent.date = "Undated";  // points or lines with no time: no moment to name
        } else if (day != m_overlayDay || m_frame.windowDays != m_overlayWindow) {
            // A time window names its days; everything-so-far names the moment.
            if (m_frame.windowDays > 0)
                model::formatDayRange(static_cast<model::DayNumber>(std::ceil(m_frame.windowStart())), day, m_overlayContent.date);
            else
                model::formatLongDate(day, m_overlayContent.date);
            m_overlayDay = day;
            m_overlayWindow = m_frame.windowDays;
        }
        m_overlayContent.theme = style.theme;
        m_overlayContent.caption = style.caption;
        m_overlayContent.legendCorner = style.legendCorner == LegendCorner::Auto ? m_autoCorner : style.legendCorner;
        m_overlayContent.legendCollapsed = style.legendCollapsed;
        m_overlayContent.interactive = style.interactive;
        m_overlayContent.windowed = m_frame.windowDays > 0;
        m_overlayContent.sizeByQuantity = style.sizeByQuantity;
        // The legend lists what is on the map now: the kinds of the markers in view, the cargos of
        // the flows drawn (none of either: no legend, only the rows that still apply).
        uint32_t kinds = 0, cargos = 0;
        m_scene->geometry.shownAt(view, m_frame.day, m_frame.windowStart(), kinds, cargos);
        m_overlayContent.kinds = kinds;
        m_overlayContent.cargos = cargos;
        m_overlayContent.legend = kinds != 0 || cargos != 0 || mentions;
        bool countries = false;
        for (const SceneArea& a : m_scene->geometry.areas())
            countries = countries || (layers.places && a.country && a.start <= m_frame.day && a.endPlusOne >= m_frame.windowStart());
        m_overlayContent.countryRow = countries;
        m_overlayContent.uncertaintyRow = layers.places && m_uncertainty.drawn();
        m_overlayContent.captionAlpha = style.captionAlpha;
        m_overlayContent.mentionsRow = mentions;
        m_overlayContent.mentionColor = mentionColor(style.theme);
        m_overlayContent.width = view.width();
        m_overlayContent.height = view.height();
        m_overlay.update(m_overlayContent);
        if (style.legendCorner == LegendCorner::Auto && chooseLegendCorner(view, obstacles)) {
            m_overlayContent.legendCorner = m_autoCorner;
            m_overlay.update(m_overlayContent);
        }
        const std::vector<ScreenBox>& boxes = m_overlay.boxes();
        m_obstacles.insert(m_obstacles.end(), boxes.begin(), boxes.end());
    }
    // Annotation captions keep labels off them; the overlay's boxes keep annotations' captions nowhere
    // (a presenter placed them).
    const bool annotations = m_scene && layers.annotations && !m_annotations.empty();
    if (annotations) {
        const std::vector<ScreenBox>& boxes = m_annotations.update(view, m_frame.day, style.theme);
        m_obstacles.insert(m_obstacles.end(), boxes.begin(), boxes.end());
    }
    if (m_scene && layers.places) {
        const SceneGeometry& g = m_scene->geometry;
        for (size_t i = 0; i < g.sites().size(); ++i) {
            const SceneSite& site = g.sites()[i];
            if (clustered && i < m_clusters.hiddenSites().size() && m_clusters.hiddenSites()[i]) continue;
            const float radius = g.radiusIn(site, m_frame.day, m_frame.windowStart());
            if (radius <= 0) continue;
            const Vec2d c = g.siteOnScreen(view, site);
            const float r = radius + 1.0f;
            m_obstacles.push_back({static_cast<float>(c.x) - r, static_cast<float>(c.y) - r, static_cast<float>(c.x) + r,
                                   static_cast<float>(c.y) + r});
        }
    }
    m_labelObstacles.assign(m_obstacles.begin(), m_obstacles.end());
    // Rings keep country and region labels off them; the briefing's place labels may sit beside a
    // ring around their own marker.
    if (mentions) {
        const double centerLon = MentionGeometry::centerLon(view);
        for (uint32_t i = 0; i < m_mentions->instances().size(); ++i) {
            if (!m_mentions->visibleAt(i, m_frame.day)) continue;
            const Vec2d c = m_mentions->onScreen(view, i, centerLon);
            const float r = m_mentions->instances()[i].radius + 1.0f;
            m_labelObstacles.push_back({static_cast<float>(c.x) - r, static_cast<float>(c.y) - r,
                                        static_cast<float>(c.x) + r, static_cast<float>(c.y) + r});
        }
    }
    const bool placeLabels = m_scene && layers.labels && layers.places;
    if (placeLabels) {
        if (clustered) m_obstacles.insert(m_obstacles.end(), m_clusters.boxes().begin(), m_clusters.boxes().end());
        m_siteLabels.place(view, m_scene->geometry, m_frame, m_obstacles, mentions, clustered ? &m_clusters.hiddenSites() : nullptr);
        m_labelObstacles.insert(m_labelObstacles.end(), m_siteLabels.placedBoxes().begin(), m_siteLabels.placedBoxes().end());
    }
    if (layers.labels) {
        m_labels.setEnabled(style.countryLabels, style.regionLabels);
        const bool towns = style.towns && m_townLayer.ready();
        static const std::vector<ScreenBox> kNoBoxes;
        m_labels.setRegionObstacles(towns ? m_townLayer.majorTownBoxes(view, m_labelObstacles) : kNoBoxes);
        m_labels.draw(view, theme, m_labelObstacles);
        if (towns) {
            // Towns last: clear of every other label, marker and panel (the placed boxes start with
            // the obstacles the base labels kept clear of).
            m_townLayer.draw(view, theme, m_labels.placedBoxes());
        }
    }
    if (placeLabels) m_siteLabels.draw(view, theme);
    if (annotations) m_annotations.draw(m_overlay.program(), view.width(), view.height());
    if (m_scene && layers.legend) m_overlay.draw();
}

Status MapRenderer::init(PreparedMap prepared) {
    if (Status s = m_basemap.compileShaders(); !s) return s;
    if (Status s = m_labels.compileShaders(); !s) return s;
    m_basemap.setGeometry(std::move(prepared.basemap));
    m_labels.setGeometry(std::move(prepared.labels));
    m_countries = std::move(prepared.countries);
    m_geodataDir = prepared.geodataDir;
    m_fontPath = prepared.fontPath;
    if (m_scene) {  // a scene set before the base map: its countries now
        if (Status s = placeCountries(m_scene->geometry); !s) return s;
        moveSiteLabels(m_scene->geometry, m_scene->text);
        m_markers.upload(m_scene->geometry);
        m_siteLabels.upload(m_scene->text);
        m_overlay.setAtlas(&m_scene->text.atlas, &m_siteLabels.atlasTexture());
        m_annotations.setAtlas(&m_scene->text.atlas, &m_siteLabels.atlasTexture());
        m_clusters.setAtlas(&m_scene->text.atlas, &m_siteLabels.atlasTexture());
    }
    if (m_cache) m_cache.emplace();  // new data: nothing cached is valid
    return Done{};
}

Status MapRenderer::init(const geo::Basemap& data, const std::string& fontPath) {
    Result<PreparedMap> prepared = prepareData(data, fontPath);
    if (!prepared) return prepared.error();
    return init(std::move(prepared.value()));
}

bool MapRenderer::chooseLegendCorner(const MapView& view, const std::vector<ScreenBox>& panels) {
    const ScreenBox legend = m_overlay.legendBox();
    const float w = legend.x1 - legend.x0, h = legend.y1 - legend.y0;
    if (w <= 0 || h <= 0) return false;
    // Chosen again only when the camera or the legend's size changes: never jumping while time plays.
    const bool same = m_autoFor.width() == view.width() && m_autoFor.height() == view.height() &&
                      m_autoFor.center().x == view.center().x && m_autoFor.center().y == view.center().y &&
                      m_autoFor.unitsPerPixel() == view.unitsPerPixel() && m_autoFor.projection() == view.projection() &&
                      m_autoSize == std::pair{w, h} && m_autoSceneVersion == m_scene->geometry.version() && m_autoPanels == panels;
    if (same) return false;
    m_autoPanels = panels;
    m_autoFor = view;
    m_autoSize = {w, h};
    m_autoSceneVersion = m_scene->geometry.version();
    const std::vector<ScreenBox>& laid = m_overlay.boxes();
    const float titleBottom = m_overlayContent.titleAndDate && !laid.empty() && laid.front().y0 < legend.y0 ? laid.front().y1 : 0.0f;
    const auto W = static_cast<float>(view.width()), H = static_cast<float>(view.height());
    const float margin = legend.x0;  // the layout's own margin
    const float bottom = H - m_overlayContent.insetBottom - margin;
    const std::pair<LegendCorner, ScreenBox> candidates[] = {
        {LegendCorner::BottomLeft, {margin, bottom - h, margin + w, bottom}},
        {LegendCorner::BottomRight, {W - margin - w, bottom - h, W - margin, bottom}},
        {LegendCorner::TopRight, {W - margin - w, margin, W - margin, margin + h}},
        {LegendCorner::TopLeft, {margin, titleBottom + margin, margin + w, titleBottom + margin + h}},
    };
    // Markers that have appeared by now or will by the briefing's end: the corner is for the whole
    // story in this view, so it stays put as time moves.
    const SceneGeometry& g = m_scene->geometry;
    m_autoSites.clear();  // every place's position, once for the four corners
    const double centerLon = SceneGeometry::screenCenterLon(view);
    for (const SceneSite& site : g.sites()) m_autoSites.push_back(SceneGeometry::siteOnScreen(view, site, centerLon));
    const LegendCorner before = m_autoCorner;
    size_t best = SIZE_MAX, current = SIZE_MAX;
    LegendCorner chosen = before;
    for (const auto& [corner, box] : candidates) {
        if (box.y0 < 0 || (corner == LegendCorner::TopLeft && box.y1 > bottom)) continue;
        // Never under a panel of the window (the details open on the right, the headers top left).
        size_t covered = std::any_of(panels.begin(), panels.end(), [&](const ScreenBox& p) { return p.overlaps(box); }) ? 1000 : 0;
        for (const Vec2d& p : m_autoSites) covered += p.x > box.x0 - 8 && p.x < box.x1 + 8 && p.y > box.y0 - 8 && p.y < box.y1 + 8;
        if (corner == before) current = covered;
        if (covered < best) best = covered, chosen = corner;
    }
    // Moves only for a clearly better corner (two places fewer, or off a panel): a camera flying
    // through a tour does not flip the legend from corner to corner.
    if (!m_autoChosen || current == SIZE_MAX || best + 2 <= current || current >= 1000) m_autoCorner = chosen;
    m_autoChosen = true;
    return m_autoCorner != before;
}

void MapRenderer::render(const MapView& view, const MapStyle& style, const std::vector<ScreenBox>& obstacles,
                         bool useCache) {
    const Theme& theme = themeFor(style.theme);
    if (m_scene) m_scene->geometry.setSizeByQuantity(style.sizeByQuantity);
    m_flows.setTheme(style.theme);
    m_areas.setTheme(style.theme);
    glViewport(0, 0, view.framebufferWidth(), view.framebufferHeight());
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    const BasemapStyle basemapStyle{style.graticule, style.coastlines, style.countryBorders, style.admin1, style.water};
    // Exports wait for the close-up map; the window draws without it until it is read.
    updateCloseUp(view, !m_cache || !useCache);
    m_lastWork = BasemapCache::Work::Full;
    // Flows before this one (in end order) are on the frame with the base map (see FlowBackdrop).
    size_t firstLiveFlow = 0;
    const SceneGeometry* flowScene = m_scene && style.layers.flows ? &m_scene->geometry : nullptr;
    // Areas (imported polygons, countries) are drawn under the flows: flows settled onto the backdrop
    // would end up under them instead, so a scene with areas draws every flow each frame.
    const bool backdrop = m_flowBackdrop && !(m_scene && style.layers.places && !m_scene->geometry.areas().empty());
    if (!style.layers.basemap) {
        glClearColor(theme.ocean.r, theme.ocean.g, theme.ocean.b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    } else if (!m_cache || !useCache || m_cache->empty() || view.pixelRatio() != 1.0) {
        // (The cache keeps layout pixels: a scaled view draws directly.)
        // Also the first frame: a direct render is cheaper than the cache; idle time builds the cache.
        drawBasemapDirect(view, theme, basemapStyle);
    } else if (m_cache->matches(view, style.theme, basemapStyle)) {
        const std::optional<BasemapCache::Work> work = m_cache->update(m_basemap, view, style.theme, basemapStyle);
        // (Not with a time window: settled flows fade out as it moves.)
        const size_t settled = flowScene && work && backdrop && m_frame.windowDays <= 0 ? settledFlows(*flowScene, m_frame.day) : 0;
        if (!work) {
            drawBasemapDirect(view, theme, basemapStyle);
        } else if (settled > 0 && m_backdrop.draw(*m_cache, m_flows, view, m_frame, *flowScene, settled)) {
            firstLiveFlow = settled;
        } else {
            m_cache->blitView(view);
        }
        if (work) m_lastWork = *work;
    } else if (const RenderTarget* copy = flowScene && backdrop && m_frame.windowDays <= 0 ? m_backdrop.current(*m_cache, *flowScene) : nullptr;
               copy && m_backdrop.flowsDrawn() <= settledFlows(*flowScene, m_frame.day) &&
               m_cache->drawScaled(view, style.theme, basemapStyle, copy)) {
        m_lastWork = BasemapCache::Work::Scaled;  // a zoom animation: the base map and settled flows scaled
        firstLiveFlow = m_backdrop.flowsDrawn();
    } else if (m_cache->drawScaled(view, style.theme, basemapStyle)) {
        m_lastWork = BasemapCache::Work::Scaled;
    } else {
        // A zoom beyond what the cache covers (zooming out), a new style or size: rebuild around this
        // view; its margin then serves the next frames of a zoom-out animation as scaled copies.
        m_cache->rebuild(m_basemap, view, style.theme, basemapStyle);
        if (!m_cache->matches(view, style.theme, basemapStyle) || !m_cache->draw(m_basemap, view, style.theme, basemapStyle))
            drawBasemapDirect(view, theme, basemapStyle);  // no memory for the cache
    }
    drawScene(view, style, theme, obstacles, firstLiveFlow);
    glDisable(GL_BLEND);
}

}  // namespace briefmap::render
