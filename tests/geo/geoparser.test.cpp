// The geoparser: spans as written, people and things that are not places, resolution in context,
// robustness on real text, and the hand-labelled corpus (seed articles + wire-style texts).
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/read_file.hpp"
#include "geo/geoparser.hpp"
#include "test_support.hpp"

using namespace briefmap;

namespace {

const geo::Geoparser& parser() {
    static const geo::Geoparser p(test::geocoder());
    return p;
}

struct Found {
    std::string text, name, country, kind;
    bool demonym = false;
};

std::vector<Found> extract(const std::string& text, bool demonyms = false) {
    geo::GeoparseOptions options;
    options.includeDemonyms = demonyms;
    const geo::GeoparseResult r = parser().parse(text, options);
    const geo::Gazetteer& gaz = test::geocoder().gazetteer();
    std::vector<Found> out;
    for (const geo::Mention& m : r.mentions) {
        const geo::PlaceRecord& p = gaz.place(m.place);
        out.push_back({text.substr(m.start, m.end - m.start), std::string(gaz.placeName(m.place)),
                       std::string(p.country, 2), std::string(geo::placeKindName(p.kind)), m.demonym});
    }
    return out;
}

std::vector<std::string> spans(const std::string& text) {
    std::vector<std::string> out;
    for (const Found& f : extract(text)) out.push_back(f.text);
    return out;
}

double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    const double r = M_PI / 180.0;
    const double a = std::pow(std::sin((lat2 - lat1) * r / 2), 2) +
                     std::cos(lat1 * r) * std::cos(lat2 * r) * std::pow(std::sin((lon2 - lon1) * r / 2), 2);
    return 6371.0 * 2 * std::asin(std::min(1.0, std::sqrt(a)));
}

}  // namespace

TEST_CASE("a mention spans the name as written, qualifiers included, possessive excluded") {
    const auto got = extract(
        "North Korean troops fought in Russia's Kursk region. Kim flew to Amur Oblast and the Vostochny "
        "Cosmodrome, then toured the Russian Far East.");
    std::vector<std::string> texts;
    for (const Found& f : got) texts.push_back(f.text);
    CHECK(texts == std::vector<std::string>{"Russia", "Kursk region", "Amur Oblast", "Vostochny Cosmodrome",
                                            "the Russian Far East"});
    CHECK(got[1].kind == "admin1");
    CHECK(got[3].kind == "facility");
    CHECK(got[4].kind == "region");
}

TEST_CASE("people, organisations, time zones and weapons named after places are not mentions") {
    CHECK(spans("Kim Jong Un met Vladimir Putin and Xi Jinping.").empty());
    CHECK(spans("The New York Times and the Washington Post reported it at 10 a.m. Moscow time.").empty());
    CHECK(spans("Russia fired Hwasong-11 missiles, the U.N. Security Council heard.") == std::vector<std::string>{"Russia"});
    CHECK(spans("Jordan Peterson spoke to Mr. Lincoln and Chief Cabinet Secretary Georgia Smith.").empty());
    CHECK(spans("Spokesperson Lim Soo-suk said the Korean Central News Agency was wrong.").empty());
    CHECK(spans("He cited Voice of America, the Bank of Korea and the Kyiv Independent.").empty());
}

TEST_CASE("Washington as the US government is still Washington, D.C., context picks the namesake") {
    const auto got = extract("Washington and Seoul want talks; Pyongyang refused.");
    REQUIRE(got.size() == 3);
    CHECK(got[0].name == "Washington, D.C.");
    const auto kursk = extract("Ukrainian forces advanced near Sudzha in Russia's Kursk region.");
    REQUIRE(kursk.size() == 3);
    CHECK(kursk[0].text == "Sudzha");
    CHECK(kursk[0].country == "RU");
}

TEST_CASE("initials and titles: N. Korea is a name, V. an initial, a title is no town") {
    CHECK(spans("N. Korea and S. Korea met. Vladimir V. Putin did not.") == std::vector<std::string>{"N. Korea", "S. Korea"});
    CHECK(spans("Kharkiv Mayor Ihor Terekhov said the Donetsk region was shelled; in Donetsk, two died.") ==
          std::vector<std::string>{"Kharkiv", "Donetsk region", "Donetsk"});
    // A region of the same name vouches for the city inside it, over a namesake near another region.
    const auto got = extract("Drones struck Russia's Rostov region. Shelling hit the Donetsk region; in Donetsk, two died.");
    REQUIRE(got.size() == 4);
    CHECK(got[3].country == "UA");
}

TEST_CASE("small places need a locating word, sentence-initial words are not towns") {
    CHECK(spans("Analysts say Victory Day matters. In Tokyo, officials met.") == std::vector<std::string>{"Tokyo"});
    // "Tass" is a town in Hungary, but here an agency named without a locating word.
    CHECK(spans("Russia's Tass reported the talks.") == std::vector<std::string>{"Russia"});
    CHECK(spans("Soldiers were deployed in the villages of Korenevo and Sudzha in Russia.") ==
          std::vector<std::string>{"Korenevo", "Sudzha", "Russia"});
}

TEST_CASE("demonyms are mentions only on request, resolved to their country") {
    const std::string text = "North Korean troops and Russian forces met in Pyongyang.";
    CHECK(extract(text).size() == 1);
    const auto got = extract(text, true);
    REQUIRE(got.size() == 3);
    CHECK(got[0].text == "North Korean");
    CHECK(got[0].demonym);
    CHECK(got[0].country == "KP");
    CHECK(got[1].country == "RU");
}

TEST_CASE("robust on real text: curly quotes, NBSP, scripts, long lines, empty and invalid input") {
    CHECK(spans("") .empty());
    CHECK(spans("\xE2\x80\x9CKharkiv\xE2\x80\x9D\xC2\xA0" "and\xC2\xA0" "Kyiv") == std::vector<std::string>{"Kharkiv", "Kyiv"});
    const auto scripts = extract("Путин прилетел в Пхеньян; 평양에서 회담했다.");
    REQUIRE(scripts.size() == 2);
    CHECK(scripts[0].name == "Pyongyang");
    CHECK(scripts[1].name == "Pyongyang");
    std::string longLine;
    for (int i = 0; i < 20000; ++i) longLine += "troops moved from Kursk to Belgorod and back again ";
    const geo::GeoparseResult r = parser().parse(longLine);
    CHECK(r.mentions.size() == 40000);
    const std::string broken = "Troops \xFF\xC3 left Kharkiv\xE2\x82";
    const geo::GeoparseResult b = parser().parse(broken);
    CHECK(b.text.invalidSequences == 4);  // \xFF, \xC3 before a space, \xE2 and \x82 cut short
    REQUIRE(b.mentions.size() == 1);
    CHECK(broken.substr(b.mentions[0].start, b.mentions[0].end - b.mentions[0].start) == "Kharkiv");
}

TEST_CASE("hand-labelled corpus: exact-span F1 and resolution within 50 km") {
    const std::filesystem::path dir = std::filesystem::path(BRIEFMAP_TEST_DIR) / "fixtures" / "geoparse";
    size_t truePositives = 0, falsePositives = 0, falseNegatives = 0, resolved = 0, documents = 0;
    const geo::Gazetteer& gaz = test::geocoder().gazetteer();
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path());
        const nlohmann::json labels = nlohmann::json::parse(in);
        const std::string textPath = (dir / labels["text"].get<std::string>()).lexically_normal().string();
        Result<std::string> text = readWholeFile(textPath, size_t{1} << 24);
        REQUIRE_MESSAGE(text.ok(), textPath);
        const geo::GeoparseResult r = parser().parse(*text);
        ++documents;
        std::vector<bool> matched(r.mentions.size(), false);
        for (const nlohmann::json& gold : labels["mentions"]) {
            const uint32_t start = gold["start"], end = gold["end"];
            REQUIRE_MESSAGE(text->substr(start, end - start) == gold["text"].get<std::string>(),
                            "label offsets do not match the text: ", gold.dump());
            bool found = false;
            for (size_t k = 0; k < r.mentions.size(); ++k) {
                const geo::Mention& m = r.mentions[k];
                if (m.start != start || m.end != end) continue;
                found = matched[k] = true;
                ++truePositives;
                const geo::PlaceRecord& p = gaz.place(m.place);
                const double km = distanceKm(p.lat, p.lon, gold["lat"], gold["lon"]);
                if (km <= 50) ++resolved;
                else MESSAGE(entry.path().filename().string(), ": ", gold["text"], " resolved to ", gaz.placeName(m.place), " (", km, " km off)");
            }
            if (!found) {
                ++falseNegatives;
                MESSAGE(entry.path().filename().string(), ": missed ", gold["text"], " at ", start);
            }
        }
        for (size_t k = 0; k < r.mentions.size(); ++k)
            if (!matched[k]) {
                ++falsePositives;
                MESSAGE(entry.path().filename().string(), ": spurious ", text->substr(r.mentions[k].start, r.mentions[k].end - r.mentions[k].start),
                        " at ", r.mentions[k].start);
            }
    }
    REQUIRE(documents >= 7);
    const double precision = static_cast<double>(truePositives) / static_cast<double>(truePositives + falsePositives);
    const double recall = static_cast<double>(truePositives) / static_cast<double>(truePositives + falseNegatives);
    const double f1 = 2 * precision * recall / (precision + recall);
    const double resolution = static_cast<double>(resolved) / static_cast<double>(truePositives);
    std::printf("geoparser on %zu labelled documents: %zu labels, precision %.3f, recall %.3f, F1 %.3f, "
                "resolved within 50 km %.3f\n",
                documents, truePositives + falseNegatives, precision, recall, f1, resolution);
    CHECK(f1 >= 0.90);
    CHECK(resolution >= 0.95);
}
