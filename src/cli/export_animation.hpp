// `export --video FILE | --frames-dir DIR`: the frames of an animation rendered offscreen one after
// another while another thread encodes the previous ones (video plugin) or writes them as PNG.
#pragma once
#include <optional>
#include <string>

#include "core/map_view.hpp"
#include "model/moment.hpp"
#include "render/map_renderer.hpp"

namespace briefmap::cli {

struct AnimationOutputs {
    std::optional<std::string> video;      // .mp4, .webm or .gif
    std::optional<std::string> framesDir;  // frame-00000.png … and frames.json
};

// Renders every frame of `clock` and writes the outputs, each to a temporary renamed at the end; on
// Ctrl+C or an error nothing is left. Prints progress on a terminal. Returns the exit code.
int exportAnimation(render::MapRenderer& renderer, const MapView& view, const render::MapStyle& style,
                    const model::AnimationClock& clock, const AnimationOutputs& outputs);

}  // namespace briefmap::cli
