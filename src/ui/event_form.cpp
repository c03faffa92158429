#include "ui/event_form.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include "model/briefing.hpp"

namespace briefmap::ui {

using ordered = nlohmann::ordered_json;

namespace {

template <size_t N>
void put(char (&field)[N], const std::string& text) {
    const size_t n = std::min(text.size(), N - 1);
    std::memcpy(field, text.data(), n);
    field[n] = '\0';
}

std::string stringOf(const ordered& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string lines(const ordered& j, const char* key) {
    std::string out;
    if (auto it = j.find(key); it != j.end()) {
        if (it->is_string()) return it->get<std::string>();
        if (it->is_array())
            for (const ordered& v : *it)
                if (v.is_string()) out += (out.empty() ? "" : "\n") + v.get<std::string>();
    }
    return out;
}

// One entry per non-empty line, trimmed.
ordered list(const char* text) {
    ordered out = ordered::array();
    std::stringstream in(text);
    for (std::string line; std::getline(in, line);) {
        const size_t a = line.find_first_not_of(" \t\r"), b = line.find_last_not_of(" \t\r");
        if (a != std::string::npos) out.push_back(line.substr(a, b - a + 1));
    }
    return out;
}

std::string trimmed(const char* text) {
    std::string s(text);
    const size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

}  // namespace

void fillEventForm(EventForm& form, const ordered& e) {
    const std::string id = form.eventId;
    form = EventForm{};
    form.eventId = id;
    form.kind = static_cast<int>(model::eventKindFromName(stringOf(e, "kind")).value_or(model::EventKind::Statement));
    put(form.start, stringOf(e, "start"));
    put(form.end, stringOf(e, "end"));
    if (auto p = model::datePrecisionFromName(stringOf(e, "precision"))) form.precision = 1 + static_cast<int>(*p);
    put(form.places, lines(e, "places"));
    if (auto f = e.find("flow"); f != e.end() && f->is_object()) {
        form.flow = true;
        put(form.from, stringOf(*f, "from"));
        put(form.to, stringOf(*f, "to"));
        put(form.via, lines(*f, "via"));
        form.cargo = static_cast<int>(model::cargoFromName(stringOf(*f, "cargo")).value_or(model::Cargo::People));
    }
    if (auto q = e.find("quantity"); q != e.end() && q->is_object()) {
        form.quantity = true;
        if (auto v = q->find("value"); v != q->end() && v->is_number()) put(form.value, v->dump());
        put(form.unit, stringOf(*q, "unit"));
        put(form.qualifier, stringOf(*q, "qualifier"));
        put(form.quantityText, stringOf(*q, "text"));
    }
    put(form.actors, lines(e, "actors"));
    put(form.attribution, lines(e, "attribution"));
    form.status = static_cast<int>(model::claimStatusFromName(stringOf(e, "status")).value_or(model::ClaimStatus::Confirmed));
    put(form.summary, stringOf(e, "summary"));
    form.draft = stringOf(e, "review") == "draft";
}

ordered eventFromForm(const EventForm& form, const ordered& event) {
    ordered e = event;
    e["kind"] = model::eventKindName(static_cast<model::EventKind>(form.kind));
    e["start"] = trimmed(form.start);
    if (trimmed(form.end).empty()) e.erase("end");
    else e["end"] = trimmed(form.end);
    if (form.precision == 0) e.erase("precision");
    else e["precision"] = model::datePrecisionName(static_cast<model::DatePrecision>(form.precision - 1));
    if (ordered places = list(form.places); places.empty()) e.erase("places");
    else e["places"] = std::move(places);
    if (form.flow) {
        ordered f = e.contains("flow") && e["flow"].is_object() ? e["flow"] : ordered::object();
        f["from"] = trimmed(form.from);
        f["to"] = trimmed(form.to);
        if (ordered via = list(form.via); via.empty()) f.erase("via");
        else f["via"] = std::move(via);
        f["cargo"] = model::cargoName(static_cast<model::Cargo>(form.cargo));
        e["flow"] = std::move(f);
    } else {
        e.erase("flow");
    }
    if (form.quantity) {
        ordered q = e.contains("quantity") && e["quantity"].is_object() ? e["quantity"] : ordered::object();
        // A number as typed ("15000", "4.8e6"); anything else is passed on as text for the reader
        // to refuse with its own message.
        const std::string typed = trimmed(form.value);
        char* end = nullptr;
        const double v = std::strtod(typed.c_str(), &end);
        if (!typed.empty() && end && *end == '\0') {
            if (v == static_cast<double>(static_cast<long long>(v)) && std::abs(v) < 9e15) q["value"] = static_cast<long long>(v);
            else q["value"] = v;
        } else {
            q["value"] = typed;
        }
        q["unit"] = trimmed(form.unit);
        if (trimmed(form.qualifier).empty()) q.erase("qualifier");
        else q["qualifier"] = trimmed(form.qualifier);
        if (trimmed(form.quantityText).empty()) q.erase("text");
        else q["text"] = trimmed(form.quantityText);
        e["quantity"] = std::move(q);
    } else {
        e.erase("quantity");
    }
    if (ordered actors = list(form.actors); actors.empty()) e.erase("actors");
    else e["actors"] = std::move(actors);
    if (ordered who = list(form.attribution); who.empty()) e.erase("attribution");
    else e["attribution"] = std::move(who);
    e["status"] = model::claimStatusName(static_cast<model::ClaimStatus>(form.status));
    e["summary"] = trimmed(form.summary);
    if (form.draft) e["review"] = "draft";
    else e.erase("review");
    return e;
}

bool sameJson(const ordered& a, const ordered& b) { return nlohmann::json::parse(a.dump()) == nlohmann::json::parse(b.dump()); }

}  // namespace briefmap::ui
