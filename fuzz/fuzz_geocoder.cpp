// Geocoder queries: exact, folded, fuzzy and with a country hint taken from the input's first bytes.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace briefmap;
    if (size < 2) return 0;
    geo::GeocodeOptions options;
    options.countryHint = std::string(reinterpret_cast<const char*>(data), 2);
    options.top = 5;
    (void)fuzz::geocoder().geocode(fuzz::text(data + 2, size - 2), options);
    (void)fuzz::geocoder().geocode(fuzz::text(data, size));
    return 0;
}
