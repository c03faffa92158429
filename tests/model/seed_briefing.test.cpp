// The default seed briefing built from the five articles: complete, and every event traceable to
// quoted sentences at their byte offsets; every place resolved by the gazetteer, none typed in by hand.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "model/briefing_loader.hpp"
#include "test_support.hpp"

using namespace briefmap;
using namespace briefmap::model;

namespace {

const LoadedBriefing& seed() {
    static const LoadedBriefing loaded = loadBriefingFile(defaultBriefingPath(), test::geocoder());
    return loaded;
}

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const Event* findEvent(const Briefing& b, const std::string& id) {
    for (const Event& e : b.events)
        if (e.id == id) return &e;
    return nullptr;
}

}  // namespace

TEST_CASE("the seed briefing loads without a single problem") {
    std::string problems;
    for (const Diagnostic& d : seed().problems) problems += d.text() + "\n";
    CHECK_MESSAGE(seed().ok(), problems);
    CHECK(seed().briefing.articles.size() == 5);
    CHECK(seed().briefing.events.size() >= 30);
}

TEST_CASE("the seed articles are the shared seeds, unchanged") {
    for (const Article& a : seed().briefing.articles) {
        const std::string shared = std::string(BRIEFMAP_SOURCE_DIR) + "/../shared/seeds/" +
                                   std::filesystem::path(a.path).filename().string();
        if (!std::filesystem::exists(shared)) continue;  // a clone outside the workplace has only our copy
        CHECK_MESSAGE(fileBytes(shared) == a.text, a.file);
    }
}

TEST_CASE("every quote sits at its byte offsets in its article, independently re-read") {
    size_t quotes = 0;
    for (const Event& e : seed().briefing.events) {
        REQUIRE_MESSAGE(!e.sources.empty(), e.id);
        for (const Source& s : e.sources) {
            REQUIRE(s.article < seed().briefing.articles.size());
            const std::string text = fileBytes(seed().briefing.articles[s.article].path);
            REQUIRE_MESSAGE(s.end <= text.size(), e.id);
            CHECK_MESSAGE(text.substr(s.start, s.end - s.start) == s.quote, e.id);
            ++quotes;
        }
    }
    CHECK(quotes >= 40);
}

TEST_CASE("every place resolves through the gazetteer, no coordinates typed by hand") {
    for (const Place& p : seed().briefing.places) {
        CHECK_MESSAGE(p.resolved, p.name);
        CHECK_MESSAGE(!p.overridden, p.name);
        CHECK_MESSAGE(!p.events.empty(), p.name);
    }
    const Briefing& b = seed().briefing;
    const auto near = [&](const char* name, double lat, double lon) {
        const uint32_t i = b.findPlace(name);
        REQUIRE_MESSAGE(i != kNone, name);
        CHECK_MESSAGE(std::abs(b.places[i].lat - lat) < 0.5, name);
        CHECK_MESSAGE(std::abs(b.places[i].lon - lon) < 0.5, name);
    };
    near("Vladivostok", 43.12, 131.89);
    near("Vostochny Cosmodrome", 51.88, 128.33);
    near("Pyongyang", 39.03, 125.75);
    near("Kharkiv", 49.99, 36.23);
    near("Kursk region", 51.7, 36.2);
}

TEST_CASE("the events the brief asks for are there, with honest dates, quantities and attribution") {
    const Briefing& b = seed().briefing;
    const Event* vostochny = findEvent(b, "2023-09-13-vostochny-summit");
    REQUIRE(vostochny);
    CHECK(vostochny->kind == EventKind::Meeting);
    CHECK(formatDay(vostochny->startDay) == "2023-09-13");

    const Event* winter = findEvent(b, "2023-12-missiles-fired-at-ukraine");
    REQUIRE(winter);
    CHECK(winter->precision == DatePrecision::Season);
    CHECK(formatDay(winter->startDay) == "2023-12-01");
    CHECK(formatDay(winter->endDay) == "2024-02-29");
    REQUIRE(winter->quantity);
    CHECK(winter->quantity->value == 50);
    CHECK(winter->quantity->qualifier == "about");
    CHECK(winter->status == ClaimStatus::Claimed);
    CHECK(winter->attribution == std::vector<std::string>{"Ukrainian officials"});

    const Event* troops = findEvent(b, "2024-fall-troops-to-kursk");
    REQUIRE(troops);
    REQUIRE(troops->flow);
    CHECK(troops->flow->cargo == Cargo::Troops);
    CHECK(b.places[troops->flow->to].name == "Kursk region");
    CHECK(troops->quantity->value == 15000);
    CHECK(formatDay(troops->startDay) == "2024-09-01");

    const Event* shells = findEvent(b, "2023-09-containers-of-shells");
    REQUIRE(shells);
    CHECK(shells->quantity->value == 4.8e6);
    CHECK(shells->quantity->qualifier == "up to");

    for (const char* id : {"2019-vladivostok-summit", "2023-07-shoigu-visit", "2023-09-10-kim-train",
                           "2023-11-satellite-launch", "2024-01-kharkiv-debris", "2024-03-un-panel-veto",
                           "2024-06-18-putin-to-pyongyang", "2024-06-19-partnership-treaty", "2024-06-putin-to-vietnam",
                           "2025-08-workers-and-deminers", "2025-08-12-kim-putin-call", "2025-08-15-alaska-summit",
                           "2023-trade-figure"})
        CHECK_MESSAGE(findEvent(b, id), id);

    std::set<Cargo> cargos;
    std::set<EventKind> kinds;
    for (const Event& e : b.events) {
        kinds.insert(e.kind);
        if (e.flow) cargos.insert(e.flow->cargo);
    }
    CHECK(cargos.size() == static_cast<size_t>(Cargo::Count));  // troops, munitions, missiles, technology, aid, people
    CHECK(kinds.size() == static_cast<size_t>(EventKind::Statement) + 1);  // every kind but those for imported data
    CHECK(b.firstDay() == dayNumber(2019, 1, 1));
    CHECK(b.lastDay() >= dayNumber(2025, 8, 15));
}
