#include "core/smooth_zoom.hpp"

#include <algorithm>
#include <cmath>

namespace briefmap {

SmoothZoom::SmoothZoom(ZoomView from, ZoomView to, double rho) : m_from(from), m_to(to), m_rho(rho) {
    const double dx = to.center.x - from.center.x, dy = to.center.y - from.center.y;
    const double d2 = dx * dx + dy * dy;
    const double w0 = from.width, w1 = to.width;
    const double rho2 = rho * rho, rho4 = rho2 * rho2;
    if (d2 < 1e-12 * w0 * w0) {
        m_pureZoom = true;
        m_length = std::abs(std::log(w1 / w0)) / rho;
        return;
    }
    m_distance = std::sqrt(d2);
    const double b0 = (w1 * w1 - w0 * w0 + rho4 * d2) / (2 * w0 * rho2 * m_distance);
    const double b1 = (w1 * w1 - w0 * w0 - rho4 * d2) / (2 * w1 * rho2 * m_distance);
    m_r0 = std::log(std::sqrt(b0 * b0 + 1) - b0);
    const double r1 = std::log(std::sqrt(b1 * b1 + 1) - b1);
    m_length = (r1 - m_r0) / rho;
}

ZoomView SmoothZoom::at(double t) const {
    t = std::clamp(t, 0.0, 1.0);
    if (t == 1.0) return m_to;
    const double w0 = m_from.width;
    if (m_pureZoom) {
        const double k = m_to.width > 0 && w0 > 0 ? std::pow(m_to.width / w0, t) : 1;
        return {{m_from.center.x + t * (m_to.center.x - m_from.center.x), m_from.center.y + t * (m_to.center.y - m_from.center.y)},
                w0 * k};
    }
    const double s = t * m_length;
    const double coshr0 = std::cosh(m_r0);
    const double u = w0 / (m_rho * m_rho * m_distance) * (coshr0 * std::tanh(m_rho * s + m_r0) - std::sinh(m_r0));
    // u runs from 0 to 1 along the straight line between the centres (d3-interpolate's interpolateZoom).
    return {{m_from.center.x + u * (m_to.center.x - m_from.center.x), m_from.center.y + u * (m_to.center.y - m_from.center.y)},
            w0 * coshr0 / std::cosh(m_rho * s + m_r0)};
}

double easeInOut(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2;
}

}  // namespace briefmap
