// Annotations in the briefing file: read with their places resolved, written back the same, each
// mistake reported at its JSON path with line and column; undoable as one edit.
#include <doctest/doctest.h>

#include <filesystem>

#include "model/briefing_edits.hpp"
#include "model/briefing_loader.hpp"
#include "model/briefing_writer.hpp"
#include "core/read_file.hpp"
#include "test_support.hpp"

using namespace briefmap;
using namespace briefmap::model;
namespace fs = std::filesystem;

namespace {

const std::string kFixture = std::string(BRIEFMAP_TEST_DIR) + "/fixtures/annotations/annotated.json";

// The fixture's briefing with its "annotations" replaced by `annotations` (JSON text).
LoadedBriefing loadWith(const std::string& annotations) {
    nlohmann::json doc = nlohmann::json::parse(*readWholeFile(kFixture, 1 << 20));
    doc["annotations"] = nlohmann::json::parse(annotations);
    return loadBriefingText(kFixture, doc.dump(2), test::geocoder());
}

std::string allText(const Diagnostics& problems) {
    std::string s;
    for (const Diagnostic& d : problems) s += d.text() + "\n";
    return s;
}

}  // namespace

TEST_CASE("annotations are read with named places located and written back unchanged") {
    const LoadedBriefing loaded = loadBriefingFile(kFixture, test::geocoder());
    REQUIRE_MESSAGE(loaded.ok(), allText(loaded.problems));
    const std::vector<Annotation>& a = loaded.briefing.annotations;
    REQUIRE(a.size() == 5);
    CHECK(a[0].kind == AnnotationKind::RangeRing);
    CHECK(a[0].at.place == "Pyongyang");
    CHECK(a[0].at.located);
    CHECK(a[0].at.at.lat == doctest::Approx(39.03).epsilon(0.01));
    CHECK(a[0].radiusKm == 900);
    CHECK(a[1].color == 0xff5a5au);
    CHECK(a[1].start == PartialDate{2024, 6, 0});
    CHECK(!a[1].shownAt(dayNumber(2024, 5, 31)));
    CHECK(a[1].shownAt(dayNumber(2024, 6, 1)));
    CHECK(a[2].kind == AnnotationKind::Ruler);
    CHECK(a[2].to.place == "Vladivostok");
    CHECK(a[2].to.at.lon == doctest::Approx(131.9).epsilon(0.01));
    CHECK(a[3].at.place.empty());
    CHECK(a[3].at.at == LonLat{124.5, 38.2});
    CHECK(a[4].text == "Sea of Japan (East Sea)");

    // Written and read again: the same annotations, places still by name.
    const std::string written = briefingJson(loaded.briefing);
    const LoadedBriefing again = loadBriefingText(kFixture, written, test::geocoder());
    REQUIRE_MESSAGE(again.ok(), allText(again.problems));
    CHECK(again.briefing.annotations == a);
    CHECK(written.find("\"from\": \"Pyongyang\"") != std::string::npos);
}

TEST_CASE("annotation mistakes are reported at their path with the reason") {
    const LoadedBriefing bad = loadWith(R"([
        {"kind": "circle", "at": "Pyongyang"},
        {"kind": "range_ring", "at": "Pyongyang", "radius_km": -5},
        {"kind": "range_ring", "at": [200, 10], "radius_km": 100},
        {"kind": "ruler", "from": "Pyongyang"},
        {"kind": "label", "at": "Pyongyang"},
        {"kind": "arrow", "from": "Pyongyang", "to": "Atlantisgrad"},
        {"kind": "label", "at": [1, 2], "text": "x", "color": "red"},
        {"kind": "label", "at": [1, 2], "text": "x", "start": "2024-13"},
        {"kind": "label", "at": [1, 2], "text": "x", "radius_km": 5},
        {"kind": "ruler", "at": [1, 2], "from": [1, 2], "to": [3, 4]}
    ])");
    const std::string text = allText(bad.problems);
    CHECK(text.find("annotations[0].kind: unknown annotation kind 'circle'") != std::string::npos);
    CHECK(text.find("annotations[1].radius_km: expected a radius in kilometres") != std::string::npos);
    CHECK(text.find("annotations[2].at: not a point") != std::string::npos);
    CHECK(text.find("annotations[3].to: missing") != std::string::npos);
    CHECK(text.find("annotations[4].text: missing") != std::string::npos);
    CHECK(text.find("annotations[5].to: place 'Atlantisgrad' not found") != std::string::npos);
    CHECK(text.find("annotations[6].color: expected a colour as #rrggbb") != std::string::npos);
    CHECK(text.find("annotations[7].start:") != std::string::npos);
    CHECK(text.find("annotations[8].radius_km: only a range_ring has a radius") != std::string::npos);
    CHECK(text.find("annotations[9].at: a ruler has no 'at'") != std::string::npos);
    // Each names the file and a line.
    for (const Diagnostic& d : bad.problems) {
        CHECK(d.file == kFixture);
        CHECK(d.line > 0);
    }
}

TEST_CASE("replacing the annotations is one undoable edit") {
    LoadedBriefing loaded = loadBriefingFile(kFixture, test::geocoder());
    REQUIRE(loaded.ok());
    Briefing& b = loaded.briefing;
    const std::vector<Annotation> before = b.annotations;
    std::vector<Annotation> after = before;
    Annotation ring;
    ring.kind = AnnotationKind::RangeRing;
    ring.at = {"Seoul", {}, false};
    ring.radiusKm = 50;
    after.push_back(ring);
    EditHistory history;
    history.apply(b, replaceAnnotations(after, "Add range ring"));
    REQUIRE(b.annotations.size() == before.size() + 1);
    CHECK(b.annotations.back().at.located);  // Seoul is one of the briefing's places: located at once
    CHECK(history.undoLabel() == "Add range ring");
    history.undo(b);
    CHECK(b.annotations == before);
    history.redo(b);
    CHECK(b.annotations.size() == before.size() + 1);
}

TEST_CASE("a place's uncertainty_km is read, checked and written back") {
    nlohmann::json doc = nlohmann::json::parse(*readWholeFile(kFixture, 1 << 20));
    doc["places"] = nlohmann::json::parse(R"([{"name": "Pyongyang", "uncertainty_km": 30}])");
    const LoadedBriefing loaded = loadBriefingText(kFixture, doc.dump(2), test::geocoder());
    REQUIRE_MESSAGE(loaded.ok(), allText(loaded.problems));
    CHECK(loaded.briefing.places[loaded.briefing.findPlace("Pyongyang")].uncertaintyKm == 30);
    CHECK(briefingJson(loaded.briefing).find("\"uncertainty_km\": 30") != std::string::npos);
    doc["places"] = nlohmann::json::parse(R"([{"name": "Pyongyang", "uncertainty_km": -3}])");
    const LoadedBriefing bad = loadBriefingText(kFixture, doc.dump(2), test::geocoder());
    CHECK(allText(bad.problems).find("places[0].uncertainty_km: expected kilometres from 0 to 5000") != std::string::npos);
}
