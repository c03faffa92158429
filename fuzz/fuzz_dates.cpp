// Dates: the briefing format's dates, every data-file time format and the per-column detector, and
// the drafter's date phrases and datelines.
#include "draft/date_phrases.hpp"
#include "draft/words.hpp"
#include "fuzz_support.hpp"
#include "model/date.hpp"
#include "model/time_formats.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace briefmap;
    const std::string_view s = fuzz::text(data, size);
    (void)model::parsePartialDate(s);
    for (int f = 0; f < static_cast<int>(model::TimeFormat::Count); ++f) (void)model::parseTime(s, static_cast<model::TimeFormat>(f));
    std::vector<std::string_view> values;
    for (size_t start = 0; start <= s.size() && values.size() < 64;) {
        const size_t nl = s.find('\n', start);
        values.push_back(s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    (void)model::detectTimeFormat(values);
    const std::vector<draft::Word> words = draft::splitWords(s, {0, static_cast<uint32_t>(s.size())});
    (void)draft::findTimePhrases(s, words, model::PartialDate{2024, 6, 19});
    (void)draft::findTimePhrases(s, words, model::PartialDate{2024, 6, 0});
    (void)draft::findDatelineDate(s);
    return 0;
}
