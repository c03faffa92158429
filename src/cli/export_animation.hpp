// `export --video FILE | --frames-dir DIR`: the frames of an animation rendered offscreen one after
// another while another thread encodes the previous ones (video plugin) or writes them as PNG.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "core/map_view.hpp"
#include "model/moment.hpp"
#include "model/tour.hpp"
#include "render/map_renderer.hpp"
#include "render/scene_frame.hpp"

namespace briefmap::cli {

// What frame k shows: the camera, the style (layers, theme, caption), the scene's moment.
struct AnimationFrame {
    MapView view;
    render::MapStyle style;
    render::SceneFrame scene;
    model::Moment moment;
    model::EventFilter filter;  // which events are drawn (a tour step may narrow them)
};

// An animation to render: how many frames at what rate, and each frame.
struct AnimationPlan {
    int frames = 0, fps = 30;
    std::string from, to;  // described in the summary line ("2024-06-01T12:00:00", or a tour's title)
    // Fills `out` with frame k; assigning into the same frame each time reuses its strings, so
    // nothing is allocated per frame.
    std::function<void(int k, AnimationFrame& out)> frameAt;
    AnimationFrame frame(int k) const {
        AnimationFrame f;
        frameAt(k, f);
        return f;
    }
};

// The plan of `export --video --from … --to …`: one view and style, the clock's moments.
// `windowDays` > 0: each frame shows only the last that many days (a sliding time window).
AnimationPlan clockPlan(const MapView& view, const render::MapStyle& style, const model::AnimationClock& clock, double windowDays = 0);

// The plan of `export --video --tour TOUR`: the tour played at `fps` for a screen of the base
// view's size; each step may set layers, theme and caption over `style`. N = round(fps × the tour's
// length) frames, frame k at k/(N − 1) of it.
AnimationPlan tourPlan(const model::Tour& tour, const MapView& baseView, const render::MapStyle& style, int fps);

struct AnimationOutputs {
    std::optional<std::string> video;      // .mp4, .webm or .gif
    std::optional<std::string> framesDir;  // frame-00000.png … and frames.json
    bool progressLines = false;            // "progress K N" lines on stderr instead of a bar
};

// Renders every frame of `clock` and writes the outputs, each to a temporary renamed at the end; on
// Ctrl+C or an error nothing is left. Prints progress on a terminal. Returns the exit code.
// One frame of an animation as a PNG, drawn the way the animation draws it (through the base-map
// cache), so that `export --time T` with the animation's flags gives that frame's exact pixels.
Status exportAnimationStill(render::MapRenderer& renderer, const AnimationFrame& frame, const std::string& path);

// `briefing`: the data drawn, for frames whose filter differs from the renderer's (may be null when
// no frame filters).
int exportAnimation(render::MapRenderer& renderer, const AnimationPlan& plan, const AnimationOutputs& outputs,
                    const model::Briefing* briefing = nullptr);

}  // namespace briefmap::cli
