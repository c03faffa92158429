// Name folding: scripts, diacritics, case and punctuation meet in one key.
#include <doctest/doctest.h>

#include "core/text_fold.hpp"

using namespace briefmap;

TEST_CASE("folding removes case, diacritics and punctuation") {
    CHECK(foldName("P'yŏngyang") == "pyongyang");
    CHECK(foldName("  KIM Jong-un ") == "kim jong un");
    CHECK(foldName("Zaporizhzhia") == "zaporizhzhia");
    CHECK(foldName("Sant Julià de Lòria") == "sant julia de loria");
}

TEST_CASE("Cyrillic and Hangul fold to Latin keys") {
    CHECK(foldName("Владивосток") == "vladivostok");
    CHECK(foldName("Москва") == "moskva");
    CHECK(foldName("평양") == "pyeongyang");
    CHECK(foldName("Харків").find("kiv") != std::string::npos);
}

TEST_CASE("invalid UTF-8 never crashes and folds to separators") {
    const std::string bad = std::string("Kur") + char(0xC3) + char(0x28) + "sk" + char(0xFF);
    CHECK_FALSE(isValidUtf8(bad));
    CHECK(foldName(bad) == "kur sk");
    CHECK(isValidUtf8("Харків"));
}
