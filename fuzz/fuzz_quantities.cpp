// Quantities and attribution in article text (the drafter's number and "who says so" readers).
#include "draft/attribution.hpp"
#include "draft/quantities.hpp"
#include "draft/words.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace briefmap;
    const std::string_view s = fuzz::text(data, size);
    const std::vector<draft::Word> words = draft::splitWords(s, {0, static_cast<uint32_t>(s.size())});
    (void)draft::findQuantities(s, words);
    (void)draft::findAttributions(s, words);
    return 0;
}
