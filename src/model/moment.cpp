#include "model/moment.hpp"

#include <cmath>
#include <cstdio>

namespace briefmap::model {

namespace {

bool twoDigits(std::string_view s, size_t at, int& out) {
    if (at + 2 > s.size() || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return false;
    out = (s[at] - '0') * 10 + (s[at + 1] - '0');
    return true;
}

}  // namespace

Result<Moment> parseMoment(std::string_view text) {
    const std::string shown(text.substr(0, 40));
    const size_t t = text.find_first_of("Tt ");
    Result<PartialDate> date = parsePartialDate(text.substr(0, t));
    if (!date || !date->day) {
        // The calendar's reason ("no such day"), when the shape was right.
        std::string why;
        if (!date) {
            const std::string& inner = date.error().message;
            const size_t open = inner.rfind(" (");
            if (open != std::string::npos && inner.back() == ')') why = inner.substr(open);
        }
        return Error{"expected YYYY-MM-DD[THH:MM[:SS]], got '" + shown + "'" + why};
    }
    const int64_t dayStart = static_cast<int64_t>(date->firstDay()) * 86400;
    if (t == std::string_view::npos) return Moment{dayStart + 43200};
    std::string_view clock = text.substr(t + 1);
    if (!clock.empty() && (clock.back() == 'Z' || clock.back() == 'z')) clock.remove_suffix(1);
    int h = 0, m = 0, s = 0;
    const bool shapeOk = (clock.size() == 5 || clock.size() == 8) && twoDigits(clock, 0, h) && clock[2] == ':' &&
                         twoDigits(clock, 3, m) && (clock.size() == 5 || (clock[5] == ':' && twoDigits(clock, 6, s)));
    if (!shapeOk) return Error{"expected a time of day HH:MM or HH:MM:SS after the date, got '" + shown + "'"};
    if (h > 23 || m > 59 || s > 59) return Error{"no such time of day in '" + shown + "'"};
    return Moment{dayStart + h * 3600 + m * 60 + s};
}

std::string formatMoment(Moment m) {
    const int64_t day = m.seconds >= 0 ? m.seconds / 86400 : -((-m.seconds + 86399) / 86400);
    const int64_t rest = m.seconds - day * 86400;
    char clock[16];
    std::snprintf(clock, sizeof clock, "T%02d:%02d:%02d", static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                  static_cast<int>(rest % 60));
    return formatDay(static_cast<DayNumber>(day)) + clock;
}

int AnimationClock::frameCount() const { return static_cast<int>(std::lround(fps * durationSeconds)); }

Moment AnimationClock::frameMoment(int k) const {
    const int n = frameCount();
    if (n <= 1) return from;
    const double span = static_cast<double>(to.seconds - from.seconds);
    return {from.seconds + std::llround(span * k / (n - 1))};
}

double AnimationClock::daysPerSecond() const {
    return durationSeconds > 0 ? static_cast<double>(to.seconds - from.seconds) / 86400.0 / durationSeconds : 0;
}

double AnimationClock::videoSecondsAt(Moment m) const {
    const double span = static_cast<double>(to.seconds - from.seconds);
    return span > 0 ? static_cast<double>(m.seconds - from.seconds) / span * durationSeconds : 0;
}

std::string animationProblem(const AnimationClock& c) {
    if (c.fps < 1 || c.fps > 120) return "--fps: expected 1 to 120 frames per second, got " + std::to_string(c.fps);
    if (!(c.durationSeconds > 0) || c.durationSeconds > 3600)
        return "--duration: expected more than 0 and at most 3600 seconds";
    if (c.frameCount() < 1) return "--duration: shorter than one frame at this --fps";
    if (c.to < c.from) return "--to (" + formatMoment(c.to) + ") is before --from (" + formatMoment(c.from) + ")";
    return {};
}

}  // namespace briefmap::model
