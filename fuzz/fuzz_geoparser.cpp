// The geoparser (tokenizer, candidates, context ranking) over arbitrary text.
#include "fuzz_support.hpp"
#include "geo/geoparser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace briefmap;
    static const geo::Geoparser parser(fuzz::geocoder());
    (void)parser.parse(fuzz::text(data, size));
    return 0;
}
