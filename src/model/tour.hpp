// A tour: a prepared sequence of views a presenter steps through live or exports as a video. Each
// step names a moment or a span of time, a view (a bounding box, or a centre and web zoom level), a
// caption, how long to hold and how to get there (a smooth fly-to or a cut), and optionally the
// layers and theme. Stored as its own file (`"format": "briefmap-tour/1"`) beside the briefing.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/geo_types.hpp"
#include "core/projection.hpp"
#include "model/diagnostic.hpp"
#include "model/json_fields.hpp"
#include "model/moment.hpp"
#include "model/timeline.hpp"
#include "model/tour_step.hpp"

namespace briefmap::model {

struct Tour {
    std::string title;
    std::vector<TourStep> steps;
    bool operator==(const Tour&) const = default;
};

struct LoadedTour {
    Tour tour;
    Diagnostics problems;  // file:line:column: path: reason
    bool ok() const { return problems.empty(); }
};

LoadedTour loadTourFile(const std::string& path);
// The event filter a step asks for (everything when it names none).
EventFilter stepFilter(const TourStep& step);
// Where a briefing's tour lives: "dir/name.json" → "dir/name.tour.json".
std::string tourPathFor(const std::string& briefingPath);
// One step (or saved view) read from its JSON object, problems reported at `path`.
void readTourStep(JsonFields& fields, const nlohmann::json& s, const std::string& path, TourStep& step);
LoadedTour parseTour(const std::string& text, const std::string& path);
// A step as the tour file writes it; a saved view (briefing "views") is written the same way but
// named ("name" for "caption") and without the tour's hold and transition.
nlohmann::ordered_json tourStepJson(const TourStep& step, bool savedView);
// The file's JSON; parseTour(tourJson(t)) gives t back.
std::string tourJson(const Tour& tour);

// One frame of a tour being played: where the camera is, what moment is shown, the caption.
struct TourFrame {
    Vec2d center;          // projected
    double width = 1;      // projected units across the screen
    Moment moment;
    size_t step = 0;       // the step being shown or flown to
    bool holding = false;  // on the step (not flying to it)
    double captionAlpha = 1;
};

// A tour laid out on a timeline for a screen of `width`x`height` in `projection`: the first step
// holds, every later one flies (or cuts) from the previous step then holds.
class TourTimeline {
public:
    TourTimeline(const Tour& tour, Projection projection, int width, int height);
    double durationSeconds() const { return m_duration; }
    TourFrame at(double seconds) const;
    // Seconds at which step i's hold begins (presenter: Page Down jumps there).
    double stepStart(size_t i) const { return m_holdStart[i]; }
    Vec2d stepCenter(size_t i) const { return m_centers[i]; }
    double stepWidth(size_t i) const { return m_widths[i]; }

private:
    const Tour& m_tour;
    std::vector<Vec2d> m_centers;
    std::vector<double> m_widths, m_holdStart;
    double m_duration = 0;
};

}  // namespace briefmap::model
