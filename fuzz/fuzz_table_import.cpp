// Imported data through the GDAL reader and our mapping: the first byte picks CSV, TSV or GeoJSON
// (GDAL's parsers are fuzzed upstream; this exercises column roles, dates, geometry, encodings).
#include "fuzz_support.hpp"
#include "model/briefing_loader.hpp"
#include "model/data_frame.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace briefmap;
    if (size == 0) return 0;
    static const char* const kNames[] = {"data.csv", "data.tsv", "data.geojson"};
    const std::string path = fuzz::writeInput(kNames[data[0] % 3], data + 1, size - 1);
    model::ImportOptions options;
    options.strict = data[0] & 0x80;
    const model::LoadedBriefing loaded = model::loadBriefingFile(path, fuzz::geocoder(), options);
    (void)loaded.report.summary();
    (void)model::dataFrame(loaded.briefing);
    return 0;
}
