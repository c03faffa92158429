// The countries' outlines for events known only at country level ("North Korea sent shells"): such
// an event is shown as its country, highlighted, with its marker at the country's label point, not
// as a pin on the capital the gazetteer gives for the country's name.
#pragma once
#include <string>
#include <vector>

#include "core/geo_types.hpp"
#include "geo/basemap.hpp"

namespace briefmap::render {

struct CountryShape {
    std::string name;
    std::vector<Ring> rings;  // unwrapped, even-odd
    GeoBounds box;
    LonLat anchor;            // where its label goes (pole of inaccessibility of its largest ring)
};

class CountryShapes {
public:
    CountryShapes() = default;
    explicit CountryShapes(const geo::Basemap& data);
    bool empty() const { return m_shapes.empty(); }
    // The country whose land holds `p` (in any world copy), else the one with land within
    // `nearKm` of it (a capital on a coast the 1:50m outline cuts off); nullptr when none.
    const CountryShape* at(LonLat p, double nearKm = 25) const;

private:
    std::vector<CountryShape> m_shapes;
};

// Even-odd point in rings (longitudes as the rings have them).
bool ringsContain(const std::vector<Ring>& rings, LonLat p);

}  // namespace briefmap::render
