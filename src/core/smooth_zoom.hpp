// The camera path between two views that a person finds smoothest: zoom out, pan, zoom in, in the
// proportions van Wijk and Nuij derived ("Smooth and efficient zooming and panning", InfoVis 2003),
// with ρ = √2 (the value their user study favoured, and d3-zoom's). Pure math on the projected plane.
#pragma once
#include "core/projection.hpp"

namespace briefmap {

struct ZoomView {
    Vec2d center;      // projected units
    double width = 1;  // projected units across the viewport
};

class SmoothZoom {
public:
    SmoothZoom(ZoomView from, ZoomView to, double rho = 1.4142135623730951);
    // The view a fraction t ∈ [0, 1] of the way along the path (t = 0: `from`, t = 1: `to`).
    ZoomView at(double t) const;
    // The path's length in the metric of the paper (zoom levels and screen widths travelled): a
    // good duration is proportional to it.
    double length() const { return m_length; }

private:
    ZoomView m_from, m_to;
    double m_rho, m_length = 0;
    double m_r0 = 0, m_distance = 0;
    bool m_pureZoom = false;
};

// Ease in and out (smoothstep of the cubic kind), t ∈ [0, 1].
double easeInOut(double t);

}  // namespace briefmap
