// Saving edits as small diffs: the file's own text is patched, its order and layout kept.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "model/json_text_patch.hpp"

using namespace briefmap::model;
using Json = nlohmann::ordered_json;

namespace {

// The file's value after editing, checked to parse and to hold mine's data.
std::string patched(const std::string& file, const Json& base, const Json& mine) {
    const std::optional<std::string> out = patchJsonText(file, base, mine);
    REQUIRE(out);
    const Json again = Json::parse(*out);
    CHECK(nlohmann::json::parse(again.dump()) == nlohmann::json::parse(mine.dump()));
    return *out;
}

size_t differingLines(const std::string& a, const std::string& b) {
    std::vector<std::string> x, y;
    for (auto [text, lines] : {std::pair{&a, &x}, std::pair{&b, &y}}) {
        size_t start = 0;
        for (size_t nl; (nl = text->find('\n', start)) != std::string::npos; start = nl + 1) lines->push_back(text->substr(start, nl - start));
        lines->push_back(text->substr(start));
    }
    if (x.size() != y.size()) return SIZE_MAX;
    size_t n = 0;
    for (size_t i = 0; i < x.size(); ++i) n += x[i] != y[i];
    return n;
}

const char* kFile = R"({
    "format": "demo",
    "view": {"bbox": [20, 33, 148, 60]},
    "events": [
        {
            "id": "a",
            "summary": "first",
            "places": [
                "Pyongyang"
            ]
        },
        {
            "id": "b",
            "summary": "second",
            "value": 1.50
        }
    ]
}
)";

}  // namespace

TEST_CASE("an unchanged document is written back byte for byte, even where the file differs from the canonical form") {
    const Json base = Json::parse(kFile);
    Json canonical = base;
    canonical["events"][1]["value"] = 1.5;  // the file writes 1.50
    canonical["status"] = "default";        // a default the file omits
    CHECK(patchJsonText(kFile, canonical, canonical) == std::optional<std::string>(kFile));
}

TEST_CASE("a one-field edit is a one-line change in the file's own indentation") {
    const Json base = Json::parse(kFile);
    Json mine = base;
    mine["events"][1]["summary"] = "second, corrected";
    const std::string out = patched(kFile, base, mine);
    CHECK(differingLines(kFile, out) == 1);
    CHECK(out.find("            \"summary\": \"second, corrected\",\n") != std::string::npos);
    mine["view"]["bbox"][0] = 21;
    const std::string out2 = patched(kFile, base, mine);
    CHECK(differingLines(kFile, out2) == 2);
    CHECK(out2.find("\"view\": {\"bbox\": [21, 33, 148, 60]},") != std::string::npos);  // stays on one line
}

TEST_CASE("members are added after their predecessor and removed with their separator") {
    const Json base = Json::parse(kFile);
    Json mine = base;
    Json& a = mine["events"][0];
    a = Json{{"id", "a"}, {"summary", "first"}, {"end", "2024"}, {"places", a["places"]}};
    std::string out = patched(kFile, base, mine);
    CHECK(out.find("            \"summary\": \"first\",\n            \"end\": \"2024\",\n            \"places\"") != std::string::npos);
    mine = base;
    mine["events"][1].erase("value");
    out = patched(kFile, base, mine);
    CHECK(out.find("\"summary\": \"second\"\n        }") != std::string::npos);
    mine = base;
    mine["events"][0].erase("id");  // the first member goes with the separator after it
    out = patched(kFile, base, mine);
    CHECK(out.find("{\n            \"summary\": \"first\",") != std::string::npos);
}

TEST_CASE("array elements with ids are matched by id: added, removed and edited in place") {
    const Json base = Json::parse(kFile);
    Json mine = base;
    mine["events"].erase(0);
    Json c = {{"id", "c"}, {"summary", "third"}, {"places", {"Kursk", "Moscow"}}};
    mine["events"].push_back(c);
    mine["events"][0]["summary"] = "second!";
    const std::string out = patched(kFile, base, mine);
    CHECK(out.find("\"id\": \"a\"") == std::string::npos);
    CHECK(out.find("\"summary\": \"second!\"") != std::string::npos);
    // The new element is written like its neighbours: one member per line, arrays spread out.
    CHECK(out.find("        },\n        {\n            \"id\": \"c\",\n            \"summary\": \"third\",\n            \"places\": [\n"
                   "                \"Kursk\",\n                \"Moscow\"\n            ]\n        }\n    ]") != std::string::npos);
    // Removing everything leaves a valid, empty array; adding to an empty one works too.
    mine["events"] = Json::array();
    CHECK(Json::parse(patched(kFile, base, mine))["events"].empty());
    const std::string empty = "{\"format\": \"demo\", \"events\": []}";
    Json withOne = Json::parse(empty);
    withOne["events"].push_back(c);
    CHECK(Json::parse(patched(empty, Json::parse(empty), withOne))["events"][0]["id"] == "c");
}

TEST_CASE("arrays without ids are patched element by element, grown and shrunk at the end") {
    const std::string file = "{\"list\": [1, 2, 3], \"sources\": [\n  {\"a\": 1},\n  {\"a\": 2}\n]}";
    const Json base = Json::parse(file);
    Json mine = base;
    mine["list"] = {1, 5, 3, 4};
    mine["sources"].erase(1);
    const std::string out = patched(file, base, mine);
    CHECK(out == "{\"list\": [1, 5, 3, 4], \"sources\": [\n  {\"a\": 1}\n]}");
}

TEST_CASE("text that is not JSON is not patched") {
    CHECK_FALSE(patchJsonText("{\"a\": ", Json::object(), Json::object()));
    CHECK_FALSE(patchJsonText("{} extra", Json::object(), Json::object()));
    std::string deep(2000, '[');
    CHECK_FALSE(patchJsonText(deep + std::string(2000, ']'), Json::array(), Json::array()));
}
