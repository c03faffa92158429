// Tour files: reading and validation, then the timeline (camera path and times) sampled over the
// whole tour at a few screen sizes and both projections.
#include <string>

#include "model/tour.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace briefmap;
    const model::LoadedTour loaded = model::parseTour(std::string(reinterpret_cast<const char*>(data), size), "tour.json");
    for (const model::Diagnostic& d : loaded.problems) (void)d.text();
    if (!loaded.ok()) return 0;
    (void)model::parseTour(model::tourJson(loaded.tour), "again.json");
    for (const Projection p : {Projection::Mercator, Projection::Equirect}) {
        const model::TourTimeline line(loaded.tour, p, size % 2 ? 1920 : 7, size % 3 ? 1080 : 3);
        const double length = line.durationSeconds();
        for (int k = 0; k <= 64; ++k) (void)line.at(length * k / 64.0);
        (void)line.at(-1);
        (void)line.at(length + 1);
    }
    return 0;
}
