// Towns and villages as reference dots with labels, placed after every other label (they never cover
// the briefing's places or the country and region names) and faded in with the zoom.
#pragma once
#include <memory>
#include <vector>

#include "core/map_view.hpp"
#include "render/gl_objects.hpp"
#include "render/label_geometry.hpp"
#include "render/screen_box.hpp"
#include "render/shader_program.hpp"
#include "render/theme.hpp"
#include "render/town_geometry.hpp"

namespace briefmap::render {

class TownLayer {
public:
    Status compileShaders();
    void setTowns(std::shared_ptr<const TownSet> towns);  // uploads the atlas
    bool ready() const { return m_towns != nullptr; }
    // Places towns when the view or the obstacles changed (largest first, a label right of its dot,
    // else left, else the town is left out), then draws them.
    void draw(const MapView& view, const Theme& theme, const std::vector<ScreenBox>& obstacles);
    // Where the larger towns (a population of kMajorTown or more) would go against `obstacles`: the
    // region labels keep clear of these. Empty before towns show.
    const std::vector<ScreenBox>& majorTownBoxes(const MapView& view, const std::vector<ScreenBox>& obstacles);
    static constexpr uint32_t kMajorTown = 100'000;
    // The towns the last placement showed (for tests): indices into the set.
    const std::vector<uint32_t>& placedTowns() const { return m_placedTowns; }
    const TownSet* towns() const { return m_towns.get(); }

private:
    void place(const MapView& view);
    // Greedy placement of towns of at least `minPopulation`, largest first, into m_grid (which holds
    // the obstacles); calls placed(index, box, side, opacity, lonShift) for each.
    template <typename Placed>
    void placeTowns(const MapView& view, uint32_t minPopulation, Placed placed);

    std::shared_ptr<const TownSet> m_towns;
    ShaderProgram m_program;
    Texture m_atlasTexture;
    Buffer m_vertices;
    VertexArray m_vao;
    Buffer m_placementBuffer;
    Texture m_placementTexture;
    int m_dotVertices = 0, m_labelVertices = 0;

    // Reused every placement.
    std::vector<LabelVertex> m_vertexData, m_labelData;
    std::vector<float> m_placement;  // per placed town: opacity, longitude offset
    std::vector<uint32_t> m_placedTowns;
    ScreenBoxGrid m_grid;
    std::vector<ScreenBox> m_obstacles, m_majorBoxes, m_majorObstacles;
    MapView m_majorFor;
    bool m_hasMajor = false;
    MapView m_placedFor;
    bool m_hasPlacement = false;
};

}  // namespace briefmap::render
