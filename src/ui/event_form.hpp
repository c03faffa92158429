// The event editor's form ↔ the event's JSON as the briefing file writes it (no ImGui here): filled
// from an event, turned back into JSON that keeps every field the form does not show (sources,
// confidence, notes), so an untouched form is no change at all.
#pragma once
#include <nlohmann/json.hpp>

#include "ui/ui_state.hpp"

namespace briefmap::ui {

void fillEventForm(EventForm& form, const nlohmann::ordered_json& event);
// `event` with the form's fields written over it.
nlohmann::ordered_json eventFromForm(const EventForm& form, const nlohmann::ordered_json& event);
// Equal as data (member order aside).
bool sameJson(const nlohmann::ordered_json& a, const nlohmann::ordered_json& b);

}  // namespace briefmap::ui
