#include "core/geodesic.hpp"

#include <dlfcn.h>
#include <geodesic.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <string>

namespace briefmap {

namespace {

// PROJ's geodesic entry points, resolved from libproj at first use. The ellipsoid is WGS84's.
struct Proj {
    decltype(&geod_init) init = nullptr;
    decltype(&geod_direct) direct = nullptr;
    decltype(&geod_inverse) inverse = nullptr;
    geod_geodesic wgs84{};
    std::string why;
};

const Proj& proj() {
    static Proj p;
    static std::once_flag once;
    std::call_once(once, [] {
        void* lib = nullptr;
        for (const char* name : {"libproj.so.25", "libproj.so"})
            if ((lib = dlopen(name, RTLD_NOW | RTLD_LOCAL))) break;
        if (!lib) {
            const char* e = dlerror();
            p.why = std::string("geodesics need PROJ (libproj): ") + (e ? e : "not found");
            return;
        }
        p.init = reinterpret_cast<decltype(&geod_init)>(dlsym(lib, "geod_init"));
        p.direct = reinterpret_cast<decltype(&geod_direct)>(dlsym(lib, "geod_direct"));
        p.inverse = reinterpret_cast<decltype(&geod_inverse)>(dlsym(lib, "geod_inverse"));
        if (!p.init || !p.direct || !p.inverse) {
            p.why = "geodesics need PROJ (libproj): its geodesic functions are missing";
            p.init = nullptr;
            return;
        }
        p.init(&p.wgs84, 6378137.0, 1 / 298.257223563);
    });
    return p;
}

bool finitePoint(LonLat p) { return std::isfinite(p.lon) && std::isfinite(p.lat) && std::abs(p.lat) <= 90; }

}  // namespace

Status geodesicsAvailable() {
    const Proj& p = proj();
    if (!p.init) return Error{p.why};
    return Done{};
}

Result<GeodesicLine> geodesicInverse(LonLat a, LonLat b) {
    const Proj& p = proj();
    if (!p.init) return Error{p.why};
    if (!finitePoint(a) || !finitePoint(b)) return Error{"not a point on the Earth"};
    GeodesicLine line;
    p.inverse(&p.wgs84, a.lat, a.lon, b.lat, b.lon, &line.metres, &line.azimuth1, &line.azimuth2);
    return line;
}

Result<LonLat> geodesicDestination(LonLat from, double azimuthDegrees, double metres) {
    const Proj& p = proj();
    if (!p.init) return Error{p.why};
    if (!finitePoint(from) || !std::isfinite(azimuthDegrees) || !std::isfinite(metres)) return Error{"not a point on the Earth"};
    LonLat to;
    p.direct(&p.wgs84, from.lat, from.lon, azimuthDegrees, metres, &to.lat, &to.lon, nullptr);
    return LonLat{wrapNear(to.lon, from.lon), to.lat};
}

Result<std::vector<LonLat>> geodesicPath(LonLat a, LonLat b, double maxStepMetres) {
    auto line = geodesicInverse(a, b);
    if (!line) return line.error();
    const Proj& p = proj();
    const int steps = std::max(1, static_cast<int>(std::ceil(line->metres / std::max(maxStepMetres, 1.0))));
    std::vector<LonLat> path;
    path.reserve(static_cast<size_t>(steps) + 1);
    path.push_back(a);
    for (int i = 1; i <= steps; ++i) {
        LonLat q;
        p.direct(&p.wgs84, a.lat, a.lon, line->azimuth1, line->metres * i / steps, &q.lat, &q.lon, nullptr);
        q.lon = wrapNear(q.lon, path.back().lon);
        path.push_back(q);
    }
    return path;
}

Result<std::vector<LonLat>> geodesicCircle(LonLat center, double metres, int segments) {
    const Proj& p = proj();
    if (!p.init) return Error{p.why};
    if (!finitePoint(center) || !std::isfinite(metres) || metres <= 0) return Error{"not a circle on the Earth"};
    segments = std::max(segments, 8);
    std::vector<LonLat> ring;
    ring.reserve(static_cast<size_t>(segments) + 1);
    for (int i = 0; i <= segments; ++i) {
        LonLat q;
        p.direct(&p.wgs84, center.lat, center.lon, 360.0 * (i % segments) / segments, metres, &q.lat, &q.lon, nullptr);
        q.lon = wrapNear(q.lon, ring.empty() ? center.lon : ring.back().lon);
        ring.push_back(q);
    }
    return ring;
}

std::string formatDistance(double metres, bool miles) {
    char buffer[64];
    auto grouped = [](double v) {
        // Thousands separated by commas: "1,234".
        std::string digits = std::to_string(static_cast<long long>(std::llround(v)));
        for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
        return digits;
    };
    std::string out;
    if (metres < 1000) {
        std::snprintf(buffer, sizeof buffer, "%.0f m", metres);
        out = buffer;
    } else if (metres < 100'000) {
        std::snprintf(buffer, sizeof buffer, "%.1f km", metres / 1000);
        out = buffer;
    } else {
        out = grouped(metres / 1000) + " km";
    }
    if (miles) {
        const double mi = metres / 1609.344;
        if (mi < 100) std::snprintf(buffer, sizeof buffer, "%.1f", mi);
        out += " (" + (mi < 100 ? std::string(buffer) : grouped(mi)) + " mi)";
    }
    return out;
}

}  // namespace briefmap
