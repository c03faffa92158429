// What changes per frame on the briefing map besides the camera: the moment shown and the playback
// clock that animates flow patterns. Uniforms only.
#pragma once
#include "model/moment.hpp"

namespace briefmap::render {

struct SceneFrame {
    double day = 0;               // fractional day number (model/date.hpp)
    double motionSeconds = 0;     // playback clock: flow patterns move while it advances
    double daysPerSecond = 30;    // playback speed: growth and pulses last under a second on screen
    bool playing = false;
    // A time window: > 0 shows only the last `windowDays` days up to `day` (a range chosen on the
    // slider is such a window ending at its end); what ended before fades out over fadeDays().
    // 0: everything so far.
    double windowDays = 0;
    double windowStart() const { return windowDays > 0 ? day - windowDays : -1e9; }
    double fadeDays() const { return windowDays > 0 ? (windowDays * 0.25 < 1.0 ? 1.0 : windowDays * 0.25) : 1.0; }
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

// The frame at moment `m` of an animation: playing at the clock's speed, with the motion phase the
// video's own clock has reached there. A function of briefing time alone, so that a still exported
// at a frame's moment with the same clock draws that frame's pixels.
inline SceneFrame animationFrame(const model::AnimationClock& clock, model::Moment m) {
    SceneFrame f;
    f.day = m.day();
    f.playing = true;
    f.daysPerSecond = clock.daysPerSecond();
    f.motionSeconds = clock.videoSecondsAt(m);
    return f;
}

// A still at moment `m` with no animation: nothing grows or moves.
inline SceneFrame stillFrame(model::Moment m) {
    SceneFrame f;
    f.day = m.day();
    return f;
}

}  // namespace briefmap::render
