// The drafter end to end on one article's text (sentences, frames, places, dates, claims).
#include "draft/drafter.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace briefmap;
    (void)draft::draftArticle(fuzz::text(data, size), model::PartialDate{2024, 6, 19}, fuzz::geocoder());
    return 0;
}
