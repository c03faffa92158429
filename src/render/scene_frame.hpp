// What changes per frame on the briefing map besides the camera: the moment shown and the playback
// clock that animates flow patterns. Uniforms only.
#pragma once

namespace briefmap::render {

struct SceneFrame {
    double day = 0;               // fractional day number (model/date.hpp)
    double motionSeconds = 0;     // playback clock: flow patterns move while it advances
    double daysPerSecond = 30;    // playback speed: growth and pulses last under a second on screen
    bool playing = false;
};

// Days a new flow takes to grow from origin to destination, and a new event's pulse lasts: about 0.6 s
// of playback; when time stands still (paused, stepping, exports) a quarter day, so at noon of its
// first day everything that started is drawn whole.
inline constexpr double kMaxGrowDays = 20.0;
inline double growDays(const SceneFrame& f) {
    if (!f.playing) return 0.25;
    const double d = f.daysPerSecond * 0.6;
    return d < 0.25 ? 0.25 : d > kMaxGrowDays ? kMaxGrowDays : d;
}

}  // namespace briefmap::render
