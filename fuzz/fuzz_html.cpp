// HTML pages through libxml2's parser (no network, no entities) and our main-text extraction.
#include "draft/html_article.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace briefmap;
    (void)draft::extractHtmlArticle(fuzz::text(data, size));
    return 0;
}
