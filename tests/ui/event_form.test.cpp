// The event editor's form without a window: an untouched form is no change, and each field typed
// becomes the JSON the briefing file holds.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "model/briefing_writer.hpp"
#include "test_support.hpp"
#include "ui/event_form.hpp"

using namespace briefmap;
using ordered = nlohmann::ordered_json;

TEST_CASE("every seed event goes through the editor's form unchanged") {
    const model::Briefing& seed = test::seedBriefing();
    for (const model::Event& e : seed.events) {
        CAPTURE(e.id);
        const ordered j = model::eventJsonValue(seed, e);
        ui::EventForm form;
        ui::fillEventForm(form, j);
        CHECK(ui::sameJson(ui::eventFromForm(form, j), j));
    }
}

TEST_CASE("fields typed in the form become the event's JSON") {
    const ordered before = ordered::parse(R"({"id": "x", "kind": "meeting", "start": "2024-06", "places": ["Pyongyang"],
        "status": "confirmed", "summary": "s", "note": "kept", "sources": []})");
    ui::EventForm form;
    ui::fillEventForm(form, before);
    std::snprintf(form.places, sizeof form.places, "Pyongyang\n  Vladivostok \n\n");
    form.flow = true;
    std::snprintf(form.from, sizeof form.from, "Nampo");
    std::snprintf(form.to, sizeof form.to, "Vladivostok");
    form.cargo = static_cast<int>(model::Cargo::Munitions);
    form.quantity = true;
    std::snprintf(form.value, sizeof form.value, "1000");
    std::snprintf(form.unit, sizeof form.unit, "containers");
    std::snprintf(form.qualifier, sizeof form.qualifier, "more than");
    form.precision = 1 + static_cast<int>(model::DatePrecision::Month);
    form.status = static_cast<int>(model::ClaimStatus::Claimed);
    std::snprintf(form.attribution, sizeof form.attribution, "South Korea's spy agency");
    const ordered after = ui::eventFromForm(form, before);
    CHECK(after["places"] == ordered({"Pyongyang", "Vladivostok"}));
    CHECK(after["flow"] == ordered({{"from", "Nampo"}, {"to", "Vladivostok"}, {"cargo", "munitions"}}));
    CHECK(after["quantity"]["value"] == 1000);
    CHECK(after["quantity"]["qualifier"] == "more than");
    CHECK(after["precision"] == "month");
    CHECK(after["status"] == "claimed");
    CHECK(after["attribution"] == ordered({"South Korea's spy agency"}));
    CHECK(after["note"] == "kept");  // what the form does not show stays
    // Unticking removes the section; a value that is not a number goes on as text for the reader.
    form.flow = false;
    std::snprintf(form.value, sizeof form.value, "many");
    const ordered again = ui::eventFromForm(form, before);
    CHECK_FALSE(again.contains("flow"));
    CHECK(again["quantity"]["value"] == "many");
}
