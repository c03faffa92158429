// Reads are asked for by area and time; a read cut off by the limit is refined as the view zooms in.
#include "ui/store_reading.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "store/pg_connection.hpp"

namespace briefmap::ui {

namespace {
constexpr model::DayNumber kHalfYear = 183;  // the time read around the slider: a year
constexpr model::DayNumber kTimeMargin = 30; // read again a month before the slider reaches the edge
}  // namespace

size_t storeWindowEvents() {
    if (const char* env = std::getenv("BRIEFMAP_STORE_WINDOW_EVENTS"); env && *env) {
        const long long n = std::atoll(env);
        if (n > 0) return static_cast<size_t>(n);
    }
    return 200'000;
}

model::ImportOptions storeQuery(model::ImportOptions options, const std::string& path, const StoreRead& read) {
    if (!store::isStoreAddress(path)) return options;
    options.query.limit = storeWindowEvents();
    options.query.area = read.area;
    options.query.from = read.from;
    options.query.to = read.to;
    return options;
}

std::optional<StoreRead> storeReadFor(const model::LoadedBriefing::StoreVersions& read, const MapView& view, double day) {
    if (!read.partial) return std::nullopt;  // the whole store was read
    const GeoBounds v = view.geoExtent();
    const double w = v.east - v.west, h = v.north - v.south;
    bool needArea = false;
    if (w < 300) {  // with the whole world in view, the area cannot narrow the read
        if (!read.area) {
            needArea = read.truncated;
        } else {
            const GeoBounds& a = *read.area;
            const bool inside = v.west >= a.west && v.east <= a.east && v.south >= a.south && v.north <= a.north;
            const double readArea = (a.east - a.west) * (a.north - a.south);
            needArea = !inside || (read.truncated && w * h < 0.25 * readArea);
        }
    } else {
        needArea = read.area.has_value();  // zoomed out past what was read: read everywhere
    }
    // Time: only a read that was cut off (or was already limited in time) is narrowed to a year.
    const auto today = static_cast<model::DayNumber>(std::floor(day));
    bool needTime = false;
    if (read.from || read.to) needTime = (read.from && today < *read.from + kTimeMargin) || (read.to && today > *read.to - kTimeMargin);
    else needTime = read.truncated;
    if (!needArea && !needTime) return std::nullopt;
    StoreRead next;
    if (w < 300) next.area = GeoBounds{v.west - w * 0.25, std::max(-90.0, v.south - h * 0.25), v.east + w * 0.25, std::min(90.0, v.north + h * 0.25)};
    if (read.truncated || read.from || read.to) {
        next.from = today - kHalfYear;
        next.to = today + kHalfYear;
    }
    return next;
}

}  // namespace briefmap::ui
