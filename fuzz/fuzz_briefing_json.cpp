// Briefing JSON: reading, validation (every field, quotes against articles), geocoding of places.
#include "fuzz_support.hpp"
#include "model/briefing_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace briefmap;
    const std::string path = fuzz::writeInput("briefing.json", data, size);
    const model::LoadedBriefing loaded = model::loadBriefingFile(path, fuzz::geocoder());
    for (const model::Diagnostic& d : loaded.problems) (void)d.text();
    return 0;
}
