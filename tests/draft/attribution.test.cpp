// Attribution: who says so, and which words their claim covers.
#include <doctest/doctest.h>

#include "draft/attribution.hpp"

using namespace briefmap;
using namespace briefmap::draft;

namespace {

struct Read {
    std::vector<Word> words;
    std::vector<Attribution> found;
    size_t wordOf(std::string_view w) const {
        for (size_t i = 0; i < words.size(); ++i)
            if (words[i].lower == w) return i;
        return SIZE_MAX;
    }
};

Read read(const std::string& text) {
    Read r;
    r.words = splitWords(text, {0, static_cast<uint32_t>(text.size())});
    r.found = findAttributions(text, r.words);
    return r;
}

}  // namespace

TEST_CASE("reporting clauses name their speaker and cover the claim") {
    const auto a = read("According to South Korean assessments, North Korea has sent around 15,000 troops to Russia.");
    REQUIRE(a.found.size() == 1);
    CHECK(a.found[0].speaker == "South Korean assessments");
    CHECK(a.found[0].cue == "according to");
    CHECK(a.found[0].covers(a.wordOf("sent")));

    const auto b = read("Officials in Kiev said that Russia launched about 50 North Korean ballistic missiles.");
    REQUIRE(b.found.size() == 1);
    CHECK(b.found[0].speaker == "Officials in Kiev");
    CHECK(b.found[0].covers(b.wordOf("launched")));
    CHECK_FALSE(b.found[0].covers(b.wordOf("kiev")));

    const auto c = read("North Korea sent more shells in June, KCNA reported.");
    REQUIRE(c.found.size() == 1);
    CHECK(c.found[0].speaker == "KCNA");
    CHECK(c.found[0].covers(c.wordOf("sent")));

    const auto d = read("Russia fired missiles at Kyiv overnight, said a Ukrainian air force spokesman.");
    REQUIRE(d.found.size() == 1);
    CHECK(d.found[0].speaker == "Ukrainian air force spokesman");
    CHECK(d.found[0].covers(d.wordOf("fired")));

    const auto e = read("The ministry cited U.S. officials as the source.");
    REQUIRE_FALSE(e.found.empty());
}

TEST_CASE("hedges, denials, confirmations and pronouns are told apart") {
    const auto hedge = read("Iran reportedly sent drones to Russia.");
    REQUIRE(hedge.found.size() == 1);
    CHECK(hedge.found[0].hedge);
    CHECK(hedge.found[0].covers(hedge.wordOf("sent")));

    const auto denial = read("Tehran denied supplying drones to Moscow.");
    REQUIRE(denial.found.size() == 1);
    CHECK(denial.found[0].denies);
    CHECK(denial.found[0].speaker == "Tehran");

    const auto confirmed = read("The Pentagon confirmed that the first Patriot battery had arrived.");
    REQUIRE(confirmed.found.size() == 1);
    CHECK(confirmed.found[0].confirms);
    CHECK(confirmed.found[0].speaker == "Pentagon");

    const auto pronoun = read("He said the summit will include a discussion on trade.");
    REQUIRE(pronoun.found.size() == 1);
    CHECK(pronoun.found[0].pronoun);

    const auto passive = read("North Korea is believed to have sent missiles.");
    REQUIRE(passive.found.size() == 1);
    CHECK(passive.found[0].hedge);
}

TEST_CASE("names that contain reporting words are not reporting clauses") {
    CHECK(read("The United States sent HIMARS to Ukraine.").found.empty());
    CHECK(read("Troops arrived in Kursk.").found.empty());
}
