// A moment on the map's time axis, to the second: what `export --time`, `--from` and `--to` name,
// and when each frame of an animation is. Whole seconds, so that a frame's moment written out as
// text and read back is the same number, and `export --time` at it draws the same pixels.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "model/date.hpp"

namespace briefmap::model {

struct Moment {
    int64_t seconds = 0;  // since 1970-01-01T00:00:00 (the map's clock has no time zones)
    double day() const { return static_cast<double>(seconds) / 86400.0; }  // the renderer's fractional day
    auto operator<=>(const Moment&) const = default;
};

// "YYYY-MM-DD" (noon of that day: its events have faded in), "YYYY-MM-DDTHH:MM" or
// "YYYY-MM-DDTHH:MM:SS", optionally ending in "Z"; checked against the calendar and the clock.
Result<Moment> parseMoment(std::string_view text);

// "YYYY-MM-DDTHH:MM:SS".
std::string formatMoment(Moment m);

inline Moment noonOf(DayNumber day) { return {static_cast<int64_t>(day) * 86400 + 43200}; }

// The frames of an animation from `from` to `to` lasting `durationSeconds` at `fps`: frame k of
// N = round(fps × duration) shows from + (to − from)·k/(N − 1), rounded to the second.
struct AnimationClock {
    Moment from, to;
    double durationSeconds = 10;
    int fps = 30;

    int frameCount() const;
    Moment frameMoment(int k) const;
    // Briefing days that pass per second of video, and the video's own clock at a moment: the
    // renderer's playback speed and motion phase, both functions of briefing time alone.
    double daysPerSecond() const;
    double videoSecondsAt(Moment m) const;
};

// Why the clock cannot be used ("--fps: …"); empty when it can.
std::string animationProblem(const AnimationClock& clock);

}  // namespace briefmap::model
